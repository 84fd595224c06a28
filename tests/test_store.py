from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pyogrio
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.errors import CorpusError
from geo.extract.article import ArticleExtraction
from geo.model import Article, ControlEvent, DistanceMention
from geo.store import gpkg
from geo.store.event_store import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    SCHEMA_VERSION,
    EventStore,
    SourceFile,
    record_from_row,
    records_from_rows,
    sql_value,
)
from geo.store.rows import ArticlePrint, Batch, load, write_batch

D = dt.date


def _article(aid: str = "a" * 16, path: str = "/x/a.txt") -> Article:
    return Article(aid, path, D(2024, 12, 1), "Wire", "Title", "https://example.org/a", "text of the article")


def _event(article: str, n: int = 0, **kw) -> ControlEvent:
    base = dict(id=f"ev{n}{article[:4]}", article=article, published=D(2024, 12, 1), place="Aleppo",
                place_id="geonames:170063", lat=36.20124, lon=37.16117, geo_precision=2, date=D(2024, 11, 29),
                date_end=D(2024, 11, 30), date_precision="day", time_text="on Friday", kind="besieged",
                actor_gaining="opposition", actor_losing="government", stance="claimed",
                attributed_to="opposition", sentence="Rebels said they besieged Aleppo on Friday.", start=10,
                end=55, confidence=0.75, source="Wire", duplicate_of=None)
    base.update(kw)
    return ControlEvent(**base)


def _distance(article: str) -> DistanceMention:
    return DistanceMention(7.5, 0.4, "about", "north-west", "geonames:170063", "Aleppo", 36.2, 37.16, "rebels",
                           article, "Rebels were about 7.5 km north-west of Aleppo.", 0, 48, D(2024, 12, 1),
                           "about 7.5 km north-west of Aleppo")


def _write(store: EventStore, ex: ArticleExtraction) -> None:
    a = ex.article
    batch = Batch(extractions=[ex], prints={a.id: ArticlePrint(b"\0" * 1024, 3, "m")},
                  sources=[SourceFile(a.path, a.id, 10, 1, "m")])
    write_batch(store, batch)


def test_every_event_and_distance_field_round_trips(tmp_path: Path) -> None:
    a = _article()
    events = (_event(a.id), _event(a.id, 1, lat=None, lon=None, place_id=None, date=None, date_end=None,
                                   date_precision=None, time_text=None, actor_gaining=None, actor_losing=None,
                                   attributed_to=None, source=None, published=None))
    ex = ArticleExtraction(a, events, (_distance(a.id),))
    with EventStore.open(tmp_path / "s.gpkg", create=True) as store:
        _write(store, ex)
    result = load(tmp_path / "s.gpkg")
    assert result.events == list(events)
    assert result.distances == [_distance(a.id)]
    [back] = result.articles
    assert (back.id, back.path, back.published, back.source, back.title, back.url, back.text) == (
        a.id, a.path, a.published, a.source, a.title, a.url, "")


def test_store_is_a_geopackage_with_point_layers(tmp_path: Path) -> None:
    a = _article()
    with EventStore.open(tmp_path / "s.gpkg", create=True) as store:
        _write(store, ArticleExtraction(a, (_event(a.id), _event(a.id, 1, lat=None, lon=None)), (_distance(a.id),)))
    layers = {name: kind for name, kind in pyogrio.list_layers(tmp_path / "s.gpkg")}
    assert layers["events"] == "Point" and layers["distances"] == "Point"
    df = pyogrio.read_dataframe(tmp_path / "s.gpkg", layer="events")
    assert df.crs.to_epsg() == 4326
    located = df[df.geometry.notna()]
    assert len(df) == 2 and len(located) == 1
    assert (located.geometry.x.iloc[0], located.geometry.y.iloc[0]) == (37.16117, 36.20124)
    assert located["place"].iloc[0] == "Aleppo" and str(located["date"].iloc[0])[:10] == "2024-11-29"
    conn = sqlite3.connect(tmp_path / "s.gpkg")
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 10300
    assert {r[0] for r in conn.execute("SELECT srs_id FROM gpkg_spatial_ref_sys")} >= {4326, 0, -1}
    box = conn.execute("SELECT min_x, min_y FROM gpkg_contents WHERE table_name='events'").fetchone()
    assert box == (37.16117, 36.20124)


def test_point_blob_round_trip_and_header() -> None:
    blob = gpkg.point_blob(37.5, 36.25)
    assert blob[:2] == b"GP" and blob[2] == 0 and blob[3] == 1 and int.from_bytes(blob[4:8], "little") == 4326
    assert gpkg.blob_point(blob) == (37.5, 36.25)
    assert gpkg.point_blob(None, 36.0) is None
    with pytest.raises(ValueError):
        gpkg.blob_point(b"XX" + blob[2:])


