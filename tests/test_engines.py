"""geo.ingest.engines, geo.pool, geo.ingest.dask_engine: Dask yields what the local pool does; both clean up after themselves."""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
import sysconfig
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from gazetteer.imports import add_place
from geo.errors import ExtractionError, GeoError, UsageError
from geo.extract.article import ArticleExtraction
from geo.ingest import dask_engine as daskengine
from geo.ingest import engines
from geo.ingest.engines import ENGINES, extract_batches
from geo.model import Article
from geo.read.corpus import read_corpus

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def _corpus() -> list[Article]:
    """The seeds, the hand-written devset and generated wire copy (other wars, spellings, distances)."""
    articles = read_corpus(ROOT / "seeds")[0] + read_corpus(ROOT / "benchmarks" / "devset" / "articles")[0]
    import wire_corpus  # benchmarks/, on the path above: a broken import must fail, not shrink the corpus

    return articles + [Article(id=g.article_id, path=g.filename, published=g.published, source=g.source,
                               title=g.title, url=None, text=g.text) for g in wire_corpus.generate(40, seed=7)]


def _batches(articles: list[Article]) -> list[list[Article]]:
    """Uneven batches, one of them empty and one a single article."""
    sizes, out, i = [1, 0, 9, 4, 13, 2], [], 0
    while i < len(articles):
        size = sizes[len(out) % len(sizes)]
        out.append(articles[i:i + size])
        i += size
    return out


def _records(results: list[list[ArticleExtraction]]) -> tuple[list[str], list[str]]:
    events = sorted(json.dumps(e.to_dict(), sort_keys=True) for batch in results for x in batch for e in x.events)
    distances = sorted(json.dumps(d.to_dict(), sort_keys=True) for batch in results for x in batch
                       for d in x.distances)
    return events, distances


def _children() -> set[int]:
    """Child processes of this test process (multiprocessing's resource tracker is long-lived by design)."""
    kids = set()
    for p in psutil.Process().children(recursive=True):
        try:
            if "resource_tracker" not in " ".join(p.cmdline()):
                kids.add(p.pid)
        except psutil.NoSuchProcess:
            pass
    return kids


def _assert_no_new_children(before: set[int], wait_s: float = 15.0) -> None:
    deadline = time.monotonic() + wait_s
    while (left := _children() - before) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not left, f"processes left behind: {[psutil.Process(p).cmdline() for p in left if psutil.pid_exists(p)]}"


def _says(info: pytest.ExceptionInfo, *words: str) -> None:
    """The error is one line holding every word: what went wrong and the fix, however it is punctuated."""
    message = str(info.value)
    assert "\n" not in message
    missing = [w for w in words if w not in message]
    assert not missing, (missing, message)


def test_unknown_engine_is_a_usage_error_at_call_time():
    assert ENGINES == ("local", "dask")
    with pytest.raises(UsageError) as info:
        extract_batches([], engine="spark")
    _says(info, "unknown engine", "spark", "local", "dask")


def test_scheduler_needs_the_dask_engine():
    with pytest.raises(UsageError) as info:
        extract_batches([], scheduler="tcp://127.0.0.1:8786")
    _says(info, "--scheduler", "--engine dask")


@pytest.mark.parametrize("engine", ENGINES)
def test_workers_below_one_is_a_usage_error(engine):
    with pytest.raises(UsageError) as info:
        extract_batches([], engine=engine, workers=0)
    _says(info, "--workers 0", "positive")


def test_default_workers_are_the_cpus_this_process_may_use():
    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert engines.default_workers() == expected >= 1


def _pulled_ahead(batches: list[list[Article]], **options: object) -> tuple[list, list[int]]:
    """The results of ``extract_batches`` and, for each, how many batches had been pulled ahead of it."""
    pulled = 0

    def counted() -> Iterator[list[Article]]:
        nonlocal pulled
        for batch in batches:
            pulled += 1
            yield batch

    results, ahead = [], []
    for result in extract_batches(counted(), **options):
        ahead.append(pulled - len(results))
        results.append(result)
    return results, ahead


def test_local_pool_yields_exactly_the_in_process_results_in_order():
    articles = _corpus()
    batches = _batches(articles)
    alone = list(extract_batches(batches, workers=1))
    before = _children()
    pooled, ahead = _pulled_ahead(batches, workers=2, in_flight_per_worker=2)
    _assert_no_new_children(before)
    assert max(ahead) <= 2 * 2 and len(batches) > 2 * 2 * 2  # bounded look-ahead
    assert [[x.article.id for x in r] for r in pooled] == [[a.id for a in b] for b in batches]  # input order
    events, distances = _records(alone)
    assert len(events) > 50 and len(distances) > 5
    assert _records(pooled) == (events, distances)
    assert pooled == alone  # record for record, in order


