"""Cold and warm ``geo events`` on the 600 articles of ``bench_cli.py``: two source trees, interleaved, in one run.

The short form of ``bench_cli.py`` for its ``geo events`` rows, comparing two versions of the code (for
example ``git worktree add --detach /tmp/before main`` against this tree) on a shared, noisy machine:
each round runs the floor (``python -c "import folium, geopandas"``), then for each tree a cold run
(an empty cache folder: the gazetteer tables are built and every article is extracted) and a warm
one (the cache the cold run wrote), as fresh processes whose working directory is the tree (so
``python -m geo`` imports that tree's code). Wall time, CPU time (user + system, the pool's workers
included) and peak memory per process, as ``bench_cli.py`` measures them.

``--states`` chooses the runs of each round (default ``cold warm``); ``new`` is ``bench_cli.py``'s *new
articles*: the tree's gazetteer tables cached (built once per tree before the rounds, linked into an empty
cache folder each round) but no extraction and no read corpus, a user's first run over articles the tool
has not seen.

Usage::

    python benchmarks/bench_events_pair.py BEFORE_TREE [AFTER_TREE] [--rounds 3] [--states cold warm new]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_cli import ARTICLES, CORPUS_KIND, EXTRACT_KIND, make_corpus, run  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path, nargs="?", default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--states", nargs="+", choices=("cold", "warm", "new"), default=["cold", "warm"])
    args = parser.parse_args(argv)
    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    work = Path(tempfile.mkdtemp(prefix="geo-bench-pair-"))
    try:
        corpus = work / "corpus"
        make_corpus(corpus)
        base = {**os.environ, "GEO_DATA_DIR": str(work / "data")}
        base.pop("GEO_CORPUS", None)
        base.pop("GEO_STORE", None)
        cmd = [sys.executable, "-m", "geo", "events", "--corpus", str(corpus), "--format", "json"]
        if "new" in args.states:  # each tree's own tables, built once
            for name, tree in trees.items():
                run(cmd, {**base, "PYTHONPATH": str(tree), "GEO_CACHE_DIR": str(work / f"tables-{name}")}, tree)
        results: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
        for r in range(args.rounds):
            results.setdefault(("floor", "-"), []).append(
                run([sys.executable, "-c", "import folium, geopandas"], base, work))
            for name, tree in trees.items():
                env = {**base, "PYTHONPATH": str(tree), "GEO_CACHE_DIR": str(work / f"cache-{name}-{r}")}
                if "cold" in args.states:
                    results.setdefault((name, "cold"), []).append(run(cmd, env, tree))
                if "warm" in args.states:
                    if "cold" not in args.states:
                        run(cmd, env, tree)  # the cache a warm run reads, written by a run not counted
                    results.setdefault((name, "warm"), []).append(run(cmd, env, tree))
                if "new" in args.states:
                    fresh = work / f"new-{name}-{r}"
                    shutil.copytree(work / f"tables-{name}", fresh, copy_function=os.link,
                                    ignore=shutil.ignore_patterns(f"{EXTRACT_KIND}-*", f"{CORPUS_KIND}-*"))
                    results.setdefault((name, "new"), []).append(
                        run(cmd, {**env, "GEO_CACHE_DIR": str(fresh)}, tree))
                    shutil.rmtree(fresh, ignore_errors=True)
                shutil.rmtree(work / f"cache-{name}-{r}", ignore_errors=True)
        print(f"medians of {args.rounds}; before = {trees['before']}, after = {trees['after']}")
        print("| tree | cache | wall s | each run | CPU s | peak RSS MB | articles/s (wall) |")
        print("|---|---|---|---|---|---|---|")
        for (name, state), runs in results.items():
            wall = statistics.median(w for w, _, _ in runs)
            cpu = statistics.median(c for _, c, _ in runs)
            rate = "" if name == "floor" else f"{ARTICLES / wall:.0f}"
            print(f"| {name} | {state} | {wall:.2f} | {', '.join(f'{w:.1f}' for w, _, _ in runs)} | {cpu:.2f} | "
                  f"{max(m for _, _, m in runs):.0f} | {rate} |")
        for state in args.states:  # after / before, of the medians and round by round (the pairs ran side by side)
            before, after = results[("before", state)], results[("after", state)]
            for k, label in ((0, "wall"), (1, "CPU")):
                pairs = ", ".join(f"{a[k] / b[k]:.2f}" for b, a in zip(before, after, strict=True))
                ratio = statistics.median(a[k] for a in after) / statistics.median(b[k] for b in before)
                print(f"{state} {label}: after / before {ratio:.2f} (rounds {pairs})")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
