"""Writing batches to an event store and reading it back as a corpus result.

One :class:`Batch` is written in one transaction (:func:`write_batch`): its articles with
all their events and distances, the source files that produced them, their warnings and
the near-duplicate links they change. An article's events and distances are written as
the rows :func:`extraction_rows` renders; a worker process can render them
(:class:`ExtractionRows`), so the writing process only inserts them. A source file whose content changed releases its
old article, which is deleted (with its events) once no other file holds that text.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from operator import attrgetter
from pathlib import Path

from geo.extract.result import ArticleExtraction, link_duplicate_events
from geo.gcpause import gc_paused
from geo.model import Article, BaselineEntry, ControlEvent, CorpusResult, CorpusWarning, DistanceMention
from geo.read.dedup import canonical_index
from geo.store import gpkg
from geo.store.event_store import (
    ARTICLE_COLUMNS,
    BASELINE_COLUMNS,
    DISTANCE_COLUMNS,
    EVENT_COLUMNS,
    EventStore,
    SourceFile,
    py_value,
    record_from_row,
    records_from_rows,
    sql_text,
    sql_value,
    store_error,
)

__all__ = ["ArticlePrint", "Batch", "ExtractionRows", "extraction_rows", "forget_sources", "write_batch",
           "write_baseline", "read_result", "load"]

_ARTICLE_FIELDS = tuple(f.name for f in fields(Article))
#: Article's fields in order; ``text`` is "" (the store keeps no text).
_SELECT_ARTICLES = (f"SELECT {', '.join(repr('') if n == 'text' else n for n in _ARTICLE_FIELDS)} "
                    "FROM articles ORDER BY path")
_EVENT_VALUES = attrgetter(*EVENT_COLUMNS)
_DISTANCE_VALUES = attrgetter(*DISTANCE_COLUMNS)


@dataclass(frozen=True, slots=True)
class ArticlePrint:
    """What the store keeps of an article's text: its MinHash signature and shingle count."""

    signature: bytes
    shingles: int
    meta_hash: str


@dataclass(frozen=True, slots=True)
class ExtractionRows:
    """An article's extraction as the store's ``events`` and ``distances`` rows (see :func:`extraction_rows`).

    ``reach`` is what the extraction asked of the gazetteer, as JSON, when the user gazetteer it was
    read with could not have answered any of it otherwise than the packaged data (:mod:`gazetteer.reach`);
    else None.
    """

    article: Article
    events: tuple[tuple, ...]
    distances: tuple[tuple, ...]
    reach: str | None = None


def _distance_point(d: DistanceMention) -> tuple[float | None, float | None]:
    """Return where a distance's row sits: its anchor place, or for a border or a front the place locating it.

    A country's own point lies far from the stretch of its border that is meant.
    """
    if d.anchor_kind in ("border", "front"):
        return d.locator_lon, d.locator_lat
    return d.anchor_lon, d.anchor_lat


def extraction_rows(ex: ArticleExtraction) -> ExtractionRows:
    """Render an extraction as the rows :func:`write_batch` inserts.

    Each event row is ``(geom, seq, *EVENT_COLUMNS)`` and each distance row
    ``(geom, seq, *DISTANCE_COLUMNS)``: a GeoPackage point, the position in the article,
    then the record's fields as stored (dates as ISO text).
    """
    events = tuple((gpkg.point_blob(e.lon, e.lat), i, *map(sql_value, _EVENT_VALUES(e)))
                   for i, e in enumerate(ex.events))
    distances = tuple((gpkg.point_blob(*_distance_point(d)), i, *map(sql_value, _DISTANCE_VALUES(d)))
                      for i, d in enumerate(ex.distances))
    return ExtractionRows(ex.article, events, distances, _reach_blob(ex))


def _reach_blob(ex: ArticleExtraction) -> str | None:
    """Return what the extraction asked of the gazetteer as JSON (a store is a file others open: no pickle); or None."""
    return None if ex.reach is None else ex.reach.to_json()


