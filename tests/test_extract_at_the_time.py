""""At the time", or "then" after a verb of saying: the time told in the sentence before.

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.probe import reader

read = reader(dt.date(2023, 1, 20))


@pytest.mark.parametrize(("text", "place", "kind", "first", "last"), [
    ("In December, government troops took Adan Yabaal. The army said then that it had liberated the town.",
     "Adan Yabaal", "captured", dt.date(2022, 12, 1), dt.date(2022, 12, 31)),
    ("The RSF seized Wad Madani in December 2022. The army said at the time that it had pulled out of the city.",
     "Wad Madani", "withdrew", dt.date(2022, 12, 1), dt.date(2022, 12, 31)),
    ("Russian forces entered Vuhledar on 1 October. Kyiv said at the time that its troops had withdrawn from the "
     "town.", "Vuhledar", "withdrew", dt.date(2022, 10, 1), None),
])
def test_a_statement_made_at_the_time_told_before_is_dated_then(gz, text: str, place: str, kind: str,
                                                                first: dt.date, last: dt.date | None) -> None:
    events = [e for e in read(gz, text) if e.place == place and e.kind == kind and e.stance == "claimed"]
    assert [(e.date, e.date_end) for e in events] == [(first, last)], read(gz, text)


def test_then_as_an_adverb_of_order_is_no_time(gz) -> None:
    events = [e for e in read(gz, "The army retook Sinja then.") if e.place == "Sinja"]
    assert [e.date_end or e.date for e in events] == [dt.date(2023, 1, 20)], events
