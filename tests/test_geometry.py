"""Tests of geo.layers.geometry: geodesic rings and sectors, inferred control areas, front lines."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
import shapely
from geopy.distance import geodesic
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pyproj import CRS, Geod, Transformer
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box, shape

from geo.errors import ExtractionError, GazetteerError, GeoError, UsageError
from geo.layers.geometry import (
    bearing_of,
    control_areas,
    distance_disc,
    distance_ring,
    distance_sector,
    front_lines,
    local_aeqd,
    mention_geometry,
    orient_rfc7946,
    round_geometry,
)

GEOD = Geod(ellps="WGS84")
CITADEL = (36.1993, 37.1628)  # lat, lon of Aleppo's Citadel
OUTLINE_FILE = Path(__file__).resolve().parents[1] / "gazetteer" / "data" / "syria_outline.geojson"
# A synthetic, concave theatre around Aleppo and Idlib (lon/lat), with a notch cut out.
SYNTH = Polygon(
    [(35.9, 35.6), (37.9, 35.6), (37.9, 36.7), (37.0, 36.7), (37.0, 36.3), (36.6, 36.3), (36.6, 36.7), (35.9, 36.7)]
)


def _point_at(lat: float, lon: float, bearing: float, km: float) -> Point:
    lon2, lat2, _ = GEOD.fwd(lon, lat, bearing, km * 1000.0)
    return Point(lon2, lat2)


def _km(lat: float, lon: float, xy: tuple[float, float]) -> float:
    return geodesic((lat, lon), (xy[1], xy[0])).km


def _random_points(outline: Polygon, n: int, seed: int, factions: tuple[str, ...]) -> list:
    rng = np.random.default_rng(seed)
    minx, miny, maxx, maxy = outline.bounds
    xs, ys = rng.uniform(minx, maxx, 4 * n), rng.uniform(miny, maxy, 4 * n)
    inside = shapely.contains_xy(outline, xs, ys)
    xs, ys = xs[inside][:n], ys[inside][:n]
    return [(float(x), float(y), factions[i % len(factions)]) for i, (x, y) in enumerate(zip(xs, ys))]


# --- projection ---------------------------------------------------------------------------


def test_local_aeqd_measures_true_geodesic_distance_from_centre():
    lat, lon = CITADEL
    forward, inverse = local_aeqd(lat, lon)
    x0, y0 = forward(lon, lat)
    assert abs(x0) < 0.1 and abs(y0) < 0.1
    far = _point_at(lat, lon, 63.0, 120.0)
    x, y = forward(far.x, far.y)
    assert math.hypot(x - x0, y - y0) == pytest.approx(120_000.0, rel=1e-6)
    back = inverse(x, y)
    assert back == pytest.approx((far.x, far.y), abs=1e-9)
    assert local_aeqd(lat, lon)[0].__self__ is forward.__self__  # cached transformer


# --- the aeqd pipelines against the CRS database route (a reference kept) ----------------------
# local_aeqd writes the PROJ pipelines out instead of building them with Transformer.from_crs
# (13 ms per centre); its docstring promises the same transformation, bit for bit. The reference is
# pyproj's own three-line from_crs route, not a copy of geo's code.

_WGS84 = CRS.from_epsg(4326)


def _crs_pair(lat: float, lon: float) -> tuple[Transformer, Transformer]:
    """Forward/inverse aeqd transformers built through the CRS database."""
    crs = CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m +no_defs")
    return Transformer.from_crs(_WGS84, crs, always_xy=True), Transformer.from_crs(crs, _WGS84, always_xy=True)


def _same_bits(a, b) -> bool:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and a.tobytes() == b.tobytes()


_LAT = st.one_of(st.floats(-90, 90), st.floats(80, 90), st.floats(-90, -80), st.sampled_from([0.0, -0.0, 90.0]))
_LON = st.one_of(
    st.floats(-180, 180), st.floats(179, 180), st.floats(-180, -179), st.sampled_from([0.0, -0.0, 180.0, -180.0])
)


@settings(max_examples=60, deadline=None)
@given(_LAT, _LON, st.floats(0.0, 7500.0), st.floats(0, 360), st.integers(0, 2**32 - 1))
@example(lat=-0.0, lon=-0.0, km=0.0, azimuth=0.0, seed=0)
@example(lat=90.0, lon=180.0, km=7500.0, azimuth=180.0, seed=1)
@example(lat=-89.9999995, lon=-179.9999995, km=3.0, azimuth=45.0, seed=2)
def test_aeqd_pipelines_match_from_crs_bit_for_bit(lat, lon, km, azimuth, seed):
    forward, inverse = local_aeqd(lat, lon)
    ref_fwd, ref_inv = _crs_pair(round(lat, 6), round(lon, 6))
    rng = np.random.default_rng(seed)
    lons = np.concatenate(([lon], rng.uniform(-180, 180, 20), lon + rng.normal(0, 0.5, 20)))
    lats = np.concatenate(([lat], rng.uniform(-90, 90, 20), np.clip(lat + rng.normal(0, 0.5, 20), -90, 90)))
    assert _same_bits(forward(lons, lats), ref_fwd.transform(lons, lats))
    assert _same_bits(forward(lon, lat), ref_fwd.transform(lon, lat))
    # inverse: points at up to 7500 km in every direction, plus the centre
    r = np.concatenate(([km, 0.0], rng.uniform(0, 7.5e6, 30)))
    theta = np.radians(np.concatenate(([azimuth, 0.0], rng.uniform(0, 360, 30))))
    x, y = r * np.sin(theta), r * np.cos(theta)
    assert _same_bits(inverse(x, y), ref_inv.transform(x, y))


# --- mention_geometry anywhere on the globe ---------------------------------------------------

_DIRECTIONS = st.one_of(st.none(), st.sampled_from(["N", "WSW", "north-east", "270°"]), st.floats(-720, 720))
_KM = st.one_of(st.floats(0.001, 50.0), st.floats(0.001, 3000.0))


def _vertex_km(geom, lat: float, lon: float) -> tuple[np.ndarray, np.ndarray]:
    """Geodesic km and azimuth from the anchor to every vertex of a polygon."""
    xy = shapely.get_coordinates(geom)
    n = len(xy)
    azimuth, _, dist = GEOD.inv(np.full(n, lon), np.full(n, lat), xy[:, 0], xy[:, 1])
    return np.asarray(dist) / 1000.0, np.asarray(azimuth)


@settings(max_examples=150, deadline=None)
@given(
    _LAT,
    _LON,
    _KM,
    st.floats(0.0, 100.0),
    st.sampled_from(["about", None, "within", "more than", "under"]),
    _DIRECTIONS,
    st.floats(1.0, 180.0),
)
@example(lat=-70.0, lon=179.5, d=10.0, t=2.0, qualifier="more than", direction=None, half=22.5)
@example(lat=10.0, lon=179.95, d=20.0, t=1.0, qualifier="about", direction="E", half=22.5)  # wholly across
@example(lat=1.4308319559197411e-09, lon=0.0, d=0.125, t=0.0, qualifier="within", direction="N", half=1.0)
def test_mention_vertices_lie_on_the_stated_distances_and_bearings(lat, lon, d, t, qualifier, direction, half):
    """Every vertex is at the outer radius, at one inner radius or at the anchor, inside the sector."""
    build = lambda: mention_geometry(d, t, qualifier, direction, lat, lon, half_width_deg=half)  # noqa: E731
    try:
        geom = build()
    except ExtractionError as exc:
        assert "antimeridian or a pole" in str(exc)
        return
    assert isinstance(geom, Polygon) and geom.is_valid and not geom.is_empty
    assert build().wkb == geom.wkb  # the cached anchor gives the same shape
    x0, _, x1, _ = geom.bounds
    assert x1 - x0 < 180  # one side of the antimeridian
    km, azimuth = _vertex_km(geom, lat, lon)
    close = lambda a, b: np.isclose(a, b, rtol=1e-6, atol=5e-4)  # noqa: E731  (the centre is rounded to 0.1 m)
    outer = km.max()
    inner = km[~close(km, outer) & ~close(km, 0.0)]
    assert inner.size == 0 or np.all(close(inner, inner[0]))
    slack_km = 5e-4  # as in close(): vertices are rounded, so a 125 m ring may fall short by a fraction of a metre
    assert outer >= d * (1 - 1e-6) - slack_km and (inner.size == 0 or inner[0] <= d * (1 + 1e-6) + slack_km)
    if qualifier in ("within", "under"):
        assert inner.size == 0 and close(outer, d)
    if qualifier == "more than" and inner.size:
        assert close(inner[0], d)
    if direction is not None and half < 180:
        away = ~close(km, 0.0)
        off = (azimuth[away] - bearing_of(direction) + 180.0) % 360.0 - 180.0
        slack = np.degrees(1.0 / (d * 1000.0))  # a vertex rounded by up to a metre turns that much at d km
        assert np.all(np.abs(off) <= half + slack)


def test_signed_zeros_give_one_shape():
    anchors = [(0.0, -0.0), (-0.0, 0.0), (0.0, 0.0)]
    shapes = [mention_geometry(1.0, 0.0, "within", "E", lat, lon) for lat, lon in anchors]
    assert all(s.is_valid and s.equals_exact(shapes[0], 1e-12) for s in shapes)
    assert shapes[0].contains(Point(0.005, 0.0)) and not shapes[0].contains(Point(-0.005, 0.0))


@pytest.mark.parametrize(
    "lat, lon, message", [(91.0, 36.0, "not valid"), (36.0, float("nan"), "not valid"), (36.0, -180.5, "not valid"),
                          (89.5, 20.0, "antimeridian or a pole"), (-5.0, 179.99, "antimeridian or a pole"),
                          (89.9, 0.0, "antimeridian or a pole"), (84.0, -179.9, "antimeridian or a pole")],
)
def test_mention_geometry_refuses_bad_anchors_and_shapes_across_the_antimeridian_or_a_pole(lat, lon, message):
    with pytest.raises(ExtractionError, match=message):
        mention_geometry(80.0, 5.0, "about", None, lat, lon)


def test_a_sector_wholly_across_the_antimeridian_is_drawn_there():
    east = mention_geometry(20.0, 1.0, "about", "E", 10.0, 179.95)  # 20 km east of 179.95 E is about 179.87 W
    x0, _, x1, _ = east.bounds
    assert -179.9 < x0 < x1 < -179.85
    west = mention_geometry(20.0, 1.0, "about", "W", 10.0, -179.95)
    assert 179.85 < west.bounds[0] < west.bounds[2] < 179.9


# --- rings, discs and sectors ---------------------------------------------------------------


def test_ring_around_citadel_is_8_and_6_km_geodesically():
    lat, lon = CITADEL
    ring = distance_ring(lat, lon, 7.0, 1.0)
    assert ring.is_valid and len(ring.interiors) == 1
    outer = [_km(lat, lon, c) for c in ring.exterior.coords]
    inner = [_km(lat, lon, c) for c in ring.interiors[0].coords]
    assert all(d == pytest.approx(8.0, rel=0.01) for d in outer)
    assert all(d == pytest.approx(6.0, rel=0.01) for d in inner)
    assert not ring.contains(Point(lon, lat))
    for bearing in range(0, 360, 30):
        assert ring.contains(_point_at(lat, lon, bearing, 7.0))
        assert not ring.contains(_point_at(lat, lon, bearing, 5.8))
        assert not ring.contains(_point_at(lat, lon, bearing, 8.2))


def test_ring_with_tolerance_beyond_distance_is_a_disc():
    ring = distance_ring(*CITADEL, 1.0, 3.0)
    assert len(ring.interiors) == 0 and ring.contains(Point(CITADEL[1], CITADEL[0]))


@pytest.mark.parametrize("lat, lon, radius", [(*CITADEL, 10.0), (33.5138, 36.2765, 3.0), (60.0, 25.0, 50.0)])
def test_disc_area_is_pi_r_squared(lat, lon, radius):
    disc = distance_disc(lat, lon, radius)
    area_m2, _ = GEOD.geometry_area_perimeter(orient_rfc7946(disc))
    assert abs(area_m2) == pytest.approx(math.pi * (radius * 1000.0) ** 2, rel=0.01)


def test_west_sector_lies_west_of_the_anchor():
    lat, lon = CITADEL
    sector = distance_sector(lat, lon, 7.0, 1.0, "W")
    for x, y in sector.exterior.coords:
        azimuth, _, dist = GEOD.inv(lon, lat, x, y)
        assert (azimuth % 360.0) == pytest.approx(270.0, abs=22.5 + 1e-6)
        assert 6.0 * 0.99 < dist / 1000.0 < 8.0 * 1.01
    assert sector.contains(_point_at(lat, lon, 270.0, 7.0))
    assert sector.contains(_point_at(lat, lon, 255.0, 6.5))
    assert not sector.contains(_point_at(lat, lon, 90.0, 7.0))
    assert not sector.contains(_point_at(lat, lon, 300.0, 7.0))
    assert sector.area == pytest.approx(distance_ring(lat, lon, 7.0, 1.0).area / 8, rel=0.01)


def test_sector_direction_spellings_agree_and_north_wraps():
    lat, lon = CITADEL
    ref = distance_sector(lat, lon, 5.0, 1.0, "NW")
    for spelling in ("north-west", "Northwest", "north west", 315, "315°", "-45"):
        assert distance_sector(lat, lon, 5.0, 1.0, spelling).equals_exact(ref, 1e-9)
    north = distance_sector(lat, lon, 5.0, 1.0, "N")
    assert north.is_valid
    assert north.contains(_point_at(lat, lon, 350.0, 5.0)) and north.contains(_point_at(lat, lon, 10.0, 5.0))
    assert bearing_of("NNE") == 22.5 and bearing_of("wsw") == 247.5 and bearing_of("South") == 180.0


def test_disc_sector_touches_anchor():
    sector = distance_sector(*CITADEL, 2.0, 3.0, "E")
    assert sector.intersects(Point(CITADEL[1], CITADEL[0]).buffer(1e-6))
    assert sector.contains(_point_at(*CITADEL, 90.0, 3.0))


# --- mention_geometry -----------------------------------------------------------------------


def _inside(geom, bearing: float, km: float) -> bool:
    return geom.contains(_point_at(*CITADEL, bearing, km))


@pytest.mark.parametrize("qualifier", ["about", "exact", "approximately", None, "Around"])
def test_mention_about_is_a_ring(qualifier):
    geom = mention_geometry(10.0, 2.0, qualifier, None, *CITADEL)
    assert _inside(geom, 45.0, 10.0) and _inside(geom, 200.0, 11.5)
    assert not _inside(geom, 45.0, 7.5) and not _inside(geom, 45.0, 12.5)


def test_mention_exact_without_tolerance_gets_a_narrow_ring():
    geom = mention_geometry(10.0, 0.0, "exact", None, *CITADEL)
    assert _inside(geom, 0.0, 10.0) and _inside(geom, 0.0, 10.4)
    assert not _inside(geom, 0.0, 10.6) and not _inside(geom, 0.0, 9.4)


@pytest.mark.parametrize("qualifier", ["within", "less than", "up to", "under"])
def test_mention_within_is_a_disc(qualifier):
    geom = mention_geometry(10.0, 2.0, qualifier, None, *CITADEL)
    assert geom.contains(Point(CITADEL[1], CITADEL[0]))
    assert _inside(geom, 120.0, 9.8) and not _inside(geom, 120.0, 10.2)


def test_mention_within_with_direction_is_a_disc_sector():
    geom = mention_geometry(10.0, 0.0, "within", "S", *CITADEL)
    assert _inside(geom, 180.0, 1.0) and _inside(geom, 170.0, 9.5)
    assert not _inside(geom, 0.0, 1.0) and not _inside(geom, 180.0, 10.5)


@pytest.mark.parametrize("qualifier", ["more than", "over", "at least"])
def test_mention_more_than_is_the_ring_beyond(qualifier):
    geom = mention_geometry(10.0, 1.0, qualifier, None, *CITADEL)
    assert _inside(geom, 10.0, 10.5) and _inside(geom, 10.0, 14.5)
    assert not _inside(geom, 10.0, 9.5) and not _inside(geom, 10.0, 15.5)
    wide = mention_geometry(10.0, 8.0, "more than", "E", *CITADEL)
    assert _inside(wide, 90.0, 17.5) and not _inside(wide, 270.0, 17.5)


def test_mention_constraint_intersects():
    city = Point(CITADEL[1], CITADEL[0]).buffer(0.075)  # an extent in lon/lat, ~6.7 km E-W
    geom = mention_geometry(7.0, 1.0, "about", "W", *CITADEL, constraint=city)
    assert isinstance(geom, (Polygon, MultiPolygon)) and not geom.is_empty
    assert geom.within(city.buffer(1e-9))
    assert geom.area < 0.5 * distance_sector(*CITADEL, 7.0, 1.0, "W").area
    far = box(40.0, 30.0, 41.0, 31.0)
    assert mention_geometry(7.0, 1.0, "about", None, *CITADEL, constraint=far).is_empty


@pytest.mark.parametrize(
    "kwargs",
    [
        {"distance_km": 0.0},
        {"distance_km": -3.0},
        {"distance_km": float("nan")},
        {"distance_km": 20_000.0},
        {"tolerance_km": -1.0},
        {"qualifier": "beside"},
        {"direction": "upwards"},
        {"lat": 95.0},
        {"lon": float("inf")},
    ],
)
def test_mention_bad_input_raises(kwargs):
    args = {"distance_km": 5.0, "tolerance_km": 1.0, "qualifier": "about", "direction": "W"}
    args |= {"lat": CITADEL[0], "lon": CITADEL[1]} | kwargs
    with pytest.raises(ExtractionError):
        mention_geometry(**args)


def test_shape_builders_reject_bad_input():
    with pytest.raises(ExtractionError):
        distance_ring(*CITADEL, 5.0, 0.0)
    with pytest.raises(ExtractionError):
        distance_disc(*CITADEL, 0.0)
    with pytest.raises(ExtractionError):
        distance_sector(*CITADEL, 5.0, 1.0, "W", half_width_deg=0.0)
    with pytest.raises(ExtractionError, match="antimeridian"):
        distance_disc(10.0, 179.9, 50.0)
    with pytest.raises(GeoError):
        bearing_of(True)


# --- control areas ---------------------------------------------------------------------------


def _assert_front_between(a: tuple[float, float], b: tuple[float, float], line) -> None:
    """The line crosses segment a-b and lies about half the a-b separation from each."""
    assert line.intersects(LineString([a, b]))
    sep = geodesic((a[1], a[0]), (b[1], b[0])).km
    for lon, lat in (a, b):
        forward, _ = local_aeqd(lat, lon)
        projected = shapely.transform(line, lambda xy: np.column_stack(forward(xy[:, 0], xy[:, 1])))
        assert projected.distance(Point(0, 0)) / 1000.0 == pytest.approx(sep / 2, rel=0.01)


def test_two_places_meet_on_a_front_halfway():
    a, b = (37.10, 36.20), (37.30, 36.22)
    areas = control_areas([(*a, "government"), (*b, "opposition")], SYNTH, max_reach_km=25.0)
    assert set(areas) == {"government", "opposition"}
    assert areas["government"].contains(Point(a)) and areas["opposition"].contains(Point(b))
    fronts = front_lines(areas)
    assert [(x[1], x[2]) for x in fronts] == [("government", "opposition")]
    _assert_front_between(a, b, fronts[0][0])
    half_sep = geodesic((a[1], a[0]), (b[1], b[0])).km / 2
    expected = 2 * math.sqrt(25.0**2 - half_sep**2)  # the bisector inside both reach discs
    assert GEOD.geometry_length(fronts[0][0]) / 1000.0 == pytest.approx(expected, rel=0.01)


def test_front_lines_sorted_and_slivers_dropped():
    pts = [(36.5, 36.0, "sna"), (36.7, 36.0, "government"), (36.6, 36.15, "opposition")]
    fronts = front_lines(control_areas(pts, SYNTH))
    assert [(a, b) for _, a, b in fronts] == [("government", "opposition"), ("government", "sna"), ("opposition", "sna")]
    assert all(a < b for _, a, b in fronts)
    assert front_lines(control_areas(pts, SYNTH), min_length_km=500.0) == []


def test_single_point_claims_its_reach_disc_only():
    lon, lat = 37.2, 36.0
    areas = control_areas([(lon, lat, "sdf")], SYNTH, max_reach_km=10.0)
    area_m2, _ = GEOD.geometry_area_perimeter(orient_rfc7946(areas["sdf"]))
    assert abs(area_m2) == pytest.approx(math.pi * 10_000.0**2, rel=0.01)
    assert front_lines(areas) == []


def test_duplicates_merge_and_conflicting_spot_claims_nothing():
    a, b = (37.10, 36.20), (37.30, 36.22)
    once = control_areas([(*a, "government"), (*b, "opposition")], SYNTH)
    twice = control_areas([(*a, "government"), (*a, "government"), (*b, "opposition")], SYNTH)
    assert twice["government"].symmetric_difference(once["government"]).area < 1e-12
    contested = control_areas([(*a, "government"), (*a, "opposition"), (*b, "opposition")], SYNTH)
    assert not contested["opposition"].contains(Point(a))
    assert "government" not in contested  # its only place is disputed
    assert contested["opposition"].area == pytest.approx(once["opposition"].area, rel=1e-6)


def test_points_outside_the_outline_are_clipped_away():
    inside, far = (36.2, 36.0, "government"), (30.0, 20.0, "opposition")
    near = (36.2, 35.55, "opposition")  # 5.5 km south of the outline
    areas = control_areas([inside, far, near], SYNTH, max_reach_km=20.0)
    assert areas["opposition"].within(SYNTH.buffer(1e-9))
    assert not areas["opposition"].contains(Point(near[:2]))
    assert areas["government"].contains(Point(inside[:2]))
    assert control_areas([far], SYNTH) == {}


def test_control_areas_bad_input():
    with pytest.raises(UsageError):
        control_areas([(37.0, 36.0, "sdf")], SYNTH, max_reach_km=0.0)
    with pytest.raises(GazetteerError):
        control_areas([(37.0, 36.0, "sdf")], Polygon())
    with pytest.raises(GazetteerError):
        control_areas([(37.0, 36.0, "sdf")], LineString([(0, 0), (1, 1)]))
    with pytest.raises(ExtractionError):
        control_areas([(float("nan"), 36.0, "sdf")], SYNTH)
    with pytest.raises(ExtractionError):
        control_areas([(37.0, 36.0, "")], SYNTH)
    with pytest.raises(UsageError):
        front_lines({}, min_length_km=-1.0)
    assert control_areas([], SYNTH) == {}


def _geodesic_km_matrix(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Geodesic km between every lon/lat row of ``a`` and every row of ``b``."""
    lon1, lon2 = np.meshgrid(a[:, 0], b[:, 0], indexing="ij")
    lat1, lat2 = np.meshgrid(a[:, 1], b[:, 1], indexing="ij")
    return GEOD.inv(lon1, lat1, lon2, lat2)[2] / 1000.0


