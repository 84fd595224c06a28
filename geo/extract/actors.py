"""Factions and monitors named in text, resolved through the theatre of the article.

One Aho-Corasick automaton holds the aliases and generic words of every theatre
(:mod:`geo.theatres`) and the monitors' names. :meth:`ActorIndex.spans` finds where names
stand in a text, the same for every theatre; :meth:`ActorIndex.votes` says which theatres
the specific names point to ("RSF" only to Sudan, "HTS" only to Syria); and
:meth:`ActorIndex.resolve` turns the spans into :class:`ActorMention` records with the
faction each name means in the article's theatre: "Russian forces" are ``government``
in Syria and ``russia`` in Ukraine, "the army" is whatever the theatre's generic words
say. In an article of no known theatre only generic words count, as ``unknown``.

Matching rules
--------------
* Case-insensitive on word boundaries (a name never touches a letter, digit, underscore or
  hyphen, except the hyphen of "-led": "the M23-led alliance" is the M23's); where names
  overlap the longest wins ("the Army of Conquest" is the alliance, not "the army"), then
  the leftmost; each hyphen of a name also matches a space.
* A name known to a theatre only without its article ("rebels") also counts with it ("the
  rebels").
* The words for a state's own forces ("the Armed Forces", "the national army") are the
  theatre's government when its file does not say otherwise.
* A name written in capitals only ("IS", "AP", "HTS", "M23", "SANA") matches only in
  capitals: "is" and "ap" are words.
* A generic name after a backer ("Turkish-backed armed groups", "Turkish-backed Syrian
  rebels") is the faction the theatre gives the backer's forces ("Turkish-backed forces":
  the SNA), when it has one; so is a generic name after a leader's ("Haftar's militias" are
  "Haftar's forces").
* A single-word name that is also a big city ("Damascus" as the Syrian government's voice)
  counts only as a speaker, directly before a verb of saying; elsewhere it is the place.
  Which names those are the caller says (``voice_only``), from its gazetteer.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

import ahocorasick

from geo.extract.prefilter import LiteralGate
from geo.theatres import UNKNOWN, Theatre, fold, packaged_theatres, theatre_for_countries
from geo.theatres.loader import GOVERNMENT_WORDS

__all__ = ["MONITORS", "STATE_FORCES", "STATE_WORDS", "ActorIndex", "ActorMention", "actor_index", "coreferent",
           "in_outlet_usage", "infer_theatre"]

#: Monitors and verifiers: they report or verify, they do not fight (the same in every war).
MONITORS: tuple[str, ...] = (
    "Syrian Observatory for Human Rights", "Syrian Observatory", "SOHR", "BBC Verify", "the BBC", "BBC",
    "Reuters", "AFP", "the Associated Press", "AP", "the UN", "United Nations", "ACLED", "ISW",
    "Institute for the Study of War", "monitors", "a war monitor", "the monitor", "activists", "witnesses",
    "residents", "analysts", "journalists", "DeepState", "Airwars", "Sudan Doctors Network", "OCHA",
    "MONUSCO", "UN peacekeepers", "UNIFIL", "UNIFIL peacekeepers", "United Nations Interim Force in Lebanon",
    "UN Interim Force in Lebanon", "MINUSCA", "MINUSCA peacekeepers",
    "United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic",
    "Radio Ndeke Luka", "Corbeau News", "Corbeau News Centrafrique",
)
#: Words for a state's own forces in any war: the theatre's government unless the theatre says otherwise.
STATE_FORCES: tuple[str, ...] = ("armed forces", "the armed forces", "national army", "the national army",
                                 "regular army", "the regular army", "state forces", "regular forces",
                                 "federal forces", "federal troops", "federal soldiers", "federal army",
                                 "the federal army")
#: A name that leads what follows it ("the M23-led rebel alliance", "RSF-led forces"): the name still counts.
_LED = re.compile(r"-led\b")
_SPEECH = re.compile(r"\s+(?:says?|said|claims?|claimed|denied|denies|announced|announces|admitted|admits|conceded|"
                     r"concedes|acknowledged|acknowledges|confirmed|confirms|insisted|insists|stated|states)\b")
_CAPITALS_ONLY = re.compile(r"[A-Z0-9&]+")
_ARTICLE = re.compile(r"^(?:the|an?)\s+", re.IGNORECASE)
#: A leader's name before a generic name: "Haftar's militias" are whoever "Haftar's forces" are.
_LEADER = re.compile(r"\b([A-Z][\w-]+['’]s)\s+$")
#: A backer before a generic name, perhaps with a nationality between: "Turkish-backed armed groups",
#: "Rwandan-backed rebels", "Turkish-backed Syrian rebels".
_BACKED = re.compile(r"\b([A-Z][\w]*-(?:backed|led|allied|aligned|supported|sponsored))\s+"
                     r"(?:[A-Z][a-z]+(?:an|ian|ese|ish|i)\s+)?$")
#: A generic state word as the backer of armed men: "government-allied forces", "army-backed militias",
#: "regime-aligned fighters" fight for the side the theatre gives that word.
_STATE_BACKED = re.compile(r"(?<![\w-])(government|regime|army|military|junta)-(?:backed|allied|aligned|supported|"
                           r"sponsored)\s+(?:forces|fighters|troops|militias?|militiamen|gunmen|tribesmen|units|"
                           r"paramilitaries|groups)\b", re.I)
#: :data:`_BACKED` tried only before the words it needs ("-backed", "-led" ...).
_BACKED_GATE = LiteralGate(_BACKED)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A faction or monitor named in text (``faction`` None for a monitor).

    ``open_army`` marks a bare word for a state's forces whose state the theatre's words leave
    open ("the army" where it is ``unknown``, "the armed forces" taken for the government by
    default): an outlet's usage (:func:`in_outlet_usage`) or the place it acts on may tell which.
    """

    start: int
    end: int
    text: str
    faction: str | None
    monitor: bool = False
    open_army: bool = False


