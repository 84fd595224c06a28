"""The per-article context of event extraction, and the event record built from it.

It holds the candidate sentences, what each sentence names, and what the reader remembers
between sentences (the last settlement, landmark and faction named).

* **Candidate sentences**: only sentences in which some trigger or background pattern of
  :mod:`geo.extract.lexicon` matches can hold an event (a literal screen, :mod:`geo.extract.prefilter`,
  picks them before any pattern is tried); time expressions are resolved only there, and
  only the patterns that may match there are tried again.
* **Theatre**: the war the article is about (:mod:`geo.theatres`), given by the caller or
  inferred from the countries of the places it names and from the theatre-specific faction
  names it uses ("RSF", "HTS"); places in the theatre's countries win ties, and faction
  names mean what that theatre says (:mod:`geo.extract.actors`).
* **Places, actors, times**: per sentence, the gazetteer places (not inside an actor, a time
  expression or a weekday), the faction mentions and the time expressions resolved
  against the publication date.
* **Dates of an event**: those of its time expression; "since June" states start then and
  end with the unit named (30 June), not at publication; an ordering word ("before",
  "then", "after") bounds a clause without one by the other clause's date; with no
  expression at all, the publication day or the day before (news reports what has just
  happened: "have captured", "had fallen").
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from gazetteer import Gazetteer, Mention, Place
from gazetteer.names import normalize_name
from geo.dates import shift
from geo.extract import lexicon as lx
from geo.extract.actors import ActorIndex, ActorMention, actor_index, coreferent, in_outlet_usage, infer_theatre
from geo.extract.clauses import dateline_end, not_a_place
from geo.extract.prefilter import LiteralGate, LiteralScreen
from geo.extract.time.expressions import CALENDAR_WORD, TimeMention, find_time_expressions, precision_of_range
from geo.extract.time.relative import merge, ordered, relative_expressions
from geo.extract.voice import outlet_named
from geo.model import Article, ControlEvent, DatePrecision, EventKind, Stance
from geo.theatres import Theatre, fold, packaged_theatres

__all__ = ["EVENT_WORDING", "WORDING_GATES", "SECONDARY", "ARMED_MEN", "Wording", "Sentence", "Context",
           "read_sentences", "event_candidates", "time_for", "line_time", "make_event"]

#: Every trigger pattern (in the order of :data:`geo.extract.lexicon.TRIGGERS`), then the background ones.
EVENT_WORDING = (*(t.pattern for t in lx.TRIGGERS), lx.FORCED_OUT, lx.PREVIOUSLY, lx.HELD_ADJECTIVE)
#: Patterns that do not make a sentence a candidate on their own, only are tried in one: the "armed" triggers
#: ("fled", "left"), common words that count only with a fighting side as subject.
SECONDARY = frozenset(k for k, t in enumerate(lx.TRIGGERS) if t.armed)
#: Armed men named in a sentence, which lets an armed wording alone choose it ("FARDC troops fled Minova").
ARMED_MEN = re.compile(r"\b(?:troops|soldiers|forces|fighters|militants|rebels|army|militias?|militiamen|jihadists|"
                        r"insurgents|paramilitar(?:y|ies)|garrison|defenders|gunmen|units|regime|junta)\b", re.I)
_EVENT_SCREEN = LiteralScreen(EVENT_WORDING)
_ARMED_MEN_GATE = LiteralGate(ARMED_MEN)
#: :data:`EVENT_WORDING` as gates (:class:`~geo.extract.prefilter.LiteralGate`): each tried only where a match may
#: begin, with the same matches.
WORDING_GATES = tuple(map(LiteralGate, EVENT_WORDING))
_START = operator.attrgetter("start")
#: The patterns to try in a candidate sentence: (index into EVENT_WORDING, offset to search from), ascending.
Wording = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article (offsets in the article text) with what it names."""

    start: int
    end: int
    text: str
    places: list[Mention]
    actors: list[ActorMention]
    times: list[TimeMention]
    theatre: Theatre | None = None


