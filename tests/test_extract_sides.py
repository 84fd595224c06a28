"""Who gains, read through passives, appositions, backers and the seats of speakers (issue 16).

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.model import ControlEvent
from tests.probe import reader

read = reader(dt.date(2024, 3, 10))


def gainers(events: list[ControlEvent], place: str, kind: str = "captured") -> set[str | None]:
    return {e.actor_gaining for e in events if e.place == place and e.kind == kind}


# ---- an agentless passive: a side named after it is no agent; a liberation is its speaker's ------------------

@pytest.mark.parametrize(("text", "place", "side"), [
    ("The town of Kafr Nabl has been cleansed of terrorists after the last gunmen of Ahrar al-Sham left for Idlib, "
     "the army command said.", "Kafr Nabl", "government"),
    ("Kupiansk has been liberated after the last units of the Russian army fled east, Ukraine's military said.",
     "Kupiansk", "ukraine"),
    ("Wad Madani was liberated on Saturday after the Rapid Support militia fled the city, the army spokesman said.",
     "Wad Madani", "saf"),
    ("Fallujah has been fully liberated after the last Islamic State fighters fled, the Iraqi army said.",
     "Fallujah", "government"),
])
def test_an_agentless_liberation_is_the_speakers(gz, text: str, place: str, side: str) -> None:
    assert gainers(read(gz, text), place) == {side}


@pytest.mark.parametrize(("text", "place", "side"), [
    ("Saraqib was captured on Thursday by rebels of Hayat Tahrir al-Sham.", "Saraqib", "opposition"),
    ("Lashio was seized last week by the MNDAA.", "Lashio", "mndaa"),
    ("Sirte was taken on Monday by Haftar's forces.", "Sirte", "lna"),
])
def test_an_agent_after_by_still_gains(gz, text: str, place: str, side: str) -> None:
    assert gainers(read(gz, text), place) == {side}


# ---- a backer and a nationality before a generic name ---------------------------------------------------------

@pytest.mark.parametrize(("text", "place", "side"), [
    ("Turkish-backed Syrian rebels captured Manbij on Monday.", "Manbij", "sna"),
    ("Russian-backed Ukrainian separatists seized Debaltseve in February.", "Debaltseve", "russia"),
    ("Rwandan-backed Congolese rebels seized Rubaya, a coltan mining town in North Kivu, on Monday.", "Rubaya", "m23"),
])
def test_a_backer_before_a_nationality_names_the_side(gz, text: str, place: str, side: str) -> None:
    assert gainers(read(gz, text), place) == {side}


# ---- a generic name in an apposition does not hide the side it describes ----------------------------------

@pytest.mark.parametrize(("text", "place", "side"), [
    ("The Arakan Army, one of Myanmar's most powerful ethnic armed groups, said it had captured Buthidaung.",
     "Buthidaung", "aa"),
    ("The M23, one of the strongest armed groups in eastern Congo, said it had taken Rubaya.", "Rubaya", "m23"),
    ("The RSF, a paramilitary force that grew out of the Janjaweed militias, said it had seized Babanusa.",
     "Babanusa", "rsf"),
])
def test_an_apposition_keeps_the_named_side(gz, text: str, place: str, side: str) -> None:
    assert gainers(read(gz, text), place) == {side}


# ---- where a speaker sits is no place of the story ------------------------------------------------------------

@pytest.mark.parametrize(("text", "seat", "place"), [
    ("Ukrainian forces pushed into Kupiansk on Monday. The defence ministry in Moscow said its troops had withdrawn "
     "from the town.", "Moscow", "Kupiansk"),
    ("Fighting raged inside El Fasher on Sunday. A military source in Port Sudan said soldiers had withdrawn "
     "from the town.", "Port Sudan", "El Fasher"),
    ("Rebels stormed into Kidal on Tuesday. Officials in Bamako said troops had withdrawn from the town.",
     "Bamako", "Kidal"),
])
def test_a_speakers_seat_is_no_event_place(gz, text: str, seat: str, place: str) -> None:
    events = read(gz, text)
    assert seat not in {e.place for e in events}
    assert place in {e.place for e in events if e.kind == "withdrew"}


# ---- names that refer back: "its troops", "the group" ---------------------------------------------------------

@pytest.mark.parametrize(("text", "place", "side"), [
    ("The Kachin Independence Army seized Chipwi last week. On Friday, the border town of Kanpaikti fell to its "
     "troops.", "Kanpaikti", "kia"),
    ("The RSF attacked Babanusa on Monday. By evening the town had fallen to its fighters.", "Babanusa", "rsf"),
    ("Hayat Tahrir al-Sham pushed south from Idlib. On Thursday Saraqib fell to its fighters.", "Saraqib",
     "opposition"),
])
def test_its_troops_are_the_side_named_before(gz, text: str, place: str, side: str) -> None:
    assert gainers(read(gz, text), place) == {side}


@pytest.mark.parametrize(("text", "place", "side"), [
    ("The M23 took Sake on Monday and the M23 shelled Minova. Wazalendo fighters fled. The group seized Goma on "
     "Tuesday.", "Goma", "m23"),
    ("Islamic State militants attacked Tikrit; the militants were repelled, and Kurdish forces watched. The group "
     "seized Baiji on Friday.", "Baiji", "islamic_state"),
    ("The Arakan Army attacked Buthidaung. The army shelled the town. The group captured Maungdaw in December.",
     "Maungdaw", "aa"),
])
def test_the_group_is_the_side_the_article_is_about(gz, text: str, place: str, side: str) -> None:
    assert gainers(read(gz, text), place) == {side}


def test_the_armys_own_troops_stay_the_army(gz) -> None:
    events = read(gz, "The RSF attacked Sennar on Monday. The army said on Tuesday its troops had retaken Sennar.")
    assert gainers(events, "Sennar", "regained") == {"saf"}


# ---- a state's own forces in any theatre's words --------------------------------------------------------------

@pytest.mark.parametrize(("text", "place", "side"), [
    ("The RSF withdrew from Sennar on Monday. The Armed Forces restored control over Sinja on Tuesday.", "Sinja",
     "saf"),
    ("The Arakan Army attacked Sittwe. The Armed Forces repelled the attack and retook Pauktaw on Friday.",
     "Pauktaw", "junta"),
    ("Tigrayan forces attacked Woldia last week. The national army retook Woldia on Monday.", "Woldia",
     "government"),
])
def test_the_armed_forces_are_the_theatres_government(gz, text: str, place: str, side: str) -> None:
    assert gainers(read(gz, text), place, "regained") == {side}


# ---- "the army" in a war of several states' armies: the one the article names ---------------------------

@pytest.mark.parametrize(("text", "place", "side"), [
    ("Malian troops and Wagner fighters advanced north from Gao. On Saturday the army took Anefis, about 110 km "
     "south of Kidal.", "Anefis", "fama"),
    ("Niger's army has fought jihadists near Tillaberi for years. Last week the army retook Banibangou from "
     "Islamic State fighters.", "Banibangou", "niger_army"),
    ("Russian forces attacked Kurakhove from three sides. On Friday troops captured Kurakhove.", "Kurakhove",
     "russia"),
])
def test_the_army_of_several_is_the_one_named(gz, text: str, place: str, side: str) -> None:
    assert {e.actor_gaining for e in read(gz, text) if e.place == place and e.kind in ("captured", "regained")} \
        == {side}


@pytest.mark.parametrize(("text", "place", "side"), [
    ("On Saturday the army took Anefis, about 110 km south of Kidal, from the separatists.", "Anefis", "fama"),
    ("Troops retook Djibo from jihadists on Monday, a security source said.", "Djibo", "burkina_army"),
    ("Soldiers recaptured Tillaberi after heavy fighting, residents said.", "Tillaberi", "niger_army"),
    ("The armed forces retook Diapaga from JNIM fighters on Sunday.", "Diapaga", "burkina_army"),
])
def test_the_army_of_several_unnamed_is_the_army_of_the_place(gz, text: str, place: str, side: str) -> None:
    assert {e.actor_gaining for e in read(gz, text) if e.place == place and e.kind in ("captured", "regained")} \
        == {side}, read(gz, text)


@pytest.mark.parametrize(("text", "place", "side"), [
    ("The army withdrew from Boni on Tuesday after weeks of blockade.", "Boni", "fama"),
    ("Soldiers abandoned the town of Diffa to the insurgents overnight.", "Diffa", "niger_army"),
])
def test_the_army_of_several_that_leaves_is_the_army_of_the_place(gz, text: str, place: str, side: str) -> None:
    events = [e for e in read(gz, text) if e.place == place]
    assert events and {e.actor_losing for e in events} == {side}, events


@pytest.mark.parametrize("text", [
    "On Friday troops captured Kurakhove.",  # Russia's and Ukraine's armies fight each other: the place tells nothing
    "The army took Gharyan on Wednesday.",  # the GNA's forces and the LNA both call themselves the army
    "The army recaptured Harib on Tuesday.",  # the government's army and the Houthis' alike
    "The army retook Boulkessi and Djibo after a week of fighting.",  # Mali's and Burkina Faso's: which, not said
])
def test_the_army_stays_unknown_where_the_place_cannot_tell(gz, text: str) -> None:
    events = [e for e in read(gz, text) if e.kind in ("captured", "regained")]
    assert events and {e.actor_gaining for e in events} <= {"unknown", None}, events


def test_a_theatre_file_of_allied_armies_gives_each_place_its_army(gz, tmp_path) -> None:
    from geo.extract.article import extract_article
    from geo.model import Article
    from geo.theatres import load_theatre
    from tests.test_theatres import ALLIES
    path = tmp_path / "allies.toml"
    path.write_text(ALLIES, encoding="utf-8")
    theatre = load_theatre(path)
    for text, place, side in (("The army retook Gwoza from Boko Haram on Monday.", "Gwoza", "nigeria"),
                              ("The army retook Mora from Boko Haram on Monday.", "Mora", "cameroon")):
        article = Article(id="allies", path="allies.txt", published=dt.date(2024, 3, 10), source="test", title=None,
                          url=None, text=text)
        events = [e for e in extract_article(article, gz, theatre).events if e.place == place]
        assert events and {e.actor_gaining for e in events} == {side}, events


# ---- an outlet's own usage: a side's media call its forces "the army" -------------------------------------

@pytest.mark.parametrize(("text", "source", "place", "side"), [
    ("The army recaptured Harib on Tuesday.", "Saba", "Harib", "houthis"),
    ("The armed forces took control of al-Hazm on Monday.", "Saba News Agency", "al-Hazm", "houthis"),
    ("The armed forces took control of al-Hazm on Monday.", "Reuters", "al-Hazm", "government"),
    ("On Friday troops captured Kurakhove.", "TASS", "Kurakhove", "russia"),
    ("The army recaptured Kupiansk on Tuesday.", "Ukrinform", "Kupiansk", "ukraine"),
    ("The armed forces retook Djibo on Sunday after an attack by terrorists.", "Agence d'Information du Burkina",
     "Djibo", "burkina_army"),
])
def test_the_army_in_an_outlets_words_is_its_side(gz, text: str, source: str, place: str, side: str) -> None:
    events = [e for e in read(gz, text, source=source) if e.place == place]
    assert events and {e.actor_gaining for e in events} == {side}, events


@pytest.mark.parametrize(("text", "fled_to"), [
    ("AA fighters moved into Mrauk-U on Monday and soldiers fled toward Minbya.", "Minbya"),
    ("Government troops fled towards Homs as rebels advanced on Hama.", "Homs"),
    ("M23 rebels entered Sake and army units fled towards Goma.", "Goma"),
])
def test_where_troops_flee_to_is_no_place_they_left(gz, text: str, fled_to: str) -> None:
    assert fled_to not in {e.place for e in read(gz, text) if e.kind == "withdrew"}


@pytest.mark.parametrize(("text", "place"), [
    ("Tigrayan fighters entered Mekelle; federal soldiers had withdrawn from the city by late afternoon.",
     "Mekelle"),
    ("Fano militiamen took Lalibela after federal troops withdrew from Lalibela overnight.", "Lalibela"),
])
def test_federal_forces_are_the_government(gz, text: str, place: str) -> None:
    assert {e.actor_losing for e in read(gz, text) if e.place == place and e.kind == "withdrew"} == {"government"}


@pytest.mark.parametrize(("text", "place", "side"), [
    ("Eastern Aleppo has been under siege since June, when the last road was cut by pro-government forces.",
     "Eastern Aleppo", "government"),
    ("El Fasher has been under siege since May, when the last road was cut by the RSF.", "El Fasher", "rsf"),
    ("Mariupol has been encircled since March, when the last road out was cut by Russian forces.", "Mariupol",
     "russia"),
])
def test_a_siege_is_laid_by_the_side_after_by(gz, text: str, place: str, side: str) -> None:
    assert {e.actor_gaining for e in read(gz, text) if e.place == place and e.kind == "besieged"} == {side}


@pytest.mark.parametrize(("text", "place", "gaining"), [
    ("Haitian police backed by Kenyan officers of the Multinational Security Support mission retook Kenscoff on "
     "Sunday.", "Kenscoff", "pnh"),
    ("Army troops backed by fighters of the joint forces retook Mellit on Sunday.", "Mellit", "saf"),
    ("FARDC soldiers backed by fighters of the Wazalendo militias retook Kalembe on Sunday.", "Kalembe", "fardc"),
    ("Somali troops backed by fighters of the Macawisley militias retook Adan Yabaal on Sunday.", "Adan Yabaal",
     "government"),
    ("The army, backed by dozens of Wazalendo fighters, retook Kalembe on Sunday.", "Kalembe", "fardc"),
])
def test_a_unit_of_the_side_backing_the_subject_only_backs_it(gz, text: str, place: str, gaining: str) -> None:
    events = read(gz, text, dt.date(2025, 2, 3))
    assert [(e.place, e.kind, e.date, e.actor_gaining) for e in events] == [
        (place, "regained", dt.date(2025, 2, 2), gaining)]


@pytest.mark.parametrize(("text", "place", "gaining"), [
    ("Fighters of the joint forces retook Mellit on Sunday.", "Mellit", "joint_forces"),
    ("Dozens of Wazalendo fighters retook Kalembe on Sunday.", "Kalembe", "wazalendo"),
])
def test_a_unit_of_a_side_that_backs_nobody_is_that_side(gz, text: str, place: str, gaining: str) -> None:
    (event,) = read(gz, text, dt.date(2025, 2, 3))
    assert (event.place, event.actor_gaining) == (place, gaining)


@pytest.mark.parametrize(("text", "place", "kind", "gaining"), [
    ("Gunmen from the Grand Ravine gang took over Carrefour-Feuilles on Thursday.", "Carrefour-Feuilles", "captured",
     "g_pep"),
    ("Gunmen from the ADF overran Mangurujipa on Thursday.", "Mangurujipa", "captured", "adf"),
    ("Gunmen from the RSF stormed Ardamata on Thursday.", "Ardamata", "entered", "rsf"),
])
def test_gunmen_from_a_side_are_its_members_not_the_side_a_place_was_taken_from(gz, text: str, place: str,
                                                                                kind: str, gaining: str) -> None:
    (event,) = read(gz, text, dt.date(2024, 5, 3))
    assert (event.place, event.kind, event.date, event.actor_gaining) == (place, kind, dt.date(2024, 5, 2), gaining)


def test_a_side_a_place_was_taken_from_after_the_place_is_still_the_source(gz) -> None:
    (event,) = read(gz, "Gunmen seized Rubaya from the M23 on Thursday.", dt.date(2024, 5, 3))
    assert event.place == "Rubaya" and event.actor_gaining != "m23"


@pytest.mark.parametrize(("text", "place", "kind", "gaining"), [
    ("Gangs of the G9 federation took Bel Air on Saturday.", "Bel Air", "captured", "g9"),
    ("Cells of the Islamic State seized Sukhnah on Saturday.", "Sukhnah", "captured", "islamic_state"),
    ("Cells of the Islamic State overran Baiji on Saturday.", "Baiji", "captured", "islamic_state"),
    ("Squads of the RSF stormed Bara on Saturday.", "Bara", "entered", "rsf"),
])
def test_gangs_cells_and_squads_of_a_side_are_that_side(gz, text: str, place: str, kind: str, gaining: str) -> None:
    (event,) = read(gz, text, dt.date(2025, 4, 7))
    assert (event.place, event.kind, event.date, event.actor_gaining) == (place, kind, dt.date(2025, 4, 5), gaining)


def test_a_subject_named_as_gangs_of_a_coalition_keeps_its_gerund(gz) -> None:
    # not the police of "the town's police station" named between
    text = ("Gangs of the Viv Ansanm coalition seized Saut-d'Eau on Saturday and burned the town's police station, "
            "the mayor said, after taking Mirebalais on March 31.")
    got = {(e.place, e.kind, e.date, e.actor_gaining) for e in read(gz, text, dt.date(2025, 4, 7))}
    assert ("Mirebalais", "captured", dt.date(2025, 3, 31), "viv_ansanm") in got
