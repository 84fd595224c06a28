"""Open an export in QGIS (headless) as QGIS would, and report how each layer comes up.

Run with Debian's Python, which has the ``qgis`` bindings (``apt-get install python3-qgis``):

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tests/qgis_check.py OUT [YYYY-MM-DD ...]

``OUT`` is a GeoPackage, a folder of GeoJSON layers or a ``.qgz`` project. A GeoPackage's
layers are loaded as ``OUT.gpkg|layername=NAME`` with their default style (the row of the
``layer_styles`` table); a GeoJSON layer as ``OUT/NAME.geojson`` alone (QGIS finds the
``.qml`` beside it); a project is read with ``QgsProject.read`` and its layers described as
the project made them. One JSON object is printed: per layer validity, feature count,
renderer type, category values, whether labels and the Temporal Controller are on, and the
field types; for the places layer also which places (and controllers) the Temporal
Controller shows on each date given; for a project also its legend groups, drawing order,
time settings, view extent and CRS.
Exit status 0 also when a check fails: the caller asserts on the JSON. ``os._exit`` ends the
process because ``exitQgis`` can crash on shutdown in headless use.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402  (needs the environment above)
    Qgis,
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsDateTimeRange,
    QgsFeatureRequest,
    QgsLayerTreeGroup,
    QgsProject,
    QgsVectorLayer,
    QgsVectorLayerTemporalContext,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime  # noqa: E402

LAYERS = ("places", "events", "control_areas", "front_lines", "distance_rings", "governorates")


def shown_on(layer: QgsVectorLayer, day: str) -> list[list[str]]:
    """``[place_id, controller]`` of the features the Temporal Controller shows on ``day``.

    The frame is the whole day, from 00:00 to 00:00 of the next day (end excluded), as a
    one-day step of QGIS's Temporal Controller.
    """
    d = QDate.fromString(day, "yyyy-MM-dd")
    frame = QgsDateTimeRange(QDateTime(d, QTime(0, 0)), QDateTime(d.addDays(1), QTime(0, 0)),
                             True, False)
    ctx = QgsVectorLayerTemporalContext()
    ctx.setLayer(layer)
    expr = layer.temporalProperties().createFilterString(ctx, frame)
    request = QgsFeatureRequest().setFilterExpression(expr) if expr else QgsFeatureRequest()
    return sorted([str(f["place_id"]), str(f["controller"])] for f in layer.getFeatures(request))


def describe(path: str, name: str, days: list[str]) -> dict[str, Any]:
    """Load one layer of a GeoPackage with its default style and describe what QGIS made of it."""
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    if not layer.isValid():
        return {"valid": False}
    message, loaded = layer.loadDefaultStyle()
    return {"valid": True, "style_loaded": bool(loaded), "style_message": message, **about(layer, name, days)}


def describe_geojson(folder: str, name: str, days: list[str]) -> dict[str, Any]:
    """Load one GeoJSON file by its path alone, then with its default style (the ``.qml`` beside it).

    ``on_open`` is what the bare constructor gave (it applies the ``.qml``'s symbology but,
    in QGIS 3.22, resets the time settings to the provider's); the rest is after
    ``loadDefaultStyle()``, as QGIS's own "Add layer" does.
    """
    layer = QgsVectorLayer(os.path.join(folder, f"{name}.geojson"), name, "ogr")
    if not layer.isValid():
        return {"valid": False}
    on_open = {"renderer": type(layer.renderer()).__name__, "temporal_active": layer.temporalProperties().isActive()}
    message, loaded = layer.loadDefaultStyle()
    return {"valid": True, "on_open": on_open, "style_loaded": bool(loaded), "style_message": message,
            **about(layer, name, days)}


def about(layer: QgsVectorLayer, name: str, days: list[str]) -> dict[str, Any]:
    """What QGIS made of a loaded layer: style, time settings, fields (``name`` is the export layer)."""
    out: dict[str, Any] = {}
    renderer = layer.renderer()
    temporal = layer.temporalProperties()
    out.update(
        source=layer.source(), features=layer.featureCount(),
        crs=layer.crs().authid(), renderer=type(renderer).__name__,
        renderer_type=renderer.type(), labels=layer.labelsEnabled(),
        temporal_active=temporal.isActive(), temporal_mode=int(temporal.mode()),
        start_field=temporal.startField(), end_field=temporal.endField(),
        start_expression=temporal.startExpression(), end_expression=temporal.endExpression(),
        fields={f.name(): f.typeName() for f in layer.fields()},
    )
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        out["categories"] = [str(c.value()) for c in renderer.categories()]
        out["category_colours"] = {str(c.value()): c.symbol().color().name()
                                   for c in renderer.categories()}
        out["attribute"] = renderer.classAttribute()
    if name == "places":
        out["shown_on"] = {day: shown_on(layer, day) for day in days}
    return out


def _groups(group: QgsLayerTreeGroup) -> list[list[Any]]:
    return [[g.name(), [leaf.layer().name() if leaf.layer() else None for leaf in g.findLayers()]]
            for g in group.children() if isinstance(g, QgsLayerTreeGroup)]


def describe_project(path: str, days: list[str]) -> dict[str, Any]:
    """Read a project as QGIS does and describe its layers, legend, drawing order, time and view."""
    project = QgsProject.instance()
    read = project.read(path)
    root = project.layerTreeRoot()
    time = project.timeSettings()
    span = time.temporalRange()
    view = project.viewSettings().defaultViewExtent()
    layers = {}
    for layer in project.mapLayers().values():
        source = layer.source()
        export_name = source.rsplit("layername=", 1)[-1] if "layername=" in source else layer.name()
        layers[export_name] = {"valid": layer.isValid(), "title": layer.name(),
                               **(about(layer, export_name, days) if layer.isValid() else {})}
    mode, _ = project.readNumEntry("TemporalControllerWidget", "/NavigationMode", -1)
    return {
        "read": bool(read), "crs": project.crs().authid(), "title": project.title(),
        "groups": _groups(root), "custom_order": root.hasCustomLayerOrder(),
        "drawing_order": [layer.name() for layer in root.layerOrder()],
        "time_range": [span.begin().toString("yyyy-MM-dd"), span.end().toString("yyyy-MM-dd")],
        "time_step": [time.timeStep(), int(time.timeStepUnit())], "navigation_mode": mode,
        "view_extent": [view.xMinimum(), view.yMinimum(), view.xMaximum(), view.yMaximum()],
        "layers": layers,
    }


def main(argv: list[str]) -> int:
    """Describe every layer of the export named on the command line (dates optional)."""
    if len(argv) < 2:
        print("usage: qgis_check.py OUT.gpkg|FOLDER|OUT.qgz [YYYY-MM-DD ...]", file=sys.stderr)
        return 2
    app = QgsApplication([], False)
    app.initQgis()
    path, days = argv[1], argv[2:]
    if path.endswith((".qgz", ".qgs")):
        report = {"qgis": Qgis.QGIS_VERSION, **describe_project(path, days)}
    else:
        one = describe_geojson if os.path.isdir(path) else describe
        report = {"qgis": Qgis.QGIS_VERSION, "layers": {name: one(path, name, days) for name in LAYERS}}
    print(json.dumps(report))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    code = main(sys.argv)
    sys.stdout.flush()
    os._exit(code)
