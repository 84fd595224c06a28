"""The data model of geo (field names are part of the JSON contract in DESIGN.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "Article",
    "ControlEvent",
    "DistanceMention",
    "ControlState",
    "EVENT_KINDS",
    "STANCES",
    "STATUSES",
    "DATE_PRECISIONS",
]

#: Kinds of control-change events.
EVENT_KINDS: tuple[str, ...] = (
    "captured",
    "entered",
    "contested",
    "besieged",
    "siege_broken",
    "withdrew",
    "regained",
    "held",
)
#: Who stands behind an event: the reporter, one side's claim, a denial, a verification.
STANCES: tuple[str, ...] = ("reported", "claimed", "denied", "verified")
#: Status of a place on a date.
STATUSES: tuple[str, ...] = ("held", "contested", "besieged", "claimed")
#: Precision of a resolved date, after ACLED's time precision.
DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class Article:
    """One news article of a corpus.

    ``id`` is the first 16 hex digits of the sha256 of the normalised text, so the same
    text read from two files has one id. ``published`` is None when no date is known.
    ``duplicate_of`` names the id of an earlier version of the same report, if any.
    """

    id: str
    path: str
    published: dt.date | None
    source: str | None
    title: str | None
    url: str | None
    text: str
    duplicate_of: str | None = None

    def to_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        """Return a JSON-ready dict; the text is left out unless asked for."""
        d = {k: _jsonable(v) for k, v in asdict(self).items()}
        if not with_text:
            d.pop("text")
        return d


@dataclass(frozen=True, slots=True)
class ControlEvent:
    """A control-change event extracted from one sentence of one article."""

    id: str
    article: str
    published: dt.date | None
    place: str
    place_id: str | None
    lat: float | None
    lon: float | None
    geo_precision: int
    date: dt.date | None
    date_end: dt.date | None
    date_precision: str | None
    time_text: str | None
    kind: str
    actor_gaining: str | None
    actor_losing: str | None
    stance: str
    attributed_to: str | None
    sentence: str
    start: int
    end: int
    confidence: float
    source: str | None = None
    duplicate_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with the contract's field names."""
        return {k: _jsonable(v) for k, v in asdict(self).items()}


@dataclass(frozen=True, slots=True)
class DistanceMention:
    """A distance quoted in an article, with its anchor place resolved."""

    distance_km: float
    tolerance_km: float
    qualifier: str
    direction: str | None
    anchor: str | None
    anchor_name: str
    anchor_lat: float | None
    anchor_lon: float | None
    subject: str | None
    article: str
    sentence: str
    start: int
    end: int
    published: dt.date | None = None
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with the contract's field names."""
        return {k: _jsonable(v) for k, v in asdict(self).items()}


@dataclass(frozen=True, slots=True)
class ControlState:
    """Who holds a place on a date, and on what evidence."""

    place_id: str
    name: str
    lat: float
    lon: float
    controller: str
    status: str
    since: dt.date | None
    evidence: tuple[str, ...] = field(default=())
    geo_precision: int = 1

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with the contract's field names."""
        return {k: _jsonable(v) for k, v in asdict(self).items()}
