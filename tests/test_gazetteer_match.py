"""The name scan of gazetteer.match and the word cutter of gazetteer.names, on written cases and hostile text.

Written cases state the rules (capitals, short names, longest match, articles, possessives,
exclusions, cues); generated hostile text (names in odd case, apostrophes of every kind,
possessives, combining marks, underscores, right-to-left text, NUL and newlines) checks what
must hold of every word and every match.
"""

from __future__ import annotations

from difflib import SequenceMatcher

import marisa_trie
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gazetteer import default_gazetteer
from gazetteer.match import NameMatcher
from gazetteer.model import Place
from gazetteer.names import ARTICLES, fold_token, iter_tokens, normalize_name, word_table
from gazetteer.rank import _similarity, cue_in_context, light_form

SETTINGS = settings(max_examples=400, deadline=None, database=None, derandomize=True)

_NAMES = ["Aleppo", "aleppo's", "ALEPPO", "Dar'a", "Dar’a's", "Deir ez-Zor", "Tell Rif'at", "Al-Atarib", "al Bab",
          "Khan Shaykhun", "Ras al-Ain", "Ma`arrat an-Nu´man", "Homs", "Hama", "Idlib", "Kafr Nabl", "Tal Abyad",
          "The", "Nice", "Sanaa", "Kyiv", "Bakhmut", "Damascus", "حلب", "درعا", "Ḩamāh", "Aleppo_city", "Kharkiv"]
_CUES = ["province of ", "Province Of the ", "city of ", " governorate", " and Idlib provinces", " town", "the ",
         "of", "OF \n", "of the\n", "streets of\t"]
_ODD = [" ", "-", "_", "'", "’s", "'s", "\u0301", "\u064e", "\u200f", "\x00", "\n", ".", "İ", "ı", "ſ", "K", "Al",
        "al-", "el ", "an-", "\u00a0", "s", "'", "`"]
_hostile = st.lists(st.one_of(st.sampled_from(_NAMES), st.sampled_from(_CUES), st.sampled_from(_ODD),
                              st.text(max_size=3)), max_size=30).map("".join)

_KEYS = [normalize_name(n) for n in [*_NAMES, "Ab", "Bab", "Aleppo city", "Deir", "Nabl", "Tal", "Home"]]
_MATCHER = NameMatcher(_KEYS)


def scanned(text: str, **kw: object) -> list[str]:
    return [text[m.start:m.end] for m in _MATCHER.scan(text, **kw)]


# --- words ------------------------------------------------------------------------------------

def test_possessives_and_apostrophes_cut_as_words() -> None:
    text = "Aleppo's citadel, Dar'a and Tell Rif’at; al-Bab_x"
    assert [text[s:e] for _, s, e in iter_tokens(text)] == ["Aleppo", "citadel", "Dar'a", "and", "Tell", "Rif’at",
                                                            "al", "Bab", "x"]
    assert normalize_name("Tall Rif'at") == normalize_name("Tell Rifaat")


@pytest.mark.parametrize(("text", "words"), [
    ("Sare\u0301qeb", ["Sare\u0301qeb"]),  # a combining accent stays in its word
    ("حَلَب", ["حَلَب"]),  # Arabic vowel marks too
    ("Aleppo_city", ["Aleppo", "city"]),  # an underscore is no letter
    ("Homs\x00Hama\nIdlib\u200fRaqqa", ["Homs", "Hama", "Idlib", "Raqqa"]),
    ("Dar'a's and Dar’a’s", ["Dar'a", "and", "Dar’a"]),  # the possessive is cut, the inner apostrophe kept
    ("Ma`arrat an-Nu´man", ["Ma`arrat", "an", "Nu´man"]),
])
def test_words_of_odd_text(text: str, words: list[str]) -> None:
    assert [text[s:e] for _, s, e in iter_tokens(text)] == words


def test_accents_and_apostrophes_fold_away() -> None:
    assert fold_token("Sare\u0301qeb") == fold_token("Saréqeb") == fold_token("SAREQEB")
    assert fold_token("Dar'a") == fold_token("Dar’a") == fold_token("Dara")


@SETTINGS
@given(_hostile)
@example("Aleppo's")
@example("x’s 's")
def test_every_word_is_a_folded_span_of_the_text(text: str) -> None:
    words = list(iter_tokens(text))
    folded, starts, ends = word_table(text)
    assert list(zip(folded, starts, ends, strict=True)) == words
    last = 0
    for word, s, e in words:
        assert last <= s < e <= len(text)
        assert word and word == fold_token(text[s:e])
        assert not any(c.isspace() or c in "_\x00" for c in text[s:e])
        last = e


@SETTINGS
@given(st.text())
def test_words_of_any_text_are_in_order_and_in_bounds(text: str) -> None:
    last = 0
    for word, s, e in iter_tokens(text):
        assert last <= s < e <= len(text) and word
        last = e


