"""Which region each place lies in, each region's main city, and what the gazetteer says of places.

The fold reconciles region and town states (:mod:`geo.timeline.regions`) from plain data;
this module computes that data from the region polygons the map draws (the admin-1
FeatureCollection of :func:`geo.layers.build.governorates`) and from the gazetteer:

* **Region of a place**: the polygon that contains its point (point in polygon, vectorised);
  a region's own id maps to nothing. A point on no polygon has no region.
* **Main city of a region**: the most populous gazetteer place of kind ``city`` or ``town``
  inside the polygon (ties: the smaller id). A region with no such place has none.
* **Place facts**: the gazetteer's name, kind and population of each place id, for names
  (the fallback of :mod:`geo.timeline.names`) and for drawing order on the map (cities
  above the landmarks inside them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely.geometry import shape

from gazetteer import PLACE_KINDS, Gazetteer, PlaceNotFoundError
from geo.model import REGION_PREFIX
from geo.timeline.regions import Geography

__all__ = ["PlaceFacts", "geography", "main_cities", "place_facts", "regions_of"]

#: Kinds of place a region's main city may be.
_SETTLEMENTS = ("city", "town")


@dataclass(frozen=True, slots=True)
class PlaceFacts:
    """What the gazetteer says of one place: its name, kind and population (0: unknown)."""

    name: str
    kind: str
    population: int


def _polygons(regions: Mapping[str, Any]) -> tuple[list[str], np.ndarray]:
    ids, geoms = [], []
    for feat in regions.get("features", []):
        rid = str((feat.get("properties") or {}).get("id", ""))
        if rid and feat.get("geometry"):
            ids.append(rid)
            geoms.append(shape(feat["geometry"]))
    return ids, np.asarray(geoms, dtype=object)


def regions_of(points: Mapping[str, tuple[float, float]], regions: Mapping[str, Any]) -> dict[str, str]:
    """Return the id of the region polygon each point lies in.

    Parameters
    ----------
    points : mapping of str to (lat, lon)
        Place id -> its point. Region ids (``admin1:``) are skipped.
    regions : mapping
        GeoJSON FeatureCollection of region polygons with an ``id`` property.

    Returns
    -------
    dict of str to str
        Place id -> region id, for the points that lie in some polygon (the first, in
        feature order, when polygons overlap).
    """
    ids, geoms = _polygons(regions)
    keys = [k for k, (lat, lon) in points.items() if not k.startswith(REGION_PREFIX)
            and np.isfinite(lat) and np.isfinite(lon)]
    if not keys or not ids:
        return {}
    pts = shapely.points([(points[k][1], points[k][0]) for k in keys])
    tree = shapely.STRtree(geoms)
    point_idx, geom_idx = tree.query(pts, predicate="intersects")
    out: dict[str, str] = {}
    for p, g in sorted(zip(point_idx.tolist(), geom_idx.tolist(), strict=True)):
        out.setdefault(keys[p], ids[g])
    return out


def main_cities(regions: Mapping[str, Any], candidates: Iterable[tuple[str, float, float, int]]) -> dict[str, str]:
    """Return the main city of each region: the most populous candidate inside its polygon.

    Parameters
    ----------
    regions : mapping
        GeoJSON FeatureCollection of region polygons with an ``id`` property.
    candidates : iterable of (place id, lat, lon, population)
        The settlements to choose from (e.g. every city and town of the gazetteer).

    Returns
    -------
    dict of str to str
        Region id -> place id, for the regions holding a candidate with a population.
    """
    rows = [c for c in candidates if c[3] > 0]
    where = regions_of({c[0]: (c[1], c[2]) for c in rows}, regions)
    best: dict[str, tuple[int, str]] = {}
    for pid, _lat, _lon, pop in rows:
        rid = where.get(pid)
        if rid is not None and (rid not in best or (-pop, pid) < (-best[rid][0], best[rid][1])):
            best[rid] = (pop, pid)
    return {rid: pid for rid, (_pop, pid) in best.items()}


def place_facts(gazetteer: Gazetteer, place_ids: Iterable[str]) -> dict[str, PlaceFacts]:
    """Return the gazetteer's name, kind and population of each known place id."""
    out = {}
    for pid in place_ids:
        try:
            p = gazetteer.get(pid)
        except PlaceNotFoundError:
            continue
        out[pid] = PlaceFacts(p.name, p.kind, int(p.population or 0))
    return out


def _settlements(gazetteer: Gazetteer, regions: Mapping[str, Any]) -> list[tuple[str, float, float, int]]:
    """Every populated place inside the regions' bounding box (its kind checked for the largest few)."""
    ids, geoms = _polygons(regions)
    if not ids:
        return []
    w, s, e, n = shapely.GeometryCollection(list(geoms)).bounds
    store = gazetteer.store
    lat, lon, pop = np.asarray(store.lat), np.asarray(store.lon), np.asarray(store.population)
    settled = np.isin(np.asarray(store.kind_codes), [PLACE_KINDS.index(k) for k in _SETTLEMENTS])
    rows = np.flatnonzero((lat >= s) & (lat <= n) & (lon >= w) & (lon <= e) & (pop > 0) & settled)
    # by the kind codes, not Place records: regions on several continents span most of the world's places
    return [(store.id_of(r), float(lat[r]), float(lon[r]), int(pop[r])) for r in rows.tolist()]


def geography(gazetteer: Gazetteer, regions: Mapping[str, Any],
              points: Mapping[str, tuple[float, float]]) -> tuple[Geography, dict[str, PlaceFacts]]:
    """Return the fold's :class:`~geo.timeline.regions.Geography` of some places, and their facts.

    Parameters
    ----------
    gazetteer : Gazetteer
        For the places' names, kinds and populations, and the regions' main cities.
    regions : mapping
        GeoJSON FeatureCollection of region polygons with an ``id`` property.
    points : mapping of str to (lat, lon)
        The places with evidence.

    Returns
    -------
    (Geography, dict of str to PlaceFacts)
    """
    facts = place_facts(gazetteer, points)
    geo = Geography(names={pid: f.name for pid, f in facts.items()},
                    region_of=regions_of(points, regions),
                    main_city=main_cities(regions, _settlements(gazetteer, regions)))
    return geo, facts
