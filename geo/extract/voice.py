"""The voice of a party's own media: what a state outlet says in its own voice is that party's claim.

An article of a state news agency or broadcaster (SANA, TASS, SUNA, the Global New Light of
Myanmar, Ukrinform, RTNC ...) speaks for the side that runs it, even where it names no
speaker: "The city of Sinja has been cleansed of the militia" in SUNA's voice is the Sudanese
army's claim, not a neutral report. :func:`state_voice` tells whether an article is such an
outlet's, from its source field or its dateline, and which faction of the article's theatre
the outlet speaks for; :func:`in_voice` turns the article's statements in the reporter's own
voice into that faction's claims. Statements the outlet attributes to someone else (a monitor,
the other side) keep their stance.
"""

from __future__ import annotations

import re
from dataclasses import replace

from geo.extract.clauses import dateline_end
from geo.model import ControlEvent
from geo.theatres import Theatre

__all__ = ["STATE_OUTLETS", "in_voice", "outlet_faction", "outlet_named", "state_voice"]

#: State outlets and the names, in any theatre's words, of the side each speaks for (the first the theatre knows).
STATE_OUTLETS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(pattern), sides) for pattern, sides in (
        (r"\bSANA\b|Syrian Arab News Agency|Syrian state (?:TV|television|media|news agency)",
         ("Syrian government forces", "Syrian army", "government forces")),
        (r"\bTASS\b|RIA Novosti|\bRIA\b|Rossiya 24|Zvezda|Russian state (?:TV|television|media|news agency)",
         ("Russian forces", "Russian army", "Russian troops")),
        (r"\bSUNA\b|Sudan News Agency|Sudanese state (?:TV|television|media|news agency)",
         ("Sudanese army", "Sudanese Armed Forces", "the army")),
        (r"Global New Light of Myanmar|\bGNLM\b|\bMRTV\b|Myawady|True News Information Team|"
         r"Myanmar state (?:TV|television|media)", ("the military", "Tatmadaw", "junta")),
        (r"\bUkrinform\b|Ukrainian state (?:TV|television|media|news agency)", ("Ukrainian forces", "Ukrainian army")),
        (r"\bRTNC\b|Congolese state (?:TV|television|media|broadcaster)", ("FARDC", "Congolese army")),
        (r"\bal-Iraqiya\b|\bIraqiya\b|Iraqi News Agency|Iraqi state (?:TV|television|media)",
         ("Iraqi forces", "Iraqi army", "Iraqi security forces")),
        (r"Ethiopian News Agency|\bENA\b|\bEBC\b|Ethiopian state (?:TV|television|media)",
         ("Ethiopian army", "ENDF", "federal forces")),
    ))
_ANY_OUTLET = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in STATE_OUTLETS))
#: Where an article says whose it is: its first line (the dateline) and its source field.
_HEAD = 200


def state_voice(source: str | None, text: str, theatre: Theatre | None) -> str | None:
    """Return the faction a state outlet's article speaks for, or None when it is no state outlet's.

    The outlets are those of :data:`STATE_OUTLETS` and those the theatre file declares run by a
    side (``[outlets]``, :meth:`geo.theatres.Theatre.outlet_side`).

    Parameters
    ----------
    source : str or None
        The article's source field ("SANA", "Invented (TASS style)").
    text : str
        The article text; its dateline ("MOSCOW, October 30. /TASS/.", "Port Sudan, Nov. 16 (SUNA) -").
    theatre : Theatre or None
        The article's theatre: the outlet's side must be one of its factions.

    Examples
    --------
    >>> from geo.theatres import packaged_theatres
    >>> state_voice(None, "MOSCOW, October 30. /TASS/. Units ...", packaged_theatres()["ukraine"])
    'russia'
    >>> state_voice("Reuters", "KYIV, Feb 17 (Reuters) - ...", packaged_theatres()["ukraine"]) is None
    True
    """
    if theatre is None:
        return None
    # an outlet the theatre file says a side runs, in the source field or the dateline ("Saba": the Houthis)
    declared = theatre.outlet_side(outlet_named(source, text))
    if declared is not None:
        return declared
    return outlet_faction(f"{source or ''}\n{text[:_HEAD].lstrip().partition(chr(10))[0]}", theatre)


def outlet_named(source: str | None, text: str) -> str:
    """Return where an article names its outlet: its source field and its dateline ("SANAA, Dec. 5 (Saba) -").

    Only the dateline proper: an outlet quoted later in the lead ("..., according to Saba") is no voice.
    """
    return f"{source or ''}\n{text[: dateline_end(text)]}"


def outlet_faction(text: str, theatre: Theatre | None) -> str | None:
    """Return the faction of the theatre whose outlet *text* names, or None.

    The outlets are those of :data:`STATE_OUTLETS` and those the theatre file declares
    (``[outlets]``): "SUNA said" names the Sudanese army's, "Saba reported" the Houthis' in Yemen.

    Examples
    --------
    >>> from geo.theatres import packaged_theatres
    >>> outlet_faction("the Global New Light of Myanmar said", packaged_theatres()["myanmar"])
    'junta'
    >>> outlet_faction("residents said", packaged_theatres()["myanmar"]) is None
    True
    """
    if theatre is None:
        return None
    declared = theatre.outlet_side(text)
    if declared is not None:
        return declared
    if not _ANY_OUTLET.search(text):
        return None
    for pattern, sides in STATE_OUTLETS:
        if pattern.search(text):
            return next((f for f in map(theatre.faction_of, sides) if f and f != "unknown"), None)
    return None


def in_voice(events: list[ControlEvent], faction: str | None) -> list[ControlEvent]:
    """Return *events* with the reporter's own statements made *faction*'s claims (unchanged when None)."""
    if faction is None:
        return events
    return [replace(e, stance="claimed", attributed_to=faction) if e.stance == "reported" and not e.attributed_to
            else e for e in events]
