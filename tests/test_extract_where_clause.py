"""A place with a "where" clause between it and its verb: the place is still the verb's subject.

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.probe import reader

read = reader(dt.date(2024, 3, 10))


@pytest.mark.parametrize(("text", "place", "kind", "gaining", "first"), [
    ("Kherson, where Russian troops had been since March, was retaken by Ukraine in November.", "Kherson",
     "regained", "ukraine", dt.date(2023, 11, 1)),
    ("Wad Madani, where the RSF set up its headquarters, was recaptured by the army in January.", "Wad Madani",
     "regained", "saf", dt.date(2024, 1, 1)),
    ("Baga, where the insurgents overran a military base in January, was recaptured by troops on 21 February.",
     "Baga", "regained", "government", dt.date(2024, 2, 21)),
    ("Laukkai, where the junta's regional command surrendered, was captured by the MNDAA in January.", "Laukkai",
     "captured", "mndaa", dt.date(2024, 1, 1)),
])
def test_the_place_before_a_where_clause_is_the_subject(gz, text: str, place: str, kind: str, gaining: str,
                                                        first: dt.date) -> None:
    events = [e for e in read(gz, text) if e.place == place and e.kind == kind]
    assert [(e.actor_gaining, e.date) for e in events] == [(gaining, first)], read(gz, text)


@pytest.mark.parametrize(("text", "expected"), [
    # a change told inside the where clause is still its own
    ("Ukraine withdrew from Avdiivka, where Russian forces entered the city in February.",
     {("Avdiivka", "withdrew"), ("Avdiivka", "entered")}),
    # a where clause with no change in it or after it tells nothing of the place
    ("Russian shells hit Kramatorsk, where Ukrainian troops are based.", set()),
    ("Residents fled to Port Sudan, where the army-backed government sits.", set()),
])
def test_what_a_where_clause_keeps(gz, text: str, expected: set[tuple[str, str]]) -> None:
    assert {(e.place, e.kind) for e in read(gz, text)} == expected, read(gz, text)


@pytest.mark.parametrize(("text", "place", "gaining"), [
    ("Wad Madani, where the RSF overran the army's base in December, was recaptured in January, according to the "
     "army.", "Wad Madani", "saf"),
    ("Baga, where Boko Haram overran a military base in January, was recaptured on 21 February, according to the "
     "military.", "Baga", "government"),
    ("Lyman, where Russian troops had dug in, was recaptured in October, according to Ukraine's military.", "Lyman",
     "ukraine"),
])
def test_a_side_inside_the_where_clause_is_not_the_passive_verbs(gz, text: str, place: str, gaining: str) -> None:
    """The side of the where clause acts in it; the passive verb after it is told of the place, by its speaker."""
    events = [e for e in read(gz, text) if e.place == place and e.kind == "regained"]
    assert [e.actor_gaining for e in events] == [gaining], read(gz, text)


def test_a_where_clause_keeps_its_own_side(gz) -> None:
    text = "Wad Madani, where the RSF overran the army's base in December, was recaptured in January, by the army."
    events = {(e.kind, e.actor_gaining) for e in read(gz, text) if e.place == "Wad Madani"}
    assert ("captured", "rsf") in events and ("regained", "saf") in events, events
