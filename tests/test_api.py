"""The notebook API: geo.analyse(corpus=..., store=...) and the tables and maps of its Analysis.

The tables must say what the CLI says (same states, same events), as GeoDataFrames in
EPSG:4326 with datetime64 dates; the folium map must carry the map's data and load nothing
from the network.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
from pathlib import Path

import folium
import pandas as pd
import pytest
import shapely

import geo
from geo.cli import main
from geo.errors import UsageError
from geo.export.layers import LAYERS, SCHEMA
from geo.ingest.run import ingest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def seeds() -> geo.Analysis:
    return geo.analyse(SEEDS)


def _is_datetime(series: pd.Series) -> bool:
    return pd.api.types.is_datetime64_any_dtype(series)


def test_control_on_a_date_is_the_cli_answer_as_a_geodataframe(seeds: geo.Analysis,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    table = seeds.control("2024-12-08")
    assert table.crs.to_epsg() == 4326 and _is_datetime(table["since"])
    assert main(["control", "--date", "2024-12-08", "--corpus", str(SEEDS), "--format", "json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    assert sorted(zip(table["place_id"], table["controller"], table["status"], strict=True)) == sorted(
        (r["place_id"], r["controller"], r["status"]) for r in cli)
    aleppo = table[table["place_id"] == "geonames:170063"].iloc[0]
    assert aleppo["controller"] == "opposition"
    assert (aleppo.geometry.x, aleppo.geometry.y) == (aleppo["lon"], aleppo["lat"])
    assert all(isinstance(e, str) and e for e in table["evidence"])  # ";"-joined ids
    assert seeds.control(dt.date(2024, 12, 8)).equals(seeds.control(pd.Timestamp("2024-12-08")))


def test_events_and_distances_are_geodataframes_with_datetime64_dates(seeds: geo.Analysis) -> None:
    events = seeds.events
    assert len(events) == len(seeds.result.events) and events.crs.to_epsg() == 4326
    assert all(_is_datetime(events[c]) for c in ("date", "date_end", "published"))
    first = seeds.result.events[0]
    row = events.iloc[0]
    assert row["id"] == first.id and row["date"] == pd.Timestamp(first.date) and row["sentence"] == first.sentence
    assert row.geometry.equals(shapely.Point(first.lon, first.lat))
    distances = seeds.distances
    assert len(seeds.result.distances) == 4 and len(distances) == 2  # near-duplicate reports count once
    assert _is_datetime(distances["published"])
    ring = distances[distances.geometry.notna()].iloc[0]
    anchor = shapely.Point(ring["anchor_lon"], ring["anchor_lat"])
    assert ring.geometry.geom_type in ("Polygon", "MultiPolygon") and ring.geometry.distance(anchor) < 1
    assert (ring["anchor_kind"], ring["geometry_kind"], ring["status"]) == ("point", "ring", "drawn")
    vague = distances[distances.geometry.isna()].iloc[0]
    assert (vague["anchor_kind"], vague["status"], vague["note"]) == ("none", "unresolved",
                                                                     "anchor not a place: 'a location'")


def test_layers_are_the_export_layers_with_datetime64_dates(seeds: geo.Analysis) -> None:
    layers = seeds.layers("2024-12-08")
    assert list(layers) == list(LAYERS)
    for name, gdf in layers.items():
        assert gdf.crs.to_epsg() == 4326
        for column in (c for c, kind in SCHEMA[name].items() if kind == "date"):
            assert _is_datetime(gdf[column]), (name, column)
    places = layers["places"]
    on_day = seeds.control("2024-12-08")
    points = on_day[~on_day["place_id"].str.startswith("admin1:")]
    assert set(places["place_id"]) == set(points["place_id"])
    assert len(seeds.layers()["places"]) >= len(places)  # the history has a row per period


def test_map_is_a_folium_map_that_carries_its_data_offline(seeds: geo.Analysis) -> None:
    fmap = seeds.map("2024-12-08")
    assert isinstance(fmap, folium.Map)
    shown = html.unescape(fmap._repr_html_())  # what a notebook cell displays
    block = re.search(r'<script type="application/json" id="geo-data">(.*?)</script>', shown, re.S)
    assert block and "2024-12-08" in json.loads(block.group(1))["dates"]
    assert not re.search(r"<(script|link)[^>]+(src|href)=[\"']https?:", shown)


def test_a_store_gives_the_same_analysis_as_its_folder(tmp_path: Path, seeds: geo.Analysis) -> None:
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    store = tmp_path / "events.gpkg"
    ingest([corpus], store, workers=1, progress=False)
    stored = geo.analyse(store=str(store))
    assert sorted(stored.events["id"]) == sorted(seeds.events["id"])
    assert stored.control("2024-12-08")[["place_id", "controller"]].sort_values("place_id").values.tolist() == \
        seeds.control("2024-12-08")[["place_id", "controller"]].sort_values("place_id").values.tolist()


def test_bad_arguments_are_usage_errors_naming_the_input(seeds: geo.Analysis) -> None:
    with pytest.raises(UsageError, match="exclusive"):
        geo.analyse(corpus="seeds", store="events.gpkg")
    with pytest.raises(UsageError, match=r"'8/12/2024' is not a date; write it as YYYY-MM-DD"):
        seeds.control("8/12/2024")
    with pytest.raises(UsageError, match="days needs a date"):
        seeds.layers(days=30)
