"""The seed maps of 26 November and 8 December 2024 against what the reports say (layers, no browser)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pyproj import Geod
from shapely.geometry import Point

from geo.layers.build import build_map_data
from geo.layers.data import MapData
from geo.pipeline import analyse
from geo.timeline.names import is_proper_name

pytestmark = pytest.mark.slow
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ALEPPO = (37.16117, 36.20124)  # lon, lat of the city's gazetteer point
D = dt.date
GEOD = Geod(ellps="WGS84")


def km_from_aleppo(lon: float, lat: float) -> float:
    return GEOD.inv(ALEPPO[0], ALEPPO[1], lon, lat)[2] / 1000.0


@pytest.fixture(scope="module")
def maps() -> dict[dt.date, MapData]:
    seeds = analyse(SEEDS, progress=False)
    return {d: build_map_data(seeds, date=d, days=90) for d in (D(2024, 11, 26), D(2024, 12, 8))}


def test_26_november_no_live_opposition_mark_in_aleppo_and_no_front_through_it(maps: dict) -> None:
    day = D(2024, 11, 26)
    data = maps[day]
    near = [s for s in data.states[day].values() if km_from_aleppo(s.lon, s.lat) < 15]
    assert {s.name for s in near} == {"Aleppo", "Ramouseh Artillery Academy"}
    assert all(s.stale for s in near if s.controller == "opposition")  # the 2016 capture is only history
    assert [s.controller for s in near if s.name == "Aleppo"] == ["government"]
    assert data.fronts[day]  # the front west of Aleppo, at the Idlib pocket, is still drawn
    for line, _a, _b in data.fronts[day]:
        assert line.distance(Point(ALEPPO)) > 0.2  # degrees: over 17 km from the city centre
    assert data.areas[day]["government"].contains(Point(ALEPPO))
    assert not data.areas[day]["opposition"].contains(Point(ALEPPO))


def test_no_mark_is_named_by_a_phrase(maps: dict) -> None:
    for data in maps.values():
        assert data.places and all(is_proper_name(p["name"]) for p in data.places), data.places


def test_8_december_daraa_city_is_contested_inside_the_opposition_region(maps: dict) -> None:
    day = D(2024, 12, 8)
    daraa = maps[day].states[day]["geonames:170905"]
    assert (daraa.controller, daraa.status) == ("government", "contested") and daraa.note
    assert maps[day].regions[day]["admin1:SY-HL"].status == "held"  # Aleppo region follows its fallen city


def test_every_state_cites_evidence_that_resolves(maps: dict) -> None:
    for day, data in maps.items():
        for st in [*data.states[day].values(), *data.regions[day].values()]:
            assert st.evidence and all(e in data.events or e in data.baseline for e in st.evidence), st


def test_one_ring_for_one_report(maps: dict) -> None:
    rings = maps[D(2024, 12, 8)].rings
    assert [(s.mention.distance_km, s.mention.anchor) for s, _, _ in rings] == [(7.0, "local:aleppo-citadel")]


def test_stale_marks_take_no_part_in_the_inferred_areas(maps: dict) -> None:
    day = D(2024, 11, 26)
    academy = maps[day].states[day]["local:ramouseh-artillery-academy"]
    where = Point(academy.lon, academy.lat)
    assert academy.stale and not maps[day].areas[day]["opposition"].contains(where)
    assert maps[day].areas[day]["government"].contains(where)
    ageless = build_map_data(analyse(SEEDS, progress=False), date=day, days=90, stale_after_days=100_000)
    assert ageless.areas[day]["opposition"].contains(where)  # counted as live, the 2016 capture claims land
