"""find(): names that are also words, names inside organisations' names, divisions named with words."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from gazetteer import Gazetteer
from gazetteer.build.common_words import common_words, lower_case_words, place_words
from gazetteer.context import _admin1_share, code_id
from gazetteer.store import load_store


@pytest.fixture(scope="module")
def gz() -> Iterator[Gazetteer]:
    """The packaged gazetteer only (no user imports from the machine running the tests)."""
    yield Gazetteer(load_store(include_user=False))


def found(gz: Gazetteer, text: str) -> dict[str, str]:
    """Return each name found in *text* with its place's id (the last, when a name repeats)."""
    return {m.text: m.place.id for m in gz.find(text) if m.place is not None}


@pytest.mark.parametrize(("text", "name", "place"), [
    ("Texas gave the company a tax break last year.", "Texas", "admin1:US-TX"),
    ("Britain says the sanctions will stay in place.", "Britain", "country:GB"),
    ("Queensland reported more cases of flooding on Monday.", "Queensland", "admin1:AU-QLD"),
    ("Europe has taken in millions of Ukrainians.", "Europe", "continent:EU"),
])
def test_a_large_area_starting_a_sentence_is_a_place(gz: Gazetteer, text: str, name: str, place: str) -> None:
    assert found(gz, text).get(name) == place


@pytest.mark.parametrize("text", [
    "Western officials said the talks had failed.",
    "Central banks raised their rates again.",
    "North of the river the shelling went on all night.",
])
def test_a_compass_word_starting_a_sentence_is_no_place(gz: Gazetteer, text: str) -> None:
    assert found(gz, text) == {}


@pytest.mark.parametrize("text", [
    "The Aleppo City Council met in Aleppo on Sunday.",
    "Officials in Goma said the city was calm; the Central government sent aid.",
    "Residents in the city of Kharkiv said the power was cut.",
    "Troops moved to the West Bank town of Jenin, and the South was quiet.",
])
def test_a_division_named_with_a_word_needs_a_document_about_its_country(gz: Gazetteer, text: str) -> None:
    ids = set(found(gz, text).values())
    assert not {"admin1:GB-LND", "admin1:BW-CE", "admin1:LB-JA", "admin1:RW-04"} & ids
    assert not any(m.text in ("City", "Central", "the city", "South") for m in gz.find(text))


def test_a_place_named_in_a_government_body_is_a_place(gz: Gazetteer) -> None:
    text = ("The Kharkiv regional council said two people died. The Ohio Department of Transportation closed "
            "the road, and Aleppo Police said the market was shut.")
    places = found(gz, text)
    assert places.get("Ohio") == "admin1:US-OH"
    assert places.get("Aleppo") == "geonames:170063"
    assert "Kharkiv" in places


def test_an_outlet_named_after_a_place_is_still_no_place(gz: Gazetteer) -> None:
    assert "Kansas City" not in found(gz, "The Kansas City Star reported the fire on Friday.")


def test_a_county_and_a_town_named_with_common_words(gz: Gazetteer) -> None:
    places = found(gz, "Officials in Laurel County said the road was closed. "
                       "Police in Rock Hill, South Carolina, arrested two men.")
    assert places.get("Laurel County") == "geonames:4297480"  # the county in Kentucky
    assert places.get("Rock Hill") == "geonames:4593142"  # the city in South Carolina


def test_common_words_leave_out_names_of_large_areas_and_cities_unless_they_are_words() -> None:
    lower = lower_case_words(["Ohio", "Western", "western", "Gulf", "gulf", "Asia", "Paul", "man", "china", "home"])
    assert lower == {"western", "gulf", "man", "china", "home"}
    rows = [
        {"id": "admin1:US-OH", "name": "Ohio", "alts": [], "kind": "admin1", "population": 0},
        {"id": "admin1:CV-PA", "name": "Paul", "alts": [], "kind": "admin1", "population": 0},  # not a large one
        {"id": "admin1:KE-WE", "name": "Western", "alts": [], "kind": "admin1", "population": 0},
        {"id": "continent:AS", "name": "Asia", "alts": [], "kind": "continent", "population": 0},
        {"id": "region:gulf", "name": "Gulf", "alts": [], "kind": "region", "population": 0},
        {"id": "country:CN", "name": "China", "alts": [], "kind": "country", "population": 1_400_000_000},
        {"id": "geonames:1", "name": "Man", "alts": [], "kind": "city", "population": 190_000},
    ]
    places = place_words(rows, lower, frozenset({"admin1:US-OH", "admin1:KE-WE"}))
    frequent = ["ohio", "paul", "western", "asia", "gulf", "china", "man", "home", "o'clock"]
    assert common_words(frequent, places) == ["gulf", "home", "man", "paul", "western"]


