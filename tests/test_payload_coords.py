"""geo.render.payload's vectorised rounding and GeoJSON writing.

Two references are kept, both a line long and obviously right: Python's ``round(x, 5)`` for
every float (``round_array`` promises exactly what it gives, bit for bit: ``-0.0`` is not
``0.0``), and shapely's ``mapping`` with every coordinate rounded for the GeoJSON of a geometry
that is not simplified. Simplification is checked by what it must keep: the type, the
distance to the original, no new vertices.
"""

from __future__ import annotations

import math
import struct
from typing import Any

import numpy as np
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely import wkt
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from geo.render.payload import PRECISION, geometry_json, round_array, round_coords


def reference_json(geom: BaseGeometry) -> dict[str, Any]:
    """GeoJSON of a geometry that is not a collection: shapely's mapping, every coordinate rounded."""
    gj = mapping(geom)
    return {"type": gj["type"], "coordinates": round_coords(gj["coordinates"])}


def _bits(value: Any) -> Any:
    """Floats as their bit patterns (so 0.0 != -0.0 and NaN == NaN), nested lists kept."""
    if isinstance(value, float):
        return struct.pack("<d", value)
    if isinstance(value, (list, tuple)):
        return [_bits(v) for v in value]
    if isinstance(value, dict):
        return {k: _bits(v) for k, v in value.items()}
    return value


def _assert_rounds_like_round(xs: list[float]) -> None:
    got = round_array(np.array(xs, dtype=np.float64)).tolist()
    assert _bits(got) == _bits([round(x, PRECISION) for x in xs])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=50))
def test_round_array_is_round_for_any_float(xs: list[float]) -> None:
    _assert_rounds_like_round(xs)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.floats(-200, 200), min_size=1, max_size=50))
def test_round_array_is_round_for_coordinates(xs: list[float]) -> None:
    _assert_rounds_like_round(xs)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(-20_000_000, 20_000_000), min_size=1, max_size=30),
       st.sampled_from([0.5, 0.4999999, 0.5000001, 0.49999999999, 0.50000000001, 0.25, 0.0]))
def test_round_array_near_and_at_halves(units: list[int], frac: float) -> None:
    """Decimals with a sixth digit at or next to 5 (the cases a scaled rint can get wrong)."""
    xs = [(u + frac) / 10 ** PRECISION for u in units]
    _assert_rounds_like_round(xs + [-x for x in xs] + [math.nextafter(x, math.inf) for x in xs])


def test_round_array_exact_ties_and_signs() -> None:
    """0.015625 is exactly 1562.5e-5 (ties go to even); tiny negatives round to -0.0."""
    _assert_rounds_like_round([0.015625, -0.015625, 0.046875, 2.5e-6, -2.5e-6, -1e-9, -0.0, 0.0,
                               1e4, -1e4, 1e300, 5e-324, float("nan"), float("inf"), -float("inf")])
    assert round_array(np.array([0.015625]))[0] == 0.01562


def _ring(cx: float, cy: float, r: float, n: int, jitter: list[float]) -> list[tuple[float, float]]:
    pts = [(cx + (r + jitter[i % len(jitter)]) * math.cos(2 * math.pi * i / n),
            cy + (r + jitter[i % len(jitter)]) * math.sin(2 * math.pi * i / n)) for i in range(n)]
    return [*pts, pts[0]]


