"""Probe sentences (written for these tests, not taken from any corpus) for each rule of geo.extract.events."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract.events import extract_events, link_duplicate_events
from geo.model import Article, ControlEvent
from geo.read.sentences import split_sentences

PUB = dt.date(2024, 12, 10)  # a Tuesday


@pytest.fixture(scope="module")
def gz():  # type: ignore[no-untyped-def]
    from gazetteer.resolver import default_gazetteer

    return default_gazetteer()


def _article(text: str, published: dt.date | None = PUB, aid: str = "probe", dup: str | None = None) -> Article:
    return Article(id=aid, path=f"{aid}.txt", published=published, source="test", title=None, url=None, text=text,
                   duplicate_of=dup)


def events(gz, text: str, published: dt.date | None = PUB) -> list[ControlEvent]:  # type: ignore[no-untyped-def]
    return extract_events(_article(text, published), gz, split_sentences(text))


def one(evs: list[ControlEvent], place_word: str, kind: str | None = None) -> ControlEvent:
    found = [e for e in evs if place_word.lower() in e.place.lower() and (kind is None or e.kind == kind)]
    assert len(found) >= 1, [(e.kind, e.place) for e in evs]
    return found[0]


def test_active_capture_with_actor_and_weekday(gz) -> None:
    evs = events(gz, "Syrian rebels captured Hama on Friday after heavy fighting.")
    e = one(evs, "Hama", "captured")
    assert e.actor_gaining == "opposition" and e.date == dt.date(2024, 12, 6) and e.stance == "reported"


def test_passive_capture_gives_agent_after_by(gz) -> None:
    e = one(events(gz, "On Monday the town of Saraqib was seized by Syrian government troops."), "Saraqib", "captured")
    assert e.actor_gaining == "government" and e.date == dt.date(2024, 12, 9)


def test_fell_to(gz) -> None:
    e = one(events(gz, "Homs fell to Syrian insurgents on Sunday."), "Homs", "captured")
    assert e.actor_gaining == "opposition"


def test_coordinated_places_each_get_an_event(gz) -> None:
    evs = events(gz, "Syrian rebels seized Rastan, Talbiseh and Hama on Friday.")
    assert {e.place for e in evs if e.kind == "captured"} >= {"Rastan", "Talbiseh", "Hama"}


@pytest.mark.parametrize("text", [
    "Rebels failed to capture Hama on Friday.",
    "The group threatened to take Homs within days.",
    "Insurgents reached the outskirts of Homs on Friday.",
    "Rebel columns advanced towards Hama on Friday.",
    "The army did not enter Saraqib.",
])
def test_hedges_and_approaches_are_not_captures(gz, text: str) -> None:
    assert not [e for e in events(gz, text) if e.kind in ("captured", "regained", "entered")]


def test_capture_through_the_loser(gz) -> None:
    e = one(events(gz, "Syrian government forces lost control of Homs on Saturday."), "Homs", "captured")
    assert e.actor_losing == "government" and e.actor_gaining == "unknown"


def test_loser_with_named_gainer(gz) -> None:
    e = one(events(gz, "The Syrian army lost Saraqib to rebels on Friday."), "Saraqib", "captured")
    assert e.actor_gaining == "opposition" and e.actor_losing == "government"


def test_claim_by_a_party(gz) -> None:
    e = one(events(gz, "The Syrian army said on Monday it had recaptured Saraqib."), "Saraqib", "regained")
    assert e.stance == "claimed" and e.attributed_to == "government" and e.date == dt.date(2024, 12, 9)


def test_claim_the_other_side_denied_stays_claimed(gz) -> None:
    evs = events(gz, "Syrian rebels said they had taken control of Saraqib, a claim the army denied.")
    claim = next(e for e in evs if e.place == "Saraqib" and e.stance == "claimed")
    denial = next(e for e in evs if e.place == "Saraqib" and e.stance == "denied")
    assert (claim.attributed_to, denial.attributed_to, denial.denies) == ("opposition", "government", claim.id)


def test_denial_only(gz) -> None:
    e = one(events(gz, "The Syrian defence ministry denied that Hama had fallen to the rebels."), "Hama", "captured")
    assert e.stance == "denied"


def test_denial_does_not_reach_past_but(gz) -> None:
    text = ("Officials denied that Homs had fallen, but the Syrian Observatory said the city "
            "had been captured by rebels.")
    e = one(events(gz, text), "Homs", "captured")
    assert e.stance == "reported"


def test_verified_footage(gz) -> None:
    text = "Geolocated footage verified by the BBC shows rebels inside Hama on Thursday."
    e = one(events(gz, text), "Hama")
    assert e.stance == "verified"


def test_since_june_besieged_is_june(gz) -> None:
    e = one(events(gz, "Deir ez-Zor has been under siege since June."), "Deir", "besieged")
    assert e.date == dt.date(2024, 6, 1) and e.date_end == dt.date(2024, 6, 30)


def test_background_forced_out_is_held_at_its_own_date(gz) -> None:
    text = "Syrian rebels returned to Hama for the first time since being forced out by the army in 2016."
    e = one(events(gz, text), "Hama", "held")
    assert e.actor_gaining == "government" and e.date == dt.date(2016, 1, 1)


def test_in_x_hands_since_year(gz) -> None:
    e = one(events(gz, "Saraqib, 15 km east of Idlib, had been in Syrian rebel hands since 2013."), "Saraqib", "held")
    assert e.actor_gaining == "opposition" and (e.date, e.date_end) == (dt.date(2013, 1, 1), dt.date(2013, 12, 31))


def test_passive_subject_is_not_the_reference_point(gz) -> None:
    evs = events(gz, "Rastan, about 20 km north of Homs, was held by Syrian rebels since 2012.")
    assert one(evs, "Rastan", "held").actor_gaining == "opposition"
    assert not [e for e in evs if e.place == "Homs"]


def test_partial_region_statement_is_contested_admin1(gz) -> None:
    text = "The Syrian army said it had regained positions in several villages in Hama province on Monday."
    e = one(events(gz, text), "Hama")
    assert e.kind == "contested" and e.geo_precision == 3 and e.place_id.startswith("admin1:")


def test_most_of_a_region_is_admin1_precision_3(gz) -> None:
    e = one(events(gz, "Syrian rebels captured most of the Deraa region on Friday."), "Deraa")
    assert e.kind == "captured" and e.geo_precision == 3 and e.actor_gaining == "opposition"


def test_part_of_city_is_precision_2(gz) -> None:
    e = one(events(gz, "Syrian rebels captured eastern Homs on Friday."), "Homs", "captured")
    assert e.geo_precision == 2


def test_anaphora_names_the_antecedent(gz) -> None:
    evs = events(gz, "Rebels reached Hama on Thursday. On Friday they entered the city.")
    e = one(evs, "Hama", "entered")
    assert e.place == "Hama"


def test_actor_mapping_other_war_is_not_syrian_government(gz) -> None:
    text = "Russian forces captured Avdiivka in Ukraine on Saturday, the defence ministry in Moscow said."
    for e in events(gz, text):
        assert e.actor_gaining != "government"


def test_undated_article_has_no_dates(gz) -> None:
    evs = events(gz, "Rebels captured Saraqib on Thursday.", published=None)
    assert evs and all(e.date is None for e in evs)


def test_near_duplicate_events_are_linked(gz) -> None:
    text = "Rebels captured Hama on Friday."
    first = _article(text, aid="a1")
    second = _article(text + " Residents fled south.", aid="a2", dup="a1")
    evs = [*extract_events(first, gz, split_sentences(first.text)),
           *extract_events(second, gz, split_sentences(second.text))]
    linked = link_duplicate_events(evs, [first, second])
    copy = one([e for e in linked if e.article == "a2"], "Hama", "captured")
    original = one([e for e in linked if e.article == "a1"], "Hama", "captured")
    assert copy.duplicate_of == original.id and original.duplicate_of is None
