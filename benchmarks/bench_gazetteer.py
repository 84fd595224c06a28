"""Benchmark the offline gazetteer: resolution accuracy given gold spans, load time, name-finding speed.

Reads the converted public corpora in ``/work/shared/benchmarks/toponyms/*.jsonl`` (never copied
into the project). For each gold toponym it asks ``Gazetteer.lookup`` with 60 characters of text
before and 40 after, and the document's focus countries as ``Gazetteer.find`` derives them, and
scores the top candidate by its geodesic distance to the gold point: the share within 161 km
("Acc@161") and the median and mean error. It also times loading the store in a fresh process
(median of 5, against ``python -c pass``), building the matcher, and the throughput of
``Gazetteer.find`` against a bare pyahocorasick ``iter`` scan of the same text with the same
automaton.

Usage::

    python benchmarks/bench_gazetteer.py [--corpora DIR] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from gazetteer.rank import document_focus
from gazetteer.resolver import Gazetteer
from gazetteer.store import load_store

CORPORA = Path("/work/shared/benchmarks/toponyms")
ACC_KM = 161.0
LOAD_SNIPPET = "import time;t=time.time();from gazetteer.store import load_store;load_store();print(time.time()-t)"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


def read_docs(path: Path) -> Iterator[dict]:
    """The documents of one ``.jsonl`` corpus."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def doc_focus(gz: Gazetteer, mentions: list) -> list[str]:
    """The document's focus countries, as find() derives them (from its kept mentions)."""
    return sorted(document_focus(m.place for m in mentions if m.place))


def _has_point(t: dict) -> bool:
    return t.get("lat") is not None and t.get("lon") is not None


def end_to_end(docs: list[dict], found: list[list]) -> dict[str, float]:
    """Precision, recall and F1 of the spans find() returns against the gold spans, and Acc@161 of the matches.

    Gritta et al.'s protocol ("A Pragmatic Guide to Geoparsing Evaluation"): geotagging is scored as entity
    spans, a found span counting only when it equals a gold span (strict); geocoding is then scored on the
    true positives alone (the toponyms both found and in the gold), as the share within 161 km. A lenient
    variant, in which any overlap of a found and a gold span counts (each gold span matched at most once),
    is reported beside it.
    """
    tp = fp = fn = 0
    lenient_tp = 0
    errors: list[float] = []
    for doc, mentions in zip(docs, found, strict=True):
        gold = {(t["start"], t["end"]): t for t in doc["toponyms"]}
        spans = {(m.start, m.end): m for m in mentions}
        hit = gold.keys() & spans.keys()
        tp += len(hit)
        fp += len(spans) - len(hit)
        fn += len(gold) - len(hit)
        for span in hit:
            t, place = gold[span], spans[span].place
            if _has_point(t) and place is not None:
                errors.append(haversine_km(place.lat, place.lon, t["lat"], t["lon"]))
        ordered = sorted(gold)
        used: set[tuple[int, int]] = set()
        for s, e in spans:
            match = next((g for g in ordered if g[0] < e and s < g[1] and g not in used), None)
            if match is not None:
                used.add(match)
                lenient_tp += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    lp = lenient_tp / (tp + fp) if tp + fp else 0.0
    lr = lenient_tp / (tp + fn) if tp + fn else 0.0
    return {"found": tp + fp, "gold": tp + fn, "precision": precision, "recall": recall, "f1": f1,
            "lenient_f1": 2 * lp * lr / (lp + lr) if lp + lr else 0.0,
            "acc161": sum(x <= ACC_KM for x in errors) / len(errors) if errors else 0.0}


def resolve_corpus(gz: Gazetteer, path: Path) -> dict[str, object]:
    """Acc@161, median and mean error (km) of the top candidate for every gold toponym; and end to end."""
    errors: list[float] = []
    missing = 0
    docs = list(read_docs(path))
    found_in_docs = [gz.find(doc["text"]) for doc in docs]
    for doc, mentions in zip(docs, found_in_docs, strict=True):
        text, focus = doc["text"], doc_focus(gz, mentions)
        for t in doc["toponyms"]:
            if t.get("lat") is None or t.get("lon") is None:
                continue  # no gold point to measure against
            s, e = t["start"], t["end"]
            found = gz.lookup(t["name"], before=text[max(0, s - 60) : s], after=text[e : e + 40], focus=focus,
                              limit=1)
            if not found:
                missing += 1
                errors.append(20_038.0)  # half the circumference: an unresolved name is maximally wrong
                continue
            errors.append(haversine_km(found[0].place.lat, found[0].place.lon, t["lat"], t["lon"]))
    n = len(errors)
    return {"toponyms": n, "acc161": sum(x <= ACC_KM for x in errors) / n, "median_km": statistics.median(errors),
            "mean_km": statistics.fmean(errors), "unresolved": missing / n, "e2e": end_to_end(docs, found_in_docs)}


