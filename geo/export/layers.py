"""The export layers as GeoDataFrames, built from a :class:`~geo.layers.data.MapData` (pure).

Every temporal layer carries ``valid_from`` / ``valid_to``: the closed interval of dates
over which the row holds (``valid_to`` None: still valid on the last date). With a
``date``, only what was known on that day is used (change dates after it are ignored) and
only the rows still valid on it are kept, so each place has at most one row.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any

import geopandas as gpd
import shapely
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

from geo.export.periods import Period, keyed_periods, runs
from geo.layers.data import MapData, snapshots
from geo.model import ControlEvent, ControlState

__all__ = ["build_layers", "SCHEMA", "LAYERS", "TEMPORAL_LAYERS", "GEOMETRY_TYPES", "AREA_METHOD", "FRONT_METHOD"]

_T = ["valid_from", "valid_to"]
#: Field types of every layer (str, date, int, float, bool), in column order.
SCHEMA: dict[str, dict[str, str]] = {
    "places": dict(place_id="str", name="str", controller="str", status="str", since="date",
                   valid_from="date", valid_to="date", evidence="str", decided_by="str",
                   sentence="str", source="str", stance="str", published="date",
                   geo_precision="int", last_evidence="date", stale="bool", note="str"),
    "events": dict(event_id="str", event_date="date", date_end="date", date_precision="str",
                   time_text="str", kind="str", actor_gaining="str", actor_losing="str",
                   stance="str", attributed_to="str", place="str", place_id="str",
                   geo_precision="int", source="str", published="date", article="str",
                   sentence="str", confidence="float", duplicate_of="str",
                   valid_from="date", valid_to="date"),
    "control_areas": dict(controller="str", valid_from="date", valid_to="date",
                          inferred="bool", method="str"),
    "front_lines": dict(side_a="str", side_b="str", valid_from="date", valid_to="date",
                        inferred="bool", method="str"),
    "distance_rings": dict(distance_km="float", tolerance_km="float", qualifier="str",
                           direction="str", anchor="str", anchor_name="str", anchor_kind="str",
                           anchor_text="str", geometry_kind="str", measured_from="str", inferred="bool",
                           subject="str", locator="str", sentence="str", article="str", published="date",
                           valid_from="date", valid_to="date"),
    "governorates": dict(gov_id="str", name="str", controller="str", status="str",
                         since="date", evidence="str", sentence="str",
                         valid_from="date", valid_to="date", last_evidence="date", stale="bool",
                         note="str"),
}
LAYERS: tuple[str, ...] = tuple(SCHEMA)
#: OGR geometry type of every layer (lines and polygons as multi-part), also when a layer is empty.
GEOMETRY_TYPES: dict[str, str] = {"places": "Point", "events": "Point", "control_areas": "MultiPolygon",
                                  "front_lines": "MultiLineString", "distance_rings": "MultiPolygon",
                                  "governorates": "MultiPolygon"}
TEMPORAL_LAYERS: tuple[str, ...] = tuple(k for k, v in SCHEMA.items() if "valid_from" in v)
AREA_METHOD = ("inferred from the live (not stale) held places and held regions of the date: Voronoi "
               "cells of the places clipped to a maximum reach, regions reported held given to their "
               "holder, all clipped to the regions whose control is reported (geo.layers.inferred)")
FRONT_METHOD = ("inferred: boundary shared by the inferred areas of two controllers "
                "(geo.layers.geometry.front_lines); not a surveyed position")


def _frame(layer: str, rows: list[dict[str, Any]], geoms: list[BaseGeometry | None]) -> gpd.GeoDataFrame:
    cols = list(SCHEMA[layer])
    data = {c: [r.get(c) for r in rows] for c in cols}
    return gpd.GeoDataFrame(data, columns=cols, geometry=gpd.GeoSeries(geoms, crs="EPSG:4326"),
                            crs="EPSG:4326")


def _dates(data: MapData, date: dt.date | None) -> list[dt.date]:
    every = set(data.dates) | set(data.states) | set(data.regions) | set(data.areas) | set(data.fronts)
    return sorted(d for d in every if date is None or d <= date)


def _keep(p: Period[Any], date: dt.date | None) -> bool:
    return p.value is not None and (date is None or p.valid_to is None)


def _decider(data: MapData, st: ControlState) -> dict[str, Any]:
    """Return the first evidence of a state that resolves: an event's sentence, or a baseline row's source text."""
    for eid in st.evidence:
        if (ev := data.events.get(eid)) is not None:
            return {"decided_by": ev.id, "sentence": ev.sentence, "source": ev.source, "stance": ev.stance,
                    "published": ev.published}
        if (row := data.baseline.get(eid)) is not None:
            return {"decided_by": eid, "sentence": row.source, "source": "baseline", "stance": "reported",
                    "published": row.as_of}
    return {"decided_by": st.evidence[0] if st.evidence else None, "sentence": None, "source": None,
            "stance": None, "published": None}


def _state_row(data: MapData, st: ControlState, p: Period[Any]) -> dict[str, Any]:
    return {"controller": st.controller, "status": st.status, "since": st.since,
            "valid_from": p.valid_from, "valid_to": p.valid_to,
            "evidence": ";".join(st.evidence) or None, "last_evidence": st.last_evidence, "stale": st.stale,
            "note": st.note, **_decider(data, st)}


def _same_state(a: ControlState, b: ControlState) -> bool:
    """Two states are one row when controller, status, since, staleness and note agree."""
    return (a.controller, a.status, a.since, a.stale, a.note) == (b.controller, b.status, b.since, b.stale, b.note)


def places_layer(data: MapData, dates: list[dt.date], date: dt.date | None) -> gpd.GeoDataFrame:
    """One row per place and state period (a new row when controller, status or since change)."""
    rows, geoms = [], []
    per_place = keyed_periods(snapshots(data.states, dates, carry=True), dates, _same_state)
    for pid, periods in sorted(per_place.items()):
        for p in (p for p in periods if _keep(p, date)):
            st = p.value
            if st is None:
                continue
            rows.append({"place_id": pid, "name": st.name, "geo_precision": st.geo_precision,
                         **_state_row(data, st, p)})
            geoms.append(Point(st.lon, st.lat) if _finite(st.lon, st.lat) else None)
    return _frame("places", rows, geoms)


def _finite(*xs: Any) -> bool:
    return all(isinstance(x, (int, float)) and math.isfinite(x) for x in xs)


def _event_day(ev: ControlEvent) -> dt.date | None:
    return ev.date or ev.published


def events_layer(data: MapData, date: dt.date | None) -> gpd.GeoDataFrame:
    """One point per event (null geometry when it has no coordinates); up to ``date`` if given."""
    evs = [e for e in data.events.values()
           if date is None or ((d := _event_day(e)) is not None and d <= date)]
    evs.sort(key=lambda e: (_event_day(e) or dt.date.max, e.id))
    rows = [{**{k: getattr(e, k) for k in SCHEMA["events"] if hasattr(e, k)},
             "event_id": e.id, "event_date": e.date, "valid_from": _event_day(e),
             "valid_to": e.date_end or _event_day(e)} for e in evs]
    geoms = [Point(e.lon, e.lat) if _finite(e.lon, e.lat) else None for e in evs]
    return _frame("events", rows, geoms)


def _geometry_layer(layer: str, table: dict[dt.date, Any], dates: list[dt.date], date: dt.date | None,
                    explode: Callable[[Any], dict[tuple[str, ...], BaseGeometry]],
                    names: tuple[str, ...], method: str) -> gpd.GeoDataFrame:
    snaps = [explode(s) for s in snapshots(table, dates, carry=False)]
    rows, geoms = [], []
    for key, periods in keyed_periods(snaps, dates, shapely.equals_exact).items():
        for p in (p for p in periods if _keep(p, date)):
            rows.append({**dict(zip(names, key, strict=True)), "valid_from": p.valid_from,
                         "valid_to": p.valid_to, "inferred": True, "method": method})
            geoms.append(p.value)
    return _frame(layer, rows, geoms)


def _fronts_by_sides(fronts: list[Any]) -> dict[tuple[str, ...], BaseGeometry]:
    out: dict[tuple[str, ...], list[BaseGeometry]] = {}
    for geom, a, b in fronts:
        out.setdefault((a, b), []).append(geom)
    return {k: v[0] if len(v) == 1 else shapely.union_all(v) for k, v in out.items()}


def rings_layer(data: MapData, date: dt.date | None) -> gpd.GeoDataFrame:
    """One polygon per drawn distance shape (ring, disc, sector, band), valid from the date it is shown from.

    ``valid_from`` None: always; each row has its anchor kind, geometry kind and what it is measured from.
    """
    rows, geoms = [], []
    for shp, geom, since in data.rings:
        if date is not None and since is not None and since > date:
            continue
        m = shp.mention
        rows.append({**{k: getattr(m, k) for k in SCHEMA["distance_rings"] if hasattr(m, k)},
                     "geometry_kind": shp.geometry_kind, "measured_from": shp.measured_from,
                     "inferred": shp.inferred, "valid_from": since, "valid_to": None})
        geoms.append(geom)
    return _frame("distance_rings", rows, geoms)


def governorates_layer(data: MapData, dates: list[dt.date], date: dt.date | None) -> gpd.GeoDataFrame:
    """Admin1 polygons, one row per region-state period (state fields null where none)."""
    per_region = keyed_periods(snapshots(data.regions, dates, carry=True), dates, _same_state)
    rows, geoms = [], []
    for f in data.governorates.get("features", []):
        props, geom = f.get("properties") or {}, shape(f["geometry"]) if f.get("geometry") else None
        gid = props.get("id")
        periods = per_region.get(gid) or runs([None] * len(dates), dates) or [Period(None, None, None)]
        for i, p in enumerate(periods):
            if date is not None and p.valid_to is not None:
                continue
            base = {"gov_id": gid, "name": props.get("name")}
            if p.value is None:  # no region state: open start for the first period
                rows.append({**base, "valid_from": p.valid_from if i else None, "valid_to": p.valid_to})
            else:
                rows.append({**base, **_state_row(data, p.value, p)})
            geoms.append(geom)
    return _frame("governorates", rows, geoms)


def build_layers(data: MapData) -> dict[str, gpd.GeoDataFrame]:
    """Build every export layer.

    Parameters
    ----------
    data : MapData
        The map's data (the renderer's input). With ``data.date`` None: the full history,
        one row per validity period. With a date: the state on that day, using only the
        change dates up to it; ``valid_to`` is then empty on every row.

    Returns
    -------
    dict of str to geopandas.GeoDataFrame
        ``places``, ``events``, ``control_areas``, ``front_lines``, ``distance_rings``,
        ``governorates`` (in that order), each in EPSG:4326 with the columns of :data:`SCHEMA`.
    """
    date = data.date
    dates = _dates(data, date)
    layers = {
        "places": places_layer(data, dates, date),
        "events": events_layer(data, date),
        "control_areas": _geometry_layer("control_areas", data.areas, dates, date,
                                         lambda s: {(c,): g for c, g in s.items()},
                                         ("controller",), AREA_METHOD),
        "front_lines": _geometry_layer("front_lines", data.fronts, dates, date,
                                       _fronts_by_sides, ("side_a", "side_b"), FRONT_METHOD),
        "distance_rings": rings_layer(data, date),
        "governorates": governorates_layer(data, dates, date),
    }
    for frame in layers.values():
        frame.attrs["factions"] = dict(data.factions)  # the styles' palette
    return layers
