"""Every distance shape lies where its sentence puts it: the seeds, and December 2024 reports (Daraa, Aleppo).

``tests/corpora/dec2024`` holds two invented reports (see its README) that quote distances from
borders, the capital, the provincial capital, a river, a road, a city's outskirts and a vague
location.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyogrio
import pytest
import shapely

from gazetteer.admin1 import country_outlines
from geo.ingest.run import ingest
from geo.layers.build import build_map_data, corpus_distances
from geo.layers.distances import DistanceShape, shared_border
from geo.layers.geometry import km_to
from geo.model import CorpusResult
from geo.pipeline import analyse
from geo.render.payload import build_payload

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
DEC2024 = HERE / "corpora" / "dec2024"


@pytest.fixture(scope="module")
def dec2024() -> CorpusResult:
    return analyse(DEC2024, progress=False)


@pytest.fixture(scope="module")
def shapes(dec2024: CorpusResult) -> dict[str, DistanceShape]:
    return {s.mention.text: s for s in corpus_distances(dec2024)}


def test_every_drawn_shape_lies_in_syria(shapes: dict[str, DistanceShape]) -> None:
    syria = country_outlines(["SY"])["SY"].buffer(0.02)
    drawn = [s for s in shapes.values() if s.geometry is not None]
    assert len(drawn) == 5
    for s in drawn:
        assert syria.contains(s.geometry), s.mention.text


def test_a_distance_from_israel_is_a_band_along_the_line_near_jasim(shapes: dict[str, DistanceShape]) -> None:
    s = shapes["about 17 km from Israel"]
    assert (s.mention.anchor_kind, s.geometry_kind, s.mention.locator_name) == ("border", "band", "Jasim")
    border = shared_border("SY", "IL")
    c = s.geometry.representative_point()
    assert 17 - 2.55 - 1 <= km_to(c.y, c.x, border) <= 17 + 2.55 + 1
    assert km_to(32.991, 36.061, s.geometry) < 5  # beside Jasim, not around Israel's centre


def test_a_jordanian_border_band_near_busra(shapes: dict[str, DistanceShape]) -> None:
    s = shapes["about 10 km from the Jordanian border"]
    assert (s.mention.anchor, s.geometry_kind, s.mention.side_country) == ("country:JO", "band", "SY")
    assert s.geometry.bounds[1] > 32.3 and s.geometry.bounds[3] < 33.0  # the stretch south of Daraa


def test_the_provincial_capital_and_the_capital_are_inferred(shapes: dict[str, DistanceShape]) -> None:
    provincial = shapes["about 20 km from the provincial capital"]
    assert (provincial.mention.anchor, provincial.inferred) == ("geonames:170905", True)  # Daraa
    capital = shapes["within 60 km of the capital"]
    assert (capital.mention.anchor, capital.geometry_kind, capital.inferred) == ("geonames:170654", "disc", True)


def test_named_towns_from_the_turkish_border_are_checks_on_the_towns(shapes: dict[str, DistanceShape]) -> None:
    for text, place, status in [("about 20 km from the Turkish border", "geonames:163476", "consistent"),
                                ("some 5 km from the Turkish border", "geonames:172082", "consistent"),
                                ("10 km from the Turkish border", "geonames:167357", "inconsistent")]:
        s = shapes[text]
        assert (s.mention.subject_place, s.geometry_kind, s.status, s.geometry) == (place, "check", status, None)
    assert shapes["10 km from the Turkish border"].note.startswith("off by ")


def test_anchorless_distances_are_listed_with_a_reason_and_not_drawn(shapes: dict[str, DistanceShape]) -> None:
    reasons = {t: s.note for t, s in shapes.items() if s.status == "unresolved"}
    assert reasons == {
        "about 2 km from a position held": "anchor not a place: 'a position held'",
        "about 15 km east of the Euphrates river": "river 'the Euphrates river': the packaged data has no river "
                                                   "lines, so a band along it cannot be drawn",
        "about 8 km from the M4 highway": "road 'the M4 highway': the packaged data has no road lines, so a band "
                                          "along it cannot be drawn",
    }


def test_the_checks_show_in_the_place_evidence_of_the_map(dec2024: CorpusResult) -> None:
    data = build_map_data(dec2024, date=dt.date(2024, 12, 7), days=30)
    checked = {s.mention.subject_place: s.status for s in data.distance_checks}
    assert checked["geonames:163476"] == "consistent" and checked["geonames:167357"] == "inconsistent"
    assert all(shp.geometry_kind != "check" for shp, _, _ in data.rings)


def test_the_checks_reach_the_map_payload_as_text(dec2024: CorpusResult) -> None:
    payload = build_payload(build_map_data(dec2024, date=dt.date(2024, 12, 7), days=30))
    (check,) = payload["checks"]["geonames:167357"]  # Manbij
    assert check["status"] == "inconsistent" and check["note"].startswith("off by ")
    assert "Manbij, 10 km from the Turkish border" in check["sentence"]
    kinds = sorted(r["kind"] for r in payload["rings"])
    assert kinds == ["band", "band", "disc", "ring", "ring"]
    assert {r["measured_from"] for r in payload["rings"] if r["kind"] == "band"} == {
        "the Syria–Israel border near Jasim", "the Syria–Jordan border near Busra al-Sham"}


def test_the_seed_map_has_one_7_km_ring_and_lists_the_anchorless_one() -> None:
    seeds = analyse(SEEDS, progress=False)
    shapes = corpus_distances(seeds)
    assert [(s.mention.distance_km, s.geometry_kind, s.mention.anchor) for s in shapes if s.geometry is not None] \
        == [(7.0, "ring", "local:aleppo-citadel")]
    (vague,) = [s for s in shapes if s.geometry is None]
    assert vague.note == "anchor not a place: 'a location'" and vague.mention.distance_km == 3.0
    ring = build_map_data(seeds).rings
    assert len(ring) == 1 and shapely.get_num_interior_rings(ring[0][1]) == 1  # an annulus


def test_a_border_distance_sits_at_its_town_in_the_event_store(tmp_path: Path) -> None:
    store = tmp_path / "dec.gpkg"
    ingest([DEC2024], store, workers=1, progress=False)
    rows = pyogrio.read_dataframe(store, layer="distances")
    israel = rows[rows["text"] == "about 17 km from Israel"].iloc[0]
    assert (israel["anchor_kind"], israel["locator_name"]) == ("border", "Jasim")
    assert abs(israel.geometry.y - 32.99) < 0.01 and abs(israel.geometry.x - 36.06) < 0.01  # Jasim, not the Negev


def test_every_devset_shape_lies_at_its_distance_and_in_its_country() -> None:
    """On the 74 development articles (ten wars), a drawn shape never strays from its anchor or its country."""
    shapes = corpus_distances(analyse(HERE.parent / "benchmarks" / "devset" / "articles", progress=False))
    drawn = [s for s in shapes if s.geometry is not None]
    assert len(drawn) > 40
    for s in drawn:
        m = s.mention
        if m.side_country:
            assert country_outlines([m.side_country])[m.side_country].buffer(0.02).contains(s.geometry), m.text
        if m.anchor_kind in ("point", "capital", "provincial_capital") and m.anchor_lat is not None:
            far = max(km_to(m.anchor_lat, m.anchor_lon, shapely.Point(x, y))
                      for x, y in shapely.get_coordinates(s.geometry))
            assert far <= m.distance_km + max(m.tolerance_km, 0.5 * m.distance_km) + 1, m.text
