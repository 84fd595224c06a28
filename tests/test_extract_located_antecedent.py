"""A relative clause after "town in neighbouring division": it is told of the town, not of the division.

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.probe import reader

read = reader(dt.date(2024, 3, 10))


@pytest.mark.parametrize(("text", "place", "gaining"), [
    ("The statement did not mention Geidam in neighbouring Yobe State, which ISWAP fighters seized in February last "
     "year.", "Geidam", "iswap"),
    ("Refugees reached Kupiansk in the neighbouring Kharkiv region, which Russian forces seized in February 2022.",
     "Kupiansk", "russia"),
    ("Troops reached Lashio in nearby northern Shan State, which the MNDAA took in August.", "Lashio", "mndaa"),
])
def test_the_relative_clause_is_told_of_the_town_the_division_locates(gz, text: str, place: str,
                                                                     gaining: str) -> None:
    events = [e for e in read(gz, text) if e.kind == "captured"]
    assert [(e.place, e.actor_gaining) for e in events] == [(place, gaining)], events


@pytest.mark.parametrize(("text", "place"), [
    # no town before the division: the division is the antecedent
    ("ISWAP fighters later moved into neighbouring Yobe State, which the army had cleared in 2015.", "Yobe State"),
    # the quarter alone, as before
    ("Kyaukme in northern Shan State, which had been occupied by the TNLA, was retaken.", "Kyaukme"),
])
def test_what_the_antecedent_stays(gz, text: str, place: str) -> None:
    assert {e.place for e in read(gz, text) if e.kind == "captured"} == {place}
