"""The root of geo's one exception hierarchy, and the gazetteer's own errors.

The root lives here because the gazetteer is the lowest package (it knows nothing of the
application); :mod:`geo.errors` re-exports everything below and adds the application's
errors. Subclasses also inherit the matching builtin so callers can catch either.
"""

from __future__ import annotations

__all__ = ["GeoError", "GazetteerError", "GazetteerDataError", "PlaceNotFoundError"]


class GeoError(Exception):
    """Base class of every error geo and its gazetteer raise on purpose."""


class GazetteerError(GeoError):
    """Something about the gazetteer went wrong."""


class GazetteerDataError(GazetteerError, ValueError):
    """Gazetteer data is missing or corrupt, or an import file is malformed."""


class PlaceNotFoundError(GazetteerError, LookupError):
    """A place name does not resolve to any gazetteer record."""
