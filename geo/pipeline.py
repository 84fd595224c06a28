"""The whole job, from a corpus folder to map layers: read, extract, fold, draw.

This is the one place that wires the pure modules together; the CLI calls it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from gazetteer import Gazetteer, default_gazetteer
from geo.baseline import BaselineEntry, read_baseline
from geo.corpus import CorpusWarning, read_corpus
from geo.events import link_duplicate_events
from geo.extract import extract_article
from geo.model import Article, ControlEvent, ControlState, DistanceMention
from geo.progress import tracked
from geo.timeline import Evidence

__all__ = ["CorpusResult", "analyse", "baseline_resolver", "build_map_data", "governorates", "country_outline"]


@dataclass(frozen=True)
class CorpusResult:
    """Everything extracted from one corpus folder (or read from an event store: ``folder`` is its file)."""

    folder: Path
    articles: list[Article]
    warnings: list[CorpusWarning]
    events: list[ControlEvent]
    distances: list[DistanceMention]
    baseline: list[BaselineEntry]


def baseline_resolver(gz: Gazetteer):
    """The place resolver a baseline.csv is read with (region words pick regions; Syria first)."""

    def resolve(name: str):
        found = gz.lookup(name, after=" " + name.split()[-1] if name.split()[-1].lower() in
                          {"governorate", "province", "region"} else "", focus=("SY",), limit=1)
        return found[0].place if found else None

    return resolve


def analyse(folder: Path, *, gazetteer: Gazetteer | None = None, progress: bool | None = None) -> CorpusResult:
    """Read a corpus folder and extract its events, distances and baseline.

    A progress bar over the articles is shown on stderr when *progress* is True, or by
    default when stderr is a terminal (a large folder takes a while: the event store of
    ``geo ingest`` keeps the extraction instead).

    Raises
    ------
    geo.errors.CorpusError
        When the folder cannot be read or its baseline.csv is malformed.
    """
    gz = gazetteer if gazetteer is not None else default_gazetteer()
    articles, warnings = read_corpus(folder)  # near-duplicate versions already linked
    events: list[ControlEvent] = []
    distances: list[DistanceMention] = []
    for article in tracked(articles, "articles", progress):
        extraction = extract_article(article, gz)
        events.extend(extraction.events)
        distances.extend(extraction.distances)
    events = link_duplicate_events(events, articles)
    baseline_file = folder / "baseline.csv"
    baseline = read_baseline(baseline_file, baseline_resolver(gz)) if baseline_file.is_file() else []
    return CorpusResult(folder, articles, warnings, events, distances, baseline)


def _data_json(name: str) -> dict[str, Any]:
    return json.loads((resources.files("gazetteer") / "data" / name).read_text(encoding="utf-8"))


def governorates() -> dict[str, Any]:
    """The governorate polygons (GeoJSON FeatureCollection)."""
    return _data_json("syria_admin1.geojson")


def country_outline() -> dict[str, Any]:
    """The country outline (GeoJSON FeatureCollection)."""
    return _data_json("syria_outline.geojson")


def _slider_dates(changes: list[dt.date], date: dt.date | None, days: int | None) -> list[dt.date]:
    """The dates of the time slider: the change dates, ending at *date*, within *days* of it."""
    if date is None:
        return changes
    first = date - dt.timedelta(days=days) if days is not None else dt.date.min
    return sorted({d for d in changes if first <= d <= date} | {date})


def _split_regions(states: list[ControlState]) -> tuple[dict[str, ControlState], dict[str, ControlState]]:
    places = {s.place_id: s for s in states if not s.place_id.startswith("admin1:")}
    regions = {s.place_id: s for s in states if s.place_id.startswith("admin1:")}
    return places, regions


def build_map_data(result: CorpusResult, *, date: dt.date | None = None, days: int | None = None,
                   max_reach_km: float = 25.0, progress: bool | None = None):
    """Fold the events into states on every change date and draw the layers (a render MapData).

    Parameters
    ----------
    result : CorpusResult
        From :func:`analyse`.
    date : datetime.date, optional
        Also compute the state on this date (if it is not a change date), and end the
        time slider there.
    days : int, optional
        With *date*: keep only the change dates of the *days* days up to *date* (a large
        archive spans thousands of change dates; the state on *date* still folds all the
        evidence before it). Without it, every change date.
    max_reach_km : float, default 25
        How far an inferred control area reaches from its place.
    progress : bool, optional
        A progress bar over the dates on stderr; by default only when stderr is a terminal.
    """
    from shapely.geometry import shape

    from geo.geometry import control_areas, front_lines, mention_geometry
    from geo.render.data import MapData

    counted = [e for e in result.events if not e.duplicate_of]
    evidence = Evidence(counted, baseline=result.baseline)  # gathered once for the dates and the states
    dates = _slider_dates(evidence.change_dates(), date, days)
    outline = country_outline()
    outline_shape = shape(outline["features"][0]["geometry"])
    states, regions, areas, fronts = {}, {}, {}, {}
    places: dict[str, dict[str, Any]] = {}
    snapshots = evidence.states_on(dates)
    for day in tracked(dates, "map dates", progress):
        states[day], regions[day] = _split_regions(snapshots[day])
        for s in states[day].values():
            places.setdefault(s.place_id, {"id": s.place_id, "name": s.name, "lat": s.lat, "lon": s.lon,
                                           "kind": "place"})
        points = [(s.lon, s.lat, s.controller) for s in states[day].values()
                  if s.status in ("held", "besieged") and s.geo_precision == 1 and s.controller != "unknown"]
        areas[day] = control_areas(points, outline_shape, max_reach_km=max_reach_km) if points else {}
        fronts[day] = front_lines(areas[day]) if len(areas[day]) > 1 else []
    event_dates: dict[dt.date, list[str]] = defaultdict(list)
    for e in counted:
        when = e.date_end or e.date
        if when is not None:
            event_dates[when].append(e.id)
    rings = []
    for m in result.distances:  # a dated map shows the rings quoted in its window, none from later
        if date is not None and m.published is not None and not (
                (days is None or m.published >= date - dt.timedelta(days=days)) and m.published <= date):
            continue
        if m.anchor_lat is not None and m.anchor_lon is not None:
            geom = mention_geometry(m.distance_km, m.tolerance_km, m.qualifier, m.direction, m.anchor_lat,
                                    m.anchor_lon)
            rings.append((m, geom, m.published))
    return MapData(
        title=f"Control of territory — {result.folder.name}", corpus=result.folder.name, dates=dates,
        places=list(places.values()), states=states, regions=regions, events={e.id: e for e in result.events},
        event_dates=dict(event_dates), areas=areas, fronts=fronts, rings=rings, governorates=governorates(),
        outline=outline,
    )
