"""The base layers the map draws and the geometry is clipped to: the country outline and its regions."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["country_outline", "governorates"]


def _data_json(name: str) -> dict[str, Any]:
    return json.loads((resources.files("gazetteer") / "data" / name).read_text(encoding="utf-8"))


def governorates() -> dict[str, Any]:
    """Return the governorate (admin-1 region) polygons (GeoJSON FeatureCollection)."""
    return _data_json("syria_admin1.geojson")


def country_outline() -> dict[str, Any]:
    """Return the country outline (GeoJSON FeatureCollection)."""
    return _data_json("syria_outline.geojson")