@pytest.mark.parametrize("workers", [1, 2])
def test_the_parents_own_work_runs_once_while_the_batches_are_out(workers: int) -> None:
    from geo.pool import map_batches

    handed: list[int] = []
    calls: list[int] = []

    def batches() -> Iterator[list[int]]:
        for k in range(12):
            handed.append(k)
            yield [k, k + 1]

    results = map_batches(sum, batches(), workers=workers, in_flight_per_worker=2, meanwhile=lambda: calls.append(
        len(handed)))
    assert calls == []  # nothing runs before the first result is asked for
    assert list(results) == [2 * k + 1 for k in range(12)]  # every batch, in order
    # with a pool, once the first batches are out (two per worker), before any result is awaited; alone, first
    assert calls == ([2 * workers] if workers > 1 else [0])
    assert list(map_batches(sum, [[1]], workers=workers)) == [1]  # no work of its own: none asked


def test_a_failing_batch_in_the_pool_is_one_extraction_error_and_the_pool_ends():
    before = _children()
    articles = read_corpus(ROOT / "seeds")[0]
    with pytest.raises(ExtractionError) as info:
        list(extract_batches([articles[:1], articles[1:2], ["not an article"], articles[2:]], workers=2))
    _says(info, "batch 2", "worker process", "AttributeError", "--workers 1 --traceback")  # which, why, and the fix
    _assert_no_new_children(before)


def test_closing_early_and_interrupts_end_the_local_pool():
    articles = read_corpus(ROOT / "seeds")[0]
    before = _children()
    results = extract_batches([[a] for a in articles], workers=2, in_flight_per_worker=1)
    assert len(next(results)) == 1 and len(_children() - before) == 2  # the pool is running
    results.close()
    _assert_no_new_children(before, wait_s=5)

    def interrupted() -> Iterator[list[Article]]:
        yield articles[:2]
        yield articles[2:3]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        for _ in extract_batches(interrupted(), workers=2):
            pass
    _assert_no_new_children(before, wait_s=5)


def test_a_worker_that_dies_is_named_not_waited_for():
    before = _children()
    with pytest.raises(ExtractionError) as info:
        list(engines.map_batches(_die, [[os.getpid()]], workers=2))
    _says(info, "worker process died", "batch 0")
    _assert_no_new_children(before, wait_s=5)


def _die(batch: list[int]) -> list[int]:
    os.kill(os.getpid(), 9)
    return batch


def test_dask_option_values_are_checked():
    with pytest.raises(UsageError, match="drop one"):
        extract_batches([], engine="dask", scheduler="tcp://127.0.0.1:8786", workers=2)
    with pytest.raises(UsageError, match="--workers 0"):
        extract_batches([], engine="dask", workers=0)
    with pytest.raises(UsageError) as info:
        next(extract_batches([[]], engine="dask", scheduler="nowhere"))
    _says(info, "--scheduler", "nowhere", "scheduler address")


def test_dask_engine_without_dask_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now raises ImportError
    with pytest.raises(GeoError, match=r'pip install "geo-control-map\[dask\]", or use --engine local') as info:
        next(extract_batches([[]], engine="dask", workers=1))
    assert "\n" not in str(info.value)


def test_the_extra_is_named_after_the_distribution():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == daskengine.DISTRIBUTION
    assert any(req.startswith("dask[distributed]") for req in project["optional-dependencies"]["dask"])
    assert not any(req.startswith("dask") for req in project["dependencies"])


def test_worker_fingerprint_names_version_and_user_gazetteer(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path))
    assert daskengine.data_fingerprint().endswith("user gazetteer none")
    add_place("Tal Xyz", 36.1, 37.2, country="SY")
    with_user = daskengine.data_fingerprint()
    assert "none" not in with_user and with_user.startswith("geo ")


