"""The gazetteer where wars are fought: the curated supplements, the places reports name, no namesake abroad.

Every sentence here is written for these tests, in several theatres' styles.
"""

from __future__ import annotations

import csv
import math
import re
from functools import lru_cache
from pathlib import Path

import pytest
import shapely

from gazetteer import Gazetteer, default_gazetteer
from gazetteer.admin1 import country_outlines
from gazetteer.model import PLACE_KINDS
from gazetteer.store import CSV_COLUMNS, curated_files

DATA = Path(__file__).resolve().parents[1] / "gazetteer" / "data"
#: An honest source: read from a public page, copied from GeoNames, derived, or team knowledge with its precision.
SOURCE = re.compile(r"^(?:Wikipedia '[^']+' coordinates -?\d|GeoNames cities500 record \d+|derived from |"
                    r"placed from |approximate \(±\d+ km\), team knowledge, not verified|"
                    r"names added to the packaged record \(its point and population stay\))")
PRECISION = re.compile(r"approximate \(±(\d+) km\)")


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return default_gazetteer()


@lru_cache(maxsize=1)
def theatre_rows() -> tuple[tuple[str, dict[str, str]], ...]:
    rows = []
    for name in curated_files():
        if name == "curated_syria.csv":
            continue  # checked against Syria's governorates in test_gazetteer_data.py
        with (DATA / name).open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            assert reader.fieldnames == list(CSV_COLUMNS), name
            rows.extend((name, row) for row in reader)
    return tuple(rows)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def test_there_is_a_supplement_per_theatre_and_ids_are_unique_across_them() -> None:
    names = set(curated_files())
    for theatre in ("syria", "drc", "myanmar", "sudan", "ukraine", "iraq", "ethiopia", "libya", "sahel", "yemen",
                    "afghanistan", "somalia", "mozambique", "lake_chad", "lebanon", "karabakh", "haiti", "gaza",
                    "south_sudan", "thai_cambodia", "car"):
        assert f"curated_{theatre}.csv" in names
    ids = [row["id"] for _, row in theatre_rows()]
    assert len(ids) == len(set(ids))


def test_every_row_has_a_kind_an_honest_source_and_no_invented_precision() -> None:
    for name, row in theatre_rows():
        assert row["kind"] in PLACE_KINDS, (name, row["id"])
        assert SOURCE.match(row["source"]), (name, row["id"], row["source"])
        lat, lon = row["lat"], row["lon"]
        precision = PRECISION.search(row["source"])
        if precision:  # a coordinate known to ±N km is written with no more decimals than that allows
            decimals = max(len(v.partition(".")[2]) for v in (lat, lon))
            assert decimals <= 3, (row["id"], lat, lon)
            assert 1 <= int(precision.group(1)) <= 200


def test_every_point_lies_in_its_country() -> None:
    rows = theatre_rows()
    outlines = country_outlines({row["country"] for _, row in rows})
    for _, row in rows:
        outline = outlines[row["country"]]
        point = shapely.Point(float(row["lon"]), float(row["lat"]))
        gap_deg = outline.distance(point)
        assert gap_deg * 111 <= 5, (row["id"], row["country"], gap_deg)


def test_parents_exist_and_children_lie_near_them(gz: Gazetteer) -> None:
    for _, row in theatre_rows():
        if row["parent"]:
            parent = gz.get(row["parent"])
            assert km(parent.lat, parent.lon, float(row["lat"]), float(row["lon"])) < 30, row["id"]


def test_merge_rows_keep_the_geonames_point(gz: Gazetteer) -> None:
    for _, row in theatre_rows():
        if row["id"].startswith("geonames:"):
            place = gz.get(row["id"])
            assert km(place.lat, place.lon, float(row["lat"]), float(row["lon"])) < 0.1
            assert set(filter(None, row["names"].split("|"))) <= set(place.names) | {place.name}


