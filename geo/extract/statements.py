"""Statements quoted at length: what a party's communiqué says inside its quotation marks is its claim.

A report often introduces a party's statement with a colon and quotes it whole, over several
sentences ("Its spokesman read out a communiqué: 'Units of the armed forces have liberated
the city of Gharyan ... Our forces have today taken control of Qasr Bin Ghashir.'"). Every
sentence inside those quotation marks is the speaker's word, not the reporter's: a change told
there is the speaker's claim, and a side the sentence leaves unnamed or names only in the
speaker's own words ("our forces", "the armed forces", "the mujahideen") is the speaker's.
:func:`quoted_statements` finds the quotations a colon introduces after a word of saying;
:func:`in_statements` applies them to the events of an article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from geo.extract.context import Sentence
from geo.model import ControlEvent

__all__ = ["QuotedStatement", "in_statements", "quoted_statements"]

#: A word of saying in the clause a colon ends: "said in full:", "read in part:", "a communiqué posted ...:".
_SAYING = re.compile(r"\b(?:said|says|say|read|reads|stated|states|declared|declares|announced|announces|wrote|writes|"
                     r"posted|added|continued|told|statement|communiqu[ée]s?|declaration|announcement|bulletin|"
                     r"in\s+full|in\s+part|as\s+follows)\b", re.I)
#: A colon, then (across spaces or a paragraph break) an opening quotation mark.
_COLON_QUOTE = re.compile(r":\s{0,4}([\"“])")
#: The longest quotation read as one statement.
_REACH = 3000
#: The speaker's own words for its side: first person, or a bare name for an armed force.
_OWN_WORDS = re.compile(r"\b(?:we|our|us|the\s+(?:armed\s+forces|army|mujahideen|mujahidin|movement|forces|troops)|"
                        r"units\s+of\s+the\s+armed\s+forces)\b", re.I)


class QuotedStatement(NamedTuple):
    """A quotation introduced by a colon: where its introduction starts, where it opens and where it closes."""

    intro: int
    start: int
    end: int


def quoted_statements(text: str, sentences: Sequence[tuple[int, int]]) -> list[QuotedStatement]:
    """Return the quotations of *text* that a colon after a word of saying introduces.

    The quotation runs to its closing mark (a straight quote closes a straight one, a curly one a
    curly one), at most :data:`_REACH` characters on; one left open runs to the end of that reach
    or of the text.

    Parameters
    ----------
    text : str
        The article text.
    sentences : sequence of (start, end)
        The sentence offsets; the introduction is the sentence the colon ends.

    Returns
    -------
    list of QuotedStatement

    Examples
    --------
    >>> t = 'The army said in a statement: "Troops have retaken Sinja. The town is calm." Residents fled.'
    >>> [(t[q.start:q.end]) for q in quoted_statements(t, [(0, 57), (58, 76), (77, 92)])]
    ['"Troops have retaken Sinja. The town is calm."']
    """
    found: list[QuotedStatement] = []
    for m in _COLON_QUOTE.finditer(text):
        colon = m.start()
        intro = next((s for s, e in sentences if s <= colon < max(e, colon + 1)), None)
        if intro is None:
            intro = max((s for s, _ in sentences if s <= colon), default=0)
        if not _SAYING.search(text, intro, colon):
            continue
        opening = m.start(1)
        closer = "”" if m.group(1) == "“" else '"'
        close = text.find(closer, opening + 1, opening + _REACH)
        end = close + 1 if close >= 0 else min(len(text), opening + _REACH)
        found.append(QuotedStatement(intro, opening, end))
    return found


def _speaker(sentences: Sequence[Sentence], intro: int) -> str | None:
    """Return the side that speaks in a statement introduced in the sentence at *intro*, or None.

    The first side the introduction names ("The statement by the army spokesman ... read in
    part:"), else the first the sentence before it names ("The LNA said on Friday ... Its
    spokesman read out a communiqué:").
    """
    at = next((i for i, s in enumerate(sentences) if s.start <= intro < max(s.end, intro + 1)), None)
    if at is None:
        return None
    for sent in (sentences[at], sentences[at - 1] if at > 0 else None):
        if sent is None:
            continue
        sides = [a.faction for a in sent.actors if a.faction and a.faction != "unknown" and not a.monitor
                 and not a.open_army]
        if sides:
            return sides[0]
    return None


def in_statements(text: str, sentences: Sequence[Sentence], events: list[ControlEvent]) -> list[ControlEvent]:
    """Return *events* with those told inside a quoted statement made its speaker's.

    An event whose sentence lies inside the quotation becomes the speaker's claim when it was
    the reporter's word; and, unless it is a withdrawal, the speaker gains it when the
    speaker's own words name the sentence's first side ("Our forces have taken control of
    Qasr Bin Ghashir", "Units of the armed forces have liberated Gharyan after the surrender of
    its militias"). A side the quotation names before those words keeps its own.

    Parameters
    ----------
    text : str
        The article text.
    sentences : sequence of Sentence
        The article's sentences as read, with the sides each names.
    events : list of ControlEvent
        The article's events.

    Returns
    -------
    list of ControlEvent
    """
    statements = quoted_statements(text, [(s.start, s.end) for s in sentences])
    if not statements:
        return events
    by_start = {s.start: s for s in sentences}
    out = []
    for e in events:
        inside = next((q for q in statements if q.start <= e.start and e.end <= q.end + 1
                       or e.start <= q.start < e.end and q.start < e.end <= q.end + 1), None)
        speaker = _speaker(sentences, inside.intro) if inside is not None else None
        if inside is None or speaker is None:
            out.append(e)
            continue
        if e.stance == "reported" and not e.attributed_to:
            e = replace(e, stance="claimed", attributed_to=speaker)
        sent = by_start.get(e.start)
        own = _OWN_WORDS.search(text, max(e.start, inside.start), e.end)
        named = [a for a in (sent.actors if sent is not None else ())
                 if a.faction and a.faction != "unknown" and not a.monitor and not a.open_army
                 and own is not None and max(e.start, inside.start) <= a.start < own.start()
                 and not _OWN_WORDS.fullmatch(a.text)]
        if e.kind != "withdrew" and own is not None and not named and e.actor_gaining != speaker:
            # the speaker's words open the sentence's sides: its subject ("Units of the armed forces have liberated
            # the city of Gharyan after the surrender of its militias": the militias are the other side)
            e = replace(e, actor_gaining=speaker, actor_losing=None if e.actor_losing == speaker else e.actor_losing)
        out.append(e)
    return out
