"""Time the commands a user runs, as fresh processes, against the import floor, cold and warm.

In one run, N rounds (default 3) of fresh processes, each round running every command once in
turn (so that the machine's load falls on all of them alike); the medians are printed with
their ratio to the floor, ``python -c "import folium, geopandas"``, which any folium/geopandas
tool pays. Measured per process with ``os.wait4``: wall time, CPU time (user + system: less
disturbed than wall time when other work shares the CPUs) and peak resident memory (Linux
counts the parent's size at the fork in a child's peak, so this script stays small: the wire
corpus is written by a child).

* ``geo render --date 2024-12-08`` on the seeds (the main job);
* the gazetteer load (``load_store()`` in a fresh interpreter);
* ``geo gazetteer lookup Deraa``;
* ``geo events --format json`` on 600 real-length articles (articles per second, start-up included);
  and, for reference (warm only), on 600 synthetic wire articles of ``wire_corpus.py`` (default
  seed), shorter and with fewer events per paragraph than the seeds and the dev set.

Each is run *warm* (the gazetteer cache, :mod:`gazetteer.cache`, and the cache of each article's
extraction, :mod:`geo.extract.cache`, written by an earlier process: a re-run over an unchanged
corpus) and *cold* (an empty cache folder: the process builds the tables, extracts every article
and writes both); ``geo events`` is also run on *new articles*: the gazetteer's tables cached, but no
extraction and no read corpus (the warm cache's tables linked into a folder of their own), the case of
a user's first run over articles the tool has not seen. No user gazetteer is
read (``GEO_DATA_DIR`` is an empty folder).

The 600 articles are generated in a temporary folder (about 2.5 MB, not kept) from the five
seeds and the 74 dev-set articles (``benchmarks/devset/articles``), deterministically: article
*i* opens with the first two to four paragraphs of source article ``i mod 79`` (its lead) and
goes on with paragraphs drawn at random (``random.Random(i)``) from the other sources until it
is as long as a length drawn from 3,000-6,500 characters (the range of the seeds' lengths);
its date and outlet are its lead's (``metadata.csv``).

Usage: python benchmarks/bench_cli.py [N]
"""

from __future__ import annotations

import csv
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the cache kinds of geo.extract.cache.KIND and geo.read.corpus.CORPUS_KIND, named here so that this script imports
# nothing of geo (a child's peak memory counts its parent's size at the fork)
EXTRACT_KIND, CORPUS_KIND = "extract", "corpus"
ARTICLES = 600
LENGTHS = (3000, 6500)


def source_articles() -> list[tuple[str, dict[str, str]]]:
    """Return (text, metadata row) of every seed and dev-set article."""
    found = []
    for folder in (ROOT / "seeds", ROOT / "benchmarks" / "devset" / "articles"):
        with (folder / "metadata.csv").open(encoding="utf-8") as fh:
            meta = {row["file"]: row for row in csv.DictReader(fh)}
        for path in sorted(folder.glob("*.txt")):
            if path.name in meta:
                found.append((path.read_text(encoding="utf-8"), meta[path.name]))
    return found


