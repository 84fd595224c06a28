"""The base layers of a map: the countries of its war, their neighbours, and the regions of the war's countries.

Which countries: those of the theatres of the corpus's events (``geo/theatres/*.toml``), the
most frequent theatre first, with their context countries (neighbours and outside parties)
drawn around them; a corpus whose events name no theatre takes the countries of its places.
Outlines and regions come from the gazetteer's world first-level divisions
(:mod:`gazetteer.admin1`), so a map of any war has its oblasts, states or governorates, and
a region named in text (``admin1:UA-14``, Donetsk oblast) shades its polygon.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from gazetteer import Gazetteer
from gazetteer.admin1 import country_outlines, geojson_geometry, regions_of
from geo.model import CorpusResult
from geo.theatres import packaged_theatres

__all__ = ["MAX_FALLBACK_COUNTRIES", "corpus_countries", "country_outline", "governorates"]

#: A corpus of no known theatre is drawn with the countries of its places, at most this many.
MAX_FALLBACK_COUNTRIES = 3


def corpus_countries(result: CorpusResult, gazetteer: Gazetteer) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the countries of a corpus's war and the context countries around them (ISO alpha-2).

    Parameters
    ----------
    result : CorpusResult
        The analysis; its events name their theatres.
    gazetteer : Gazetteer
        For the countries of the places when no event names a packaged theatre.
    """
    known = packaged_theatres()
    counts = Counter(e.theatre for e in result.events if e.theatre in known)
    countries: dict[str, None] = {}
    context: dict[str, None] = {}
    for theatre_id, _ in counts.most_common():
        countries.update(dict.fromkeys(known[theatre_id].countries))
        context.update(dict.fromkeys(known[theatre_id].context_countries))
    if not countries:
        rows = (gazetteer.store.row_of(e.place_id) for e in result.events if e.place_id and not e.duplicate_of)
        places = Counter(country for row in rows if row is not None
                         if (country := gazetteer.store.place(row).country))
        countries.update(dict.fromkeys(c for c, _ in places.most_common(MAX_FALLBACK_COUNTRIES)))
    return tuple(countries), tuple(c for c in context if c not in countries)


def governorates(countries: tuple[str, ...]) -> dict[str, Any]:
    """Return the first-level divisions of the countries (GeoJSON FeatureCollection, ``id`` = ``admin1:<ISO>``)."""
    return regions_of(countries)


def country_outline(countries: tuple[str, ...], context: tuple[str, ...] = ()) -> dict[str, Any]:
    """Return the outlines of the war's countries and of its context countries (GeoJSON FeatureCollection).

    Each feature's ``role`` property is ``theatre`` (a country of the war: inferred areas are
    clipped to these) or ``context`` (drawn around it).
    """
    outlines = country_outlines((*countries, *context))
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": geojson_geometry(geom),
         "properties": {"iso": code, "role": "theatre" if code in countries else "context"}}
        for code, geom in outlines.items()]}