@pytest.mark.slow
def test_dask_two_workers_yield_exactly_the_local_results():
    articles = _corpus()
    batches = _batches(articles)
    local = list(extract_batches(batches, workers=1))
    before = _children()
    dask, ahead = _pulled_ahead(batches, engine="dask", workers=2, in_flight_per_worker=2)
    _assert_no_new_children(before)
    # Backpressure: never more than 2 per worker in flight, plus the one submitted as a batch comes out.
    assert max(ahead) <= 2 * 2 + 1 and len(batches) > 2 * (2 * 2 + 1)
    # Every yielded list is one whole batch, in that batch's order; every batch comes out once.
    wanted = sorted([a.id for a in b] for b in batches)
    assert sorted([x.article.id for x in r] for r in dask) == wanted
    assert [[x.article.id for x in r] for r in local] == [[a.id for a in b] for b in batches]
    events, distances = _records(local)
    assert len(events) > 50 and len(distances) > 5  # a corpus that exercises the extractor
    assert _records(dask) == (events, distances)


@pytest.mark.slow
def test_closing_early_and_interrupts_leave_no_processes():
    articles = read_corpus(ROOT / "seeds")[0]
    before = _children()
    results = extract_batches([[a] for a in articles], engine="dask", workers=2, in_flight_per_worker=1)
    first = next(results)
    assert len(first) == 1 and _children() - before  # the cluster is running
    results.close()
    _assert_no_new_children(before)

    def interrupted() -> Iterator[list[Article]]:
        yield articles[:2]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        for _ in extract_batches(interrupted(), engine="dask", workers=1):
            pass
    _assert_no_new_children(before)


@pytest.mark.slow
def test_a_failing_batch_is_one_extraction_error_and_the_cluster_closes():
    before = _children()
    with pytest.raises(ExtractionError) as info:
        list(extract_batches([["not an article"]], engine="dask", workers=1))
    _says(info, "batch 0", "Dask worker", "AttributeError")
    _assert_no_new_children(before)


@pytest.fixture()
def scheduler() -> Iterator[str]:
    """A scheduler with no workers of its own, on localhost."""
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=0, processes=True, host="127.0.0.1", scheduler_port=0,
                                       dashboard_address=None, silence_logs=logging.CRITICAL)
    yield cluster.scheduler_address
    cluster.close()


def _worker(address: str, env: dict[str, str], *python_flags: str) -> subprocess.Popen:
    cmd = [sys.executable, *python_flags, "-m", "distributed.cli.dask_worker", address, "--no-nanny",
           "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"]
    return subprocess.Popen(cmd, env=env, cwd="/", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.mark.slow
def test_a_worker_without_geo_is_named_with_the_fix(scheduler):
    # -S skips site-packages' .pth files, so distributed imports but the installed geo does not.
    env = dict(os.environ, PYTHONPATH=sysconfig.get_paths()["purelib"])
    worker = _worker(scheduler, env, "-S")
    try:
        with pytest.raises(GeoError) as info:
            next(extract_batches([read_corpus(ROOT / "seeds")[0][:1]], engine="dask", scheduler=scheduler))
        _says(info, "Dask worker tcp://127.0.0.1:", "cannot import geo", "install")
    finally:
        worker.terminate()
        worker.wait(10)


@pytest.mark.slow
def test_a_worker_with_other_data_is_refused(scheduler, tmp_path, monkeypatch):
    worker_home = tmp_path / "worker"
    worker_home.mkdir()
    worker = _worker(scheduler, dict(os.environ, GEO_DATA_DIR=str(worker_home)))
    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path))
    add_place("Tal Xyz", 36.1, 37.2, country="SY", kind="village")
    try:
        with pytest.raises(GeoError) as info:
            next(extract_batches([read_corpus(ROOT / "seeds")[0][:1]], engine="dask", scheduler=scheduler))
        # the worker's user gazetteer (none), the client's (its fingerprint), and the fix
        _says(info, "user gazetteer none", "copy user_gazetteer.sqlite")
        assert re.search(r"user gazetteer [0-9a-f]{12}\b", str(info.value)), str(info.value)
    finally:
        worker.terminate()
        worker.wait(10)


@pytest.mark.slow
def test_an_unreachable_scheduler_then_a_local_cluster(monkeypatch):
    monkeypatch.setattr(daskengine, "_CONNECT_TIMEOUT", "2s")
    with pytest.raises(GeoError) as info:
        next(extract_batches([[]], engine="dask", scheduler="tcp://127.0.0.1:9"))
    _says(info, "cannot reach", "tcp://127.0.0.1:9", "dask scheduler")
    # The failed client must not deadlock the next cluster start-up (distributed's loop-runner lock).
    assert list(extract_batches([[]], engine="dask", workers=1)) == [[]]
