"""The Nagorno-Karabakh theatre (2020, 2023): its file, its inference, short reports in wire and state-agency styles.

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from geo.extract.actors import actor_index, infer_theatre
from geo.theatres import PACKAGE_DIR, load_theatre, packaged_theatres
from tests.probe import reader

read = reader(dt.date(2020, 10, 10))


def test_the_file_loads_and_names_the_wars_sides() -> None:
    theatre = load_theatre(PACKAGE_DIR / "karabakh.toml")
    assert theatre.countries == ("AZ", "AM") and theatre.government == "azerbaijan"
    assert theatre.faction_of("Artsakh Defence Army") == "armenian"
    assert theatre.faction_of("Armenian armed formations") == "armenian"
    assert theatre.faction_of("separatists") == "armenian"
    assert theatre.faction_of("Azeri troops") == "azerbaijan"
    assert theatre.faction_of("Russian peacekeepers") == "russia"
    assert theatre.faction_of("the army") == "unknown"
    assert theatre.outlet_side("AZERTAC") == "azerbaijan" and theatre.outlet_side("Armenpress") == "armenian"


def test_russian_forces_alone_remain_ukraines_war() -> None:
    # a guard: the peacekeepers' faction shares the name, but its label does not begin with it
    text = "Russian forces said they had advanced further."
    index = actor_index()
    chosen = infer_theatre(Counter(), index.votes(text, index.spans(text)), packaged_theatres().values())
    assert chosen is not None and chosen.id == "ukraine"


def test_a_claimed_capture_and_a_holding(gz) -> None:
    text = ("Azerbaijani forces took control of Hadrut on Friday, President Ilham Aliyev said. "
            "The Artsakh Defence Army said it still held Martakert.")
    events = read(gz, text)
    assert {e.theatre for e in events} == {"karabakh"}
    got = {(e.place, e.kind, e.date, e.actor_gaining) for e in events}
    assert ("Hadrut", "captured", dt.date(2020, 10, 9), "azerbaijan") in got
    assert ("Martakert", "held", dt.date(2020, 10, 9), "armenian") in got


def test_the_state_agencys_liberations_are_claims_of_azerbaijan(gz) -> None:
    text = ("On 8 November the Azerbaijani Army liberated the city of Shusha from occupation. "
            "The Azerbaijani Army liberated Gubadli on 25 October.")
    events = read(gz, text, dt.date(2020, 11, 9), source="AZERTAC")
    got = {(e.place, e.kind, e.date, e.actor_gaining, e.stance) for e in events}
    assert ("Shusha", "captured", dt.date(2020, 11, 8), "azerbaijan", "claimed") in got
    assert ("Gubadli", "captured", dt.date(2020, 10, 25), "azerbaijan", "claimed") in got
    gubadli = next(e for e in events if e.place == "Gubadli")
    assert gubadli.place_id == "geonames:147305"  # the district seat Qubadli


def test_peacekeepers_enter_as_armenian_forces_leave(gz) -> None:
    text = "Russian peacekeepers entered Lachin on Thursday, as Armenian forces withdrew from Kalbajar."
    got = {(e.place, e.kind, e.date, e.actor_gaining) for e in read(gz, text, dt.date(2020, 11, 12))}
    assert ("Lachin", "entered", dt.date(2020, 11, 12), "russia") in got
    assert ("Kalbajar", "withdrew", dt.date(2020, 11, 12), "unknown") in got
