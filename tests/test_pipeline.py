"""The corpus-to-map wiring: the slider window of a dated map and the rings it draws."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pytest

from geo.cli import main
from geo.layers import build as layers_build
from geo.layers.build import build_map_data, coarse_steps
from geo.model import CorpusResult
from geo.pipeline import analyse

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
D = dt.date


@pytest.fixture(scope="module")
def seeds() -> CorpusResult:
    return analyse(SEEDS)


def test_dated_map_slider_ends_at_the_date_within_the_window(seeds: CorpusResult) -> None:
    data = build_map_data(seeds, date=D(2024, 12, 8), days=90)
    assert data.dates[-1] == D(2024, 12, 8)
    assert all(D(2024, 9, 9) <= d <= D(2024, 12, 8) for d in data.dates)
    # the state still folds the earlier evidence: Aleppo is known on the first slider date
    assert "geonames:170063" in data.states[data.dates[0]]


def test_dated_map_draws_the_rings_of_its_window_only(seeds: CorpusResult) -> None:
    assert {s.mention.anchor for s, _, _ in build_map_data(seeds, date=D(2024, 12, 8), days=90).rings} == {
        "local:aleppo-citadel"}
    assert build_map_data(seeds, date=D(2024, 11, 28), days=90).rings == []  # quoted the day after
    assert build_map_data(seeds, date=D(2025, 6, 1), days=30).rings == []  # quoted long before


def test_undated_map_draws_every_report_s_ring_once(seeds: CorpusResult) -> None:
    old = replace(seeds, distances=[replace(m, published=D(2016, 8, 1)) for m in seeds.distances])
    rings = build_map_data(old).rings
    # seeds 001 and 002 are two versions of one report: its 7 km ring from the citadel is drawn once
    assert [(s.mention.anchor, s.mention.distance_km) for s, _, _ in rings] == [("local:aleppo-citadel", 7.0)]
    assert sum(m.anchor == "local:aleppo-citadel" for m in old.distances) == 2
    apart = replace(old, articles=[replace(a, duplicate_of=None) for a in old.articles])
    assert len(build_map_data(apart).rings) == 2  # two independent reports would count twice


# ------------------------------------------------------------------ a long history in coarser steps


def _days(first: dt.date, n: int, every: int = 1) -> list[dt.date]:
    return [first + dt.timedelta(days=k * every) for k in range(n)]


def test_a_short_history_steps_through_every_change_date() -> None:
    days = _days(D(2024, 1, 1), 30)
    assert coarse_steps(days, limit=30) == (days, None)
    assert coarse_steps([], limit=5) == ([], None)


def test_a_long_history_steps_by_the_finest_period_that_fits() -> None:
    days = _days(D(2023, 1, 2), 700)  # about 100 weeks, 23 months, 8 quarters, 2 years
    weeks, step = coarse_steps(days, limit=120)
    assert step == "week" and len(weeks) == 100
    assert all(d.isoweekday() == 7 for d in weeks)  # the last day of each (whole) week
    months, step = coarse_steps(days, limit=30)
    assert step == "month" and months[0] == D(2023, 1, 31) and months[-1] == days[-1]
    assert coarse_steps(days, limit=8)[1] == "quarter"
    assert coarse_steps(days, limit=1) == ([D(2023, 12, 31), days[-1]], "year")  # never fewer than the years
    for limit in (1, 8, 30, 120):  # the last change date is always a step, every step is a change date
        steps, _ = coarse_steps(days, limit=limit)
        assert steps[-1] == days[-1] and set(steps) <= set(days)


def test_an_undated_map_of_a_long_history_shows_each_step_with_its_events(
        seeds: CorpusResult, monkeypatch: pytest.MonkeyPatch) -> None:
    full = build_map_data(seeds)
    assert full.step is None and full.dates == sorted(full.dates) and full.changes == len(full.dates)
    monkeypatch.setattr(layers_build, "MAX_SLIDER_DATES", 2)
    coarse = build_map_data(seeds)
    assert coarse.step in ("week", "month", "quarter", "year") and coarse.changes == len(full.dates)
    assert set(coarse.dates) <= set(full.dates) and coarse.dates[-1] == full.dates[-1]
    for day in coarse.dates:  # each step is the state on that day
        assert coarse.states[day] == full.states[day]
    # every counted event dated up to the last step is highlighted on the first step not before it
    shown = [i for ids in coarse.event_dates.values() for i in ids]
    assert len(shown) == len(set(shown))
    for day, ids in coarse.event_dates.items():
        earlier = [d for d in coarse.dates if d < day]
        for e in (coarse.events[i] for i in ids):
            when = e.date_end or e.date
            assert when <= day and (not earlier or when > earlier[-1])


def test_cli_says_when_the_map_steps_by_a_period(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setattr(layers_build, "MAX_SLIDER_DATES", 2)
    assert main(["render", "--corpus", str(SEEDS), "--out", str(tmp_path / "m.html")]) == 0
    notices = [line for line in capsys.readouterr().err.splitlines() if line.startswith("notice:")]
    assert len(notices) == 1 and "--date YYYY-MM-DD --days N" in notices[0]
    assert re.search(r'"step":\s*"(week|month|quarter|year)"', (tmp_path / "m.html").read_text(encoding="utf-8"))
