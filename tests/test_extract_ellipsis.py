"""Ellipses and bare falls: the change told before, again, on new places at their own times (issue 16).

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract.time.expressions import TimeMention
from geo.extract.time.relative import chained
from geo.model import ControlEvent
from tests.probe import reader

D = dt.date


read = reader(D(2024, 12, 12))


def table(events: list[ControlEvent]) -> set[tuple[str, str, str | None, dt.date | None]]:
    return {(e.place, e.kind, e.actor_gaining, e.date) for e in events}


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Aleppo fell to the rebels on 30 November. Hama followed on 5 December, Homs in the early hours of "
     "8 December, and Damascus hours later.", D(2024, 12, 12),
     {("Hama", "captured", "opposition", D(2024, 12, 5)), ("Homs", "captured", "opposition", D(2024, 12, 8)),
      ("Damascus", "captured", "opposition", D(2024, 12, 8))}),
    ("The RSF seized Nyala on 26 October. Zalingei followed on 31 October and El Geneina the next day.",
     D(2023, 11, 5),
     {("Zalingei", "captured", "rsf", D(2023, 10, 31)), ("El Geneina", "captured", "rsf", D(2023, 11, 1))}),
    ("Ukrainian troops recaptured Kherson on 11 November. Snihurivka went the same way on 12 November.",
     D(2022, 11, 20), {("Snihurivka", "regained", "ukraine", D(2022, 11, 12))}),
    ("The MNDAA captured Chinshwehaw on 27 October. Laukkai was next, on 5 January.", D(2024, 1, 10),
     {("Laukkai", "captured", "mndaa", D(2024, 1, 5))}),
])
def test_an_ellipsis_repeats_the_change_before_it(gz, text: str, published: dt.date, expected: set) -> None:
    assert expected <= table(read(gz, text, published))


@pytest.mark.parametrize("text", [
    "The MNDAA captured Laukkai on 5 January. Protests followed in Lashio.",
    "The army retook Kherson in November. In the weeks that followed, Snihurivka was quiet.",
    "The RSF seized Nyala on 26 October. Zalingei followed the news closely.",
])
def test_followed_without_an_ellipsis_is_no_event(gz, text: str) -> None:
    events = read(gz, text)
    assert {e.place for e in events} <= {"Laukkai", "Kherson", "Nyala"}


@pytest.mark.parametrize(("text", "published", "place", "day"), [
    ("Rebels took Aleppo on 30 November, Hama on 5 December and Homs the next day.", D(2024, 12, 12),
     "Homs", D(2024, 12, 6)),
    ("The army retook Omdurman on 16 November and Bahri two days later.", D(2024, 12, 1), "Bahri", D(2024, 11, 18)),
    ("Islamic State seized Mosul on 10 June and Tikrit a day later.", D(2014, 6, 20), "Tikrit", D(2014, 6, 11)),
])
def test_a_list_item_dated_from_the_one_before(gz, text: str, published: dt.date, place: str, day: dt.date) -> None:
    assert {e.date for e in read(gz, text, published) if e.place == place} == {day}


def test_chained_never_passes_publication() -> None:
    before = TimeMention("on 11 June", 0, 10, D(2014, 6, 11), None, "day", "at")
    text = "Tikrit the next day"
    step = chained(text, 0, len(text), before, D(2014, 6, 11))
    assert step is not None and step.date == D(2014, 6, 11)
    assert chained("Tikrit soon", 0, 11, before, None) is None


# ---- a fall with no taker: the article says who later, or nobody -----------------------------------------

@pytest.mark.parametrize(("text", "place", "side"), [
    ("Aleppo fell first. Rebels entered the city on 29 November.", "Aleppo", "opposition"),
    ("Bakhmut fell in May after a ten-month battle. Wagner fighters had entered the city in March.",
     "Bakhmut", "russia"),
    ("Mosul fell on 10 June 2014, when the army collapsed.", "Mosul", "unknown"),
])
def test_a_bare_fall_is_a_capture(gz, text: str, place: str, side: str) -> None:
    assert {e.actor_gaining for e in read(gz, text) if e.place == place and e.kind == "captured"} == {side}


@pytest.mark.parametrize("text", ["Prices fell sharply in Aleppo.", "Snow fell on Homs overnight.",
                                  "Shells fell on Kramatorsk on Monday.", "Rain fell in Khartoum."])
def test_other_falls_are_no_capture(gz, text: str) -> None:
    assert not [e for e in read(gz, text) if e.kind == "captured"]


@pytest.mark.parametrize(("text", "place", "side"), [
    ("Haftar's militias took control of the coastal city of Sirte on Monday.", "Sirte", "lna"),
    ("Hemedti's paramilitaries seized Wad Madani on Monday.", "Wad Madani", "rsf"),
    ("Prigozhin's fighters took Soledar in January.", "Soledar", "russia"),
])
def test_a_leaders_fighters_are_his_faction(gz, text: str, place: str, side: str) -> None:
    assert {e.actor_gaining for e in read(gz, text) if e.place == place} == {side}


# ---- a place told again: back, lost again, named as the article first named it ------------------------------

@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Palmyra, known in Arabic as Tadmur, has changed hands four times. ISIL fighters seized it in May 2015; "
     "government troops recaptured it in March 2016, only to lose it again to ISIL in December 2016. The army "
     "finally wrested the city back in March 2017.", D(2024, 12, 8),
     {("Palmyra", "captured", "islamic_state", D(2015, 5, 1)), ("Palmyra", "regained", "government", D(2016, 3, 1)),
      ("Palmyra", "captured", "islamic_state", D(2016, 12, 1)),
      ("Palmyra", "regained", "government", D(2017, 3, 1))}),
    ("The RSF took Wad Madani in December 2023, but the army took the city back in January 2025.", D(2025, 2, 1),
     {("Wad Madani", "captured", "rsf", D(2023, 12, 1)), ("Wad Madani", "regained", "saf", D(2025, 1, 1))}),
    ("Mosul, which Kurds call Mûsil, fell in June 2014. Iraqi forces recaptured it in July 2017, only to lose "
     "it again to nobody.", D(2017, 8, 1), {("Mosul", "regained", "government", D(2017, 7, 1))}),
])
def test_a_place_changing_hands_again(gz, text: str, published: dt.date, expected: set) -> None:
    assert expected <= table(read(gz, text, published))


def test_a_place_named_once_keeps_its_first_name(gz) -> None:
    text = "Palmyra, known in Arabic as Tadmur, is quiet. ISIL fighters seized it in May 2015."
    assert {e.place for e in read(gz, text) if e.kind == "captured"} == {"Palmyra"}


@pytest.mark.parametrize(("text", "published", "span"), [
    ("In the first days of March, our forces liberated the town of al-Dour.", D(2015, 4, 1),
     (D(2015, 3, 1), D(2015, 3, 10))),
    ("Rebels seized Saraqib in the first week of February.", D(2020, 3, 1), (D(2020, 2, 1), D(2020, 2, 10))),
    ("The army retook Kherson in the final days of November 2022.", D(2022, 12, 20),
     (D(2022, 11, 21), D(2022, 11, 30))),
])
def test_the_first_or_final_days_of_a_month(gz, text: str, published: dt.date, span: tuple) -> None:
    assert {(e.date, e.date_end) for e in read(gz, text, published) if e.kind in ("captured", "regained")} == {span}
