"""The corpus-to-map wiring: the slider window of a dated map and the rings it draws."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from geo.pipeline import CorpusResult, analyse, build_map_data

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
    assert {m.anchor for m, _, _ in build_map_data(seeds, date=D(2024, 12, 8), days=90).rings} == {
        "local:aleppo-citadel"}
    assert build_map_data(seeds, date=D(2024, 11, 28), days=90).rings == []  # quoted the day after
    assert build_map_data(seeds, date=D(2025, 6, 1), days=30).rings == []  # quoted long before


def test_undated_map_draws_every_ring(seeds: CorpusResult) -> None:
    old = replace(seeds, distances=[replace(m, published=D(2016, 8, 1)) for m in seeds.distances])
    assert len(build_map_data(old).rings) == sum(m.anchor_lat is not None for m in old.distances)
