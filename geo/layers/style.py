"""Colours and labels of the map's factions and statuses.

The factions' colours and labels come from their theatres (``geo/theatres/*.toml``: each
theatre's palette is colour-blind safe and distinct within the theatre, see
``docs/theatres.md``); a map carries the palette of the theatres its events are in
(:attr:`geo.layers.data.MapData.factions`), so the map, its legend and the exports agree.
A controller id not in the palette is drawn in the ``unknown`` grey. Markers carry a thin
dark stroke so light colours stay visible on the light base map.
"""

from __future__ import annotations

from collections.abc import Mapping

from geo.theatres import UNKNOWN, UNKNOWN_COLOUR

__all__ = ["Palette", "STATUS_LABELS", "colour_of", "label_of"]

#: Faction id -> (legend label, ``#RRGGBB`` colour).
Palette = Mapping[str, tuple[str, str]]

#: Legend label of each place status.
STATUS_LABELS: dict[str, str] = {
    "held": "held",
    "contested": "contested (dashed ring in the challenger's colour)",
    "besieged": "besieged (thick dark ring)",
    "claimed": "claimed only (hollow, dashed)",
}


def colour_of(faction: str | None, palette: Palette) -> str:
    """Return the colour of a faction id, grey for None or an id not in the palette.

    Parameters
    ----------
    faction : str or None
        Canonical faction id such as ``"government"``.
    palette : Palette
        The map's factions.

    Returns
    -------
    str
        A ``#RRGGBB`` colour.
    """
    found = palette.get(faction or UNKNOWN)
    return found[1] if found else UNKNOWN_COLOUR


def label_of(faction: str | None, palette: Palette) -> str | None:
    """Return the legend label of a faction id (the id itself when the palette lacks it; None for None)."""
    if not faction:
        return None
    found = palette.get(faction)
    return found[0] if found else faction
