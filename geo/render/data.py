"""The input contract of the map renderer: :class:`MapData`.

The lead's pipeline builds one MapData from the control timeline and the geometry module;
the renderer only reads it. Shapely geometries are in lon/lat (EPSG:4326).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from shapely.geometry.base import BaseGeometry

from geo.model import ControlEvent, ControlState, DistanceMention

__all__ = ["MapData", "Front", "Ring"]

#: An inferred front line: the line, and the two factions on either side of it.
Front = tuple[BaseGeometry, str, str]
#: A distance ring: the mention it draws, its geometry, and the date it is shown from
#: (None: shown on every date).
Ring = tuple[DistanceMention, BaseGeometry, "dt.date | None"]


@dataclass(frozen=True)
class MapData:
    """Everything the map shows, for every date of the slider.

    Attributes
    ----------
    title : str
        Map title, e.g. ``"Control of territory — seeds"``.
    corpus : str
        Corpus folder name, shown in the title.
    dates : list of datetime.date
        Slider steps: every date on which something changes, sorted.
    places : list of dict
        ``{"id", "name", "lat", "lon", "kind"}`` for every place that ever has a state.
    states : dict
        date -> place id -> :class:`ControlState`, the full snapshot on each date. A date of
        ``dates`` missing here keeps the snapshot of the date before it.
    regions : dict
        date -> admin1 id -> :class:`ControlState` (region-level states), full snapshots;
        the ids are the ``id`` properties of ``governorates``.
    events : dict
        Event id -> :class:`ControlEvent`; ``ControlState.evidence`` refers to these ids.
    event_dates : dict
        date -> ids of the events that happen on that date (highlighted on the map).
    areas : dict
        date -> controller -> inferred control area (shapely, lon/lat).
    fronts : dict
        date -> list of ``(line, side_a, side_b)`` inferred front lines.
    rings : list
        ``(DistanceMention, geometry, shown_from)`` distance rings.
    governorates : dict
        GeoJSON FeatureCollection of admin1 polygons (properties ``id``, ``name``).
    outline : dict
        GeoJSON FeatureCollection of the country outline.
    step : str or None
        None when the slider steps through every change date; else the period ("week",
        "month", "quarter", "year") whose last change date each step shows, for a long
        history (``event_dates`` then holds each step's events since the step before).
    changes : int
        How many change dates the history has (more than ``dates`` when ``step`` is set).
    """

    title: str
    corpus: str
    dates: list[dt.date]
    places: list[dict[str, Any]]
    states: dict[dt.date, dict[str, ControlState]]
    regions: dict[dt.date, dict[str, ControlState]] = field(default_factory=dict)
    events: dict[str, ControlEvent] = field(default_factory=dict)
    event_dates: dict[dt.date, list[str]] = field(default_factory=dict)
    areas: dict[dt.date, dict[str, BaseGeometry]] = field(default_factory=dict)
    fronts: dict[dt.date, list[Front]] = field(default_factory=dict)
    rings: list[Ring] = field(default_factory=list)
    governorates: dict[str, Any] = field(
        default_factory=lambda: {"type": "FeatureCollection", "features": []}
    )
    outline: dict[str, Any] = field(
        default_factory=lambda: {"type": "FeatureCollection", "features": []}
    )
    step: str | None = None
    changes: int = 0
