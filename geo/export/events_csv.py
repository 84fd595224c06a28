"""The events as an ACLED-compatible CSV, and the reports ACLED would not code in a file beside it.

``events.csv`` has ACLED's 31 columns first, in ACLED's order and vocabulary
(:mod:`geo.export.acled`), then ours (:data:`OWN_COLUMNS`), so that it concatenates with an
ACLED export. It holds one row per event ACLED would code:

- a near-duplicate report (an event whose ``duplicate_of`` is set) is not a row; its id is
  listed in ``reports`` of the row it repeats;
- reports of the same event (same place, date, event type and actors) from different
  articles are one row: ``source`` joins their sources with ``; `` as ACLED does, ``notes``
  quotes the strongest report (verified, then reported, then claimed), ``reports`` and
  ``articles`` list them all;
- a statement of standing control (``held``), a denial, and an event without coordinates
  are not ACLED events: they go to ``events-uncoded.csv`` beside it, with the reason.

Columns ACLED fills that geo does not know stay empty: ``assoc_actor_1``/``2``,
``civilian_targeting``, ``admin2``, ``admin3``, ``source_scale``, ``tags`` and
``fatalities`` (not read from the articles: empty, not 0). ``actor1`` is the side that
gains, ``actor2`` the side that loses: as the sentence names it, else the holder of the
place before the event on the control timeline (``actor2_from`` says which).
``admin1`` comes from the admin-1 polygons by point-in-polygon; ``country``, ``iso``
(numeric) and ``region`` from the polygon's country, else from the gazetteer's record of
the place. ``event_id_cnty`` is the country's ISO alpha-3 code, ``G`` and a number in date
order (unique within one export, never equal to an ACLED id); ``event_id`` is geo's stable id.
``timestamp`` is the publication date of the article (Unix seconds, midnight UTC).

Text cells that came from an article and start with ``= + - @`` (or a tab or carriage
return) get a leading apostrophe, so a spreadsheet shows them as text instead of running
them as formulas. Both files are UTF-8 with a byte-order mark (spreadsheets then read
Arabic right).
"""

from __future__ import annotations

import bisect
import calendar
import csv
import datetime as dt
import io
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.cells import spreadsheet_cell
from geo.export.acled import (
    ACLED_COLUMNS,
    Country,
    acled_actor,
    acled_type,
    country,
    disorder_type,
    interaction,
    time_precision,
)
from geo.export.admin1 import Admin1, Admin1Locator
from geo.export.ogr import staging_dir
from geo.layers.data import MapData
from geo.model import REGION_PREFIX, ControlEvent, ControlState
from geo.output import check_target, is_stream, publish_all

__all__ = ["COLUMNS", "OWN_COLUMNS", "UNCODED_COLUMNS", "UNCODED_SUFFIX", "EventTables", "event_tables",
           "events_csv_text", "uncoded_path", "write_events_csv"]

#: Our columns after ACLED's.
OWN_COLUMNS: tuple[str, ...] = (
    "event_id", "reports", "articles", "kind", "stance", "claimed_by", "place_id", "date_end",
    "time_text", "source_date", "confidence", "actor2_from",
)
#: Every column of ``events.csv``.
COLUMNS: tuple[str, ...] = ACLED_COLUMNS + OWN_COLUMNS
#: The columns of the uncoded reports.
UNCODED_COLUMNS: tuple[str, ...] = (
    "event_id", "reason", "kind", "event_date", "date_end", "time_precision", "actor1", "actor2",
    "location", "place_id", "latitude", "longitude", "geo_precision", "admin1", "country", "source",
    "source_date", "article", "stance", "claimed_by", "confidence", "reports", "notes",
)
#: The uncoded reports are written to ``<stem><UNCODED_SUFFIX>.csv`` beside the events.
UNCODED_SUFFIX = "-uncoded"
_FROM_ARTICLE = ("location", "source", "notes", "claimed_by", "time_text")
_STANCE_RANK = {"verified": 0, "reported": 1, "claimed": 2, "denied": 3}
#: Why a report is not an ACLED event.
REASONS = {"held": "standing control: a statement, not a change", "denied": "a denial of a reported event",
           "nowhere": "no coordinates", "undated": "no date, and no publication date"}

