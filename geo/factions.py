"""Factions: the canonical ids, the one alias table that maps names in text onto them, colours.

The alias table is the only place where a name as written ("HTS", "pro-regime forces",
"Kurdish-led fighters") becomes a faction. Aliases are matched case-insensitively on word
boundaries, longest first, so "Syrian Democratic Forces" is ``sdf`` and never the
government's "forces". Names of outside powers that back one side ("Russian forces",
"Hezbollah") map to the side they fight for in Syria; in a text about another war the
extractor keeps only the theatre-neutral aliases (see :func:`find_actors`).

Colours are the Okabe–Ito palette, distinguishable with the common colour-vision
deficiencies, and fixed so that a faction has the same colour in every map and export.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

import ahocorasick

__all__ = ["FACTIONS", "FACTION_COLOURS", "FACTION_LABELS", "ActorMention", "find_actors", "faction_of",
           "MONITORS", "other_side"]

FACTIONS: tuple[str, ...] = ("government", "opposition", "sna", "sdf", "islamic_state", "unknown")

FACTION_LABELS: dict[str, str] = {
    "government": "Government and allies",
    "opposition": "Opposition (HTS and allied rebels)",
    "sna": "Turkish-backed factions (SNA)",
    "sdf": "SDF / Kurdish-led forces",
    "islamic_state": "Islamic State",
    "unknown": "Unknown",
}

#: Okabe–Ito colours (colour-blind safe).
FACTION_COLOURS: dict[str, str] = {
    "government": "#D55E00",
    "opposition": "#009E73",
    "sna": "#0072B2",
    "sdf": "#F0E442",
    "islamic_state": "#000000",
    "unknown": "#999999",
}

_SYRIA_ALIASES: dict[str, tuple[str, ...]] = {
    "opposition": (
        "Hayat Tahrir al-Sham", "Hayat Tahrir al Sham", "Hay'at Tahrir al-Sham", "HTS", "Jabhat al-Nusra",
        "Jabhat al Nusra", "al-Nusra Front", "Nusra Front", "Jabhat Fateh al-Sham", "Jabhat Fatah al-Sham",
        "Jabhat Fateh al Sham", "Jaysh al-Fateh", "Jaysh al Fateh", "Jaish al-Fatah", "Army of Conquest",
        "Ahrar al-Sham", "Ahrar al Sham", "Free Syrian Army", "FSA", "Islamist fighters", "Islamist militants",
        "Islamist rebels", "jihadist fighters", "jihadists", "rebel forces", "rebel fighters", "rebel groups",
        "rebel alliance", "rebel coalition", "rebel factions", "rebels", "rebel", "insurgents", "opposition forces",
        "opposition fighters", "opposition groups", "opposition", "anti-government forces",
        "anti-government fighters", "armed groups", "militants", "militant groups", "militant group",
        "Military Operations Command",
        "Southern Operations Room", "local rebels", "Druze fighters", "Druze factions",
    ),
    "government": (
        "Syrian government forces", "government forces", "government troops", "government",
        "pro-government forces", "pro-regime forces", "pro-regime militias", "pro-regime fighters",
        "regime forces", "regime", "Syrian army", "Syrian Arab Army", "army", "troops",
        "Syrian military", "Assad's forces", "Assad forces", "forces loyal to the regime",
        "forces loyal to President Bashar al-Assad", "loyalist forces", "loyalists", "Hezbollah", "Hizballah",
        "Iran-backed militias", "Iranian-backed militias", "Iran-backed groups", "Russian forces",
        "Russian air force", "Russian planes", "Russian warplanes", "Syrian state media", "state media",
        "state news agency", "SANA", "Syrian officials", "government officials", "Damascus",
    ),
    "sna": (
        "Syrian National Army", "SNA", "Turkish-backed factions", "Turkish-backed rebel factions",
        "Turkish-backed rebels", "Turkish-backed fighters", "Turkey-backed factions", "Turkish forces",
    ),
    "sdf": (
        "Syrian Democratic Forces", "SDF", "YPG", "People's Protection Units", "Kurdish forces",
        "Kurdish-led forces", "Kurdish fighters", "Kurdish-led fighters", "Kurdish militia",
        "Kurdish-led administration", "Kurdish officials", "Kurdish", "Kurdish commander",
    ),
    "islamic_state": (
        "Islamic State", "the Islamic State group", "IS", "ISIS", "ISIL", "Daesh", "jihadists of IS",
    ),
}

#: Monitors and verifiers: they report or verify, they do not fight.
MONITORS: tuple[str, ...] = (
    "Syrian Observatory for Human Rights", "Syrian Observatory", "SOHR", "BBC Verify", "the BBC", "BBC",
    "Reuters", "AFP", "the Associated Press", "AP", "the UN", "United Nations", "ACLED", "ISW",
    "Institute for the Study of War", "monitors", "a war monitor", "the monitor", "activists", "witnesses",
    "residents", "analysts", "journalists",
)

#: Aliases that mean the same anywhere (a "government" is a government in any war); the
#: others are specific to the Syrian theatre.
_GENERIC = frozenset({"government", "government forces", "the government", "government troops", "the army",
                      "army", "troops", "the military", "rebels", "rebel", "rebel forces", "rebel fighters",
                      "insurgents", "militants", "the opposition", "opposition", "opposition forces",
                      "opposition fighters", "armed groups", "state media", "government officials"})


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A faction or monitor named in text."""

    start: int
    end: int
    text: str
    faction: str | None  # None for a monitor
    monitor: bool = False


