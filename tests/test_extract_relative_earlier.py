"""A relative clause that tells an earlier change of the place a main clause says changed hands (issue 16).

"The army retook X from the rebels who seized it in May": the main change keeps its own time
(none: the publication day or the day before), the relative clause's change is the rebels'
(the side its pronoun stands for) at the relative clause's time, and neither time leaks into
the other clause. Every sentence here was written for these tests (the places are real, the
events need not be); the article is published on Sunday 10 March 2024.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.model import ControlEvent
from tests.probe import reader

D = dt.date
PUBLISHED = D(2024, 3, 10)
read = reader(PUBLISHED)


def one(events: list[ControlEvent], place: str, kind: str) -> ControlEvent:
    found = [e for e in events if e.place == place and e.kind == kind]
    assert len(found) == 1, [(e.place, e.kind, e.actor_gaining, e.date) for e in events]
    return found[0]


def span(e: ControlEvent) -> tuple[dt.date | None, dt.date | None]:
    return e.date, e.date_end or e.date


# ---- a side's relative clause: "from <side> who seized it in <time>" -----------------------------------------

@pytest.mark.parametrize(("text", "place", "main", "main_gainer", "loser", "earlier", "earlier_dates"), [
    ("Federal troops recaptured the town of Kobo from Tigrayan forces who seized it in July.",
     "Kobo", "regained", "government", "tplf", "captured", (D(2023, 7, 1), D(2023, 7, 31))),
    ("Ukrainian troops retook Kupiansk from Russian forces who had captured it in February.",
     "Kupiansk", "regained", "ukraine", "russia", "captured", (D(2024, 2, 1), D(2024, 2, 29))),
    ("The army regained Sinja from RSF fighters that overran it in June.",
     "Sinja", "regained", "saf", "rsf", "captured", (D(2023, 6, 1), D(2023, 6, 30))),
    ("The junta recaptured Kyaukme from TNLA fighters, who had seized it in July.",
     "Kyaukme", "regained", "junta", "tnla", "captured", (D(2023, 7, 1), D(2023, 7, 31))),
    ("Iraqi troops retook Tikrit from Islamic State militants who took it in June 2014.",
     "Tikrit", "regained", "government", "islamic_state", "captured", (D(2014, 6, 1), D(2014, 6, 30))),
    ("Congolese troops recaptured Kitshanga from M23 rebels who overran it in January.",
     "Kitshanga", "regained", "fardc", "m23", "captured", (D(2024, 1, 1), D(2024, 1, 31))),
    # standing control told in the relative clause: the antecedent held the place from then
    ("The army retook Palmyra from IS fighters, who had held it since May 2015.",
     "Palmyra", "regained", "government", "islamic_state", "held", (D(2015, 5, 1), D(2015, 5, 31))),
    ("Malian troops recaptured Kidal from separatists who had controlled it since 2012.",
     "Kidal", "regained", "fama", "fla", "held", (D(2012, 1, 1), D(2012, 12, 31))),
])
def test_the_side_before_who_made_the_earlier_change(gz, text: str, place: str, main: str, main_gainer: str,
                                                     loser: str, earlier: str,
                                                     earlier_dates: tuple[dt.date, dt.date]) -> None:
    events = read(gz, text)
    now = one(events, place, main)
    assert (now.actor_gaining, now.actor_losing) == (main_gainer, loser)
    assert span(now) == (D(2024, 3, 9), PUBLISHED)  # no time of its own: not the relative clause's
    before = one(events, place, earlier)
    assert before.actor_gaining == loser
    assert span(before) == earlier_dates


@pytest.mark.parametrize(("text", "place", "main_day", "loser", "earlier_dates"), [
    ("Government troops regained Wad Madani on Saturday from RSF fighters who overran it in December.",
     "Wad Madani", D(2024, 3, 9), "rsf", (D(2023, 12, 1), D(2023, 12, 31))),
    ("Ukrainian troops retook Avdiivka on Friday from Russian forces who had seized it in February.",
     "Avdiivka", D(2024, 3, 8), "russia", (D(2024, 2, 1), D(2024, 2, 29))),
    ("Iraqi forces recaptured Ramadi on Thursday from Islamic State fighters who took it in May 2015.",
     "Ramadi", D(2024, 3, 7), "islamic_state", (D(2015, 5, 1), D(2015, 5, 31))),
])
def test_each_clause_keeps_its_own_time(gz, text: str, place: str, main_day: dt.date, loser: str,
                                        earlier_dates: tuple[dt.date, dt.date]) -> None:
    events = read(gz, text)
    assert span(one(events, place, "regained")) == (main_day, main_day)
    before = one(events, place, "captured")
    assert (before.actor_gaining, span(before)) == (loser, earlier_dates)


# ---- a place's relative clause: "liberated X, which <side> had seized in <time>" ---------------------------

@pytest.mark.parametrize(("text", "place", "main_gainer", "earlier_gainer", "earlier_dates"), [
    ("Ukrainian forces liberated Kherson, which Russian troops had seized in February 2022.",
     "Kherson", "ukraine", "russia", (D(2022, 2, 1), D(2022, 2, 28))),
    ("The army recaptured Wad Madani, which the RSF took in December.",
     "Wad Madani", "saf", "rsf", (D(2023, 12, 1), D(2023, 12, 31))),
    # the place before "which" is only a reference point: the pronoun stands for the main clause's object
    ("Ukrainian forces recaptured the village of Robotyne, about 10 km south of Orikhiv, which Russian troops "
     "took in May.", "Robotyne", "ukraine", "russia", (D(2023, 5, 1), D(2023, 5, 31))),
])
def test_the_place_before_which_changed_hands_earlier(gz, text: str, place: str, main_gainer: str,
                                                      earlier_gainer: str,
                                                      earlier_dates: tuple[dt.date, dt.date]) -> None:
    events = read(gz, text)
    now = [e for e in events if e.place == place and e.actor_gaining == main_gainer]
    assert now and all(span(e) == (D(2024, 3, 9), PUBLISHED) for e in now)
    before = [e for e in events if e.place == place and e.actor_gaining == earlier_gainer]
    assert [(e.kind, span(e)) for e in before] == [("captured", earlier_dates)]


def test_a_reference_point_before_which_is_not_the_place_held(gz) -> None:
    events = read(gz, "The army retook the town of Kidal, about 300 km north of Gao, which the rebels had held "
                      "since 2012.")
    assert not [e for e in events if e.place == "Gao"]
    held = one(events, "Kidal", "held")
    assert (held.actor_gaining, span(held)) == ("fla", (D(2012, 1, 1), D(2012, 12, 31)))


# ---- an earlier change told with no time: undated, never at the main change's date -------------------------

@pytest.mark.parametrize(("text", "place", "gainer", "earlier_gainer"), [
    ("The junta regained Lashio from MNDAA fighters who had taken it.", "Lashio", "junta", "mndaa"),
    ("Ukrainian troops recaptured Kupiansk from Russian forces who had occupied it.", "Kupiansk", "ukraine",
     "russia"),
    ("The Sudanese army retook Sinja from RSF fighters, who had held it, a military source said.", "Sinja", "saf",
     "rsf"),
])
def test_an_undated_earlier_change_is_undated(gz, text: str, place: str, gainer: str, earlier_gainer: str) -> None:
    events = read(gz, text)
    now = [e for e in events if e.place == place and e.actor_gaining == gainer]
    assert now and all(span(e) == (D(2024, 3, 9), PUBLISHED) for e in now)
    before = [e for e in events if e.place == place and e.actor_gaining == earlier_gainer]
    assert before and all(e.date is None and e.date_end is None for e in before)


# ---- what is not such a relative clause -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "place", "gainer", "day"), [
    # no change before the relative clause: its subject is the side before "who", as a plain subject
    ("Russian troops who seized Bakhmut in May withdrew on Friday.", "Bakhmut", "russia", None),
    # "that day" is a time, not a relative pronoun
    ("Government troops took Ramadi from Islamic State fighters that day, the ministry said on Thursday.",
     "Ramadi", "government", D(2024, 3, 7)),
])
def test_no_relative_clause_of_an_earlier_change(gz, text: str, place: str, gainer: str,
                                                 day: dt.date | None) -> None:
    events = read(gz, text)
    taken = one(events, place, "captured")
    assert taken.actor_gaining == gainer
    if day is not None:
        assert span(taken) == (day, day)
    else:
        assert span(taken) == (D(2023, 5, 1), D(2023, 5, 31))
        assert one(events, place, "withdrew").actor_losing == "russia"


def test_a_present_relative_clause_keeps_the_publication_date(gz) -> None:
    events = read(gz, "Ukrainian forces liberated Kherson, which has since been under Ukrainian control.")
    assert all(e.actor_gaining == "ukraine" and span(e) == (D(2024, 3, 9), PUBLISHED) for e in events)
    assert events


# ---- the main change told again in a relative clause, and a time after the relative clause ---------------------

@pytest.mark.parametrize(("text", "place", "loser"), [
    ("M23 rebels seized Goma from the army, which fled towards Bukavu.", "Goma", "fardc"),
    ("The RSF captured Wad Madani, which the army had abandoned without a fight, on Saturday.", "Wad Madani", "saf"),
    ("Government troops retook Palmyra from IS fighters, who withdrew on Saturday.", "Palmyra", "islamic_state"),
])
def test_a_withdrawal_in_the_relative_clause_is_the_main_change_again(gz, text: str, place: str,
                                                                     loser: str) -> None:
    events = read(gz, text)
    withdrew = one(events, place, "withdrew")
    assert withdrew.actor_losing == loser
    assert withdrew.date is not None and withdrew.date_end in (None, PUBLISHED)
    assert (withdrew.date_end or withdrew.date) >= D(2024, 3, 9)


@pytest.mark.parametrize(("text", "place", "said_on", "earlier_dates"), [
    ("Congolese troops recaptured Rubaya from M23 rebels who had seized it in May, the army said on Thursday.",
     "Rubaya", D(2024, 3, 7), (D(2023, 5, 1), D(2023, 5, 31))),
    ("The junta regained Kyaukme from TNLA fighters who overran it in July, state television said on Friday.",
     "Kyaukme", D(2024, 3, 8), (D(2023, 7, 1), D(2023, 7, 31))),
    ("Ukrainian forces liberated Kherson, which Russian troops seized in March 2022, officials said on Friday.",
     "Kherson", D(2024, 3, 8), (D(2022, 3, 1), D(2022, 3, 31))),
])
def test_a_time_after_the_relative_clause_is_the_main_clauses(gz, text: str, place: str, said_on: dt.date,
                                                              earlier_dates: tuple[dt.date, dt.date]) -> None:
    events = read(gz, text)
    now = [e for e in events if e.place == place and span(e) == (said_on, said_on)]
    assert len(now) == 1 and now[0].kind in ("regained", "captured")
    before = [e for e in events if e.place == place and e is not now[0]]
    assert [span(e) for e in before] == [earlier_dates]
