"""The control states of a corpus as every output shows them: named, aged, reconciled, explained.

:class:`CorpusStates` gathers the counted evidence of a :class:`~geo.model.CorpusResult`
once, with the geography the fold needs (the gazetteer's names, the region each place lies
in, each region's main city; :mod:`geo.layers.regions`), and answers the map, ``geo
control``, ``geo timeline`` and the exports alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from gazetteer import Gazetteer, default_gazetteer
from geo.layers.basemap import corpus_countries, governorates
from geo.layers.regions import PlaceFacts, geography
from geo.model import BaselineEntry, ControlEvent, ControlState, CorpusResult
from geo.timeline.evidence import describe
from geo.timeline.fold import STALE_AFTER_DAYS, Evidence

__all__ = ["CorpusStates"]


def _points(events: Sequence[ControlEvent], baseline: Sequence[BaselineEntry]) -> dict[str, tuple[float, float]]:
    points: dict[str, tuple[float, float]] = {}
    for b in baseline:
        points.setdefault(b.place_id, (b.lat, b.lon))
    for e in events:
        if e.place_id and e.lat is not None and e.lon is not None:
            points.setdefault(e.place_id, (e.lat, e.lon))
    return points


class CorpusStates:
    """The states of a corpus's places, with the evidence they cite resolved.

    Parameters
    ----------
    result : CorpusResult
        From :func:`geo.pipeline.analyse` or an event store; near-duplicate reports
        (``duplicate_of`` set) are not counted.
    gazetteer : Gazetteer, optional
        For names, kinds and populations of places and the regions' main cities; the
        packaged one by default.
    regions : mapping, optional
        GeoJSON FeatureCollection of the region polygons (``id`` properties as the
        ``admin1:`` place ids); by default the regions of the corpus's countries
        (:func:`geo.layers.basemap.corpus_countries`).
    """

    def __init__(self, result: CorpusResult, *, gazetteer: Gazetteer | None = None,
                 regions: Mapping[str, Any] | None = None) -> None:
        counted = [e for e in result.events if not e.duplicate_of]
        self.counted = counted
        gz = gazetteer if gazetteer is not None else default_gazetteer()
        self.regions = regions if regions is not None else governorates(corpus_countries(result, gz)[0])
        self.geography, self.facts = geography(gz, self.regions, _points(counted, result.baseline))
        self.evidence = Evidence(counted, baseline=result.baseline, geography=self.geography)
        self.events: dict[str, ControlEvent] = {e.id: e for e in result.events}
        self.baseline: dict[str, BaselineEntry] = {b.evidence_id: b for b in result.baseline}

    def on(self, date: dt.date, *, stale_after_days: int = STALE_AFTER_DAYS) -> list[ControlState]:
        """Return every state on a date (see :meth:`geo.timeline.fold.Evidence.state_on`)."""
        return self.evidence.state_on(date, stale_after_days=stale_after_days)

    def history(self, place_id: str) -> list[ControlState]:
        """Return the states of one place, oldest first (empty when nothing is known)."""
        return self.evidence.timelines().get(place_id, [])

    def explain(self, state: ControlState) -> list[dict[str, Any]]:
        """Return the evidence of a state resolved (:func:`geo.timeline.evidence.describe`)."""
        return describe(state.evidence, self.events, self.baseline)

    def fact(self, place_id: str) -> PlaceFacts | None:
        """Return the gazetteer's name, kind and population of a place, if it knows it."""
        return self.facts.get(place_id)