@dataclass(slots=True)
class Context:
    """What the extractor remembers while reading one article."""

    article: Article
    gazetteer: Gazetteer
    theatre: Theatre | None = None
    last_settlement: Mention | None = None
    #: The places of the last trigger with several ("took Deh Salah and Pul-e-Hesar"), and where its sentence ends:
    #: what "them" names in that sentence or the next.
    listed: tuple[int, tuple[tuple[str, Place | None, int], ...]] | None = None
    #: The settlements named so far, in text order (those :attr:`last_settlement` was set to, and their neighbours).
    settlements: list[Mention] = field(default_factory=list)
    #: The last region named ("the Kharkiv region"), which "the region" refers to.
    last_region: Mention | None = None
    #: The last event of the sentence before was a region's: "it" in the next sentence is that region.
    region_topic: bool = False
    last_faction: str | None = None
    faction_age: int = 0
    last_landmark: Place | None = None
    #: The last site a change was told at ("took back the presidential palace in Khartoum"), its name, place and
    #: sentence start: "it" later in that sentence refers to it while its town is the last settlement named.
    last_site: tuple[str, Place, int] | None = None
    #: The sites named so far by their name ("Kavumu airport", "Kunduz airport"), by kind of site (:func:`site_key`):
    #: what "the airport" names later, with its name, place and geo precision.
    sites: dict[str, tuple[str, Place, int]] = field(default_factory=dict)
    #: The places of the last siege told, which "broke the siege" with no place of its own lifts.
    last_besieged: tuple[tuple[str, Place | None, int], ...] = ()
    #: The last change of hands told (a capture or recapture), which an ellipsis repeats ("Hama followed").
    last_change: ControlEvent | None = None
    #: Place id -> the latest change of hands told there with a named taker, which "the fall of X" refers to.
    changes_at: dict[str, ControlEvent] = field(default_factory=dict)
    #: The ids of the events of a history summed up ("Palmyra has changed hands four times since 2015"): a contest
    #: only where the article tells none of the changes.
    summaries: set[str] = field(default_factory=set)


