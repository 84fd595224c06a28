"""The input contract of the map renderer: :class:`MapData`.

:func:`geo.layers.build.build_map_data` makes one MapData from the control timeline and the
geometry module; the renderer and the exporters only read it. Shapely geometries are in
lon/lat (EPSG:4326).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from shapely.geometry.base import BaseGeometry

from geo.layers.distances import DistanceShape
from geo.model import BaselineEntry, ControlEvent, ControlState

__all__ = ["MapData", "Band", "Front", "Ring", "snapshots"]

#: An inferred front line: the line, and the two factions on either side of it.
Front = tuple[BaseGeometry, str, str]
#: A distance shape: the shape (its mention, what it is measured from), its geometry, and the date
#: it is shown from (None: shown on every date).
Ring = tuple[DistanceShape, BaseGeometry, "dt.date | None"]
#: A confidence band of an inferred area: controller, band index (:data:`geo.layers.inferred.BANDS_KM`;
#: one past the last: land only a region report gives), geometry.
Band = tuple[str, int, BaseGeometry]


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
        Event id -> :class:`ControlEvent`; ``ControlState.evidence`` refers to these ids
        and to those of ``baseline``.
    event_dates : dict
        date -> ids of the events that happen on that date (highlighted on the map).
    areas : dict
        date -> controller -> inferred control area (shapely, lon/lat), from the live
        evidence of the date only (:mod:`geo.layers.inferred`).
    fronts : dict
        date -> list of ``(line, side_a, side_b)`` inferred front lines.
    rings : list
        ``(DistanceShape, geometry, shown_from)``: the drawn distance shapes (rings, discs,
        sectors, bands; :mod:`geo.layers.distances`).
    distance_checks : list of DistanceShape
        Distances whose subject is a known place: checked against it, not drawn (shown in
        that place's evidence).
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
    date : datetime.date or None
        The date the map is for, one of ``dates`` (the map opens on it and the exports
        keep what is true on it); None for the whole history (the map opens on the last
        date).
    factions : dict
        Faction id -> (label, ``#RRGGBB`` colour): the palette of the theatres of the
        events (:func:`geo.theatres.faction_styles`); ids missing from it draw grey.
    towns : list
        ``(name, lat, lon, population)`` of the settlements labelled on the base layer,
        largest first (:func:`geo.layers.towns.town_labels`).
    baseline : dict
        Baseline evidence id -> :class:`BaselineEntry` (the rows states cite).
    bands : dict
        date -> list of ``(controller, band, geometry)`` confidence bands of the inferred
        areas, drawn with opacity falling with the band.
    stale_after_days : int
        The staleness window the states were aged with (days without a report).
    bands_km : tuple of float
        Outer radii of the confidence bands of ``bands`` (the last: an inferred area's reach).
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
    distance_checks: list[DistanceShape] = field(default_factory=list)
    governorates: dict[str, Any] = field(
        default_factory=lambda: {"type": "FeatureCollection", "features": []}
    )
    outline: dict[str, Any] = field(
        default_factory=lambda: {"type": "FeatureCollection", "features": []}
    )
    step: str | None = None
    changes: int = 0
    date: dt.date | None = None
    factions: dict[str, tuple[str, str]] = field(default_factory=dict)
    towns: list[tuple[str, float, float, int]] = field(default_factory=list)
    baseline: dict[str, BaselineEntry] = field(default_factory=dict)
    bands: dict[dt.date, list[Band]] = field(default_factory=dict)
    stale_after_days: int = 120
    bands_km: tuple[float, ...] = (10.0, 25.0, 50.0)

    def __post_init__(self) -> None:
        if self.date is not None and self.date not in self.dates:
            raise ValueError(f"MapData.date {self.date} is not one of its dates; add it to dates "
                             "(build_map_data does)")

    def start_index(self) -> int:
        """Index in ``dates`` of the date the map opens on (-1 when there are no dates)."""
        if self.date is not None:
            return self.dates.index(self.date)
        return len(self.dates) - 1


def snapshots(table: Mapping[dt.date, Mapping[Any, Any]], dates: Iterable[dt.date], *,
              carry: bool) -> list[Mapping[Any, Any]]:
    """Return the snapshot on each date of a per-date table of MapData.

    Parameters
    ----------
    table : mapping
        date -> key -> value (``MapData.states``, ``regions``, ``areas``...).
    dates : iterable of datetime.date
        Sorted dates to look at.
    carry : bool
        True: a date missing from ``table`` keeps the snapshot before it (states).
        False: a missing date has an empty snapshot (areas, fronts).

    Returns
    -------
    list of mapping
        One snapshot per date.

    Examples
    --------
    >>> import datetime as dt
    >>> d1, d2 = dt.date(2024, 12, 1), dt.date(2024, 12, 2)
    >>> snapshots({d1: {"Hama": "held"}}, [d1, d2], carry=True)
    [{'Hama': 'held'}, {'Hama': 'held'}]
    >>> snapshots({d1: {"Hama": "held"}}, [d1, d2], carry=False)
    [{'Hama': 'held'}, {}]
    """
    out: list[Mapping[Any, Any]] = []
    cur: Mapping[Any, Any] = {}
    for d in dates:
        cur = table.get(d, cur if carry else {})
        out.append(cur)
    return out
