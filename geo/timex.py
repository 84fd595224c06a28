"""Time expressions in English news text, resolved against the article's publication date.

Three compiled patterns scan the text once each: explicit ranges ("between 1 and 3
December", "from 27 November to 8 December", "1-3 December"), single calendar points
("6 August 2016", "Aug. 6", "in late November", "since May 2014", "by 2020", ISO dates)
and expressions relative to the publication date ("yesterday", "on Wednesday", "last
week", "earlier this month", "over the weekend", "three days ago", "in the past 24
hours"). Every match is resolved to an inclusive date range; the longest resolvable match
wins where matches overlap.

Conventions (past tense is assumed: news reports what has happened):

* a day and month without a year ("on 29 November") is the latest such date not after
  publication + 1 day (time zones); a month or part of one ("late November") is the
  latest one starting on or before publication, its end clipped to publication;
* a bare weekday ("on Wednesday", "Wednesday night") is the latest such day on or before
  publication; "last Wednesday" is the latest strictly before it;
* "last week" is the previous ISO week (Monday..Sunday); "over the weekend" the last
  Saturday..Sunday whose Saturday precedes publication; early/mid/late split a month into
  days 1-10 / 11-20 / 21-end and a year into Jan-Apr / May-Aug / Sep-Dec;
* "N months ago" is that calendar month, "N years ago" that calendar year;
* future and anchor-relative expressions are not resolved: "next Friday", "tomorrow",
  "later this month", "this Friday", "a year later", "the following day";
* without a publication date only expressions that carry a year are resolved;
* "May", "March" and "August" are months only when capitalised ("may" and "march" are
  verbs); a month or year on its own needs a preposition or a qualifier ("in March",
  "late 2016"), abbreviated months need a day or a year ("Aug. 6").
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from geo.errors import DateError
from geo.prefilter import required_literals

__all__ = ["CALENDAR_WORD", "TimeMention", "find_time_expressions", "parse_date", "precision_of_range"]

_D = dt.timedelta(days=1)
_FULL_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTHS = {m: i + 1 for i, m in enumerate(_FULL_MONTHS)}
_MONTHS.update({m[:3]: i + 1 for i, m in enumerate(_FULL_MONTHS)} | {"sept": 9})
_CAPITAL_ONLY = frozenset({"may", "march", "mar", "august"})
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBERS = {w: i for i, w in enumerate(("zero one two three four five six seven eight nine ten "
                                        "eleven twelve thirteen fourteen fifteen sixteen "
                                        "seventeen eighteen nineteen twenty").split())}
_NUMBERS.update({"a": 1, "an": 1, "thirty": 30})
_RELATION = {"since": "since", "from": "since", "by": "by", "until": "by", "till": "by",
             "up to": "by", "before": "before", "after": "after"}
_QUALS = {"early": "early", "start": "early", "beginning": "early", "mid": "mid",
          "middle": "mid", "late": "late", "end": "late", "earlier": "earlier", "later": "later"}


def _alt(words: object) -> str:
    return "|".join(sorted(set(words), key=len, reverse=True))  # type: ignore[arg-type]


_MONTH = rf"(?:(?:{_alt(_FULL_MONTHS)})\b|(?:{_alt(k for k in _MONTHS if len(k) <= 4)})\b\.?)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?:1[89]|20)\d\d\b"
_WD = rf"(?:{_alt(_WEEKDAYS)})\b"
#: A weekday or month name written as a name (capitalised): never a place, whatever the gazetteer holds.
CALENDAR_WORD = re.compile(r"\b(?:" + "|".join(w.capitalize() for w in (*_WEEKDAYS, *_FULL_MONTHS)) + r")\b")
_QUAL = r"(?:early|mid|late)(?:\s*-\s*|\s+)|(?:the\s+)?(?:start|beginning|end|middle)\s+of\s+"
_NUM = rf"\d{{1,3}}|(?:a\s+)?couple\s+of|{_alt(_NUMBERS)}"
_B = r"(?<![\w-])"
_PRE = (r"(?:(?P<pre>since|by|until|till|up\s+to|before|after|in|on|at|over|during|within"
        r"|as\s+of|from|throughout|through)\s+)?")


def _point(named: bool, bare_day: bool) -> str:
    """Regex of one calendar point; named groups only in the version used for parsing."""
    def g(name: str) -> str:
        return f"(?P<{name}>" if named else "(?:"
    alts = [
        rf"{g('iso')}\d{{4}}-\d\d-\d\d)\b",
        rf"(?:{_WD},?\s+)?(?:the\s+)?{g('d')}{_DAY})(?:\s+of)?\s+{g('m')}{_MONTH})"
        rf"(?:,?\s+{g('y')}{_YEAR}))?",
        rf"(?:{_WD},?\s+)?{g('m2')}{_MONTH})\s+{g('d2')}{_DAY})(?:,?\s+{g('y2')}{_YEAR}))?",
        rf"{g('q')}{_QUAL})?{g('m3')}{_MONTH})(?:,?\s+{g('y3')}{_YEAR}))?",
        rf"{g('q2')}{_QUAL})?{g('y4')}{_YEAR})",
    ]
    if bare_day:
        alts.append(rf"{g('d3')}{_DAY})(?:,?\s+{g('y5')}{_YEAR}))?")
    return "|".join(alts)


_POINT_RX = re.compile(_point(True, True), re.I)
_SINGLE_RX = re.compile(rf"{_B}{_PRE}(?P<pt>{_point(False, False)})", re.I)
_RANGE_RX = re.compile(
    rf"{_B}(?:(?P<rpre>between|from)\s+)?(?P<a>{_point(False, True)})"
    rf"(?P<conn>\s+(?:and|to|until|till|through)\s+|\s*[-–—]\s*)(?P<b>{_point(False, True)})",
    re.I)
_REL_RX = re.compile(rf"""{_B}{_PRE}(?:
   (?P<dby>(?:the\s+)?day\s+before\s+yesterday)
  |(?P<word>yesterday|today|tonight|overnight|last\s+night|earlier\s+today
     |this\s+(?:morning|afternoon|evening))
  |(?:(?P<wx>this\s+past|past|last|next|this|coming|the|a|every|each|following)\s+)?
     (?P<wd>{_WD})(?:\s+(?:morning|afternoon|evening|night))?
  |(?P<pq>{_QUAL}|earlier\s+|later\s+)?(?P<which>last|this\s+past|this|(?<=of\s)the)\s+
     (?P<unit>weekend|week|month|year)\b(?!\s+of\b)
  |the\s+(?P<wkend>weekend)
  |(?P<n>{_NUM})\s+(?P<agou>hour|day|week|fortnight|month|year)s?\s+ago
  |(?:the\s+)?(?:past|last)\s+(?:(?P<pn>{_NUM})\s+)?
     (?P<pu>hour|day|week|fortnight|month|year)(?P<pl>s)?\b(?!\s+of\b)
)(?!\w)""", re.I | re.X)


@dataclass(frozen=True, slots=True)
class TimeMention:
    """One time expression found in a text, resolved to an inclusive date range.

    ``date_end`` is None for a single day (or, for relation "since" without a
    publication date, for an open end). ``precision`` is "day", "week", "month" or "year";
    ``relation`` is "at", "since", "by", "before" or "after".
    """

    text: str
    start: int
    end: int
    date: dt.date
    date_end: dt.date | None
    precision: str
    relation: str


def precision_of_range(start: dt.date, end: dt.date | None) -> str:
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
    return int(w) if w.isdigit() else 2 if w.endswith("couple of") else _NUMBERS[w]


def _qual(phrase: str | None) -> str | None:
    if not phrase:
        return None
    m = re.search(r"earlier|early|later|late|middle|mid|start|beginning|end", phrase, re.I)
    return _QUALS[m.group().lower()] if m else None


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
    limit = pub + _D if d is not None and pub < dt.date.max else pub
    for y in range(min(pub.year + 1, 9999), max(pub.year - 9, 0), -1):
        try:
            if _span_of(d, mo, y, q)[0] <= limit:
                return y
        except ValueError:  # 29 February in a common year
            continue
    return None


def _parse_point(s: str) -> tuple[int | None, int | None, int | None, str | None, bool] | None:
    """(day, month, year, qualifier, month-written-in-full) of one point, None if refused."""
    m = _POINT_RX.fullmatch(s)
    if m is None:
        return None
    g = m.groupdict()
    if g["iso"]:
        y, mo, d = map(int, g["iso"].split("-"))
        return d, mo, y, None, True
    d, y = g["d"] or g["d2"] or g["d3"], g["y"] or g["y2"] or g["y3"] or g["y4"] or g["y5"]
    token, mo, full = g["m"] or g["m2"] or g["m3"], None, True
    if token:
        key = token.rstrip(".").lower()
        if key in _CAPITAL_ONLY and not token[0].isupper():
            return None
        mo, full = _MONTHS[key], key in _FULL_MONTHS
    day = int(d.rstrip("stndrhSTNDRH")) if d else None
    return day, mo, int(y) if y else None, _qual(g["q"] or g["q2"]), full


_Span = tuple[dt.date, dt.date, str]


def _resolve_point(d: int | None, mo: int | None, y: int | None, q: str | None,
                   pub: dt.date | None) -> _Span | None:
    explicit = y is not None
    if y is None:
        if pub is None or mo is None or (y := _infer_year(d, mo, q, pub)) is None:
            return None
    s, e = _span_of(d, mo, y, q)
    if not explicit and pub is not None:
        e = max(s, min(e, pub))
    return s, e, precision_of_range(s, e)


def _resolve_single(m: re.Match[str], pub: dt.date | None) -> _Span | None:
    p = _parse_point(m["pt"])
    if p is None:
        return None
    d, mo, y, q, full = p
    if d is None and (mo is None or y is None) and not (m["pre"] or q):
        return None  # "March", "2016" alone: a name, a verb or a number, not a date
    if d is None and y is None and not full:
        return None  # "in Mar Elias": abbreviations need a day or a year
    return _resolve_point(d, mo, y, q, pub)


def _resolve_range(m: re.Match[str], pub: dt.date | None) -> _Span | None:
    conn = m["conn"].strip().lower()
    if conn == "and" and (m["rpre"] or "").lower() != "between":
        return None  # "on 1 and 3 December" names two days, not a range
    a, b = _parse_point(m["a"]), _parse_point(m["b"])
    if a is None or b is None:
        return None
    (ad, am, ay, aq, _), (bd, bm, by, bq, _) = a, b
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


def _period_span(pq: str | None, which: str, unit: str, pub: dt.date) -> _Span | None:
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


def _ago_span(n: str, unit: str, pub: dt.date) -> _Span:
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


def _past_span(n: str | None, unit: str, plural: str | None, pub: dt.date) -> _Span | None:
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


def _resolve_relative(m: re.Match[str], pub: dt.date | None) -> _Span | None:
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
        off = (pub.weekday() - _WEEKDAYS.index(g["wd"].lower())) % 7 or (7 if wx else 0)
        return pub - off * _D, pub - off * _D, "day"
    if g["unit"]:
        return _period_span(g["pq"], g["which"], g["unit"], pub)
    if g["wkend"]:
        return (*_weekend(pub, False), "week")
    if g["agou"]:
        return _ago_span(g["n"], g["agou"], pub)
    return _past_span(g["pn"], g["pu"], g["pl"], pub)


_RULES = ((_RANGE_RX, _resolve_range), (_SINGLE_RX, _resolve_single),
          (_REL_RX, _resolve_relative))

# The screen (see _candidates). Every range or single-date match holds a calendar token (a run of
# digits or a month name, found lower-cased) after at most 5 words, and starts with one of _FIRST
# (or at that token). Relative expressions need one of the words of _REL_SCREEN.
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"\w+")
_MONTH_LOW = re.compile("|".join(sorted({m[:3] for m in _MONTHS})))
_FIRST = tuple(sorted({*re.findall(r"(?<=[:>|])[a-z]+", _PRE + _QUAL), "between", "the", *_WEEKDAYS,
                       *(m[:3] for m in _MONTHS)}))
_REL_SCREEN = re.compile("|".join(sorted(required_literals(_REL_RX) or ())))
_MAX_LEAD_WORDS = 5
#: Characters that ``re.I`` equates with an ASCII letter but str.lower() does not map to it.
_UNFOLDED = re.compile("[\u0130\u0131\u017f]")


def _folded(text: str) -> str | None:
    """Return the text lower-cased letter for letter, or None where that would break the screen."""
    low = text.lower()
    if len(low) != len(text) or not text.isascii() and _UNFOLDED.search(text):
        return None
    return low


def _candidates(text: str, low: str, start: int, end: int) -> list[int]:
    """Return the offsets in [start, end) where a range or single-date match may begin, in order.

    A match begins a word and holds a calendar token (digit run or month name) after at most
    :data:`_MAX_LEAD_WORDS` words of its own ("since the beginning of | May"), so it begins at
    one of the last words up to a token and that word is a token or starts with a word of
    :data:`_FIRST`.
    """
    digits = [m.start() for m in _DIGITS.finditer(text, start, end)]
    tokens = sorted(digits + [m.start() for m in _MONTH_LOW.finditer(low, start, end)])
    if not tokens:
        return []
    words = [m.start() for m in _WORD.finditer(text, start, end)]
    found: set[int] = set()
    for q in tokens:
        k = bisect.bisect_right(words, q)
        found.update(p for p in words[max(0, k - _MAX_LEAD_WORDS - 1):k]
                     if p in digits or low.startswith(_FIRST, p))
    return sorted(found)


def _matches(text: str, rx: re.Pattern[str], start: int, end: int,
             starts: list[int] | None) -> Iterator[re.Match[str]]:
    """``rx.finditer(text, start, end)``, trying only *starts* when given (they hold every match)."""
    if starts is None:
        yield from rx.finditer(text, start, end)
        return
    pos = start
    for p in starts:
        if p >= pos and (m := rx.match(text, p, end)):
            yield m
            pos = m.end()


def _rule_matches(text: str, windows: Sequence[tuple[int, int]]) -> Iterator[tuple[int, re.Match[str]]]:
    """(rule index, match) for each rule, each window: what plain finditer gives, in that order."""
    low = _folded(text)
    starts = [None if low is None else _candidates(text, low, s, e) for s, e in windows]
    for k, (rx, _) in enumerate(_RULES):
        for (s, e), first in zip(windows, starts, strict=True):
            if k < 2:
                yield from ((k, m) for m in _matches(text, rx, s, e, first))
            elif low is None or _REL_SCREEN.search(low, s, e):
                yield from ((k, m) for m in rx.finditer(text, s, e))


def _mention(text: str, m: re.Match[str], span: _Span, pub: dt.date | None) -> TimeMention:
    s, e, precision = span
    pre = m.groupdict().get("pre")
    relation = _RELATION.get(" ".join(pre.lower().split()), "at") if pre else "at"
    end: dt.date | None = None if e == s else e
    if relation == "since":  # from the anchor up to publication (open without one)
        end = pub if pub is not None and pub > s else None if pub is None else end
    return TimeMention(text[m.start():m.end()], m.start(), m.end(), s, end, precision, relation)


def find_time_expressions(text: str, published: dt.date | None,
                          spans: Sequence[tuple[int, int]] | None = None) -> list[TimeMention]:
    """Find the time expressions of a text and resolve them against its publication date.

    Parameters
    ----------
    text : str
        English news text.
    published : datetime.date or None
        Publication date; without it only expressions carrying a year are resolved.
    spans : sequence of (start, end), optional
        Look only inside these spans of *text* (sentences); offsets stay those of *text*.

    Returns
    -------
    list of TimeMention
        Non-overlapping mentions in text order; where matches overlap the longest wins.
        Expressions that cannot be resolved are left out. Never raises on any text.
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    found: list[TimeMention] = []
    windows = [(0, len(text))] if spans is None else spans
    for k, m in _rule_matches(text, windows):
        try:
            span = _RULES[k][1](m, published)
        except (ValueError, OverflowError):  # dates beyond 1..9999 near date.min/max
            span = None
        if span is not None:
            found.append(_mention(text, m, span, published))
    return _longest_disjoint(found)


