"""Town and city labels for the map's base layer, so that a zoomed map has context offline.

The labels are the most populous settlements of the gazetteer inside the map's extent
(:meth:`gazetteer.Gazetteer.largest_places`), named in plain Latin letters. Which of them
show at a zoom level is the renderer's job (larger places first, no two labels overlapping).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from gazetteer import Gazetteer

__all__ = ["MAX_TOWNS", "Town", "plain_name", "town_labels"]

#: At most this many labels per map.
MAX_TOWNS = 400
#: A label: name, latitude, longitude, population.
Town = tuple[str, float, float, int]
_MARKS = str.maketrans({"‘": "'", "’": "'", "ʿ": "'", "ʾ": "'", "`": "'"})


def plain_name(name: str) -> str:
    """Return *name* without diacritics, typographic apostrophes as ``'``.

    Examples
    --------
    >>> plain_name("Ḩamāh"), plain_name("Dar‘ā"), plain_name("Kramatorsk")
    ('Hamah', "Dar'a", 'Kramatorsk')
    """
    decomposed = unicodedata.normalize("NFKD", name.translate(_MARKS))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def extent(points: Iterable[tuple[float, float]], *, margin: float = 0.25,
           minimum: float = 1.0) -> tuple[float, float, float, float] | None:
    """Return ``(west, south, east, north)`` around (lat, lon) points, widened by *margin* of its size.

    Each side grows by at least *minimum* degrees, so one point still gets a region around it.
    None when there are no points.
    """
    pts = list(points)
    if not pts:
        return None
    lats, lons = [p[0] for p in pts], [p[1] for p in pts]
    pad_lat = max((max(lats) - min(lats)) * margin, minimum)
    pad_lon = max((max(lons) - min(lons)) * margin, minimum)
    return (max(min(lons) - pad_lon, -180.0), max(min(lats) - pad_lat, -90.0),
            min(max(lons) + pad_lon, 180.0), min(max(lats) + pad_lat, 90.0))


#: A settlement this close (degrees, about 3 km) to a place the map marks takes the mark's name.
SAME_PLACE_DEGREES = 0.03


def town_labels(gazetteer: Gazetteer, places: Iterable[tuple[float, float, str]], *,
                limit: int = MAX_TOWNS) -> list[Town]:
    """Return the largest settlements around the map's places, largest first.

    Parameters
    ----------
    gazetteer : Gazetteer
        Where the settlements come from.
    places : iterable of (lat, lon, name)
        The places the map marks; the labels cover their extent with a margin, and a
        settlement at a marked place is labelled with the mark's name ("Hama", not the
        gazetteer's "Hamah").
    limit : int
        At most this many labels.
    """
    marked = list(places)
    box = extent((lat, lon) for lat, lon, _ in marked)
    if box is None:
        return []

    def name_of(lat: float, lon: float, name: str) -> str:
        near = [n for a, o, n in marked if abs(a - lat) < SAME_PLACE_DEGREES and abs(o - lon) < SAME_PLACE_DEGREES]
        return near[0] if near else plain_name(name)

    return [(name_of(p.lat, p.lon, p.name), p.lat, p.lon, p.population)
            for p in gazetteer.largest_places(*box, limit=limit)]
