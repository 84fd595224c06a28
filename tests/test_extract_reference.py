"""What a place or a side named in passing refers to: containers, descriptions, generic names.

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


def facts(events: list[ControlEvent]) -> set[tuple[str, str, str | None]]:
    return {(e.place, e.kind, e.actor_gaining) for e in events}


# ---- a division named after a place locates it; it is not the place ------------------------------------------

@pytest.mark.parametrize(("text", "place", "container"), [
    ("M23 rebels took control of the mining town of Rubaya, in Masisi territory, on Tuesday, after the Wazalendo "
     "fighters who had held the town withdrew.", "Rubaya", "Masisi"),
    ("The KIA seized the town of Pangwa in Kachin State's Chipwi Township on Saturday after the NDA-K militia "
     "pulled out of it.", "Pangwa", "Chipwi"),
    ("Rebels entered Khan Shaykhun, in southern Idlib province, after government forces abandoned the town.",
     "Khan Shaykhun", "Idlib"),
    ("Islamic State fighters seized Hit, in Anbar province, on Thursday after soldiers abandoned the town.", "Hit",
     "Anbar"),
])
def test_the_town_is_the_place_not_its_division(gz, text: str, place: str, container: str) -> None:
    evs = read(gz, text)
    assert place in {e.place for e in evs}
    assert not [e for e in evs if container in e.place], facts(evs)


@pytest.mark.parametrize(("text", "expected"), [
    ("The city of Sinja, the capital of Sennar State, has been cleansed of the militia, the army said.",
     ("Sinja", "captured", "saf")),
    ("Mosul, the capital of Nineveh province, was captured by Islamic State fighters on 10 June.",
     ("Mosul", "captured", "islamic_state")),
    ("Kramatorsk, the administrative centre of Donetsk region, remains under Ukrainian control.",
     ("Kramatorsk", "held", "ukraine")),
])
def test_a_capital_of_apposition_keeps_the_subject(gz, text: str, expected: tuple) -> None:
    found = facts(read(gz, text))
    assert expected in found
    assert all(p == expected[0] for p, _, _ in found), found


@pytest.mark.parametrize(("text", "place", "holder"), [
    ("Tatmadaw columns regained Kyaukme in northern Shan State, which had been occupied by TNLA fighters since "
     "August.", "Kyaukme", "tnla"),
    ("Iraqi forces retook Baiji in Salahuddin province, which had been held by Islamic State since June.", "Baiji",
     "islamic_state"),
])
def test_the_antecedent_of_which_is_the_place_not_its_division(gz, text: str, place: str, holder: str) -> None:
    evs = read(gz, text)
    assert any(e.place == place and e.actor_gaining == holder and e.kind in ("held", "captured") for e in evs), \
        facts(evs)
    assert all(e.place == place for e in evs), facts(evs)


# ---- a place described by an apposition or a relative clause ----------------------------------------------------

@pytest.mark.parametrize(("text", "place", "holder", "year"), [
    ("The fighters pushed out from Al-Atarib, a town in opposition hands since 2012, and cut the highway.",
     "Al-Atarib", "opposition", 2012),
    ("Soldiers fled towards Kadugli, a city under army control since 2011.", "Kadugli", "saf", 2011),
    ("Civilians fled to Sittwe, a city in junta hands since 2021.", "Sittwe", "junta", 2021),
])
def test_an_apposition_says_who_holds_the_place_since_when(gz, text: str, place: str, holder: str,
                                                           year: int) -> None:
    found = [e for e in read(gz, text) if e.place == place and e.kind == "held"]
    assert [(e.actor_gaining, e.date) for e in found] == [(holder, D(year, 1, 1))]


@pytest.mark.parametrize(("text", "place", "holder", "start"), [
    ("Syrian troops entered Maarat al-Numan. The town, which had been in rebel hands since 2012, lies on the M5.",
     "Maarat al-Numan", "opposition", D(2012, 1, 1)),
    ("Ukrainian troops retook Kupiansk. The city, which had been under Russian control since February 2022, was in "
     "ruins.", "Kupiansk", "russia", D(2022, 2, 1)),
    ("The army recaptured Wad Madani. The city, which had been in RSF hands since December 2023, was looted.",
     "Wad Madani", "rsf", D(2023, 12, 1)),
])
def test_the_town_which_refers_to_the_town_named_before(gz, text: str, place: str, holder: str,
                                                        start: dt.date) -> None:
    evs = read(gz, text)
    held = [e for e in evs if e.kind == "held"]
    assert [(e.place, e.actor_gaining, e.date) for e in held] == [(place, holder, start)]


@pytest.mark.parametrize(("text", "place", "holder", "start"), [
    ("Government forces pulled out of Qusayr on Friday night, and Hezbollah fighters who had held the town since "
     "2013 left for Lebanon.", "Qusayr", "government", D(2013, 1, 1)),
    ("The army retook Bara on Monday, and the RSF fighters who had held the town since May fled west.", "Bara",
     "rsf", D(2023, 5, 1)),
    ("The junta retook Lashio on Tuesday; the MNDAA units that had held the city since August withdrew.", "Lashio",
     "mndaa", D(2023, 8, 1)),
])
def test_since_right_after_a_standing_control_dates_it(gz, text: str, place: str, holder: str,
                                                       start: dt.date) -> None:
    held = [e for e in read(gz, text) if e.kind == "held" and e.place == place]
    assert [(e.actor_gaining, e.date) for e in held] == [(holder, start)]


# ---- the sides behind generic names ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "place", "side"), [
    ("Islamic State jihadists seized the Tabqa airport on Sunday. The fall of Tabqa follows the jihadists' capture "
     "of Ain Issa in late July.", "Ain Issa", "islamic_state"),
    ("JNIM jihadists attacked Djibo on Monday. On Tuesday the jihadists seized Arbinda.", "Arbinda", "jnim"),
    ("Fano militiamen surrounded Gondar on Monday. The militiamen seized Debre Tabor on Wednesday.", "Debre Tabor",
     "fano"),
    ("ADF militants attacked Oicha on Monday, and M23 rebels shelled Sake. On Friday the militants seized Eringeti.",
     "Eringeti", "adf"),
])
def test_a_generic_name_is_the_side_the_article_named_with_it(gz, text: str, place: str, side: str) -> None:
    assert (place, "captured", side) in facts(read(gz, text))


def test_a_generic_name_of_two_sides_stays_generic(gz) -> None:
    # Both sides were named "X fighters": "the fighters" refers to neither by its name.
    evs = read(gz, "SDF fighters held Tabqa. Islamic State fighters attacked Raqqa. The rebels seized Saraqib on "
                   "Friday.")
    assert ("Saraqib", "captured", "opposition") in facts(evs)


@pytest.mark.parametrize(("text", "place", "side"), [
    ("BAGHDAD, June 11 (Reuters) - Sunni Islamist militants overran the city of Tikrit on Wednesday.", "Tikrit",
     "islamic_state"),
    ("Heavily armed pro-Moscow separatists seized the town of Debaltseve on Wednesday.", "Debaltseve", "russia"),
    ("Tuareg-led separatists seized the town of Ber, near Timbuktu, on Sunday.", "Ber", "fla"),
])
def test_a_name_the_theatre_does_not_know_is_read_by_its_head(gz, text: str, place: str, side: str) -> None:
    assert (place, "captured", side) in facts(read(gz, text))


@pytest.mark.parametrize(("text", "place", "side"), [
    ("In the north, the Turkish regime's forces and their mercenaries occupied the city of Afrin on March 18.",
     "Afrin", "sna"),
    ("Goma fell on Monday. The Rwandan army and its M23 proxies seized Sake on Tuesday.", "Sake", "m23"),
    ("The Malian army and its Russian allies seized Anefis on Saturday.", "Anefis", "fama"),
])
def test_a_nationality_makes_a_generic_army_that_states(gz, text: str, place: str, side: str) -> None:
    assert (place, "captured", side) in facts(read(gz, text))


# ---- rows of the table with the sides -----------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The Syrian army pushed north of Hama. The ministry announced the full liberation of Kfar Nabudah.",
     ("Kfar Nabudah", "captured", "government")),
    ("Sudanese troops pushed into Gezira. The army announced the full liberation of Wad Madani.",
     ("Wad Madani", "captured", "saf")),
    ("The Arakan Army said on Monday it had announced the full liberation of Paletwa.",
     ("Paletwa", "captured", "aa")),
])
def test_a_nominal_liberation_has_the_side_of_its_announcer(gz, text: str, expected: tuple) -> None:
    assert expected in facts(read(gz, text))


@pytest.mark.parametrize(("text", "place", "gainer", "loser"), [
    ("Rebels seized a string of hamlets from the army, including Kafr Nabudah and Tell Mardikh.", "Tell Mardikh",
     "opposition", "government"),
    ("The RSF seized a string of villages from the army, among them Um Rawaba and Er Rahad.", "Er Rahad", "rsf",
     "saf"),
    ("The KIA seized a string of hamlets from the military, including Sumprabum and Injangyang.", "Sumprabum", "kia",
     "junta"),
    ("Russian forces seized a string of villages from Ukrainian troops, including Pervomaiske and Nevelske.",
     "Nevelske", "russia", "ukraine"),
])
def test_a_string_of_hamlets_from_the_army(gz, text: str, place: str, gainer: str, loser: str) -> None:
    found = [e for e in read(gz, text) if e.place == place and e.kind == "captured"]
    assert [(e.actor_gaining, e.actor_losing) for e in found] == [(gainer, loser)]


# ---- whose time is it ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The rebels have held Goma since late January and Bukavu since mid-February.",
     {("Goma", D(2024, 1, 21)), ("Bukavu", D(2024, 2, 11))}),
    ("The RSF has held Nyala since October and Zalingei since November.",
     {("Nyala", D(2023, 10, 1)), ("Zalingei", D(2023, 11, 1))}),
    ("Islamic State has held Mosul since June 2014 and Raqqa since January 2014.",
     {("Mosul", D(2014, 6, 1)), ("Raqqa", D(2014, 1, 1))}),
])
def test_each_place_of_a_list_holds_since_its_own_date(gz, text: str, expected: set) -> None:
    assert {(e.place, e.date) for e in read(gz, text) if e.kind == "held"} == expected


@pytest.mark.parametrize(("text", "place", "kind"), [
    ("Ukrainian troops entered Kherson, which had been occupied by Russian forces since March.", "Kherson",
     "entered"),
    ("The army entered Wad Madani, which the RSF had held since December.", "Wad Madani", "entered"),
    ("The AA captured Paletwa, which the junta had held since 2021.", "Paletwa", "captured"),
])
def test_a_relative_clause_keeps_its_time(gz, text: str, place: str, kind: str) -> None:
    found = [e for e in read(gz, text) if e.place == place and e.kind == kind]
    assert [(e.date, e.date_end) for e in found] == [(D(2024, 3, 9), D(2024, 3, 10))]


@pytest.mark.parametrize(("text", "place", "holder"), [
    ("NAY PYI TAW, 27 Oct - Tatmadaw columns have regained full control of Kyaukme, which had been occupied by "
     "TNLA terrorists since August.", "Kyaukme", "tnla"),
    ("Ukrainian troops entered Kherson, which had been occupied by Russian forces since March.", "Kherson",
     "russia"),
    ("Iraqi forces entered Fallujah, which had been occupied by Islamic State militants since January 2014.",
     "Fallujah", "islamic_state"),
])
def test_occupied_since_is_a_state_not_a_capture(gz, text: str, place: str, holder: str) -> None:
    found = [(e.kind, e.actor_gaining) for e in read(gz, text) if e.place == place and e.actor_gaining == holder]
    assert found == [("held", holder)]


@pytest.mark.parametrize(("text", "place", "gainer"), [
    ("Kherson, which had been occupied by Russian troops since March, was liberated on Friday.", "Kherson", None),
    ("Wad Madani, which the RSF had held for a year, was recaptured by the army on Saturday.", "Wad Madani", "saf"),
    ("Hpakant, which the junta had held since 2021, was captured by the KIA on Friday.", "Hpakant", "kia"),
])
def test_a_passive_subject_before_a_relative_clause(gz, text: str, place: str, gainer: str | None) -> None:
    found = [e for e in read(gz, text) if e.place == place and e.kind in ("captured", "regained")]
    assert [e.date for e in found] == [D(2024, 3, 8) if "Friday" in text else D(2024, 3, 9)]
    if gainer:
        assert found[0].actor_gaining == gainer


@pytest.mark.parametrize(("text", "place"), [
    ("The TNLA still holds Mogok, Kyaukme and Hsipaw, about 55 km south-west of Lashio, and the Kachin "
     "Independence Army has besieged the town of Bhamo since December.", "Hsipaw"),
    ("The army still holds Kadugli, the capital of South Kordofan, about 100 km south of the city, and the SPLM-N "
     "has surrounded the town of Dilling since June.", "Kadugli"),
    ("Ukraine still controls Kostiantynivka, about 20 km west of the city, and Russian troops have pressed on "
     "Chasiv Yar since April.", "Kostiantynivka"),
    ("In Darfur, the RSF has besieged El Fasher, the last major city in the region still in army hands, since May.",
     "El Fasher"),
])
def test_a_present_state_is_at_publication_not_at_the_next_clauses_time(gz, text: str, place: str) -> None:
    found = [e for e in read(gz, text) if e.place == place and e.kind == "held"]
    assert [e.date for e in found] == [D(2024, 3, 9)]


# ---- what "the town" and "it" refer back to --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "place", "not_place"), [
    ("Saraqib sits where the M4 and M5 motorways meet, about 20 km south-east of Idlib city. Rebels had held it "
     "since 2012.", "Saraqib", "Idlib"),
    ("On Monday Iraqi troops took over the K1 base in Kirkuk, some 240 km north of Baghdad. The peshmerga had "
     "withdrawn from the city overnight.", "Kirkuk", "Baghdad"),
    ("Rebels overran Khan Shaykhun in southern Idlib on Saturday and pushed on towards the central city of Hama. "
     "The town fell after government forces abandoned their positions overnight.", "Khan Shaykhun", "Hama"),
    ("The RSF took Bara, about 60 km north of El Obeid, on Monday. Soldiers had pulled out of the town at dawn.",
     "Bara", "El Obeid"),
])
def test_a_reference_point_is_not_what_the_town_refers_to(gz, text: str, place: str, not_place: str) -> None:
    evs = read(gz, text)
    assert place in {e.place for e in evs}
    assert not_place not in {e.place for e in evs}, facts(evs)


@pytest.mark.parametrize(("text", "place"), [
    ("Sudan's army chief said his forces had withdrawn from El Fasher, the army's last stronghold in Darfur.",
     "Darfur"),
    ("Islamic State seized the Tabqa airport, expelling the regime from its last stronghold in Raqqa province.",
     "Raqqa"),
    ("The junta's last stronghold in Rakhine State is Sittwe, the state capital.", "Rakhine"),
])
def test_a_stronghold_in_an_area_does_not_hold_the_area(gz, text: str, place: str) -> None:
    assert not [e for e in read(gz, text) if place in e.place and e.kind == "held"]


@pytest.mark.parametrize(("text", "place", "side", "start"), [
    ("The RDF/M23 coalition has occupied Rutshuru-centre and Kiwanja since October 2022.", "Kiwanja", "m23",
     D(2022, 10, 1)),
    ("Russian forces have occupied Kherson since March 2022.", "Kherson", "russia", D(2022, 3, 1)),
    ("Islamic State has occupied Mosul since June 2014.", "Mosul", "islamic_state", D(2014, 6, 1)),
])
def test_has_occupied_since_is_standing_control(gz, text: str, place: str, side: str, start: dt.date) -> None:
    found = [(e.kind, e.actor_gaining, e.date) for e in read(gz, text) if e.place == place]
    assert found == [("held", side, start)]


# ---- "of" before a side: a number or a unit of it is that side ---------------------------------------------------

@pytest.mark.parametrize(("theatre", "text", "place", "side"), [
    ("iraq", "On Friday, dozens of IS militants infiltrated Kirkuk and attacked government buildings.", "Kirkuk",
     "islamic_state"),
    ("syria", "Meanwhile, U.S.-backed forces of the SDF were fighting inside Raqqa.", "Raqqa", "sdf"),
    ("sahel", "Kidal had been under the control of the separatists since 2014.", "Kidal", "fla"),
    ("sudan", "Hundreds of RSF fighters stormed Nyala on Thursday.", "Nyala", "rsf"),
    ("myanmar", "Columns of the Arakan Army entered Maungdaw on Sunday.", "Maungdaw", "aa"),
])
def test_a_number_or_a_unit_of_a_side_is_that_side(gz, theatre: str, text: str, place: str, side: str) -> None:
    from geo.extract.article import extract_article
    from geo.model import Article
    from geo.theatres import packaged_theatres

    article = Article(id="probe", path="probe.txt", published=D(2024, 3, 10), source="test", title=None, url=None,
                      text=text)
    found = [e for e in extract_article(article, gz, packaged_theatres()[theatre]).events if e.place == place]
    assert [e.actor_gaining for e in found] == [side]


@pytest.mark.parametrize("text", [
    "Goma remains in government hands. Seizing Goma would give the rebels their biggest prize in a decade.",
    "The army is shelling the town. Retaking Marawi was the goal of the offensive.",
    "Kidal is calm. \"Capturing Kidal would be a huge prize,\" a rebel commander said.",
])
def test_a_hypothesis_after_another_sentence_is_no_event(gz, text: str) -> None:
    assert [e for e in read(gz, text) if e.kind in ("captured", "regained")] == []


# ---- a state or its capital as a speaker; the month May is no modal ----------------------------------------------

@pytest.mark.parametrize(("theatre", "text", "place", "side"), [
    ("ukraine", "Russia claimed on Saturday to have captured Bakhmut.", "Bakhmut", "russia"),
    ("ukraine", "Kyiv said its forces had retaken Robotyne.", "Robotyne", "ukraine"),
    ("iraq", "Baghdad said its forces had retaken Kirkuk on Monday.", "Kirkuk", "government"),
    ("myanmar", "Naypyitaw said troops had retaken Nawnghkio.", "Nawnghkio", "junta"),
    ("drc", "Kinshasa said the army had retaken Kikuvo.", "Kikuvo", "fardc"),
])
def test_a_state_or_its_capital_speaks_for_its_side(gz, theatre: str, text: str, place: str, side: str) -> None:
    from geo.extract.article import extract_article
    from geo.model import Article
    from geo.theatres import packaged_theatres

    article = Article(id="probe", path="probe.txt", published=D(2024, 3, 10), source="test", title=None, url=None,
                      text=text)
    found = [e for e in extract_article(article, gz, packaged_theatres()[theatre]).events if e.place == place]
    assert [(e.actor_gaining, e.stance) for e in found] == [(side, "claimed")]


def test_a_capital_named_as_a_place_stays_a_place(gz) -> None:
    evs = read(gz, "Iraqi forces entered Tikrit, 140 km north of Baghdad, on Monday. Russian troops advanced towards "
                   "Kyiv.")
    assert {e.place for e in evs} == {"Tikrit"}


@pytest.mark.parametrize(("text", "place"), [
    ("KYIV/MOSCOW, May 21 (Reuters) - Russian troops said on Saturday they had captured Bakhmut.", "Bakhmut"),
    ("KHARTOUM, May 3 (AFP) - The RSF said it had seized Nyala.", "Nyala"),
    ("Rebels seized Kafr Nabudah in May, the monitor said.", "Kafr Nabudah"),
])
def test_the_month_may_is_no_modal(gz, text: str, place: str) -> None:
    assert place in {e.place for e in read(gz, text)}


def test_the_modal_may_still_hedges(gz) -> None:
    assert read(gz, "Rebels may have captured Saraqib, the monitor said.") == []


# ---- a facility word that begins a place's name; "while"; "and that ... there" -------------------------------

@pytest.mark.parametrize(("text", "place"), [
    ("The army has kept its hold on Port Sudan.", "Port Sudan"),
    ("The RSF has controlled Khartoum since April, while the army has kept its hold on Omdurman and on Port Sudan.",
     "Omdurman"),
])
def test_a_facility_word_that_begins_a_name_is_the_name(gz, text: str, place: str) -> None:
    places = {e.place for e in read(gz, text)}
    assert place in places and "Port" not in places


@pytest.mark.parametrize(("text", "place"), [
    ("The RSF has controlled most of Khartoum since April, while the army has kept its hold on Omdurman.",
     "Omdurman"),
    ("Russian troops took Avdiivka in February, while Ukrainian troops still hold Kupiansk.", "Kupiansk"),
    ("The AA seized Paletwa in January, while the junta still holds Sittwe.", "Sittwe"),
])
def test_a_while_clause_does_not_borrow_the_time_before_it(gz, text: str, place: str) -> None:
    found = [e for e in read(gz, text) if e.place == place and e.kind == "held"]
    assert [e.date for e in found] == [D(2024, 3, 9)]


@pytest.mark.parametrize(("text", "place", "entered_on"), [
    ("Ukraine's General Staff said Russian troops had entered the village of Zhelanne on Wednesday, and that "
     "fighting was continuing there.", "Zhelanne", D(2024, 3, 6)),
    ("Witnesses said the RSF had entered Wad Madani on Monday and that clashes were continuing inside the city.",
     "Wad Madani", D(2024, 3, 4)),
    ("Residents said the TNLA had entered Kyaukme on Sunday and that fighting was continuing there.", "Kyaukme",
     D(2024, 3, 10)),
])
def test_an_entry_then_fighting_that_goes_on(gz, text: str, place: str, entered_on: dt.date) -> None:
    evs = [e for e in read(gz, text) if e.place == place]
    assert {(e.kind, e.date) for e in evs if e.kind == "entered"} == {("entered", entered_on)}
    assert [e.date_end for e in evs if e.kind == "contested"] == [D(2024, 3, 10)]


# ---- descriptors before "town of", an elided subject, "their last positions in the town" -----------------------

@pytest.mark.parametrize(("text", "place", "kind"), [
    ("ISIL fighters entered the oil refinery town of Baiji on Tuesday night.", "Baiji", "entered"),
    ("Government forces broke the siege of the Shia towns of Nubl and Zahraa in February 2016.", "Zahraa",
     "siege_broken"),
    ("The KIA captured the jade-mining town of Hpakant on Friday.", "Hpakant", "captured"),
    ("Fano militiamen seized the former royal capital of Gondar on Monday.", "Gondar", "captured"),
])
def test_descriptors_before_the_place(gz, text: str, place: str, kind: str) -> None:
    assert place in {e.place for e in read(gz, text) if e.kind == kind}


@pytest.mark.parametrize(("text", "place", "loser"), [
    ("ISIL fighters also entered the oil refinery town of Baiji on Tuesday night but later withdrew.", "Baiji",
     "islamic_state"),
    ("JNIM fighters stormed Djibo on 11 May and then withdrew after several hours.", "Djibo", "jnim"),
    ("Russian troops entered Vovchansk on Friday but quickly retreated.", "Vovchansk", "russia"),
])
def test_a_withdrawal_whose_subject_is_left_out(gz, text: str, place: str, loser: str) -> None:
    found = [e for e in read(gz, text) if e.kind == "withdrew"]
    assert [(e.place, e.actor_losing) for e in found] == [(place, loser)]


def test_civilians_who_flee_are_no_withdrawal(gz) -> None:
    assert not [e for e in read(gz, "Russian troops entered Vovchansk on Friday and residents later fled.")
                if e.kind == "withdrew"]


@pytest.mark.parametrize(("text", "place", "loser"), [
    ("The Arakan Army said it had captured Mrauk-U after junta troops abandoned their last positions in the town.",
     "Mrauk-U", "junta"),
    ("Rebels entered Saraqib after government forces abandoned their remaining positions in the town.", "Saraqib",
     "government"),
    ("The RSF took Babanusa after soldiers of the army abandoned their last positions in the town.", "Babanusa",
     "saf"),
])
def test_abandoned_their_positions_in_the_town(gz, text: str, place: str, loser: str) -> None:
    found = [e for e in read(gz, text) if e.kind == "withdrew"]
    assert [(e.place, e.actor_losing) for e in found] == [(place, loser)]


# ---- "under army control", "in rebel hands": the holder from a common word -------------------------------------

@pytest.mark.parametrize(("theatre", "text", "place", "side"), [
    ("myanmar", "Kawlin had been under military control since 2021.", "Kawlin", "junta"),
    ("drc", "Sake, some 25 km west of Goma, remains under army control.", "Sake", "fardc"),
    ("sudan", "Omdurman's northern districts remain under army control.", "Omdurman", "saf"),
    ("iraq", "Sinjar had been under Kurdish control since 2015.", "Sinjar", "peshmerga"),
    ("syria", "Saraqib had been in rebel hands since 2012.", "Saraqib", "opposition"),
])
def test_a_common_word_before_control_names_the_holder(gz, theatre: str, text: str, place: str, side: str) -> None:
    from geo.extract.article import extract_article
    from geo.model import Article
    from geo.theatres import packaged_theatres

    article = Article(id="probe", path="probe.txt", published=D(2024, 3, 10), source="test", title=None, url=None,
                      text=text)
    found = [e for e in extract_article(article, gz, packaged_theatres()[theatre]).events if e.place == place]
    assert [(e.kind, e.actor_gaining) for e in found] == [("held", side)]


# ---- "December that year"; hyphenated descriptors ------------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "place", "start"), [
    ("Lalibela was briefly seized by Tigrayan rebels in August 2021, before government forces retook it in "
     "December that year.", D(2023, 8, 9), "Lalibela", D(2021, 12, 1)),
    ("Islamic State seized Ramadi in May 2015, and Iraqi forces recaptured it in December of the same year.",
     D(2017, 7, 10), "Ramadi", D(2015, 12, 1)),
    ("The M23 took Goma in November 2012 and withdrew from the city in December that year.", D(2025, 1, 28), "Goma",
     D(2012, 12, 1)),
])
def test_a_month_that_year_is_in_the_year_told_before(gz, text: str, published: dt.date, place: str,
                                                      start: dt.date) -> None:
    found = [e for e in read(gz, text, published) if e.place == place and e.kind in ("regained", "withdrew")]
    assert [e.date for e in found] == [start]


@pytest.mark.parametrize(("text", "place"), [
    ("Fano militiamen seized the UNESCO-listed town of Lalibela on Wednesday.", "Lalibela"),
    ("Ukrainian troops entered the war-ravaged town of Vovchansk.", "Vovchansk"),
    ("The army retook the rebel-held village of Kafr Nabudah.", "Kafr Nabudah"),
])
def test_a_hyphenated_descriptor_before_the_place(gz, text: str, place: str) -> None:
    assert place in {e.place for e in read(gz, text)}


# ---- sites named by common words ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("theatre", "text", "expected"), [
    ("sudan", "The RSF claimed to have seized the presidential palace, Khartoum's international airport and the "
              "airport in the northern city of Merowe.",
     {"presidential palace", "Khartoum's international airport", "Merowe airport"}),
    ("iraq", "Prime Minister Haider al-Abadi declared victory after troops retook the government complex in the city "
             "centre of Fallujah.", {"government complex"}),
    ("drc", "M23 fighters walked unopposed into the provincial governor's office in Bukavu on Sunday.",
     {"provincial governor's office"}),
    ("syria", "Rebels entered Aleppo on Friday. By Saturday they had seized the citadel.", {"Aleppo", "citadel"}),
])
def test_a_site_named_by_common_words_is_kept_at_its_town(gz, theatre: str, text: str, expected: set) -> None:
    from geo.extract.article import extract_article
    from geo.model import Article
    from geo.theatres import packaged_theatres

    article = Article(id="probe", path="probe.txt", published=D(2024, 3, 10), source="test", title=None, url=None,
                      text=text)
    evs = extract_article(article, gz, packaged_theatres()[theatre]).events
    assert {e.place for e in evs} == expected
    assert all(e.geo_precision == 2 and e.place_id for e in evs if e.place in expected and " " in e.place)


@pytest.mark.parametrize("text", [
    "ISIL fighters entered the oil refinery town of Baiji on Tuesday night.",
    "The MNDAA captured the headquarters of the military's Northeastern Command in Lashio.",
    "Soldiers who had been besieged inside the compound since April cheered.",
])
def test_no_site_from_a_descriptor_a_named_unit_or_a_bare_word(gz, text: str) -> None:
    assert not [e for e in read(gz, text) if e.place in ("oil refinery", "headquarters", "compound",
                                                           "inside the compound")]


@pytest.mark.parametrize(("text", "place"), [
    ("Sudan's military said Friday it had broken a nearly two-year siege of its general command headquarters in "
     "central Khartoum.", "general command headquarters"),
    ("Government forces broke a three-year siege of Deir ez-Zor on Tuesday.", "Deir ez-Zor"),
    ("Ukrainian troops broke a months-long blockade of Chernihiv.", "Chernihiv"),
])
def test_broke_a_long_siege(gz, text: str, place: str) -> None:
    assert place in {e.place for e in read(gz, text) if e.kind == "siege_broken"}


@pytest.mark.parametrize(("text", "place", "side"), [
    ("Syrian government forces broke a nearly three-year siege by Islamic State of the eastern city of Deir ez-Zor.",
     "Deir ez-Zor", "government"),
    ("The army broke the siege by the RSF of El Obeid on Saturday.", "El Obeid", "saf"),
    ("Ukrainian troops broke the blockade by Russian forces of Chernihiv.", "Chernihiv", "ukraine"),
])
def test_a_siege_by_a_side_of_a_place_is_broken(gz, text: str, place: str, side: str) -> None:
    found = [e for e in read(gz, text) if e.kind == "siege_broken"]
    assert [(e.place, e.actor_gaining) for e in found] == [(place, side)]


@pytest.mark.parametrize(("text", "place"), [
    ("An LNA spokesman denied that Gharyan had fallen, saying that LNA forces were in control of most of it.",
     "Gharyan"),
    ("The army said it had entered Bakhmut and was in control of much of it.", "Bakhmut"),
    ("Residents said the RSF had entered El Fasher and was in control of most of it.", "El Fasher"),
])
def test_in_control_of_most_of_it(gz, text: str, place: str) -> None:
    assert place in {e.place for e in read(gz, text) if e.kind == "held"}


# ---- "the same day" after another sentence; "retaken control of" is no standing control --------------------

@pytest.mark.parametrize(("text", "place", "kind", "day"), [
    ("JNIM fighters broke into Djibo on 11 May and held parts of the town. The Burkinabe army said it had retaken "
     "control of the town the same day.", "Djibo", "regained", D(2023, 5, 11)),
    ("Russian troops entered Vovchansk on 10 May. Ukrainian forces pushed them back out of the town two days "
     "later.", "Vovchansk", "regained", D(2023, 5, 12)),
    ("The RSF stormed Babanusa on 2 March. The army said it had recaptured Babanusa the next day.", "Babanusa",
     "regained", D(2024, 3, 3)),
])
def test_a_step_word_counts_from_the_day_told_before(gz, text: str, place: str, kind: str, day: dt.date) -> None:
    found = [e for e in read(gz, text) if e.place == place and e.kind == kind]
    assert [e.date for e in found] == [day]


@pytest.mark.parametrize("text", [
    "Myanmar's military took back control of Lashio on Tuesday.",
    "The Burkinabe army said it had retaken control of Djibo on Sunday.",
    "Iraqi forces regained control of Ramadi on Monday.",
])
def test_taking_back_control_is_a_change_not_standing_control(gz, text: str) -> None:
    assert {e.kind for e in read(gz, text)} == {"regained"}


@pytest.mark.parametrize(("text", "place", "not_place"), [
    ("On Monday Russian military police deployed in Saraqib, which Moscow said was now \"under the control of Syrian "
     "government forces\".", "Saraqib", "Moscow"),
    ("Soldiers reinforced El Obeid, which Khartoum said remained under army control.", "El Obeid", "Khartoum"),
    ("Troops dug in around Mosul, which Baghdad insisted was under government control.", "Mosul", "Baghdad"),
])
def test_a_place_that_speaks_is_no_subject(gz, text: str, place: str, not_place: str) -> None:
    held = {e.place for e in read(gz, text) if e.kind == "held"}
    assert place in held and not_place not in held


@pytest.mark.parametrize(("theatre", "text", "expected"), [
    ("iraq", "In Mosul, militants seized the Nineveh provincial government headquarters, Mosul airport and several "
             "army bases.", {"Nineveh provincial government headquarters", "Mosul airport"}),
    ("iraq", "Iraqi government forces took control of the Bai Hassan and Avana oilfields, about 25 km north-west of "
             "Kirkuk, on Tuesday.", {"Bai Hassan", "Avana"}),
    ("sudan", "The RSF overran the 22nd Infantry Division base in Babanusa and the Babanusa airport.",
     {"22nd Infantry Division base", "Babanusa airport"}),
])
def test_facilities_listed_after_a_trigger(gz, theatre: str, text: str, expected: set) -> None:
    from geo.extract.article import extract_article
    from geo.model import Article
    from geo.theatres import packaged_theatres

    article = Article(id="probe", path="probe.txt", published=D(2024, 3, 10), source="test", title=None, url=None,
                      text=text)
    assert {e.place for e in extract_article(article, gz, packaged_theatres()[theatre]).events} == expected


@pytest.mark.parametrize(("text", "not_held"), [
    ("Insurgents stormed the town of Khan al-Asal on Wednesday, in the biggest assault in years on areas held by "
     "President Bashar Assad's forces.", "Khan al-Asal"),
    ("The RSF shelled Omdurman on Monday and advanced on positions held by the army.", "Omdurman"),
    ("The AA took Paletwa and pushed on into territory controlled by the junta.", "Paletwa"),
])
def test_a_common_noun_before_held_by_is_its_subject(gz, text: str, not_held: str) -> None:
    assert not [e for e in read(gz, text) if e.kind == "held" and e.place == not_held]


@pytest.mark.parametrize(("text", "not_held"), [
    ("The two towns in Idlib province had been held by the Syrian army since early 2020.", "Idlib"),
    ("The villages around Bakhmut had been held by Ukrainian troops since May.", "Bakhmut"),
    ("Several districts of Khartoum have been held by the RSF since April.", "Khartoum"),
])
def test_a_place_that_locates_a_common_noun_subject_is_not_held(gz, text: str, not_held: str) -> None:
    assert not [e for e in read(gz, text) if e.kind == "held" and e.place == not_held]


@pytest.mark.parametrize(("text", "place", "not_place"), [
    ("Jihadist-led rebels overran Khan Shaykhun in southern Idlib on Saturday. The town fell after government "
     "forces abandoned their positions overnight.", "Khan Shaykhun", "Idlib"),
    ("Russian troops took Krasnohorivka in western Donetsk on Monday. Ukrainian units had abandoned their positions "
     "in the town overnight.", "Krasnohorivka", "Donetsk"),
    ("The RSF seized Bara in northern Kordofan on Friday. Army troops had pulled out of the town overnight.",
     "Bara", "Kordofan"),
])
def test_a_quarter_of_a_region_is_no_antecedent(gz, text: str, place: str, not_place: str) -> None:
    withdrawals = [e.place for e in read(gz, text) if e.kind == "withdrew"]
    assert withdrawals == [place]
