"""Open an exported GeoPackage in QGIS (headless) and report how each layer comes up.

Run with Debian's Python, which has the ``qgis`` bindings (``apt-get install python3-qgis``):

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tests/qgis_check.py OUT.gpkg [YYYY-MM-DD ...]

For each layer it loads ``OUT.gpkg|layername=NAME`` with its default style (the row of the
``layer_styles`` table) and prints one JSON object: validity, feature count, renderer type,
category values, whether labels and the Temporal Controller are on, and the field types;
for the places layer also which places (and controllers) the Temporal Controller shows on
each date given.
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
    """Load one layer with its default style and describe what QGIS made of it."""
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    out: dict[str, Any] = {"valid": layer.isValid()}
    if not layer.isValid():
        return out
    message, loaded = layer.loadDefaultStyle()
    renderer = layer.renderer()
    temporal = layer.temporalProperties()
    out.update(
        style_loaded=bool(loaded), style_message=message, features=layer.featureCount(),
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


def main(argv: list[str]) -> int:
    """Describe every layer of the GeoPackage named on the command line (dates optional)."""
    if len(argv) < 2:
        print("usage: qgis_check.py OUT.gpkg [YYYY-MM-DD ...]", file=sys.stderr)
        return 2
    app = QgsApplication([], False)
    app.initQgis()
    report = {"qgis": Qgis.QGIS_VERSION,
              "layers": {name: describe(argv[1], name, argv[2:]) for name in LAYERS}}
    print(json.dumps(report))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    code = main(sys.argv)
    sys.stdout.flush()
    os._exit(code)
