"""The one exception hierarchy of geo (its root, :class:`GeoError`, is in gazetteer.errors).

Every error raised on purpose by geo or the gazetteer derives from :class:`GeoError`;
subclasses also inherit the matching builtin so callers can catch either. Messages name
the input that failed and say what to do about it, in one line.
"""

from __future__ import annotations

from gazetteer.errors import GazetteerDataError, GazetteerError, GeoError, PlaceNotFoundError

__all__ = [
    "GeoError",
    "UsageError",
    "CorpusError",
    "ArticleError",
    "GazetteerError",
    "GazetteerDataError",
    "PlaceNotFoundError",
    "DateError",
    "ExtractionError",
    "OutputError",
]


class UsageError(GeoError, ValueError):
    """A command-line argument or option value is not acceptable (exit status 2)."""


class CorpusError(GeoError, OSError):
    """A corpus folder or its metadata cannot be read."""


class ArticleError(GeoError, ValueError):
    """One article cannot be used (empty, binary, undecodable); the others still count."""


class DateError(GeoError, ValueError):
    """A date or date expression cannot be parsed."""


class ExtractionError(GeoError, ValueError):
    """Event or distance extraction met input it cannot handle."""


class OutputError(GeoError, OSError):
    """An output file cannot be written."""
