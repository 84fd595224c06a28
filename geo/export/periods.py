"""Validity periods from per-date snapshots (pure functions, no IO).

A MapData holds full snapshots keyed by change date. The export turns them into rows that
are valid over a closed date interval ``[valid_from, valid_to]``: a row ends the day before
the next change date on which its value differs, and ``valid_to`` is None while the value
still holds on the last date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from geo.dates import shift

__all__ = ["Period", "runs", "keyed_periods", "covers", "ONE_DAY"]

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Period(Generic[T]):
    """A value and the closed interval of dates over which it holds (None: open end)."""

    value: T
    valid_from: dt.date | None
    valid_to: dt.date | None



def runs(values: list[T | None], dates: list[dt.date],
         same: Callable[[T, T], bool] | None = None) -> list[Period[T | None]]:
    """Group equal consecutive values into periods (None values form periods too).

    Parameters
    ----------
    values : list
        The value on each of ``dates`` (None: absent).
    dates : list of datetime.date
        Sorted, same length as ``values``.
    same : callable, optional
        Equality of two non-None values; ``==`` by default.

    Returns
    -------
    list of Period
        Consecutive periods, each with the latest value of its run (equal under ``same``,
        though a state may have gathered more evidence); the last has ``valid_to`` None.
    """
    eq = same or (lambda a, b: a == b)
    starts: list[int] = []
    for i, v in enumerate(values):
        prev = values[i - 1] if i else None
        if i == 0 or (v is None) != (prev is None) or (v is not None and prev is not None and not eq(prev, v)):
            starts.append(i)
    out: list[Period[T | None]] = []
    for k, i in enumerate(starts):
        last = starts[k + 1] - 1 if k + 1 < len(starts) else len(values) - 1
        end = shift(dates[last + 1], -1) if last + 1 < len(values) else None
        out.append(Period(values[last], dates[i], end))  # the run's latest value
    return out


def keyed_periods(snaps: Sequence[Mapping[K, T]], dates: list[dt.date],
                  same: Callable[[T, T], bool] | None = None) -> dict[K, list[Period[T | None]]]:
    """Periods of each key across the snapshots (absent periods included as None).

    Parameters
    ----------
    snaps : list of mapping
        key -> value on each date.
    dates : list of datetime.date
        Sorted, same length as ``snaps``.
    same : callable, optional
        Equality of two values.

    Returns
    -------
    dict
        key -> its periods, keys in order of first appearance.
    """
    keys: dict[K, None] = {}
    for s in snaps:
        keys.update(dict.fromkeys(s))
    return {k: runs([s.get(k) for s in snaps], dates, same) for k in keys}


def covers(valid_from: dt.date | None, valid_to: dt.date | None, day: dt.date) -> bool:
    """Return True if ``day`` lies in the closed interval (None bounds are open)."""
    return (valid_from is None or valid_from <= day) and (valid_to is None or day <= valid_to)
