"""The map data of a corpus: control states on every slider date, inferred areas, front lines, distance rings.

:func:`build_map_data` folds a :class:`~geo.model.CorpusResult` through the timeline and
draws the geometry; the renderer and the exporters only read the :class:`MapData` it
returns, whose ``date`` is the one date the map is for (None: the whole history).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from gazetteer import Gazetteer, default_gazetteer
from gazetteer.cache import KeyedFiles, cache_root
from geo.dates import shift
from geo.extract.distance.once import counted_distances
from geo.layers.basemap import corpus_countries, country_outline, governorates
from geo.layers.data import MapData, Ring
from geo.layers.distances import DistanceShape, distance_shapes
from geo.layers.geometry import front_lines
from geo.layers.inferred import BANDS_KM, Inferred, infer_areas, inputs_key
from geo.layers.inferred import code_version as inferred_version
from geo.layers.states import CorpusStates
from geo.layers.towns import town_labels
from geo.model import REGION_PREFIX, ControlEvent, ControlState, CorpusResult
from geo.progress import tracked
from geo.theatres import faction_styles, packaged_theatres
from geo.timeline.fold import STALE_AFTER_DAYS

__all__ = ["AREAS_KEPT", "AREAS_KIND", "MAX_SLIDER_DATES", "build_map_data", "coarse_steps", "corpus_distances",
           "country_outline", "governorates", "palette", "stale_window"]


#: A map of the whole history steps by week, month, quarter or year beyond this many change dates: each
#: step draws inferred areas, and an archive of years has thousands of change dates.
MAX_SLIDER_DATES = 400
#: The kind of the cache folder of the inferred areas (``areas-<version>`` in the cache root).
AREAS_KIND = "areas"
#: The inferred areas of at most this many distinct evidence sets are kept (tens of kB each; the least
#: recently used go first), so that a corpus that grows every hour does not grow the cache without end.
AREAS_KEPT = 2000
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
    first = shift(date, -days) if days is not None else dt.date.min
    return sorted({d for d in changes if first <= d <= date} | {date})


def _split_regions(states: list[ControlState]) -> tuple[dict[str, ControlState], dict[str, ControlState]]:
    places = {s.place_id: s for s in states if not s.place_id.startswith(REGION_PREFIX)}
    regions = {s.place_id: s for s in states if s.place_id.startswith(REGION_PREFIX)}
    return places, regions


class _Areas:
    """Inferred areas of a date from its live evidence; equal evidence on two dates is inferred once.

    Each inference is also kept on disk (:class:`gazetteer.cache.KeyedFiles`, kind
    :data:`AREAS_KIND`), keyed by its inputs (:func:`geo.layers.inferred.inputs_key`) in a
    folder of the inference code's version: a re-render of the same evidence reads the areas
    back (exactly: shapely pickles geometries as WKB) instead of overlaying them again.
    """

    def __init__(self, regions: Mapping[str, Any], outline: BaseGeometry, bands_km: Sequence[float]) -> None:
        self.shapes = {str(f["properties"]["id"]): shape(f["geometry"])
                       for f in regions.get("features", []) if f.get("geometry") and f.get("properties")}
        self.outline, self.bands_km = outline, tuple(bands_km)
        self._cache: dict[tuple[Any, ...], Inferred] = {}
        self._files = KeyedFiles(cache_root() / f"{AREAS_KIND}-{inferred_version()}", limit=AREAS_KEPT)

    def of(self, places: Mapping[str, ControlState], regions: Mapping[str, ControlState],
           region_of: Mapping[str, str]) -> Inferred:
        live = [s for s in places.values() if not s.stale]
        points = tuple(sorted((s.lon, s.lat, s.controller) for s in live if s.status in ("held", "besieged")
                              and s.geo_precision == 1 and s.controller != "unknown"))
        reported: dict[str, str | None] = {}
        for s in live:
            rid = region_of.get(s.place_id)
            if rid is not None and rid in self.shapes:
                reported.setdefault(rid, None)
        for rid, st in regions.items():
            if rid in self.shapes and not st.stale:
                reported[rid] = st.controller if st.status == "held" and st.controller != "unknown" else None
        key = (points, tuple(sorted(reported.items(), key=lambda kv: (kv[0], kv[1] or ""))))
        if key not in self._cache:
            shapes = [(self.shapes[r], c) for r, c in key[1]]
            name = inputs_key(points, shapes, self.outline, self.bands_km)
            found = self._files.get(name)
            if not isinstance(found, Inferred):
                found = infer_areas(points, shapes, self.outline, bands_km=self.bands_km)
                self._files.put(name, found)
            self._cache[key] = found
        return self._cache[key]


def _theatres(result: CorpusResult) -> list[str]:
    """Return the theatre ids of a corpus's events, the most frequent first."""
    return [t for t, _ in Counter(e.theatre for e in result.events if e.theatre).most_common()]


def palette(result: CorpusResult) -> dict[str, tuple[str, str]]:
    """Return the factions of the theatres of a corpus's events, the most frequent theatre first."""
    return faction_styles(_theatres(result))


def stale_window(result: CorpusResult) -> int:
    """Return the staleness window of the corpus's most frequent theatre (its ``stale_after_days``).

    :data:`geo.timeline.fold.STALE_AFTER_DAYS` when no event names a packaged theatre.
    """
    known = packaged_theatres()
    return next((known[t].stale_after_days for t in _theatres(result) if t in known), STALE_AFTER_DAYS)


