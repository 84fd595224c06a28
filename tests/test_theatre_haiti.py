"""The Haiti theatre (the gangs' war for Port-au-Prince): its file, its inference, short reports.

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

from geo.theatres import PACKAGE_DIR, load_theatre
from tests.probe import reader

read = reader(dt.date(2025, 3, 31))


def test_the_file_loads_and_names_the_wars_sides() -> None:
    theatre = load_theatre(PACKAGE_DIR / "haiti.toml")
    assert theatre.countries == ("HT",) and theatre.government == "pnh"
    assert theatre.faction_of("Haitian National Police") == "pnh"
    assert theatre.faction_of("FAd'H") == "pnh"
    assert theatre.faction_of("Kenyan police") == "mss"
    assert theatre.faction_of("Viv Ansanm") == "viv_ansanm"
    assert theatre.faction_of("gangs") == "viv_ansanm"
    assert theatre.faction_of("G9 an Fanmi e Alye") == "g9"
    assert theatre.faction_of("G-Pep") == "g_pep"
    assert theatre.faction_of("Gran Grif") == "gran_grif"
    assert theatre.sides["viv_ansanm"] == ("viv_ansanm", "g9", "g_pep")
    assert theatre.sides["government"] == ("pnh", "mss")


def test_a_town_falls_to_the_coalition(gz) -> None:
    text = "Gangs of the Viv Ansanm coalition seized Mirebalais on Monday, freeing hundreds of inmates from its prison."
    (event,) = read(gz, text)
    assert (event.theatre, event.place, event.kind, event.date, event.actor_gaining) == (
        "haiti", "Mirebalais", "captured", dt.date(2025, 3, 31), "viv_ansanm")


def test_neighbourhoods_of_the_capital(gz) -> None:
    text = "Police retook Solino from the G9 on Thursday. The G-Pep still controls Cite Soleil, residents said."
    events = read(gz, text, dt.date(2024, 5, 3))
    got = {(e.place, e.kind, e.date, e.actor_gaining) for e in events}
    assert ("Solino", "regained", dt.date(2024, 5, 2), "pnh") in got
    assert ("Cite Soleil", "held", dt.date(2024, 5, 2), "g_pep") in got
    assert {e.place_id for e in events} == {"local:solino", "local:cite-soleil"}


def test_the_kenyan_led_mission_and_a_withdrawal(gz) -> None:
    text = "Kenyan police of the Multinational Security Support mission entered Kenscoff on Tuesday, and gangs " \
           "withdrew from Tabarre."
    got = {(e.place, e.kind, e.date, e.actor_gaining) for e in read(gz, text, dt.date(2025, 4, 2))}
    assert ("Kenscoff", "entered", dt.date(2025, 4, 1), "mss") in got
    assert ("Tabarre", "withdrew", dt.date(2025, 4, 1), "unknown") in got


def test_the_artibonite_gang(gz) -> None:
    text = "Gran Grif gang members attacked Pont-Sonde on Thursday and took control of the town, killing dozens."
    (event,) = read(gz, text, dt.date(2024, 10, 5))
    assert (event.place_id, event.kind, event.date, event.actor_gaining) == (
        "local:pont-sonde", "captured", dt.date(2024, 10, 3), "gran_grif")
