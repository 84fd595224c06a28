"""The Lake Chad theatre (Boko Haram and ISWAP in north-east Nigeria): its file, its inference, a short article.

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

from geo.theatres import PACKAGE_DIR, load_theatre
from tests.probe import reader

read = reader(dt.date(2024, 3, 20))


def test_the_file_loads_and_names_the_wars_sides() -> None:
    theatre = load_theatre(PACKAGE_DIR / "lake_chad.toml")
    assert theatre.countries == ("NG", "CM") and theatre.government == "government"
    assert theatre.faction_of("ISWAP fighters") == "iswap"
    assert theatre.faction_of("Boko Haram insurgents") == "boko_haram"
    assert theatre.faction_of("Civilian JTF") == "government"
    assert theatre.faction_of("MNJTF") == "mnjtf"
    assert theatre.faction_of("the army") == "government"
    assert theatre.faction_of("insurgents") == "unknown"  # reports often cannot tell the two groups apart
    assert theatre.sides["government"] == ("government", "mnjtf")


def test_a_short_article_is_read_in_lake_chad(gz) -> None:
    text = ("MAIDUGURI, March 20 - ISWAP fighters overran a military base in Monguno on Monday and held the town for "
            "several hours before troops retook it, residents said. Nigerian troops recaptured Gwoza from Boko Haram "
            "in March 2015. The jihadists seized Baga, on the shore of Lake Chad, on Tuesday.")
    events = read(gz, text)
    assert {e.theatre for e in events} == {"lake_chad"}
    got = {(e.place, e.kind, e.actor_gaining) for e in events}
    assert ("Monguno", "captured", "iswap") in got
    assert ("Gwoza", "regained", "government") in got
    baga = [e for e in events if e.place == "Baga"]
    assert baga and baga[0].place_id == "local:baga-ng" and baga[0].date == dt.date(2024, 3, 19)
