"""Time phrases as an agency writes them ("on Tuesday", "last week", "in late November") and the dates they state."""

from __future__ import annotations

import datetime as dt
import random

from wire_vocab import AP_MONTHS, MONTHS, NUMBER_WORDS, WEEKDAYS

__all__ = [
    "time_phrase", "since", "month_year", "DAY", "DateRange",
]


DAY = dt.timedelta(days=1)


DateRange = tuple[dt.date | None, dt.date | None]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - DAY


def _explicit(rng: random.Random, day: dt.date, year: bool) -> str:
    d, m = day.day, MONTHS[day.month - 1]
    style = rng.randrange(3)
    text = (f"{d} {m}", f"{m} {d}", f"{AP_MONTHS[day.month - 1]} {d}")[style]
    return f"{text}{',' if style else ''} {day.year}" if year else text


def time_phrase(rng: random.Random, pub: dt.date) -> tuple[str, DateRange]:
    """A time phrase as an agency writes it (leading space; "" for none) and the range it states."""
    k = rng.choices(range(7), weights=(12, 30, 20, 12, 9, 9, 8))[0]
    day = pub - k * DAY
    form = rng.choices(range(11), weights=(34, 6, 3, 16, 6, 5, 6, 4, 3, 5, 14))[0]
    wd = WEEKDAYS[day.weekday()]
    if form == 0:
        pattern = rng.choice(("on {}", "on {}", "on {}", "late on {}", "early on {}", "on {} night",
                              "on {} morning", "in the early hours of {}", "{}"))
        return " " + pattern.format(wd), (day, None)
    if form == 1 and k <= 1:
        return " overnight", (pub - DAY, pub)
    if form == 2 and k == 1:
        return " yesterday", (day, None)
    if form in (3, 4):
        far = day if form == 3 else pub - rng.randrange(0, 40) * DAY
        return f" on {_explicit(rng, far, form == 4)}", (far, None)
    if form == 5 and k >= 2:
        return f" {NUMBER_WORDS[k]} days ago", (day, None)
    if form == 6:
        monday = pub - (pub.weekday() + 7) * DAY
        return " last week", (monday, monday + 6 * DAY)
    if form == 7:
        sat = pub - ((pub.weekday() - 5) % 7 or 7) * DAY
        return rng.choice((" over the weekend", " at the weekend")), (sat, min(sat + DAY, pub))
    if form == 8 and pub.weekday() >= 1:
        return " earlier this week", (pub - pub.weekday() * DAY, pub - DAY)
    if form == 9:
        return _month_part(rng, pub)
    return ("", (None, None)) if form == 10 else time_phrase(rng, pub)


def _month_part(rng: random.Random, pub: dt.date) -> tuple[str, DateRange]:
    """ "in late November" (1-10, 11-20, 21-end), or "last month"."""
    back = pub - rng.randrange(12, 70) * DAY
    if rng.random() < 0.2:
        first = (pub.replace(day=1) - DAY).replace(day=1)
        return " last month", (first, _month_end(first.year, first.month))
    part = rng.randrange(3)
    start = back.replace(day=(1, 11, 21)[part])
    end = min(_month_end(back.year, back.month) if part == 2 else back.replace(day=(10, 20)[part]), pub)
    return f" in {('early', 'mid-', 'late')[part]}{'' if part == 1 else ' '}{MONTHS[back.month - 1]}", (start, end)


def since(rng: random.Random, pub: dt.date) -> tuple[str, DateRange]:
    """A "since ..." phrase for a standing hold ("" when undated), and the range in which the hold began."""
    year = pub.year - rng.randrange(1, 8)
    form = rng.randrange(4)
    if form == 0:
        return "", (None, None)
    if form == 1:
        return f" since {year}", (dt.date(year, 1, 1), dt.date(year, 12, 31))
    month = rng.randrange(1, 13)
    if form == 2:
        return f" since {MONTHS[month - 1]} {year}", (dt.date(year, month, 1), _month_end(year, month))
    part = rng.randrange(3)
    start = dt.date(year, (1, 5, 9)[part], 1)
    return f" since {('early', 'mid-', 'late')[part]}{'' if part == 1 else ' '}{year}", (
        start, _month_end(year, (4, 8, 12)[part]))


def month_year(rng: random.Random, pub: dt.date) -> tuple[str, DateRange]:
    year = pub.year - rng.randrange(1, 5)
    if rng.random() < 0.3:
        return f"in {year}", (dt.date(year, 1, 1), dt.date(year, 12, 31))
    month = rng.randrange(1, 13)
    return f"in {MONTHS[month - 1]} {year}", (dt.date(year, month, 1), _month_end(year, month))
