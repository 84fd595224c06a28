"""CSV of control events with ACLED-like columns (UTF-8 with BOM, one row per event).

Mapping of our event kinds to ACLED's event types (ACLED codebook: *Battles* and
*Strategic developments*):

=================  =======================  =============================================
kind               event_type               sub_event_type
=================  =======================  =============================================
``captured``       Battles                  Government regains territory when the gaining
``regained``                                side is ``government``, else Non-state actor
                                            overtakes territory
``entered``        Battles                  Armed clash (fighters inside, not yet held)
``contested``      Battles                  Armed clash
``besieged``       Battles                  Armed clash
``siege_broken``   Battles                  Armed clash
``withdrew``       Strategic developments   Non-violent transfer of territory
``held``           Strategic developments   Other (a statement of standing control)
=================  =======================  =============================================

``time_precision`` follows ACLED: 1 day, 2 week, 3 month (a year-precise date is also 3,
ACLED's coarsest). ``notes`` is the quoted sentence. Text cells that came from an article
and start with ``= + - @`` (or a tab or carriage return) get a leading apostrophe, so a
spreadsheet shows them as text instead of running them as formulas.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from pathlib import Path
from typing import Any

from geo.export.ogr import publish, staging_dir
from geo.layers.data import MapData
from geo.layers.style import Palette, label_of
from geo.model import ControlEvent

__all__ = ["COLUMNS", "event_row", "events_csv_text", "write_events_csv", "acled_type"]

COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "kind", "stance", "attributed_to", "location", "place_id",
    "latitude", "longitude", "geo_precision", "source", "source_date", "article",
    "confidence", "time_text", "duplicate_of", "notes",
)
_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_CLASH = ("Battles", "Armed clash")
_TYPES = {"entered": _CLASH, "contested": _CLASH, "besieged": _CLASH, "siege_broken": _CLASH,
          "withdrew": ("Strategic developments", "Non-violent transfer of territory"),
          "held": ("Strategic developments", "Other")}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FROM_ARTICLE = ("attributed_to", "location", "source", "time_text", "notes")


def acled_type(kind: str, gaining: str | None) -> tuple[str, str]:
    """ACLED ``(event_type, sub_event_type)`` of one of our event kinds (see module doc)."""
    if kind in ("captured", "regained"):
        sub = ("Government regains territory" if gaining == "government"
               else "Non-state actor overtakes territory")
        return "Battles", sub
    return _TYPES.get(kind, ("Strategic developments", "Other"))


def _actor(faction: str | None, palette: Palette) -> str | None:
    return label_of(faction, palette)


def _defuse(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _coord(x: float | None) -> float | None:
    return round(x, 6) if isinstance(x, (int, float)) and math.isfinite(x) else None


def event_row(ev: ControlEvent, palette: Palette) -> dict[str, Any]:
    """Return one event as an ACLED-like row (None for empty cells); actors named by the palette's labels."""
    event_type, sub = acled_type(ev.kind, ev.actor_gaining)
    day = ev.date or ev.published
    row = {"event_id_cnty": ev.id, "event_date": day.isoformat() if day else None,
           "year": day.year if day else None,
           "time_precision": _PRECISION.get(ev.date_precision or "", 3) if ev.date else 3,
           "event_type": event_type, "sub_event_type": sub,
           "actor1": _actor(ev.actor_gaining, palette), "actor2": _actor(ev.actor_losing, palette),
           "kind": ev.kind, "stance": ev.stance, "attributed_to": ev.attributed_to,
           "location": ev.place, "place_id": ev.place_id,
           "latitude": _coord(ev.lat), "longitude": _coord(ev.lon),
           "geo_precision": ev.geo_precision, "source": ev.source,
           "source_date": ev.published.isoformat() if ev.published else None,
           "article": ev.article, "confidence": ev.confidence, "time_text": ev.time_text,
           "duplicate_of": ev.duplicate_of, "notes": ev.sentence}
    return {k: _defuse(v) if k in _FROM_ARTICLE else v for k, v in row.items()}


def events_csv_text(data: MapData) -> str:
    """Return the CSV text (without BOM): events sorted by date then id, up to ``data.date`` if set."""
    date = data.date
    evs = [e for e in data.events.values()
           if date is None or ((d := e.date or e.published) is not None and d <= date)]
    evs.sort(key=lambda e: ((e.date or e.published or dt.date.max), e.id))
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\r\n")
    w.writeheader()
    w.writerows(event_row(e, data.factions) for e in evs)
    return buf.getvalue()


def write_events_csv(data: MapData, path: Path) -> Path:
    """Write the events CSV atomically, UTF-8 with BOM (spreadsheets then read Arabic right).

    Parameters
    ----------
    data : MapData
        Holds the events; only those dated up to ``data.date`` when it is set.
    path : pathlib.Path
        The ``.csv`` file.

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    OutputError
        The file or its folder cannot be written.
    """
    text = events_csv_text(data)
    with staging_dir(path.parent, f"CSV {path.name}") as tmp:
        work = tmp / path.name
        work.write_text(text, encoding="utf-8-sig", newline="")
        return publish(work, path)