def subprocess_seconds(code: str, runs: int = 5) -> float:
    """Median wall time of ``python -c code`` (or the time it prints, when it prints one)."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        elapsed = time.perf_counter() - t
        times.append(float(out) if out.strip() else elapsed)
    return statistics.median(times)


def throughput(gz: Gazetteer, text: str) -> dict[str, float]:
    """MB/s of gz.find and of a bare automaton scan of the same (lower-cased) text."""
    size_mb = len(text.encode("utf-8")) / 1e6
    automaton = gz._matcher._automaton
    t = time.perf_counter()
    hits = sum(1 for _ in automaton.iter(text.lower()))
    bare = time.perf_counter() - t
    t = time.perf_counter()
    mentions = sum(len(gz.find(chunk)) for chunk in text.split("\n\n"))
    full = time.perf_counter() - t
    return {"mb": size_mb, "find_mb_s": size_mb / full, "bare_mb_s": size_mb / bare, "mentions": mentions,
            "bare_hits": hits, "ratio": bare / full}


def run(corpora: Path, only: list[str] | None = None) -> dict:
    """All measurements, as one dict (on the corpora named in *only*, or all)."""
    files = sorted(f for f in corpora.glob("*.jsonl") if not only or f.stem in only)
    if not files:
        raise SystemExit(f"no .jsonl corpora in {corpora}; pass --corpora DIR")
    python_s = subprocess_seconds("pass")
    load_s = subprocess_seconds(LOAD_SNIPPET)
    gz = Gazetteer(load_store(include_user=False))
    t = time.perf_counter()
    _ = gz._matcher
    build_s = time.perf_counter() - t
    big = [f for f in files if "subset" not in f.stem]
    text = "\n\n".join(d["text"] for f in big for d in read_docs(f))
    speed = throughput(gz, text)
    accuracy = {f.stem: resolve_corpus(gz, f) for f in files}
    return {"date": time.strftime("%Y-%m-%d"), "python_start_s": python_s, "load_s": load_s,
            "matcher_build_s": build_s, "speed": speed, "accuracy": accuracy}


def print_table(result: dict) -> None:
    """Print the figures as plain-text tables."""
    print("Given the gold spans:")
    print(f"{'corpus':32} {'toponyms':>8} {'Acc@161':>8} {'median km':>10} {'mean km':>9} {'unresolved':>10}")
    for name, r in result["accuracy"].items():
        print(f"{name:32} {r['toponyms']:8d} {r['acc161']:8.1%} {r['median_km']:10.1f} {r['mean_km']:9.0f} "
              f"{r['unresolved']:10.1%}")
    print("\nEnd to end (find(); strict span match, geocoding on the matches):")
    print(f"{'corpus':32} {'gold':>6} {'found':>6} {'P':>6} {'R':>6} {'F1':>6} {'F1 lenient':>10} {'Acc@161':>8}")
    for name, r in result["accuracy"].items():
        e = r["e2e"]
        print(f"{name:32} {e['gold']:6d} {e['found']:6d} {e['precision']:6.3f} {e['recall']:6.3f} {e['f1']:6.3f} "
              f"{e['lenient_f1']:10.3f} {e['acc161']:8.1%}")
    s = result["speed"]
    print(f"\nstore load (fresh process, median of 5): {result['load_s'] * 1000:.0f} ms; "
          f"bare 'python -c pass': {result['python_start_s'] * 1000:.0f} ms")
    print(f"matcher build: {result['matcher_build_s']:.2f} s")
    print(f"find(): {s['find_mb_s']:.2f} MB/s on {s['mb']:.2f} MB ({s['mentions']} mentions); "
          f"bare automaton iter: {s['bare_mb_s']:.1f} MB/s ({s['bare_hits']} raw hits); "
          f"find() takes {1 / s['ratio']:.0f} x the bare scan's time")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print the tables and optionally write the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--only", nargs="*", help="corpus names (file stems) to measure; all by default")
    args = parser.parse_args(argv)
    result = run(args.corpora, args.only)
    print_table(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
