"""The South Sudan theatre (the SSPDF and the SPLA-IO, 2013-): its file, its places, short reports, Sudan kept apart.

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

from geo.theatres import PACKAGE_DIR, load_theatre
from tests.probe import reader

read = reader(dt.date(2025, 3, 5))


def facts(events) -> set[tuple]:
    return {(e.place, e.kind, e.date, e.actor_gaining) for e in events}


def test_the_file_loads_and_names_the_wars_sides() -> None:
    theatre = load_theatre(PACKAGE_DIR / "south_sudan.toml")
    assert theatre.countries == ("SS",) and theatre.government == "sspdf"
    assert theatre.faction_of("SPLA-IO") == "spla_io" and theatre.faction_of("SPLM/A-IO") == "spla_io"
    assert theatre.faction_of("Nuer White Army") == "white_army"
    assert theatre.faction_of("UPDF") == "uganda"
    assert theatre.faction_of("the army") == "sspdf"
    sides = {f.id: f.side for f in theatre.factions}
    assert sides["white_army"] == "spla_io" and sides["uganda"] == "sspdf"
    assert theatre.outlet_side("SSBC") == "sspdf"


def test_the_white_army_overruns_nasir(gz) -> None:
    events = read(gz, "The White Army overran the army garrison in Nasir on Tuesday, local officials said.")
    assert {e.theatre for e in events} == {"south_sudan"}
    assert ("Nasir", "captured", dt.date(2025, 3, 4), "white_army") in facts(events)
    assert all(e.place_id == "local:nasir" for e in events)  # not Nasir Extension in Khartoum


def test_an_opposition_claim_in_upper_nile(gz) -> None:
    (event,) = read(gz, "The SPLA-IO said its forces captured Ulang on Monday after heavy fighting.",
                    dt.date(2025, 3, 27))
    assert (event.place, event.kind, event.date, event.actor_gaining, event.stance) == (
        "Ulang", "captured", dt.date(2025, 3, 24), "spla_io", "claimed")


def test_the_state_broadcasters_army_retakes_akobo(gz) -> None:
    events = read(gz, "JUBA (SSBC) - The army has recaptured Akobo from the rebels, the spokesman said on Friday.",
                  dt.date(2025, 9, 13), source="SSBC")
    assert ("Akobo", "regained", dt.date(2025, 9, 12), "sspdf") in facts(events)


def test_sudans_war_stays_sudans(gz) -> None:
    events = read(gz, "The RSF captured Babanusa on Monday after the army withdrew, residents said.",
                  dt.date(2025, 12, 2))
    assert events and {e.theatre for e in events} == {"sudan"}


def test_ugandan_troops_in_congo_stay_in_congo(gz) -> None:
    events = read(gz, "Ugandan troops entered Bunia on Monday, the UPDF said, as M23 rebels held Goma.",
                  dt.date(2025, 3, 4))
    assert events and {e.theatre for e in events} == {"drc"}


def test_south_sudanese_troops_in_sudans_war_leave_it_sudans(gz) -> None:
    text = ("The RSF captured Heglig on Monday, and South Sudanese troops deployed in the oil field, officials in "
            "Juba said.")
    events = read(gz, text, dt.date(2025, 12, 9))
    assert ("Heglig", "captured", "rsf") in {(e.place, e.kind, e.actor_gaining) for e in events}
    assert {e.theatre for e in events} == {"sudan"}
