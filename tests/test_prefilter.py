"""The literal screen: the words a regex needs, and never screening out a sentence that matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.extract import lexicon as lx
from geo.extract.prefilter import LiteralScreen, required_literals
from geo.read.sentences import split_sentences

EVENT_PATTERNS = (*(t.pattern for t in lx.TRIGGERS), lx.FORCED_OUT, lx.PREVIOUSLY, lx.HELD_ADJECTIVE)


def test_alternatives_each_contribute_a_word() -> None:
    need = required_literals(re.compile(r"\b(?:fell|fallen)\s+to\b|was\s+seized", re.I))
    assert need is not None  # (the parser factors "f" out of fell|fallen: the words may be shortened)
    for match in ("fell to", "fallen to", "was seized"):
        assert any(word in match for word in need)
    assert not any(word in "was taken to" for word in need)


def test_the_most_selective_part_of_a_sequence_is_chosen() -> None:
    # "was" is shorter than "captured": either is needed, the longer one screens better
    assert required_literals(re.compile(r"was\s+captured")) == {"captured"}


def test_optional_or_short_parts_require_nothing() -> None:
    assert required_literals(re.compile(r"(?:captured)?\s*by")) is None
    assert required_literals(re.compile(r"\d+\s*km")) is None
    assert required_literals(re.compile(r"(?:is|captured)")) is None  # "is" can match alone


def test_repeats_need_their_body_once() -> None:
    assert required_literals(re.compile(r"(?:siege\s+)+lifted")) in ({"siege"}, {"lifted"})


def test_screen_names_sentences_and_patterns() -> None:
    screen = LiteralScreen([re.compile(r"\bcaptured\b", re.I), re.compile(r"\bsiege\b", re.I)])
    text = "Rebels CAPTURED Saraqib. The weather was mild. The siege of Aleppo was lifted."
    spans = split_sentences(text)
    assert screen.candidates(text, spans) == {0: frozenset({0}), 2: frozenset({1})}


def test_a_text_whose_lower_case_changes_length_is_not_screened() -> None:
    screen = LiteralScreen([re.compile(r"captured", re.I)])
    text = "İdlib was quiet. Nothing else."  # "İ".lower() is two characters
    spans = split_sentences(text)
    assert set(screen.candidates(text, spans)) == set(range(len(spans)))


_WORDS = ["rebels", "captured", "the", "town", "of", "Saraqib", "was", "seized", "by", "government", "forces",
          "under", "siege", "control", "broke", "lifted", "withdrew", "from", "held", "rebel-held", "Aleppo",
          "fell", "to", "previously", "forced", "out", "entered", "clashes", "in", "besieged", "regained", "."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40))
def test_no_sentence_with_a_match_is_screened_out(words: list[str]) -> None:
    text = " ".join(words).replace(" .", ".")
    spans = split_sentences(text)
    screened = LiteralScreen(EVENT_PATTERNS).candidates(text, spans)
    for k, (s, e) in enumerate(spans):
        for i, pattern in enumerate(EVENT_PATTERNS):
            if pattern.search(text, s, e):
                assert i in screened.get(k, ()), (text[s:e], pattern.pattern[:60])


def _plain_exact_on(screen: LiteralScreen, segment: str) -> bool:
    """The definition: no non-ASCII character of *segment* case-insensitively equals a literal's letter."""
    letters = set("".join(w for p in screen.patterns for w in required_literals(p) or ()))
    assert all(ch.isascii() for ch in letters)
    return not any(re.fullmatch(re.escape(ch), c, re.I) for c in set(segment) if not c.isascii() for ch in letters)


def test_the_screen_is_exact_only_without_case_variant_letters() -> None:
    screen = LiteralScreen(EVENT_PATTERNS)
    assert screen.exact_on("Rebels captured Ḩamāh — “quoted” — on Friday.")
    for odd in ("the army ſeized Homs", "rebels capturıng", "İdlib", "\u212aobani"):
        assert not screen.exact_on(odd), odd
    assert not LiteralScreen([re.compile("çatışma", re.I)]).exact_on("rebels")  # a non-ASCII literal


@pytest.mark.slow
def test_exact_on_agrees_with_its_definition_on_every_character() -> None:
    screen = LiteralScreen(EVENT_PATTERNS)
    chars = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    letters = set("".join(w for p in EVENT_PATTERNS for w in required_literals(p) or ()))
    variants = re.compile("[" + "".join(sorted(letters)) + "]", re.I)
    expected = {c for c in chars if variants.fullmatch(c)}
    assert {c for c in chars if not screen.exact_on(c)} == expected
    assert expected >= {"ſ", "ı", "\u212a"}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(), st.sampled_from("ſıİKßﬁΣσς\u0301\u200f\x00")), max_size=60))
def test_exact_on_agrees_with_its_definition(text: str) -> None:
    screen = LiteralScreen(EVENT_PATTERNS)
    assert screen.exact_on(text) == _plain_exact_on(screen, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_WORDS, "ſeized", "capturıng", "İdlib", "\u212aobani", "—", "é"]), min_size=1,
                max_size=40))
def test_where_the_screen_is_exact_no_matching_pattern_is_screened_out(words: list[str]) -> None:
    text = " ".join(words).replace(" .", ".")
    spans = split_sentences(text)
    screen = LiteralScreen(EVENT_PATTERNS)
    screened = screen.candidates(text, spans)
    for k, (s, e) in enumerate(spans):
        if screen.exact_on(text[s:e]):
            for i, pattern in enumerate(EVENT_PATTERNS):
                if pattern.search(text, s, e):
                    assert i in screened.get(k, ()), (text[s:e], pattern.pattern[:60])


def test_a_pattern_is_parsed_once_however_many_screens_hold_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from geo.extract import prefilter

    patterns = [re.compile(rf"\b(?:seized|overran)\s+the\s+{word}\b", re.I) for word in ("town", "village", "camp")]
    parsed: list[str] = []
    parse = prefilter.sre_parse.parse

    def counted(pattern: str, flags: int = 0):  # type: ignore[no-untyped-def]
        parsed.append(pattern)
        return parse(pattern, flags)

    monkeypatch.setattr(prefilter.sre_parse, "parse", counted)
    first, second = LiteralScreen(patterns), LiteralScreen(patterns[::-1])
    assert [parsed.count(p.pattern) for p in patterns] == [1, 1, 1]  # (re.compile parses the screens' own patterns)
    text = "Rebels overran the camp. Troops seized the town on Monday."
    spans = split_sentences(text)
    found = first.candidates(text, spans)
    assert set(found) == {0, 1} and 2 in found[0] and 0 in found[1]  # "overran the camp", "seized the town"
    assert second.candidates(text, spans) == {k: frozenset(2 - i for i in ids) for k, ids in found.items()}
