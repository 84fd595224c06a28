"""Tests of geo.export: layers and validity periods, GeoJSON (RFC 7946), GeoPackage, CSV."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from pathlib import Path

import pyogrio
import pytest
from shapely.geometry import LineString, Point, box

from geo.errors import OutputError, UsageError
from geo.export import FORMATS, LAYERS, build_layers, export
from geo.export.layers import SCHEMA
from geo.export.periods import runs
from geo.layers.data import MapData
from geo.layers.distances import DistanceShape
from geo.model import BaselineEntry, ControlEvent, ControlState, DistanceMention
from geo.theatres import faction_styles, packaged_theatres

D = dt.date
NOV26, NOV30, DEC5 = D(2024, 11, 26), D(2024, 11, 30), D(2024, 12, 5)
ARABIC = "سيطرت فصائل المعارضة على مدينة حلب"
HOSTILE = '<script>alert(1)</script><img src=x onerror="x()">'
ODD = 'militia"<b>&'  # a controller id that would break hand-written XML
PLACES = {"aleppo": ("Aleppo", 36.20211, 37.13426), "hama": ("Hama", 35.13179, 36.75783),
          "idlib": ("Idlib", 35.93062, 36.63393), "manbij": ("Manbij", 36.52815, 37.95495)}


def _event(eid: str, pid: str, sentence: str, kind: str, gaining: str | None, losing: str | None,
           day: dt.date, **kw: object) -> ControlEvent:
    name, lat, lon = PLACES[pid]
    f = dict(id=eid, article="f" * 16, published=day, place=name, place_id=pid, lat=lat, lon=lon,
             geo_precision=1, date=day, date_end=None, date_precision="day", time_text="on Friday",
             kind=kind, actor_gaining=gaining, actor_losing=losing, stance="reported",
             attributed_to=None, sentence=sentence, start=0, end=len(sentence), confidence=0.8,
             source="Example Wire")
    f.update(kw)
    return ControlEvent(**f)


def _st(pid: str, ctrl: str, status: str, since: dt.date | None, ev: tuple[str, ...] = ()) -> ControlState:
    name, lat, lon = PLACES[pid]
    return ControlState(pid, name, lat, lon, ctrl, status, since, ev)


def dated(data: MapData, day: dt.date) -> MapData:
    """The map data for one day, as build_map_data makes it: the day is one of its dates, with its areas."""
    def as_of(table: dict) -> dict:
        before = [d for d in sorted(table) if d <= day]
        return {**table, day: table[before[-1]]} if before else table

    return replace(data, date=day, dates=sorted({*data.dates, day}), areas=as_of(data.areas),
                   fronts=as_of(data.fronts))


def make_data() -> MapData:
    """Aleppo government on Nov 26, opposition from Nov 30; Manbij drops out on Dec 5."""
    events = {
        "ev-aleppo": _event("ev-aleppo", "aleppo", f"{ARABIC}. Rebels took Aleppo {HOSTILE}.",
                            "captured", "opposition", "government", NOV30,
                            attributed_to="=HYPERLINK(\"http://x\")", source="-Evil <b>Wire</b>"),
        "ev-hama": _event("ev-hama", "hama", "Government forces regained Hama.", "regained",
                          "government", "opposition", DEC5, date_precision="week"),
        "ev-idlib": _event("ev-idlib", "idlib", "Idlib is held by HTS.", "held", "opposition",
                           None, NOV26, lat=None, lon=None, date=None, date_precision=None),
        "ev-odd": _event("ev-odd", "manbij", "A militia withdrew from Manbij.", "withdrew", ODD,
                         "sdf", NOV30, date_precision="month"),
    }
    base = {"idlib": _st("idlib", "opposition", "held", None),
            "hama": _st("hama", "government", "held", None)}
    states = {
        NOV26: {**base, "aleppo": _st("aleppo", "government", "held", None),
                "manbij": _st("manbij", "sdf", "held", None)},
        NOV30: {**base, "aleppo": _st("aleppo", "opposition", "held", NOV30, ("ev-aleppo",)),
                "manbij": _st("manbij", ODD, "held", NOV30, ("ev-odd",))},
        DEC5: {"idlib": base["idlib"], "hama": _st("hama", "government", "held", DEC5, ("ev-hama",)),
               "aleppo": _st("aleppo", "opposition", "held", NOV30, ("ev-aleppo", "ev-x"))},
    }
    cw_box = box(36.3, 35.6, 37.4, 36.5, ccw=False)  # clockwise on purpose: the export must fix it
    ring = DistanceMention(30.0, 5.0, "about", "north", "aleppo", "حلب Aleppo", 36.20211, 37.13426,
                           "the front", "f" * 16, f"The front is 30 km north of Aleppo {HOSTILE}.", 0, 9)
    return MapData(
        factions=faction_styles(["syria"]),
        title="test", corpus="probe", dates=[NOV26, NOV30, DEC5],
        places=[{"id": k, "name": v[0], "lat": v[1], "lon": v[2], "kind": "city"} for k, v in PLACES.items()],
        states=states,
        regions={NOV30: {"SY02": ControlState("SY02", "Aleppo", 36.2, 37.1, "opposition", "held",
                                              NOV30, ("ev-aleppo",))}},
        events=events, event_dates={NOV30: ["ev-aleppo", "ev-odd"], DEC5: ["ev-hama"]},
        areas={NOV30: {"opposition": cw_box}, DEC5: {"opposition": cw_box, "government": box(36.5, 34.9, 37.0, 35.4)}},
        fronts={DEC5: [(LineString([(36.5, 35.5), (37.0, 35.45)]), "opposition", "government")]},
        rings=[(DistanceShape(ring, None, "sector", "drawn", "حلب Aleppo", "measured from حلب Aleppo"),
                Point(37.13426, 36.20211).buffer(0.3), NOV30)],
        governorates={"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"id": "SY02", "name": "حلب Aleppo"},
             "geometry": {"type": "Polygon", "coordinates": [[[36.5, 35.6], [36.5, 36.7], [38.5, 36.7],
                                                              [38.5, 35.6], [36.5, 35.6]]]}},
            {"type": "Feature", "properties": {"id": "SY05", "name": "Hama"},
             "geometry": {"type": "Polygon", "coordinates": [[[36.0, 34.8], [38.0, 34.8], [38.0, 35.6],
                                                              [36.0, 35.6], [36.0, 34.8]]]}}]},
    )


def rows(gdf, **match):  # noqa: ANN001, ANN201
    sel = gdf
    for k, v in match.items():
        sel = sel[sel[k] == v]
    return [{k: None if isinstance(v, float) and v != v else v for k, v in r.items()}
            for r in sel.to_dict("records")]  # pandas reads a missing string as NaN


# ------------------------------------------------------------------ layers and periods


def test_runs_end_the_day_before_the_next_change() -> None:
    dates = [NOV26, NOV30, DEC5]
    got = runs(["a", "a", "b"], dates)
    assert [(p.value, p.valid_from, p.valid_to) for p in got] == [("a", NOV26, D(2024, 12, 4)), ("b", DEC5, None)]
    assert [(p.value, p.valid_from, p.valid_to) for p in runs(["a", None, None], dates)] == [
        ("a", NOV26, D(2024, 11, 29)), (None, NOV30, None)]


def test_history_places_aleppo_changes_hands_on_nov_30() -> None:
    places = build_layers(make_data())["places"]
    gov = rows(places, place_id="aleppo", controller="government")
    opp = rows(places, place_id="aleppo", controller="opposition")
    assert len(gov) == 1 and gov[0]["valid_from"] == NOV26 and gov[0]["valid_to"] == D(2024, 11, 29)
    assert len(opp) == 1 and opp[0]["valid_from"] == NOV30 and opp[0]["valid_to"] is None
    # more evidence for the same state does not start a new row; the row keeps all of it
    assert opp[0]["evidence"] == "ev-aleppo;ev-x" and opp[0]["decided_by"] == "ev-aleppo"
    assert ARABIC in opp[0]["sentence"] and opp[0]["stance"] == "reported" and opp[0]["since"] == NOV30
    assert places.crs.to_epsg() == 4326


def test_history_place_that_drops_out_ends_and_new_state_since_splits() -> None:
    places = build_layers(make_data())["places"]
    manbij = sorted(rows(places, place_id="manbij"), key=lambda r: r["valid_from"])
    assert [(r["controller"], r["valid_from"], r["valid_to"]) for r in manbij] == [
        ("sdf", NOV26, D(2024, 11, 29)), (ODD, NOV30, D(2024, 12, 4))]
    hama = sorted(rows(places, place_id="hama"), key=lambda r: r["valid_from"])
    assert [(r["since"], r["valid_to"]) for r in hama] == [(None, D(2024, 12, 4)), (DEC5, None)]


@pytest.mark.parametrize(("day", "ctrl"), [(D(2024, 11, 29), "government"), (NOV30, "opposition"),
                                           (D(2025, 1, 1), "opposition")])
def test_date_mode_gives_the_state_on_that_day(day: dt.date, ctrl: str) -> None:
    layers = build_layers(dated(make_data(), day))
    aleppo = rows(layers["places"], place_id="aleppo")
    assert [r["controller"] for r in aleppo] == [ctrl]
    assert all(v is None for v in layers["places"]["valid_to"])


def test_date_mode_uses_only_what_was_known_then() -> None:
    layers = build_layers(dated(make_data(), D(2024, 12, 1)))
    aleppo = rows(layers["places"], place_id="aleppo")[0]
    assert aleppo["evidence"] == "ev-aleppo"  # ev-x only arrives on Dec 5
    assert set(layers["events"]["event_id"]) == {"ev-aleppo", "ev-odd", "ev-idlib"}
    assert list(layers["control_areas"]["controller"]) == ["opposition"]
    assert len(layers["front_lines"]) == 0 and len(layers["distance_rings"]) == 1
    before = build_layers(dated(make_data(), D(2024, 1, 1)))
    assert len(before["places"]) == 0 and len(before["distance_rings"]) == 0
    assert len(before["governorates"]) == 2 and before["governorates"]["controller"].isna().all()


def test_areas_fronts_rings_governorates() -> None:
    layers = build_layers(make_data())
    areas = layers["control_areas"]
    assert sorted((r["controller"], r["valid_from"], r["valid_to"]) for r in areas.to_dict("records")) == [
        ("government", DEC5, None), ("opposition", NOV30, None)]  # same geometry: one period
    assert areas["inferred"].all() and areas["method"].str.contains("inferred").all()
    fronts = layers["front_lines"].to_dict("records")
    assert [(f["side_a"], f["side_b"], f["valid_from"], f["inferred"]) for f in fronts] == [
        ("opposition", "government", DEC5, True)]
    ring = layers["distance_rings"].to_dict("records")[0]
    assert (ring["distance_km"], ring["tolerance_km"], ring["qualifier"], ring["anchor_name"]) == (
        30.0, 5.0, "about", "حلب Aleppo")
    assert ring["valid_from"] == NOV30 and HOSTILE in ring["sentence"]
    assert (ring["anchor_kind"], ring["geometry_kind"], ring["measured_from"]) == ("none", "sector", "حلب Aleppo")
    sy02 = sorted(rows(layers["governorates"], gov_id="SY02"), key=lambda r: r["valid_to"] or D.max)
    assert [(r["controller"], r["valid_from"], r["valid_to"]) for r in sy02] == [
        (None, None, D(2024, 11, 29)), ("opposition", NOV30, None)]
    assert [(r["controller"], r["valid_from"]) for r in rows(layers["governorates"], gov_id="SY05")] == [(None, None)]


def test_places_carry_their_age_and_a_baseline_row_decides_with_its_source_text() -> None:
    row = BaselineEntry("Idlib", "idlib", "Idlib", 35.93062, 36.63393, "opposition", D(2016, 7, 17),
                        "Idlib city was taken by Jaysh al-Fateh on 28 Mar 2015 (SOHR).", 1)
    data = make_data()
    old = replace(data.states[NOV26]["idlib"], evidence=(row.evidence_id,), last_evidence=D(2016, 7, 17),
                  stale=True)
    renewed = replace(old, last_evidence=NOV30, stale=False, note="renewed by a report")
    states = {NOV26: {**data.states[NOV26], "idlib": old}, NOV30: {**data.states[NOV30], "idlib": renewed},
              DEC5: {**data.states[DEC5], "idlib": renewed}}
    places = build_layers(replace(data, states=states, baseline={row.evidence_id: row}))["places"]
    idlib = sorted(rows(places, place_id="idlib"), key=lambda r: r["valid_from"])
    assert [(r["stale"], r["last_evidence"], r["valid_from"], r["note"]) for r in idlib] == [
        (True, D(2016, 7, 17), NOV26, None), (False, NOV30, NOV30, "renewed by a report")]  # a row per age
    assert (idlib[0]["decided_by"], idlib[0]["source"], idlib[0]["published"]) == (
        row.evidence_id, "baseline", D(2016, 7, 17))
    assert "Jaysh al-Fateh" in idlib[0]["sentence"]


def test_events_layer_keeps_events_without_coordinates() -> None:
    ev = build_layers(make_data())["events"]
    assert len(ev) == 4
    idlib = rows(ev, event_id="ev-idlib")[0]
    assert idlib["geometry"] is None and idlib["event_date"] is None and idlib["valid_from"] == NOV26


# ------------------------------------------------------------------ GeoJSON


def _ring_area(ring: list[list[float]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False)) / 2


def _polygons(geom: dict) -> list:
    if geom["type"] == "Polygon":
        return [geom["coordinates"]]
    return geom["coordinates"] if geom["type"] == "MultiPolygon" else []


def _positions(coords: object) -> list:
    if isinstance(coords, list) and coords and isinstance(coords[0], (int, float)):
        return [coords]
    return [p for c in coords for p in _positions(c)] if isinstance(coords, list) else []


def check_rfc7946(doc: dict) -> None:
    """A hand-written RFC 7946 check: no crs, lon/lat ranges, <= 6 decimals, ring orientation."""
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    for f in doc["features"]:
        geom = f["geometry"]
        if geom is None:
            continue
        for lon, lat in (p[:2] for p in _positions(geom["coordinates"])):
            assert -180 <= lon <= 180 and -90 <= lat <= 90
            assert len(repr(lon).split(".")[-1]) <= 6 and len(repr(lat).split(".")[-1]) <= 6
        for poly in _polygons(geom):
            assert _ring_area(poly[0]) > 0, "exterior ring must be counter-clockwise"
            assert all(_ring_area(hole) < 0 for hole in poly[1:]), "holes must be clockwise"


def test_geojson_one_rfc7946_file_per_layer(tmp_path: Path) -> None:
    out = tmp_path / "layers"
    written = export(make_data(), "geojson", out)
    assert [p.name for p in written] == [f"{name}.{ext}" for name in LAYERS for ext in ("geojson", "qml")]
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)  # no temp files left
    paths = [p for p in written if p.suffix == ".geojson"]
    for p in paths:
        check_rfc7946(json.loads(p.read_text(encoding="utf-8")))
        assert pyogrio.read_info(p)["crs"] == "EPSG:4326"
    gdf = pyogrio.read_dataframe(out / "places.geojson")
    aleppo = gdf[(gdf.place_id == "aleppo") & (gdf.controller == "opposition")].iloc[0]
    assert ARABIC in aleppo["sentence"] and HOSTILE in aleppo["sentence"]
    doc = json.loads((out / "places.geojson").read_text(encoding="utf-8"))
    gov = [f["properties"] for f in doc["features"] if f["properties"]["controller"] == "government"
           and f["properties"]["place_id"] == "aleppo"][0]
    assert (gov["valid_from"], gov["valid_to"]) == ("2024-11-26", "2024-11-29")
    # writing again replaces the files in place
    assert export(dated(make_data(), NOV30), "geojson", out) == written
    assert len(pyogrio.read_dataframe(out / "places.geojson")) == 4


def test_geojson_missing_dates_are_null_never_empty_strings(tmp_path: Path) -> None:
    for data in (make_data(), dated(make_data(), NOV30)):
        out = tmp_path / str(data.date)
        for p in export(data, "geojson", out):
            if p.suffix != ".geojson":
                continue
            dates = [k for k, kind in SCHEMA[p.stem].items() if kind == "date"]
            for f in json.loads(p.read_text(encoding="utf-8"))["features"]:
                for k in dates:
                    value = f["properties"][k]
                    assert value is None or D.fromisoformat(value), (p.name, k, value)
    history = json.loads((tmp_path / "None" / "governorates.geojson").read_text(encoding="utf-8"))
    assert any(f["properties"]["valid_from"] is None for f in history["features"])  # the case that broke QGIS


def test_geojson_layers_have_the_gpkg_style_beside_them(tmp_path: Path) -> None:
    out = tmp_path / "layers"
    export(make_data(), "geojson", out)
    gpkg = _styles(export(make_data(), "gpkg", tmp_path / "map.gpkg")[0])
    for name in LAYERS:
        qml = (out / f"{name}.qml").read_text(encoding="utf-8")
        assert qml == gpkg[name]["styleQML"], name
        root = ET.fromstring(qml.split("\n", 1)[1])
        assert root.find("temporal").get("enabled") == "1"
    places = ET.fromstring((out / "places.qml").read_text(encoding="utf-8").split("\n", 1)[1])
    assert [c.get("value") for c in places.iter("category")] == ["government", "opposition", "sdf", ODD]


# ------------------------------------------------------------------ GeoPackage


def test_gpkg_layers_date_fields_crs_counts(tmp_path: Path) -> None:
    path = tmp_path / "map.gpkg"
    assert export(make_data(), "gpkg", path) == [path]
    assert [p.name for p in tmp_path.iterdir()] == ["map.gpkg"]
    listed = {name: gtype for name, gtype in pyogrio.list_layers(path)}
    assert set(LAYERS) | {"layer_styles"} == set(listed)
    expected = build_layers(make_data())
    for name in LAYERS:
        info = pyogrio.read_info(path, layer=name)
        types = dict(zip(info["fields"], info["dtypes"], strict=True))
        assert types["valid_from"] == types["valid_to"] == "datetime64[D]", name  # OGR Date fields
        assert info["crs"] == "EPSG:4326" and info["features"] == len(expected[name])
    back = pyogrio.read_dataframe(path, layer="places")
    gov = back[(back.place_id == "aleppo") & (back.controller == "government")].iloc[0]
    assert str(gov["valid_to"].date()) == "2024-11-29"
    areas = pyogrio.read_dataframe(path, layer="control_areas")
    for geom in areas.geometry:
        for poly in geom.geoms:
            assert poly.exterior.is_ccw


def _styles(path: Path) -> dict[str, dict]:
    df = pyogrio.read_dataframe(path, layer="layer_styles")
    return {r["f_table_name"]: r for r in df.to_dict("records")}


def test_gpkg_default_styles_categorised_in_faction_colours(tmp_path: Path) -> None:
    path = export(make_data(), "gpkg", tmp_path / "map.gpkg")[0]
    styles = _styles(path)
    assert set(styles) == set(LAYERS)
    for row in styles.values():
        assert bool(row["useAsDefault"]) and row["f_geometry_column"] == "geom"
        root = ET.fromstring(row["styleQML"].split("\n", 1)[1])
        t = root.find("temporal")
        assert t is not None and t.get("enabled") == "1" and "valid_from" in t.get("startExpression")
        assert (t.get("startField"), t.get("endField")) == ("valid_from", "valid_to")
    places = ET.fromstring(styles["places"]["styleQML"].split("\n", 1)[1])
    rend = places.find("renderer-v2")
    assert rend.get("type") == "categorizedSymbol" and rend.get("attr") == "controller"
    cats = [c.get("value") for c in rend.iter("category")]
    assert cats == ["government", "opposition", "sdf", ODD]  # palette order, odd id escaped intact
    colours = {o.get("value") for o in rend.iter("Option") if o.get("name") == "color"}
    assert "213,94,0,255" in colours and packaged_theatres()["syria"].colours["government"] == "#D55E00"
    assert places.get("labelsEnabled") == "1" and places.find("labeling/settings/text-style").get("fieldName") == "name"
    fronts = ET.fromstring(styles["front_lines"]["styleQML"].split("\n", 1)[1])
    assert {o.get("value") for o in fronts.iter("Option") if o.get("name") == "line_style"} == {"dash"}
    rings = ET.fromstring(styles["distance_rings"]["styleQML"].split("\n", 1)[1])
    fill = [o.get("value") for o in rings.iter("Option") if o.get("name") == "color"][0]
    assert 0 < int(fill.split(",")[3]) < 128  # translucent


# ------------------------------------------------------------------ QGIS project (opened in QGIS: test_export_qgis.py)


def test_qgis_project_is_a_qgz_beside_its_gpkg_with_relative_sources(tmp_path: Path) -> None:
    data = replace(make_data(), title=f"Control {HOSTILE}")
    written = export(data, "qgis", tmp_path / "control.qgz")
    assert written == [tmp_path / "control.qgz", tmp_path / "control.gpkg"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["control.gpkg", "control.qgz"]
    assert set(LAYERS) | {"layer_styles"} == {name for name, _ in pyogrio.list_layers(written[1])}
    with zipfile.ZipFile(written[0]) as archive:
        assert archive.namelist() == ["control.qgs"]
        root = ET.fromstring(archive.read("control.qgs").decode("utf-8").split("\n", 1)[1])
    assert root.find("title").text == f"Control {HOSTILE}"
    sources = [ml.find("datasource").text for ml in root.iter("maplayer")]
    assert sorted(sources) == sorted(f"./control.gpkg|layername={name}" for name in LAYERS)
    assert all(ml.find("temporal").get("enabled") == "1" for ml in root.iter("maplayer"))


def test_qgis_project_needs_a_qgz_name(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not a .qgz file.*control.qgz"):
        export(make_data(), "qgis", tmp_path / "control.qgs")
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------ errors


def test_unknown_format_lists_the_valid_ones(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="geojson, gpkg, csv, qgis"):
        export(make_data(), "shp", tmp_path / "x")
    assert list(FORMATS) == ["geojson", "gpkg", "csv", "qgis"]


def test_wrong_kind_of_out_path(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is a folder"):
        export(make_data(), "gpkg", tmp_path)
    (tmp_path / "f.txt").write_text("x")
    with pytest.raises(UsageError, match="is a file"):
        export(make_data(), "geojson", tmp_path / "f.txt")


def test_unwritable_out_is_an_output_error(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("a file, not a folder")
    with pytest.raises(OutputError, match="choose a writable"):
        export(make_data(), "csv", tmp_path / "blocker" / "events.csv")
