"""Browser tests of the control map in headless system Chromium, fully offline."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_render import HOSTILE_IMG, HOSTILE_SCRIPT, make_map_data

from geo.render import write_map
from geo.render.browser import open_map
from geo.theatres import packaged_theatres

pytestmark = pytest.mark.browser

PLACE_PATHS = ".leaflet-geo-places-pane path.geo-place"

SYRIA = packaged_theatres()["syria"].colours


@pytest.fixture(scope="module")
def map_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_map(make_map_data(), tmp_path_factory.mktemp("map") / "control.html")


def fill_of(page: Any, place_id: str) -> str:
    return page.evaluate("id => __geo.marker(id)._path.getAttribute('fill')", place_id)


def slide_to(page: Any, index: int) -> None:
    page.eval_on_selector(".geo-timebar input[type=range]",
                          "(r, k) => { r.value = k; r.dispatchEvent(new Event('input')); }", index)


def test_opens_on_hash_date_and_colours_by_controller(page: Any, map_file: Path) -> None:
    open_map(page, map_file, date=dt.date(2024, 11, 26))
    assert page.locator(PLACE_PATHS).count() == 4  # Tell Rifaat has no state yet
    assert fill_of(page, "aleppo") == SYRIA["government"]
    assert fill_of(page, "idlib") == SYRIA["opposition"]
    assert page.locator(".geo-when").inner_text().startswith("as of 2024-11-26")
    page.goto(map_file.as_uri() + "#2024-12-08")
    page.reload()
    page.wait_for_function("window.__geoReady === true")
    assert page.locator(PLACE_PATHS).count() == 5
    assert fill_of(page, "aleppo") == SYRIA["opposition"]
    assert page.console_errors == [] and page.network_requests == []


def test_slider_recolours_and_updates_the_hash(page: Any, map_file: Path) -> None:
    open_map(page, map_file, date=dt.date(2024, 12, 8))
    slide_to(page, 0)
    assert page.evaluate("location.hash") == "#2024-11-26"
    assert fill_of(page, "aleppo") == SYRIA["government"]
    assert page.locator(".geo-date").inner_text() == "2024-11-26"
    slide_to(page, 1)
    assert page.evaluate("location.hash") == "#2024-11-30"
    aleppo = page.evaluate("__geo.marker('aleppo')._path.getAttribute('stroke-dasharray')")
    assert fill_of(page, "aleppo") == SYRIA["opposition"] and aleppo  # contested
    slide_to(page, 2)
    homs = page.evaluate("+__geo.marker('homs')._path.getAttribute('stroke-width')")
    assert homs >= 4 and fill_of(page, "homs") == SYRIA["government"]  # besieged
    page.evaluate("location.hash = '#2024-12-06'")  # between change dates: as of 2024-12-05
    page.wait_for_function("__geo.date === '2024-12-05'")
    assert page.console_errors == []


def test_layers_follow_the_date(page: Any, map_file: Path) -> None:
    open_map(page, map_file, date=dt.date(2024, 11, 26))
    count = "sel => document.querySelectorAll(sel).length"
    assert page.evaluate(count, ".leaflet-geo-areas-pane path") == 0
    assert page.evaluate(count, ".leaflet-geo-rings-pane path") == 0  # ring shown from 11-30
    slide_to(page, 3)
    assert page.evaluate(count, ".leaflet-geo-areas-pane path") == 1
    assert page.evaluate(count, ".leaflet-geo-fronts-pane path.geo-front") == 1
    assert page.evaluate(count, ".leaflet-geo-rings-pane path") == 1
    assert page.evaluate(count, ".leaflet-geo-events-pane path.geo-pulse") == 1
    region = page.evaluate("""() => { let f = null; __geo.map.eachLayer(l => {
        if (l.feature && l.feature.properties.id === 'SY02') f = l._path.getAttribute('fill'); });
        return f; }""")
    assert region == SYRIA["opposition"]
    assert page.locator(".leaflet-tile").count() == 0  # web tiles are off by default


def test_popup_shows_hostile_sentence_as_text(page: Any, map_file: Path) -> None:
    open_map(page, map_file, date=dt.date(2024, 12, 8))
    page.evaluate_handle("__geo.marker('aleppo')._path").as_element().click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert HOSTILE_IMG in text and HOSTILE_SCRIPT in text
    assert "Rebels entered western Aleppo on Friday." in text
    assert "<b>Evil</b> Times, published 2024-12-08" in text
    assert "claimed by <svg onload=window.__pwned=1>" in text and "precision: day" in text
    assert popup.locator("img, script, svg, b, i").count() == 0
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    slide_to(page, 0)  # an open popup follows the date
    assert "Government and allies: held" in popup.inner_text()
    assert page.console_errors == [] and page.network_requests == []


def test_play_button_steps_through_dates(page: Any, map_file: Path) -> None:
    open_map(page, map_file, date=dt.date(2024, 11, 26))
    page.click(".geo-play")
    page.wait_for_function("location.hash === '#2024-11-30'", timeout=5000)
    page.click(".geo-play")  # pause
    index = page.evaluate("__geo.index")
    page.wait_for_timeout(1200)
    assert page.evaluate("__geo.index") == index


def test_screenshot_helper(map_file: Path, tmp_path: Path, chromium: Any) -> None:
    # a child process: Playwright's sync API cannot start twice in one thread
    png = tmp_path / "shots" / "map.png"
    code = ("import datetime, sys; from geo.render import screenshot; "
            "screenshot(sys.argv[1], sys.argv[2], date=datetime.date(2024, 12, 8), "
            "width=800, height=600)")
    subprocess.run([sys.executable, "-c", code, str(map_file), str(png)], check=True,
                   timeout=120)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


def test_a_map_in_coarser_steps_names_its_period(page: Any, tmp_path: Path) -> None:
    base = make_map_data()
    data = dataclasses.replace(base, step="month", changes=len(base.dates) + 40)
    path = write_map(data, tmp_path / "monthly.html")
    open_map(page, path, date=data.dates[-1])
    label = page.locator(".geo-when").inner_text()
    assert "one step per month" in label and f"{data.changes} change dates" in label
    plain = page.context.new_page()
    open_map(plain, write_map(make_map_data(), tmp_path / "daily.html"), date=data.dates[-1])
    assert "one step per" not in plain.locator(".geo-when").inner_text()
    assert page.console_errors == []


def test_town_labels_never_overlap_and_more_show_when_zoomed_in(page: Any, tmp_path: Path) -> None:
    towns = [("Bigcity", 35.0, 37.0, 2_000_000), ("Midtown", 35.4, 37.4, 200_000), ("Smallville", 35.2, 37.2, 20_000),
             ("Closeby", 35.001, 37.001, 1_500_000), ("<img src=x onerror=alert(1)>", 34.8, 36.8, 1_200_000)]
    data = dataclasses.replace(make_map_data(), towns=towns)
    open_map(page, write_map(data, tmp_path / "towns.html"))
    shown = lambda: page.evaluate(  # noqa: E731
        "() => Array.from(document.querySelectorAll('.geo-town')).map(e => e.textContent)")
    boxes = page.evaluate("() => Array.from(document.querySelectorAll('.geo-town')).map(e => { "
                          "const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })")
    assert all(not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
               for i, a in enumerate(boxes) for b in boxes[i + 1:])
    assert "Bigcity" in shown() and "Closeby" not in shown()  # the larger of two at one spot wins
    assert page.locator(".geo-town img").count() == 0  # a name is text, never markup
    page.evaluate("() => __geo.map.setView([35.2, 37.2], 5, {animate: false})")
    country = shown()
    assert "Bigcity" in country and "Smallville" not in country and "Midtown" not in country
    page.evaluate("() => __geo.map.setView([35.2, 37.2], 11, {animate: false})")
    assert "Smallville" in shown()
    assert page.console_errors == [] and page.network_requests == []
