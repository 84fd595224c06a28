"""What quoted distances are measured from, in several wars, and where their shapes lie.

Each sentence is written for this test. A band along a border is checked on meaning: sample
points of it lie at the quoted distance from the shared border (within the tolerance), on the
subject's side, near the town named; a distance of a known place is a check, not a shape.
"""

from __future__ import annotations

import datetime as dt

import pytest
import shapely
from shapely.geometry import LineString

from gazetteer import default_gazetteer
from gazetteer.admin1 import admin1_table, country_outlines
from geo.extract.article import extract_article
from geo.layers.distances import STRETCH_KM, DistanceShape, distance_shapes, shared_border
from geo.layers.geometry import bearing_between, km_to, mention_radii
from geo.model import Article, DistanceMention
from geo.theatres import packaged_theatres

GZ = default_gazetteer()
#: Gazetteer points and 1 km outlines: how far a sampled point may stray past a band's quoted edges.
EDGE_KM = 1.0


def mentions(text: str, theatre: str | None = None) -> list[DistanceMention]:
    article = Article(id="t", path="t.txt", published=dt.date(2024, 12, 5), source="test", title=None, url=None,
                      text=text)
    return list(extract_article(article, GZ, packaged_theatres()[theatre] if theatre else None).distances)


def shape_of(text: str, theatre: str | None = None, **kwargs) -> DistanceShape:
    (m,) = mentions(text, theatre)
    (s,) = distance_shapes([m], GZ, **kwargs)
    return s


def interior_points(geom, n: int = 30) -> list[tuple[float, float]]:
    """(lat, lon) of grid points that lie inside a polygon."""
    x0, y0, x1, y1 = geom.bounds
    xs = [x0 + (x1 - x0) * (i + 0.5) / n for i in range(n)]
    ys = [y0 + (y1 - y0) * (j + 0.5) / n for j in range(n)]
    grid = shapely.points([(x, y) for x in xs for y in ys])
    inside = grid[shapely.contains(geom, grid)]
    return [(p.y, p.x) for p in inside]


def assert_band_along(s: DistanceShape, side: str, other: str, near: str | None) -> None:
    """Every point of the band lies at the quoted distance from the side/other border, in side, near the town."""
    m = s.mention
    assert (s.geometry_kind, s.status, m.anchor_kind, m.side_country) == ("band", "drawn", "border", side), s
    border = shared_border(side, other)
    outline = country_outlines([side])[side]
    inner, outer = mention_radii(m.qualifier, m.distance_km, m.tolerance_km)
    points = interior_points(s.geometry)
    assert len(points) > 20
    for lat, lon in points:
        assert inner - EDGE_KM <= km_to(lat, lon, border) <= outer + EDGE_KM, (lat, lon)
        assert outline.buffer(0.005).contains(shapely.Point(lon, lat)), (lat, lon)  # on the subject's side
        if near is not None:
            assert m.locator_lat is not None and m.locator_lon is not None
            reach = km_to(m.locator_lat, m.locator_lon, border) + STRETCH_KM + outer
            assert bearing_between(m.locator_lat, m.locator_lon, lat, lon)[1] <= reach + EDGE_KM
    if near is not None:
        assert near in m.locator_name


# --- borders ------------------------------------------------------------------------------------

def test_syria_turkey_band_near_jarablus_on_the_syrian_side() -> None:
    s = shape_of("Rebels shelled positions about 10 km from the Turkish border, near Jarablus, on Tuesday.")
    assert s.mention.anchor == "country:TR" and "Syria–Turkey border near Jarablus" in s.measured_from
    assert_band_along(s, "SY", "TR", "Jarablus")


def test_syria_jordan_band_from_a_demonym_frontier() -> None:
    s = shape_of("Government troops fell back to a line some 15 km from the Jordanian frontier, near Tafas.")
    assert s.mention.anchor_country == "JO"
    assert_band_along(s, "SY", "JO", "Tafas")


def test_a_distance_from_israel_is_a_band_along_the_line_near_the_town_not_a_ring_around_israel() -> None:
    s = shape_of("Rebels reached Daraa on Friday. Clashes broke out in Jasim, some 15 km from Israel.")
    assert s.mention.anchor_kind == "border" and s.mention.subject_place is None
    assert_band_along(s, "SY", "IL", "Jasim")
    negev = shapely.Point(34.85, 30.85)  # Israel's country point, where a ring used to be drawn
    assert km_to(negev.y, negev.x, s.geometry) > 150


