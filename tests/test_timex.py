"""Tests of geo.extract.time.expressions: time expressions resolved against the publication date."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.errors import DateError, GeoError
from geo.extract.time.expressions import TimeMention, find_time_expressions, parse_date, precision_of_range

D = dt.date
FRI = D(2024, 11, 29)  # a Friday
SUN = D(2024, 12, 1)
SAT = D(2024, 11, 30)
MON = D(2016, 8, 8)


def only(text: str, pub: dt.date | None) -> TimeMention:
    found = find_time_expressions(text, pub)
    assert len(found) == 1, found
    return found[0]


def span(text: str, pub: dt.date | None) -> tuple[dt.date, dt.date | None, str, str]:
    m = only(text, pub)
    return m.date, m.date_end, m.precision, m.relation


# ---------------------------------------------------------------- explicit dates

@pytest.mark.parametrize("text, pub, expected", [
    ("Rebels took the town on 6 August 2016, witnesses said.", None, D(2016, 8, 6)),
    ("Rebels took the town on August 6, 2016.", None, D(2016, 8, 6)),
    ("The army withdrew on Saturday, 6 August 2016.", None, D(2016, 8, 6)),
    ("Clashes were reported on Aug. 6 near the academy.", MON, D(2016, 8, 6)),
    ("Clashes were reported on 6 Aug near the academy.", D(2017, 1, 3), D(2016, 8, 6)),
    ("the town fell on the 3rd of December", D(2024, 12, 10), D(2024, 12, 3)),
    ("the town fell on 3rd December", D(2024, 12, 10), D(2024, 12, 3)),
    ("Satellite images dated 2024-11-27 show damage.", None, D(2024, 11, 27)),
    ("The raid (on Sept. 14, 2015) killed six.", None, D(2015, 9, 14)),
    ("on 29 november the convoy arrived", D(2024, 12, 2), D(2024, 11, 29)),
])
def test_explicit_day_dates(text, pub, expected):
    date, end, precision, relation = span(text, pub)
    assert (date, end, precision, relation) == (expected, None, "day", "at")


def test_day_month_takes_latest_year_not_after_publication_plus_one_day():
    assert only("on 29 November", D(2024, 11, 28)).date == D(2024, 11, 29)  # time zones
    assert only("on 29 November", D(2024, 11, 27)).date == D(2023, 11, 29)
    assert only("on 29 November", D(2025, 1, 10)).date == D(2024, 11, 29)
    assert only("on 29 February", D(2025, 3, 1)).date == D(2024, 2, 29)  # leap day


def test_impossible_dates_are_skipped():
    assert find_time_expressions("on 31 November 2024 and on 30 February", FRI) == []


@pytest.mark.parametrize("text, expected", [
    ("In March 2011, pro-democracy demonstrations erupted.", (D(2011, 3, 1), D(2011, 3, 31), "month", "at")),
    ("Russia intervened in September 2015 with air strikes.", (D(2015, 9, 1), D(2015, 9, 30), "month", "at")),
    ("The group was founded in 2016.", (D(2016, 1, 1), D(2016, 12, 31), "year", "at")),
    ("fighting had wound down by 2020, when Turkey", (D(2020, 1, 1), D(2020, 12, 31), "year", "by")),
    ("the front had been frozen since 2020.", (D(2020, 1, 1), FRI, "year", "since")),
    ("besieged since May 2014, and", (D(2014, 5, 1), FRI, "month", "since")),
    ("before June 2016 the road was open", (D(2016, 6, 1), D(2016, 6, 30), "month", "before")),
    ("after 2011 the protests turned violent", (D(2011, 1, 1), D(2011, 12, 31), "year", "after")),
    ("a lull in mid-2016", (D(2016, 5, 1), D(2016, 8, 31), "year", "at")),
    ("by the end of 2019", (D(2019, 9, 1), D(2019, 12, 31), "year", "by")),
    ("The M23 took Goma in the last week of January 2024.", (D(2024, 1, 21), D(2024, 1, 31), "month", "at")),
    ("the RSF entered the city in the last days of October", (D(2024, 10, 21), D(2024, 10, 31), "month", "at")),
    ("Kabul fell in the fourth week of August 2021.", (D(2021, 8, 21), D(2021, 8, 31), "month", "at")),
    ("during the last week of November", (D(2024, 11, 21), FRI, "month", "at")),  # late November, up to publication
])
def test_months_and_years(text, expected):
    assert span(text, FRI) == expected


# ---------------------------------------------------------------- weekdays

@pytest.mark.parametrize("text, expected", [
    ("HTS attacked on Wednesday.", D(2024, 11, 27)),
    ("HTS attacked on wednesday.", D(2024, 11, 27)),
    ("On Friday a statement said the city had fallen.", FRI),  # publication weekday: that day
    ("Jets struck on Saturday.", D(2024, 11, 23)),
    ("The agency said Monday that", D(2024, 11, 25)),
    ("Shelling resumed on Sunday night.", D(2024, 11, 24)),
    ("Shelling resumed Thursday morning.", D(2024, 11, 28)),
    ("the offensive began last Wednesday", D(2024, 11, 27)),
    ("talks collapsed last Friday", D(2024, 11, 22)),  # "last" is strictly before
])
def test_weekdays(text, expected):
    assert span(text, FRI) == (expected, None, "day", "at")


@pytest.mark.parametrize("text", [
    "Talks will resume next Friday.", "Talks resume this Friday.", "protests every Friday",
    "the Sunday Times reported", "a Monday like any other", "the coming Tuesday",
])
def test_future_or_non_date_weekdays_are_skipped(text):
    assert find_time_expressions(text, FRI) == []


# ---------------------------------------------------------------- words for days

@pytest.mark.parametrize("text, expected", [
    ("Rebels entered the city yesterday.", (D(2024, 11, 28), None)),
    ("The regime said today that", (FRI, None)),
    ("Protests are planned tonight.", (FRI, None)),
    ("Jets struck this morning.", (FRI, None)),
    ("Jets struck last night.", (D(2024, 11, 28), None)),
    ("Fighting raged overnight.", (D(2024, 11, 28), FRI)),
    ("It fell the day before yesterday.", (D(2024, 11, 27), None)),
])
def test_day_words(text, expected):
    m = only(text, FRI)
    assert (m.date, m.date_end, m.precision) == (*expected, "day")


# ---------------------------------------------------------------- parts of months, weeks, years

@pytest.mark.parametrize("text, pub, expected", [
    ("Rebels advanced in late November.", D(2025, 1, 10), (D(2024, 11, 21), D(2024, 11, 30))),
    ("Rebels advanced in early November.", FRI, (D(2024, 11, 1), D(2024, 11, 10))),
    ("Rebels advanced in mid-November.", FRI, (D(2024, 11, 11), D(2024, 11, 20))),
    ("Rebels advanced in mid November.", FRI, (D(2024, 11, 11), D(2024, 11, 20))),
    ("Rebels advanced at the end of October.", FRI, (D(2024, 10, 21), D(2024, 10, 31))),
    ("Rebels advanced in late November.", D(2024, 11, 25), (D(2024, 11, 21), D(2024, 11, 25))),
    ("Rebels advanced in late February.", D(2024, 3, 1), (D(2024, 2, 21), D(2024, 2, 29))),
    ("Rebels advanced in November.", FRI, (D(2024, 11, 1), FRI)),
    ("Rebels advanced in December.", FRI, (D(2023, 12, 1), D(2023, 12, 31))),
    ("Rebels advanced last month.", FRI, (D(2024, 10, 1), D(2024, 10, 31))),
    ("Rebels advanced last month.", D(2025, 1, 3), (D(2024, 12, 1), D(2024, 12, 31))),
    ("Rebels advanced this month.", FRI, (D(2024, 11, 1), FRI)),
    ("Rebels advanced earlier this month.", FRI, (D(2024, 11, 1), D(2024, 11, 28))),
    ("Rebels advanced late last month.", FRI, (D(2024, 10, 21), D(2024, 10, 31))),
    ("Rebels advanced last week.", FRI, (D(2024, 11, 18), D(2024, 11, 24))),
    ("Rebels advanced this week.", FRI, (D(2024, 11, 25), FRI)),
    ("Rebels advanced earlier this week.", FRI, (D(2024, 11, 25), D(2024, 11, 28))),
    ("Rebels advanced last year.", FRI, (D(2023, 1, 1), D(2023, 12, 31))),
    ("Rebels advanced earlier this year.", FRI, (D(2024, 1, 1), D(2024, 11, 28))),
    ("Rebels advanced late last year.", FRI, (D(2023, 9, 1), D(2023, 12, 31))),
    ("Rebels advanced in the middle of last month.", FRI, (D(2024, 10, 11), D(2024, 10, 20))),
    ("Rebels advanced at the start of the month.", FRI, (D(2024, 11, 1), D(2024, 11, 10))),
    ("Rebels advanced in the past 24 hours.", FRI, (D(2024, 11, 28), FRI)),
    ("Rebels advanced over the past week.", FRI, (D(2024, 11, 22), FRI)),
])
def test_periods(text, pub, expected):
    m = only(text, pub)
    assert (m.date, m.date_end) == expected
    assert m.relation == "at"


def test_period_precisions():
    assert only("in late November", D(2025, 1, 10)).precision == "month"
    assert only("last week", FRI).precision == "week"
    assert only("last month", FRI).precision == "month"
    assert only("last year", FRI).precision == "year"
    assert only("over the past week", FRI).precision == "week"


@pytest.mark.parametrize("text, pub, expected", [
    ("Jets struck over the weekend.", FRI, (D(2024, 11, 23), D(2024, 11, 24))),
    ("Jets struck at the weekend.", D(2024, 11, 25), (D(2024, 11, 23), D(2024, 11, 24))),
    ("Jets struck over the weekend.", SUN, (SAT, SUN)),
    ("Jets struck over the weekend.", SAT, (D(2024, 11, 23), D(2024, 11, 24))),
    ("Jets struck last weekend.", SUN, (D(2024, 11, 23), D(2024, 11, 24))),
])
def test_weekend(text, pub, expected):
    m = only(text, pub)
    assert (m.date, m.date_end, m.precision) == (*expected, "week")


@pytest.mark.parametrize("text, expected", [
    ("The town fell 3 days ago.", (D(2024, 11, 26), None, "day")),
    ("The town fell three days ago.", (D(2024, 11, 26), None, "day")),
    ("The town fell 48 hours ago.", (D(2024, 11, 27), None, "day")),
    ("The town fell a week ago.", (D(2024, 11, 22), None, "week")),
    ("The town fell two weeks ago.", (D(2024, 11, 15), None, "week")),
    ("The town fell a fortnight ago.", (D(2024, 11, 15), None, "week")),
    ("The town fell a couple of days ago.", (D(2024, 11, 27), None, "day")),
    ("The town fell two months ago.", (D(2024, 9, 1), D(2024, 9, 30), "month")),
    ("The town fell a year ago.", (D(2023, 1, 1), D(2023, 12, 31), "year")),
])
def test_ago(text, expected):
    m = only(text, FRI)
    assert (m.date, m.date_end, m.precision) == expected


def test_since_month_uses_latest_past_occurrence_and_runs_to_publication():
    assert span("under siege since June when the road was cut", D(2016, 8, 7)) == (
        D(2016, 6, 1), D(2016, 8, 7), "month", "since")
    assert span("under siege since June", D(2016, 5, 10)) == (
        D(2015, 6, 1), D(2016, 5, 10), "month", "since")
    assert span("villages taken since Wednesday.", FRI) == (D(2024, 11, 27), FRI, "day", "since")


def test_since_the_start_of_the_year():
    assert span("Prices have doubled since the start of the year.", FRI) == (
        D(2024, 1, 1), FRI, "year", "since")


def test_end_of_the_month_not_yet_reached_is_skipped():
    assert find_time_expressions("by the end of the month", D(2024, 11, 15)) == []
    assert span("by the end of the month", FRI) == (D(2024, 11, 21), FRI, "month", "by")


def test_until_is_relation_by():
    assert span("was known as al-Nusra until late last month.", D(2016, 8, 8)) == (
        D(2016, 7, 21), D(2016, 7, 31), "month", "by")


@pytest.mark.parametrize("text", [
    "A year later the town fell.", "Two days later they withdrew.", "the following day",
    "after a week of heavy fighting", "in the past few months", "Talks resume tomorrow.",
    "The vote is later this month.",
])
def test_anchor_relative_vague_or_future_expressions_are_skipped(text):
    assert find_time_expressions(text, FRI) == []


# ---------------------------------------------------------------- ranges

@pytest.mark.parametrize("text, pub, expected", [
    ("Fighting between 1 and 3 December killed 40.", D(2024, 12, 10), (D(2024, 12, 1), D(2024, 12, 3))),
    ("The offensive ran from 27 November to 8 December.", D(2024, 12, 10),
     (D(2024, 11, 27), D(2024, 12, 8))),
    ("Strikes on 1-3 December hit Idlib.", D(2024, 12, 10), (D(2024, 12, 1), D(2024, 12, 3))),
    ("Strikes on December 1-3, 2024 hit Idlib.", None, (D(2024, 12, 1), D(2024, 12, 3))),
    ("between November 27 and December 8", D(2024, 12, 10), (D(2024, 11, 27), D(2024, 12, 8))),
    ("from 28 December to 2 January", D(2025, 1, 5), (D(2024, 12, 28), D(2025, 1, 2))),
    ("between 2011 and 2013 the group grew", None, (D(2011, 1, 1), D(2013, 12, 31))),
    ("from March to June 2016", None, (D(2016, 3, 1), D(2016, 6, 30))),
    ("from 27 November to 8 December", D(2024, 12, 5), (D(2024, 11, 27), D(2024, 12, 5))),
])
def test_ranges(text, pub, expected):
    m = only(text, pub)
    assert (m.date, m.date_end) == expected
    assert m.precision == precision_of_range(*expected)


def test_two_days_joined_by_and_are_not_a_range():
    found = find_time_expressions("Strikes on 1 and 3 December", D(2024, 12, 10))
    assert [(m.text, m.date) for m in found] == [("3 December", D(2024, 12, 3))]


def test_numbers_that_are_not_days_are_not_ranges():
    assert find_time_expressions("between 2 and 3 million people, 10-15 km away", FRI) == []


# ---------------------------------------------------------------- no publication date

@pytest.mark.parametrize("text", [
    "on Wednesday", "yesterday", "in late November", "last week", "on 29 November",
    "three days ago", "since June", "between 1 and 3 December",
])
def test_relative_expressions_need_a_publication_date(text):
    assert find_time_expressions(text, None) == []


def test_absolute_expressions_resolve_without_publication_date():
    found = find_time_expressions("since 2020, and on 6 August 2016, and in March 2011", None)
    assert [(m.text, m.date, m.relation) for m in found] == [
        ("since 2020", D(2020, 1, 1), "since"),
        ("on 6 August 2016", D(2016, 8, 6), "at"),
        ("in March 2011", D(2011, 3, 1), "at"),
    ]
    assert found[0].date_end is None  # open: no publication date to run up to


# ---------------------------------------------------------------- overlaps, boundaries, case

def test_longest_expression_wins_and_mentions_do_not_overlap():
    text = "On Friday, 29 November 2024 and in late November and the day before yesterday"
    found = find_time_expressions(text, FRI)
    assert [m.text for m in found] == ["On Friday, 29 November 2024", "in late November",
                                       "the day before yesterday"]


@pytest.mark.parametrize("text", [
    "the march on Damascus", "they may win", "fighters may return in may", "Mayday calls",
    "Marching orders", "code 20160", "Junes and Julys", "Theresa May said",
    "in Mar Elias church", "in august company", "the 2011 uprising", "2016 people fled",
    "Novembers", "Wednesdays",
])
def test_words_that_are_not_dates(text):
    assert find_time_expressions(text, FRI) == []


def test_capitalised_may_and_march_are_months():
    assert [m.text for m in find_time_expressions("It may end in May or in March.", FRI)] == [
        "in May", "in March"]
    assert only("March 2011 protests", FRI).date == D(2011, 3, 1)
    assert only("IN NOVEMBER 2015", None).date == D(2015, 11, 1)


def test_offsets_index_the_text():
    text = "Rebels said on Wednesday they had taken Saraqib; since June, roads were cut."
    for m in find_time_expressions(text, FRI):
        assert text[m.start:m.end] == m.text


def test_datetime_publication_is_accepted():
    assert only("yesterday", dt.datetime(2024, 11, 29, 23, 0)).date == D(2024, 11, 28)


# ---------------------------------------------------------------- parse_date, precision

@pytest.mark.parametrize("value", [
    "2024-11-29", " 2024-11-29 ", "29 November 2024", "November 29, 2024", "November 29 2024",
    "29 Nov 2024", "Nov. 29, 2024", "29th November 2024", "2024-11-29T10:30:00Z",
    "Friday, 29 November 2024",
])
def test_parse_date_accepts(value):
    assert parse_date(value) == D(2024, 11, 29)


@pytest.mark.parametrize("value", ["29/11/2024", "11/29/2024", "2024-02-30", "yesterday", "",
                                   "29 Novembre 2024", "2024-11", None])
def test_parse_date_refuses(value):
    with pytest.raises(DateError) as info:
        parse_date(value)
    assert repr(value) in str(info.value) and "YYYY-MM-DD" in str(info.value)
    assert isinstance(info.value, GeoError) and isinstance(info.value, ValueError)
    assert "\n" not in str(info.value)


def test_precision_of_range():
    assert precision_of_range(FRI, None) == "day"
    assert precision_of_range(FRI, FRI) == "day"
    assert precision_of_range(D(2024, 11, 18), D(2024, 11, 24)) == "week"
    assert precision_of_range(D(2024, 11, 1), D(2024, 11, 30)) == "month"
    assert precision_of_range(D(2024, 1, 1), D(2024, 12, 31)) == "year"


# ---------------------------------------------------------------- properties

_PIECES = st.sampled_from([
    "on", "in", "since", "by", "until", "between", "from", "and", "to", "-", ",", "the", "last",
    "this", "next", "early", "late", "mid-", "earlier", "ago", "weekend", "week", "month", "year",
    "days", "a", "fortnight", "three", "24", "hours", "past", "over", "Wednesday", "Friday",
    "night", "yesterday", "overnight", "29", "31", "1st", "November", "May", "may", "March",
    "Feb.", "February", "2016", "2024-02-29", "1999", "of", "at",
])
_TEXT = st.one_of(st.text(max_size=80), st.lists(_PIECES, max_size=12).map(" ".join))
_PUB = st.one_of(st.none(), st.dates(), st.dates(D(2000, 1, 1), D(2030, 12, 31)))


@settings(max_examples=400, deadline=None)
@given(_TEXT, _PUB)
def test_never_raises_and_mentions_are_consistent(text, pub):
    found = find_time_expressions(text, pub)
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.date_end is None or m.date <= m.date_end
        assert m.precision in ("day", "week", "month", "year")
        assert m.relation in ("at", "since", "by", "before", "after")
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=12).map(" ".join), st.dates(D(1990, 1, 1), D(2030, 12, 31)))
def test_relative_dates_are_not_after_publication(text, pub):
    for m in find_time_expressions(text, pub):
        if re.search(r"\d{4}", m.text):
            continue  # an explicit year may lie anywhere
        assert m.date <= pub + dt.timedelta(days=1)  # "on 29 November": time-zone slack
        if m.precision == "day" and not re.search(r"\d", m.text):
            assert m.date <= pub
        if m.date_end is not None and m.relation != "since":
            assert m.date_end <= pub + dt.timedelta(days=1)


# Letters that case-insensitive matching equates with an ASCII letter but that do not lower-case to
# it (long s, dotless i, dotted capital I): "ſept" matched the month pattern and then raised KeyError.
@pytest.mark.parametrize("text", [
    "ſept ", "on 5 ſept", "on 5 ſeptember 2016", "ſept. 5, 2016", "in AUGUſT 2016", "yeſterday", "laſt night",
    "fıve days ago", "the paſt fortnıght", "in mıd-2016", "by the ſtart of 2016", "ıN 2016", "thıs week",
    "on ſunday", "ſince 5 May 2016", "between 1 and 3 Auguſt 2016",
])
@pytest.mark.parametrize("pub", [None, D(2024, 11, 29)])
def test_words_with_unfolded_letters_are_refused_not_raised(text, pub):
    assert find_time_expressions(text, pub) == []
    assert find_time_expressions(f"Fighting on 5 Sept 2016 and {text}.", pub)[0].date == D(2016, 9, 5)


def test_kelvin_sign_lowercases_to_k_and_is_read():
    # "K" (U+212A) lower-cases to "k": the word is what it says.
    found = find_time_expressions("last wee\u212a", D(2024, 11, 29))
    assert [(m.date, m.date_end, m.precision) for m in found] == [(D(2024, 11, 18), D(2024, 11, 24), "week")]


def test_every_letter_matched_as_ascii_either_lowercases_to_it_or_is_refused():
    from geo.extract.time.words import UNFOLDED

    odd = [chr(c) for c in range(128, 0x110000)
           if any(re.fullmatch(a, chr(c), re.I) for a in "abcdefghijklmnopqrstuvwxyz")]
    assert odd and all(c.lower().isascii() or UNFOLDED.fullmatch(c) for c in odd), odd


@pytest.mark.parametrize("value", ["5 ſeptember 2016", "ſept 5, 2016", "Auguſt 6, 2016", "5 Aprıl 2016"])
def test_parse_date_refuses_unfolded_month_names(value):
    with pytest.raises(DateError, match="cannot read date"):
        parse_date(value)


@pytest.mark.parametrize("text", [
    "Eritrean troops withdrew from Badme, the border town at the heart of the 1998-2000 war, officials said.",
    "Mosul, which lived through the 2014–2017 rule of Islamic State, voted in large numbers.",
    "Haftar's forces, whose 2019-2020 offensive on Tripoli failed, pulled back from Tarhuna.",
])
def test_years_that_name_a_war_or_a_rule_are_no_time_of_the_sentence(text: str) -> None:
    """"The 1998-2000 war" is a thing, as "the 2011 uprising" is: no date of what the sentence tells."""
    assert find_time_expressions(text, dt.date(2024, 5, 1)) == []


@pytest.mark.parametrize(("text", "first", "last"), [
    ("The town was held by Islamic State during the 2014-2017 occupation.", dt.date(2014, 1, 1), dt.date(2017, 12, 31)),
    ("Rebels held the district from 2019 to 2021.", dt.date(2019, 1, 1), dt.date(2021, 12, 31)),
    ("M23 occupied Bunagana in 2012-2013 and again in 2022.", dt.date(2012, 1, 1), dt.date(2013, 12, 31)),
])
def test_a_range_of_years_told_as_a_time_stays_one(text: str, first: dt.date, last: dt.date) -> None:
    found = find_time_expressions(text, dt.date(2024, 5, 1))
    assert (found[0].date, found[0].date_end) == (first, last)