def read_sentences(article: Article, gz: Gazetteer, spans: Sequence[tuple[int, int]],
                   event_spans: Sequence[tuple[int, int]], theatre: Theatre | None = None,
                   ) -> tuple[list[Sentence], Theatre | None, list[Mention]]:
    """Return the sentences with their places and actors, the article's theatre and its names.

    Time expressions are resolved only where an event may be.

    Parameters
    ----------
    article : Article
        The article; its ``published`` date anchors relative time expressions.
    gz : Gazetteer
        Finds the places.
    spans : sequence of (start, end)
        Every sentence of ``article.text``.
    event_spans : sequence of (start, end)
        The candidate sentences (:func:`event_spans`).
    theatre : Theatre, optional
        The article's theatre; inferred when None (and then None when nothing points to one).

    Returns
    -------
    (list of Sentence, Theatre or None, list of Mention)
        One sentence per span, in order; the theatre they were read in; and the article's place
        names and demonyms in text order, as read in that theatre (or, in a sentence read again in
        its own war, as read there), time expressions and actors' names left out, before the
        sentences drop the dateline and names of persons and offices: the names the distances'
        anchors read too (:class:`geo.extract.distance.anchors.AnchorReader`).
    """
    text = article.text
    index = actor_index()
    if theatre is not None and theatre.id not in index.theatres:
        index = _index_with(theatre)
    names = index.spans(text)
    times = find_time_expressions(text, article.published, event_spans)
    times = merge(times, relative_expressions(text, article.published, times, event_spans))
    fixed = ([(t.start, t.end) for t in times]
             + [m.span() for m in CALENDAR_WORD.finditer(text)])  # "Thursday" is no place
    voice = _voice_only(gz)
    votes = index.votes(text, names)
    guess = theatre or infer_theatre(Counter(), votes, index.theatres.values())
    actors = index.resolve(text, names, guess, voice)
    # demonyms too, for the distances' anchors; they count in the ranking either way, so the places are the same
    mentions = gz.find(text, exclude=fixed + _actor_spans(text, actors), focus=_focus(guess), demonyms=True)
    if theatre is None:
        countries = Counter(m.place.country for m in mentions
                            if m.form != "demonym" and m.place is not None and m.place.country)
        found = infer_theatre(countries, votes, index.theatres.values())
        if found is not guess:
            guess = found
            actors = index.resolve(text, names, guess, voice)
            mentions = gz.find(text, exclude=fixed + _actor_spans(text, actors), focus=_focus(guess),
                               demonyms=True)
    # "the army" in the Houthis' Saba: theirs
    actors = in_outlet_usage(actors, guess, outlet_named(article.source, article.text))
    actors = coreferent(text, actors, guess)  # "its troops", "the group": the side named before
    dateline = dateline_end(text)  # where and when the reporter files, not where or when anything happened
    times = [t for t in times if t.start >= dateline]  # "KABUL, Aug 7 -": the report's day, not an event's
    places = [m for m in mentions if m.form != "demonym" and m.start >= dateline and not not_a_place(text, m)]
    out = []
    candidates = set(event_spans)
    reread: list[tuple[int, int, list[Mention]]] = []  # the sentences read again in their own war, and their names
    for s, e in spans:
        own, sentence_actors, sentence_places = guess, _within(actors, s, e), _within(places, s, e)
        if theatre is None and (s, e) in candidates:
            own = _sentence_theatre(sentence_places, index.votes(text, _within_spans(names, s, e)), guess,
                                    index.theatres.values())
            if own is not guess:  # read again in its own war: its factions, its places first
                sentence_actors = in_outlet_usage(index.resolve(text, _within_spans(names, s, e), own, voice), own,
                                                  outlet_named(article.source, article.text))
                skip = [(a - s, b - s) for a, b in fixed if s <= a < e] + [(a - s, b - s) for a, b in
                                                                          _actor_spans(text, sentence_actors)]
                own_names = [replace(m, start=m.start + s, end=m.end + s)
                             for m in gz.find(text[s:e], exclude=skip, focus=_focus(own), demonyms=True)]
                reread.append((s, e, own_names))
                sentence_places = [m for m in own_names if m.form != "demonym" and m.start >= dateline
                                   and not not_a_place(text, m)]
        out.append(Sentence(s, e, text[s:e], sentence_places, sentence_actors, _within(times, s, e), own))
    return out, guess, _with_rereadings(mentions, reread)


#: Before a side's name that is a place's too, a locative: "in the Donetsk People's Republic", "across Puntland".
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|across|throughout|inside|within)\s+(?:the\s+)?"
                              r"(?:(?:self-(?:proclaimed|styled)|so-called)\s+)?$", re.I)


def _actor_spans(text: str, actors: Sequence[ActorMention]) -> list[tuple[int, int]]:
    """Return the spans of *actors* that place names may not take: all but a name after a locative ("in the DPR")."""
    return [(a.start, a.end) for a in actors if not _LOCATIVE_BEFORE.search(text, max(0, a.start - 40), a.start)]


def _with_rereadings(mentions: list[Mention], reread: list[tuple[int, int, list[Mention]]]) -> list[Mention]:
    """Return the article's names with those of each sentence read again in its own war as read there."""
    if not reread:
        return mentions
    out: list[Mention] = []
    k = 0
    for s, e, own in reread:  # in text order, disjoint
        while k < len(mentions) and mentions[k].start < s:
            out.append(mentions[k])
            k += 1
        while k < len(mentions) and mentions[k].start < e:
            k += 1
        out.extend(own)
    out.extend(mentions[k:])
    return out


