"""The fast name scan agrees with the plain one it replaced, on any text.

The plain versions below are the oracles: the word cutter (one regex match and one fold per
word), the scan (every automaton hit tested one by one) and the cue and article tests (the
regex alone, without the cheap tests in front). The fast code must give the same words, the
same matches and the same cues on hostile text: names in odd case, apostrophes of every kind,
possessives, combining marks, underscores, right-to-left text, NUL and newlines.
"""

from __future__ import annotations

import bisect
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from gazetteer import default_gazetteer
from gazetteer import match as match_module
from gazetteer.match import NameMatcher, RawMatch
from gazetteer.names import ARTICLES, fold_token, iter_tokens, normalize_name, word_table
from gazetteer.rank import _REGION_AFTER, _REGION_BEFORE, _SETTLEMENT_AFTER, _SETTLEMENT_BEFORE, cue_in_context

SETTINGS = settings(max_examples=400, deadline=None, database=None, derandomize=True)

# --- the oracles -------------------------------------------------------------------------------

_APOSTROPHE_AS_LETTER = str.maketrans(dict.fromkeys("'’‘`´ʿʾʻʼ", "a"))
_TOKEN = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed])*")


def plain_tokens(text: str) -> list[tuple[str, int, int]]:
    out = []
    for m in _TOKEN.finditer(text.translate(_APOSTROPHE_AS_LETTER)):
        start, end = m.start(), m.end()
        if end - start > 2 and text[end - 1] == "s" and text[end - 2] in "'’":
            end -= 2
        folded = fold_token(text[start:end])
        if folded:
            out.append((folded, start, end))
    return out


def plain_scan(matcher: NameMatcher, text: str, exclude: list[tuple[int, int]] = ()) -> list[RawMatch]:
    words = [(f, s, e) for f, s, e in plain_tokens(text) if f not in ARTICLES]
    if not words:
        return []
    stream_starts, parts, pos = [], [], 1
    for folded, _, _ in words:
        stream_starts.append(pos)
        parts.append(folded)
        pos += len(folded) + 1
    stream = " " + " ".join(parts) + " "
    found = []
    for end_pos, (key, _) in matcher._automaton.iter(stream):
        first = bisect.bisect_left(stream_starts, end_pos - len(key))
        last = first + key.count(" ")
        start = words[first][1]
        if " " not in key and len(key) < 3:
            continue
        if text[start].isalpha() and text[start].isascii() and not text[start].isupper():
            continue
        if any(s < words[last][2] and e > start for s, e in exclude):
            continue
        found.append((first, last, key))
    found.sort(key=lambda m: (-(m[1] - m[0]), -(words[m[1]][2] - words[m[0]][1]), m[0]))
    taken: set[int] = set()
    matches = []
    for first, last, key in found:
        if taken.intersection(range(first, last + 1)):
            continue
        taken.update(range(first, last + 1))
        start = plain_with_article(text, words[first][1])
        matches.append(RawMatch(start, words[last][2], key, match_module._sentence_initial(text, start)))
    return sorted(matches, key=lambda m: m.start)


def plain_with_article(text: str, start: int) -> int:
    m = match_module._ARTICLE_BEFORE.search(text, max(0, start - 5), start)
    if m is None:
        return start
    begin = m.start("article")
    return begin if text[begin].isupper() or m.group("sep") == "-" else start


def plain_cue(before: str, after: str) -> str | None:
    if _REGION_AFTER.match(after) or _REGION_BEFORE.search(before):
        return "region"
    if _SETTLEMENT_BEFORE.search(before) or _SETTLEMENT_AFTER.match(after):
        return "settlement"
    return None


# --- hostile text --------------------------------------------------------------------------------

_NAMES = ["Aleppo", "aleppo's", "ALEPPO", "Dar'a", "Dar’a's", "Deir ez-Zor", "Tell Rif'at", "Al-Atarib", "al Bab",
          "Khan Shaykhun", "Ras al-Ain", "Ma`arrat an-Nu´man", "Homs", "Hama", "Idlib", "Kafr Nabl", "Tal Abyad",
          "The", "Nice", "Sanaa", "Kyiv", "Bakhmut", "Damascus", "حلب", "درعا", "Ḩamāh", "Aleppo_city", "Kharkiv"]
_CUES = ["province of ", "Province Of the ", "city of ", " governorate", " and Idlib provinces", " town", "the ",
         "of", "OF \n", "of the\n", "streets of\t"]
_ODD = [" ", "-", "_", "'", "’s", "'s", "\u0301", "\u064e", "\u200f", "\x00", "\n", ".", "İ", "ı", "ſ", "K", "Al",
        "al-", "el ", "an-", "\u00a0", "s", "'", "`"]
_hostile = st.lists(st.one_of(st.sampled_from(_NAMES), st.sampled_from(_CUES), st.sampled_from(_ODD),
                              st.text(max_size=3)), max_size=30).map("".join)


