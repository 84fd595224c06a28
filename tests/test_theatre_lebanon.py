"""The Lebanon theatre (Israel and Hezbollah, 2023-): its file, its inference, UNIFIL as a monitor, short reports.

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

from geo.extract.actors import MONITORS
from geo.theatres import PACKAGE_DIR, load_theatre
from tests.probe import reader

read = reader(dt.date(2024, 10, 4))


def test_the_file_loads_and_names_the_wars_sides() -> None:
    theatre = load_theatre(PACKAGE_DIR / "lebanon.toml")
    assert theatre.countries == ("LB",) and theatre.government == "government"
    assert theatre.faction_of("Hezbollah fighters") == "hezbollah"
    assert theatre.faction_of("the Islamic Resistance") == "hezbollah"
    assert theatre.faction_of("Radwan Force") == "hezbollah"
    assert theatre.faction_of("Israeli enemy") == "israel"
    assert theatre.faction_of("IDF troops") == "israel"
    assert theatre.faction_of("Lebanese Armed Forces") == "government"
    assert theatre.faction_of("the army") == "unknown"  # Israel's statements and Lebanon's reports both say it
    assert theatre.outlet_side("Al-Manar TV") == "hezbollah"


def test_unifil_reports_and_holds_nothing() -> None:
    assert "UNIFIL" in MONITORS
    assert load_theatre(PACKAGE_DIR / "lebanon.toml").faction_of("UNIFIL") is None


def test_a_capture_and_a_holding_in_the_border_villages(gz) -> None:
    text = ("Israeli troops captured Maroun al-Ras on Thursday after two days of fighting, the Israeli military said. "
            "Hezbollah fighters still hold Bint Jbeil, residents said.")
    events = read(gz, text)
    assert {e.theatre for e in events} == {"lebanon"}
    got = {(e.place, e.kind, e.date, e.actor_gaining) for e in events}
    assert ("Maroun al-Ras", "captured", dt.date(2024, 10, 3), "israel") in got
    assert ("Bint Jbeil", "held", dt.date(2024, 10, 3), "hezbollah") in got
    maroun = next(e for e in events if e.place == "Maroun al-Ras")
    assert maroun.place_id == "local:maroun-al-ras"  # not Meron in Israel


def test_a_peacekeepers_account_is_the_reporters_and_the_entry_israels(gz) -> None:
    text = "UNIFIL said Israeli soldiers had entered one of its positions in Naqoura on Sunday."
    (event,) = read(gz, text, dt.date(2024, 10, 14))
    assert (event.place, event.kind, event.date, event.actor_gaining) == ("Naqoura", "entered", dt.date(2024, 10, 13),
                                                                         "israel")
    assert event.stance == "reported" and event.theatre == "lebanon"


def test_a_retaking_claimed_by_hezbollah(gz) -> None:
    (event,) = read(gz, "Hezbollah said its fighters had retaken Odaisseh from Israeli forces on Saturday.",
                    dt.date(2024, 10, 20))
    assert (event.place, event.kind, event.date, event.actor_gaining, event.stance) == (
        "Odaisseh", "regained", dt.date(2024, 10, 19), "hezbollah", "claimed")
    assert event.place_id == "local:odaisseh"


def test_the_lebanese_army_deploys_where_israel_left(gz) -> None:
    text = "The Lebanese army deployed in Khiam on Wednesday after Israeli forces withdrew from the town."
    events = read(gz, text, dt.date(2024, 12, 12))
    assert ("Khiam", "entered", dt.date(2024, 12, 11), "government") in {
        (e.place, e.kind, e.date, e.actor_gaining) for e in events}
    assert all(e.place_id == "local:khiam" for e in events)  # not Hamm in Germany


def test_hezbollah_in_syria_stays_in_syria(gz) -> None:
    events = read(gz, "Hezbollah fighters withdrew from Qusayr and Homs on Friday as rebels advanced on the city.",
                  dt.date(2024, 12, 6))
    assert events and {e.theatre for e in events} == {"syria"}
