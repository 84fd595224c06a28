"""Benchmark the offline gazetteer: resolution accuracy, end-to-end geoparsing, load time, find() speed.

Reads the converted public corpora in ``/work/shared/benchmarks/toponyms/*.jsonl`` (never copied
into the project).

* **Given the gold spans**: every gold toponym of a document is resolved with
  ``Gazetteer.resolve_spans(text, spans)`` (the whole document as context, as a geoparser
  that is handed the names would) and its top candidate scored by its great-circle distance
  to the gold point: the share within 161 km ("Acc@161"), the median and mean error. An
  unresolved name counts as 20,038 km. Beside it, the *ceiling*: the share of gold toponyms for
  which ``Gazetteer.lookup(name)`` offers any candidate within 161 km, the best any ranking of the
  gazetteer's data could reach (what is above it needs data, not rules), and the share with no
  candidate at all.
* **End to end** (Gritta et al., "A Pragmatic Guide to Geoparsing Evaluation"): the spans
  ``Gazetteer.find(text, demonyms=True)`` returns against the gold spans (precision, recall,
  F1; strict, and lenient where any overlap counts), then Acc@161 on the matched spans.
* **Speed**, in CPU seconds (``time.process_time``, less sensitive than wall time to other
  work on a shared machine) on the documents of the five full corpora: a bare pyahocorasick
  ``iter`` over the lower-cased text with the same automaton, and ``find()`` three ways:
  *cold* (the first pass, every memo empty at its start; the even documents, then the odd
  ones), *unseen* (the odd documents of that pass: memos warm, documents new) and *repeat*
  (a second pass over the same documents). With ``--compare-with DIR`` the
  same measurement runs, in turn with this tree's, on the ``gazetteer`` package found in DIR
  (for example a worktree of another branch), each in a fresh process; ``--speed-runs N``
  alternates the two N times and reports medians.

Usage::

    python benchmarks/bench_gazetteer.py [--corpora DIR] [--only lgl trnews ...] [--json OUT]
                                         [--compare-with DIR] [--speed-runs N] [--no-accuracy]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bare_scan import bare_automaton  # noqa: E402

CORPORA = Path("/work/shared/benchmarks/toponyms")
ROOT = Path(__file__).resolve().parent.parent
ACC_KM = 161.0
UNRESOLVED_KM = 20_038.0  # half the circumference: an unresolved name is maximally wrong
LOAD_SNIPPET = "import time;t=time.time();from gazetteer.store import load_store;load_store();print(time.time()-t)"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in km (mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


def read_docs(path: Path) -> Iterator[dict]:
    """Yield the documents of one ``.jsonl`` corpus."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _has_point(t: dict) -> bool:
    return t.get("lat") is not None and t.get("lon") is not None


def end_to_end(docs: list[dict], found: list[list]) -> dict[str, float]:
    """Return precision, recall and F1 of the spans find() returns against the gold spans, and Acc@161 of the matches.

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


def resolve_corpus(gz, path: Path) -> dict[str, object]:
    """Return Acc@161, median and mean error (km) of the top candidate for every gold toponym; and end to end."""
    errors: list[float] = []
    missing = 0
    reachable = 0  # a candidate within ACC_KM exists, whether or not it was ranked first
    without_candidate = 0
    docs = list(read_docs(path))
    found_in_docs = [gz.find(doc["text"], demonyms=True) for doc in docs]
    for doc in docs:
        toponyms = [t for t in doc["toponyms"] if _has_point(t)]  # no gold point: nothing to measure against
        resolved = gz.resolve_spans(doc["text"], [(t["start"], t["end"]) for t in toponyms])
        for t, mention in zip(toponyms, resolved, strict=True):
            if mention.place is None:
                missing += 1
                errors.append(UNRESOLVED_KM)
            else:
                errors.append(haversine_km(mention.place.lat, mention.place.lon, t["lat"], t["lon"]))
            offered = [c.place for c in gz.lookup(t["name"], limit=10_000)]
            without_candidate += not offered and mention.place is None
            reachable += errors[-1] <= ACC_KM or any(
                haversine_km(p.lat, p.lon, t["lat"], t["lon"]) <= ACC_KM for p in offered)
    n = len(errors)
    return {"toponyms": n, "acc161": sum(x <= ACC_KM for x in errors) / n, "median_km": statistics.median(errors),
            "mean_km": statistics.fmean(errors), "unresolved": missing / n, "ceiling161": reachable / n,
            "no_candidate": without_candidate / n, "e2e": end_to_end(docs, found_in_docs)}


def subprocess_seconds(code: str, runs: int = 5, env: dict[str, str] | None = None) -> float:
    """Return the median wall time of ``python -c code`` (or the time it prints, when it prints one)."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env=env).stdout
        elapsed = time.perf_counter() - t
        times.append(float(out) if out.strip() else elapsed)
    return statistics.median(times)


