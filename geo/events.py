"""Extracting control-change events from an article, sentence by sentence.

For each sentence the extractor finds the places (gazetteer), the actors (faction alias
table), the time expressions (resolved against the publication date) and the triggers
(:mod:`geo.lexicon`). Each trigger yields one event per place it governs:

* **Place**: for an active trigger ("rebels captured X and Y") the places that follow it in
  its clause, with coordinated places ("X and Y", "X, Y") included; for a passive one ("X
  fell to", "is controlled by") the place just before it. "The city" and unnamed landmarks
  ("the artillery academy") resolve to the last settlement named, or to a part of it. A part
  ("eastern Aleppo", "a western suburb of the city") gives geo precision 2, a governorate 3.
* **Hedges**: a trigger whose clause has a negation, failure, threat, intention or approach
  before it ("failed to capture", "threatened to take", "reached the outskirts of") is not
  an event.
* **Actors**: the gaining side is the nearest faction before an active trigger (or after
  "by"/"to" for a passive one), else the last faction of the previous sentences; for
  ``withdrew`` the side named is the losing one.
* **Stance**: a side that says or claims it makes the event ``claimed`` (attributed to that
  side); a denial makes it ``denied``; a verification ("BBC Verify has geolocated") makes it
  ``verified``; a monitor's report ("according to the Syrian Observatory") stays
  ``reported`` with the monitor as ``attributed_to``.
* **Time**: the time expression of the clause (else of the sentence); "since June" states
  start then; background statements ("forced out by the army in 2016", "previously under
  government control") become ``held`` at their own date, never at the publication date;
  with no expression, the week up to publication (precision ``week``).
* **Partial region statements** ("positions in a number of towns in Aleppo and Idlib
  provinces") become ``contested`` for the governorate, never a full change of hands.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from gazetteer import Gazetteer, Mention, Place
from geo import lexicon as lx
from geo.factions import ActorMention, find_actors
from geo.model import Article, ControlEvent
from geo.prefilter import LiteralScreen
from geo.timex import CALENDAR_WORD, TimeMention, find_time_expressions

__all__ = ["extract_events", "link_duplicate_events", "SETTLEMENTS"]

SETTLEMENTS = frozenset({"city", "town", "village"})
_COORDINATION = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as\s+well\s+as)\s+)(?:the\s+)?"
                           r"(?:(?:town|city|village|towns|cities)\s+of\s+)?$", re.I)
_GAP_TO_PLACE = re.compile(r"^\s*(?:(?:the|a|an|most|much|all|rest|part|parts|half|portion|swathes?|section|"
                           r"control|key|strategic|significant|large|major|small|remaining|entire|whole|positions|"
                           r"number|towns?|villages?|cit(?:y|ies)|areas?|neighbou?rhoods?|districts?|several|some|"
                           r"northern|southern|eastern|western|central|nearby|neighbouring|rebel-held|government-held|"
                           r"\w+ern|north-\w+|south-\w+|province|region|capital|country['’]s|"
                           r"second-largest|largest|biggest|Syrian|of|in|over|towards?)\s*,?\s+)*$", re.I)
_DEFAULT_WINDOW = dt.timedelta(days=6)
#: Every trigger and background pattern, to find the sentences worth reading.
_EVENT_WORDING = (*(t.pattern for t in lx.TRIGGERS), lx.FORCED_OUT, lx.PREVIOUSLY, lx.HELD_ADJECTIVE)
_EVENT_SCREEN = LiteralScreen(_EVENT_WORDING)
_STANCE_RANK = {"denied": 0, "claimed": 1, "reported": 2, "verified": 3}


@dataclass(frozen=True, slots=True)
class _Sentence:
    start: int
    end: int
    text: str
    places: list[Mention]
    actors: list[ActorMention]
    times: list[TimeMention]


def _sentences(article: Article, gz: Gazetteer, spans: Sequence[tuple[int, int]],
               event_spans: Sequence[tuple[int, int]]) -> list[_Sentence]:
    """The sentences with their places and actors; time expressions only where an event may be."""
    text = article.text
    syria_words = bool(re.search(r"\bSyri", text))
    actors = find_actors(text, syria=syria_words)
    times = find_time_expressions(text, article.published, event_spans)
    taken = ([(a.start, a.end) for a in actors] + [(t.start, t.end) for t in times]
             + [m.span() for m in CALENDAR_WORD.finditer(text)])  # "Thursday" is no place
    places = gz.find(text, exclude=taken, focus=("SY",) if syria_words else ())
    return [_Sentence(s, e, text[s:e], _within(places, s, e), _within(actors, s, e), _within(times, s, e))
            for s, e in spans]


def _within(items: list, start: int, end: int) -> list:
    """The items (sorted by ``.start``) that start in ``[start, end)``."""
    lo = bisect.bisect_left(items, start, key=lambda x: x.start)
    hi = bisect.bisect_left(items, end, lo, key=lambda x: x.start)
    return items[lo:hi]


def _event_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences in which some trigger or background pattern matches: the only ones with events.

    A literal screen (:mod:`geo.prefilter`) finds the sentences holding a word that a
    pattern needs; only there is the pattern itself tried.
    """
    chosen = []
    for k, ids in _EVENT_SCREEN.candidates(text, spans).items():
        s, e = spans[k]
        if any(_EVENT_WORDING[i].search(text, s, e) for i in sorted(ids)):
            chosen.append(spans[k])
    return chosen


