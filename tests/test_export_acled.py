"""The events CSV is ACLED-compatible: ACLED's 31 columns and words first, one row per event ACLED would code.

Read back with pandas and concatenated with a small ACLED export written here, it adds only
coded events: no near-duplicate report, no standing-control statement, no denial.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from test_export import ARABIC, HOSTILE, NOV26, NOV30, ODD, _event, dated, make_data

from geo.export import export
from geo.export.acled import (
    ACLED_COLUMNS,
    INTER_TYPES,
    acled_actor,
    acled_type,
    country,
    interaction,
)
from geo.export.admin1 import Admin1Locator
from geo.export.events_csv import COLUMNS, UNCODED_COLUMNS, event_tables, uncoded_path
from geo.layers.build import governorates
from geo.layers.data import MapData

D = dt.date
#: ACLED's column order, written out here from the codebook rather than imported.
CODEBOOK = ("event_id_cnty event_date year time_precision disorder_type event_type sub_event_type actor1 "
            "assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso region country "
            "admin1 admin2 admin3 location latitude longitude geo_precision source source_scale notes fatalities "
            "tags timestamp").split()
ACLED_SUB_EVENTS = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
#: Two rows in the shape of an ACLED export (values as ACLED writes them).
ACLED_EXPORT = (
    ",".join(CODEBOOK) + "\n"
    "SYR130001,2024-11-30,2024,1,Political violence,Battles,Non-state actor overtakes territory,"
    "HTS: Hayat Tahrir al-Sham,,Rebel group,Military Forces of Syria (2000-2024),,State forces,"
    "State forces-Rebel group,,760,Middle East,Syria,Aleppo,Jebel Saman,Aleppo,Aleppo,36.2021,37.1343,1,"
    "SOHR,Other,Rebels took control of Aleppo city.,12,,1733184000\n"
    "SYR130002,2024-12-01,2024,1,Political violence,Battles,Armed clash,Military Forces of Syria (2000-2024),,"
    "State forces,HTS: Hayat Tahrir al-Sham,,Rebel group,State forces-Rebel group,,760,Middle East,Syria,Hama,"
    "Hama,Hama,Hama,35.1318,36.7578,1,Reuters,International,Clashes near Hama.,4,,1733270400\n"
)


def csv_data() -> MapData:
    """make_data's events plus: a near-duplicate report, a second article on the same capture, a denial."""
    base = make_data()
    aleppo = base.events["ev-aleppo"]
    extra = {
        "ev-aleppo-copy": replace(aleppo, id="ev-aleppo-copy", article="c" * 16, duplicate_of="ev-aleppo"),
        "ev-aleppo-wire": replace(aleppo, id="ev-aleppo-wire", article="d" * 16, source="Other Wire",
                                  stance="claimed", attributed_to="rebel commanders",
                                  sentence="Rebels say they hold Aleppo."),
        "ev-hama-denied": _event("ev-hama-denied", "hama", "State media denied that rebels took Hama.", "captured",
                                 "opposition", "government", NOV30, stance="denied", attributed_to="state media"),
        "ev-hama-clash": _event("ev-hama-clash", "hama", "Fighters entered Hama.", "entered", "opposition", None,
                                D(2024, 12, 1)),
    }
    return replace(base, events={**base.events, **extra})


def _syria(_place_id: str) -> str:
    return "SY"


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, encoding="utf-8-sig", keep_default_na=True)


def test_acled_columns_are_the_codebook_order() -> None:
    assert list(ACLED_COLUMNS) == CODEBOOK and len(CODEBOOK) == 31
    assert COLUMNS[:31] == ACLED_COLUMNS
    assert {"stance", "claimed_by", "place_id", "articles", "confidence"} <= set(COLUMNS[31:])