def test_changed_source_releases_old_article_and_its_events(tmp_path: Path) -> None:
    old, new = _article("1" * 16), _article("2" * 16)
    with EventStore.open(tmp_path / "s.gpkg", create=True) as store:
        _write(store, ArticleExtraction(old, (_event(old.id),), ()))
        _write(store, ArticleExtraction(new, (_event(new.id, 5),), ()))
        assert store.article(old.id) is None
        assert store.counts()["events"] == 1 and store.source(new.path).article == new.id


def _says(info: pytest.ExceptionInfo[CorpusError], *words: str) -> bool:
    return all(w in str(info.value) for w in words)


def test_errors_name_the_file_and_the_fix(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="does not exist") as info:
        EventStore.open(tmp_path / "missing.gpkg")
    assert _says(info, str(tmp_path / "missing.gpkg"), "geo ingest")
    text = tmp_path / "notes.gpkg"
    text.write_text("hello, this is not a database at all" * 50)
    with pytest.raises(CorpusError, match="notes.gpkg is not an SQLite file"):
        EventStore.open(text)
    other = tmp_path / "other.gpkg"
    sqlite3.connect(other).execute("CREATE TABLE roads (id INTEGER)").connection.commit()
    with pytest.raises(CorpusError, match="other.gpkg is not a geo event store"):
        EventStore.open(other, create=True)
    newer = tmp_path / "newer.gpkg"
    EventStore.open(newer, create=True).close()
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    conn.commit()
    conn.close()
    with pytest.raises(CorpusError, match="newer than this geo's.*upgrade geo"):
        EventStore.open(newer)
    with pytest.raises(CorpusError, match="is a folder"):
        EventStore.open(tmp_path)


def test_failed_batch_writes_nothing(tmp_path: Path) -> None:
    a = _article()
    ex = ArticleExtraction(a, (_event(a.id),), ())
    bad = Batch(extractions=[ex], prints={}, sources=[SourceFile(a.path, a.id, 1, 1, "m")])  # no print: KeyError
    with EventStore.open(tmp_path / "s.gpkg", create=True) as store:
        with pytest.raises(KeyError):
            write_batch(store, bad)
        assert store.counts() == {"articles": 0, "sources": 0, "events": 0, "distances": 0, "warnings": 0,
                                  "baseline": 0}


def test_version_warning_names_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "s.gpkg"
    with EventStore.open(path, create=True) as store:
        assert store.version_warning() is None
        store.conn.execute("UPDATE meta SET value = 'old' WHERE key = 'gazetteer'")
        assert "geo ingest --rebuild" in store.version_warning()
        store.stamp_version()
        assert store.version_warning() is None


def _store_with_events(path: Path, rows: list[tuple[str, int, str | None]]) -> dict[str, tuple[str, int]]:
    """A store whose articles are at the paths of *rows* and one event per row (path, seq, date), inserted
    in the order given, plus an event of an article not stored; return event id -> (path, seq)."""
    placed = {}
    with EventStore.open(path, create=True) as store:
        conn = store.conn
        for p in sorted({p for p, _, _ in rows}):
            conn.execute(f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES "
                         f"({', '.join('?' * len(ARTICLE_COLUMNS))})",
                         (f"id{p}", p, "2024-12-01", "W", "T", None, None, None, 1, 1, b"", "m", "now"))
        for i, (p, seq, day) in enumerate(rows):
            ev = _event(f"id{p}", i, date=None)
            values = [sql_value(getattr(ev, c)) for c in EVENT_COLUMNS]
            values[EVENT_COLUMNS.index("date")] = day
            conn.execute(f"INSERT INTO events (seq, {', '.join(EVENT_COLUMNS)}) VALUES "
                         f"(?, {', '.join('?' * len(EVENT_COLUMNS))})", (seq, *values))
            placed[ev.id] = (p, seq)
        conn.execute("INSERT INTO events (seq, id, article, place, geo_precision, kind, stance, sentence, start, "
                     "end, confidence) VALUES (0, 'orphan', 'not-stored', 'X', 1, 'took', 'reported', 's', 0, 1, 1)")
    return placed


def test_events_read_back_by_article_path_then_seq(tmp_path: Path) -> None:
    rows = [("/b/1.txt", 0, "2024-11-29"), ("/a/2.txt", 1, None), ("/é/x.txt", 0, "2024-12-01"),
            ("/a/10.txt", 2, None), ("/a/2.txt", 0, "2016-01-31"), ("/a/Z.txt", 0, None), ("/a/10.txt", 1, None)]
    placed = _store_with_events(tmp_path / "s.gpkg", rows)
    got = load(tmp_path / "s.gpkg").events
    # paths in code point order ("1" < "2" < "Z" < "b" < "é"), then the event's seq; the orphan left out
    assert [placed[e.id] for e in got] == [("/a/10.txt", 1), ("/a/10.txt", 2), ("/a/2.txt", 0), ("/a/2.txt", 1),
                                          ("/a/Z.txt", 0), ("/b/1.txt", 0), ("/é/x.txt", 0)]
    assert [e.date for e in got] == [None, None, D(2016, 1, 31), None, None, D(2024, 11, 29), D(2024, 12, 1)]
    assert all(e.article == f"id{placed[e.id][0]}" and e.place == "Aleppo" for e in got)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["/b/1.txt", "/a/2.txt", "/a/10.txt", "/é/x.txt", "/a/Z.txt"]),
                          st.integers(0, 5), st.none() | st.dates().map(str)), max_size=25))
