"""Tests of geo.timeline.fold: each folding rule on small hand-made event lists."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from gazetteer.model import Place
from geo.model import BaselineEntry, ControlEvent
from geo.timeline.fold import (
    Evidence,
    Geography,
    change_dates,
    history,
    state_on,
    states_on,
    timelines,
)

D = dt.date
TOWN = "geonames:1"
CITY = "geonames:2"
REGION = "admin1:XX-01"

PLACES = {
    "Alpha": Place(id=TOWN, name="Alpha", kind="town", lat=36.0, lon=37.0),
    "Beta": Place(id=CITY, name="Beta", kind="city", lat=35.0, lon=36.5),
    "North province": Place(id=REGION, name="North", kind="admin1", lat=35.9, lon=36.6),
}

_counter = iter(range(1_000_000))


def ev(kind: str, date: dt.date | None, **kw: object) -> ControlEvent:
    """A ControlEvent on the town Alpha unless told otherwise."""
    place_id = kw.pop("place_id", TOWN)
    fields: dict[str, object] = dict(
        id=f"e{next(_counter)}",
        article="a1",
        published=date,
        place="Alpha",
        place_id=place_id,
        lat=36.0,
        lon=37.0,
        geo_precision=3 if str(place_id).startswith("admin1:") else 1,
        date=date,
        date_end=None,
        date_precision="day",
        time_text=None,
        kind=kind,
        actor_gaining=None,
        actor_losing=None,
        stance="reported",
        attributed_to=None,
        sentence="s",
        start=0,
        end=1,
        confidence=0.8,
    )
    fields.update(kw)
    return ControlEvent(**fields)  # type: ignore[arg-type]


def base(controller: str, as_of: dt.date, place: str = "Alpha") -> BaselineEntry:
    p = PLACES[place]
    prec = 3 if p.id.startswith("admin1:") else 1
    return BaselineEntry(place, p.id, p.name, p.lat, p.lon, controller, as_of, "test", prec)


def only(states: list, place_id: str = TOWN):
    found = [s for s in states if s.place_id == place_id]
    assert len(found) == 1, found
    return found[0]


GOV = base("government", D(2024, 11, 26))


# ------------------------------------------------------------------ what counts


def test_captured_changes_controller_from_effective_date() -> None:
    cap = ev("captured", D(2024, 11, 29), actor_gaining="opposition", actor_losing="government")
    before = only(state_on([cap], D(2024, 11, 28), baseline=[GOV]))
    after = only(state_on([cap], D(2024, 11, 29), baseline=[GOV]))
    assert (before.controller, before.status, before.since) == ("government", "held", D(2024, 11, 26))
    assert (after.controller, after.status, after.since) == ("opposition", "held", D(2024, 11, 29))
    assert after.evidence == (cap.id,)
    assert (after.name, after.lat, after.lon, after.geo_precision) == ("Alpha", 36.0, 37.0, 1)


def test_undated_and_unplaced_events_are_left_out() -> None:
    undated = ev("captured", None, actor_gaining="opposition")
    unplaced = ev("captured", D(2024, 11, 29), place_id=None, actor_gaining="opposition")
    assert state_on([undated, unplaced], D(2025, 1, 1)) == []
    s = only(state_on([undated, unplaced], D(2025, 1, 1), baseline=[GOV]))
    assert s.controller == "government" and s.evidence == (GOV.evidence_id,)


def test_duplicate_report_counts_once() -> None:
    orig = ev("captured", D(2024, 11, 29), actor_gaining="opposition")
    dup = dataclasses.replace(orig, id="dup", article="a2", duplicate_of=orig.id)
    s = only(state_on([orig, dup], D(2024, 12, 1)))
    assert s.evidence == (orig.id,)
    assert state_on([dup], D(2024, 12, 1)) == []


def test_change_takes_effect_at_end_of_range_held_at_start() -> None:
    late_nov = ev("captured", D(2024, 11, 21), date_end=D(2024, 11, 30),
                  date_precision="week", actor_gaining="opposition")
    assert only(state_on([late_nov], D(2024, 11, 29), baseline=[GOV])).controller == "government"
    assert only(state_on([late_nov], D(2024, 11, 30), baseline=[GOV])).controller == "opposition"
    held = ev("held", D(2024, 6, 1), date_end=D(2024, 6, 30), actor_gaining="sdf")
    assert only(state_on([held], D(2024, 6, 1))).since == D(2024, 6, 1)


# ------------------------------------------------------------------ ordering


def test_latest_dated_evidence_wins_even_a_later_held() -> None:
    cap = ev("captured", D(2024, 11, 29), actor_gaining="opposition")
    held = ev("held", D(2024, 12, 3), actor_gaining="government")
    s = only(state_on([held, cap], D(2024, 12, 5)))
    assert (s.controller, s.since, s.evidence) == ("government", D(2024, 12, 3), (held.id,))


def test_same_day_change_beats_held() -> None:
    cap = ev("captured", D(2024, 11, 29), actor_gaining="opposition", stance="claimed")
    held = ev("held", D(2024, 11, 29), actor_gaining="government", stance="verified")
    assert only(state_on([cap, held], D(2024, 11, 29))).controller == "opposition"
    assert only(state_on([held, cap], D(2024, 11, 29))).controller == "opposition"


def test_same_day_verified_beats_reported_beats_claimed() -> None:
    day = D(2024, 11, 29)
    claimed = ev("captured", day, actor_gaining="opposition", stance="claimed")
    reported = ev("regained", day, actor_gaining="government", stance="reported")
    verified = ev("captured", day, actor_gaining="sna", stance="verified")
    for order in ([claimed, reported, verified], [verified, claimed, reported]):
        assert only(state_on(order, day)).controller == "sna"
    assert only(state_on([claimed, reported], day)).controller == "government"


def test_same_day_more_decisive_kind_wins() -> None:
    day = D(2024, 11, 30)
    entered = ev("entered", day, actor_gaining="opposition", actor_losing="government")
    captured = ev("captured", day, actor_gaining="opposition", actor_losing="government")
    s = only(state_on([captured, entered], day, baseline=[GOV]))
    assert (s.controller, s.status, s.evidence) == ("opposition", "held", (captured.id,))


# ------------------------------------------------------------------ transitions


def test_entered_is_contested_and_defender_keeps_it_until_capture() -> None:
    entered = ev("entered", D(2024, 11, 29), actor_gaining="opposition")
    captured = ev("captured", D(2024, 11, 30), actor_gaining="opposition")
    s = only(state_on([entered, captured], D(2024, 11, 29), baseline=[GOV]))
    assert (s.controller, s.status, s.since) == ("government", "contested", D(2024, 11, 29))
    s = only(state_on([entered, captured], D(2024, 11, 30), baseline=[GOV]))
    assert (s.controller, s.status) == ("opposition", "held")


def test_entered_keeps_previous_holder_over_actor_losing() -> None:
    entered = ev("entered", D(2024, 11, 29), actor_gaining="opposition", actor_losing="sdf")
    assert only(state_on([entered], D(2024, 11, 29), baseline=[GOV])).controller == "government"


def test_event_on_the_baseline_day_beats_the_baseline() -> None:
    cap = ev("captured", D(2024, 11, 26), actor_gaining="opposition", stance="claimed")
    s = only(state_on([cap], D(2024, 11, 26), baseline=[GOV]))
    assert (s.controller, s.evidence) == ("opposition", (cap.id,))


def test_entered_without_previous_holder_uses_actor_losing_else_unknown() -> None:
    with_loser = ev("contested", D(2024, 11, 29), actor_gaining="sdf", actor_losing="islamic_state")
    assert only(state_on([with_loser], D(2024, 12, 1))).controller == "islamic_state"
    bare = ev("entered", D(2024, 11, 29), actor_gaining="opposition")
    s = only(state_on([bare], D(2024, 12, 1)))
    assert (s.controller, s.status) == ("unknown", "contested")


def test_regained_returns_place_to_gainer() -> None:
    lost = ev("captured", D(2016, 8, 6), actor_gaining="opposition", actor_losing="government")
    back = ev("regained", D(2016, 9, 4), actor_gaining="government", actor_losing="opposition")
    hist = history([back, lost], TOWN)
    assert [(h.controller, h.status, h.since) for h in hist] == [
        ("opposition", "held", D(2016, 8, 6)),
        ("government", "held", D(2016, 9, 4)),
    ]


def test_withdrawal_rules() -> None:
    day = D(2024, 12, 5)
    handed = ev("withdrew", day, actor_losing="government", actor_gaining="opposition")
    assert only(state_on([handed], day, baseline=[GOV])).controller == "opposition"
    attacker_left = ev("withdrew", day, actor_losing="opposition")
    s = only(state_on([attacker_left], day, baseline=[GOV]))
    assert (s.controller, s.status, s.since) == ("government", "held", D(2024, 11, 26))
    defender_left = ev("withdrew", day, actor_losing="government")
    s = only(state_on([defender_left], day, baseline=[GOV]))
    assert (s.controller, s.status) == ("unknown", "contested")


def test_siege_changes_status_not_owner() -> None:
    rebels = base("opposition", D(2016, 6, 1))
    siege = ev("besieged", D(2016, 7, 17), actor_gaining="government", actor_losing="opposition")
    broken = ev("siege_broken", D(2016, 8, 6), actor_gaining="opposition", actor_losing="government")
    hist = history([siege, broken], TOWN, baseline=[rebels])
    assert [(h.controller, h.status) for h in hist] == [
        ("opposition", "held"), ("opposition", "besieged"), ("opposition", "held")]
    assert hist[1].since == D(2016, 7, 17) and hist[2].evidence == (broken.id,)


def test_siege_broken_by_an_ally_leaves_the_place_with_the_besieged_holder() -> None:
    siege = ev("besieged", D(2016, 7, 17), actor_gaining="government", actor_losing="opposition")
    relief = ev("siege_broken", D(2016, 8, 6), actor_gaining="sna", actor_losing="government")
    s = only(state_on([siege, relief], D(2016, 8, 6)))
    assert (s.controller, s.status) == ("opposition", "held")


def test_siege_broken_without_prior_siege_goes_to_the_relieving_side() -> None:
    broken = ev("siege_broken", D(2016, 8, 6), actor_gaining="opposition")
    assert only(state_on([broken], D(2016, 8, 6))).controller == "opposition"


# ------------------------------------------------------------------ claims and denials


def test_claim_denied_by_other_side_is_claimed_not_a_change() -> None:
    claim = ev("captured", D(2016, 8, 6), actor_gaining="opposition", actor_losing="government",
               stance="claimed", attributed_to="opposition")
    denial = ev("captured", D(2016, 8, 7), actor_gaining="opposition", stance="denied",
                attributed_to="government")
    s = only(state_on([claim, denial], D(2016, 8, 8), baseline=[GOV]))
    assert (s.controller, s.status, s.evidence) == ("opposition", "claimed", (claim.id,))


def test_denial_alone_changes_nothing() -> None:
    denial = ev("captured", D(2024, 11, 29), actor_gaining="opposition", stance="denied",
                attributed_to="government")
    assert state_on([denial], D(2024, 11, 30)) == []
    s = only(state_on([denial], D(2024, 11, 30), baseline=[GOV]))
    assert (s.controller, s.status, s.evidence) == ("government", "held", (GOV.evidence_id,))


def test_denial_far_away_in_time_or_by_claimant_does_not_oppose() -> None:
    claim = ev("captured", D(2016, 8, 6), actor_gaining="opposition", stance="claimed")
    late = ev("captured", D(2016, 8, 9), actor_gaining="opposition", stance="denied",
              attributed_to="government")
    own = ev("captured", D(2016, 8, 6), stance="denied", attributed_to="opposition")
    for denial in (late, own):
        s = only(state_on([claim, denial], D(2016, 8, 10)))
        assert (s.controller, s.status) == ("opposition", "held")


def test_unopposed_claim_is_a_change() -> None:
    claim = ev("captured", D(2024, 11, 29), actor_gaining="opposition", stance="claimed")
    s = only(state_on([claim], D(2024, 11, 29), baseline=[GOV]))
    assert (s.controller, s.status, s.since) == ("opposition", "held", D(2024, 11, 29))


def test_contradicting_claims_of_both_sides_are_claimed() -> None:
    rebels = ev("entered", D(2024, 11, 29), actor_gaining="opposition", stance="claimed",
                attributed_to="opposition")
    army = ev("regained", D(2024, 11, 30), actor_gaining="government", stance="claimed",
              attributed_to="government")
    s = only(state_on([rebels, army], D(2024, 11, 29), baseline=[GOV]))
    assert (s.controller, s.status) == ("opposition", "claimed")
    s = only(state_on([rebels, army], D(2024, 11, 30), baseline=[GOV]))
    assert (s.controller, s.status) == ("government", "claimed")


def test_claims_by_both_sides_that_agree_are_not_opposed() -> None:
    rebels = ev("captured", D(2024, 11, 29), actor_gaining="opposition", stance="claimed",
                attributed_to="opposition")
    admitted = ev("captured", D(2024, 11, 29), actor_gaining="opposition", stance="claimed",
                  attributed_to="government")
    s = only(state_on([rebels, admitted], D(2024, 11, 29), baseline=[GOV]))
    assert (s.controller, s.status) == ("opposition", "held")
    assert set(s.evidence) == {rebels.id, admitted.id}


def test_reported_event_is_not_downgraded_by_denial() -> None:
    reported = ev("siege_broken", D(2016, 8, 6), actor_gaining="opposition")
    denial = ev("siege_broken", D(2016, 8, 7), stance="denied", attributed_to="government")
    s = only(state_on([reported, denial], D(2016, 8, 7)))
    assert (s.controller, s.status) == ("opposition", "held")


# ------------------------------------------------------------------ precision and regions


def test_part_of_a_place_contests_but_never_hands_it_over() -> None:
    suburb = ev("captured", D(2024, 11, 29), actor_gaining="opposition", geo_precision=2)
    s = only(state_on([suburb], D(2024, 11, 29), baseline=[GOV]))
    assert (s.controller, s.status) == ("government", "contested")
    s = only(state_on([suburb], D(2024, 11, 29)))
    assert (s.controller, s.status) == ("unknown", "contested")


def test_region_events_give_the_region_a_state_and_no_town_state() -> None:
    region = ev("captured", D(2024, 12, 7), place_id=REGION, place="the North region",
                actor_gaining="opposition")
    states = state_on([region], D(2024, 12, 8), baseline=[GOV])
    r = only(states, REGION)
    assert (r.controller, r.geo_precision, r.name) == ("opposition", 3, "the North region")
    assert only(states, TOWN).controller == "government"
    assert {s.place_id for s in state_on([region], D(2024, 12, 8))} == {REGION}


def test_region_baseline_and_region_precision_on_town_id() -> None:
    north = base("opposition", D(2024, 11, 26), "North province")
    assert only(state_on([], D(2024, 11, 27), baseline=[north]), REGION).geo_precision == 3
    vague = ev("captured", D(2024, 12, 7), actor_gaining="opposition", geo_precision=3)
    assert state_on([vague], D(2024, 12, 8)) == []


# ------------------------------------------------------------------ evidence, history, dates


def test_baseline_applies_from_as_of_only() -> None:
    assert state_on([], D(2024, 11, 25), baseline=[GOV]) == []
    s = only(state_on([], D(2024, 11, 26), baseline=[GOV]))
    assert s.evidence == (GOV.evidence_id,) and s.since == D(2024, 11, 26)


def test_evidence_deciding_first_then_corroborating_and_since_kept() -> None:
    day = D(2024, 11, 29)
    claimed = ev("entered", day, actor_gaining="opposition", stance="claimed")
    verified = ev("entered", day, actor_gaining="opposition", stance="verified")
    later = ev("contested", D(2024, 11, 30), actor_gaining="opposition")
    s = only(state_on([later, claimed, verified], D(2024, 12, 1), baseline=[GOV]))
    assert (s.status, s.since) == ("contested", day)
    assert s.evidence == (verified.id, claimed.id, later.id)
    held = ev("held", D(2024, 11, 28), actor_gaining="government")
    s = only(state_on([held], D(2024, 11, 28), baseline=[GOV]))
    assert s.evidence == (GOV.evidence_id, held.id) and s.since == D(2024, 11, 26)


def test_evidence_of_state_on_stops_at_the_date() -> None:
    cap = ev("captured", D(2024, 11, 29), actor_gaining="opposition")
    confirm = ev("held", D(2024, 12, 2), actor_gaining="opposition")
    assert only(state_on([cap, confirm], D(2024, 11, 30))).evidence == (cap.id,)
    assert only(state_on([cap, confirm], D(2024, 12, 2))).evidence == (cap.id, confirm.id)


def test_history_and_change_dates() -> None:
    other = base("government", D(2024, 11, 20), "Beta")
    events = [
        ev("entered", D(2024, 11, 29), actor_gaining="opposition"),
        ev("captured", D(2024, 11, 30), actor_gaining="opposition"),
        ev("held", D(2024, 12, 2), actor_gaining="opposition"),
    ]
    hist = history(events, TOWN, baseline=[GOV, other])
    assert [(h.controller, h.status, h.since) for h in hist] == [
        ("government", "held", D(2024, 11, 26)),
        ("government", "contested", D(2024, 11, 29)),
        ("opposition", "held", D(2024, 11, 30)),
    ]
    assert hist[-1].evidence == (events[1].id, events[2].id)
    assert history(events, "geonames:404") == []
    assert change_dates(events, baseline=[GOV, other]) == [
        D(2024, 11, 20), D(2024, 11, 26), D(2024, 11, 29), D(2024, 11, 30)]


_KINDS = ["captured", "entered", "contested", "besieged", "siege_broken", "withdrew",
          "regained", "held"]
_SIDES = [None, "government", "opposition", "sdf"]
_event_args = st.tuples(
    st.sampled_from(_KINDS), st.integers(0, 20), st.integers(0, 3),
    st.sampled_from(_SIDES), st.sampled_from(_SIDES),
    st.sampled_from(["reported", "claimed", "denied", "verified"]), st.sampled_from([1, 2]),
    st.sampled_from([TOWN, CITY]),
)


def _generated_events(args: list, start: dt.date) -> list[ControlEvent]:
    return [ev(k, start + dt.timedelta(days=d), date_end=start + dt.timedelta(days=d + span),
               actor_gaining=g, actor_losing=lo, stance=s, geo_precision=p, place_id=pid)
            for k, d, span, g, lo, s, p, pid in args]


@settings(max_examples=150, deadline=None)
@given(st.lists(_event_args, max_size=12), st.randoms(use_true_random=False))
def test_fold_is_order_independent_and_consistent(args: list, rnd: random.Random) -> None:
    start = D(2024, 11, 1)
    events = _generated_events(args, start)
    shuffled = events[:]
    rnd.shuffle(shuffled)
    assert timelines(events, baseline=[GOV]) == timelines(shuffled, baseline=[GOV])
    for pid, hist in timelines(events, baseline=[GOV]).items():
        for a, b in zip(hist, hist[1:]):
            assert a.since < b.since and (a.controller, a.status) != (b.controller, b.status)
        for h in hist:
            now = only(state_on(shuffled, h.since, baseline=[GOV]), pid)
            assert (now.controller, now.status, now.since) == (h.controller, h.status, h.since)


@settings(max_examples=150, deadline=None)
@given(st.lists(_event_args, max_size=14), st.lists(st.integers(-2, 26), max_size=8))
def test_states_on_many_dates_equals_state_on_each(args: list, offsets: list[int]) -> None:
    start = D(2024, 11, 1)
    events = _generated_events(args, start)
    dates = [start + dt.timedelta(days=o) for o in offsets] + change_dates(events, baseline=[GOV])
    many = states_on(events, dates, baseline=[GOV])
    assert set(many) == set(dates)
    for day in dates:  # same states, same evidence known by that day
        assert many[day] == state_on(events, day, baseline=[GOV])


@settings(max_examples=100, deadline=None)
@given(st.lists(_event_args, max_size=14), st.lists(st.integers(-2, 26), max_size=8))
def test_evidence_gathered_once_folds_like_fresh_calls(args: list, offsets: list[int]) -> None:
    start = D(2024, 11, 1)
    events = _generated_events(args, start)
    evidence = Evidence(events, baseline=[GOV])
    dates = [start + dt.timedelta(days=o) for o in offsets]
    for _ in range(2):  # folding never changes the gathered evidence: a second round gives the same
        assert evidence.change_dates() == change_dates(events, baseline=[GOV])
        assert evidence.timelines() == timelines(events, baseline=[GOV])
        assert evidence.states_on(dates) == states_on(events, dates, baseline=[GOV])
        for day in dates:
            assert evidence.state_on(day) == state_on(events, day, baseline=[GOV])



# ------------------------------------------------------------------ evidence ages (rule 9)


def test_a_capture_ages_from_its_effective_date_and_goes_stale_after_the_window() -> None:
    cap = ev("captured", D(2016, 8, 1), date_end=D(2016, 8, 7), actor_gaining="opposition")
    s = only(state_on([cap], D(2016, 9, 1)))
    assert (s.last_evidence, s.stale) == (D(2016, 8, 7), False)
    s = only(state_on([cap], D(2024, 11, 26)))
    assert (s.controller, s.last_evidence, s.stale) == ("opposition", D(2016, 8, 7), True)
    assert only(state_on([cap], D(2016, 12, 5))).stale is False  # 120 days: not yet
    assert only(state_on([cap], D(2016, 12, 6))).stale is True
    assert only(state_on([cap], D(2016, 12, 6), stale_after_days=365)).stale is False


def test_a_present_held_statement_speaks_up_to_its_publication() -> None:
    # "Russian forces have held Mariupol since May 2022", published a year later
    since = ev("held", D(2022, 5, 1), date_end=D(2023, 5, 20), time_text="since May 2022",
               published=D(2023, 5, 20), actor_gaining="russia")
    assert only(state_on([since], D(2023, 6, 1))).last_evidence == D(2023, 5, 20)
    # known by the query date: on an earlier date the same report speaks up to that date
    assert only(state_on([since], D(2022, 9, 1))).last_evidence == D(2022, 9, 1)
    # "El Fasher is held by the army" (no time expression): the week up to publication
    now = ev("held", D(2024, 6, 3), date_end=D(2024, 6, 9), date_precision="week", published=D(2024, 6, 9),
             actor_gaining="government")
    assert only(state_on([now], D(2024, 10, 1))).last_evidence == D(2024, 6, 9)
    # "previously under government control" in late November: a past period ends there
    past = ev("held", D(2024, 11, 20), time_text="in late November", published=D(2024, 12, 8),
              actor_gaining="government")
    assert only(state_on([past], D(2024, 12, 8))).last_evidence == D(2024, 11, 20)


def test_a_new_report_renews_a_stale_state_and_a_baseline_row_ages_from_as_of() -> None:
    cap = ev("captured", D(2016, 8, 7), actor_gaining="opposition")
    again = ev("held", D(2024, 11, 20), date_end=D(2024, 11, 26), published=D(2024, 11, 26),
               actor_gaining="opposition")
    s = only(state_on([cap, again], D(2024, 12, 1)))
    assert (s.since, s.last_evidence, s.stale) == (D(2016, 8, 7), D(2024, 11, 26), False)
    s = only(state_on([], D(2025, 6, 1), baseline=[GOV]))
    assert (s.last_evidence, s.stale) == (D(2024, 11, 26), True)


def test_history_states_carry_the_age_of_their_period_and_are_never_stale() -> None:
    cap = ev("captured", D(2016, 8, 7), actor_gaining="opposition")
    hist = history([cap], TOWN, baseline=[base("government", D(2016, 6, 1))])
    assert [(h.controller, h.last_evidence, h.stale) for h in hist] == [
        ("government", D(2016, 6, 1), False), ("opposition", D(2016, 8, 7), False)]


# ------------------------------------------------------------------ names (rule 10)


def test_a_mark_is_named_by_the_proper_form_reporting_uses_never_a_phrase() -> None:
    base_phrase = ev("captured", D(2016, 8, 7), place="the base", actor_gaining="opposition")
    named = Evidence([base_phrase], geography=Geography(names={TOWN: "Ramouseh Artillery Academy"}))
    assert only(named.state_on(D(2016, 8, 8))).name == "Ramouseh Artillery Academy"
    towns = [ev("captured", D(2024, 12, 1), place=p, actor_gaining="opposition") for p in ("El Fasher", "the town",
                                                                                    "El Fasher", "al-Fashir")]
    assert only(Evidence(towns).state_on(D(2024, 12, 2))).name == "El Fasher"
    folded = Evidence([ev("captured", D(2024, 12, 1), place="the city", actor_gaining="opposition")],
                      geography=Geography(names={TOWN: "Ḩamāh"}))
    assert only(folded.state_on(D(2024, 12, 2))).name == "Hamah"  # no proper form: the gazetteer's, plain
    s = only(Evidence(towns).state_on(D(2024, 12, 2)))
    assert set(s.evidence) == {e.id for e in towns}  # the words as written stay with the cited events
