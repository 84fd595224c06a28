from __future__ import annotations

import dataclasses
import functools
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo.cli import main
from geo.errors import CorpusError
from geo.ingest.run import ingest
from geo.layers.build import build_map_data
from geo.pipeline import analyse
from geo.read.dedup import THRESHOLD
from geo.store.event_store import EventStore
from geo.store.rows import load

sys.path.insert(0, str(Path(__file__).parent))
from ingest_corpus import article_text, write_corpus  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_TIMES = {"articles": ["ingested_at"], "warnings": ["at"]}


def dump(store: Path, *, times: bool = True) -> dict[str, list[tuple]]:
    """Every row of every table (timestamps left out unless asked for)."""
    conn = sqlite3.connect(store)
    out = {}
    for table in ("articles", "sources", "events", "distances", "warnings", "baseline", "meta", "gpkg_contents"):
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        if not times:
            cols = [c for c in cols if c not in _TIMES.get(table, []) and c != "last_change"]
        out[table] = sorted(conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(), key=repr)
    conn.close()
    return out


@pytest.fixture()
def seeds_store(tmp_path: Path) -> Path:
    store = tmp_path / "seeds.gpkg"
    ingest([SEEDS], store)
    return store


def test_store_gives_the_corpus_result(seeds_store: Path) -> None:
    ref, got = analyse(SEEDS), load(seeds_store)
    assert got.events == ref.events and got.distances == ref.distances and got.baseline == ref.baseline
    assert [a.duplicate_of for a in got.articles] == [a.duplicate_of for a in ref.articles]
    assert any("is another version of" in w.message for w in got.warnings)
    day = __import__("datetime").date(2024, 12, 8)
    assert build_map_data(got, date=day).states[day] == build_map_data(ref, date=day).states[day]


def test_reingest_is_idempotent_and_skips_by_stat(seeds_store: Path) -> None:
    before = dump(seeds_store)
    report = ingest([SEEDS], seeds_store)
    assert (report.files_seen, report.skipped_unchanged, report.extracted) == (5, 5, 0)
    assert dump(seeds_store) == before


def test_only_new_and_changed_articles_are_extracted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import geo.ingest.plan
    import geo.ingest.run

    seen: list[str] = []
    real = geo.ingest.plan.extract_article

    def counting(article, *args):
        seen.append(article.path)
        return real(article, *args)

    monkeypatch.setattr(geo.ingest.plan, "extract_article", counting)
    ingest = functools.partial(geo.ingest.run.ingest, workers=1)  # in this process, where the spy is
    corpus, store = tmp_path / "c", tmp_path / "s.gpkg"
    write_corpus(corpus, 6)
    assert ingest([corpus], store, batch_size=4).new_articles == 6 and len(seen) == 6
    seen.clear()
    write_corpus(corpus, 2, start=6)  # two new files
    changed = corpus / "00002.txt"
    old_id = load(store).articles[2].id
    changed.write_text(article_text(2)[0].replace("captured", "seized control of"), encoding="utf-8")
    os.utime(corpus / "00003.txt")  # touched, same text
    report = ingest([corpus], store, batch_size=4)
    assert sorted(Path(p).name for p in seen) == ["00002.txt", "00006.txt", "00007.txt"]
    assert (report.new_articles, report.changed, report.unchanged_text, report.skipped_unchanged) == (2, 1, 1, 4)
    result = load(store)
    assert old_id not in {a.id for a in result.articles} and old_id not in {e.article for e in result.events}
    assert len(result.articles) == 8
    _, place, day, _ = article_text(2)
    [event] = [e for e in result.events if e.article == load(store).articles[2].id]
    assert (event.place, event.date, event.kind) == (place, day, "captured")


def test_changed_metadata_reextracts_with_the_new_date(tmp_path: Path) -> None:
    corpus, store = tmp_path / "c", tmp_path / "s.gpkg"
    write_corpus(corpus, 2)
    ingest([corpus], store)
    (corpus / "metadata.csv").write_text("file,date,source,title,url\n00001.txt,2025-03-01,Other,,\n")
    report = ingest([corpus], store)
    assert report.changed == 1 and report.extracted == 1
    [art] = [a for a in load(store).articles if a.path.endswith("00001.txt")]
    assert (art.published.isoformat(), art.source) == ("2025-03-01", "Other")