#: place id -> ISO 3166-1 alpha-2 country, for places outside the admin-1 polygons.
PlaceCountry = Callable[[str], "str | None"]


@dataclass(frozen=True)
class EventTables:
    """The rows of both files: ACLED events and uncoded reports (``None`` for an empty cell)."""

    events: list[dict[str, Any]]
    uncoded: list[dict[str, Any]]


def _coord(x: float | None) -> float | None:
    return round(x, 6) if isinstance(x, (int, float)) and math.isfinite(x) else None


def _day(ev: ControlEvent) -> dt.date | None:
    return ev.date or ev.published


def _joined(values: Iterable[str | None]) -> str | None:
    seen = list(dict.fromkeys(v for v in values if v))
    return "; ".join(seen) if seen else None


class _Holders:
    """Who held a place before a date, from the map's per-date snapshots."""

    def __init__(self, data: MapData) -> None:
        self._tables = (data.states, data.regions)
        self._dates = tuple(sorted(t) for t in self._tables)

    def before(self, place_id: str | None, day: dt.date) -> str | None:
        if not place_id:
            return None
        k = 1 if place_id.startswith(REGION_PREFIX) else 0
        dates = self._dates[k]
        i = bisect.bisect_left(dates, day)
        state: ControlState | None = self._tables[k][dates[i - 1]].get(place_id) if i else None
        return state.controller if state is not None else None


class _Places:
    """The admin-1 division and the country of an event's place, and the map's faction labels."""

    def __init__(self, data: MapData, place_country: PlaceCountry | None) -> None:
        self.labels = data.factions
        self._locator = Admin1Locator(data.governorates)
        self._place_country = place_country
        self._cache: dict[str | None, str | None] = {}

    def admin1(self, ev: ControlEvent) -> Admin1 | None:
        if ev.place_id and ev.place_id.startswith(REGION_PREFIX):
            found = self._locator.by_id(ev.place_id)
            if found is not None:
                return found
        return self._locator.locate(ev.lon, ev.lat)

    def country(self, ev: ControlEvent, area: Admin1 | None) -> Country | None:
        if area is not None and area.country:
            return country(area.country)
        if ev.place_id not in self._cache:
            code = self._place_country(ev.place_id) if ev.place_id and self._place_country else None
            self._cache[ev.place_id] = code
        return country(self._cache[ev.place_id])


def _reason(ev: ControlEvent) -> str | None:
    if ev.kind == "held":
        return REASONS["held"]
    if ev.stance == "denied":
        return REASONS["denied"]
    if _coord(ev.lat) is None or _coord(ev.lon) is None:
        return REASONS["nowhere"]
    return None


def _strongest(reports: list[ControlEvent]) -> ControlEvent:
    return min(reports, key=lambda e: (_STANCE_RANK.get(e.stance, 9), -e.confidence, e.id))


def _timestamp(day: dt.date | None) -> int | None:
    return calendar.timegm(day.timetuple()) if day else None