def speed_texts(corpora: Path) -> list[str]:
    """Return the documents of the five full corpora (not the subsets, which repeat some of them)."""
    files = sorted(f for f in corpora.glob("*.jsonl") if "subset" not in f.stem)
    return [d["text"] for f in files for d in read_docs(f)]


def measure_speed(corpora: Path) -> dict[str, float]:
    """Time find() against the bare automaton scan on this process's ``gazetteer`` (CPU seconds)."""
    from gazetteer.resolver import Gazetteer
    from gazetteer.store import load_store

    texts = speed_texts(corpora)
    clock = time.process_time
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    gz = Gazetteer(load_store(include_user=False))
    t = clock()
    _ = gz._matcher
    build = clock() - t
    automaton = bare_automaton(gz)
    lowered = [text.lower() for text in texts]
    t = clock()
    hits = sum(1 for text in lowered for _ in automaton.iter(text))
    bare = clock() - t
    # The first pass over all documents, the even ones first: the odd ones then meet warm memos but are new.
    even, odd = texts[0::2], texts[1::2]
    t = clock()
    mentions = sum(len(gz.find(text)) for text in even)
    middle = clock()
    mentions += sum(len(gz.find(text)) for text in odd)
    end = clock()
    cold, unseen = end - t, end - middle
    t = clock()
    for text in texts:
        gz.find(text)
    repeat = clock() - t
    unseen_mb = sum(len(t.encode("utf-8")) for t in odd) / 1e6
    return {"mb": mb, "mentions": mentions, "bare_hits": hits, "matcher_build_s": build, "bare_s": bare,
            "cold_s": cold, "unseen_s": unseen, "unseen_mb": unseen_mb, "repeat_s": repeat,
            "bare_mb_s": mb / bare, "cold_mb_s": mb / cold, "unseen_mb_s": unseen_mb / unseen,
            "repeat_mb_s": mb / repeat}


