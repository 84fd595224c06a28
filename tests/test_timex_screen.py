"""The screened rule scan of geo.extract.time.expressions (geo.extract.time.screen) agrees with the plain one (every rule, every window).

``plain_find_time_expressions`` is the implementation before the screen, kept as the oracle; it
resolves with the same :func:`geo.extract.time.resolve.resolve`, so both refuse "ſept" and never raise.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.extract.time import expressions as timex
from geo.extract.time import screen as timex_screen
from geo.extract.time.resolve import resolve
from geo.extract.time.words import RULE_PATTERNS
from geo.read.corpus import read_article
from geo.read.sentences import split_sentences

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


def plain_find_time_expressions(text, published, spans=None):
    """The oracle: every rule's finditer over every window, resolved and de-overlapped."""
    if isinstance(published, dt.datetime):
        published = published.date()
    found = []
    windows = [(0, len(text))] if spans is None else spans
    for k, rx in enumerate(RULE_PATTERNS):
        for m in (m for start, end in windows for m in rx.finditer(text, start, end)):
            span = resolve(k, m, published)
            if span is not None:
                found.append(timex._mention(text, m, span, published))
    return timex._longest_disjoint(found)


def agree(text, pub, spans=None):
    """Both give the same mentions; neither raises (the docstring's promise)."""
    assert timex.find_time_expressions(text, pub, spans) == plain_find_time_expressions(text, pub, spans)


_HOSTILE = ["İ", "ı", "ſ", "K", "\u0301", "\u200f", "\u05d0", "\x00", "-", "–", "—", ",", ".", "  ", "\n",
            "٣", "²", "Σ", "ß"]
_WORDS = [
    "on", "in", "since", "by", "until", "till", "up to", "as of", "before", "after", "during", "within",
    "throughout", "through", "over", "at", "between", "from", "and", "to", "the", "of", "a", "last",
    "this", "past", "this past", "next", "early", "late", "mid", "mid-", "middle", "start", "beginning",
    "end", "earlier", "later", "ago", "weekend", "week", "month", "year", "days", "hours", "fortnight",
    "couple", "three", "twenty", "24", "5", "05", "31st", "1st", "3rd", "2016", "1999", "2024-02-29",
    "Wednesday", "Friday", "SUNDAY", "friday,", "night", "morning", "yesterday", "today", "tonight",
    "overnight", "November", "Nov.", "Sept.", "sept", "May", "may", "March", "mar", "Aug", "December",
    "dec", "Feb.", "Omar", "market", "decided", "1-3", "5–7",
]
_PIECE = st.one_of(st.sampled_from(_WORDS), st.sampled_from(_HOSTILE), st.text(max_size=4))
_SEP = st.sampled_from([" ", " ", " ", "", ", ", "\n", "\t", "  ", "-", " – ", "\u00a0"])
_DATES = st.lists(st.tuples(_PIECE, _SEP), max_size=25).map(lambda ps: "".join(a + b for a, b in ps))
_TEXT = st.one_of(st.text(max_size=200), _DATES, st.text(alphabet="".join(_HOSTILE) + "aeimnsyk 0129",
                                                           max_size=60))
_PUB = st.one_of(st.none(), st.dates(), st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
                 st.just(dt.date.min), st.just(dt.date.max))


@st.composite
def _windows(draw, text):
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    return [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]


@settings(max_examples=600, deadline=None)
@given(_TEXT, _PUB)
def test_whole_text_agrees_with_plain_scan(text, pub):
    agree(text, pub)
    agree(text, pub, split_sentences(text))


@settings(max_examples=400, deadline=None)
@given(st.data(), _TEXT, _PUB)
def test_any_windows_agree_with_plain_scan(data, text, pub):
    agree(text, pub, data.draw(_windows(text)))


@settings(max_examples=300, deadline=None)
@given(_DATES, _PUB, st.sampled_from(["İ", "ı", "ſ", "K", "’", "é"]))
def test_case_oddities_fall_back_or_agree(text, pub, odd):
    agree(odd + text, pub)
    agree(text.replace("s", "ſ").replace("i", "ı"), pub)
    agree(text.replace("k", "K").replace("I", "İ"), pub)


@pytest.mark.parametrize("text", [
    "since the beginning of May 2014 and until the end of March",
    "throughout the middle of 2016, up to 5 May, as of Wednesday, the 3rd of December",
    "between Wednesday, the 5th and 7th December; from early-November to mid - 2016",
    "MID-2016 fighting; fighting mid-2016; Omar marched on 5 Dec.; 1-3 December; 27 November–8 December",
    "ſince 5 May, ıN 2016, in Kovember, on Sunday 5 Aug, 2024-11-27, ٢٠٢٤-١١-٢٧",
    "the past 24 hours, three days ago, a couple of weeks ago, last night, the day before yesterday",
])
@pytest.mark.parametrize("pub", [None, dt.date(2024, 11, 29), dt.date.min, dt.date.max])
def test_written_dates_agree(text, pub):
    agree(text, pub)
    agree(text, pub, split_sentences(text))
    agree(text, pub, [(3, len(text) - 2), (0, 0)])


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seeds_agree(path):
    article = read_article(path)[0]
    agree(article.text, article.published)
    agree(article.text, article.published, split_sentences(article.text))
    agree(article.text, None, split_sentences(article.text))


def test_screen_words_are_derived_from_the_patterns():
    assert {"since", "throughout", "up", "as", "the", "beginning", "middle", "mid"} <= set(timex_screen.FIRST)
    assert re.fullmatch(timex_screen.REL_SCREEN, "yesterday")
    assert timex_screen.folded("Kİ") is None and timex_screen.folded("ſ") is None
    assert timex_screen.folded("AbK") == "abk"