def test_near_duplicates_link_across_ingests(tmp_path: Path) -> None:
    first, second, store = tmp_path / "a", tmp_path / "b", tmp_path / "s.gpkg"
    write_corpus(first, 3)
    ingest([first], store)
    text = article_text(1)[0]
    second.mkdir()
    later = text.replace(text[5:15], "2026-01-01") + "\nOfficials gave no further details on Monday evening.\n"
    (second / "later.txt").write_text(later, encoding="utf-8")
    shutil.copy(first / "00000.txt", second / "copy.txt")  # the same text again
    report = ingest([second], store)
    assert report.duplicates == 1 and report.new_articles == 1
    result = load(store)
    by_name = {Path(a.path).name: a for a in result.articles}
    assert by_name["later.txt"].duplicate_of == by_name["00001.txt"].id
    assert any("copy.txt: has the same text as" in w.message for w in result.warnings)
    # an earlier version arriving later becomes the canonical one, even with the stored file gone
    (first / "00001.txt").unlink()
    third = tmp_path / "c"
    third.mkdir()
    early = text.replace(text[5:15], "2020-01-01") + "\nResidents said the roads into the town stayed closed.\n"
    (third / "early.txt").write_text(early, encoding="utf-8")
    ingest([third], store)
    by_name = {Path(a.path).name: a for a in load(store).articles}
    assert by_name["early.txt"].duplicate_of is None
    assert by_name["00001.txt"].duplicate_of == by_name["later.txt"].duplicate_of == by_name["early.txt"].id
    result = load(store)
    # the demoted canonical version reports the containment it reached in its group, not 0
    versions = [w.message for w in result.warnings if "is another version of" in w.message]
    assert len(versions) == 2
    assert all(float(m.split("(containment ")[1][:4]) >= THRESHOLD for m in versions), versions
    ids = {a.id for a in result.articles if Path(a.path).name in ("later.txt", "00001.txt")}
    place = article_text(1)[1]
    repeats = [e for e in result.events if e.article in ids and e.place == place]
    assert repeats and all(e.duplicate_of for e in repeats)