# --- the scan ---------------------------------------------------------------------------------

def test_a_name_begins_with_a_capital_or_another_script() -> None:
    assert scanned("the army moved home") == []
    assert scanned("Home Guard units") == ["Home"]
    assert scanned("shelling in حلب today") == ["حلب"]


def test_one_word_names_under_three_letters_never_match() -> None:
    assert scanned("Ab and Bab") == ["Bab"]


def test_the_longest_name_wins_and_each_word_is_matched_once() -> None:
    assert scanned("Fighting in Deir ez-Zor and Deir.") == ["Deir ez-Zor", "Deir"]
    assert scanned("Aleppo city and Aleppo") == ["Aleppo city", "Aleppo"]
    assert scanned("Aleppo_city") == ["Aleppo_city"]


def test_articles_before_a_name() -> None:
    # joined with "-", or written with a capital: part of the name; "al Bab" in lower case: not
    assert scanned("Rebels entered al-Bab and Al Bab and al Bab.") == ["al-Bab", "Al Bab", "Bab"]
    assert scanned("Ras al-Ain") == ["Ras al-Ain"]


def test_spellings_of_one_name_match_alike() -> None:
    text = "Hama\u0301 and Ḩamāh and Ḩamāh, Aleppo's and Dar’a"
    assert [m.key for m in _MATCHER.scan(text)] == [normalize_name("Hama")] * 3 + [normalize_name("Aleppo"),
                                                                                  normalize_name("Dar'a")]
    assert scanned("Aleppo's citadel") == ["Aleppo"]


def test_first_word_of_a_sentence_is_flagged() -> None:
    text = "Homs. Aleppo fell. “Bab” and in Idlib\nDeir"
    assert [(text[m.start:m.end], m.sentence_initial) for m in _MATCHER.scan(text)] == [
        ("Homs", True), ("Aleppo", True), ("Bab", True), ("Idlib", False), ("Deir", True)]


def test_excluded_spans_are_not_matched_inside() -> None:
    assert scanned("Aleppo city", exclude=[(7, 11)]) == ["Aleppo"]  # the shorter name outside the span
    assert scanned("Aleppo city", exclude=[(0, 3)]) == []
    assert scanned("Aleppo city", exclude=[(11, 20)]) == ["Aleppo city"]  # touching is not overlapping


def _name_start(text: str, start: int, end: int) -> int:
    """Offset of the first word of a match that is not an article."""
    return next(start + s for w, s, _ in iter_tokens(text[start:end]) if w not in ARTICLES)


@SETTINGS
@given(_hostile, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 15)), max_size=6))
def test_matches_are_names_in_order_and_outside_the_exclusions(text: str, spans: list[tuple[int, int]]) -> None:
    exclude = [(s, s + n) for s, n in spans]
    last = 0
    for m in _MATCHER.scan(text, exclude=exclude):
        assert last <= m.start < m.end <= len(text)
        assert m.key in _KEYS and normalize_name(text[m.start:m.end]) == m.key
        name = _name_start(text, m.start, m.end)
        assert not ("a" <= text[name] <= "z"), text[m.start:m.end]
        assert not any(s < m.end and e > name for s, e in exclude)
        last = m.end


def test_the_real_gazetteer_finds_names_with_articles_and_apostrophes() -> None:
    gz = default_gazetteer()
    text = ("Rebels entered Aleppo's western districts and al-Atarib, then Al Bab; the army said Khan Shaykhun "
            "and ma'arrat al-nu'man held.\nAl-Rai fell. Nice weather in Homs, Hama and Deir ez-Zor province.")
    found = {text[m.start:m.end] for m in gz._matcher.scan(text)}
    assert found >= {"Aleppo", "al-Atarib", "Al Bab", "Khan Shaykhun", "Al-Rai", "Homs", "Hama", "Deir ez-Zor"}
    assert not any("ma'arrat" in f for f in found)  # written in lower case


# --- cues ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("before", "after", "wants"), [
    ("the province of ", " where", "region"),
    ("Province Of the ", "", "region"),
    ("fighting in the PROVINCE OF\n", " where", "region"),
    ("", " governorate", "region"),
    ("towns in ", " and Idlib provinces", "region"),
    ("", "\u00a0AND Idlib PROVINCES", "region"),
    ("in ", " ſtates", "region"),  # "ſ" is an "s" to a case-insensitive regex
    ("the city of ", "", "settlement"),
    ("the streets of the\t", "", "settlement"),
    ("the streets of\u2003", " Town", "settlement"),
    ("", " town", "settlement"),
    ("province of the Kurds ", "", None),
    ("OF \n", "", None),
    ("", " townships", None),
    ("in ", " today", None),
])
def test_cue_words_around_a_name(before: str, after: str, wants: str | None) -> None:
    assert cue_in_context(before, after).wants == wants


