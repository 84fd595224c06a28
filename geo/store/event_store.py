"""The event store: a corpus's extraction results in one SQLite file that is also a GeoPackage.

``geo ingest PATHS --store FILE`` writes it; ``render``, ``control``, ``timeline``,
``events`` and ``export`` read it with ``--store FILE`` (see :func:`load`).

Why SQLite/GeoPackage and not GeoParquet
----------------------------------------
* **Transactions.** Each batch of articles is written in one transaction: an interrupted
  ingest keeps every committed batch and nothing half-written (an article is stored with
  all its events, or not at all).
* **Idempotent by key.** Articles are keyed by their content id, source files by path,
  events by event id: re-ingesting the same files changes nothing.
* **Appends without rewriting.** A new batch is an insert; GeoParquet files are immutable,
  so incremental appends would need part files, compaction and a manifest, and still no
  transactions.
* One file, no server, indexed queries (events by place, date, article).
* The ``events`` and ``distances`` tables are GeoPackage point layers (WGS 84), so QGIS,
  GDAL and pyogrio open the store directly.

Tables: ``articles`` (no full text; a MinHash signature for near-duplicate linking),
``sources`` (file path -> article id, size, mtime, metadata hash: unchanged files are
skipped without being read), ``events``, ``distances``, ``warnings``, ``baseline``, ``meta``.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path
from typing import Any

from gazetteer.store import user_gazetteer_path
from geo import __version__
from geo.errors import CorpusError
from geo.model import BaselineEntry, ControlEvent, DistanceMention
from geo.store import gpkg

__all__ = ["SCHEMA_VERSION", "EventStore", "SourceFile", "StoredArticle", "extractor_version",
           "ARTICLE_COLUMNS", "BASELINE_COLUMNS", "DISTANCE_COLUMNS", "EVENT_COLUMNS", "record_from_row",
           "records_from_rows", "sql_value", "sql_text", "py_value", "store_error"]

#: Version of the store's table layout; a store with a newer one is refused, an older one upgraded.
SCHEMA_VERSION = 5
#: The columns each version added, as ``ALTER TABLE`` statements run when an older store is opened.
_UPGRADES: dict[int, tuple[str, ...]] = {
    2: ("ALTER TABLE events ADD COLUMN theatre TEXT",),
    3: ("ALTER TABLE events ADD COLUMN denies TEXT",),
    4: tuple(f"ALTER TABLE distances ADD COLUMN {name} {kind}" for name, kind in (
        ("anchor_text", "TEXT"), ("anchor_kind", "TEXT"), ("anchor_country", "TEXT"), ("subject_place", "TEXT"),
        ("locator", "TEXT"), ("locator_name", "TEXT"), ("locator_lat", "REAL"), ("locator_lon", "REAL"),
        ("side_country", "TEXT"), ("unresolved", "TEXT"))),
    5: ("ALTER TABLE articles ADD COLUMN reach TEXT", "ALTER TABLE articles ADD COLUMN gazetteer TEXT"),
}
EVENT_COLUMNS = [f.name for f in fields(ControlEvent)]
DISTANCE_COLUMNS = [f.name for f in fields(DistanceMention)]
BASELINE_COLUMNS = [f.name for f in fields(BaselineEntry)]
ARTICLE_COLUMNS = ("id", "path", "published", "source", "title", "url", "duplicate_of", "duplicate_score", "chars",
             "shingles", "signature", "meta_hash", "ingested_at")


_SQL_TYPES = {"dt.date": "DATE", "float": "REAL", "int": "INTEGER"}


def _sql_type(field_type: str) -> str:
    return _SQL_TYPES.get(field_type.removesuffix(" | None"), "TEXT")


def _columns(cls: type) -> str:
    return ", ".join(f"{f.name} {_sql_type(str(f.type))}" for f in fields(cls))


_SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE articles (id TEXT PRIMARY KEY, path TEXT NOT NULL, published DATE, source TEXT, title TEXT, "
    "url TEXT, duplicate_of TEXT, duplicate_score REAL, chars INTEGER NOT NULL, shingles INTEGER NOT NULL, "
    "signature BLOB NOT NULL, meta_hash TEXT NOT NULL, ingested_at DATETIME NOT NULL, reach TEXT, gazetteer TEXT)",
    "CREATE TABLE sources (path TEXT PRIMARY KEY, article TEXT, size INTEGER NOT NULL, "
    "mtime_ns INTEGER NOT NULL, meta_hash TEXT NOT NULL)",
    f"CREATE TABLE events (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT, seq INTEGER NOT NULL, "
    f"{_columns(ControlEvent)}, UNIQUE(id))",
    f"CREATE TABLE distances (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT, seq INTEGER NOT NULL, "
    f"{_columns(DistanceMention)}, UNIQUE(article, seq))",
    "CREATE TABLE warnings (path TEXT NOT NULL, message TEXT NOT NULL, at DATETIME NOT NULL, "
    "PRIMARY KEY (path, message))",
    f"CREATE TABLE baseline (file TEXT NOT NULL, seq INTEGER NOT NULL, {_columns(BaselineEntry)}, "
    "PRIMARY KEY (file, seq))",
    "CREATE INDEX events_place ON events(place_id)",
    "CREATE INDEX events_date ON events(date)",
    "CREATE INDEX events_article ON events(article)",
    "CREATE INDEX distances_article ON distances(article)",
    "CREATE INDEX sources_article ON sources(article)",
    "CREATE INDEX articles_duplicate ON articles(duplicate_of)",
)
_FIX_CREATE = "pass a new file name to create a store, or the store 'geo ingest' wrote"


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One input file as last ingested: its article (None if unusable) and what it looked like."""

    path: str
    article: str | None
    size: int
    mtime_ns: int
    meta_hash: str


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article's stored record (no text): what linking and skipping need."""

    id: str
    path: str
    published: dt.date | None
    source: str | None
    title: str | None
    url: str | None
    duplicate_of: str | None
    duplicate_score: float | None
    chars: int
    shingles: int
    signature: bytes
    meta_hash: str