# --------------------------------------------------------------------------- the issue's examples
#: (sentence, name as written, the country it must lie in, a reference point, km) for the places of the issue.
EXAMPLES = [
    ("M23 fighters entered Walikale, the territory's seat, on Wednesday, local officials said.", "Walikale", "CD",
     (-1.43, 28.08), 10),
    ("The rebels took Kitchanga, on the road between Masisi and Rutshuru, after heavy fighting.", "Kitchanga", "CD",
     (-1.25, 29.06), 10),
    ("The Arakan Army said it had captured Rathedaung, north of Sittwe.", "Rathedaung", "MM", (20.48, 92.75), 10),
    ("The TNLA seized Nawnghkio on the Mandalay-Lashio road.", "Nawnghkio", "MM", (22.32, 96.80), 10),
    ("The RSF shelled Tabit, south-west of El Fasher, residents told Darfur monitors.", "Tabit", "SD",
     (13.33, 25.08), 20),
    ("Fighters of the joint forces pushed into Shangil Tobaya in North Darfur.", "Shangil Tobaya", "SD",
     (13.07, 25.24), 20),
    ("The RSF stormed the Zamzam camp south of El Fasher.", "Zamzam camp", "SD", (13.49, 25.31), 5),
    ("Shells hit the Abu Shouk camp north of El Fasher on Sunday.", "Abu Shouk camp", "SD", (13.66, 25.33), 5),
    ("Resistance forces took Mongko after the junta's garrison fled.", "Mongko", "MM", (24.05, 98.08), 25),
    ("Rebels seized Rubaya, the coltan mining town in Masisi territory.", "Rubaya", "CD", (-1.56, 28.88), 5),
    ("The army retook Masisi from the M23 on Friday.", "Masisi", "CD", (-1.40, 28.80), 10),
    ("Wazalendo militias said they controlled Pinga after the rebels withdrew.", "Pinga", "CD", (-0.99, 28.68), 20),
    ("Thousands fled from El Fasher to Tawila in North Darfur.", "Tawila", "SD", (13.52, 24.87), 10),
    ("The army abandoned Mabein in northern Shan State.", "Mabein", "MM", (23.50, 96.63), 20),
    ("The alliance overran Mong Ko, near the Chinese border, in northern Shan State.", "Mong Ko", "MM",
     (24.05, 98.08), 25),
    ("The MNDAA took Nam Hkam after a week of fighting.", "Nam Hkam", "MM", (23.83, 97.68), 10),
]


@pytest.mark.parametrize(("sentence", "written", "country", "point", "within"), EXAMPLES)
def test_each_example_of_the_issue_resolves_at_home_or_is_unknown(gz: Gazetteer, sentence: str, written: str,
                                                                     country: str, point: tuple[float, float],
                                                                     within: float) -> None:
    found = {m.text: m for m in gz.find(sentence, focus=(country,))}
    assert written in found, sorted(found)
    place = found[written].place
    assert place is not None and place.country == country, place
    assert km(place.lat, place.lon, *point) <= within, (place.id, place.lat, place.lon)
    assert not found[written].abroad


@pytest.mark.parametrize(("name", "abroad_country"), [
    ("Rubaya", "RO"), ("Masisi", "MZ"), ("Pinga", "TH"), ("Tawila", "PH"), ("Mabein", "US")])
def test_no_example_lands_abroad_even_without_a_focus(gz: Gazetteer, name: str, abroad_country: str) -> None:
    best = gz.lookup(name, limit=1)
    assert best and best[0].place.country != abroad_country


def test_spellings_of_one_burmese_place_meet(gz: Gazetteer) -> None:
    one = {m.text: m.place.id for m in gz.find("Fighting spread from Nam Hkam to Mong Ko.", focus=("MM",))}
    other = {m.text: m.place.id for m in gz.find("Fighting spread from Namhkam to Mongko.", focus=("MM",))}
    assert one["Nam Hkam"] == other["Namhkam"] and one["Mong Ko"] == other["Mongko"] == "local:mongko"


@pytest.mark.parametrize(("apart", "joined"), [("Nam Hkam", "Namhkam"), ("Loi Kaw", "Loikaw"),
                                               ("Hpa An", "Hpa-An")])
def test_a_lookup_reads_a_syllable_written_apart_as_find_does(gz: Gazetteer, apart: str, joined: str) -> None:
    # the `geo gazetteer lookup` of an analyst who writes the name as the report did
    found, expected = gz.lookup(apart, limit=1), gz.lookup(joined, limit=1)
    assert found and expected and found[0].place.id == expected[0].place.id
    assert found[0].place.country == "MM"


def test_mong_ko_is_not_panglong(gz: Gazetteer) -> None:
    assert all(m.place.name != "Panglong" for m in gz.find("The alliance overran Mong Ko.", focus=("MM",)))


# --------------------------------------------------------------------------- no namesake abroad
@pytest.mark.parametrize(("sentence", "written", "country"), [
    ("Government forces took the Bai Hassan and Avana oilfields north-west of Kirkuk.", "Avana", "IQ"),
    ("Turkish-backed fighters entered Ras al-Ain in north-eastern Syria.", "Ras al-Ain", "SY"),
    ("The army moved into a UN camp at Ber, east of Timbuktu, in northern Mali.", "Ber", "ML"),
    ("Iraqi forces retook al-Dour, south of Tikrit, on Monday.", "al-Dour", "IQ"),
])
def test_a_place_of_the_theatre_beats_a_namesake_abroad(gz: Gazetteer, sentence: str, written: str,
                                                        country: str) -> None:
    found = {m.text: m for m in gz.find(sentence, focus=(country,))}
    assert found[written].place.country == country
    assert not found[written].abroad


