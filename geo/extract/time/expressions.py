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
  latest one starting on or before publication, its end clipped to publication; but a month
  told with "in" and no year after a point that names its year in the same sentence ("captured
  it in August 2021, before troops recaptured it in December") is the first such month from
  that point's month on, when that is not after publication;
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
  "late 2016"), abbreviated months need a day or a year ("Aug. 6");
* a rule word written with a letter that only case-insensitive matching equates with an
  ASCII letter ("ſept", "yeſterday", "fıve days ago") is not that word: the match is refused.

Layout: :mod:`geo.extract.time.words` (word tables and patterns), :mod:`geo.extract.time.screen` (where the
patterns can match), :mod:`geo.extract.time.resolve` (matches to date ranges), this module (the API).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from geo.errors import DateError
from geo.extract.time.resolve import Span, point_year, precision_of_range, resolve, resolve_after
from geo.extract.time.screen import rule_matches
from geo.extract.time.words import CALENDAR_WORD, MONTHS, RELATION, STRICT
from geo.model import DatePrecision

__all__ = ["CALENDAR_WORD", "TimeMention", "find_time_expressions", "parse_date", "precision_of_range"]


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
    precision: DatePrecision
    relation: str


def _mention(text: str, m: re.Match[str], span: Span, pub: dt.date | None) -> TimeMention:
    s, e, precision = span
    pre = m.groupdict().get("pre")
    relation = RELATION.get(" ".join(pre.lower().split()), "at") if pre else "at"
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
    dated: list[tuple[int, int, dt.date]] = []  # (start, end, first day) of the points naming their year
    yearless: list[tuple[re.Match[str], int]] = []  # months told without a year or a day, and their place in found
    for k, m in rule_matches(text, windows):
        span = resolve(k, m, published)
        if span is None:
            continue
        shape = point_year(k, m)
        if shape is not None and shape[0]:
            dated.append((m.start(), m.end(), span[0]))
        mention = _mention(text, m, span, published)
        if shape is not None and not shape[0] and not shape[1] and mention.relation == "at":
            yearless.append((m, len(found)))  # "in December", not "since June": that runs to publication
        found.append(mention)
    if dated and yearless:
        _after_dated_points(text, found, dated, yearless, windows, published)
    return _longest_disjoint(found)


def _after_dated_points(text: str, found: list[TimeMention], dated: list[tuple[int, int, dt.date]],
                        yearless: list[tuple[re.Match[str], int]], windows: Sequence[tuple[int, int]],
                        published: dt.date | None) -> None:
    """Read each month told without its year after a dated point of its sentence in that point's time, in place.

    "captured Lalibela in August 2021, before federal troops recaptured it in December" is December
    2021, not the December before publication; a month whose reading after the dated point would
    pass publication keeps its reading against publication.
    """
    bounds = sorted(windows)
    starts = [s for s, _ in bounds]
    dated.sort()
    for m, k in yearless:
        w = bisect.bisect_right(starts, m.start()) - 1
        if w < 0 or m.end() > bounds[w][1]:
            continue
        before = [d for s, e, d in dated if s >= bounds[w][0] and e <= m.start()]
        if not before:
            continue
        span = resolve_after(m, before[-1], published)
        if span is not None and span[0] < found[k].date:
            found[k] = _mention(text, m, span, published)


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
    for rx in STRICT:
        m = rx.fullmatch(s)
        if m:
            mo = m["m"]
            month = int(mo) if mo.isdigit() else MONTHS.get(mo.rstrip(".").lower())
            if month is None:  # "ſept": re.I took ſ for s, but it is no month name
                break
            try:
                return dt.date(int(m["y"]), month, int(m["d"]))
            except ValueError:
                break
    raise DateError(f"cannot read date {value!r}: write it as YYYY-MM-DD, '29 November 2024' "
                    f"or 'November 29, 2024' (numeric d/m/y forms are ambiguous)")