def _longest_disjoint(found: list[TimeMention]) -> list[TimeMention]:
    """Keep the longest mentions (then the earliest) that overlap no longer one, in text order.

    The kept mentions are disjoint, so their starts and ends are sorted alike and a new one
    is checked against its two neighbours only (bisect): O(n log n), not O(n^2) as a scan of
    every kept mention would be (that took minutes on a 10 MB article).
    """
    found.sort(key=lambda t: (t.start - t.end, t.start))
    starts: list[int] = []
    chosen: list[TimeMention] = []
    for t in found:
        k = bisect.bisect_right(starts, t.start)
        if k > 0 and chosen[k - 1].end > t.start:
            continue
        if k < len(chosen) and chosen[k].start < t.end:
            continue
        starts.insert(k, t.start)
        chosen.insert(k, t)
    return chosen


_STRICT = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?"
               r"(?:Z|[+-]\d\d:?\d\d)?)?"),
    re.compile(rf"(?:{_WD},?\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH}),?\s+(?P<y>\d{{4}})",
               re.I),
    re.compile(rf"(?:{_WD},?\s+)?(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})",
               re.I),
)


def parse_date(value: str) -> dt.date:
    """Parse one unambiguous calendar date.

    Parameters
    ----------
    value : str
        ISO ``2024-11-29`` (a time part is ignored), ``29 November 2024`` or
        ``November 29, 2024`` (month names may be abbreviated: ``29 Nov 2024``).

    Returns
    -------
    datetime.date

    Raises
    ------
    geo.errors.DateError
        For anything else, including numeric day/month forms such as ``29/11/2024``,
        which are ambiguous, and impossible dates such as ``2024-02-30``.
    """
    s = value.strip() if isinstance(value, str) else ""
    for rx in _STRICT:
        m = rx.fullmatch(s)
        if m:
            mo = m["m"]
            month = int(mo) if mo.isdigit() else _MONTHS[mo.rstrip(".").lower()]
            try:
                return dt.date(int(m["y"]), month, int(m["d"]))
            except ValueError:
                break
    raise DateError(f"cannot read date {value!r}: write it as YYYY-MM-DD, '29 November 2024' "
                    f"or 'November 29, 2024' (numeric d/m/y forms are ambiguous)")
