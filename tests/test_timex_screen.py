"""What the screen of geo.extract.time.expressions (geo.extract.time.screen) must not lose.

The screen tries the date rules only where a match can begin (a calendar token after at most a few
lead words) and the relative rule only near its words; a text whose lower case is not letter for
letter is scanned in full. These tests write the cases the screen could get wrong (long lead
phrases, capitals, odd letters, other digits, windows, extreme publication dates) and state the
dates they mean.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.extract.time import screen as timex_screen
from geo.extract.time.expressions import find_time_expressions
from geo.read.sentences import split_sentences

PUB = dt.date(2024, 11, 29)  # a Friday
D = dt.date


def found(text: str, pub: dt.date | None = PUB, spans: list[tuple[int, int]] | None = None) -> list[tuple]:
    return [(m.text, m.date, m.date_end, m.relation) for m in find_time_expressions(text, pub, spans)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Rebels have held it since the beginning of May 2014.", ("since the beginning of May 2014", D(2014, 5, 1),
                                                               PUB, "since")),
    ("It stays closed until the end of March.", ("until the end of March", D(2024, 3, 21), D(2024, 3, 31), "by")),
    ("Fighting went on throughout the middle of 2016.", ("throughout the middle of 2016", D(2016, 5, 1),
                                                          D(2016, 8, 31), "at")),
    ("The road was open up to 5 May.", ("up to 5 May", D(2024, 5, 5), None, "by")),
    ("The town was held as of Wednesday, the 3rd of December.", ("as of Wednesday, the 3rd of December",
                                                                  D(2023, 12, 3), None, "at")),
    ("The town fell from early-November on.", ("from early-November", D(2024, 11, 1), PUB, "since")),
])
def test_long_lead_phrases_are_read_whole(text: str, expected: tuple) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("MID-2016 fighting", [("MID-2016", D(2016, 5, 1), D(2016, 8, 31), "at")]),
    ("fighting mid-2016", [("mid-2016", D(2016, 5, 1), D(2016, 8, 31), "at")]),
    ("Since 5 May", [("Since 5 May", D(2024, 5, 5), PUB, "since")]),
    ("SUNDAY", [("SUNDAY", D(2024, 11, 24), None, "at")]),
    ("Omar marched on 5 Dec.", [("on 5 Dec.", D(2023, 12, 5), None, "at")]),  # "Omar" holds "mar", no month
    ("1-3 December", [("1-3 December", D(2023, 12, 1), D(2023, 12, 3), "at")]),
])
def test_capitals_and_month_like_words(text: str, expected: list[tuple]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Rebels entered İdlib on 5 May.", [("on 5 May", D(2024, 5, 5), None, "at")]),  # "İ" lower-cases to two letters
    ("In İdlib on Friday", [("on Friday", PUB, None, "at")]),
    ("ıN Idlib on Friday", [("on Friday", PUB, None, "at")]),
    ("The town fell on ٢٠٢٤-١١-٢٧.", [("on ٢٠٢٤-١١-٢٧", D(2024, 11, 27), None, "at")]),  # Arabic-Indic digits
    ("\u200fon Sunday 5 Aug, 2024\u200f", [("on Sunday 5 Aug, 2024", D(2024, 8, 5), None, "at")]),
    ("ſept 5", []),  # a long s in a month name: refused, not misread
])
def test_odd_letters_elsewhere_do_not_hide_a_date(text: str, expected: list[tuple]) -> None:
    assert found(text) == expected


def test_the_past_and_days_ago_count_back_from_publication() -> None:
    text = "the past 24 hours, three days ago, a couple of weeks ago, last night, the day before yesterday"
    assert [(t, d) for t, d, _, _ in found(text)] == [
        ("the past 24 hours", D(2024, 11, 28)), ("three days ago", D(2024, 11, 26)),
        ("a couple of weeks ago", D(2024, 11, 15)), ("last night", D(2024, 11, 28)),
        ("the day before yesterday", D(2024, 11, 27))]


def test_only_the_windows_are_read() -> None:
    text = "Rebels took Hama on 5 May. The army left on Friday. Since June 2016 the town was held."
    first, second, third = split_sentences(text)
    assert [t for t, *_ in found(text, spans=[first, third])] == ["on 5 May", "Since June 2016"]
    assert [t for t, *_ in found(text, spans=[(0, 20), (22, len(text))])] == ["on Friday", "Since June 2016"]
    assert found(text, spans=[]) == []


def test_extreme_publication_dates_never_raise() -> None:
    text = "on Friday, 5 May, last week, in 2016, since June"
    assert [t for t, *_ in found(text, dt.date.min)] == ["in 2016"]  # nothing before year 1
    assert [(t, d) for t, d, _, _ in found(text, dt.date.max)] == [
        ("on Friday, 5 May", D(9999, 5, 5)), ("last week", D(9999, 12, 20)), ("in 2016", D(2016, 1, 1)),
        ("since June", D(9999, 6, 1))]


_HOSTILE = ["İ", "ı", "ſ", "\u212a", "\u0301", "\u200f", "\u05d0", "\x00", "-", "–", "—", ",", ".", "  ", "\n",
            "٣", "²", "Σ", "ß"]
_WORDS = ["on", "in", "since", "by", "until", "up to", "as of", "between", "from", "and", "to", "the", "of", "last",
          "early", "mid-", "end", "ago", "week", "month", "days", "24", "5", "31st", "2016", "2024-02-29", "Friday",
          "SUNDAY", "yesterday", "November", "Nov.", "Sept.", "May", "may", "March", "Omar", "market", "1-3"]
_PIECE = st.one_of(st.sampled_from(_WORDS), st.sampled_from(_HOSTILE), st.text(max_size=4))
_TEXT = st.lists(st.tuples(_PIECE, st.sampled_from([" ", " ", "", ", ", "\n", "-"])), max_size=25).map(
    lambda ps: "".join(a + b for a, b in ps))
_PUB = st.one_of(st.none(), st.dates(), st.just(dt.date.min), st.just(dt.date.max))


@st.composite
def _windows(draw: st.DrawFn, text: str) -> list[tuple[int, int]]:
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    return [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]


@settings(max_examples=400, deadline=None)
@given(st.data(), _TEXT, _PUB)
def test_mentions_lie_inside_one_window_and_the_whole_text_is_one_window(data: st.DataObject, text: str,
                                                                        pub: dt.date | None) -> None:
    windows = data.draw(_windows(text))
    for m in find_time_expressions(text, pub, windows):
        assert any(s <= m.start < m.end <= e for s, e in windows)
        assert m.text == text[m.start:m.end]
    assert find_time_expressions(text, pub, [(0, len(text))]) == find_time_expressions(text, pub)


def test_screen_words_are_derived_from_the_patterns() -> None:
    assert {"since", "throughout", "up", "as", "the", "beginning", "middle", "mid"} <= set(timex_screen.FIRST)
    assert re.fullmatch(timex_screen.REL_SCREEN, "yesterday")
    assert timex_screen.folded("Kİ") is None and timex_screen.folded("ſ") is None
    assert timex_screen.folded("AbK") == "abk"