def _coded_row(reports: list[ControlEvent], day: dt.date, types: tuple[str, str],
               copies: Mapping[str, list[ControlEvent]], places: _Places, holders: _Holders) -> dict[str, Any]:
    ev = _strongest(reports)
    area = places.admin1(ev)
    nation = places.country(ev, area)
    event_type, sub = types
    loser, loser_from = ev.actor_losing, "text" if ev.actor_losing else None
    if loser is None:
        before = holders.before(ev.place_id, day)
        if before and before != ev.actor_gaining and before != "unknown":
            loser, loser_from = before, "timeline"
    actor1 = acled_actor(ev.actor_gaining, nation.name if nation else None, ev.theatre, places.labels)
    actor2 = acled_actor(loser, nation.name if nation else None, ev.theatre, places.labels) if loser else None
    everyone = [r for e in reports for r in (e, *copies.get(e.id, ()))]
    return {
        "event_id_cnty": None, "event_date": day.isoformat(), "year": day.year,
        "time_precision": time_precision(ev.date_precision) if ev.date else 3,
        "disorder_type": disorder_type(event_type), "event_type": event_type, "sub_event_type": sub,
        "actor1": actor1.name, "assoc_actor_1": None, "inter1": actor1.inter,
        "actor2": actor2.name if actor2 else None, "assoc_actor_2": None,
        "inter2": actor2.inter if actor2 else None,
        "interaction": interaction(actor1.inter, actor2.inter if actor2 else None),
        "civilian_targeting": None, "iso": nation.iso if nation else None,
        "region": nation.region if nation else None, "country": nation.name if nation else None,
        "admin1": area.name if area else None, "admin2": None, "admin3": None,
        "location": ev.place, "latitude": _coord(ev.lat), "longitude": _coord(ev.lon),
        "geo_precision": ev.geo_precision, "source": _joined(e.source for e in reports),
        "source_scale": None, "notes": ev.sentence, "fatalities": None, "tags": None,
        "timestamp": _timestamp(ev.published),
        "event_id": ev.id, "reports": ";".join(r.id for r in everyone),
        "articles": ";".join(dict.fromkeys(r.article for r in everyone)), "kind": ev.kind,
        "stance": ev.stance, "claimed_by": _joined(e.attributed_to for e in reports if e.stance == "claimed"),
        "place_id": ev.place_id, "date_end": ev.date_end.isoformat() if ev.date_end else None,
        "time_text": ev.time_text, "source_date": ev.published.isoformat() if ev.published else None,
        "confidence": max(e.confidence for e in reports), "actor2_from": loser_from,
        "_iso3": nation.iso3 if nation else "XXX",
    }


def _uncoded_row(ev: ControlEvent, reason: str, copies: Mapping[str, list[ControlEvent]],
                 places: _Places) -> dict[str, Any]:
    day = _day(ev)
    area = places.admin1(ev)
    nation = places.country(ev, area)
    name = nation.name if nation else None
    return {
        "event_id": ev.id, "reason": reason, "kind": ev.kind, "event_date": day.isoformat() if day else None,
        "date_end": ev.date_end.isoformat() if ev.date_end else None,
        "time_precision": time_precision(ev.date_precision) if ev.date else 3,
        "actor1": acled_actor(ev.actor_gaining, name, ev.theatre, places.labels).name if ev.actor_gaining else None,
        "actor2": acled_actor(ev.actor_losing, name, ev.theatre, places.labels).name if ev.actor_losing else None,
        "location": ev.place, "place_id": ev.place_id, "latitude": _coord(ev.lat), "longitude": _coord(ev.lon),
        "geo_precision": ev.geo_precision, "admin1": area.name if area else None, "country": name,
        "source": ev.source, "source_date": ev.published.isoformat() if ev.published else None,
        "article": ev.article, "stance": ev.stance, "claimed_by": ev.attributed_to, "confidence": ev.confidence,
        "reports": ";".join([ev.id, *(c.id for c in copies.get(ev.id, ()))]), "notes": ev.sentence,
    }