def test_ukraine_russia_band_on_the_ukrainian_side_north_of_kharkiv() -> None:
    s = shape_of("Russian glide bombs hit fields about 20 km from the Russian border, north of Kharkiv.", "ukraine")
    assert_band_along(s, "UA", "RU", "Kharkiv")


def test_russia_ukraine_band_on_the_russian_side_near_belgorod() -> None:
    s = shape_of("Ukrainian drones struck a fuel depot about 25 km from the Ukrainian border, near Belgorod.",
                 "ukraine")
    assert_band_along(s, "RU", "UA", "Belgorod")


def test_sudan_chad_band_west_of_el_geneina() -> None:
    s = shape_of("RSF fighters shelled a village 8 km from the border with Chad, west of El Geneina.", "sudan")
    assert s.mention.anchor == "country:TD"
    assert_band_along(s, "SD", "TD", "Geneina")


def test_the_border_alone_is_the_border_nearest_the_town() -> None:
    s = shape_of("Sudzha, a town of about 5,000 people, lies some 10 km from the border.", "ukraine")
    m = s.mention
    assert (m.anchor_kind, m.anchor_country, m.subject_place, m.side_country) == ("border", None, "geonames:486816",
                                                                                  "RU")
    assert (s.geometry_kind, s.status, s.geometry) == ("check", "consistent", None)
    assert "Russia–Ukraine border" in s.note


def test_the_border_with_no_country_and_no_place_is_not_drawn() -> None:
    (s,) = distance_shapes(mentions("Convoys were seen some 7 km from the border on Tuesday."), GZ)
    assert (s.geometry, s.status) == (None, "unresolved") and "which stretch" in s.note


@pytest.mark.parametrize("text", [
    "Fighting reached 3 km from the Thai border near Dessie, residents said.",
    "Shelling hit villages 5 km from the Ukrainian border near Kassala, officials said.",
    "Drones struck 10 km from the Chadian border near Kharkiv.",
])
def test_a_border_between_countries_that_share_none_is_not_drawn(text: str) -> None:
    (s,) = distance_shapes(mentions(text), GZ)
    assert (s.geometry, s.status) == (None, "unresolved") and "share no land border" in s.note


@pytest.mark.parametrize("pair", [("ET", "TH"), ("SD", "UA"), ("UA", "TD"), ("SY", "MM")])
def test_countries_far_apart_have_no_shared_border(pair: tuple[str, str]) -> None:
    assert shared_border(*pair) is None


# --- a known place: a check, not a shape --------------------------------------------------------

def test_a_town_s_distance_from_the_border_is_a_check_on_the_town() -> None:
    s = shape_of("Azaz, about 7 km from the Turkish border, stayed calm on Sunday.")
    assert (s.mention.subject_place, s.geometry_kind, s.status, s.geometry) == (
        "geonames:172082", "check", "consistent", None)
    assert s.note.startswith("consistent: ") and "km from the Syria–Turkey border" in s.note


def test_an_inconsistent_distance_is_flagged_not_drawn() -> None:
    s = shape_of("Kupiansk, some 10 km from the Russian border, was shelled again on Monday.", "ukraine")
    assert (s.geometry_kind, s.status, s.geometry) == ("check", "inconsistent", None)
    assert s.note.startswith("off by ") and "Kupiansk lies 3" in s.note  # about 35 km in the outline data


def test_a_town_checked_against_a_point_and_a_direction() -> None:
    ok = shape_of("The town of Tal Rifaat, about 35 km north of Aleppo, fell on Sunday.")
    assert (ok.status, ok.geometry) == ("consistent", None), ok.note
    wrong_way = shape_of("The town of Tal Rifaat, about 35 km south of Aleppo, fell on Sunday.")
    assert wrong_way.status == "inconsistent" and "to the N, not the S" in wrong_way.note


# --- regions, city areas, rivers, roads ---------------------------------------------------------

