"""Split control: one place held by two sides at once, each a `held` event of its own (issue 16).

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.model import ControlEvent
from tests.probe import reader

read = reader(dt.date(2024, 3, 10))


def holders(events: list[ControlEvent], place: str) -> set[str | None]:
    return {e.actor_gaining for e in events if e.place == place and e.kind == "held"}


@pytest.mark.parametrize(("text", "place", "sides"), [
    ("The army holds the west of El Fasher, the RSF the east.", "El Fasher", {"saf", "rsf"}),
    ("Russian troops control the east of Chasiv Yar, while Ukrainian forces hold the west.", "Chasiv Yar",
     {"russia", "ukraine"}),
    ("Qamishli remains split between the SDF and small government pockets.", "Qamishli", {"sdf", "government"}),
    ("Control of Kidal is divided between the FLA and the Malian army.", "Kidal", {"fla", "fama"}),
    ("Aleppo has been divided between government forces in the west and rebels in the east since 2012.", "Aleppo",
     {"government", "opposition"}),
])
def test_each_side_of_a_split_holds_the_place(gz, text: str, place: str, sides: set[str]) -> None:
    assert holders(read(gz, text), place) == sides


def test_a_split_dates_at_its_own_time(gz) -> None:
    events = read(gz, "Aleppo has been divided between government forces in the west and rebels in the east "
                      "since 2012.")
    assert {e.date for e in events if e.place == "Aleppo"} == {dt.date(2012, 1, 1)}


@pytest.mark.parametrize(("text", "place", "sides"), [
    ("Qamishli remains split between the SDF and government pockets, and Islamic State cells are still active "
     "in the desert.", "Qamishli", {"sdf", "government"}),
    ("Rebels hold the north of Hama, and the army is shelling the city.", "Hama", {"opposition"}),
    ("The M23 holds the centre of Sake, and Wazalendo fighters attacked its outskirts.", "Sake", {"m23"}),
])
def test_a_side_of_another_clause_is_no_holder(gz, text: str, place: str, sides: set[str]) -> None:
    assert holders(read(gz, text), place) == sides


def test_a_split_needs_two_sides(gz) -> None:
    assert not holders(read(gz, "The town of Sake is divided between two hills."), "Sake")


# ---- standing control since a date, told after its place ------------------------------------------------------

@pytest.mark.parametrize(("text", "place", "side", "start"), [
    ("Fallujah has been in IS hands since January 2014.", "Fallujah", "islamic_state", dt.date(2014, 1, 1)),
    ("The army shelled Raqqa, a city Islamic State has held since January.", "Raqqa", "islamic_state",
     dt.date(2024, 1, 1)),
    ("Government forces shelled Idlib, a province the rebels have controlled since 2015.", "Idlib", "opposition",
     dt.date(2015, 1, 1)),
    ("Kherson has been under Russian control since March 2022.", "Kherson", "russia", dt.date(2022, 3, 1)),
])
def test_held_since_a_date_starts_then(gz, text: str, place: str, side: str, start: dt.date) -> None:
    assert {(e.actor_gaining, e.date) for e in read(gz, text) if e.place == place and e.kind == "held"} == \
        {(side, start)}


def test_a_since_of_another_clause_leaves_the_present(gz) -> None:
    events = read(gz, "The RSF still holds most of Darfur, where it has besieged El Fasher since May.")
    assert {e.date for e in events if e.place == "Darfur"} == {dt.date(2024, 3, 9)}


@pytest.mark.parametrize(("text", "place", "side"), [
    ("Avdiivka had been under Ukrainian control since 2014.", "Avdiivka", "ukraine"),
    ("Mosul is in Iraqi hands again.", "Mosul", "government"),
    ("Laukkai is now under Chinese-brokered ceasefire control.", "Laukkai", None),
])
def test_a_nationality_in_a_control_phrase_is_its_forces(gz, text: str, place: str, side: str | None) -> None:
    found = {e.actor_gaining for e in read(gz, text) if e.place == place and e.kind == "held"}
    if side is None:
        assert found <= {None, "unknown"}  # a word that names no faction names no holder
    else:
        assert found == {side}


# ---- fighting a side reports in a place it holds is fought by the other side -------------------------------

def contests(events: list[ControlEvent], place: str) -> set[str | None]:
    return {e.actor_gaining for e in events if e.place == place and e.kind == "contested"}


@pytest.mark.parametrize(("text", "place", "side"), [
    ("Russian troops crossed the border on Friday. Ukraine's General Staff said on Monday that fighting was under "
     "way inside Vovchansk.", "Vovchansk", "russia"),
    ("Government forces advanced on Gharyan. An LNA spokesman denied that the town had fallen, saying that fighting "
     "was continuing inside Gharyan.", "Gharyan", "gna"),
    ("The RSF shelled the city for weeks. The army said on Sunday that clashes were continuing inside El Fasher.",
     "El Fasher", "rsf"),
])
def test_fighting_a_side_reports_is_fought_by_the_other(gz, text: str, place: str, side: str) -> None:
    assert contests(read(gz, text), place) == {side}


@pytest.mark.parametrize(("text", "place", "side"), [
    ("Rebels attacked Saraqib on Friday. On Sunday the army said it was fighting inside Saraqib again.", "Saraqib",
     "government"),
    ("The M23 pushed towards Sake. The army said its troops were battling inside Sake.", "Sake", "fardc"),
    ("Russian forces shelled Chasiv Yar. Ukraine's army said its units were fighting inside Chasiv Yar.",
     "Chasiv Yar", "ukraine"),
])
def test_a_speaker_saying_it_fights_is_the_fighter(gz, text: str, place: str, side: str) -> None:
    assert contests(read(gz, text), place) == {side}
