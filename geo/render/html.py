"""Write the control map: one self-contained HTML file (folium map, Leaflet inlined).

Nothing in the file is fetched from the network: Leaflet's script, stylesheet and images
come from the ``xstatic-leaflet`` package and are inlined; the map's own JavaScript and
CSS come from ``geo/render/templates``; all data is one JSON block. Web tiles exist only
as an optional layer, off by default, for readers who are online.
"""

from __future__ import annotations

import base64
import html
import json
import os
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from folium.template import Template

from geo.errors import OutputError
from geo.layers.data import MapData
from geo.output import check_target, write_text
from geo.render.payload import build_payload

__all__ = ["folium_map", "render_html", "write_map", "script_json", "DATA_ELEMENT_ID"]

#: id of the ``<script type="application/json">`` element that carries the payload.
DATA_ELEMENT_ID = "geo-data"
#: Templates inlined into every map, in load order.
_JS_TEMPLATES = ("controls.js", "popups.js", "inferred.js", "map.js", "labels.js")
_CSS_TEMPLATES = ("map.css",)
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                 "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(obj: Any) -> str:
    r"""Serialise ``obj`` as JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>``, ``&``, U+2028 and U+2029 are written as ``\uXXXX`` escapes, so no
    string in the data can close the element or open a comment. NaN is refused.
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


def _safe_script(code: str) -> str:
    """Break any ``</script`` or ``<!--`` in inlined JavaScript source."""
    return code.replace("</script", "<\\/script").replace("<!--", "<\\!--")


class _Raw(Element):
    """An element whose text is written verbatim (never parsed as a Jinja template)."""

    _template = Template("{{ this.text|safe }}")

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class _GeoLayers(MacroElement):
    """Hands the folium map, layer control and tile layer to the template JavaScript."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "geoMap({{ this._parent.get_name() }}, {{ this.control.get_name() }},"
        " {{ this.tiles.get_name() }});"
        "geoLabels(window.__geo, {{ this.control.get_name() }});"
        "{% endmacro %}"
    )

    def __init__(self, control: folium.LayerControl, tiles: folium.TileLayer) -> None:
        super().__init__()
        self.control, self.tiles = control, tiles


def _template(name: str) -> str:
    return resources.files("geo.render").joinpath("templates", name).read_text("utf-8")


@lru_cache(maxsize=1)
def _leaflet() -> tuple[str, str]:
    """Leaflet's JavaScript and CSS, the CSS's images turned into data URIs."""
    from xstatic.pkg import leaflet

    base = Path(leaflet.BASE_DIR)

    def data_uri(m: re.Match[str]) -> str:
        png = base64.b64encode((base / "images" / m.group(1)).read_bytes()).decode()
        return f"url(data:image/png;base64,{png})"

    css = re.sub(r"url\(images/([\w.-]+\.png)\)", data_uri,
                 (base / "leaflet.css").read_text("utf-8"))
    return (base / "leaflet.js").read_text("utf-8"), css


def _page_title(data: MapData, payload: dict[str, Any]) -> str:
    start = payload["start"]
    when = payload["dates"][start] if start >= 0 else "no dates"
    return f"{data.title} ({data.corpus}, {when})"


def folium_map(data: MapData) -> folium.Map:
    """Return the control map as a folium map whose page carries Leaflet, the map's script and its data.

    A notebook shows it inline (folium renders the whole page into the cell); nothing is
    fetched from the network.

    Parameters
    ----------
    data : MapData
        What to draw. The map opens on ``data.date``, the latest date when it is None; the
        slider steps through ``data.dates``.

    Returns
    -------
    folium.Map
        The map; ``fmap.get_root().render()`` is :func:`render_html`'s text.
    """
    payload = build_payload(data)
    (s, w), (n, e) = payload["bounds"]
    fmap = folium.Map(location=[(s + n) / 2, (w + e) / 2], zoom_start=6, tiles=None,
                      control_scale=True)
    fmap.default_js, fmap.default_css = [], []
    tiles = folium.TileLayer("OpenStreetMap", name="Web tiles (OpenStreetMap; online only)",
                             overlay=True, show=False, control=True)
    tiles.add_to(fmap)
    control = folium.LayerControl(collapsed=True)
    control.add_to(fmap)
    _GeoLayers(control, tiles).add_to(fmap)
    root = fmap.get_root()
    if not isinstance(root, Figure):
        raise OutputError(f"folium gave the map a root of type {type(root).__name__}, not a Figure; "
                          "install a folium version that pyproject.toml names")
    root.title = html.escape(_page_title(data, payload))
    leaflet_js, leaflet_css = _leaflet()
    root.header.add_child(_Raw(f"<style>{leaflet_css}</style>"), name="geo_leaflet_css")
    root.header.add_child(_Raw(f"<script>{_safe_script(leaflet_js)}</script>"),
                          name="geo_leaflet_js")
    css = "\n".join(_template(n) for n in _CSS_TEMPLATES).replace("</", "<\\/")
    root.header.add_child(_Raw(f"<style>{css}</style>"), name="geo_css")
    js = "\n".join(_template(n) for n in _JS_TEMPLATES)
    root.header.add_child(_Raw(f"<script>{_safe_script(js)}</script>"), name="geo_js")
    root.html.add_child(_Raw(f'<script type="application/json" id="{DATA_ELEMENT_ID}">'
                             f"{script_json(payload)}</script>"), name="geo_data")
    return fmap


def render_html(data: MapData) -> str:
    """Render the control map as one self-contained HTML document.

    Parameters
    ----------
    data : MapData
        What to draw. The map opens on ``data.date`` (``#YYYY-MM-DD`` in the URL still
        wins), the latest date when it is None; the slider steps through ``data.dates``.

    Returns
    -------
    str
        The HTML text; it loads nothing over the network.
    """
    return folium_map(data).get_root().render()


def write_map(data: MapData, path: str | os.PathLike[str], *, inputs: Iterable[Path] = ()) -> Path:
    """Render the map and write it atomically (:func:`geo.output.write_text`).

    Parameters
    ----------
    data : MapData
        What to draw.
    path : str or path-like
        Output HTML file; its folder is created if missing.
    inputs : iterable of pathlib.Path
        The files the run read; a ``path`` that is one of them is refused.

    Returns
    -------
    pathlib.Path
        The written file.

    Raises
    ------
    OutputError
        The file or its folder cannot be written.
    UsageError
        ``path`` is an input of the run, or cannot take a file (a folder, a block device).
    """
    out = Path(path)
    inputs = list(inputs)
    check_target(out, inputs=inputs)  # before the work: a wrong --out fails at once
    return write_text(out, render_html(data), inputs=inputs, what="map")