def _within_spans(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    lo = bisect.bisect_left(spans, (start, -1))
    hi = bisect.bisect_left(spans, (end, -1), lo)
    return spans[lo:hi]


def _sentence_theatre(places: Sequence[Mention], votes: dict[str, float], article: Theatre | None,
                      theatres: Iterable[Theatre]) -> Theatre | None:
    """Return the theatre of one sentence: the article's, unless the sentence is plainly about another war.

    A sentence is read in another theatre only when its own places and faction names point
    to that theatre and say nothing of the article's ("Rebels captured Saraqeb in Syria"
    in a digest of world news; not "Moscow said Russian forces helped retake Palmyra").
    """
    countries = Counter(m.place.country for m in places if m.place is not None and m.place.country)
    own = infer_theatre(countries, votes, theatres)
    if own is None or own is article:
        return article
    if article is not None and (votes.get(article.id) or any(countries[c] for c in article.countries)):
        return article
    return own


def _focus(theatre: Theatre | None) -> tuple[str, ...]:
    return theatre.countries if theatre is not None else ()


@functools.lru_cache(maxsize=8)
def _index_with(theatre: Theatre) -> ActorIndex:
    """Return the actor index of the packaged theatres and one more (a user's theatre file)."""
    return ActorIndex((*packaged_theatres().values(), theatre))


#: A single-word faction name that is also a place of at least this population is a place
#: unless it speaks ("Damascus said").
VOICE_POPULATION = 500_000


def _voice_only(gz: Gazetteer) -> Callable[[str], bool]:
    return functools.partial(_is_voice_only, gz)


@functools.lru_cache(maxsize=8192)
def _is_voice_only(gz: Gazetteer, word: str) -> bool:
    """Whether a one-word faction name is also a big place (kept across articles: one lookup per word)."""
    found = gz.lookup(word, limit=1)
    if not found:
        return False
    place = found[0].place
    return place.population >= VOICE_POPULATION and fold(word) in {fold(n) for n in (place.name, *place.names)}


def _within(items: list, start: int, end: int) -> list:
    """Return the items (sorted by ``.start``) that start in ``[start, end)``."""
    lo = bisect.bisect_left(items, start, key=_START)
    hi = bisect.bisect_left(items, end, lo, key=_START)
    return items[lo:hi]


def event_candidates(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[tuple[int, int], Wording]]:
    """Return the sentences in which some trigger or background pattern matches, with the patterns to try there.

    Only these sentences can hold events.

    A literal screen (:mod:`geo.extract.prefilter`) finds the sentences holding a word that a
    pattern needs; only there are the patterns tried, in order, until one matches (a pattern of
    :data:`SECONDARY` chooses a sentence only when it names armed men: "troops", "rebels"). The
    patterns that did not match, and (where the screen is exact) those screened out, are
    not tried again, and the one that matched is read on from its first match.

    Parameters
    ----------
    text : str
        The article text.
    spans : sequence of (start, end)
        Every sentence of *text*.

    Returns
    -------
    list of ((start, end), Wording)
        The candidate sentences in order, each with the patterns that may match in it.
    """
    return list(_event_candidates(text, tuple(spans)))  # memoised: the events and the unknown places both ask


@functools.lru_cache(maxsize=4)
def _event_candidates(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[tuple[tuple[int, int], Wording], ...]:
    chosen = []
    for k, ids in _EVENT_SCREEN.candidates(text, spans).items():
        s, e = spans[k]
        order = sorted(ids)
        failed = []
        for i in order:
            if i in SECONDARY:
                continue
            found = WORDING_GATES[i].search(text, s, e)
            if found:
                break
            failed.append(i)
        else:  # only an armed wording: a sentence naming armed men ("Russian troops fled Kherson") is read
            armed = [j for j in order if j in SECONDARY] if _ARMED_MEN_GATE.search(text, s, e) else []
            found = None
            for i in armed:
                found = WORDING_GATES[i].search(text, s, e)
                if found:
                    break
                failed.append(i)
            if found is None:
                continue
        if _EVENT_SCREEN.exact_on(text[s:e]):
            rest: Sequence[int] = [j for j in order if j != i and j not in failed]
        else:  # every pattern not tried yet
            rest = [j for j in range(len(EVENT_WORDING)) if j != i and j not in failed]
        wording = sorted([(i, found.start()), *((j, s) for j in rest)])
        chosen.append((spans[k], tuple(wording)))
    return tuple(chosen)


def time_for(sent: Sentence, pos: int, clause: tuple[int, int], text: str | None = None,
             published: dt.date | None = None, *, change: bool = False) -> TimeMention | None:
    """Return the time expression of the clause (the first after *pos*, else the last before it), else None.

    Without one in the clause: the sentence's nearest to *pos*.

    With the article *text*, a clause without a time expression that an ordering word ties to
    another clause ("took Aleppo in late November before swinging south through Hama") gets
    the range that order allows (:func:`geo.extract.time.relative.ordered`).

    Parameters
    ----------
    sent : Sentence
        The sentence.
    pos : int
        Article offset of the trigger.
    clause : (start, end)
        Article offsets of the trigger's clause.
    text : str, optional
        The article text (needed to read ordering words).
    published : datetime.date, optional
        The publication date (the upper bound of an "after" range).
    change : bool
        The trigger tells a change (a capture, an entry): a "since" clause after its clause tells
        another change, whose time is its own ("... captured Goma, ... its biggest advance since the
        rebellion resurfaced in 2022"); a state's "since" clause is its start ("has held Nyala since
        the army withdrew in 2023").

    Returns
    -------
    TimeMention or None
    """
    # ", and the KIA has besieged Bhamo since December": a time far on, past ", and", is the next clause's
    times = [t for t in sent.times
             if not (text is not None and t.start > pos + _OBJECT_SPAN and _NEXT_CLAUSE.search(text, pos, t.start))
             and not (t.relation == "since" and _FIRST_TIME.search(sent.text, 0, t.start - sent.start))]
    in_clause = [t for t in times if clause[0] <= t.start < clause[1]]
    if not in_clause and text is not None:  # "quiet since September 2022, when Ukraine recaptured": that time's
        told = next((t for t in times if t.end <= clause[0] and _WHEN_OPENS.fullmatch(text, t.end, clause[0] + 4)),
                    None)
        if told is not None:
            return told
    if not in_clause and text is not None:
        by_order = ordered(text, sent.start, sent.end, pos, clause, sent.times, published)
        if by_order is not None:
            return by_order
    if in_clause:  # "took Zalingei, the capital of Central Darfur, on Tuesday": a verb's time follows its object
        reach, inside = pos + _OBJECT_SPAN, (0, 0)
        described = object_apposition(text, sent.times, pos, clause[1]) if text is not None else None
        if described is not None:  # "took Adan Yabaal, a town the militants had held since 2009, on Tuesday": the
            # time after the object's apposition is the verb's; a time inside it is the apposition's own
            inside = described
            reach = max(reach, described[1] + _AFTER_APPOSITION)
        after = [t for t in in_clause if pos < t.start <= reach and t.text.lower() not in _NOW_WORDS
                 and not inside[0] <= t.start < inside[1]]
        before = [t for t in in_clause if t.start < pos]
        if before and text is not None and before[-1].text.lower().endswith((" after", " before")):
            # "eight months after federal troops took the city, a spokesman said on Monday": the offset dates the
            # clause it opens; the day of the saying is the report's
            after = [t for t in after if not _SAID_AT.search(text, max(pos, t.start - 30), t.start)]
        if not after and not before and all(inside[0] <= t.start < inside[1] for t in in_clause):
            return None  # "freed Kupiansk, a town that Russian troops had occupied since February": the
            # apposition's time is its own, the verb has none
        return after[0] if after else before[-1] if before else in_clause[0]
    if text is not None:  # "entered Kherson, which had been occupied since March": the relative clause's own time
        relative = (_RELATIVE_AT.match(text, clause[1]) or _RELATIVE_OPEN.search(text, clause[1], sent.end)
                    ) if clause[1] < sent.end else None
        pool = times
        if relative is not None:  # it ends at its next comma: "from M23 rebels who had held it, the army said on
            # Thursday" is the main clause's Thursday
            closes = _COMMA.search(text, relative.end(), sent.end)
            own = (relative.start(), closes.start() if closes else sent.end)
            pool = [t for t in times if not own[0] <= t.start < own[1]]
        closed = [r for r in _RELATIVE_OPEN.finditer(text, sent.start, clause[0]) if r.end() < clause[0]]
        if closed:  # "The RSF, which overran the capital in April 2023, has pulled out of ...": not the main clause's
            pool = [t for t in pool if not closed[0].start() <= t.start < clause[0]]
        if _CONTRAST_OPEN.search(text[max(0, clause[0] - 12) : clause[0] + 12]):  # "..., while the army has kept its
            # hold on Omdurman": not the time of the clause before
            pool = [t for t in pool if t.start >= clause[0]]
        since = _SINCE_CLAUSE.search(text, pos if _NOMINAL_AT.match(text, pos) else clause[1], sent.end) \
            if _NOMINAL_AT.match(text, pos) or change else None
        if since is not None:  # "The fall of Avdiivka is Moscow's biggest gain since it captured Bakhmut in May last
            # year": that clause's time is its own change's
            pool = [t for t in pool if t.start < since.start()]
    else:
        pool = times
    return min(pool, key=lambda t: abs(t.start - pos)) if pool else None


_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|"
          r"Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#: A full date that opens a line, as event notes and dated entries write it: "On 15 June 2022, ...", "3 Aug 2014 -",
#: "On March 4, 2024, ..."; or a weekday heading a line of a round-up or diary, with its colon or dash ("Thursday:
#: The insurgents captured Ghazni. Herat followed in the evening.", "Monday, 9 August - ...").
_LINE_DATE = re.compile(rf"[ \t]*(?:On\s+)?(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},\s+\d{{4}}"
                        rf"(?=\s*[,:]|\s*[-–—]\s)|(?-i:{_WEEKDAY})(?:,?\s+(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}})"
                        r"(?:,?\s+\d{4})?)?(?=\s*:|\s+[-–—]\s))\s*(?:,|:|[-–—]\s)")
#: A sentence told in the present: it is the state at publication, not at the line's date.
_NOW_TENSE = re.compile(r"\b(?:is|are|remains?|still|now|currently|has|have|continues?)\b", re.I)


def line_time(article: Article, sent: Sentence) -> TimeMention | None:
    """Return the date that opens the line of a sentence told after it in the past, else None.

    An event note is one line (or paragraph) with its date first: "On 15 June 2022, FARDC
    clashed with M23 near Tshengerero. M23 retained control of Bunagana." The second sentence,
    with no time of its own, happened on that date. A round-up heads its lines with a weekday
    ("Thursday: The insurgents captured Ghazni. Herat followed in the evening."): that day, as
    of the publication date. A sentence in the present ("M23 still holds") is the state at
    publication.
    """
    text = article.text
    line = text.rfind("\n", 0, sent.start) + 1
    opening = _LINE_DATE.match(text, line)
    if opening is None or sent.start < opening.end() or _NOW_TENSE.search(sent.text):
        return None
    found = find_time_expressions(text, article.published, [(line, opening.end())])
    return found[0] if found and found[0].relation == "at" else None


#: A verb of saying right before a time: "a spokesman said on Monday", "the ministry announced on Tuesday".
_SAID_AT = re.compile(r"\b(?:said|says|announced|stated|reported|told|claimed|confirmed|added)\s+$", re.I)
#: Before a "since" that measures a change against the last like it ("back under army control for the first time
#: since December 2023"): that time is not the change's.
_FIRST_TIME = re.compile(r"\b(?:first|last)\s+time\s+$", re.I)
#: A coordinated clause with its own subject: ", and the KIA has", ", and Ukraine".
_NEXT_CLAUSE = re.compile(r",\s+and\s+(?:the\s+|its\s+|their\s+|(?-i:[A-Z]))", re.I)
#: "since" opening a clause with its own subject and verb ("since it captured", "since the army retook"), not a time.
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:it|they|he|she|we|(?:the|its|their)\s+[\w'’]+|(?-i:[A-Z])[\w'’-]*)\s+"
                           r"(?:[\w'’]+\s+)?"
                           r"(?:\w+ed|took|won|fell|began|had|has|have|was|were|lost|swept|overran|retook|drove|broke|"
                           r"struck|hit|withdrew|came|went|rose|spread|seized|ran)\b", re.I)