def test_a_demoted_canonical_version_keeps_its_containment(tmp_path: Path) -> None:
    # C is a short story, D repeats it with a long addition, N (published earlier) carries D's addition only:
    # N is a version of D, not of C, yet becomes canonical for all three.
    p1, p2, p3 = (article_text(i, seed=11)[0].split("\n\n", 1)[1] for i in (1, 2, 3))
    folder, store = tmp_path / "c", tmp_path / "s.gpkg"
    folder.mkdir()
    short = p1[: p1.rindex(" ", 0, len(p1) // 2)]
    (folder / "c.txt").write_text("date 2024-03-01\n\n" + short, encoding="utf-8")
    (folder / "d.txt").write_text("date 2024-03-02\n\n" + short + " " + p2, encoding="utf-8")
    ingest([folder], store)
    (folder / "n.txt").write_text("date 2024-02-01\n\n" + p2 + p3[: p3.index(" ", 60)], encoding="utf-8")
    ingest([folder], store)
    by_name = {Path(a.path).name: a for a in load(store).articles}
    assert by_name["n.txt"].duplicate_of is None
    assert by_name["c.txt"].duplicate_of == by_name["d.txt"].duplicate_of == by_name["n.txt"].id
    versions = {w.path: w.message for w in load(store).warnings if "is another version of" in w.message}
    assert len(versions) == 2
    assert all(float(m.split("(containment ")[1][:4]) >= THRESHOLD for m in versions.values()), versions


def test_no_progress_output_when_stderr_is_not_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    write_corpus(tmp_path / "c", 3)
    ingest([tmp_path / "c"], tmp_path / "s.gpkg")
    assert capsys.readouterr() == ("", "")


def test_cli_ingest_prints_one_summary_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    write_corpus(tmp_path / "c", 3)
    assert main(["ingest", str(tmp_path / "c"), "--store", str(tmp_path / "s.gpkg"), "--batch-size", "2"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1
    assert "3 new" in err and "articles/s" in err


def _json(capsys: pytest.CaptureFixture, argv: list[str]):
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_store_and_corpus_agree(seeds_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    src = ["--corpus", str(SEEDS)]
    st = ["--store", str(seeds_store)]
    for argv in (["control", "--date", "2024-12-08", "--format", "json"], ["events", "--format", "json"],
                 ["timeline", "Aleppo", "--format", "json"]):
        assert _json(capsys, argv + st) == _json(capsys, argv + src)
    control = _json(capsys, ["control", "--date", "2024-12-08", "--format", "json", *st])
    aleppo = next(s for s in control if s["place_id"] == "geonames:170063")
    assert (aleppo["controller"], aleppo["status"]) == ("opposition", "held")
    for fmt, name in (("csv", "a.csv"), ("csv", "b.csv")):
        args = st if name == "a.csv" else src
        assert main(["export", "--format", fmt, "--out", str(tmp_path / name), *args]) == 0
    capsys.readouterr()
    assert (tmp_path / "a.csv").read_text() == (tmp_path / "b.csv").read_text()
    assert main(["render", "--date", "2024-12-08", "--out", str(tmp_path / "m.html"), *st]) == 0
    assert "Aleppo" in (tmp_path / "m.html").read_text(encoding="utf-8")


def test_cli_errors(seeds_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["events", "--store", str(seeds_store), "--corpus", str(SEEDS)]) == 2
    assert "--corpus and --store are exclusive" in capsys.readouterr().err
    (tmp_path / "x.gpkg").write_text("not a store " * 100)
    assert main(["events", "--store", str(tmp_path / "x.gpkg")]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "x.gpkg is not an SQLite file" in err
    assert main(["ingest", str(SEEDS)]) == 2
    assert main(["ingest", str(tmp_path / "nope"), "--store", str(seeds_store)]) == 2
    assert main(["ingest", str(SEEDS), "--store", str(seeds_store), "--engine", "spark"]) == 2


@pytest.mark.parametrize(("key", "rebuilt", "kept"), [
    ("geo_version", 5, 0),  # another geo: every article again
    ("gazetteer", 0, 5),  # another user gazetteer that reaches none of the seeds: each kept as extracted
])
def test_stale_store_warns_and_rebuild_fixes_it(seeds_store: Path, capsys: pytest.CaptureFixture, key: str,
                                                rebuilt: int, kept: int) -> None:
    before = load(seeds_store)
    conn = sqlite3.connect(seeds_store)
    conn.execute("UPDATE meta SET value = 'older' WHERE key = ?", (key,))
    conn.commit()
    conn.close()
    assert main(["events", "--store", str(seeds_store), "--format", "json"]) == 0
    assert "run 'geo ingest --rebuild --store" in capsys.readouterr().err
    report = ingest([], seeds_store, rebuild=True)
    assert (report.rebuilt, report.kept_unreached, report.stale) == (rebuilt, kept, None)
    with EventStore.open(seeds_store) as store:
        assert store.version_warning() is None
    after = load(seeds_store)
    assert after.events == before.events and after.articles == before.articles


@pytest.mark.slow
def test_interrupted_ingest_keeps_whole_batches_and_resumes(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    write_corpus(corpus, 300)
    reference = tmp_path / "ref.gpkg"
    ingest([corpus], reference, batch_size=8)
    expected = {a.id: sum(1 for e in load(reference).events if e.article == a.id) for a in load(reference).articles}
    store = tmp_path / "s.gpkg"
    proc = subprocess.Popen([sys.executable, "-m", "geo", "ingest", str(corpus), "--store", str(store),
                             "--batch-size", "8"], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    written = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as conn:
                written = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            continue
        if written >= 40:
            break
    workers = _children_of(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 40 <= written < 300, "the ingest finished before it could be interrupted"
    assert workers, "the ingest ran no worker processes"
    deadline = time.monotonic() + 30
    while _alive(workers) and time.monotonic() < deadline:  # the kernel ends them with their parent
        time.sleep(0.05)
    assert not _alive(workers), "worker processes outlived their killed parent"
    partial = load(store)
    assert 0 < len(partial.articles) < 300 and len(partial.articles) % 8 == 0
    for a in partial.articles:
        assert sum(1 for e in partial.events if e.article == a.id) == expected[a.id]
    assert {e.article for e in partial.events} <= {a.id for a in partial.articles}
    with EventStore.open(store) as opened:
        assert opened.counts()["sources"] == len(partial.articles)
    ingest([corpus], store, batch_size=8)
    assert dump(store, times=False) == dump(reference, times=False)


def _children_of(pid: int) -> set[int]:
    import psutil

    return {p.pid for p in psutil.Process(pid).children() if "resource_tracker" not in " ".join(p.cmdline())}


def _alive(pids: set[int]) -> bool:
    import psutil

    def alive(pid: int) -> bool:
        try:
            return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return False

    return any(map(alive, pids))


def _children() -> set[int]:
    import psutil

    return {p.pid for p in psutil.Process().children(recursive=True)
            if p.is_running() and "resource_tracker" not in " ".join(p.cmdline())}


def _mixed_corpus(folder: Path) -> None:
    """Generated articles plus an exact copy, a near-duplicate version, an empty and a binary file."""
    write_corpus(folder, 40)
    shutil.copy(folder / "00003.txt", folder / "00003-copy.txt")
    text = article_text(5)[0]
    (folder / "00005-v2.txt").write_text(text + "\nOfficials gave no further details on Monday.\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    shutil.copy(SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0], folder / "seed.txt")


@pytest.mark.parametrize("batch_size", [1, 7])
def test_a_pool_ingest_writes_exactly_what_one_process_writes(tmp_path: Path, batch_size: int) -> None:
    corpus = tmp_path / "c"
    _mixed_corpus(corpus)
    alone, pooled = tmp_path / "one.gpkg", tmp_path / "pool.gpkg"
    before = _children()
    reports = [ingest([corpus], alone, batch_size=batch_size, workers=1),
               ingest([corpus], pooled, batch_size=batch_size, workers=2)]
    assert reports[0].new_articles == 42 and reports[0].duplicates == 1 and reports[0].unreadable == 2
    assert dump(pooled, times=False) == dump(alone, times=False)
    counts = [{k: v for k, v in dataclasses.asdict(r).items() if k not in ("store", "elapsed")} for r in reports]
    assert counts[0] == counts[1]
    # second round: a changed file, a new copy, a touched file with the same text, a deleted copy
    (corpus / "00007.txt").write_text(article_text(7)[0].replace("captured", "seized control of"), encoding="utf-8")
    shutil.copy(corpus / "00009.txt", corpus / "00009-copy.txt")
    os.utime(corpus / "00011.txt", ns=(1, 1))
    (corpus / "00003.txt").unlink()
    reports = [ingest([corpus], alone, batch_size=batch_size, workers=1),
               ingest([corpus], pooled, batch_size=batch_size, workers=2)]
    assert (reports[0].changed, reports[0].duplicates, reports[0].unchanged_text) == (1, 1, 1)
    assert dump(pooled, times=False) == dump(alone, times=False)
    assert reports[1].changed == 1 and reports[1].unchanged_text == 1 and reports[1].duplicates == 1
    # idempotent: a third pool ingest changes nothing and reads nothing
    snapshot = dump(pooled)
    again = ingest([corpus], pooled, batch_size=batch_size, workers=2)
    assert again.extracted == 0 and again.skipped_unchanged == again.files_seen
    assert dump(pooled) == snapshot
    deadline = time.monotonic() + 5
    while _children() - before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _children() - before


def test_a_stale_unchanged_guess_is_extracted_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker skips a file it was told is unchanged; if the store says otherwise, it is extracted here."""
    import geo.ingest.plan
    import geo.ingest.run
    from geo.read.corpus import read_article

    corpus = tmp_path / "c"
    write_corpus(corpus, 5)
    reference = tmp_path / "ref.gpkg"
    ingest([corpus], reference, workers=1)
    real = geo.ingest.plan.Planner._stat

    def wrong_guess(self, item):
        task = real(self, item)
        article, _ = read_article(item.path, item.meta)
        return geo.ingest.plan.Task(task.path, task.meta, task.source, task.held, geo.ingest.plan.stored_key(article))

    skipped: list[bool] = []
    real_read = geo.ingest.run.read_and_extract

    def reading(tasks):
        reads = real_read(tasks)
        skipped.extend(r.extraction is None for r in reads)
        return reads

    monkeypatch.setattr(geo.ingest.plan.Planner, "_stat", wrong_guess)
    monkeypatch.setattr(geo.ingest.run, "read_and_extract", reading)
    store = tmp_path / "s.gpkg"
    report = ingest([corpus], store, workers=1)
    assert skipped == [True] * 5  # the worker trusted the guess
    assert report.new_articles == 5 and report.events_added == 5
    assert dump(store, times=False) == dump(reference, times=False)


def test_a_failing_worker_is_one_error_naming_the_batch_and_keeps_whole_batches(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    import geo.ingest.plan
    import geo.ingest.run

    corpus, store = tmp_path / "c", tmp_path / "s.gpkg"
    write_corpus(corpus, 12)
    real = geo.ingest.plan.extract_article

    def failing(article, *args):
        if article.path.endswith("00009.txt"):
            raise ValueError("no such thing")
        return real(article, *args)

    monkeypatch.setattr(geo.ingest.plan, "extract_article", failing)  # the forked workers inherit it
    before = _children()
    argv = ["ingest", str(corpus), "--store", str(store), "--batch-size", "4", "--workers", "2"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    # which batch and file, the worker's error, and the fix
    for words in ("ExtractionError", "batch 2", str(corpus / "00008.txt"), "ValueError: no such thing",
                  "--workers 1 --traceback"):
        assert words in err, (words, err)
    assert not _children() - before
    with EventStore.open(store) as opened:
        assert opened.counts()["articles"] == 8  # batches 0 and 1, whole


def test_cli_workers_and_scheduler_usage(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    write_corpus(tmp_path / "c", 2)
    base = ["ingest", str(tmp_path / "c"), "--store", str(tmp_path / "s.gpkg")]
    assert main([*base, "--workers", "0"]) == 2
    assert "--workers" in capsys.readouterr().err
    assert main([*base, "--scheduler", "tcp://127.0.0.1:8786"]) == 2
    assert "--scheduler applies to --engine dask only" in capsys.readouterr().err
    assert not (tmp_path / "s.gpkg").exists()


def _versions_corpus(folder: Path) -> dict[str, str]:
    """Twelve stories, then later files that are other versions of three of them; version name -> original name."""
    write_corpus(folder, 12)
    made = {}
    for i in (1, 4, 7):
        text = article_text(i)[0]
        lines = text.splitlines()
        (folder / f"v{i}-longer.txt").write_text(text + "\nResidents said the roads stayed closed.\n", encoding="utf-8")
        (folder / f"w{i}-shorter.txt").write_text("\n".join(lines[:-2]) + "\n", encoding="utf-8")
        earlier = text.replace(text[5:15], "2020-01-01") + "\nA council member confirmed the account.\n"
        (folder / f"x{i}-earlier.txt").write_text(earlier, encoding="utf-8")
        made.update({f"v{i}-longer.txt": f"{i:05d}.txt", f"w{i}-shorter.txt": f"{i:05d}.txt",
                     f"x{i}-earlier.txt": f"{i:05d}.txt"})
    return made


@pytest.mark.parametrize("budget", [0, 150])
def test_kept_shingles_link_exactly_as_reading_the_files_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              budget: int) -> None:
    """The linker keeps this run's shingle sets instead of re-reading files: same store, no re-reads.

    Budget 0 keeps nothing (every exact check of an article from an earlier batch reads its
    file back, as before the sets were kept); 150 hashes keep about one article (the least
    recently used are dropped).
    """
    import geo.store.link

    corpus = tmp_path / "c"
    versions = _versions_corpus(corpus)
    reads: list[str] = []
    real = geo.store.link.read_article

    def counting(path, *args):
        reads.append(Path(path).name)
        return real(path, *args)

    monkeypatch.setattr(geo.store.link, "read_article", counting)
    kept, limited = tmp_path / "kept.gpkg", tmp_path / "limited.gpkg"
    ingest([corpus], kept, batch_size=3, workers=1)
    assert reads == []  # every candidate's shingles were kept
    monkeypatch.setattr(geo.store.link, "SHINGLE_BUDGET", budget)
    ingest([corpus], limited, batch_size=3, workers=1)
    assert reads and set(reads) <= set(versions.values()) | set(versions)
    assert dump(limited, times=False) == dump(kept, times=False)
    by_name = {Path(a.path).name: a for a in load(kept).articles}
    for i in (1, 4, 7):  # each group of four points at its earliest dated version
        canonical = by_name[f"x{i}-earlier.txt"]
        assert canonical.duplicate_of is None
        for name in (f"{i:05d}.txt", f"v{i}-longer.txt", f"w{i}-shorter.txt"):
            assert by_name[name].duplicate_of == canonical.id, name
    assert sum(a.duplicate_of is not None for a in by_name.values()) == 9


# ------------------------------------------------------------------------------------------- --prune
def _places(store: Path) -> dict[str, str]:
    """Stored file name -> the place of its events."""
    conn = sqlite3.connect(store)
    rows = conn.execute("SELECT s.path, e.place FROM sources s JOIN events e ON e.article = s.article").fetchall()
    conn.close()
    return {Path(p).name: place for p, place in rows}


def test_prune_forgets_deleted_files_and_their_events_only_when_asked(tmp_path: Path) -> None:
    folder, store = tmp_path / "c", tmp_path / "s.gpkg"
    paths = write_corpus(folder, 4)
    ingest([folder], store)
    gone_place = article_text(1)[1]
    paths[1].unlink()
    kept = ingest([folder], store)  # without --prune a deleted file stays
    assert kept.pruned == 0 and "00001.txt" in _places(store)
    report = ingest([folder], store, prune=True)
    assert report.pruned == 1 and "1 deleted files forgotten" in report.summary()
    places = _places(store)
    assert set(places) == {"00000.txt", "00002.txt", "00003.txt"}
    assert all(place == article_text(i)[1] for i, place in ((0, places["00000.txt"]), (2, places["00002.txt"])))
    assert sum(1 for e in load(store).events if e.place == gone_place) == sum(
        1 for i in (0, 2, 3) if article_text(i)[1] == gone_place)
    before = dump(store)
    again = ingest([folder], store, prune=True)
    assert again.pruned == 0 and dump(store) == before


def test_prune_keeps_an_article_another_file_still_holds(tmp_path: Path) -> None:
    folder, store = tmp_path / "c", tmp_path / "s.gpkg"
    paths = write_corpus(folder, 2)
    shutil.copy(paths[0], folder / "copy.txt")
    ingest([folder], store)
    paths[0].unlink()
    assert ingest([folder], store, prune=True).pruned == 1
    conn = sqlite3.connect(store)
    (article_path,) = conn.execute("SELECT path FROM articles WHERE path LIKE '%copy.txt'").fetchone()
    conn.close()
    assert Path(article_path).name == "copy.txt"
    assert _places(store)["copy.txt"] == article_text(0)[1]


def test_prune_forgets_a_deleted_baseline_and_only_the_folders_given(tmp_path: Path) -> None:
    one, two, store = tmp_path / "one", tmp_path / "two", tmp_path / "s.gpkg"
    write_corpus(one, 2)
    gone = write_corpus(two, 2, start=10)[0]
    shutil.copy(SEEDS / "baseline.csv", one / "baseline.csv")
    ingest([one, two], store)
    assert dump(store)["baseline"]
    (one / "baseline.csv").unlink()
    gone.unlink()
    assert ingest([one], store, prune=True).pruned == 1  # the baseline of "one"; "two" was not given
    assert not dump(store)["baseline"]
    assert {Path(row[0]).name for row in dump(store)["sources"]} >= {"00010.txt", "00011.txt", "00000.txt"}


def test_cli_prune(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    folder, store = tmp_path / "c", tmp_path / "s.gpkg"
    write_corpus(folder, 3)
    assert main(["ingest", str(folder), "--store", str(store)]) == 0
    (folder / "00002.txt").unlink()
    capsys.readouterr()
    assert main(["ingest", str(folder), "--store", str(store), "--prune", "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "1 deleted files forgotten" in err


def test_prune_forgets_the_last_file_of_a_folder(tmp_path: Path) -> None:
    folder, store = tmp_path / "c", tmp_path / "s.gpkg"
    paths = write_corpus(folder, 2)
    ingest([folder], store)
    for path in paths:
        path.unlink()
    with pytest.raises(CorpusError, match="has no .txt files"):
        ingest([folder], store)  # without --prune an empty folder is still a mistake
    assert ingest([folder], store, prune=True).pruned == 2
    assert not dump(store)["articles"] and not dump(store)["events"]
