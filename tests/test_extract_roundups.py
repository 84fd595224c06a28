"""Round-ups, diaries and features: a weekday heading a line, and a day counted from the day or month told before.

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.probe import reader

read = reader(dt.date(2024, 3, 10))


@pytest.mark.parametrize(("text", "on", "place", "kind", "gaining", "day"), [
    ("Thursday: The Taliban captured Ghazni after a day of fighting. The insurgents also seized Qala-e-Naw.",
     dt.date(2021, 8, 15), "Qala-e-Naw", "captured", "taliban", dt.date(2021, 8, 12)),
    ("Tuesday: RSF fighters overran Mellit after a week of shelling. The paramilitaries also seized Um Keddada.",
     dt.date(2024, 3, 10), "Um Keddada", "captured", "rsf", dt.date(2024, 3, 5)),
    ("Saturday - Russian forces captured Ocheretyne. Ukrainian troops also pulled out of Berdychi.",
     dt.date(2024, 3, 10), "Berdychi", "withdrew", None, dt.date(2024, 3, 9)),
    ("Monday, 4 March: The Arakan Army seized Kyauktaw. Its fighters also overran Minbya.",
     dt.date(2024, 3, 10), "Minbya", "captured", "aa", dt.date(2024, 3, 4)),
])
def test_a_weekday_heading_a_line_dates_its_sentences_without_a_time(gz, text: str, on: dt.date, place: str,
                                                                     kind: str, gaining: str | None,
                                                                     day: dt.date) -> None:
    events = [e for e in read(gz, text, on) if e.place == place and e.kind == kind]
    assert [e.date for e in events] == [day], read(gz, text, on)
    if gaining is not None:
        assert events[0].actor_gaining == gaining


def test_an_ellipsis_in_a_line_headed_by_a_weekday_takes_that_day(gz) -> None:
    text = "Thursday: The insurgents captured Ghazni. Herat followed in the evening."
    events = {e.place: e for e in read(gz, text, dt.date(2021, 8, 15)) if e.kind == "captured"}
    assert events["Herat"].date == dt.date(2021, 8, 12) and events["Herat"].actor_gaining == "taliban", events


@pytest.mark.parametrize(("text", "on", "place", "kind", "day"), [
    # a sentence in the present is the state at publication, heading or not
    ("Friday: The Taliban seized Pul-e Alam. Jalalabad remains in government hands.", dt.date(2021, 8, 15),
     "Jalalabad", "held", dt.date(2021, 8, 15)),
    # a weekday opening a sentence with a comma is that sentence's time, not a heading
    ("Monday, the army said it had retaken Sinja. The RSF still holds Wad Madani.", dt.date(2024, 3, 10),
     "Wad Madani", "held", dt.date(2024, 3, 10)),
])
def test_what_a_heading_does_not_date(gz, text: str, on: dt.date, place: str, kind: str, day: dt.date) -> None:
    """Such sentences keep the dating of a sentence without a time: up to the publication day."""
    events = [e for e in read(gz, text, on) if e.place == place and e.kind == kind]
    assert [e.date_end or e.date for e in events] == [day], read(gz, text, on)


@pytest.mark.parametrize(("text", "on", "place", "kind", "first", "last"), [
    ("In March 2020 the insurgents briefly occupied Quissanga and left the next day.", dt.date(2021, 9, 29),
     "Quissanga", "withdrew", dt.date(2020, 3, 2), dt.date(2020, 4, 1)),
    ("In June 2014 Islamic State fighters swept into Tikrit, and Iraqi troops pulled out of Baiji the next day.",
     dt.date(2015, 3, 3), "Baiji", "withdrew", dt.date(2014, 6, 2), dt.date(2014, 7, 1)),
    ("In December 2023 the RSF seized Wad Madani, and the army withdrew from Sennar a week later.",
     dt.date(2024, 3, 10), "Sennar", "withdrew", dt.date(2023, 12, 8), dt.date(2024, 1, 7)),
])
def test_a_step_from_a_month_stays_near_that_month(gz, text: str, on: dt.date, place: str, kind: str,
                                                   first: dt.date, last: dt.date) -> None:
    """"the next day" after a month is a day of that month (shifted by one), not a day counted from the last
    day-precise date of the article."""
    lead = "Government troops retook Mocímboa da Praia on 8 August 2021. " if place == "Quissanga" else ""
    events = [e for e in read(gz, lead + text, on) if e.place == place and e.kind == kind]
    assert [(e.date, e.date_end) for e in events] == [(first, last)], read(gz, lead + text, on)


@pytest.mark.parametrize(("text", "on", "place", "kind", "day"), [
    ("Insurgents stormed Palma on 24 March. Mozambican forces said they had retaken Palma ten days later.",
     dt.date(2021, 4, 9), "Palma", "regained", dt.date(2021, 4, 3)),
    ("Russian troops entered Avdiivka on 7 February. Ukraine withdrew from the town eleven days later.",
     dt.date(2024, 3, 10), "Avdiivka", "withdrew", dt.date(2024, 2, 18)),
    ("The MNDAA took Lashio on 3 August. The junta retook Nawnghkio a week later.",
     dt.date(2024, 9, 1), "Nawnghkio", "regained", dt.date(2024, 8, 10)),
    ("Russian troops entered Vovchansk on 10 May. Late that night, Ukrainian troops withdrew from Lukiantsi.",
     dt.date(2024, 5, 20), "Lukiantsi", "withdrew", dt.date(2024, 5, 10)),
])
def test_a_step_counted_from_the_day_told_before(gz, text: str, on: dt.date, place: str, kind: str,
                                                 day: dt.date) -> None:
    events = [e for e in read(gz, text, on) if e.place == place and e.kind == kind]
    assert [e.date for e in events] == [day], read(gz, text, on)