_STORED_NAMES = tuple(f.name for f in fields(StoredArticle))
_SELECT_STORED = f"SELECT {', '.join(_STORED_NAMES)} FROM articles WHERE id = ?"


def extractor_version() -> dict[str, str]:
    """Return the geo version and fingerprints of the gazetteer data.

    ``gazetteer`` names the packaged files and the user gazetteer together, ``gazetteer_packaged`` the
    packaged files alone (a store extracted with the same packaged data can keep the articles a change of
    the user gazetteer cannot reach: :meth:`EventStore.unreached_sources`).
    """
    digest = hashlib.sha256()
    data = resources.files("gazetteer") / "data"
    names = sorted(p.name for p in data.iterdir() if p.name.endswith((".npz", ".csv", ".geojson", ".txt")))
    for name in names:
        digest.update(name.encode() + b"\0" + (data / name).read_bytes())
    packaged = digest.hexdigest()[:16]
    user = user_gazetteer_path()
    if user.is_file():
        digest.update(b"user\0" + user.read_bytes())
    return {"geo_version": __version__, "gazetteer": digest.hexdigest()[:16], "gazetteer_packaged": packaged}


#: The keys of :func:`extractor_version` that tell a store's extraction stale.
_STALE_KEYS = ("geo_version", "gazetteer")


def sql_value(value: Any) -> Any:
    """Return a value as stored: dates as ISO text, a path the OS gave as bytes as those bytes, the rest as is.

    A file name that is not UTF-8 reaches Python with its undecodable bytes as lone surrogates
    (``os.fsdecode``); SQLite text cannot hold them, so such a path is stored as a BLOB of the
    name's bytes and read back by :func:`py_value`.
    """
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return os.fsencode(value)
    return value


def sql_text(text: str) -> str:
    """Return text for a TEXT column: the undecodable bytes of a file name in it written as backslash escapes."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def py_value(value: Any) -> Any:
    """Return a stored path as Python has it: a BLOB of a file name's bytes as ``os.fsdecode`` gives it."""
    return os.fsdecode(value) if isinstance(value, bytes) else value


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


#: Columns that hold file paths (text, or a BLOB of a name's bytes: :func:`sql_value`).
_PATHS = frozenset({"path", "file"})


@functools.cache
def _dated(cls: type) -> frozenset[str]:
    """Names of the date-typed fields of a dataclass."""
    return frozenset(f.name for f in fields(cls) if _sql_type(str(f.type)) == "DATE")


