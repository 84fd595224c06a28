"""Statements quoted at length after a colon: the speaker's claims, its own words for its side its own.

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract.statements import quoted_statements
from tests.probe import reader

read = reader(dt.date(2024, 3, 10), source=None)


@pytest.mark.parametrize(("text", "on", "place", "kind", "gaining"), [
    ('The Nigerian Army said on Thursday:\n\n"Troops have cleared Marte of the terrorists. Our troops have also '
     'retaken Dikwa, and normalcy has returned."', dt.date(2021, 4, 15), "Dikwa", "regained", "government"),
    ('The Taliban issued a statement on Monday. It read in full:\n\n"The Islamic Emirate thanks the people of '
     'Panjshir. Rukha and Anaba are now under the control of the mujahideen."',
     dt.date(2021, 9, 6), "Rukha", "held", "taliban"),
    ('The Libyan National Army spoke on Friday. Its spokesman read out a communiqué in Benghazi:\n\n"Units of the '
     'armed forces have liberated the city of Gharyan after the surrender of its militias. Our forces have today '
     'taken control of Qasr Bin Ghashir."', dt.date(2019, 4, 5), "Gharyan", "captured", "lna"),
    ('The Libyan National Army spoke on Friday. Its spokesman read out a communiqué in Benghazi:\n\n"Units of the '
     'armed forces have liberated the city of Gharyan after the surrender of its militias. Our forces have today '
     'taken control of Qasr Bin Ghashir."', dt.date(2019, 4, 5), "Qasr Bin Ghashir", "captured", "lna"),
    ('In a communiqué posted on its website, the MNLA said:\n\n"The occupying army has fled the north. Our '
     'fighters now hold Gao."', dt.date(2012, 4, 2), "Gao", "held", "fla"),
])
def test_a_statement_quoted_at_length_is_its_speakers_claim(gz, text: str, on: dt.date, place: str, kind: str,
                                                            gaining: str) -> None:
    events = [e for e in read(gz, text, on) if e.place == place and e.kind == kind]
    assert [(e.actor_gaining, e.stance, e.attributed_to) for e in events] == [(gaining, "claimed", gaining)], \
        read(gz, text, on)


@pytest.mark.parametrize(("text", "on", "place", "kind", "gaining", "stance"), [
    # the reporter's sentence after the quotation closes is the reporter's again
    ('The Libyan National Army said in a communiqué:\n\n"Our forces have taken Qasr Bin Ghashir."\n\nGNA forces '
     'retook Gharyan in June.', dt.date(2019, 7, 1), "Gharyan", "regained", "gna", "reported"),
    # a side the quotation itself names first keeps its own
    ('The Libyan National Army said in a communiqué:\n\n"Tripoli government forces still hold Sabratha, but our '
     'forces are advancing."', dt.date(2019, 4, 5), "Sabratha", "held", "gna", "claimed"),
    # a quotation no word of saying introduces is left as it was read
    ('Three towns changed hands on Sunday: "Ghazni fell to the Taliban at dawn."', dt.date(2021, 8, 15),
     "Ghazni", "captured", "taliban", "reported"),
])
def test_what_a_quoted_statement_leaves_alone(gz, text: str, on: dt.date, place: str, kind: str, gaining: str,
                                              stance: str) -> None:
    events = [e for e in read(gz, text, on) if e.place == place and e.kind == kind]
    assert [(e.actor_gaining, e.stance) for e in events] == [(gaining, stance)], read(gz, text, on)


def test_the_quotation_runs_from_its_opening_mark_to_the_matching_close() -> None:
    text = 'The army said: “Troops retook Sinja. The town is calm.” Residents said "all is quiet".'
    found = quoted_statements(text, [(0, 36), (37, 55), (56, 86)])
    assert [text[q.start : q.end] for q in found] == ["“Troops retook Sinja. The town is calm.”"]
    assert quoted_statements('Three towns changed hands: "Ghazni fell."', [(0, 41)]) == []
