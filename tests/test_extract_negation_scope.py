"""How far a negation reaches: not into a state joined to the negated verb, and not past a passive's agent.

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.probe import reader

read = reader(dt.date(2024, 3, 10))


@pytest.mark.parametrize(("text", "on", "place", "holder"), [
    ("The Panjshir valley has not been taken by the Taliban and is held by forces loyal to Ahmad Massoud.",
     dt.date(2021, 8, 15), "Panjshir valley", "nrf"),
    ("Mueda did not fall and remains under government control.", dt.date(2021, 4, 9), "Mueda", "fadm"),
    ("El Fasher has not fallen to the RSF and is still in army hands.", dt.date(2024, 3, 10), "El Fasher", "saf"),
    ("Kyaukme has not fallen and remains under junta control.", dt.date(2024, 3, 10), "Kyaukme", "junta"),
    ("Chasiv Yar was never encircled and is held by Ukrainian troops.", dt.date(2024, 3, 10), "Chasiv Yar",
     "ukraine"),
])
def test_a_state_joined_to_a_negated_verb_is_told(gz, text: str, on: dt.date, place: str, holder: str) -> None:
    events = read(gz, text, on)
    assert [(e.place, e.kind, e.actor_gaining) for e in events] == [(place, "held", holder)], events


@pytest.mark.parametrize("text", [
    "Bakhmut was not captured by Russian forces.",
    "Mueda was not taken by the insurgents.",
    "El Fasher was never captured by the RSF.",
    "Mosul was not lost to Islamic State.",
    "Kyaukme was not seized by the TNLA.",
    "Avdiivka was not encircled by Russian forces.",
    "The RSF has never held Babanusa.",
    "The Taliban have never occupied Panjshir.",
])
def test_a_negation_between_auxiliary_and_participle_hedges(gz, text: str) -> None:
    """"was not captured by", "was never encircled", "has never held": the negation stood inside the trigger's
    own words, where the hedge before the trigger did not see it."""
    assert read(gz, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a negation inside the joined clause still hedges it
    ("Russian forces have not captured and do not hold Chasiv Yar.", []),
    ("The RSF did not take El Fasher and is not in control of it.", []),
    # a word between the auxiliary and the participle that is no negation keeps the change
    ("Bakhmut was finally captured by Russian forces.", [("Bakhmut", "captured", "russia")]),
    ("Mosul was lost to Islamic State in June 2014.", [("Mosul", "captured", "islamic_state")]),
    ("The RSF has long held Nyala.", [("Nyala", "held", "rsf")]),
    ("El Fasher remains encircled by the RSF.", [("El Fasher", "besieged", "rsf")]),
])
def test_what_the_negation_still_reaches(gz, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(e.place, e.kind, e.actor_gaining) for e in read(gz, text)] == expected
