"""Places named with their division noun after them ("Rukha and Anaba districts"): the noun names them, it is no
common subject of the passive verb.

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.probe import reader

read = reader(dt.date(2024, 3, 10))


@pytest.mark.parametrize(("text", "places", "gaining"), [
    ("Rukha and Anaba districts were cleared of rebels yesterday, the Taliban said.", {"Rukha", "Anaba"}, "taliban"),
    ("Robotyne and Verbove villages were captured by Russian forces.", {"Robotyne", "Verbove"}, "russia"),
    ("Masisi and Rutshuru territories were overrun by the M23.", {"Masisi", "Rutshuru"}, "m23"),
])
def test_places_named_with_their_division_noun_are_the_passive_subject(gz, text: str, places: set[str],
                                                                      gaining: str) -> None:
    events = [e for e in read(gz, text) if e.kind == "captured"]
    assert {e.place for e in events} == places and {e.actor_gaining for e in events} == {gaining}, events


@pytest.mark.parametrize("text", [
    "The biggest assault in years on areas held by Assad's forces.",
    "Villages held by the RSF near El Fasher were shelled.",
])
def test_a_common_noun_subject_with_no_name_before_it_is_still_no_place(gz, text: str) -> None:
    assert read(gz, text) == []
