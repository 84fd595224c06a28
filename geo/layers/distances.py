"""The shape of each quoted distance, or the check it makes, or why there is none.

:func:`distance_shapes` turns each :class:`geo.model.DistanceMention` into a
:class:`DistanceShape` by its anchor kind (:mod:`geo.extract.distance.anchors`):

* ``point``: a ring, disc or sector around the place (:func:`geo.layers.geometry.mention_geometry`);
* ``capital``, ``provincial_capital``, ``implied``: the same around the city the words were read
  as, marked inferred (the capital from the country's capital, the provincial capital as the
  largest town of the subject's division, an anchor the sentence leaves unsaid as the town the
  report is about);
* ``city_area``: measured from a built-up area. The data has no built-up extents, so the city is
  taken as a disc of radius :func:`built_up_radius_km` (from its population) and the ring is
  widened outwards by that radius; the popup says so;
* ``border``: the stretch of the land border between the subject's country and the other country
  (both from Natural Earth admin-1 outlines, :mod:`gazetteer.admin1`), limited to the part within
  :data:`STRETCH_KM` of the locating place beyond its nearest point, as a band at the quoted
  distance on the subject's side; a bare "the border" is the border of the subject's country
  nearest the locating place;
* ``region``: a band around a first-level division's outline, outside it;
* ``front``: a band along the inferred front lines of the mention's date near the locating place,
  marked inferred;
* ``river``, ``road``, ``none``: nothing drawn; the reason is kept.

When the subject is itself a known place (``subject_place``) nothing is drawn: the place's own
distance from the anchor is measured and the mention is ``consistent`` or ``inconsistent`` ("off
by N km"), within the quoted tolerance widened by :data:`CHECK_SLACK_KM` (gazetteer points and
1 km outlines are not exact) and by the subject town's own built-up radius (a town is an area,
measured from its edge or its centre); a direction must agree within 45 degrees. A drawn shape
is cut to the subject's country (within :data:`SIDE_SLACK_DEG`) when the sentence or the war says
which it is; a shape that leaves nothing there is not drawn.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from gazetteer import Gazetteer
from gazetteer.admin1 import admin1_table, country_outlines
from geo.errors import GeoError
from geo.layers.geometry import bearing_between, bearing_of, km_to, line_band, mention_geometry, mention_radii
from geo.model import DistanceMention

__all__ = ["CHECK_SLACK_KM", "DistanceShape", "STRETCH_KM", "built_up_radius_km", "distance_shapes",
           "shared_border"]

#: How far along a border beyond its point nearest the locating place the stretch runs (km).
STRETCH_KM = 30.0
#: Added to the quoted tolerance when a distance is checked against a known place (km).
CHECK_SLACK_KM = 2.0
#: Two countries' outlines within this (degrees, about 2 km: the outlines are simplified to 1 km
#: each) share a border there.
BORDER_SNAP_DEG = 0.02
#: A drawn shape is cut to the subject's country grown by this much (degrees, about 1 km: the
#: outlines' own generalisation).
SIDE_SLACK_DEG = 0.01
#: People per square km of a built-up area, for a city's radius from its population.
BUILT_UP_DENSITY = 5000.0
#: A direction given with a distance from a line or a region keeps this half-angle (degrees).
LINE_SECTOR_HALF_DEG = 45.0


@dataclass(frozen=True, slots=True)
class DistanceShape:
    """What one quoted distance becomes on the map.

    Parameters
    ----------
    mention : DistanceMention
        The distance as quoted.
    geometry : shapely geometry or None
        The lon/lat area it allows (None when nothing is drawn).
    geometry_kind : str
        ``ring``, ``disc``, ``sector``, ``band``, ``check`` (measured against a known place, not
        drawn) or ``none``.
    status : str
        ``drawn``, ``consistent``, ``inconsistent`` or ``unresolved``.
    measured_from : str
        What the distance is measured from, in words ("the Syria–Turkey border near Azaz").
    note : str
        The check's result, why nothing is drawn, or how the anchor was taken.
    inferred : bool
        The anchor is an inference (a capital read from "the capital", an inferred front).
    """

    mention: DistanceMention
    geometry: BaseGeometry | None
    geometry_kind: str
    status: str
    measured_from: str
    note: str
    inferred: bool = False

    def row(self) -> dict[str, object]:
        """Return the mention's fields with the shape's (for tables, JSON and exports)."""
        return {**self.mention.to_dict(), "geometry_kind": self.geometry_kind, "status": self.status,
                "measured_from": self.measured_from, "note": self.note, "inferred": self.inferred}


def built_up_radius_km(population: int) -> float:
    """Return the radius (km) of a disc with a city's population at :data:`BUILT_UP_DENSITY`, in [1, 25]."""
    return min(25.0, max(1.0, math.sqrt(max(population, 0) / BUILT_UP_DENSITY / math.pi)))


