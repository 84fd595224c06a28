"""geo: news articles about a war turned into a time-sliced control map, with evidence.

In a notebook, ``geo.analyse(corpus=..., store=...)`` returns an :class:`geo.api.Analysis`
(events, distances and control states as GeoDataFrames, the map's layers, the folium map).
It is imported on first use (:pep:`562`), so ``import geo`` and the ``geo`` command stay cheap.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "analyse", "Analysis"]
_LAZY = ("analyse", "Analysis")


def __getattr__(name: str) -> Any:
    """Import :mod:`geo.api` when ``geo.analyse`` or ``geo.Analysis`` is first used."""
    if name in _LAZY:
        from geo import api

        return getattr(api, name)
    raise AttributeError(f"module 'geo' has no attribute {name!r}")
