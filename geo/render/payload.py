"""Turn a :class:`MapData` into the compact JSON payload the map's JavaScript reads.

Geometry is written once: each place once, each distinct area or front geometry once
(identical geometries on several dates share one entry), each ring once. What changes
with the date is written as small tables: place and region states as *changes* against
the date before (the JavaScript folds them back into full snapshots), and per date the
list of ``[controller, geometry index, band]`` inferred areas (``band`` the confidence band,
null for a whole area without bands) and ``[geometry index, side, side]`` fronts.
A state row is ``[controller, status, since, evidence rows, evidence count, last_evidence,
stale (0/1), note string index]``. A place row is ``[id, name, lat, lon, kind, population]``.
Only the events that some state cites as evidence, or that happen on a slider date, are
written, and the baseline rows states cite (as event rows of kind ``baseline``: the row's
source text in the sentence column, its ``as_of`` as the date); their repeated strings
(sentences, sources) are stored once in ``strings``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from geo.gcpause import gc_paused
from geo.layers.data import MapData, snapshots
from geo.layers.inferred import band_labels
from geo.layers.style import STATUS_LABELS
from geo.model import BaselineEntry, ControlEvent, ControlState
from geo.theatres import UNKNOWN_COLOUR

__all__ = ["build_payload", "geometry_json", "round_array", "round_coords", "EVENT_FIELDS", "PRECISION"]

#: Evidence events written per state (the deciding ones come first); the total count is
#: written too. A place reported for years can cite thousands of reports.
MAX_EVIDENCE = 20
#: Decimal places kept in every coordinate (5 decimals: about 1 m).
PRECISION = 5
#: Simplification tolerances in degrees (about 100 m for areas, 200 m for base layers).
AREA_TOLERANCE = 0.001
BASE_TOLERANCE = 0.002
RING_TOLERANCE = 0.0005
#: Column names of one row of ``payload["events"]``; ``*`` marks an index into ``strings``.
EVENT_FIELDS: tuple[str, ...] = (
    "sentence*", "source*", "published", "stance", "attributed_to*", "date", "date_end",
    "date_precision", "time_text*", "kind", "place*", "actor_gaining", "actor_losing",
    "lat", "lon", "confidence",
)


def round_coords(value: Any, ndigits: int = PRECISION) -> Any:
    """Round every float of a nested coordinate sequence, returning lists."""
    if isinstance(value, float):
        return round(value, ndigits)
    if isinstance(value, (list, tuple)):
        return [round_coords(v, ndigits) for v in value]
    return value


#: Below this magnitude ``x * 10**PRECISION`` is off by under 2**-23 from the exact product.
_EXACT_BELOW = 2.0 ** 30 / 10 ** PRECISION
#: Products this close to a half are rounded by :func:`round` instead (see :func:`round_array`).
_NEAR_HALF = 1e-6


def round_array(values: np.ndarray) -> np.ndarray:
    """Round floats to :data:`PRECISION` decimals, giving exactly what ``round(x, PRECISION)`` gives.

    ``round`` returns the double nearest to the decimal nearest to ``x`` (ties to even). Here
    ``n = rint(x * 10**PRECISION)`` is that decimal's numerator whenever the computed product
    is more than :data:`_NEAR_HALF` from a half: for ``|x|`` under :data:`_EXACT_BELOW` the
    product is off by less than 2**-23, so the exact product rounds to the same integer; and
    ``n / 10**PRECISION`` is then the correctly rounded quotient, the same double. Values near
    a half, large values, NaN and infinities are rounded by :func:`round` itself.

    Parameters
    ----------
    values : numpy.ndarray
        Floats, any shape.

    Returns
    -------
    numpy.ndarray
        A new float64 array of the same shape.
    """
    x = np.asarray(values, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        scaled = x * 10.0 ** PRECISION
        out = np.rint(scaled) / 10.0 ** PRECISION
        odd = ~(np.abs(x) < _EXACT_BELOW) | (np.abs(scaled - np.floor(scaled) - 0.5) < _NEAR_HALF)
    if odd.any():
        out[odd] = [round(v, PRECISION) for v in x[odd].tolist()]
    return out


def _split(flat: list[Any], counts: np.ndarray) -> list[list[Any]]:
    """Cut a list into consecutive pieces of the given lengths."""
    ends = np.cumsum(counts).tolist()
    return [flat[a:b] for a, b in zip([0, *ends[:-1]], ends, strict=True)]


def _coordinates(geom: BaseGeometry) -> Any:
    """GeoJSON ``coordinates`` of a geometry that is not a collection, rounded, as lists.

    The same nesting as :func:`shapely.geometry.mapping` (an empty part of a multi-part
    geometry included), with every coordinate rounded as :func:`round_coords` would.
    """
    if geom.is_empty:
        return []
    kind = geom.geom_type
    flat = round_array(shapely.get_coordinates(geom, include_z=geom.has_z, include_m=geom.has_m)).tolist()
    if kind == "Point":
        return flat[0]
    if kind in ("LineString", "LinearRing", "MultiPoint"):
        return flat
    parts = shapely.get_parts(geom)
    if kind == "MultiLineString":
        return _split(flat, shapely.get_num_coordinates(parts))
    rings, owner = shapely.get_rings(parts, return_index=True)
    polygons: list[list[Any]] = [[[]] if empty else [] for empty in shapely.is_empty(parts).tolist()]
    for ring, i in zip(_split(flat, shapely.get_num_coordinates(rings)), owner.tolist(), strict=True):
        polygons[i].append(ring)
    return polygons[0] if kind == "Polygon" else polygons


def geometry_json(geom: BaseGeometry, tolerance: float) -> dict[str, Any] | None:
    """Simplify a lon/lat geometry and return it as a rounded GeoJSON geometry.

    Parameters
    ----------
    geom : shapely geometry
        Geometry in lon/lat.
    tolerance : float
        Douglas-Peucker tolerance in degrees (topology preserved); 0 keeps every vertex.

    Returns
    -------
    dict or None
        GeoJSON geometry (coordinates rounded to :data:`PRECISION` decimals, as
        :func:`round_coords` rounds them), None for an empty or invalid input.
    """
    if geom is None or geom.is_empty:
        return None
    if tolerance > 0 and geom.geom_type not in ("Point", "MultiPoint"):
        geom = geom.simplify(tolerance, preserve_topology=True)
    if geom.geom_type != "GeometryCollection":
        return {"type": geom.geom_type, "coordinates": _coordinates(geom)}
    return {"type": "GeometryCollection", "geometries": [
        g for g in (geometry_json(part, 0) for part in geom.geoms) if g is not None]}


def _collection(fc: dict[str, Any], tolerance: float) -> dict[str, Any]:
    """Simplify and round a FeatureCollection, keeping only ``id`` and ``name``."""
    feats = []
    for feat in (fc or {}).get("features", []):
        if not feat.get("geometry"):
            continue
        geom = geometry_json(shape(feat["geometry"]), tolerance)
        props = feat.get("properties") or {}
        if geom is not None:
            feats.append({"type": "Feature", "geometry": geom, "properties": {
                "id": str(props.get("id", "")), "name": str(props.get("name", ""))}})
    return {"type": "FeatureCollection", "features": feats}


class _Table:
    """Assigns each distinct key one index in a growing list."""

    def __init__(self) -> None:
        self.items: list[Any] = []
        self._index: dict[Any, int] = {}

    def add(self, key: Any, item: Any = None) -> int:
        if key not in self._index:
            self._index[key] = len(self.items)
            self.items.append(key if item is None else item)
        return self._index[key]


class _Geoms:
    """Writes each distinct geometry once (same WKB, or same rounded GeoJSON)."""

    def __init__(self) -> None:
        self.table = _Table()
        self._by_wkb: dict[bytes, int | None] = {}

    def add(self, geom: BaseGeometry, tolerance: float) -> int | None:
        wkb = shapely.to_wkb(geom)
        if wkb not in self._by_wkb:
            gj = geometry_json(geom, tolerance)
            self._by_wkb[wkb] = None if gj is None else self.table.add(repr(gj), gj)
        return self._by_wkb[wkb]


def _iso(d: dt.date | None) -> str | None:
    return None if d is None else d.isoformat()


def _finite(*xs: Any) -> bool:
    return all(isinstance(x, (int, float)) and math.isfinite(x) for x in xs)


def _event_row(ev: ControlEvent, strings: _Table, where: tuple[Any, Any]) -> list[Any]:
    """One event as a row of :data:`EVENT_FIELDS`; lat/lon fall back to its place's."""
    lat, lon = (ev.lat, ev.lon) if _finite(ev.lat, ev.lon) else where

    def s(x: Any) -> int | None:
        return None if x is None else strings.add(str(x))

    return [s(ev.sentence), s(ev.source), _iso(ev.published), ev.stance,
            s(ev.attributed_to), _iso(ev.date), _iso(ev.date_end), ev.date_precision,
            s(ev.time_text), ev.kind, s(ev.place), ev.actor_gaining, ev.actor_losing,
            round_coords(lat), round_coords(lon), round(float(ev.confidence), 3)]