def test_a_region_band_lies_outside_the_division_at_the_distance() -> None:
    s = shape_of("Militants attacked a checkpoint about 30 km from Aleppo province, Syrian media said.")
    assert (s.mention.anchor_kind, s.mention.anchor, s.geometry_kind) == ("region", "admin1:SY-HL", "band")
    table = admin1_table()
    aleppo = table.geometries[table.iso.index("SY-HL")]
    inner, outer = mention_radii(s.mention.qualifier, s.mention.distance_km, s.mention.tolerance_km)
    for lat, lon in interior_points(s.geometry):
        assert not aleppo.contains(shapely.Point(lon, lat))
        assert inner - EDGE_KM <= km_to(lat, lon, aleppo) <= outer + EDGE_KM


def test_a_bare_name_of_a_city_and_its_province_is_the_city() -> None:
    s = shape_of("Rebels took villages in Hama province. They were 20 km north of Hama by Friday.")
    assert (s.mention.anchor_kind, s.mention.anchor, s.geometry_kind) == ("point", "geonames:170017", "sector")


def test_an_oblast_is_a_region_too() -> None:
    s = shape_of("A convoy was hit about 20 km from Donetsk oblast on Friday.", "ukraine")
    assert (s.mention.anchor_kind, s.mention.anchor) == ("region", "admin1:UA-14")


def test_the_outskirts_of_a_city_widen_the_ring_and_say_so() -> None:
    s = shape_of("Opposition fighters massed some 5 km from the outskirts of Homs.")
    m = s.mention
    assert (m.anchor_kind, m.anchor, s.geometry_kind) == ("city_area", "geonames:169577", "ring")
    assert "built-up area of Homs" in s.measured_from and "widened" in s.measured_from
    far = max(km_to(m.anchor_lat, m.anchor_lon, shapely.Point(x, y))
              for x, y in shapely.get_coordinates(s.geometry.exterior))
    assert far > 5 + 1.0 + 2  # beyond a plain 5 km ring from the centre


@pytest.mark.parametrize("text,kind,theatre", [
    ("Clashes were reported about 15 km east of the Euphrates river on Monday.", "river", None),
    ("Ukrainian marines held a foothold about 5 km from the Dnipro river.", "river", "ukraine"),
    ("Shelling hit villages about 8 km from the M4 highway, the monitor said.", "road", None),
])
def test_rivers_and_roads_are_listed_with_the_reason_and_not_drawn(text: str, kind: str, theatre: str | None) -> None:
    s = shape_of(text, theatre)
    assert (s.mention.anchor_kind, s.geometry, s.status) == (kind, None, "unresolved")
    assert f"no {kind} lines" in s.note


# --- vague anchors ------------------------------------------------------------------------------

def test_a_vague_anchor_is_listed_with_the_reason() -> None:
    s = shape_of("That video was recorded 3km away from a location where fighters said they had entered the city.")
    assert (s.mention.anchor_text, s.mention.anchor_kind, s.geometry) == ("a location", "none", None)
    assert s.note == "anchor not a place: 'a location'"


def test_the_capital_is_read_through_the_war_and_marked_inferred() -> None:
    s = shape_of("Junta aircraft bombed a village about 40 km north of the capital on Monday.", "myanmar")
    m = s.mention
    assert (m.anchor_kind, m.anchor, s.geometry_kind, s.inferred) == ("capital", "geonames:6611854", "sector", True)
    assert "the capital, read as Nay Pyi Taw" in s.measured_from
    lat, lon = interior_points(s.geometry)[0]
    azimuth, km = bearing_between(m.anchor_lat, m.anchor_lon, lat, lon)
    assert 34 - EDGE_KM <= km <= 46 + EDGE_KM and (azimuth > 337 or azimuth < 23)


def test_the_provincial_capital_is_the_largest_town_of_the_subject_s_division() -> None:
    s = shape_of("Rebels captured Daraa. Drones struck a checkpoint about 20 km from the provincial capital, "
                 "near Izraa.")
    assert (s.mention.anchor_kind, s.mention.anchor, s.inferred) == ("provincial_capital", "geonames:170905", True)


def test_the_front_line_is_the_inferred_front_of_the_date_near_the_town() -> None:
    text = "The army shelled positions about 10 km from the front line near Kramatorsk."
    (m,) = mentions(text, "ukraine")
    assert m.anchor_kind == "front"
    (none,) = distance_shapes([m], GZ)
    assert none.geometry is None and "no inferred front" in none.note
    front = LineString([(37.2, 48.4), (37.9, 48.9)])  # a front as the map would infer it
    (s,) = distance_shapes([m], GZ, fronts=lambda day: [front])
    assert (s.geometry_kind, s.inferred) == ("band", True) and "inferred front line" in s.measured_from
    for lat, lon in interior_points(s.geometry):
        assert 8.5 - EDGE_KM <= km_to(lat, lon, front) <= 11.5 + EDGE_KM


