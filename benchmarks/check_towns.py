"""Check (or fill) the coordinates of the reference towns against the project's gazetteer.

Each ``place`` of ``benchmarks/data/syria_control_2024.csv`` is resolved with
``default_gazetteer().resolve(place, focus=("SY",))``. The script reports, per town, the
record it resolves to, whether the point is inside Syria (the record's country and the
country outline the inferred areas are clipped to) and how far it is from the point in the
file. With ``--write`` it writes the gazetteer's point into the file's ``lat``/``lon``.

Usage::

    python benchmarks/check_towns.py [--data CSV] [--write]
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data" / "syria_control_2024.csv"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in km between two points in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA, help="reference CSV (default: %(default)s)")
    ap.add_argument("--write", action="store_true", help="write the gazetteer's points into lat/lon")
    args = ap.parse_args(argv)

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from shapely.geometry import Point, shape

    from gazetteer import default_gazetteer
    from geo.layers.build import country_outline

    gz = default_gazetteer()
    outline = shape(country_outline(("SY",))["features"][0]["geometry"])
    with args.data.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    problems = 0
    for row in rows:
        place = gz.resolve(row["place"], focus=("SY",))
        inside = outline.covers(Point(place.lon, place.lat))
        flags = []
        if place.country != "SY":
            flags.append(f"country {place.country}")
        if not inside:
            km = outline.boundary.distance(Point(place.lon, place.lat)) * 111.0
            flags.append(f"outside the outline by ~{km:.1f} km")
        if row.get("lat") and row.get("lon"):
            moved = haversine_km(float(row["lat"]), float(row["lon"]), place.lat, place.lon)
            if moved > 0.1:
                flags.append(f"file point {moved:.1f} km away")
        problems += bool(flags)
        print(f"{row['place']:18s} -> {place.name} [{place.id}] {place.kind}, {place.admin1}: "
              f"{place.lat:.4f}, {place.lon:.4f}" + (f"  !! {'; '.join(flags)}" if flags else ""))
        if args.write:
            row["lat"], row["lon"] = f"{place.lat:.4f}", f"{place.lon:.4f}"
    if args.write:
        with args.data.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    print(f"{len(rows)} towns, {problems} flagged")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
