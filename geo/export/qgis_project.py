"""A QGIS project (``.qgz``) over a GeoPackage written beside it: styled, time-enabled, framed on the data.

``geo export --format qgis --out maps/control.qgz`` writes ``maps/control.gpkg`` (the
GeoPackage export, :mod:`geo.export.gpkg`) and ``maps/control.qgz``, a zip holding one
``control.qgs`` whose layers point at the GeoPackage by a relative path, so the two files
can be moved together. In the project:

- every layer carries its style (the same QML as the GeoPackage's default styles,
  :func:`geo.export.styles.layer_qml`), including the Temporal Controller settings of the
  dated layers, so nothing depends on QGIS loading a default style;
- the legend has two groups, *Reported* (events, places, distance rings, governorates:
  what the articles say) and *Inferred* (front lines and control areas: drawn by geo);
  layers are drawn points over lines over areas, governorates at the bottom;
- the project's time range runs from the first to the day after the last date of the
  map, in one-day steps, with the Temporal Controller in animation mode;
- the map opens on the extent of the data (the admin-1 polygons, places and rings),
  in WGS 84.

The XML is built with ElementTree (values from the data are escaped).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable
from pathlib import Path

import geopandas as gpd

from geo.dates import shift
from geo.export.gpkg import write_gpkg
from geo.export.layers import GEOMETRY_TYPES, TEMPORAL_LAYERS
from geo.export.ogr import staging_dir
from geo.export.styles import layer_qml
from geo.output import check_target, publish_all

__all__ = ["GROUPS", "DRAWING_ORDER", "LAYER_TITLES", "project_xml", "write_qgis_project", "time_range"]

#: Legend groups and their layers, in legend order.
GROUPS: dict[str, tuple[str, ...]] = {
    "Reported": ("events", "places", "distance_rings", "governorates"),
    "Inferred": ("front_lines", "control_areas"),
}
#: Drawing order, top first: points over lines over areas, the governorates at the bottom.
DRAWING_ORDER: tuple[str, ...] = ("events", "places", "front_lines", "distance_rings", "control_areas",
                                  "governorates")
#: Layer names shown in the legend.
LAYER_TITLES: dict[str, str] = {
    "events": "Events", "places": "Places", "distance_rings": "Distance rings", "governorates": "Governorates",
    "front_lines": "Front lines (inferred)", "control_areas": "Control areas (inferred)",
}
_QGIS_VERSION = "3.22.0-Białowieża"
_GEOMETRY = {"Point": "Point", "MultiLineString": "Line", "MultiPolygon": "Polygon"}
_MARGIN = 0.05
_WGS84 = {
    "proj4": "+proj=longlat +datum=WGS84 +no_defs", "srsid": "3452", "srid": "4326", "authid": "EPSG:4326",
    "description": "WGS 84", "projectionacronym": "longlat", "ellipsoidacronym": "EPSG:7030",
    "geographicflag": "true",
}


def _srs(parent: ET.Element) -> None:
    srs = ET.SubElement(parent, "spatialrefsys", nativeFormat="Wkt")
    for key, value in _WGS84.items():
        ET.SubElement(srs, key).text = value


def _extent(parent: ET.Element, tag: str, box: tuple[float, float, float, float]) -> ET.Element:
    ext = ET.SubElement(parent, tag)
    for key, value in zip(("xmin", "ymin", "xmax", "ymax"), box, strict=True):
        ET.SubElement(ext, key).text = repr(float(value))
    return ext


def data_extent(layers: dict[str, gpd.GeoDataFrame]) -> tuple[float, float, float, float]:
    """Return ``(xmin, ymin, xmax, ymax)`` of every geometry of the layers, with a margin of 5 %.

    Without any geometry: the whole world.
    """
    boxes = [gdf.geometry.dropna().total_bounds for gdf in layers.values() if gdf.geometry.notna().any()]
    if not boxes:
        return (-180.0, -90.0, 180.0, 90.0)
    xmin, ymin = min(b[0] for b in boxes), min(b[1] for b in boxes)
    xmax, ymax = max(b[2] for b in boxes), max(b[3] for b in boxes)
    dx, dy = max(xmax - xmin, 0.1) * _MARGIN, max(ymax - ymin, 0.1) * _MARGIN
    return (float(xmin - dx), float(ymin - dy), float(xmax + dx), float(ymax + dy))


def time_range(layers: dict[str, gpd.GeoDataFrame]) -> tuple[dt.date, dt.date] | None:
    """Return the first date and the day after the last date of the dated layers (None: no dates).

    The end is exclusive, as the Temporal Controller's frames are.
    """
    days: list[dt.date] = []
    for name in TEMPORAL_LAYERS:
        gdf = layers.get(name)
        if gdf is None:
            continue
        for column in ("valid_from", "valid_to"):
            days += [d for d in gdf[column] if isinstance(d, dt.date)]
    if not days:
        return None
    return min(days), shift(max(days), 1)


def _layer_id(name: str) -> str:
    return f"{name}_geo_export"  # QGIS keeps a layer id only if it is longer than 10 characters


def _maplayer(parent: ET.Element, name: str, gdf: gpd.GeoDataFrame, source: str) -> None:
    style = ET.fromstring(layer_qml(name, gdf["controller"] if "controller" in gdf else (),
                                    temporal=name in TEMPORAL_LAYERS, palette=gdf.attrs.get("factions"))
                          .split("\n", 1)[1])
    wkb = GEOMETRY_TYPES[name]
    layer = ET.SubElement(parent, "maplayer", type="vector", geometry=_GEOMETRY[wkb], wkbType=wkb,
                          labelsEnabled=style.get("labelsEnabled", "0"), hasScaleBasedVisibilityFlag="0",
                          readOnly="0", autoRefreshEnabled="0", refreshOnNotifyEnabled="0",
                          styleCategories="AllStyleCategories")
    if gdf.geometry.notna().any():
        _extent(layer, "extent", tuple(gdf.geometry.dropna().total_bounds))
    ET.SubElement(layer, "id").text = _layer_id(name)
    ET.SubElement(layer, "datasource").text = source
    ET.SubElement(layer, "layername").text = LAYER_TITLES[name]
    _srs(ET.SubElement(layer, "srs"))
    ET.SubElement(layer, "provider", encoding="UTF-8").text = "ogr"
    layer.extend(list(style))


def _tree(root: ET.Element, layers: dict[str, gpd.GeoDataFrame], gpkg_name: str) -> None:
    tree = ET.SubElement(root, "layer-tree-group")
    ET.SubElement(tree, "customproperties")
    for group, names in GROUPS.items():
        node = ET.SubElement(tree, "layer-tree-group", name=group, checked="Qt::Checked", expanded="1")
        ET.SubElement(node, "customproperties")
        for name in (n for n in names if n in layers):
            leaf = ET.SubElement(node, "layer-tree-layer", id=_layer_id(name), name=LAYER_TITLES[name],
                                 source=f"./{gpkg_name}|layername={name}", providerKey="ogr",
                                 checked="Qt::Checked", expanded="1", legend_exp="")
            ET.SubElement(leaf, "customproperties")
    ET.SubElement(tree, "custom-order", enabled="1").extend(
        _item(_layer_id(n)) for n in DRAWING_ORDER if n in layers)


def _item(text: str) -> ET.Element:
    item = ET.Element("item")
    item.text = text
    return item


def _properties(root: ET.Element) -> None:
    props = ET.SubElement(root, "properties")
    paths = ET.SubElement(props, "Paths")
    ET.SubElement(paths, "Absolute", type="bool").text = "false"
    srs = ET.SubElement(props, "SpatialRefSys")
    ET.SubElement(srs, "ProjectionsEnabled", type="int").text = "1"
    widget = ET.SubElement(props, "TemporalControllerWidget")
    ET.SubElement(widget, "NavigationMode", type="int").text = "1"  # animated, frame by frame


def _time(root: ET.Element, span: tuple[dt.date, dt.date] | None) -> None:
    settings = ET.SubElement(root, "ProjectTimeSettings", timeStepUnit="d", timeStep="1", frameRate="1",
                             cumulativeTemporalRange="0")
    if span is not None:
        rng = ET.SubElement(settings, "TemporalRange")
        ET.SubElement(rng, "start").text = f"{span[0].isoformat()}T00:00:00Z"
        ET.SubElement(rng, "end").text = f"{span[1].isoformat()}T00:00:00Z"


def project_xml(layers: dict[str, gpd.GeoDataFrame], gpkg_name: str, title: str) -> str:
    """Return the ``.qgs`` XML of a project over the GeoPackage ``gpkg_name`` beside it (pure).

    Parameters
    ----------
    layers : dict of str to geopandas.GeoDataFrame
        From :func:`geo.export.layers.build_layers`, as written to the GeoPackage.
    gpkg_name : str
        File name of the GeoPackage, in the project's folder.
    title : str
        The project's title.
    inputs : iterable of pathlib.Path
        The run's inputs, never overwritten (:func:`geo.output.publish_all`).

    Returns
    -------
    str
        A QGIS 3 project document.
    """
    root = ET.Element("qgis", projectname=title, version=_QGIS_VERSION)
    ET.SubElement(root, "homePath", path="")
    ET.SubElement(root, "title").text = title
    ET.SubElement(root, "transaction", mode="Disabled")
    ET.SubElement(root, "projectFlags", set="")
    _srs(ET.SubElement(root, "projectCrs"))
    _tree(root, layers, gpkg_name)
    box = data_extent(layers)
    canvas = ET.SubElement(root, "mapcanvas", name="theMapCanvas", annotationsVisible="1")
    ET.SubElement(canvas, "units").text = "degrees"
    _extent(canvas, "extent", box)
    ET.SubElement(canvas, "rotation").text = "0"
    _srs(ET.SubElement(canvas, "destinationsrs"))
    projectlayers = ET.SubElement(root, "projectlayers")
    for name in DRAWING_ORDER:
        if name in layers:
            _maplayer(projectlayers, name, layers[name], f"./{gpkg_name}|layername={name}")
    order = ET.SubElement(root, "layerorder")
    for name in DRAWING_ORDER:
        if name in layers:
            ET.SubElement(order, "layer", id=_layer_id(name))
    _properties(root)
    view = ET.SubElement(root, "ProjectViewSettings", UseProjectScales="0")
    ET.SubElement(view, "Scales")
    default = ET.SubElement(view, "DefaultViewExtent",
                            dict(zip(("xmin", "ymin", "xmax", "ymax"), map(repr, box), strict=True)))
    _srs(default)
    _time(root, time_range(layers))
    body = ET.tostring(root, encoding="unicode")
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + body + "\n"


def write_qgis_project(layers: dict[str, gpd.GeoDataFrame], path: Path, title: str, *,
                       inputs: Iterable[Path] = ()) -> list[Path]:
    """Write ``<stem>.gpkg`` and the project ``path`` (``.qgz``) beside it, each atomically.

    Parameters
    ----------
    layers : dict of str to geopandas.GeoDataFrame
        From :func:`geo.export.layers.build_layers`.
    path : pathlib.Path
        The ``.qgz`` file.
    title : str
        The project's title.

    Returns
    -------
    list of pathlib.Path
        ``[path, the GeoPackage]``.

    Raises
    ------
    OutputError
        A file or its folder cannot be written.
    """
    gpkg = path.with_suffix(".gpkg")
    inputs = list(inputs)
    real = check_target(path, inputs=inputs)
    check_target(gpkg, inputs=inputs)
    with staging_dir(real.parent, f"QGIS project {path.name}") as tmp:
        staged_gpkg = write_gpkg(layers, tmp / gpkg.name)[0]
        staged = tmp / path.name
        with zipfile.ZipFile(staged, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(f"{path.stem}.qgs", project_xml(layers, gpkg.name, title))
        # the data first: a project never points at a missing file
        return publish_all([(staged_gpkg, gpkg), (staged, path)], inputs=inputs)[::-1]