def _char_fold(text: str) -> str:
    """Fold *text* one character for one, so that offsets into the fold are offsets into *text*.

    Lower case, with 'İ', 'ı', 'ſ' as 'i', 'i', 's' and typographic apostrophes as ``'``:
    what ``re.IGNORECASE`` equates with ASCII letters, without ``str.lower`` lengthening 'İ'.
    """
    return text.replace("İ", "i").lower().replace("ı", "i").replace("ſ", "s").replace("’", "'").replace("‘", "'")


def _spellings(name: str) -> set[str]:
    """Spell *name* char-folded, each hyphen once as a hyphen and once as a space."""
    parts = _char_fold(" ".join(name.split())).split("-")
    return {"".join(part + sep for part, sep in zip(parts, (*seps, ""), strict=True))
            for seps in itertools.product("- ", repeat=len(parts) - 1)}


def _in_word(char: str) -> bool:
    return char.isalnum() or char == "_" or char == "-"


#: What a shared name adds in a theatre where it begins its faction's label: a tie-breaker, far below any name's or
#: place's weight.
OWN_NAME_EDGE = 1e-6


def _first_word(name: str) -> str:
    """Return the first word of a name, folded ("Russian forces and allies" -> "russian")."""
    m = re.match(r"\W*([^\W\d_][\w'’-]*)", name)  # "Turkish-backed factions": "turkish-backed", not "turkish"
    return fold(m.group(1)) if m else ""


