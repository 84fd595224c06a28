"""Theatres as data: one TOML file per war in this package, and the loader that reads them.

See :mod:`geo.theatres.loader` for the API and ``docs/theatres.md`` for the file schema.
"""

from __future__ import annotations

from geo.theatres.loader import (
    DEFAULT_STALE_AFTER_DAYS,
    PACKAGE_DIR,
    UNKNOWN,
    UNKNOWN_COLOUR,
    Faction,
    Theatre,
    TheatreError,
    faction_styles,
    fold,
    known_factions,
    load_theatre,
    packaged_theatres,
    theatre_for_countries,
    theatre_named,
)

__all__ = [
    "DEFAULT_STALE_AFTER_DAYS",
    "PACKAGE_DIR",
    "UNKNOWN",
    "UNKNOWN_COLOUR",
    "Faction",
    "Theatre",
    "TheatreError",
    "faction_styles",
    "fold",
    "known_factions",
    "load_theatre",
    "packaged_theatres",
    "theatre_for_countries",
    "theatre_named",
]
