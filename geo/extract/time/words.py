"""The words and patterns that time expressions are written with.

Tables only: the patterns are matched by :mod:`geo.extract.time.screen`, resolved to dates by
:mod:`geo.extract.time.resolve`, and :mod:`geo.extract.time.expressions` puts the two together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from geo.extract.time.relations import RELATION

__all__ = [
    "CALENDAR_WORD", "CAPITAL_ONLY", "FULL_MONTHS", "MONTHS", "NUMBERS", "POINT_RX", "PRE", "QUAL", "QUALS",
    "RANGE_RX", "REL_RX", "RELATION", "RULE_PATTERNS", "SINGLE_RX", "STRICT", "UNFOLDED", "WEEKDAYS",
]

FULL_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
MONTHS = {m: i + 1 for i, m in enumerate(FULL_MONTHS)}
MONTHS.update({m[:3]: i + 1 for i, m in enumerate(FULL_MONTHS)} | {"sept": 9})
CAPITAL_ONLY = frozenset({"may", "march", "mar", "august"})
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBERS = {w: i for i, w in enumerate(("zero one two three four five six seven eight nine ten "
                                       "eleven twelve thirteen fourteen fifteen sixteen "
                                       "seventeen eighteen nineteen twenty").split())}
NUMBERS.update({"a": 1, "an": 1, "thirty": 30})
QUALS = {"early": "early", "start": "early", "beginning": "early", "mid": "mid",
         "middle": "mid", "late": "late", "end": "late", "earlier": "earlier", "later": "later",
         "first": "early", "opening": "early", "closing": "late", "final": "late", "last": "late",
         "fourth": "late"}
#: Letters that ``re.I`` equates with an ASCII letter but that do not lower-case to it (İ ı ſ):
#: a rule word written with one is not that word (the Kelvin sign lower-cases to k and is not here).
UNFOLDED = re.compile("[\u0130\u0131\u017f]")


def _alt(words: Iterable[str]) -> str:
    return "|".join(sorted(set(words), key=len, reverse=True))


_MONTH = rf"(?:(?:{_alt(FULL_MONTHS)})\b|(?:{_alt(k for k in MONTHS if len(k) <= 4)})\b\.?)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?:1[89]|20)\d\d\b"
_WD = rf"(?:{_alt(WEEKDAYS)})\b"
#: A weekday or month name written as a name (capitalised): never a place, whatever the gazetteer holds.
CALENDAR_WORD = re.compile(r"\b(?:" + "|".join(w.capitalize() for w in (*WEEKDAYS, *FULL_MONTHS)) + r")\b")
QUAL = (r"(?:early|mid|late)(?:\s*-\s*|\s+)|(?:the\s+)?(?:start|beginning|end|middle)\s+of\s+|"
        r"(?:the\s+)?(?:first|opening|closing|final|last)\s+(?:few\s+)?(?:days|weeks?)\s+of\s+|"
        r"(?:the\s+)?fourth\s+week\s+of\s+")  # days 22-28: within the month's last third
_NUM = rf"\d{{1,3}}|(?:a\s+)?couple\s+of|{_alt(NUMBERS)}"
_B = r"(?<![\w-])"
PRE = (r"(?:(?P<pre>since|by|until|till|up\s+to|before|after|in|on|at|over|during|within"
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
        rf"{g('q')}{QUAL})?{g('m3')}{_MONTH})(?:,?\s+{g('y3')}{_YEAR}))?",
        rf"{g('q2')}{QUAL})?{g('y4')}{_YEAR})",
    ]
    if bare_day:
        alts.append(rf"{g('d3')}{_DAY})(?:,?\s+{g('y5')}{_YEAR}))?")
    return "|".join(alts)


POINT_RX = re.compile(_point(True, True), re.I)
SINGLE_RX = re.compile(rf"{_B}{PRE}(?P<pt>{_point(False, False)})", re.I)
RANGE_RX = re.compile(
    rf"{_B}(?:(?P<rpre>between|from)\s+)?(?P<a>{_point(False, True)})"
    rf"(?P<conn>\s+(?:and|to|until|till|through)\s+|\s*[-–—]\s*)(?P<b>{_point(False, True)})",
    re.I)
REL_RX = re.compile(rf"""{_B}{PRE}(?:
   (?P<dby>(?:the\s+)?day\s+before\s+yesterday)
  |(?P<word>yesterday|today|tonight|overnight|last\s+night|earlier\s+today
     |this\s+(?:morning|afternoon|evening))
  |(?:(?P<wx>this\s+past|past|last|next|this|coming|the|a|every|each|following)\s+)?
     (?P<wd>{_WD})(?:\s+(?:morning|afternoon|evening|night))?
  |(?P<pq>{QUAL}|earlier\s+|later\s+)?(?P<which>last|this\s+past|this|(?<=of\s)the)\s+
     (?P<unit>weekend|week|month|year)\b(?!\s+of\b)
  |the\s+(?P<wkend>weekend)
  |(?P<n>{_NUM})\s+(?P<agou>hour|day|week|fortnight|month|year)s?\s+ago
  |(?:the\s+)?(?:past|last)\s+(?:(?P<pn>{_NUM})\s+)?
     (?P<pu>hour|day|week|fortnight|month|year)(?P<pl>s)?\b(?!\s+of\b)
)(?!\w)""", re.I | re.X)
#: The three rules in the order they are run: ranges, single calendar points, relative expressions.
RULE_PATTERNS = (RANGE_RX, SINGLE_RX, REL_RX)

#: The date forms :func:`geo.extract.time.expressions.parse_date` accepts.
STRICT = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?"
               r"(?:Z|[+-]\d\d:?\d\d)?)?"),
    re.compile(rf"(?:{_WD},?\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH}),?\s+(?P<y>\d{{4}})",
               re.I),
    re.compile(rf"(?:{_WD},?\s+)?(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})",
               re.I),
)
