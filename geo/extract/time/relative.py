"""Time expressions read relative to the publication date or to another expression.

Kept apart from :mod:`geo.extract.time.expressions` (the calendar scan) because each of these
needs what that scan found or a reading of the sentence around it:

* "last August", "since last May": the latest such month before the publication month;
* "in May last year", "June of last year": that month of the year before publication;
* "in December that year", "June of the same year": that month of the year of the date told before it;
* "in the same month", "later that month": the month of the date told before it;
* "the same day", "the next day", "two days later", "two days earlier" (a sentence's own, not "two days
  before the vote"): from the last day told before it in the article;
* "on the eve of 8 December", "the eve of the offensive on 27 November": the day before the
  date that follows;
* "on the first day of the offensive", "on the second day": counted from the day the article says
  the offensive was launched or began;
* "took the oilfields on Tuesday, a day after they seized the city", "two days before": a clause
  dated by its distance from the day told just before it in the sentence;
* seasons: "since the summer", "last winter", "in the spring of 2016" (spring March-May, summer
  June-August, autumn September-November, winter December-February; "the summer" is the latest
  begun by publication, "last summer" the latest ended before it);
* "now" ("rebels are now inside Damascus", "has now been cleansed"): the publication date;
* ordering words between two clauses of a sentence (:func:`ordered`): "took Aleppo in late
  November *before* swinging south through Hama" puts Hama after late November and by the
  publication date, not in late November;
* a step after the date of the item before it in a list (:func:`chained`): "Hama on 5
  December and Homs *the next day*", "Homs on 8 December and Damascus *hours later*".

Every function is pure: text, offsets and dates in, :class:`TimeMention` records out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from geo.dates import shift
from geo.extract.prefilter import LiteralGate
from geo.extract.time.expressions import TimeMention, find_time_expressions, precision_of_range
from geo.extract.time.words import FULL_MONTHS, MONTHS, NUMBERS, RELATION

__all__ = ["ORDERING", "chained", "merge", "ordered", "relative_expressions"]

_D = dt.timedelta(days=1)
_MONTH_NAME = "|".join(m.capitalize() for m in FULL_MONTHS)
_PRE = r"(?:(?P<pre>since|by|until|from|in|during|before|after)\s+)?"
_LAST_MONTH = re.compile(rf"\b{_PRE}last\s+(?P<m>{_MONTH_NAME})\b")
_MONTH_LAST_YEAR = re.compile(rf"\b{_PRE}(?P<m>{_MONTH_NAME})\s+(?:of\s+)?last\s+year\b")
_MONTH_THAT_YEAR = re.compile(rf"\b{_PRE}(?P<m>{_MONTH_NAME})\s+(?:of\s+)?(?:that|the\s+same)\s+year\b")
#: The month of the date told before it: "in the same month", "later that month", "earlier that month".
_SAME_MONTH = re.compile(r"\b(?:(?:later|earlier)\s+(?:in\s+)?|in\s+|during\s+)?(?:the\s+same|that)\s+month\b", re.I)
_EVE = re.compile(r"\b(?:on\s+)?the\s+eve\s+of\b", re.I)
_NOW = re.compile(r"\b(?:now|currently|at\s+present)\b", re.I)
#: The time told before, named by "at the time" or by "then" after a verb of saying ("In December, troops took Adan
#: Yabaal. The army said then that it had liberated the town").
_AT_THE_TIME = re.compile(r"\bat\s+the\s+time\b|(?<=\bsaid\s)then\b|(?<=\bsays\s)then\b|(?<=\bstated\s)then\b|"
                          r"(?<=\bclaimed\s)then\b|(?<=\bannounced\s)then\b|(?<=\breported\s)then\b", re.I)
#: "since" with no time after it, or "since then": since the time told before ("entered Anefis on 7 October. The army
#: has held the town since, and ...", "and has held it ever since").
_SINCE_THEN = re.compile(r"\b(?:ever\s+)?since(?:\s+then\b|(?=\s*(?:[,.;:)]|$)))", re.I)
#: Every expression of :func:`relative_expressions` holds one of these words.
_CUES = re.compile(r"last\s+\w|\beve\b|\bnow\b|\bcurrently\b|\bpresent\b|\b(?:that|same)\s+(?:year|month)\b|"
                   r"\bsince(?:\s+then\b|\s*[,.;:)]|\s*$)|\bat\s+the\s+time\b|\b(?:said|says|stated|claimed|announced|"
                   r"reported)\s+then\b|"
                   r"\b(?:same|next|following|that)\s+day\b|\b(?:days?|hours|week)\s+later\b|\bdays?\s+earlier\b|"
                   r"\bthat\s+(?:evening|night|afternoon)\b|"
                   r"\b(?:days?|weeks?|months?|years?)\s+(?:after|before)\b|\b(?:first|second|third|opening)\s+day\b|"
                   r"\b(?-i:spring|summer|autumn|winter|fall)\b", re.I)
#: Words that order two clauses of one sentence in time.
ORDERING = re.compile(r"\b(?:before|after|then|followed\s+by|later|subsequently|afterwards|prior\s+to)\b", re.I)
_NOT_ORDERING = re.compile(r"\b(?:since|by|until|till|even|and\s+only)\s+$", re.I)
_AFTERWARDS = frozenset({"then", "followed by", "later", "subsequently", "afterwards"})
#: A step from the date of the item before: "the next day", "two days later", "hours later", "the same day", "two
#: days earlier".
_STEP = re.compile(r"\b(?:(?P<next>the\s+(?:next|following)\s+day|a\s+day\s+later)|"
                   r"(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+days\s+later|"
                   r"(?P<week>a\s+week)\s+later|"
                   r"(?P<back>a\s+day|the\s+day|\d{1,2}\s+days|two\s+days|three\s+days|four\s+days|five\s+days|"
                   r"six\s+days|seven\s+days)\s+earlier|"
                   r"(?P<same>(?:only\s+|just\s+|a\s+few\s+)?hours\s+later|later\s+that\s+day|the\s+same\s+day|"
                   r"that\s+(?:evening|night|afternoon)))\b", re.I)
#: A clause dated by its distance from the day before it: ", a day after they seized the city", "two weeks before",
#: ", more than a year after" (a round figure: the month it points at).
_OFFSET = re.compile(r"(?:^|(?<=[,;(—–]))\s*(?:only\s+|just\s+|some\s+|about\s+|nearly\s+|almost\s+|around\s+|"
                     r"roughly\s+|(?:well\s+)?(?:more|less)\s+than\s+|(?:well\s+)?over\s+|under\s+|close\s+to\s+)?"
                     r"(?P<n>a|one|\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                     r"(?P<unit>days?|weeks?|months?|years?)\s+(?P<rel>after|before)\b", re.I)
#: A season: "since the summer", "last winter", "in the spring of 2016", "autumn 2015" ("the fall of" is no season).
_SEASON = re.compile(r"\b(?:(?P<pre>since|in|during|by|until|over|through|throughout)\s+)?(?:(?P<which>the|this|last|"
                     r"early|late)\s+)?(?-i:(?P<s>spring|summer|autumn|winter|fall))\b(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b)?",
                     re.I)
#: Each season's first month, and how many months it lasts.
#: The patterns tried only in the spans that hold a word they need (:class:`~geo.extract.prefilter.LiteralGate`).
_CUES_GATE, _STEP_GATE, _SEASON_GATE, _ORDERING_GATE = map(LiteralGate, (_CUES, _STEP, _SEASON, ORDERING))
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
#: A day counted within an offensive: "on the first day of the offensive", "on the second day".
_NTH_DAY = re.compile(r"\bon\s+(?:the\s+)?(?P<nth>first|second|third|opening)\s+day(?:\s+of\s+(?:the|its|their)\s+"
                      r"(?:[\w-]+\s+){0,3}?(?:offensive|operation|assault|campaign|war|attack|invasion|uprising))?\b",
                      re.I)
_NTH = {"first": 0, "opening": 0, "second": 1, "third": 2}
#: Words that tell a day as the start of something: "launched Operation 1027 on October 27", "the launch on Oct. 27".
_LAUNCH = re.compile(r"\b(?:launch(?:ed|es|ing)?|began|begun|begins|started|start|outbreak)\b", re.I)
#: How far back the start of an offensive is looked for (a paragraph).
_LAUNCH_WINDOW = 500
_STEP_DAYS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
              "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - _D


def _month_span(m: re.Match[str], year: int, published: dt.date) -> TimeMention:
    month = MONTHS[m.group("m").lower()]
    start, end = dt.date(year, month, 1), _month_end(year, month)
    relation = RELATION.get((m.group("pre") or "").lower(), "at")
    if relation == "since":
        end = published
    return TimeMention(m.group(0), m.start(), m.end(), start, min(end, published) if end > start else end,
                       precision_of_range(start, end) if relation != "since" else "month", relation)


def relative_expressions(text: str, published: dt.date | None, times: Sequence[TimeMention],
                         spans: Sequence[tuple[int, int]] | None = None) -> list[TimeMention]:
    """Return the expressions of this module found in *text* (see the module docstring).

    Parameters
    ----------
    text : str
        The article text.
    published : datetime.date or None
        The publication date; without one nothing here resolves.
    times : sequence of TimeMention
        The calendar expressions already found (:func:`~geo.extract.time.expressions.find_time_expressions`):
        "the eve of" takes the date that follows it from them.
    spans : sequence of (start, end), optional
        Where to look (the candidate sentences); the whole text by default.

    Returns
    -------
    list of TimeMention
        In text order.

    Examples
    --------
    >>> [(t.text, t.date.isoformat()) for t in relative_expressions(
    ...     "which separatists seized last August", dt.date(2015, 3, 3), [])]
    [('last August', '2014-08-01')]
    """
    if published is None or not dt.date.min.year < published.year < dt.date.max.year:
        return []  # too near the calendar's ends to read "last year" or "the eve of" safely
    found: list[TimeMention] = []
    for lo, hi in spans if spans is not None else [(0, len(text))]:
        if not _CUES_GATE.search(text, lo, hi):
            continue
        for m in _LAST_MONTH.finditer(text, lo, hi):
            month = MONTHS[m.group("m").lower()]
            year = published.year if month < published.month else published.year - 1
            found.append(_month_span(m, year, published))
        for m in _MONTH_LAST_YEAR.finditer(text, lo, hi):
            found.append(_month_span(m, published.year - 1, published))
        for m in _MONTH_THAT_YEAR.finditer(text, lo, hi):  # "seized in August 2021, before ... in December that year"
            anchor = next((t for t in reversed(times) if t.end <= m.start() and t.date is not None), None)
            if anchor is not None:
                found.append(_month_span(m, anchor.date.year, published))
        for m in _SAME_MONTH.finditer(text, lo, hi):  # "retook Wad Madani in January ... in the same month"
            anchor = next((t for t in reversed(times) if t.end <= m.start() and t.date is not None
                           and t.precision in ("day", "month")), None)
            if anchor is not None:
                first = anchor.date.replace(day=1)
                last = min(_month_end(first.year, first.month), published)
                if first < last:
                    found.append(TimeMention(m.group(0), m.start(), m.end(), first, last,
                                             precision_of_range(first, last), "at"))
        for m in _STEP_GATE.finditer(text, lo, hi):  # "The army said it had retaken the town the same day"
            # counted from the nearest day or month told before it ("In March 2020 the insurgents occupied the
            # town and left the next day": a day of that month); a time a "since" opens is a state's
            previous = next((t for t in reversed(times) if t.end <= m.start() and t.date is not None
                             and t.precision in ("day", "month") and t.relation != "since"), None)
            if previous is not None:
                step = chained(text, m.start(), m.end(), previous, published)
                if step is not None:
                    found.append(step)
        for m in _SEASON_GATE.finditer(text, lo, hi):
            season = _season(m, published)
            if season is not None:
                found.append(season)
        for m in _NTH_DAY.finditer(text, lo, hi):
            found.extend(_nth_day(text, m, published))
        for m in _OFFSET.finditer(text, lo, hi):
            found.extend(_offset(m, times, lo, hi))
        for m in _EVE.finditer(text, lo, hi):
            anchor = next((t for t in times if m.end() <= t.start <= m.end() + 50 and t.precision == "day"), None)
            if anchor is not None:
                day = anchor.date - _D
                found.append(TimeMention(text[m.start():anchor.end], m.start(), anchor.end, day, None, "day", "at"))
        for m in _AT_THE_TIME.finditer(text, lo, hi):  # the nearest day, month or year told before it
            previous = next((t for t in reversed(times) if t.end <= m.start() and t.date is not None
                             and t.precision in ("day", "month", "year") and t.relation == "at"), None)
            if previous is not None and previous.date <= published:
                found.append(TimeMention(m.group(0), m.start(), m.end(), previous.date, previous.date_end,
                                         previous.precision, "at"))
        for m in _SINCE_THEN.finditer(text, lo, hi):  # since the nearest day or month told before it
            previous = next((t for t in reversed(times) if t.end <= m.start() and t.date is not None
                             and t.precision in ("day", "month") and t.relation != "since"), None)
            if previous is not None and previous.date <= published:
                found.append(TimeMention(m.group(0), m.start(), m.end(), previous.date, published, previous.precision,
                                         "since"))
        for m in _NOW.finditer(text, lo, hi):
            found.append(TimeMention(m.group(0), m.start(), m.end(), published, None, "day", "at"))
    return sorted(found, key=lambda t: t.start)


def _season(m: re.Match[str], published: dt.date) -> TimeMention | None:
    """Return the three months a season names, or None ("fall" alone, a season not yet begun)."""
    word, which, year = m.group("s"), (m.group("which") or "").lower(), m.group("y")
    if word == "fall" and not (year or which in ("last", "this")):
        return None  # "the fall of Aleppo"
    first = _SEASONS[word]
    if year:
        start = dt.date(int(year) - (1 if first == 12 else 0), first, 1)
    else:
        start = dt.date(published.year, first, 1)
        while start > published or which == "last" and _season_end(start) >= published:
            start = dt.date(start.year - 1, first, 1)
    end = _season_end(start)
    if start > published:
        return None
    relation = RELATION.get((m.group("pre") or "").lower(), "at")
    if which == "early":
        end = _month_end(start.year, start.month)
    elif which == "late":
        start = dt.date(end.year, end.month, 1)
    last = min(end, published)  # "since the summer": the state began within the season
    return TimeMention(m.group(0), m.start(), m.end(), start, last, precision_of_range(start, last), relation)


def _season_end(start: dt.date) -> dt.date:
    later = start.year * 12 + start.month - 1 + 2
    return _month_end(later // 12, later % 12 + 1)


def _nth_day(text: str, m: re.Match[str], published: dt.date) -> list[TimeMention]:
    """Return the day "on the first day of the offensive" names: the day told as its start just before.

    The start is the last day the paragraph before tells with a launch word near it ("launched
    Operation 1027 on October 27 last year", "the launch on Oct. 27 of an offensive").
    """
    window = (max(0, m.start() - _LAUNCH_WINDOW), m.start())
    starts = [t for t in find_time_expressions(text, published, [window]) if t.precision == "day"
              and t.relation == "at" and _LAUNCH.search(text, max(window[0], t.start - 60), min(m.start(), t.end + 40))]
    if not starts:
        return []
    day = shift(starts[-1].date, _NTH[m.group("nth").lower()])
    return [TimeMention(m.group(0), m.start(), m.end(), min(day, published), None, "day", "at")]


def _offset(m: re.Match[str], times: Sequence[TimeMention], lo: int, hi: int) -> list[TimeMention]:
    """Return the day an offset clause gives (", a day after they seized the city": the day before the one told).

    The anchor is the day told last before the offset in the same span, or for an offset in months or years
    the day or month ("took Raqqa in October 2017, three years after Islamic State seized the city"); with none
    before it, the first told after it in the span ("have recaptured Mekelle, eight months after federal troops
    took the city, a spokesman said on Monday"). The expression stands at the ordering word, so that it is the
    time of the clause that word opens, not of the clause before it.
    """
    unit = m.group("unit").lower()
    precise = ("day", "month") if unit.startswith(("month", "year")) else ("day",)
    told = [t for t in times if lo <= t.start and t.end <= hi and t.precision in precise and t.date is not None
            and t.relation == "at"]
    anchor = next((t for t in reversed(told) if t.end <= m.start()), None) or next(
        (t for t in told if t.start >= m.end()), None)
    if anchor is None:
        return []
    word = m.group("n").lower()
    count = int(_STEP_DAYS.get(word, word))
    sign = -1 if m.group("rel").lower() == "after" else 1
    if unit.startswith(("month", "year")):  # "eight months after": that month, as near as a round figure tells
        months = anchor.date.year * 12 + anchor.date.month - 1 + sign * count * (12 if unit.startswith("year") else 1)
        year, month = divmod(months, 12)
        if not 1 <= year <= 9999:
            return []
        first = dt.date(year, month + 1, 1)
        return [TimeMention(m.group(0).strip(), m.start("rel"), m.end(), first, _month_end(year, month + 1), "month",
                            "at")]
    day = shift(anchor.date, sign * count * (7 if unit.startswith("week") else 1))
    return [TimeMention(m.group(0).strip(), m.start("rel"), m.end(), day, None, "day", "at")]


def merge(times: Sequence[TimeMention], extra: Sequence[TimeMention]) -> list[TimeMention]:
    """Return *times* and *extra* in text order, an extra expression replacing those it overlaps."""
    kept = [t for t in times if not any(x.start < t.end and t.start < x.end for x in extra)]
    return sorted([*kept, *extra], key=lambda t: t.start)


def ordered(text: str, sent_start: int, sent_end: int, pos: int, clause: tuple[int, int],
            times: Sequence[TimeMention], published: dt.date | None) -> TimeMention | None:
    """Return the date range an ordering word gives an undated clause, or None.

    "took Aleppo in late November before swinging south through Hama": the trigger at *pos*
    ("swinging") has no time in its clause; "before" puts it after the other clause's time,
    so its range runs from that time's start to the publication date. The readings:

    * T, then/before/followed by/later, trigger -> after T;
    * T, after trigger -> just before T (T or the day before: "seized it on Saturday after the militia pulled out");
    * trigger, after ..., T; or After ... T, trigger -> after T;
    * trigger, before ..., T; or Before ... T, trigger -> before T (the week up to T's end).

    Parameters
    ----------
    text : str
        The article text.
    sent_start, sent_end : int
        The sentence of the trigger.
    pos : int
        The trigger's offset.
    clause : (int, int)
        The trigger's clause; a time expression inside it wins, and then this returns None.
    times : sequence of TimeMention
        The time expressions of the sentence.
    published : datetime.date or None
        The publication date (the latest an event reported in the article can be).

    Returns
    -------
    TimeMention or None
        A range with relation "after" or "before", anchored on the other clause's expression.
    """
    if any(clause[0] <= t.start < clause[1] for t in times):
        return None
    counted = _counted_back(text, sent_start, pos, times, published)
    if counted is not None:
        return counted
    best: tuple[int, TimeMention, str] | None = None
    for w in _ORDERING_GATE.finditer(text, sent_start, sent_end):
        if _NOT_ORDERING.search(text, max(sent_start, w.start() - 12), w.start()):
            continue
        word = " ".join(w.group(0).lower().split())
        anchor: TimeMention | None = None
        relation = ""
        if w.end() <= pos:
            prior = [t for t in times if t.end <= w.start()]
            between = [t for t in times if w.end() <= t.start and t.end <= pos]
            if word in _AFTERWARDS | {"before", "prior to"} and prior and not between:
                anchor, relation = prior[-1], "after"
            elif word == "after" and between:
                anchor, relation = between[-1], "after"
            elif word == "after" and prior and not between:  # "seized it on Saturday after the militia pulled out"
                anchor, relation = prior[-1], "just before"
            elif word in ("before", "prior to") and between:
                anchor, relation = between[-1], "before"
        elif w.start() >= pos:
            following = [t for t in times if t.start >= w.end()]
            if word == "after" and following:
                anchor, relation = following[0], "after"
            elif word in ("before", "prior to") and following:
                anchor, relation = following[0], "before"
        if anchor is not None:
            distance = abs(w.start() - pos)
            if best is None or distance < best[0]:
                best = (distance, anchor, relation)
    if best is None:
        return None
    _, anchor, relation = best
    end = anchor.date_end or anchor.date
    if relation == "after":
        start = anchor.date
        last = published if published is not None and published >= end else end
        return TimeMention(anchor.text, anchor.start, anchor.end, start, last if last != start else None,
                           precision_of_range(start, last), "after")
    start = shift(end, -1 if relation == "just before" else -6)  # "just before": that day or the one before
    return TimeMention(anchor.text, anchor.start, anchor.end, start, end, precision_of_range(start, end), "before")


#: A length right before "after", which opens the trigger's clause: "eleven days after", "a year after", "two weeks
#: after" (the clause before it happened that long after the one it opens).
_LENGTH_AFTER = re.compile(r"\b(?P<n>\d{1,3}|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")\s+"
                           r"(?P<unit>day|week|month|year)s?\s+after\s+", re.I)
_DAYS = {"day": 1, "week": 7}
#: An open lower bound before a length: "more than a year", "over two months", "at least ten days".
_OPEN_LENGTH = re.compile(r"\b(?:more\s+than|over|at\s+least|upwards\s+of|longer\s+than)\s+$", re.I)

_LENGTH_AFTER_GATE = LiteralGate(_LENGTH_AFTER)


def _counted_back(text: str, sent_start: int, pos: int, times: Sequence[TimeMention],
                  published: dt.date | None) -> TimeMention | None:
    """Return the date of a clause opened by a length and "after", counted back from the clause before it.

    "The FARDC have retaken Goma, eleven days after the M23 rebels occupied the city" (published
    3 December): the occupation is eleven days before the retaking's time, or the publication's
    when the retaking has none. Days and weeks give a day; months and years the month.
    """
    m = next((m for m in _LENGTH_AFTER_GATE.finditer(text, sent_start, pos) if m.end() <= pos
              and not text[m.end() : pos].count(",") and not any(m.end() <= t.start < pos for t in times)), None)
    if m is None:
        return None
    prior = [t for t in times if sent_start <= t.start and t.end <= m.start()]
    base = prior[-1].date if prior else published
    if base is None:
        return None
    word = m.group("n").lower()
    count = int(word) if word.isdigit() else NUMBERS[word]
    unit = m.group("unit").lower()
    said = m.group(0).rstrip()  # "eleven days after"
    # "more than a year after": at least that long, so the date is that long back or earlier, within one more unit
    open_bound = _OPEN_LENGTH.search(text, max(sent_start, m.start() - 16), m.start()) is not None
    if unit in _DAYS:
        day = shift(base, -count * _DAYS[unit])
        if open_bound:
            first = shift(day, -_DAYS[unit])
            return TimeMention(said, m.start(), m.start() + len(said), first, day, precision_of_range(first, day), "at")
        return TimeMention(said, m.start(), m.start() + len(said), day, None, "day", "at")
    months = count * (12 if unit == "year" else 1)
    reach = (12 if unit == "year" else 1) if open_bound else 0
    year, month = divmod(base.year * 12 + base.month - 1 - months - reach, 12)
    if year < 1:
        return None
    first = dt.date(year, month + 1, 1)
    end_year, end_month = divmod(base.year * 12 + base.month - months, 12)  # the month after the last one
    last = shift(dt.date(end_year, end_month + 1, 1), -1)
    return TimeMention(said, m.start(), m.start() + len(said), first, last, precision_of_range(first, last), "at")


def chained(text: str, lo: int, hi: int, previous: TimeMention, published: dt.date | None) -> TimeMention | None:
    """Return the date a step word in *text[lo:hi]* gives, counted from the item before it, or None.

    "Hama on 5 December and Homs the next day": Homs is 6 December; "Homs on 8 December, and
    Damascus hours later": Damascus is 8 December (a day range when the step may cross
    midnight). Never later than *published*.

    Parameters
    ----------
    text : str
        The article text.
    lo, hi : int
        Where the step word may stand (after the item's name, before the next item).
    previous : TimeMention
        The time of the item before.
    published : datetime.date or None
        The publication date.

    Returns
    -------
    TimeMention or None
    """
    m = _STEP_GATE.search(text, lo, hi)
    if m is None:
        return None
    if previous.precision == "month" and previous.date_end is not None:  # a step from a month: a range
        steps = {"next": 1, "week": 7}
        days = next((n for g, n in steps.items() if m.group(g)), None)
        if m.group("n"):
            word = m.group("n").lower()
            days = int(_STEP_DAYS.get(word, word))
        if days is None and m.group("back") is None:
            days = 0
        if days is None:
            return None
        first, last = previous.date + days * _D, previous.date_end + days * _D
        if published is not None:
            first, last = min(first, published), min(last, published)
        return TimeMention(m.group(0), m.start(), m.end(), first, last if last > first else None,
                           precision_of_range(first, last) if last > first else "day", "at")
    base = previous.date_end or previous.date
    if m.group("next"):
        start, end = base + _D, None
    elif m.group("week"):
        start, end = base + 7 * _D, None
    elif m.group("n"):
        word = m.group("n").lower()
        start, end = base + int(_STEP_DAYS.get(word, word)) * _D, None
    elif m.group("back"):  # "Two days earlier, the insurgents had taken ...": counted back from the day told before
        word = m.group("back").split()[0].lower()
        start, end = base - (1 if word in ("a", "the") else int(_STEP_DAYS.get(word, word))) * _D, None
    else:
        start, end = base, (base + _D if m.group(0).lower().endswith("hours later") else None)
    if published is not None:
        start = min(start, published)
        end = min(end, published) if end is not None else None
    if end is not None and end <= start:
        end = None
    return TimeMention(m.group(0), m.start(), m.end(), start, end, "day", "at")
