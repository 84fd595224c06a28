"""Scale benchmark: extraction throughput, growth to 100k articles, render/export from a store.

Everything is measured in one run, with its baseline measured in the same run (these
machines are noisy, so ratios are the figures to compare):

1. **Throughput** on ``--throughput-n`` generated wire articles (default 10,000), with the
   gazetteer loaded and every memo empty: in a pool of one process per CPU (what ``geo
   ingest`` runs), then in this process, ``geo.extract.article.extract_article`` per article
   (articles/s, MB/s, words/s), against a bare Aho–Corasick scan of the same text with the gazetteer's own
   automaton (the practical limit of any name finder), and against Mordecai 2's published
   CPU figures (≈10 documents/s, ≈3.7k words/s; FIELD-ANCHORS A5). The known events of the
   generated articles are scored (recall, precision). Mordecai 2 only geoparses (finds and
   resolves place names), so geoparsing alone (``Gazetteer.find`` on each article) is also
   timed, in the pool and in a fresh process, for the like-for-like comparison.
2. **Growth**: ``geo ingest`` in a fresh process on 1k, 10k and 100k articles (``--sizes``),
   with its default process pool (one worker per CPU): wall time and peak resident memory
   of the parent and of the largest worker (``os.wait4`` reports the largest of the
   process and its waited-for children), per article; then the middle size again with
   ``--workers 1``.
3. **Incremental store**: re-ingesting the largest corpus unchanged (every file skipped),
   then adding 1% new articles.
4. **Outputs from the store** at the largest size: ``geo render --date`` and ``geo export
   --format gpkg --date`` (time, peak memory, output size). Both keep the default 90-day
   window of change dates. Then ``geo render`` of the whole history, without ``--date``
   (a history of more than 400 change dates steps by week, month, quarter or year).

Run: ``python benchmarks/bench_scale.py [--sizes 1000 10000 100000] [--workdir DIR]``.
Generated corpora are cached in the work directory (``/tmp/geo-scale`` by default).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import wire_corpus  # noqa: E402  (scoring; generation runs in a child)
from bare_scan import bare_automaton  # noqa: E402

MORDECAI2_DOCS_PER_S = 10.0  # FIELD-ANCHORS A5: 9.3-10.9 docs/s on a CPU
MORDECAI2_WORDS_PER_S = 3_700.0


def corpus(workdir: Path, n: int, seed: int) -> Path:
    """The generated corpus of *n* articles (written once, then reused)."""
    folder = workdir / f"wire-{n}-{seed}"
    done = folder / ".complete"
    if not done.exists():  # in a child: this process must stay small (see run_measured)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"import wire_corpus, pathlib; wire_corpus.write_corpus("
                        f"pathlib.Path({str(folder)!r}), {n}, seed={seed})"], cwd=Path(__file__).parent, check=True)
        done.write_text(f"{time.perf_counter() - t0:.1f}\n")
    return folder


def run_measured(argv: list[str]) -> dict[str, float]:
    """Run a command in a fresh process: wall seconds and peak resident memory (MB).

    The peak is ``ru_maxrss`` from ``os.wait4``: the largest of the process and its reaped
    children (the ingest pool's workers). Linux carries the forking parent's peak into a
    child across ``exec``, so this process must not have loaded anything large before: the
    corpora are generated in a child, and the in-process throughput part runs last.
    """
    with tempfile.TemporaryFile() as stderr:  # not a pipe: a chatty child would block on a full one
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        stderr.seek(0)
        err = stderr.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{err}")
    lines = err.strip().splitlines()
    return {"seconds": wall, "peak_mb": usage.ru_maxrss / 1024, "stderr_lines": len(lines), "stderr": lines[-1:]}


def geoparse_batch(articles: list) -> int:
    """Find and resolve the place names of each article (what Mordecai 2 does); the number found."""
    from gazetteer import default_gazetteer

    gz = default_gazetteer()
    return sum(len(gz.find(a.text)) for a in articles)


def geoparse_one_process(folder: Path) -> dict[str, float]:
    """:func:`geoparse_batch` over every article in this process (run in a fresh child: memos empty)."""
    from gazetteer import default_gazetteer
    from geo.read.corpus import read_article

    default_gazetteer().find("Aleppo")  # builds the name automaton
    articles = [a for a in (read_article(p)[0] for p in sorted(folder.glob("*.txt"))) if a is not None]
    t0 = time.perf_counter()
    found = geoparse_batch(articles)
    return {"seconds": time.perf_counter() - t0, "mentions": found}


def geoparse(folder: Path, articles: list, words: int, workers: int) -> dict[str, float]:
    """Geoparsing alone, the task Mordecai 2's figures measure: in the pool, then in a fresh process."""
    from geo.ingest.engines import map_batches

    n = len(articles)
    t0 = time.perf_counter()
    pooled = sum(map_batches(geoparse_batch, [articles[i : i + 100] for i in range(0, n, 100)], workers=workers))
    pool = time.perf_counter() - t0
    child = subprocess.run([sys.executable, __file__, "--geoparse-child", str(folder)], check=True,
                           capture_output=True, text=True)
    one = json.loads(child.stdout)
    if one["mentions"] != pooled:
        raise SystemExit("the process pool found other place names than one process")
    return {"mentions": pooled, "one_process_s": one["seconds"], "articles_per_s": n / one["seconds"],
            "x_mordecai2_docs": n / one["seconds"] / MORDECAI2_DOCS_PER_S,
            "x_mordecai2_words": words / one["seconds"] / MORDECAI2_WORDS_PER_S,
            "pool_s": pool, "pool_articles_per_s": n / pool, "pool_x_mordecai2_docs": n / pool / MORDECAI2_DOCS_PER_S,
            "pool_x_mordecai2_words": words / pool / MORDECAI2_WORDS_PER_S}


def throughput(folder: Path, gold: Path) -> dict[str, float]:
    """Extraction vs a bare automaton scan of the same articles, in this process."""
    from gazetteer import default_gazetteer
    from geo.extract.article import extract_article, extract_articles
    from geo.ingest.engines import default_workers, map_batches
    from geo.read.corpus import read_article

    t0 = time.perf_counter()
    gz = default_gazetteer()
    gz.find("Aleppo")  # builds the name automaton
    startup = time.perf_counter() - t0
    articles = [a for a in (read_article(p)[0] for p in sorted(folder.glob("*.txt"))) if a is not None]
    texts = [a.text for a in articles]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    words = sum(len(t.split()) for t in texts)
    automaton = bare_automaton(gz)

    t0 = time.perf_counter()
    hits = sum(1 for t in texts for _ in automaton.iter(t.lower()))
    bare = time.perf_counter() - t0

    n = len(articles)
    # Every CPU first, so that both runs start with empty memos (forked workers would inherit this
    # process's): the process pool of ``geo ingest``, start-up included; batches of 100 are pickled
    # out and the records pickled back.
    workers = default_workers()
    geoparsing = geoparse(folder, articles, words, workers)
    batches = [articles[i : i + 100] for i in range(0, n, 100)]
    t0 = time.perf_counter()
    pooled = [e for r in map_batches(extract_articles, batches, workers=workers) for x in r for e in x.events]
    pool = time.perf_counter() - t0

    t0 = time.perf_counter()
    events = [e for a in articles for e in extract_article(a, gz).events]
    extract = time.perf_counter() - t0

    if pooled != events:
        raise SystemExit("the process pool extracted other events than one process")
    quality = wire_corpus.score(gold, events)
    quality = {k: v for k, v in quality.items() if k not in ("misses", "by_kind")} | {
        "misses": quality.get("misses"), "by_kind": quality.get("by_kind")}
    return {
        "articles": n, "mb": mb, "words": words, "startup_s": startup, "bare_hits": hits,
        "bare_s": bare, "bare_articles_per_s": n / bare, "bare_mb_per_s": mb / bare,
        "extract_s": extract, "articles_per_s": n / extract, "mb_per_s": mb / extract,
        "words_per_s": words / extract, "x_bare": extract / bare,
        "x_mordecai2_docs": n / extract / MORDECAI2_DOCS_PER_S,
        "x_mordecai2_words": words / extract / MORDECAI2_WORDS_PER_S,
        "pool_workers": workers, "pool_s": pool, "pool_articles_per_s": n / pool, "pool_mb_per_s": mb / pool,
        "pool_x_one_process": extract / pool, "pool_x_mordecai2_docs": n / pool / MORDECAI2_DOCS_PER_S,
        "pool_x_mordecai2_words": words / pool / MORDECAI2_WORDS_PER_S,
        "events": len(events), "quality": quality, "geoparse_only": geoparsing,
    }


def growth(workdir: Path, sizes: list[int], seed: int, engine: list[str], tag: str = "") -> list[dict[str, float]]:
    """``geo ingest`` from scratch at each size, in a fresh process each."""
    rows = []
    for n in sizes:
        folder = corpus(workdir, n, seed)
        store = workdir / f"store-{n}{tag}.gpkg"
        for leftover in workdir.glob(f"store-{n}{tag}.gpkg*"):
            leftover.unlink()
        m = run_measured([sys.executable, "-m", "geo", "ingest", str(folder), "--store", str(store), *engine])
        rows.append({"articles": n, **m, "ms_per_article": 1000 * m["seconds"] / n,
                     "store_mb": store.stat().st_size / 1e6})
        print(json.dumps(rows[-1]), flush=True)
    return rows


def incremental(workdir: Path, n: int, seed: int) -> dict[str, object]:
    """Re-ingest unchanged (all skipped), then 1% new articles."""
    folder = corpus(workdir, n, seed)
    store = workdir / f"store-{n}.gpkg"
    again = run_measured([sys.executable, "-m", "geo", "ingest", str(folder), "--store", str(store)])
    extra = corpus(workdir, max(n // 100, 10), seed + 1)
    more = run_measured([sys.executable, "-m", "geo", "ingest", str(extra), "--store", str(store)])
    return {"reingest_unchanged": again, "add_one_percent": more}


def outputs(workdir: Path, n: int, date: str) -> dict[str, object]:
    """Render and export from the store of the largest corpus."""
    store = workdir / f"store-{n}.gpkg"
    html, gpkg = workdir / f"map-{n}.html", workdir / f"export-{n}.gpkg"
    render = run_measured([sys.executable, "-m", "geo", "render", "--store", str(store), "--date", date,
                           "--out", str(html)])
    export = run_measured([sys.executable, "-m", "geo", "export", "--store", str(store), "--format", "gpkg",
                           "--date", date, "--out", str(gpkg)])
    whole = workdir / f"map-{n}-history.html"
    history = run_measured([sys.executable, "-m", "geo", "render", "--store", str(store), "--out", str(whole)])
    baseline = run_measured([sys.executable, "-c", "import folium, geopandas"])
    return {"render": {**render, "mb": html.stat().st_size / 1e6},
            "export": {**export, "mb": gpkg.stat().st_size / 1e6},
            "render_history": {**history, "mb": whole.stat().st_size / 1e6},
            "baseline_import_folium_geopandas": baseline}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--throughput-n", type=int, default=10_000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/geo-scale"))
    parser.add_argument("--seed", type=int, default=20241127)
    parser.add_argument("--date", default="2024-12-08")
    parser.add_argument("--skip", nargs="*", default=[], choices=["throughput", "growth", "incremental", "outputs"])
    parser.add_argument("--geoparse-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.geoparse_child:
        print(json.dumps(geoparse_one_process(args.geoparse_child)))
        return 0
    args.workdir.mkdir(parents=True, exist_ok=True)
    report: dict[str, object] = {}
    if "growth" not in args.skip:
        report["growth"] = growth(args.workdir, args.sizes, args.seed, [])
        # The same ingest in one process (--workers 1) at the middle size: the pool's gain, same run.
        middle = sorted(args.sizes)[len(args.sizes) // 2]
        report["growth_one_process"] = growth(args.workdir, [middle], args.seed, ["--workers", "1"], "-w1")
    if "incremental" not in args.skip:
        report["incremental"] = incremental(args.workdir, max(args.sizes), args.seed)
        print(json.dumps(report["incremental"]), flush=True)
    if "outputs" not in args.skip:
        report["outputs"] = outputs(args.workdir, max(args.sizes), args.date)
        print(json.dumps(report["outputs"]), flush=True)
    if "throughput" not in args.skip:
        folder = corpus(args.workdir, args.throughput_n, args.seed)
        report["throughput"] = throughput(folder, folder / "gold.jsonl")
        print(json.dumps(report["throughput"]), flush=True)
    out = args.workdir / "bench_scale.json"
    out.write_text(json.dumps(report, indent=2, default=str))
    print(f"written {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
