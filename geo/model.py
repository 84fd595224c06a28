"""The data model of geo: the records every stage passes on, and the words they may hold.

Field names are part of the JSON contract of ``geo events``, ``geo control`` and the
exports (see ``docs/architecture.md``). Everything here is plain data: no module of geo is
imported, so every stage may import this one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import operator
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Literal, NamedTuple, get_args

__all__ = [
    "field_names",
    "record_values",
    "Article",
    "BASELINE_PREFIX",
    "BaselineEntry",
    "ControlEvent",
    "ControlState",
    "CorpusResult",
    "CorpusWarning",
    "DATE_PRECISIONS",
    "DatePrecision",
    "ANCHOR_KINDS",
    "AnchorKind",
    "DistanceMention",
    "EVENT_KINDS",
    "EventKind",
    "REGION_PREFIX",
    "STANCES",
    "STATUSES",
    "Stance",
    "StanceWord",
    "Status",
]

#: Kind of a control-change event.
EventKind = Literal["captured", "entered", "contested", "besieged", "siege_broken", "withdrew", "regained", "held"]
#: Who stands behind an event: the reporter, one side's claim, a denial, a verification.
StanceWord = Literal["reported", "claimed", "denied", "verified"]
#: Status of a place on a date.
Status = Literal["held", "contested", "besieged", "claimed"]
#: What a quoted distance is measured from: a point (a town, a landmark), the border with a country,
#: a region's polygon, a city's built-up area, a river or a road, the country's capital, the capital of
#: the subject's province, the inferred front line, or nothing resolvable.
AnchorKind = Literal["point", "border", "region", "city_area", "river", "road", "capital", "provincial_capital",
                     "implied", "front", "none"]
#: Precision of a resolved date, after ACLED's time precision.
DatePrecision = Literal["day", "week", "month", "year"]

EVENT_KINDS: tuple[EventKind, ...] = get_args(EventKind)
STANCES: tuple[StanceWord, ...] = get_args(StanceWord)
STATUSES: tuple[Status, ...] = get_args(Status)
DATE_PRECISIONS: tuple[DatePrecision, ...] = get_args(DatePrecision)
ANCHOR_KINDS: tuple[AnchorKind, ...] = get_args(AnchorKind)

#: Id prefix of a region (a first-level administrative division) in place ids.
REGION_PREFIX = "admin1:"
#: Id prefix of a baseline row in a state's evidence.
BASELINE_PREFIX = "baseline:"


class Stance(NamedTuple):
    """Who stands behind an event: the stance word and the party it is attributed to, if any."""

    word: StanceWord
    attributed_to: str | None = None


def _flat_dict(record: Any) -> dict[str, Any]:
    """Return a record's fields as a JSON-ready dict, in field order.

    The records are flat (their fields hold dates, strings, numbers and tuples of them), so
    this reads each field once instead of :func:`dataclasses.asdict`'s recursive deep copy,
    which was most of the time ``geo events`` spent on its output; the values of all fields
    are read at once (:func:`record_values`) and only dates and tuples are converted.
    """
    names = field_names(type(record))
    return {name: value if type(value) in _PLAIN else _jsonable(value)
            for name, value in zip(names, record_values(record), strict=True)}


def field_names(cls: type) -> tuple[str, ...]:
    """Return the field names of a record class, in order (read once per class)."""
    return _accessors(cls)[0]


_ACCESSORS: dict[type, tuple[tuple[str, ...], Callable[[Any], Any]]] = {}


def _accessors(cls: type) -> tuple[tuple[str, ...], Callable[[Any], Any]]:
    """Return a record class's field names and a function reading all their values at once."""
    found = _ACCESSORS.get(cls)
    if found is None:
        names = tuple(f.name for f in fields(cls))
        get = operator.attrgetter(*names)
        found = _ACCESSORS[cls] = (names, get if len(names) > 1 else (lambda record: (get(record),)))
    return found


def record_values(record: Any) -> tuple[Any, ...]:
    """Return the values of a record's fields in field order: ``type(record)(*record_values(record)) == record``.

    Examples
    --------
    >>> s = CorpusWarning("a.txt", "a.txt: no date")
    >>> record_values(s), CorpusWarning(*record_values(s)) == s
    (('a.txt', 'a.txt: no date'), True)
    """
    return _accessors(type(record))[1](record)  # type: ignore[no-any-return]


