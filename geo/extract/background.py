"""Background control statements: standing control stated in passing, not a change.

Each becomes a ``held`` event, ``reported``, at its own date, never at the publication date:

* "forced out by the army in 2016": the place before "forced out" was held by the side
  named after it from the date that follows (confidence 0.7);
* "previously under government control" (with a date in the sentence): the place(s) before
  it, coordinated ones included, were held by that side on the day before the earliest date
  of the sentence (confidence 0.6);
* "rebel-held east of the city": the places the adjective governs were held by that side
  ("half" of a place gives geo precision 2), at the time of the sentence (confidence 0.6).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from geo.dates import shift
from geo.extract import lexicon as lx
from geo.extract.actors import actor_index
from geo.extract.context import Context, Sentence, make_event
from geo.extract.places import coordinated_before, target_places
from geo.extract.time.expressions import TimeMention
from geo.model import ControlEvent, Stance

__all__ = ["background_events"]


def background_events(ctx: Context, sent: Sentence, taken: list[tuple[int, int]],
                      wording: Mapping[re.Pattern[str], int] | None = None) -> list[ControlEvent]:
    """Standing control stated in passing: "forced out by the army in 2016", "rebel-held east of the city".

    Parameters
    ----------
    ctx : Context
        The article being read.
    sent : Sentence
        A candidate sentence.
    taken : list of (start, end)
        Article offsets of the triggers that already made events (a "held" adjective there
        is not read again).
    wording : mapping of re.Pattern to int, optional
        The background patterns that may match in the sentence, each with the article offset
        to search from (its first match, or the sentence start); the others are not tried.
        By default every pattern, from the sentence start.

    Returns
    -------
    list of ControlEvent
        The ``held`` events of the sentence, by pattern then text order.
    """
    events: list[ControlEvent] = []
    for pattern, read in _READERS:
        begin = sent.start if wording is None else wording.get(pattern)
        if begin is not None:
            for m in pattern.finditer(ctx.article.text, begin, sent.end):
                events.extend(read(ctx, sent, m, taken))
    return events


def _forced_out(ctx: Context, sent: Sentence, m: re.Match[str], _taken: list[tuple[int, int]]) -> list[ControlEvent]:
    """"X ... forced out by the army in 2016": X held by the army then."""
    by = [a for a in sent.actors if a.faction and a.start >= m.end()][:1]
    before = [p for p in sent.places if p.end <= m.start() and p.place and p.place.kind != "country"]
    time = next((t for t in sent.times if t.start >= m.end()), None)
    if not (by and before and time):
        return []
    place = before[-1]
    if place.place is None:
        return []
    return [make_event(ctx, sent, m, kind="held", written=place.text, place=place.place, precision=1,
                       gaining=by[0].faction, losing=None, stance=Stance("reported"), time=time, confidence=0.7)]


def _previously(ctx: Context, sent: Sentence, m: re.Match[str], _taken: list[tuple[int, int]]) -> list[ControlEvent]:
    """"X and Y, previously under government control": held the day before the sentence's earliest date."""
    owner = [a for a in sent.actors if a.faction and m.start() <= a.start < m.end() + 30][:1]
    before = [p for p in sent.places if p.end <= m.start() and p.place and p.place.kind != "country"]
    earliest = min(sent.times, key=lambda t: t.date, default=None)
    if not (owner and before and earliest):
        return []
    day_before = shift(earliest.date, -1)
    prior = TimeMention(earliest.text, earliest.start, earliest.end, day_before, None, "day", "by")
    return [make_event(ctx, sent, m, kind="held", written=place.text, place=place.place, precision=1,
                       gaining=owner[0].faction, losing=None, stance=Stance("reported"), time=prior, confidence=0.6)
            for place in coordinated_before(ctx.article.text, before) if place.place is not None]


def _held_adjective(ctx: Context, sent: Sentence, m: re.Match[str], taken: list[tuple[int, int]]) -> list[ControlEvent]:
    """"rebel-held east of the city": the places the adjective governs, held by that side."""
    if any(s <= m.start() < e for s, e in taken):
        return []
    text = ctx.article.text
    index = actor_index()
    word = m.group(1)
    faction = next((found[:1] for found in (index.actors(f"{word}{suffix}", sent.theatre)
                                             for suffix in ("s", "", " forces", " troops")) if found), [])
    targets = target_places(text, ctx, sent, m, (sent.start, sent.end), False, True)
    events = []
    for written, place, precision in targets:
        if faction and faction[0].faction:
            half = "half" in text[m.end():m.end() + 12]
            events.append(make_event(ctx, sent, m, kind="held", written=written, place=place,
                                     precision=max(precision, 2 if half else precision), gaining=faction[0].faction,
                                     losing=None, stance=Stance("reported"),
                                     time=_own_time(sent, m), confidence=0.6))
    return events


def _own_time(sent: Sentence, m: re.Match[str]) -> TimeMention | None:
    """Return the time written with a "held" adjective ("rebel-held since 2012"), else None.

    None is the state at the time of writing, not at another clause's ("had withstood assaults
    since 2022 ... Russian-occupied Donetsk").
    """
    text = sent.text
    return next((t for t in sent.times if m.start() <= t.start <= m.end() + 60
                 and not re.search(r"[,;:]", text[m.end() - sent.start : t.start - sent.start])), None)


_READERS = ((lx.FORCED_OUT, _forced_out), (lx.PREVIOUSLY, _previously), (lx.HELD_ADJECTIVE, _held_adjective))

