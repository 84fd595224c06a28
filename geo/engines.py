"""Where extraction runs: in this process, a local process pool, or a Dask cluster.

Every engine maps :func:`geo.extract.extract_articles` over batches of articles and yields
each batch's results as soon as it is done, so the caller can write them incrementally.
Both keep a bounded number of batches in flight (a few per worker), so a corpus of any size
never sits in memory at once. The local engine (:func:`map_batches`) runs one process per
CPU and yields in input order; on Linux its workers are forked after the parent has loaded
the gazetteer, so they share it and start at once. Dask is imported only when asked for.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import importlib.util
import logging
import multiprocessing
import os
import signal
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

import geo
from gazetteer.store import user_gazetteer_path
from geo.errors import ExtractionError, GeoError, UsageError
from geo.extract import ArticleExtraction, extract_articles
from geo.model import Article

__all__ = ["ENGINES", "extract_batches", "check_options", "map_batches", "default_workers"]

#: The engines ``geo ingest --engine`` accepts.
ENGINES: tuple[str, ...] = ("local", "dask")

_CONNECT_TIMEOUT = "10s"
_WORKER_WAIT_S = 30.0
_T = TypeVar("_T")
_R = TypeVar("_R")


def extract_batches(
    batches: Iterable[list[Article]],
    *,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    in_flight_per_worker: int = 3,
) -> Iterator[list[ArticleExtraction]]:
    """Extract every batch of articles, yielding each batch's results when it is done.

    Parameters
    ----------
    batches : iterable of list of Article
        The corpus, partitioned; read lazily, a few batches ahead of the workers.
    engine : {"local", "dask"}
        ``"local"``: a pool of worker processes on this machine (or this process alone),
        results in input order. ``"dask"``: on a Dask cluster, in order of completion.
    scheduler : str, optional
        Dask only: address of a running scheduler (``tcp://host:8786``). Without it a
        local cluster of worker processes is started, on localhost only, and closed at the end.
    workers : int, optional
        Worker processes: of the local pool (1: extract in this process), or, for Dask
        without `scheduler`, of the local cluster. Default: :func:`default_workers`.
    in_flight_per_worker : int
        Batches submitted ahead per worker (backpressure).

    Yields
    ------
    list of ArticleExtraction
        The results of one whole batch, in the batch's order.

    Raises
    ------
    UsageError
        An unknown engine or an option that does not apply to it (raised at call time).
    GeoError
        Dask is not installed, the scheduler cannot be reached, or a worker cannot run geo.
    ExtractionError
        A batch failed on a worker for another reason.
    """
    check_options(engine, scheduler=scheduler, workers=workers)
    if in_flight_per_worker < 1:
        raise UsageError(f"in_flight_per_worker {in_flight_per_worker} must be at least 1")
    if engine == "local":
        return map_batches(extract_articles, batches, workers=workers, in_flight_per_worker=in_flight_per_worker)
    return _dask_batches(batches, scheduler, workers, in_flight_per_worker)


def check_options(engine: str, *, scheduler: str | None = None, workers: int | None = None) -> None:
    """Reject an unknown engine, an option it does not take, or a worker count below 1.

    Raises
    ------
    UsageError
        With a one-line message naming the option and the fix.
    """
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; use one of: {', '.join(ENGINES)}")
    if workers is not None and workers < 1:
        raise UsageError(f"--workers {workers} is not a positive number of worker processes; use 1 or more")
    if engine == "local" and scheduler is not None:
        raise UsageError("--scheduler applies to --engine dask only; add --engine dask or drop it")
    if scheduler is not None and workers is not None:
        raise UsageError("--workers sizes a local cluster and --scheduler uses a running one's workers; drop one")


def default_workers() -> int:
    """Return the CPUs this process may run on (its affinity mask where the OS has one, else the CPU count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def map_batches(func: Callable[[list[_T]], _R], batches: Iterable[list[_T]], *, workers: int | None = None,
                in_flight_per_worker: int = 3) -> Iterator[_R]:
    """Apply `func` to every batch in a pool of local worker processes; yield the results in input order.

    Parameters
    ----------
    func : callable
        A module-level function (workers import it by name when they are spawned).
    batches : iterable of list
        Read lazily: at most ``workers * in_flight_per_worker`` batches are out at once.
        Errors name a batch by the ``path`` attribute of its first item.
    workers : int, optional
        Worker processes (default :func:`default_workers`); 1 runs `func` in this process.
    in_flight_per_worker : int
        Batches submitted ahead per worker.

    Yields
    ------
    The result of `func` on each batch, in the order of `batches`.

    Raises
    ------
    ExtractionError
        `func` raised something other than a GeoError on a worker, or a worker died.
    UsageError
        `workers` or `in_flight_per_worker` is below 1.

    Notes
    -----
    On Linux the workers are forked once the gazetteer is loaded here, so they share its
    memory and start at once; elsewhere they are spawned and load it themselves. Workers
    ignore SIGINT: Ctrl-C reaches this process, which then terminates them. Any exit before
    the end (an error, an interrupt, the caller closing the generator) terminates the pool.
    """
    workers = default_workers() if workers is None else workers
    if workers < 1 or in_flight_per_worker < 1:
        raise UsageError(f"--workers {workers} is not a positive number of worker processes; use 1 or more")
    if workers == 1:
        return (func(batch) for batch in batches)
    return _pooled(func, batches, workers, workers * in_flight_per_worker)


def _pool(workers: int) -> ProcessPoolExecutor:
    """Start `workers` processes: forked after loading the gazetteer on Linux, spawned elsewhere."""
    method = "fork" if hasattr(os, "sched_getaffinity") and "fork" in multiprocessing.get_all_start_methods() \
        else "spawn"
    if method == "fork":
        _load_gazetteer()
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                               initializer=signal.signal, initargs=(signal.SIGINT, signal.SIG_IGN))
    pool.submit(int).result()  # start them now (fork: all at once), before the caller opens files
    return pool


def _load_gazetteer() -> None:
    """Load all the gazetteer data and build its name automaton here, before forking.

    The workers then share them copy-on-write instead of each decompressing and building
    its own copy.
    """
    from gazetteer import default_gazetteer

    default_gazetteer().preload()


def _pooled(func: Callable[[list[_T]], _R], batches: Iterable[list[_T]], workers: int,
            limit: int) -> Iterator[_R]:
    pool = _pool(workers)
    finished = False
    try:
        pending: deque[tuple[int, list[_T], Future]] = deque()
        for i, batch in enumerate(batches):
            pending.append((i, batch, pool.submit(func, batch)))
            if len(pending) >= limit:
                yield _pool_result(*pending.popleft())
        while pending:
            yield _pool_result(*pending.popleft())
        finished = True
    finally:
        _close_pool(pool, finished)


def _pool_result(index: int, batch: list[Any], future: Future) -> Any:
    """Return the batch's result, or raise its failure as a geo error with a one-line message."""
    try:
        return future.result()
    except GeoError:
        raise
    except BrokenProcessPool as exc:
        raise ExtractionError(f"a worker process died during {_where(index, batch)} ({_one_line(exc)}); "
                              "check memory, or rerun with --workers 1 --traceback") from None
    except Exception as exc:  # noqa: BLE001 - every worker failure becomes one geo error
        raise ExtractionError(f"{_where(index, batch)} failed in a worker process ({type(exc).__name__}: "
                              f"{_one_line(exc)}); rerun with --workers 1 --traceback to see where") from exc


def _where(index: int, batch: list[Any]) -> str:
    first = getattr(batch[0], "path", "?") if batch else ""
    return f"batch {index} ({len(batch)} items, first {first})"


def _close_pool(pool: ProcessPoolExecutor, finished: bool) -> None:
    """Shut the pool down: wait for idle workers after a full run, else terminate them first."""
    if not finished:
        procs = list((getattr(pool, "_processes", None) or {}).values())
        for proc in procs:
            proc.terminate()
        pool.shutdown(wait=True, cancel_futures=True)
        for proc in procs:
            proc.join()
        return
    pool.shutdown(wait=True)


def data_fingerprint() -> str:
    """Name the geo version and the user gazetteer this process would extract with.

    Returns
    -------
    str
        ``"geo <version>, user gazetteer <sha256 prefix | none>"``; a worker whose
        fingerprint differs from the client's would extract different events.
    """
    path = user_gazetteer_path()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12] if path.is_file() else "none"
    return f"geo {geo.__version__}, user gazetteer {digest}"