@st.composite
def _geometries(draw: st.DrawFn) -> BaseGeometry:
    """Points, lines, polygons with holes, their multi-part forms and collections, near Syria."""
    lon, lat = draw(st.floats(35.0, 42.0)), draw(st.floats(32.0, 37.5))
    jitter = draw(st.lists(st.floats(-0.01, 0.01), min_size=1, max_size=7))
    n = draw(st.integers(3, 60))
    outer = _ring(lon, lat, 0.05, n, jitter)
    hole = _ring(lon, lat, 0.02, max(3, n // 2), [0.0])
    line = shapely.LineString(outer[:-1])
    polygon = shapely.Polygon(outer, [hole] if draw(st.booleans()) else [])
    far = shapely.affinity.translate(polygon, 0.3, 0.1)
    kind = draw(st.sampled_from(["point", "line", "ring", "polygon", "multipoint", "multiline",
                                 "multipolygon", "collection", "z"]))
    return {
        "point": shapely.Point(lon, lat), "line": line, "ring": shapely.LinearRing(outer),
        "polygon": polygon, "multipoint": shapely.MultiPoint(outer[:-1]),
        "multiline": shapely.MultiLineString([outer[:-1], hole]),
        "multipolygon": shapely.MultiPolygon([polygon, far]),
        "collection": shapely.GeometryCollection([shapely.Point(lon, lat), line, far]),
        "z": shapely.force_3d(polygon, lat),
    }[kind]


@settings(max_examples=300, deadline=None)
@given(_geometries())
def test_unsimplified_geometry_json_is_the_rounded_mapping(geom: BaseGeometry) -> None:
    got = geometry_json(geom, 0.0)
    if geom.geom_type == "GeometryCollection":
        assert got is not None and got["type"] == "GeometryCollection"
        assert _bits(got["geometries"]) == _bits([reference_json(g) for g in geom.geoms if not g.is_empty])
    else:
        assert _bits(got) == _bits(reference_json(geom))


def _vertices(geom: BaseGeometry) -> int:
    return len(shapely.get_coordinates(geom))


@settings(max_examples=300, deadline=None)
@given(_geometries(), st.sampled_from([0.0005, 0.001, 0.002, 0.02]))
def test_simplified_geometry_json_stays_within_the_tolerance(geom: BaseGeometry, tolerance: float) -> None:
    got = geometry_json(geom, tolerance)
    assert got is not None
    back = shapely.geometry.shape(got)
    assert back.geom_type == geom.geom_type
    assert _vertices(back) <= _vertices(geom)
    kept = {tuple(c) for c in round_array(shapely.get_coordinates(geom)).tolist()}
    assert {tuple(c) for c in shapely.get_coordinates(back).tolist()} <= kept  # no vertex moved or made up
    # Douglas-Peucker keeps every vertex within the tolerance, but GEOS keeps a ring's first vertex,
    # which can leave a closed ring up to about 1.6 tolerances away: bounded by two, plus the rounding.
    assert back.hausdorff_distance(geom) <= 2 * tolerance + 1e-5
    if geom.geom_type in ("Point", "MultiPoint"):  # points are never simplified
        assert _bits(got) == _bits(reference_json(geom))
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        assert back.is_valid  # the topology is kept


def test_geometry_json_of_odd_shapes() -> None:
    """Empty parts are kept in a multi-part geometry and dropped from a collection; Z and M are kept."""
    for text in ["MULTIPOLYGON (EMPTY, ((36 35, 36.1 35, 36.1 35.1, 36 35)))",
                 "MULTILINESTRING (EMPTY, (36 35, 36.123456789 35.987654321))",
                 "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (1 1, 2 1, 2 2, 1 1), (5 5, 6 5, 6 6, 5 5))",
                 "POINT Z (36.1234567 35.7654321 12.3456789)", "LINESTRING M (0 0 1.0000051, 1 1 2)"]:
        geom = wkt.loads(text)
        assert _bits(geometry_json(geom, 0.0)) == _bits(reference_json(geom)), text
    assert geometry_json(wkt.loads("POINT Z (36.1234567 35.7654321 12.3456789)"), 0) == {
        "type": "Point", "coordinates": [36.12346, 35.76543, 12.34568]}
    nested = wkt.loads("GEOMETRYCOLLECTION (POINT EMPTY, GEOMETRYCOLLECTION (POINT (1.000005 2)), LINESTRING EMPTY)")
    for tolerance in (0.0, 0.001, 5.0):
        assert geometry_json(nested, tolerance) == {"type": "GeometryCollection", "geometries": [
            {"type": "GeometryCollection",
             "geometries": [{"type": "Point", "coordinates": [round(1.000005, 5), 2.0]}]}]}
    for text in ["POLYGON EMPTY", "MULTIPOLYGON EMPTY", "GEOMETRYCOLLECTION EMPTY"]:
        assert geometry_json(wkt.loads(text), 0.001) is None
    assert geometry_json(None, 0.001) is None
    square = wkt.loads("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (1 1, 2 1, 2 2, 1 1), (5 5, 6 5, 6 6, 5 5))")
    assert shapely.geometry.shape(geometry_json(square, 5.0)).is_valid  # a tolerance wider than the holes
    assert geometry_json(wkt.loads("POINT (36.123456789 35.000004)"), 0) == {
        "type": "Point", "coordinates": [36.12346, 35.0]}
