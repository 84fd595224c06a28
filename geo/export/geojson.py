"""GeoJSON export: one RFC 7946 file per layer, written by GDAL with ``RFC7946=YES``, each with its QGIS style.

GDAL's RFC 7946 mode writes longitude/latitude (CRS84) without a ``crs`` member, polygons
with counter-clockwise exterior rings, geometries crossing the antimeridian split, and a
``bbox``; coordinates are rounded to :data:`COORDINATE_PRECISION` decimals (6: about 0.1 m).
A missing date is JSON ``null``, never an empty string.

Beside each ``<layer>.geojson`` goes ``<layer>.qml``, the layer's style from
:func:`geo.export.styles.layer_qml` (the one the GeoPackage keeps in ``layer_styles``):
QGIS loads a ``.qml`` of the same name as a file's default style, so each layer opens
coloured by controller and, for the dated layers, with the Temporal Controller on.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import geopandas as gpd

from geo.export.layers import SCHEMA, TEMPORAL_LAYERS
from geo.export.ogr import staging_dir, write_layer
from geo.export.styles import layer_qml
from geo.output import check_target, publish_all

__all__ = ["write_geojson", "COORDINATE_PRECISION", "SUFFIX", "STYLE_SUFFIX"]

COORDINATE_PRECISION = 6
SUFFIX = ".geojson"
STYLE_SUFFIX = ".qml"


def write_geojson(layers: dict[str, gpd.GeoDataFrame], folder: Path, *, inputs: Iterable[Path] = ()) -> list[Path]:
    """Write each layer to ``folder/<layer>.geojson`` and its style to ``<layer>.qml``, each file replaced atomically.

    Parameters
    ----------
    layers : dict of str to geopandas.GeoDataFrame
        From :func:`geo.export.layers.build_layers`.
    folder : pathlib.Path
        Output folder, created if missing.
    inputs : iterable of pathlib.Path
        The run's inputs, never overwritten (:func:`geo.output.publish_all`).

    Returns
    -------
    list of pathlib.Path
        The written files, in layer order, each layer's ``.geojson`` then its ``.qml``.

    Raises
    ------
    OutputError
        The folder or a file cannot be written.
    """
    written: list[Path] = []
    folder = check_target(folder, inputs=inputs, folder=True) if folder.exists() else folder
    with staging_dir(folder, "GeoJSON layers") as tmp:
        for name, gdf in layers.items():
            path = tmp / f"{name}{SUFFIX}"
            write_layer(path, gdf, SCHEMA[name], name, driver="GeoJSON",
                        RFC7946="YES", COORDINATE_PRECISION=str(COORDINATE_PRECISION),
                        WRITE_NAME="YES")
            style = tmp / f"{name}{STYLE_SUFFIX}"
            controllers = gdf["controller"] if "controller" in gdf else ()
            style.write_text(layer_qml(name, controllers, temporal=name in TEMPORAL_LAYERS,
                                       palette=gdf.attrs.get("factions")), encoding="utf-8")
            written += [path, style]
        return publish_all([(p, folder / p.name) for p in written], inputs=inputs)