def _check_areas(points: list, outline, reach_km: float) -> dict:
    """Areas stay in the outline, respect max reach, and go to the nearest place's holder."""
    areas = control_areas(points, outline, max_reach_km=reach_km)
    union = shapely.union_all(list(areas.values()))
    assert union.is_empty or union.within(outline.buffer(1e-9))
    every = np.array([(p[0], p[1]) for p in points])
    for controller, geom in areas.items():
        own = np.array([(p[0], p[1]) for p in points if p[2] == controller])
        vertices = shapely.get_coordinates(geom)
        assert _geodesic_km_matrix(vertices, own).min(axis=1).max() <= reach_km * 1.002
        rep = geom.representative_point()
        nearest = int(np.argmin(_geodesic_km_matrix(np.array([[rep.x, rep.y]]), every)[0]))
        assert points[nearest][2] == controller
    return areas


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.floats(35.8, 38.0), st.floats(35.5, 36.8), st.sampled_from(["government", "opposition", "sdf"])
        ),
        min_size=1,
        max_size=40,
    ),
    st.floats(2.0, 60.0),
)
@example(points=[(36.0, 36.0, "government"), (36.0, 35.5, "government")], reach_km=49.0)
def test_areas_stay_inside_synthetic_outline(points, reach_km):
    _check_areas(points, SYNTH, reach_km)