def _baseline_row(row: BaselineEntry, strings: _Table) -> list[Any]:
    """One baseline row as a row of :data:`EVENT_FIELDS` (kind ``baseline``, its source text as the sentence)."""
    return [strings.add(row.source), strings.add("baseline"), None, "reported", None,
            row.as_of.isoformat(), None, "day", None, "baseline", strings.add(row.place),
            row.controller, None, round_coords(row.lat), round_coords(row.lon), 1.0]


class _Builder:
    """Collects the tables of one payload."""

    def __init__(self, data: MapData) -> None:
        self.data = data
        self.places = _Table()
        self.events = _Table()
        self.strings = _Table()
        self.geoms = _Geoms()
        self._coords: dict[str, tuple[float, float]] = {}
        self._event_index: dict[str, int | None] = {}
        self._rows: dict[tuple[Any, ...], list[Any]] = {}
        for p in data.places:
            self._place(str(p["id"]), p.get("name"), p.get("lat"), p.get("lon"), p.get("kind"),
                        p.get("population", 0))

    def _place(self, pid: str, name: Any, lat: Any, lon: Any, kind: Any, population: Any = 0) -> int | None:
        if pid in self._coords:
            return self.places.add(pid)
        if not _finite(lat, lon):
            return None
        self._coords.setdefault(pid, (lat, lon))
        return self.places.add(pid, [pid, str(name or pid), round_coords(float(lat)),
                                     round_coords(float(lon)), kind, int(population or 0)])

    def event(self, eid: str) -> int | None:
        if eid in self._event_index:
            return self._event_index[eid]
        ev = self.data.events.get(eid)
        row = self.data.baseline.get(eid)
        idx = None
        if ev is not None:
            where = self._coords.get(ev.place_id or "", (None, None))
            idx = self.events.add(eid, _event_row(ev, self.strings, where))
        elif row is not None:
            idx = self.events.add(eid, _baseline_row(row, self.strings))
        self._event_index[eid] = idx
        return idx

    def state_row(self, st: ControlState) -> list[Any]:
        key = (st.controller, st.status, st.since, st.evidence, st.last_evidence, st.stale, st.note)
        if key not in self._rows:
            ev = [i for i in (self.event(e) for e in st.evidence[:MAX_EVIDENCE]) if i is not None]
            note = None if st.note is None else self.strings.add(st.note)
            self._rows[key] = [st.controller, st.status, _iso(st.since), ev, len(st.evidence),
                               _iso(st.last_evidence), int(st.stale), note]
        return self._rows[key]

    def place_rows(self, snap: Mapping[str, ControlState]) -> dict[int, list[Any]]:
        rows = {}
        for pid, st in snap.items():
            idx = self._place(pid, st.name, st.lat, st.lon, None)
            if idx is not None:
                rows[idx] = self.state_row(st)
        return rows