def event_tables(data: MapData, place_country: PlaceCountry | None = None) -> EventTables:
    """Return the ACLED rows and the uncoded reports of the map's events (pure).

    Parameters
    ----------
    data : MapData
        Holds the events, the admin-1 polygons and the control timeline; only the events
        dated up to ``data.date`` when it is set.
    place_country : callable, optional
        Place id -> ISO alpha-2 country code, for a place outside the admin-1 polygons
        (the writer asks the gazetteer). Without it such a row has no country.

    Returns
    -------
    EventTables
        Both tables, sorted by date, place and id; ``event_id_cnty`` numbered per country.
    """
    limit = data.date
    chosen = [e for e in data.events.values()  # an undated event only in the whole history (to say why it is uncoded)
              if ((d := _day(e)) is None and limit is None) or (d is not None and (limit is None or d <= limit))]
    known = {e.id for e in chosen}
    copies: dict[str, list[ControlEvent]] = defaultdict(list)
    originals: list[ControlEvent] = []
    for e in sorted(chosen, key=lambda e: e.id):
        if e.duplicate_of and e.duplicate_of in known:
            copies[e.duplicate_of].append(e)
        else:
            originals.append(e)
    places, holders = _Places(data, place_country), _Holders(data)
    groups: dict[tuple[Any, ...], list[ControlEvent]] = defaultdict(list)
    uncoded = []
    for e in originals:
        reason, day, types = _reason(e), _day(e), acled_type(e.kind, e.actor_gaining, e.theatre)
        if reason is None and day is None:
            reason = REASONS["undated"]
        if reason is not None or day is None or types is None:
            uncoded.append(_uncoded_row(e, reason or REASONS["held"], copies, places))
            continue
        groups[(day, types, e.place_id or e.place, e.actor_gaining, e.actor_losing)].append(e)
    coded = [_coded_row(reports, key[0], key[1], copies, places, holders) for key, reports in groups.items()]
    coded.sort(key=lambda r: (r["event_date"], r["location"] or "", r["event_id"]))
    counters: dict[str, int] = defaultdict(int)
    for row in coded:
        iso3 = row.pop("_iso3")
        counters[iso3] += 1
        row["event_id_cnty"] = f"{iso3}G{counters[iso3]}"
    uncoded.sort(key=lambda r: (r["event_date"] or "", r["location"] or "", r["event_id"]))
    return EventTables([{k: spreadsheet_cell(v) if k in _FROM_ARTICLE else v for k, v in r.items()} for r in coded],
                       [{k: spreadsheet_cell(v) if k in _FROM_ARTICLE else v for k, v in r.items()} for r in uncoded])


def _csv(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def events_csv_text(data: MapData, place_country: PlaceCountry | None = None) -> tuple[str, str]:
    """Return the text (without BOM) of the events CSV and of the uncoded reports' CSV."""
    tables = event_tables(data, place_country)
    return _csv(tables.events, COLUMNS), _csv(tables.uncoded, UNCODED_COLUMNS)


def uncoded_path(path: Path) -> Path:
    """Return the file of the uncoded reports beside ``path`` (``events.csv`` -> ``events-uncoded.csv``)."""
    return path.with_name(f"{path.stem}{UNCODED_SUFFIX}{path.suffix or '.csv'}")


def write_events_csv(data: MapData, path: Path, place_country: PlaceCountry | None = None, *,
                     inputs: Iterable[Path] = ()) -> list[Path]:
    """Write the events CSV and the uncoded reports beside it, each atomically.

    Parameters
    ----------
    data : MapData
        Holds the events; only those dated up to ``data.date`` when it is set.
    path : pathlib.Path
        The ``.csv`` file of the events.
    place_country : callable, optional
        Place id -> ISO alpha-2 country code for places outside the admin-1 polygons.
    inputs : iterable of pathlib.Path
        The run's inputs, never overwritten (:func:`geo.output.publish_all`).

    Returns
    -------
    list of pathlib.Path
        ``[path, uncoded_path(path)]`` (``[path]`` when ``path`` is a stream such as ``/dev/stdout``).

    Raises
    ------
    OutputError
        A file or its folder cannot be written.
    """
    texts = events_csv_text(data, place_country)
    inputs = list(inputs)
    real = check_target(path, inputs=inputs)
    targets = [path] if is_stream(real) else [path, uncoded_path(path)]  # a stream has no file beside it
    with staging_dir(real.parent, f"CSV {path.name}") as tmp:
        works = []
        for target, text in zip(targets, texts, strict=False):  # a stream takes the events only
            work = tmp / target.name
            work.write_text(text, encoding="utf-8-sig", newline="")
            works.append(work)
        return publish_all(list(zip(works, targets, strict=True)), inputs=inputs)
