"""Importing a GeoNames dump (``SY.txt``, ``allCountries.txt``) into the user gazetteer.

GeoNames dumps are tab-separated, 19 columns per row (geonameid, name, asciiname,
alternatenames, latitude, longitude, feature class, feature code, country code, cc2,
admin1 code, admin2, admin3, admin4, population, elevation, dem, timezone, modification
date). Populated places (class P), first-level divisions (ADM1), spots (S: bases,
airports, schools ...) and areas (L) are kept; the kind comes from the feature code. The
optional ``alternateNamesV2.txt`` (10 columns) adds names to the imported places. The places
are added to the user gazetteer (:mod:`gazetteer.userstore`) in one transaction. When the import
leaves the user gazetteer holding its rows alone (``--replace``, or a first import), it also
builds their :class:`gazetteer.store.UserTables` into the cache from the rows in hand, so that
the next run maps them instead of reading and folding every row again; where the process may
use two CPUs, a forked child checks the rows and writes them to SQLite while this process builds
the tables.
"""

from __future__ import annotations

import contextlib
import itertools
import operator
import os
import pickle
import re
import signal
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import numpy as np

from gazetteer.cache import writable
from gazetteer.errors import GazetteerDataError
from gazetteer.model import Place
from gazetteer.store import UserTables, build_user_tables, cache_user_tables, load_store
from gazetteer.userstore import UserStore, Written, bulk, check_place, check_rows, last_of_each, user_gazetteer_path

__all__ = ["import_geonames", "add_place", "kind_of"]

_MILITARY = {"MILB", "INSM", "AIRB", "NVB"}
_INFRASTRUCTURE = {"AIRP", "AIRF", "DAM", "BDG", "RSTN", "PS", "PSTP", "PRT", "RD", "RDJCT", "CRSG"}