def _fold(text: str) -> str:
    """*text* folded so that an alias key matches where the alias matches case-insensitively.

    The fold keeps every character at its offset (one character in, one out) and maps
    each character that ``re.IGNORECASE`` matches against an ASCII letter onto that
    letter: ``str.lower`` does so except for 'İ' (which it lengthens), 'ı' and 'ſ'
    (already lower case). The right single quotation mark becomes an apostrophe. Hyphens
    stay hyphens: the keys spell each hyphen both ways (:func:`_keys`).
    """
    return text.replace("İ", "i").lower().replace("ı", "i").replace("ſ", "s").replace("’", "'")


def _keys(alias: str) -> set[str]:
    """Spell *alias* folded, each hyphen once as a hyphen and once as a space."""
    parts = alias.lower().split("-")
    return {"".join(part + sep for part, sep in zip(parts, (*seps, ""), strict=True))
            for seps in itertools.product("- ", repeat=len(parts) - 1)}


def _automaton(aliases: list[str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for alias in aliases:
        for key in _keys(alias):
            automaton.add_word(key, len(key))
    automaton.make_automaton()
    return automaton


_ALIAS_FACTION = {a.lower(): f for f, aliases in _SYRIA_ALIASES.items() for a in aliases}
_CASE_SENSITIVE = {a.lower(): a for a in ("IS", "AP", "HTS", "SNA", "SDF", "FSA", "SANA", "YPG", "ISIS", "ISIL", "SOHR",
                                           "ISW", "Damascus")}
_ALL = _automaton([*_ALIAS_FACTION, *MONITORS])
_MONITORS = {m.lower() for m in MONITORS}
_FACTION_BY_KEY: dict[str, str] = {}
for _alias, _faction in _ALIAS_FACTION.items():  # the first alias of a key wins, as in the table's order
    _FACTION_BY_KEY.setdefault(_alias.replace("-", " "), _faction)
_GOVERNMENT_VOICE = re.compile(r"\s+(?:says?|said|claims?|claimed|denied|denies)\b")


def faction_of(name: str) -> str | None:
    """Return the canonical faction of a name as written, or None when the table does not know it."""
    return _FACTION_BY_KEY.get(re.sub(r"[’]", "'", name.strip().lower()).replace("-", " "))


def _in_word(char: str) -> bool:
    r"""Whether *char* is in ``[\w-]`` (a character an alias may not touch)."""
    return char.isalnum() or char == "_" or char == "-"


def _alias_spans(text: str) -> Iterator[tuple[int, int]]:
    """Find the (start, end) of each alias in *text* as a regex alternation of the aliases would.

    Every alias occurrence that touches no letter, digit, underscore or hyphen on either
    side is a candidate; the leftmost candidate wins, the longest at its start, and the
    next search starts at its end (so no two spans overlap).
    """
    longest: dict[int, int] = {}
    last = len(text)
    for final, length in _ALL.iter(_fold(text)):
        start, end = final + 1 - length, final + 1
        if (start and _in_word(text[start - 1])) or (end < last and _in_word(text[end])):
            continue
        if end > longest.get(start, 0):
            longest[start] = end
    resume = 0
    for start in sorted(longest):
        if start >= resume:
            resume = longest[start]
            yield start, resume


def find_actors(text: str, *, syria: bool = True) -> list[ActorMention]:
    """Find factions and monitors named in *text*, longest alias first.

    Parameters
    ----------
    text : str
        A sentence or article.
    syria : bool, default True
        Whether the text is about the Syrian theatre. When False only theatre-neutral aliases
        ("rebels", "the army") map to factions, and of those only to ``unknown``: the
        canonical factions are Syria's, and "Russian forces" in Ukraine are not Assad's.
    """
    found = []
    for start, end in _alias_spans(text):
        written = text[start:end]
        canonical = _CASE_SENSITIVE.get(written.lower())
        if canonical is not None and written != canonical:
            continue  # "is", "ap", "damascus" in lower case are not actors
        if canonical == "Damascus" and not _GOVERNMENT_VOICE.match(text, end):
            continue  # Damascus is an actor only as the government's voice
        lower = re.sub(r"[’]", "'", written.lower())
        if lower in _MONITORS or lower.replace(" ", "-") in _MONITORS:
            found.append(ActorMention(start, end, written, None, True))
            continue
        faction = faction_of(written)
        if not syria:
            faction = "unknown" if lower in _GENERIC else None
            if faction is None:
                continue
        found.append(ActorMention(start, end, written, faction))
    return found


def other_side(faction: str | None) -> str | None:
    """Return the usual opponent in a two-sided statement (government <-> opposition), else None."""
    return {"government": "opposition", "opposition": "government"}.get(faction or "")
