"""The records' JSON-ready dicts: every field, in order, as :func:`dataclasses.asdict` would give them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from geo.model import CorpusResult
from geo.pipeline import analyse
from geo.timeline.fold import states_on

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seeds() -> CorpusResult:
    return analyse(SEEDS)


def deep(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [deep(v) for v in value]
    return value


def as_dict(record: Any) -> dict[str, Any]:
    return {k: deep(v) for k, v in dataclasses.asdict(record).items()}


def check(got: dict[str, Any], expected: dict[str, Any]) -> None:
    assert got == expected
    assert list(got) == list(expected)
    assert not any(dataclasses.is_dataclass(v) or isinstance(v, dict) for v in got.values())
    json.dumps(got)


def test_events_distances_and_states_are_asdict(seeds: CorpusResult) -> None:
    assert seeds.events and seeds.distances
    for record in [*seeds.events, *seeds.distances]:
        check(record.to_dict(), as_dict(record))
    by_date = states_on(seeds.events, [dt.date(2024, 12, 1), dt.date(2024, 12, 8)], baseline=seeds.baseline)
    states = [s for day in by_date.values() for s in day]
    assert states
    for state in states:
        check(state.to_dict(), as_dict(state))


def test_baseline_rows_and_articles_are_asdict(seeds: CorpusResult) -> None:
    assert seeds.baseline and seeds.articles
    for row in seeds.baseline:
        check(row.to_dict(), {"id": row.evidence_id, **as_dict(row)})
    for article in seeds.articles:
        check(article.to_dict(with_text=True), as_dict(article))
        without = as_dict(article)
        without.pop("text")
        check(article.to_dict(), without)