def test_a_notable_place_abroad_with_no_namesake_at_home_is_kept_and_flagged(gz: Gazetteer) -> None:
    found = {m.text: m for m in gz.find("Talks between the two sides opened in Geneva on Monday.", focus=("SD",))}
    assert found["Geneva"].place.country == "CH"
    assert found["Geneva"].abroad


def test_a_world_city_keeps_its_name_against_a_village_at_home(gz: Gazetteer) -> None:
    found = {m.text: m for m in gz.find("The foreign minister flew to Paris and Moscow.", focus=("SY",))}
    assert found["Paris"].place.country == "FR" and found["Moscow"].place.country == "RU"


def test_without_a_focus_nothing_is_called_abroad(gz: Gazetteer) -> None:
    assert not any(m.abroad for m in gz.find("He flew from Damascus to Paris and then to Geneva."))


def test_an_event_at_a_place_abroad_says_so_with_a_low_confidence() -> None:
    import datetime as dt

    from geo.extract.article import extract_article
    from geo.extract.context import ABROAD_CONFIDENCE
    from geo.model import Article
    from geo.theatres import packaged_theatres

    text = "Rebels captured Saraqib on Friday. Rebels captured Lyon on Friday.\n"
    article = Article(id="a" * 16, path="a.txt", published=dt.date(2024, 11, 30), source="test", title=None,
                      url=None, text=text)
    events = {e.place: e for e in extract_article(article, theatre=packaged_theatres()["syria"]).events}
    assert events["Saraqib"].confidence > ABROAD_CONFIDENCE
    assert events["Lyon"].place_id is not None and events["Lyon"].confidence <= ABROAD_CONFIDENCE


# --------------------------------------------------------------------------- a town and its division
#: (focus, sentence, name as written, a point of the town): reports where the other places lie in the division the
#: town is the seat of, which must not pull the name to the division.
TOWN_NAMED_LIKE_ITS_DIVISION = [
    ("ML", "Malian troops entered Kidal on Tuesday, weeks after taking Anefis and Tessalit further north.", "Kidal",
     (18.44, 1.41)),
    ("YE", "Houthi fighters pushed on towards Marib from Sirwah and Harib, tribal sources said.", "Marib",
     (15.46, 45.33)),
    ("UA", "Russian artillery shelled Kherson from Oleshky and Hola Prystan across the Dnipro.", "Kherson",
     (46.64, 32.61)),
    ("SY", "Rebels advanced on Hama after taking Suran, Taybat al-Imam and Halfaya.", "Hama", (35.13, 36.76)),
    ("UA", "Shelling hit Kirovograd overnight, and air raid alerts sounded in Oleksandriia and Znamianka.",
     "Kirovograd", (48.51, 32.27)),
    ("ML", "Jihadists attacked Gao after raids on Ansongo and Bourem.", "Gao", (16.27, -0.04)),
]


@pytest.mark.parametrize(("focus", "sentence", "written", "point"), TOWN_NAMED_LIKE_ITS_DIVISION)
def test_a_name_of_a_town_and_its_division_is_the_town_unless_cue_words_say(gz: Gazetteer, focus: str,
                                                                            sentence: str, written: str,
                                                                            point: tuple[float, float]) -> None:
    found = {m.text: m.place for m in gz.find(sentence, focus=(focus,))}
    place = found[written]
    assert place is not None and place.kind in ("city", "town"), place
    assert km(place.lat, place.lon, *point) <= 10


@pytest.mark.parametrize(("focus", "sentence", "written"), [
    ("ML", "Malian troops pushed deeper into the Kidal region after taking Anefis and Tessalit.", "Kidal"),
    ("YE", "Fighting spread across Marib governorate from Sirwah to Harib.", "Marib"),
    ("UA", "Drones struck villages in the Kherson region near Oleshky and Hola Prystan.", "Kherson"),
    ("SY", "Rebels advanced through the province of Hama after taking Suran and Halfaya.", "Hama"),
])
def test_cue_words_make_it_the_division(gz: Gazetteer, focus: str, sentence: str, written: str) -> None:
    # the name alone, or with the cue word when the gazetteer knows the two together ("Kidal region")
    (place,) = [m.place for m in gz.find(sentence, focus=(focus,)) if m.text.split()[0] == written]
    assert place is not None and place.kind == "admin1", place


