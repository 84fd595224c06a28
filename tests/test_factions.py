"""The faction alias table on names written for these tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geo.factions as factions_module
from geo.factions import MONITORS, ActorMention, faction_of, find_actors

ROOT = Path(__file__).resolve().parents[1]


def factions(text: str, syria: bool = True) -> list[tuple[str, str | None]]:
    return [(a.text, a.faction) for a in find_actors(text, syria=syria)]


@pytest.mark.parametrize("name,faction", [
    ("HTS", "opposition"), ("Hayat Tahrir al-Sham", "opposition"), ("Jabhat Fateh al-Sham", "opposition"),
    ("Army of Conquest", "opposition"), ("Syrian Democratic Forces", "sdf"), ("SDF", "sdf"), ("YPG", "sdf"),
    ("IS", "islamic_state"), ("ISIL", "islamic_state"), ("Syrian National Army", "sna"),
    ("pro-regime militias", "government"), ("Hezbollah", "government"),
])
def test_alias_maps_to_faction(name: str, faction: str) -> None:
    assert factions(f"Yesterday {name} fighters advanced.")[0] == (name, faction)


def test_army_of_conquest_is_one_opposition_actor_not_the_army() -> None:
    assert factions("The Army of Conquest took the hill.") == [("Army of Conquest", "opposition")]


def test_sdf_long_form_is_not_government_forces() -> None:
    assert factions("Syrian Democratic Forces moved in.") == [("Syrian Democratic Forces", "sdf")]


def test_lower_case_is_is_not_islamic_state() -> None:
    assert factions("The town is quiet and IS is gone.") == [("IS", "islamic_state")]


def test_russian_forces_outside_syria_are_not_the_government() -> None:
    assert all(f != "government" for _, f in factions("Russian forces took the town.", syria=False))
    assert factions("Russian forces bombed the road.", syria=True) == [("Russian forces", "government")]


def test_generic_aliases_in_another_war_are_unknown() -> None:
    assert factions("The army and rebels clashed.", syria=False) == [("army", "unknown"), ("rebels", "unknown")]


def test_monitor_is_not_a_fighter() -> None:
    found = find_actors("the Syrian Observatory for Human Rights said")
    assert found[0].monitor and found[0].faction is None


def test_kurdish_control_is_sdf_but_kurdish_majority_is_nothing() -> None:
    assert factions("under Kurdish control") == [("Kurdish", "sdf")]
    assert factions("Kurdish-majority districts") == []


# --- The Aho–Corasick matcher against the regex alternation it replaced (the oracle) ---

_ALIASES = [*factions_module._ALIAS_FACTION, *MONITORS]


def _oracle_pattern(aliases: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(a).replace(r"\-", "[- ]").replace("'", "['’]")
                            for a in sorted(aliases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.I)


_ORACLE = _oracle_pattern(_ALIASES)


def oracle_find_actors(text: str, *, syria: bool = True) -> list[ActorMention]:
    """find_actors as it was with one case-insensitive regex alternation of every alias."""
    fm = factions_module
    found = []
    for m in _ORACLE.finditer(text):
        written = m.group(0)
        canonical = fm._CASE_SENSITIVE.get(written.lower())
        if canonical is not None and written != canonical:
            continue
        if canonical == "Damascus" and not fm._GOVERNMENT_VOICE.match(text, m.end()):
            continue
        lower = re.sub(r"[’]", "'", written.lower())
        if lower in fm._MONITORS or lower.replace(" ", "-") in fm._MONITORS:
            found.append(ActorMention(m.start(), m.end(), written, None, True))
            continue
        faction = faction_of(written)
        if not syria:
            faction = "unknown" if lower in fm._GENERIC else None
            if faction is None:
                continue
        found.append(ActorMention(m.start(), m.end(), written, faction))
    return found


def assert_same(text: str) -> None:
    assert list(factions_module._alias_spans(text)) == [m.span() for m in _ORACLE.finditer(text)], text
    for syria in (True, False):
        assert find_actors(text, syria=syria) == oracle_find_actors(text, syria=syria), (text, syria)


_ODD = ["İ", "ı", "ſ", "K", "Å", "ß", "Σ", "ς", "’", "‘", "'", "-", "‐", "–", "_", "0", "٣", "\x00", "\u0301",
        "\u200f", "\u202e", "\xa0", "\u3000", "\n", "\t", "é", "ب", "😀", ",", ".", " ", "  "]
_VARIANTS = {"i": "iIİı", "s": "sSſ", "k": "kKK", "-": "- ", "'": "'’"}


@st.composite
def _alias_text(draw: st.DrawFn) -> str:
    """An alias, whole or cut, each character in a random case or an equivalent odd form."""
    alias = draw(st.sampled_from([*_ALIASES, "Damascus said", "Damascus claims"]))
    cut = draw(st.integers(0, len(alias) - 1))
    alias = alias[cut:] if draw(st.booleans()) else alias[:len(alias) - cut]
    return "".join(draw(st.sampled_from(_VARIANTS.get(c.lower(), c.lower() + c.upper()))) for c in alias)


_hostile = st.lists(st.one_of(_alias_text(), _alias_text(), st.sampled_from(_ODD), st.text(max_size=3)),
                    max_size=14).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_hostile)
def test_matches_the_regex_oracle_on_hostile_text(text: str) -> None:
    assert_same(text)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_matches_the_regex_oracle_on_arbitrary_text(text: str) -> None:
    assert_same(text)


def test_matches_the_regex_oracle_on_crafted_cases() -> None:
    for text in ["Syrian-Democratic Forces", "Hay’at Tahrir al Sham", "HAYAT-TAHRIR-AL-SHAM", "ıSıS", "ISIS-held",
                 "-IS", "IS_", "IS1", "the Islamic State group said", "forces loyal to the regime", "DAMASCUS said",
                 "Damascus  claimed", "anti government forces", "ſyrian army", "KURDISH", "\u0130S", "IS\u0301",
                 "rebel rebels rebel", "the BBC Verify", "Turkish-backed rebel factions", "a" * 5000 + " IS",
                 "IS " * 2000, "", "IS", "troops’", "'troops'"]:
        assert_same(text)


def test_matches_the_regex_oracle_on_the_seeds_and_dev_set() -> None:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "benchmarks/devset/articles").glob("*.txt"))
    assert len(paths) >= 5
    for path in paths:
        assert_same(path.read_text(encoding="utf-8"))


@pytest.mark.slow
def test_fold_agrees_with_ignorecase_on_every_code_point() -> None:
    """Every code point: the fold lands on a key character exactly where the regex matches the alias character."""
    every = "".join(map(chr, range(0x110000)))
    folded = factions_module._fold(every)
    assert len(folded) == len(every)  # one character out for one in: offsets hold
    for char in sorted(set("".join(_ALIASES))):
        piece = re.compile(re.escape(char).replace(r"\-", "[- ]").replace("'", "['’]"), re.I)
        by_regex = {m.start() for m in piece.finditer(every)}
        keys = {"-", " "} if char == "-" else {char.lower()}
        by_fold = {i for i, c in enumerate(folded) if c in keys}
        assert by_regex == by_fold, (char, sorted(by_regex ^ by_fold)[:5])


@pytest.mark.slow
def test_word_test_agrees_with_the_regex_class_on_every_code_point() -> None:
    every = "".join(map(chr, range(0x110000)))
    by_regex = {m.start() for m in re.finditer(r"[\w-]", every)}
    assert by_regex == {i for i, c in enumerate(every) if factions_module._in_word(c)}
