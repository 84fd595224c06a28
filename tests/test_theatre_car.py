"""The Central African Republic theatre (the CPC rebellion, 2020-): its file, short reports, MINUSCA as a monitor, the
neighbours' wars kept apart.

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

from geo.extract.actors import MONITORS
from geo.theatres import PACKAGE_DIR, load_theatre
from tests.probe import reader

read = reader(dt.date(2021, 1, 4))


def facts(events) -> set[tuple]:
    return {(e.place, e.kind, e.date, e.actor_gaining) for e in events}


def test_the_file_loads_and_names_the_wars_sides() -> None:
    theatre = load_theatre(PACKAGE_DIR / "car.toml")
    assert theatre.countries == ("CF",) and theatre.government == "faca"
    assert theatre.faction_of("FACA") == "faca" and theatre.faction_of("Central African Armed Forces") == "faca"
    assert theatre.faction_of("Coalition des patriotes pour le changement") == "cpc"
    for member in ("3R", "UPC", "MPC", "FPRC", "anti-balaka"):
        assert theatre.faction_of(member) == "cpc", member
    assert theatre.faction_of("Russian instructors") == "russia" and theatre.faction_of("Africa Corps") == "russia"
    assert theatre.faction_of("Rwandan troops") == "rwanda"
    assert theatre.faction_of("the army") == "faca" and theatre.faction_of("rebels") == "cpc"
    sides = {f.id: f.side for f in theatre.factions}
    assert sides["russia"] == sides["rwanda"] == "faca"
    assert theatre.outlet_side("Radio Centrafrique") == "faca"


def test_minusca_is_a_monitor_not_a_side() -> None:
    assert "MINUSCA" in MONITORS
    assert not any(load_theatre(PACKAGE_DIR / "car.toml").faction_of(m) not in (None, "unknown")
                   for m in ("MINUSCA", "Radio Ndeke Luka"))


def test_the_coalition_seizes_bangassou(gz) -> None:
    events = read(gz, "Rebels of the CPC seized Bangassou on Sunday, the UN mission MINUSCA said.")
    assert {e.theatre for e in events} == {"car"}
    assert ("Bangassou", "captured", dt.date(2021, 1, 3), "cpc") in facts(events)


def test_the_faca_retake_bambari_from_the_upc(gz) -> None:
    events = read(gz, "The FACA retook Bambari from the UPC on Tuesday, a military source told Radio Ndeke Luka.",
                  dt.date(2021, 2, 18))
    assert {e.theatre for e in events} == {"car"}
    assert ("Bambari", "regained", dt.date(2021, 2, 16), "faca") in facts(events)


def test_wagner_in_bangui_s_war_is_the_governments_ally(gz) -> None:
    events = read(gz, "Wagner fighters entered Kaga-Bandoro on Monday after the MPC withdrew, residents said.",
                  dt.date(2021, 3, 3))
    assert {e.theatre for e in events} == {"car"}
    assert ("Kaga-Bandoro", "entered", dt.date(2021, 3, 1), "russia") in facts(events)


def test_a_radio_ndeke_luka_report_is_no_place(gz) -> None:
    events = read(gz, "Bangui, 25 February 2021 (RNL) - The FACA took control of Bossangoa on Wednesday, "
                      "Radio Ndeke Luka has learned.", dt.date(2021, 2, 25))
    assert {e.place for e in events} == {"Bossangoa"}
    assert ("Bossangoa", "captured", dt.date(2021, 2, 24), "faca") in facts(events)


def test_congos_war_stays_congos(gz) -> None:
    events = read(gz, "M23 rebels and Rwandan troops captured Sake on Monday, the army said.", dt.date(2025, 1, 28))
    assert events and {e.theatre for e in events} == {"drc"}


def test_sudans_war_stays_sudans(gz) -> None:
    events = read(gz, "The RSF captured Um Dafuq on the border with the Central African Republic on Sunday, "
                      "the army said.", dt.date(2024, 6, 3))
    assert events and {e.theatre for e in events} == {"sudan"}


def test_south_sudans_war_stays_south_sudans(gz) -> None:
    events = read(gz, "The SPLA-IO said its forces captured Ulang on Monday after heavy fighting.",
                  dt.date(2025, 3, 27))
    assert events and {e.theatre for e in events} == {"south_sudan"}


def test_lake_chads_war_stays_lake_chads(gz) -> None:
    events = read(gz, "Boko Haram fighters overran a military base in Malam Fatori on Sunday, the army said.",
                  dt.date(2024, 3, 25))
    assert events and {e.theatre for e in events} == {"lake_chad"}


def test_wagner_in_the_sahel_and_ukraine_stays_there(gz) -> None:
    sahel = read(gz, "Malian troops and Wagner fighters entered Kidal on Tuesday, the army said.",
                 dt.date(2023, 11, 15))
    assert sahel and {e.theatre for e in sahel} == {"sahel"}
    ukraine = read(gz, "Wagner fighters captured Soledar on Wednesday, the Russian defence ministry said.",
                   dt.date(2023, 1, 13))
    assert ukraine and {e.theatre for e in ukraine} == {"ukraine"}


def test_a_town_of_the_southeast_the_packaged_data_lacks(gz) -> None:
    events = read(gz, "UPC fighters seized Mboki, between Zemio and Obo, on Friday, a local official said.",
                  dt.date(2023, 7, 3))
    assert {e.theatre for e in events} == {"car"}
    assert ("Mboki", "captured", dt.date(2023, 6, 30), "cpc") in facts(events)
    assert all(e.place_id == "local:mboki" for e in events if e.place == "Mboki")
