"""The notebook API: ``geo.analyse(corpus=..., store=...)`` and the :class:`Analysis` it returns.

>>> import geo
>>> analysis = geo.analyse("seeds")                         # doctest: +SKIP
>>> analysis.control("2024-12-08").plot(column="controller")  # doctest: +SKIP

Every table is a :class:`geopandas.GeoDataFrame` in EPSG:4326 whose date columns are
``datetime64``; lists (evidence ids) are ``;``-joined text, so a table writes to any GIS
format as it is. ``import geo`` does not import this module: ``geo.analyse`` loads it on
first use, so the ``geo`` command starts without pandas, geopandas or folium.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, TypeAlias

import folium
import geopandas as gpd
import pandas as pd
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from geo.errors import UsageError
from geo.export.layers import SCHEMA, build_layers
from geo.layers.build import build_map_data, corpus_distances, stale_window
from geo.layers.data import MapData
from geo.layers.distances import DistanceShape
from geo.layers.states import CorpusStates
from geo.model import ControlEvent, ControlState, CorpusResult, CorpusWarning, DistanceMention
from geo.pipeline import analyse as analyse_folder
from geo.render.html import folium_map
from geo.store.event_store import EventStore
from geo.store.rows import load

__all__ = ["Analysis", "analyse"]

CRS = "EPSG:4326"
#: Date columns of each table.
_EVENT_DATES = ("published", "date", "date_end")
_STATE_DATES = ("since",)
_DISTANCE_DATES = ("published",)

#: Anything :func:`as_date` accepts: an ISO date string, a date, a datetime or a pandas Timestamp.
DateLike: TypeAlias = str | dt.date | dt.datetime | pd.Timestamp


def as_date(value: DateLike, what: str = "date") -> dt.date:
    """Return ``value`` as a :class:`datetime.date`.

    Raises
    ------
    UsageError
        ``value`` is not a date; the message names it and the form to use.
    """
    if isinstance(value, dt.datetime):  # also a pandas Timestamp
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise UsageError(f"{what} {value!r} is not a date; write it as YYYY-MM-DD, e.g. '2024-12-08'") from None


def _datetimes(frame: gpd.GeoDataFrame, columns: Iterable[str]) -> gpd.GeoDataFrame:
    for c in columns:
        if c in frame:
            frame[c] = pd.to_datetime(pd.Series(list(frame[c]), index=frame.index, dtype=object))
    return frame


def _point(lon: float | None, lat: float | None) -> Point | None:
    return Point(lon, lat) if lon is not None and lat is not None else None


def _frame(rows: list[dict[str, Any]], geoms: Sequence[BaseGeometry | None], columns: Sequence[str],
           dates: Iterable[str]) -> gpd.GeoDataFrame:
    data = {c: [r.get(c) for r in rows] for c in columns}
    frame = gpd.GeoDataFrame(data, columns=list(columns), geometry=gpd.GeoSeries(list(geoms), crs=CRS), crs=CRS)
    return _datetimes(frame, dates)


def events_frame(events: Sequence[ControlEvent]) -> gpd.GeoDataFrame:
    """Return the events as a GeoDataFrame: one row per event, its fields as columns, a point where it happened."""
    columns = list(ControlEvent.__dataclass_fields__)
    return _frame([asdict(e) for e in events], [_point(e.lon, e.lat) for e in events], columns, _EVENT_DATES)


def distances_frame(shapes: Sequence[DistanceShape]) -> gpd.GeoDataFrame:
    """Return the quoted distances: their fields, what each is measured from, and the shape it draws.

    The geometry is the ring, disc, sector or band (None for a check on a known place or an
    unresolved anchor); ``geometry_kind``, ``status``, ``measured_from``, ``note`` and
    ``inferred`` say which (:mod:`geo.layers.distances`).
    """
    columns = [*DistanceMention.__dataclass_fields__, "geometry_kind", "status", "measured_from", "note", "inferred"]
    rows = [{**asdict(s.mention), "geometry_kind": s.geometry_kind, "status": s.status,
             "measured_from": s.measured_from, "note": s.note, "inferred": s.inferred} for s in shapes]
    return _frame(rows, [s.geometry for s in shapes], columns, _DISTANCE_DATES)


def states_frame(states: Sequence[ControlState]) -> gpd.GeoDataFrame:
    """Return control states: one row per place (or region), evidence ids ``;``-joined."""
    rows = [{**asdict(s), "evidence": ";".join(s.evidence)} for s in states]
    columns = list(ControlState.__dataclass_fields__)
    return _frame(rows, [_point(s.lon, s.lat) for s in states], columns, _STATE_DATES)


@dataclass(frozen=True)
class Analysis:
    """The analysis of a corpus or event store, as tables and maps for a notebook.

    Attributes
    ----------
    result : CorpusResult
        What was extracted: articles, events, distances, baseline and warnings.
    """

    result: CorpusResult

    @property
    def warnings(self) -> list[str]:
        """Return the warnings about the input (unreadable or undated files, near-duplicate versions...)."""
        return [w.message for w in self.result.warnings]

    @cached_property
    def events(self) -> gpd.GeoDataFrame:
        """Every extracted event (near-duplicate reports too: ``duplicate_of`` names the event they repeat)."""
        return events_frame(self.result.events)

    @cached_property
    def distances(self) -> gpd.GeoDataFrame:
        """Every quoted distance (a near-duplicate report's once), with its shape or check.

        The shape is a ring, disc, sector or band (geodesic); a distance of a known place is a check on it;
        the ``note`` says why nothing is drawn otherwise.
        """
        return distances_frame(corpus_distances(self.result))

    @cached_property
    def _states(self) -> CorpusStates:
        """The corpus's states as every output shows them (aged, named, regions reconciled)."""
        return CorpusStates(self.result)

    def control(self, date: DateLike) -> gpd.GeoDataFrame:
        """Return the state of every place with a known state on ``date``.

        Parameters
        ----------
        date : str, datetime.date or pandas.Timestamp
            The day, e.g. ``"2024-12-08"``.

        Returns
        -------
        geopandas.GeoDataFrame
            ``place_id``, ``name``, ``lat``, ``lon``, ``controller``, ``status``, ``since``,
            ``evidence``, ``geo_precision``; a point per place.
        """
        return states_frame(self._states.on(as_date(date), stale_after_days=stale_window(self.result)))

    def timeline(self, place_id: str) -> gpd.GeoDataFrame:
        """Return the control history of one place (a gazetteer id such as ``geonames:170063``), oldest first."""
        return states_frame(self._states.history(place_id))

    def map_data(self, date: DateLike | None = None, days: int | None = None) -> MapData:
        """Return the map's data: on ``date`` (its slider over the ``days`` before), or the whole history."""
        day = as_date(date) if date is not None else None
        if days is not None and day is None:
            raise UsageError("days needs a date: it keeps the change dates of the N days up to that date")
        return build_map_data(self.result, date=day, days=days, progress=False)

    def layers(self, date: DateLike | None = None, days: int | None = None) -> dict[str, gpd.GeoDataFrame]:
        """Return the map's layers, as ``geo export`` writes them.

        Parameters
        ----------
        date : str, datetime.date or pandas.Timestamp, optional
            The state on that day; without it the whole history, one row per validity
            period (``valid_from``, ``valid_to``).
        days : int, optional
            With ``date``: use only the change dates of the ``days`` days up to it.

        Returns
        -------
        dict of str to geopandas.GeoDataFrame
            ``places``, ``events``, ``control_areas``, ``front_lines``, ``distance_rings``,
            ``governorates``, dates as ``datetime64``.
        """
        layers = build_layers(self.map_data(date, days))
        return {name: _datetimes(gdf, [c for c, kind in SCHEMA[name].items() if kind == "date"])
                for name, gdf in layers.items()}

    def map(self, date: DateLike | None = None, days: int | None = None) -> folium.Map:
        """Return the control map as a folium map (a notebook shows it inline; ``.save(path)`` writes it)."""
        return folium_map(self.map_data(date, days))


def analyse(corpus: str | Path | None = None, store: str | Path | None = None) -> Analysis:
    """Analyse a corpus folder, or read an event store written by ``geo ingest``.

    Parameters
    ----------
    corpus : str or pathlib.Path, optional
        A folder of ``.txt`` articles (with ``metadata.csv``, ``baseline.csv`` if any);
        ``seeds`` when neither argument is given.
    store : str or pathlib.Path, optional
        An event store (``.gpkg``) instead of a folder.

    Returns
    -------
    Analysis
        The tables and maps of the analysis.

    Raises
    ------
    UsageError
        Both ``corpus`` and ``store`` are given.
    CorpusError
        The folder or the store cannot be read.
    """
    if corpus is not None and store is not None:
        raise UsageError("corpus and store are exclusive; pass a folder to analyse or a store to read")
    if store is not None:
        with EventStore.open(Path(store)) as opened:
            stale = opened.version_warning()
        result = load(Path(store))
        if stale:
            result.warnings.insert(0, CorpusWarning(str(store), stale))
        return Analysis(result)
    return Analysis(analyse_folder(Path(corpus) if corpus is not None else Path("seeds"), progress=False))

