"""Inferred control areas with their confidence: from every live piece of evidence of a date.

News reports say who holds places and, sometimes, regions; they never draw lines. The areas
here are an INFERENCE from that evidence, drawn as such, in confidence bands:

1. **Evidence.** The live (not stale) places ``held`` or ``besieged`` by a known side (one
   point each; a place whose own reports disagree with a newer region report is
   ``contested`` and gives no point), and the live regions ``held`` by a known side (the
   region polygon). Stale marks, contested and claimed places give nothing.
2. **Where inference may go.** Only inside the regions whose control is reported on the
   date: a region with a live state of its own or with a live place state inside it
   (places outside every region polygon add a disc of the largest band radius). Land in
   an unreported region stays blank: the map is only as dense as the reporting.
3. **Cells.** Each point gets its Voronoi cell (the land nearer to it than to any other
   point), clipped to a disc of the largest band radius (default 50 km) around it, in an
   azimuthal-equidistant plane centred on the outline (metres, not degrees).
4. **Regions.** A region reported held by X is X's, except the cells of points inside it
   that another side holds. The cell of a point outside the region stops at its boundary
   when that point's side is not X: an explicit region report beats proximity.
5. **Confidence.** Land in a cell is banded by its distance from the cell's point: within
   10 km, 10-25 km, 25-50 km (:data:`BANDS_KM`); land that only a region report gives is
   the last, weakest band. The map draws the bands with falling opacity.
6. **Fronts** (:func:`geo.layers.geometry.front_lines`) are the boundaries where the areas
   of two sides meet: the bisector between their nearest points, or a region boundary;
   never a surveyed position.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyproj
import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from gazetteer.cache import file_stamp
from geo.errors import UsageError
from geo.layers.geometry import _apply, _check_outline, _polygonal, _reach_cells, _sites, local_aeqd

__all__ = ["BANDS_KM", "Inferred", "band_labels", "code_version", "controller_at", "infer_areas", "inputs_key"]

#: Overlays run on a grid of this many metres in the projected plane: GEOS's snapping makes them
#: robust where cells, discs and region boundaries nearly coincide.
GRID_M = 1.0
#: Outer radius (km) of each distance band of an inferred area; the last is the reach of a point.
BANDS_KM: tuple[float, ...] = (10.0, 25.0, 50.0)


def band_labels(bands_km: Sequence[float] = BANDS_KM) -> list[str]:
    """Return the legend text of each band, then of the region-only band.

    Examples
    --------
    >>> band_labels((10, 25))
    ['within 10 km of a reported place', '10-25 km from one', 'region report only']
    """
    edges = [f"{b:g}" for b in bands_km]
    return ([f"within {edges[0]} km of a reported place"]
            + [f"{a}-{b} km from one" for a, b in zip(edges, edges[1:], strict=False)] + ["region report only"])


@dataclass(frozen=True)
class Inferred:
    """The inferred areas of one date.

    Attributes
    ----------
    areas : dict of str to geometry
        Controller -> its whole inferred area (lon/lat), keys sorted.
    bands : list of (str, int, geometry)
        ``(controller, band, geometry)``: band ``k < len(BANDS_KM)`` is the land of the
        controller's cells between ``BANDS_KM[k-1]`` and ``BANDS_KM[k]`` km from their
        points; band ``len(BANDS_KM)`` the land only a region report gives.
    """

    areas: dict[str, BaseGeometry] = field(default_factory=dict)
    bands: list[tuple[str, int, BaseGeometry]] = field(default_factory=list)


def code_version() -> str:
    """Return a digest of what :func:`infer_areas` computes with: its code, shapely's GEOS and pyproj's PROJ.

    With :func:`inputs_key`, it names an inference on disk (the inferred areas of a date are
    cached per version and inputs by :mod:`geo.layers.build`): an edit of this module or of
    :mod:`geo.layers.geometry`, or another GEOS or PROJ, gives another version.
    """
    here = Path(__file__).resolve().parent
    parts = [file_stamp(here / "inferred.py"), file_stamp(here / "geometry.py"), shapely.geos_version_string,
             shapely.__version__, pyproj.__version__, pyproj.proj_version_str]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:20]


def inputs_key(points: Sequence[tuple[float, float, str]], regions: Sequence[tuple[BaseGeometry, str | None]],
               outline: BaseGeometry, bands_km: Sequence[float] = BANDS_KM) -> str:
    """Return a digest of the arguments of :func:`infer_areas` (geometries by their exact WKB).

    Examples
    --------
    >>> from shapely.geometry import box
    >>> a = inputs_key([(36.0, 34.5, "government")], [], box(35, 32, 39, 37))
    >>> a == inputs_key([(36.0, 34.5, "government")], [], box(35, 32, 39, 37))
    True
    >>> a == inputs_key([(36.0, 34.5, "opposition")], [], box(35, 32, 39, 37))
    False
    """
    digest = hashlib.sha256(repr((tuple(points), tuple(float(b) for b in bands_km))).encode("utf-8"))
    for geom, side in regions:
        digest.update(shapely.to_wkb(geom, byte_order=1))
        digest.update(repr(side).encode("utf-8"))
    digest.update(b"outline")
    digest.update(shapely.to_wkb(outline, byte_order=1))
    return digest.hexdigest()


def _check_bands(bands_km: Sequence[float]) -> tuple[float, ...]:
    out = tuple(float(b) for b in bands_km)
    if not out or any(not np.isfinite(b) or b <= 0 for b in out) or list(out) != sorted(set(out)):
        raise UsageError(f"bands_km={tuple(bands_km)!r} must be increasing positive km, e.g. (10, 25, 50)")
    return out


@functools.lru_cache(maxsize=8)
def _frame(outline: BaseGeometry) -> tuple[Any, Any, BaseGeometry]:
    """Return the projection around an outline's centroid, its inverse, and the outline projected and made valid.

    Kept for the few outlines of a run: a map infers areas on every change date of one outline,
    and making a many-country outline valid in projection takes seconds.
    """
    centre = outline.centroid
    forward, inverse = local_aeqd(centre.y, centre.x)
    return forward, inverse, _polygonal(shapely.make_valid(_apply(outline, forward)))


def infer_areas(points: Sequence[tuple[float, float, str]], regions: Sequence[tuple[BaseGeometry, str | None]],
                outline: BaseGeometry, *, bands_km: Sequence[float] = BANDS_KM) -> Inferred:
    """Infer the area each side holds on a date, in confidence bands (see the module docstring).

    Parameters
    ----------
    points : sequence of (lon, lat, controller)
        The live held places (rule 1).
    regions : sequence of (geometry, controller or None)
        The reported regions (rule 2) in lon/lat; the controller when the region itself is
        reported held by a known side (rule 4), else None.
    outline : shapely geometry
        The country (or theatre) polygon in lon/lat; nothing is inferred outside it.
    bands_km : sequence of float
        Increasing outer radii of the distance bands; the last is a point's reach.

    Returns
    -------
    Inferred
    """
    bands = _check_bands(bands_km)
    outline = _check_outline(outline)
    if not points and not any(c for _, c in regions):
        return Inferred()
    forward, inverse, land = _frame(outline)
    reach = bands[-1] * 1000.0
    if points:
        xy, owner_list = _sites(points, forward)
        cells = np.asarray(_reach_cells(xy, reach), dtype=object)
    else:
        xy, owner_list, cells = np.empty((0, 2)), [], np.empty(0, dtype=object)
    owners = np.asarray(owner_list, dtype=object)
    sites = shapely.points(xy) if len(xy) else np.empty(0, dtype=object)
    projected = [(_polygonal(shapely.make_valid(_apply(g, forward))), c) for g, c in regions]
    inside = np.zeros(len(sites), dtype=bool)
    for geom, side in projected:
        covered = shapely.covers(geom, sites) if len(sites) else inside
        inside |= covered
        if side is not None:  # rule 4: a region report beats a point of another side outside it
            shapely.prepare(geom)
            cut = ~covered & (owners != side)
            cut[cut] = shapely.intersects(geom, cells[cut])
            cells[cut] = _polys(shapely.difference(cells[cut], geom, grid_size=GRID_M))
    allowed = _union([g for g, _ in projected] + list(shapely.buffer(sites[~inside], reach, quad_segs=32)))
    allowed = _polygonal(shapely.intersection(allowed, land, grid_size=GRID_M))
    cells = _clip(cells, allowed)
    sides = sorted({o for o in owner_list if o is not None} | {c for _, c in projected if c is not None})
    pieces, inner = [], None  # rule 5: in its own cell, a place is the nearest one
    for b in bands:
        disc = shapely.buffer(sites, b * 1000.0, quad_segs=32)
        piece = cells.copy()
        out_of = ~shapely.contains_properly(disc, piece) if len(piece) else np.zeros(0, dtype=bool)
        piece[out_of] = _polys(shapely.intersection(piece[out_of], disc[out_of], grid_size=GRID_M))
        if inner is not None and len(piece):
            near = shapely.intersects(inner, piece)
            piece[near] = _polys(shapely.difference(piece[near], inner[near], grid_size=GRID_M))
        pieces.append(piece)
        inner = disc
    claimed = _union(list(cells))
    out = Inferred()
    for side in sides:
        mine = owners == side
        held = [g for g, c in projected if c == side]
        fill = _polygonal(shapely.intersection(_union(held), allowed, grid_size=GRID_M)) if held else Polygon()
        fill = _polygonal(shapely.difference(fill, claimed, grid_size=GRID_M))
        for k, geom in [*((k, _union(list(p[mine]))) for k, p in enumerate(pieces)), (len(bands), fill)]:
            lonlat = _lonlat(geom, inverse)
            if not lonlat.is_empty:
                out.bands.append((side, k, lonlat))
        whole = _lonlat(_union([*cells[mine], fill]), inverse)
        if not whole.is_empty:
            out.areas[side] = whole
    return out


def controller_at(inferred: Inferred, lon: float, lat: float) -> tuple[str, int] | None:
    """Return the side whose inferred area holds a point, with its confidence band (None: no area).

    The reading a benchmark of the inferred areas makes at a town's point: on a band's
    boundary the more confident band wins.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> got = infer_areas([(36.0, 34.5, "government")], [(box(35, 32, 37, 37), None)], box(35, 32, 39, 37))
    >>> controller_at(got, 36.05, 34.5), controller_at(got, 38.0, 34.5)
    (('government', 0), None)
    """
    point = shapely.points(lon, lat)
    hits = sorted((band, side) for side, band, geom in inferred.bands if geom.covers(point))
    if hits:
        return hits[0][1], hits[0][0]
    side = next((s for s, geom in sorted(inferred.areas.items()) if geom.covers(point)), None)
    return None if side is None else (side, len(BANDS_KM))


def _union(geoms: list[BaseGeometry]) -> BaseGeometry:
    """Return the union of projected polygons, polygons only (on the :data:`GRID_M` grid if GEOS needs it)."""
    if not geoms:
        return Polygon()
    try:
        return _polygonal(shapely.union_all(geoms))
    except shapely.errors.GEOSException:
        return _polygonal(shapely.union_all(geoms, grid_size=GRID_M))


def _clip(cells: np.ndarray, area: BaseGeometry) -> np.ndarray:
    """Return each cell cut to an area; cells wholly inside it are kept as they are."""
    if not len(cells):
        return cells
    shapely.prepare(area)
    out = cells.copy()
    cut = ~shapely.contains_properly(area, cells)
    out[cut] = _polys(shapely.intersection(cells[cut], area, grid_size=GRID_M))
    return out


def _polys(geoms: np.ndarray) -> np.ndarray:
    """Return the polygon parts of each geometry of an array (an overlay on a grid may leave slivers as lines)."""
    return np.asarray([_polygonal(g) for g in geoms], dtype=object)


def _lonlat(geom: BaseGeometry, inverse: object) -> BaseGeometry:
    """Return a projected geometry in lon/lat, valid, polygons only."""
    if geom.is_empty:
        return Polygon()
    out = _apply(geom, inverse)  # type: ignore[arg-type]
    if not out.is_valid:
        out = shapely.make_valid(out)
    return _polygonal(out)
