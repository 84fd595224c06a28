"""Fixed colours and labels of the map (colour-blind safe; Okabe & Ito 2008 palette).

The palette is the eight-colour set of Okabe and Ito ("Color Universal Design"), chosen
because its colours stay distinguishable under protanopia, deuteranopia and tritanopia.
Each faction gets one colour, picked to echo the colours map desks already use for the
Syrian war where the palette allows it:

========================  =========  =======================================
faction                   colour     Okabe-Ito name
========================  =========  =======================================
``government``            #D55E00    vermillion (the usual red of the state)
``opposition``            #009E73    bluish green (the usual rebel green)
``sna``                   #0072B2    blue
``sdf``                   #F0E442    yellow (the usual SDF yellow)
``islamic_state``         #000000    black (the usual IS black)
``unknown``               #999999    grey (not an Okabe-Ito colour: "no side")
========================  =========  =======================================

Markers carry a thin dark stroke so the yellow stays visible on the light base map.
A controller id not in the table is drawn in the ``unknown`` grey.
"""

from __future__ import annotations

__all__ = ["FACTION_COLOURS", "FACTION_LABELS", "STATUS_LABELS", "colour_of"]

# The colours and labels have one owner, geo.factions (the export uses the same ones).
from geo.factions import FACTION_COLOURS, FACTION_LABELS  # noqa: E402

#: Legend label of each place status.
STATUS_LABELS: dict[str, str] = {
    "held": "held",
    "contested": "contested (dashed ring in the challenger's colour)",
    "besieged": "besieged (thick dark ring)",
    "claimed": "claimed only (hollow, dashed)",
}


def colour_of(faction: str | None) -> str:
    """Return the colour of a faction id, grey for None or an id not in the palette.

    Parameters
    ----------
    faction : str or None
        Canonical faction id such as ``"government"``.

    Returns
    -------
    str
        A ``#RRGGBB`` colour.
    """
    return FACTION_COLOURS.get(faction or "unknown", FACTION_COLOURS["unknown"])