def record_from_row(cls: type, row: sqlite3.Row, names: Sequence[str]) -> Any:
    """Return a dataclass record of type *cls* from the columns *names* of a row (ISO text back to dates)."""
    dated = _dated(cls)
    return cls(**{n: _date(row[n]) if n in dated else py_value(row[n]) if n in _PATHS else row[n] for n in names})


@functools.cache
def _leading_fields(cls: type, count: int) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))[:count]


def _checked_date(value: Any, column: str, where: str) -> dt.date | None:
    try:
        return _date(value)
    except (ValueError, TypeError):
        raise CorpusError(f"{where}, column {column}: {value!r} is not a date (YYYY-MM-DD); fix the row, or make a "
                          "new store from the same files with 'geo ingest PATHS --store NEW.gpkg'") from None


def records_from_rows(cls: type, rows: Sequence[Sequence[Any]], names: Sequence[str],
                      where: str = "store") -> list[Any]:
    """Return dataclass records of type *cls* from rows of plain values, built column by column.

    Parameters
    ----------
    cls : type
        A dataclass.
    rows : sequence of sequences
        Rows whose first ``len(names)`` values are the columns *names* (more values after
        them are ignored); date-typed fields hold ISO text or None, as stored.
    names : sequence of str
        The first fields of *cls*, in their order (the others keep their defaults).
    where : str
        The store and table the rows come from, for the message of a bad value.

    Returns
    -------
    list
        One record per row, equal to what :func:`record_from_row` gives for it.

    Raises
    ------
    ValueError
        *names* are not the leading fields of *cls* in order.
    CorpusError
        A date column holds a value that is not a date.
    """
    names = tuple(names)
    if _leading_fields(cls, len(names)) != names:
        raise ValueError(f"{names} are not the first fields of {cls.__name__}; select them in field order")
    if not rows:
        return []
    columns: list[Any] = list(zip(*rows, strict=True))[:len(names)]  # a tuple per column; dates: a list
    for i, name in enumerate(names):
        if name in _dated(cls):
            parsed = {v: _checked_date(v, name, where) for v in set(columns[i])}
            columns[i] = [parsed[v] for v in columns[i]]
        elif name in _PATHS:
            columns[i] = [py_value(v) for v in columns[i]]
    return list(map(cls, *columns))


def _writable(path: Path) -> bool:
    folder = path.parent if str(path.parent) else Path(".")
    return os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def _connect(path: Path, create: bool) -> sqlite3.Connection:
    """Connect for writing; a store only read, in a folder or file this process cannot write, read-only.

    A store in write-ahead-log mode needs its ``-shm`` file even to be read: where it cannot be
    made, the file is opened as immutable (no other process may be writing it, which a folder
    nobody here can write makes likely).
    """
    if create or _writable(path):
        return sqlite3.connect(path, isolation_level=None, timeout=30.0)
    uri = path.absolute().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, timeout=30.0)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        return sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None, timeout=30.0)


def store_error(path: Path, exc: sqlite3.Error) -> CorpusError:
    """Return what an SQLite failure on the store at ``path`` means for the user, and what to do.

    Full disks and file-size limits, a lock held by another writer, a read-only file or folder,
    a damaged file: the user's environment, not a bug. Each message names the store and the fix;
    a failed write leaves the store as its last finished batch left it.
    """
    text = str(exc).lower()
    code = getattr(exc, "sqlite_errorcode", None)
    if "full" in text or code == 13:
        what = "the disk (or a file-size limit) holding it is full"
        fix = "free space and run the same command again: the batches already written stay"
    elif "locked" in text or "busy" in text or code in (5, 6):
        what = "another process is writing it (another geo ingest?)"
        fix = "wait for that one to finish, then run this again"
    elif "readonly" in text or "read-only" in text or code == 8:
        what = "it (or its folder) is read-only"
        fix = "make the file and its folder writable, or ingest into another --store"
    elif "malformed" in text or "not a database" in text or "corrupt" in text or code in (11, 26):
        what = "the file is damaged"
        fix = f"move it away and make a new store from the same files: 'geo ingest PATHS --store {path}'"
    elif "no such table" in text or "no such column" in text:
        what = "it cannot be read: a table or column is missing (written by another program, or damaged)"
        fix = f"make a new store from the same files: 'geo ingest PATHS --store NEW.gpkg' (not {path})"
    elif "disk i/o" in text or code == 10:
        what = "the disk reported an I/O error"
        fix = "check the disk, then run the same command again"
    else:
        what = f"SQLite failed ({exc})"
        fix = "check the file and its folder, then run the same command again"
    return CorpusError(f"store {path}: {what} ({exc}); {fix}")


