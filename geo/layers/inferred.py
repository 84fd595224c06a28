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

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from geo.errors import UsageError
from geo.layers.geometry import _apply, _check_outline, _polygonal, _reach_cells, _sites, local_aeqd

__all__ = ["BANDS_KM", "Inferred", "band_labels", "infer_areas"]

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


def _check_bands(bands_km: Sequence[float]) -> tuple[float, ...]:
    out = tuple(float(b) for b in bands_km)
    if not out or any(not np.isfinite(b) or b <= 0 for b in out) or list(out) != sorted(set(out)):
        raise UsageError(f"bands_km={tuple(bands_km)!r} must be increasing positive km, e.g. (10, 25, 50)")
    return out


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
    centre = outline.centroid
    forward, inverse = local_aeqd(centre.y, centre.x)
    reach = bands[-1] * 1000.0
    if points:
        xy, owners = _sites(points, forward)
        cells = list(_reach_cells(xy, reach))
    else:
        xy, owners, cells = np.empty((0, 2)), [], []
    sites = shapely.points(xy) if len(xy) else np.empty(0, dtype=object)
    projected = [(_apply(g, forward), c) for g, c in regions]
    allowed = shapely.union_all([g for g, _ in projected] + [shapely.buffer(p, reach) for p in sites
                                                              if not any(g.covers(p) for g, _ in projected)])
    allowed = shapely.intersection(allowed, _apply(outline, forward))
    for k, owner in enumerate(owners):  # rule 4: a region report beats a point of another side outside it
        for geom, side in projected:
            if side is not None and side != owner and not geom.covers(sites[k]):
                cells[k] = shapely.difference(cells[k], geom)
    cells = [shapely.intersection(c, allowed) for c in cells]
    sides = sorted({o for o in owners if o is not None} | {c for _, c in projected if c is not None})
    rings = [shapely.union_all(shapely.buffer(sites, b * 1000.0, quad_segs=32)) if len(sites) else Polygon()
             for b in bands]
    out = Inferred()
    for side in sides:
        own = shapely.union_all([c for c, o in zip(cells, owners, strict=True) if o == side])
        others = shapely.union_all([c for c, o in zip(cells, owners, strict=True) if o != side])
        fill = shapely.union_all([shapely.difference(g, others) for g, c in projected if c == side])
        fill = shapely.difference(shapely.intersection(fill, allowed), own)
        pieces = []
        inner: BaseGeometry = Polygon()
        for k, ring in enumerate(rings):
            pieces.append((k, shapely.difference(shapely.intersection(own, ring), inner)))
            inner = ring
        pieces.append((len(bands), fill))
        for k, geom in pieces:
            lonlat = _lonlat(geom, inverse)
            if not lonlat.is_empty:
                out.bands.append((side, k, lonlat))
        whole = _lonlat(shapely.union(own, fill), inverse)
        if not whole.is_empty:
            out.areas[side] = whole
    return out


def _lonlat(geom: BaseGeometry, inverse: object) -> BaseGeometry:
    """Return a projected geometry in lon/lat, valid, polygons only."""
    if geom.is_empty:
        return Polygon()
    out = _apply(geom, inverse)  # type: ignore[arg-type]
    if not out.is_valid:
        out = shapely.make_valid(out)
    return _polygonal(out)
