"""The Dask engine: extraction on a Dask cluster, results in order of completion.

Dask is imported only when this engine runs. Without a scheduler address a local cluster of
single-threaded worker processes is started on localhost and closed at the end. Every task
checks that its worker has the client's geo version and user gazetteer
(:func:`data_fingerprint`); see ``docs/dask.md``.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import importlib.util
import logging
import os
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

import geo
from gazetteer.store import user_gazetteer_path
from geo.errors import ExtractionError, GeoError, UsageError
from geo.extract.article import ArticleExtraction, extract_articles
from geo.model import Article
from geo.pool import default_workers, one_line

__all__ = ["dask_batches", "data_fingerprint", "DISTRIBUTION"]

#: The distribution name on PyPI; its ``dask`` extra installs Dask distributed.
DISTRIBUTION = "geo-control-map"
_CONNECT_TIMEOUT = "10s"
_WORKER_WAIT_S = 30.0


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
                       f"{fingerprint}; install the same geo version and copy user_gazetteer.sqlite into "
                       "$GEO_DATA_DIR on every worker")
    return extract_articles(batch)


def dask_batches(batches: Iterable[list[Article]], scheduler: str | None, workers: int | None,
                 per_worker: int) -> Iterator[list[ArticleExtraction]]:
    """Extract the batches on a Dask cluster, yielding each batch's results as it completes.

    Parameters
    ----------
    batches : iterable of list of Article
        Read lazily: at most `per_worker` batches per worker are in flight.
    scheduler : str, optional
        Address of a running scheduler; None starts a local cluster, closed on any exit.
    workers : int, optional
        Worker processes of that local cluster (default :func:`geo.pool.default_workers`).
    per_worker : int
        Batches submitted ahead per worker.

    Yields
    ------
    list of ArticleExtraction
        One whole batch's results, in the batch's order.

    Raises
    ------
    GeoError
        Dask is missing, the scheduler cannot be reached, or a worker cannot run geo.
    ExtractionError
        A batch failed on a worker for another reason.
    """
    distributed = _import_distributed()
    if scheduler is not None:
        cluster, address = None, scheduler
    else:
        cluster = _start_local_cluster(distributed, workers or default_workers())
        address = cluster.scheduler_address
    try:
        client = _connect(distributed, address, scheduler is not None)
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
        raise GeoError(f"--engine dask needs Dask, which is not installed ({exc}); "
                       f"pip install \"{DISTRIBUTION}[dask]\", or use --engine local") from None
    return distributed


def _start_local_cluster(distributed: Any, n_workers: int) -> Any:
    """Start single-threaded worker processes and a scheduler on localhost only, no dashboard."""
    try:
        return distributed.LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                        host="127.0.0.1", scheduler_port=0, dashboard_address=None,
                                        silence_logs=logging.CRITICAL)
    except (OSError, RuntimeError, TimeoutError) as exc:
        raise GeoError(f"could not start a local Dask cluster of {n_workers} workers ({one_line(exc)}); "
                       "check that geo imports in a fresh process and that a calling script has an "
                       "`if __name__ == \"__main__\":` guard, or use --engine local") from None


def _connect(distributed: Any, address: str, external: bool) -> Any:
    """Connect to the scheduler at `address`; fail unless it has workers that can import geo."""
    failure: GeoError | None = None
    try:
        client = distributed.Client(address, timeout=_CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        failure = GeoError(f"cannot reach the Dask scheduler at {address} ({one_line(exc)}); start one with "
                           "`dask scheduler` on that host, or drop --scheduler for a local cluster")
    except ValueError as exc:
        failure = UsageError(f"--scheduler {address!r} is not a scheduler address ({one_line(exc)}); "
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
        return GeoError(f"a Dask worker cannot import {exc.name} ({one_line(exc)}) running {where}; install the "
                        f"same geo version ({geo.__version__}) on every worker")
    kind = type(exc).__name__
    if kind == "KilledWorker":
        return GeoError(f"Dask workers kept dying on {where}; check each worker has geo {geo.__version__} "
                        "installed, give them more memory (dask worker --memory-limit) or use smaller batches")
    if kind in {"CancelledError", "FutureCancelledError", "CommClosedError"}:
        return GeoError(f"lost the Dask scheduler at {address} during {where} ({kind}); check the scheduler "
                        "and rerun")
    return ExtractionError(f"{where} failed on a Dask worker ({kind}: {one_line(exc)}); rerun with "
                           "--engine local --workers 1 --traceback to see where")
