"""Where extraction runs: in this process, a local process pool, or a Dask cluster.

Every engine maps :func:`geo.extract.article.extract_articles` over batches of articles and yields
each batch's results as soon as it is done, so the caller can write them incrementally.
Both keep a bounded number of batches in flight (a few per worker), so a corpus of any size
never sits in memory at once. The local engine (:func:`map_batches`, in
:mod:`geo.pool`) runs one process per CPU and yields in input order; on Linux its
workers are forked after the parent has loaded the gazetteer, so they share it and start at
once. The Dask engine is in :mod:`geo.ingest.dask_engine`; Dask is imported only when asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from geo.errors import UsageError
from geo.extract.article import ArticleExtraction, extract_articles
from geo.ingest.dask_engine import dask_batches
from geo.model import Article
from geo.pool import default_workers, map_batches, worker_count

__all__ = ["ENGINES", "extract_batches", "check_options", "map_batches", "default_workers", "worker_count"]

#: The engines ``geo ingest --engine`` accepts.
ENGINES: tuple[str, ...] = ("local", "dask")


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
    return dask_batches(batches, scheduler, workers, in_flight_per_worker)


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
