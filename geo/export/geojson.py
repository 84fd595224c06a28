"""GeoJSON export: one RFC 7946 file per layer, written by GDAL with ``RFC7946=YES``.

GDAL's RFC 7946 mode writes longitude/latitude (CRS84) without a ``crs`` member, polygons
with counter-clockwise exterior rings, geometries crossing the antimeridian split, and a
``bbox``; coordinates are rounded to :data:`COORDINATE_PRECISION` decimals (6: about 0.1 m).
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd

from geo.export.layers import SCHEMA
from geo.export.ogr import publish, staging_dir, write_layer

__all__ = ["write_geojson", "COORDINATE_PRECISION", "SUFFIX"]

COORDINATE_PRECISION = 6
SUFFIX = ".geojson"


def write_geojson(layers: dict[str, gpd.GeoDataFrame], folder: Path) -> list[Path]:
    """Write each layer to ``folder/<layer>.geojson``, each file replaced atomically.

    Parameters
    ----------
    layers : dict of str to geopandas.GeoDataFrame
        From :func:`geo.export.layers.build_layers`.
    folder : pathlib.Path
        Output folder, created if missing.

    Returns
    -------
    list of pathlib.Path
        The written files, in layer order.

    Raises
    ------
    OutputError
        The folder or a file cannot be written.
    """
    written: list[Path] = []
    with staging_dir(folder, "GeoJSON layers") as tmp:
        for name, gdf in layers.items():
            path = tmp / f"{name}{SUFFIX}"
            write_layer(path, gdf, SCHEMA[name], name, driver="GeoJSON",
                        RFC7946="YES", COORDINATE_PRECISION=str(COORDINATE_PRECISION),
                        WRITE_NAME="YES")
            written.append(path)
        return [publish(p, folder / p.name) for p in written]
