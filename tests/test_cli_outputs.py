"""What the geo command prints: --version, completion, choices, $GEO_CORPUS/$GEO_STORE, the tables and empty results."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_hostile_files import GOOD

import geo
from geo.cli import QUOTE_CHARS, main

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GEO_CORPUS", raising=False)
    monkeypatch.delenv("GEO_STORE", raising=False)


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> list[dict]:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"geo {geo.__version__}"


def test_shell_completion_script() -> None:
    # a process of its own, as a shell runs it (run in process late in a full test run, the script was
    # sometimes missing from the captured output)
    done = subprocess.run([sys.executable, "-m", "geo", "--show-completion", "bash"], capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "complete" in done.stdout and "_GEO_COMPLETE" in done.stdout


@pytest.mark.parametrize(("argv", "choices"), [
    (["events", "--format", "xml"], "'table', 'json', 'csv'"),
    (["export", "--format", "shp"], "'geojson', 'gpkg', 'csv', 'qgis'"),
    (["ingest", "x", "--store", "s.gpkg", "--engine", "spark"], "'local', 'dask'"),
    (["gazetteer", "lookup", "Hama", "--format", "csv"], "'table', 'json'"),
])
def test_a_bad_choice_lists_the_choices(capsys: pytest.CaptureFixture[str], argv: list[str], choices: str) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error:") and choices in err[0]


def test_environment_names_the_corpus_and_the_store(tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    explicit = _json(capsys, ["events", "--corpus", str(corpus), "--format", "json"])
    assert {e["place"] for e in explicit} == {"Aleppo", "Hama"}
    monkeypatch.setenv("GEO_CORPUS", str(corpus))
    assert _json(capsys, ["events", "--format", "json"]) == explicit
    store = tmp_path / "events.gpkg"
    monkeypatch.setenv("GEO_STORE", str(store))
    monkeypatch.delenv("GEO_CORPUS")
    assert main(["ingest", str(corpus), "--workers", "1"]) == 0 and store.is_file()
    capsys.readouterr()
    assert sorted(e["id"] for e in _json(capsys, ["events", "--format", "json"])) == sorted(e["id"] for e in explicit)
    monkeypatch.setenv("GEO_CORPUS", str(corpus))
    assert main(["events"]) == 2  # both set: which one?
    assert "GEO_CORPUS and GEO_STORE" in capsys.readouterr().err
    assert len(_json(capsys, ["events", "--corpus", str(SEEDS), "--format", "json"])) > len(explicit)  # option wins
    monkeypatch.delenv("GEO_STORE")
    monkeypatch.setenv("GEO_CORPUS", str(tmp_path / "missing"))
    assert main(["events"]) == 1
    assert "$GEO_CORPUS" in capsys.readouterr().err


def test_events_table_has_id_place_date_kind_sides_stance_and_a_short_sentence(
        capsys: pytest.CaptureFixture[str]) -> None:
    events = _json(capsys, ["events", "--corpus", str(SEEDS), "--format", "json"])
    assert main(["events", "--corpus", str(SEEDS)]) == 0
    table = capsys.readouterr().out
    header = next(line for line in table.splitlines() if "sentence" in line)
    assert [c.strip() for c in header.strip("┃ ").split("┃")] == ["id", "place", "date", "kind", "sides", "stance",
                                                                "sentence"]
    assert all(e["id"] in table for e in events)
    long = next(e for e in events if len(e["sentence"]) > QUOTE_CHARS)
    row = next(line for line in table.splitlines() if long["id"] in line)
    assert long["sentence"] not in row and "…" in row and long["sentence"][:30] in row
    claimed = next(e for e in events if e["stance"] == "claimed" and e["attributed_to"])
    row = next(line for line in table.splitlines() if claimed["id"] in line)
    assert f"claimed by {claimed['attributed_to']}" in row


def test_control_evidence_is_date_and_quote_in_tables_and_joined_in_csv(corpus: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["control", "--date", "2024-12-08", "--corpus", str(corpus)]) == 0
    table = capsys.readouterr().out
    aleppo = next(line for line in table.splitlines() if "Aleppo" in line)
    assert "2024-11-29" in aleppo and "Rebels captured Aleppo on Friday" in aleppo  # the Friday before Nov 30
    states = _json(capsys, ["control", "--date", "2024-12-08", "--corpus", str(corpus), "--format", "json"])
    assert all(isinstance(s["evidence"], list) for s in states)  # JSON keeps the ids
    assert main(["control", "--date", "2024-12-08", "--corpus", str(SEEDS), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    several = [r for r in rows if ";" in r["evidence"]]
    assert several and not any(r["evidence"].startswith(("[", "('")) for r in rows)  # no Python list repr


def test_timeline_table_quotes_its_evidence(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "Aleppo", "--corpus", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert "opposition forces pushed through" in out and "since" in out  # the evidence is quoted, not an id


def test_an_empty_history_says_so(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "Raqqa", "--corpus", str(corpus)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""  # no empty table
    assert "no control history for 'Raqqa'" in captured.err and "geonames:" in captured.err
    assert _json(capsys, ["timeline", "Raqqa", "--corpus", str(corpus), "--format", "json"]) == []
    assert main(["control", "--date", "2020-01-01", "--corpus", str(corpus)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "no place has a known state on 2020-01-01" in captured.err


def test_a_wrong_export_target_is_a_usage_error_before_any_reading(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "no-such-corpus")  # would be a failure (1) if it were read first
    assert main(["export", "--format", "qgis", "--out", str(tmp_path / "map.qgs"), "--corpus", missing]) == 2
    assert "--out " + str(tmp_path / "map.qgz") in capsys.readouterr().err
    assert main(["export", "--format", "qgis", "--out", str(tmp_path), "--corpus", missing]) == 2
    assert list(tmp_path.iterdir()) == []


def test_qgis_export_from_the_command(tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "qgis", "--corpus", str(corpus), "--out", str(tmp_path / "c.qgz")]) == 0
    assert capsys.readouterr().out.split() == [str(tmp_path / "c.qgz"), str(tmp_path / "c.gpkg")]


def test_distances_show_what_each_is_measured_from(capsys: pytest.CaptureFixture[str]) -> None:
    dec2024 = Path(__file__).resolve().parent / "corpora" / "dec2024"
    rows = {r["text"]: r for r in _json(capsys, ["distances", "--corpus", str(dec2024), "--format", "json"])}
    israel = rows["about 17 km from Israel"]
    assert (israel["anchor_kind"], israel["geometry_kind"], israel["status"]) == ("border", "band", "drawn")
    assert israel["measured_from"] == "the Syria–Israel border near Jasim"
    manbij = rows["10 km from the Turkish border"]
    assert (manbij["geometry_kind"], manbij["status"]) == ("check", "inconsistent")
    assert rows["about 2 km from a position held"]["note"] == "anchor not a place: 'a position held'"
    assert main(["distances", "--corpus", str(dec2024)]) in (0, None)
    table = capsys.readouterr().out
    assert "anchor_kind" in table and "geometry_kind" in table and "border" in table