_PLAIN = frozenset({str, int, float, bool, type(None)})


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
        d = _flat_dict(self)
        if not with_text:
            d.pop("text")
        return d


@dataclass(frozen=True, slots=True)
class ControlEvent:
    """A control-change event extracted from one sentence of one article.

    ``denies`` is set on a ``denied`` event: the id of the claim of the same article that
    it denies (the RSF says it took the base, the army denies it), else None.
    """

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
    date_precision: DatePrecision | None
    time_text: str | None
    kind: EventKind
    actor_gaining: str | None
    actor_losing: str | None
    stance: StanceWord
    attributed_to: str | None
    sentence: str
    start: int
    end: int
    confidence: float
    source: str | None = None
    duplicate_of: str | None = None
    theatre: str | None = None
    denies: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with the contract's field names."""
        return _flat_dict(self)


@dataclass(frozen=True, slots=True)
class DistanceMention:
    """A distance quoted in an article, with its anchor resolved.

    ``anchor_kind`` says what the distance is measured from (:data:`AnchorKind`); ``anchor``
    is the anchor's gazetteer id (for a border, the other country's ``country:<ISO2>``), and
    ``anchor_text`` the phrase as written, vague ones too ("a location"). ``subject_place`` is
    set when what is that far away is itself a place the gazetteer knows ("Azaz, about 7 km
    from the Turkish border"): the distance is then a check on that place, not a new shape.
    ``locator`` is the place that locates the subject (the subject place, or a place the
    sentence names with it), which picks the stretch of a border or line; ``side_country`` is
    the country the subject lies in. ``unresolved`` says why no anchor was resolved.
    """

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
    anchor_text: str = ""
    anchor_kind: AnchorKind = "none"
    anchor_country: str | None = None
    subject_place: str | None = None
    locator: str | None = None
    locator_name: str = ""
    locator_lat: float | None = None
    locator_lon: float | None = None
    side_country: str | None = None
    unresolved: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with the contract's field names."""
        return _flat_dict(self)


@dataclass(frozen=True, slots=True)
class ControlState:
    """Who holds a place on a date, and on what evidence.

    ``name`` is the place's name as English-language reporting writes it (never the words
    of one sentence; those stay in the evidence). ``evidence`` holds event ids and baseline
    row ids (:attr:`BaselineEntry.evidence_id`). ``last_evidence`` is the newest date the
    supporting evidence speaks of, up to the date asked about; ``stale`` is True when that
    is older than the staleness window. ``note`` says, in a short sentence, how a state was
    derived when it is not simply the fold of the place's own evidence (a region report
    that disagrees with the town's, a region following its fallen main city).
    """

    place_id: str
    name: str
    lat: float
    lon: float
    controller: str
    status: Status
    since: dt.date | None
    evidence: tuple[str, ...] = field(default=())
    geo_precision: int = 1
    last_evidence: dt.date | None = None
    stale: bool = False
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with the contract's field names."""
        return _flat_dict(self)


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """Control of one place before the first event, from a row of a baseline file."""

    place: str
    place_id: str
    name: str
    lat: float
    lon: float
    controller: str
    as_of: dt.date
    source: str
    geo_precision: int

    @property
    def evidence_id(self) -> str:
        """Return the id a state cites this row by: ``baseline:<place as written>@<as_of>:<digest>``.

        The digest (six hex digits of the row's content) keeps the ids of two rows apart
        even when they name the same place on the same date.
        """
        raw = "\x1f".join((self.place, self.place_id, self.controller, self.as_of.isoformat(), self.source))
        return f"{BASELINE_PREFIX}{self.place}@{self.as_of.isoformat()}:{hashlib.sha1(raw.encode()).hexdigest()[:6]}"

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with the contract's field names and the evidence id."""
        return {"id": self.evidence_id, **_flat_dict(self)}


@dataclass(frozen=True, slots=True)
class CorpusWarning:
    """A problem with one input file that did not stop the corpus from being read."""

    path: str
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class CorpusResult:
    """The analysis of a corpus: everything extracted from a folder, or read back from an event store.

    ``folder`` is the corpus folder, or the store file when the result was read from one.
    """

    folder: Path
    articles: list[Article]
    warnings: list[CorpusWarning]
    events: list[ControlEvent]
    distances: list[DistanceMention]
    baseline: list[BaselineEntry]
