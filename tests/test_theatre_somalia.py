"""The Somalia theatre (al-Shabaab's insurgency): its file, its inference, a short article read in it.

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

from geo.theatres import PACKAGE_DIR, load_theatre
from tests.probe import reader

read = reader(dt.date(2023, 1, 17))


def test_the_file_loads_and_names_the_wars_sides() -> None:
    theatre = load_theatre(PACKAGE_DIR / "somalia.toml")
    assert theatre.countries == ("SO",) and theatre.government == "government"
    assert theatre.faction_of("al-Shabab militants") == "al_shabaab"
    assert theatre.faction_of("Macawisley") == "macawisley"
    assert theatre.faction_of("AUSSOM") == "au_mission"
    assert theatre.faction_of("Danab commandos") == "government"
    assert theatre.faction_of("clan militias") == "macawisley"
    assert theatre.sides["government"] == ("government", "macawisley", "au_mission")


def test_a_short_article_is_read_in_somalia(gz) -> None:
    text = ("MOGADISHU, Jan 17 - Somali forces and clan militias captured Harardhere on Monday after al-Shabaab "
            "fighters fled, officials said. The army seized El Dhere on Sunday. Al-Shabaab fighters were besieging "
            "Bulo Burde, residents said. The militants still hold Jilib.")
    events = read(gz, text)
    assert {e.theatre for e in events} == {"somalia"}
    got = {(e.place, e.kind, e.actor_gaining, e.date) for e in events}
    assert ("Harardhere", "captured", "government", dt.date(2023, 1, 16)) in got
    assert ("El Dhere", "captured", "government", dt.date(2023, 1, 15)) in got
    assert any(p == "Bulo Burde" and k == "besieged" and g == "al_shabaab" for p, k, g, _ in got)
    assert any(p == "Jilib" and k == "held" and g == "al_shabaab" for p, k, g, _ in got)
    assert all(e.place_id for e in events), events