def _deltas(rows_per_date: list[dict[Any, list]]) -> list[list[list]]:
    """Per date, ``[key, *row]`` for what changed and ``[key]`` for what went away."""
    out: list[list[list]] = []
    prev: dict[Any, list] = {}
    for rows in rows_per_date:
        delta = [[k, *r] for k, r in rows.items() if prev.get(k) != r]
        delta += [[k] for k in prev if k not in rows]
        out.append(delta)
        prev = rows
    return out



def _area_rows(data: MapData, day: dt.date) -> list[tuple[str, int | None, BaseGeometry]]:
    """Return the inferred areas of a date: its confidence bands, else its whole areas (band None)."""
    if day in data.bands:
        return sorted(data.bands[day], key=lambda r: (r[1], r[0]))
    return [(c, None, geom) for c, geom in sorted(data.areas.get(day, {}).items())]


#: The smallest span, in degrees, the opening view shows (one place alone is not a map).
MIN_VIEW_DEGREES = 1.0


def _bounds(data: MapData, outline: dict[str, Any]) -> list[list[float]]:
    """Return ``[[south, west], [north, east]]`` of the view the map opens on.

    The places with a state on the opening date; else every place of the map; else the
    outline; else the world. Places outside the outline's countries (the war's and its
    neighbours') are left out when some lie inside: a namesake abroad does not stretch the
    view to another continent. A view narrower than :data:`MIN_VIEW_DEGREES` is widened.
    """
    start = data.start_index()
    opening = snapshots(data.states, data.dates, carry=True)[start] if start >= 0 else {}
    points = [(st.lat, st.lon) for st in opening.values() if _finite(st.lat, st.lon)]
    if not points:
        points = [(p["lat"], p["lon"]) for p in data.places if _finite(p.get("lat"), p.get("lon"))]
    geoms = [shape(f["geometry"]) for f in outline.get("features", [])]
    if geoms and points:
        region = shapely.union_all(geoms)
        inside = [pt for pt in points if shapely.intersects_xy(region, pt[1], pt[0])]
        points = inside or points
    if points:
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        s, w, n, e = min(lats), min(lons), max(lats), max(lons)
    elif geoms:
        w, s, e, n = shapely.GeometryCollection(geoms).bounds
    else:
        s, w, n, e = -60.0, -170.0, 75.0, 170.0
    pad_lat, pad_lon = max(0.0, MIN_VIEW_DEGREES - (n - s)) / 2, max(0.0, MIN_VIEW_DEGREES - (e - w)) / 2
    return round_coords([[max(s - pad_lat, -90.0), max(w - pad_lon, -180.0)],
                         [min(n + pad_lat, 90.0), min(e + pad_lon, 180.0)]])


