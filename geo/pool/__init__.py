"""A pool of worker processes on this machine, results in input order.

The local engine of ``geo ingest`` (:mod:`geo.ingest.engines`), and the extraction of many cache
misses in :func:`geo.pipeline.analyse`.

:func:`map_batches` (of :mod:`geo.pool.processes`) applies a function to each batch of a lazily
read sequence, keeping a bounded number of batches in flight (a few per worker), and yields the
results in input order. On Linux its workers are forked after this process has loaded the
gazetteer, so they share it and start at once; elsewhere they are spawned and load it themselves.
It is re-exported on first use (:pep:`562`): a run that starts no pool (a warm render, a small
corpus) does not import :mod:`multiprocessing`.
"""

from __future__ import annotations

import os
from typing import Any

__all__ = ["default_workers", "worker_count", "map_batches", "forks_workers", "one_line", "WORKERS_PER_CPU"]

#: The most worker processes per CPU a pool starts, whatever --workers asks.
WORKERS_PER_CPU = 4


def default_workers() -> int:
    """Return the CPUs this process may run on (its affinity mask where the OS has one, else the CPU count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def worker_count(requested: int | None, batches: int) -> tuple[int, str | None]:
    """Return the worker processes to start for ``batches`` batches, and a one-line notice or None.

    At most one per batch (a worker without a batch only costs memory), at most
    :data:`WORKERS_PER_CPU` per CPU; asking for more than the CPUs gets a notice, since the
    extraction is CPU-bound and more processes only share the same CPUs.

    >>> worker_count(None, 1)
    (1, None)
    >>> worker_count(10_000, 3)[0]
    3
    """
    cpus = default_workers()
    wanted = cpus if requested is None else requested
    count = max(1, min(wanted, batches, WORKERS_PER_CPU * cpus))
    if requested is None or requested <= cpus:
        return count, None
    return count, (f"--workers {requested} is more than the {cpus} CPUs this process may use; starting {count} "
                   f"(at most one per batch and {WORKERS_PER_CPU} per CPU)")


def forks_workers() -> bool:
    """Whether a pool's workers are forked from this process (Linux), so share its loaded data and start at once.

    Elsewhere they are spawned: each loads the gazetteer itself, and a script that starts a pool
    must guard its entry point with ``if __name__ == "__main__":``.
    """
    return hasattr(os, "sched_getaffinity") and hasattr(os, "fork")  # Linux, where fork is a start method


def one_line(exc: BaseException) -> str:
    """Return the first line of an exception's message (its type name when it has none)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def __getattr__(name: str) -> Any:
    """Import :mod:`geo.pool.processes` when ``map_batches`` is first used."""
    if name == "map_batches":
        from geo.pool import processes

        return processes.map_batches
    raise AttributeError(f"module 'geo.pool' has no attribute {name!r}")
