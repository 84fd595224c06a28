"""Article text with HTML and script in every field that reaches a map or an export is inert.

A corpus whose folder name, source, title, URL, sentences and attributions carry ``<script>``,
``<img onerror>``, ``<svg onload>``, ``</script>`` breakouts, attribute-quote breakouts and
``javascript:`` URLs goes through the real pipeline (analyse, build_map_data, write_map) and
is opened in headless Chromium: every popup of every date is opened, no payload runs (each
would set a ``window.__pwned_*`` flag), the console stays clean and the text shows literally.
The GeoJSON, GeoPackage and CSV exports keep the same text as data, with spreadsheet
formulas defused in the CSV.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from typing import Any

import pytest

from geo.export import export
from geo.layers.build import build_map_data
from geo.pipeline import analyse
from geo.render import write_map
from geo.render.browser import open_map

FOLDER = "<svg onload=window.__pwned_dir=1>"
SOURCE = '<img src=x onerror="window.__pwned_src=1">Evil Wire'
TITLE = "</script><script>window.__pwned_title=1</script>"
SENTENCE_PAYLOAD = "<script>window.__pwned_sent=1</script> \"'><img src=x onerror=window.__pwned_q=1>"
FORMULA = "=cmd|' /C calc'!A0"
ARTICLE_A = f"""date 2024-12-08
source {SOURCE}
title {TITLE}
url javascript:window.__pwned_url=1

