"""The fast unit finder, quantity search and subject finder of geo.extract.distance.mentions agree with the plain ones.

``PLAIN_UNIT``, ``plain_find_distances`` and ``plain_subject_before`` are the implementations before
the speed-ups, kept as oracles: a unit pattern under ``re.I`` tried at every offset, ``QTY.search``
over the whole rest of the text (not only where a quantity can begin), and every subject cut of
the 300 characters before a distance (not only those near its end).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.extract.distance import mentions as distances
from geo.extract.distance.phrases import _clean_subject, _is_filler, _last_cut, subject_before
from geo.extract.distance.words import (
    _LEADS,
    _UNITS,
    CLAUSE_WORDS,
    PREPOSITIONS,
    QTY,
    QTY_FIRST,
    QUAL_MAP,
    SMALL,
    SUBJ_CUT,
    UNIT_ANYWHERE,
)
from geo.read.corpus import read_article

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
PLAIN_UNIT = re.compile(rf"(?<![^\W\d_])(?:{_UNITS})(?![\w²³^])", re.I)


def plain_find_distances(text):
    """The oracle: the loop of find_distances with the plain unit pattern and whole-text search."""
    spans = []
    units = [u.start() for u in PLAIN_UNIT.finditer(text)]
    pos, k = 0, 0
    while True:
        while k < len(units) and units[k] < pos:
            k += 1
        if k == len(units):
            return spans
        m = QTY.search(text, max(pos, units[k] - distances.QUANTITY_REACH))
        if m is None:
            return spans
        span, resume = distances._read_distance(text, m)
        if span is not None and span.distance_km > 0:
            spans.append(span)
        pos = max(resume, m.start() + 1)


def plain_subject_before(text, start):
    """The oracle: subject_before with every cut of the window listed."""
    window = text[max(0, start - 300):start]
    cuts = list(SUBJ_CUT.finditer(window))
    if not cuts:
        return _clean_subject(window) if start <= 300 else None
    last = cuts[-1]
    tail = window[last.end():]
    if not all(_is_filler(w) for w in tail.split()):
        return _clean_subject(tail)
    cut = last[0].lower()
    if cut != "," and not cut[0].isalpha() or cut in CLAUSE_WORDS:
        return None
    head = window[:last.start()].rstrip(" ,")
    earlier = list(SUBJ_CUT.finditer(head))
    phrase = head[earlier[-1].end():] if earlier else head
    first = phrase.split()[:1]
    if not first or (cut == "," and first[0].lower() in PREPOSITIONS):
        return None
    return _clean_subject(phrase)


def _outcome(f, text):
    try:
        return f(text)
    except Exception as e:  # noqa: BLE001 - a failure of the oracle must be the same failure
        return type(e)


def agree(text):
    assert [m.span() for m in UNIT_ANYWHERE.finditer(text)] == [m.span() for m in PLAIN_UNIT.finditer(text)]
    fast = _outcome(distances.find_distances, text)
    with pytest.MonkeyPatch.context() as mp:  # the oracle reads subjects the plain way too
        mp.setattr(distances, "subject_before", plain_subject_before)
        assert fast == _outcome(plain_find_distances, text)


def agree_subjects(text):
    """Every offset gets the same subject; the last cut of every suffix-cut is the last of all cuts."""
    for start in range(len(text) + 1):
        assert subject_before(text, start) == plain_subject_before(text, start)
    cuts = list(SUBJ_CUT.finditer(text))
    last = _last_cut(text)
    assert (last.span() if last else None) == (cuts[-1].span() if cuts else None)


_HOSTILE = ["İ", "ı", "ſ", "K", "\u0301", "\u200f", "\u05d0", "\x00", "²", "³", "^", "-", "–", "(", ")", "/",
            ",", ".", "\n", "\u00a0", "\u202f", "٣", "ß", "$", "£"]
_WORDS = [
    "km", "KM", "Km", "kms", "kilometres", "Kilometers", "kilometer", "klick", "klicks", "nautical miles",
    "Nautical  Mile", "mile", "miles", "MILES", "mi", "Mi", "m", "M", "metres", "meters", "Meter", "yards",
    "yd", "yds", "YD", "feet", "foot", "ft", "FT", "sq", "square", "per", "hour", "long", "wide", "radius",
    "of", "from", "away", "north", "south-west", "NNW", "to", "the", "within", "about", "some", "nearly",
    "more than", "less than", "up to", "between", "and", "or", "to", "a", "half", "dozen", "quarter", "one",
    "seven", "twenty-five", "hundred", "thousand", "0", "5", "7.5", "10", "1,200", "3km", "5m", "20km2",
    "100", "~", "Aleppo", "Hama's", "town", "citadel", "raised", "advanced", "range", "I'm", "amid",
    "to within", "in excess of", "at a distance of", "a mere", "approx.", "close to", "according to", "said",
    "reported", "pushed the", "which", "the", "Clashes", "were", "lies", "located", "TO", "To", "ſome", "ſix",
]
_PIECE = st.one_of(st.sampled_from(_WORDS), st.sampled_from(_HOSTILE), st.text(max_size=4))
_SEP = st.sampled_from([" ", " ", " ", "", ", ", "\n", "-", "\t", "  ", "\u00a0", "(", ") "])
_PHRASES = st.lists(st.tuples(_PIECE, _SEP), max_size=40).map(lambda ps: "".join(a + b for a, b in ps))
_TEXT = st.one_of(st.text(max_size=300), _PHRASES,
                  st.text(alphabet="".join(_HOSTILE) + "kmnyfiKMNYFIsdlt 0159", max_size=80))


@settings(max_examples=800, deadline=None)
@given(_TEXT)
def test_agrees_with_plain_search(text):
    agree(text)


@settings(max_examples=200, deadline=None)
@given(_PHRASES, st.integers(0, 400))
def test_agrees_with_far_apart_units(text, gap):
    agree(text + " " * gap + "5 km from Homs")
    agree("about 20" + " " * gap + "km north of Hama " + text)


@pytest.mark.parametrize("text", [
    "about 20 km (12 miles) north-west of Hama, I'm 5 m away; 3 mi. from x; 7 nautical  miles off the coast of Y",
    "at a distance of between three hundred and fifty and four hundred metres from the wall",
    "Kilometres: 5 Km from A, 5 kM from B, 6 \u212am from C, 5 ſq km, 5 km² of land, 20 km/h, a 5km-long convoy",
    "only 5" + " " * 300 + "km from Idlib, and 5 km",
    "m m m 5m 5 m. 5 mi 5 mil 5 miles",
])
def test_written_distances_agree(text):
    agree(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_PHRASES, st.text(max_size=120), st.text(alphabet="".join(_HOSTILE) + "tod ,.\n", max_size=120)))
def test_subjects_agree_with_every_cut_listed(text):
    agree_subjects(text)


@settings(max_examples=100, deadline=None)
@given(_PHRASES, st.integers(0, 300))
def test_subjects_agree_far_from_the_last_cut(text, gap):
    agree_subjects("Saraqeb, " + "x " * (gap // 2) + text + " lies about")
    agree_subjects(text + " according" + " " * gap + "to Homs " + "z " * gap)


_FIRST_PHRASES = sorted({*_LEADS, *QUAL_MAP, "between 5 and", *SMALL, "half a", "a quarter of a",
                         "three quarters of a", "half a dozen", "a dozen", "two hundred", "a thousand"})


@pytest.mark.parametrize("phrase", _FIRST_PHRASES)
def test_every_way_a_quantity_begins_is_screened_in(phrase):
    for text in (f"Clashes {phrase} 5 km from Homs", f"Clashes {phrase} km from Homs",
                 f"x,{phrase.upper()} five kilometres north of Homs", f"({phrase}\u00a0 20 miles) away"):
        agree(text)
        m = QTY.search(text)
        if m is not None:  # the screen's premise: a quantity begins a word of QTY_FIRST, or a digit or "~"
            word = re.match(r"\w+|~", text[m.start():])[0]
            assert word.lower() in QTY_FIRST or not word[0].isalpha(), text


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seeds_agree(path):
    text = read_article(path)[0].text
    agree(text)
    for s in distances.find_distances(text):
        assert subject_before(text, s.start) == plain_subject_before(text, s.start)


def test_unit_class_holds_every_case_variant_of_a_first_letter():
    first = r"[kK\u212anNmMyYfF]"
    assert UNIT_ANYWHERE.pattern.startswith(first)
    variants = re.compile("[kmnyf]", re.I)
    missing = [hex(c) for c in range(0x110000) if variants.fullmatch(chr(c)) and not re.fullmatch(first, chr(c))]
    assert missing == []
