"""The event rules against their plain version (the oracle: every trigger pattern tried on every
candidate sentence, stance and clause recomputed per trigger), on the seeds, the dev set and
generated hostile text; and probes of the per-sentence sharing (clause, stance, screen)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gazetteer import Gazetteer, Place
from geo.extract import lexicon as lx
from geo.extract.background import _coordinated_before  # unchanged
from geo.extract.context import (  # make_event: unchanged
    EVENT_WORDING,
    Context,
    Sentence,
    make_event,
    read_sentences,
    time_for,
)
from geo.extract.events import extract_events
from geo.extract.places import SETTLEMENTS, target_places  # unchanged but for hoisted regex compiles
from geo.extract.prefilter import LiteralScreen
from geo.extract.time.expressions import TimeMention
from geo.factions import find_actors
from geo.model import Article, ControlEvent, Stance
from geo.read.corpus import read_article
from geo.read.sentences import split_sentences

# ---------------------------------------------------------------------------------------------------------
# The oracle: geo.extract.events, geo.extract.background and the event parts of geo.extract.context as they were before
# the per-sentence sharing and the per-pattern screen (docstrings left out); geo.extract.places is imported.
# ---------------------------------------------------------------------------------------------------------

_STANCE_RANK = {"denied": 0, "claimed": 1, "reported": 2, "verified": 3}
_PLAIN_SCREEN = LiteralScreen(EVENT_WORDING)


def _clause_bounds(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    lo, hi = start, end
    for m in lx.CLAUSE_BREAK.finditer(text, start, end):
        if m.end() <= pos:
            lo = m.start() if m.group(0).strip().lower() in {"before", "after", "when", "since", "following",
                                                              "until"} else m.end()
        elif m.start() >= pos:
            hi = m.start()
            break
    return lo, hi


def _hedged(text: str, lo: int, trig: re.Match[str], kind: str) -> bool:
    window = text[max(lo, trig.start() - 60) : trig.start()]
    if lx.HEDGE.search(window):
        return True
    if re.search(r"\bto\s+$", window) and not lx.ACHIEVED.search(window):
        return True
    return kind == "contested" and bool(lx.ENDED.search(text[trig.end() : trig.end() + 60]))


_CONTRAST = re.compile(r",\s*but\b|;|\bbut\b|\bhowever\b", re.I)


def _same_span(text: str, a: int, b: int) -> bool:
    return a <= b and not _CONTRAST.search(text, a, b)


def _stance(sent: Sentence, text: str, pos: int | None = None) -> tuple[str, str | None]:
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


def _actors(sent: Sentence, trig: re.Match[str], passive: bool, recent: str | None) -> tuple[str | None, bool]:
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


def _sentence_events(ctx: Context, sent: Sentence) -> list[ControlEvent]:
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
            targets = target_places(text, ctx, sent, trig, clause, trigger.passive, trigger.weak)
            if not targets:
                continue
            claimed_spans.append((trig.start(), trig.end()))
            events.extend(_trigger_events(ctx, sent, trig, trigger, clause, targets,
                                          _stance(sent, text, trig.start())))
    events.extend(background_events(ctx, sent, claimed_spans, stance))
    return events


def _trigger_events(ctx: Context, sent: Sentence, trig: re.Match[str], trigger: lx.Trigger,
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
    time = time_for(sent, trig.start(), clause)
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

def _make_event(ctx: Context, sent: Sentence, trig: re.Match[str], kind: str, written: str, place: Place,
                precision: int, gaining: str | None, losing: str | None, stance: tuple[str, str | None],
                time: TimeMention | None, confidence: float) -> ControlEvent:
    """make_event as the plain extractor calls it (positionally; the real one takes keywords and a Stance)."""
    return make_event(ctx, sent, trig, kind=kind, written=written, place=place,  # type: ignore[arg-type]
                      precision=precision, gaining=gaining, losing=losing,
                      stance=Stance(*stance), time=time, confidence=confidence)  # type: ignore[arg-type]


def plain_extract_events(article: Article, gazetteer: Gazetteer,
                         sentences: Sequence[tuple[int, int]]) -> list[ControlEvent]:
    """The extractor before this change: every trigger pattern tried on every candidate sentence."""
    chosen = plain_event_spans(article.text, sentences)
    read = read_sentences(article, gazetteer, sentences, chosen)
    return plain_read_events(Context(article, gazetteer), read, chosen)


def plain_read_events(ctx: Context, read: list[Sentence], chosen: list[tuple[int, int]]) -> list[ControlEvent]:
    events: list[ControlEvent] = []
    candidates = set(chosen)
    for sent in read:
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

def background_events(ctx: Context, sent: Sentence, taken: list[tuple[int, int]],
                      stance: tuple[str, str | None]) -> list[ControlEvent]:
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
        targets = target_places(text, ctx, sent, m, (sent.start, sent.end), False, True)
        for written, place, precision in targets:
            if faction and faction[0].faction:
                events.append(_make_event(ctx, sent, m, "held", written, place, max(precision, 2 if
                                         "half" in text[m.end():m.end() + 12] else precision), faction[0].faction,
                                         None, ("reported", None), time_for(sent, m.start(), (sent.start, sent.end)),
                                         0.6))
    return events


def plain_event_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    chosen = []
    for k, ids in _PLAIN_SCREEN.candidates(text, spans).items():
        s, e = spans[k]
        if any(EVENT_WORDING[i].search(text, s, e) for i in sorted(ids)):
            chosen.append(spans[k])
    return chosen

# ---------------------------------------------------------------------------------------------------------
# The tests
# ---------------------------------------------------------------------------------------------------------

PUB = dt.date(2024, 12, 10)
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def gz():  # type: ignore[no-untyped-def]
    from gazetteer.resolver import default_gazetteer

    return default_gazetteer()


def _article(text: str, published: dt.date | None = PUB) -> Article:
    return Article(id="probe", path="probe.txt", published=published, source="test", title=None, url=None, text=text)


def _both(gz: Gazetteer, article: Article) -> tuple[list[ControlEvent], list[ControlEvent]]:
    spans = split_sentences(article.text)
    return extract_events(article, gz, spans), plain_extract_events(article, gz, spans)


_TRIGGERS = ["captured", "seized", "took control of", "took", "fell to", "was captured by", "were overrun by",
             "withdrew from", "pulled out of", "lost control of", "lost", "entered", "stormed", "besieged",
             "encircled", "under siege", "was cut off", "controlled by", "in the hands of", "under government control",
             "stronghold of", "controls", "broke the siege of", "the siege of", "regained", "recaptured", "retook",
             "clashes in", "fighting in", "fierce battles", "contested", "rebel-held", "government-held",
             "previously under", "forced out by", "swept through", "advanced into", "had fallen to", "had been taken"]
_PLACES = ["Aleppo", "Idlib", "Hama", "Homs", "Saraqib", "Maarat al-Numan", "Damascus", "Deir ez-Zor", "Kobani",
           "Raqqa", "Aleppo province", "eastern Aleppo", "the city", "the town", "the airport", "the military academy",
           "the base", "Syria", "Kharkiv", "Aleppo and Idlib", "Hama, Homs and Saraqib"]
_SIDES = ["rebels", "HTS", "the army", "government forces", "the SDF", "Islamic State", "Turkish-backed fighters",
          "the Syrian Observatory for Human Rights", "Russia", "opposition fighters", "regime-affiliated media",
          "Hezbollah", "the regime", "insurgents"]
_CUES = ["failed to", "tried to", "threatened to", "did not", "managed to", "plans to", "reached the outskirts of",
         "said", "claimed", "according to", "told Reuters", "announced", "denied", "rejected",
         "a claim the army denied", "BBC Verify has geolocated", "could not be independently verified", "confirmed",
         "reported", ",", "but",
         ", but", "while", "after", "and", ";", "since", "however", "which", "when", "to", "the", "of", "in",
         "on Friday", "in 2016", "since June", "last week", "on 27 November", "in March 2020", "most of",
         "positions in", "a number of towns in", "half of", "north of", "near", "wound down", "by", "."]
_HOSTILE = ["İdlib", "ıdlib", "ſeized", "captured", "Kobani", "e\u0301", "\u200f", "\u05e9\u05dc\u05d5\u05dd",
            "\x00", "ß", "ﬁ", "a" * 300, "—", "’", "“", "\u0130", "ſiege", "SEIZED", "ΣΑΣ", "ǅ"]
_CLAUSES = st.tuples(st.sampled_from(["", *_SIDES]), st.sampled_from(["", "", *_CUES]), st.sampled_from(_TRIGGERS),
                     st.sampled_from(_PLACES), st.sampled_from(["", *_CUES])).map(" ".join)
_TOKENS = st.one_of(_CLAUSES, _CLAUSES, st.sampled_from(_TRIGGERS), st.sampled_from(_PLACES), st.sampled_from(_SIDES),
                    st.sampled_from(_CUES), st.sampled_from(_HOSTILE), st.text(max_size=4))
_TEXTS = st.lists(_TOKENS, min_size=1, max_size=30).map(" ".join)


@pytest.mark.slow
def test_the_seeds_and_the_dev_set_give_the_plain_events(gz) -> None:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "benchmarks/devset/articles").glob("*.txt"))
    assert len(paths) >= 5
    total = 0
    for path in paths:
        fast, plain = _both(gz, read_article(path)[0])
        assert fast == plain, path.name
        total += len(fast)
    assert total > 20  # the comparison saw real events


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS, st.sampled_from([PUB, None]))
def test_generated_sentences_give_the_plain_events(gz, text: str, published: dt.date | None) -> None:
    fast, plain = _both(gz, _article(text, published))
    assert fast == plain


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_shared_stance_agrees_with_the_per_trigger_one_at_every_offset(gz, text: str) -> None:
    from geo.extract.events import _Stance

    spans = split_sentences(text)
    for sent in read_sentences(_article(text), gz, spans, spans):
        stance = _Stance(text, sent)
        for pos in range(sent.start, sent.end + 1):
            assert stance.at(pos) == _stance(sent, text, pos)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_candidate_sentences_are_the_plain_ones_and_every_matching_pattern_is_tried(text: str) -> None:
    from geo.extract.context import event_candidates

    spans = split_sentences(text)
    found = event_candidates(text, spans)
    assert [span for span, _ in found] == plain_event_spans(text, spans)
    for (s, e), wording in found:
        begins = dict(wording)
        assert [i for i, _ in wording] == sorted(begins)
        assert all(s <= begin < e for begin in begins.values())
        assert any(EVENT_WORDING[i].search(text, begin, e) for i, begin in wording)
        for i, pattern in enumerate(EVENT_WORDING):
            matches = [m.span() for m in pattern.finditer(text, s, e)]
            if matches:  # tried, and read from where it gives the same matches
                assert i in begins, (text[s:e], pattern.pattern[:50])
                assert [m.span() for m in pattern.finditer(text, begins[i], e)] == matches


def test_a_trigger_the_screen_cannot_see_is_still_read(gz) -> None:
    # "ſeized" matches the capture pattern case-insensitively, but its lower case has no "seize":
    # the screen would leave the capture pattern out of this sentence (chosen for "entered").
    text = "Government forces entered Hama and ſeized Homs on Friday."
    fast, plain = _both(gz, _article(text))
    assert fast == plain
    assert {(e.place, e.kind) for e in fast} >= {("Hama", "entered"), ("Homs", "captured")}


def test_one_sentence_with_a_claim_a_denial_and_a_contrast(gz) -> None:
    text = ("HTS said on Friday it had captured Saraqib and Hama, but the army denied that rebels had entered Homs, "
            "which the Syrian Observatory for Human Rights said was under siege.")
    fast, plain = _both(gz, _article(text))
    assert fast == plain
    stance = {e.place: (e.kind, e.stance, e.attributed_to) for e in fast}
    assert stance["Saraqib"] == ("captured", "claimed", "opposition")
    assert stance["Homs"][1] == "denied"


def test_hedged_and_background_statements_match_the_plain_rules(gz) -> None:
    text = ("Rebels failed to capture Hama. Rebels managed to break the siege of Aleppo. "
            "Saraqib, previously under government control, was taken by HTS in 2020. "
            "The rebels, forced out by the army in 2016, entered rebel-held Idlib.")
    fast, plain = _both(gz, _article(text))
    assert fast == plain
    assert not [e for e in fast if e.place == "Hama"]
    found = {(e.place, e.kind, e.actor_gaining) for e in fast}
    assert ("Aleppo", "siege_broken", "unknown") in found  # "managed to" is no hedge
    assert ("Idlib", "held", "opposition") in found  # "rebel-held"
