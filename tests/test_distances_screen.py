"""What the fast unit finder, quantity search and subject finder of geo.extract.distance must not lose.

The quantity search starts only near a unit and only where a quantity can begin (a digit, "~" or a
word of ``QTY_FIRST``); the subject finder looks only at the cuts near the end of its window. These
tests write the cases those short cuts could get wrong (units in any case, the Kelvin sign, a
quantity far from its unit, every way a quantity begins, subjects after many cuts) and state the
distances and subjects they mean. ``tests/test_distances.py`` holds the rules themselves.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.extract.distance.mentions import find_distances
from geo.extract.distance.phrases import _last_cut, subject_before
from geo.extract.distance.words import _LEADS, QTY, QTY_FIRST, QUAL_MAP, SMALL, SUBJ_CUT, UNIT_ANYWHERE


def read(text: str) -> list[tuple]:
    return [(s.distance_km, s.qualifier, s.direction, s.anchor_text) for s in find_distances(text)]


@pytest.mark.parametrize("unit", ["km", "KM", "Km", "kM", "kms", "Kms", "\u212am", "\u212aM", "kilometres",
                                  "KILOMETERS", "Kilometre"])
def test_a_kilometre_in_any_case(unit: str) -> None:
    assert read(f"Fighting was 5 {unit} from Homs.") == [(5.0, "exact", None, "Homs")]


def test_units_of_several_distances_in_one_sentence() -> None:
    text = "Shelling hit 5 Km from Homs, 5 kM from Hama and 6 \u212am from Idlib."
    assert [(km, anchor) for km, _, _, anchor in read(text)] == [(5.0, "Homs"), (5.0, "Hama"), (6.0, "Idlib")]
    text = "about 20 km (12 miles) north-west of Hama, 7 nautical  miles off the coast of Latakia"
    assert read(text) == [(20.0, "about", "NW", "Hama"), (12.964, "exact", None, "Latakia")]


@pytest.mark.parametrize("text", [
    "Fighting was 5 Kmart from Homs.",  # a word that begins like a unit
    "Rebels seized 5 km² of land from the army.", "Rebels seized 5 ſq km from the army.",
    "The drone flew at 20 km/h from the base.", "A 5km-long convoy left Idlib.", "m m m 5m 5 m. 5 mi 5 mil 5 miles",
])
def test_look_alike_units_are_no_distances(text: str) -> None:
    assert read(text) == []


def test_a_quantity_padded_far_from_its_unit_is_read() -> None:
    assert read("Rebels were about 20" + " " * 150 + "km north of Hama.") == [(20.0, "about", "N", "Hama")]


def test_a_quantity_in_words_is_read() -> None:
    text = "Fighting was at a distance of between three hundred and fifty and four hundred metres from the wall."
    assert read(text) == [(0.375, "about", None, "the wall")]


_FIRST_PHRASES = sorted({*_LEADS, *QUAL_MAP, "between 5 and", *SMALL, "half a", "a quarter of a",
                         "three quarters of a", "half a dozen", "a dozen", "two hundred", "a thousand"})


@pytest.mark.parametrize("phrase", _FIRST_PHRASES)
def test_every_way_a_quantity_begins_is_read_in_any_case(phrase: str) -> None:
    for template in ("Clashes {} 5 km from Homs", "Clashes {} km from Homs", "x,{} five kilometres north of Homs",
                     "({}\u00a0 20 miles) away"):
        text = template.format(phrase)
        assert read(template.format(phrase.upper())) == read(text) == read(template.format(phrase.title())), text
        m = QTY.search(text)
        if m is not None:  # the screen's premise: a quantity begins a word of QTY_FIRST, or a digit or "~"
            word = re.match(r"\w+|~", text[m.start():])[0]
            assert word.lower() in QTY_FIRST or not word[0].isalpha(), text


def test_unit_class_holds_every_case_variant_of_a_first_letter() -> None:
    first = r"[kK\u212anNmMyYfF]"
    assert UNIT_ANYWHERE.pattern.startswith(first)
    variants = re.compile("[kmnyf]", re.I)
    missing = [hex(c) for c in range(0x110000) if variants.fullmatch(chr(c)) and not re.fullmatch(first, chr(c))]
    assert missing == []


# --- subjects ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "subject"), [
    ("The front line. " + "In the north, " * 30 + "government troops were 5 km from Homs.", "government troops"),
    ("Government troops, according to" + " " * 200 + "residents, were 5 km from Homs.", "residents"),
    ("Russian troops were 3 km from Pokrovsk, the Ukrainian general staff said.", "Russian troops"),
    ("RSF fighters were 10 km west of El Fasher.", "RSF fighters"),
    ("The MNDAA was 20 km from Lashio.", "The MNDAA"),
    ("word " * 100 + "Rebel fighters were 5 km from Homs.", None),  # no cut in the 300 characters before
])
def test_the_subject_is_read_back_to_the_last_cut(text: str, subject: str | None) -> None:
    [found] = find_distances(text)
    assert found.subject == subject


_HOSTILE = ["İ", "ı", "ſ", "\u212a", "\u0301", "\u200f", "\x00", "²", "-", "–", "(", ")", ",", ".", "\n", "\u00a0"]
_WORDS = ["km", "KM", "kms", "kilometres", "miles", "m", "metres", "yards", "ft", "of", "from", "away", "north",
          "south-west", "to", "the", "within", "about", "more than", "between", "and", "a", "half", "dozen", "seven",
          "twenty-five", "hundred", "5", "7.5", "1,200", "3km", "Aleppo", "Hama's", "town", "said", "which",
          "according to", "Clashes", "were", "lies", "TO", "ſome"]
_PHRASES = st.lists(st.tuples(st.one_of(st.sampled_from(_WORDS), st.sampled_from(_HOSTILE), st.text(max_size=4)),
                              st.sampled_from([" ", " ", "", ", ", "\n", "-", "  "])), max_size=40).map(
    lambda ps: "".join(a + b for a, b in ps))


@settings(max_examples=300, deadline=None)
@given(st.one_of(_PHRASES, st.text(max_size=200)))
def test_subjects_come_from_the_text_just_before(text: str) -> None:
    cuts = list(SUBJ_CUT.finditer(text))
    last = _last_cut(text)
    assert (last.span() if last else None) == (cuts[-1].span() if cuts else None)
    for start in range(0, len(text) + 1, 7):
        subject = subject_before(text, start)
        assert subject is None or (subject and subject in text[max(0, start - 300):start]), (text, start)
    for s in find_distances(text):
        assert s.subject is None or s.subject in text[max(0, s.start - 300):s.start]
