"""Place coverage of the gazetteer on the development set: which gold place names resolve within 10 km.

The gold is ``benchmarks/devset/places.csv``: one row per place name the development set's
gold events and distance anchors use (``benchmarks/devset/gold.json``), with the theatre, a
reference point and where that point comes from. Each name is found in its articles as written
(the first whole-word occurrence; for a place, the first not followed by "region",
"province", "countryside" ..., which names the division) and resolved with ``Gazetteer.resolve_spans``
(the whole article as context, the theatre's
countries as the focus, as the extractor reads an article once it knows its war). A mention
counts as covered when its top candidate lies within 10 km of the reference point; a region
(``kind`` region) when the resolved record is the region's (``ref_id``) or lies inside it.
Rows with ``scope`` other than ``place`` (generic descriptions such as "the citadel", unit
names such as "Brigade 93", rivers) are counted apart and not scored.

Reported per theatre and in total: names (distinct per theatre) and mentions (one per article
that uses the name), covered, unresolved, resolved elsewhere, and resolved abroad (to a record
outside the theatre's countries and their neighbours).

Usage::

    python benchmarks/bench_coverage.py [--json OUT] [--misses]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "benchmarks" / "devset"
WITHIN_KM = 10.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in km (mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


def gold_names(gold: dict) -> dict[str, list[str]]:
    """Return every place name of the gold events and distance anchors, per article file."""
    names: dict[str, list[str]] = defaultdict(list)
    for file, entry in gold["devset"].items():
        for ev in entry["events"]:
            names[file].append(ev["place"])
        for d in entry["distances"]:
            if d.get("anchor"):
                names[file].append(d["anchor"])
        names[file] = list(dict.fromkeys(names[file]))
    return names


def read_places(path: Path) -> dict[tuple[str, str], dict[str, str]]:
    """Return the reference rows by (theatre, name)."""
    with path.open(encoding="utf-8") as fh:
        return {(r["theatre"], r["name"]): r for r in csv.DictReader(fh)}


def measure(places_csv: Path = DEVSET / "places.csv") -> dict[str, object]:
    """Resolve every gold place name in its articles and score it against its reference point."""
    from gazetteer import default_gazetteer
    from geo.theatres.loader import theatre_named

    gz = default_gazetteer()
    gold = json.loads((DEVSET / "gold.json").read_text(encoding="utf-8"))
    refs = read_places(places_csv)
    per: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses: list[dict[str, object]] = []
    seen_names: dict[str, set[str]] = defaultdict(set)
    covered_names: dict[str, set[str]] = defaultdict(set)
    for file, names in sorted(gold_names(gold).items()):
        theatre_id = gold["devset"][file]["theatre"]
        theatre = theatre_named(theatre_id)
        text = (DEVSET / "articles" / file).read_text(encoding="utf-8")
        spans, rows = [], []
        for name in names:
            ref = refs.get((theatre_id, name))
            if ref is None:
                raise SystemExit(f"{places_csv}: no row for {name!r} ({theatre_id}, {file}); add it")
            if ref["scope"] != "place":
                per[theatre_id]["out_of_scope"] += 1
                continue
            at = _occurrence(text, name, region=ref["kind"] == "region")
            if at < 0:
                per[theatre_id]["not_in_text"] += 1
                continue
            spans.append((at, at + len(name)))
            rows.append(ref)
        mentions = gz.resolve_spans(text, spans, focus=theatre.countries)
        nearby = set(theatre.countries) | set(theatre.context_countries)
        for ref, m in zip(rows, mentions, strict=True):
            stats = per[theatre_id]
            stats["mentions"] += 1
            seen_names[theatre_id].add(ref["name"])
            place = m.place
            if place is None:
                stats["unresolved"] += 1
                misses.append({"file": file, "name": ref["name"], "got": None})
                continue
            if ref["kind"] == "region":
                ok = place.id == ref["ref_id"] or (place.admin1 is not None and ref["ref_id"] == _admin1_id(gz, place))
                km = 0.0 if ok else float("nan")
            else:
                km = haversine_km(place.lat, place.lon, float(ref["lat"]), float(ref["lon"]))
                ok = km <= WITHIN_KM
            if ok:
                stats["covered"] += 1
                covered_names[theatre_id].add(ref["name"])
            else:
                stats["elsewhere"] += 1
                if place.country and place.country not in nearby:
                    stats["abroad"] += 1
                misses.append({"file": file, "name": ref["name"], "got": place.id, "got_name": place.name,
                               "country": place.country, "km": round(km, 1)})
    table = {}
    for theatre_id in sorted(per):
        s = per[theatre_id]
        table[theatre_id] = {**s, "names": len(seen_names[theatre_id]), "names_covered": len(covered_names[theatre_id]),
                             "share": s["covered"] / s["mentions"] if s["mentions"] else 0.0}
    total = {k: sum(t.get(k, 0) for t in table.values())
             for k in ("mentions", "covered", "unresolved", "elsewhere", "abroad", "names", "names_covered",
                       "out_of_scope", "not_in_text")}
    total["share"] = total["covered"] / total["mentions"] if total["mentions"] else 0.0
    return {"per_theatre": table, "total": total, "misses": misses}


_DIVISION_AFTER = re.compile(r"\s+(?:region|province|oblast|governorate|state|district|countryside)s?\b", re.I)


def _occurrence(text: str, name: str, *, region: bool) -> int:
    """Return the offset of the name's first whole-word occurrence that names what the gold means, or -1.

    A place's name followed by "region", "province" ... ("the Kharkiv region", "the Idlib countryside") names
    the division,
    not the city of the gold: the first occurrence that is not so followed is taken, if any.
    """
    found = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
    if not region:
        plain = [at for at in found if not _DIVISION_AFTER.match(text, at + len(name))]
        found = plain or found
    return found[0] if found else -1


def _admin1_id(gz, place) -> str:
    """Return the ``admin1:`` id of the first-level division a record lies in, or ""."""
    for candidate in gz.candidates(place.admin1 or ""):
        if candidate.kind == "admin1" and candidate.country == place.country:
            return candidate.id
    return ""


def main(argv: list[str] | None = None) -> int:
    """Print the coverage table (command-line entry point)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--misses", action="store_true", help="list every name not covered")
    parser.add_argument("--places", type=Path, default=DEVSET / "places.csv")
    args = parser.parse_args(argv)
    result = measure(args.places)
    print(f"{'theatre':10} {'names':>6} {'mentions':>8} {'covered':>8} {'share':>7} {'unresolved':>10} "
          f"{'elsewhere':>9} {'abroad':>6}")
    rows = {**result["per_theatre"], "total": result["total"]}  # type: ignore[dict-item]
    for theatre_id, s in rows.items():
        print(f"{theatre_id:10} {s['names']:6d} {s['mentions']:8d} {s['covered']:8d} {s['share']:7.1%} "
              f"{s.get('unresolved', 0):10d} {s.get('elsewhere', 0):9d} {s.get('abroad', 0):6d}")
    if args.misses:
        for miss in result["misses"]:  # type: ignore[attr-defined]
            print(miss, file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