def test_lattice_of_cocircular_points_dissolves_into_blocks():
    # A regular grid is the degenerate case for Voronoi (four sites on every circle).
    pts = [(36.0 + 0.05 * i, 35.7 + 0.05 * j, "ab"[(i // 5 + j // 5) % 2]) for i in range(35) for j in range(18)]
    areas = _check_areas(pts, SYNTH, 10.0)
    assert set(areas) == {"a", "b"}
    (line, a, b), = front_lines(areas)
    assert (a, b) == ("a", "b")
    # block edges lie halfway between lattice columns/rows, e.g. lon 36.225 between i=4 and i=5
    assert line.intersects(LineString([(36.2, 35.8), (36.25, 35.8)]))
    assert line.distance(Point(36.225, 35.8)) < 1e-6


@pytest.mark.skipif(not OUTLINE_FILE.exists(), reason="gazetteer/data/syria_outline.geojson not built")
def test_areas_stay_inside_real_syria_outline():
    data = json.loads(OUTLINE_FILE.read_text(encoding="utf-8"))
    outline = shapely.union_all([shape(f["geometry"]) for f in data["features"]])
    points = _random_points(outline, 300, seed=7, factions=("government", "opposition", "sdf", "sna"))
    areas = _check_areas(points, outline, 25.0)
    for line, a, b in front_lines(areas):
        assert a < b and line.within(outline.buffer(1e-6))


@pytest.mark.slow
def test_control_areas_of_2000_points_give_one_area_per_faction():
    outline = box(35.7, 32.3, 42.4, 37.3)
    factions = ("government", "opposition", "sdf", "sna", "islamic_state")
    areas = control_areas(_random_points(outline, 2000, seed=3, factions=factions), outline)
    assert sorted(areas) == sorted(factions)
    assert all(area.within(outline.buffer(1e-9)) for area in areas.values())


# --- export helpers ---------------------------------------------------------------------------


def test_round_and_orient_for_geojson():
    ring = distance_ring(*CITADEL, 7.0, 1.0)
    rounded = round_geometry(ring, 5)
    coords = shapely.get_coordinates(rounded)
    assert np.allclose(coords, np.round(coords, 5), atol=1e-12)
    assert rounded.is_valid
    flipped = shapely.orient_polygons(ring, exterior_cw=True)
    oriented = orient_rfc7946(flipped)
    assert oriented.exterior.is_ccw and not oriented.interiors[0].is_ccw
    multi = orient_rfc7946(MultiPolygon([flipped, shapely.orient_polygons(box(40, 30, 41, 31), exterior_cw=True)]))
    assert all(p.exterior.is_ccw for p in multi.geoms)
    with pytest.raises(UsageError):
        round_geometry(ring, -1)
