"""Distances quoted in article text, e.g. "about seven kilometres (4.3 miles) from Aleppo's citadel".

:func:`find_distances` scans text with compiled regular expressions (stdlib only) and returns
:class:`DistanceSpan` records; :func:`to_mentions` turns them into
:class:`geo.model.DistanceMention` with the anchor resolved by an injected gazetteer resolver.

What counts as a distance
-------------------------
A quantity (number + unit) followed by a *relation to a place*: ``away``, a compass direction
(``north-west of``, ``to the south of``, ``NNW of``, or a bare ``20 km north``), ``from``,
``outside``, ``off``, ``short of``, ``to``, or ``of`` after ``within``/``less than``. A quantity
with no such relation ("advanced 10 km", "a 40-mile convoy") is not returned. Also skipped:
areas ("35 square kilometers", "15 sq km", "20 km2", "km²"), speeds ("100 km/h", "per hour"),
lengths ("a 5km-long convoy", "10 km wide", "20 km of road"), weapon ranges ("a range of 300 km")
and movements ("advanced 10 km from their positions", "stretching 100 km from X"; but a bound
after a movement verb is a position: "advanced to within 25 km of Damascus"). A quantity in
parentheses right after another quantity is a conversion, never a distance of its own. A bare
"m" after money words ("raised 5m from donors") is millions. "within" with no place relation
("rebels are within 5 km") is not returned. "N km into/inside/behind X" are not returned (a
ring around X would be wrong for them). "within a 10-km radius of X" is ``within``.

Numbers: digits ("7", "7.5", "1,200", glued "3km"), words ("seven", "twenty-five", "a hundred",
"a dozen", "half a", "a quarter of a", "two and a half", "a mile and a half"), ranges ("5-10 km",
"seven to eight", "between 5 and 10") read as the midpoint. Vague amounts ("a few", "several",
"dozens of", "hundreds of", "a couple of") are not distances. Units: km, kms, kilometre(s),
kilometer(s), klick(s), metre(s)/meter(s), m (digits only, lower case), mile(s), mi (digits
only), nautical mile(s), yard(s)/yd, feet/ft; all converted to km.

Qualifiers: about/around/roughly/approximately/some/nearly/almost/close to/just over/just
under/an estimated/"or so" -> ``about``; within/up to/to within/no more than/at most ->
``within``; less than/under/fewer than/below -> ``less than``; more than/over/at least/beyond/
upwards of/in excess of/"or more" -> ``more than``; none -> ``exact``.

Tolerance rule
--------------
A number is *approximate* when the qualifier is ``about``, it is written in words, or it is a
round integer (>= 10 and a multiple of 5, e.g. 10, 25, 300, 1,200). Otherwise it is *exact*.

* approximate: ``tolerance = max(15% of d, min(0.5 km, d / 2))`` ("about seven km" -> 1.05 km);
* exact: ``tolerance = max(5% of d, half a unit of the last written digit)`` ("7.3 km" ->
  0.365 km, "3km" -> 0.5 km, "12 miles" -> 0.97 km);
* a range lo-hi: ``d`` is the midpoint and ``tolerance = (hi - lo) / 2 + max(5% of d, half a
  unit)``; its qualifier is ``about`` unless another was written.

Bounds ("within", "more than", "less than") use the same rule for the bound value.

Anchors
-------
The anchor phrase is kept whole as written ("Aleppo's medieval citadel", "the centre of Homs",
"the Turkish border"), stopping at punctuation, a line break, a clause word ("in", "where",
"which", "and", "on", "near", a weekday, ...), a lower-case ``-ing`` verb, or after 8 words.
A *vague* anchor (one that starts with an indefinite or possessive determiner or a pronoun,
"a location", "their positions", or whose head noun is generic: "the front", "the area", "the
scene") gives ``anchor_text=None``; the phrase stays inside the span's ``start``/``end``.
"the city" and "the airport" are kept: the resolver sees the sentence and may resolve them.

Subjects
--------
The subject is the phrase before the expression, after the last clause cut (punctuation, a
relative or clause word, a reporting or action verb such as "show", "captured", "hit", or a
verb followed by a determiner), minus trailing verbs and adverbs ("The town lies" -> "The
town", "Clashes were reported" -> "Clashes"). An appositive ("Saraqeb, some 20 km south of
Idlib") or a relative clause ("Kobane, which is 10 km from ...") gives the phrase before the
comma. A name followed by an apposition and the verb that locates it ("Pokrovsk, once home to
60,000 people, sits 70 km west of Donetsk") gives the name. A bare pronoun, an empty phrase or
one over 12 words gives None.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from geo.errors import ExtractionError
from geo.extract.distance.anchors import AnchorReading
from geo.extract.distance.phrases import anchor_bounds, is_vague, subject_before
from geo.extract.distance.quantity import Quantity, after_unit, read_quantity, tolerance, unit_key
from geo.extract.distance.words import (
    AFTER_SKIP,
    AWAY_FROM,
    COMPASS,
    DIR_PARTS,
    LEAD_SKIP,
    MONEY,
    PAREN_CONV,
    QTY,
    QTY_FIRST,
    QUALIFIERS,
    RADIUS_AFTER,
    RADIUS_BEFORE,
    RADIUS_LEAD,
    RANGE_LEAD,
    REL,
    UNIT_ANYWHERE,
    UNIT_KM,
)
from geo.extract.time.screen import folded
from geo.model import Article, DistanceMention

__all__ = ["DistanceSpan", "find_distances", "to_mentions", "QUALIFIERS"]


@dataclass(frozen=True, slots=True)
class DistanceSpan:
    """One distance expression found in a text.

    Parameters
    ----------
    distance_km : float
        The distance (or the bound, or a range's midpoint) in kilometres, > 0.
    tolerance_km : float
        Half-width of the uncertainty band, see the module docstring for the rule.
    qualifier : str
        One of :data:`QUALIFIERS`.
    direction : str or None
        Compass point (8 or 16 points: ``N``, ``NE``, ``NNW``, ...) of the subject from the anchor.
    anchor_text : str or None
        The anchor phrase as written; None when absent or vague.
    subject : str or None
        What is that far away, as written, when the sentence says so.
    start, end : int
        Offsets of the whole expression (qualifier to anchor phrase) in the text.
    anchor_start, anchor_end : int or None
        Offsets of ``anchor_text``.
    anchor_phrase : str
        The anchor phrase as written, a vague one too ("a location"); "" when there is none.
    """

    distance_km: float
    tolerance_km: float
    qualifier: str
    direction: str | None
    anchor_text: str | None
    subject: str | None
    start: int
    end: int
    anchor_start: int | None
    anchor_end: int | None
    anchor_phrase: str = ""



def _direction(word: str) -> str | None:
    if word.isupper():
        return word if word in COMPASS else None
    code = "".join(p[0] for p in DIR_PARTS.findall(word.lower())).upper()
    return code if code in COMPASS else None


def _relation(text: str, pos: int, qualifier: str) -> tuple[int, str | None, bool] | None:
    """Match the relation after a quantity: (end, direction, anchor follows) or None."""
    m = REL.match(text, pos)
    if m is None or not (m["away"] or m["dir"] or m["rel"]):
        return None
    rel = (m["rel"] or "").lower()
    if rel == "of" and qualifier not in ("within", "less than"):
        return None
    direction = _direction(m["dir"]) if m["dir"] else None
    if m["dir"] and direction is None:
        return None
    if m["away"] and not (m["dir"] or m["rel"]):
        nxt = AWAY_FROM.match(text, m.end())
        return (nxt.end(), None, True) if nxt else (m.end("away"), None, False)
    return m.end(), direction, bool(m["rel"] or m["dirrel"])


def _skipped(text: str, start: int, pos: int, unit: str, bound: bool) -> bool:
    """Whether the quantity is an area, speed, length, range, movement, conversion or money.

    A movement verb does not disqualify a bound: "advanced to within 25 km of Damascus".
    """
    before = text[max(0, start - 40):start]
    return bool(AFTER_SKIP.match(text, pos) or RANGE_LEAD.search(before)
                or (not bound and LEAD_SKIP.search(before))
                or PAREN_CONV.search(before) or (unit == "m" and MONEY.search(before)))




def _read_distance(text: str, m: re.Match[str]) -> tuple[DistanceSpan | None, int]:
    """Turn one quantity match into a span; return it (or None) and where to resume."""
    q = read_quantity(m)
    pos = m.end()
    if q is None:
        return None, pos
    pos, q = after_unit(text, pos, q, UNIT_KM[unit_key(m["unit"])])
    start = m.start()
    qualifier = q.qualifier
    bound = qualifier in ("within", "less than")
    if RADIUS_BEFORE.search(text[max(0, start - 20):start]):
        qualifier = "within"
    elif radius := RADIUS_AFTER.match(text, pos):
        if lead := RADIUS_LEAD.search(text[max(0, start - 20):start]):
            start -= len(lead[0])
        return _finish(text, start, radius.end(), q, "within", (radius.end(), None, True))
    if _skipped(text, start, pos, m["unit"], bound):
        return None, pos
    rel = _relation(text, pos, qualifier)
    if rel is None:
        return None, pos
    return _finish(text, start, pos, q, qualifier, rel)


def _finish(text: str, start: int, pos: int, q: Quantity, qualifier: str,
            rel: tuple[int, str | None, bool]) -> tuple[DistanceSpan | None, int]:
    end, direction, anchored = rel
    bounds = anchor_bounds(text, end) if anchored else None
    anchor = text[bounds[0]:bounds[1]] if bounds else None
    if bounds:
        end = bounds[1]
    phrase = anchor or ""
    if anchor is not None and is_vague(anchor):
        anchor, bounds = None, None
    q = Quantity(q.km, q.half_km, q.approx, q.floor_km, qualifier)
    span = DistanceSpan(
        distance_km=round(q.km, 6), tolerance_km=tolerance(q), qualifier=qualifier,
        direction=direction, anchor_text=anchor, subject=subject_before(text, start),
        start=start, end=end,
        anchor_start=bounds[0] if bounds else None, anchor_end=bounds[1] if bounds else None,
        anchor_phrase=phrase,
    )
    return span, end


#: The longest a quantity runs before its unit ("at a distance of between three hundred and fifty
#: and four hundred" is 69 characters); generous, since it only bounds where the search starts.
QUANTITY_REACH = 200
_QTY_WORD = re.compile(r"\w+|~")


def _first_quantity(text: str, low: str | None, start: int, end: int) -> re.Match[str] | None:
    """``QTY.search(text, start, end)``, tried only where a quantity can begin.

    A quantity begins a word (the character before it is no word character) or a "~", and that
    word is a number written in digits or one of :data:`QTY_FIRST` (compared lower-cased in
    *low*, the text lower-cased letter for letter; None: search everywhere).
    """
    if low is None:
        return QTY.search(text, start, end)
    for w in _QTY_WORD.finditer(text, start, end):
        p = w.start()
        if (not text[p].isalpha() or low[p:w.end()] in QTY_FIRST) and (m := QTY.match(text, p, end)):
            return m
    return None


def _next_quantity(text: str, low: str | None, start: int, units: list[tuple[int, int]],
                   k: int) -> re.Match[str] | None:
    """``QTY.search(text, start)``, where ``units[k]`` is the first unit at or after *start*.

    A quantity ends with its unit and no unit word can sit inside one, so the first quantity
    from *start* ends with the first unit that ends one. Each unit in turn is tried with the
    search cut 3 characters after it (the look-ahead past a unit reads one): a match ending
    at that unit is the one the whole-text search finds, and no quantity ending at a later unit
    starts before this unit.
    """
    lo = start
    for u0, u1 in units[k:]:
        if u1 + 3 >= len(text):
            return _first_quantity(text, low, lo, len(text))
        m = _first_quantity(text, low, lo, u1 + 3)
        if m is not None and m.end() <= u1:
            return m
        lo = max(lo, u0)
    return None


def find_distances(text: str) -> list[DistanceSpan]:
    """Find the distances to places quoted in ``text``.

    Parameters
    ----------
    text : str
        Any text (an article body, a sentence).

    Returns
    -------
    list of DistanceSpan
        In text order; offsets index ``text``. Areas, speeds, lengths, weapon ranges, vague
        amounts and parenthesised conversions are not returned (see the module docstring).

    Examples
    --------
    >>> s = find_distances("Clashes were reported about 20 km (12 miles) north-west of Hama.")
    >>> (s[0].distance_km, s[0].qualifier, s[0].direction, s[0].anchor_text, s[0].subject)
    (20.0, 'about', 'NW', 'Hama', 'Clashes')
    """
    spans: list[DistanceSpan] = []
    units = [u.span() for u in UNIT_ANYWHERE.finditer(text)]
    low = folded(text) if units else None
    pos, k = 0, 0
    while True:
        # Every quantity ends in a unit: start looking no earlier than QUANTITY_REACH before the next one.
        while k < len(units) and units[k][0] < pos:
            k += 1
        if k == len(units):
            return spans
        m = _next_quantity(text, low, max(pos, units[k][0] - QUANTITY_REACH), units, k)
        if m is None:
            return spans
        span, resume = _read_distance(text, m)
        if span is not None and span.distance_km > 0:
            spans.append(span)
        pos = max(resume, m.start() + 1)


def to_mentions(
    spans: Iterable[DistanceSpan],
    *,
    article: Article,
    sentence_of: Callable[[int], tuple[int, int]],
    read_anchor: Callable[[DistanceSpan, tuple[int, int]], AnchorReading],
) -> list[DistanceMention]:
    """Turn spans found in ``article.text`` into DistanceMention records.

    Parameters
    ----------
    spans : iterable of DistanceSpan
        Spans from ``find_distances(article.text)``.
    article : Article
        The article the spans come from.
    sentence_of : callable
        ``sentence_of(offset) -> (start, end)``: the sentence holding a character offset.
    read_anchor : callable
        ``read_anchor(span, sentence) -> AnchorReading``: the anchor and subject of a span
        (:meth:`geo.extract.distance.anchors.AnchorReader.read`).

    Returns
    -------
    list of DistanceMention
        ``start``/``end`` are the sentence's offsets, ``text`` the distance expression as written;
        ``anchor_name`` is the resolved place's name, else the phrase as written ("" if vague).

    Raises
    ------
    ExtractionError
        If a span or a sentence does not fit the article text.
    """
    mentions = []
    n = len(article.text)
    for span in spans:
        if not 0 <= span.start < span.end <= n:
            raise ExtractionError(
                f"distance span {span.start}-{span.end} lies outside article {article.id} "
                f"({n} chars); pass spans found in this article's text"
            )
        s0, s1 = sentence_of(span.start)
        if not 0 <= s0 <= span.start < s1 <= n:
            raise ExtractionError(
                f"sentence_of({span.start}) returned {s0}-{s1}, which does not hold the offset in "
                f"article {article.id}; fix the sentence splitter"
            )
        reading = read_anchor(span, (s0, s1))
        place, locator = reading.place, reading.locator
        mentions.append(DistanceMention(
            distance_km=span.distance_km, tolerance_km=span.tolerance_km,
            qualifier=span.qualifier, direction=span.direction,
            anchor=place.id if place else None,
            anchor_name=place.name if place else (span.anchor_text or ""),
            anchor_lat=place.lat if place else None, anchor_lon=place.lon if place else None,
            subject=span.subject, article=article.id, sentence=article.text[s0:s1], start=s0, end=s1,
            published=article.published, text=article.text[span.start:span.end],
            anchor_text=span.anchor_phrase, anchor_kind=reading.kind, anchor_country=reading.country,
            subject_place=reading.subject.id if reading.subject else None,
            locator=locator.id if locator else None, locator_name=reading.locator_written,
            locator_lat=locator.lat if locator else None, locator_lon=locator.lon if locator else None,
            side_country=reading.side_country, unresolved=reading.reason,
        ))
    return mentions
