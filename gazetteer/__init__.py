"""An offline gazetteer: place data, name normalisation, matching in text, geocoding.

The resolver (:class:`Gazetteer`, :func:`default_gazetteer`, :class:`Mention`) and the ranking
(:class:`Candidate`) are imported on first use (the module's ``__getattr__``), so that a command
that only reads or writes the data (``geo gazetteer import``) does not load the matcher and
the context rules.

>>> from gazetteer import default_gazetteer
>>> default_gazetteer().resolve("Deraa").name
'Dar‘ā'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gazetteer.errors import GazetteerDataError, GazetteerError, GeoError, PlaceNotFoundError
from gazetteer.model import PLACE_KINDS, Place
from gazetteer.names import normalize_name

if TYPE_CHECKING:
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

_RESOLVER = {"Gazetteer", "Mention", "default_gazetteer"}


def __getattr__(name: str) -> Any:
    """Import :mod:`gazetteer.resolver` or :mod:`gazetteer.rank` when one of their names is first used."""
    if name in _RESOLVER:
        from gazetteer import resolver

        return getattr(resolver, name)
    if name == "Candidate":
        from gazetteer import rank

        return rank.Candidate
    raise AttributeError(f"module 'gazetteer' has no attribute {name!r}")
