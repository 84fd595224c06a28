"""The gazetteer record."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

__all__ = ["Place", "PLACE_KINDS", "km_between", "EARTH_RADIUS_KM"]

#: The Earth's mean radius (km), of the sphere distances are measured on.
EARTH_RADIUS_KM = 6371.0088

#: Every kind a place can have, from the largest to the smallest.
PLACE_KINDS: tuple[str, ...] = (
    "continent",
    "region",
    "country",
    "admin1",
    "admin2",
    "city",
    "town",
    "village",
    "neighbourhood",
    "landmark",
    "military",
    "infrastructure",
)


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer record.

    Parameters
    ----------
    id : str
        Stable identifier, ``geonames:<id>``, ``admin1:<ISO 3166-2>``, ``country:<ISO2>``
        or ``local:<slug>`` for the curated supplement.
    name : str
        The preferred (English) name.
    names : tuple of str
        Alternate names, including Arabic script where known.
    kind : str
        One of :data:`PLACE_KINDS`.
    lat, lon : float
        WGS 84 coordinates of the place's representative point.
    admin1 : str or None
        Name of the first-level division (governorate, state) the place lies in.
    country : str or None
        ISO 3166-1 alpha-2 country code.
    population : int
        Population, 0 when unknown.
    parent : str or None
        For a landmark, neighbourhood or military site: the id of its city.
    source : str
        Where the record and its coordinates come from.
    demonyms : tuple of str
        Words for its people or things ("Syrian", "Syrians", "Kurdish"): a name kind of its own,
        found in text but never the place's name (not in :meth:`to_dict`).
    abbreviations : tuple of str
        Abbreviations written in the press ("US", "U.S.", "UAE", "Calif."), matched only as
        written (case included).
    """

    id: str
    name: str
    names: tuple[str, ...] = field(default=())
    kind: str = "town"
    lat: float = 0.0
    lon: float = 0.0
    admin1: str | None = None
    country: str | None = None
    population: int = 0
    parent: str | None = None
    source: str = ""
    demonyms: tuple[str, ...] = field(default=(), compare=False)
    abbreviations: tuple[str, ...] = field(default=(), compare=False)

    def to_dict(self) -> dict[str, object]:
        """Return the record as a JSON-ready dict (the contract's field names)."""
        return {
            "id": self.id,
            "name": self.name,
            "names": list(self.names),
            "kind": self.kind,
            "lat": self.lat,
            "lon": self.lon,
            "admin1": self.admin1,
            "country": self.country,
            "population": self.population,
            "parent": self.parent,
            "source": self.source,
        }


def km_between(a: Place, b: Place) -> float:
    """Return the great-circle distance between two places' points, in km (a sphere of the Earth's mean radius)."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))