def test_the_city_stands_for_the_city_named_before_it_or_for_nothing() -> None:
    (m,) = mentions("Government troops left Homs on Saturday. Rebels were within 20 km of the city by noon.")
    assert (m.anchor_kind, m.anchor) == ("point", "geonames:169577")
    (alone,) = mentions("Rebels were within 20 km of the city by noon.")
    assert (alone.anchor_kind, alone.anchor) == ("none", None) and "no city named before it" in alone.unresolved


# --- anchors the sentence leaves unsaid ------------------------------------------------------------

def test_a_distance_with_no_anchor_is_measured_from_the_town_the_report_is_about() -> None:
    s = shape_of("RSF fighters reached the outskirts of El Obeid on Tuesday, residents said. Clashes in El Obeid "
                 "continued into the night, and thousands fled to Bara, about 60 km to the north.", "sudan")
    assert (s.mention.anchor_kind, s.mention.anchor_name, s.status, s.inferred) == ("implied", "El Obeid",
                                                                                  "consistent", True)
    assert "the sentence writes none" in s.measured_from


@pytest.mark.parametrize("text,theatre,anchor,kind", [
    ("Russian forces pressed their assault on Toretsk on Thursday. Ukrainian officials said fighting in Toretsk "
     "was intense and that a field hospital some 15 km to the west had been evacuated.", "ukraine", "Toretsk",
     "sector"),
    ("M23 fighters took the town of Masisi on Friday, a local official said. In Masisi, shops stayed shut, and "
     "a displacement camp some 10 km to the south was emptied.", "drc", "Masisi", "sector"),
    ("JNIM fighters attacked the army camp at Djibo on Monday, killing dozens of soldiers. Survivors of the "
     "attack on Djibo reached a camp for displaced people some 20 km away.", "sahel", "Djibo", "ring"),
    ("Houthi forces renewed their push on Marib on Sunday, tribal sources said. Government troops fell back "
     "from positions in Raghwan, some 60 kilometres to the north-west.", "yemen", "Ma'rib", "sector"),
])
def test_an_unsaid_anchor_is_drawn_around_the_town_and_marked_inferred(text: str, theatre: str, anchor: str,
                                                                      kind: str) -> None:
    s = shape_of(text, theatre)
    assert (s.mention.anchor_kind, s.mention.anchor_name, s.geometry_kind, s.status, s.inferred) == (
        "implied", anchor, kind, "drawn", True)
    m = s.mention
    lat, lon = interior_points(s.geometry)[0]
    _, km = bearing_between(m.anchor_lat, m.anchor_lon, lat, lon)
    inner, outer = mention_radii(m.qualifier, m.distance_km, m.tolerance_km)
    assert inner - EDGE_KM <= km <= outer + EDGE_KM


def test_an_unsaid_anchor_is_first_the_place_left_in_the_same_sentence() -> None:
    s = shape_of("Junta troops withdrew from Hpakant on Sunday and retreated towards Mogaung, about 50 km to the "
                 "east, the Kachin Independence Army said.", "myanmar")
    assert (s.mention.anchor_kind, s.mention.anchor, s.mention.subject_place) == (
        "implied", GZ.resolve("Hpakant", focus=("MM",)).id, GZ.resolve("Mogaung", focus=("MM",)).id)


def test_an_unsaid_anchor_too_far_from_a_known_subject_or_missing_is_not_guessed() -> None:
    (far,) = mentions("Fighting raged in Aleppo on Friday. In Aleppo, residents stayed indoors. Rebels took "
                      "Saraqeb, about 5 km to the south.", "syria")
    assert (far.anchor_kind, far.anchor) == ("none", None)
    (nothing,) = mentions("Fighters were seen about 10 km to the north, a witness said.")
    assert nothing.anchor_kind == "none" and "names no town" in nothing.unresolved


