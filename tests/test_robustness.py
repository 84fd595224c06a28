"""Outputs that never destroy, imports that add, names and stores that cannot sink a run.

One test (or more) per finding of the second robustness round; the dates at the ends of the
calendar are in tests/test_dates.py and the CLI fuzzer in tests/test_cli_fuzz.py.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import threading
import time
from pathlib import Path

import pytest

from gazetteer import default_gazetteer
from gazetteer.errors import GazetteerDataError
from gazetteer.imports import add_place, import_geonames
from gazetteer.model import Place
from gazetteer.store import PlaceStore, load_store
from gazetteer.userstore import UserStore, check_place, user_fingerprint, user_gazetteer_path
from geo.cli import main
from geo.errors import OutputError, UsageError
from geo.output import TMP_PREFIX, clean_stale, corpus_inputs, publish_all, staging, store_inputs, write_text

ARTICLES = {
    "001_sudan.txt": "date 2023-06-02\nsource Nile Desk\n\nThe RSF captured the town of Kutum on Thursday, "
                     "residents said.\n",
    "002_ukraine.txt": "date 2022-09-11\nsource Kyiv Wire\n\nUkrainian forces retook Izium on Saturday after "
                       "Russian troops withdrew.\n",
    "003_syria.txt": "date 2024-12-01\nsource Levant Post\n\nRebels captured Hama on Thursday, the monitor said.\n",
}


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "metadata.csv").write_text("file,date,source,title,url\n001_sudan.txt,2023-06-02,Nile Desk,,\n",
                                         encoding="utf-8")
    return folder


def _err(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert err and "Traceback" not in "\n".join(err)
    return err[-1]


# ---------------------------------------------------------------- 1: non-regular targets, symbolic links
def test_a_fifo_target_gets_the_content_and_stays_a_fifo(tmp_path: Path, corpus: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    assert main(["export", "--format", "csv", "--corpus", str(corpus), "--out", str(fifo)]) == 0
    reader.join(60)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert b"Kutum" in got[0] and b"Izium" in got[0]
    assert not (tmp_path / "pipe-uncoded.csv").exists()  # a stream has no file beside it


def test_a_character_device_is_written_through_never_replaced(tmp_path: Path) -> None:
    written = write_text(Path("/dev/null"), "<html>map</html>")
    assert written == Path("/dev/null") and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_symbolic_link_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "real.html"
    target.write_text("old")
    link = tmp_path / "link.html"
    link.symlink_to(target)
    write_text(link, "new map")
    assert link.is_symlink() and os.readlink(link) == str(target) and target.read_text() == "new map"
    dangling = tmp_path / "dangling.html"
    dangling.symlink_to(tmp_path / "made.html")
    write_text(dangling, "made")
    assert dangling.is_symlink() and (tmp_path / "made.html").read_text() == "made"


def test_a_folder_or_socket_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is a folder"):
        write_text(tmp_path, "x")


# ---------------------------------------------------------------- 2: an output that is an input of the run
@pytest.mark.parametrize("name", ["001_sudan.txt", "metadata.csv"])
def test_render_refuses_to_overwrite_the_corpus(corpus: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = (corpus / name).read_bytes()
    assert main(["render", "--corpus", str(corpus), "--out", str(corpus / name)]) == 2
    assert "an input of this run" in _err(capsys)
    assert (corpus / name).read_bytes() == before


def test_a_link_to_an_article_is_refused_too(tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    link = tmp_path / "innocent.html"
    link.symlink_to(corpus / "003_syria.txt")
    assert main(["render", "--corpus", str(corpus), "--out", str(link)]) == 2
    assert "an input of this run" in _err(capsys)
    assert "Hama" in (corpus / "003_syria.txt").read_text()


def test_export_refuses_to_overwrite_its_store(tmp_path: Path, corpus: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "s.gpkg"
    assert main(["ingest", str(corpus), "--store", str(store), "--workers", "1"]) == 0
    before = store.read_bytes()
    for argv in (["export", "--format", "gpkg", "--store", str(store), "--out", str(store)],
                 ["export", "--format", "qgis", "--store", str(store), "--out", str(tmp_path / "s.qgz")]):
        capsys.readouterr()
        assert main(argv) == 2, argv
        assert "an input of this run" in _err(capsys)
    assert store.read_bytes() == before
    assert main(["events", "--store", str(store), "--format", "json"]) == 0
    assert {e["place"] for e in json.loads(capsys.readouterr().out)} >= {"Kutum", "Izium", "Hama"}


def test_inputs_name_the_store_sidecars_and_the_corpus_files(tmp_path: Path, corpus: Path) -> None:
    assert {p.name for p in store_inputs(tmp_path / "s.gpkg")} == {"s.gpkg", "s.gpkg-wal", "s.gpkg-shm",
                                                                  "s.gpkg-journal"}
    assert {p.name for p in corpus_inputs(corpus)} == {*ARTICLES, "metadata.csv", "baseline.csv"}


# ---------------------------------------------------------------- 3, 7, 8: the user gazetteer adds, and checks
def _dump(folder: Path, rows: list[tuple[str, str, str, str]], name: str = "XX.txt") -> Path:
    lines = ["\t".join([gid, nm, nm, "", lat, lon, "P", "PPL", "SD", "", "01", "", "", "", "500", "", "", "",
                        "2024-01-01"]) for gid, nm, lat, lon in rows]
    path = folder / name
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_imports_add_and_replace_is_explicit(data_dir: Path, tmp_path: Path) -> None:
    a = _dump(tmp_path, [("99100001", "Umm Zarafa", "13.1", "25.2")], "a.txt")
    b = _dump(tmp_path, [("99100002", "Wad Kursi", "14.2", "33.3")], "b.txt")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    import_geonames(a)
    import_geonames(b)
    import_geonames(empty)  # adds nothing, wipes nothing
    with UserStore.open() as store:
        assert sorted(p.name for p in store.places()) == ["Umm Zarafa", "Wad Kursi"]
    import_geonames(b, replace=True)
    with UserStore.open() as store:
        assert [p.name for p in store.places()] == ["Wad Kursi"]


@pytest.mark.parametrize("bad", ["Tell\u2028Abyad", "Tell\u2029Abyad", "Tell\x85Abyad", "Tell\x0cAbyad",
                                 "Tell\nAbyad", "Tell\x1b[2JAbyad"])
def test_a_name_with_a_line_separator_is_refused_and_nothing_is_written(data_dir: Path, tmp_path: Path,
                                                                       bad: str) -> None:
    dump = _dump(tmp_path, [("99100003", "Jabal Marra", "13.0", "24.3"), ("99100004", bad, "13.0", "24.4")])
    with pytest.raises(GazetteerDataError, match=r"line 2\b"):
        import_geonames(dump)
    assert not user_gazetteer_path().exists()
    with pytest.raises(GazetteerDataError):
        add_place(bad, 13.0, 24.4)


@pytest.mark.parametrize(("lat", "lon"), [("nan", "24"), ("inf", "24"), ("999", "24"), ("13", "-999"), ("-inf", "0")])
def test_coordinates_off_the_globe_are_refused(data_dir: Path, tmp_path: Path, lat: str, lon: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(GazetteerDataError, match="not on the globe"):
        import_geonames(_dump(tmp_path, [("99100005", "Kabkabiya", lat, lon)]))
    assert main(["gazetteer", "add", "Kabkabiya", "--", lat, lon]) == 2
    assert "not on the globe" in _err(capsys)
    assert not user_gazetteer_path().exists()


def test_check_place_accepts_the_edges_of_the_globe() -> None:
    for lat, lon in ((90.0, 180.0), (-90.0, -180.0), (0.0, 0.0)):
        assert check_place(Place(id="user:x", name="Edge", lat=lat, lon=lon)).lat == lat


def test_gazetteer_add_is_used_by_the_next_run(data_dir: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("date 2024-03-04\nsource Sittwe Line\n\nArakan Army fighters captured "
                                  "Nawng Zunbulaing on Sunday, residents said.\n", encoding="utf-8")
    assert main(["events", "--corpus", str(corpus), "--format", "json"]) == 0
    before = [e for e in json.loads(capsys.readouterr().out) if e["place"] == "Nawng Zunbulaing"]
    assert all(e["lat"] is None and e["place_id"] is None for e in before)  # a name the gazetteer does not know
    assert main(["gazetteer", "add", "Nawng Zunbulaing", "20.41", "93.02", "--country", "MM"]) == 0
    assert "Nawng Zunbulaing" in capsys.readouterr().out
    load_store.cache_clear()
    default_gazetteer.cache_clear()
    assert main(["events", "--corpus", str(corpus), "--format", "json"]) == 0
    events = json.loads(capsys.readouterr().out)
    found = [e for e in events if e["place"] == "Nawng Zunbulaing"]
    assert found and found[0]["kind"] == "captured" and (found[0]["lat"], found[0]["lon"]) == (20.41, 93.02)
    assert found[0]["place_id"].startswith("user:")


def test_gazetteer_import_cli_adds_then_replaces(data_dir: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    a = _dump(tmp_path, [("99100006", "Habila", "12.1", "24.1")], "a.txt")
    b = _dump(tmp_path, [("99100007", "Mornei", "12.9", "22.8")], "b.txt")
    assert main(["gazetteer", "import", str(a)]) == 0 and main(["gazetteer", "import", str(b)]) == 0
    assert "holds 2" in capsys.readouterr().out
    assert main(["gazetteer", "import", str(a), "--replace"]) == 0
    assert "holds 1" in capsys.readouterr().out


def test_the_fingerprint_changes_with_every_write(data_dir: Path) -> None:
    assert user_fingerprint() == "none"
    add_place("Tawila", 13.5, 24.9)
    first = user_fingerprint()
    add_place("Sortony", 13.4, 24.3)
    assert first != "none" and user_fingerprint() != first


def test_a_legacy_csv_is_moved_in_once(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "user_gazetteer.csv").write_text(
        "id,name,names,kind,lat,lon,admin1,country,population,parent,source\n"
        "user:1,Tal Xyz,,village,36.1,37.2,,SY,,,me\nuser:2,Bad\u2028Row,,village,nan,37.2,,SY,,,me\n",
        encoding="utf-8")
    places = load_store()
    assert places.row_of("user:1") is not None and places.row_of("user:2") is None
    assert (data_dir / "user_gazetteer.csv.imported").exists() and user_gazetteer_path().exists()


# ---------------------------------------------------------------- 4: a multi-file export fails whole
def test_a_failed_publish_puts_every_old_file_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "layers"
    out.mkdir()
    for name in ("places.geojson", "governorates.geojson", "fronts.geojson"):
        (out / name).write_text(f"old {name}")
    real_replace = os.replace
    calls = {"n": 0}

    def flaky(src: str, dst: str) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    with staging(out, "GeoJSON layers") as tmp:
        pairs = []
        for name in ("places.geojson", "governorates.geojson", "fronts.geojson"):
            (tmp / name).write_text(f"new {name}")
            pairs.append((tmp / name, out / name))
        monkeypatch.setattr("geo.output.os.replace", flaky)
        with pytest.raises(OutputError, match="nothing was replaced"):
            publish_all(pairs)
        monkeypatch.setattr("geo.output.os.replace", real_replace)
    assert {p.name: p.read_text() for p in out.iterdir()} == {
        n: f"old {n}" for n in ("places.geojson", "governorates.geojson", "fronts.geojson")}


# ---------------------------------------------------------------- 6: a non-UTF-8 file name
def test_ingest_stores_a_file_whose_name_is_not_utf8(tmp_path: Path, corpus: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    odd = os.fsdecode(os.fsencode(str(corpus)) + b"/caf\xe9_004.txt")
    Path(odd).write_text("date 2021-11-20\nsource Wire\n\nTigrayan forces captured Dessie on Saturday.\n",
                         encoding="utf-8")
    store = tmp_path / "s.gpkg"
    assert main(["ingest", str(corpus), "--store", str(store), "--workers", "1"]) == 0
    capsys.readouterr()
    assert main(["articles", "--store", str(store), "--format", "json"]) == 0
    paths = {a["path"] for a in json.loads(capsys.readouterr().out)}
    assert len(paths) == 4 and any(p.endswith("caf\\udce9_004.txt") or "caf" in p and "004" in p for p in paths)
    assert main(["events", "--store", str(store), "--format", "json"]) == 0
    assert "Dessie" in {e["place"] for e in json.loads(capsys.readouterr().out)}
    assert main(["ingest", str(corpus), "--store", str(store), "--workers", "1"]) == 0  # unchanged: skipped
    assert "4 unchanged skipped" in capsys.readouterr().err


# ---------------------------------------------------------------- 9: a large user gazetteer is linear
def test_adding_places_is_linear(tmp_path: Path) -> None:
    world = load_store(include_user=False)._tables

    def build(n: int) -> float:
        places = [Place(id=f"user:{i}", name=f"Qaryat Test {i}", lat=10.0, lon=20.0) for i in range(n)]
        t = time.perf_counter()
        store = PlaceStore(world, places)
        assert store.row_of(f"user:{n - 1}") == len(store) - 1
        return time.perf_counter() - t

    small, large = build(5_000), build(40_000)
    assert large < small * 8 * 3  # 8 times the places: linear, with room for a loaded machine (quadratic: 64x)


# ---------------------------------------------------------------- 10: workers
def test_workers_are_capped_by_batches_with_a_notice_above_the_cpus(tmp_path: Path, corpus: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from geo.pool import default_workers, worker_count

    assert worker_count(10_000, 3)[0] == 3
    assert worker_count(10_000, 10**6)[0] <= 4 * default_workers()
    assert worker_count(None, 10**6) == (default_workers(), None)
    assert main(["ingest", str(corpus), "--store", str(tmp_path / "s.gpkg"), "--workers", "10000"]) == 0
    err = capsys.readouterr().err
    assert "notice: --workers 10000 is more than" in err and "starting 1" in err


# ---------------------------------------------------------------- 11: metadata that is a FIFO or a device
def test_a_fifo_metadata_and_a_device_link_do_not_hang(tmp_path: Path, corpus: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "metadata.csv").unlink()
    os.mkfifo(corpus / "metadata.csv")
    (corpus / "baseline.csv").symlink_to("/dev/zero")
    (corpus / "004_zero.txt").symlink_to("/dev/zero")
    assert main(["events", "--corpus", str(corpus), "--format", "json"]) == 0
    out = capsys.readouterr()
    assert {e["place"] for e in json.loads(out.out)} >= {"Kutum", "Izium", "Hama"}
    assert "metadata.csv: cannot be read (not a regular file" in out.err


# ---------------------------------------------------------------- 12, 13, 14: stores
def test_a_store_that_cannot_be_written_is_read_read_only(tmp_path: Path, corpus: Path,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from geo.store import event_store

    store = tmp_path / "s.gpkg"
    assert main(["ingest", str(corpus), "--store", str(store), "--workers", "1"]) == 0
    monkeypatch.setattr(event_store, "_writable", lambda _path: False)  # as for a folder this user cannot write
    with event_store.EventStore.open(store) as opened, pytest.raises(sqlite3.OperationalError, match="readonly"):
        opened.conn.execute("DELETE FROM events")
    capsys.readouterr()
    assert main(["events", "--store", str(store), "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) >= 3


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through any permission")
def test_a_store_in_a_read_only_folder_is_read(tmp_path: Path, corpus: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    assert main(["ingest", str(corpus), "--store", str(folder / "s.gpkg"), "--workers", "1"]) == 0
    folder.chmod(0o555)
    try:
        assert main(["events", "--store", str(folder / "s.gpkg"), "--format", "json"]) == 0
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize(("message", "words"), [
    ("database or disk is full", "is full"), ("database is locked", "another process is writing"),
    ("attempt to write a readonly database", "read-only"), ("database disk image is malformed", "damaged"),
])
def test_sqlite_failures_of_ingest_are_named_not_bugs(tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str], message: str,
                                                      words: str) -> None:
    import geo.ingest.run

    def fail(*_args: object, **_kw: object) -> None:
        raise sqlite3.OperationalError(message)

    monkeypatch.setattr(geo.ingest.run, "_write", fail)
    assert main(["ingest", str(corpus), "--store", str(tmp_path / "s.gpkg"), "--workers", "1"]) == 1
    line = _err(capsys)
    assert words in line and "internal error" not in line and "s.gpkg" in line


def test_two_first_ingests_do_not_race_on_the_tables(tmp_path: Path) -> None:
    from geo.store.event_store import EventStore

    path = tmp_path / "s.gpkg"
    with EventStore.open(path, create=True) as first:
        second = EventStore(path, sqlite3.connect(path, isolation_level=None))
        assert "meta" in second._create()  # found the tables the first one made, created nothing
        second.close()
        assert first.meta()["schema_version"]


def test_store_problems_name_the_store_table_and_row(tmp_path: Path, corpus: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.gpkg"
    empty.write_bytes(b"")
    assert main(["events", "--store", str(empty)]) == 1
    assert "is empty (0 bytes)" in _err(capsys)
    store = tmp_path / "s.gpkg"
    assert main(["ingest", str(corpus), "--store", str(store), "--workers", "1"]) == 0
    with sqlite3.connect(store) as conn:
        conn.execute("UPDATE events SET published = '2024-02-30' WHERE rowid = (SELECT min(rowid) FROM events)")
    capsys.readouterr()
    assert main(["events", "--store", str(store)]) == 1
    line = _err(capsys)
    assert "table events, column published: '2024-02-30' is not a date" in line


def test_gazetteer_import_names_a_folder_and_a_bad_line(data_dir: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gazetteer", "import", str(tmp_path)]) == 1
    assert "is a folder" in _err(capsys)
    dump = _dump(tmp_path, [("99100008", "Kutum", "14.2", "24.7")])
    dump.write_bytes(dump.read_bytes() + b"99100009\tKab\xe9\n")
    assert main(["gazetteer", "import", str(dump)]) == 1
    assert "line 2: not UTF-8" in _err(capsys)


def test_version_bare_command_and_traceback_exit_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    from geo import __version__

    assert main(["--version"]) == 0 and capsys.readouterr().out.strip() == f"geo {__version__}"
    assert main([]) == 2
    out = capsys.readouterr()
    assert "Usage" in out.out + out.err and "error:  (" not in out.err
    assert main(["--traceback", "render", "--date", "2024-13-45"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" in err and "YYYY-MM-DD" in err
    assert main(["render", "--date", "2024-13-45"]) == 2  # the flag does not stay set in this process
    assert "Traceback" not in capsys.readouterr().err


# ---------------------------------------------------------------- 15: formula cells and terminal escapes
def test_tables_defuse_formulas_and_escapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a\x1b[31m.txt").write_text("date 2024-12-01\nsource =HYPERLINK(\"http://x\")\n\nRebels captured "
                                          "Hama on Thursday.\x1b]0;owned\x07 [bold]x[/bold]\n", encoding="utf-8")
    (corpus / "metadata.csv").write_text("file,date,source,title,url\n", encoding="utf-8")
    for fmt in ("csv", "table"):
        assert main(["articles", "--corpus", str(corpus), "--format", fmt]) == 0
        out = capsys.readouterr()
        assert "\x1b" not in out.out and "\x1b" not in out.err
        if fmt == "csv":
            assert "'=HYPERLINK" in out.out and ",=HYPERLINK" not in out.out
    assert main(["events", "--corpus", str(corpus), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "[bold]" in out  # shown, not read as markup


# ---------------------------------------------------------------- 16: temporary files of killed runs
def test_stale_temporary_files_of_dead_runs_are_cleaned(tmp_path: Path) -> None:
    dead = 2**22 + 12345  # above the kernel's default pid_max
    (tmp_path / f"{TMP_PREFIX}{dead}-abc").mkdir()
    (tmp_path / f"{TMP_PREFIX}{dead}-old-1234-map.html").write_text("x")
    live = tmp_path / f"{TMP_PREFIX}{os.getpid()}-mine"
    live.mkdir()
    old_style = tmp_path / ".geo-export-a1b2c3d4"
    old_style.mkdir()
    old_map = tmp_path / ".control.html.k3j2h1g0.tmp"
    old_map.write_text("x")
    young = tmp_path / ".control.html.zzzzzzzz.tmp"
    young.write_text("x")
    hour_ago = time.time() - 7200
    for p in (old_style, old_map):
        os.utime(p, (hour_ago, hour_ago))
    (tmp_path / "control.html").write_text("a map")
    write_text(tmp_path / "control.html", "the new map")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([live.name, young.name, "control.html"])
    assert clean_stale(tmp_path) == []


def test_publish_all_with_no_inputs_given_still_refuses_a_folder(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    with staging(tmp_path, "test") as tmp:
        (tmp / "x").write_text("file")
        with pytest.raises(UsageError):
            publish_all([(tmp / "x", tmp_path / "x" / "..")])



def test_a_full_disk_during_a_gdal_write_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from collections import namedtuple

    from pyogrio.errors import DataLayerError

    import geo.export.ogr as ogr

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(ogr.shutil, "disk_usage", lambda _p: usage(10**9, 10**9, 0))
    with pytest.raises(OutputError, match="the disk is full; free some space"), \
            ogr.staging_dir(tmp_path, "GeoPackage control.gpkg"):
        raise DataLayerError("Cannot write feature")
    assert not any(p.name.startswith(TMP_PREFIX) for p in tmp_path.iterdir())