_worker_fingerprint = functools.lru_cache(maxsize=1)(data_fingerprint)


def _extract_on_worker(batch: list[Article], fingerprint: str) -> list[ArticleExtraction]:
    """Run on a worker: check it has the client's geo and data, then extract the batch."""
    mine = _worker_fingerprint()
    if mine != fingerprint:
        raise GeoError(f"Dask worker {os.uname().nodename} pid {os.getpid()} has {mine}, the client has "
                       f"{fingerprint}; install the same geo version and copy user_gazetteer.csv into "
                       "$GEO_DATA_DIR on every worker")
    return extract_articles(batch)


def _dask_batches(batches: Iterable[list[Article]], scheduler: str | None, workers: int | None,
                  per_worker: int) -> Iterator[list[ArticleExtraction]]:
    """Run the batches on a Dask cluster; the cluster (if started here) is closed on any exit."""
    distributed = _import_distributed()
    cluster = None if scheduler is not None else _start_local_cluster(distributed, workers or default_workers())
    try:
        client = _connect(distributed, scheduler or cluster.scheduler_address, scheduler is not None)
        try:
            yield from _run(distributed, client, batches, per_worker)
        finally:
            client.close()
    finally:
        if cluster is not None:
            cluster.close()


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise GeoError(f"--engine dask needs dask.distributed ({exc}); pip install \"dask[distributed]\", "
                       "or use --engine local") from None
    return distributed


