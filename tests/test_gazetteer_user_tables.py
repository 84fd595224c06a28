"""The user gazetteer's part of the place store, built once per user gazetteer into the cache and mapped.

The reference is :meth:`PlaceStore.add`, which files one place at a time: a store served from
the cached :class:`UserTables` (cold: built in this run; warm: mapped from the cache) must give
the same answers as the packaged places plus the user's places added one by one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer.imports import add_place
from gazetteer.model import Place
from gazetteer.names import compact_key, normalize_name
from gazetteer.store import PlaceStore, UserTables, load_store, packaged_places
from gazetteer.userstore import (
    UserStore,
    place_row,
    read_user_places,
    read_user_rows,
    user_fingerprint,
    user_gazetteer_path,
)


def _user_places(base: PlaceStore) -> list[Place]:
    aleppo = base.rows_for_key(normalize_name("Aleppo"))[0]
    world_id = base.id_of(aleppo)
    curated_id = next(base.id_of(r) for r in range(base.n_world, len(base))
                      if base.row_of(base.id_of(r)) >= base.n_world)
    return [
        Place(id="geonames:99100001", name="Khirbat Zunbulayn", names=("Kherbet Zonbolain", "Aleppo"), kind="village",
              lat=35.91, lon=36.64, admin1="SY.07", country="SY", population=850, source="test"),
        Place(id=world_id, name="Halab Zunbul", names=("Halab Zunbul Qadima",), kind="city", lat=36.2, lon=37.15,
              country="SY", source="test: names for a world row"),
        Place(id=curated_id, name="Curated Zunbul", names=("Curated Zunbul Alt",), kind="town", lat=1.0, lon=2.0,
              source="test: a curated id adds nothing"),
        Place(id="user:test-governorate", name="Zunbul Governorate", names=("SY.99", "Zunbul Province"), kind="admin1",
              lat=35.0, lon=38.0, country="SY", source="test"),
        Place(id="user:zunbul-camp", name="Zunbul Camp", names=(), kind="landmark", lat=35.5, lon=36.5,
              admin1="SY.99", parent="geonames:99100001", source=""),
        Place(id="user:zunbul-camp-2", name="Zunbul-Camp", names=("Khirbat Zunbulayn",), kind="landmark", lat=35.6,
              lon=36.6, population=12, source="test"),
    ]


def _answers(store: PlaceStore, keys: list[str], ids: list[str], world_rows: list[int], *,
             every_key: bool = True) -> tuple:
    """What a run asks the store; *every_key*: with the added name keys (a walk of every key of the store)."""
    added = range(store.n_world, len(store))
    return (
        len(store),
        [store.place(r) for r in added],
        [store.id_of(r) for r in added],
        [store.population_of(r) for r in added],
        [store.admin1_code(r) for r in added],
        store.rows_with_parent(),
        [store.place(r) for r in world_rows],
        {k: store.rows_for_key(k) for k in keys},
        {i: store.row_of(i) for i in ids},
        store.nearest(35.9, 36.6, 8),
        store.nearest(1.0, 2.0, 3),
        sorted(set(store.name_keys()) - set(store._tables.keys.iterkeys())) if every_key else None,
    )


def _reference(user: list[Place]) -> PlaceStore:
    world, extra = packaged_places()
    return PlaceStore(world, [*extra, *user])


@pytest.fixture()
def user_places(data_dir: Path) -> list[Place]:
    world, extra = packaged_places()
    places = _user_places(PlaceStore(world, extra))
    with UserStore.open(user_gazetteer_path(), create=True) as store:
        store.add(places)
    return read_user_places()


NAMES = ["Aleppo", "Khirbat Zunbulayn", "Kherbet Zonbolain", "Halab Zunbul", "Halab Zunbul Qadima", "Curated Zunbul",
         "Curated Zunbul Alt", "Zunbul Governorate", "Zunbul Province", "Zunbul Camp", "Zunbul-Camp", "SY.99",
         "Damascus", "Ignored", "Ignored Again", "No Such Place"]
KEYS = sorted({k for name in NAMES for key in [normalize_name(name)] for k in (key, compact_key(key)) if k})


def test_cold_and_warm_runs_answer_as_adding_each_place(user_places: list[Place], monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    reference = _reference(user_places)
    ids = [p.id for p in user_places] + ["geonames:404404404"]
    world_rows = [reference.row_of(user_places[1].id), *reference.rows_for_key(normalize_name("Aleppo"))]
    expected = _answers(reference, KEYS, ids, world_rows)
    assert expected[1][-1].name == "Zunbul-Camp"  # the fixture's places are all there

    cold = load_store()
    assert cold.fingerprint is not None
    assert _answers(cold, KEYS, ids, world_rows) == expected

    load_store.cache_clear()

    def no_build(*args: object) -> UserTables:
        raise AssertionError("a warm run maps the cached user tables; it does not build them")

    monkeypatch.setattr(UserTables, "build", no_build)
    warm = load_store()
    assert _answers(warm, KEYS, ids, world_rows) == expected

    late = Place(id="user:late", name="Zunbul Camp", names=("Aleppo",), kind="town", lat=35.7, lon=36.7)
    for store in (reference, warm):
        store.add(late)
        store.add(Place(id=user_places[0].id, name="Ignored", names=("Ignored Again",)))
    assert warm.fingerprint is None
    assert _answers(warm, KEYS, [*ids, "user:late"], world_rows) == _answers(
        reference, KEYS, [*ids, "user:late"], world_rows)


def test_an_added_or_replaced_place_is_seen_by_the_next_run(user_places: list[Place]) -> None:
    before = load_store()
    assert before.row_of("user:zunbul-camp") is not None
    assert not before.rows_for_key(normalize_name("Qasr Zunbul"))

    load_store.cache_clear()
    place = add_place("Qasr Zunbul", 35.25, 36.75, country="sy")
    after = load_store()
    assert after is not before and after.fingerprint != before.fingerprint
    rows = after.rows_for_key(normalize_name("Qasr Zunbul"))
    assert [after.place(r) for r in rows] == [place]
    assert len(after) == len(before) + 1

    load_store.cache_clear()
    moved = Place(id="user:zunbul-camp", name="Zunbul Camp Moved", kind="landmark", lat=34.0, lon=37.0, source="x")
    with UserStore.open(user_gazetteer_path()) as store:
        store.add([moved])
    replaced = load_store()
    row = replaced.row_of("user:zunbul-camp")
    assert replaced.place(row) == moved
    assert replaced.rows_for_key(normalize_name("Zunbul Camp Moved")) == [row]
    assert row not in replaced.rows_for_key(normalize_name("Zunbul Camp"))
    assert _answers(replaced, KEYS, [p.id for p in read_user_places()], []) == _answers(
        _reference(read_user_places()), KEYS, [p.id for p in read_user_places()], [])

    load_store.cache_clear()
    with UserStore.open(user_gazetteer_path()) as store:
        store.add([moved], replace=True)
    emptied = load_store()
    assert emptied.row_of("geonames:99100001") is None
    assert emptied.row_of("user:zunbul-camp") == len(emptied) - 1


def _dump(folder: Path, rows: list[tuple[str, str, str, str, str]]) -> Path:
    """A GeoNames dump of populated places: (geonameid, name, alternate names, lat, lon)."""
    path = folder / "XX.txt"
    path.write_text("".join("\t".join([gid, name, name, alts, lat, lon, "P", "PPL", "SY", "", "07", "", "", "", "120",
                                       "", "", "Asia/Damascus", "2026-01-01"]) + "\n"
                            for gid, name, alts, lat, lon in rows), encoding="utf-8")
    return path


_ROWS = [("99200001", "Tall Zunbulayn", "Tell Zonbolain,Tal Zunbulein", "35.10000", "36.70000"),
         ("99200002", "Khirbat Qarmuz", "", "35.20000", "36.80000"),
         ("99200001", "Tall Zunbulayn al-Kabir", "Tell Zonbolain", "35.11000", "36.71000"),  # the id again: it wins
         ("99200003", "Nam Hkam Zunbul", "Namhkam Zunbul", "23.80000", "97.70000")]


def test_an_import_that_leaves_its_rows_alone_caches_the_tables_the_next_run_maps(
        data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gazetteer.imports import import_geonames

    import_geonames(_dump(tmp_path, _ROWS), replace=True)
    reference = _reference(read_user_places())
    assert [p.name for p in read_user_places()] == ["Khirbat Qarmuz", "Tall Zunbulayn al-Kabir", "Nam Hkam Zunbul"]
    keys = sorted({k for name in ["Tell Zonbolain", "Tal Zunbulein", "Tall Zunbulayn", "Khirbat Qarmuz",
                                  "Tall Zunbulayn al-Kabir", "Namhkam Zunbul", "Nam Hkam Zunbul", "Aleppo"]
                   for key in [normalize_name(name)] for k in (key, compact_key(key)) if k})
    ids = ["geonames:99200001", "geonames:99200002", "geonames:99200003"]
    expected = _answers(reference, keys, ids, [])

    def no_build(*args: object) -> UserTables:
        raise AssertionError("the import built the user tables into the cache; the next run maps them")

    with monkeypatch.context() as patch:
        patch.setattr(UserTables, "build", no_build)
        load_store.cache_clear()
        assert _answers(load_store(), keys, ids, []) == expected

    # an import that adds to other rows leaves the tables to the next run, which builds them from the file
    import_geonames(_dump(tmp_path, [("99200004", "Qasr Zunbul", "", "35.3", "36.9")]))
    built: list[int] = []
    real_build = UserTables.build

    def counted(store: PlaceStore, rows: object) -> UserTables:
        built.append(1)
        return real_build(store, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(UserTables, "build", counted)
    load_store.cache_clear()
    after = load_store()
    assert built == [1] and after.row_of("geonames:99200004") is not None
    assert _answers(after, keys, ids, []) == _answers(_reference(read_user_places()), keys, ids, [])


def test_an_import_with_an_unwritable_cache_imports_and_says_nothing(
        data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from gazetteer import cache
    from gazetteer.imports import import_geonames

    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker))
    assert not cache.writable()
    assert import_geonames(_dump(tmp_path, _ROWS), replace=True)[1] == 4
    assert capsys.readouterr().err == ""
    load_store.cache_clear()
    store = load_store()  # built in memory, with the cache's one notice
    assert store.row_of("geonames:99200003") is not None
    assert capsys.readouterr().err.startswith("notice: cannot write the gazetteer cache")


def test_written_rows_and_fingerprint_are_those_a_reader_sees(data_dir: Path) -> None:
    places = [Place(id=f"user:{i % 3}", name=f"Zunbul {i}", kind="village", lat=35.0 + i / 10, lon=36.0)
              for i in range(7)]
    with UserStore.open(user_gazetteer_path(), create=True) as store:
        written = store.add_rows([place_row(p) for p in places], replace=True)
    assert written.count == 7
    assert written.rows == read_user_rows() and [r[1] for r in written.rows] == ["Zunbul 4", "Zunbul 5", "Zunbul 6"]
    assert written.fingerprint == user_fingerprint()
    with UserStore.open(user_gazetteer_path()) as store:
        more = store.add_rows([place_row(Place(id="user:new", name="Qasr Zunbul"))])
    assert more.rows is None and more.fingerprint == user_fingerprint() != written.fingerprint


_WORDS = ["Zunbul", "al", "Nam", "Hkam", "Loi", "Kaw", "Tell", "Tall", "Khirbat", "Qarmuz", "the", "Dar'a", "Mong",
          "Ko", "Halab", "Żółw", "Qaryat", "Aleppo", "Aleppo's", "Kharkiv", "El", "Fasher", "Sake", "-", "12", "Abu",
          "Hpa", "An", "Nord", "district"]


def _rows_strategy():  # type: ignore[no-untyped-def]
    from hypothesis import strategies as st

    name = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map(" ".join)
    ids = st.sampled_from(["user:a", "user:b", "user:c", "user:d", "user:e", "user:f", "WORLD", "CURATED"])
    alts = st.lists(st.one_of(name, st.just(""), st.just("SY.77")), max_size=3).map("|".join)
    row = st.tuples(ids, name, alts, st.sampled_from(["village", "town", "admin1", "landmark"]),
                    st.sampled_from(["SY", "MM", None]), st.sampled_from([None, "geonames:99100001"]))
    return st.lists(row, max_size=12)


def test_the_column_wise_build_files_as_adding_each_place() -> None:
    """:meth:`UserTables.build` (every row at once) gives the answers of :meth:`PlaceStore.add` row by row."""
    from hypothesis import given, settings

    world, extra = packaged_places()
    base = PlaceStore(world, extra)
    world_id = base.id_of(base.rows_for_key(normalize_name("Aleppo"))[0])
    curated_id = next(base.id_of(r) for r in range(base.n_world, len(base))
                      if base.row_of(base.id_of(r)) >= base.n_world)

    @settings(max_examples=40, deadline=None)
    @given(_rows_strategy())
    def check(drawn: list[tuple]) -> None:
        rows = [({"WORLD": world_id, "CURATED": curated_id}.get(pid, pid), name, alts, kind, 35.0 + i / 100, 36.0,
                 "SY.77" if kind != "admin1" else None, country, i * 10, parent, "test")
                for i, (pid, name, alts, kind, country, parent) in enumerate(drawn)]
        tables = UserTables.build(base, rows)
        built = PlaceStore(world, extra, user=tables)
        reference = PlaceStore(world, extra)
        for row in rows:
            pid, name, alts, kind, lat, lon, admin1, country, population, parent, source = row
            reference.add(Place(id=pid, name=name, names=tuple(n for n in alts.split("|") if n), kind=kind, lat=lat,
                                lon=lon, admin1=admin1, country=country, population=population, parent=parent,
                                source=source))
        keys = sorted({*tables.keys.iterkeys(), *reference._extra_keys} - set(base._extra_keys))
        ids = sorted({row[0] for row in rows})
        world_rows = [base.row_of(world_id), *reference.rows_for_key(normalize_name("Aleppo"))]
        assert _answers(built, keys, ids, world_rows, every_key=False) == _answers(
            reference, keys, ids, world_rows, every_key=False)
        filed = {k for k, listed in reference._extra_keys.items() if listed != base._extra_keys.get(k)}
        assert set(tables.keys.iterkeys()) == filed | {k for k in tables.keys.iterkeys() if k in base._extra_keys}

    check()
