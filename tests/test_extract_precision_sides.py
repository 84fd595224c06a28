"""Who gains, who loses, and what is no event: sides named in passing, contests, open sieges, prior holders.

Every sentence here was written for these tests (the places are real, the events need not be).
Each case says what a reader takes from it: this place, this kind, this side.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.model import ControlEvent
from geo.theatres import packaged_theatres
from tests.probe import reader

D = dt.date

read = reader(D(2024, 3, 10))


def in_theatre(gz, theatre: str, text: str) -> list[ControlEvent]:
    from geo.extract.article import extract_article
    from geo.model import Article

    article = Article(id="probe", path="probe.txt", published=D(2024, 3, 10), source="test", title=None, url=None,
                      text=text)
    return list(extract_article(article, gz, packaged_theatres()[theatre]).events)


def facts(events: list[ControlEvent]) -> set[tuple[str, str, str | None, str | None]]:
    return {(e.place, e.kind, e.actor_gaining, e.actor_losing) for e in events}


# ---- a side named inside a relative clause is not the subject of the verb after it -------------------------------

@pytest.mark.parametrize(("theatre", "text", "place", "gainer"), [
    ("syria", "The Turkish-backed factions, which had fought the SDF for a week, overran Tal Rifaat on Monday.",
     "Tal Rifaat", "sna"),
    ("sudan", "RSF units, which have clashed with the army around the city since May, stormed Nyala on Thursday.",
     "Nyala", "rsf"),
    ("drc", "M23 fighters said they had taken villages that the army had abandoned, and were deploying in Rubaya.",
     "Rubaya", "m23"),
])
def test_a_side_inside_a_relative_clause_is_not_the_subject(gz, theatre: str, text: str, place: str,
                                                             gainer: str) -> None:
    evs = [e for e in in_theatre(gz, theatre, text) if e.place == place]
    assert evs, facts(in_theatre(gz, theatre, text))
    assert {e.actor_gaining for e in evs} == {gainer}, facts(evs)


# ---- a side named as the owner of ground or of the object is no taker ---------------------------------------------

@pytest.mark.parametrize(("theatre", "text", "place", "gainer"), [
    ("iraq", "Iraqi troops were fighting inside Mosul, Islamic State's largest stronghold, where they have retaken "
             "much of the east since October.", "Mosul", "government"),
    ("sudan", "Army units pushed into Wad Madani, the RSF's main base in Gezira, where they have captured the "
              "central market.", "Wad Madani", "saf"),
    ("syria", "SDF fighters were battling inside Raqqa, Islamic State's de facto capital, where they have taken the "
              "stadium.", "Raqqa", "sdf"),
])
def test_the_owner_of_ground_is_not_the_subject(gz, theatre: str, text: str, place: str, gainer: str) -> None:
    evs = [e for e in in_theatre(gz, theatre, text) if e.place == place and e.kind != "held"]
    assert evs, facts(in_theatre(gz, theatre, text))
    assert {e.actor_gaining for e in evs} == {gainer}, facts(evs)


@pytest.mark.parametrize(("theatre", "text", "loser"), [
    ("myanmar", "An armed group said it had captured the headquarters of the military's Northeastern Command in "
                "Lashio.", "junta"),
    ("sudan", "The RSF overran the army's 16th Infantry Division base in Nyala on Thursday.", "saf"),
    ("iraq", "The militants seized the army's 17th Division base outside Mosul on Tuesday.", "government"),
])
def test_the_owner_of_a_captured_unit_loses_it(gz, theatre: str, text: str, loser: str) -> None:
    evs = [e for e in in_theatre(gz, theatre, text) if e.kind == "captured"]
    assert evs and all(e.actor_losing == loser and e.actor_gaining != loser for e in evs), facts(evs)


# ---- a contest: the side that holds is the defender, the side that attacks is named after ------------------------

@pytest.mark.parametrize(("theatre", "text", "place", "attacker"), [
    ("ukraine", "Officials said Ukrainian forces still held the south-west of the city and that heavy fighting was "
                "continuing inside Bakhmut.", "Bakhmut", "russia"),
    ("sudan", "The army still held its garrison, and fighting continued inside El Fasher on Monday.", "El Fasher",
     "rsf"),
    ("myanmar", "Junta soldiers were shelling the outskirts. Fighting inside Hsipaw began in June, when the TNLA "
                "launched a new offensive.", "Hsipaw", "tnla"),
])
def test_a_contest_names_the_attacker(gz, theatre: str, text: str, place: str, attacker: str) -> None:
    evs = [e for e in in_theatre(gz, theatre, text) if e.place == place and e.kind == "contested"]
    assert evs and {e.actor_gaining for e in evs} == {attacker}, facts(in_theatre(gz, theatre, text))


# ---- an encirclement left open, or people said to be besieged, is no siege of a place -----------------------------

@pytest.mark.parametrize(("theatre", "text"), [
    ("ukraine", "Russian troops had encircled Avdiivka on three sides by February."),
    ("drc", "Sake remains under army control, although M23 fighters have encircled the town from three directions."),
    ("syria", "Troops reached the Brigade 137 base, about 3 km west of Deir ez-Zor, where besieged soldiers cheered."),
    ("sudan", "The convoy reached Babanusa, where besieged troops had held out for months."),
])
def test_an_open_encirclement_or_besieged_people_is_no_siege(gz, theatre: str, text: str) -> None:
    assert not [e for e in in_theatre(gz, theatre, text) if e.kind == "besieged"]


@pytest.mark.parametrize(("theatre", "text", "place"), [
    ("ukraine", "Russian troops encircled Avdiivka on Friday.", "Avdiivka"),
    ("syria", "Rebels encircled Tal Kalakh on Saturday.", "Tal Kalakh"),
    ("sudan", "The RSF has besieged El Fasher since May.", "El Fasher"),
])
def test_a_closed_encirclement_is_still_a_siege(gz, theatre: str, text: str, place: str) -> None:
    assert place in {e.place for e in in_theatre(gz, theatre, text) if e.kind == "besieged"}


# ---- an announced or planned change that "would" do something is no event ----------------------------------------

@pytest.mark.parametrize(("theatre", "text"), [
    ("drc", "M23 fighters seized Walikale on Wednesday. Their announced withdrawal from Walikale, if carried out, "
            "would be their first pull-back this year."),
    ("ukraine", "Russian troops seized Kherson in March. Their planned withdrawal from Kherson, if completed, would "
                "free thousands of soldiers."),
    ("sudan", "The RSF seized Wad Madani in December. Its promised pull-out from Wad Madani, if it happens, would "
              "open the road to Sennar."),
])
def test_an_announced_change_that_would_happen_is_no_event(gz, theatre: str, text: str) -> None:
    evs = in_theatre(gz, theatre, text)
    assert [e for e in evs if e.kind == "captured"], facts(evs)
    assert not [e for e in evs if e.kind == "withdrew"], facts(evs)


def test_a_withdrawal_that_happened_stays(gz) -> None:
    evs = in_theatre(gz, "sudan", "The RSF's withdrawal from Wad Madani began on Monday.")
    assert ("Wad Madani", "withdrew") in {(e.place, e.kind) for e in evs}


# ---- the holder a sentence describes loses the place its change is about -----------------------------------------

@pytest.mark.parametrize(("theatre", "text", "place", "gainer", "loser"), [
    ("sahel", "Malian troops were posted in Boulkessi. The town, which had been under army control since "
              "independence, fell within hours.", "Boulkessi", "unknown", "fama"),
    ("ukraine", "Moscow's forces recaptured Sudzha, the largest town under Ukrainian control, in mid-February.",
     "Sudzha", "russia", "ukraine"),
    ("drc", "M23 rebels took control of Rubaya on Tuesday after the Wazalendo fighters who had held the town "
            "withdrew.", "Rubaya", "m23", "wazalendo"),
])
def test_a_prior_holder_is_the_loser(gz, theatre: str, text: str, place: str, gainer: str, loser: str) -> None:
    evs = in_theatre(gz, theatre, text)
    changes = [e for e in evs if e.place == place and e.kind in ("captured", "regained")]
    assert changes and all((e.actor_gaining, e.actor_losing) == (gainer, loser) for e in changes), facts(evs)
    # the holding ended with the change: no standing control at the change's own date
    assert not [e for e in evs if e.kind == "held" and e.actor_gaining == loser
                and (e.date, e.date_end) == (changes[0].date, changes[0].date_end)], facts(evs)


@pytest.mark.parametrize(("theatre", "text", "place", "holder"), [
    ("libya", "An LNA spokesman denied that the town had fallen, saying LNA forces were in control of most of "
              "Gharyan.", "Gharyan", "lna"),
    ("sudan", "The army said it remained in full control of El Obeid, dismissing "
              "reports that the city had fallen to the RSF.", "El Obeid", "saf"),
    ("ukraine", "Kyiv denied that Kupiansk had fallen, saying Ukrainian forces remained in control of the town.",
     "Kupiansk", "ukraine"),
])
def test_a_holding_told_against_a_denied_fall_stays(gz, theatre: str, text: str, place: str, holder: str) -> None:
    evs = in_theatre(gz, theatre, text)
    assert (place, "held", holder) in {(e.place, e.kind, e.actor_gaining) for e in evs}, facts(evs)


@pytest.mark.parametrize(("theatre", "text", "place", "holder"), [
    ("sudan", "Bara, which had been held by the RSF since 2023, was recaptured by the army on Monday.", "Bara", "rsf"),
    ("iraq", "Iraqi forces retook Baiji, which had been held by Islamic State since June.", "Baiji", "islamic_state"),
    ("myanmar", "Tatmadaw columns regained Kyaukme, which had been occupied by TNLA fighters since August.",
     "Kyaukme", "tnla"),
])
def test_a_holding_with_its_own_date_stays_and_loses(gz, theatre: str, text: str, place: str, holder: str) -> None:
    evs = in_theatre(gz, theatre, text)
    assert [e for e in evs if e.place == place and e.kind == "held" and e.actor_gaining == holder], facts(evs)
    assert all(e.actor_losing == holder for e in evs if e.kind in ("captured", "regained")), facts(evs)


# ---- "the fall of X" refers to the change the article told at X, not to the last side named ----------------------

@pytest.mark.parametrize(("theatre", "text", "place", "gainer"), [
    ("drc", "M23 rebels entered Bukavu on Sunday. Wazalendo militiamen clashed with the rebels in the Nyawera "
            "district. The fall of Bukavu comes three weeks after that of Goma.", "Bukavu", "m23"),
    ("iraq", "Iraqi forces liberated Tikrit on Tuesday. The militants had occupied Tikrit in June last year. The "
             "liberation of Tikrit opens the way towards Mosul.", "Tikrit", "government"),
    ("libya", "Haftar's forces took control of Sirte on Monday. The fall of Sirte, the hometown of Gaddafi, is a blow "
              "to the GNA.", "Sirte", "lna"),
])
def test_a_nominal_change_is_the_change_told_before(gz, theatre: str, text: str, place: str, gainer: str) -> None:
    evs = [e for e in in_theatre(gz, theatre, text) if e.place == place and e.kind in ("captured", "regained")]
    nominal = [e for e in evs if "of " + place in e.sentence and e.sentence.startswith("The ")]
    assert nominal and {e.actor_gaining for e in nominal} == {gainer}, facts(evs)


def test_a_nominal_with_its_agent_keeps_it(gz) -> None:
    evs = in_theatre(gz, "myanmar", "The fall of Lashio to the MNDAA shocked the junta.")
    assert ("Lashio", "captured", "mndaa") in {(e.place, e.kind, e.actor_gaining) for e in evs}


# ---- "the city" refers to the place the text is about, not to one only described or located from it ---------------

@pytest.mark.parametrize(("theatre", "text", "place", "not_place"), [
    ("sudan", "The RSF said they had taken control of Wad Madani, a refuge for thousands of people who had fled "
              "fighting in Khartoum, after the army withdrew from the city.", "Wad Madani", "Khartoum"),
    ("syria", "Kurdish-led forces pulled out of Ras al-Ain on Sunday. A convoy left Ras al-Ain for Tal Tamr, about "
              "35 km to the south-east. Turkish-backed fighters entered the town centre on Sunday evening.",
     "Ras al-Ain", "Tal Tamr"),
    ("ukraine", "Russian troops pulled out of Kherson on Thursday. Thousands of residents had left for Mykolaiv, some "
                "60 km away. Ukrainian troops entered the city on Friday.", "Kherson", "Mykolaiv"),
])
def test_the_city_is_not_a_place_described_or_located_from_it(gz, theatre: str, text: str, place: str,
                                                               not_place: str) -> None:
    evs = in_theatre(gz, theatre, text)
    assert place in {e.place for e in evs if e.kind in ("withdrew", "entered")}, facts(evs)
    assert not [e for e in evs if e.place == not_place and e.kind in ("withdrew", "entered")], facts(evs)


@pytest.mark.parametrize(("theatre", "text", "place"), [
    ("syria", "Rebels captured Tal Tamr, about 35 km to the south-east, on Sunday. They entered the town centre in "
              "the evening.", "Tal Tamr"),
    ("iraq", "Iraqi troops took over the K1 base in Kirkuk, some 240 km north of Baghdad. The peshmerga had withdrawn "
             "from the city overnight.", "Kirkuk"),
    ("drc", "M23 fighters seized Rutshuru, about 70 km to the north, on Monday. The army had pulled out of the town "
            "overnight.", "Rutshuru"),
])
def test_the_city_is_still_the_place_taken(gz, theatre: str, text: str, place: str) -> None:
    evs = in_theatre(gz, theatre, text)
    assert place in {e.place for e in evs if e.kind in ("withdrew", "entered")}, facts(evs)


# ---- "the Kyiv region" is the region, named so; "brought X back under control" is a change back ------------------

@pytest.mark.parametrize(("theatre", "text", "written"), [
    ("ukraine", "Russian forces abandoned the Kyiv region in late March.", "Kyiv region"),
    ("syria", "Rebels seized most of the Deraa region on Saturday.", "Deraa region"),
    ("sudan", "The RSF overran much of the Gezira province in December.", "Gezira province"),
])
def test_a_region_named_after_its_city_is_the_region(gz, theatre: str, text: str, written: str) -> None:
    evs = in_theatre(gz, theatre, text)
    assert [e for e in evs if e.place == written and e.geo_precision == 3], facts(evs)
    assert not [e for e in evs if e.place == written.split()[0]], facts(evs)


def test_a_city_before_another_word_stays_the_city(gz) -> None:
    evs = in_theatre(gz, "ukraine", "Russian troops captured Kherson in March.")
    assert [(e.place, e.geo_precision) for e in evs] == [("Kherson", 1)]


@pytest.mark.parametrize(("theatre", "text", "place", "gainer"), [
    ("syria", "The army brought the western countryside of Aleppo back under state control in February 2020.",
     "Aleppo", "government"),
    ("ukraine", "The offensive brought Izium back under Ukrainian control in September.", "Izium", "ukraine"),
    ("sudan", "The army brought Wad Madani back under its control on Saturday.", "Wad Madani", "saf"),
])
def test_brought_back_under_control_is_a_change_back(gz, theatre: str, text: str, place: str, gainer: str) -> None:
    evs = in_theatre(gz, theatre, text)
    assert (place, "regained", gainer) in {(e.place, e.kind, e.actor_gaining) for e in evs}, facts(evs)
    assert not [e for e in evs if e.kind == "held"], facts(evs)


def test_back_under_control_since_is_a_state(gz) -> None:
    evs = in_theatre(gz, "sudan", "Wad Madani has been back under army control since January.")
    assert {(e.place, e.kind, e.actor_gaining) for e in evs} == {("Wad Madani", "held", "saf")}


# ---- "the M23-led alliance" is the M23's side; a side that denies a siege is not its besieger ---------------------

@pytest.mark.parametrize(("theatre", "text", "place", "gainer"), [
    ("drc", "The M23-led rebel alliance said on Saturday it would leave Walikale, which it seized on Wednesday.",
     "Walikale", "m23"),
    ("sudan", "The RSF-led coalition overran Zalingei on Friday.", "Zalingei", "rsf"),
    ("syria", "An HTS-led operations room said its fighters had entered Hama.", "Hama", "opposition"),
])
def test_a_group_led_by_a_side_is_that_side(gz, theatre: str, text: str, place: str, gainer: str) -> None:
    evs = [e for e in in_theatre(gz, theatre, text) if e.place == place]
    assert evs and {e.actor_gaining for e in evs} == {gainer}, facts(evs)


@pytest.mark.parametrize(("theatre", "text", "place", "besieger"), [
    ("sudan", "SPLM-N fighters have encircled Dilling, local sources said. An army spokesman denied that Dilling "
              "was besieged.", "Dilling", "splm_n"),
    ("ukraine", "Russian troops have encircled Pokrovsk, Russian bloggers said. Ukraine's General Staff denied that "
                "Pokrovsk was surrounded.", "Pokrovsk", "russia"),
    ("myanmar", "The Arakan Army said it had encircled Sittwe. A junta spokesman denied that Sittwe was besieged.",
     "Sittwe", "aa"),
])
def test_a_side_that_denies_a_siege_is_not_the_besieger(gz, theatre: str, text: str, place: str,
                                                         besieger: str) -> None:
    evs = [e for e in in_theatre(gz, theatre, text) if e.place == place and e.kind == "besieged"]
    assert evs and {e.actor_gaining for e in evs} == {besieger}, facts(evs)


@pytest.mark.parametrize(("theatre", "text", "place", "besieger"), [
    ("sudan", "The RSF still holds most of Darfur, where it has besieged El Fasher since May.", "El Fasher", "rsf"),
    ("sahel", "JNIM still holds much of the countryside, where it has besieged Djibo since 2022.", "Djibo", "jnim"),
    ("myanmar", "The Arakan Army now controls most of Rakhine, where it has besieged Sittwe since March.", "Sittwe",
     "aa"),
])
def test_a_side_that_holds_an_area_besieges_a_town_in_it(gz, theatre: str, text: str, place: str,
                                                          besieger: str) -> None:
    evs = [e for e in in_theatre(gz, theatre, text) if e.place == place and e.kind == "besieged"]
    assert evs and {e.actor_gaining for e in evs} == {besieger}, facts(evs)


# ---- "the militants" of an article that names one armed group are that group --------------------------------------

@pytest.mark.parametrize(("theatre", "text", "place", "gainer"), [
    ("syria", "Islamic State fighters attacked Deir ez-Zor in January. The militants overran Mayadin on Monday.",
     "Mayadin", "islamic_state"),
    ("sahel", "JNIM fighters attacked the army post on Sunday. The jihadists overran Boulkessi within hours.",
     "Boulkessi", "jnim"),
    ("drc", "ADF fighters raided Mangurujipa. The militants overran Eringeti on Monday.", "Eringeti", "adf"),
])
def test_the_militants_are_the_one_armed_group_named(gz, theatre: str, text: str, place: str, gainer: str) -> None:
    evs = [e for e in in_theatre(gz, theatre, text) if e.place == place]
    assert evs and {e.actor_gaining for e in evs} == {gainer}, facts(evs)


def test_the_militants_of_two_armed_groups_stay_generic(gz) -> None:
    evs = in_theatre(gz, "syria", "Islamic State fighters clashed with HTS near Hama. The militants overran Mayadin "
                                  "on Monday.")
    assert {e.actor_gaining for e in evs if e.place == "Mayadin"} == {"opposition"}
