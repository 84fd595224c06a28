"""A correction notice: a report it retracts is denied, not told.

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.probe import reader

read = reader(dt.date(2024, 3, 10))


@pytest.mark.parametrize(("text", "place", "gaining"), [
    ("An article published on Wednesday wrongly said that insurgents had captured the town of Mueda.", "Mueda",
     "insurgents"),
    ("An earlier version of this story incorrectly reported that Russian forces had captured Robotyne.",
     "Robotyne", "russia"),
    ("A previous report mistakenly stated that the RSF had seized Babanusa.", "Babanusa", "rsf"),
    ("Our report on Monday erroneously said the Arakan Army had taken Sittwe.", "Sittwe", "aa"),
])
def test_a_retracted_report_is_denied(gz, text: str, place: str, gaining: str) -> None:
    events = [e for e in read(gz, text) if e.place == place and e.kind == "captured"]
    assert [(e.actor_gaining, e.stance) for e in events] == [(gaining, "denied")], read(gz, text)


@pytest.mark.parametrize(("text", "place", "kind", "stance"), [
    # the report the correction gives instead stands
    ("An earlier version wrongly said Mueda had fallen. Mueda remains under government control.", "Mueda", "held",
     "reported"),
    # a report that is only cited keeps its stance
    ("Russian forces captured Robotyne, an earlier report said.", "Robotyne", "captured", "reported"),
])
def test_what_a_correction_leaves_standing(gz, text: str, place: str, kind: str, stance: str) -> None:
    events = [e for e in read(gz, text) if e.place == place and e.kind == kind]
    assert [e.stance for e in events] == [stance], read(gz, text)
