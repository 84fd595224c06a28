"""What the seed map shows, in headless Chromium: aged marks, names, evidence in every popup, fronts, popups clear of the title."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from geo.layers.build import build_map_data
from geo.pipeline import analyse
from geo.render import write_map
from geo.render.browser import open_map

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NOV26, DEC8 = dt.date(2024, 11, 26), dt.date(2024, 12, 8)
ALEPPO, ACADEMY, DARAA, DAMASCUS = ("geonames:170063", "local:ramouseh-artillery-academy", "geonames:170905",
                                    "geonames:170654")


@pytest.fixture(scope="module")
def seed_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole-history seed map (its slider steps through 26 November and 8 December 2024)."""
    data = build_map_data(analyse(SEEDS, progress=False), date=DEC8, days=90)
    assert NOV26 in data.dates
    return write_map(data, tmp_path_factory.mktemp("seedmap") / "control.html")


def screen_point(page: Any, place_id: str) -> tuple[float, float]:
    """Page coordinates of a place's mark."""
    return tuple(page.evaluate("""id => { const m = __geo.marker(id), r = __geo.map.getContainer().getBoundingClientRect();
        const p = __geo.map.latLngToContainerPoint(m.getLatLng()); return [r.left + p.x, r.top + p.y]; }""", place_id))


def popup_text(page: Any, place_id: str) -> str:
    page.evaluate("id => __geo.marker(id).openPopup()", place_id)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    return popup.inner_text()


def test_26_november_aleppo_is_the_city_and_the_2016_academy_only_a_faded_old_report(page: Any, seed_map: Path) -> None:
    open_map(page, seed_map, date=NOV26)
    x, y = screen_point(page, ALEPPO)
    page.mouse.click(x, y)  # at country zoom the academy lies under the city's mark
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.locator("h3").inner_text() == "Aleppo" and "Government and allies: held" in popup.inner_text()
    stale = page.evaluate("id => [+__geo.marker(id)._path.getAttribute('fill-opacity'), "
                          "__geo.label('x', __geo.snap.get(__geo.placeIndex.get(id))).textContent]", ACADEMY)
    assert stale[0] < 0.5 and re.fullmatch(r"x: last reported 2016-08-\d\d", stale[1])
    text = popup_text(page, ACADEMY)
    assert text.startswith("Ramouseh Artillery Academy") and re.search(r"Stale: last reported 2016-08-\d\d", text)
    hits = page.evaluate("([x, y]) => document.elementsFromPoint(x, y).map(e => e.getAttribute('class') || '')",
                         [x, y])
    assert not any("geo-front" in h for h in hits)  # no front line through the city
    assert page.console_errors == []


def test_every_mark_s_popup_shows_its_evidence_baseline_included(page: Any, seed_map: Path) -> None:
    for day in (NOV26, DEC8):
        open_map(page, seed_map, date=day)
        shown = page.evaluate("() => __geo.data.places.filter((p, i) => __geo.snap.has(i)).map(p => p[0])")
        assert len(shown) >= 7
        for pid in shown:
            page.evaluate("() => __geo.map.closePopup()")
            text = popup_text(page, pid)
            assert page.locator(".leaflet-popup-content .geo-ev blockquote").count() >= 1, (day, pid, text)
    open_map(page, seed_map, date=NOV26)
    text = popup_text(page, DAMASCUS)
    assert "Baseline row: Government and allies held as of 2024-11-26" in text
    assert "seat of the Assad government" in text


def test_8_december_daraa_is_contested_with_both_reports(page: Any, seed_map: Path) -> None:
    open_map(page, seed_map, date=DEC8)
    text = popup_text(page, DARAA)
    assert text.startswith("Daraa") and "Government and allies: contested" in text and "Note: region" in text
    assert "Daraa al-Balad" in text and "local rebels have captured most of the Deraa region" in text
    assert page.evaluate("id => __geo.marker(id)._path.getAttribute('stroke-dasharray')", DARAA)


def test_the_ring_s_popup_says_what_it_is_measured_from(page: Any, seed_map: Path) -> None:
    open_map(page, seed_map, date=DEC8)
    page.evaluate("() => __geo.ringLayers[0].openPopup()")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "about 7 km (±1.05) from Citadel of Aleppo" in text
    assert "A ring measured from Citadel of Aleppo" in text and "medieval citadel" in text


def test_a_front_line_can_be_clicked(page: Any, seed_map: Path) -> None:
    open_map(page, seed_map, date=NOV26)
    point = page.evaluate("""() => { const f = __geo.data.fronts[__geo.index][0], g = __geo.data.geoms[f[0]];
        const line = g.type === "LineString" ? g.coordinates : g.coordinates[0];
        const [lon, lat] = line[Math.floor(line.length / 2)];
        const r = __geo.map.getContainer().getBoundingClientRect(), p = __geo.map.latLngToContainerPoint([lat, lon]);
        return [r.left + p.x + 3, r.top + p.y + 3]; }""")  # a few pixels off the line still hits it
    page.mouse.click(*point)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "Front line: Government and allies / Opposition" in text and "Inferred, not reported" in text
    assert "nearer to it than to any other" in text  # the method


def test_the_title_box_never_covers_a_popup(page: Any, seed_map: Path) -> None:
    open_map(page, seed_map, date=NOV26)
    title = page.locator(".geo-title").bounding_box()
    page.evaluate("""id => {  // move the map so that Aleppo lies just under the title box
        const m = __geo.marker(id), map = __geo.map, t = document.querySelector('.geo-title');
        const want = L.point(t.offsetLeft, t.offsetTop + t.offsetHeight + 25);
        const p = map.latLngToContainerPoint(m.getLatLng());
        map.setView(map.containerPointToLatLng(map.getSize().divideBy(2).add(p.subtract(want))), map.getZoom(),
                    {animate: false}); }""", ALEPPO)
    assert screen_point(page, ALEPPO)[1] < title["y"] + title["height"] + 40
    page.evaluate("id => __geo.marker(id).openPopup()", ALEPPO)
    page.locator(".leaflet-popup-content").wait_for()
    page.wait_for_timeout(700)  # the pan that makes room
    box = page.locator(".leaflet-popup").bounding_box()
    assert box["y"] >= title["y"] + title["height"], (box, title)
    bar = page.locator(".geo-timebar").bounding_box()
    assert box["y"] + box["height"] <= bar["y"]  # nor does the time bar