def test_written_csv_concatenates_with_an_acled_export(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    written = export(csv_data(), "csv", path)
    assert written == [path, tmp_path / "events-uncoded.csv"]
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    ours = _read(path)
    theirs = pd.read_csv(io.StringIO(ACLED_EXPORT))
    both = pd.concat([theirs, ours], ignore_index=True)
    assert list(both.columns[:31]) == CODEBOOK
    assert both["event_id_cnty"].is_unique and len(both) == 2 + len(ours)
    for column in ("year", "time_precision", "geo_precision"):  # the same numbers, still integers
        assert pd.api.types.is_integer_dtype(both[column]), column
    assert pd.api.types.is_float_dtype(both["latitude"]) and pd.api.types.is_float_dtype(both["longitude"])
    assert both["event_date"].map(dt.date.fromisoformat).notna().all()
    for event_type, sub in zip(both["event_type"], both["sub_event_type"], strict=True):
        assert sub in ACLED_SUB_EVENTS[event_type]
    assert set(both["inter1"]) <= set(INTER_TYPES) and set(both["inter2"].dropna()) <= set(INTER_TYPES)
    assert set(both["disorder_type"]) <= {"Political violence", "Strategic developments"}


def test_one_row_per_event_acled_would_code(tmp_path: Path) -> None:
    ours = _read(export(csv_data(), "csv", tmp_path / "events.csv")[0])
    assert "ev-idlib" not in set(ours["event_id"])  # held: a statement
    assert "ev-hama-denied" not in set(ours["event_id"])  # a denial is not an event
    assert not ours["reports"].str.contains("ev-hama-denied").any()
    aleppo = ours[ours["location"] == "Aleppo"]
    assert len(aleppo) == 1  # the copy and the second article are the same capture
    row = aleppo.iloc[0]
    assert row["event_id"] == "ev-aleppo" and row["stance"] == "reported"  # the strongest report
    assert set(row["reports"].split(";")) == {"ev-aleppo", "ev-aleppo-copy", "ev-aleppo-wire"}
    assert row["source"] == "'-Evil <b>Wire</b>; Other Wire" and row["claimed_by"] == "rebel commanders"
    assert ARABIC in row["notes"] and HOSTILE in row["notes"]
    assert len(set(row["articles"].split(";"))) == 3
    uncoded = _read(uncoded_path(tmp_path / "events.csv"))
    assert list(uncoded.columns) == list(UNCODED_COLUMNS)
    reasons = dict(zip(uncoded["event_id"], uncoded["reason"], strict=True))
    assert set(reasons) == {"ev-idlib", "ev-hama-denied"}
    assert "standing control" in reasons["ev-idlib"] and "denial" in reasons["ev-hama-denied"]


def test_acled_fields_of_a_capture_a_regain_and_a_clash() -> None:
    rows = {r["event_id"]: r for r in event_tables(csv_data(), _syria).events}
    aleppo = rows["ev-aleppo"]
    assert (aleppo["event_date"], aleppo["year"], aleppo["time_precision"]) == ("2024-11-30", 2024, 1)
    assert (aleppo["disorder_type"], aleppo["event_type"], aleppo["sub_event_type"]) == (
        "Political violence", "Battles", "Non-state actor overtakes territory")
    assert (aleppo["actor1"], aleppo["inter1"]) == ("Opposition (HTS and allied rebels)", "Rebel group")
    assert (aleppo["actor2"], aleppo["inter2"]) == ("Government and allies", "State forces")
    assert aleppo["interaction"] == "State forces-Rebel group" and aleppo["actor2_from"] == "text"
    assert (aleppo["country"], aleppo["iso"], aleppo["region"]) == ("Syria", 760, "Middle East")
    assert aleppo["event_id_cnty"].startswith("SYRG") and (aleppo["latitude"], aleppo["longitude"]) == (
        36.20211, 37.13426)
    assert aleppo["timestamp"] == int(dt.datetime(2024, 11, 30, tzinfo=dt.UTC).timestamp())
    hama = rows["ev-hama"]
    assert (hama["sub_event_type"], hama["time_precision"]) == ("Government regains territory", 2)
    clash = rows["ev-hama-clash"]
    assert (clash["sub_event_type"], clash["actor2"], clash["actor2_from"]) == (
        "Armed clash", "Government and allies", "timeline")  # Hama was the government's before Dec 1
    odd = rows["ev-odd"]
    assert (odd["event_type"], odd["sub_event_type"], odd["disorder_type"]) == (
        "Strategic developments", "Non-violent transfer of territory", "Strategic developments")
    assert odd["actor1"] == ODD and odd["time_precision"] == 3
    assert sorted(r["event_id_cnty"] for r in rows.values()) == [f"SYRG{k}" for k in range(1, 5)]


def test_admin1_by_point_in_the_shipped_polygons() -> None:
    data = replace(csv_data(), governorates=governorates(("SY",)))
    rows = {r["event_id"]: r for r in event_tables(data).events}  # no gazetteer: the polygons give the country
    assert rows["ev-aleppo"]["admin1"] == "Aleppo" and rows["ev-hama"]["admin1"] in ("Hama", "Hamah")  # NE's name
    assert rows["ev-odd"]["admin1"] == "Aleppo" and rows["ev-aleppo"]["country"] == "Syria"  # Manbij
    locator = Admin1Locator(governorates(("SY",)))
    assert locator.locate(36.29128, 33.5102).name == "Damascus"
    assert locator.locate(30.0, 31.0) is None  # Egypt: outside Syria's governorates


def test_a_place_outside_the_polygons_takes_the_gazetteer_country() -> None:
    kyiv = _event("ev-kyiv", "aleppo", "Troops entered Kyiv.", "entered", "unknown", None, NOV26,
                  place="Kyiv", place_id="geonames:703448", lat=50.45466, lon=30.5238)
    data = replace(make_data(), events={"ev-kyiv": kyiv}, governorates=governorates(("SY",)))
    row = event_tables(data, lambda pid: "UA" if pid == "geonames:703448" else None).events[0]
    assert (row["country"], row["iso"], row["region"], row["admin1"]) == ("Ukraine", 804, "Europe", None)
    assert row["event_id_cnty"] == "UKRG1"
    assert (row["actor1"], row["inter1"]) == ("Unidentified Armed Group (Ukraine)", "Political militia")
    assert row["interaction"] == "Political militia only"


def test_an_undated_event_is_listed_as_uncoded_with_its_reason() -> None:
    undated = _event("ev-undated", "hama", "Rebels took Hama.", "captured", "opposition", None, NOV26,
                     date=None, published=None, date_precision=None)
    tables = event_tables(replace(make_data(), events={"ev-undated": undated}), _syria)
    assert tables.events == [] and [(r["event_id"], r["reason"]) for r in tables.uncoded] == [
        ("ev-undated", "no date, and no publication date")]


def test_date_keeps_the_events_up_to_it(tmp_path: Path) -> None:
    only = event_tables(dated(csv_data(), NOV26), _syria)
    assert only.events == [] and [r["event_id"] for r in only.uncoded] == ["ev-idlib"]


@pytest.mark.parametrize(("kind", "gaining", "expected"), [
    ("captured", "opposition", ("Battles", "Non-state actor overtakes territory")),
    ("captured", "government", ("Battles", "Government regains territory")),
    ("regained", "sdf", ("Battles", "Non-state actor overtakes territory")),
    ("entered", "opposition", ("Battles", "Armed clash")),
    ("besieged", "government", ("Battles", "Armed clash")),
    ("withdrew", "government", ("Strategic developments", "Non-violent transfer of territory")),
    ("held", "sdf", None),
])
def test_acled_type_mapping(kind: str, gaining: str, expected: tuple[str, str] | None) -> None:
    assert acled_type(kind, gaining) == expected


def test_actors_interaction_and_countries() -> None:
    assert acled_actor("government", theatre="syria") == ("Government and allies", "State forces")
    assert acled_actor("islamic_state", theatre="syria").inter == "Rebel group"
    assert acled_actor("saf", theatre="sudan").inter == "State forces"  # the theatre's government is the state
    assert acled_actor("rsf", theatre="sudan").inter == "Rebel group"
    assert acled_actor("russia", theatre="ukraine").inter == "State forces"  # a foreign state's army
    assert acled_actor(None, "Sudan") == ("Unidentified Armed Group (Sudan)", "Political militia")
    assert interaction("Rebel group", "State forces") == interaction("State forces", "Rebel group")
    assert interaction("Political militia", "Rebel group") == "Rebel group-Political militia"
    assert (country("sy").iso, country("UA").region, country("SD").region) == (760, "Europe", "Northern Africa")
    assert country("XZ") is None and country(None) is None
