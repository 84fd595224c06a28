"""The Afghanistan theatre (the Taliban's offensive of 2021): its file, its inference, a short article read in it.

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

from geo.theatres import PACKAGE_DIR, load_theatre
from tests.probe import reader

read = reader(dt.date(2021, 8, 9))


def test_the_file_loads_and_names_the_wars_sides() -> None:
    theatre = load_theatre(PACKAGE_DIR / "afghanistan.toml")
    assert theatre.countries == ("AF",) and theatre.government == "government"
    assert {"taliban", "government", "nrf", "islamic_state"} <= set(theatre.faction_ids)
    assert theatre.faction_of("Taleban fighters") == "taliban"
    assert theatre.faction_of("Afghan National Army") == "government"
    assert theatre.faction_of("Panjshir resistance") == "nrf"
    assert theatre.faction_of("ISKP") == "islamic_state"
    assert theatre.faction_of("insurgents") == "taliban"


def test_a_short_article_is_read_in_afghanistan(gz) -> None:
    text = ("KABUL, Aug 9 - Taliban fighters captured Kunduz on Sunday after two days of fighting, officials said. "
            "Government forces withdrew from Sheberghan on Saturday. The insurgents also seized the Spin Boldak "
            "border crossing in July. Afghan commandos retook Khanabad district on Monday.")
    events = read(gz, text)
    assert {e.theatre for e in events} == {"afghanistan"}
    got = {(e.place, e.kind, e.actor_gaining, e.date) for e in events}
    assert ("Kunduz", "captured", "taliban", dt.date(2021, 8, 8)) in got
    assert any(p == "Sheberghan" and k == "withdrew" and d == dt.date(2021, 8, 7) for p, k, _, d in got)
    assert any(p.startswith("Spin Boldak") and k == "captured" and g == "taliban" and d == dt.date(2021, 7, 1)
               for p, k, g, d in got)
    assert ("Khanabad", "regained", "government", dt.date(2021, 8, 9)) in got
    assert all(e.place_id for e in events), events