def kind_of(feature_class: str, feature_code: str, population: int) -> str | None:
    """Return the gazetteer kind of a GeoNames feature, or None for features not kept."""
    if feature_class == "A":
        return "admin1" if feature_code == "ADM1" else None
    if feature_class == "P":
        if feature_code in {"PPLX", "PPLQ"}:
            return "neighbourhood"
        return "city" if population >= 100_000 or feature_code in {"PPLC", "PPLA"} else (
            "town" if population >= 10_000 else "village")
    if feature_class == "S":
        if feature_code in _MILITARY:
            return "military"
        return "infrastructure" if feature_code in _INFRASTRUCTURE else "landmark"
    if feature_class == "L":
        return "landmark"
    return None


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) of a UTF-8 file; a line that is not UTF-8 is named."""
    line_no = 0
    with path.open("rb") as fh:
        while chunk := fh.readlines(1 << 20):  # whole lines, about a megabyte at a time, decoded at once
            try:
                text = b"".join(chunk).decode("utf-8")
            except UnicodeDecodeError:
                for k, raw in enumerate(chunk, start=line_no + 1):
                    try:
                        raw.decode("utf-8")
                    except UnicodeDecodeError as exc:
                        raise GazetteerDataError(f"{path}, line {k}: not UTF-8 ({exc.reason} at byte {exc.start}); "
                                                 "GeoNames dumps are UTF-8: download the file again") from None
                raise  # not reached: some line of the chunk fails to decode
            lines = text.split("\n")
            if lines[-1] == "":
                lines.pop()
            for k, line in enumerate(lines, start=line_no + 1):
                yield k, line.rstrip("\r\n")
            line_no += len(chunk)


def _alternates(path: Path | None, wanted: set[str]) -> dict[str, list[str]]:
    names: dict[str, list[str]] = defaultdict(list)
    if path is None:
        return names
    _readable(path, "alternate names file")
    for line_no, line in _lines(path):
        cols = line.split("\t")
        if len(cols) < 4:
            raise GazetteerDataError(f"{path}, line {line_no}: expected the 10 alternateNamesV2 columns")
        if cols[1] in wanted and cols[2] not in {"link", "post", "iata", "icao", "faac", "wkdt", "unlc"}:
            names[cols[1]].append(cols[3])
    return names


def _columns(path: Path, country: str | None) -> Iterator[tuple[int, list[str]]]:
    for line_no, line in _lines(path):
        cols = line.split("\t")
        if len(cols) != 19:
            raise GazetteerDataError(f"{path}, line {line_no}: expected 19 tab-separated GeoNames columns, "
                                     f"found {len(cols)}; is this a GeoNames dump (SY.txt, allCountries.txt)?")
        if not country or cols[8] == country:
            yield line_no, cols


def _rows(path: Path, country: str | None, extra: dict[str, list[str]]) -> tuple[list[tuple], list[int]]:
    """Return the kept rows of a dump as stored rows (:func:`gazetteer.userstore.place_row`), and their lines.

    The rows are not checked yet (:func:`_check`).
    """
    rows: list[tuple] = []
    lines: list[int] = []
    source = f"GeoNames dump {path.name} (CC BY 4.0), feature "
    # the values many rows repeat held once each (a source per feature, a country, an admin-1 code): less memory
    # for the forked writer to copy on touching it, and for every later pass over the rows to walk
    sources: dict[str, str] = {}
    shared: dict[str, str] = {}
    for line_no, cols in _columns(path, country):
        try:
            population = int(cols[14] or 0)
            lat, lon = float(cols[4]), float(cols[5])
        except ValueError as exc:
            raise GazetteerDataError(f"{path}, line {line_no}: {exc}; fix or remove the row") from None
        kind = kind_of(cols[6], cols[7], population)
        if kind is None:
            continue
        name, more = cols[1], extra.get(cols[0])
        if cols[3] or more:
            names = dict.fromkeys([*(n for n in cols[3].split(",") if n), *(more or ())])
            alts = "|".join(n.replace("|", " ") for n in names if n and n != name)
        else:
            alts = ""
        feature = f"{cols[6]}.{cols[7]}"
        if (origin := sources.get(feature)) is None:
            origin = sources[feature] = source + feature
        admin1 = f"{cols[8]}.{cols[10]}"
        rows.append((f"geonames:{cols[0]}", name, alts, kind, lat, lon, shared.setdefault(admin1, admin1),
                     shared.setdefault(cols[8], cols[8]) or None, population, None, origin))
        lines.append(line_no)
    return _rounded(rows), lines


def _rounded(rows: list[tuple]) -> list[tuple]:
    """Return *rows* with their coordinates (fields 4 and 5) rounded as ``round(value, 5)`` rounds them.

    At once: ``numpy.round(x, 5)`` is ``rint(x * 1e5) / 1e5``, and where that gives *x* back,
    *x* is the double nearest a decimal of five places, which ``round`` leaves as it is (a
    dump's coordinates, written with five decimals, are all such). Only the other rows are
    rounded one by one (``round`` costs more than reading the number).
    """
    if not rows:
        return rows
    coordinates = np.fromiter(itertools.chain.from_iterable(map(operator.itemgetter(4, 5), rows)), dtype=np.float64,
                              count=2 * len(rows))
    with np.errstate(over="ignore", invalid="ignore"):  # a huge or NaN value: rounded one by one below
        differ = np.round(coordinates, 5) != coordinates
    for i in np.unique(np.flatnonzero(differ) // 2).tolist():  # NaN too
        row = rows[i]
        rows[i] = (*row[:4], round(row[4], 5), round(row[5], 5), *row[6:])
    return rows


def _check(path: Path, rows: list[tuple], lines: list[int]) -> None:
    """Raise naming the line of the first of *rows* that :func:`gazetteer.userstore.check_place` refuses."""
    bad = check_rows(rows)
    if bad is not None:
        raise GazetteerDataError(f"{path}, line {lines[bad[0]]}: {bad[1]}; fix or remove the row")


def onto_packaged_divisions(rows: list[tuple]) -> list[tuple]:
    """Return *rows* with each first-level division the gazetteer already has filed under the packaged one.

    A GeoNames dump's ``ADM1`` row (``SY.txt``'s "Muhafazat Idlib", ``CA.txt``'s "Alberta")
    names a division the packaged data holds with its polygon (matched by the GeoNames admin-1
    code, "SY.10", "CA.01"). Kept as a place of its own, it would be a second division of that
    name, with no polygon, outranking the packaged one and the division's seat; filed under the
    packaged division's id instead, it adds its names to that division
    (:class:`gazetteer.store.UserTables`), whose point, polygon and rank stay. Other rows are
    returned unchanged.
    """
    if not any(row[3] == "admin1" for row in rows):
        return rows
    packaged = load_store(include_user=False).division_ids()
    out = []
    for row in rows:
        known = packaged.get(row[6]) if row[3] == "admin1" else None
        if known is None:
            out.append(row)
            continue
        names = "|".join(dict.fromkeys(n for n in [row[1], *row[2].split("|")] if n))
        out.append((known, row[1], names, *row[3:]))
    return out


def _readable(path: Path, what: str) -> None:
    if path.is_dir():
        raise GazetteerDataError(f"{path} is a folder, not a {what}; give the file, e.g. SY.txt")
    if not path.is_file():
        raise GazetteerDataError(f"{path} does not exist; download a GeoNames dump such as SY.txt first")


def import_geonames(path: Path, *, alternate_names: Path | None = None, country: str | None = None,
                    target: Path | None = None, replace: bool = False) -> tuple[Path, int]:
    """Add a GeoNames dump's places to the user gazetteer (one transaction: all rows or none).

    Parameters
    ----------
    path : Path
        ``SY.txt``, ``allCountries.txt`` or any file of 19-column GeoNames rows (UTF-8).
    alternate_names : Path, optional
        ``alternateNamesV2.txt`` for more names of the imported places.
    country : str, optional
        Keep only this ISO country code.
    target : Path, optional
        The user gazetteer file; :func:`gazetteer.userstore.user_gazetteer_path` by default.
    replace : bool
        Remove every place of the user gazetteer first (by default the dump's places are added;
        one with a stored id replaces it).

    Returns
    -------
    (Path, int)
        The user gazetteer file and the number of places written.

    Raises
    ------
    GazetteerDataError
        The file is missing, a folder, not UTF-8, not GeoNames rows, or a row fails
        :func:`gazetteer.userstore.check_place`; named by line, and nothing is written.
    """
    _readable(path, "GeoNames dump")
    with bulk():
        wanted = {cols[0] for _, cols in _columns(path, country)} if alternate_names is not None else set()
        extra = _alternates(alternate_names, wanted)
        rows, lines = _rows(path, country, extra)
        rows = onto_packaged_divisions(rows)  # one row per line still: a refused row is named by its line
        target = target or user_gazetteer_path()
        existed = target.exists()
        # the tables the next run maps, when the import leaves the user gazetteer holding its rows alone
        tables_wanted = (os.path.abspath(target) == os.path.abspath(user_gazetteer_path())) and writable()
        try:
            if tables_wanted and (replace or not existed) and _two_cpus():
                # the rows as the store will hold them alone: the child checks and writes them while their
                # tables are built here (a refused row fails the child's write, and so the import)
                final = last_of_each(rows)
                written, tables = _write_while(lambda: _write(target, rows, replace, keep_rows=False,
                                                              check=lambda: _check(path, rows, lines)),
                                               lambda: _tables_of(final, lambda: _check(path, rows, lines)))
                kept = final if written.alone else None
            else:
                _check(path, rows, lines)
                written, tables = _write(target, rows, replace, keep_rows=tables_wanted), None
                kept = written.rows
        except BaseException:
            if not existed:  # a failed first import leaves no empty user gazetteer behind, nor its journal
                target.unlink(missing_ok=True)
                target.with_name(target.name + "-journal").unlink(missing_ok=True)
            raise
        if kept is not None and written.fingerprint is not None and tables_wanted:
            cache_user_tables(kept, written.fingerprint, tables=tables)  # the next run maps them
    load_store.cache_clear()
    return target, written.count


def _write(target: Path, rows: list[tuple], replace: bool, *, keep_rows: bool,
           check: Callable[[], None] | None = None) -> Written:
    """Write *rows* to the user gazetteer at *target*; *check* first, when given (it raises for a refused row)."""
    if check is not None:
        check()
    with UserStore.open(target, create=True) as store:
        return store.add_rows(rows, replace=replace, keep_rows=keep_rows)


def _tables_of(rows: list[tuple], check: Callable[[], None]) -> UserTables:
    """Return :func:`gazetteer.store.build_user_tables` of rows not checked yet.

    Rows that the check refuses may fail the build: the check's error, naming the row, is raised then.
    """
    try:
        return build_user_tables(rows)
    except Exception:
        check()
        raise


def _two_cpus() -> bool:
    """Tell whether this process may run on two CPUs or more and can fork."""
    try:
        return hasattr(os, "fork") and len(os.sched_getaffinity(0)) > 1
    except (AttributeError, OSError):
        return False


T = TypeVar("T")


def _write_while(write: Callable[[], Written], work: Callable[[], T]) -> tuple[Written, T]:
    """Run *write* in a forked process while *work* runs in this one; return what each returned.

    The import's two halves, writing the rows to SQLite and building the user tables, take
    comparable time (0.3 and 0.5 s of CPU for 100,000 rows); the machine's second CPU takes
    one. The child sends what it wrote (or the exception it raised) through a pipe and exits; a
    child that dies unheard of is an interrupted write (SQLite's journal rolls back whatever it
    had begun). When *work* fails or is interrupted, the child is interrupted too and waited for.

    Raises
    ------
    GazetteerDataError
        The write failed (the child's error, re-raised here), or the child died.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: write, report, and leave without running anything of the parent's
        try:
            os.close(read_end)
            try:
                outcome: object = ("written", write())
            except BaseException as exc:  # noqa: BLE001 - every outcome goes back to the parent
                outcome = ("failed", exc)
            try:
                message = pickle.dumps(outcome)
            except Exception:  # noqa: BLE001 - an exception that cannot be pickled: its words
                message = pickle.dumps(("failed", GazetteerDataError(str(outcome[1]))))  # type: ignore[index]
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(message)
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        try:
            result = work()
            message = pipe.read()  # to its end: the child has written and closed it, or died
        except BaseException:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGINT)  # the write rolls back (or had committed)
            with contextlib.suppress(OSError):
                os.waitpid(pid, 0)
            raise
    _, status = os.waitpid(pid, 0)
    try:
        kind, value = pickle.loads(message)
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError):  # no report, or a cut one: it died
        raise GazetteerDataError(f"the process writing the user gazetteer ended before it finished (status {status}); "
                                 "nothing was written: run the import again") from None
    if kind == "failed":
        raise value
    return value, result


def add_place(name: str, lat: float, lon: float, *, country: str | None = None, kind: str = "town",
              target: Path | None = None) -> Place:
    """Add one place to the user gazetteer; return it (its id is ``user:`` and a key of name and point).

    Raises
    ------
    GazetteerDataError
        The name or coordinates fail :func:`gazetteer.userstore.check_place`.
    """
    flat = "-".join(re.findall(r"\w+", name.lower())) or "place"
    place = check_place(Place(id=f"user:{flat}@{lat:.5f},{lon:.5f}", name=name.strip(), kind=kind,
                              lat=round(lat, 5), lon=round(lon, 5), country=country.upper() if country else None,
                              source="added with geo gazetteer add"))
    if country is not None and not (len(country) == 2 and country.isascii() and country.isalpha()):
        raise GazetteerDataError(f"--country {country!r} is not an ISO 3166 alpha-2 code; give two letters, e.g. SY")
    with UserStore.open(target or user_gazetteer_path(), create=True) as store:
        store.add([place])
    load_store.cache_clear()
    return place
