"""Region and town: when a region-level report and a town's own evidence disagree.

The fold gives a region (``admin1:`` id) and the towns inside it separate states from their
own evidence. On one date, :func:`reconcile` then compares them (pure, no IO); which town
lies in which region, and which place is a region's main city, come from the caller as
plain data (:class:`Geography`; :mod:`geo.layers.regions` computes them by point in
polygon against the region polygons the map draws). Only live (not stale) states take part.

Rules
-----
A. **A town against a newer region report.** A town ``held`` by Y, inside a region whose own
   reports have it ``held`` by X (X not Y, X known), is not a confident "held" when the
   region's newest report (its ``last_evidence``) is later than the town's newest own
   evidence: the town becomes ``contested``, its controller stays Y (the holder the town's
   own reports name), its evidence is its own followed by the region's, and its note says
   which report disagrees. A region state derived by rule B is not a report and never
   contests a town.
B. **A region whose main city has fallen.** A region whose state is not ``held`` (contested,
   claimed, besieged) while its main city is ``held`` by X since a date later than the
   region's newest report follows the city: ``held`` by X since the city's change, with the
   city's evidence first and a note saying it is derived. A region ``held`` by Y whose main
   city is held by X (X not Y) since after the region's newest report becomes ``contested``
   (controller Y), with both pieces of evidence and a note.

Rule B is applied first, so rule A sees the regions as rule B left them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from geo.model import REGION_PREFIX, ControlState

__all__ = ["Geography", "reconcile"]

_UNKNOWN = "unknown"


@dataclass(frozen=True)
class Geography:
    """What the fold may know of places besides the evidence, as plain data.

    Attributes
    ----------
    names : mapping of str to str
        Place id -> the gazetteer's name of the place (the fallback display name, see
        :mod:`geo.timeline.names`).
    region_of : mapping of str to str
        Place id -> id of the region (``admin1:...``) the place lies in.
    main_city : mapping of str to str
        Region id -> place id of its main city (the most populous).
    """

    names: Mapping[str, str] = field(default_factory=dict)
    region_of: Mapping[str, str] = field(default_factory=dict)
    main_city: Mapping[str, str] = field(default_factory=dict)


def _later(a: ControlState, b: ControlState) -> bool:
    """Return True if a's newest evidence is later than b's (an unknown date is never later)."""
    return a.last_evidence is not None and (b.last_evidence is None or a.last_evidence > b.last_evidence)


def _follow_city(region: ControlState, city: ControlState) -> ControlState | None:
    """Rule B for one region and its main city; None when it does not apply."""
    if region.stale or city.stale or city.status != "held" or city.controller == _UNKNOWN:
        return None
    if city.since is None or region.last_evidence is None or city.since <= region.last_evidence:
        return None
    evidence = tuple(dict.fromkeys((*city.evidence, *region.evidence)))
    if region.status != "held":
        note = (f"follows its main city {city.name}, held by {city.controller} since {city.since}, "
                f"after this region's last report ({region.last_evidence})")
        return dataclasses.replace(region, controller=city.controller, status="held", since=city.since,
                                   evidence=evidence, last_evidence=city.last_evidence, note=note)
    if region.controller != city.controller:
        note = (f"its main city {city.name} is held by {city.controller} since {city.since}, "
                f"after this region's last report ({region.last_evidence}) of {region.controller} control")
        return dataclasses.replace(region, status="contested", since=city.since, evidence=evidence,
                                   last_evidence=city.last_evidence, note=note)
    return None


def _contest_town(town: ControlState, region: ControlState) -> ControlState | None:
    """Rule A for one town and its region; None when it does not apply."""
    if region.stale or region.note is not None or region.status != "held" or region.controller == _UNKNOWN:
        return None
    if town.status != "held" or town.controller == region.controller or not _later(region, town):
        return None
    note = (f"region {region.name} reported held by {region.controller} on {region.last_evidence}, "
            f"after this place's last own report ({town.last_evidence}) of {town.controller} control")
    since = max(d for d in (town.since, region.since) if d is not None) if (town.since or region.since) else None
    return dataclasses.replace(town, status="contested", since=since,
                               evidence=tuple(dict.fromkeys((*town.evidence, *region.evidence))),
                               last_evidence=region.last_evidence, stale=False, note=note)


def reconcile(states: Sequence[ControlState], geography: Geography) -> list[ControlState]:
    """Apply rules B then A of this module to the states of one date.

    Parameters
    ----------
    states : sequence of ControlState
        Every state on the date (places and regions), with ``last_evidence`` and ``stale``
        set for that date.
    geography : Geography
        Which region each place lies in and each region's main city.

    Returns
    -------
    list of ControlState
        The same states in the same order, those the rules change replaced.
    """
    if not geography.region_of and not geography.main_city:
        return list(states)
    by_id = {s.place_id: s for s in states}
    for region_id, city_id in geography.main_city.items():
        region, city = by_id.get(region_id), by_id.get(city_id)
        if region is not None and city is not None and (changed := _follow_city(region, city)) is not None:
            by_id[region_id] = changed
    for place_id, state in list(by_id.items()):
        if place_id.startswith(REGION_PREFIX):
            continue
        region = by_id.get(geography.region_of.get(place_id, ""))
        if region is not None and (changed := _contest_town(state, region)) is not None:
            by_id[place_id] = changed
    return [by_id[s.place_id] for s in states]