@SETTINGS
@given(_hostile)
def test_words_are_those_of_the_plain_cutter(text: str) -> None:
    assert list(iter_tokens(text)) == plain_tokens(text)
    folded, starts, ends = word_table(text)
    assert list(zip(folded, starts, ends, strict=True)) == plain_tokens(text)


@SETTINGS
@given(st.text())
def test_words_are_those_of_the_plain_cutter_on_any_text(text: str) -> None:
    assert list(iter_tokens(text)) == plain_tokens(text)


def test_possessives_and_apostrophes_cut_as_before() -> None:
    text = "Aleppo's citadel, Dar'a and Tell Rif’at; al-Bab_x"
    assert [text[s:e] for _, s, e in iter_tokens(text)] == ["Aleppo", "citadel", "Dar'a", "and", "Tell", "Rif’at",
                                                            "al", "Bab", "x"]
    assert normalize_name("Tall Rif'at") == normalize_name("Tell Rifaat")


_MATCHER = NameMatcher(normalize_name(n) for n in [*_NAMES, "Ab", "Bab", "Aleppo city", "Deir", "Nabl", "Tal"])


@SETTINGS
@given(_hostile)
def test_scan_matches_the_plain_scan(text: str) -> None:
    assert _MATCHER.scan(text) == plain_scan(_MATCHER, text)


@SETTINGS
@given(_hostile, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 15)), max_size=6))
def test_scan_with_exclusions_matches_the_plain_scan(text: str, spans: list[tuple[int, int]]) -> None:
    exclude = [(s, s + n) for s, n in spans]
    assert _MATCHER.scan(text, exclude=exclude) == plain_scan(_MATCHER, text, exclude)


def test_scan_matches_the_plain_scan_with_the_real_gazetteer() -> None:
    gz = default_gazetteer()
    text = ("Rebels entered Aleppo's western districts and al-Atarib, then Al Bab; the army said Khan Shaykhun "
            "and ma'arrat al-nu'man held.\nAl-Rai fell. Nice weather in Homs, Hama and Deir ez-Zor province.")
    assert gz._matcher.scan(text) == plain_scan(gz._matcher, text)
    assert {text[m.start:m.end] for m in gz._matcher.scan(text)} >= {"Aleppo", "al-Atarib", "Al Bab", "Khan Shaykhun"}


@SETTINGS
@given(_hostile, st.integers(min_value=0, max_value=40))
@example("Al \nBab", 4)
@example("x al-\nBab", 6)
@example("x aſ-Bab", 5)
@example("AſH Bab", 4)
def test_article_extension_matches_the_plain_regex(text: str, start: int) -> None:
    start = min(start, len(text))
    assert match_module._with_article(text, start) == plain_with_article(text, start)


@SETTINGS
@given(_hostile, _hostile)
@example("in ", " ſtates")
@example("", "\u00a0AND Idlib PROVINCES")
@example("the streets of\u2003", " Town")
def test_cue_matches_the_plain_regexes(before: str, after: str) -> None:
    assert cue_in_context(before, after).wants == plain_cue(before, after)


def test_cue_reads_of_phrases_after_any_whitespace() -> None:
    assert cue_in_context("fighting in the PROVINCE OF\n", " where").wants == "region"
    assert cue_in_context("the streets of the\t", "").wants == "settlement"
    assert cue_in_context("province of the Kurds ", "").wants is None


def plain_similarity(written: str, names: tuple[str, ...]) -> float:
    from difflib import SequenceMatcher

    from gazetteer.rank import light_form

    target, best = light_form(written), 0.0
    for name in names:
        form = light_form(name)
        if form == target:
            return 1.0
        best = max(best, SequenceMatcher(None, target, form).ratio())
    return best


_SPELLINGS = st.lists(st.sampled_from(["Aleppo", "Halab", "Alep", "Haleb", "Deraa", "Daraa", "Dar'a", "Hama", "Hamah",
                                       "Homs", "Hims", "Emesa", "al-Bab", "Bab", "Idlib", "Edleb", "a", "", "xy",
                                       "Ma'arrat al-Nu'man", "Maarat"]) | st.text(max_size=8), min_size=1, max_size=6)


@SETTINGS
@given(st.sampled_from(["Aleppo", "Alepo", "Halab", "Haleppo", "Dera", "Hamma", "Hom", "Idleb", "Maarat al Numan"])
       | st.text(max_size=10), _SPELLINGS)
def test_similarity_is_the_plain_best_ratio(written: str, names: list[str]) -> None:
    from gazetteer.model import Place
    from gazetteer.rank import _similarity

    place = Place(id="t:1", name=names[0], names=tuple(names[1:]), kind="town", lat=0.0, lon=0.0)
    assert _similarity(written, place) == plain_similarity(written, tuple(names))
