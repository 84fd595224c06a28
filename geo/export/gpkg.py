"""GeoPackage export: every layer in one file, real Date fields, default QGIS styles.

``valid_from`` / ``valid_to`` (and the other date columns) are GDAL Date fields (OFTDate,
stored as ``DATE`` in SQLite), so QGIS's Temporal Controller can use them. Each layer gets a
default style in the ``layer_styles`` table, the table QGIS reads and writes for styles kept
in a GeoPackage (created here through GDAL as a plain attribute table with QGIS's columns),
so the layers open coloured. The file is built in a temporary folder and moved into place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

from geo.export.layers import GEOMETRY_TYPES, SCHEMA, TEMPORAL_LAYERS
from geo.export.ogr import staging_dir, write_layer
from geo.export.styles import layer_qml
from geo.output import check_target, publish_all

__all__ = ["write_gpkg", "STYLE_TABLE", "GEOMETRY_COLUMN", "STYLE_NAME"]

STYLE_TABLE = "layer_styles"
GEOMETRY_COLUMN = "geom"
STYLE_NAME = "geo default"
#: GeoPackage 1.2: read without warnings by older GDAL (Debian's QGIS uses GDAL 3.6).
DATASET_OPTIONS = {"VERSION": "1.2"}


def style_rows(layers: dict[str, gpd.GeoDataFrame], now: dt.datetime) -> pd.DataFrame:
    """Return the ``layer_styles`` rows: one default style per layer.

    Parameters
    ----------
    layers : dict of str to geopandas.GeoDataFrame
        The layers, for their names and controllers.
    now : datetime.datetime
        ``update_time`` of every row (timezone-aware, UTC: GeoPackage wants ``...Z``).

    Returns
    -------
    pandas.DataFrame
        Columns as QGIS creates them.
    """
    rows = []
    for name, gdf in layers.items():
        ctrl = gdf["controller"] if "controller" in gdf else []
        rows.append({"f_table_catalog": "", "f_table_schema": "", "f_table_name": name,
                     "f_geometry_column": GEOMETRY_COLUMN, "styleName": STYLE_NAME,
                     "styleQML": layer_qml(name, ctrl, temporal=name in TEMPORAL_LAYERS,
                                           palette=gdf.attrs.get("factions")),
                     "styleSLD": "", "useAsDefault": True,
                     "description": f"{name}: default style written by geo export",
                     "owner": "", "ui": None, "update_time": now})
    df = pd.DataFrame(rows)
    df["update_time"] = pd.to_datetime(df["update_time"], utc=True).astype("datetime64[ms, UTC]")
    df["useAsDefault"] = df["useAsDefault"].astype(bool)
    return df


def write_gpkg(layers: dict[str, gpd.GeoDataFrame], path: Path, *, inputs: Iterable[Path] = ()) -> list[Path]:
    """Write all layers and their default styles to one GeoPackage, atomically.

    Parameters
    ----------
    layers : dict of str to geopandas.GeoDataFrame
        From :func:`geo.export.layers.build_layers`.
    path : pathlib.Path
        The ``.gpkg`` file; an existing one is replaced whole.
    inputs : iterable of pathlib.Path
        The run's inputs, never overwritten (:func:`geo.output.publish_all`).

    Returns
    -------
    list of pathlib.Path
        ``[path]``.

    Raises
    ------
    OutputError
        The file or its folder cannot be written.
    """
    inputs = list(inputs)
    real = check_target(path, inputs=inputs)
    with staging_dir(real.parent, f"GeoPackage {path.name}") as tmp:
        work = tmp / path.name
        for name, gdf in layers.items():
            write_layer(work, gdf, SCHEMA[name], name, driver="GPKG", geom_type=GEOMETRY_TYPES[name],
                        dataset_options=DATASET_OPTIONS, GEOMETRY_NAME=GEOMETRY_COLUMN,
                        SPATIAL_INDEX="YES")
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        pyogrio.write_dataframe(style_rows(layers, now), work, layer=STYLE_TABLE, driver="GPKG")
        return publish_all([(work, path)], inputs=inputs)
