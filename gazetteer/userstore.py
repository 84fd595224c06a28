"""The user gazetteer: places a user adds on top of the packaged data, in one indexed SQLite file.

``geo gazetteer import FILE`` adds a GeoNames dump's places and ``geo gazetteer add NAME LAT
LON`` one place; both add (a place with the id of a stored one replaces it), and ``import
--replace`` empties the store first, in the same transaction. Each row is checked before it is
written (:func:`check_place`): a name holds no line separator (a reader splitting lines on
U+2028 would cut the row), coordinates are finite and on the globe, the kind is known. A
failed import changes nothing.

The file lives in ``$GEO_DATA_DIR`` (else ``~/.local/share/geo``) as ``user_gazetteer.sqlite``.
A ``user_gazetteer.csv`` written by earlier versions is moved in on first use (its valid rows;
the file is kept as ``user_gazetteer.csv.imported``).

:func:`user_fingerprint` names the content cheaply (path, size and modification time of the
file, which every write changes: the journal is SQLite's rollback journal, not a WAL), for
caches built from the gazetteer.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import itertools
import math
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from gazetteer.errors import GazetteerDataError
from gazetteer.model import PLACE_KINDS, Place

__all__ = ["USER_FILE", "LEGACY_CSV", "user_gazetteer_path", "user_fingerprint", "check_place", "UserStore",
           "read_user_places", "read_user_rows", "CSV_COLUMNS", "check_rows", "place_row", "Written", "bulk",
           "last_of_each"]

USER_FILE = "user_gazetteer.sqlite"
LEGACY_CSV = "user_gazetteer.csv"
CSV_COLUMNS = ("id", "name", "names", "kind", "lat", "lon", "admin1", "country", "population", "parent", "source")
#: Characters that end a line for str.splitlines and most readers: none may be inside a field.
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS places (id TEXT PRIMARY KEY, name TEXT NOT NULL, names TEXT NOT NULL, "
    "kind TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, admin1 TEXT, country TEXT, "
    "population INTEGER NOT NULL, parent TEXT, source TEXT NOT NULL, seq INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)
_COLUMNS = CSV_COLUMNS


@contextlib.contextmanager
def bulk() -> Iterator[None]:
    """Pause Python's cycle collector while the rows of a user gazetteer are read, checked and filed.

    They are hundreds of thousands of tuples, strings and lists with no reference cycles, whose
    creation would otherwise set off collections that walk them all again and again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _data_dir() -> Path:
    return Path(os.environ.get("GEO_DATA_DIR") or Path.home() / ".local" / "share" / "geo")


def user_gazetteer_path() -> Path:
    """Return the user gazetteer file (``$GEO_DATA_DIR/user_gazetteer.sqlite``, else ``~/.local/share/geo``)."""
    return _data_dir() / USER_FILE


def user_fingerprint(path: Path | None = None) -> str:
    """Return a cheap fingerprint of the user gazetteer's content: path, size, mtime_ns and change counter of its file.

    Every write (import, add, replace, migration) changes the file's size or modification
    time; ``"none"`` when there is no user gazetteer.
    """
    path = path or user_gazetteer_path()
    try:
        st = os.stat(path)
    except OSError:
        legacy = path.with_name(LEGACY_CSV)
        try:
            st = os.stat(legacy)
        except OSError:
            return "none"
        path = legacy
    return f"{os.path.abspath(path)}:{st.st_size}:{st.st_mtime_ns}:{_change_counter(path)}"


