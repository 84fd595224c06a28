"""Evidence ids resolved to what they cite: the sentence of an event, the source of a baseline row.

A state's ``evidence`` is a tuple of ids: event ids and baseline row ids
(:attr:`~geo.model.BaselineEntry.evidence_id`). :func:`describe` turns them into plain
records every output can show (JSON, tables, popups, export rows), and :func:`brief` into
one readable line. Pure functions; article text stays text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from geo.model import BaselineEntry, ControlEvent

__all__ = ["brief", "describe"]

#: Characters of quoted text kept by :func:`brief`.
BRIEF_CHARS = 90


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def describe(ids: Iterable[str], events: Mapping[str, ControlEvent],
             baseline: Mapping[str, BaselineEntry]) -> list[dict[str, Any]]:
    """Return one record per evidence id, in order.

    Parameters
    ----------
    ids : iterable of str
        Evidence ids of a state.
    events : mapping of str to ControlEvent
        Event id -> event.
    baseline : mapping of str to BaselineEntry
        Baseline evidence id -> row.

    Returns
    -------
    list of dict
        ``{"id", "type", "text", "source", "date", "published", "place_as_written", "kind",
        "stance", "controller"}``: for an event (``type`` "event") ``text`` is its sentence,
        ``date`` its (effective) date and ``controller`` the side it favours; for a baseline
        row (``type`` "baseline") ``text`` is the row's source text, ``date`` its ``as_of``
        and ``source`` "baseline". An id that resolves to nothing gives ``type`` "missing".
    """
    out = []
    for eid in ids:
        ev, row = events.get(eid), baseline.get(eid)
        if ev is not None:
            out.append({"id": eid, "type": "event", "text": ev.sentence, "source": ev.source,
                        "date": _iso(ev.date_end or ev.date), "published": _iso(ev.published),
                        "place_as_written": ev.place, "kind": ev.kind, "stance": ev.stance,
                        "controller": ev.actor_gaining})
        elif row is not None:
            out.append({"id": eid, "type": "baseline", "text": row.source, "source": "baseline",
                        "date": _iso(row.as_of), "published": None, "place_as_written": row.place,
                        "kind": "baseline", "stance": "reported", "controller": row.controller})
        else:
            out.append({"id": eid, "type": "missing", "text": None, "source": None, "date": None,
                        "published": None, "place_as_written": None, "kind": None, "stance": None,
                        "controller": None})
    return out


def brief(record: Mapping[str, Any]) -> str:
    """Return one readable line for a record of :func:`describe`.

    Examples
    --------
    >>> brief({"type": "baseline", "id": "baseline:Daraa@2024-11-26:0a1b2c", "date": "2024-11-26",
    ...        "text": "Government forces raised the flag over Daraa al-Balad.", "place_as_written": "Daraa"})
    'baseline row "Daraa" as of 2024-11-26: Government forces raised the flag over Daraa al-Balad.'
    """
    text = " ".join(str(record.get("text") or "").split())
    if len(text) > BRIEF_CHARS:
        text = text[:BRIEF_CHARS - 1].rstrip() + "…"
    if record.get("type") == "baseline":
        return f'baseline row "{record.get("place_as_written")}" as of {record.get("date")}: {text}'
    if record.get("type") == "event":
        src = record.get("source") or "unknown source"
        return f"{record.get('kind')} ({src}, {record.get('published') or 'undated'}): {text}"
    return f"{record.get('id')} (not found)"
