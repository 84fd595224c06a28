"""The event rules with and without the literal screen (the plain path: every pattern tried from the start of
every sentence) on the seeds, the dev set and generated hostile text; and probes of the per-sentence sharing
(clause, stance, screen)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gazetteer import Gazetteer
from geo.extract.context import ARMED_MEN, EVENT_WORDING, SECONDARY, Context, read_sentences
from geo.extract.events import _read_events, extract_events
from geo.model import Article, ControlEvent
from geo.read.corpus import read_article
from geo.read.sentences import split_sentences


def plain_extract_events(article: Article, gazetteer: Gazetteer,
                         sentences: Sequence[tuple[int, int]]) -> list[ControlEvent]:
    """The extractor with no screen: every pattern tried from the start of every sentence that has one."""
    chosen = plain_event_spans(article.text, sentences)
    read, theatre, _ = read_sentences(article, gazetteer, sentences, chosen)
    wording = {span: tuple((i, span[0]) for i in range(len(EVENT_WORDING))) for span in chosen}
    return _read_events(Context(article, gazetteer, theatre), read, wording)


def plain_event_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences in which some pattern matches, trying every pattern everywhere (a secondary one only in a
    sentence that names armed men)."""
    return [span for span in spans
            if any(p.search(text, *span) for k, p in enumerate(EVENT_WORDING)
                   if k not in SECONDARY or ARMED_MEN.search(text, *span))]


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
    assert ("Aleppo", "siege_broken", "opposition") in found  # "managed to" is no hedge
    assert ("Idlib", "entered", "opposition") in found  # the army only forced them out, in 2016
    assert ("Idlib", "held", "opposition") in found  # "rebel-held"
