"""Questions in explainers and Q&As: a question of yes or no, or of who holds what, tells no change.

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.probe import reader

read = reader(dt.date(2024, 3, 10))


@pytest.mark.parametrize("text", [
    "Q: Who controls Tigray itself?",
    "Who holds El Fasher now?",
    "Did Russian forces capture Chasiv Yar?",
    "Has the army retaken Moqokori?",
    "Which towns has the Sudanese army retaken in Gezira?",
    "What does al-Shabaab still control in Middle Shabelle?",
    "Is Avdiivka still in Ukrainian hands?",
    "Q. Was Kunduz really abandoned by government troops?",
])
def test_a_question_of_yes_or_no_or_of_who_holds_what_tells_nothing(gz, text: str) -> None:
    assert read(gz, text) == []


@pytest.mark.parametrize(("text", "place", "kind", "gaining"), [
    # a question of why or when takes the change for granted
    ("Why did Russian forces withdraw from Kherson?", "Kherson", "withdrew", None),
    ("When did the Taliban take Kunduz?", "Kunduz", "captured", "taliban"),
    ("What next for Ukraine after the fall of Avdiivka to Russian forces?", "Avdiivka", "captured", "russia"),
    # a question after a statement does not unsay it
    ("Russian forces captured Avdiivka, and who can stop them now?", "Avdiivka", "captured", "russia"),
    # the answer to the question is read as any sentence
    ("Q: Who controls Tigray? A: Tigrayan forces hold Mekelle.", "Mekelle", "held", "tplf"),
])
def test_what_a_question_leaves_alone(gz, text: str, place: str, kind: str, gaining: str | None) -> None:
    events = [e for e in read(gz, text) if e.place == place and e.kind == kind]
    assert len(events) == 1, read(gz, text)
    if gaining is not None:
        assert events[0].actor_gaining == gaining
