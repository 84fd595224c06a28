"""A place said to have been lost, with no taker named: a capture, the taker unknown.

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.probe import reader

read = reader(dt.date(2024, 3, 10))


@pytest.mark.parametrize(("text", "place", "first"), [
    ("Avdiivka was lost in February.", "Avdiivka", dt.date(2024, 2, 1)),
    ("Wad Madani was lost in December after weeks of fighting.", "Wad Madani", dt.date(2023, 12, 1)),
    ("Aguelhok and Tessalit were lost in January.", "Tessalit", dt.date(2024, 1, 1)),
    ("Laukkai had been lost on 5 January, the junta admitted later.", "Laukkai", dt.date(2024, 1, 5)),
])
def test_a_place_lost_with_no_taker_is_captured_by_an_unknown_side(gz, text: str, place: str,
                                                                   first: dt.date) -> None:
    events = [e for e in read(gz, text) if e.place == place]
    assert [(e.kind, e.actor_gaining, e.date) for e in events] == [("captured", "unknown", first)], read(gz, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Contact with Bakhmut was lost on Monday.", []),
    # "lost" of a place named by a common noun: too much else is lost
    ("Russian forces attacked Krasnohorivka. Ukraine said the town had been lost.", []),
    ("The battle for Bakhmut was lost in May.", []),
    ("Mosul was not lost.", []),
    ("Mosul was lost to Islamic State in June 2014.", [("Mosul", "captured", "islamic_state")]),
])
def test_what_a_loss_does_not_tell(gz, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(e.place, e.kind, e.actor_gaining) for e in read(gz, text)] == expected
