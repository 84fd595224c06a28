"""Resolving time expressions to date ranges (see :mod:`geo.extract.time.expressions` for the conventions).

Each rule of :data:`geo.extract.time.words.RULE_PATTERNS` has a resolver here that turns one of its
matches into an inclusive date range and a precision, given the publication date, or refuses
it (None). :func:`resolve` is the one entry point.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from geo.dates import shift
from geo.extract.time.words import CAPITAL_ONLY, FULL_MONTHS, MONTHS, NUMBERS, POINT_RX, QUALS, UNFOLDED, WEEKDAYS
from geo.model import DatePrecision

__all__ = ["Span", "point_year", "precision_of_range", "resolve", "resolve_after"]

_D = dt.timedelta(days=1)
#: An inclusive date range and its precision.
Span = tuple[dt.date, dt.date, DatePrecision]


def precision_of_range(start: dt.date, end: dt.date | None) -> DatePrecision:
    """Return the ACLED-style precision of an inclusive date range.

    Parameters
    ----------
    start, end : datetime.date
        First and last day; ``end`` None means the single day ``start``.

    Returns
    -------
    str
        "day" for one day, "week" up to 7 days, "month" up to 31 days, else "year".
    """
    days = 1 if end is None else (end - start).days + 1
    return "day" if days <= 1 else "week" if days <= 7 else "month" if days <= 31 else "year"


def _number(word: str) -> int:
    w = " ".join(word.lower().split())
    return int(w) if w.isdigit() else 2 if w.endswith("couple of") else NUMBERS[w]


def _qual(phrase: str | None) -> str | None:
    if not phrase:
        return None
    m = re.search(r"earlier|early|later|late|middle|mid|start|beginning|end|first|opening|closing|final|last|fourth",
                  phrase, re.I)
    return QUALS[m.group().lower()] if m else None


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    y, m = divmod(year * 12 + month - 1 + k, 12)
    return y, m + 1


def _month_range(year: int, month: int, q: str | None) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    first, final = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}.get(q or "", (1, last))
    return dt.date(year, month, first), dt.date(year, month, final)


def _year_range(year: int, q: str | None) -> tuple[dt.date, dt.date]:
    first, final = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}.get(q or "", (1, 12))
    return dt.date(year, first, 1), _month_range(year, final, None)[1]


def _span_of(d: int | None, mo: int | None, y: int, q: str | None) -> tuple[dt.date, dt.date]:
    if d is not None and mo is not None:
        day = dt.date(y, mo, d)
        return day, day
    return _month_range(y, mo, q) if mo is not None else _year_range(y, q)


def _infer_year(d: int | None, mo: int, q: str | None, pub: dt.date) -> int | None:
    """Latest year putting the point at or before publication (+1 day for a day date)."""
    limit = shift(pub, 1) if d is not None else pub
    for y in range(min(pub.year + 1, 9999), max(pub.year - 9, 0), -1):
        try:
            if _span_of(d, mo, y, q)[0] <= limit:
                return y
        except ValueError:  # 29 February in a common year
            continue
    return None


def _parse_point(s: str) -> tuple[int | None, int | None, int | None, str | None, bool] | None:
    """(day, month, year, qualifier, month-written-in-full) of one point, None if refused."""
    m = POINT_RX.fullmatch(s)
    if m is None:
        return None
    g = m.groupdict()
    if g["iso"]:
        iso_y, iso_m, iso_d = map(int, g["iso"].split("-"))
        return iso_d, iso_m, iso_y, None, True
    d: str | None = g["d"] or g["d2"] or g["d3"]
    y: str | None = g["y"] or g["y2"] or g["y3"] or g["y4"] or g["y5"]
    token: str | None = g["m"] or g["m2"] or g["m3"]
    mo: int | None = None
    full = True
    if token:
        key = token.rstrip(".").lower()
        if key in CAPITAL_ONLY and not token[0].isupper():
            return None
        mo, full = MONTHS[key], key in FULL_MONTHS  # a key: resolve() refuses İ ı ſ
    day = int(d.rstrip("stndrhSTNDRH")) if d else None
    return day, mo, int(y) if y else None, _qual(g["q"] or g["q2"]), full


def _resolve_point(d: int | None, mo: int | None, y: int | None, q: str | None,
                   pub: dt.date | None) -> Span | None:
    explicit = y is not None
    if y is None:
        if pub is None or mo is None or (y := _infer_year(d, mo, q, pub)) is None:
            return None
    s, e = _span_of(d, mo, y, q)
    if not explicit and pub is not None:
        e = max(s, min(e, pub))
    return s, e, precision_of_range(s, e)


def _resolve_single(m: re.Match[str], pub: dt.date | None) -> Span | None:
    p = _parse_point(m["pt"])
    if p is None:
        return None
    d, mo, y, q, full = p
    if d is None and (mo is None or y is None) and not (m["pre"] or q):
        return None  # "March", "2016" alone: a name, a verb or a number, not a date
    if d is None and y is None and not full:
        return None  # "in Mar Elias": abbreviations need a day or a year
    return _resolve_point(d, mo, y, q, pub)


def point_year(rule: int, m: re.Match[str]) -> tuple[bool, bool] | None:
    """Whether a single calendar point names its year and whether it names a day; None for other matches.

    Parameters
    ----------
    rule : int
        Index of the rule in :data:`geo.extract.time.words.RULE_PATTERNS`; only single points (1) answer.
    m : re.Match
        A match of that rule's pattern.

    Returns
    -------
    (bool, bool) or None
        (has a year, has a day), or None when the match is no single point or is refused.
    """
    if rule != 1 or UNFOLDED.search(m[0]):
        return None
    p = _parse_point(m["pt"])
    if p is None:
        return None
    return p[2] is not None, p[0] is not None


def resolve_after(m: re.Match[str], anchor: dt.date, published: dt.date | None) -> Span | None:
    """Resolve a month without its year ("in December") told after a dated one in the same sentence.

    "captured Lalibela in August 2021, before federal troops recaptured it in December": the
    month is the first one starting on or after the month of *anchor* (the dated point told
    before it) and not after publication; None when there is none, so that the caller keeps
    the reading against publication.

    Parameters
    ----------
    m : re.Match
        A match of the single-point rule naming a month and neither a day nor a year.
    anchor : datetime.date
        First day of the dated point told before it in the same sentence.
    published : datetime.date or None
        Publication date of the text.

    Returns
    -------
    (date, date, str) or None
        First day, last day and precision, or None.
    """
    p = _parse_point(m["pt"])
    if p is None or UNFOLDED.search(m[0]):
        return None
    d, mo, y, q, full = p
    if d is not None or y is not None or mo is None or not full:
        return None
    year = anchor.year if mo >= anchor.month else anchor.year + 1
    try:
        s, e = _span_of(None, mo, year, q)
    except (ValueError, OverflowError):
        return None
    if published is not None and s > published:
        return None
    if published is not None:
        e = max(s, min(e, published))
    return s, e, precision_of_range(s, e)


#: A determiner right before a range of years: the years are a modifier of the noun after them.
#: (Not after "during" or "throughout": "during the 2014-2017 occupation" is a time.)
_DETERMINER_BEFORE = re.compile(r"(?<!during\s)(?<!throughout\s)\b(?:the|a|an|its|their|his|her|this|that|whose)\s+$",
                                re.I)


def _resolve_range(m: re.Match[str], pub: dt.date | None) -> Span | None:
    conn = m["conn"].strip().lower()
    if conn == "and" and (m["rpre"] or "").lower() != "between":
        return None  # "on 1 and 3 December" names two days, not a range
    a, b = _parse_point(m["a"]), _parse_point(m["b"])
    if a is None or b is None:
        return None
    (ad, am, ay, aq, _), (bd, bm, by, bq, _) = a, b
    if (not m["rpre"] and ad is None and am is None and bd is None and bm is None and not aq and not bq
            and _DETERMINER_BEFORE.search(m.string, 0, m.start())):
        return None  # "the 1998-2000 war", "its 2014-2017 rule": the years name a thing, as "the 2011 uprising" does
    am, bm = am or (bm if ad else None), bm or (am if bd else None)
    if (ad and am is None) or (bd and bm is None):
        return None  # "between 2 and 3 million"
    explicit = ay is not None or by is not None
    if not explicit:  # the range starts at or before publication (+1 day), like one date
        if pub is None or am is None or (ay := _infer_year(ad, am, aq, pub)) is None:
            return None
    if by is None:
        by = ay + ((bm or 12, bd or 31) < (am or 1, ad or 1))  # type: ignore[operator]
    if ay is None:
        ay = by - ((am or 1, ad or 1) > (bm or 12, bd or 31))
    s, e = _span_of(ad, am, ay, aq)[0], _span_of(bd, bm, by, bq)[1]
    if e <= s:
        return None
    if not explicit and pub is not None:
        e = max(s, min(e, pub))
    return s, e, precision_of_range(s, e)


def _weekend(pub: dt.date, last: bool) -> tuple[dt.date, dt.date]:
    sat = pub - ((pub.weekday() - 5) % 7 or 7) * _D
    if last and pub.weekday() == 6:
        sat -= 7 * _D  # "last weekend" written on a Sunday: not the one ending today
    return sat, min(sat + _D, pub)


def _period_span(pq: str | None, which: str, unit: str, pub: dt.date) -> Span | None:
    q, this, unit = _qual(pq), which.lower() in ("this", "the"), unit.lower()
    if q == "later":
        return None  # future
    if unit == "weekend":
        return (*_weekend(pub, not this), "week")
    if unit == "week":
        s = pub - (pub.weekday() + (0 if this else 7)) * _D
        first, final = {"early": (0, 2), "mid": (1, 3), "late": (3, 6)}.get(q or "", (0, 6))
        s, e = s + first * _D, s + final * _D
    elif unit == "month":
        s, e = _month_range(*_add_months(pub.year, pub.month, 0 if this else -1), q)
    else:
        s, e = _year_range(pub.year - (0 if this else 1), q)
    if s > pub:
        return None  # "late this month" written on the 5th
    e = max(s, min(e, pub - _D if q == "earlier" else pub))
    return s, e, precision_of_range(s, e)


def _ago_span(n: str, unit: str, pub: dt.date) -> Span:
    k, unit = _number(n), unit.lower()
    if unit in ("hour", "day"):
        d = pub - (k // 24 if unit == "hour" else k) * _D
        return d, d, "day"
    if unit in ("week", "fortnight"):
        d = pub - k * (7 if unit == "week" else 14) * _D
        return d, d, "week"
    if unit == "month":
        return (*_month_range(*_add_months(pub.year, pub.month, -k), None), "month")
    return (*_year_range(pub.year - k, None), "year")


def _past_span(n: str | None, unit: str, plural: str | None, pub: dt.date) -> Span | None:
    if n is None and plural:
        return None  # "the past days": vague
    k, unit = (_number(n) if n else 1), unit.lower()
    if unit in ("month", "year"):
        y, mo = _add_months(pub.year, pub.month, -k * (1 if unit == "month" else 12))
        s = dt.date(y, mo, min(pub.day, calendar.monthrange(y, mo)[1]))
    else:
        days = {"hour": -(-k // 24), "day": k, "week": 7 * k, "fortnight": 14 * k}[unit]
        s = pub - days * _D
    return s, pub, precision_of_range(min(s + _D, pub), pub)  # "past week": 7 days' precision


def _resolve_relative(m: re.Match[str], pub: dt.date | None) -> Span | None:
    if pub is None:
        return None
    g = m.groupdict()
    if g["dby"]:
        return pub - 2 * _D, pub - 2 * _D, "day"
    if g["word"]:
        w = " ".join(g["word"].lower().split())
        if w == "overnight":
            return pub - _D, pub, "day"
        d = pub - _D if w in ("yesterday", "last night") else pub
        return d, d, "day"
    if g["wd"]:
        wx = " ".join((g["wx"] or "").lower().split())
        if wx not in ("", "last", "past", "this past"):
            return None  # "next Friday", "this Friday", "every Friday", "the Sunday Times"
        off = (pub.weekday() - WEEKDAYS.index(g["wd"].lower())) % 7 or (7 if wx else 0)
        return pub - off * _D, pub - off * _D, "day"
    if g["unit"]:
        return _period_span(g["pq"], g["which"], g["unit"], pub)
    if g["wkend"]:
        return (*_weekend(pub, False), "week")
    if g["agou"]:
        return _ago_span(g["n"], g["agou"], pub)
    return _past_span(g["pn"], g["pu"], g["pl"], pub)


_RESOLVERS = (_resolve_range, _resolve_single, _resolve_relative)


def resolve(rule: int, m: re.Match[str], published: dt.date | None) -> Span | None:
    """Resolve one match of rule ``RULE_PATTERNS[rule]``; None when it is refused.

    Parameters
    ----------
    rule : int
        Index of the rule in :data:`geo.extract.time.words.RULE_PATTERNS` (range, single point, relative).
    m : re.Match
        A match of that rule's pattern.
    published : datetime.date or None
        Publication date of the text.

    Returns
    -------
    (date, date, str) or None
        First day, last day and precision. A match holding a letter that ``re.I`` took for an
        ASCII letter it does not lower-case to ("ſept", "yeſterday", "fıve days ago") is refused:
        every letter of a match belongs to a rule word, read by its lower case. So are dates
        beyond 1..9999.
    """
    if UNFOLDED.search(m[0]):
        return None
    try:
        return _RESOLVERS[rule](m, published)
    except (ValueError, OverflowError):  # dates beyond 1..9999 near date.min/max
        return None