#: A change told as a noun ("the fall of", "the capture of"): a "since" clause after it tells another change (a state
#: "held since they wrested it in 2016" begins with that clause's time).
_NOMINAL_AT = re.compile(r"(?:fall|capture|recapture|loss|seizure|liberation|retaking|takeover)\s+of\b", re.I)
#: A clause set against the one before it: "while", "whereas" (a "but" clause often goes on in the same time).
_CONTRAST_OPEN = re.compile(r"\b(?:while|whereas)\b", re.I)
#: A relative clause opening after a trigger's clause: its times are its own.
_RELATIVE_OPEN = re.compile(r",\s*(?:which|who|where)\b", re.I)
_COMMA = re.compile(r"[,;:]")
#: A relative pronoun where a trigger's clause ends ("retook Bakhmut from Russian troops who captured it in May").
_RELATIVE_AT = re.compile(r"\s*,?\s*(?:which|who|that)\b", re.I)


#: A trigger, its object and the apposition describing it, up to the comma that closes it: "captured Adan Yabaal, a
#: town that al-Shabaab had held for a decade,", "held Pul-e-Khumri, the capital of Baghlan,".
_OBJECT_APPOSITION = re.compile(r"[\w-]+(?:\s+[\w'’-]+){1,5}?(,\s+(?:a|an|the|its|their|home\s+to)\s+[^,;()]{3,90}?"
                                # closed by a comma, or running to the sentence's end ("freed Kupiansk, a town
                                # that Russian troops had occupied since February.")
                                r"(?:,|(?=[.;!?]?[\"”’]?\s*$)))", re.I)
