"""The namesake a quoted distance points to, when the place read first is not there.

"Russian forces captured the village of Novoselivka, 12 km south of Pokrovsk": the data has
seventeen Novoselivkas in Ukraine, and the ranking may take one 50 km away. A distance quoted
with the place's own name ("X, N km <direction> of Y": a mention whose subject is a place,
``subject_place``) says which one is meant:

The places a distance locates are its subject place, its locator (the place of the event it
measures: "clashes in Jasim, some 15 km from ...") and the place of an event of its sentence named
just before it ("captured Novoselivka on Monday, some 9 km northeast of Druzhkivka"). For each:

* when the place read first lies where the distance puts it (:func:`fits`), nothing changes;
* else a namesake of it (a place one of whose names folds as the written name does) that lies
  there is the place, for the distance and for the events of its sentence at the first place;
* else, for the subject place of a name with namesakes, none of them is the place: the events of the sentence at
  it become unresolved (no point: ``geo places --unresolved`` lists them) and the distance is
  drawn from its anchor as for a subject that is no known place; a name with one place keeps it
  (the map's check then shows the distance as inconsistent: "400 km north of Addis Ababa" may be
  the road's length).

Where a distance "fits": its anchor point to the place within the quoted distance widened by
:data:`FIT_SHARE` of it and :data:`FIT_SLACK_KM` (reporters round, and quote road distances),
and, when a direction is quoted, on that side within :data:`FIT_TURN_DEG`.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence

from gazetteer import Gazetteer, Mention, normalize_name
from gazetteer.context import NEAR_GAP, NEAR_NAMED_KM
from gazetteer.model import Place, km_between
from geo.extract.distance.words import COMPASS_POINTS
from geo.model import ControlEvent, DistanceMention

__all__ = ["FIT_SHARE", "FIT_SLACK_KM", "FIT_TURN_DEG", "fits", "refit_namesakes", "unresolve_far_namesakes"]

#: The share of a quoted distance it may be off by, and more kilometres (gazetteer points, built-up areas).
FIT_SHARE = 0.3
FIT_SLACK_KM = 3.0
#: How far (degrees) a place may lie from the quoted direction.
FIT_TURN_DEG = 45.0
_BEARINGS = {point: 22.5 * k for k, point in enumerate(COMPASS_POINTS)}
#: How many places of one name are looked at.
_NAMESAKES = 500
#: How far before a distance (characters) an event's place may be named for the distance to locate it.
_NEAR_CHARS = 30


def fits(mention: DistanceMention, place: Place) -> bool:
    """Tell whether *place* lies where *mention* puts its subject: the distance from its anchor, on its side."""
    if mention.anchor_lat is None or mention.anchor_lon is None:
        return True
    km = _km_from_anchor(mention, place)
    d = mention.distance_km
    slack = max(mention.tolerance_km, FIT_SHARE * d) + FIT_SLACK_KM
    if mention.qualifier in ("within", "less than"):  # the values of words.QUALIFIERS
        lo, hi = 0.0, d + FIT_SLACK_KM
    elif mention.qualifier == "more than":
        lo, hi = d - FIT_SLACK_KM, math.inf
    else:
        lo, hi = d - slack, d + slack
    if not lo <= km <= hi:
        return False
    bearing = _BEARINGS.get((mention.direction or "").upper())
    if bearing is None or km < FIT_SLACK_KM:
        return True
    turn = abs((_azimuth(mention.anchor_lat, mention.anchor_lon, place.lat, place.lon) - bearing + 180.0) % 360.0
               - 180.0)
    return turn <= FIT_TURN_DEG


def _km_from_anchor(mention: DistanceMention, place: Place) -> float:
    return km_between(Place(id="", name="", kind="village", lat=mention.anchor_lat or 0.0,
                            lon=mention.anchor_lon or 0.0), place)


def _azimuth(lat0: float, lon0: float, lat1: float, lon1: float) -> float:
    """Return the initial great-circle bearing (degrees clockwise from north) from the first point to the second."""
    p0, p1, dl = math.radians(lat0), math.radians(lat1), math.radians(lon1 - lon0)
    y = math.sin(dl) * math.cos(p1)
    x = math.cos(p0) * math.sin(p1) - math.sin(p0) * math.cos(p1) * math.cos(dl)
    return math.degrees(math.atan2(y, x)) % 360.0


def refit_namesakes(events: Sequence[ControlEvent], distances: Sequence[DistanceMention], gz: Gazetteer
                    ) -> tuple[list[ControlEvent], list[DistanceMention]]:
    """Return *events* and *distances* with each distance's places the namesakes it fits (module docs).

    The places a distance locates: its subject place, its locator, and the place of an event of
    its sentence named right before it ("captured Novoselivka on Monday, some 9 km northeast of").

    Parameters
    ----------
    events : sequence of ControlEvent
        An article's events.
    distances : sequence of DistanceMention
        The article's quoted distances.
    gz : Gazetteer
        Gives each place's namesakes.
    """
    events, out = list(events), []
    for m in distances:
        if m.anchor_kind != "point" or m.anchor_lat is None:
            out.append(m)
            continue
        at = m.sentence.find(m.text)
        named = [ev.place_id for ev in events if ev.start == m.start and ev.place_id and at > 0
                 and _named_just_before(m.sentence, ev.place, at)]
        for place_id in dict.fromkeys([m.subject_place, m.locator, *named]):
            if not place_id:
                continue
            first = gz.get(place_id)
            if fits(m, first):
                continue
            namesakes = _namesakes(gz, m.locator_name if place_id == m.subject_place and m.locator_name
                                   else first.name, first)
            fitting = [p for p in namesakes if fits(m, p)]
            if fitting:
                place: Place | None = min(fitting, key=lambda p: abs(_km_from_anchor(m, p) - m.distance_km))
            elif namesakes and place_id == m.subject_place:
                place = None
            else:
                continue
            events = [_moved(ev, place) if ev.place_id == first.id and ev.start == m.start else ev for ev in events]
            if place_id in (m.subject_place, m.locator):  # the distance's own place: its subject, or its locator
                m = dataclasses.replace(
                    m, subject_place=(place.id if place else None) if place_id == m.subject_place else m.subject_place,
                    locator=place.id if place else None, locator_lat=place.lat if place else None,
                    locator_lon=place.lon if place else None)
        out.append(m)
    return events, out


def unresolve_far_namesakes(events: Sequence[ControlEvent], text: str, mentions: Sequence[Mention], gz: Gazetteer
                            ) -> list[ControlEvent]:
    """Return *events* with a place said to lie near another, and far from it, its namesake there or unresolved.

    "Withdrew from Mykolaivka, near Selydove": the ranking takes a namesake near the place
    named after it when the data has one (:func:`gazetteer.context.prefer_near`); when the data
    has none, the first choice lies elsewhere (78 km away), and a mark there would be false. An
    event at a place so located (:data:`gazetteer.context.NEAR_GAP`) that lies more than twice
    :data:`gazetteer.context.NEAR_NAMED_KM` from that place, and whose name has namesakes, goes to
    the namesake near it if one is there, else is unresolved (no point). A name of one place keeps it.

    Parameters
    ----------
    events : sequence of ControlEvent
        An article's events.
    text : str
        The article's text.
    mentions : sequence of Mention
        The article's place names as its events were read (their offsets in *text*).
    gz : Gazetteer
        Gives each place's namesakes.
    """
    located = {m.start: m.place for m in mentions if m.place is not None}
    out = []
    for ev in events:
        if ev.place_id is None or not ev.place:
            out.append(ev)
            continue
        near = None
        k = text.find(ev.place, ev.start, ev.end)
        while k >= 0 and near is None:
            gap = NEAR_GAP.match(text, k + len(ev.place), ev.end)
            near = located.get(gap.end()) if gap else None
            k = text.find(ev.place, k + 1, ev.end)
        first = gz.get(ev.place_id) if near is not None else None
        if near is None or first is None or km_between(first, near) <= 2 * NEAR_NAMED_KM:
            out.append(ev)
            continue
        namesakes = _namesakes(gz, ev.place, first)
        if not namesakes:
            out.append(ev)
            continue
        there = [p for p in namesakes if km_between(p, near) <= NEAR_NAMED_KM]
        out.append(_moved(ev, min(there, key=lambda p: km_between(p, near)) if there else None))
    return out


def _named_just_before(sentence: str, name: str, at: int) -> bool:
    """Tell whether *name* is written in *sentence* a few words before offset *at* (a distance it is located by)."""
    k = sentence.rfind(name, 0, at)
    return k >= 0 and at - (k + len(name)) <= _NEAR_CHARS and not any(c in sentence[k + len(name) : at] for c in ".;:")


def _namesakes(gz: Gazetteer, name: str, first: Place) -> list[Place]:
    """Return the places other than *first* one of whose names folds as *name* does."""
    written = normalize_name(name)
    return [c.place for c in gz.lookup(name, limit=_NAMESAKES)
            if c.place.id != first.id and written in {normalize_name(n) for n in (c.place.name, *c.place.names)}]


def _moved(event: ControlEvent, place: Place | None) -> ControlEvent:
    """Return *event* at *place* (its point), or unresolved when None."""
    if place is None:
        return dataclasses.replace(event, place_id=None, lat=None, lon=None)
    return dataclasses.replace(event, place_id=place.id, lat=place.lat, lon=place.lon)
