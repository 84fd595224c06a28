"""Tests of geo.render without a browser: payload, escaping, self-containment, files."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest
from shapely.geometry import LineString, Point, box
from xstatic.pkg import leaflet

from geo.errors import OutputError
from geo.layers.data import MapData
from geo.layers.distances import DistanceShape
from geo.model import ControlEvent, ControlState, DistanceMention
from geo.render import render_html, write_map
from geo.render.html import DATA_ELEMENT_ID, script_json
from geo.render.payload import build_payload
from geo.theatres import faction_styles

D1, D2, D3, D4 = (dt.date(2024, 11, 26), dt.date(2024, 11, 30),
                  dt.date(2024, 12, 5), dt.date(2024, 12, 8))
HOSTILE_IMG = '<img src=x onerror="window.__pwned=1">'
HOSTILE_SCRIPT = "<script>window.__pwned=1</script>"
PLACES = {
    "aleppo": ("Aleppo", 36.20211, 37.13426), "hama": ("Hama", 35.13179, 36.75783),
    "homs": ("Homs", 34.73237, 36.71372), "idlib": ("Idlib", 35.93062, 36.63393),
    "tal_rifaat": ("Tell Rifaat", 36.47333, 37.09722),
}


def _event(eid: str, pid: str, sentence: str, kind: str, gaining: str | None,
           losing: str | None, day: dt.date, **kw: object) -> ControlEvent:
    name, lat, lon = PLACES[pid]
    fields = dict(id=eid, article="a" * 16, published=day, place=name, place_id=pid,
                  lat=lat, lon=lon, geo_precision=1, date=day, date_end=None,
                  date_precision="day", time_text="on Saturday", kind=kind,
                  actor_gaining=gaining, actor_losing=losing, stance="reported",
                  attributed_to=None, sentence=sentence, start=0, end=len(sentence),
                  confidence=0.9, source="Example Wire")
    fields.update(kw)
    return ControlEvent(**fields)


def _state(place: str, controller: str, status: str, since: dt.date | None,
           evidence: tuple[str, ...] = ()) -> ControlState:
    name, lat, lon = PLACES[place]
    return ControlState(place, name, lat, lon, controller, status, since, evidence)


def _feature(fid: str, name: str, geom: object) -> dict:
    from shapely.geometry import mapping
    return {"type": "Feature", "properties": {"id": fid, "name": name}, "geometry": mapping(geom)}


def make_map_data() -> MapData:
    """Aleppo: government on D1, contested on D2, opposition from D3; plus four places."""
    events = {
        "e-contest": _event("e-contest", "aleppo", "Rebels entered western Aleppo on Friday.",
                            "entered", "opposition", "government", D2),
        "e-hostile": _event("e-hostile", "aleppo", f"Rebels hold Aleppo {HOSTILE_IMG} {HOSTILE_SCRIPT}.",
                            "held", "opposition", None, D4, stance="claimed",
                            attributed_to="<svg onload=window.__pwned=1>",
                            source="<b>Evil</b> Times", place="Aleppo <i>city</i>"),
        "e-hama": _event("e-hama", "hama", "Opposition fighters captured Hama.", "captured",
                         "opposition", "government", D3),
        "e-homs": _event("e-homs", "homs", "Government forces in Homs are besieged.",
                         "besieged", "opposition", "government", D3),
        "e-unused": _event("e-unused", "idlib", "UNUSED SENTENCE", "held", "opposition", None, D1),
    }
    base = {"hama": _state("hama", "government", "held", None),
            "homs": _state("homs", "government", "held", None),
            "idlib": _state("idlib", "opposition", "held", None)}
    states = {
        D1: {**base, "aleppo": _state("aleppo", "government", "held", None)},
        D2: {**base, "aleppo": _state("aleppo", "opposition", "contested", D2, ("e-contest",)),
             "tal_rifaat": _state("tal_rifaat", "sna", "claimed", D2)},
        D3: {**base, "aleppo": _state("aleppo", "opposition", "held", D3, ("e-contest",)),
             "hama": _state("hama", "opposition", "held", D3, ("e-hama",)),
             "homs": _state("homs", "government", "besieged", D3, ("e-homs", "e-missing")),
             "tal_rifaat": _state("tal_rifaat", "sna", "claimed", D2)},
    }
    states[D4] = {**states[D3], "aleppo": _state("aleppo", "opposition", "held", D3,
                                                 ("e-contest", "e-hostile"))}
    area = box(36.3, 35.6, 37.4, 36.5)
    ring = DistanceMention(30.0, 5.0, "about", "north", "aleppo", "Aleppo", 36.20211, 37.13426,
                           "the front", "a" * 16, "The front is about 30 km north of Aleppo.", 0, 10)
    return MapData(
        title="Control of territory — test", corpus="probe", factions=faction_styles(["syria"]),
        dates=[D1, D2, D3, D4],
        places=[{"id": k, "name": v[0], "lat": v[1], "lon": v[2], "kind": "city"}
                for k, v in PLACES.items()],
        states=states,
        regions={D4: {"SY02": ControlState("SY02", "Aleppo", 36.2, 37.1, "opposition", "held",
                                           D3, ("e-hostile",))}},
        events=events, event_dates={D2: ["e-contest"], D3: ["e-hama", "e-homs"], D4: ["e-hostile"]},
        areas={D3: {"opposition": area}, D4: {"opposition": box(36.3, 35.6, 37.4, 36.5)}},
        fronts={D4: [(LineString([(36.5, 35.5), (37.0, 35.4), (37.5, 35.5)]), "opposition",
                      "government")]},
        rings=[(DistanceShape(ring, None, "sector", "drawn", "Aleppo", "measured from Aleppo"),
                Point(37.13426, 36.20211).buffer(0.3), D2)],
        governorates={"type": "FeatureCollection", "features": [
            _feature("SY02", "Aleppo", box(36.5, 35.6, 38.5, 36.7)),
            _feature("SY05", "Hama", box(36.0, 34.8, 38.0, 35.6))]},
        outline={"type": "FeatureCollection", "features": [
            _feature("SY", "Syria", box(35.6, 32.3, 42.4, 37.3))]},
    )


def fold(deltas: list[list[list]]) -> list[dict]:
    """Python twin of the JavaScript fold: full snapshot per date from the deltas."""
    out, cur = [], {}
    for delta in deltas:
        cur = dict(cur)
        for row in delta:
            if len(row) > 1:
                cur[row[0]] = row[1:]
            else:
                cur.pop(row[0])
        out.append(cur)
    return out


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.data: dict[str, str] = {}
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in = dict(attrs).get("id")

    def handle_data(self, data: str) -> None:
        if self._in:
            self.data[self._in] = self.data.get(self._in, "") + data


@pytest.fixture(scope="module")
def page_html() -> str:
    return render_html(make_map_data())


def test_script_json_cannot_close_the_element() -> None:
    text = script_json({"s": "</script><!-- & \u2028 \u2029 >"})
    assert not re.search("[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"s": "</script><!-- & \u2028 \u2029 >"}


def test_no_network_resources_and_leaflet_inlined(page_html: str) -> None:
    parser = _Tags()
    parser.feed(page_html)
    for tag, attrs in parser.tags:
        if tag in ("script", "link", "img", "iframe"):
            assert not attrs.get("src") and not attrs.get("href"), (tag, attrs)
    leaflet_js = (Path(leaflet.BASE_DIR) / "leaflet.js").read_text("utf-8")
    assert leaflet_js[:5000] in page_html and leaflet_js[-5000:] in page_html  # the installed Leaflet, inlined
    lowered = page_html.lower()
    for lib in ("jquery", "bootstrap", "font-awesome", "fontawesome", "awesome-markers"):
        assert lib not in lowered
    assert "url(images/" not in page_html and "data:image/png;base64," in page_html


def test_hostile_article_text_is_never_markup(page_html: str) -> None:
    assert HOSTILE_IMG not in page_html and "<script>window.__pwned" not in page_html
    assert "<svg onload" not in page_html and "<b>Evil" not in page_html
    parser = _Tags()
    parser.feed(page_html)
    payload = json.loads(parser.data[DATA_ELEMENT_ID])
    assert any(HOSTILE_IMG in s and HOSTILE_SCRIPT in s for s in payload["strings"])
    for name in ("map.js", "controls.js", "popups.js", "inferred.js"):
        js = resources.files("geo.render").joinpath("templates", name).read_text("utf-8")
        assert "innerHTML" not in js and "insertAdjacentHTML" not in js


def test_jinja_syntax_in_article_text_is_not_evaluated() -> None:
    data = make_map_data()
    ev = data.events["e-contest"]
    from dataclasses import replace
    events = {**data.events, "e-contest": replace(ev, sentence="{{ 7*7 }} {% if 1 %}x{% endif %}")}
    html_text = render_html(replace(data, events=events, title="{{ 6*7 }}"))
    assert "{{ 7*7 }} {% if 1 %}x{% endif %}" in html_text and "{{ 6*7 }}" in html_text


def test_place_states_fold_back_to_the_snapshots() -> None:
    p = build_payload(make_map_data())
    assert p["dates"] == ["2024-11-26", "2024-11-30", "2024-12-05", "2024-12-08"]
    idx = {row[0]: i for i, row in enumerate(p["places"])}
    snaps = fold(p["states"])
    assert snaps[0][idx["aleppo"]][:2] == ["government", "held"]
    assert snaps[1][idx["aleppo"]][:3] == ["opposition", "contested", "2024-11-30"]
    assert snaps[3][idx["aleppo"]][:2] == ["opposition", "held"]
    assert idx["tal_rifaat"] not in snaps[0] and snaps[1][idx["tal_rifaat"]][1] == "claimed"
    assert [len(s) for s in snaps] == [4, 5, 5, 5]
    # only what changed is written: Idlib's state appears once, on the first date
    assert sum(row[0] == idx["idlib"] for delta in p["states"] for row in delta) == 1
    regions = fold(p["regions"])
    assert regions[2] == {} and regions[3]["SY02"][0] == "opposition"


def test_evidence_points_at_the_quoted_sentence() -> None:
    p = build_payload(make_map_data())
    idx = {row[0]: i for i, row in enumerate(p["places"])}
    fields = [f.rstrip("*") for f in p["event_fields"]]
    row = p["events"][fold(p["states"])[3][idx["aleppo"]][3][1]]
    ev = dict(zip(fields, row))
    assert HOSTILE_IMG in p["strings"][ev["sentence"]]
    assert p["strings"][ev["source"]] == "<b>Evil</b> Times"
    assert (ev["stance"], ev["date"], ev["date_precision"]) == ("claimed", "2024-12-08", "day")
    homs = fold(p["states"])[2][idx["homs"]]
    assert homs[1] == "besieged" and len(homs[3]) == 1  # the unknown "e-missing" is dropped
    assert "UNUSED SENTENCE" not in p["strings"]  # events nobody cites are not written


def test_geometry_written_once_and_rounded() -> None:
    p = build_payload(make_map_data())
    assert len(p["places"]) == 5
    assert p["areas"][2] == p["areas"][3] == [["opposition", p["areas"][2][0][1], None]]  # no bands: whole
    assert len(p["geoms"]) == 3  # one area (two dates), one front, one ring
    assert p["fronts"][3][0][1:] == ["opposition", "government"] and p["fronts"][0] == []
    assert p["rings"][0]["from"] == "2024-11-30" and p["rings"][0]["km"] == 30.0
    assert (p["rings"][0]["kind"], p["rings"][0]["measured_from"]) == ("sector", "Aleppo")
    floats = re.findall(r"-?\d+\.(\d+)", json.dumps(p["geoms"]) + json.dumps(p["places"]))
    assert floats and max(len(f) for f in floats) <= 5


def test_the_view_fits_the_places_of_the_opening_date() -> None:
    data = make_map_data()
    (s, w), (n, e) = build_payload(data)["bounds"]
    opening = data.states[max(data.states)].values()
    assert all(s <= st.lat <= n and w <= st.lon <= e for st in opening)
    assert (n - s) < 5 and (e - w) < 5  # the places, not the whole country outline (5 x 7 degrees)
    one = replace(data, states={d: {k: v for k, v in snap.items() if k == "idlib"} for d, snap in data.states.items()})
    (s, w), (n, e) = build_payload(one)["bounds"]
    assert n - s >= 1.0 and e - w >= 1.0  # one place still opens on a region around it


def test_start_date() -> None:
    data = make_map_data()
    assert build_payload(data)["start"] == 3
    assert build_payload(replace(data, date=D2))["start"] == 1
    dec1 = dt.date(2024, 12, 1)  # not a change date: a step of its own, as of D2
    p = build_payload(replace(data, date=dec1, dates=sorted([*data.dates, dec1])))
    assert p["dates"][p["start"]] == "2024-12-01" and len(p["dates"]) == 5
    assert fold(p["states"])[p["start"]] == fold(p["states"])[1]


def test_empty_map_renders() -> None:
    data = MapData(title="Nothing yet", corpus="empty", dates=[], places=[], states={})
    p = build_payload(data)
    assert p["dates"] == [] and p["start"] == -1
    assert "Nothing yet" in render_html(data)


def test_the_legend_names_the_factions_on_the_map_in_their_theatres_colours() -> None:
    p = build_payload(make_map_data())
    syria = faction_styles(["syria"])
    assert {"government", "opposition"} <= set(p["colours"]) <= set(syria)
    assert not {"islamic_state", "druze", "israel"} & set(p["colours"])  # not on this map: not in its legend
    assert all(p["colours"][f] == syria[f][1] and p["labels"][f] == syria[f][0] for f in p["colours"])
    assert "sudan" not in json.dumps(p["labels"]).lower()


def test_write_map_is_atomic(tmp_path: Path) -> None:
    out = write_map(replace(make_map_data(), date=D1), tmp_path / "maps" / "control.html")
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert [f.name for f in out.parent.iterdir()] == ["control.html"]
    assert out.stat().st_mode & 0o044 == 0o044  # readable by others, like any written file
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="cannot write map"):
        write_map(make_map_data(), tmp_path / "file" / "control.html")


def test_a_state_citing_many_reports_writes_the_first_ones_and_the_count() -> None:
    from dataclasses import replace

    from geo.render.payload import MAX_EVIDENCE

    data = make_map_data()
    many = {f"e{i}": _event(f"e{i}", "hama", f"Report {i} on Hama.", "held", "opposition", None, D3)
            for i in range(3 * MAX_EVIDENCE)}
    hama = _state("hama", "opposition", "held", D3, tuple(many))
    data = replace(data, events={**data.events, **many},
                   states={**data.states, D4: {**data.states[D4], "hama": hama}})
    p = build_payload(data)
    hama_idx = next(i for i, row in enumerate(p["places"]) if row[0] == "hama")
    rows = [row for delta in p["states"] for row in delta if row[0] == hama_idx and len(row) > 1]
    cited = rows[-1][4]
    assert len(cited) == MAX_EVIDENCE and rows[-1][5] == 3 * MAX_EVIDENCE
    assert [p["strings"][p["events"][i][0]] for i in cited] == [f"Report {i} on Hama." for i in range(MAX_EVIDENCE)]
