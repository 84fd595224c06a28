"""Tests of geo.layers.inferred: inferred areas from the live evidence of a date, in confidence bands."""

from __future__ import annotations

import pytest
from pyproj import Geod
from shapely.geometry import Point, box

from geo.errors import UsageError
import doctest

from geo.layers import inferred
from geo.layers.inferred import BANDS_KM, band_labels, controller_at, infer_areas

OUTLINE = box(35.0, 32.0, 39.0, 37.0)
WEST, EAST = box(35.0, 32.0, 37.0, 37.0), box(37.0, 32.0, 39.0, 37.0)
GEOD = Geod(ellps="WGS84")


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return GEOD.inv(a[0], a[1], b[0], b[1])[2] / 1000.0


def test_a_point_claims_bands_of_falling_confidence_within_its_reach() -> None:
    got = infer_areas([(36.0, 34.5, "government")], [(WEST, None)], OUTLINE)
    bands = {k: g for c, k, g in got.bands if c == "government"}
    assert set(bands) == {0, 1, 2}  # no region report: no region-only band
    assert bands[0].contains(Point(36.05, 34.5))  # ~4.6 km east
    assert bands[1].contains(Point(36.2, 34.5)) and not bands[0].contains(Point(36.2, 34.5))  # ~18 km
    assert bands[2].contains(Point(36.4, 34.5))  # ~37 km
    assert not got.areas["government"].contains(Point(36.7, 34.5))  # ~64 km: beyond the reach


def test_inference_stays_inside_the_regions_whose_control_is_reported() -> None:
    got = infer_areas([(36.9, 34.5, "government")], [(WEST, None)], OUTLINE)
    area = got.areas["government"]
    assert area.contains(Point(36.8, 34.5)) and not area.intersects(box(37.01, 32.0, 39.0, 37.0))


def test_a_region_reported_held_is_its_holder_s_except_around_another_side_s_place_inside_it() -> None:
    got = infer_areas([(36.0, 34.5, "government")], [(WEST, "opposition")], OUTLINE)
    opp = got.areas["opposition"]
    assert opp.contains(Point(35.3, 36.5))  # far from any place: the region report alone
    assert {k for c, k, _ in got.bands if c == "opposition"} == {len(BANDS_KM)}  # region-only band
    assert got.areas["government"].contains(Point(36.05, 34.5))  # the town's own cell stays
    assert not opp.contains(Point(36.05, 34.5))


def test_a_point_outside_a_held_region_of_the_other_side_stops_at_its_boundary() -> None:
    got = infer_areas([(37.2, 34.5, "government")], [(WEST, "opposition"), (EAST, None)], OUTLINE)
    gov = got.areas["government"]
    assert gov.contains(Point(37.1, 34.5)) and not gov.contains(Point(36.95, 34.5))
    assert got.areas["opposition"].contains(Point(36.95, 34.5))


def test_no_evidence_no_area_and_bad_bands_are_refused() -> None:
    assert infer_areas([], [(WEST, None)], OUTLINE).areas == {}
    with pytest.raises(UsageError, match="increasing positive km"):
        infer_areas([(36.0, 34.5, "government")], [], OUTLINE, bands_km=(25, 10))
    assert band_labels((5, 20)) == ["within 5 km of a reported place", "5-20 km from one", "region report only"]
    assert km((36.0, 34.5), (36.05, 34.5)) < 10 < km((36.0, 34.5), (36.2, 34.5)) < 25 < km((36.0, 34.5), (36.4, 34.5))


def test_the_controller_at_a_town_s_point_and_its_band() -> None:
    got = infer_areas([(36.0, 34.5, "government"), (36.6, 34.5, "opposition")], [(WEST, None)], OUTLINE)
    assert controller_at(got, 36.05, 34.5) == ("government", 0)
    assert controller_at(got, 36.45, 34.5) == ("opposition", 1)  # ~14 km from the opposition's place
    assert controller_at(got, 38.0, 34.5) is None  # east of the reported region
    assert doctest.testmod(inferred).failed == 0