def _start_local_cluster(distributed: Any, n_workers: int) -> Any:
    """Start single-threaded worker processes and a scheduler on localhost only, no dashboard."""
    try:
        return distributed.LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                        host="127.0.0.1", scheduler_port=0, dashboard_address=None,
                                        silence_logs=logging.CRITICAL)
    except (OSError, RuntimeError, TimeoutError) as exc:
        raise GeoError(f"could not start a local Dask cluster of {n_workers} workers ({_one_line(exc)}); "
                       "check that geo imports in a fresh process and that a calling script has an "
                       "`if __name__ == \"__main__\":` guard, or use --engine local") from None


def _connect(distributed: Any, address: str, external: bool) -> Any:
    """Connect to the scheduler at `address`; fail unless it has workers that can import geo."""
    failure: GeoError | None = None
    try:
        client = distributed.Client(address, timeout=_CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        failure = GeoError(f"cannot reach the Dask scheduler at {address} ({_one_line(exc)}); start one with "
                           "`dask scheduler` on that host, or drop --scheduler for a local cluster")
    except ValueError as exc:
        failure = UsageError(f"--scheduler {address!r} is not a scheduler address ({_one_line(exc)}); "
                             "write it as tcp://host:8786")
    if failure is not None:
        # The half-built Client closes itself in __del__; collect it now, not inside a later
        # cluster start-up, where its close deadlocks on distributed's loop-runner lock.
        gc.collect()
        raise failure
    if external:
        try:
            client.wait_for_workers(1, timeout=_WORKER_WAIT_S)
        except TimeoutError:
            client.close()
            raise GeoError(f"the Dask scheduler at {address} has no workers after {_WORKER_WAIT_S:.0f} s; "
                           f"start some with `dask worker {address}`") from None
    try:
        _check_workers(client)
    except BaseException:
        client.close()
        raise
    return client


def _check_workers(client: Any) -> None:
    """Fail fast when a connected worker cannot import geo.

    Such a worker cannot even unpickle a batch: it drops its connection and the batch waits
    for another worker, so ask each one first, with a stdlib function any worker can run.
    (Version and data differences are caught by each task: see :func:`data_fingerprint`.)
    """
    for worker, spec in client.run(importlib.util.find_spec, "geo", on_error="return").items():
        if spec is None or isinstance(spec, BaseException):
            raise GeoError(f"Dask worker {worker} cannot import geo; install the same geo version "
                           f"({geo.__version__}) and its data on every worker")


def _run(distributed: Any, client: Any, batches: Iterable[list[Article]],
         per_worker: int) -> Iterator[list[ArticleExtraction]]:
    """Submit batches with at most `per_worker` per worker in flight; yield each when it completes."""
    limit = per_worker * max(1, len(client.scheduler_info().get("workers", {})))
    fingerprint = data_fingerprint()
    run_id = uuid.uuid4().hex[:8]
    source = enumerate(batches)
    done = distributed.as_completed(loop=client.loop)
    meta: dict[str, tuple[int, int, str]] = {}

    def submit_next() -> None:
        item = next(source, None)
        if item is not None:
            i, batch = item
            future = client.submit(_extract_on_worker, batch, fingerprint, key=f"geo-extract-{run_id}-{i}",
                                   pure=False, retries=0)
            meta[future.key] = (i, len(batch), getattr(batch[0], "path", "?") if batch else "")
            done.add(future)

    try:
        for _ in range(limit):
            submit_next()
        for future in done:
            result = _result(future, meta.pop(future.key), client)
            future.release()
            submit_next()  # keep the workers busy while the caller writes this batch
            yield result
    finally:
        _cancel(client, list(done.futures))


def _cancel(client: Any, futures: list[Any]) -> None:
    """Drop batches still queued or running (closed early, interrupted, failed), best effort."""
    if futures:
        try:
            client.cancel(futures, force=True)
        except Exception:  # noqa: BLE001 - the scheduler may already be gone; the client closes next
            logging.getLogger(__name__).debug("could not cancel %d Dask futures", len(futures), exc_info=True)


def _result(future: Any, meta: tuple[int, int, str], client: Any) -> list[ArticleExtraction]:
    """Return the batch's results, or raise its failure as a geo error with a one-line message."""
    try:
        return future.result()
    except GeoError:
        raise
    except Exception as exc:  # noqa: BLE001 - every worker failure becomes one geo error
        raise _worker_error(exc, meta, client.scheduler.address) from exc


def _worker_error(exc: BaseException, meta: tuple[int, int, str], address: str) -> GeoError:
    """Translate a Dask task failure into the geo error the CLI reports in one line."""
    index, size, first = meta
    where = f"batch {index} ({size} articles, first {first})"
    if isinstance(exc, ImportError) and (exc.name or "").split(".")[0] in {"geo", "gazetteer"}:
        return GeoError(f"a Dask worker cannot import {exc.name} ({_one_line(exc)}) running {where}; install the "
                        f"same geo version ({geo.__version__}) on every worker")
    kind = type(exc).__name__
    if kind == "KilledWorker":
        return GeoError(f"Dask workers kept dying on {where}; check each worker has geo {geo.__version__} "
                        "installed, give them more memory (dask worker --memory-limit) or use smaller batches")
    if kind in {"CancelledError", "FutureCancelledError", "CommClosedError"}:
        return GeoError(f"lost the Dask scheduler at {address} during {where} ({kind}); check the scheduler "
                        "and rerun")
    return ExtractionError(f"{where} failed on a Dask worker ({kind}: {_one_line(exc)}); rerun with "
                           "--engine local --workers 1 --traceback to see where")


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