def _present_factions(data: MapData) -> dict[str, tuple[str, str]]:
    """Return the palette's factions that some state, area or front of the map shows, in palette order."""
    seen = {st.controller for table in (data.states, data.regions) for snap in table.values() for st in snap.values()}
    seen |= {c for snap in data.areas.values() for c in snap}
    seen |= {side for fronts in data.fronts.values() for _, a, b in fronts for side in (a, b)}
    known = {f: style for f, style in data.factions.items() if f in seen}
    extra = {f: (f, UNKNOWN_COLOUR) for f in sorted(seen - set(data.factions))}
    return {**known, **extra}


def build_payload(data: MapData) -> dict[str, Any]:
    """Build the JSON-ready payload of the map.

    Parameters
    ----------
    data : MapData
        What to draw; the map opens on ``data.date`` (the latest date when it is None).

    Returns
    -------
    dict
        Plain JSON types only; see the module docstring for the layout.
    """
    with gc_paused():  # the payload is many small lists that all stay alive
        return _payload(data)


def _payload(data: MapData) -> dict[str, Any]:
    b = _Builder(data)
    dates, start = data.dates, data.start_index()
    places = _deltas([b.place_rows(s) for s in snapshots(data.states, dates, carry=True)])
    regions = _deltas([{k: b.state_row(st) for k, st in s.items()}
                       for s in snapshots(data.regions, dates, carry=True)])
    happening = [[i for i in (b.event(e) for e in data.event_dates.get(d, [])) if i is not None]
                 for d in dates]
    areas = [[[c, g, band] for c, band, geom in _area_rows(data, d)
              if (g := b.geoms.add(geom, AREA_TOLERANCE)) is not None] for d in dates]
    fronts = [[[g, a, z] for geom, a, z in data.fronts.get(d, [])
               if (g := b.geoms.add(geom, AREA_TOLERANCE)) is not None] for d in dates]
    rings = []
    for shp, geom, since in data.rings:
        g = b.geoms.add(geom, RING_TOLERANCE)
        if g is not None:
            m = shp.mention
            rings.append({"g": g, "from": _iso(since), "km": m.distance_km,
                          "tol": m.tolerance_km, "qualifier": m.qualifier,
                          "direction": m.direction, "anchor": m.anchor_name,
                          "kind": shp.geometry_kind, "anchor_kind": m.anchor_kind,
                          "measured_from": shp.measured_from, "inferred": shp.inferred,
                          "subject": m.subject, "sentence": m.sentence,
                          "published": _iso(m.published)})
    checks: dict[str, list[dict[str, Any]]] = {}
    for shp in data.distance_checks:
        if shp.mention.subject_place:
            checks.setdefault(shp.mention.subject_place, []).append(
                {"status": shp.status, "note": shp.note, "sentence": shp.mention.sentence,
                 "published": _iso(shp.mention.published)})
    outline = _collection(data.outline, BASE_TOLERANCE)
    legend = _present_factions(data)
    return {
        "title": data.title, "corpus": data.corpus,
        "dates": [d.isoformat() for d in dates], "start": start, "step": data.step, "changes": data.changes,
        "colours": {f: colour for f, (_, colour) in legend.items()},
        "labels": {f: label for f, (label, _) in legend.items()}, "statuses": STATUS_LABELS,
        "bands": band_labels(data.bands_km), "bands_km": list(data.bands_km),
        "stale_after_days": data.stale_after_days,
        "places": b.places.items, "states": places, "regions": regions,
        "event_fields": list(EVENT_FIELDS), "events": b.events.items,
        "strings": b.strings.items, "happening": happening,
        "geoms": b.geoms.table.items, "areas": areas, "fronts": fronts, "rings": rings, "checks": checks,
        "governorates": _collection(data.governorates, BASE_TOLERANCE), "outline": outline,
        "bounds": _bounds(data, outline),
        "towns": [[name, *round_coords([lat, lon]), population] for name, lat, lon, population in data.towns],
    }
