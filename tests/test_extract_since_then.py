"""A holding "since" with no time of its own, or "since then": since the time told before it.

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.probe import reader

read = reader(dt.date(2023, 10, 22))


@pytest.mark.parametrize(("text", "place", "holder", "first"), [
    ("Malian troops entered Anefis on 7 October. The army has held the town since, and this week it began to "
     "reinforce it.", "Anefis", "fama", dt.date(2023, 10, 7)),
    ("The RSF seized Wad Madani in December 2022. It has controlled the city since then.", "Wad Madani", "rsf",
     dt.date(2022, 12, 1)),
    ("Russian forces captured Avdiivka on 17 February. They have held the town since.", "Avdiivka", "russia",
     dt.date(2023, 2, 17)),
    ("The MNDAA took Lashio on 3 August. The group has controlled the city ever since, residents said.", "Lashio",
     "mndaa", dt.date(2023, 8, 3)),
    ("The MNDAA took Lashio on 3 August and has held it since.", "Lashio", "mndaa", dt.date(2023, 8, 3)),
    ("Russian forces captured Avdiivka on 17 February and have held it ever since.", "Avdiivka", "russia",
     dt.date(2023, 2, 17)),
])
def test_held_since_then_is_held_from_the_time_told_before(gz, text: str, place: str, holder: str,
                                                          first: dt.date) -> None:
    events = [e for e in read(gz, text) if e.place == place and e.kind == "held"]
    assert [(e.actor_gaining, e.date) for e in events] == [(holder, first)], read(gz, text)


@pytest.mark.parametrize(("text", "place", "kind", "day"), [
    # "since" with its own time keeps it
    ("The RSF seized Wad Madani in December 2022. It has held Sinja since June.", "Sinja", "held",
     dt.date(2023, 6, 1)),
    # "since" opening a clause is no time
    ("The army has held Anefis since it entered the town on 7 October.", "Anefis", "held", dt.date(2023, 10, 7)),
])
def test_what_a_since_with_a_time_keeps(gz, text: str, place: str, kind: str, day: dt.date) -> None:
    events = [e for e in read(gz, text) if e.place == place and e.kind == kind]
    assert [e.date for e in events] == [day], read(gz, text)
