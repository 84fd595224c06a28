"""The Gaza theatre (Israel and Hamas, 2023-2025): its file, its places, short reports, and the wars it leaves alone.

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

from geo.theatres import PACKAGE_DIR, load_theatre
from tests.probe import reader

read = reader(dt.date(2024, 5, 30))


def facts(events) -> set[tuple]:
    return {(e.place, e.kind, e.date, e.actor_gaining) for e in events}


def test_the_file_loads_and_names_the_wars_sides() -> None:
    theatre = load_theatre(PACKAGE_DIR / "gaza.toml")
    assert theatre.countries == ("PS",) and theatre.government == "israel"
    assert theatre.faction_of("Ezzedine al-Qassam Brigades") == "hamas"
    assert theatre.faction_of("Saraya al-Quds") == "islamic_jihad"
    assert theatre.faction_of("Abu Shabab's Popular Forces") == "militias"
    assert theatre.faction_of("the army") == "israel"  # one army in the theatre
    assert theatre.faction_of("occupation forces") == "israel"
    assert theatre.faction_of("Doghmush clan") is None
    sides = {f.id: f.side for f in theatre.factions}
    assert sides["islamic_jihad"] == sides["hamas"] and sides["militias"] == sides["israel"]
    assert theatre.outlet_side("Al-Aqsa TV") == "hamas"


def test_gaza_citys_neighbourhoods_resolve_at_home(gz) -> None:
    for name, expected in (("Shujaiya", "local:shujaiya"), ("Shejaiya", "local:shujaiya"),
                           ("Zeitoun", "local:zeitoun-gaza"), ("Tel al-Hawa", "local:tel-al-hawa"),
                           ("Tel al-Sultan", "local:tel-al-sultan"), ("Philadelphi Corridor", "local:philadelphi"),
                           ("Netzarim", "local:netzarim")):
        best = gz.lookup(name, limit=1)[0].place
        assert best.id == expected and best.country == "PS", (name, best.id)  # Zeitoun was Zejtun in Malta


def test_a_capture_in_rafah_and_a_holding_in_the_north(gz) -> None:
    text = ("Israeli troops captured the Philadelphi Corridor on Wednesday, the military said. "
            "Hamas fighters still hold Jabalia, residents said.")
    events = read(gz, text)
    assert {e.theatre for e in events} == {"gaza"}
    got = facts(events)
    assert ("Philadelphi Corridor", "captured", dt.date(2024, 5, 29), "israel") in got
    assert ("Jabalia", "held", dt.date(2024, 5, 29), "hamas") in got  # "residents said": the day before publication


def test_the_army_is_israels_in_gaza(gz) -> None:
    (event,) = read(gz, "The army said on Tuesday it had taken control of Tel al-Sultan in western Rafah.")
    assert (event.place, event.kind, event.date, event.actor_gaining) == (
        "Tel al-Sultan", "captured", dt.date(2024, 5, 28), "israel")
    assert event.theatre == "gaza" and event.stance == "claimed"


def test_a_withdrawal_from_a_corridor_under_the_ceasefire(gz) -> None:
    events = read(gz, "Israeli forces withdrew from the Netzarim corridor on Sunday under the ceasefire deal.",
                  dt.date(2025, 2, 10))
    assert ("Netzarim corridor", "withdrew", dt.date(2025, 2, 9)) in {(e.place, e.kind, e.date) for e in events}
    assert all(e.actor_losing == "israel" for e in events if e.kind == "withdrew")


def test_islamic_jihad_is_its_own_faction(gz) -> None:
    text = "Fighters of the al-Quds Brigades entered Shujaiya on Monday, the group said."
    events = read(gz, text, dt.date(2024, 6, 25))
    assert ("Shujaiya", "entered", dt.date(2024, 6, 24), "islamic_jihad") in facts(events)


def test_hamas_in_lebanon_stays_in_lebanon(gz) -> None:
    text = ("An Israeli drone strike killed a senior Hamas official in Dahiyeh on Tuesday, and Israeli troops "
            "entered Khiam, the Lebanese army said.")
    events = read(gz, text, dt.date(2024, 10, 16))
    assert events and {e.theatre for e in events} == {"lebanon"}


def test_israeli_forces_in_syria_stay_in_syria(gz) -> None:
    events = read(gz, "Israeli forces entered Quneitra and the buffer zone on the Golan on Sunday, monitors said.",
                  dt.date(2024, 12, 9))
    assert events and {e.theatre for e in events} == {"syria"}


def test_hamas_named_often_does_not_outweigh_lebanons_places(gz) -> None:
    text = ("Hamas said an Israeli strike killed one of its commanders in Beirut. Hamas vowed revenge, and Hamas "
            "fighters in Lebanon fired rockets, while Hezbollah fighters still hold Aita al-Shaab, Hamas said.")
    events = read(gz, text, dt.date(2024, 1, 3))
    assert ("Aita al-Shaab", "held", "hezbollah") in {(e.place, e.kind, e.actor_gaining) for e in events}
    assert {e.theatre for e in events} == {"lebanon"}
