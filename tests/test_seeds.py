"""End-to-end: the seed articles must give the known control map on three dates (CLI ``geo control``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def control(date: str) -> dict[str, dict]:
    out = subprocess.run([sys.executable, "-m", "geo", "control", "--date", date, "--corpus", str(ROOT / "seeds"),
                          "--format", "json"], capture_output=True, text=True, check=True, cwd=ROOT)
    return {row["place_id"]: row for row in json.loads(out.stdout)}


ALEPPO, HAMA, HOMS, IDLIB, DAMASCUS = ("geonames:170063", "geonames:170017", "geonames:169577",
                                       "geonames:169389", "geonames:170654")


def test_fall_of_the_government_2024_12_08() -> None:
    state = control("2024-12-08")
    for place in (ALEPPO, HAMA, HOMS, IDLIB):
        assert state[place]["controller"] == "opposition", place
    assert state[DAMASCUS]["status"] == "contested" or state[DAMASCUS]["controller"] == "opposition"
    assert state["admin1:SY-DR"]["controller"] == "opposition"


def test_aleppo_government_before_the_offensive() -> None:
    assert control("2024-11-26")[ALEPPO]["controller"] == "government"


def test_hama_and_homs_not_opposition_held_before_5_december() -> None:
    # Seed 000 (8 December): "took control of ... Aleppo in late November before swinging south through
    # Hama and Homs": after late November and by publication, not in late November.
    state = control("2024-12-04")
    for place in (HAMA, HOMS):
        assert place not in state or state[place]["controller"] != "opposition", place
    assert state[ALEPPO]["controller"] == "opposition"


def events_by_id() -> dict[str, dict]:
    out = subprocess.run([sys.executable, "-m", "geo", "events", "--corpus", str(ROOT / "seeds"), "--format", "json"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return {e["id"]: e for e in json.loads(out.stdout)}


def test_aleppo_siege_broken_2016_08_07() -> None:
    state = control("2016-08-07")
    # A divided city: after the siege of its rebel-held east was broken it is no longer besieged; the
    # evidence carries the siege-broken event of 6 August 2016.
    assert state[ALEPPO]["status"] != "besieged"
    kinds = {events_by_id()[i]["kind"] for i in state[ALEPPO]["evidence"] if not i.startswith("baseline:")}
    assert "siege_broken" in kinds
    # The academy's fall is told undated ("parts of the base had indeed been taken") in a report of
    # 8 August: the publication day or the day before, so it holds from the report's day.
    academy = control("2016-08-08")["local:ramouseh-artillery-academy"]
    assert academy["controller"] == "opposition"
    assert "local:ramouseh-artillery-academy" not in state or state["local:ramouseh-artillery-academy"][
        "controller"] != "opposition"


def test_a_2016_capture_is_stale_in_2024_and_named_not_phrased() -> None:
    state = control("2024-11-26")
    academy = state["local:ramouseh-artillery-academy"]
    assert (academy["name"], academy["stale"]) == ("Ramouseh Artillery Academy", True)
    assert academy["last_evidence"].startswith("2016-08")  # the reports of its capture, eight years before
    assert state[ALEPPO]["stale"] is False and state[ALEPPO]["last_evidence"] == "2024-11-26"
    names = {row["place_id"]: row["name"] for row in state.values()}
    assert names[HAMA] == "Hama" and names["geonames:170905"] == "Daraa"  # not Ḩamāh, Dar‘ā


def test_daraa_city_is_not_a_confident_government_dot_on_8_december() -> None:
    daraa = control("2024-12-08")["geonames:170905"]
    assert (daraa["controller"], daraa["status"]) == ("government", "contested")
    kinds = [(d["type"], d["kind"]) for d in daraa["evidence_detail"]]
    assert kinds == [("baseline", "baseline"), ("event", "captured")]  # its own row, then the region report
    assert "Daraa al-Balad" in daraa["evidence_detail"][0]["text"]
    assert "Deraa region" in daraa["evidence_detail"][1]["text"] and "opposition" in daraa["note"]


def test_baseline_rows_are_evidence_with_their_source_text() -> None:
    state = control("2024-11-26")
    damascus = state[DAMASCUS]["evidence_detail"]
    assert [d["type"] for d in damascus] == ["baseline"] and "seat of the Assad government" in damascus[0]["text"]
    ids = [i for row in state.values() for i in row["evidence"] if i.startswith("baseline:")]
    idlib = [i for i in state[IDLIB]["evidence"] if i.startswith("baseline:Idlib@")]
    assert len(idlib) == 2 and len(set(idlib)) == 2  # two rows for one place, two ids
    assert all(d["type"] != "missing" for row in state.values() for d in row["evidence_detail"]) and ids


def test_near_duplicate_reports_list_their_distance_once() -> None:
    out = subprocess.run([sys.executable, "-m", "geo", "distances", "--corpus", str(ROOT / "seeds"), "--format",
                          "json"], capture_output=True, text=True, check=True, cwd=ROOT)
    rows = json.loads(out.stdout)
    assert [(r["distance_km"], r["anchor"]) for r in rows if r["anchor"]] == [(7.0, "local:aleppo-citadel")]
