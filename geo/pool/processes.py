"""The pool itself: :func:`map_batches` over forked or spawned worker processes.

:func:`map_batches` applies a function to each batch of a lazily read sequence, keeping a
bounded number of batches in flight (a few per worker), and yields the results in input
order. On Linux its workers are forked after this process has loaded the gazetteer, so
they share it and start at once; elsewhere they are spawned and load it themselves.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from gazetteer import default_gazetteer
from geo.errors import ExtractionError, GeoError, UsageError
from geo.pool import default_workers, forks_workers, one_line

__all__ = ["map_batches"]

_T = TypeVar("_T")
_R = TypeVar("_R")

def map_batches(func: Callable[[list[_T]], _R], batches: Iterable[list[_T]], *, workers: int | None = None,
                in_flight_per_worker: int = 3, meanwhile: Callable[[], object] | None = None) -> Iterator[_R]:
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
    meanwhile : callable, optional
        Work for this process while the workers run: called once, when the first result is
        asked for, after the first batches are handed out (with one worker, before the first
        batch); its result is dropped.

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
        return _in_process(func, batches, meanwhile)
    return _pooled(func, batches, workers, workers * in_flight_per_worker, meanwhile)


def _in_process(func: Callable[[list[_T]], _R], batches: Iterable[list[_T]],
                meanwhile: Callable[[], object] | None) -> Iterator[_R]:
    if meanwhile is not None:
        meanwhile()
    for batch in batches:
        yield func(batch)


def _pool(workers: int) -> ProcessPoolExecutor:
    """Start `workers` processes: forked after loading the gazetteer on Linux, spawned elsewhere."""
    method = "fork" if forks_workers() else "spawn"
    if method == "fork":
        _load_gazetteer()
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                               initializer=_worker_start, initargs=(os.getpid(),))
    pool.submit(int).result()  # start them now (fork: all at once), before the caller opens files
    return pool


def _worker_start(parent: int) -> None:
    """Set a worker up: Ctrl-C is the parent's to handle, and the worker ends when the parent does.

    A parent killed outright (SIGKILL, the OOM killer) cannot shut its pool down; on Linux
    the kernel then sends each worker SIGKILL (``PR_SET_PDEATHSIG``), so none is left
    behind holding memory. Elsewhere the workers end when they find their pipe closed.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before the request was made
            os._exit(1)


_PR_SET_PDEATHSIG = 1


def _load_gazetteer() -> None:
    """Load all the gazetteer data and build its name automaton here, before forking.

    The workers then share them copy-on-write instead of each decompressing and building
    its own copy.
    """
    default_gazetteer().preload()


def _pooled(func: Callable[[list[_T]], _R], batches: Iterable[list[_T]], workers: int,
            limit: int, meanwhile: Callable[[], object] | None) -> Iterator[_R]:
    pool = _pool(workers)
    finished = False
    try:
        pending: deque[tuple[int, list[_T], Future]] = deque()
        for i, batch in enumerate(batches):
            pending.append((i, batch, pool.submit(func, batch)))
            if len(pending) >= limit:
                if meanwhile is not None:
                    meanwhile()
                    meanwhile = None
                yield _pool_result(*pending.popleft())
        if meanwhile is not None:
            meanwhile()
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
        raise ExtractionError(f"a worker process died during {_where(index, batch)} ({one_line(exc)}); "
                              "check memory, or rerun with --workers 1 --traceback") from None
    except Exception as exc:  # noqa: BLE001 - every worker failure becomes one geo error
        raise ExtractionError(f"{_where(index, batch)} failed in a worker process ({type(exc).__name__}: "
                              f"{one_line(exc)}); rerun with --workers 1 --traceback to see where") from exc


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
