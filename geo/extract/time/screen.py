"""Where the time-expression rules can match: screens that spare most of a text the regex scan.

:func:`rule_matches` yields what ``rx.finditer`` over every window would give for each rule of
:data:`geo.extract.time.words.RULE_PATTERNS`, but tries the range and single-date patterns only at the
offsets where one can begin (:func:`candidates`) and the relative pattern only in windows that
hold one of the words all its matches need.

Every range or single-date match holds a calendar token (a run of digits or a month name, found
lower-cased) after at most :data:`MAX_LEAD_WORDS` words, and starts with one of :data:`FIRST`
(or at that token). Relative expressions need one of the words of :data:`REL_SCREEN`. A text
whose lower-casing is not letter for letter (:func:`folded`) is scanned plainly.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from geo.extract.prefilter import required_literals
from geo.extract.time.words import MONTHS, PRE, QUAL, REL_RX, RULE_PATTERNS, UNFOLDED, WEEKDAYS

__all__ = ["FIRST", "MAX_LEAD_WORDS", "REL_SCREEN", "candidates", "folded", "rule_matches"]

_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"\w+")
_MONTH_LOW = re.compile("|".join(sorted({m[:3] for m in MONTHS})))
#: Words a range or single-date match may begin with (besides its calendar token).
FIRST = tuple(sorted({*re.findall(r"(?<=[:>|])[a-z]+", PRE + QUAL), "between", "the", *WEEKDAYS,
                      *(m[:3] for m in MONTHS)}))
#: Every relative expression holds one of these words (lower-cased).
REL_SCREEN = re.compile("|".join(sorted(required_literals(REL_RX) or ())))
MAX_LEAD_WORDS = 5


def folded(text: str) -> str | None:
    """Return the text lower-cased letter for letter, or None where that would break the screen."""
    low = text.lower()
    if len(low) != len(text) or not text.isascii() and UNFOLDED.search(text):
        return None
    return low


def candidates(text: str, low: str, start: int, end: int) -> list[int]:
    """Return the offsets in [start, end) where a range or single-date match may begin, in order.

    A match begins a word and holds a calendar token (digit run or month name) after at most
    :data:`MAX_LEAD_WORDS` words of its own ("since the beginning of | May"), so it begins at
    one of the last words up to a token and that word is a token or starts with a word of
    :data:`FIRST`.
    """
    digits = [m.start() for m in _DIGITS.finditer(text, start, end)]
    tokens = sorted(digits + [m.start() for m in _MONTH_LOW.finditer(low, start, end)])
    if not tokens:
        return []
    words = [m.start() for m in _WORD.finditer(text, start, end)]
    at_digits = set(digits)
    found: set[int] = set()
    for q in tokens:
        k = bisect.bisect_right(words, q)
        found.update(p for p in words[max(0, k - MAX_LEAD_WORDS - 1):k]
                     if p in at_digits or low.startswith(FIRST, p))
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


def rule_matches(text: str, windows: Sequence[tuple[int, int]]) -> Iterator[tuple[int, re.Match[str]]]:
    """Yield (rule index, match) for each rule, each window: what plain finditer gives, in that order.

    Parameters
    ----------
    text : str
        The whole text.
    windows : sequence of (start, end)
        Spans of *text* to scan; offsets stay those of *text*.

    Yields
    ------
    (int, re.Match)
        The index of the rule in :data:`geo.extract.time.words.RULE_PATTERNS` and one of its matches.
    """
    low = folded(text)
    starts = [None if low is None else candidates(text, low, s, e) for s, e in windows]
    for k, rx in enumerate(RULE_PATTERNS):
        for (s, e), first in zip(windows, starts, strict=True):
            if k < 2:
                yield from ((k, m) for m in _matches(text, rx, s, e, first))
            elif low is None or REL_SCREEN.search(low, s, e):
                yield from ((k, m) for m in rx.finditer(text, s, e))
