"""Extraction throughput in one process against a bare automaton scan of the same articles, in the same run.

The short form of ``bench_scale.py --skip growth incremental outputs`` (no process pool, no geoparsing
run): for comparing two versions of the extractor back to back on a shared, noisy machine. The corpus
is the one ``bench_scale.py`` generates (``wire_corpus.py``, cached in the work directory).

Usage::

    python benchmarks/bench_extract.py [--n 3000] [--workdir /tmp/geo-scale] [--repeat 2]

Prints one JSON object: articles, bare scan seconds, extraction seconds (best of ``--repeat``, each
from empty memos), articles per second and the ratio to the bare scan.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def measure(folder: Path, n: int, repeat: int) -> dict[str, float]:
    """Time the bare scan and the extraction of the first *n* articles of *folder*."""
    from bare_scan import bare_automaton

    from gazetteer import default_gazetteer
    from geo.extract.article import extract_article
    from geo.read.corpus import read_article

    gz = default_gazetteer()
    gz.find("Aleppo")  # builds the name automaton before the clock
    paths = sorted(folder.glob("*.txt"))[:n]
    articles = [a for a in (read_article(p)[0] for p in paths) if a is not None]
    texts = [a.text for a in articles]
    automaton = bare_automaton(gz)
    bare = min(_timed(lambda: sum(1 for t in texts for _ in automaton.iter(t.lower()))) for _ in range(3))
    runs = []
    for _ in range(repeat):
        _clear_memos(gz)
        runs.append(_timed(lambda: [e for a in articles for e in extract_article(a, gz).events]))
    extract = min(runs)
    count = len([e for a in articles for e in extract_article(a, gz).events])
    return {"articles": len(articles), "bare_s": round(bare, 3), "extract_s": round(extract, 2),
            "articles_per_s": round(len(articles) / extract, 1), "x_bare": round(extract / bare, 1),
            "bare_articles_per_s": round(len(articles) / bare, 1), "events": count}


def _timed(fn) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _clear_memos(gz) -> None:  # type: ignore[no-untyped-def]
    for name in dir(gz):
        memo = getattr(gz, name, None)
        if hasattr(memo, "cache_clear"):
            memo.cache_clear()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/geo-scale"))
    parser.add_argument("--seed", type=int, default=20241127)
    parser.add_argument("--corpus-size", type=int, default=10_000, help="which generated corpus to read")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    from bench_scale import corpus

    folder = corpus(args.workdir, args.corpus_size, args.seed)
    print(json.dumps(measure(folder, args.n, args.repeat)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
