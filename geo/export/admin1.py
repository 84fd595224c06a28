"""Which first-level division (governorate, province, state) a point lies in, by point-in-polygon (pure).

The polygons are the admin-1 FeatureCollection a :class:`~geo.layers.data.MapData` carries
(``governorates``: today Syria's, from ``gazetteer/data/syria_admin1.geojson``); each
feature's ``name`` is the division's name and its ``iso`` (ISO 3166-2, e.g. ``SY-HL``) gives
the country.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import shapely
from shapely.geometry import Point, shape
from shapely.strtree import STRtree

__all__ = ["Admin1", "Admin1Locator"]


@dataclass(frozen=True, slots=True)
class Admin1:
    """A first-level division: its id, name and country (ISO 3166-1 alpha-2, or None)."""

    id: str | None
    name: str | None
    country: str | None


def _country(props: dict[str, Any]) -> str | None:
    iso = props.get("iso") or str(props.get("id") or "").removeprefix("admin1:")
    head = str(iso).split("-", 1)[0]
    return head.upper() if len(head) == 2 and head.isalpha() else None


class Admin1Locator:
    """Find the division that holds a point.

    Parameters
    ----------
    collection : dict
        A GeoJSON FeatureCollection of admin-1 polygons (properties ``id``, ``name``, ``iso``).

    Examples
    --------
    >>> square = {"type": "Polygon", "coordinates": [[[36, 35], [37, 35], [37, 36], [36, 36], [36, 35]]]}
    >>> fc = {"features": [{"geometry": square, "properties": {"id": "admin1:SY-HM", "name": "Hama",
    ...                                                      "iso": "SY-HM"}}]}
    >>> Admin1Locator(fc).locate(36.5, 35.5)
    Admin1(id='admin1:SY-HM', name='Hama', country='SY')
    >>> Admin1Locator(fc).locate(30.0, 35.5) is None
    True
    """

    def __init__(self, collection: dict[str, Any]) -> None:
        features = [f for f in collection.get("features", []) if f.get("geometry")]
        self._areas = [Admin1(p.get("id"), p.get("name"), _country(p))
                       for p in ((f.get("properties") or {}) for f in features)]
        geoms = [shape(f["geometry"]) for f in features]
        shapely.prepare(geoms)
        self._geoms = geoms
        self._tree = STRtree(geoms)

    def locate(self, lon: float | None, lat: float | None) -> Admin1 | None:
        """Return the division holding ``(lon, lat)`` (the first, if borders overlap), None outside all."""
        if lon is None or lat is None:
            return None
        hits = self._tree.query(Point(lon, lat), predicate="intersects")
        return self._areas[int(min(hits))] if len(hits) else None

    def by_id(self, area_id: str) -> Admin1 | None:
        """Return the division with this id (e.g. ``admin1:SY-DR``), None when not among the polygons."""
        return next((a for a in self._areas if a.id == area_id), None)
