"""How long a state lasted, and so when it began: sieges and holds told as durations.

* a siege named by its length, ending in the change told beside it: "seized the city after an
  18-month siege", "left the Old City after a two-year siege", "a three-year siege by Islamic
  State before breaking it in November 2015", "after a siege that lasted more than two months";
* a state said to have lasted a while up to a date: "had been besieged by rebels for more than
  three years before government forces broke the siege in February 2016", "has been besieged by
  the RSF for more than a year".

The start is the end counted back by the length, in the length's unit: a length in years or
months gives the start month, one in weeks or days the start day. A length with an open lower
bound ("more than three years", "over a year", "at least two months") gives no start at all
(:data:`UNBOUNDED`): the reader only knows it began earlier than that.

Every function is pure: text and dates in, dates out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from geo.dates import shift
from geo.extract.time.words import NUMBERS

__all__ = ["Duration", "UNBOUNDED", "besieger_after", "siege_lengths", "state_length", "started"]

_NUMBER = r"\d{1,3}|" + "|".join(sorted(NUMBERS, key=len, reverse=True))
_OPEN = r"more\s+than|over|at\s+least|upwards\s+of|longer\s+than|well\s+over"
_ROUGH = r"about|some|nearly|almost|around|roughly|close\s+to|just\s+under|less\s+than|under"


def _length(tag: str = "") -> str:
    return rf"(?:(?P<open{tag}>{_OPEN})\s+|(?:{_ROUGH})\s+)?(?P<n{tag}>{_NUMBER})"


#: A siege named with its length: "an 18-month siege", "a three-year-long blockade", "a siege that lasted two months".
_NAMED_SIEGE = re.compile(
    rf"\b(?:a|an|the|its)\s+{_length()}[- ](?P<unit>year|month|week|day)s?[- ](?:long\s+)?(?:siege|blockade|"
    rf"encirclement)|\b(?:siege|blockade|encirclement)\s+(?:that|which)\s+(?:had\s+)?lasted\s+{_length('2')}\s+"
    rf"(?P<unit2>year|month|week|day)s?\b|"
    # a length told by its unit alone: "after a weeks-long siege", "a months-long blockade" (two or more: open)
    r"\b(?:a|an|the|its)\s+(?P<unit3>year|month|week|day)s[- ]long\s+(?:siege|blockade|encirclement)", re.I)
#: A state's length right after its verb, in its clause: "for more than three years", "for 18 months".
_FOR_LENGTH = re.compile(rf"[^.;:]{{0,60}}?\bfor\s+{_length()}\s+(?P<unit>year|month|week|day)s?\b", re.I)
#: Where a siege's besieger is named in its phrase: "a three-year siege by Islamic State".
_BY = re.compile(r"\s+by\s+(?:the\s+)?", re.I)

#: A start the reader cannot date ("for more than three years"): the event keeps no date.
UNBOUNDED = None


@dataclass(frozen=True, slots=True)
class Duration:
    """A length of time as written: its count, its unit, whether it is only a lower bound, and where it stands."""

    count: int
    unit: str
    open: bool
    start: int
    end: int


def _count(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBERS[word]


def _duration(m: re.Match[str], unit: str, tag: str = "") -> Duration:
    return Duration(_count(m.group("n" + tag)), unit.lower(), bool(m.group("open" + tag)), m.start(), m.end())


def siege_lengths(text: str, lo: int, hi: int) -> list[Duration]:
    """Return the sieges named with their length in *text[lo:hi]* ("after an 18-month siege").

    Examples
    --------
    >>> [(d.count, d.unit, d.open) for d in siege_lengths("seized it after an 18-month siege", 0, 33)]
    [(18, 'month', False)]
    >>> [(d.count, d.unit, d.open) for d in siege_lengths("after a siege that lasted more than two months", 0, 46)]
    [(2, 'month', True)]
    >>> [(d.count, d.unit, d.open) for d in siege_lengths("after a weeks-long siege", 0, 24)]
    [(2, 'week', True)]
    """
    return [_duration(m, m.group("unit")) if m.group("unit") else _duration(m, m.group("unit2"), "2")
            if m.group("unit2") else Duration(2, m.group("unit3").lower(), True, m.start(), m.end())
            for m in _NAMED_SIEGE.finditer(text, lo, hi)]


def state_length(text: str, pos: int, hi: int) -> Duration | None:
    """Return the length a state is said to have lasted, written after its verb at *pos* ("for two years").

    Examples
    --------
    >>> d = state_length("had been besieged by rebels for more than three years before", 8, 60)
    >>> (d.count, d.unit, d.open)
    (3, 'year', True)
    """
    m = _FOR_LENGTH.match(text, pos, hi)
    return _duration(m, m.group("unit")) if m else None


def besieger_after(text: str, duration: Duration) -> int | None:
    """Return where "by X" names the besieger right after a siege phrase, else None."""
    m = _BY.match(text, duration.end)
    return m.end() if m else None


def started(end: dt.date, duration: Duration) -> tuple[dt.date, dt.date | None, str] | None:
    """Return the start (first day, last day, precision) of a state of *duration* ending on *end*.

    None for an open length ("more than three years"): it began earlier, but when is not said.

    Examples
    --------
    >>> started(dt.date(2025, 10, 26), Duration(18, "month", False, 0, 0))
    (datetime.date(2024, 4, 1), datetime.date(2024, 4, 30), 'month')
    >>> started(dt.date(2015, 11, 1), Duration(3, "year", False, 0, 0))
    (datetime.date(2012, 11, 1), datetime.date(2012, 11, 30), 'month')
    >>> started(dt.date(2024, 3, 10), Duration(2, "week", False, 0, 0))
    (datetime.date(2024, 2, 25), None, 'day')
    """
    if duration.open:
        return UNBOUNDED
    if duration.unit in ("year", "month"):
        months = duration.count * (12 if duration.unit == "year" else 1)
        index = end.year * 12 + end.month - 1 - months
        if index < 12:  # before year 1
            return None
        first = dt.date(index // 12, index % 12 + 1, 1)  # at least a month before *end*: never December 9999
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, shift(following, -1), "month"
    days = duration.count * (7 if duration.unit == "week" else 1)
    return shift(end, -days), None, "day"