#: How far past the apposition's closing comma the verb's time may stand.
_AFTER_APPOSITION = 16
#: How far after the verb the apposition of its object may close.
_APPOSITION_REACH = 150


def object_apposition(text: str, times: Sequence[TimeMention], pos: int, end: int) -> tuple[int, int] | None:
    """Return the span of the apposition describing the object of the verb at *pos*, or None.

    "captured Adan Yabaal, a town that al-Shabaab had held for a decade, on Tuesday": the span
    from the comma after the object to the comma that closes the description (both included),
    within *end* and :data:`_APPOSITION_REACH` of *pos*; None when there is none, or when the
    apposition is itself a time (", the day after ...": one of *times* starts it).
    """
    described = _OBJECT_APPOSITION.match(text, pos, min(end, pos + _APPOSITION_REACH))
    if described is None or any(described.start(1) <= t.start < described.start(1) + 6 for t in times):
        return None
    return described.span(1)

#: Kinds that are states (they hold "since" a date); the others are changes.
_STATES = frozenset({"held", "besieged", "contested"})
#: How far after its trigger a verb's own time may stand (past an object with an apposition).
_OBJECT_SPAN = 80
_NOW_WORDS = frozenset({"now", "currently", "at present"})
#: A "when" clause opening right after a time ("since May 2014, when"): the clause is told at that time.
_WHEN_OPENS = re.compile(r"\s*,?\s*when", re.I)
#: A "when" clause right after a "since" time: the change that began the state, told at that time.
_SINCE_WHEN = re.compile(r"\s*,?\s*when\b[^.;:]*$", re.I)
#: An undated change in a news report: the publication day or the day before.
_UNDATED = dt.timedelta(days=1)


