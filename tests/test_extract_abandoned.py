"""A place left, told passively with the side that left it: "Kherson was abandoned by Russian troops".

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.probe import reader

read = reader(dt.date(2021, 8, 15))


@pytest.mark.parametrize(("text", "place", "losing", "first"), [
    ("Kherson was abandoned by Russian troops in November.", "Kherson", "russia", dt.date(2020, 11, 1)),
    ("Mocímboa da Praia was evacuated by the army in August.", "Mocímboa da Praia", "fadm", dt.date(2021, 8, 1)),
    ("Kidal was vacated by the army in 2014.", "Kidal", "fama", dt.date(2014, 1, 1)),
    ("Tarhuna was abandoned by Haftar's forces on Friday.", "Tarhuna", "lna", dt.date(2021, 8, 13)),
    ("Faizabad, in Badakhshan province, was abandoned by Afghan government troops on Wednesday.", "Faizabad",
     "government", dt.date(2021, 8, 11)),
])
def test_a_place_abandoned_by_a_side_is_its_withdrawal(gz, text: str, place: str, losing: str,
                                                       first: dt.date) -> None:
    events = [e for e in read(gz, text) if e.place == place]
    assert [(e.kind, e.actor_losing, e.date) for e in events] == [("withdrew", losing, first)], read(gz, text)


@pytest.mark.parametrize("text", [
    "Bakhmut was abandoned by civilians in 2023.",
    "The village of Shasha was abandoned by its residents.",
    "Kherson was not abandoned by Russian troops.",
])
def test_what_is_abandoned_by_no_fighting_side_or_not_at_all_tells_nothing(gz, text: str) -> None:
    assert [e for e in read(gz, text) if e.kind == "withdrew"] == []


@pytest.mark.parametrize(("text", "place", "division"), [
    ("Wednesday: Faizabad, in the north-eastern province of Badakhshan, was abandoned by government troops.",
     "Faizabad", "Badakhshan"),
    ("Sinja, in the state of Sennar, fell to the RSF.", "Sinja", "Sennar"),
    ("Loikaw, in the state of Kayah, was overrun by the KNDF.", "Loikaw", "Kayah"),
    ("Beledweyne, in central Hiiraan, was retaken by the army.", "Beledweyne", "Hiiraan"),
])
def test_a_division_set_off_after_a_town_only_locates_it(gz, text: str, place: str, division: str) -> None:
    """", in the north-eastern province of Badakhshan," between a town and its verb: the town changed hands."""
    events = read(gz, text)
    assert [e.place for e in events] == [place], events
    assert not any(division in e.place for e in events)
