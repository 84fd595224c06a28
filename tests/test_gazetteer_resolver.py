"""The Gazetteer: spellings, cue words, homonyms, phrases and name finding in text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gazetteer import Gazetteer, PlaceNotFoundError, default_gazetteer
from gazetteer.store import load_store

DARAA = "geonames:170905"
ALEPPO = "geonames:170063"


@pytest.fixture(scope="module")
def gz() -> Iterator[Gazetteer]:
    """The packaged gazetteer only (no user imports from the machine running the tests)."""
    yield Gazetteer(load_store(include_user=False))


def top_id(gz: Gazetteer, name: str, **context: object) -> str:
    found = gz.lookup(name, **context)
    assert found, f"{name!r} not found"
    return found[0].place.id


@pytest.mark.parametrize("name", ["Deraa", "Daraa", "Dar'a", "درعا"])
def test_spellings_of_daraa_resolve_to_the_city(gz: Gazetteer, name: str) -> None:
    assert top_id(gz, name) == DARAA


@pytest.mark.parametrize(
    "spellings",
    [("Khan Sheikhoun", "Khan Shaykhun"), ("Maarat al-Numan", "Ma'arrat an-Nu'man"),
     ("Tal Rifaat", "Tell Rifaat", "Tall Rif'at"), ("Atareb", "Al-Atarib"), ("Idleb", "Idlib"), ("Hims", "Homs"),
     ("Halab", "Aleppo")],
)
def test_spellings_of_one_place_resolve_to_one_syrian_record(gz: Gazetteer, spellings: tuple[str, ...]) -> None:
    ids = {top_id(gz, s) for s in spellings}
    assert len(ids) == 1
    assert gz.get(ids.pop()).country == "SY"


def test_halab_is_aleppo(gz: Gazetteer) -> None:
    assert top_id(gz, "Halab") == ALEPPO
    assert gz.resolve("Halab").name == "Aleppo"


@pytest.mark.parametrize(("name", "country_lat_lon"), [("Homs", (34.73, 36.72)), ("Hama", (35.13, 36.75))])
def test_homonyms_prefer_the_larger_syrian_city(gz: Gazetteer, name: str, country_lat_lon: tuple) -> None:
    place = gz.resolve(name)
    assert place.country == "SY", f"{name} resolved to {place.name} in {place.country}"
    assert abs(place.lat - country_lat_lon[0]) < 0.2 and abs(place.lon - country_lat_lon[1]) < 0.2


def test_homs_is_not_al_khums_and_libyan_focus_can_still_choose_libya(gz: Gazetteer) -> None:
    names = {c.place.country for c in gz.lookup("Homs")}
    assert {"SY", "LY"} <= names  # the homonym exists, and ranks below Syria by default
    assert gz.resolve("Homs").country == "SY"
    assert gz.resolve("Homs", focus=("LY",)).country == "LY"


@pytest.mark.parametrize(
    ("name", "before", "after", "expected"),
    [("Idlib", "fighting in the province of ", " continued", "admin1:SY-ID"),
     ("Deraa", "protests spread across the ", " region", "admin1:SY-DR"),
     ("Aleppo", "airstrikes on ", " and Idlib provinces", "admin1:SY-HL"),
     ("Idlib", "airstrikes on Aleppo and ", " provinces", "admin1:SY-ID"),
     ("Homs", "villages in ", " governorate", "admin1:SY-HI")],
)
def test_region_cue_words_pick_the_governorate(gz: Gazetteer, name: str, before: str, after: str,
                                               expected: str) -> None:
    assert top_id(gz, name, before=before, after=after) == expected
    assert gz.get(expected).kind == "admin1"


def test_city_cue_and_no_cue_pick_the_city(gz: Gazetteer) -> None:
    assert top_id(gz, "Aleppo", before="troops entered the city of ", after=" on Sunday") == ALEPPO
    assert top_id(gz, "Idlib", before="in ", after=" on Sunday") == "geonames:169389"


def test_citadel_phrase_resolves_to_the_landmark(gz: Gazetteer) -> None:
    for phrase in ("Aleppo's medieval citadel", "the citadel of Aleppo"):
        place = gz.resolve_phrase(phrase)
        assert place is not None and place.id == "local:aleppo-citadel", phrase
        assert place.parent == ALEPPO
    assert gz.resolve_phrase("the centre of Homs").id == gz.resolve("Homs").id


@pytest.mark.parametrize("phrase,focus,owner", [
    ("the Old City of Mosul", ("IQ",), "Mosul"),
    ("the Old City of Sanaa", ("YE",), "Sanaa"),
    ("the old city of Homs", ("SY",), "Homs"),
])
def test_a_phrase_naming_a_namesake_far_from_its_owner_is_the_owner(gz: Gazetteer, phrase: str,
                                                                    focus: tuple[str, ...], owner: str) -> None:
    assert gz.resolve_phrase(phrase, focus=focus).id == gz.resolve(owner, focus=focus).id


@pytest.mark.parametrize("phrase,focus,part", [
    ("Aleppo's Sheikh Maqsoud district", ("SY",), "Sheikh Maqsoud"),
    ("Damascus's Jobar district", ("SY",), "Jobar"),
    ("Khartoum's Bahri district", ("SD",), "Khartoum North"),
])
def test_a_named_part_of_its_owner_is_the_part_not_any_part_called_a_district(
        gz: Gazetteer, phrase: str, focus: tuple[str, ...], part: str) -> None:
    assert gz.resolve_phrase(phrase, focus=focus).name == part


@pytest.mark.parametrize("text,focus,town", [
    ("M23 rebels seized Sake on Thursday. Thousands of residents fled towards Goma.", ("CD", "RW"), "Sake"),
    ("Russian missiles hit Bar overnight. Power was also cut in Zhmerynka.", ("UA", "RU"), "Bar"),
])
def test_a_town_named_with_a_common_word_counts_near_the_war_s_other_towns(gz: Gazetteer, text: str,
                                                                          focus: tuple[str, ...], town: str) -> None:
    found = {m.text: m.place for m in gz.find(text, focus=focus)}
    assert town in found and found[town].country == focus[0]


def test_a_town_named_with_a_common_word_alone_stays_a_word(gz: Gazetteer) -> None:
    assert not gz.find("M23 rebels seized Sake on Thursday.", focus=("CD", "RW"))


@pytest.mark.parametrize("text,word", [
    ("Russian forces captured Progress, a village near Pokrovsk, the ministry said.", "Progress"),  # one in Amur
    ("An officer named Gay told reporters the line held near Bakhmut.", "Gay"),  # a town in the Urals
])
def test_a_common_word_naming_a_far_namesake_in_the_war_s_country_is_no_place(gz: Gazetteer, text: str,
                                                                             word: str) -> None:
    assert word not in {m.text for m in gz.find(text, focus=("UA", "RU"))}


def test_find_resolves_regions_cities_and_landmarks_in_one_text(gz: Gazetteer) -> None:
    text = ("Rebels shelled Aleppo's medieval citadel on Monday, while clashes spread in the province "
            "of Idlib and government troops held the city of Aleppo.")
    found = [(m.text, m.place.id) for m in gz.find(text)]
    assert found == [("Aleppo's medieval citadel", "local:aleppo-citadel"), ("Idlib", "admin1:SY-ID"),
                     ("Aleppo", ALEPPO)]


def test_find_takes_the_longest_match(gz: Gazetteer) -> None:
    text = "She taught chemistry at Aleppo University until 2012."
    mentions = gz.find(text)
    assert [m.text for m in mentions] == ["Aleppo University"]
    assert mentions[0].place.id != ALEPPO


def test_find_offsets_point_into_the_text(gz: Gazetteer) -> None:
    text = "Shelling hit Khan Sheikhoun and Maarat al-Numan overnight."
    mentions = gz.find(text)
    assert [text[m.start : m.end] for m in mentions] == ["Khan Sheikhoun", "Maarat al-Numan"]
    assert [m.place.id for m in mentions] == [top_id(gz, "Khan Shaykhun"), top_id(gz, "Ma'arrat an-Nu'man")]


def test_lowercase_common_words_are_not_places(gz: Gazetteer) -> None:
    assert gz.find("After the ceasefire the army went home.") == []


def test_nice_at_sentence_start_is_an_adjective_in_a_syrian_text(gz: Gazetteer) -> None:
    found = [m.text for m in gz.find("Nice weather returned to Idlib and Aleppo after the storm.")]
    assert found == ["Idlib", "Aleppo"]


def test_nice_inside_a_sentence_is_the_french_city(gz: Gazetteer) -> None:
    found = gz.find("The delegation flew from Idlib to Nice on Monday.")
    assert [m.place.country for m in found if m.text == "Nice"] == ["FR"]


def test_names_inside_excluded_spans_are_not_matched(gz: Gazetteer) -> None:
    text = "Fighters of Hayat Tahrir al-Sham entered Saraqib at dawn."
    start = text.index("Hayat")
    group = (start, start + len("Hayat Tahrir al-Sham"))
    found = gz.find(text, exclude=[group])
    assert [m.text for m in found] == ["Saraqib"]
    assert all(not (group[0] < m.end and m.start < group[1]) for m in found)


def test_unknown_names_raise_or_return_nothing(gz: Gazetteer) -> None:
    assert gz.lookup("Qwxzvbrtt") == []
    with pytest.raises(PlaceNotFoundError, match="Qwxzvbrtt"):
        gz.resolve("Qwxzvbrtt")
    with pytest.raises(LookupError):
        gz.get("geonames:0")


def test_reverse_finds_the_nearest_place(gz: Gazetteer) -> None:
    place, km = gz.reverse(32.62, 36.10)
    assert place.id == DARAA and km < 2


def test_default_gazetteer_is_loaded_once() -> None:
    assert default_gazetteer() is default_gazetteer()


def test_capitalised_war_words_are_not_loose_spellings_of_villages(gz: Gazetteer) -> None:
    text = "Shelling hit Idlib and Aleppo on Monday. Shelling resumed at dawn."
    assert [m.text for m in gz.find(text)] == ["Idlib", "Aleppo"]


@pytest.mark.parametrize(("text", "town"), [
    ("Rebels seized Aleppo's airport.", "Aleppo"),
    ("Islamic State militants seized Mosul's airport on Tuesday.", "Mosul"),
    ("The army retook Khartoum's airport in March.", "Khartoum"),
])
def test_a_town_owning_a_site_is_found_when_the_site_s_name_is_not(gz: Gazetteer, text: str, town: str) -> None:
    found = gz.find(text)
    assert [m.text for m in found] == [town] and found[0].place is not None and found[0].place.kind != "infrastructure"
    assert text[found[0].start : found[0].end] == town
