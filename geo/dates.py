"""Dates clamped and checked in one place: arithmetic that stays inside the calendar, and parsing.

Python's dates run from 1 January of year 1 to 31 December 9999; adding a day to the last
or a week to the first raises ``OverflowError``. Articles carry such dates (``0001-01-01`` is
the empty date of many exporters) and users type them, so every shift of a date by days goes
through :func:`shift`, which clamps at the ends of the calendar, and every date typed by a
user through :func:`parse_date`, whose error names the input and the fix.

>>> import datetime as dt
>>> shift(dt.date(9999, 12, 30), 7)
datetime.date(9999, 12, 31)
>>> shift(dt.date(1, 1, 3), -7)
datetime.date(1, 1, 1)
"""

from __future__ import annotations

import datetime as dt

from geo.errors import DateError

__all__ = ["FIRST", "LAST", "shift", "span_days", "parse_date"]

#: The first and last days of the calendar.
FIRST, LAST = dt.date.min, dt.date.max


def shift(day: dt.date, days: int | float) -> dt.date:
    """Return ``day`` moved by ``days`` days (negative: earlier), clamped to :data:`FIRST` .. :data:`LAST`.

    Parameters
    ----------
    day : datetime.date
        The date to move.
    days : int
        Days to add; any size (a ``--days`` of ten million is all of history).

    Returns
    -------
    datetime.date
        The moved date, or the end of the calendar it would have passed.
    """
    ordinal = day.toordinal() + int(days)
    return dt.date.fromordinal(min(max(ordinal, FIRST.toordinal()), LAST.toordinal()))


def span_days(first: dt.date, last: dt.date) -> int:
    """Return the number of days from ``first`` to ``last`` (negative when ``last`` is earlier)."""
    return last.toordinal() - first.toordinal()


def parse_date(text: str, what: str = "date") -> dt.date:
    """Parse an ISO date (``YYYY-MM-DD``), naming ``what`` and the fix when it is not one.

    Parameters
    ----------
    text : str
        The date as typed.
    what : str
        What the date is, for the message (``--date``, ``metadata.csv, line 3``).

    Raises
    ------
    DateError
        ``text`` is not a calendar date between 0001-01-01 and 9999-12-31.
    """
    value = text.strip()
    try:
        if len(value) != 10:
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DateError(f"{what} {text!r} is not a date between 0001-01-01 and 9999-12-31; write it as "
                        "YYYY-MM-DD, e.g. 2024-12-08") from None
