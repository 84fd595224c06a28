"""The map data of a corpus: control states on every slider date, inferred areas, front lines, distance rings.

:func:`build_map_data` folds a :class:`~geo.model.CorpusResult` through the timeline and
draws the geometry; the renderer and the exporters only read the :class:`MapData` it
returns, whose ``date`` is the one date the map is for (None: the whole history).
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from importlib import resources
from typing import Any

from shapely.geometry import shape

from gazetteer import default_gazetteer
from geo.layers.data import MapData, Ring
from geo.layers.geometry import control_areas, front_lines, mention_geometry
from geo.layers.towns import town_labels
from geo.model import REGION_PREFIX, ControlEvent, ControlState, CorpusResult
from geo.progress import tracked
from geo.theatres import faction_styles
from geo.timeline.fold import Evidence

__all__ = ["MAX_SLIDER_DATES", "build_map_data", "coarse_steps", "country_outline", "governorates", "palette"]


def _data_json(name: str) -> dict[str, Any]:
    return json.loads((resources.files("gazetteer") / "data" / name).read_text(encoding="utf-8"))


def governorates() -> dict[str, Any]:
    """Return the governorate polygons (GeoJSON FeatureCollection)."""
    return _data_json("syria_admin1.geojson")


def country_outline() -> dict[str, Any]:
    """Return the country outline (GeoJSON FeatureCollection)."""
    return _data_json("syria_outline.geojson")


#: A map of the whole history steps by week, month, quarter or year beyond this many change dates: each
#: step draws inferred areas, and an archive of years has thousands of change dates.
MAX_SLIDER_DATES = 400
_PERIODS: tuple[tuple[str, Callable[[dt.date], object]], ...] = (
    ("week", lambda d: d.isocalendar()[:2]),
    ("month", lambda d: (d.year, d.month)),
    ("quarter", lambda d: (d.year, (d.month - 1) // 3)),
    ("year", lambda d: d.year),
)


def coarse_steps(changes: Sequence[dt.date], limit: int = MAX_SLIDER_DATES) -> tuple[list[dt.date], str | None]:
    """Return the slider steps of a long history and their period (None: every change date).

    When there are more than *limit* change dates, each step is the last change date of a
    week, else of a month, a quarter or a year: the finest period that keeps at most *limit*
    steps (a year when none does). The last change date is always a step.

    Examples
    --------
    >>> import datetime as dt
    >>> days = [dt.date(2024, 1, 1) + dt.timedelta(days=k) for k in range(60)]
    >>> coarse_steps(days, limit=3)
    ([datetime.date(2024, 1, 31), datetime.date(2024, 2, 29)], 'month')
    """
    if len(changes) <= limit:
        return list(changes), None
    ordered = sorted(changes)
    for name, period in _PERIODS:
        steps = sorted({period(d): d for d in ordered}.values())  # the last change date of each period
        if len(steps) <= limit:
            return steps, name
    return steps, "year"


def _step_events(events: Sequence[ControlEvent], steps: Sequence[dt.date]) -> dict[dt.date, list[str]]:
    """Return the ids of the events of each step: dated after the step before, up to the step."""
    out: dict[dt.date, list[str]] = defaultdict(list)
    for e in events:
        when = e.date_end or e.date
        k = bisect.bisect_left(steps, when) if when is not None else len(steps)
        if k < len(steps):
            out[steps[k]].append(e.id)
    return dict(out)


def _slider_dates(changes: list[dt.date], date: dt.date | None, days: int | None) -> list[dt.date]:
    """Return the dates of the time slider: the change dates, ending at *date*, within *days* of it."""
    if date is None:
        return changes
    first = date - dt.timedelta(days=days) if days is not None else dt.date.min
    return sorted({d for d in changes if first <= d <= date} | {date})


def _split_regions(states: list[ControlState]) -> tuple[dict[str, ControlState], dict[str, ControlState]]:
    places = {s.place_id: s for s in states if not s.place_id.startswith(REGION_PREFIX)}
    regions = {s.place_id: s for s in states if s.place_id.startswith(REGION_PREFIX)}
    return places, regions


def palette(result: CorpusResult) -> dict[str, tuple[str, str]]:
    """Return the factions of the theatres of a corpus's events, the most frequent theatre first."""
    counts = Counter(e.theatre for e in result.events if e.theatre)
    return faction_styles([t for t, _ in counts.most_common()])


def build_map_data(result: CorpusResult, *, date: dt.date | None = None, days: int | None = None,
                   max_reach_km: float = 25.0, progress: bool | None = None) -> MapData:
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
    counted = [e for e in result.events if not e.duplicate_of]
    evidence = Evidence(counted, baseline=result.baseline)  # gathered once for the dates and the states
    changes = evidence.change_dates()
    dates, step = coarse_steps(changes, MAX_SLIDER_DATES) if date is None else \
        (_slider_dates(changes, date, days), None)
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
    if step is not None:
        event_dates.update(_step_events(counted, dates))
    else:
        for e in counted:
            when = e.date_end or e.date
            if when is not None:
                event_dates[when].append(e.id)
    rings: list[Ring] = []
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
        outline=outline, step=step, changes=len(changes), date=date, factions=palette(result),
        towns=town_labels(default_gazetteer(), [(p["lat"], p["lon"]) for p in places.values()]),
    )