def _clause_bounds(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """The clause of *text[start:end]* around *pos* (clause breaks from :data:`geo.lexicon.CLAUSE_BREAK`)."""
    lo, hi = start, end
    for m in lx.CLAUSE_BREAK.finditer(text, start, end):
        if m.end() <= pos:
            lo = m.start() if m.group(0).strip().lower() in {"before", "after", "when", "since", "following",
                                                              "until"} else m.end()
        elif m.start() >= pos:
            hi = m.start()
            break
    return lo, hi


def _governed_places(text: str, sent: _Sentence, trig: re.Match[str], passive: bool, weak: bool,
                     clause: tuple[int, int]) -> list[Mention]:
    """The places a trigger governs (see the module docstring)."""
    lo, hi = clause
    if passive:
        if re.search(r",\s*(?:which|who|that)\s*$", text[max(sent.start, lo - 12) : lo]):
            lo = sent.start  # "eastern Aleppo, which has been under siege": the antecedent counts
        before = [m for m in sent.places if lo <= m.start and m.end <= trig.start() and not _reference(text, m)]
        return before[-1:]
    after = [m for m in sent.places if trig.end() <= m.start < hi]
    if not after or not _GAP_TO_PLACE.match(text[trig.end() : after[0].start]):
        return []
    if weak and after[0].start - trig.end() > 40:
        return []
    chosen = [after[0]]
    for m in after[1:]:
        if not _COORDINATION.match(text[chosen[-1].end : m.start]):
            break
        chosen.append(m)
    return chosen


def _reference(text: str, m: Mention) -> bool:
    """A place named as a reference point or modifier ("north of Hama", "the Damascus-Aleppo road")."""
    return bool(lx.REFERENCE_CUE.search(text[max(0, m.start - 30) : m.start])
                or lx.MODIFIER_AFTER.match(text[m.end : m.end + 25]))


def _hedged(text: str, lo: int, trig: re.Match[str], kind: str) -> bool:
    """A negation, failure, threat or intention before the trigger; an infinitive of purpose; or, for a
    contest, fighting said to be over ("fighting in Idlib had largely wound down")."""
    window = text[max(lo, trig.start() - 60) : trig.start()]
    if lx.HEDGE.search(window):
        return True
    if re.search(r"\bto\s+$", window) and not lx.ACHIEVED.search(window):
        return True
    return kind == "contested" and bool(lx.ENDED.search(text[trig.end() : trig.end() + 60]))


def _time_for(sent: _Sentence, pos: int, clause: tuple[int, int]) -> TimeMention | None:
    in_clause = [t for t in sent.times if clause[0] <= t.start < clause[1]]
    pool = in_clause or sent.times
    return min(pool, key=lambda t: abs(t.start - pos)) if pool else None


_CONTRAST = re.compile(r",\s*but\b|;|\bbut\b|\bhowever\b", re.I)


def _same_span(text: str, a: int, b: int) -> bool:
    """Whether *a* comes before *b* with no contrast (", but", ";", "however") between them."""
    return a <= b and not _CONTRAST.search(text, a, b)


def _stance(sent: _Sentence, text: str, pos: int | None = None) -> tuple[str, str | None]:
    """The stance of an event whose trigger is at *pos*: a denial counts only for what follows it
    ("X said it had taken A, but Y denied it was besieged"), never for "a claim the army denied"."""
    s = sent.text
    verify = lx.VERIFY.search(s)
    if lx.UNVERIFIED.search(s):
        verify = None
    speakers = [a for a in sent.actors]
    deny = lx.DENY.search(s)
    if deny and lx.CLAIM_DENIED.search(s) and lx.CLAIM_DENIED.search(s).end() >= deny.end():
        deny = None
    if deny and pos is not None and not _same_span(text, sent.start + deny.start(), pos):
        deny = None  # a denial qualifies its own clause, not what follows "but" or comes before it
    if deny:
        who = [a for a in speakers if a.start - sent.start < deny.start()]
        return "denied", (who[-1].faction or who[-1].text) if who else None
    if verify:
        who = [a for a in speakers if a.monitor]
        return "verified", who[0].text if who else None
    for m in lx.REPORT.finditer(s):
        if pos is not None and m.start() + sent.start < pos and not _same_span(text, sent.start + m.start(), pos):
            continue
        who = [a for a in speakers if a.start - sent.start < m.start() and m.start() - (a.end - sent.start) < 40]
        if m.group(0).lower().startswith("according"):
            who = [a for a in speakers if a.start - sent.start > m.start()][:1]
        if not who:
            affiliated = re.search(r"\b(rebel|opposition|government|regime|HTS|state)[- ](?:affiliated|linked|run)\b",
                                   s[: m.start()], re.I)
            if affiliated:
                faction = find_actors(affiliated.group(1) + "s")[:1] or find_actors(affiliated.group(1))[:1]
                return "claimed", faction[0].faction if faction else None
            continue
        speaker = who[-1]
        if speaker.monitor:
            return "reported", speaker.text
        return "claimed", speaker.faction
    if lx.UNVERIFIED.search(s) or lx.CLAIM_DENIED.search(s):
        return "claimed", None
    return "reported", None


def _actors(sent: _Sentence, trig: re.Match[str], passive: bool, recent: str | None) -> tuple[str | None, bool]:
    """The side that gains (nearest before an active trigger, after a passive one), and whether it was guessed."""
    fighters = [a for a in sent.actors if a.faction]
    if passive:
        after = [a for a in fighters if a.start >= trig.end()]
        if after:
            return after[0].faction, False
    before = [a for a in fighters if a.end <= trig.start()]
    if before:
        return before[-1].faction, False
    after = [a for a in fighters if a.start >= trig.end() and not passive]
    if recent:
        return recent, True
    return (after[0].faction, True) if after else (None, True)


def _dates(time: TimeMention | None, published: dt.date | None,
           pluperfect: bool = False) -> tuple[dt.date | None, dt.date | None, str | None]:
    if time is not None:
        if time.relation == "since":  # the state starts within the stated unit ("since 2014": in 2014)
            return time.date, _unit_end(time), time.precision
        return time.date, time.date_end, time.precision
    if published is None:
        return None, None, None
    if pluperfect:  # "had fallen", undated: before the report, so before its publication day
        return published - _DEFAULT_WINDOW - dt.timedelta(days=1), published - dt.timedelta(days=1), "week"
    return published - _DEFAULT_WINDOW, published, "week"


def _unit_end(time: TimeMention) -> dt.date | None:
    """The last day of the unit a "since" expression names ("since June" -> 30 June), not publication."""
    start = time.date
    if time.precision == "year":
        end = dt.date(start.year, 12, 31)
    elif time.precision == "month":
        following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        end = following - dt.timedelta(days=1)
    else:
        return None
    return min(end, time.date_end) if time.date_end else end


def _event_id(article: Article, sent_start: int, trig_start: int, place_id: str | None) -> str:
    raw = f"{article.id}:{sent_start}:{trig_start}:{place_id}"
    return hashlib.sha1(raw.encode()).hexdigest()[:12]


@dataclass(slots=True)
class _Context:
    """What the extractor remembers while reading one article."""

    article: Article
    gazetteer: Gazetteer
    last_settlement: Mention | None = None
    last_faction: str | None = None
    faction_age: int = 0
    last_landmark: Place | None = None


def _target(text: str, ctx: _Context, sent: _Sentence, trig: re.Match[str], clause: tuple[int, int],
            passive: bool, weak: bool) -> list[tuple[str, Place, int]]:
    """(name as written, place, geo precision) for each place the trigger governs."""
    found = _governed_places(text, sent, trig, passive, weak, clause)
    targets = []
    for m in found:
        if m.place is None or m.place.kind == "country":
            continue
        precision = 3 if m.place.kind == "admin1" else 1
        if lx.PART_OF_PLACE.search(text[max(clause[0], m.start - 40) : m.start]) and precision == 1:
            precision = 2
        targets.append((m.text, m.place, precision))
    if targets:
        return targets
    earlier = [m for m in sent.places if m.end <= trig.start() and m.place and m.place.kind in SETTLEMENTS]
    if earlier:
        ctx.last_settlement = earlier[-1]
    if passive:
        landmarks = list(lx.LANDMARK_NOUN.finditer(text, clause[0], trig.start()))
        if landmarks:
            return _landmark(ctx, landmarks[-1])
        subjects = list(lx.ANAPHORA.finditer(text, clause[0], trig.start()))
        if subjects and ctx.last_settlement and ctx.last_settlement.place:
            return [(ctx.last_settlement.text, ctx.last_settlement.place, 1)]
        return []
    gap = text[trig.end() : clause[1]]
    landmark = lx.LANDMARK_NOUN.match(gap.lstrip())
    anaphora = lx.ANAPHORA.search(gap[:60])
    if landmark:
        found = _landmark(ctx, landmark)
        if found:
            return found
    if anaphora and ctx.last_settlement and ctx.last_settlement.place and anaphora.start() < 40:
        if _GAP_TO_PLACE.match(gap[: anaphora.start()]):
            before = text[trig.end() : trig.end() + anaphora.start()]
            precision = 2 if lx.PART_OF_PLACE.search(before) else 1
            return [(ctx.last_settlement.text, ctx.last_settlement.place, precision)]
    return []


_GENERIC_SITES = frozenset({"base", "site", "facility", "complex", "compound"})


def _noun_phrase(words: str) -> str:
    """The noun phrase from its determiner on ("that the artillery base" -> "the artillery base")."""
    m = re.search(r"\b(?:the|a|an)\s+(?!.*\b(?:the|a|an)\s)", words, re.I)
    return words[m.start():].strip() if m else words.strip()


def _landmark(ctx: _Context, match: re.Match[str]) -> list[tuple[str, Place, int]]:
    """An unnamed landmark ("the artillery academy") as a part of the last settlement named."""
    if not (ctx.last_settlement and ctx.last_settlement.place):
        return []
    words = [w for w in match.group(0).split() if w.lower() not in {"the", "a", "an", "major", "key", "main"}]
    for word in reversed(words):
        part = ctx.gazetteer.part_named(ctx.last_settlement.place, word)
        if part is not None:
            ctx.last_landmark = part
            return [(_noun_phrase(match.group(0)), part, 1)]
    if ctx.last_landmark is not None and words and words[-1].lower() in _GENERIC_SITES:
        return [(_noun_phrase(match.group(0)), ctx.last_landmark, 1)]
    return []


def _make_event(ctx: _Context, sent: _Sentence, trig: re.Match[str], kind: str, written: str, place: Place,
                precision: int, gaining: str | None, losing: str | None, stance: tuple[str, str | None],
                time: TimeMention | None, confidence: float) -> ControlEvent:
    article = ctx.article
    pluperfect = bool(re.search(r"\bhad\s+(?:\w+\s+){0,2}$", article.text[max(sent.start, trig.start() - 25):trig.start()])
                      or re.match(r"had\b", trig.group(0)) or re.search(r"\bhad\s+(?:\w+\s+)?been\b", trig.group(0)))
    date, date_end, date_precision = _dates(time, article.published, pluperfect)
    return ControlEvent(
        id=_event_id(article, sent.start, trig.start(), place.id), article=article.id, published=article.published,
        place=written, place_id=place.id, lat=place.lat, lon=place.lon, geo_precision=precision, date=date,
        date_end=date_end if date_end != date else None, date_precision=date_precision,
        time_text=time.text if time else None, kind=kind, actor_gaining=gaining, actor_losing=losing,
        stance=stance[0], attributed_to=stance[1], sentence=sent.text, start=sent.start, end=sent.end,
        confidence=round(confidence, 2), source=article.source,
    )


def _sentence_events(ctx: _Context, sent: _Sentence) -> list[ControlEvent]:
    text = ctx.article.text
    stance = _stance(sent, text)
    events: list[ControlEvent] = []
    claimed_spans: list[tuple[int, int]] = []
    for trigger in lx.TRIGGERS:
        for trig in trigger.pattern.finditer(text, sent.start, sent.end):
            if any(s <= trig.start() < e for s, e in claimed_spans):
                continue
            clause = _clause_bounds(text, sent.start, sent.end, trig.start())
            if _hedged(text, clause[0], trig, trigger.kind):
                continue
            targets = _target(text, ctx, sent, trig, clause, trigger.passive, trigger.weak)
            if not targets:
                continue
            claimed_spans.append((trig.start(), trig.end()))
            events.extend(_trigger_events(ctx, sent, trig, trigger, clause, targets,
                                          _stance(sent, text, trig.start())))
    events.extend(_background_events(ctx, sent, claimed_spans, stance))
    return events


def _trigger_events(ctx: _Context, sent: _Sentence, trig: re.Match[str], trigger: lx.Trigger,
                    clause: tuple[int, int], targets: list[tuple[str, Place, int]],
                    stance: tuple[str, str | None]) -> list[ControlEvent]:
    recent = ctx.last_faction if ctx.faction_age <= 2 else None
    actor, inferred = _actors(sent, trig, trigger.agent_after, recent)
    if trigger.kind == "besieged" and inferred:
        actor = None  # a siege named as a noun says nothing of who besieges
    inside = [a for a in sent.actors if a.faction and trig.start() <= a.start < trig.end()]
    if trigger.kind == "held" and inside:
        actor, inferred = inside[0].faction, False
    gaining, losing = (None, actor) if trigger.kind == "withdrew" else (actor, None)
    if trigger.loser:
        losing = actor if not inferred else None
        winner = [a for a in sent.actors if a.faction and a.start >= trig.end()
                  and re.search(r"\bto\s+(?:the\s+)?$", ctx.article.text[max(trig.end(), a.start - 12) : a.start])]
        gaining = winner[0].faction if winner else "unknown"
    time = _time_for(sent, trig.start(), clause)
    confidence = trigger.confidence - (0.15 if inferred else 0) - (0.1 if time is None else 0)
    events = []
    for written, place, precision in targets:
        kind = trigger.kind
        if precision == 3 and kind in ("captured", "regained") and lx.PARTIAL.search(
                ctx.article.text[clause[0] : trig.end() + 60]) and "most of" not in sent.text:
            kind = "contested"
        event_stance = stance
        if kind == "held" and stance[0] == "claimed" and stance[1] == gaining:
            event_stance = ("reported", None)
        events.append(_make_event(ctx, sent, trig, kind, written, place, precision, gaining, losing, event_stance,
                                  time, confidence))
    return events


def _background_events(ctx: _Context, sent: _Sentence, taken: list[tuple[int, int]],
                       stance: tuple[str, str | None]) -> list[ControlEvent]:
    """Standing control stated in passing: "forced out by the army in 2016", "rebel-held east of the city"."""
    text = ctx.article.text
    events = []
    for m in lx.FORCED_OUT.finditer(text, sent.start, sent.end):
        by = [a for a in sent.actors if a.faction and a.start >= m.end()][:1]
        before = [p for p in sent.places if p.end <= m.start() and p.place and p.place.kind != "country"]
        time = next((t for t in sent.times if t.start >= m.end()), None)
        if by and before and time:
            place = before[-1]
            events.append(_make_event(ctx, sent, m, "held", place.text, place.place, 1, by[0].faction, None,
                                      ("reported", None), time, 0.7))
    for m in lx.PREVIOUSLY.finditer(text, sent.start, sent.end):
        owner = [a for a in sent.actors if a.faction and m.start() <= a.start < m.end() + 30][:1]
        before = [p for p in sent.places if p.end <= m.start() and p.place and p.place.kind != "country"]
        earliest = min(sent.times, key=lambda t: t.date, default=None)
        if owner and before and earliest:
            day_before = earliest.date - dt.timedelta(days=1)
            prior = TimeMention(earliest.text, earliest.start, earliest.end, day_before, None, "day", "by")
            for place in _coordinated_before(text, before):
                events.append(_make_event(ctx, sent, m, "held", place.text, place.place, 1, owner[0].faction, None,
                                          ("reported", None), prior, 0.6))
    for m in lx.HELD_ADJECTIVE.finditer(text, sent.start, sent.end):
        if any(s <= m.start() < e for s, e in taken):
            continue
        faction = find_actors(m.group(1) + "s")[:1] or find_actors(m.group(1))[:1]
        targets = _target(text, ctx, sent, m, (sent.start, sent.end), False, True)
        for written, place, precision in targets:
            if faction and faction[0].faction:
                events.append(_make_event(ctx, sent, m, "held", written, place, max(precision, 2 if
                                          "half" in text[m.end():m.end() + 12] else precision), faction[0].faction,
                                          None, ("reported", None), _time_for(sent, m.start(), (sent.start, sent.end)),
                                          0.6))
    return events


def _coordinated_before(text: str, before: list[Mention]) -> list[Mention]:
    chosen = [before[-1]]
    for m in reversed(before[:-1]):
        if not _COORDINATION.match(text[m.end : chosen[0].start]):
            break
        chosen.insert(0, m)
    return chosen


def extract_events(article: Article, gazetteer: Gazetteer, sentences: Sequence[tuple[int, int]]) -> list[ControlEvent]:
    """Extract every control-change event of one article.

    Parameters
    ----------
    article : Article
        The article (its ``published`` date anchors relative time expressions).
    gazetteer : Gazetteer
        Resolves place names.
    sentences : sequence of (start, end)
        Sentence offsets in ``article.text`` (:func:`geo.corpus.split_sentences`).

    Returns
    -------
    list of ControlEvent
        In text order; events of an undated article have ``date`` None.
    """
    ctx = _Context(article, gazetteer)
    events: list[ControlEvent] = []
    event_spans = _event_spans(article.text, sentences)
    candidates = set(event_spans)
    for sent in _sentences(article, gazetteer, sentences, event_spans):
        if (sent.start, sent.end) in candidates:
            events.extend(_sentence_events(ctx, sent))
        settlements = [m for m in sent.places if m.place and m.place.kind in SETTLEMENTS]
        if settlements:
            ctx.last_settlement = settlements[-1]
        fighters = [a for a in sent.actors if a.faction and a.faction != "unknown"]
        ctx.faction_age = 0 if fighters else ctx.faction_age + 1
        if fighters:
            ctx.last_faction = fighters[0].faction
    unique: dict[tuple[str | None, str, int], ControlEvent] = {}
    for e in events:  # one event per place, kind and sentence: the strongest stance wins
        key = (e.place_id, e.kind, e.start)
        if key not in unique or _STANCE_RANK[e.stance] > _STANCE_RANK[unique[key].stance]:
            unique[key] = e
    return sorted(unique.values(), key=lambda e: (e.start, e.id))


def link_duplicate_events(events: Sequence[ControlEvent], articles: Sequence[Article]) -> list[ControlEvent]:
    """Mark the events of a near-duplicate article that repeat an event of its original.

    An event of an article whose ``duplicate_of`` is set gets ``duplicate_of`` = the id of
    the original's event on the same place with the same kind and stance; events the later
    version adds stay independent.
    """
    original_of = {a.id: a.duplicate_of for a in articles if a.duplicate_of}
    by_key = {(e.article, e.place_id, e.kind, e.stance): e.id for e in events if e.article not in original_of}
    out = []
    for e in events:
        source = original_of.get(e.article)
        match = by_key.get((source, e.place_id, e.kind, e.stance)) if source else None
        out.append(replace(e, duplicate_of=match) if match else e)
    return out
