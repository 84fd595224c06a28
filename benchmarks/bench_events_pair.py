"""Cold and warm ``geo events`` on the 600 articles of ``bench_cli.py``: two source trees, interleaved, in one run.

The short form of ``bench_cli.py`` for its ``geo events`` rows, comparing two versions of the code (for
example ``git worktree add --detach /tmp/before main`` against this tree) on a shared, noisy machine:
each round runs the floor (``python -c "import folium, geopandas"``), then for each tree a cold run
(an empty cache folder: the gazetteer tables are built and every article is extracted) and a warm
one (the cache the cold run wrote), as fresh processes whose working directory is the tree (so
``python -m geo`` imports that tree's code). Wall time, CPU time (user + system, the pool's workers
included) and peak memory per process, as ``bench_cli.py`` measures them.

Usage::

    python benchmarks/bench_events_pair.py BEFORE_TREE [AFTER_TREE] [--rounds 3]
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

from bench_cli import ARTICLES, make_corpus, run  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path, nargs="?", default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    work = Path(tempfile.mkdtemp(prefix="geo-bench-pair-"))
    try:
        corpus = work / "corpus"
        make_corpus(corpus)
        base = {**os.environ, "GEO_DATA_DIR": str(work / "data")}
        base.pop("GEO_CORPUS", None)
        base.pop("GEO_STORE", None)
        results: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
        for r in range(args.rounds):
            results.setdefault(("floor", "-"), []).append(
                run([sys.executable, "-c", "import folium, geopandas"], base, work))
            for name, tree in trees.items():
                env = {**base, "PYTHONPATH": str(tree), "GEO_CACHE_DIR": str(work / f"cache-{name}-{r}")}
                cmd = [sys.executable, "-m", "geo", "events", "--corpus", str(corpus), "--format", "json"]
                results.setdefault((name, "cold"), []).append(run(cmd, env, tree))
                results.setdefault((name, "warm"), []).append(run(cmd, env, tree))
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
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
