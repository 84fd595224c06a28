"""Tests of the extraction scorer (benchmarks/score_extraction.py) on hand-made lists."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("score_extraction", ROOT / "benchmarks" / "score_extraction.py")
sc = importlib.util.module_from_spec(_spec)
sys.modules["score_extraction"] = sc
_spec.loader.exec_module(sc)


def ev(place, kind="captured", date="2024-12-01", date_end=None, **kw):
    return {"place": place, "kind": kind, "date": date, "date_end": date_end, **kw}


def dist(km, anchor, **kw):
    return {"distance_km": km, "anchor": anchor, "qualifier": "about", "direction": None, **kw}


def test_local_normalize_folds_case_apostrophes_hyphens_and_article():
    assert sc.local_normalize("  Aleppo’s Medieval  Citadel ") == "aleppo medieval citadel"
    assert sc.local_normalize("Al-Atarib") == "al atarib"
    assert sc.local_normalize("The Citadel") == "citadel"
    assert sc.local_normalize("Ma'arrat an-Nu'man") == "maarrat an numan"


def test_exact_match_counts_one_true_positive():
    s = sc.match_events([ev("Saraqib")], [ev("saraqib")])
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)
    assert s.precision == s.recall == s.f1 == 1.0


def test_kind_must_agree_in_strict_mode_but_groups_relax_it():
    pred, gold = [ev("Palmyra", "captured")], [ev("Palmyra", "regained")]
    strict = sc.match_events(pred, gold)
    assert (strict.tp, strict.fp, strict.fn) == (0, 1, 1)
    lenient = sc.match_events(pred, gold, kind_groups=sc.LENIENT_GROUPS)
    assert lenient.tp == 1
    assert sc.match_events([ev("Hama", "withdrew")], [ev("Hama", "captured")],
                           kind_groups=sc.LENIENT_GROUPS).tp == 0


@pytest.mark.parametrize("pred_date,pred_end,gold_date,gold_end,ok", [
    ("2024-11-29", None, "2024-11-30", None, True),          # one day apart
    ("2024-11-28", None, "2024-11-30", None, False),         # two days apart
    ("2024-11-25", None, "2024-11-21", "2024-11-30", True),  # inside "late November"
    ("2024-12-01", None, "2024-11-21", "2024-11-30", True),  # widened by a day
    ("2024-12-02", None, "2024-11-21", "2024-11-30", False),
    ("2024-11-01", "2024-11-30", "2024-11-21", "2024-11-30", True),  # range vs range
    (None, None, None, None, True),                          # both undated
    (None, None, "2024-11-30", None, False),
    ("2024-11-30", None, None, None, False),
])
def test_dates_overlap_within_one_day(pred_date, pred_end, gold_date, gold_end, ok):
    s = sc.match_events([ev("Aleppo", date=pred_date, date_end=pred_end)],
                        [ev("Aleppo", date=gold_date, date_end=gold_end)])
    assert (s.tp == 1) is ok


def test_each_gold_matched_at_most_once_and_repeats_are_redundant():
    pred = [ev("Aleppo", "entered"), ev("Aleppo", "entered"), ev("Aleppo", "entered", date="2016-07-01")]
    gold = [ev("Aleppo", "entered")]
    s = sc.match_events(pred, gold)
    assert (s.tp, s.redundant, s.fp, s.fn) == (1, 1, 1, 0)
    assert s.false_positives[0]["date"] == "2016-07-01"


def test_weaker_kind_under_a_matched_capture_is_redundant_not_fp():
    pred = [ev("Palmyra", "captured"), ev("Palmyra", "entered")]
    s = sc.match_events(pred, [ev("Palmyra", "captured")])
    assert (s.tp, s.redundant, s.fp) == (1, 1, 0)
    # ... but a withdrawal is a different event, so it is a false positive
    s = sc.match_events([ev("Palmyra", "captured"), ev("Palmyra", "withdrew")], [ev("Palmyra", "captured")])
    assert (s.tp, s.fp) == (1, 1)


def test_matching_is_maximal_not_greedy():
    # the first prediction could take either gold; greedy order would strand the second
    gold = [ev("Aleppo", date="2024-11-30"), ev("Aleppo", date="2024-11-28")]
    pred = [ev("Aleppo", date="2024-11-29"), ev("Aleppo", date="2024-11-30", date_end=None)]
    s = sc.match_events(pred, gold)
    assert (s.tp, s.fp, s.fn) == (2, 0, 0)


def test_aliases_and_custom_normalizer():
    gold = [ev("eastern Aleppo", "besieged", aliases=["Aleppo"])]
    assert sc.match_events([ev("Aleppo", "besieged")], gold).tp == 1
    fold = lambda s: sc.local_normalize(s).replace("deraa", "daraa")  # noqa: E731
    assert sc.match_events([ev("Deraa")], [ev("Daraa")], normalize=fold).tp == 1
    assert sc.match_events([ev("Deraa")], [ev("Daraa")]).tp == 0


def test_stance_and_actor_agreement_are_counted_on_matches_only():
    pred = [ev("Manbij", stance="claimed", actor_gaining="sna"), ev("Raqqa", stance="reported")]
    gold = [ev("Manbij", stance="verified", actor_gaining="sna")]
    s = sc.match_events(pred, gold)
    assert (s.tp, s.stance_agree, s.actor_agree) == (1, 0, 1)


def test_empty_inputs():
    s = sc.match_events([], [])
    assert (s.tp, s.fp, s.fn, s.precision, s.recall, s.f1) == (0, 0, 0, 0.0, 0.0, 0.0)
    assert sc.match_events([], [ev("Homs")]).fn == 1


def test_distances_match_on_anchor_containment_and_five_percent():
    gold = [dist(7.0, "Aleppo's medieval citadel", anchor_aliases=["Aleppo Citadel"]),
            dist(32.19, "Homs")]
    pred = [{"distance_km": 7.2, "anchor_name": "citadel"},
            {"distance_km": 32.0, "anchor_name": "Homs"},
            {"distance_km": 4.3 * 1.609344, "anchor_name": "Aleppo"}]  # same ring again
    s = sc.match_distances(pred, gold)
    assert (s.tp, s.redundant, s.fp, s.fn) == (2, 1, 0, 0)


def test_a_distance_matches_on_its_anchor_as_written_when_it_resolved_to_another_name():
    gold = [dist(60.0, "Palmyra")]
    resolved = {"distance_km": 60.0, "anchor": "geonames:163345", "anchor_name": "Tadmur", "anchor_text": "Palmyra"}
    assert sc.match_distances([resolved], gold).tp == 1
    unresolved = {**resolved, "anchor": None, "anchor_name": "Tadmur"}
    assert sc.match_distances([unresolved], gold).tp == 0
    assert sc.match_distances([{**resolved, "anchor_text": "Homs"}], gold).tp == 0


def test_distances_reject_wrong_number_or_anchor():
    gold = [dist(35.0, "Hama")]
    assert sc.match_distances([{"distance_km": 37.0, "anchor_name": "Hama"}], gold).tp == 0  # 5.7 % off
    assert sc.match_distances([{"distance_km": 35.0, "anchor_name": "Homs"}], gold).tp == 0
    assert sc.match_distances([{"distance_km": 35.0, "anchor_name": "Ham"}], gold).tp == 0  # word, not prefix
    assert sc.match_distances([{"distance_km": 35.0, "anchor_name": ""}], gold).tp == 0


def test_group_by_file_maps_article_ids_to_file_names():
    arts = [{"id": "a1", "path": "/x/001_a.txt"}, {"id": "b2", "path": "/x/002_b.txt"}]
    recs = [{"article": "a1", "place": "X"}, {"article": "b2", "place": "Y"}, {"article": "zz", "place": "Z"}]
    g = sc.group_by_file(recs, arts)
    assert [r["place"] for r in g["001_a.txt"]] == ["X"]
    assert [r["place"] for r in g["002_b.txt"]] == ["Y"]
    assert [r["place"] for r in g["?zz"]] == ["Z"]


def test_score_corpus_sums_files_and_counts_unknown_files_as_fp():
    gold = {"001.txt": {"events": [ev("Hama"), ev("Homs")], "distances": [dist(12.0, "Hama")]}}
    events = {"001.txt": [ev("Hama")], "?zz": [ev("Idlib")]}
    distances = {"001.txt": [{"distance_km": 12.0, "anchor_name": "Hama"}]}
    r = sc.score_corpus(gold, events, distances)
    assert (r["events"].tp, r["events"].fp, r["events"].fn) == (1, 1, 1)
    assert r["events"].false_negatives[0]["_file"] == "001.txt"
    assert r["events"].false_positives[0]["_file"] == "?zz"
    assert r["distances"].tp == 1
    assert "_file" not in gold["001.txt"]["events"][1]  # inputs are not mutated


def test_validate_gold_catches_bad_records():
    bad = {"devset": {"x.txt": {"events": [
        {"place": "Hama", "kind": "took", "date": "2024-12-05", "date_end": "2024-12-01",
         "actor_gaining": "rebels", "actor_losing": None, "stance": "reported", "note": "n"}],
        "distances": [{"distance_km": -1, "anchor": "Hama", "qualifier": "roughly"}]}}}
    problems = " ".join(sc.validate_gold(bad))
    for word in ("kind", "actor_gaining", "date_end", "distance_km", "qualifier"):
        assert word in problems


def test_shipped_gold_is_well_formed_and_covers_every_article():
    doc = json.loads((ROOT / "benchmarks" / "devset" / "gold.json").read_text(encoding="utf-8"))
    assert sc.validate_gold(doc) == []
    articles = sorted(p.name for p in (ROOT / "benchmarks" / "devset" / "articles").glob("*.txt"))
    assert sorted(doc["devset"]) == articles and len(articles) >= 18
    seeds = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    assert sorted(doc["seeds"]) == seeds
    for name, entry in doc["devset"].items():
        text = (ROOT / "benchmarks" / "devset" / "articles" / name).read_text(encoding="utf-8")
        for e in entry["events"]:
            assert e["place"].casefold() in text.casefold(), (name, e["place"])


def test_main_prints_table_and_json_with_a_stand_in_for_geo(monkeypatch, capsys):
    # run_geo is the only IO edge; replace it with the gold itself turned into predictions
    doc = json.loads((ROOT / "benchmarks" / "devset" / "gold.json").read_text(encoding="utf-8"))

    def fake_run_geo(command, corpus, python=sys.executable):
        name = "seeds" if corpus == sc.CORPORA["seeds"] else "devset"
        files = sorted(doc[name])
        if command == "articles":
            return [{"id": f"id{i}", "path": str(corpus / f)} for i, f in enumerate(files)]
        key = "events" if command == "events" else "distances"
        out = []
        for i, f in enumerate(files):
            for rec in doc[name][f][key]:
                rec = {**rec, "article": f"id{i}", "sentence": "s"}
                if key == "distances":
                    rec["anchor_name"] = rec.pop("anchor")
                out.append(rec)
        return out

    monkeypatch.setattr(sc, "run_geo", fake_run_geo)
    assert sc.main(["--json"]) == 0
    numbers = json.loads(capsys.readouterr().out)
    assert numbers["devset"]["events"]["f1"] == 1.0 and numbers["devset"]["events"]["fp"] == 0
    assert numbers["seeds"]["distances"]["recall"] == 1.0
    assert sc.main(["--corpus", "devset", "--verbose"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"devset\s+events", out) and "FN (0)" in out


def test_heldout_gold_is_well_formed_covers_every_article_and_is_validated():
    doc = json.loads(sc.HELDOUT_GOLD.read_text(encoding="utf-8"))
    assert sc.validate_gold(doc) == []
    articles = sorted(p.name for p in sc.CORPORA["heldout"].glob("*.txt"))
    assert sorted(doc["heldout"]) == articles and len(articles) >= 10
    assert {e["theatre"] for e in doc["heldout"].values()} >= {"syria", "ukraine", "sudan", "myanmar", "drc"}
    broken = {"heldout": {"x.txt": {"events": [{"place": "Hama", "kind": "took", "date": None, "date_end": None,
                                                "actor_gaining": "rebels", "stance": "reported", "note": "n"}]}}}
    assert any("heldout/x.txt" in p for p in sc.validate_gold(broken))  # the held-out split is checked too


def test_batches_gold_is_well_formed_and_covers_every_article() -> None:
    """The unseen batches of sessions 13 and 14: each corpus's gold names exactly its articles, and every side is one
    of its theatre's factions (read from the packaged theatres)."""
    doc = json.loads(sc.BATCHES_GOLD.read_text(encoding="utf-8"))
    assert sc.validate_gold(doc) == []
    assert set(doc) == set(sc.BATCHES)
    for name in sc.BATCHES:
        articles = sorted(p.name for p in sc.CORPORA[name].glob("*.txt"))
        assert sorted(doc[name]) == articles and len(articles) >= 4, name
        assert sum(len(entry["events"]) for entry in doc[name].values()) >= 15, name


def test_gold_sides_are_the_packaged_theatres_factions() -> None:
    from geo.theatres import packaged_theatres
    assert sc.THEATRE_FACTIONS["myanmar"] == tuple(f.id for f in packaged_theatres()["myanmar"].factions
                                                   if f.id != "unknown")
    assert "knla" in sc.THEATRE_FACTIONS["myanmar"] and "unknown" not in sc.THEATRE_FACTIONS["myanmar"]