def speed_in_process(tree: Path, corpora: Path) -> dict[str, float]:
    """Run :func:`measure_speed` in a fresh process that imports ``gazetteer`` from *tree*."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--speed-only", "--corpora", str(corpora)],
                         capture_output=True, text=True, check=True, env=env, cwd=tree).stdout
    return json.loads(out.strip().splitlines()[-1])


def run(corpora: Path, only: list[str] | None = None, compare_with: Path | None = None, speed_runs: int = 1,
        accuracy: bool = True) -> dict:
    """Return all measurements, as one dict (accuracy on the corpora named in *only*, or all)."""
    files = sorted(f for f in corpora.glob("*.jsonl") if not only or f.stem in only)
    if not files:
        raise SystemExit(f"no .jsonl corpora in {corpora}; pass --corpora DIR")
    trees = {"this": ROOT, **({"other": compare_with.resolve()} if compare_with else {})}
    result: dict = {"date": time.strftime("%Y-%m-%d"), "trees": {k: str(v) for k, v in trees.items()}}
    result["python_start_s"] = subprocess_seconds("pass")
    result["load_s"] = {k: subprocess_seconds(LOAD_SNIPPET, env={**os.environ, "PYTHONPATH": str(v)})
                        for k, v in trees.items()}
    runs: dict[str, list[dict[str, float]]] = {k: [] for k in trees}
    for _ in range(speed_runs):  # alternated, so that both see the same state of a shared machine
        for name, tree in trees.items():
            runs[name].append(speed_in_process(tree, corpora))
    result["speed"] = {name: {key: statistics.median(r[key] for r in got) for key in got[0]}
                       for name, got in runs.items() if got}  # --speed-runs 0: accuracy only
    result["speed_runs"] = runs
    if accuracy:
        from gazetteer.resolver import Gazetteer
        from gazetteer.store import load_store

        gz = Gazetteer(load_store(include_user=False))
        result["accuracy"] = {f.stem: resolve_corpus(gz, f) for f in files}
    return result


def print_table(result: dict) -> None:
    """Print the figures as plain-text tables."""
    if "accuracy" in result:
        print("Given the gold spans (resolve_spans, the whole document as context):")
        print(f"{'corpus':32} {'toponyms':>8} {'Acc@161':>8} {'median km':>10} {'mean km':>9} {'unresolved':>10} "
              f"{'ceiling':>8} {'no cand.':>8}")
        for name, r in result["accuracy"].items():
            print(f"{name:32} {r['toponyms']:8d} {r['acc161']:8.1%} {r['median_km']:10.1f} {r['mean_km']:9.0f} "
                  f"{r['unresolved']:10.1%} {r['ceiling161']:8.1%} {r['no_candidate']:8.1%}")
        print("ceiling: the share of gold toponyms for which the gazetteer offers some candidate within 161 km "
              "(lookup() of the name), i.e. the best any ranking of its data could do; no cand.: no candidate at all")
        print("\nEnd to end (find(demonyms=True); strict span match, geocoding on the matches):")
        print(f"{'corpus':32} {'gold':>6} {'found':>6} {'P':>6} {'R':>6} {'F1':>6} {'F1 lenient':>10} {'Acc@161':>8}")
        for name, r in result["accuracy"].items():
            e = r["e2e"]
            print(f"{name:32} {e['gold']:6d} {e['found']:6d} {e['precision']:6.3f} {e['recall']:6.3f} "
                  f"{e['f1']:6.3f} {e['lenient_f1']:10.3f} {e['acc161']:8.1%}")
    print("\nstore load (fresh process, median of 5): "
          + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in result["load_s"].items())
          + f"; bare 'python -c pass': {result['python_start_s'] * 1000:.0f} ms")
    n = len(next(iter(result["speed_runs"].values())))
    print(f"\nfind() speed, CPU seconds, median of {n} alternated run(s), each in a fresh process:")
    print(f"{'tree':6} {'MB':>5} {'bare scan':>16} {'find cold':>16} {'find unseen':>16} {'find repeat':>16} "
          f"{'repeat/bare':>11} {'mentions':>8}")
    for name, s in result["speed"].items():
        print(f"{name:6} {s['mb']:5.2f} {s['bare_s']:6.2f}s {s['bare_mb_s']:5.1f} MB/s {s['cold_s']:6.2f}s "
              f"{s['cold_mb_s']:5.2f} MB/s {s['unseen_s']:6.2f}s {s['unseen_mb_s']:5.2f} MB/s {s['repeat_s']:6.2f}s "
              f"{s['repeat_mb_s']:5.2f} MB/s {s['repeat_s'] / s['bare_s']:10.0f}x {s['mentions']:8.0f}")
    for name, tree in result["trees"].items():
        print(f"  {name}: {tree}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print the tables and optionally write the figures as JSON."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--only", nargs="*", help="corpus names (file stems) to measure; all by default")
    parser.add_argument("--compare-with", type=Path, help="a tree whose gazetteer package to time too")
    parser.add_argument("--speed-runs", type=int, default=1, help="alternated speed runs per tree (median)")
    parser.add_argument("--no-accuracy", action="store_true", help="measure speed and load time only")
    parser.add_argument("--speed-only", action="store_true", help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args(argv)
    if args.speed_only:
        print(json.dumps(measure_speed(args.corpora)))
        return 0
    result = run(args.corpora, args.only, args.compare_with, args.speed_runs, not args.no_accuracy)
    print_table(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
