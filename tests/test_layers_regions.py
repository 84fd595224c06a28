"""Tests of geo.layers.regions: region of a point, main city of a region, the gazetteer's facts."""

from __future__ import annotations

from shapely.geometry import box, mapping

from gazetteer import default_gazetteer
from geo.layers.basemap import governorates
from geo.layers.regions import geography, main_cities, regions_of

FC = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"id": "admin1:XX-W"}, "geometry": mapping(box(0, 0, 1, 1))},
    {"type": "Feature", "properties": {"id": "admin1:XX-E"}, "geometry": mapping(box(1, 0, 2, 1))}]}


def test_a_point_lies_in_the_polygon_that_contains_it_and_a_region_in_none() -> None:
    points = {"w": (0.5, 0.5), "e": (0.5, 1.5), "out": (5.0, 5.0), "admin1:XX-W": (0.5, 0.5)}
    assert regions_of(points, FC) == {"w": "admin1:XX-W", "e": "admin1:XX-E"}
    assert regions_of({}, FC) == {} and regions_of(points, {"features": []}) == {}


def test_the_main_city_is_the_most_populous_candidate_inside() -> None:
    cands = [("small", 0.2, 0.2, 5_000), ("big", 0.8, 0.8, 900_000), ("east", 0.5, 1.5, 10),
             ("nobody", 0.5, 1.6, 0)]
    assert main_cities(FC, cands) == {"admin1:XX-W": "big", "admin1:XX-E": "east"}


def test_syrian_governorates_from_the_packaged_data() -> None:
    points = {"geonames:170905": (32.61889, 36.10213), "geonames:170063": (36.20124, 37.16117),
              "local:ramouseh-artillery-academy": (36.155, 37.132)}
    geo, facts = geography(default_gazetteer(), governorates(("SY",)), points)
    assert geo.region_of == {"geonames:170905": "admin1:SY-DR", "geonames:170063": "admin1:SY-HL",
                             "local:ramouseh-artillery-academy": "admin1:SY-HL"}
    assert geo.main_city["admin1:SY-HL"] == "geonames:170063" and geo.main_city["admin1:SY-DR"] == "geonames:170905"
    assert geo.main_city["admin1:SY-DI"] == "geonames:170654"  # Damascus
    assert facts["local:ramouseh-artillery-academy"].kind == "military" and facts["geonames:170063"].kind == "city"
    assert geo.names["geonames:170905"] == "Dar‘ā"  # the gazetteer's own name; display names fold it