def _dates(time: TimeMention | None,
           published: dt.date | None) -> tuple[dt.date | None, dt.date | None, DatePrecision | None]:
    if time is not None:
        if time.relation == "since":  # the state starts within the stated unit ("since 2014": in 2014)
            return time.date, _unit_end(time), time.precision
        return time.date, time.date_end, time.precision
    if published is None:
        return None, None, None
    # "have captured", "had fallen": news reports what has just happened, so undated means by publication
    return _days_before(published, _UNDATED.days), published, "day"


def _days_before(day: dt.date, days: int) -> dt.date:
    """Return *day* minus *days* days, no earlier than the calendar's first day (1 January of year 1)."""
    return shift(day, -days)


def _unit_end(time: TimeMention) -> dt.date | None:
    """Return the last day of the unit a "since" expression names ("since June" -> 30 June), not publication."""
    start = time.date
    if time.precision == "year":
        end = dt.date(start.year, 12, 31)
    elif time.precision == "month":
        following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        end = shift(following, -1)
    else:
        return None
    return min(end, time.date_end) if time.date_end else end


def _event_id(article: Article, sent_start: int, trig_start: int, place_id: str | None) -> str:
    raw = f"{article.id}:{sent_start}:{trig_start}:{place_id}"
    return hashlib.sha1(raw.encode()).hexdigest()[:12]


