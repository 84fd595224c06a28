"""Default QGIS styles (QML) of the export layers, in the map's faction colours.

Places, control areas and governorates are categorised by ``controller`` (one category per
faction present, coloured as on the HTML map); areas and rings are translucent; front lines
are dashed; places and governorates are labelled with their name. The XML is built with
ElementTree, so category values taken from the data are escaped.

Every temporal layer's style turns on QGIS's Temporal Controller from ``valid_from`` /
``valid_to``. Not with mode 2 (start and end *fields*): QGIS 3.22 compares a Date field
with the frame's DateTime as if the date were a day earlier (``"valid_to" >=
make_datetime(2024,11,29,0,0,0)`` is false for ``valid_to`` 2024-11-29), so a place would
flip a day early; measured with tests/qgis_check.py. Mode 4 (start and end *expressions*)
converts first: the start is ``to_datetime("valid_from")``, the end the morning after
``valid_to`` (an exclusive end, ``limitMode="0"``, right for hourly steps too), and
``coalesce`` opens a null bound (QGIS's expression mode has no ``IS NULL`` escape). The
fields are still named in ``startField`` / ``endField`` for the layer properties dialog.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from geo.layers.style import Palette, colour_of, label_of

__all__ = ["layer_qml", "categories", "QGIS_VERSION", "START_EXPRESSION", "END_EXPRESSION"]

QGIS_VERSION = "3.22.0"
_DARK = "35,35,35,255"
_RING = "204,121,167"  # Okabe-Ito reddish purple: a measurement, not a faction
_EVENT = "86,180,233"  # Okabe-Ito sky blue
#: Temporal Controller start and end of a row (see the module docstring).
START_EXPRESSION = 'coalesce(to_datetime("valid_from"), make_datetime(1, 1, 1, 0, 0, 0))'
END_EXPRESSION = ('coalesce(to_datetime("valid_to") + make_interval(days:=1), '
                  'make_datetime(9999, 12, 31, 0, 0, 0))')


def _rgb(hex_colour: str, alpha: int = 255) -> str:
    h = hex_colour.lstrip("#")
    return ",".join(str(int(h[i:i + 2], 16)) for i in (0, 2, 4)) + f",{alpha}"


def categories(values: Iterable[object], palette: Palette) -> list[str]:
    """Return the distinct non-empty controllers, in palette order first, then alphabetically."""
    present = {str(v) for v in values if isinstance(v, str) and v}
    order = list(palette)
    return sorted(present, key=lambda v: (order.index(v) if v in order else len(order), v))


def _options(parent: ET.Element, props: dict[str, str]) -> None:
    opt = ET.SubElement(parent, "Option", type="Map")
    for k, v in props.items():
        ET.SubElement(opt, "Option", name=k, value=v, type="QString")


def _symbol(parent: ET.Element, name: str, kind: str, props: dict[str, str]) -> None:
    cls = {"marker": "SimpleMarker", "fill": "SimpleFill", "line": "SimpleLine"}[kind]
    sym = ET.SubElement(parent, "symbol", type=kind, name=name, alpha="1", clip_to_extent="1",
                        force_rhr="0")
    _options(ET.SubElement(sym, "layer", {"class": cls, "enabled": "1", "locked": "0", "pass": "0"}),
             props)


def _marker(colour: str) -> dict[str, str]:
    return {"name": "circle", "color": colour, "outline_color": _DARK, "outline_style": "solid",
            "outline_width": "0.3", "outline_width_unit": "MM", "size": "3", "size_unit": "MM"}


def _fill(colour: str, outline: str, style: str = "solid", width: str = "0.4") -> dict[str, str]:
    return {"style": "solid", "color": colour, "outline_color": outline, "outline_style": style,
            "outline_width": width, "outline_width_unit": "MM"}


def _props(kind: str, hex_colour: str) -> dict[str, str]:
    if kind == "marker":
        return _marker(_rgb(hex_colour))
    return _fill(_rgb(hex_colour, 90), _rgb(hex_colour))


def _categorized(root: ET.Element, kind: str, values: list[str], palette: Palette, *, with_null: bool) -> None:
    rend = ET.SubElement(root, "renderer-v2", type="categorizedSymbol", attr="controller",
                         symbollevels="0", enableorderby="0", forceraster="0")
    cats, syms = ET.SubElement(rend, "categories"), ET.SubElement(rend, "symbols")
    for i, v in enumerate(values):
        ET.SubElement(cats, "category", render="true", symbol=str(i), value=v,
                      label=label_of(v, palette) or v)
        _symbol(syms, str(i), kind, _props(kind, colour_of(v, palette)))
    if with_null:  # QGIS: a category with an empty value takes every other value, NULL too
        ET.SubElement(cats, "category", render="true", symbol=str(len(values)), value="",
                      label="no reported state")
        _symbol(syms, str(len(values)), kind, _fill("0,0,0,0", "120,120,120,255", width="0.3"))


def _single(root: ET.Element, kind: str, props: dict[str, str]) -> None:
    rend = ET.SubElement(root, "renderer-v2", type="singleSymbol", symbollevels="0",
                         enableorderby="0", forceraster="0")
    _symbol(ET.SubElement(rend, "symbols"), "0", kind, props)


def _labels(root: ET.Element, field: str, placement: str) -> None:
    settings = ET.SubElement(ET.SubElement(root, "labeling", type="simple"), "settings",
                             calloutType="simple")
    style = ET.SubElement(settings, "text-style", fieldName=field, isExpression="0",
                          fontSize="9", fontSizeUnit="Point", textColor="20,20,20,255",
                          textOpacity="1", fontWeight="50", namedStyle="Regular")
    ET.SubElement(style, "text-buffer", bufferDraw="1", bufferSize="0.8", bufferSizeUnits="MM",
                  bufferColor="255,255,255,255", bufferOpacity="1", bufferNoFill="1",
                  bufferJoinStyle="128", bufferBlendMode="0")
    ET.SubElement(settings, "placement", placement=placement, dist="1.5", distUnits="MM",
                  priority="5")
    ET.SubElement(settings, "rendering", scaleVisibility="0", obstacle="1", drawLabels="1")


def _temporal(root: ET.Element) -> None:
    t = ET.SubElement(root, "temporal", enabled="1", mode="4", startField="valid_from",
                      endField="valid_to", startExpression=START_EXPRESSION,
                      endExpression=END_EXPRESSION, durationField="", durationUnit="d",
                      fixedDuration="0", accumulate="0", limitMode="0")
    fixed = ET.SubElement(t, "fixedRange")
    ET.SubElement(fixed, "start")
    ET.SubElement(fixed, "end")


def _symbology(root: ET.Element, layer: str, controllers: list[str], palette: Palette) -> None:
    if layer == "places":
        _categorized(root, "marker", controllers, palette, with_null=False)
        _labels(root, "name", "6")  # 6: cartographic placement around the point
    elif layer == "control_areas":
        _categorized(root, "fill", controllers, palette, with_null=False)
    elif layer == "governorates":
        _categorized(root, "fill", controllers, palette, with_null=True)
        _labels(root, "name", "1")  # 1: over the polygon
    elif layer == "front_lines":
        _single(root, "line", {"line_color": _DARK, "line_width": "0.8", "line_width_unit": "MM",
                               "line_style": "dash", "capstyle": "round", "joinstyle": "round"})
    elif layer == "distance_rings":
        _single(root, "fill", _fill(f"{_RING},50", f"{_RING},255", style="dash", width="0.5"))
    else:
        props = _marker(f"{_EVENT},255")
        props.update(name="diamond", size="2.4")
        _single(root, "marker", props)


def layer_qml(layer: str, controllers: Iterable[object] = (), *, temporal: bool = True,
              palette: Palette | None = None) -> str:
    """Return the QML style of one export layer.

    Parameters
    ----------
    layer : str
        One of :data:`geo.export.layers.LAYERS`.
    controllers : iterable
        The layer's ``controller`` values; one category is made per distinct faction.
    temporal : bool
        Turn on the Temporal Controller with ``valid_from`` / ``valid_to``.
    palette : Palette, optional
        The map's factions (labels and colours); an id missing from it draws grey.

    Returns
    -------
    str
        A QGIS QML document.
    """
    palette = palette or {}
    cats = categories(controllers, palette)
    root = ET.Element("qgis", version=QGIS_VERSION, styleCategories="AllStyleCategories",
                      labelsEnabled="1" if layer in ("places", "governorates") else "0")
    if temporal:
        _temporal(root)
    _symbology(root, layer, cats, palette)
    ET.SubElement(root, "blendMode").text = "0"
    ET.SubElement(root, "featureBlendMode").text = "0"
    ET.SubElement(root, "layerOpacity").text = "1"
    body = ET.tostring(root, encoding="unicode")
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + body + "\n"
