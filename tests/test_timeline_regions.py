"""Tests of geo.timeline.regions: a region report against a town's own evidence, a region after its main city."""

from __future__ import annotations

import datetime as dt

from geo.model import BaselineEntry, ControlEvent
from geo.timeline.fold import Evidence, Geography

D = dt.date
TOWN, CITY, REGION, OTHER = "geonames:1", "geonames:2", "admin1:XX-01", "admin1:XX-02"
GEO = Geography(names={TOWN: "Alpha", CITY: "Beta", REGION: "North"},
                region_of={TOWN: REGION, CITY: REGION}, main_city={REGION: CITY})
_n = iter(range(1_000_000))


def ev(kind: str, day: dt.date, place_id: str, gaining: str | None, **kw: object) -> ControlEvent:
    fields: dict[str, object] = dict(
        id=f"r{next(_n)}", article="a1", published=day, place="Somewhere", place_id=place_id, lat=36.0, lon=37.0,
        geo_precision=3 if place_id.startswith("admin1:") else 1, date=day, date_end=None, date_precision="day",
        time_text="on Friday", kind=kind, actor_gaining=gaining, actor_losing=None, stance="reported",
        attributed_to=None, sentence="s", start=0, end=1, confidence=0.8)
    fields.update(kw)
    return ControlEvent(**fields)  # type: ignore[arg-type]


def row(place_id: str, controller: str, as_of: dt.date, place: str = "Alpha") -> BaselineEntry:
    return BaselineEntry(place, place_id, place, 36.0, 37.0, controller, as_of, "a map of that day",
                         3 if place_id.startswith("admin1:") else 1)


def state(states: list, place_id: str):
    return next(s for s in states if s.place_id == place_id)


def test_a_newer_region_report_makes_a_town_held_by_the_other_side_contested() -> None:
    # "local rebels have captured most of the Deraa region" after Daraa city was last reported government-held
    town = row(TOWN, "government", D(2024, 11, 26))
    region = ev("captured", D(2024, 12, 8), REGION, "opposition", place="Deraa")
    s = state(Evidence([region], baseline=[town], geography=GEO).state_on(D(2024, 12, 8)), TOWN)
    assert (s.controller, s.status) == ("government", "contested")
    assert s.evidence == (town.evidence_id, region.id)  # both pieces of evidence, the town's own first
    assert s.note is not None and "opposition" in s.note and "2024-12-08" in s.note and "2024-11-26" in s.note
    # without the geography, nothing is reconciled: the town's own evidence stands
    plain = state(Evidence([region], baseline=[town]).state_on(D(2024, 12, 8)), TOWN)
    assert (plain.status, plain.note) == ("held", None)


def test_an_older_region_report_or_an_agreeing_one_leaves_the_town_alone() -> None:
    region = ev("captured", D(2024, 12, 1), REGION, "opposition")
    later_town = ev("regained", D(2024, 12, 5), TOWN, "government")
    s = state(Evidence([region, later_town], geography=GEO).state_on(D(2024, 12, 8)), TOWN)
    assert (s.controller, s.status, s.note) == ("government", "held", None)  # the town's news is newer
    agree = ev("captured", D(2024, 11, 20), TOWN, "opposition")
    s = state(Evidence([region, agree], geography=GEO).state_on(D(2024, 12, 8)), TOWN)
    assert (s.controller, s.status, s.note) == ("opposition", "held", None)


def test_a_stale_region_report_contests_nothing() -> None:
    region = ev("captured", D(2016, 8, 1), REGION, "opposition")
    town = row(TOWN, "government", D(2016, 7, 1))
    s = state(Evidence([region], baseline=[town], geography=GEO).state_on(D(2024, 1, 1)), TOWN)
    assert (s.status, s.stale, s.note) == ("held", True, None)


def test_a_region_whose_main_city_fell_after_its_last_report_follows_the_city() -> None:
    # the region was reported contested on 27 Nov; its main city fell on 30 Nov
    contested = ev("contested", D(2024, 11, 27), REGION, "government", stance="claimed", attributed_to="government")
    fell = ev("captured", D(2024, 11, 30), CITY, "opposition", place="Beta")
    r = state(Evidence([contested, fell], geography=GEO).state_on(D(2024, 12, 8)), REGION)
    assert (r.controller, r.status, r.since) == ("opposition", "held", D(2024, 11, 30))
    assert r.evidence == (fell.id, contested.id) and r.note is not None and "Beta" in r.note
    before = state(Evidence([contested, fell], geography=GEO).state_on(D(2024, 11, 29)), REGION)
    assert (before.status, before.note) == ("contested", None)  # the city had not fallen yet


def test_a_region_held_by_one_side_whose_main_city_the_other_took_since_is_contested() -> None:
    held = row(REGION, "government", D(2024, 11, 26), "North")
    fell = ev("captured", D(2024, 12, 5), CITY, "opposition", place="Beta")
    states = Evidence([fell], baseline=[held], geography=GEO).state_on(D(2024, 12, 8))
    r = state(states, REGION)
    assert (r.controller, r.status) == ("government", "contested") and r.note is not None
    assert state(states, CITY).status == "held"  # the derived region never contests its city back


def test_a_region_in_another_geography_is_not_confused_with_the_town_s() -> None:
    geo = Geography(region_of={TOWN: OTHER}, main_city={})
    region = ev("captured", D(2024, 12, 8), REGION, "opposition")
    town = row(TOWN, "government", D(2024, 11, 26))
    assert state(Evidence([region], baseline=[town], geography=geo).state_on(D(2024, 12, 8)), TOWN).status == "held"