#: The confidence of an event at a place outside its theatre's countries and their neighbours (a namesake
#: abroad, taken because it is notable and nothing of that name lies nearer): shown, but flagged as doubtful.
ABROAD_CONFIDENCE = 0.3
_AREA_KINDS = frozenset({"continent", "region", "country", "admin1", "admin2"})


def _abroad(place: Place, theatre: Theatre) -> bool:
    """Tell a settlement or site outside the theatre's countries and their neighbours."""
    return (place.kind not in _AREA_KINDS and place.country is not None
            and place.country not in theatre.countries and place.country not in theatre.context_countries)


def make_event(ctx: Context, sent: Sentence, trig: re.Match[str], *, kind: EventKind, written: str,
               place: Place | None,
               precision: int, gaining: str | None, losing: str | None, stance: Stance,
               time: TimeMention | None, confidence: float) -> ControlEvent:
    """Return the event of one trigger (or background pattern) match on one place.

    Parameters
    ----------
    ctx : Context
        The article being read.
    sent : Sentence
        The evidence sentence.
    trig : re.Match
        The trigger match; its offset makes the event id.
    kind, written, place, precision, gaining, losing
        The event's kind, place as written, gazetteer place (None for a name the gazetteer does
        not know: the event is kept without coordinates), geo precision and sides.
    stance : Stance
        The stance word and who it is attributed to.
    time : TimeMention or None
        The time expression; None gives the publication day or the day before.
    confidence : float
        Rounded to two decimals; at most :data:`ABROAD_CONFIDENCE` for a place outside the
        sentence's theatre's countries and their neighbours, and such a place named by one of
        its alternate names only (a transliteration from another script) is no point at all.

    Returns
    -------
    ControlEvent
    """
    article = ctx.article
    if time is not None and time.relation == "since" and kind not in _STATES \
            and _SINCE_WHEN.match(article.text, time.end, trig.start()):
        # "in government hands since May 2014, when the last rebels left the Old City": the change was in May 2014
        time = TimeMention(time.text, time.start, time.end, time.date, _unit_end(time), time.precision, "at")
    if time is not None and time.relation == "since" and kind not in _STATES:
        # a change "since June" happened between then and publication, not in June
        end = article.published if article.published and article.published > time.date else time.date_end
        time = TimeMention(time.text, time.start, time.end, time.date, end, precision_of_range(time.date, end),
                           "after")
    date, date_end, date_precision = _dates(time, article.published)
    if place is not None and sent.theatre is not None and _abroad(place, sent.theatre):
        if normalize_name(written) != normalize_name(place.name):
            place = None  # "Mansi" in Kachin State is no Muncie, Indiana (whose alternate name it is): no point
        confidence = min(confidence, ABROAD_CONFIDENCE)
    return ControlEvent(
        id=_event_id(article, sent.start, trig.start(), place.id if place else written), article=article.id,
        published=article.published, place=written, place_id=place.id if place else None,
        lat=place.lat if place else None, lon=place.lon if place else None, geo_precision=precision, date=date,
        date_end=date_end if date_end != date else None, date_precision=date_precision,
        time_text=time.text if time else None, kind=kind, actor_gaining=gaining, actor_losing=losing,
        stance=stance.word, attributed_to=stance.attributed_to, sentence=sent.text, start=sent.start, end=sent.end,
        confidence=round(confidence, 2), source=article.source, theatre=sent.theatre.id if sent.theatre else None,
    )
