"""Scoring extracted events against the gold of a generated wire corpus.

A prediction matches a gold event of the same article when

* the place ids are equal;
* the kinds are compatible: ``captured`` ~ ``regained`` (one change of hands, seen from
  either side), ``entered`` ~ ``contested`` (fighters inside, not held); every other kind
  only matches itself;
* the sides agree: the gaining faction when the text names it, else the losing faction
  when the text names it (``withdrew``, "the army lost control of X"), else no check;
  None and ``unknown`` are the same (no canonical faction: every side in other wars);
* the dates agree: both ends of the predicted range within one day of the gold range;
  a sentence that states no date matches any prediction dated inside the seven days up to
  publication.

Recall counts gold events matched by at least one prediction; precision counts
predictions that match at least one gold event (a repeat of a found event is not a false
positive). Stance is recorded in the gold and reported, not matched.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = [
    "score", "KIND_GROUPS",
]


#: Kinds that describe the same fact at the same strength (see the module docstring).
KIND_GROUPS: dict[str, str] = {"captured": "captured", "regained": "captured", "entered": "entered",
                               "contested": "entered", "besieged": "besieged", "siege_broken": "siege_broken",
                               "withdrew": "withdrew", "held": "held"}


_DAY = dt.timedelta(days=1)


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _field(event: Any, name: str) -> Any:
    return event.get(name) if isinstance(event, dict) else getattr(event, name, None)


def _same_side(gold: str | None, predicted: str | None) -> bool:
    return (gold or "unknown") == (predicted or "unknown")


def _level(gold: dict[str, Any], pred: Any, published: dt.date) -> int:
    """How far a prediction agrees with a gold event: 0 not the place, 1 place, 2 kind, 3 sides, 4 date."""
    if _field(pred, "place_id") != gold["place_id"]:
        return 0
    if KIND_GROUPS.get(_field(pred, "kind") or "") != KIND_GROUPS[gold["kind"]]:
        return 1
    if gold["actor_gaining"] is not None:
        sides = _same_side(gold["actor_gaining"], _field(pred, "actor_gaining"))
    elif gold["actor_losing"] is not None:
        sides = _same_side(gold["actor_losing"], _field(pred, "actor_losing"))
    else:
        sides = True
    if not sides:
        return 2
    start, end = _as_date(_field(pred, "date")), _as_date(_field(pred, "date_end"))
    if start is None:
        return 3
    end = end or start
    if gold["date"] is None:
        ok = published - 7 * _DAY <= start and end <= published + _DAY
    else:
        g_start = _as_date(gold["date"])
        g_end = _as_date(gold["date_end"]) or g_start
        ok = abs((start - g_start).days) <= 1 and abs((end - g_end).days) <= 1
    return 4 if ok else 3


def _read_gold(gold_path: Path) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """Gold articles by file name, and file names by article id."""
    by_file, by_id = {}, {}
    with open(gold_path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                by_file[row["file"]] = row
                by_id[row["article_id"]] = row["file"]
    return by_file, by_id


_REASONS = ("place missing", "wrong kind", "wrong side", "wrong date")


def score(gold_path: Path, events: Iterable[Any]) -> dict[str, Any]:
    """Recall and precision of extracted events against a generated corpus's ``gold.jsonl``.

    Parameters
    ----------
    gold_path : Path
        The ``gold.jsonl`` written by :func:`write_corpus`.
    events : iterable of ControlEvent or dict
        Extracted events (``ControlEvent`` objects or their JSON dicts). Each is assigned
        to its article through ``article`` (the article id) or, failing that, the base
        name of a ``path``/``file`` field. Events of articles not in the gold are counted
        as ``unscored``.

    Returns
    -------
    dict
        ``gold``, ``predicted``, ``found`` (gold events matched), ``correct`` (predictions
        that match a gold event), ``recall``, ``precision``, ``f1``, ``unscored``,
        ``misses`` (unmatched gold events by the furthest check they passed),
        ``by_kind`` (gold and found per gold kind) and ``stance_agreement`` (share of
        found events whose best prediction has the gold stance).
    """
    by_file, by_id = _read_gold(Path(gold_path))
    predicted: dict[str, list[Any]] = {}
    unscored = 0
    for event in events:
        file = by_id.get(_field(event, "article") or "")
        if file is None:
            file = Path(str(_field(event, "path") or _field(event, "file") or "")).name or None
        if file not in by_file:
            unscored += 1
            continue
        predicted.setdefault(file, []).append(event)
    return _tally(by_file, predicted, unscored)


def _tally(by_file: dict[str, dict[str, Any]], predicted: dict[str, list[Any]], unscored: int) -> dict[str, Any]:
    found = correct = n_pred = same_stance = 0
    n_gold = 0
    misses = dict.fromkeys(_REASONS, 0)
    by_kind: dict[str, list[int]] = {}
    for file, row in by_file.items():
        published = dt.date.fromisoformat(row["published"])
        preds = predicted.get(file, [])
        n_pred += len(preds)
        matched_preds: set[int] = set()
        for gold in row["events"]:
            n_gold += 1
            levels = [_level(gold, p, published) for p in preds]
            best = max(levels, default=0)
            tally = by_kind.setdefault(gold["kind"], [0, 0])
            tally[0] += 1
            if best == 4:
                found += 1
                tally[1] += 1
                hits = [i for i, lv in enumerate(levels) if lv == 4]
                matched_preds.update(hits)
                same_stance += any(_field(preds[i], "stance") == gold["stance"] for i in hits)
            else:
                misses[_REASONS[best]] += 1
        correct += len(matched_preds)
    recall = found / n_gold if n_gold else 0.0
    precision = correct / n_pred if n_pred else 0.0
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    return {"articles": len(by_file), "gold": n_gold, "predicted": n_pred, "found": found, "correct": correct,
            "recall": round(recall, 4), "precision": round(precision, 4), "f1": round(f1, 4),
            "unscored": unscored, "misses": misses,
            "by_kind": {k: {"gold": v[0], "found": v[1]} for k, v in sorted(by_kind.items())},
            "stance_agreement": round(same_stance / found, 4) if found else 0.0}
