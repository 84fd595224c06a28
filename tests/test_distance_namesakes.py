"""A distance quoted with a place's name picks the namesake it fits ("Novoselivka, 9 km northeast of Druzhkivka").

Every sentence is written for these tests; the places are the packaged data's namesakes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from geo.extract.distance.namesakes import fits
from geo.model import DistanceMention
from tests.probe import reader

read = reader(dt.date(2024, 3, 10))


@pytest.mark.parametrize(("text", "name", "place_id"), [
    ("Russian forces captured the village of Novoselivka, 9 km northeast of Druzhkivka, the defence ministry said.",
     "Novoselivka", "geonames:9113807"),
    ("Russian forces captured the village of Ivanivka, 9 km north of Druzhkivka, the defence ministry said.",
     "Ivanivka", "geonames:13645592"),
    ("Turkish-backed factions captured the village of Suran, 15 km east of Azaz, a monitor said.", "Suran",
     "geonames:163913"),
    ("Rebels captured Suran, 18 km north of Hama, a monitor said.", "Suran", "geonames:163915"),
    ("Houthi fighters seized Shibam, 37 km northwest of Sanaa, tribal sources said.", "Shibam", "geonames:70677"),
    ("AQAP militants seized Shibam, 18 km west of Seiyun, residents said.", "Shibam", "geonames:70676"),
])
def test_the_namesake_the_quoted_distance_fits_is_the_place(gz, text: str, name: str, place_id: str) -> None:
    events = [e for e in read(gz, text) if e.place == name]
    assert [e.place_id for e in events] == [place_id]
    place = gz.get(place_id)
    assert (events[0].lat, events[0].lon) == (place.lat, place.lon)


@pytest.mark.parametrize(("text", "name", "place_id"), [
    ("Russian forces captured Novoselivka on Monday, some 9 km northeast of Druzhkivka, the defence ministry said.",
     "Novoselivka", "geonames:9113807"),
    ("Fighting raged in Ivanivka, about 9 km north of Druzhkivka, the General Staff said.", "Ivanivka",
     "geonames:13645592"),
    ("Turkish-backed factions seized Suran on Sunday, 15 km east of Azaz.", "Suran", "geonames:163913"),
    ("Houthi fighters seized Shibam on Tuesday, some 37 km northwest of Sanaa.", "Shibam", "geonames:70677"),
])
def test_an_event_s_place_named_just_before_a_distance_is_the_namesake_it_fits(gz, text: str, name: str,
                                                                                place_id: str) -> None:
    assert [e.place_id for e in read(gz, text) if e.place == name] == [place_id]


def test_a_name_with_namesakes_none_of_which_fits_is_unresolved(gz) -> None:
    """The data's Zhovtnevs lie 56 km and more from Pokrovsk: none is the village 12 km south of it."""
    text = "Russian forces captured the village of Zhovtneve, 12 km south of Pokrovsk, the defence ministry said."
    events = [e for e in read(gz, text) if e.place == "Zhovtneve"]
    assert [(e.kind, e.place_id, e.lat) for e in events] == [("captured", None, None)]


def test_a_name_of_one_place_keeps_it_though_the_distance_is_off(gz) -> None:
    """"Some 400 km north of Addis Ababa" may be the road's length: Dessie stays Dessie."""
    text = "Tigrayan forces captured Dessie, a city some 400 km north of Addis Ababa, on Saturday."
    assert [e.place_id for e in read(gz, text) if e.place == "Dessie"] == ["geonames:339219"]


_MENTION = DistanceMention(distance_km=10.0, tolerance_km=0.0, qualifier="about", direction="N", anchor="x",
                           anchor_name="X", anchor_lat=48.0, anchor_lon=37.0, subject=None, article="a",
                           sentence="s", start=0, end=1, anchor_kind="point")


@pytest.mark.parametrize(("lat", "lon", "direction", "qualifier", "expected"), [
    (48.09, 37.0, "N", "about", True),  # 10 km north
    (48.09, 37.0, "S", "about", False),  # north, not south
    (48.27, 37.0, "N", "about", False),  # 30 km: too far for "about 10"
    (48.02, 37.0, None, "within", True),  # 2 km: within 10
    (48.27, 37.0, None, "more than", True),
])
def test_fits_reads_the_distance_the_direction_and_the_qualifier(gz, lat: float, lon: float, direction: str | None,
                                                                 qualifier: str, expected: bool) -> None:
    place = dataclasses.replace(gz.get("geonames:9113807"), lat=lat, lon=lon)
    assert fits(dataclasses.replace(_MENTION, direction=direction, qualifier=qualifier), place) is expected


def test_a_place_said_to_lie_near_another_and_far_from_it_is_unresolved_if_it_has_namesakes(gz) -> None:
    """No Mykolaivka of the data lies near Selydove (the nearest is 78 km away): no mark there."""
    text = "The General Staff said its troops had withdrawn from Mykolaivka, near Selydove, to avoid encirclement."
    assert [(e.kind, e.place_id) for e in read(gz, text) if e.place == "Mykolaivka"] == [("withdrew", None)]


@pytest.mark.parametrize(("text", "name", "place_id"), [
    ("Russian forces captured Kramatorsk, north of Donetsk, the ministry claimed.", "Kramatorsk", "geonames:704508"),
    ("Russian troops entered Pokrovsk, west of Donetsk, on Monday.", "Pokrovsk", "geonames:704422"),
    ("Government troops retook Sake, west of Goma, on Monday.", "Sake", "geonames:205970"),
])
def test_a_place_of_one_name_said_to_lie_near_another_keeps_it(gz, text: str, name: str, place_id: str) -> None:
    assert [e.place_id for e in read(gz, text) if e.place == name] == [place_id]
