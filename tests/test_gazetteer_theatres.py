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
                    r"placed from |approximate \(±\d+ km\), team knowledge, not verified)")
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
    for theatre in ("syria", "drc", "myanmar", "sudan", "ukraine", "iraq", "ethiopia", "libya", "sahel", "yemen"):
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
