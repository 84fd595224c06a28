"""A geopy-compatible geocoder over the offline gazetteer.

:class:`OfflineGeocoder` answers ``geocode(query, *, exactly_one=True)`` and
``reverse(query, *, exactly_one=True)`` with :class:`geopy.location.Location` objects whose
``.raw`` is the gazetteer record (a dict with the contract's fields and a ``score``), so it
drops in wherever geopy geocoders go: behind :class:`geopy.extra.rate_limiter.RateLimiter`,
or in front of an online geocoder the user configures with ``fallback=`` (never called by
default: the fallback is only asked when the gazetteer has no answer).

Examples
--------
>>> from gazetteer.geocoder import OfflineGeocoder
>>> loc = OfflineGeocoder().geocode("Deraa")
>>> loc.raw["id"], round(loc.latitude, 2), round(loc.longitude, 2)
('geonames:170905', 32.62, 36.1)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from geopy.location import Location
from geopy.point import Point

from gazetteer.rank import Candidate
from gazetteer.resolver import Gazetteer, default_gazetteer

__all__ = ["OfflineGeocoder"]


def _address(place_dict: dict[str, Any]) -> str:
    parts = [place_dict["name"], place_dict.get("admin1"), place_dict.get("country")]
    unique = []
    for part in parts:
        if part and part not in unique:
            unique.append(part)
    return ", ".join(unique)


def _location(candidate: Candidate) -> Location:
    raw = {**candidate.place.to_dict(), "score": round(candidate.score, 3)}
    return Location(_address(raw), Point(candidate.place.lat, candidate.place.lon), raw)


class OfflineGeocoder:
    """Geocode with the packaged gazetteer, in geopy's interface.

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        The records to use; the packaged one (plus user imports) by default.
    focus : sequence of str, optional
        ISO country codes to prefer, e.g. ``("SY",)``.
    fallback : geopy geocoder, optional
        An online geocoder asked only when the gazetteer finds nothing. None by default:
        geo never goes online unless the user configures it here.
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *, focus: Sequence[str] = (), fallback: Any = None) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else default_gazetteer()
        self.focus = tuple(focus)
        self.fallback = fallback

    def geocode(self, query: str, *, exactly_one: bool = True, limit: int = 10) -> Location | list[Location] | None:
        """Resolve a place name.

        Parameters
        ----------
        query : str
            A place name in any common spelling or in Arabic script.
        exactly_one : bool, default True
            Return the best Location, or a list of up to *limit* ranked Locations.
        limit : int, default 10
            Most candidates returned when ``exactly_one`` is False.

        Returns
        -------
        geopy.location.Location, list of Location, or None
            None when nothing matches (geopy's convention), never an empty list.
        """
        found = self.gazetteer.lookup(query, focus=self.focus, limit=1 if exactly_one else limit)
        if not found:
            if self.fallback is not None:
                return self.fallback.geocode(query, exactly_one=exactly_one)
            return None
        locations = [_location(c) for c in found]
        return locations[0] if exactly_one else locations

    def reverse(self, query: Any, *, exactly_one: bool = True) -> Location | list[Location] | None:
        """Return the nearest gazetteer place to a point.

        Parameters
        ----------
        query : geopy.point.Point, (lat, lon) tuple, or "lat, lon" string
        exactly_one : bool, default True

        Returns
        -------
        geopy.location.Location or list of one Location
            ``.raw`` carries the record and ``distance_km`` from the query point.
        """
        point = Point(query)
        place, km = self.gazetteer.reverse(point.latitude, point.longitude)
        raw = {**place.to_dict(), "distance_km": round(km, 3)}
        location = Location(_address(raw), Point(place.lat, place.lon), raw)
        return location if exactly_one else [location]
