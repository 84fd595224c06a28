"""A taking back told in the passive with no taker, on a side's word: the side that says so took the place back.

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.probe import reader

read = reader(dt.date(2024, 3, 10))


@pytest.mark.parametrize(("text", "place", "gaining"), [
    ("Baga was recaptured on 21 February, according to the military.", "Baga", "government"),
    ("Sinja was retaken on Monday, according to the army.", "Sinja", "saf"),
    ("Awasse was also retaken in July, according to the Rwandan army.", "Awasse", "rwanda"),
    ("Kherson was retaken in November, according to Ukraine's military.", "Kherson", "ukraine"),
])
def test_the_announcer_of_a_passive_retaking_is_its_taker(gz, text: str, place: str, gaining: str) -> None:
    events = [e for e in read(gz, text) if e.place == place and e.kind == "regained"]
    assert [(e.actor_gaining, e.stance) for e in events] == [(gaining, "claimed")], read(gz, text)


@pytest.mark.parametrize(("text", "place", "kind", "gaining"), [
    # a taker named after "by" is the taker, whoever tells it
    ("Moqokori was retaken by al-Shabaab in March, according to the army.", "Moqokori", "regained", "al_shabaab"),
    # witnesses are no side
    ("Wad Madani was recaptured in January, according to residents.", "Wad Madani", "regained", None),
    # a capture on the word of the side that lost it is not that side's
    ("Bakhmut was captured on Monday, according to Ukrainian officials.", "Bakhmut", "captured", None),
])
def test_what_the_announcer_does_not_take(gz, text: str, place: str, kind: str, gaining: str | None) -> None:
    events = [e for e in read(gz, text) if e.place == place and e.kind == kind]
    assert [e.actor_gaining for e in events] == [gaining], read(gz, text)
