"""The cache of tables derived from the gazetteer: hits, stale keys, damage, no write access, two builders at once."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gazetteer import cache
from gazetteer.resolver import Gazetteer, store_matcher
from gazetteer.store import load_store

ROOT = Path(__file__).resolve().parents[1]


class _Tables:
    """Tables of a toy kind: one text file; counts how often they were built."""

    built = 0

    def __init__(self, text: str) -> None:
        self.text = text

    @classmethod
    def build(cls, text: str = "derived") -> _Tables:
        cls.built += 1
        return cls(text)

    def save(self, folder: Path) -> None:
        (folder / "table.txt").write_text(self.text, encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> _Tables:
        text = (folder / "table.txt").read_text(encoding="utf-8")
        if not text.startswith("derived"):
            raise ValueError(f"damaged table {text!r}")
        return cls(text)


def _toy(key: str = "k1", text: str = "derived") -> _Tables:
    return cache.cached("toy", key, lambda: _Tables.build(text), _Tables.save, _Tables.load)


@pytest.fixture()
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    _Tables.built = 0
    cache._NOTICES.clear()
    return tmp_path / "cache"


def test_root_follows_the_variable_then_xdg_then_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "mine"))
    assert cache.cache_root() == tmp_path / "mine"
    monkeypatch.delenv(cache.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_root() == tmp_path / "xdg" / "geo"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # not absolute: ignored, as the XDG spec says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_root() == tmp_path / "home" / ".cache" / "geo"


def test_built_once_then_read_from_disk(root: Path) -> None:
    assert _toy().text == "derived" and _Tables.built == 1
    assert _toy().text == "derived" and _Tables.built == 1  # a hit: read, not built
    assert [p.name for p in root.iterdir()] == ["toy-k1"]
    assert sorted(p.name for p in (root / "toy-k1").iterdir()) == ["manifest.json", "table.txt"]


def test_a_new_key_is_built_and_older_keys_are_pruned(root: Path) -> None:
    for n, key in enumerate(["k1", "k2", "k3", "k4"], start=1):
        _toy(key)
        assert _Tables.built == n
        time.sleep(0.01)  # distinct folder times
    kept = sorted(p.name for p in root.iterdir())
    assert kept == ["toy-k3", "toy-k4"]  # the one in use and the newest other (cache.KEEP_PER_KIND)
    _toy("k4")
    assert _Tables.built == 4


@pytest.mark.parametrize("damage", ["truncated", "same size", "manifest gone", "extra file"])
def test_a_damaged_folder_is_built_again(root: Path, damage: str) -> None:
    _toy()
    folder = root / "toy-k1"
    table = folder / "table.txt"
    if damage == "truncated":
        table.write_text("der", encoding="utf-8")
    elif damage == "same size":
        table.write_text("x" * len("derived"), encoding="utf-8")  # the manifest agrees; loading fails
    elif damage == "manifest gone":
        (folder / "manifest.json").unlink()
    else:
        (folder / "stray.bin").write_bytes(b"\0")
    assert _toy().text == "derived"
    assert _Tables.built == 2
    assert (folder / "table.txt").read_text(encoding="utf-8") == "derived"
    assert _toy().text == "derived" and _Tables.built == 2  # and read from disk again
    assert sorted(p.name for p in root.iterdir()) == ["toy-k1"]  # nothing left aside


def test_an_unwritable_location_gives_one_notice_and_builds_in_memory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))  # not even root can make a folder in a file
    cache._NOTICES.clear()
    _Tables.built = 0
    assert _toy().text == "derived" and _toy().text == "derived"
    assert _Tables.built == 2  # built each time, in memory
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1  # one notice per process, however often
    assert err[0].startswith("notice: cannot write the gazetteer cache in ") and str(blocker) in err[0]
    assert cache.CACHE_ENV in err[0]


def _build_slowly(args: tuple[str, str]) -> str:
    """In a child process: build the toy tables slowly, so that the children build at the same time."""
    root, key = args
    os.environ[cache.CACHE_ENV] = root

    def build() -> _Tables:
        time.sleep(0.3)
        return _Tables(f"derived by {os.getpid()}")

    return cache.cached("toy", key, build, _Tables.save, _Tables.load).text


def test_processes_building_at_once_all_get_one_complete_copy(root: Path) -> None:
    with multiprocessing.get_context("fork").Pool(4) as pool:
        texts = pool.map(_build_slowly, [(str(root), "k1")] * 4)
    on_disk = (root / "toy-k1" / "table.txt").read_text(encoding="utf-8")
    assert on_disk.startswith("derived by ")
    assert all(t.startswith("derived by ") for t in texts)
    assert on_disk in texts  # the first rename won; the others read it, or kept their own
    assert sorted(p.name for p in root.iterdir()) == ["toy-k1"]  # no temporary folder left behind


def test_clear_and_entries(root: Path) -> None:
    assert cache.entries() == []
    _toy("k1")
    found = cache.entries()
    assert [(e.kind, e.key) for e in found] == [("toy", "k1")] and found[0].size > len("derived")
    assert cache.clear() == found[0].size
    assert cache.entries() == []
    assert _toy("k1").text == "derived" and _Tables.built == 2


def test_the_mapped_matcher_finds_what_a_built_one_finds(root: Path) -> None:
    """The cached world tables and name trie give the answers of tables built in memory."""
    load_store.cache_clear()
    try:
        mapped = Gazetteer(load_store(include_user=False))
        text = ("Rebels entered Aleppo and Khan Sheikhoun, then Hama; Tal Rifaat and al-Bab stayed with the SNA. "
                "In the US, Sudan's RSF took El Fasher; the UK and Ukraine's army left Avdiivka near Donetsk.")
        found = [(m.start, m.end, m.place.id if m.place else None) for m in mapped.find(text)]
        assert {(root / f).name.split("-")[0] for f in os.listdir(root)} == {"world", "names"}
        store = mapped.store
        built = store_matcher(store)
        assert len(built) == len(mapped._matcher) > 600_000
        assert built.scan(text) == mapped._matcher.scan(text)
        assert ("Aleppo", "Khan Sheikhoun", "El Fasher", "Avdiivka") == tuple(
            text[s:e] for s, e, _ in found if text[s:e] in ("Aleppo", "Khan Sheikhoun", "El Fasher", "Avdiivka"))
        assert store.row_of("geonames:170063") is not None and store.place(store.row_of("geonames:170063")).name
        assert store.row_of("no-such-id") is None
        trie = next(root.glob("names-*")) / "names.marisa"
        trie.write_bytes(trie.read_bytes()[: trie.stat().st_size // 2])  # truncated: built again, same answers
        load_store.cache_clear()
        again = Gazetteer(load_store(include_user=False))
        assert [(m.start, m.end, m.place.id if m.place else None) for m in again.find(text)] == found
        assert trie.stat().st_size > 1_000_000
    finally:
        load_store.cache_clear()


def _geo(*argv: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "geo", *argv], capture_output=True, text=True, timeout=300,
                          env=env, cwd=ROOT, check=False)


@pytest.mark.cli
def test_cold_warm_damaged_and_unwritable_runs_answer_alike(tmp_path: Path) -> None:
    """The command answers the same from an empty cache, a warm one, a damaged one and none at all."""
    env = {**os.environ, cache.CACHE_ENV: str(tmp_path / "cache"), "GEO_DATA_DIR": str(tmp_path / "data")}
    cold = _geo("gazetteer", "lookup", "Deraa", "--format", "json", env=env)
    assert cold.returncode == 0 and cold.stderr == "" and "geonames:170905" in cold.stdout
    world = next((tmp_path / "cache").glob("world-*"))
    keys = world / "keys.marisa"
    stamp = keys.stat().st_mtime_ns
    warm = _geo("gazetteer", "lookup", "Deraa", "--format", "json", env=env)
    assert (warm.returncode, warm.stdout, warm.stderr) == (0, cold.stdout, "")
    assert keys.stat().st_mtime_ns == stamp  # read, not rebuilt
    keys.write_bytes(b"\0" * keys.stat().st_size)  # same size, garbage
    damaged = _geo("gazetteer", "lookup", "Deraa", "--format", "json", env=env)
    assert (damaged.returncode, damaged.stdout, damaged.stderr) == (0, cold.stdout, "")
    assert keys.read_bytes()[:4] != b"\0\0\0\0"  # built again
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    nowhere = _geo("gazetteer", "lookup", "Deraa", "--format", "json", env={**env, cache.CACHE_ENV: str(blocker)})
    assert nowhere.returncode == 0 and nowhere.stdout == cold.stdout
    notices = nowhere.stderr.splitlines()
    assert len(notices) == 1 and notices[0].startswith("notice: cannot write the gazetteer cache")
    info = _geo("cache", "info", env=env)
    assert info.returncode == 0 and "world-" in info.stdout and "1 cached" in info.stdout
    cleared = _geo("cache", "clear", env=env)
    assert cleared.returncode == 0 and "cleared" in cleared.stdout
    assert list((tmp_path / "cache").iterdir()) == []


def test_a_key_that_is_a_path_names_one_folder(root: Path) -> None:
    """A user gazetteer's fingerprint holds its path; the folder is named by the key's digest, not the path."""
    key = "abc+/home/someone/.local/share/geo/user_gazetteer.sqlite:8192:1700000000:3"
    assert _toy(key).text == "derived" and _toy(key).text == "derived" and _Tables.built == 1
    assert [p.parent for p in root.rglob("table.txt")] == [next(root.glob("toy-*"))]
    assert not cache._NOTICES  # written, not refused


@pytest.mark.cli
def test_with_a_user_gazetteer_the_names_are_cached_and_an_added_place_renews_only_its_tables(tmp_path: Path) -> None:
    env = {**os.environ, cache.CACHE_ENV: str(tmp_path / "cache"), "GEO_DATA_DIR": str(tmp_path / "data")}
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("date 2024-12-01\n\nRebel fighters captured Qaryat Zanbaqa on Sunday, and the "
                                  "army withdrew from Tell Wardiyeh.\n", encoding="utf-8")

    def places() -> tuple[set[str], str]:
        run = _geo("events", "--corpus", str(corpus), "--format", "json", env=env)
        assert run.returncode == 0, run.stderr
        return {e["place"] for e in json.loads(run.stdout) if e.get("place_id")}, run.stderr

    def stamps(kind: str) -> dict[str, int]:
        return {p.name: (p / "manifest.json").stat().st_mtime_ns for p in (tmp_path / "cache").glob(f"{kind}-*")}

    assert _geo("gazetteer", "add", "Qaryat Zanbaqa", "35.1", "36.7", "--country", "SY", env=env).returncode == 0
    first, err = places()
    assert "Qaryat Zanbaqa" in first and "notice" not in err
    names, user = stamps("names"), stamps("user")
    assert len(names) == 1 and len(user) == 1
    assert places() == (first, err)
    assert (stamps("names"), stamps("user")) == (names, user)  # read, not rebuilt
    assert _geo("gazetteer", "add", "Tell Wardiyeh", "35.2", "36.8", "--country", "SY", env=env).returncode == 0
    renewed, _ = places()
    assert {"Qaryat Zanbaqa", "Tell Wardiyeh"} <= renewed
    # the user gazetteer's tables under a new key; the packaged names' trie left as it was
    assert stamps("names") == names and set(stamps("user")) - set(user)


def test_keyed_files_give_back_what_was_put_and_miss_otherwise(root: Path) -> None:
    files = cache.KeyedFiles(root / "thing-v1")
    assert files.get("a") is None  # nothing yet; the folder is not even made by a read
    files.put("a", {"outline": (1.5, 2.5)})
    files.put("b", ("other",))
    assert files.get("a") == {"outline": (1.5, 2.5)} and files.get("b") == ("other",)
    (root / "thing-v1" / "b.pickle").write_bytes((root / "thing-v1" / "a.pickle").read_bytes())
    assert files.get("b") is None  # a file holding another key is a miss
    (root / "thing-v1" / "a.pickle").write_bytes(b"not a pickle")
    assert files.get("a") is None  # a damaged file is a miss
    files.put("a", "again")
    assert files.get("a") == "again"
    assert not [p for p in (root / "thing-v1").iterdir() if p.name.startswith(".tmp-")]


def test_keyed_files_of_a_new_version_remove_the_older_folders(root: Path) -> None:
    cache.KeyedFiles(root / "thing-v1").put("a", 1)
    cache.KeyedFiles(root / "other-v1").put("a", 1)
    cache.KeyedFiles(root / "thing-v2").put("a", 2)
    assert sorted(p.name for p in root.iterdir()) == ["other-v1", "thing-v2"]
    assert cache.KeyedFiles(root / "thing-v2").get("a") == 2


def test_keyed_files_without_a_writable_folder_cache_nothing_and_never_fail(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    files = cache.KeyedFiles(blocker / "thing-v1")
    files.put("a", 1)  # no error: the folder cannot be made
    assert files.get("a") is None
    off = cache.KeyedFiles(None)
    off.put("a", 1)
    assert off.get("a") is None


def test_keyed_files_with_a_limit_keep_the_most_recently_used(root: Path) -> None:
    first = cache.KeyedFiles(root / "thing-v1", limit=3)
    for k, key in enumerate("abcd"):
        first.put(key, k)
        os.utime(root / "thing-v1" / f"{key}.pickle", ns=(k * 10**9, k * 10**9))  # written in this order
    assert cache.KeyedFiles(root / "thing-v1", limit=3).get("a") == 0  # a hit: "a" is now the newest
    later = cache.KeyedFiles(root / "thing-v1", limit=3)
    later.put("e", 4)  # a new process trims before its first write: "b" and "c" were used least lately
    assert sorted(p.stem for p in (root / "thing-v1").glob("*.pickle")) == ["a", "d", "e"]
