"""Importing a GeoNames dump into the user gazetteer, and the ``geo gazetteer`` commands."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gazetteer import GazetteerDataError, default_gazetteer
from gazetteer.errors import PlaceNotFoundError
from gazetteer.imports import import_geonames, kind_of
from gazetteer.model import Place
from gazetteer.resolver import Gazetteer
from gazetteer.store import load_store, user_gazetteer_path
from gazetteer.userstore import UserStore, check_place, check_rows
from geo.cli import main

# An invented village (no such name in GeoNames), a spot of class S, and a stream (class H, not kept).
VILLAGE = ["99000001", "Khirbat Zunbulayn", "Khirbat Zunbulayn", "Khirbet Zunbuleen,Kherbet Zonbolain",
           "35.91000", "36.64000", "P", "PPL", "SY", "", "07", "", "", "", "850", "", "350", "Asia/Damascus",
           "2024-01-01"]
BASE = ["99000002", "Zunbulayn Airbase", "Zunbulayn Airbase", "", "35.92000", "36.65000", "S", "AIRB", "SY", "",
        "07", "", "", "", "0", "", "360", "Asia/Damascus", "2024-01-01"]
STREAM = ["99000003", "Wadi Zunbulayn", "Wadi Zunbulayn", "", "35.93000", "36.66000", "H", "WAD", "SY", "",
          "07", "", "", "", "0", "", "340", "Asia/Damascus", "2024-01-01"]
ALTERNATES = ["5000001\t99000001\tar\tخربة زنبلين\t\t\t\t\t\t", "5000002\t99000001\tlink\thttps://example.org/x\t\t\t\t\t\t",
              "5000003\t99000001\ten\tZunbulain\t\t\t\t\t\t"]


def write_dump(folder: Path, rows: list[list[str]]) -> Path:
    path = folder / "SY.txt"
    path.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_imported_village_is_found_by_every_name(data_dir: Path, tmp_path: Path) -> None:
    dump = write_dump(tmp_path, [VILLAGE, BASE, STREAM])
    alternates = tmp_path / "alternateNamesV2.txt"
    alternates.write_text("\n".join(ALTERNATES) + "\n", encoding="utf-8")
    target, count = import_geonames(dump, alternate_names=alternates)
    assert target == user_gazetteer_path() and target.parent == data_dir and count == 2
    load_store.cache_clear()
    gz = Gazetteer(load_store())
    for name in ("Khirbat Zunbulayn", "Khirbet Zunbuleen", "Zunbulain", "خربة زنبلين"):
        place = gz.resolve(name)
        assert place.id == "geonames:99000001", name
        assert place.kind == "village" and place.country == "SY" and (place.lat, place.lon) == (35.91, 36.64)
    assert "https://example.org/x" not in gz.get("geonames:99000001").names
    assert gz.get("geonames:99000002").kind == "military"
    assert gz.candidates("Wadi Zunbulayn") == []
    assert [m.text for m in gz.find("Shelling hit Khirbet Zunbuleen at dawn.")] == ["Khirbet Zunbuleen"]


def test_explicit_target_and_country_filter(data_dir: Path, tmp_path: Path) -> None:
    other = [VILLAGE[0].replace("1", "4"), "Qaryat Turkiya", *VILLAGE[2:8], "TR", *VILLAGE[9:]]
    target, count = import_geonames(write_dump(tmp_path, [VILLAGE, other]), country="TR",
                                    target=tmp_path / "mine.csv")
    assert target == tmp_path / "mine.csv" and count == 1
    with UserStore.open(target) as store:
        assert [p.name for p in store.places()] == ["Qaryat Turkiya"]
    assert not user_gazetteer_path().exists()


def test_malformed_line_is_named(data_dir: Path, tmp_path: Path) -> None:
    dump = write_dump(tmp_path, [VILLAGE, VILLAGE[:12]])
    with pytest.raises(GazetteerDataError, match=r"line 2\b.*19"):
        import_geonames(dump)
    assert not user_gazetteer_path().exists()


def test_bad_coordinate_is_named(data_dir: Path, tmp_path: Path) -> None:
    bad = [*BASE[:4], "north", *BASE[5:]]
    with pytest.raises(GazetteerDataError, match=r"line 3\b"):
        import_geonames(write_dump(tmp_path, [VILLAGE, BASE, bad]))


@pytest.mark.parametrize("value", ["1e308", "-1.7976931348623157e308", "nan"])
def test_a_huge_or_nan_coordinate_is_named_without_a_numeric_warning(data_dir: Path, tmp_path: Path,
                                                                     value: str) -> None:
    bad = [*BASE[:4], value, *BASE[5:]]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "overflow encountered" on stderr beside the one-line error
        with pytest.raises(GazetteerDataError, match=r"line 2\b.*not on the globe"):
            import_geonames(write_dump(tmp_path, [VILLAGE, bad]))


def test_missing_dump_is_an_error(data_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(GazetteerDataError, match="does not exist"):
        import_geonames(tmp_path / "nope.txt")


@pytest.mark.parametrize(
    ("fclass", "code", "population", "kind"),
    [("P", "PPL", 500, "village"), ("P", "PPL", 20_000, "town"), ("P", "PPLA", 5_000, "city"),
     ("P", "PPLX", 0, "neighbourhood"), ("A", "ADM1", 0, "admin1"), ("A", "ADM2", 0, None),
     ("S", "MILB", 0, "military"), ("S", "AIRP", 0, "infrastructure"), ("H", "STM", 0, None)],
)
def test_kind_of_feature_codes(fclass: str, code: str, population: int, kind: str | None) -> None:
    assert kind_of(fclass, code, population) == kind


def test_cli_lookup_json(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gazetteer", "lookup", "Deraa", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["id"] == "geonames:170905"
    assert set(rows[0]) == {"id", "name", "kind", "lat", "lon", "admin1", "country", "score"}


def test_cli_lookup_unknown_exits_1_with_one_line(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gazetteer", "lookup", "Qwxzvbrtt", "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1 and "Qwxzvbrtt" in captured.err


def test_cli_import_then_lookup(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gazetteer", "import", str(write_dump(tmp_path, [VILLAGE]))]) == 0
    assert "1 places" in capsys.readouterr().out
    default_gazetteer.cache_clear()
    assert main(["gazetteer", "lookup", "Khirbet Zunbuleen", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["id"] == "geonames:99000001"


_ROW_FIELDS = st.tuples(
    st.sampled_from(["geonames:1", "user:x", "", "  ", "id\u2028x"]),
    st.sampled_from(["Tell Abyad", "Kafr|Nabl", " ", "Bab\x0cNayrab", "Wad\x85Madani", "Sittwe\tTown"]),
    st.sampled_from(["", "Tal Abyad|Tell Abiad", "Tal\x1bAbyad", "x\u2029y"]),
    st.sampled_from(["village", "town", "castle"]),
    st.sampled_from([35.1, -90.0, 180.0, 90.5, float("nan"), float("inf"), -181.0]),
    st.sampled_from([36.2, -180.0, 200.0, float("-inf")]),
    st.sampled_from([None, "SY.07", "SY\n07"]),
    st.sampled_from([None, "SY", "S\x00"]),
    st.sampled_from([0, 850, -1]),
    st.sampled_from([None, "geonames:2", "p\u2028"]),
    st.sampled_from(["", "GeoNames dump SY.txt", "bad\rsource"]),
)


@given(st.lists(_ROW_FIELDS, max_size=6))
@settings(max_examples=500, deadline=None, database=None, derandomize=True)
def test_a_batch_check_refuses_the_first_row_check_place_refuses(rows: list[tuple]) -> None:
    def refused(row: tuple) -> bool:
        pid, name, names, kind, lat, lon, admin1, country, population, parent, source = row
        try:
            check_place(Place(id=pid, name=name, names=tuple(n for n in names.split("|") if n), kind=kind, lat=lat,
                              lon=lon, admin1=admin1, country=country, population=population, parent=parent,
                              source=source))
        except GazetteerDataError:
            return True
        return False

    first = next((i for i, row in enumerate(rows) if refused(row)), None)
    found = check_rows(rows)
    assert (found[0] if found else None) == first


# ---------------------------------------------------------------- the write in a child, the tables beside it
def _tables_of(folder: Path) -> dict[str, object]:
    from gazetteer.store import UserTables

    tables = UserTables.load(folder)
    return {**{name: list(array) for name, array in tables.columns.items()}, "base": tables.base,
            "keys": sorted(tables.keys.items()), "key_start": list(tables.key_start),
            "key_rows": list(tables.key_rows), "ids": sorted(tables.ids.items()), "id_rows": list(tables.id_rows)}


def _cached_user_tables() -> dict[str, object]:
    from gazetteer.cache import cache_root

    (folder,) = cache_root().glob("user-*")
    return _tables_of(folder)


ZUNBUL_ROWS = [VILLAGE, BASE, ["99000004", "Tall Zunbul", "Tall Zunbul", "Tell Zonbol,al-Zunbul", "35.94000",
                               "36.67000", "P", "PPLA", "SY", "", "07", "", "", "", "0", "", "", "", "2024-01-01"],
               [*VILLAGE[:1], "Khirbat Zunbulayn al-Jadida", *VILLAGE[2:]]]  # the village's id again: it wins


def test_the_forked_import_leaves_what_the_one_process_import_leaves(data_dir: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from gazetteer import imports
    from gazetteer.cache import cache_root
    from gazetteer.userstore import read_user_rows

    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path / "cache-one"))
    monkeypatch.setattr(imports, "_two_cpus", lambda: False)
    import_geonames(write_dump(tmp_path, ZUNBUL_ROWS), replace=True)
    one_rows, one_tables = read_user_rows(), _cached_user_tables()
    user_gazetteer_path().unlink()

    forked: list[int] = []
    real = imports._write_while
    monkeypatch.setattr(imports, "_write_while", lambda *a: forked.append(1) or real(*a))
    monkeypatch.setattr(imports, "_two_cpus", lambda: True)
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path / "cache-two"))
    assert import_geonames(write_dump(tmp_path, ZUNBUL_ROWS), replace=True)[1] == 4
    assert forked == [1] and cache_root() == tmp_path / "cache-two"
    assert read_user_rows() == one_rows and [r[1] for r in one_rows][-1] == "Khirbat Zunbulayn al-Jadida"
    assert _cached_user_tables() == one_tables
    load_store.cache_clear()
    store = load_store()
    assert store.place(store.row_of("geonames:99000001")).name == "Khirbat Zunbulayn al-Jadida"


def test_a_write_that_fails_in_the_child_fails_the_import_and_keeps_the_old_places(
        data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from gazetteer import imports
    from gazetteer.userstore import read_user_rows

    monkeypatch.setattr(imports, "_two_cpus", lambda: True)
    import_geonames(write_dump(tmp_path, [VILLAGE]))
    before = read_user_rows()

    def full_disk(self: UserStore, rows: object, **kwargs: object) -> object:
        raise GazetteerDataError(f"user gazetteer {self.path} cannot be written ({sqlite3.OperationalError('disk')})")

    with monkeypatch.context() as patch, pytest.raises(GazetteerDataError, match="cannot be written"):
        patch.setattr(UserStore, "add_rows", full_disk)
        import_geonames(write_dump(tmp_path, [BASE]), replace=True)
    assert read_user_rows() == before


@pytest.mark.parametrize("first", [True, False])
def test_a_child_killed_while_writing_fails_the_import_and_changes_nothing(
        data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first: bool) -> None:
    import os
    import signal

    from gazetteer import imports
    from gazetteer.userstore import read_user_rows

    monkeypatch.setattr(imports, "_two_cpus", lambda: True)
    if not first:
        import_geonames(write_dump(tmp_path, [VILLAGE]))
    before = read_user_rows()
    real = UserStore.add_rows

    def killed(self: UserStore, rows: list, **kwargs: object) -> object:
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("DELETE FROM places")  # half-way through, in its transaction
        os.kill(os.getpid(), signal.SIGKILL)
        return real(self, rows, **kwargs)  # not reached

    with (monkeypatch.context() as patch,
          pytest.raises(GazetteerDataError, match="ended before it finished.*nothing was written")):
        patch.setattr(UserStore, "add_rows", killed)
        import_geonames(write_dump(tmp_path, [BASE, STREAM]), replace=True)
    assert read_user_rows() == before
    assert user_gazetteer_path().exists() is not first
    if first:  # no journal left to be played into the next import's new file
        assert not user_gazetteer_path().with_name(user_gazetteer_path().name + "-journal").exists()
    import_geonames(write_dump(tmp_path, [STREAM, BASE]))  # and the next import is whole
    assert [r[0] for r in read_user_rows()] == [r[0] for r in before] + ["geonames:99000002"]


def test_tables_that_fail_to_build_interrupt_the_child_and_fail_the_import(
        data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gazetteer import imports

    monkeypatch.setattr(imports, "_two_cpus", lambda: True)

    def broken(rows: object) -> object:
        raise MemoryError("no room for the tables")

    monkeypatch.setattr(imports, "build_user_tables", broken)
    with pytest.raises(MemoryError):
        import_geonames(write_dump(tmp_path, [VILLAGE, BASE]), replace=True)
    assert not user_gazetteer_path().exists()


@pytest.mark.slow
def test_two_first_imports_at_once_both_add(data_dir: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from gazetteer.userstore import read_user_rows

    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    dumps = [write_dump(a, [VILLAGE]), write_dump(b, [BASE, ZUNBUL_ROWS[2]])]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    runs = [subprocess.Popen([sys.executable, "-m", "geo", "gazetteer", "import", str(dump)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for dump in dumps]
    outcomes = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outcomes
    assert sorted(r[0] for r in read_user_rows()) == ["geonames:99000001", "geonames:99000002", "geonames:99000004"]
    load_store.cache_clear()
    store = load_store()  # whichever import built tables, the store has every row
    assert all(store.row_of(f"geonames:9900000{i}") is not None for i in (1, 2, 4))


def _division_row(geonameid: str, name: str, alternates: str, country: str, code: str) -> list[str]:
    """A GeoNames ADM1 row; *code* is the GeoNames admin-1 code ("CA.01")."""
    return [geonameid, name, name, alternates, "52.00000", "-110.00000", "A", "ADM1", country, "",
            code.split(".")[1], "", "", "", "4000000", "", "", "Etc/UTC", "2024-01-01"]


@pytest.mark.parametrize(("packaged_id", "dump_name", "alternate"), [
    ("admin1:CA-AB", "Alberta", "Province of Alberta"),
    ("admin1:CD-SK", "South Kivu", "Province du Sud-Kivu"),
    ("admin1:SY-ID", "Muhafazat Idlib", "Idleb Governorate"),
])
def test_a_dumps_division_is_filed_under_the_packaged_one(data_dir: Path, tmp_path: Path, packaged_id: str,
                                                          dump_name: str, alternate: str) -> None:
    packaged = load_store(include_user=False).division_ids()
    code = next(c for c, i in packaged.items() if i == packaged_id)
    before = default_gazetteer().get(packaged_id)
    row = _division_row("99100001", dump_name, alternate, code.split(".")[0], code)
    import_geonames(write_dump(tmp_path, [row, VILLAGE]))
    load_store.cache_clear()
    gz = Gazetteer(load_store())
    with pytest.raises(PlaceNotFoundError):  # no second division of the dump's id
        gz.get("geonames:99100001")
    division = gz.get(packaged_id)
    assert (division.lat, division.lon, division.kind) == (before.lat, before.lon, "admin1")  # point and rank stay
    assert gz.resolve("Khirbat Zunbulayn").id == "geonames:99000001"  # the rest of the dump is added
    if packaged_id.startswith("admin1:SY"):  # a governorate curated in the project: the dump adds no names
        assert gz.resolve("Idlib").id == "geonames:169389"  # the city, not the division
        assert gz.lookup("Idlib province", limit=1)[0].place.id == packaged_id
    else:  # a world division gains the dump's names and keeps its own
        assert gz.resolve(before.name).id == gz.resolve(alternate).id == packaged_id


def test_a_division_the_gazetteer_lacks_is_added_as_the_dumps(data_dir: Path, tmp_path: Path) -> None:
    row = _division_row("99100002", "Zunbul Province", "", "SY", "SY.99")
    import_geonames(write_dump(tmp_path, [row]))
    load_store.cache_clear()
    place = Gazetteer(load_store()).resolve("Zunbul Province")
    assert (place.id, place.kind) == ("geonames:99100002", "admin1")


@pytest.mark.parametrize("forked", [False, True])
@pytest.mark.parametrize(("field", "value", "reason"), [(4, "91.5", "not on the globe"), (14, "-3", "negative"),
                                                       (1, "Tell\x1bAbyad", "control character")])
def test_a_refused_row_is_named_by_its_line_in_both_ways_of_importing(
        data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forked: bool, field: int, value: str,
        reason: str) -> None:
    from gazetteer import imports

    calls: list[int] = []
    real = imports._write_while
    monkeypatch.setattr(imports, "_write_while", lambda *a: calls.append(1) or real(*a))
    monkeypatch.setattr(imports, "_two_cpus", lambda: forked)
    bad = list(BASE)
    bad[field] = value
    with pytest.raises(GazetteerDataError, match=rf"SY.txt, line 3: .*{reason}.*; fix or remove the row"):
        import_geonames(write_dump(tmp_path, [VILLAGE, STREAM, bad]), replace=True)
    assert calls == ([1] if forked else [])
    assert not user_gazetteer_path().exists()  # a first import that fails leaves no file
    import_geonames(write_dump(tmp_path, [VILLAGE]))
    with pytest.raises(GazetteerDataError, match=r"line 2: .*not on the globe"):  # nor changes one that exists
        import_geonames(write_dump(tmp_path, [BASE, [*BASE[:4], "-95", *BASE[5:]]]), replace=True)
    with UserStore.open() as store:
        assert [p.id for p in store.places()] == ["geonames:99000001"]


def test_tables_that_fail_to_build_on_a_refused_row_report_the_row(data_dir: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from gazetteer import imports

    monkeypatch.setattr(imports, "_two_cpus", lambda: True)

    def fails_on_refused(rows: list[tuple]) -> object:
        if any(row[4] > 90 for row in rows):
            raise KeyError("a latitude the tables cannot hold")
        raise AssertionError("only a refused row fails this build")

    monkeypatch.setattr(imports, "build_user_tables", fails_on_refused)
    with pytest.raises(GazetteerDataError, match=r"line 2: .*not on the globe"):
        import_geonames(write_dump(tmp_path, [VILLAGE, [*BASE[:4], "95", *BASE[5:]]]), replace=True)
    assert not user_gazetteer_path().exists()


# ---------------------------------------------------------------- coordinates rounded at once, as round() rounds them
@given(st.lists(st.one_of(st.floats(allow_nan=True, allow_infinity=True),
                          st.floats(-180, 180).map(lambda v: float(f"{v:.5f}")),
                          st.tuples(st.floats(-180, 180), st.integers(0, 17)).map(lambda p: float(f"{p[0]:.{p[1]}f}"))),
                min_size=2, max_size=40).map(lambda v: v[: len(v) // 2 * 2]))
@settings(max_examples=400, deadline=None, database=None, derandomize=True)
def test_coordinates_are_rounded_as_round_rounds_each(values: list[float]) -> None:
    from gazetteer.imports import _rounded

    rows = [("id", "name", "", "town", lat, lon, "SY.01", "SY", 0, None, "test")
            for lat, lon in zip(values[0::2], values[1::2], strict=True)]
    expected = [(*row[:4], round(row[4], 5), round(row[5], 5), *row[6:]) for row in rows]
    assert [repr(row) for row in _rounded(list(rows))] == [repr(row) for row in expected]  # repr: NaN, -0.0 alike


def test_a_dumps_coordinates_are_stored_to_five_decimals(data_dir: Path, tmp_path: Path) -> None:
    from gazetteer.userstore import read_user_rows

    long = [*VILLAGE[:4], "35.9100049999", "36.640005", *VILLAGE[6:]]  # a latitude just under, a longitude on a half
    five = [*BASE[:4], "-33.86785", "151.20732", *BASE[6:]]
    exponent = [*STREAM[:4], "1.5e1", "4.4000001e1", "S", "SCH", *STREAM[8:]]
    import_geonames(write_dump(tmp_path, [long, five, exponent]))
    coordinates = {row[0]: (row[4], row[5]) for row in read_user_rows()}
    assert coordinates == {"geonames:99000001": (round(35.9100049999, 5), round(36.640005, 5)),
                           "geonames:99000002": (-33.86785, 151.20732), "geonames:99000003": (15.0, 44.0)}
    assert coordinates["geonames:99000001"] == (35.91, 36.64001)