def test_a_title_case_abbreviation_that_is_a_word_needs_its_full_stop(gz: Gazetteer) -> None:
    assert found(gz, "Grand Jury Indicts Man In Slaying Case") == {}
    assert found(gz, "He moved to Winnipeg, Man. in 2019.").get("Man.") == "admin1:CA-MB"


def test_a_surname_after_a_common_given_name_is_no_place(gz: Gazetteer) -> None:
    text = ("City Manager Jim Hartmann said the budget was short. David Jefferson, the health manager, "
            "said Hartmann had warned them. Officials in Tel Aviv agreed.")
    places = found(gz, text)
    assert not {"Hartmann", "David", "Jefferson"} & places.keys()
    assert "Tel Aviv" in places


@pytest.mark.parametrize(("text", "division"), [
    ("Floods closed roads in Macon and Valdosta, and the river rose in Gainesville on Tuesday.", "Georgia"),
    ("Floods closed roads in Ocala and Tallahassee, and the river rose in Gainesville on Tuesday.", "Florida"),
])
def test_a_namesake_is_taken_in_the_division_of_the_documents_other_places(gz: Gazetteer, text: str,
                                                                            division: str) -> None:
    gainesville = next(m for m in gz.find(text) if m.text == "Gainesville")
    assert gainesville.place.admin1 == division


def test_a_former_name_beside_the_current_one_is_the_same_town(gz: Gazetteer) -> None:
    text = "Russian troops pressed on Kostiantynivka and took the city of Dzerzhinsk (Toretsk), near Horlivka."
    places = found(gz, text)
    assert places["Dzerzhinsk"] == places["Toretsk"]


def test_a_given_name_that_names_a_state_is_a_persons_only_before_a_surname(gz: Gazetteer) -> None:
    text = "The Georgia Bureau of Investigation opened an inquiry in Macon and Valdosta."
    assert found(gz, text).get("Georgia") == "admin1:US-GA"
    assert "Georgia" not in found(gz, "The coach said Georgia Stevens skated well in Calgary.")


@pytest.mark.parametrize(("text", "division"), [
    ("Police in Southfield, Farmington Hills and Bloomfield Hills said the fire started in Franklin.", "Michigan"),
    ("Floods hit Pocatello and Idaho Falls; in Franklin the river rose.", "Idaho"),
])
def test_a_small_namesake_among_many_is_still_a_candidate_in_its_division(gz: Gazetteer, text: str,
                                                                          division: str) -> None:
    # "Franklin" names 35 places; the likeliest of each division stays a candidate, not only of each country
    franklin = next(m for m in gz.find(text) if m.text == "Franklin")
    assert franklin.place.admin1 == division


def test_only_the_counted_names_vote_for_a_division() -> None:
    # four names; the first two chose places in one division, the last two in another
    a, b = code_id("ZZ.01"), code_id("ZZ.02")
    ints = np.zeros((5, 7), dtype=np.int64)
    ints[:, 1] = [a, b, b, a, a]  # admin-1 of each candidate; name 0 has two candidates (in a and in b)
    owner = np.array([0, 0, 1, 2, 3])
    best = np.array([1, 2, 3, 4])  # name 0 chose its candidate in b
    everyone = _admin1_share(ints, best, np.ones(4, dtype=bool), owner)
    assert everyone[1] == pytest.approx(1 / 3)  # name 1 of the 3 others lies in b
    assert everyone[0] == pytest.approx(2 / 3)
    # name 1 chose a namesake abroad (not counted): it no longer votes for b
    counted = _admin1_share(ints, best, np.array([True, False, True, True]), owner)
    assert counted[1] == 0.0 and counted[0] == pytest.approx(1.0)


# ---- two names with nothing between them are one name -----------------------------------------------------------

