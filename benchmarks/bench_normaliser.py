"""What each romanisation convention of the normaliser unites, and what it merges that it should not.

For each convention of :data:`gazetteer.names.CONVENTIONS` (French-African, Burmese,
Ukrainian/Russian, Arabic), the names of every packaged place (the world table: countries,
divisions, GeoNames cities500 with their alternates) are keyed twice, with every convention and
with all but that one, and two counts are compared:

* **united**: places whose own spellings fall into fewer keys with the convention than without
  it (Kharkiv and Kharkov, both names of one record, now one key): what the fold is for;
* **false merges**: (key, country) groups holding two or more places more than 10 km apart,
  with the convention, less the same count without it: different places of one country that
  the fold newly makes share a name, which only the ranking (context, population) can then
  tell apart. Counted over the world and over the war theatres' countries.

Usage::

    python benchmarks/bench_normaliser.py [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

THEATRE_COUNTRIES = frozenset({"SY", "UA", "RU", "SD", "MM", "CD", "IQ", "YE", "ET", "LY", "ML", "BF", "NE"})
APART_KM = 10.0


def _keyed(rows: list[tuple[list[str], str, float, float]]) -> tuple[int, dict[str, int]]:
    """Return the number of (place, key) pairs and the false-merge counts (world, theatres) under the current folds."""
    from gazetteer import names

    names.fold_token.cache_clear()
    names.fold_word.cache_clear()
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    pairs = 0
    for i, (spellings, country, _, _) in enumerate(rows):
        keys = {names.normalize_name(n) for n in spellings} - {""}
        pairs += len(keys)
        for key in keys:
            groups[(key, country)].append(i)
    merged = {"world": 0, "theatres": 0}
    for (_, country), members in groups.items():
        if len(members) < 2 or not _apart(rows, members):
            continue
        merged["world"] += 1
        merged["theatres"] += country in THEATRE_COUNTRIES
    return pairs, merged


def _apart(rows: list[tuple[list[str], str, float, float]], members: list[int]) -> bool:
    """Tell whether two of the places lie more than :data:`APART_KM` apart."""
    lat0, lon0 = rows[members[0]][2], rows[members[0]][3]
    for i in members[1:]:
        lat, lon = rows[i][2], rows[i][3]
        dy = (lat - lat0) * 111.2
        dx = (lon - lon0) * 111.2 * math.cos(math.radians((lat + lat0) / 2))
        if math.hypot(dx, dy) > APART_KM:
            return True
    return False


def measure() -> dict[str, dict[str, int]]:
    """Return united and false-merge counts per convention."""
    from gazetteer import names
    from gazetteer.store import load_store

    store = load_store(include_user=False)
    rows = []
    for r in range(store.n_world):
        p = store.place(r)
        if p.country:
            rows.append(([p.name, *p.names], p.country, p.lat, p.lon))
    every = names.CONVENTIONS
    all_pairs, all_merged = _keyed(rows)
    result = {}
    try:
        for convention in sorted({c for c, _, _ in every}):
            names.CONVENTIONS = tuple(c for c in every if c[0] != convention)
            pairs, merged = _keyed(rows)
            result[convention] = {"united": pairs - all_pairs,
                                  "false_merges_world": all_merged["world"] - merged["world"],
                                  "false_merges_theatres": all_merged["theatres"] - merged["theatres"]}
    finally:
        names.CONVENTIONS = every
        names.fold_token.cache_clear()
        names.fold_word.cache_clear()
    result["all"] = {"places": len(rows), "ambiguous_keys_world": all_merged["world"],
                     "ambiguous_keys_theatres": all_merged["theatres"]}
    return result


def main(argv: list[str] | None = None) -> int:
    """Print the table (command-line entry point)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    result = measure()
    print(f"{'convention':10} {'united':>8} {'false merges (world)':>21} {'(theatre countries)':>20}")
    for convention, s in result.items():
        if convention != "all":
            print(f"{convention:10} {s['united']:8d} {s['false_merges_world']:21d} {s['false_merges_theatres']:20d}")
    a = result["all"]
    print(f"{a['places']} places; (key, country) groups of places over {APART_KM:g} km apart: "
          f"{a['ambiguous_keys_world']} (theatre countries {a['ambiguous_keys_theatres']})")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