def test_the_division_named_once_leaves_the_town_for_the_bare_name(gz: Gazetteer) -> None:
    text = "Drones struck the Kherson region overnight. In Kherson itself, two people were killed near the port."
    kinds = [m.place.kind for m in gz.find(text, focus=("UA",)) if m.text == "Kherson"]
    assert kinds == ["admin1", "town"]


# --------------------------------------------------------------------------- former names
@pytest.mark.parametrize(("focus", "sentence", "written", "point"), [
    (("UA", "RU"), "In February the ministry reported the capture of the city of Dzerzhinsk (Toretsk).",
     "Dzerzhinsk", (48.39, 37.85)),
    (("UA", "RU"), "Toretsk, formerly Dzerzhinsk, fell after months of street fighting.", "Dzerzhinsk",
     (48.39, 37.85)),
    (("UA", "RU"), "Strikes hit Ordzhonikidze (Pokrov) overnight, the regional governor said.", "Ordzhonikidze",
     (47.65, 34.11)),
    (("CD",), "The rebels entered Albertville (Kalemie) on the shore of Lake Tanganyika.", "Albertville",
     (-5.95, 29.19)),
    (("MM",), "The army pulled out of Maymyo (Pyin Oo Lwin) as the TNLA closed in.", "Maymyo", (22.04, 96.46)),
])
def test_a_former_name_next_to_the_current_one_is_that_place(gz: Gazetteer, focus: tuple[str, ...], sentence: str,
                                                             written: str, point: tuple[float, float]) -> None:
    found = {m.text: m.place for m in gz.find(sentence, focus=focus)}
    assert found[written] is not None and km(found[written].lat, found[written].lon, *point) <= 10, found[written]


@pytest.mark.parametrize(("focus", "sentence", "written", "point"), [
    (("UA", "RU"), "Russian troops captured Dzerzhinsk after weeks of street fighting, the defence ministry in "
                   "Moscow said, adding that units were pressing on towards Konstantinovka and Druzhkovka.",
     "Dzerzhinsk", (48.39, 37.85)),
    (("UA", "RU"), "Strikes hit Ordzhonikidze and Marhanets across the reservoir from Nikopol and Enerhodar.",
     "Ordzhonikidze", (47.65, 34.11)),
    (("CD",), "Rebels marched on Albertville from Uvira and Baraka along Lake Tanganyika, near Moba.", "Albertville",
     (-5.95, 29.19)),
])
def test_a_former_name_among_the_places_of_its_war_is_the_place_there(gz: Gazetteer, focus: tuple[str, ...],
                                                                      sentence: str, written: str,
                                                                      point: tuple[float, float]) -> None:
    found = {m.text: m.place for m in gz.find(sentence, focus=focus)}
    assert found[written] is not None and km(found[written].lat, found[written].lon, *point) <= 10, found[written]


@pytest.mark.parametrize("sentence", [
    "Officials in Moscow and Nizhny Novgorod said a chemical plant in Dzerzhinsk was hit by drones.",
    "Dzerzhinsk, a chemical-industry city east of Moscow, was hit by drones, the governor said.",
])
def test_the_namesake_keeps_its_name_where_the_document_is_about_it(gz: Gazetteer, sentence: str) -> None:
    found = {m.text: m.place for m in gz.find(sentence, focus=("UA", "RU"))}
    assert found["Dzerzhinsk"] is not None and found["Dzerzhinsk"].country == "RU"
    assert km(found["Dzerzhinsk"].lat, found["Dzerzhinsk"].lon, 56.24, 43.46) <= 10


# --------------------------------------------------------------------------- regions, and spans read in part
def test_the_golan_heights_is_the_region_not_a_village_abroad(gz: Gazetteer) -> None:
    text = "Israeli troops moved into the buffer zone on the Golan Heights, near Quneitra, the army said."
    s = text.index("Golan Heights")
    (mention,) = gz.resolve_spans(text, [(s, s + len("Golan Heights"))], focus=("SY",))
    assert mention.place is not None and mention.place.kind == "region" and mention.place.country == "SY"
    assert {m.text: m.place.kind for m in gz.find("Shelling was heard across the Golan.", focus=("SY",))} == {
        "Golan": "region"}


