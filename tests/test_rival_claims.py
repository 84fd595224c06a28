"""RivalClaims: the date index finds exactly the claims the pairwise rule calls opposed.

The pairwise rule below is kept as the reference: it is the definition of an opposed claim (every
other event of the place checked, twenty lines), which the written cases illustrate; the index
is the fast way to the same answer.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from geo.timeline.rival_claims import RivalClaims, claimant, faction, favoured
from tests.test_timeline import ev

D = dt.date


# ------------------------------------------------------------- the pairwise rule (the reference)


def _near_plain(a, b, slack: int = 1) -> bool:
    pad = dt.timedelta(days=slack)
    return b.date <= (a.date_end or a.date) + pad and (b.date_end or b.date) >= a.date - pad


def _opposed_plain(claim, same_place) -> bool:
    who, side = claimant(claim), favoured(claim)
    for other in same_place:
        if other.id == claim.id or other.date is None or not _near_plain(claim, other):
            continue
        if other.stance == "denied":
            denier = faction(other.attributed_to) or faction(other.actor_losing)
            if denier is None or denier != who:
                return True
        elif other.stance == "claimed":
            o_who, o_side = claimant(other), favoured(other)
            if None not in (who, o_who, side, o_side) and o_who != who and o_side != side:
                return True
    return False


# ------------------------------------------------------------------------------ written cases


def test_a_denial_by_the_other_side_the_next_day_opposes_a_claim() -> None:
    claim = ev("captured", D(2024, 11, 29), actor_gaining="opposition", stance="claimed",
               attributed_to="opposition")
    denial = ev("captured", D(2024, 11, 30), stance="denied", attributed_to="government")
    assert RivalClaims([claim, denial]).opposes(claim)


def test_a_denial_two_days_away_does_not_oppose() -> None:
    claim = ev("captured", D(2024, 11, 29), actor_gaining="opposition", stance="claimed",
               attributed_to="opposition")
    denial = ev("captured", D(2024, 12, 1), stance="denied", attributed_to="government")
    assert not RivalClaims([claim, denial]).opposes(claim)


def test_a_denial_by_the_claimant_itself_does_not_oppose() -> None:
    claim = ev("captured", D(2024, 11, 29), actor_gaining="opposition", stance="claimed",
               attributed_to="opposition")
    retraction = ev("captured", D(2024, 11, 29), stance="denied", attributed_to="opposition")
    assert not RivalClaims([claim, retraction]).opposes(claim)


def test_a_long_range_counter_claim_opposes_a_claim_inside_it() -> None:
    claim = ev("captured", D(2016, 8, 6), actor_gaining="opposition", stance="claimed",
               attributed_to="opposition")
    all_year = ev("held", D(2016, 1, 1), date_end=D(2016, 12, 31), actor_gaining="government",
                  stance="claimed", attributed_to="government")
    many_old = [ev("captured", D(2015, 1, 1) + dt.timedelta(days=k), stance="denied", attributed_to="government")
                for k in range(200)]
    assert RivalClaims([claim, *many_old, all_year]).opposes(claim)
    assert not RivalClaims([claim, *many_old]).opposes(claim)


def test_reports_and_undated_events_never_oppose() -> None:
    claim = ev("captured", D(2024, 11, 29), actor_gaining="opposition", stance="claimed",
               attributed_to="opposition")
    report = ev("captured", D(2024, 11, 29), actor_gaining="government", stance="reported",
                attributed_to="government")
    undated = ev("captured", None, stance="denied", attributed_to="government")
    assert not RivalClaims([claim, report, undated]).opposes(claim)


# ------------------------------------------------------------------------------ against the rule

_SIDES = st.sampled_from([None, "government", "opposition", "sdf", "unknown", "isis", "Nobody"])
_DAY0 = D(2024, 11, 1)


@st.composite
def _events(draw):
    start = _DAY0 + dt.timedelta(days=draw(st.integers(0, 60)))
    span = draw(st.sampled_from([None, 0, 1, 2, 30, 31, 32, 90, 400, -3]))
    end = None if span is None else start + dt.timedelta(days=span)
    return ev(draw(st.sampled_from(["captured", "held", "entered", "withdrew"])),
              None if draw(st.integers(0, 15)) == 0 else start,
              date_end=end,
              stance=draw(st.sampled_from(["claimed", "claimed", "denied", "reported", "verified"])),
              actor_gaining=draw(_SIDES), actor_losing=draw(_SIDES), attributed_to=draw(_SIDES))


@settings(max_examples=300, deadline=None)
@given(st.lists(_events(), min_size=1, max_size=40))
def test_index_agrees_with_the_pairwise_rule(events) -> None:
    rivals = RivalClaims(events)
    for claim in events:
        if claim.stance == "claimed" and claim.date is not None:
            assert rivals.opposes(claim) == _opposed_plain(claim, events), claim