@pytest.mark.parametrize(("text", "focus", "parts"), [
    ("Ukrainian troops pulled out of Stepova Novoselivka earlier this week.", "UA", ("Stepova", "Novoselivka")),
    ("Russian forces shelled Stara Mayachka across the river.", "UA", ("Mayachka",)),
    ("Rebels took Tal Malah north of Hama on Friday.", "SY", ("Tal", "Malah")),
    ("The RSF entered Abu Gota Sennar on Sunday, residents said.", "SD", ("Gota", "Sennar")),
])
def test_parts_of_a_longer_unknown_name_are_not_places(gz: Gazetteer, text: str, focus: str,
                                                       parts: tuple[str, ...]) -> None:
    names = {m.text for m in gz.find(text, focus=(focus,))}
    assert not names & set(parts), names


@pytest.mark.parametrize(("text", "name"), [
    ("Rebels Seize Aleppo As Army Retreats", "Aleppo"),  # a headline's capitalised words are words
    ("He flew on to Beirut Lebanon and then home.", "Lebanon"),  # a country after its city, no comma
    ("He flew on to Beirut Lebanon and then home.", "Beirut"),
    ("Drones struck the Russian Kursk region overnight.", "Kursk"),  # a demonym is a word
    ("Russian forces entered Velyka Novosilka on Sunday.", "Velyka Novosilka"),  # known as a whole
])
def test_names_beside_words_countries_or_as_a_whole_stay_places(gz: Gazetteer, text: str, name: str) -> None:
    assert name in {m.text for m in gz.find(text)}


@pytest.mark.parametrize(("text", "focus", "name", "country"), [
    ("Houthi fighters retook Ibb after two days of clashes with tribesmen.", ("YE",), "Ibb", "YE"),
    ("Government troops pushed the Houthis out of Ataq, the capital of Shabwa.", ("YE",), "Ataq", "YE"),
    ("Insurgents attacked Tete on Friday, the provincial governor said.", ("MZ",), "Tete", "MZ"),
    ("Refugees fleeing the fighting reached Amman by bus.", ("SY", "JO"), "Amman", "JO"),
    ("Federal troops entered Harar on Tuesday.", ("ET",), "Harar", "ET"),
    ("The army said it had lost contact with its garrison in Waw township.", ("MM",), "Waw", "MM"),
])
def test_a_name_whose_key_is_shorter_than_the_word_is_found(gz: Gazetteer, text: str, focus: tuple[str, ...],
                                                            name: str, country: str) -> None:
    """A name of three letters or more that folds to fewer ("Ibb", "Amman", "Harar") is still a name to find."""
    places = {m.text: m.place for m in gz.find(text, focus=focus) if m.place is not None}
    assert name in places and places[name].country == country


@pytest.mark.parametrize("text", [
    "All the soldiers had left by dawn.",
    "See the map for the front line.",
    "Off the coast, a patrol boat sank.",
    "Our forces held the line, the commander said.",
    "Year after year the fighting returned.",
    "Asked whether the town had fallen, the spokesman said 'No' and 'no' again.",
    "Each was asked to state ‘Yes’ or ‘No’.",
])
def test_a_word_that_folds_to_a_short_key_is_no_place(gz: Gazetteer, text: str) -> None:
    """Common words folding to the same short keys ("All" and "Ell", "Our" and "Ur") offer no place."""
    assert found(gz, text) == {}


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Jihadists overran an army post in Say, in southwestern Niger, on Sunday.", "Say", "NE"),
    ("Insurgents seized Hit, in western Iraq, overnight.", "Hit", "IQ"),
    ("Rebels shelled Sake, in North Kivu, for a second day.", "Sake", "CD"),
])
def test_a_word_located_by_the_larger_place_after_it_is_a_place(gz: Gazetteer, text: str, name: str,
                                                                  country: str) -> None:
    """A town named with a word is one where the next name locates it: "Say, in southwestern Niger"."""
    places = {m.text: m.place for m in gz.find(text) if m.place is not None}
    assert name in places and places[name].country == country


@pytest.mark.parametrize("text", [
    "The strike was a Hit, in every sense.",
    "Say, in northern Niger they would call it a raid.",
])
def test_a_word_before_a_place_is_no_place_unless_that_place_locates_it(gz: Gazetteer, text: str) -> None:
    assert not any(m.text in ("Hit", "Say") for m in gz.find(text))