@functools.lru_cache(maxsize=64)
def _outline(country: str) -> BaseGeometry | None:
    return country_outlines([country]).get(country)


@functools.lru_cache(maxsize=256)
def shared_border(a: str, b: str) -> BaseGeometry | None:
    """Return the land border between two countries (ISO alpha-2) as lon/lat lines, or None if they share none."""
    oa, ob = _outline(a), _outline(b)
    if oa is None or ob is None:
        return None
    line = shapely.intersection(oa.boundary, shapely.buffer(ob, BORDER_SNAP_DEG))
    parts = [p for p in shapely.get_parts(line)
             if p.geom_type in ("LineString", "MultiLineString") and not p.is_empty]
    return shapely.line_merge(shapely.union_all(parts)) if parts else None


@functools.lru_cache(maxsize=64)
def _neighbours(country: str) -> tuple[str, ...]:
    outline = _outline(country)
    if outline is None:
        return ()
    table = admin1_table()
    near = shapely.buffer(outline, BORDER_SNAP_DEG)
    shapely.prepare(near)
    hits = np.flatnonzero(shapely.intersects(near, table.geometries))
    return tuple(sorted({table.country[i] for i in hits} - {country, ""}))


def _name(gz: Gazetteer, code: str | None) -> str:
    if not code:
        return "?"
    try:
        return gz.get(f"country:{code}").name
    except GeoError:
        return code