# --- spelling similarity -------------------------------------------------------------------------
# The reference kept: similarity is the best difflib ratio between the light forms of the written
# name and of any of the place's names (1.0 for an equal form). It is the definition, four lines.

def reference_similarity(written: str, names: tuple[str, ...]) -> float:
    forms = [light_form(n) for n in names]
    target = light_form(written)
    return 1.0 if target in forms else max(SequenceMatcher(None, target, f).ratio() for f in forms)


_SPELLINGS = st.lists(st.sampled_from(["Aleppo", "Halab", "Alep", "Haleb", "Deraa", "Daraa", "Dar'a", "Hama", "Hamah",
                                       "Homs", "Hims", "Emesa", "al-Bab", "Bab", "Idlib", "Edleb", "a", "", "xy",
                                       "Ma'arrat al-Nu'man", "Maarat"]) | st.text(max_size=8), min_size=1, max_size=6)


@SETTINGS
@given(st.sampled_from(["Aleppo", "Alepo", "Halab", "Haleppo", "Dera", "Hamma", "Hom", "Idleb", "Maarat al Numan"])
       | st.text(max_size=10), _SPELLINGS)
def test_similarity_is_the_best_ratio_over_the_names(written: str, names: list[str]) -> None:
    place = Place(id="t:1", name=names[0], names=tuple(names[1:]), kind="town", lat=0.0, lon=0.0)
    assert _similarity(written, place) == reference_similarity(written, tuple(names))


def test_similarity_of_spellings() -> None:
    aleppo = Place(id="t:1", name="Aleppo", names=("Halab",), kind="city", lat=0.0, lon=0.0)
    assert _similarity("ALEPPO", aleppo) == _similarity("Ḥalab", aleppo) == 1.0
    assert 0.8 < _similarity("Alepo", aleppo) < 1.0
    assert _similarity("Homs", aleppo) < 0.5


_USER_KEYS = [normalize_name(n) for n in ["Ab", "Us", "Zu", "Tal Abyad", "Bab Nayrab", "Aleppo Citadel", "Kafr Nabl",
                                          "Deir Hafer", "Ras", "Nam Kham", "Homs Gap", "Idlib Road", "Ta"]]
_SPLIT = NameMatcher(_KEYS, short=["us", "uk"]).with_user(marisa_trie.Trie(_USER_KEYS))
_WHOLE = NameMatcher([*_KEYS, *_USER_KEYS], short=["us", "uk"])
_PROBES = sorted({k[:i] for k in [*_KEYS, *_USER_KEYS, "us", "uk", "abc", "zz"] for i in range(len(k) + 1)})


def test_a_second_trie_of_user_keys_finds_what_one_trie_of_all_keys_finds() -> None:
    """The user gazetteer's keys, consulted beside the packaged trie, obey its rules (short keys, prefixes)."""
    assert [_SPLIT.is_key(p) for p in _PROBES] == [_WHOLE.is_key(p) for p in _PROBES]
    assert [_SPLIT.begins_key(p) for p in _PROBES] == [_WHOLE.begins_key(p) for p in _PROBES]
    assert len(_SPLIT) == len(_WHOLE)
    assert _SPLIT.is_key("ras") and not _SPLIT.is_key("ab") and _SPLIT.begins_key("ab") is False
    text = "In Bab Nayrab and the US, near Deir Hafer, Ab and Zu met at the Aleppo Citadel on the Homs Gap road; Ta."
    assert [text[m.start:m.end] for m in _SPLIT.scan(text)] == [
        "Bab Nayrab", "US", "Deir Hafer", "Aleppo Citadel", "Homs Gap"]


@given(_hostile)
@SETTINGS
def test_a_matcher_with_user_keys_scans_as_one_over_all_keys(text: str) -> None:
    assert _SPLIT.scan(text) == _WHOLE.scan(text)


def test_a_clipped_key_matches_a_word_of_three_letters_or_more() -> None:
    """A name that folds to fewer than three letters ("Ibb" folds as "Ib" does) is found as written, not shorter."""
    key = normalize_name("Ibb")
    assert len(key) < 3
    matcher = NameMatcher([key, normalize_name("Aleppo")], clipped=[key])
    text = "Fighters took Ibb and Aleppo; Ib is not the town, IBB in capitals is."
    assert [text[m.start:m.end] for m in matcher.scan(text)] == ["Ibb", "Aleppo", "IBB"]
    assert [text[m.start:m.end] for m in NameMatcher([key, normalize_name("Aleppo")]).scan(text)] == ["Aleppo"]
    assert NameMatcher([key], clipped=[key]).with_user(marisa_trie.Trie(["zzz"])).scan("Ibb") != []
    assert NameMatcher([key], clipped=[key]).scan("They said ‘Ib’. Then 'Ib.") == []  # no abbreviation either
