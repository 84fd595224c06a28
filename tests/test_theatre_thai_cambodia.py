"""The Thailand-Cambodia theatre (July 2025): its file, the temples' two spellings, short reports in both voices.

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

from geo.theatres import PACKAGE_DIR, load_theatre
from tests.probe import reader

read = reader(dt.date(2025, 7, 27))


def facts(events) -> set[tuple]:
    return {(e.place, e.kind, e.date, e.actor_gaining) for e in events}


def test_the_file_loads_and_names_the_wars_sides() -> None:
    theatre = load_theatre(PACKAGE_DIR / "thai_cambodia.toml")
    assert set(theatre.countries) == {"TH", "KH"}
    assert theatre.faction_of("Royal Cambodian Armed Forces") == "cambodia" and theatre.faction_of("RCAF") == "cambodia"
    assert theatre.faction_of("Second Army Area") == "thailand"
    assert theatre.faction_of("the army") == "unknown"  # two armies
    assert theatre.outlet_side("AKP") == "cambodia"


def test_one_temple_under_two_names(gz) -> None:
    thai, khmer = (gz.lookup(name, limit=1)[0].place for name in ("Ta Muen Thom", "Ta Moan Thom"))
    assert thai.id == khmer.id == "local:ta-muen-thom"
    assert gz.lookup("Ta Kwai", limit=1)[0].place.id == "local:ta-krabey"


def test_a_thai_retaking(gz) -> None:
    events = read(gz, "Thai troops recaptured Phu Makhuea on Saturday after a ten-hour battle, the army said.")
    assert {e.theatre for e in events} == {"thai_cambodia"}
    assert ("Phu Makhuea", "regained", dt.date(2025, 7, 26), "thailand") in facts(events)


def test_a_cambodian_holding(gz) -> None:
    events = read(gz, "Cambodian troops remain in full control of Ta Krabey temple, the defence ministry said.")
    assert ("Ta Krabey", "held", dt.date(2025, 7, 26), "cambodia") in facts(events)  # "said": the day before


def test_thai_soldiers_on_myanmars_border_leave_it_myanmars(gz) -> None:
    events = read(gz, "The KNLA seized Shwe Kokko on Monday; Thai soldiers watched from Mae Sot, the Thai army said.",
                  dt.date(2024, 4, 12))
    assert ("Shwe Kokko", "captured", "knla") in {(e.place, e.kind, e.actor_gaining) for e in events}
    assert {e.theatre for e in events} == {"myanmar"}