def make_corpus(folder: Path, n: int = ARTICLES) -> int:
    """Write *n* articles and their ``metadata.csv`` into *folder* (the method in the module docs); return bytes."""
    sources = source_articles()
    paragraphs = [[p for p in text.split("\n\n") if p.strip()] for text, _ in sources]
    folder.mkdir(parents=True, exist_ok=True)
    rows, size = [], 0
    for i in range(n):
        rng = random.Random(i)
        lead = i % len(sources)
        target = rng.randint(*LENGTHS)
        body = paragraphs[lead][: rng.randint(2, 4)]
        while sum(len(p) + 2 for p in body) < target:
            other = rng.choice([k for k in range(len(sources)) if k != lead])
            body.append(rng.choice(paragraphs[other]))
        text = "\n\n".join(body) + "\n"
        name = f"{i:03d}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
        meta = sources[lead][1]
        rows.append({"file": name, "date": meta["date"], "source": meta["source"], "title": meta.get("title", ""),
                     "url": ""})
    with (folder / "metadata.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["file", "date", "source", "title", "url"])
        writer.writeheader()
        writer.writerows(rows)
    return size


def run(cmd: list[str], env: dict[str, str], cwd: Path = ROOT) -> tuple[float, float, float]:
    """Run a fresh process in *cwd*; return its wall time (s), CPU time (s) and peak resident memory (MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {stderr.strip()[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def compile_tree(tree: Path) -> None:
    """Write the bytecode of *tree*'s packages, as a user's first run would.

    Where ``PYTHONDONTWRITEBYTECODE`` is set (some sandboxes and containers), no process writes
    it, and every measured process would compile each module edited since the last write again:
    0.1-0.3 s of compiling the extraction rules, which a user pays once.
    """
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "geo"), str(tree / "gazetteer")], check=True,
                   capture_output=True)


def main(rounds: int = 3) -> None:
    compile_tree(ROOT)
    work = Path(tempfile.mkdtemp(prefix="geo-bench-cli-"))
    try:
        corpus = work / "corpus600"
        size = make_corpus(corpus)
        print(f"{ARTICLES} articles generated in {corpus} ({size / 1e6:.2f} MB, "
              f"{size / ARTICLES / 1e3:.1f} kB each)")
        wire = work / "wire600"  # in a child process: this one stays small (a child's peak counts its parent's)
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "wire_corpus.py"), "--n", str(ARTICLES), "--out",
                        str(wire)], env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True, capture_output=True)
        wire_size = sum(p.stat().st_size for p in wire.glob("*.txt"))
        print(f"{ARTICLES} wire articles generated in {wire} ({wire_size / 1e6:.2f} MB, "
              f"{wire_size / ARTICLES / 1e3:.1f} kB each)")
        env = {**os.environ, "PYTHONPATH": str(ROOT), "GEO_DATA_DIR": str(work / "data")}
        env.pop("GEO_CORPUS", None)
        env.pop("GEO_STORE", None)
        py = [sys.executable]
        geo = [*py, "-m", "geo"]
        out = str(work / "map.html")
        commands = {
            "import folium, geopandas": [*py, "-c", "import folium, geopandas"],
            "geo render --date 2024-12-08": [*geo, "render", "--date", "2024-12-08", "--out", out],
            "gazetteer load": [*py, "-c", "from gazetteer.store import load_store; load_store()"],
            "geo gazetteer lookup Deraa": [*geo, "gazetteer", "lookup", "Deraa"],
            f"geo events ({ARTICLES} articles)": [*geo, "events", "--corpus", str(corpus), "--format", "json"],
            f"geo events ({ARTICLES} wire articles)": [*geo, "events", "--corpus", str(wire), "--format", "json"],
        }
        warm = {**env, "GEO_CACHE_DIR": str(work / "warm")}
        for name in commands:  # builds the warm cache: the tables and every corpus's extractions
            if name.startswith("geo "):
                run(commands[name], warm)
        results: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
        for r in range(rounds):
            for k, (name, cmd) in enumerate(commands.items()):
                results.setdefault((name, "warm"), []).append(run(cmd, warm))
                if name.startswith("import") or "wire" in name:
                    continue
                cold = {**env, "GEO_CACHE_DIR": str(work / f"cold-{r}-{k}")}  # empty: this process builds it
                results.setdefault((name, "cold"), []).append(run(cmd, cold))
                if name.startswith("geo events"):
                    fresh = work / f"new-{r}-{k}"  # the tables (links to the warm cache's files), no extraction
                    shutil.copytree(work / "warm", fresh, copy_function=os.link,
                                    ignore=shutil.ignore_patterns(f"{EXTRACT_KIND}-*", f"{CORPUS_KIND}-*"))
                    results.setdefault((name, "new articles"), []).append(
                        run(cmd, {**env, "GEO_CACHE_DIR": str(fresh)}))
        report(results, rounds)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(results: dict[tuple[str, str], list[tuple[float, float, float]]], rounds: int) -> None:
    """Print the medians, the ratios to the floor and the peak memory as a Markdown table."""
    floor_wall = statistics.median(w for w, _, _ in results[("import folium, geopandas", "warm")])
    floor_cpu = statistics.median(c for _, c, _ in results[("import folium, geopandas", "warm")])
    print(f"\nmedians of {rounds} fresh processes; x floor = ratio to the median of `import folium, geopandas` "
          "in the same run")
    print("| command | cache | wall s | x floor | CPU s | x floor | peak RSS MB | articles/s |")
    print("|---|---|---|---|---|---|---|---|")
    for (name, state), runs in results.items():
        wall = statistics.median(w for w, _, _ in runs)
        cpu = statistics.median(c for _, c, _ in runs)
        rss = max(m for _, _, m in runs)
        rate = f"{ARTICLES / wall:.0f}" if name.startswith("geo events") else ""
        label = "-" if name.startswith("import") else state
        print(f"| `{name}` | {label} | {wall:.2f} | {wall / floor_wall:.2f} | {cpu:.2f} | {cpu / floor_cpu:.2f} | "
              f"{rss:.0f} | {rate} |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
