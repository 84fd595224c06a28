"""A holder named as a possessor inside a control phrase: "in Boko Haram's hands", "under the army's control".

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.probe import reader

read = reader(dt.date(2024, 3, 10))


@pytest.mark.parametrize(("text", "place", "kind", "holder"), [
    ("Gwoza remains in Boko Haram's hands, according to residents.", "Gwoza", "held", "boko_haram"),
    ("Jilib remains in al-Shabaab's hands.", "Jilib", "held", "al_shabaab"),
    ("Kupiansk is in Russia's hands.", "Kupiansk", "held", "russia"),
    ("El Fasher remains under the army's control.", "El Fasher", "held", "saf"),
    ("Kidal is still in the rebels' hands.", "Kidal", "held", "fla"),
    ("Wad Madani fell into the RSF's hands in December.", "Wad Madani", "captured", "rsf"),
    ("Laukkai came under the MNDAA's control in January.", "Laukkai", "captured", "mndaa"),
])
def test_a_possessor_in_a_control_phrase_is_the_holder(gz, text: str, place: str, kind: str, holder: str) -> None:
    events = [e for e in read(gz, text) if e.place == place]
    assert [(e.kind, e.actor_gaining) for e in events] == [(kind, holder)], read(gz, text)


@pytest.mark.parametrize("text", [
    "The villagers' fate is in the army's hands.",
    "The region's economy is under the junta's control.",
])
def test_a_possessive_control_phrase_without_a_place_tells_nothing(gz, text: str) -> None:
    assert read(gz, text) == []


@pytest.mark.parametrize(("text", "place", "kind", "holder"), [
    ("Gwoza remains in Boko Haram hands.", "Gwoza", "held", "boko_haram"),
    ("Laukkai came under MNDAA control in January.", "Laukkai", "captured", "mndaa"),
    ("Avdiivka is in the hands of Russia's army.", "Avdiivka", "held", "russia"),
])
def test_the_control_phrases_without_a_possessive_read_as_before(gz, text: str, place: str, kind: str,
                                                                 holder: str) -> None:
    events = [e for e in read(gz, text) if e.place == place]
    assert [(e.kind, e.actor_gaining) for e in events] == [(kind, holder)], read(gz, text)
