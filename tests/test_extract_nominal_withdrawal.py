"""A withdrawal told as a noun, from a list of places ("made tactical withdrawals from several towns, including A
and B"), read as the withdrawal of the side that made it from each place listed (issue 16).

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.probe import reader

read = reader(dt.date(2024, 3, 10))


@pytest.mark.parametrize(("text", "places", "side"), [
    ("Tigrayan forces said they had made tactical withdrawals from a number of towns, including Kombolcha and "
     "Woldia.", {"Kombolcha", "Woldia"}, "tplf"),
    ("The Ukrainian military said it had carried out tactical withdrawals from two villages, including "
     "Krasnohorivka and Novomykhailivka.", {"Krasnohorivka", "Novomykhailivka"}, "ukraine"),
    ("The RSF said it had conducted orderly withdrawals from several towns, including Sinja and Dinder.",
     {"Sinja", "Dinder"}, "rsf"),
    ("The junta said it had carried out strategic withdrawals from three towns, including Hsenwi and Kutkai.",
     {"Hsenwi", "Kutkai"}, "junta"),
    ("M23 rebels said they had made tactical withdrawals from several localities, including Rubaya and "
     "Kitshanga.", {"Rubaya", "Kitshanga"}, "m23"),
])
def test_withdrawals_from_a_list_are_the_speakers(gz, text: str, places: set[str], side: str) -> None:
    events = read(gz, text)
    assert {e.place for e in events} == places
    for e in events:
        assert (e.kind, e.actor_losing, e.stance, e.attributed_to) == ("withdrew", side, "claimed", side)
        assert (e.date, e.date_end) == (dt.date(2024, 3, 9), dt.date(2024, 3, 10))


@pytest.mark.parametrize(("text", "place", "side"), [
    ("Government troops began an orderly retreat from Bakhmut.", "Bakhmut", "ukraine"),
    ("The Sudanese army staged a hasty pull-out from Wad Madani.", "Wad Madani", "saf"),
    ("Junta soldiers carried out an evacuation from Lashio.", "Lashio", "junta"),
])
def test_the_subject_of_a_verb_that_makes_the_withdrawal_withdrew(gz, text: str, place: str, side: str) -> None:
    assert [(e.place, e.kind, e.actor_losing) for e in read(gz, text)] == [(place, "withdrew", side)]
