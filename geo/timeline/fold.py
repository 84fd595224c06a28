"""Fold control events into the state of each place on each date.

Pure functions, no IO: a list of :class:`~geo.model.ControlEvent` (plus an optional baseline
of control before the first event, :class:`~geo.read.baseline.BaselineEntry`, read from a CSV by
:func:`geo.read.baseline.read_baseline`) in, :class:`~geo.model.ControlState` out.

Folding rules
-------------
1. **What counts.** Only events with a ``date`` and a ``place_id`` count. Events whose
   ``duplicate_of`` is set (they come from a near-duplicate version of an article) are
   ignored in favour of the original, so one report never counts twice. Undated events
   are left out. Events on a ``country:`` id are left out (a country is not a unit of
   control), and so are events with ``geo_precision`` 3 whose place is not a region: they
   describe an area around the place, not the place.
2. **Effective date.** A change (``captured``, ``entered``, ``contested``, ``besieged``,
   ``siege_broken``, ``withdrew``, ``regained``) takes effect at the END of its date
   range (``date_end or date``: "in late November" is certain only by its end); a
   background ``held`` statement takes effect at its START (``date``). A baseline row
   takes effect at its ``as_of`` date.
3. **Order.** Evidence is applied in date order, so the latest dated evidence wins. On the
   same date a baseline row < ``held`` < a change; then ``claimed`` < ``reported`` <
   ``verified``; then the more decisive kind wins (entered/contested < besieged <
   siege_broken < withdrew < captured/regained); then the higher ``confidence``; then the
   event id, so the result never depends on input order.
4. **Transitions** (``prev`` is the controller before the event):

   - ``captured`` / ``regained``: controller = ``actor_gaining`` (``unknown`` if not
     given), status ``held``. ``regained`` returns the place to the gainer.
   - ``entered`` / ``contested``: status ``contested``; controller = ``prev`` (the
     defender), or ``actor_losing`` when there is no known ``prev`` or ``prev`` is the
     attacker itself, else ``unknown``. It stays so until a capture or a withdrawal.
   - ``besieged``: status ``besieged``; controller = the defender as for ``entered``
     (the besieger is ``actor_gaining``). The owner does not change.
   - ``siege_broken``: status ``held``; the besieged holder keeps the place (``prev``
     when the place was besieged, else ``actor_gaining``, the side that broke the siege,
     else ``prev``).
   - ``withdrew`` (the side withdrawing is ``actor_losing``): if ``actor_gaining`` is
     known it takes the place (``held``); else if a known ``prev`` is not the side that
     withdrew, the attacker left and ``prev`` keeps the place (``held``); otherwise
     nobody is evidently in control: status ``contested``, controller ``unknown``.
   - ``held``: controller = ``actor_gaining`` (the holder), status ``held``; a ``held``
     without a holder says nothing and is ignored.
5. **Claims.** A claim (stance ``claimed``) is *opposed* when, on the same place and
   within the claim's date range widened by one day on each side, either a ``denied``
   event comes from anyone but the claimant, or a ``claimed`` event by another side
   favours a different side. An opposed claim is not a settled change: status
   ``claimed``, controller = the side the claim favours (``actor_gaining``, else the
   claimant). An unopposed claim counts as an ordinary change (its weaker stance only
   matters for same-day ties). A ``denied`` event alone changes nothing; ``reported``
   and ``verified`` events are never downgraded by a denial. The claimant is
   ``attributed_to`` when that is a faction id, else ``actor_gaining``; the denier is
   ``attributed_to`` when a faction id, else ``actor_losing``.
6. **Part of a place.** An event with ``geo_precision`` 2 (a suburb, "the east of the
   city", a base near the town) never hands the whole place to a new side: if its
   outcome would change the controller, the place becomes ``contested`` and keeps its
   previous controller (or the ``actor_losing``, else ``unknown``).
7. **Regions.** Events and baseline rows on a region (``admin1:`` ids) give the REGION a
   state (``geo_precision`` 3); no town-level state is created from a region, and no
   region state from its towns. On a date, when a region report and a town's own evidence
   disagree, or a region's main city has fallen since the region's last report, the states
   are reconciled by the rules of :mod:`geo.timeline.regions` (given a
   :class:`~geo.timeline.regions.Geography`; without one, nothing is reconciled). The
   caller shades the region.
8. **Evidence.** ``ControlState.evidence`` lists the ids of the events (and
   :attr:`~geo.model.BaselineEntry.evidence_id` for a baseline row) that support the
   current state: the deciding event first (on its day, the strongest by rule 3), then the
   others of the same state in the order they were applied. Evidence of the same state
   neither resets ``since`` (the effective date of the change) nor starts a new state.
9. **Evidence ages.** Each piece of evidence speaks of control up to a date: a change up to
   its effective date; a ``held`` statement in the present ("is held by", no time
   expression, or "since ...") up to its publication date (it asserts control as of
   then); any other ``held`` statement up to the end of its date range; a baseline row up
   to its ``as_of``. A state's ``last_evidence`` on a date is the latest of these among
   its evidence, but never after that date. The state is ``stale`` when ``last_evidence``
   is more than ``stale_after_days`` (default :data:`STALE_AFTER_DAYS`) before the date:
   nothing has been reported about the place for that long. A new report renews it. In
   :func:`timelines` (and :func:`history`) each state carries the ``last_evidence`` of its
   whole period (never after the day before the next state begins) and ``stale`` False:
   a history has no date to be stale on.
10. **Names.** ``ControlState.name`` is the place's name as reporting writes it, chosen
    from the written forms of the corpus by :func:`geo.timeline.names.display_names`
    (the gazetteer's names of :class:`~geo.timeline.regions.Geography` are the fallback).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby

from geo.dates import shift
from geo.extract.time.relations import RELATION
from geo.model import REGION_PREFIX, BaselineEntry, ControlEvent, ControlState, Status
from geo.timeline.names import display_names
from geo.timeline.regions import Geography, reconcile
from geo.timeline.rival_claims import RivalClaims, faction, favoured

__all__ = [
    "STALE_AFTER_DAYS",
    "Evidence",
    "Geography",
    "state_on",
    "states_on",
    "history",
    "change_dates",
    "timelines",
]

UNKNOWN = "unknown"
#: A state is stale when its newest evidence is older than this many days (rule 9); a theatre
#: may set its own window.
STALE_AFTER_DAYS = 120
_CHANGE_KINDS = frozenset(
    ("captured", "entered", "contested", "besieged", "siege_broken", "withdrew", "regained")
)
_STANCE_RANK = {"claimed": 0, "reported": 1, "verified": 2}
_DECISIVENESS = {
    "entered": 0,
    "contested": 0,
    "besieged": 1,
    "siege_broken": 2,
    "withdrew": 3,
    "captured": 4,
    "regained": 4,
}


@dataclass(frozen=True, slots=True)
class _Obs:
    """One piece of evidence about one place, ready to fold."""

    key: tuple
    effective: dt.date
    speaks_to: dt.date
    evidence_id: str
    kind: str
    gaining: str | None
    losing: str | None
    precision: int
    opposed_claim: bool = False
    claimant: str | None = None


@dataclass(slots=True)
class _Period:
    controller: str
    status: Status
    since: dt.date
    evidence: list[str] = field(default_factory=list)
    last: dt.date = dt.date.min


@dataclass(frozen=True, slots=True)
class _Where:
    name: str
    lat: float
    lon: float
    geo_precision: int


# --------------------------------------------------------------------------- public folding


def state_on(
    events: Sequence[ControlEvent],
    date: dt.date,
    *,
    baseline: Sequence[BaselineEntry] = (),
    stale_after_days: int = STALE_AFTER_DAYS,
) -> list[ControlState]:
    """Return the state of every place with a known state on ``date``.

    Parameters
    ----------
    events : sequence of ControlEvent
        All extracted events; the folding rules of this module decide which count.
    date : datetime.date
        The day to report; evidence whose effective date is later is not used.
    baseline : sequence of BaselineEntry, optional
        Control before the first event.
    stale_after_days : int, default STALE_AFTER_DAYS
        A state whose newest evidence is older than this on ``date`` is ``stale`` (rule 9).

    Returns
    -------
    list of ControlState
        One state per place, sorted by ``place_id``; evidence up to ``date`` only.
    """
    return Evidence(events, baseline=baseline).state_on(date, stale_after_days=stale_after_days)


def states_on(
    events: Sequence[ControlEvent],
    dates: Sequence[dt.date],
    *,
    baseline: Sequence[BaselineEntry] = (),
    stale_after_days: int = STALE_AFTER_DAYS,
) -> dict[dt.date, list[ControlState]]:
    """Return :func:`state_on` for many dates in one pass over the evidence.

    Equal to ``{d: state_on(events, d, baseline=baseline) for d in dates}``, but the
    evidence is grouped and sorted once and each place is folded once, so the cost grows
    with the evidence plus the states returned, not with their product.
    """
    return Evidence(events, baseline=baseline).states_on(dates, stale_after_days=stale_after_days)


def _snapshots(obs: Sequence[_Obs], wanted: Sequence[dt.date]) -> Iterator[tuple[dt.date, _Period, int, dt.date]]:
    """Return the current period on each wanted date, with how much of its evidence was known and its age then."""
    periods: list[_Period] = []
    k = 0
    for day, group in groupby(obs, key=lambda o: o.effective):
        while k < len(wanted) and wanted[k] < day:  # the state before this day's evidence
            if periods:
                yield wanted[k], periods[-1], len(periods[-1].evidence), periods[-1].last
            k += 1
        if k == len(wanted):
            return
        _apply_day(periods, day, group)
    for day in wanted[k:]:
        if periods:
            yield day, periods[-1], len(periods[-1].evidence), periods[-1].last


def history(
    events: Sequence[ControlEvent],
    place_id: str,
    *,
    baseline: Sequence[BaselineEntry] = (),
) -> list[ControlState]:
    """Return every state of one place, in order (a new state at each change).

    Parameters
    ----------
    events : sequence of ControlEvent
        All extracted events.
    place_id : str
        Gazetteer id of the place.
    baseline : sequence of BaselineEntry, optional
        Control before the first event.

    Returns
    -------
    list of ControlState
        Oldest first; each carries the evidence gathered while it lasted and the
        ``last_evidence`` of its period (``stale`` False, rule 9). Empty when nothing is
        known about the place.
    """
    return timelines(events, baseline=baseline).get(place_id, [])


def change_dates(
    events: Sequence[ControlEvent], *, baseline: Sequence[BaselineEntry] = ()
) -> list[dt.date]:
    """Return every date on which the state of some place begins or changes, sorted."""
    return Evidence(events, baseline=baseline).change_dates()


def timelines(
    events: Sequence[ControlEvent], *, baseline: Sequence[BaselineEntry] = ()
) -> dict[str, list[ControlState]]:
    """Return the history of every place at once, keyed by ``place_id``.

    Folding once is cheaper than calling :func:`history` per place, e.g. for a
    time-sliced map. States carry the ``last_evidence`` of their period and ``stale``
    False (rule 9); regions and towns are not reconciled (a history has no one date).
    """
    return Evidence(events, baseline=baseline).timelines()


class Evidence:
    """The evidence of a corpus, grouped by place and sorted once, to fold in several ways.

    The module's functions each gather the evidence anew; a caller that needs, say, the
    change dates and then the states on some of them gathers it once here.

    Parameters
    ----------
    events : sequence of ControlEvent
        All extracted events; the folding rules of this module decide which count.
    baseline : sequence of BaselineEntry, optional
        Control before the first event.
    geography : Geography, optional
        The gazetteer's names of the places, the region each lies in and each region's
        main city (rules 7 and 10); without it, names come from the written forms alone
        and regions and towns are not reconciled.
    """

    def __init__(self, events: Sequence[ControlEvent], *, baseline: Sequence[BaselineEntry] = (),
                 geography: Geography | None = None) -> None:
        self.geography = geography or Geography()
        self._obs, self._where = _observations(events, baseline, self.geography.names)

    def locations(self) -> dict[str, tuple[float, float]]:
        """Return ``(lat, lon)`` of every place with evidence, keyed by place id."""
        return {pid: (w.lat, w.lon) for pid, w in self._where.items() if pid in self._obs}

    def state_on(self, date: dt.date, *, stale_after_days: int = STALE_AFTER_DAYS) -> list[ControlState]:
        """Return :func:`state_on` for this evidence (reconciled by the geography, rule 7)."""
        states = []
        for place_id in sorted(self._obs):
            periods = _fold(o for o in self._obs[place_id] if o.effective <= date)
            if periods:
                states.append(_state(place_id, self._where[place_id], periods[-1],
                                     _aged(periods[-1].last, date, stale_after_days)))
        return reconcile(states, self.geography)

    def states_on(self, dates: Sequence[dt.date], *,
                  stale_after_days: int = STALE_AFTER_DAYS) -> dict[dt.date, list[ControlState]]:
        """Return :func:`states_on` for this evidence (reconciled by the geography, rule 7)."""
        wanted = sorted(set(dates))
        out: dict[dt.date, list[ControlState]] = {d: [] for d in wanted}
        for place_id in sorted(self._obs):
            for day, period, n_evidence, last in _snapshots(self._obs[place_id], wanted):
                out[day].append(_state(place_id, self._where[place_id],
                                       _Period(period.controller, period.status, period.since,
                                               period.evidence[:n_evidence]),
                                       _aged(last, day, stale_after_days)))
        return {d: reconcile(states, self.geography) for d, states in out.items()}

    def timelines(self) -> dict[str, list[ControlState]]:
        """Return :func:`timelines` for this evidence."""
        out = {}
        for pid in sorted(self._obs):
            periods = _fold(self._obs[pid])
            ends = [shift(p.since, -1) for p in periods[1:]] + [dt.date.max] * bool(periods)
            out[pid] = [_state(pid, self._where[pid], p, (min(p.last, end), False))
                        for p, end in zip(periods, ends, strict=True)]
        return out

    def change_dates(self) -> list[dt.date]:
        """Return :func:`change_dates` for this evidence."""
        return sorted({s.since for hist in self.timelines().values() for s in hist if s.since is not None})


def _aged(last: dt.date, day: dt.date, stale_after_days: int) -> tuple[dt.date, bool]:
    """Return the last evidence date as known on *day* and whether it is stale then (rule 9)."""
    known = min(last, day)
    return known, (day - known).days > stale_after_days


# --------------------------------------------------------------------------- evidence


def _is_region(place_id: str) -> bool:
    return place_id.startswith(REGION_PREFIX)


def _effective(ev: ControlEvent) -> dt.date:
    assert ev.date is not None
    if ev.kind in _CHANGE_KINDS:
        return ev.date_end or ev.date
    return ev.date


def _speaks_to(ev: ControlEvent) -> dt.date:
    """Return the last date an event speaks of (rule 9)."""
    effective = _effective(ev)
    if ev.kind in _CHANGE_KINDS:
        return effective
    first = (ev.time_text or "").strip().lower().split(maxsplit=1)
    present = not first or RELATION.get(first[0]) == "since"
    if present and ev.published is not None:
        return max(ev.published, effective)
    return max(ev.date_end or effective, effective)


def _counts(ev: ControlEvent) -> bool:
    if ev.date is None or not ev.place_id or ev.duplicate_of:
        return False
    if ev.place_id.startswith("country:"):
        return False
    return ev.geo_precision != 3 or _is_region(ev.place_id)


def _event_obs(ev: ControlEvent, rivals: RivalClaims) -> _Obs:
    opposed = ev.stance == "claimed" and rivals.opposes(ev)
    klass = 2 if ev.kind in _CHANGE_KINDS else 1
    key = (
        _effective(ev),
        klass,
        _STANCE_RANK.get(ev.stance, 1),
        _DECISIVENESS.get(ev.kind, -1),
        ev.confidence,
        ev.id,
    )
    return _Obs(
        key=key,
        effective=key[0],
        speaks_to=_speaks_to(ev),
        evidence_id=ev.id,
        kind=ev.kind,
        gaining=faction(ev.actor_gaining),
        losing=faction(ev.actor_losing),
        precision=2 if ev.geo_precision == 2 else 1,
        opposed_claim=opposed,
        claimant=favoured(ev) if opposed else None,
    )


def _baseline_obs(entry: BaselineEntry) -> _Obs:
    key = (entry.as_of, 0, 0, 0, 0.0, entry.evidence_id)
    return _Obs(
        key=key,
        effective=entry.as_of,
        speaks_to=entry.as_of,
        evidence_id=entry.evidence_id,
        kind="baseline",
        gaining=entry.controller,
        losing=None,
        precision=1,
    )


def _observations(
    events: Sequence[ControlEvent], baseline: Sequence[BaselineEntry], official: Mapping[str, str]
) -> tuple[dict[str, list[_Obs]], dict[str, _Where]]:
    """Group the evidence by place, sorted by rule 3, and where each place is (named by rule 10)."""
    by_place: dict[str, list[ControlEvent]] = defaultdict(list)
    written: dict[str, list[str]] = defaultdict(list)
    for ev in events:
        if ev.place_id:
            written[ev.place_id].append(ev.place)
        if _counts(ev):
            by_place[ev.place_id].append(ev)  # type: ignore[index]
    obs: dict[str, list[_Obs]] = defaultdict(list)
    where: dict[str, _Where] = {}
    gazetteer_names = dict(official)
    for entry in baseline:
        written[entry.place_id].append(entry.place)
        gazetteer_names.setdefault(entry.place_id, entry.name)
    names = display_names(written, gazetteer_names)
    for entry in baseline:
        obs[entry.place_id].append(_baseline_obs(entry))
        where.setdefault(
            entry.place_id, _Where(names[entry.place_id], entry.lat, entry.lon, entry.geo_precision)
        )
    for place_id, evs in by_place.items():
        rivals = RivalClaims(evs)
        for ev in evs:
            if ev.stance != "denied" and (ev.kind in _CHANGE_KINDS or ev.kind == "held"):
                obs[place_id].append(_event_obs(ev, rivals))
        located = sorted((e for e in evs if e.lat is not None and e.lon is not None),
                         key=lambda e: (_effective(e), e.id))
        if place_id not in where and located:
            first = located[0]
            precision = 3 if _is_region(place_id) else 1
            where[place_id] = _Where(names[place_id], first.lat, first.lon, precision)  # type: ignore[arg-type]
    return ({pid: sorted(o, key=lambda x: x.key) for pid, o in obs.items() if o and pid in where},
            where)


# --------------------------------------------------------------------------- the fold


def _defender(obs: _Obs, prev: str | None) -> str:
    if prev is not None and prev != UNKNOWN and prev != obs.gaining:
        return prev
    return obs.losing or UNKNOWN


def _outcome(obs: _Obs, prev: str | None, prev_status: str | None) -> tuple[str, Status] | None:
    """Return the (controller, status) one piece of evidence leads to (rules 4-6)."""
    kind = obs.kind
    result: tuple[str, Status]
    if obs.opposed_claim:
        result = (obs.claimant or UNKNOWN, "claimed")
    elif kind in ("baseline", "held"):
        if obs.gaining is None:
            return None
        result = (obs.gaining, "held")
    elif kind in ("captured", "regained"):
        result = (obs.gaining or UNKNOWN, "held")
    elif kind in ("entered", "contested"):
        result = (_defender(obs, prev), "contested")
    elif kind == "besieged":
        result = (_defender(obs, prev), "besieged")
    elif kind == "siege_broken":
        holder = prev if prev_status == "besieged" else (obs.gaining or prev)
        result = (holder or UNKNOWN, "held")
    elif kind == "withdrew":
        if obs.gaining:
            result = (obs.gaining, "held")
        elif obs.losing and prev is not None and prev not in (UNKNOWN, obs.losing):
            result = (prev, "held")
        else:
            result = (UNKNOWN, "contested")
    else:
        return None
    if obs.precision == 2 and result[0] != prev:
        keeper = prev if prev is not None else (obs.losing or UNKNOWN)
        result = (keeper, "contested")
    return result


def _fold(obs: Iterable[_Obs]) -> list[_Period]:
    """Apply the evidence day by day; one period per distinct (controller, status)."""
    periods: list[_Period] = []
    for day, group in groupby(obs, key=lambda o: o.effective):
        _apply_day(periods, day, group)
    return periods


def _apply_day(periods: list[_Period], day: dt.date, group: Iterable[_Obs]) -> None:
    """Apply one day's evidence (in order) to the periods so far, in place."""
    cur = periods[-1] if periods else None
    state: tuple[str, Status] | None = (cur.controller, cur.status) if cur else None
    support: list[str] = []
    last = dt.date.min
    for o in group:
        out = _outcome(o, state[0] if state else None, state[1] if state else None)
        if out is None:
            continue
        if out != state:
            support, state, last = [], out, dt.date.min
        support.insert(0, o.evidence_id)  # later in the day = stronger = decides
        last = max(last, o.speaks_to)
    if state is None or not support:
        return
    if cur is not None and state == (cur.controller, cur.status):
        cur.evidence.extend(support)
        cur.last = max(cur.last, last)
    else:
        periods.append(_Period(state[0], state[1], day, support, last))


def _state(place_id: str, where: _Where, period: _Period, aged: tuple[dt.date, bool]) -> ControlState:
    return ControlState(
        place_id=place_id,
        name=where.name,
        lat=where.lat,
        lon=where.lon,
        controller=period.controller,
        status=period.status,
        since=period.since,
        evidence=tuple(period.evidence),
        geo_precision=where.geo_precision,
        last_evidence=aged[0],
        stale=aged[1],
    )
