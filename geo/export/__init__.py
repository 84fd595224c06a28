"""Export of the control map's layers for QGIS and other tools: GeoJSON, GeoPackage, CSV, a QGIS project.

Public API: :func:`export`, :func:`build_layers`, :data:`FORMATS`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from gazetteer import PlaceNotFoundError, default_gazetteer
from geo.errors import UsageError
from geo.export.events_csv import write_events_csv
from geo.export.geojson import write_geojson
from geo.export.gpkg import write_gpkg
from geo.export.layers import LAYERS, build_layers
from geo.export.qgis_project import write_qgis_project
from geo.layers.data import MapData
from geo.output import check_target as output_target

__all__ = ["export", "check_target", "build_layers", "FORMATS", "LAYERS"]

#: Export formats and what ``out`` is for each.
FORMATS: dict[str, str] = {"geojson": "folder", "gpkg": "file", "csv": "file", "qgis": "file"}
_SUFFIXES = {"gpkg": ".gpkg", "csv": ".csv", "qgis": ".qgz"}


def gazetteer_country(place_id: str) -> str | None:
    """Return the ISO alpha-2 country of a gazetteer place, None when the gazetteer does not know it."""
    try:
        return default_gazetteer().get(place_id).country
    except PlaceNotFoundError:
        return None


def _writer(fmt: str, inputs: list[Path]) -> Callable[[MapData, Path], list[Path]]:
    if fmt == "geojson":
        return lambda data, out: write_geojson(build_layers(data), out, inputs=inputs)
    if fmt == "gpkg":
        return lambda data, out: write_gpkg(build_layers(data), out, inputs=inputs)
    if fmt == "qgis":
        return lambda data, out: write_qgis_project(build_layers(data), out, data.title, inputs=inputs)
    return lambda data, out: write_events_csv(data, out, gazetteer_country, inputs=inputs)


def export(data: MapData, fmt: str, out: Path, *, inputs: Iterable[Path] = ()) -> list[Path]:
    """Export the map's layers.

    Parameters
    ----------
    data : MapData
        The map's data (the renderer's input). With ``data.date`` None: the full history
        with ``valid_from`` / ``valid_to`` per row; with a date: the state on that day
        (and, for csv, the events up to it).
    fmt : str
        ``geojson`` (one RFC 7946 file and one QGIS ``.qml`` style per layer), ``gpkg``
        (all layers, Date fields, default QGIS styles), ``csv`` (ACLED-compatible events,
        and beside them the reports ACLED would not code) or ``qgis`` (a ``.qgz`` project
        over a GeoPackage of the same name beside it).
    out : pathlib.Path
        A folder for ``geojson``, a file for the others (``.qgz`` for ``qgis``); created or
        replaced.
    inputs : iterable of pathlib.Path
        The files the run read (:func:`geo.output.corpus_inputs`, :func:`geo.output.store_inputs`):
        an ``out`` that is one of them is refused.

    Returns
    -------
    list of pathlib.Path
        The written files.

    Raises
    ------
    UsageError
        ``fmt`` is not one of :data:`FORMATS`, or ``out`` is the wrong kind of path.
    OutputError
        An output cannot be written.
    """
    key = check_target(fmt, out, inputs=inputs)
    return _writer(key, list(inputs))(data, Path(out))


def check_target(fmt: str, out: Path, *, inputs: Iterable[Path] = ()) -> str:
    """Check an export format and its ``out`` path before any work; return the format's key.

    Raises
    ------
    UsageError
        ``fmt`` is not one of :data:`FORMATS`, ``out`` is the wrong kind of path, or it (or the
        GeoPackage beside a project) is an input of the run.
    """
    key = str(fmt).strip().lower()
    if key not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
    out = Path(out)
    if FORMATS[key] == "file" and out.is_dir():
        example = out / ("map" + _SUFFIXES.get(key, "." + key))
        raise UsageError(f"--out {out} is a folder; {key} export writes one file, e.g. {example}")
    if FORMATS[key] == "folder" and out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is a file; geojson export writes one file per layer into a folder")
    if key == "qgis" and out.suffix.lower() != ".qgz":
        raise UsageError(f"--out {out} is not a .qgz file; the QGIS project is written as FILE.qgz, "
                         f"e.g. --out {out.with_suffix('.qgz')}")
    inputs = list(inputs)
    if FORMATS[key] == "file":
        output_target(out, inputs=inputs)
        if key == "qgis":
            output_target(out.with_suffix(".gpkg"), inputs=inputs, option=f"the GeoPackage beside --out {out}:")
    elif out.exists():
        output_target(out, inputs=inputs, folder=True)
    return key
