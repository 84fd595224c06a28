"""The control map: one self-contained, time-sliced HTML file (folium + inlined Leaflet).

Public API: :func:`render_html`, :func:`write_map`, :func:`folium_map` and :func:`screenshot`; the input is a
:class:`geo.layers.data.MapData`.
"""

from __future__ import annotations

from geo.render.browser import screenshot
from geo.render.html import folium_map, render_html, write_map

__all__ = ["folium_map", "render_html", "write_map", "screenshot"]
