"""The control map: one self-contained, time-sliced HTML file (folium + inlined Leaflet).

Public API: :class:`MapData` (input contract), :func:`render_html`, :func:`write_map`,
:func:`screenshot`, and the palette :data:`FACTION_COLOURS`.
"""

from __future__ import annotations

from geo.render.browser import screenshot
from geo.render.data import MapData
from geo.render.html import render_html, write_map
from geo.render.style import FACTION_COLOURS, FACTION_LABELS, STATUS_LABELS

__all__ = [
    "MapData",
    "render_html",
    "write_map",
    "screenshot",
    "FACTION_COLOURS",
    "FACTION_LABELS",
    "STATUS_LABELS",
]
