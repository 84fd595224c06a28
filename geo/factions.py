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

import re
from dataclasses import dataclass

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
        "anti-government fighters", "armed groups", "militants", "militant groups", "militant group", "Military Operations Command",
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


def _pattern(aliases: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(a).replace(r"\-", "[- ]").replace("'", "['’]")
                            for a in sorted(aliases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.I)


_ALIAS_FACTION = {a.lower(): f for f, aliases in _SYRIA_ALIASES.items() for a in aliases}
_CASE_SENSITIVE = {a.lower(): a for a in ("IS", "AP", "HTS", "SNA", "SDF", "FSA", "SANA", "YPG", "ISIS", "ISIL", "SOHR",
                                           "ISW", "Damascus")}
_ALL = _pattern([*_ALIAS_FACTION, *MONITORS])
_MONITORS = {m.lower() for m in MONITORS}
_FACTION_BY_KEY: dict[str, str] = {}
for _alias, _faction in _ALIAS_FACTION.items():  # the first alias of a key wins, as in the table's order
    _FACTION_BY_KEY.setdefault(_alias.replace("-", " "), _faction)
_GOVERNMENT_VOICE = re.compile(r"\s+(?:says?|said|claims?|claimed|denied|denies)\b")


def faction_of(name: str) -> str | None:
    """The canonical faction of a name as written, or None when the table does not know it."""
    return _FACTION_BY_KEY.get(re.sub(r"[’]", "'", name.strip().lower()).replace("-", " "))


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
    for m in _ALL.finditer(text):
        written = m.group(0)
        canonical = _CASE_SENSITIVE.get(written.lower())
        if canonical is not None and written != canonical:
            continue  # "is", "ap", "damascus" in lower case are not actors
        if canonical == "Damascus" and not _GOVERNMENT_VOICE.match(text, m.end()):
            continue  # Damascus is an actor only as the government's voice
        lower = re.sub(r"[’]", "'", written.lower())
        if lower in _MONITORS or lower.replace(" ", "-") in _MONITORS:
            found.append(ActorMention(m.start(), m.end(), written, None, True))
            continue
        faction = faction_of(written)
        if not syria:
            faction = "unknown" if lower in _GENERIC else None
            if faction is None:
                continue
        found.append(ActorMention(m.start(), m.end(), written, faction))
    return found


def other_side(faction: str | None) -> str | None:
    """The usual opponent in a two-sided statement (government <-> opposition), else None."""
    return {"government": "opposition", "opposition": "government"}.get(faction or "")
