"""Places the gazetteer does not know are reported, not dropped: unresolved events and ``geo places --unresolved``.

The sentences are written for these tests; the unknown names are invented (no gazetteer has them).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gazetteer import default_gazetteer
from geo.cli import app
from geo.extract.article import extract_article
from geo.extract.unknown import place_mentions, place_slot_names
from geo.model import Article
from geo.timeline.fold import timelines

TEXT = """\
M23 rebels seized the town of Kivorumba and the villages of Nyabuzinga and Katobwe on Sunday, residents said.
The army failed to retake the village of Lumbashira.
The RSF overran the town of Umm Sagharayn in North Darfur on Saturday, the group said.
Russian troops captured the village of Zolotoviddya in the Donetsk region, the defence ministry claimed.
The Arakan Army took Taung Kyaw Pyin township after weeks of fighting.
The Ukrainian-held village in the Kursk region was captured, the ministry said.
"""


def article(text: str = TEXT) -> Article:
    return Article(id="t" * 16, path="unknown.txt", published=dt.date(2025, 3, 10), source="test", title=None,
                   url=None, text=text)


@pytest.mark.parametrize(("sentence", "names"), [
    ("Rebels seized the villages of Kibati and Rusayo.", ["Kibati", "Rusayo"]),
    ("Fighting reached Tal Hamis district on Monday.", ["Tal Hamis"]),
    ("The militia stormed Abu Garin camp.", ["Abu Garin"]),
    ("Clashes erupted in the town of al-Qaryatayn.", ["al-Qaryatayn"]),
    ("The army held the town.", []),
])
def test_place_slots_give_the_capitalised_names(sentence: str, names: list[str]) -> None:
    assert [n for _, _, n in place_slot_names(sentence)] == names


def test_unknown_places_in_place_slots_become_unresolved_events() -> None:
    events = extract_article(article()).events
    unresolved = {e.place: e for e in events if e.place_id is None}
    for name in ("Kivorumba", "Nyabuzinga", "Katobwe", "Umm Sagharayn", "Zolotoviddya", "Taung Kyaw Pyin"):
        assert name in unresolved, sorted(unresolved)
        ev = unresolved[name]
        assert ev.lat is None and ev.lon is None and ev.kind == "captured"
        assert name in ev.sentence
    assert "Lumbashira" not in unresolved  # "failed to retake": no event
    assert not any("Ukrainian" in name for name in unresolved)  # a side's qualifier is no place
    assert "Taung" not in unresolved  # the longer name in the slot replaces its first word


def test_unresolved_events_never_reach_the_fold() -> None:
    events = extract_article(article()).events
    assert any(e.place_id is None for e in events)
    assert all(pid is not None for pid in timelines(events))


def test_place_mentions_group_unknown_spellings_and_keep_sentences() -> None:
    first = article("The RSF overran the town of Umm Sagharayn on Saturday.\n")
    second = Article(id="u" * 16, path="b.txt", published=dt.date(2025, 3, 11), source="test", title=None, url=None,
                     text="The army recaptured the town of Um Sagharein on Monday.\n")
    events = [*extract_article(first).events, *extract_article(second).events]
    rows = place_mentions(events, [], unresolved=True)
    assert len(rows) == 1
    row = rows[0]
    assert row["count"] == 2 and row["articles"] == 2 and len(row["sentences"]) == 2
    assert set(row["spellings"]) == {"Umm Sagharayn", "Um Sagharein"} and row["place_id"] is None


def test_geo_places_unresolved_lists_names_with_counts_and_sentences(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date 2025-03-10\n\n" + TEXT, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["places", "--unresolved", "--corpus", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    names = {r["name"]: r for r in rows}
    assert {"Kivorumba", "Zolotoviddya", "Umm Sagharayn"} <= set(names)
    assert names["Kivorumba"]["count"] == 1 and "seized the town of Kivorumba" in names["Kivorumba"]["sentences"][0]
    resolved = runner.invoke(app, ["places", "--corpus", str(tmp_path), "--format", "json"])
    assert resolved.exit_code == 0
    assert any(r["place_id"] for r in json.loads(resolved.stdout))


def test_geo_events_lists_the_unresolved_event_with_its_sentence(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date 2025-03-10\n\n" + TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["events", "--corpus", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0
    events = {e["place"]: e for e in json.loads(result.stdout)}
    assert events["Kivorumba"]["place_id"] is None and events["Kivorumba"]["lat"] is None
    assert events["Kivorumba"]["sentence"].startswith("M23 rebels seized the town of Kivorumba")


def test_a_known_place_in_a_slot_is_no_unresolved_event() -> None:
    text = "M23 rebels seized the town of Rubaya on Sunday.\n"
    events = extract_article(article(text), default_gazetteer()).events
    assert [e.place_id for e in events] == ["local:rubaya"]


def test_a_place_added_to_the_user_gazetteer_is_used_by_the_next_run(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from gazetteer.resolver import default_gazetteer as cached
    from gazetteer.store import load_store

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("date 2025-03-10\n\n" + TEXT, encoding="utf-8")
    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path / "data"))
    dump = tmp_path / "CD.txt"
    row = ["990001", "Kivorumba", "Kivorumba", "", "-1.21", "29.13", "P", "PPL", "CD", "", "09", "", "", "", "0",
           "", "1500", "Africa/Lubumbashi", "2026-01-01"]
    dump.write_text("\t".join(row) + "\n", encoding="utf-8")
    runner = CliRunner()
    try:
        load_store.cache_clear()
        cached.cache_clear()
        before = json.loads(runner.invoke(app, ["places", "--unresolved", "--corpus", str(corpus),
                                                "--format", "json"]).stdout)
        assert "Kivorumba" in {r["name"] for r in before}
        assert runner.invoke(app, ["gazetteer", "import", str(dump)]).exit_code == 0
        cached.cache_clear()  # a new run of geo loads the gazetteer afresh
        after = json.loads(runner.invoke(app, ["places", "--unresolved", "--corpus", str(corpus),
                                               "--format", "json"]).stdout)
        assert "Kivorumba" not in {r["name"] for r in after}
        events = json.loads(runner.invoke(app, ["events", "--corpus", str(corpus), "--format", "json"]).stdout)
        kivorumba = next(e for e in events if e["place"] == "Kivorumba")
        assert kivorumba["place_id"] == "geonames:990001" and kivorumba["lat"] == pytest.approx(-1.21)
    finally:
        monkeypatch.delenv("GEO_DATA_DIR")
        load_store.cache_clear()
        cached.cache_clear()


@pytest.mark.parametrize(("sentence", "place", "country"), [
    ("M23 rebels captured Sake on Sunday after two days of fighting, residents said.", "Sake", "CD"),
    ("The RSF said on Monday it had seized En Nahud, the largest town in West Kordofan.", "En Nahud", "SD"),
])
def test_a_town_named_like_a_word_in_a_control_verbs_object_is_its_wars_town(sentence: str, place: str,
                                                                             country: str) -> None:
    # the name finder leaves such names out as common words; the clause makes them places of the war's countries
    (event,) = [e for e in extract_article(article(sentence), default_gazetteer()).events if e.place == place]
    assert event.place_id is not None and event.lat is not None
    assert default_gazetteer().store.place(default_gazetteer().store.row_of(event.place_id)).country == country


def test_a_word_named_town_abroad_stays_unresolved() -> None:
    # the same name in another war's report is no town there: an unresolved event, no point in the Kivus
    text = "Government forces captured Sake on Sunday, the Syrian state news agency SANA said, near Idlib and Hama."
    events = [e for e in extract_article(article(text), default_gazetteer()).events if e.place == "Sake"]
    assert all(e.place_id is None for e in events)
