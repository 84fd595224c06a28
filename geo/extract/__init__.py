"""Extraction: control-change events and quoted distances from one article.

Pure functions: an article and a gazetteer in, records out.

:func:`extract_article`, :func:`extract_articles` and :func:`extract_values` (of :mod:`geo.extract.article`) are
re-exported on first use (:pep:`562`): the rules import and compile their patterns then, so a
run whose every article is a hit of the extraction cache (:mod:`geo.extract.cache`), or that
reads an event store, never loads them.
"""

from __future__ import annotations

from typing import Any

__all__ = ["extract_article", "extract_articles", "extract_values"]
_LAZY = ("extract_article", "extract_articles", "extract_values")


def __getattr__(name: str) -> Any:
    """Import :mod:`geo.extract.article` when one of its functions above is first used."""
    if name in _LAZY:
        from geo.extract import article

        return getattr(article, name)
    raise AttributeError(f"module 'geo.extract' has no attribute {name!r}")
