"""Names resolved in the context of their document: demonyms, abbreviations, countries, divisions,
locating pairs, exact before fuzzy, current before historical, persons and outlets left out.

Every sentence here is written for these tests, in several theatres of war.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gazetteer import Gazetteer
from gazetteer.store import load_store


@pytest.fixture(scope="module")
def gz() -> Iterator[Gazetteer]:
    yield Gazetteer(load_store(include_user=False))


def found(gz: Gazetteer, text: str) -> dict[str, tuple[str, str, str]]:
    return {m.text: (m.place.id, m.place.country or "", m.form) for m in gz.find(text, demonyms=True)}


def test_demonyms_are_a_name_kind_of_their_own_resolving_to_the_country(gz: Gazetteer) -> None:
    got = found(gz, "Russian forces pushed west while Ukrainian units held the line near Kupiansk.")
    assert got["Russian"] == ("country:RU", "RU", "demonym")
    assert got["Ukrainian"] == ("country:UA", "UA", "demonym")
    assert gz.get("country:SY").demonyms and "Syrian" in gz.get("country:SY").demonyms


def test_demonyms_are_mentions_only_when_asked_for(gz: Gazetteer) -> None:
    text = "Sudanese troops and Rapid Support Forces fought in El Fasher."
    assert "Sudanese" in found(gz, text)
    assert "Sudanese" not in {m.text for m in gz.find(text)}
    assert "Sudanese" not in {m.text for m in gz.find(text, demonyms=False)}


def test_a_demonym_is_no_place_by_default_but_still_context(gz: Gazetteer) -> None:
    # A caller that reads every mention as a place must not see "Syrian" in front of the capital.
    assert [(m.text, m.form) for m in gz.find("Rebels are now inside the Syrian capital Damascus.")] == [
        ("Damascus", "name")]
    # Left out of the mentions, the people named still tell which Tripoli the text means.
    assert [m.place.country for m in gz.find("Lebanese troops were sent to Tripoli on Monday.")] == ["LB"]
    assert [m.place.country for m in gz.find("Libyan troops were sent to Tripoli on Monday.")] == ["LY"]


def test_region_demonyms_and_regions(gz: Gazetteer) -> None:
    got = found(gz, "Kurdish fighters withdrew from villages east of the Euphrates.")
    assert got["Kurdish"][0].startswith("region:") and got["Kurdish"][2] == "demonym"
    assert gz.get(got["Kurdish"][0]).name == "Kurdistan"


@pytest.mark.parametrize(("written", "country"), [("U.S.", "US"), ("US", "US"), ("UK", "GB"), ("UAE", "AE"),
                                                   ("DRC", "CD")])
def test_abbreviations_resolve_to_the_country(gz: Gazetteer, written: str, country: str) -> None:
    text = f"Officials said the {written} would send envoys to Kinshasa and Goma next week."
    got = found(gz, text)
    assert got[written][:2] == (f"country:{country}", country)
    assert got[written][2] == "abbreviation"


def test_a_capitalised_two_letter_word_is_no_village(gz: Gazetteer) -> None:
    assert "US" not in {m.text for m in gz.find("Tell us what happened in Goma.")}
    assert gz.lookup("US")[0].place.id == "country:US"


def test_exact_names_before_fuzzy_ones(gz: Gazetteer) -> None:
    assert gz.resolve("Algeria").id == "country:DZ"
    assert gz.resolve("Philippines").id == "country:PH"


def test_current_name_before_historical_one(gz: Gazetteer) -> None:
    got = found(gz, "Russian troops advanced on Pokrovsk, Donetsk region, on Tuesday.")
    assert got["Pokrovsk"][1] == "UA"
    assert got["Donetsk"][0] == "admin1:UA-14"


def test_the_document_decides_among_homonyms(gz: Gazetteer) -> None:
    middle_east = found(gz, "Syrian officials met Egyptian envoys in Cairo before flying to Damascus and Amman.")
    assert middle_east["Cairo"][1] == "EG" and middle_east["Damascus"][1] == "SY"
    assert middle_east["Amman"][1] == "JO"


def test_the_place_named_after_a_name_locates_it(gz: Gazetteer) -> None:
    got = found(gz, "A reporter from Athens, Ga., and another from Paris, Texas, covered the trial.")
    assert got["Athens"][1] == "US" and got["Paris"][1] == "US"
    assert got["Ga."][0] == "admin1:US-GA" and got["Ga."][2] == "abbreviation"


def test_first_level_divisions_everywhere(gz: Gazetteer) -> None:
    assert gz.lookup("Donetsk", before="fighting in the ", after=" region")[0].place.id == "admin1:UA-14"
    assert gz.lookup("Shan", before="clashes in northern ", after=" State")[0].place.country == "MM"
    assert gz.lookup("North Kivu", before="in ", after=" province")[0].place.id.startswith("admin1:CD")
    assert gz.resolve("Texas").id == "admin1:US-TX"


def test_a_city_named_as_its_division_is_the_city(gz: Gazetteer) -> None:
    assert gz.resolve("Aleppo").kind == "city"
    assert gz.lookup("Aleppo", before="in the province of ")[0].place.kind == "admin1"


def test_myanmar_and_congo_towns_in_context(gz: Gazetteer) -> None:
    got = found(gz, "Myanmar's army lost Lashio and Laukkai to ethnic armed groups near the Chinese border.")
    assert got["Lashio"][1] == "MM" and got["Laukkai"][1] == "MM"
    got = found(gz, "M23 rebels entered Goma and moved towards Bukavu, Congolese officials said.")
    assert got["Goma"][1] == "CD" and got["Bukavu"][1] == "CD"


def test_person_names_are_not_places(gz: Gazetteer) -> None:
    text = "President Jackson spoke with Andrei Karlov in Kyiv. Mr. Lincoln stayed in Odesa."
    names = {m.text for m in gz.find(text)}
    assert "Jackson" not in names and "Karlov" not in names and "Lincoln" not in names
    assert {"Kyiv", "Odesa"} <= names


def test_a_surname_stays_a_person_in_the_rest_of_the_text(gz: Gazetteer) -> None:
    text = "The envoy, Mr. Moore, arrived in Khartoum. Moore said talks would resume in Port Sudan."
    names = [m.text for m in gz.find(text)]
    assert "Moore" not in names and "Khartoum" in names


def test_outlets_named_after_places_are_not_places(gz: Gazetteer) -> None:
    text = "The Kansas City Star and the Jerusalem Post reported shelling in Kharkiv."
    names = {m.text for m in gz.find(text)}
    assert "Kharkiv" in names
    assert not names & {"Kansas City", "Jerusalem"}


def test_common_words_are_not_villages(gz: Gazetteer) -> None:
    text = "The Council met in March at the University Center to discuss aid for Mariupol."
    assert [m.text for m in gz.find(text)] == ["Mariupol"]


def test_countries_and_continents_at_their_gazetteer_points(gz: Gazetteer) -> None:
    russia = gz.resolve("Russia")
    assert (russia.lat, russia.lon) == (60.0, 100.0)
    europe = gz.resolve("Europe")
    assert europe.kind == "continent" and abs(europe.lat - 48.69) < 0.01


def test_resolve_spans_uses_the_rest_of_the_text(gz: Gazetteer) -> None:
    text = "Shelling hit Alexandria overnight, Egyptian officials said, as ships left Port Said."
    start = text.index("Alexandria")
    (mention,) = gz.resolve_spans(text, [(start, start + len("Alexandria"))])
    assert mention.place is not None and mention.place.country == "EG"
    unknown = "Qxzvqw was not on any map."
    assert [(m.start, m.end, m.candidates) for m in gz.resolve_spans(unknown, [(0, 6)])] == [(0, 6, ())]


def test_a_hyphenated_adjective_is_no_given_name(gz: Gazetteer) -> None:
    text = "The Kurdish-held Sheikh Maqsoud district and the Turkish-backed Tal Rifaat front were shelled."
    assert {m.text for m in gz.find(text)} >= {"Sheikh Maqsoud", "Tal Rifaat"}


def test_a_small_place_of_the_documents_country_survives_the_candidate_cap(gz: Gazetteer) -> None:
    # "Mallah" folds like more than fifty places, most of them larger; the Syrian village must stay a candidate.
    assert len(gz.store.rows_for_key("mala")) > 24
    text = "Shelling hit the Mallah farms north of Aleppo, Syrian monitors said."
    got = {m.text: m.place.country for m in gz.find(text)}
    assert got == {"Mallah farms": "SY", "Aleppo": "SY"}  # the curated farms north of Aleppo, a name of its own


def test_resolve_spans_reads_a_demonym_inside_a_given_span(gz: Gazetteer) -> None:
    text = "The European Commission proposed new sanctions on Monday."
    start = text.index("European Commission")
    (mention,) = gz.resolve_spans(text, [(start, start + len("European Commission"))])
    assert mention.place is not None and mention.place.kind == "continent"
    assert gz.resolve_phrase("European Commission") is None  # a phrase is read without demonyms by default


def test_a_repeated_document_is_resolved_once_and_alike(gz: Gazetteer) -> None:
    text = "Storms hit Paris, Texas, and flooded Alexandria, Egyptian officials said."
    first = gz.find(text, demonyms=True)
    size = len(gz._document_cache)
    again = gz.find("Update: " + text, demonyms=True)  # the same names, cues and order: resolved from the memo
    assert len(gz._document_cache) == size
    assert [(m.text, m.place.id, m.candidates) for m in again] == [(m.text, m.place.id, m.candidates) for m in first]
    assert [m.start - len("Update: ") for m in again] == [m.start for m in first]
    gz._document_cache.clear()
    assert gz.find(text, demonyms=True) == first


def test_the_memo_tells_a_locating_pair_from_two_names(gz: Gazetteer) -> None:
    assert [m.place.country for m in gz.find("Storms hit Paris, Texas.")] == ["US", "US"]
    assert [m.place.country for m in gz.find("Storms hit Paris and Texas.")] == ["FR", "US"]


def test_a_name_that_qualifies_an_actor_is_no_evidence_of_where_the_text_is(gz: Gazetteer) -> None:
    # "Russian-held", "Moscow-backed" name who holds or backs: the Donetsk meant is still Ukraine's.
    for text in ("Russian-held Donetsk was shelled overnight.", "Moscow-backed forces shelled Donetsk overnight."):
        assert {m.text: m.place.country for m in gz.find(text)}["Donetsk"] == "UA"
    assert gz.resolve_phrase("the Russian-held regional capital Donetsk").country == "UA"
    # Named outright, the country does count: a Donetsk in Russia is meant.
    got = {m.text: m.place.country for m in gz.find("Floods hit Donetsk in Russia's Rostov region.")}
    assert got["Donetsk"] == "RU"


def test_a_division_named_like_a_country_in_a_text_about_its_own_country(gz: Gazetteer) -> None:
    text = ("Storms hit Atlanta and Savannah, and Georgia officials closed schools in Macon. "
            "Georgia will reopen them on Monday.")
    assert [m.place.id for m in gz.find(text) if m.text == "Georgia"] == ["admin1:US-GA", "admin1:US-GA"]
    assert {m.text: m.place.id for m in gz.find("Floods in Iowa, Ohio and Georgia.")}["Georgia"] == "admin1:US-GA"
    # The country when the text names its neighbours, or nothing else.
    assert {m.text: m.place.id for m in gz.find("Georgia and Armenia signed a deal in Tbilisi.")}["Georgia"] == (
        "country:GE")
    assert [m.place.id for m in gz.find("Talks on Georgia resumed.")] == ["country:GE"]


def test_a_local_report_takes_the_namesake_in_its_own_division(gz: Gazetteer) -> None:
    # The county and towns a local report names put it in one division: the namesake there, not the famous one.
    illinois = found(gz, "Edgar County deputies and police from Urbana searched homes in Paris.")
    assert gz.get(illinois["Paris"][0]).admin1 == "Illinois"
    ontario = found(gz, "Kenora police said the Ontario driver was from London.")
    assert gz.get(ontario["London"][0]).admin1 == "Ontario"
    ohio = found(gz, "Guernsey County deputies said the Byesville man was taken to a hospital in Cambridge.")
    assert gz.get(ohio["Cambridge"][0]).admin1 == "Ohio"
    # The same in a war's divisions.
    sagaing = found(gz, "Sagaing Region fighters said the army burned Monywa homes and shelled Tamu.")
    assert gz.get(sagaing["Tamu"][0]).country == "MM"
    # A country or a division keeps its place ("China" in a report from Texas), and a namesake with company abroad.
    texas = found(gz, "China and Italy reported new cases; officials in Austin, Dallas and Houston were calm.")
    assert texas["China"][0] == "country:CN" and texas["Italy"][0] == "country:IT"
    trip = found(gz, "Two teachers from Austin and Dallas flew to Paris and on to Lyon, in France.")
    assert trip["Paris"][1] == "FR"
    # A large city of the division's own country keeps its place.
    missouri = found(gz, "Farmers from Joplin and Springfield sold cattle in Carthage before driving on to Memphis.")
    assert gz.get(missouri["Memphis"][0]).admin1 == "Tennessee"


def test_a_division_by_its_main_name_before_a_town_by_an_alternate(gz: Gazetteer) -> None:
    # "Missouri" is an alternate name of Bozeman and "Montana" of Montana City: the states are meant.
    got = found(gz, "Officials in Montana said the storm hit Billings and Bozeman. The Missouri governor sent help.")
    assert got["Montana"][0] == "admin1:US-MT" and got["Missouri"][0] == "admin1:US-MO"
    assert found(gz, "Lawmakers in Iowa, Ohio and Minnesota voted on the bill.")["Minnesota"][0] == "admin1:US-MN"
    # A division's seat named by an alternate stays the seat ("Daraa" is the city, not the governorate).
    daraa = gz.resolve("Daraa")
    assert daraa.kind not in ("admin1", "country") and daraa.country == "SY"
    # A city keeps its alternates: "Saida" is Sidon in Lebanon, not Algeria's Saida province.
    assert found(gz, "Israeli jets struck near Saida and Tyre in southern Lebanon.")["Saida"][1] == "LB"
    assert found(gz, "Snow fell in New York and Boston.")["New York"][0] != "admin1:US-NY"


@pytest.mark.parametrize("text", [
    "Russian forces captured Pokrovsk on Monday.",
    "Pokrovsk is about to fall, a soldier said.",
])
def test_at_home_a_place_named_so_goes_before_one_that_bore_the_name(gz: Gazetteer, text: str) -> None:
    # Engels (Saratov region) was called Pokrovsk until 1931; Russia is a country of the Ukrainian theatre too
    mentions = {m.text: m.place for m in gz.find(text, focus=("UA", "RU"))}
    assert mentions["Pokrovsk"].id == "geonames:704422"
    assert gz.lookup("Pokrovsk", focus=("UA", "RU"), limit=1)[0].place.id == "geonames:704422"
    assert gz.resolve_phrase("the centre of Pokrovsk", focus=("UA", "RU")).id == "geonames:704422"



@pytest.mark.parametrize("written", ["Sloviansk", "Slavyansk", "Slovyansk"])
def test_of_two_places_bearing_a_spelling_the_one_whose_own_name_it_is_wins(gz: Gazetteer, written: str) -> None:
    # GeoNames lists "Slov'iansk" among Nikopol's alternate names too; the two cities are of one size
    assert gz.lookup(written, focus=("UA", "RU"), limit=1)[0].place.id == "geonames:693468"
    assert gz.lookup(written, limit=1)[0].place.id == "geonames:693468"


def _kinds(gz: Gazetteer, text: str) -> dict[str, tuple[str, str]]:
    return {m.text: (m.place.kind, m.place.country or "") for m in gz.find(text)}


@pytest.mark.parametrize(("text", "names", "country"), [
    ("Russian drones struck Kharkiv, Sumy and Chernihiv regions overnight.", ["Kharkiv", "Sumy", "Chernihiv"], "UA"),
    ("Shelling hit Idlib, Hama and Latakia provinces on Sunday.", ["Idlib", "Hama", "Latakia"], "SY"),
    ("The RSF advanced in Khartoum, Gezira and Sennar states.", ["Khartoum", "Gezira", "Sennar"], "SD"),
    ("Residents fled Sennar and Blue Nile states.", ["Sennar", "Blue Nile"], "SD"),
    ("The junta bombed villages across the regions of Sagaing, Magway and Mandalay.",
     ["Sagaing", "Magway", "Mandalay"], "MM"),
    ("Gunmen killed farmers in the states of Katsina, Zamfara and Sokoto.", ["Katsina", "Zamfara", "Sokoto"], "NG"),
    ("Fighting raged in Gao, Timbuktu and Mopti regions.", ["Gao", "Timbuktu", "Mopti"], "ML"),
])
def test_a_division_word_after_or_before_a_list_makes_every_name_of_it_a_division(
        gz: Gazetteer, text: str, names: list[str], country: str) -> None:
    got = _kinds(gz, text)
    assert {name: got.get(name) for name in names} == {name: ("admin1", country) for name in names}


@pytest.mark.parametrize("text", [
    "Russian drones struck Kharkiv, Sumy and Chernihiv overnight.",  # no division word: the cities
    "Drones struck Kharkiv, while Sumy and Chernihiv regions lost power.",  # "while" ends the list
])
def test_without_a_division_word_over_the_list_the_first_name_keeps_its_town(gz: Gazetteer, text: str) -> None:
    assert _kinds(gz, text)["Kharkiv"] == ("city", "UA")


@pytest.mark.parametrize(("text", "name", "kind", "country"), [
    # divisions listed with divisions of one country: the division, not a village elsewhere in it or a city abroad
    ("Armed groups clashed in Cauca, Narino and Putumayo.", "Narino", "admin1", "CO"),
    ("Wildfire smoke drifted over Idaho, Oregon and Washington.", "Washington", "admin1", "US"),
    ("Floods hit Punjab, Sindh and Balochistan.", "Punjab", "admin1", "PK"),
    ("Floods hit Punjab, Haryana and Rajasthan.", "Punjab", "admin1", "IN"),
    # countries listed with countries: the country, not a state or a city of that name
    ("Troops from Chad, Niger and Cameroon backed Nigeria's offensive around Maiduguri and Monguno.", "Niger",
     "country", "NE"),
    ("Kano and Kaduna traders fear Niger and Benin will shut the border.", "Niger", "country", "NE"),
    ("Refugees from Nigeria, Cameroon and Niger reached Chad.", "Niger", "country", "NE"),
    ("Kuwait, Qatar and Oman condemned the strikes on Hodeidah.", "Kuwait", "country", "KW"),
])
def test_a_name_listed_with_divisions_or_countries_is_one(gz: Gazetteer, text: str, name: str, kind: str,
                                                          country: str) -> None:
    assert _kinds(gz, text)[name] == (kind, country)


@pytest.mark.parametrize(("text", "name", "kind", "country"), [
    ("Bandits raided villages in Zamfara, Kebbi and Niger.", "Niger", "admin1", "NG"),  # Nigeria's state
    ("The army held Khartoum and Gezira.", "Khartoum", "city", "SD"),  # a town inside the division of its name
    ("Fans came from Texas and Washington, D.C. to watch.", "Washington", "city", "US"),  # located by "D.C."
])
def test_a_listed_name_keeps_its_place_where_the_list_says_nothing_else(gz: Gazetteer, text: str, name: str,
                                                                        kind: str, country: str) -> None:
    got = {m.text.split(",")[0]: (m.place.kind, m.place.country) for m in gz.find(text)}
    assert got[name] == (kind, country)


@pytest.mark.parametrize(("text", "names"), [
    ("French troops left Mali and Niger last year.", ["Mali", "Niger"]),
    ("Ministers from Guinea, Mali and Burkina Faso met in Bamako.", ["Guinea", "Mali", "Burkina Faso", "Bamako"]),
    ("The offensive spread from Shan to Kachin.", ["Shan", "Kachin"]),
    ("Refugees walked from Yei to Juba.", ["Yei", "Juba"]),
    ("Al-Shabaab fighters slipped from Kenya to Somalia.", ["Kenya", "Somalia"]),
    ("Fuel came from Kuwait by road.", ["Kuwait"]),
    ("Aid trucks crossed from Chad and Libya into Darfur.", ["Chad", "Libya", "Darfur"]),
    ("Fighters moved between Kunduz and Takhar.", ["Kunduz", "Takhar"]),
])
def test_a_name_of_several_words_never_ends_on_a_lower_case_conjunction(gz: Gazetteer, text: str,
                                                                        names: list[str]) -> None:
    # "Mali and" folds as "Mile End" does, "Shan to" as a Chinese town's name: taken as one name, it hid the first
    assert [m.text for m in gz.find(text)] == names


@pytest.mark.parametrize(("text", "country"), [
    ("M23 rebels seized Sake in eastern Congo, cutting a road into Goma.", "CD"),
    ("Fighting in Ituri has forced Congo's army to send reinforcements to Bunia.", "CD"),
    ("The fighting in eastern Congo has displaced more than a million people.", "CD"),
    ("Flights from Brazzaville to Pointe-Noire resumed, Congo's transport ministry said.", "CG"),
    ("An outbreak in the Republic of Congo's Cuvette-Ouest region spread; Congo asked for help.", "CG"),
])
def test_a_country_name_two_countries_share_is_the_one_whose_places_the_report_names(
        gz: Gazetteer, text: str, country: str) -> None:
    """Wire copy calls the Democratic Republic "Congo", and so is the Republic called: its places decide."""
    congo = [m for m in gz.find(text) if m.text == "Congo"]
    assert congo and all(m.place.id == f"country:{country}" for m in congo)


@pytest.mark.parametrize(("text", "name", "place_id"), [
    ("Russian forces captured the village of Novoselivka near Slovyansk, the defence ministry said.", "Novoselivka",
     "geonames:704409"),
    ("Russian troops pushed into Novoselivka, outside Druzhkivka, on Monday.", "Novoselivka", "geonames:9113807"),
    ("Turkish-backed factions shelled Suran, near Azaz, overnight.", "Suran", "geonames:163913"),
    ("Houthi fighters seized Shibam on the outskirts of Sanaa.", "Shibam", "geonames:70677"),
])
def test_a_name_said_to_lie_near_a_place_is_its_namesake_there(gz: Gazetteer, text: str, name: str,
                                                                place_id: str) -> None:
    """"X near Y": of X's namesakes, the one near Y, not the most populous or the first of the data."""
    assert [m.place.id for m in gz.find(text) if m.text == name] == [place_id]