@pytest.mark.parametrize(("focus", "sentence", "span"), [
    ("SD", "The SLA held its positions in Jebel Marra after the RSF offensive.", "Jebel Marra"),
    ("SD", "Refugees crossed the Wadi Hawar towards Chad.", "Wadi Hawar"),
])
def test_a_span_read_only_through_a_word_of_it_does_not_land_abroad(gz: Gazetteer, focus: str, sentence: str,
                                                                    span: str) -> None:
    s = sentence.index(span)
    (mention,) = gz.resolve_spans(sentence, [(s, s + len(span))], focus=(focus,))
    assert mention.place is None or mention.place.country == focus, mention.place


# --------------------------------------------------------------------------- front-line names and their namesakes
@pytest.mark.parametrize(("focus", "sentence", "written"), [
    ("MM", "The MNDAA and TNLA laid siege to Muse on the Chinese border.", "Muse"),
    ("MM", "Resistance fighters overran the police station in Kani, Sagaing region.", "Kani"),
    ("CD", "The M23 advanced south from Uvira towards Baraka and Fizi.", "Baraka"),
    ("CD", "Fighting reached Mambasa as ADF raids spread north from Beni.", "Mambasa"),
    ("ML", "The army flew reinforcements from Sévaré to Hombori after the attack.", "Sévaré"),
    ("IQ", "Iraqi forces massed at Habbaniyah before the push on Ramadi and Fallujah.", "Habbaniyah"),
    ("IQ", "Peshmerga units retook Rabia on the Syrian border.", "Rabia"),
    ("ET", "Tigrayan forces withdrew from Humera and Shire as federal troops advanced.", "Humera"),
    ("ET", "Tigrayan forces withdrew from Humera and Shire as federal troops advanced.", "Shire"),
    ("LY", "Haftar's forces took Sokna and Hun in the Jufra district.", "Sokna"),
    ("YE", "Al-Qaeda fighters seized Shuqra on the Abyan coast.", "Shuqra"),
])
def test_a_front_line_name_resolves_at_home_not_to_its_namesake_abroad(gz: Gazetteer, focus: str, sentence: str,
                                                                      written: str) -> None:
    found = {m.text: m for m in gz.find(sentence, focus=(focus,))}
    assert written in found, sorted(found)
    assert found[written].place is not None and found[written].place.country == focus, found[written].place
    assert not found[written].abroad


# --------------------------------------------------------------------------- divisions newer than Natural Earth's
#: (focus, sentence, name as written, country, rough centre, km): first-level divisions created after the
#: Natural Earth view the polygons come from (DR Congo's 2015 provinces, Burkina Faso's regions, Ethiopia's and
#: Sudan's newer states), and divisions the press names otherwise than the packages.
CURRENT_DIVISIONS = [
    ("CD", "ADF militants attacked villages across Ituri province on Monday, the army said.", "Ituri", "CD",
     (1.6, 29.8), 200),
    ("CD", "Fighting between the army and Twa militias spread through Tanganyika province.", "Tanganyika", "CD",
     (-6.0, 27.5), 300),
    ("BF", "JNIM fighters overran an army post in Burkina Faso's Centre-Nord region.", "Centre-Nord", "BF",
     (13.2, -1.2), 150),
    ("ET", "Clashes were reported in the Sidama region south of the capital.", "Sidama", "ET", (6.6, 38.5), 150),
    ("SD", "The paramilitaries still hold most of West Kordofan, including Babanusa.", "West Kordofan", "SD",
     (11.5, 28.3), 250),
    ("IQ", "Islamic State fighters seized villages in Salahuddin province.", "Salahuddin", "IQ", (34.5, 43.6), 150),
    ("MM", "The Karen National Union overran an army base in Karen State on Friday.", "Karen State", "MM",
     (17.4, 97.7), 150),
    ("ET", "Federal troops moved into Jijiga, the capital of the Somali Region.", "Somali Region", "ET",
     (7.0, 44.0), 300),
]


@pytest.mark.parametrize(("focus", "sentence", "written", "country", "centre", "within"), CURRENT_DIVISIONS)
def test_current_first_level_divisions_resolve_at_home(gz: Gazetteer, focus: str, sentence: str, written: str,
                                                       country: str, centre: tuple[float, float],
                                                       within: float) -> None:
    # the name alone, or with the cue word when the gazetteer reads the two together ("Sidama region")
    (place,) = [m.place for m in gz.find(sentence, focus=(focus,)) if m.text.startswith(written)]
    assert place is not None and place.kind == "admin1" and place.country == country, place
    assert km(place.lat, place.lon, *centre) <= within


def test_a_current_division_is_found_without_a_focus(gz: Gazetteer) -> None:
    (candidate, *_) = gz.lookup("Ituri")
    assert candidate.place.kind == "admin1" and candidate.place.country == "CD"
