"""Header lines at the top of an article file, and the dates they (and metadata.csv) hold.

``date 2024-11-29``, ``source BBC News``, ``title ...``, ``url ...`` (also with a colon,
also indented; ``published`` and ``link`` are aliases). A date header may run into the
first sentence on the same line; the rest of that line is text. Dates are ISO (optionally
with a time) or written (``29 November 2024``, ``Fri, Nov 29, 2024``).
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["split_headers", "parse_full_date"]

# --------------------------------------------------------------------------- dates
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_ISO = re.compile(
    r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w-])"
)
_WRITTEN = re.compile(
    r"(?:[A-Za-z]{3,9}\.?,?\s+)??(?:(?P<d1>\d{1,2})\s+(?P<m1>[A-Za-z]{3,9})\.?|"
    r"(?P<m2>[A-Za-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?),?\s+(?P<y>\d{4})(?!\w)"
)


def _parse_date_prefix(value: str) -> tuple[dt.date | None, int]:
    """Parse a date at the start of value; return (date or None, characters used).

    ``(None, n > 0)`` means the text looked like a date but is not a real one
    (``2024-13-45``); ``(None, 0)`` means it does not look like a date at all. ISO dates
    (optionally with a time) and written ones (``29 November 2024``, ``Fri, Nov 29, 2024``).
    """
    m = _ISO.match(value)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    elif m := _WRITTEN.match(value):
        month = _MONTHS.get((m["m1"] or m["m2"])[:3].lower())
        y, mo, d = int(m["y"]), month or 0, int(m["d1"] or m["d2"])
    else:
        return None, 0
    try:
        return dt.date(y, mo, d), m.end()
    except ValueError:
        return None, m.end()


def parse_full_date(value: str) -> dt.date | None:
    """Parse a whole cell or header value as a date, or return None."""
    value = value.strip()
    date, used = _parse_date_prefix(value)
    return date if used == len(value) else None


# --------------------------------------------------------------------------- headers
_HEADER = re.compile(
    r"[ \t]*(?P<key>date|published|source|title|url|link)(?P<sep>[ \t]*:[ \t]*|[ \t]+)(?P<value>[^\n]*)",
    re.IGNORECASE,
)
_KEY_ALIASES = {"published": "date", "link": "url"}
# After "date: <date>", text that starts like a sentence runs on; "10:00 GMT" does not.
_SENTENCE_START = re.compile(r"[\s,]*[\"\u201c]?[A-Z][a-z]")


def split_headers(text: str) -> tuple[dict[str, str], list[str], int]:
    """Find header lines at the top of text.

    Returns
    -------
    tuple of (dict, list of str, int)
        Header values by field, malformed date values, and the offset where the body starts.
    """
    headers: dict[str, str] = {}
    bad_dates: list[str] = []
    pos = 0
    while pos < len(text):
        eol = text.find("\n", pos)
        eol = len(text) if eol < 0 else eol
        line = text[pos:eol]
        if not line.strip():
            pos = eol + 1
            continue
        m = _HEADER.match(line)
        if not m:
            return headers, bad_dates, pos
        key = _KEY_ALIASES.get(m["key"].lower(), m["key"].lower())
        colon = ":" in m["sep"]
        value = m["value"]
        if key == "date":
            date, used = _parse_date_prefix(value)
            if not used and not colon:
                return headers, bad_dates, pos  # "Date palms ..." is text, not a header
            if date is None:
                bad_dates.append((value[:used] if used else value).strip())
            else:
                headers.setdefault("date", date.isoformat())
            rest = value[used:] if used else ""
            if rest.strip() and (not colon or _SENTENCE_START.match(rest)):
                start = pos + m.start("value") + used
                return headers, bad_dates, start + len(rest) - len(rest.lstrip())
        elif key == "url" and not colon and not re.fullmatch(r"(?:https?://|www\.)\S+\s*", value):
            return headers, bad_dates, pos
        elif value.strip():
            headers.setdefault(key, value.strip())
        elif not colon:
            return headers, bad_dates, pos
        pos = eol + 1
    return headers, bad_dates, pos