def _place_entry(s: ControlState, states: CorpusStates) -> dict[str, Any]:
    fact = states.fact(s.place_id)
    kind = "region" if s.place_id.startswith(REGION_PREFIX) else (fact.kind if fact else "place")
    return {"id": s.place_id, "name": s.name, "lat": s.lat, "lon": s.lon, "kind": kind,
            "population": fact.population if fact else 0}


def _fronts_on(fronts: Mapping[dt.date, list[Any]]) -> Callable[[dt.date | None], list[BaseGeometry]]:
    """Return ``fronts_on(day)``: the inferred front lines of the last map date on or before it.

    An earlier day takes the first date's, an undated one the last date's.
    """
    days = sorted(fronts)

    def fronts_on(day: dt.date | None) -> list[BaseGeometry]:
        if not days:
            return []
        k = len(days) - 1 if day is None else max(bisect.bisect_right(days, day) - 1, 0)
        return [line for line, _, _ in fronts[days[k]]]

    return fronts_on


def build_map_data(result: CorpusResult, *, date: dt.date | None = None, days: int | None = None,
                   bands_km: Sequence[float] = BANDS_KM, stale_after_days: int | None = None,
                   gazetteer: Gazetteer | None = None, progress: bool | None = None) -> MapData:
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
    bands_km : sequence of float, default BANDS_KM
        Outer radii of the confidence bands of the inferred areas; the last is how far an
        inferred area reaches from a reported place (:mod:`geo.layers.inferred`).
    stale_after_days : int, optional
        A state with no evidence for this many days before a date is stale on it: drawn
        faded and left out of the inferred areas and front lines. Default: the window of
        the corpus's theatre (:func:`stale_window`).
    gazetteer : Gazetteer, optional
        For the places' names, kinds and populations and the regions' main cities; the
        packaged one by default.
    progress : bool, optional
        A progress bar over the dates on stderr; by default only when stderr is a terminal.
    """
    gz = gazetteer if gazetteer is not None else default_gazetteer()
    countries, context = corpus_countries(result, gz)
    regions_fc = governorates(countries)
    if stale_after_days is None:
        stale_after_days = stale_window(result)
    corpus = CorpusStates(result, gazetteer=gz, regions=regions_fc)
    counted = corpus.counted
    evidence = corpus.evidence  # gathered once for the dates and the states
    changes = evidence.change_dates()
    dates, step = coarse_steps(changes, MAX_SLIDER_DATES) if date is None else \
        (_slider_dates(changes, date, days), None)
    outline = country_outline(countries, context)
    war = [shape(f["geometry"]) for f in outline["features"] if f["properties"]["role"] == "theatre"]
    inference = _Areas(regions_fc, shapely.union_all(war) if war else shapely.Polygon(), bands_km)
    states, regions, areas, bands, fronts = {}, {}, {}, {}, {}
    places: dict[str, dict[str, Any]] = {}
    snapshots = evidence.states_on(dates, stale_after_days=stale_after_days)
    for day in tracked(dates, "map dates", progress):
        states[day], regions[day] = _split_regions(snapshots[day])
        for s in states[day].values():
            places.setdefault(s.place_id, _place_entry(s, corpus))
        inferred = inference.of(states[day], regions[day], corpus.geography.region_of)
        areas[day], bands[day] = inferred.areas, inferred.bands
        fronts[day] = front_lines(areas[day]) if len(areas[day]) > 1 else []
    event_dates: dict[dt.date, list[str]] = defaultdict(list)
    if step is not None:
        event_dates.update(_step_events(counted, dates))
    else:
        for e in counted:
            when = e.date_end or e.date
            if when is not None:
                event_dates[when].append(e.id)
    window = [m for m in counted_distances(result.distances, result.articles)  # a report's shape once
              if date is None or m.published is None or (  # a dated map: the distances of its window
                  (days is None or m.published >= shift(date, -days)) and m.published <= date)]
    shapes = distance_shapes(window, gz, fronts=_fronts_on(fronts))
    rings: list[Ring] = [(s, s.geometry, s.mention.published) for s in shapes if s.geometry is not None]
    checks = [s for s in shapes if s.geometry_kind == "check"]
    return MapData(
        title=f"Control of territory — {result.folder.name}", corpus=result.folder.name, dates=dates,
        places=list(places.values()), states=states, regions=regions, events={e.id: e for e in result.events},
        event_dates=dict(event_dates), areas=areas, fronts=fronts, rings=rings, governorates=regions_fc,
        outline=outline, step=step, changes=len(changes), date=date, baseline=dict(corpus.baseline), bands=bands,
        distance_checks=checks,
        stale_after_days=stale_after_days, bands_km=tuple(float(b) for b in bands_km), factions=palette(result),
        towns=town_labels(gz, [(p["lat"], p["lon"], p["name"]) for p in places.values()]),
    )


def corpus_distances(result: CorpusResult, gazetteer: Gazetteer | None = None) -> list[DistanceShape]:
    """Return the shape, check or reason of every quoted distance of a corpus (a report's once).

    A distance from "the front line" is measured from the inferred fronts of the corpus's history,
    so the map data is built only when the corpus quotes one.
    """
    gz = gazetteer if gazetteer is not None else default_gazetteer()
    counted = counted_distances(result.distances, result.articles)
    fronts = None
    if any(m.anchor_kind == "front" and not m.unresolved for m in counted):
        fronts = _fronts_on(build_map_data(result, gazetteer=gz).fronts)
    return distance_shapes(counted, gz, fronts=fronts)