def _change_counter(path: Path) -> int:
    """Return SQLite's file change counter (header bytes 24-27), which every committed write bumps; 0 for a CSV."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(28)
    except OSError:
        return 0
    return int.from_bytes(header[24:28], "big") if header.startswith(b"SQLite format 3\x00") else 0


_LINE_BREAK = re.compile("[" + re.escape("".join(sorted(LINE_BREAKS))) + "]")
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f]")  # every C0 control but the tab, and DEL
_UNSTORABLE = re.compile(f"{_LINE_BREAK.pattern}|{_CONTROL.pattern}")


def _bad_text(field: str, value: str) -> str | None:
    if _LINE_BREAK.search(value):
        return f"{field} {value!r} holds a line break (U+2028, U+2029, U+0085, form feed ...); remove it"
    if _CONTROL.search(value):
        return f"{field} {value!r} holds a control character; remove it"
    return None


def check_place(place: Place) -> Place:
    """Return ``place`` if it can be stored, else raise naming the field and the fix.

    Raises
    ------
    GazetteerDataError
        An empty id or name, a line break or control character in a text field, an unknown
        kind, a coordinate that is not finite or off the globe, a negative population.
    """
    if not place.id.strip() or not place.name.strip():
        raise GazetteerDataError(f"place {place.id!r} {place.name!r}: an id and a name are needed")
    texts = [("id", place.id), ("name", place.name), ("admin1", place.admin1 or ""), ("country", place.country or ""),
             ("parent", place.parent or ""), ("source", place.source or ""),
             *(("alternate name", n) for n in place.names)]
    if _bad_text("", "\t".join(value for _, value in texts)):  # one search for the common, clean row
        for field, value in texts:
            problem = _bad_text(field, value)
            if problem:
                raise GazetteerDataError(problem)
    if "|" in place.name or any("|" in n for n in place.names):
        raise GazetteerDataError(f"name {place.name!r}: '|' separates alternate names; remove it from the name")
    if place.kind not in PLACE_KINDS:
        raise GazetteerDataError(f"kind {place.kind!r} is not one of {', '.join(PLACE_KINDS)}")
    lat, lon = place.lat, place.lon
    if not (isinstance(lat, (int, float)) and isinstance(lon, (int, float)) and math.isfinite(lat)
            and math.isfinite(lon) and -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise GazetteerDataError(f"coordinates {lat!r}, {lon!r} of {place.name!r} are not on the globe; "
                                 "give a latitude in -90..90 and a longitude in -180..180 (decimal degrees)")
    if place.population < 0:
        raise GazetteerDataError(f"population {place.population} of {place.name!r} is negative")
    return place


def check_rows(rows: Sequence[Sequence]) -> tuple[int, str] | None:
    """Return the index of the first row that :func:`check_place` refuses and why, or None when all pass.

    The rows are tuples of :data:`CSV_COLUMNS` as :func:`place_row` makes them (alternate names
    joined by ``|``, coordinates floats, population an int). A batch is checked at once (one
    search of all its text, the coordinates as arrays), and only a failing batch row by row.
    """
    if not rows:
        return None
    ids, names, alts, kinds, lats, lons, admin1, country, population, parent, source = zip(*rows, strict=True)
    # one text of every field (the few distinct values of the repetitive columns once), searched once
    text = "\t".join(["\t".join(ids), "\t".join(names), "\t".join(alts),
                      *("\t".join(set(column) - {None}) for column in (admin1, country, parent, source))])
    lat, lon = np.asarray(lats, dtype=np.float64), np.asarray(lons, dtype=np.float64)
    clean = (all(map(str.strip, ids)) and all(map(str.strip, names)) and not _UNSTORABLE.search(text)
             and "|" not in "\t".join(names) and set(kinds) <= _KINDS and min(population) >= 0
             and all(type(v) is float for v in itertools.chain(lats, lons))
             and bool(np.all((np.abs(lat) <= 90.0) & (np.abs(lon) <= 180.0))))  # NaN fails the comparison
    if clean:
        return None
    for i, row in enumerate(rows):
        try:
            check_place(_place(row))
        except GazetteerDataError as exc:
            return i, str(exc)
    return None


_KINDS = frozenset(PLACE_KINDS)


def place_row(place: Place) -> tuple:
    """Return *place* as a stored row: a tuple of :data:`CSV_COLUMNS`, alternate names joined by ``|``."""
    return (place.id, place.name, "|".join(place.names), place.kind, float(place.lat), float(place.lon),
            place.admin1, place.country, int(place.population), place.parent, place.source or "")


def _place(row: Sequence) -> Place:
    pid, name, names, kind, lat, lon, admin1, country, population, parent, source = row
    return Place(id=pid, name=name, names=tuple(n for n in names.split("|") if n), kind=kind, lat=lat, lon=lon,
                 admin1=admin1, country=country, population=population, parent=parent, source=source)


@dataclass(frozen=True)
class Written:
    """What :meth:`UserStore.add_rows` wrote.

    Parameters
    ----------
    count : int
        How many rows were written.
    rows : list of tuple or None
        When the store holds no other rows (``replace``, or it was empty): its rows in the order
        :meth:`UserStore.row_batches` gives them (a repeated id once, where it was last written);
        else None.
    fingerprint : str or None
        :func:`user_fingerprint` of the file as this write left it; None when another write
        followed at once.
    alone : bool
        The store holds no other rows than those written (``rows`` is them, unless not kept).
    """

    count: int
    rows: list[tuple] | None
    fingerprint: str | None
    alone: bool = False


class UserStore:
    """The user gazetteer file, open; use :meth:`open` (a context manager that closes it).

    Parameters
    ----------
    path : pathlib.Path
        The SQLite file.
    conn : sqlite3.Connection
        Its connection.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn

    @classmethod
    def open(cls, path: Path | None = None, *, create: bool = False) -> UserStore:
        """Open the user gazetteer (created with ``create``; a legacy CSV beside it is moved in).

        Raises
        ------
        GazetteerDataError
            The file is not a user gazetteer, or cannot be opened.
        """
        path = path or user_gazetteer_path()
        legacy = path.with_name(LEGACY_CSV)
        if not path.exists() and not create and not legacy.is_file():
            raise GazetteerDataError(f"no user gazetteer at {path}; add places with 'geo gazetteer add' or "
                                     "'geo gazetteer import'")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, isolation_level=None, timeout=30.0)
            for statement in _SCHEMA:
                conn.execute(statement)
            conn.execute("SELECT count(*) FROM places").fetchone()
        except (OSError, sqlite3.Error) as exc:
            raise GazetteerDataError(f"user gazetteer {path} cannot be opened ({exc}); move it away and "
                                     "import your places again") from exc
        store = cls(path, conn)
        if legacy.is_file():
            store._migrate(legacy)
        return store

    def __enter__(self) -> UserStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.close()

    def _migrate(self, legacy: Path) -> None:
        good = []
        with contextlib.suppress(OSError, csv.Error, UnicodeDecodeError):
            with legacy.open(encoding="utf-8-sig", newline="") as fh:
                for row in csv.DictReader(fh):
                    try:
                        good.append(check_place(_csv_place(row)))
                    except (GazetteerDataError, ValueError, TypeError, KeyError):
                        continue
        self.add(good)
        os.replace(legacy, legacy.with_name(LEGACY_CSV + ".imported"))

    def add(self, places: Iterable[Place], *, replace: bool = False, checked: bool = False) -> int:
        """Check and write places in one transaction; return how many were written.

        Parameters
        ----------
        places : iterable of Place
            The places; one whose id is stored replaces the stored row.
        replace : bool
            Remove every stored place first (in the same transaction).
        checked : bool
            Every place has passed :func:`check_place` already; they are not checked again.

        Raises
        ------
        GazetteerDataError
            A place fails :func:`check_place` or the file cannot be written; nothing is written.
        """
        rows = (place_row(place if checked else check_place(place)) for place in places)
        return self.add_rows(rows, replace=replace).count

    def add_rows(self, rows: Iterable[Sequence], *, replace: bool = False, keep_rows: bool = True) -> Written:
        """Write checked rows in one transaction (as :meth:`add` writes places).

        Parameters
        ----------
        rows : iterable of tuple
            Rows that :func:`check_rows` passed, as :func:`place_row` makes them.
        replace : bool
            Remove every stored place first (in the same transaction).
        keep_rows : bool
            Return the store's rows when it holds no others (``Written.rows``); else only say so.

        Returns
        -------
        Written
            How many rows were written, the store's rows when it holds no others, and its fingerprint.

        Raises
        ------
        GazetteerDataError
            The file cannot be written; nothing is written.
        """
        conn = self.conn
        insert = f"INSERT OR REPLACE INTO places VALUES ({', '.join('?' * 12)})"
        it = iter(rows)
        try:
            conn.execute("BEGIN IMMEDIATE")
            if replace:
                conn.execute("DELETE FROM places")
            seq = conn.execute("SELECT coalesce(max(seq), 0) FROM places").fetchone()[0]
            alone: list[tuple] | None = [] if seq == 0 else None  # every row of the store is in *rows*
            kept = alone if keep_rows else None
            count = 0
            for batch in iter(lambda: list(itertools.islice(it, 10_000)), []):
                conn.executemany(insert, [(*row, seq + count + i) for i, row in enumerate(batch, start=1)])
                count += len(batch)
                if kept is not None:
                    kept += map(tuple, batch)
            conn.execute("INSERT INTO meta VALUES ('generation', '1') ON CONFLICT(key) DO UPDATE SET "
                         "value = CAST(value AS INTEGER) + 1")
            generation = self._generation()
            conn.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise GazetteerDataError(f"user gazetteer {self.path} cannot be written ({exc}); check the disk "
                                         "and that no other import is running") from exc
            raise
        # The file's fingerprint as this write left it: stable around a read of the generation that is still ours.
        before = user_fingerprint(self.path)
        try:
            ours = self._generation() == generation
        except sqlite3.Error:
            ours = False
        fingerprint = before if ours and user_fingerprint(self.path) == before else None
        return Written(count, last_of_each(kept) if kept is not None else None, fingerprint, alone is not None)

    def _generation(self) -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return str(row[0]) if row else ""

    def __len__(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM places").fetchone()[0])

    def places(self) -> Iterator[Place]:
        """Yield every stored place, in the order they were added."""
        for rows in self.row_batches():
            yield from map(_place, rows)

    def row_batches(self) -> Iterator[list[tuple]]:
        """Yield the stored rows in batches, in the order they were added, as tuples of :data:`CSV_COLUMNS`.

        ``names`` is the alternate names joined by ``|``; ``admin1``, ``country`` and ``parent``
        may be None.
        """
        cur = self.conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM places ORDER BY seq")
        while rows := cur.fetchmany(10_000):
            yield rows


def last_of_each(rows: list[tuple]) -> list[tuple]:
    """Return *rows* as a store holds them once written in order: a repeated id once, where it was last written."""
    if len({row[0] for row in rows}) == len(rows):
        return rows
    last = {row[0]: i for i, row in enumerate(rows)}
    return [row for i, row in enumerate(rows) if last[row[0]] == i]


def _csv_place(row: dict) -> Place:
    return Place(id=row["id"], name=row["name"], names=tuple(n for n in (row["names"] or "").split("|") if n),
                 kind=row["kind"], lat=float(row["lat"]), lon=float(row["lon"]), admin1=row["admin1"] or None,
                 country=row["country"] or None, population=int(row["population"] or 0),
                 parent=row["parent"] or None, source=row["source"] or "")


def read_user_rows(path: Path | None = None) -> list[tuple]:
    """Return the rows of the user gazetteer as tuples of :data:`CSV_COLUMNS` ([] when there is none).

    Raises
    ------
    GazetteerDataError
        The file exists but is not a readable user gazetteer.
    """
    path = path or user_gazetteer_path()
    if not path.exists() and not path.with_name(LEGACY_CSV).is_file():
        return []
    if path.exists() and not path.is_file():
        raise GazetteerDataError(f"user gazetteer {path} is not a file; move it away")
    try:
        with UserStore.open(path) as store:
            return [row for rows in store.row_batches() for row in rows]
    except sqlite3.Error as exc:
        raise GazetteerDataError(f"user gazetteer {path} cannot be read ({exc}); move it away and import "
                                 "your places again") from exc


def read_user_places(path: Path | None = None) -> list[Place]:
    """Return the places of the user gazetteer ([] when there is none); :func:`read_user_rows` as records.

    Raises
    ------
    GazetteerDataError
        The file exists but is not a readable user gazetteer.
    """
    return list(map(_place, read_user_rows(path)))