class EventStore:
    """An open event store; use :meth:`open` (also a context manager that closes it)."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, path: Path | str, *, create: bool = False) -> EventStore:
        """Open a store, creating it when ``create`` and the file is missing or empty.

        Raises
        ------
        CorpusError
            The file is missing (and not ``create``), is not SQLite, is an SQLite or
            GeoPackage file that is not a geo store, or has a newer schema.
        """
        path = Path(path)
        if path.is_dir():
            raise CorpusError(f"store {path} is a folder; pass a .gpkg file (use --corpus for a folder)")
        if not path.exists() and not create:
            raise CorpusError(f"store {path} does not exist; create it with 'geo ingest PATHS --store {path}'")
        if not create and path.stat().st_size == 0:
            raise CorpusError(f"store {path} is empty (0 bytes), not an event store; delete it, or fill it with "
                              f"'geo ingest PATHS --store {path}'")
        try:
            conn = _connect(path, create)
            conn.row_factory = sqlite3.Row
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as exc:
            raise CorpusError(f"store {path} is not an SQLite file ({exc}); {_FIX_CREATE}") from exc
        store = cls(path, conn)
        try:
            if not tables and create:
                tables = store._create()
            store._check(tables or {"meta"})
            if create:
                conn.execute("PRAGMA journal_mode=WAL")
        except sqlite3.Error as exc:
            conn.close()
            raise store_error(path, exc) from exc
        except BaseException:
            conn.close()
            raise
        return store

    def _create(self) -> set[str]:
        """Create the tables, unless another process did since they were listed; return the tables."""
        with self.transaction() as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if tables:  # two first ingests: the other one created the store while this one waited
                return tables
            gpkg.create_system_tables(conn)
            for sql in _SCHEMA:
                conn.execute(sql)
            gpkg.register_points(conn, "events", "geom", "control-change events, with the evidence sentence")
            gpkg.register_points(conn, "distances", "geom", "quoted distances, at their anchor place (a border's "
                                 "or front's: the place that locates it)")
            meta = {"schema_version": str(SCHEMA_VERSION), **extractor_version()}
            conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        return {"meta"}

    def _check(self, tables: set[str]) -> None:
        if "meta" not in tables:
            raise CorpusError(f"store {self.path} is not a geo event store (no meta table); {_FIX_CREATE}")
        try:
            meta = self.meta()
        except sqlite3.DatabaseError as exc:
            raise CorpusError(f"store {self.path} cannot be read ({exc}); restore it or rebuild it with "
                              "'geo ingest --rebuild'") from exc
        version = meta.get("schema_version", "")
        if not version.isdigit():
            raise CorpusError(f"store {self.path} is not a geo event store (no schema version); {_FIX_CREATE}")
        if int(version) > SCHEMA_VERSION:
            raise CorpusError(f"store {self.path} has schema {version}, newer than this geo's {SCHEMA_VERSION}; "
                              "upgrade geo to read it")
        if int(version) < SCHEMA_VERSION:
            self._upgrade(int(version))

    def _upgrade(self, version: int) -> None:
        """Add the columns of the newer schema versions to a store written by an older geo."""
        try:
            with self.transaction() as conn:
                for step in range(version + 1, SCHEMA_VERSION + 1):
                    for sql in _UPGRADES.get(step, ()):
                        table, column = sql.split()[2], sql.split()[5]
                        if column not in {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}:
                            conn.execute(sql)
                conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))
        except sqlite3.OperationalError as exc:
            raise CorpusError(f"store {self.path} has schema {version} and cannot be upgraded to "
                              f"{SCHEMA_VERSION} ({exc}); make it writable, or make a new store with "
                              "'geo ingest PATHS --store NEW.gpkg'") from exc

    def close(self) -> None:
        """Close the connection (checkpointing the write-ahead log)."""
        self.conn.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed on exit, rolled back on any exception."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # ------------------------------------------------------------------ meta
    def meta(self) -> dict[str, str]:
        """Return the meta table as a dict (schema version, extractor version, gazetteer fingerprint)."""
        return {r[0]: r[1] for r in self.conn.execute("SELECT key, value FROM meta")}

    def version_warning(self) -> str | None:
        """Return a one-line warning when the store was extracted by another geo or gazetteer, else None."""
        meta, now = self.meta(), extractor_version()
        stale = [f"{k} {meta.get(k, '?')} (now {now[k]})" for k in _STALE_KEYS if meta.get(k) != now[k]]
        if not stale:
            return None
        only_user = stale == [f"gazetteer {meta.get('gazetteer', '?')} (now {now['gazetteer']})"] and (
            meta.get("gazetteer_packaged") == now["gazetteer_packaged"])
        return (f"store {self.path} was extracted with {', '.join(stale)}; run "
                f"'geo ingest --rebuild --store {self.path}' to re-extract its articles"
                + (" (only those the change of the user gazetteer can reach)" if only_user else ""))

    @functools.cached_property
    def running_version(self) -> dict[str, str]:
        """:func:`extractor_version` of this process, computed once per opened store (it reads the packaged data)."""
        return extractor_version()

    def extracted_under(self) -> str:
        """Return what an article extracted now is stored as extracted under: geo version and gazetteer data."""
        now = self.running_version
        return f"{now['geo_version']}|{now['gazetteer_packaged']}|{now['gazetteer']}"

    def stored_reach(self, article_id: str) -> str | None:
        """Return the stored questions of an article's extraction to the gazetteer, as JSON, or None.

        Kept (:func:`geo.store.rows.extraction_rows`, :meth:`gazetteer.reach.Reach.to_json`) when the user
        gazetteer it was extracted under could not have answered them otherwise than the packaged data;
        None as well when the article is not stored, or was extracted by another geo version or with
        other packaged gazetteer data.
        """
        row = self.conn.execute("SELECT reach, gazetteer FROM articles WHERE id = ?", (article_id,)).fetchone()
        if not row or not isinstance(row[0], str) or not isinstance(row[1], str):
            return None
        now = self.running_version
        version, packaged, _ = (row[1].split("|") + ["", "", ""])[:3]
        return row[0] if (version, packaged) == (now["geo_version"], now["gazetteer_packaged"]) else None

    def stamp_version(self) -> None:
        """Record the running geo version and gazetteer fingerprint (after a full rebuild)."""
        with self.transaction() as conn:
            conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", extractor_version().items())

    # ------------------------------------------------------------------ reading
    def source(self, path: str) -> SourceFile | None:
        """Return the stored record of one input file, or None."""
        row = self.conn.execute("SELECT * FROM sources WHERE path = ?", (sql_value(path),)).fetchone()
        return SourceFile(**{**dict(row), "path": py_value(row["path"])}) if row else None

    def source_paths(self) -> list[str]:
        """Every input file path the store knows, sorted."""
        return [py_value(r[0]) for r in self.conn.execute("SELECT path FROM sources ORDER BY path")]

    def article(self, article_id: str) -> StoredArticle | None:
        """Return the stored record of one article, or None."""
        return next(iter(self.articles([article_id])), None)

    def articles(self, ids: Iterable[str]) -> list[StoredArticle]:
        """Return the stored records of these article ids (missing ones are left out)."""
        out = []
        for article_id in dict.fromkeys(ids):
            row = self.conn.execute(_SELECT_STORED, (article_id,)).fetchone()
            if row:
                out.append(record_from_row(StoredArticle, row, _STORED_NAMES))
        return out

    def members(self, canonical_ids: Iterable[str]) -> list[str]:
        """Ids of the articles linked as near-duplicates of these canonical articles."""
        out: list[str] = []
        for cid in dict.fromkeys(canonical_ids):
            out += [r[0] for r in self.conn.execute("SELECT id FROM articles WHERE duplicate_of = ?", (cid,))]
        return out

    def signatures(self) -> Iterator[tuple[str, bytes, int]]:
        """``(article id, MinHash signature bytes, shingle count)`` of every stored article."""
        yield from self.conn.execute("SELECT id, signature, shingles FROM articles ORDER BY rowid")

    def counts(self) -> dict[str, int]:
        """Row counts of the store's tables."""
        names = ("articles", "sources", "events", "distances", "warnings", "baseline")
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in names}