@dataclass(slots=True)
class Batch:
    """Everything one transaction writes (extractions as records, or as rows rendered elsewhere)."""

    extractions: list[ArticleExtraction | ExtractionRows] = field(default_factory=list)
    prints: dict[str, ArticlePrint] = field(default_factory=dict)
    sources: list[SourceFile] = field(default_factory=list)
    warnings: dict[str, list[str]] = field(default_factory=dict)
    links: dict[str, tuple[str | None, float | None]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.extractions or self.sources or self.warnings or self.links)


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _insert(conn: sqlite3.Connection, table: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
    if rows:
        marks = ", ".join("?" * len(columns))
        conn.executemany(f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


def _put_extraction(conn: sqlite3.Connection, ex: ArticleExtraction | ExtractionRows, fp: ArticlePrint,
                    now: str, gazetteer: str) -> None:
    rows = ex if isinstance(ex, ExtractionRows) else extraction_rows(ex)
    a = rows.article
    conn.execute("DELETE FROM events WHERE article = ?", (a.id,))
    conn.execute("DELETE FROM distances WHERE article = ?", (a.id,))
    row = (a.id, sql_value(a.path), sql_value(a.published), a.source, a.title, a.url, a.duplicate_of, None, len(a.text),
           fp.shingles, fp.signature, fp.meta_hash, now)
    conn.execute(f"INSERT OR REPLACE INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES ({', '.join('?' * len(row))})",
                 row)
    conn.execute("UPDATE articles SET reach = ?, gazetteer = ? WHERE id = ?", (rows.reach, gazetteer, a.id))
    _insert(conn, "events", ["geom", "seq", *EVENT_COLUMNS], rows.events)
    _insert(conn, "distances", ["geom", "seq", *DISTANCE_COLUMNS], rows.distances)


def _repoint(conn: sqlite3.Connection, gone: str) -> None:
    """Give the near-duplicates of a deleted canonical article a new canonical among themselves."""
    rows = conn.execute("SELECT id, path, published, chars FROM articles WHERE duplicate_of = ?", (gone,)).fetchall()
    if not rows:
        return
    recs = [record_from_row(_Rec, r, ("id", "path", "published", "chars")) for r in rows]
    keep = recs[canonical_index([(r.published, r.chars, r.path) for r in recs])].id
    conn.execute("UPDATE articles SET duplicate_of = NULL WHERE id = ?", (keep,))
    conn.execute("UPDATE articles SET duplicate_of = ? WHERE duplicate_of = ?", (keep, gone))


@dataclass(frozen=True, slots=True)
class _Rec:
    id: str
    path: str
    published: dt.date | None
    chars: int


def _release(conn: sqlite3.Connection, article_id: str, path: str) -> None:
    """Path no longer holds article_id: move the article to another path, or delete it."""
    left = [r[0] for r in conn.execute("SELECT path FROM sources WHERE article = ? ORDER BY path", (article_id,))]
    if left:
        conn.execute("UPDATE articles SET path = ? WHERE id = ? AND path = ?", (left[0], article_id, sql_value(path)))
        return
    for table in ("events", "distances"):
        conn.execute(f"DELETE FROM {table} WHERE article = ?", (article_id,))
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    _repoint(conn, article_id)


def _put_source(conn: sqlite3.Connection, src: SourceFile) -> None:
    old = conn.execute("SELECT article FROM sources WHERE path = ?", (sql_value(src.path),)).fetchone()
    conn.execute("INSERT OR REPLACE INTO sources (path, article, size, mtime_ns, meta_hash) VALUES (?, ?, ?, ?, ?)",
                 (sql_value(src.path), src.article, src.size, src.mtime_ns, src.meta_hash))
    if old and old[0] and old[0] != src.article:
        _release(conn, old[0], src.path)


def _put_warnings(conn: sqlite3.Connection, path: str, messages: list[str], now: str) -> None:
    """Make the path's warnings exactly these messages (kept ones keep their first time)."""
    keep = list(dict.fromkeys(sql_text(m) for m in messages))
    marks = ", ".join("?" * len(keep))
    path = sql_value(path)
    conn.execute(f"DELETE FROM warnings WHERE path = ? AND message NOT IN ({marks})", (path, *keep))
    conn.executemany("INSERT OR IGNORE INTO warnings (path, message, at) VALUES (?, ?, ?)",
                     [(path, m, now) for m in keep])


def write_batch(store: EventStore, batch: Batch) -> None:
    """Write one batch in one transaction (all of it, or on any error nothing)."""
    now = _now()
    gazetteer = store.extracted_under() if batch.extractions else ""
    with store.transaction() as conn:
        for ex in batch.extractions:
            _put_extraction(conn, ex, batch.prints[ex.article.id], now, gazetteer)
        for article_id, (dup, score) in batch.links.items():
            conn.execute("UPDATE articles SET duplicate_of = ?, duplicate_score = ? WHERE id = ?",
                         (dup, score, article_id))
        for src in batch.sources:
            _put_source(conn, src)
        for path, messages in batch.warnings.items():
            _put_warnings(conn, path, messages, now)
        if batch.extractions:
            gpkg.update_extent(conn, "events", "lon", "lat")
            gpkg.update_extent(conn, "distances", "anchor_lon", "anchor_lat")


def forget_sources(store: EventStore, paths: Sequence[str]) -> None:
    """Forget files that are gone, in one transaction.

    Their source rows, warnings and baseline rows go; an article that no other stored file
    holds goes with its events and distances (its near-duplicates get a new canonical
    version among themselves); one another file holds stays, under that file.
    """
    with store.transaction() as conn:
        for path in paths:
            row = conn.execute("SELECT article FROM sources WHERE path = ?", (sql_value(path),)).fetchone()
            for table, column in (("sources", "path"), ("warnings", "path"), ("baseline", "file")):
                conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (sql_value(path),))
            if row and row[0]:
                _release(conn, row[0], path)
        if paths:
            gpkg.update_extent(conn, "events", "lon", "lat")
            gpkg.update_extent(conn, "distances", "anchor_lon", "anchor_lat")


def write_baseline(store: EventStore, source: SourceFile, entries: list[BaselineEntry] | None,
                   warnings: list[str]) -> None:
    """Replace one baseline file's rows (None: keep the old rows, the file could not be read)."""
    with store.transaction() as conn:
        if entries is not None:
            conn.execute("DELETE FROM baseline WHERE file = ?", (sql_value(source.path),))
            _insert(conn, "baseline", ["file", "seq", *BASELINE_COLUMNS],
                    [(sql_value(source.path), i, *(sql_value(getattr(e, c)) for c in BASELINE_COLUMNS))
                     for i, e in enumerate(entries)])
        _put_source(conn, source)
        _put_warnings(conn, source.path, warnings, _now())


def _read_warnings(conn: sqlite3.Connection) -> list[CorpusWarning]:
    out = [CorpusWarning(py_value(r[0]), r[1])
           for r in conn.execute("SELECT path, message FROM warnings ORDER BY path, at")]
    copies = conn.execute("SELECT s.path, a.path FROM sources s JOIN articles a ON a.id = s.article "
                          "WHERE s.path != a.path ORDER BY s.path")
    out += [CorpusWarning(py_value(p), f"{py_value(p)}: has the same text as {py_value(first)}; read once, "
                          "delete one copy to silence this") for p, first in copies]
    versions = conn.execute("SELECT a.path, c.path, a.duplicate_score FROM articles a JOIN articles c "
                            "ON c.id = a.duplicate_of ORDER BY a.path")
    out += [CorpusWarning(py_value(p), f"{py_value(p)}: is another version of {py_value(c)} ({_containment(s)}); "
                          "counted as one report") for p, c, s in versions]
    return out


def _containment(score: float | None) -> str:
    return "containment not recorded" if score is None else f"containment {score:.2f}"  # stores before 2026-11


def _plain_rows(conn: sqlite3.Connection, sql: str) -> list[tuple]:
    """All rows of a query as plain tuples (no :class:`sqlite3.Row` per row)."""
    cur = conn.cursor()
    cur.row_factory = None
    return cur.execute(sql).fetchall()


def _article_rows(conn: sqlite3.Connection, table: str, columns: Sequence[str],
                  path_of: dict[str, str]) -> list[tuple]:
    """Rows of *columns* (then ``seq``) of an article's table, by article path then ``seq``.

    Rows of articles not stored are left out. The same rows and order as joining with
    ``articles`` and ordering by ``path, seq`` in SQL (Python's string order is SQLite's
    binary order), without SQLite sorting the wide rows.
    """
    rows = _plain_rows(conn, f"SELECT {', '.join(columns)}, seq FROM {table}")
    at = list(columns).index("article")
    rows = [r for r in rows if r[at] in path_of]
    rows.sort(key=lambda r: (path_of[r[at]], r[-1]))
    return rows


def read_result(store: EventStore) -> CorpusResult:
    """Return the store's contents as a :class:`~geo.model.CorpusResult` (article texts are "")."""
    with gc_paused():
        return _read_result(store)


def _read_result(store: EventStore) -> CorpusResult:
    conn = store.conn
    try:
        art = _plain_rows(conn, _SELECT_ARTICLES)
        path_of = {r[0]: py_value(r[1]) for r in art}
        ev_rows = _article_rows(conn, "events", EVENT_COLUMNS, path_of)
        dist_rows = _article_rows(conn, "distances", DISTANCE_COLUMNS, path_of)
        base_rows = _plain_rows(conn, f"SELECT {', '.join(BASELINE_COLUMNS)} FROM baseline ORDER BY file, seq")
    except sqlite3.Error as exc:
        raise store_error(store.path, exc) from exc
    where = f"store {store.path}, table"
    articles = records_from_rows(Article, art, _ARTICLE_FIELDS, f"{where} articles")
    events = records_from_rows(ControlEvent, ev_rows, EVENT_COLUMNS, f"{where} events")
    distances = records_from_rows(DistanceMention, dist_rows, DISTANCE_COLUMNS, f"{where} distances")
    baseline = records_from_rows(BaselineEntry, base_rows, BASELINE_COLUMNS, f"{where} baseline")
    return CorpusResult(store.path, articles, _read_warnings(conn), link_duplicate_events(events, articles),
                        distances, baseline)


def load(store: Path | str) -> CorpusResult:
    """Read a store into a :class:`~geo.model.CorpusResult`, as if its files were analysed.

    Article texts are "" (the store keeps none). Events are linked across near-duplicate
    articles with :func:`geo.extract.result.link_duplicate_events`; warnings include the stored
    read warnings plus one line per exact copy and per near-duplicate version.

    Raises
    ------
    CorpusError
        See :meth:`EventStore.open`.
    """
    with EventStore.open(store) as opened:
        return read_result(opened)