class _Shaper:
    def __init__(self, gz: Gazetteer, fronts: Callable[[dt.date | None], Sequence[BaseGeometry]] | None) -> None:
        self.gz = gz
        self.fronts = fronts

    def shape(self, m: DistanceMention) -> DistanceShape:
        if m.unresolved:
            return DistanceShape(m, None, "none", "unresolved", m.anchor_text or "nothing", m.unresolved)
        kind = m.anchor_kind
        if kind == "border":
            return self._border(m)
        if kind == "front":
            return self._front(m)
        if kind == "region":
            return self._region(m)
        if kind in ("point", "capital", "provincial_capital", "implied", "city_area") and m.anchor_lat is not None \
                and m.anchor_lon is not None:
            return self._point(m)
        return DistanceShape(m, None, "none", "unresolved", m.anchor_text or "nothing",
                             f"anchor {m.anchor_text!r} is not resolved")

    # -- points --------------------------------------------------------------------------------

    def _point(self, m: DistanceMention) -> DistanceShape:
        assert m.anchor_lat is not None and m.anchor_lon is not None
        inferred = m.anchor_kind in ("capital", "provincial_capital", "implied")
        widen = 0.0
        if m.anchor_kind == "capital":
            source = f"the capital, read as {m.anchor_name} (the capital of {_name(self.gz, self._country(m))})"
        elif m.anchor_kind == "provincial_capital":
            source = f"the provincial capital, taken as {m.anchor_name} (the largest town of its division)"
        elif m.anchor_kind == "implied":
            source = (f"{m.anchor_name}, inferred as the place the distance is measured from (the sentence "
                      "writes none: the town it names last before, else the one the report names most)")
        elif m.anchor_kind == "city_area":
            widen = built_up_radius_km(self._population(m.anchor))
            source = (f"the built-up area of {m.anchor_name}, taken as a disc of {widen:.0f} km around its centre "
                      "(from its population; the data has no built-up extents), so the ring is widened by that much")
        else:
            source = m.anchor_name
        if m.subject_place and m.locator_lat is not None and m.locator_lon is not None:
            azimuth, km = bearing_between(m.anchor_lat, m.anchor_lon, m.locator_lat, m.locator_lon)
            return self._check(m, max(km - widen, 0.0) if widen else km, source, inferred, azimuth, widen)
        tolerance = m.tolerance_km + widen / 2
        distance = m.distance_km + widen / 2
        geom = mention_geometry(distance, tolerance, m.qualifier, m.direction, m.anchor_lat, m.anchor_lon)
        kind = "sector" if m.direction else ("disc" if m.qualifier in ("within", "less than") else "ring")
        return self._drawn(m, geom, kind, source, inferred)

    def _population(self, place_id: str | None) -> int:
        if not place_id:
            return 0
        try:
            return self.gz.get(place_id).population
        except GeoError:
            return 0

    def _country(self, m: DistanceMention) -> str | None:
        if m.anchor:
            try:
                return self.gz.get(m.anchor).country
            except GeoError:
                return None
        return None

    # -- lines and polygons --------------------------------------------------------------------

    def _border(self, m: DistanceMention) -> DistanceShape:
        side = m.side_country
        if side is None:
            return DistanceShape(m, None, "none", "unresolved", m.anchor_text,
                                 f"the border {m.anchor_text!r}: on which side the subject lies is unknown")
        near = (m.locator_lat, m.locator_lon) if m.locator_lat is not None and m.locator_lon is not None else None
        others = (m.anchor_country,) if m.anchor_country else _neighbours(side)
        lines = [(c, line) for c in others if (line := shared_border(side, c)) is not None]
        if not lines:
            return DistanceShape(m, None, "none", "unresolved", m.anchor_text,
                                 f"{_name(self.gz, side)} and {_name(self.gz, m.anchor_country)} share no land "
                                 "border in the outline data")
        if near is not None and len(lines) > 1:  # "the border": the one nearest the place
            lines = [min(lines, key=lambda cl: km_to(near[0], near[1], cl[1]))]
        other = ", ".join(_name(self.gz, c) for c, _ in lines)
        line = shapely.union_all([ln for _, ln in lines])
        where = f" near {m.locator_name}" if near is not None else ""
        source = f"the {_name(self.gz, side)}–{other} border{where}"
        return self._line(m, line, source, _outline(side), inferred=False)

    def _front(self, m: DistanceMention) -> DistanceShape:
        lines = list(self.fronts(m.published)) if self.fronts is not None else []
        if not lines:
            return DistanceShape(m, None, "none", "unresolved", m.anchor_text or "the front line",
                                 "no inferred front line on the map for this date to measure from")
        where = f" near {m.locator_name}" if m.locator_lat is not None else ""
        side = _outline(m.side_country) if m.side_country else None
        return self._line(m, shapely.union_all(lines), f"the inferred front line{where}", side, inferred=True)

    def _region(self, m: DistanceMention) -> DistanceShape:
        table = admin1_table()
        iso = (m.anchor or "").removeprefix("admin1:")
        rows = [i for i, code in enumerate(table.iso) if code == iso] if m.anchor else []
        if not rows:
            return DistanceShape(m, None, "none", "unresolved", m.anchor_name,
                                 f"no outline for the region {m.anchor_name!r}, so no band can be drawn")
        polygon = table.geometries[rows[0]]
        source = f"the boundary of the {m.anchor_name} division (its Natural Earth outline)"
        return self._line(m, polygon, source, None, inferred=False)

    def _line(self, m: DistanceMention, line: BaseGeometry, source: str, side: BaseGeometry | None,
              *, inferred: bool) -> DistanceShape:
        near = None
        if m.locator_lat is not None and m.locator_lon is not None:
            gap = km_to(m.locator_lat, m.locator_lon, line)
            if m.subject_place:
                return self._check(m, gap, source, inferred, None, 0.0, line=line)
            near = (m.locator_lat, m.locator_lon, gap + STRETCH_KM)
        inner, outer = mention_radii(m.qualifier, m.distance_km, m.tolerance_km)
        geom = line_band(line, inner, outer, side=side, near=near)
        if m.direction and not geom.is_empty:
            c = shapely.centroid(line if near is None else shapely.Point(near[1], near[0]))
            reach = outer + STRETCH_KM + (km_to(c.y, c.x, line) if near is not None else 500.0)
            wedge = mention_geometry(min(reach, 4000.0) / 2, min(reach, 4000.0) / 2, "about", m.direction, c.y, c.x,
                                     half_width_deg=LINE_SECTOR_HALF_DEG)
            geom = shapely.intersection(geom, wedge)
        return self._drawn(m, geom, "band", source, inferred, clip=False)

    # -- results -------------------------------------------------------------------------------

    def _check(self, m: DistanceMention, km: float, source: str, inferred: bool, azimuth: float | None,
               widen: float, *, line: BaseGeometry | None = None) -> DistanceShape:
        lo, hi = mention_radii(m.qualifier, m.distance_km, m.tolerance_km)
        if m.qualifier == "more than":
            hi = math.inf
        slack = CHECK_SLACK_KM + built_up_radius_km(self._population(m.subject_place))  # a town is an area
        lo, hi = max(lo - slack - widen, 0.0), hi + slack
        off = lo - km if km < lo else (km - hi if km > hi else 0.0)
        what = f"{m.locator_name} lies {km:.1f} km from {source}"
        if off == 0 and azimuth is not None and m.direction:
            turn = abs((azimuth - bearing_of(m.direction) + 180.0) % 360.0 - 180.0)
            if turn > 45.0:
                return DistanceShape(m, None, "check", "inconsistent", source,
                                     f"inconsistent: {what}, but to the {_compass(azimuth)}, not the {m.direction} "
                                     f"(quoted {m.text!r})", inferred)
        if line is not None and m.side_country and (outline := _outline(m.side_country)) is not None \
                and m.locator_lat is not None and m.locator_lon is not None \
                and km_to(m.locator_lat, m.locator_lon, outline) > CHECK_SLACK_KM:
            return DistanceShape(m, None, "check", "inconsistent", source,
                                 f"inconsistent: {m.locator_name} is not in {_name(self.gz, m.side_country)}", inferred)
        if off == 0:
            return DistanceShape(m, None, "check", "consistent", source,
                                 f"consistent: {what} (quoted {m.text!r})", inferred)
        return DistanceShape(m, None, "check", "inconsistent", source,
                             f"off by {off:.1f} km: {what} (quoted {m.text!r})", inferred)

    def _drawn(self, m: DistanceMention, geom: BaseGeometry, kind: str, source: str, inferred: bool,
               *, clip: bool = True) -> DistanceShape:
        if clip and m.side_country and (outline := _outline(m.side_country)) is not None:
            grown = shapely.buffer(outline, SIDE_SLACK_DEG)
            geom = shapely.intersection(geom, grown)
        parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon") and not p.is_empty]
        if not parts:
            where = f" in {_name(self.gz, m.side_country)}" if m.side_country else ""
            return DistanceShape(m, None, "none", "unresolved", source,
                                 f"no land{where} lies at that distance from {source}", inferred)
        return DistanceShape(m, shapely.union_all(parts), kind, "drawn", source,
                             f"measured from {source}", inferred)


def _compass(azimuth: float) -> str:
    points = ("N", "NE", "E", "SE", "S", "SW", "W", "NW")
    return points[int((azimuth + 22.5) // 45) % 8]


def distance_shapes(
    mentions: Sequence[DistanceMention],
    gazetteer: Gazetteer,
    *,
    fronts: Callable[[dt.date | None], Sequence[BaseGeometry]] | None = None,
) -> list[DistanceShape]:
    """Return the shape, check or reason of each quoted distance (module docstring), in order.

    Parameters
    ----------
    mentions : sequence of DistanceMention
        The distances that count (a near-duplicate report's once:
        :func:`geo.extract.distance.once.counted_distances`).
    gazetteer : Gazetteer
        For country names and city populations.
    fronts : callable, optional
        ``fronts(published) -> lines``: the inferred front lines (lon/lat) on a mention's date;
        without it a distance from "the front line" is not drawn.
    """
    shaper = _Shaper(gazetteer, fronts)
    return [shaper.shape(m) for m in mentions]
