"""An event store after a change of the user gazetteer: ``geo ingest --rebuild`` reads again only what it reaches.

The articles are written for this test (Sudan, Ukraine, Myanmar); the stores' events are compared
on meaning (article, place, kind, date, sides) with a store ingested afresh under the new user gazetteer.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from gazetteer.imports import add_place
from gazetteer.reach import Reach
from gazetteer.resolver import default_gazetteer
from gazetteer.store import load_store
from gazetteer.userstore import user_gazetteer_path
from geo.ingest.run import ingest
from geo.store.event_store import SCHEMA_VERSION, EventStore
from geo.store.rows import load

ARTICLES = {
    "sudan.txt": ("2025-03-27", "Sudan's army said on Thursday it had retaken the presidential palace in Khartoum from "
                  "the Rapid Support Forces. The RSF also withdrew from the village of Tell Qarsuna east of the "
                  "Nile, residents said."),
    "ukraine.txt": ("2024-10-02", "Russian forces have captured the town of Vuhledar in Donetsk region, the defence "
                    "ministry in Moscow said on Wednesday."),
    "myanmar.txt": ("2024-01-16", "The Arakan Army said on Monday it had seized the town of Paletwa in Chin State "
                    "after the last junta battalion there surrendered."),
}


@pytest.fixture()
def corpus(write_corpus: Any) -> Path:
    return write_corpus(ARTICLES)


def fresh() -> None:
    load_store.cache_clear()
    default_gazetteer.cache_clear()


def meaning(store: Path) -> list[tuple[Any, ...]]:
    return sorted((e.article, e.place, e.place_id, e.kind, e.date, e.actor_gaining, e.actor_losing)
                  for e in load(store).events)


def test_rebuild_after_a_place_is_added_reads_only_the_article_naming_it(corpus: Path, tmp_path: Path,
                                                                        data_dir: Path, cache_root: Path) -> None:
    store = tmp_path / "s.gpkg"
    ingest([corpus], store)
    add_place("Tell Qarsuna", 15.62, 32.71, country="SD", kind="village")
    fresh()
    with EventStore.open(store) as opened:
        warning = opened.version_warning()
    assert warning is not None and "only those the change of the user gazetteer can reach" in warning
    report = ingest([], store, rebuild=True)
    assert (report.rebuilt, report.kept_unreached) == (1, 2)
    again = tmp_path / "fresh.gpkg"
    ingest([corpus], again)
    assert meaning(store) == meaning(again)
    assert any(e.place == "Tell Qarsuna" and e.place_id and e.place_id.startswith("user:")
               for e in load(store).events)
    with EventStore.open(store) as opened:
        assert opened.version_warning() is None


def test_rebuild_after_the_user_gazetteer_is_removed_reads_again_what_it_reached(corpus: Path, tmp_path: Path,
                                                                                data_dir: Path,
                                                                                cache_root: Path) -> None:
    add_place("Tell Qarsuna", 15.62, 32.71, country="SD", kind="village")
    fresh()
    store = tmp_path / "s.gpkg"
    ingest([corpus], store)
    user_gazetteer_path().unlink()
    fresh()
    report = ingest([], store, rebuild=True)
    assert (report.rebuilt, report.kept_unreached) == (1, 2)
    assert not any(e.place_id and e.place_id.startswith("user:") for e in load(store).events)


def test_a_changed_file_or_a_store_of_schema_4_is_read_again(corpus: Path, tmp_path: Path, data_dir: Path,
                                                             cache_root: Path) -> None:
    store = tmp_path / "s.gpkg"
    ingest([corpus], store)
    conn = sqlite3.connect(store)
    conn.execute("ALTER TABLE articles DROP COLUMN reach")  # as geo wrote it before it kept the questions
    conn.execute("ALTER TABLE articles DROP COLUMN gazetteer")
    conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    add_place("Qarsunat al-Gharbiyya", 14.1, 30.2, country="SD")
    fresh()
    with EventStore.open(store) as opened:  # upgraded in place
        assert opened.meta()["schema_version"] == str(SCHEMA_VERSION)
    report = ingest([], store, rebuild=True)
    assert (report.rebuilt, report.kept_unreached) == (3, 0)  # nothing recorded: every article again
    add_place("Qarsunat al-Sharqiyya", 14.2, 30.3, country="SD")
    fresh()
    (corpus / "ukraine.txt").write_text(ARTICLES["ukraine.txt"][1] + " Fighting continued.\n", encoding="utf-8")
    report = ingest([], store, rebuild=True)
    assert report.kept_unreached == 2 and report.changed == 1


@pytest.mark.parametrize("stored", [
    "not json", '{"texts": 5}', '{"texts": [], "ids": [], "boxes": [[1, 2]], "points": [], "parts": false}',
    "cos\nsystem\n(S'touch /tmp/pwned'\ntR.",  # a pickle: a store is a file others send; never unpickled
])
def test_a_store_s_record_of_questions_is_json_and_a_foreign_one_reads_the_article_again(
        corpus: Path, tmp_path: Path, data_dir: Path, cache_root: Path, stored: str) -> None:
    store = tmp_path / "s.gpkg"
    ingest([corpus], store)
    conn = sqlite3.connect(store)
    kept = [Reach.from_json(text) for (text,) in conn.execute("SELECT reach FROM articles")]
    assert len(kept) == 3  # JSON a reader can check, not a pickle
    conn.execute("UPDATE articles SET reach = ? WHERE path LIKE ?", (stored, "%sudan.txt"))
    conn.commit()
    conn.close()
    add_place("Qarsunat al-Gharbiyya", 14.1, 30.2, country="SD")
    fresh()
    report = ingest([], store, rebuild=True)
    assert (report.rebuilt, report.kept_unreached) == (1, 2)
    assert not Path("/tmp/pwned").exists()