class ActorIndex:
    """The names of every faction of the given theatres, their generic words and the monitors.

    Parameters
    ----------
    theatres : sequence of Theatre
        The theatres whose names are known; an article's theatre must be among them.
    """

    def __init__(self, theatres: Sequence[Theatre]) -> None:
        self.theatres = {t.id: t for t in theatres}
        names: set[str] = set(MONITORS)
        self._specific: dict[str, frozenset[str]] = {}
        generic: set[str] = set()
        owners: dict[str, set[str]] = {}
        own: dict[str, set[str]] = {}
        for theatre in theatres:
            for faction in theatre.factions:
                first = _first_word(faction.label)
                for alias in faction.names:
                    names.add(alias)
                    owners.setdefault(fold(alias), set()).add(theatre.id)
                    if first and _first_word(alias) == first:
                        own.setdefault(fold(alias), set()).add(theatre.id)
            for word, _ in theatre.generic:
                names.add(word)
                generic.add(fold(word))
        names.update(STATE_FORCES)
        generic.update(fold(w) for w in STATE_FORCES)
        names.update(GOVERNMENT_WORDS)  # every war's, when its theatre does not name them (Theatre.faction_of)
        generic.update(fold(w) for w in GOVERNMENT_WORDS)
        self._state = frozenset(fold(w) for w in STATE_FORCES)
        self._specific = {key: frozenset(ids) for key, ids in owners.items()}
        # a name shared by theatres, in those where it begins the label of its faction ("Russian forces" in Ukraine,
        # where the faction is Russia's; not in Syria or the Sahel, where Russia is an ally of the government)
        self._own = {key: frozenset(ids) for key, ids in own.items() if len(owners[key]) > 1 and ids != owners[key]}
        self._generic = frozenset(generic)
        self._monitors = frozenset(fold(m) for m in MONITORS)
        self._capitals = frozenset(fold(n) for n in names if _CAPITALS_ONLY.fullmatch(n))
        self._automaton = ahocorasick.Automaton()
        for name in names:
            for key in _spellings(name):
                self._automaton.add_word(key, len(key))
        self._automaton.make_automaton()

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Return the ``(start, end)`` of every name in *text*, leftmost first, longest at its start."""
        return list(self._spans(text))

    def _spans(self, text: str) -> Iterator[tuple[int, int]]:
        candidates: list[tuple[int, int]] = []
        last = len(text)
        for final, length in self._automaton.iter(_char_fold(text)):
            start, end = final + 1 - length, final + 1
            if (start and _in_word(text[start - 1])) or (end < last and _in_word(text[end])
                                                           and not _LED.match(text, end)):
                continue
            candidates.append((start, end))
        candidates.extend(m.span() for m in _STATE_BACKED.finditer(text))
        starts: list[int] = []  # the names kept so far, disjoint, by start (so also by end)
        ends: list[int] = []
        for start, end in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
            k = bisect.bisect_left(starts, end)  # the kept names starting before this one ends
            if k and ends[k - 1] > start:
                continue  # overlaps the last of them (the only one that can)
            starts.insert(k, start)
            ends.insert(k, end)
        yield from zip(starts, ends, strict=True)

    def _written_ok(self, written: str) -> bool:
        """Whether a name written so may count (capitals-only names must be written in capitals)."""
        return fold(written) not in self._capitals or bool(_CAPITALS_ONLY.fullmatch(written))

    def votes(self, text: str, spans: Iterable[tuple[int, int]]) -> dict[str, float]:
        """Return how strongly the names in *spans* point to each theatre.

        A name that is an alias in n theatres gives each of them 1/n, and a little more
        (:data:`OWN_NAME_EDGE`, enough to break a tie and nothing else) to those where it
        begins the label of its faction: "Russian forces" alone is Russia's war in Ukraine
        before an ally's in Syria. Generic words and monitors give nothing.
        """
        out: dict[str, float] = {}
        for start, end in spans:
            written = text[start:end]
            key = fold(written)
            owners = self._specific.get(key)
            if owners and self._written_ok(written):
                own = self._own.get(key, frozenset())
                for theatre_id in owners:
                    edge = OWN_NAME_EDGE if theatre_id in own else 0.0
                    out[theatre_id] = out.get(theatre_id, 0.0) + 1 / len(owners) + edge
        return out

    def resolve(self, text: str, spans: Iterable[tuple[int, int]], theatre: Theatre | None,
                voice_only: Callable[[str], bool] | None = None) -> list[ActorMention]:
        """Return the actors of *spans* as the *theatre* reads them.

        Parameters
        ----------
        text : str
            The text the spans index.
        spans : iterable of (start, end)
            From :meth:`spans`.
        theatre : Theatre or None
            The article's theatre; None: only generic words count, as ``unknown``.
        voice_only : callable, optional
            True for a single-word name that is also a place and counts only as a speaker.
        """
        found = []
        for start, end in spans:
            written = text[start:end]
            if not self._written_ok(written):
                continue
            key = fold(written)
            if key in self._monitors:
                found.append(ActorMention(start, end, written, None, True))
                continue
            bare = _ARTICLE.sub("", written, count=1)
            backed_by = _STATE_BACKED.fullmatch(written)
            if backed_by is not None:  # "government-allied forces": the government's side, else unknown
                word = backed_by.group(1)
                sides = (theatre.faction_of(name) for name in (f"{word} forces", word, f"the {word}")) \
                    if theatre is not None else iter(())
                found.append(ActorMention(start, end, written, next((f for f in sides if f), UNKNOWN)))
                continue
            open_army = False
            if theatre is not None:
                faction = theatre.faction_of(written)
                if faction is None and bare != written:
                    faction = theatre.faction_of(bare)
                open_army = faction == UNKNOWN and fold(bare) in STATE_WORDS
                if faction is None and key in self._state:  # "the Armed Forces" in SUNA's words: the army
                    faction, open_army = theatre.government, True
                if faction is None:  # "Islamist militants" where the theatre knows only "militants"
                    faction = _by_head(theatre, bare)
                non_state = _NON_STATE_BEFORE.search(text, max(0, start - 20), start) \
                    if key in self._generic and fold(bare) in _STATE_NOUNS else None
                if non_state is not None:  # "an ethnic army", "rebel troops": not the state's; the theatre's
                    word = non_state.group(1)  # rebels if it names them ("rebel forces" = "rebels"), else unknown
                    faction = next((f for f in (theatre.faction_of(f"{word} {noun}") for noun in ("forces", "fighters"))
                                    if f is not None), None) or theatre.faction_of(f"{word}s") or UNKNOWN
                    open_army = False
                elif key in self._generic:  # "the Turkish regime's forces", "the Rwandan army": that state's
                    nation = _NATION_BEFORE.search(text, max(0, start - 30), start)
                    if nation is not None:
                        nouns = (bare, "forces", "army", "troops") if fold(bare) in _STATE_NOUNS else (bare,)
                        own = next((f for f in (theatre.faction_of(f"{nation.group(1)} {noun}", generic=False)
                                                for noun in nouns) if f is not None), None)
                        if own is not None:
                            found.append(ActorMention(nation.start(1), end, text[nation.start(1):end], own))
                            continue
                        open_army = False  # "the Chadian army": a state's the theatre does not list, not one left open
            else:
                faction = UNKNOWN if key in self._generic else None
            if faction is None:
                continue
            if " " not in key and key not in self._capitals and voice_only is not None \
                    and voice_only(written) and not _SPEECH.match(text, end):
                continue
            backer = _BACKED_GATE.search(text, max(0, start - 40), start) if theatre is not None else None
            if backer is None and theatre is not None:
                backer = _LEADER.search(text, max(0, start - 30), start)
            if backer is not None and theatre is not None:  # "Turkish-backed armed groups" are the SNA
                named = next((f for f in (theatre.faction_of(f"{backer.group(1)} {noun}", generic=False) for noun in
                                          (written, bare, "forces", "fighters", "factions", "rebels"))
                              if f is not None), None)
                if named is not None:
                    found.append(ActorMention(backer.start(), end, text[backer.start():end], named))
                    continue
            found.append(ActorMention(start, end, written, faction, open_army=open_army and backer is None))
        return _heads_of_names(text, found)

    def actors(self, text: str, theatre: Theatre | None) -> list[ActorMention]:
        """Find and resolve the actors of a short text (a phrase) in one call."""
        return self.resolve(text, self.spans(text), theatre)


#: Between a generic word and the side it fights for: "fighters loyal to the GNU", "militias allied with the army",
#: "rebels of the Arakan Army".
_LOYAL_TO = re.compile(r"\s+(?:(?:loyal|allied|affiliated|aligned)\s+(?:to|with)|of|from)\s+(?:the\s+)?", re.I)


#: Between a side's name and a generic word it qualifies: a space, or its abbreviation's closing bracket ("the Syrian
#: National Army (SNA) factions").
_NAME_TO_HEAD = re.compile(r"\s+|\s*\)\s+")
#: Generic words for a side's members, which a side's name right before them makes that side's ("RDF troops").
_MEMBER_NOUNS = frozenset({"troops", "soldiers", "forces", "fighters", "militants", "militiamen", "units", "army",
                           "rebels", "insurgents", "jihadists", "gunmen", "paramilitaries", "militias", "militia"})


def _heads_of_names(text: str, found: list[ActorMention]) -> list[ActorMention]:
    """Give a generic word the side named with it.

    Right after a side's own name ("Pyu Saw Htee militias", "Wagner mercenaries") or right
    before "loyal to" or "of" it ("fighters loyal to the GNU", "militias allied with the SAF",
    "rebels of the Arakan Army").
    """
    out = list(found)
    for k in range(1, len(out)):
        before, after = out[k - 1], out[k]
        if before.end >= after.start or before.monitor or after.monitor:
            continue
        gap = text[before.end : after.start]
        if before.faction not in (None, UNKNOWN) and _NAME_TO_HEAD.fullmatch(gap) and (
                after.faction == UNKNOWN or fold(after.text) in _MEMBER_NOUNS):
            out[k] = replace(after, faction=before.faction)  # "Wagner mercenaries", "RDF troops" (not Mozambique's)
        elif before.faction == UNKNOWN and after.faction not in (None, UNKNOWN) and _LOYAL_TO.fullmatch(gap):
            out[k - 1] = replace(before, faction=after.faction)
    return out


#: Generic words for a state's forces, which a nationality before them makes that state's.
_STATE_NOUNS = frozenset({"regime", "army", "military", "troops", "forces", "soldiers", "government",
                          "government forces", "government troops", "armed forces", "security forces"})
#: A word that makes a state's noun a non-state group's: "an ethnic army", "insurgent forces", "resistance troops".
_NON_STATE_BEFORE = re.compile(r"(?<![\w-])((?:ethnic|rebel|insurgent|resistance|separatist|secessionist|jihadist|"
                               r"guerrilla|tribal|militia|paramilitary|mercenary|private|volunteer))\s+$", re.I)
#: A nationality right before a generic word: "the Turkish regime", "the Rwandan army" (not a sentence's "The").
_NATION_BEFORE = re.compile(r"(?<![\w-])([A-Z][a-z]+(?:ian|ese|ish|i|an))\s+$")


def _by_head(theatre: Theatre, name: str) -> str | None:
    """Return the faction of the longest tail of *name* the theatre knows ("Sunni Islamist militants": "militants")."""
    words = name.split()
    for k in range(1, len(words)):
        faction = theatre.faction_of(" ".join(words[k:]))
        if faction is not None:
            return faction
    return None


#: A possessive before a generic name: "its troops", "their fighters" belong to the side named before.
_POSSESSIVE = re.compile(r"\b(?:its|their)\s+(?:own\s+)?$", re.I)
#: A group referred back to: "the group", "the armed group", "the movement" (not "the group of forces").
_GROUP = re.compile(r"\b[Tt]he\s+(?:(?:armed|rebel|militant|insurgent|jihadist|ethnic|ethnic\s+armed|Islamist|"
                    r"separatist|paramilitary)\s+)?(?:group|movement|alliance|organi[sz]ation)\b(?!\s+of\b)")
#: Generic words for a state's forces (folded, without an article): in a theatre of several states' armies, the one
#: the article names, or the one of the place it acts on.
STATE_WORDS = frozenset({"army", "military", "troops", "soldiers", "junta", "government forces", "government troops",
                         "government soldiers",
                         "security forces", "armed forces", "national army", "defence and security forces",
                         "defense and security forces"})
#: Generic words that refer back to the one side the article named with them ("M23 rebels ... the rebels").
_HEADS = frozenset({"jihadists", "militants", "insurgents", "extremists", "separatists", "rebels", "militiamen",
                    "gunmen", "fighters", "terrorists", "paramilitaries"})
#: Generic words for an armed group that, in an article naming one armed group only, are that group.
_GROUP_HEADS = frozenset({"militants", "jihadists", "extremists", "insurgents", "terrorists"})
#: How far back the side of a possessive may be named in its own sentence.
_POSSESSOR_REACH = 120


#: The opening and closing of a short form in parentheses right after a name: "Free Syrian Army (FSA)".
_OPEN_PAREN = re.compile(r"\s*\(\s*$")
_CLOSE_PAREN = re.compile(r"\s*\)")


def _abbreviated(text: str, actors: Sequence[ActorMention]) -> list[ActorMention]:
    """Return the mentions with a short form in parentheses given the side of the name it abbreviates.

    "Turkish-backed Free Syrian Army (FSA) fighters": the FSA here is the Turkish-backed
    factions the name before it says, whatever the bare "FSA" means elsewhere.
    """
    out = list(actors)
    for k in range(1, len(out)):
        before, a = out[k - 1], out[k]
        if before.faction in (None, UNKNOWN) or before.monitor or a.faction == before.faction or a.monitor:
            continue
        if _OPEN_PAREN.fullmatch(text, before.end, a.start) and _CLOSE_PAREN.match(text, a.end):
            out[k] = replace(a, faction=before.faction, open_army=False)
    return out


def coreferent(text: str, actors: Sequence[ActorMention], theatre: Theatre | None) -> list[ActorMention]:
    """Resolve the names that refer back to a side named before them.

    * A generic name after "its"/"their" ("fell to its troops", "the army said its units")
      is the side of the nearest faction named before it, close by (else the last side
      named by its own name): not whatever the theatre's generic word would make of it.
    * In a theatre of several states' armies (the Sahel), a generic word that names none of
      them ("the army", "troops") is the army the article has named most so far.
    * "The militants", "the jihadists", "the extremists" are the one armed group (not a state's
      army) the article names by its own name, when it names exactly one.
    * "The group", "the armed group", "the movement" are the side other than the government
      named most often so far (the latest of equals): the side the article is
      about, not a militia named once in passing (a state's army is not "the group").

    Parameters
    ----------
    text : str
        The article text the mentions index.
    actors : sequence of ActorMention
        The resolved mentions, in text order (:meth:`ActorIndex.resolve`).
    theatre : Theatre or None
        The article's theatre (None: the mentions are returned as they are).

    Returns
    -------
    list of ActorMention
        In text order, with the groups referred back to added.
    """
    if theatre is None:
        return list(actors)
    actors = _abbreviated(text, actors)
    starts = [a.start for a in actors]
    groups = []
    for m in _GROUP.finditer(text):
        k = bisect.bisect_left(starts, m.end())  # the names starting before the group's end
        if not (k and actors[k - 1].end > m.start()):
            groups.append(ActorMention(m.start(), m.end(), m.group(0), None))
    armies = frozenset(f.id for f in theatre.factions if f.state) | {theatre.government}
    vague = len(armies) > 1 and any(a.faction == UNKNOWN and not a.monitor for a in actors)
    bare_heads = any(a.text.rsplit(None, 1)[-1].lower() in _HEADS and _ARTICLE.sub("", fold(a.text), count=1) in _HEADS
                     for a in actors)
    if not groups and not vague and not bare_heads and not any(_POSSESSIVE.search(text, max(0, a.start - 12), a.start)
                                                               for a in actors):
        return list(actors)  # nothing refers back
    armed_groups = {f.id for f in theatre.factions if not f.state} - {theatre.government, UNKNOWN}
    specific = {own for a in actors if not a.monitor
                for own in (theatre.faction_of(a.text, generic=False)
                            or theatre.faction_of(_ARTICLE.sub("", a.text), generic=False),) if own in armed_groups}
    only_group = next(iter(specific)) if len(specific) == 1 else None  # the one armed group the article names
    out: list[ActorMention] = []
    named: str | None = None  # the last side named by its own name
    rebels: Counter[str] = Counter()  # the sides not the government named so far, by how often
    states: Counter[str] = Counter()  # the states' armies named so far, by how often
    last_seen: dict[str, int] = {}
    by_head: dict[str, set[str]] = {}  # "jihadists" -> the sides named "<name> jihadists" so far
    for a in sorted([*actors, *groups], key=lambda m: m.start):
        if a.monitor:
            out.append(a)
            continue
        if a.faction is None:  # a group referred back to: the side the article has been about, the latest of equals
            if rebels:
                out.append(replace(a, faction=max(rebels, key=lambda f: (rebels[f], last_seen[f]))))
            continue
        own = theatre.faction_of(a.text, generic=False) or theatre.faction_of(_ARTICLE.sub("", a.text), generic=False)
        folded = fold(a.text)
        words = folded.split()
        if own is not None and own != UNKNOWN and len(words) > 1 and words[-1] in _HEADS:
            by_head.setdefault(words[-1], set()).add(own)
        head = _ARTICLE.sub("", folded, count=1)
        if own is None and head in _HEADS and a.faction not in (None, UNKNOWN) \
                and a.faction != theatre.faction_of(head):
            by_head.setdefault(head, set()).add(a.faction)  # "Rebels from the TPLF ... the rebels had taken Lalibela"
        possessive = _POSSESSIVE.search(text, max(0, a.start - 12), a.start)
        if own is None and len(by_head.get(head, ())) == 1 and not possessive:
            a = replace(a, faction=next(iter(by_head[head])))  # "Islamic State jihadists ... the jihadists' capture"
        elif own is None and head in _GROUP_HEADS and only_group is not None and a.faction != only_group \
                and not possessive:  # "Islamic State ... The militants overran": the one armed group named
            a = replace(a, faction=only_group)
        if own is None and possessive:
            near = [b for b in out if b.faction and b.faction != UNKNOWN and a.start - b.end <= _POSSESSOR_REACH]
            side = near[-1].faction if near else named
            if side is not None:
                a = replace(a, faction=side)
        elif a.faction == UNKNOWN and vague and states and \
                _ARTICLE.sub("", fold(a.text), count=1) in STATE_WORDS:  # "the army" of three: the one named
            a = replace(a, faction=max(states, key=lambda f: (states[f], last_seen[f])))
        else:
            if own is not None and own != UNKNOWN:
                named = own
            if a.faction in armies:
                states[a.faction] += 1
                last_seen[a.faction] = a.start
            if a.faction is not None and a.faction not in (UNKNOWN, theatre.government):  # "militants" count too
                rebels[a.faction] += 1
                last_seen[a.faction] = a.start
        out.append(a)
    return out


def in_outlet_usage(actors: Sequence[ActorMention], theatre: Theatre | None, source: str | None) -> list[ActorMention]:
    """Read the bare words for a state's forces as the article's outlet uses them.

    A side's own media call its forces "the army" or "the armed forces" (the Houthi-run Saba
    agency the Houthis', TASS Russia's): in an article whose source is an outlet the theatre
    declares (:meth:`geo.theatres.Theatre.outlet_side`), a word for a state's forces whose state
    the theatre's words leave open (:attr:`ActorMention.open_army`) is that outlet's side.

    Parameters
    ----------
    actors : sequence of ActorMention
        The resolved mentions (:meth:`ActorIndex.resolve`).
    theatre : Theatre or None
        The article's theatre.
    source : str or None
        The article's source field.

    Returns
    -------
    list of ActorMention
        The mentions, those words given the outlet's side.
    """
    side = theatre.outlet_side(source) if theatre is not None else None
    if side is None:
        return list(actors)
    return [replace(a, faction=side, open_army=False) if a.open_army else a for a in actors]


@functools.cache
def actor_index() -> ActorIndex:
    """Return the index of the packaged theatres (built once per process)."""
    return ActorIndex(tuple(packaged_theatres().values()))


def infer_theatre(countries: Counter[str], votes: Mapping[str, float], theatres: Iterable[Theatre]) -> Theatre | None:
    """Pick the theatre an article is about, from the countries of its places and its faction names.

    Parameters
    ----------
    countries : Counter
        ISO country code -> how many place mentions of the article are in that country.
    votes : mapping
        Theatre id -> :meth:`ActorIndex.votes` of the article's names; each counts as
        :data:`geo.theatres.loader.NAME_WEIGHT` place mentions.
    theatres : iterable of Theatre
        The candidates.

    Returns
    -------
    Theatre or None
        The theatre with the most weight (places in its countries, plus names); among
        equals, the most weight in its context countries, then the fewest countries. None
        when nothing points to any theatre or two stay tied.

    Examples
    --------
    >>> from collections import Counter
    >>> from geo.theatres import packaged_theatres
    >>> infer_theatre(Counter({"UA": 3, "RU": 1}), Counter(), packaged_theatres().values()).id
    'ukraine'
    >>> infer_theatre(Counter(), {"sudan": 1.0}, packaged_theatres().values()).id
    'sudan'
    """
    return theatre_for_countries(countries, theatres, names=votes)
