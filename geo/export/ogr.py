"""Writing one layer with GDAL (through pyogrio's raw writer) with typed fields, and atomic files.

pyogrio's ``write_dataframe`` writes a ``datetime.date`` column as a String field and a
pandas datetime column as a DateTime field. GDAL's Date type (OFTDate) comes from a numpy
``datetime64[D]`` array passed to :func:`pyogrio.raw.write`, which pandas (whose datetimes
have at least second resolution) cannot hold; so the fields are built here as numpy arrays
from the layer :data:`~geo.export.layers.SCHEMA`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyogrio.errors import DataLayerError, DataSourceError
from pyogrio.raw import write

from geo.errors import OutputError
from geo.output import staging

__all__ = ["field_arrays", "write_layer", "staging_dir", "geometry_type", "FULL_BYTES"]

#: Free space below which a failed write is put down to a full disk.
FULL_BYTES = 1 << 20

_DTYPES = {"int": np.int64, "float": np.float64, "bool": np.bool_}


def _missing(v: Any) -> bool:
    return v is None or (not isinstance(v, (str, bytes, dt.date)) and bool(pd.isna(v)))


def _array(values: list[Any], kind: str) -> tuple[np.ndarray, np.ndarray | None]:
    """One field's values as (array, null mask or None)."""
    mask = np.array([_missing(v) for v in values], dtype=bool)
    if kind == "date":
        arr = np.array([np.datetime64("NaT") if m else np.datetime64(v, "D")
                        for v, m in zip(values, mask, strict=True)], dtype="datetime64[D]")
        return arr, None
    if kind == "str":
        return np.array([None if m else str(v) for v, m in zip(values, mask, strict=True)],
                        dtype=object), None
    filled = [0 if m else v for v, m in zip(values, mask, strict=True)]
    arr = np.array(filled, dtype=_DTYPES[kind])
    return arr, (mask if mask.any() else None)


def field_arrays(gdf: gpd.GeoDataFrame, schema: dict[str, str]) -> tuple[list[np.ndarray], list[np.ndarray | None]]:
    """Return the field arrays and null masks of ``gdf`` typed after ``schema``.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        A layer from :func:`geo.export.layers.build_layers`.
    schema : dict
        Field name -> ``str``, ``date``, ``int``, ``float`` or ``bool``.

    Returns
    -------
    tuple of list
        Arrays (dates as ``datetime64[D]`` with NaT for null) and masks (None: no nulls).
    """
    pairs = [_array(list(gdf[c]) if len(gdf) else [], kind) for c, kind in schema.items()]
    return [a for a, _ in pairs], [m for _, m in pairs]


def geometry_type(gdf: gpd.GeoDataFrame) -> str:
    """Return the one OGR geometry type of a layer (multi-part for lines and polygons, else Unknown)."""
    kinds = {t.removeprefix("Multi") for t in gdf.geometry.dropna().geom_type}
    if kinds == {"Point"}:
        return "Point"
    if kinds in ({"LineString"}, {"Polygon"}):
        return "Multi" + kinds.pop()
    return "Unknown" if kinds else "Point"


def write_layer(path: Path, gdf: gpd.GeoDataFrame, schema: dict[str, str], layer: str, *,
                driver: str, geom_type: str | None = None,
                dataset_options: dict[str, str] | None = None, **layer_options: Any) -> None:
    """Write one layer with typed fields (EPSG:4326, polygons with counter-clockwise exteriors).

    Parameters
    ----------
    path : pathlib.Path
        Dataset to write (a GeoPackage gets the layer added).
    gdf : geopandas.GeoDataFrame
        The layer.
    schema : dict
        Field types, see :func:`field_arrays`.
    layer : str
        Layer name.
    driver : str
        OGR driver name (``GPKG``, ``GeoJSON``).
    geom_type : str, optional
        OGR geometry type; :func:`geometry_type` by default.
    dataset_options : dict, optional
        Dataset creation options (used when the file is created).
    **layer_options
        Layer creation options for the driver.
    """
    geoms = shapely.orient_polygons(np.asarray(gdf.geometry.values, dtype=object), exterior_cw=False)
    gtype = geom_type or geometry_type(gdf)
    if gtype.startswith("Multi"):
        geoms = np.array([g if g is None or g.geom_type.startswith("Multi") else
                          shapely.multipolygons([g]) if g.geom_type == "Polygon" else
                          shapely.multilinestrings([g]) for g in geoms], dtype=object)
    arrays, masks = field_arrays(gdf, schema)
    write(str(path), shapely.to_wkb(geoms, output_dimension=2), arrays, list(schema),
          field_mask=masks if any(m is not None for m in masks) else None, layer=layer,
          driver=driver, geometry_type=gtype, crs="EPSG:4326", encoding="UTF-8",
          dataset_options=dataset_options if not path.exists() else None,
          layer_options=layer_options or None)


def _full(folder: Path) -> bool:
    """Whether the file system of ``folder`` has (almost) no room left."""
    try:
        return shutil.disk_usage(folder).free < FULL_BYTES
    except OSError:
        return False


@contextlib.contextmanager
def staging_dir(near: Path, what: str) -> Iterator[Path]:
    """Yield a temporary folder in ``near`` (:func:`geo.output.staging`), GDAL's failures as one-line errors.

    Raises
    ------
    OutputError
        The folder cannot be created, or GDAL cannot write in it (a full disk is named as such);
        the temporary folder is always removed.
    """
    with staging(near, what) as tmp:
        try:
            yield tmp
        except (DataSourceError, DataLayerError) as exc:
            reason = "the disk is full" if _full(near) else str(exc).splitlines()[0]
            raise OutputError(f"cannot write {what} in {near}: {reason}; free some space or choose "
                              "another --out path") from exc