Rebels captured Aleppo on Friday {SENTENCE_PAYLOAD}, witnesses said.
{FORMULA} Government forces withdrew from Hama on Thursday, <svg onload=window.__pwned_att=1> said.
Clashes were reported about 20 km north of Homs on Saturday <iframe src="javascript:window.__pwned_ring=1">.
"""
ARTICLE_B = ("Opposition fighters seized the city of Homs on Friday, the "
             "\"<script>window.__pwned_b=1</script>\" agency claimed.\n")
METADATA = ('file,date,source,title,url\nb.txt,2024-12-07,"=HYPERLINK(""javascript:alert(1)"")",'
            '"<img src=x onerror=window.__pwned_t2=1>","javascript:window.__pwned_u2=1"\n')


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("inert") / FOLDER
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (folder / "metadata.csv").write_text(METADATA, encoding="utf-8")
    result = analyse(folder)
    assert {e.place for e in result.events} >= {"Aleppo", "Hama", "Homs"}, result.events
    assert any(m.anchor_lat is not None for m in result.distances), "no ring to open"
    day = dt.date(2024, 12, 8)  # the ring is shown from its publication date, after the last change date
    data = build_map_data(result, date=day)
    out = folder.parent / "out"
    return {"result": result, "data": data, "map": write_map(data, out / "map.html"), "out": out}


_OPEN_ALL = """() => {
  const G = window.__geo, texts = [], errors = [];
  const layers = [];
  G.map.eachLayer(l => { if (l.getPopup && l.getPopup()) layers.push(l); });
  G.markers.forEach(m => { if (!layers.includes(m)) layers.push(m); });
  for (const l of layers) {
    try {
      if (l.getLatLng) l.openPopup(); else l.openPopup(l.getBounds ? l.getBounds().getCenter() : undefined);
      const el = l.getPopup().getElement();
      if (el) texts.push(el.querySelector('.leaflet-popup-content').textContent);
      l.closePopup();
    } catch (e) { errors.push(String(e)); }
  }
  return {texts, errors};
}"""
_FLAGS = "() => Object.keys(window).filter(k => k.startsWith('__pwned'))"


def _slide_to(page: Any, index: int) -> None:
    page.eval_on_selector(".geo-timebar input[type=range]",
                          "(r, k) => { r.value = k; r.dispatchEvent(new Event('input')); }", index)


@pytest.mark.browser
def test_every_popup_on_every_date_shows_the_payloads_as_text(page: Any, hostile: dict[str, Any]) -> None:
    open_map(page, hostile["map"])
    dates = page.evaluate("__geo.data.dates.length")
    seen: list[str] = []
    for k in range(dates):
        _slide_to(page, k)
        opened = page.evaluate(_OPEN_ALL)
        assert opened["errors"] == []
        seen += opened["texts"]
        assert page.locator(".leaflet-popup-content :is(img, script, svg, iframe, b)").count() == 0
    page.wait_for_timeout(300)  # an onerror / onload handler would have run by now
    assert page.evaluate(_FLAGS) == []
    joined = "\n".join(seen)
    assert SENTENCE_PAYLOAD in joined and SOURCE in joined and FORMULA in joined
    assert "<svg onload=window.__pwned_att=1>" in joined
    assert '<iframe src="javascript:window.__pwned_ring=1">' in joined  # the ring's sentence
    assert page.console_errors == [] and page.network_requests == []


@pytest.mark.browser
def test_title_bar_and_page_title_show_the_folder_name_literally(page: Any, hostile: dict[str, Any]) -> None:
    open_map(page, hostile["map"])
    assert FOLDER in page.locator(".geo-title").inner_text()
    assert FOLDER in page.title()
    assert page.locator(".geo-title :is(svg, img, script)").count() == 0
    assert page.locator("body svg[onload], body img[onerror], iframe").count() == 0
    page.wait_for_timeout(200)
    assert page.evaluate(_FLAGS) == [] and page.console_errors == []


def test_map_file_has_no_live_markup_from_the_articles(hostile: dict[str, Any]) -> None:
    text = hostile["map"].read_text("utf-8")
    head, rest = text.split('<script type="application/json" id="geo-data">')
    block, tail = rest.split("</script>", 1)
    assert "<" not in block and ">" not in block  # every < and > of the data is a \\u escape
    assert json.loads(block)["corpus"] == FOLDER
    outside = head + tail
    assert outside.count("__pwned") == 2  # the folder name, twice in <title>, escaped
    assert f"<title>Control of territory \u2014 {FOLDER}".replace("<svg", "&lt;svg").replace("1>", "1&gt;") \
        .replace("<title>", "") in outside


def test_geojson_and_gpkg_keep_the_text_as_data(hostile: dict[str, Any]) -> None:
    pyogrio = pytest.importorskip("pyogrio")
    out = hostile["out"]
    layers = export(hostile["data"], "geojson", out / "layers")
    gpkg = export(hostile["data"], "gpkg", out / "map.gpkg")[0]
    values: list[str] = []
    for path in (p for p in layers if p.suffix == ".geojson"):  # each layer's .qml style is beside it
        for feat in json.loads(path.read_text("utf-8"))["features"]:
            values += [v for v in feat["properties"].values() if isinstance(v, str)]
    for name, _ in pyogrio.list_layers(gpkg):
        if name == "layer_styles":
            continue
        df = pyogrio.read_dataframe(gpkg, layer=name)
        values += [v for c in df.columns if df[c].dtype == object for v in df[c] if isinstance(v, str)]
    joined = "\n".join(values)
    assert SENTENCE_PAYLOAD in joined and SOURCE in joined
    assert any(v.startswith(FORMULA) for v in values)  # data formats keep the text as written


def test_csv_defuses_formulas_and_keeps_the_rest_literal(hostile: dict[str, Any]) -> None:
    path = export(hostile["data"], "csv", hostile["out"] / "events.csv")[0]
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    cells = [v for row in rows for v in row.values() if v]
    assert not [c for c in cells if c[0] in "=+-@\t\r"], "a cell a spreadsheet would run as a formula"
    notes = {row["notes"] for row in rows}
    hama = " Government forces withdrew from Hama on Thursday, <svg onload=window.__pwned_att=1> said."
    assert "'" + FORMULA + hama in notes
    assert "'=HYPERLINK(\"javascript:alert(1)\")" in {row["source"] for row in rows}
    assert any(SENTENCE_PAYLOAD in n for n in notes)