def test_the_city_may_be_a_town_but_not_one_that_is_measured_in_the_sentence() -> None:
    (town,) = mentions("Russian troops kept pressing towards Pokrovsk. They entered the village of Zhelanne, about "
                       "25 km east of the city, on Wednesday.", "ukraine")
    assert (town.anchor_kind, town.anchor_name) == ("point", "Pokrovsk")
    (city,) = mentions("Rebels closed in on Hama on Tuesday. They took Souran and Morek, coming within 25 km of the "
                       "city.", "syria")
    assert (city.anchor_kind, city.anchor) == ("point", GZ.resolve("Hama", focus=("SY",)).id)


@pytest.mark.parametrize("text,theatre,anchor", [
    ("Its troops are now within 10 kilometres of the mining town of Selydove, analysts said.", "ukraine",
     "Selydove"),
    ("Rebels were about 15 km from the neighbouring town of Saraqeb on Monday.", "syria", "Saraqib"),
    ("The MNDAA said its fighters were within 5 km of the trading town of Muse.", "myanmar", "Mu-se"),
])
def test_an_adjective_in_ing_stays_in_the_anchor(text: str, theatre: str, anchor: str) -> None:
    (m,) = mentions(text, theatre)
    assert (m.anchor_kind, m.anchor_name) == ("point", anchor)


@pytest.mark.parametrize("text,theatre,anchor", [
    ("A convoy of buses left Ras al-Ain for Tal Tamr, about 35 km to the south-east.", "syria", "Ras al-Ain"),
    ("Thousands of residents fled El Fasher for Tawila, about 60 km to the west.", "sudan", "El Fasher"),
    ("Troops pulled back from Avdiivka towards Pokrovsk, a logistics hub about 40 km to the north-west.", "ukraine",
     "Avdiivka"),
])
def test_the_place_in_apposition_is_what_is_that_far_not_the_unsaid_anchor(text: str, theatre: str,
                                                                            anchor: str) -> None:
    (m,) = mentions(text, theatre)
    assert (m.anchor_kind, m.anchor) == ("implied", GZ.resolve(anchor, focus=packaged_theatres()[theatre].countries).id)


@pytest.mark.parametrize("text,theatre,town", [
    ("Russian forces struck Kostiantynivka overnight. Shelling also hit a village two kilometres from the city "
     "centre, the regional governor said.", "ukraine", "Kostyantynivka"),
    ("The army shelled El Fasher again on Friday. Residents said shells fell about 3 km from the town centre.",
     "sudan", "El Fasher"),
    ("Rebels pushed into Hama on Thursday and were fighting about 2 km from the city center.", "syria", "Hama"),
])
def test_the_city_centre_is_the_city_named_before(text: str, theatre: str, town: str) -> None:
    (m,) = mentions(text, theatre)
    assert (m.anchor_kind, m.anchor) == ("point", GZ.resolve(town, focus=packaged_theatres()[theatre].countries).id)


@pytest.mark.parametrize("text,theatre,division", [
    ("Russian troops are now less than 10 km from the administrative border of Dnipropetrovsk region, DeepState "
     "said.", "ukraine", "Dnipropetrovs'k"),
    ("RSF units were reported 30 km from the boundary of North Kordofan state.", "sudan", "North Kordufan"),
    ("Clashes erupted about 5 km from the border of Idlib province.", "syria", "Idlib"),
])
def test_the_border_of_a_division_is_the_division_s_outline(text: str, theatre: str, division: str) -> None:
    s = shape_of(text, theatre)
    assert (s.mention.anchor_kind, s.mention.anchor_name, s.status) == ("region", division, "drawn")


@pytest.mark.parametrize(("text", "theatre", "place"), [
    ("Pokrovsk, once home to 60,000 people, sits 70 km west of Donetsk.", "ukraine", "Pokrovsk"),
    ("El Fasher, the last army stronghold in Darfur, lies about 800 km west of Khartoum.", "sudan", "El Fasher"),
    ("Lashio, a trading hub of 150,000, is some 120 km from the Chinese border.", "myanmar", "Lashio"),
])
def test_a_name_in_apposition_is_the_subject_place(text: str, theatre: str, place: str) -> None:
    found = mentions(text, theatre)
    assert len(found) == 1 and found[0].subject == place, found
    assert found[0].subject_place is not None
    assert GZ.get(found[0].subject_place).name == place
