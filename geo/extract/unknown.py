"""Events at places the gazetteer does not know, named in a place slot: reported, not dropped.

A sentence that has a control-change trigger ("seized", "fell to", "fighting inside") and a
capitalised name in a place slot, "the town of X", "the villages of X and Y", "X district",
"X camp", whose name the gazetteer does not know, gives an *unresolved* event: the name as
written, the trigger's kind, the sentence, and no ``place_id`` and no point. ``geo events``
lists it and ``geo places --unresolved`` counts such names, so that an analyst can add the
place (``geo gazetteer add``); the fold and the map never see it (they need a ``place_id``).

The rules, deliberately narrow (the main reading of events is :mod:`geo.extract.events`):

* only sentences with a trigger of :data:`geo.extract.lexicon.TRIGGERS` (among those the
  literal screen of :func:`geo.extract.context.event_candidates` picks) and without a hedge
  (:data:`geo.extract.lexicon.HEDGE`: "failed to take", "did not enter");
* the name: one to four capitalised words (an Arabic article ``al-`` may lead a word), not a
  faction or actor of the theatre, not a month or weekday, no demonym or side's qualifier
  ("Ukrainian-held"), and unknown to the gazetteer as a whole (no record one of whose names
  folds to it, and no known place that is all of it);
* a name the events of the same sentence already name is not repeated.

The event takes the date, sides and stance of an event of the same sentence when there is one;
otherwise it has no date and no sides. Its confidence is :data:`UNRESOLVED_CONFIDENCE`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import Any

from gazetteer import Gazetteer, normalize_name
from geo.extract import lexicon as lx
from geo.extract.context import WORDING_GATES, event_candidates
from geo.extract.prefilter import LiteralGate, LiteralScreen
from geo.model import Article, ControlEvent, DistanceMention, EventKind
from geo.theatres import Theatre

__all__ = ["with_unresolved", "unresolved_events", "place_slot_names", "place_mentions", "UNRESOLVED_CONFIDENCE"]

#: The confidence of an event whose place the gazetteer does not know.
UNRESOLVED_CONFIDENCE = 0.4

_WORD = r"(?:(?:al|el|ad|an|ar|as|ash|az|at)-)?[A-Z][\w'’]*(?:-[\w'’]+)*"
_NAME = rf"{_WORD}(?:\s+{_WORD}){{0,3}}"
_SLOT_NOUNS = (r"towns?|city|cities|villages?|hamlets?|settlements?|localit(?:y|ies)|camps?|districts?|townships?|"
               r"neighbou?rhoods?|suburbs?|quarters?|areas?|regions?|provinces?|count(?:y|ies)|communes?|"
               r"municipalit(?:y|ies)|oblasts?|governorates?|states?")
#: "the town of X", "the villages of X, Y and Z": the names after the noun.
_SLOT_BEFORE = re.compile(rf"\b(?:{_SLOT_NOUNS})\s+of\s+((?:{_NAME})(?:\s*(?:,|,?\s+and|,?\s+or)\s+(?:{_NAME}))*)")
#: "X district", "X camp", "X township": the name before the noun.
_SLOT_AFTER = re.compile(rf"\b({_NAME})\s+(?:district|township|camp|locality|neighbou?rhood|village|oblast|"
                         r"governorate|commune|county|municipality)\b")
#: Which triggers may match in a sentence: only those are tried (:mod:`geo.extract.prefilter`).
_TRIGGER_SCREEN = LiteralScreen([t.pattern for t in lx.TRIGGERS])
#: The place slots, tried only in the sentences that hold one of their nouns ("district", "village of").
_SLOT_BEFORE_GATE, _SLOT_AFTER_GATE = LiteralGate(_SLOT_BEFORE), LiteralGate(_SLOT_AFTER)
#: A verb of saying right after a name: the name is a speaker ("Radio Okapi reported").
_SAYS_AFTER = re.compile(r"\s+(?:said|says|reported|reports|quoted|added|announced|stated|told)\b", re.I)
_LIST_SPLIT = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+")
_NOT_NAMES = frozenset("""the a an this that these those his her their its our it he she they we
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december north south east west northern southern eastern western central
    upper lower greater new old""".split())


def place_slot_names(sentence: str) -> list[tuple[int, int, str]]:
    """Return the capitalised names in place slots of a sentence, as (start, end, name) in text order.

    Examples
    --------
    >>> [n for _, _, n in place_slot_names("Rebels seized the villages of Kibati and Rusayo.")]
    ['Kibati', 'Rusayo']
    >>> [n for _, _, n in place_slot_names("Fighting reached Tal Hamis district on Monday.")]
    ['Tal Hamis']
    >>> [n for _, _, n in place_slot_names("The KIA took Kachin State's Tanai township.")]
    ['Tanai']
    """
    found: dict[tuple[int, int], str] = {}
    for m in _SLOT_BEFORE_GATE.finditer(sentence):
        pos = m.start(1)
        for part in _LIST_SPLIT.split(m.group(1)):
            at = sentence.index(part, pos)
            pos = at + len(part)
            if _SAYS_AFTER.match(sentence, pos):
                break  # "the town of Merawi, Addis Standard reported": the speaker, not a place
            found[(at, pos)] = part
    for m in _SLOT_AFTER_GATE.finditer(sentence):
        found.setdefault((m.start(1), m.end(1)), m.group(1))
    names: list[tuple[int, int, str]] = []
    for (start, end), name in sorted(found.items()):
        words = name.split()
        while words and words[0].lower() in _NOT_NAMES:
            start += len(words[0]) + 1
            words.pop(0)
        owner = max((k for k, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))), default=None)
        if owner is not None:  # "Panjshir's Paryan district", "Kachin State's Chipwi township": the place owned
            start += len(" ".join(words[: owner + 1])) + 1
            words = words[owner + 1 :]
        if words and not any(s < end and start < e for s, e, _ in names):
            names.append((start, end, " ".join(words)))
    return names


#: A word that qualifies a side, not a place: "Ukrainian-held", "Russian-controlled", "Rwanda-backed".
_QUALIFIER = re.compile(r"-(?:held|controlled|backed|led|allied|run|occupied|aligned|based|supported|dominated)$")


def _known(gz: Gazetteer, name: str) -> bool:
    """Tell whether a name is no unknown place.

    That is a name the gazetteer knows (a record of that name, or a known place that is the
    whole of it), or one with a demonym or a side's qualifier in it ("Ukrainian-held").
    """
    if any(_QUALIFIER.search(word) for word in name.split()) or gz.candidates(name):
        return True
    return any(m.form == "demonym" or m.end - m.start >= len(name) - 1 for m in gz.find(name, demonyms=True))


def with_unresolved(article: Article, gz: Gazetteer, spans: Sequence[tuple[int, int]],
                    events: Sequence[ControlEvent], theatre: Theatre | None) -> list[ControlEvent]:
    """Return *events* with the article's unresolved events added, in text order.

    An unresolved event of the other readers whose name is the first words of a name in a
    place slot ("Taung" read from "captured Taung Pyo Letwe township") gives way to it.
    """
    unknown = unresolved_events(article, gz, spans, events, theatre)
    if not unknown:
        return list(events)
    longer = {(ev.start, normalize_name(ev.place)) for ev in unknown}
    kept = [ev for ev in events if ev.place_id is not None or not any(
        start == ev.start and name.startswith(normalize_name(ev.place) + " ") for start, name in longer)]
    return sorted([*kept, *unknown], key=lambda ev: ev.start)


def unresolved_events(article: Article, gz: Gazetteer, spans: Sequence[tuple[int, int]],
                      events: Sequence[ControlEvent], theatre: Theatre | None) -> list[ControlEvent]:
    """Return the unresolved events of an article: triggers with an unknown name in a place slot.

    Parameters
    ----------
    article : Article
        The article.
    gz : Gazetteer
        Tells which names are known.
    spans : sequence of (start, end)
        The article's sentences.
    events : sequence of ControlEvent
        The events already read from the article (their places are not reported again).
    theatre : Theatre or None
        The war the article was read as: its factions' names are no place.

    Returns
    -------
    list of ControlEvent
        In text order, each with ``place_id``, ``lat`` and ``lon`` None.
    """
    text = article.text
    by_sentence: dict[int, list[ControlEvent]] = {}
    for ev in events:
        by_sentence.setdefault(ev.start, []).append(ev)
    known: dict[str, bool] = {}
    out = []
    for (s, e), _ in event_candidates(text, spans):  # the sentences a trigger's literal words are in
        sentence = text[s:e]
        names = place_slot_names(sentence)
        if not names or lx.HEDGE.search(sentence):
            continue
        trigger: tuple[int, lx.Trigger] | None = None  # the sentence's first trigger, found once a name needs it
        siblings = by_sentence.get(s, [])
        named = {normalize_name(ev.place) for ev in siblings if ev.place_id is not None}
        named |= {normalize_name(ev.place) for ev in siblings if ev.place_id is None
                  and not any(normalize_name(n).startswith(normalize_name(ev.place) + " ") for _, _, n in names)}
        for start, _, name in names:
            key = normalize_name(name)
            if not key or key in named or (theatre is not None and theatre.faction_of(name) is not None):
                continue
            if trigger is None:
                trigger = _first_trigger(sentence)
                if trigger is None:
                    break  # no trigger in the sentence: none of its names is an event's
            if name not in known:
                known[name] = _known(gz, name)
            if known[name]:
                continue
            named.add(key)
            out.append(_event(article, s, e, start, name, trigger[1].kind, siblings, theatre))
    return out


def _first_trigger(sentence: str) -> tuple[int, lx.Trigger] | None:
    """Return the offset and trigger of the first trigger match in a sentence, else None."""
    screened = _TRIGGER_SCREEN.candidates(sentence, ((0, len(sentence)),)).get(0, ())
    return min(((m.start(), t) for k, t in enumerate(lx.TRIGGERS)
                if k in screened and (m := WORDING_GATES[k].search(sentence))  # t.pattern's first match
                and lx.read_here(t, sentence, 0, m.start())),
               default=None, key=lambda found: found[0])


def _event(article: Article, s: int, e: int, start: int, name: str, kind: EventKind,
           siblings: Sequence[ControlEvent], theatre: Theatre | None) -> ControlEvent:
    """Return the unresolved event of *name*, with the date, sides and stance of a sibling event of its sentence."""
    like = next((ev for ev in siblings if ev.kind == kind), siblings[0] if siblings else None)
    digest = hashlib.sha1(f"{article.id}:{s}:{start}:unresolved:{name}".encode()).hexdigest()[:12]
    return ControlEvent(
        id=digest, article=article.id, published=article.published, place=name, place_id=None, lat=None, lon=None,
        geo_precision=1, date=like.date if like else None, date_end=like.date_end if like else None,
        date_precision=like.date_precision if like else None, time_text=like.time_text if like else None,
        kind=kind,
        actor_gaining=like.actor_gaining if like else None, actor_losing=like.actor_losing if like else None,
        stance=like.stance if like else "reported", attributed_to=like.attributed_to if like else None,
        sentence=article.text[s:e], start=s, end=e, confidence=UNRESOLVED_CONFIDENCE, source=article.source,
        theatre=theatre.id if theatre else None,
    )


def place_mentions(events: Sequence[ControlEvent], distances: Sequence[DistanceMention], *,
                   unresolved: bool = False) -> list[dict[str, Any]]:
    """Count the places a corpus's events and quoted distances name, with their resolution.

    Parameters
    ----------
    events, distances : sequence
        The corpus's events and distances (a distance counts for its anchor).
    unresolved : bool
        Only the names the gazetteer does not know (no ``place_id``), grouped by their folded
        key so that spellings of one place count together.

    Returns
    -------
    list of dict
        One row per place (per folded name when unresolved): ``name`` (the most frequent
        spelling), ``spellings``, ``place_id``, ``lat``, ``lon``, ``count`` (events and distance
        anchors), ``articles`` and ``sentences`` (each distinct sentence once, in corpus order);
        the most counted first.
    """
    mentions = [(ev.place, ev.place_id, ev.lat, ev.lon, ev.article, ev.start, ev.sentence) for ev in events]
    mentions += [(d.anchor_name, d.anchor, d.anchor_lat, d.anchor_lon, d.article, d.start, d.sentence)
                 for d in distances if d.anchor_name]
    groups: dict[str, _Group] = {}
    for name, pid, lat, lon, article, start, sentence in mentions:
        if unresolved and (pid is not None or not _proper_name(name)):
            continue
        key = pid if pid is not None else f"?{normalize_name(name)}"
        group = groups.setdefault(key, _Group(pid, lat, lon))
        group.spellings[name] = group.spellings.get(name, 0) + 1
        group.articles.add(article)
        if (article, start) not in group.seen:
            group.seen.add((article, start))
            group.sentences.append(sentence)
    rows = [g.row() for g in groups.values()]
    return sorted(rows, key=lambda r: (-r["count"], r["name"]))


def _proper_name(name: str) -> bool:
    """Tell a place's proper name ("Kivorumba", "the Euphrates river") from a description ("the border")."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and words[0][:1].isupper()


class _Group:
    """The mentions of one place (or one unknown name) in a corpus."""

    def __init__(self, place_id: str | None, lat: float | None, lon: float | None) -> None:
        self.place_id, self.lat, self.lon = place_id, lat, lon
        self.spellings: dict[str, int] = {}
        self.articles: set[str] = set()
        self.seen: set[tuple[str, int]] = set()
        self.sentences: list[str] = []

    def row(self) -> dict[str, Any]:
        spellings = sorted(self.spellings, key=lambda n: (-self.spellings[n], n))
        return {"name": spellings[0], "spellings": spellings, "place_id": self.place_id, "lat": self.lat,
                "lon": self.lon, "count": sum(self.spellings.values()), "articles": len(self.articles),
                "sentences": self.sentences}
