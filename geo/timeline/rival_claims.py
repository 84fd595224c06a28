"""Which claims of control another report opposes: a denial, or a rival side's counter-claim.

A ``claimed`` event is *opposed* when, within a day of its date range, another event on
the same place either denies it (a ``denied`` event by anyone but the claimant) or claims
the place for another side, made by another claimant. :class:`RivalClaims` answers that
for every claim of a place by looking only at the claims and denials whose dates can meet
it: the events are sorted by start date once, so a place with thousands of reports costs
a few comparisons per claim instead of one per report.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable

from geo.dates import shift
from geo.model import ControlEvent
from geo.theatres import known_factions

__all__ = ["RivalClaims", "claimant", "faction", "favoured"]

#: A report this many days either side of a claim still opposes it.
SLACK_DAYS = 1
#: Events spanning more days than this are few ("in 2016"); they are checked one by one.
_SHORT_DAYS = 31
_SHORT_SPAN = dt.timedelta(days=_SHORT_DAYS)
_UNKNOWN = "unknown"


def faction(value: str | None) -> str | None:
    """Return a canonical faction id, or None for an unknown, empty or unrecognised side."""
    value = (value or "").strip()
    return value if value in known_factions() and value != _UNKNOWN else None


def claimant(ev: ControlEvent) -> str | None:
    """Return the side making a claim: the one it is attributed to, else the side said to gain."""
    return faction(ev.attributed_to) or faction(ev.actor_gaining)


def favoured(ev: ControlEvent) -> str | None:
    """Return the side a claim says holds the place: the gaining side, else the claimant."""
    return faction(ev.actor_gaining) or claimant(ev)


def _denier(ev: ControlEvent) -> str | None:
    return faction(ev.attributed_to) or faction(ev.actor_losing)


def _start(ev: ControlEvent) -> dt.date:
    if ev.date is None:
        raise ValueError(f"event {ev.id} has no date; only dated events are indexed")
    return ev.date


def _end(ev: ControlEvent) -> dt.date:
    return ev.date_end or _start(ev)


class RivalClaims:
    """The dated claims and denials about one place, indexed by date.

    Parameters
    ----------
    same_place : iterable of ControlEvent
        The events of one place; those without a date, and stances other than
        ``claimed`` and ``denied``, cannot oppose a claim and are left out.
    """

    def __init__(self, same_place: Iterable[ControlEvent]) -> None:
        rivals = [e for e in same_place if e.date is not None and e.stance in ("claimed", "denied")]
        short = sorted((e for e in rivals if _end(e) - _start(e) <= _SHORT_SPAN), key=_start)
        self._short = short
        self._starts = [_start(e) for e in short]
        self._long = [e for e in rivals if _end(e) - _start(e) > _SHORT_SPAN]

    def _near(self, claim: ControlEvent) -> Iterable[ControlEvent]:
        """Yield the indexed events whose date range meets the claim's, widened by the slack each side."""
        first, last = shift(_start(claim), -SLACK_DAYS), shift(_end(claim), SLACK_DAYS)
        lo = bisect.bisect_left(self._starts, shift(first, -_SHORT_DAYS))  # a short event ending by *first* starts here
        hi = bisect.bisect_right(self._starts, last)
        for other in (*self._short[lo:hi], *self._long):
            if other.date <= last and _end(other) >= first:  # type: ignore[operator]
                yield other

    def opposes(self, claim: ControlEvent) -> bool:
        """Whether another report denies *claim* or claims its place for a rival side.

        Parameters
        ----------
        claim : ControlEvent
            A dated ``claimed`` event of this place.
        """
        who, side = claimant(claim), favoured(claim)
        for other in self._near(claim):
            if other.id == claim.id:
                continue
            if other.stance == "denied":
                denier = _denier(other)
                if denier is None or denier != who:
                    return True
            else:
                o_who, o_side = claimant(other), favoured(other)
                if None not in (who, o_who, side, o_side) and o_who != who and o_side != side:
                    return True
        return False
