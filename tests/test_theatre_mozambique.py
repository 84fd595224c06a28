"""The Mozambique theatre (Cabo Delgado): its file, its inference, a short article read in it.

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

from geo.theatres import PACKAGE_DIR, load_theatre
from tests.probe import reader

read = reader(dt.date(2021, 8, 9))


def test_the_file_loads_and_names_the_wars_sides() -> None:
    theatre = load_theatre(PACKAGE_DIR / "mozambique.toml")
    assert theatre.countries == ("MZ",) and theatre.government == "fadm"
    assert theatre.faction_of("machababos") == "insurgents"
    assert theatre.faction_of("Islamic State Mozambique Province") == "insurgents"
    assert theatre.faction_of("Rwandan troops") == "rwanda"
    assert theatre.faction_of("SAMIM") == "samim"
    assert theatre.faction_of("terrorists") == "insurgents"
    assert theatre.sides["government"] == ("fadm", "rwanda", "samim")


def test_al_shabaab_with_cabo_delgado_places_is_mozambique_not_somalia(gz) -> None:
    events = read(gz, "Al-Shabaab insurgents seized Mocimboa da Praia on Tuesday, police in Pemba said.")
    assert events and {e.theatre for e in events} == {"mozambique"}
    assert {e.actor_gaining for e in events if e.place == "Mocimboa da Praia"} == {"insurgents"}


def test_a_short_article_is_read_in_mozambique(gz) -> None:
    text = ("MAPUTO, Aug 9 - Rwandan troops recaptured Mocimboa da Praia on Sunday, Rwanda's army said. The "
            "insurgents had seized Awasse in June. The army retook Palma on Saturday. Insurgents attacked Ancuabe "
            "but were repelled.")
    events = read(gz, text)
    assert {e.theatre for e in events} == {"mozambique"}
    got = {(e.place, e.kind, e.actor_gaining, e.date) for e in events}
    assert ("Mocimboa da Praia", "regained", "rwanda", dt.date(2021, 8, 8)) in got
    assert any(p == "Awasse" and k == "captured" and g == "insurgents" and d == dt.date(2021, 6, 1)
               for p, k, g, d in got)
    assert ("Palma", "regained", "fadm", dt.date(2021, 8, 7)) in got
    palma = next(e for e in events if e.place == "Palma")
    assert palma.place_id == "local:palma-mz"  # the town in Cabo Delgado, not Palma de Mallorca
    assert not [e for e in events if e.place == "Ancuabe" and e.kind in ("captured", "regained")]
