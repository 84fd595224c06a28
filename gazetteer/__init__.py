"""An offline gazetteer: place data, name normalisation, matching in text, geocoding.

>>> from gazetteer import default_gazetteer
>>> default_gazetteer().resolve("Deraa").name
'Dar‘ā'
"""

from __future__ import annotations

from gazetteer.errors import GazetteerDataError, GazetteerError, GeoError, PlaceNotFoundError
from gazetteer.model import PLACE_KINDS, Place
from gazetteer.names import normalize_name
from gazetteer.rank import Candidate
from gazetteer.resolver import Gazetteer, Mention, default_gazetteer

__all__ = [
    "Candidate",
    "Gazetteer",
    "GazetteerDataError",
    "GazetteerError",
    "GeoError",
    "Mention",
    "PLACE_KINDS",
    "Place",
    "PlaceNotFoundError",
    "default_gazetteer",
    "normalize_name",
]