def test_bulk_read_gives_every_stored_event_in_path_then_seq_order(tmp_path: Path, rows: list) -> None:
    """Events of several articles inserted in any order: each read back once, ordered by (path, seq)."""
    path = tmp_path / f"s{abs(hash(repr(rows)))}.gpkg"
    placed = _store_with_events(path, rows)
    got = load(path).events
    assert sorted(e.id for e in got) == sorted(placed)
    order = [placed[e.id] for e in got]
    assert order == sorted(order)
    dates = {f"ev{i}id{p[:2]}": day for i, (p, _, day) in enumerate(rows)}
    assert all((e.date.isoformat() if e.date else None) == dates[e.id] for e in got)


def test_records_from_rows_equals_one_record_per_row() -> None:
    rows = [("a" * 16, "/x.txt", "2024-12-01", None, "T", None, "", None),
            ("b" * 16, "/y.txt", None, "W", None, "u", "", "a" * 16), ("c" * 16, "/z.txt", "", "W", None, "u", "", None)]
    names = ["id", "path", "published", "source", "title", "url", "text", "duplicate_of"]
    want = [record_from_row(Article, dict(zip(names, r)), names) for r in rows]
    assert records_from_rows(Article, rows, names) == want
    assert want[0].published == D(2024, 12, 1) and want[2].published is None
    assert records_from_rows(Article, [r + ("extra",) for r in rows], names) == want
    assert records_from_rows(Article, [], names) == []
    with pytest.raises(ValueError, match="field order"):
        records_from_rows(Article, rows, ["path", "id"])


def test_empty_store_and_a_store_missing_a_column(tmp_path: Path) -> None:
    empty = load(_store_with_one_article(tmp_path / "e.gpkg", articles=False))
    assert (empty.articles, empty.events, empty.distances, empty.baseline) == ([], [], [], [])
    path = _store_with_one_article(tmp_path / "old.gpkg")
    assert len(load(path).events) == 1
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE events DROP COLUMN time_text")
    conn.commit()
    conn.close()
    with pytest.raises(CorpusError, match="cannot be read") as info:
        load(path)
    assert _says(info, "old.gpkg", "time_text", "geo ingest")


def _store_with_one_article(path: Path, *, articles: bool = True) -> Path:
    with EventStore.open(path, create=True) as store:
        if articles:
            a = _article()
            _write(store, ArticleExtraction(a, (_event(a.id),), (_distance(a.id),)))
    return path


SCHEMA_4_DISTANCE_COLUMNS = ("anchor_text", "anchor_kind", "anchor_country", "subject_place", "locator",
                             "locator_name", "locator_lat", "locator_lon", "side_country", "unresolved")


def test_a_store_of_schema_3_gains_the_anchor_columns_of_its_distances(tmp_path: Path) -> None:
    path = _store_with_one_article(tmp_path / "v3.gpkg")
    conn = sqlite3.connect(path)
    for column in SCHEMA_4_DISTANCE_COLUMNS:
        conn.execute(f"ALTER TABLE distances DROP COLUMN {column}")
    conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with EventStore.open(path) as store:  # upgraded in place
        assert store.meta()["schema_version"] == str(SCHEMA_VERSION)
    columns = {row[1] for row in sqlite3.connect(path).execute("PRAGMA table_info(distances)")}
    assert set(SCHEMA_4_DISTANCE_COLUMNS) <= columns


def test_a_store_of_schema_2_gains_the_denies_column(tmp_path: Path) -> None:
    path = _store_with_one_article(tmp_path / "v2.gpkg")
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE events DROP COLUMN denies")  # as geo wrote it before denials were linked
    for column in SCHEMA_4_DISTANCE_COLUMNS:  # and before distances knew their anchor kinds
        conn.execute(f"ALTER TABLE distances DROP COLUMN {column}")
    conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with EventStore.open(path) as store:  # upgraded in place
        assert store.meta()["schema_version"] == str(SCHEMA_VERSION)
        a = _article("d" * 16, "/x/d.txt")
        claim = _event(a.id, 1, stance="claimed")
        denial = _event(a.id, 2, stance="denied", denies=claim.id)
        _write(store, ArticleExtraction(a, (claim, denial), ()))
    events = {e.id: e for e in load(path).events}
    assert events[denial.id].denies == claim.id and events[claim.id].denies is None
