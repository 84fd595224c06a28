"""Events told in ways that hide them or their dates: sieges by their length, days counted from another day,
regions as "the region" and "it", what an object includes, control reached by a time.

Every sentence here was written for these tests (the places are real, the events need not be).
Each case says what a reader takes from it: this place, this kind, this side, these dates.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.model import ControlEvent
from tests.probe import reader

D = dt.date

read = reader(D(2024, 3, 10))


def facts(events: list[ControlEvent]) -> set[tuple[str, str, str | None, dt.date | None]]:
    return {(e.place, e.kind, e.actor_gaining, e.date) for e in events}


def one(events: list[ControlEvent], place: str, kind: str) -> ControlEvent:
    found = [e for e in events if e.place == place and e.kind == kind]
    assert len(found) == 1, facts(events)
    return found[0]


# ---- a siege named by its length began that long before the change it ended in ----------------------------------

@pytest.mark.parametrize(("text", "on", "place", "besieger", "start"), [
    ("The Rapid Support Forces seized El Fasher on 26 October after an 18-month siege.", D(2025, 10, 28),
     "El Fasher", "rsf", D(2024, 4, 1)),
    ("Iraqi troops recaptured Ramadi in December 2015 after a six-month siege by Islamic State fighters.",
     D(2016, 1, 5), "Ramadi", "islamic_state", D(2015, 6, 1)),
    ("The army took Kadugli in May 2014 after a two-year siege by the SPLM-N.", D(2014, 6, 1), "Kadugli", "splm_n",
     D(2012, 5, 1)),
    ("Arakan Army fighters overran Paletwa on 15 January after a three-month siege.", D(2024, 1, 20), "Paletwa",
     "aa", D(2023, 10, 1)),
])
def test_a_siege_named_by_its_length_starts_that_long_before(gz, text: str, on: dt.date, place: str,
                                                             besieger: str, start: dt.date) -> None:
    siege = one(read(gz, text, on), place, "besieged")
    assert siege.actor_gaining == besieger
    assert siege.date == start and siege.date_precision == "month"


@pytest.mark.parametrize(("text", "place"), [
    ("Manbij was captured by the SDF from Islamic State in August 2016 after a siege that lasted more than two "
     "months.", "Manbij"),
    ("The army's 22nd Infantry Division in Babanusa has been besieged by the RSF for more than a year.", "Babanusa"),
    ("Bhamo, which had been encircled by KIA fighters for over three months before the army broke the siege in "
     "February, was quiet on Sunday.", "Bhamo"),
])
def test_a_siege_of_open_length_has_no_start(gz, text: str, place: str) -> None:
    siege = one(read(gz, text), place, "besieged")
    assert siege.date is None and siege.date_end is None


@pytest.mark.parametrize(("text", "place", "breaker", "month"), [
    ("Residents of Nubl, which had been besieged by rebels for more than three years before government forces "
     "broke the siege in February 2016, fled.", "Nubl", "government", D(2016, 2, 1)),
    ("Amerli, which had been besieged by Islamic State fighters for two months before Iraqi troops broke the siege "
     "in August 2014, celebrated.", "Amerli", "government", D(2014, 8, 1)),
    ("Dilling, which had been encircled by RSF fighters for weeks before the army lifted the blockade in January "
     "2024, reopened its market.", "Dilling", "saf", D(2024, 1, 1)),
])
def test_broke_the_siege_lifts_the_siege_told_before_it_in_the_sentence(gz, text: str, place: str, breaker: str,
                                                                       month: dt.date) -> None:
    broken = one(read(gz, text), place, "siege_broken")
    assert broken.actor_gaining == breaker and broken.date == month


def test_a_state_of_exact_length_began_that_long_before_its_end(gz) -> None:
    siege = one(read(gz, "Amerli, which had been besieged by Islamic State fighters for two months before Iraqi "
                         "troops broke the siege in August 2014, celebrated."), "Amerli", "besieged")
    assert siege.date is not None and (siege.date.year, siege.date.month) == (2014, 6)


@pytest.mark.parametrize(("text", "place", "besieger", "year"), [
    ("Djibo has been under a JNIM blockade since 2022.", "Djibo", "jnim", 2022),
    ("El Fasher has been under an RSF siege since May 2024.", "El Fasher", "rsf", 2024),
    ("Bhamo has been under a KIA siege since December 2023.", "Bhamo", "kia", 2023),
])
def test_under_a_blockade_is_a_siege_by_the_side_named_in_it(gz, text: str, place: str, besieger: str,
                                                              year: int) -> None:
    siege = one(read(gz, text, D(2024, 6, 1)), place, "besieged")
    assert siege.actor_gaining == besieger and siege.date is not None and siege.date.year == year


# ---- a day counted from another day --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "on", "place", "kind", "day"), [
    ("Iraqi government forces took control of the Avana oilfield, north-west of Kirkuk, on Tuesday, a day after "
     "they seized the city itself from Kurdish peshmerga fighters.", D(2017, 10, 18), "Kirkuk", "captured",
     D(2017, 10, 16)),
    ("M23 fighters were in control of the centre of Bukavu on Monday, a day after they walked unopposed into the "
     "city.", D(2025, 2, 17), "Bukavu", "captured", D(2025, 2, 16)),
    ("The army entered Wad Madani on 12 October, two days after the RSF abandoned the town.", D(2024, 10, 14),
     "Wad Madani", "withdrew", D(2024, 10, 10)),
    ("Russian troops took full control of Avdiivka on 17 February, a week after they entered the town.",
     D(2024, 2, 19), "Avdiivka", "entered", D(2024, 2, 10)),
])
def test_a_day_after_counts_back_from_the_day_told_before(gz, text: str, on: dt.date, place: str, kind: str,
                                                          day: dt.date) -> None:
    e = one(read(gz, text, on), place, kind)
    assert (e.date, e.date_end) == (day, None)


@pytest.mark.parametrize(("text", "on", "place", "day"), [
    ("Laukkai had been the MNDAA's main target since the alliance launched Operation 1027 on October 27 last year. "
     "The MNDAA took the border town of Chinshwehaw on the first day of the offensive.", D(2024, 1, 6),
     "Chinshwehaw", D(2023, 10, 27)),
    ("Ukraine launched its incursion into the Kursk region on 6 August. Ukrainian troops entered Sudzha on the "
     "second day of the operation.", D(2024, 9, 1), "Sudzha", D(2024, 8, 7)),
    ("The offensive began on 27 November. Rebels seized Atarib on the first day.", D(2024, 12, 8), "Atarib",
     D(2024, 11, 27)),
])
def test_the_first_day_of_the_offensive_is_the_day_it_began(gz, text: str, on: dt.date, place: str,
                                                            day: dt.date) -> None:
    evs = [e for e in read(gz, text, on) if e.place == place]
    assert evs and all(e.date == day for e in evs), facts(evs)


@pytest.mark.parametrize(("text", "on", "place", "kind", "by"), [
    ("The KIA seized the town of Pangwa on Saturday after the junta-allied militia pulled out of it.",
     D(2024, 10, 21), "Pangwa", "withdrew", D(2024, 10, 19)),
    ("M23 rebels took Rubaya on Tuesday 30 April, after the Wazalendo fighters abandoned the town.",
     D(2024, 5, 2), "Rubaya", "withdrew", D(2024, 4, 30)),
    ("The army retook Jebel Moya on 5 October after the RSF pulled out of the town.", D(2024, 10, 7),
     "Jebel Moya", "withdrew", D(2024, 10, 5)),
])
def test_a_clause_after_a_dated_change_came_before_it(gz, text: str, on: dt.date, place: str, kind: str,
                                                      by: dt.date) -> None:
    e = one(read(gz, text, on), place, kind)  # that day or the day before
    assert (e.date, e.date_end) == (by - dt.timedelta(days=1), by)


@pytest.mark.parametrize(("text", "place", "kind", "month"), [
    ("Homs has been in government hands since May 2014, when the last rebels left the city under a deal.", "Homs",
     "withdrew", D(2014, 5, 1)),
    ("Raqqa has been held by IS since January 2014, when the jihadists wrested control of the city from rival "
     "rebels.", "Raqqa", "captured", D(2014, 1, 1)),
    ("Demoso has been in resistance hands since June 2021, when PDF fighters overran the town.", "Demoso",
     "captured", D(2021, 6, 1)),
])
def test_since_a_time_when_tells_the_change_at_that_time(gz, text: str, place: str, kind: str,
                                                         month: dt.date) -> None:
    e = one(read(gz, text), place, kind)
    assert e.date == month and e.date_end is not None and e.date_end.month == month.month


@pytest.mark.parametrize(("text", "on", "place", "month"), [
    ("Russia claimed last month to have captured Ukrainsk and Krasnohorivka, and its troops are now within 10 "
     "kilometres of Selydove.", D(2024, 10, 3), "Krasnohorivka", D(2024, 9, 1)),
    ("The RSF said in June it had seized Sinja and Dinder, and its fighters are now near Sennar.", D(2024, 8, 1),
     "Dinder", D(2024, 6, 1)),
    ("Rebels said last month they had taken Saraqib and Maarat al-Numan, and their columns are now outside Hama.",
     D(2024, 12, 3), "Maarat al-Numan", D(2024, 11, 1)),
])
def test_a_lists_last_place_keeps_the_lists_time_not_the_next_clauses(gz, text: str, on: dt.date, place: str,
                                                                      month: dt.date) -> None:
    assert one(read(gz, text, on), place, "captured").date == month


# ---- what "the city itself", "the region" and "it" refer to ---------------------------------------------------------

@pytest.mark.parametrize(("text", "place"), [
    ("Iraqi troops took the Avana oilfield, about 25 km north-west of Kirkuk, on Tuesday, a day after they seized "
     "the city itself.", "Kirkuk"),
    ("The RSF took the airport east of Nyala on Sunday, two days after it overran the town itself.", "Nyala"),
    ("Russian troops took the heights, some 5 km south of Bakhmut, on Friday, a day after they captured the city "
     "itself.", "Bakhmut"),
])
def test_the_city_itself_is_the_place_just_named(gz, text: str, place: str) -> None:
    assert place in {e.place for e in read(gz, text) if e.kind == "captured"}


@pytest.mark.parametrize(("text", "place", "kind", "side"), [
    ("The offensive reopened a front in the Kharkiv region that had been quiet since September 2022, when "
     "Ukrainian forces recaptured most of the region.", "Kharkiv region", "regained", "ukraine"),
    ("Rebels advanced across Idlib province in 2015. Government forces recaptured most of the province in 2020.",
     "Idlib province", "regained", "government"),
    ("M23 fighters seized several towns in North Kivu province in 2012. The army had taken back much of it by "
     "2013, officials said.", "North Kivu province", "regained", "fardc"),
])
def test_the_region_is_the_region_named_not_its_city(gz, text: str, place: str, kind: str, side: str) -> None:
    e = one(read(gz, text), place, kind)
    assert e.actor_gaining == side and e.geo_precision == 3


def test_it_after_a_region_event_is_the_region(gz) -> None:
    evs = read(gz, "Ukraine's counteroffensive in September 2022 recaptured most of the Kharkiv region. Russian troops "
                   "had seized much of it in March 2022.", D(2024, 5, 13))
    seized = one(evs, "Kharkiv region", "captured")
    assert seized.actor_gaining == "russia" and seized.date == D(2022, 3, 1)
    assert not [e for e in evs if e.place == "Kharkiv"], facts(evs)


def test_a_reference_point_described_as_a_city_is_what_it_refers_to(gz) -> None:
    evs = read(gz, "The jihadists overran the base at Ain Issa earlier this month. Fighters took Tabqa airport, "
                   "west of Raqqa, a city IS has held since January, when it wrested control of it from rival "
                   "rebel groups.", D(2014, 8, 25))
    assert ("Raqqa", "captured", "islamic_state", D(2014, 1, 1)) in facts(evs)
    assert not [e for e in evs if e.place == "Ain Issa" and e.date == D(2014, 1, 1)], facts(evs)


# ---- what an object includes; control reached by a time -------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The RSF still controls most of central Khartoum, including the presidential palace.",
     {("Khartoum", "held", "rsf"), ("presidential palace", "held", "rsf")}),
    ("The Arakan Army now controls 14 of Rakhine's 17 townships, including Maungdaw on the border with Bangladesh.",
     {("Rakhine", "held", "aa"), ("Maungdaw", "held", "aa")}),
    ("Opposition factions now control more than 90 percent of Dar'a province, including the Nassib border "
     "crossing.", {("Dar'a province", "held", "opposition"), ("Nassib border crossing", "held", "opposition")}),
])
def test_an_object_includes_the_places_listed_after_it(gz, text: str, expected: set) -> None:
    found = {(e.place, e.kind, e.actor_gaining) for e in read(gz, text)}
    assert expected <= found, found


@pytest.mark.parametrize(("text", "on", "places", "day"), [
    ("Rebels entered Aleppo on 29 November and by the next day controlled most of it, including the international "
     "airport and the citadel.", D(2024, 12, 8), {"Aleppo", "international airport", "citadel"}, D(2024, 11, 30)),
    ("The M23 entered Goma on 26 January and by 28 January controlled most of the city.", D(2025, 2, 1), {"Goma"},
     D(2025, 1, 28)),
    ("Russian troops entered Vuhledar on 30 September and by 2 October controlled most of the town.",
     D(2024, 10, 5), {"Vuhledar"}, D(2024, 10, 2)),
])
def test_control_reached_by_a_time_after_an_entry_is_the_capture(gz, text: str, on: dt.date, places: set,
                                                                 day: dt.date) -> None:
    evs = read(gz, text, on)
    assert {e.place for e in evs if e.kind == "captured" and e.date == day} == places, facts(evs)
    assert not [e for e in evs if e.kind == "held"], facts(evs)


def test_an_entry_alone_includes_nothing_told_after_another_verb(gz) -> None:
    evs = read(gz, "Rebels entered Aleppo on 29 November and by the next day controlled most of it, including the "
                   "international airport.", D(2024, 12, 8))
    assert {e.place for e in evs if e.kind == "entered"} == {"Aleppo"}


# ---- the old city of a town; a control verb inside an "as" clause ----------------------------------------------------

@pytest.mark.parametrize(("text", "place", "side"), [
    ("Dozens of IS militants were killed as forces of the Iraqi army retook the old city of Mosul.", "Mosul",
     "government"),
    ("Government troops regained the old quarter of Homs after a two-year siege.", "Homs", "government"),
    ("Houthi fighters seized the old city of Sanaa on Sunday.", "Sanaa", "houthis"),
])
def test_the_old_city_of_a_town_is_a_part_of_it(gz, text: str, place: str, side: str) -> None:
    e = [e for e in read(gz, text) if e.place == place and e.kind in ("captured", "regained")]
    assert len(e) == 1 and e[0].actor_gaining == side and e[0].geo_precision == 2, facts(e)


# ---- a coordinated object with its own quantity and time ------------------------------------------------------------

@pytest.mark.parametrize(("text", "on", "expected"), [
    ("Moscow's forces abandoned the Kyiv region in late March and most of the Kharkiv region in September.",
     D(2022, 11, 10), {("Kyiv region", "withdrew", D(2022, 3, 21)), ("Kharkiv region", "withdrew", D(2022, 9, 1))}),
    ("The RSF took Nyala in October and most of Zalingei in November.", D(2023, 12, 1),
     {("Nyala", "captured", D(2023, 10, 1)), ("Zalingei", "captured", D(2023, 11, 1))}),
    ("Rebels captured Saraqib on Monday and parts of Maarat al-Numan on Tuesday.", D(2024, 12, 4),
     {("Saraqib", "captured", D(2024, 12, 2)), ("Maarat al-Numan", "captured", D(2024, 12, 3))}),
])
def test_most_of_a_second_object_is_coordinated_with_its_own_time(gz, text: str, on: dt.date, expected: set) -> None:
    assert {(e.place, e.kind, e.date) for e in read(gz, text, on)} == expected


# ---- a relative clause's time is not its main clause's --------------------------------------------------------------

@pytest.mark.parametrize(("text", "place", "kind"), [
    ("The RSF, which overran most of the capital in the first weeks of the war in April 2023, has pulled its "
     "fighters out of central Khartoum.", "Khartoum", "withdrew"),
    ("The M23, which seized Goma in January, has withdrawn from Walikale.", "Walikale", "withdrew"),
    ("Islamic State, which took Mosul in June 2014, has lost Tikrit.", "Tikrit", "captured"),
])
def test_a_relative_clause_closed_before_the_verb_keeps_its_time(gz, text: str, place: str, kind: str) -> None:
    on = D(2025, 3, 27)
    e = one(read(gz, text, on), place, kind)
    assert (e.date, e.date_end) == (on - dt.timedelta(days=1), on)


# ---- seasons ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "on", "place", "kind", "span"), [
    ("Eastern Aleppo has been besieged by government forces since the summer.", D(2016, 11, 28), "Eastern Aleppo",
     "besieged", (D(2016, 6, 1), D(2016, 8, 31))),
    ("Djibo has been under a JNIM blockade since the summer of 2022.", D(2023, 3, 1), "Djibo", "besieged",
     (D(2022, 6, 1), D(2022, 8, 31))),
    ("Ukrainian troops recaptured Kupiansk last autumn.", D(2023, 2, 10), "Kupiansk", "regained",
     (D(2022, 9, 1), D(2022, 11, 30))),
    ("The army entered Sake during the winter.", D(2024, 3, 10), "Sake", "entered", (D(2023, 12, 1), D(2024, 2, 29))),
])
def test_a_season_is_its_three_months(gz, text: str, on: dt.date, place: str, kind: str, span: tuple) -> None:
    e = one(read(gz, text, on), place, kind)
    assert (e.date, e.date_end) == span


def test_the_fall_of_a_city_is_no_season(gz) -> None:
    evs = read(gz, "Rebels have seized Hama since the fall of Aleppo.", D(2024, 12, 8))
    assert one(evs, "Hama", "captured").date == D(2024, 12, 7)
