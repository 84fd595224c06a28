"""The analysis of a corpus folder: read the articles, extract each, link near-duplicate reports, read the baseline.

This is the one place that wires reading and extraction together for a folder; ``geo
ingest`` does the same into an event store (:mod:`geo.ingest`), and both give a
:class:`~geo.model.CorpusResult` that the timeline and the layers take from there.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import geo.pool
from gazetteer import Gazetteer, default_gazetteer
from geo import extract
from geo.extract.cache import ExtractionCache
from geo.extract.result import ArticleExtraction, link_duplicate_events
from geo.model import Article, ControlEvent, CorpusResult, DistanceMention
from geo.pool import forks_workers, worker_count
from geo.progress import tracked
from geo.read.baseline import baseline_resolver, read_baseline
from geo.read.corpus import BASELINE_FILE, start_reading
from geo.theatres import Theatre

__all__ = ["analyse", "POOL_MIN_MISSES"]

#: The fewest cache misses extracted by a pool of worker processes (one per CPU); fewer are
#: extracted in this process, since starting the workers costs more than they would save.
POOL_MIN_MISSES = 50
#: Each batch is this share of a worker's part of the articles not yet handed out (guided scheduling):
#: large batches first, then ever smaller ones, so that the workers finish together.
_SHARES_PER_WORKER = 4
#: The smallest batch (sending one costs about a millisecond).
_MIN_BATCH = 2


def analyse(folder: Path, *, gazetteer: Gazetteer | None = None, progress: bool | None = None,
            theatre: Theatre | None = None) -> CorpusResult:
    """Read a corpus folder and extract its events, distances and baseline.

    A progress bar over the articles is shown on stderr when *progress* is True, or by
    default when stderr is a terminal (a large folder takes a while: the event store of
    ``geo ingest`` keeps the extraction instead). Each article's extraction is cached on disk
    (:mod:`geo.extract.cache`), so an unchanged article is not extracted again. When at least
    :data:`POOL_MIN_MISSES` articles are not in the cache and this process may use more than one
    CPU, they are extracted by a pool of worker processes (:mod:`geo.pool`, one per CPU, forked
    on Linux; elsewhere, where workers would be spawned and load the gazetteer again, in this
    process), with the same results in the same order; this process then searches the corpus for
    near-duplicate reports while the workers extract (the extraction does not read the links).
    Each article's theatre (the war it is about) is inferred from its places and faction names
    unless *theatre* is given.

    Raises
    ------
    geo.errors.CorpusError
        When the folder cannot be read or its baseline.csv is malformed.
    """
    gz = gazetteer if gazetteer is not None else default_gazetteer()
    reading = start_reading(folder)  # the articles; their near-duplicate links while the pool extracts
    events: list[ControlEvent] = []
    distances: list[DistanceMention] = []
    cache = ExtractionCache.for_gazetteer(gz)
    found = [cache.get(article, theatre) for article in reading.articles]
    misses = [article for article, extraction in zip(reading.articles, found, strict=True) if extraction is None]
    fresh = _extract(misses, gz, theatre, pool=gazetteer is None, meanwhile=reading.linked)
    for i, article in enumerate(tracked(reading.articles, "articles", progress)):
        extraction = found[i]
        if extraction is None:
            extraction = next(fresh)
            cache.put(article, theatre, extraction)
        events.extend(extraction.events)
        distances.extend(extraction.distances)
    next(fresh, None)  # past the last: a pool shuts down once its last batch is taken
    articles, warnings = reading.linked()  # near-duplicate versions linked (found already if a pool ran)
    events = link_duplicate_events(events, articles)
    baseline_file = folder / BASELINE_FILE
    baseline = read_baseline(baseline_file, baseline_resolver(gz)) if baseline_file.is_file() else []
    return CorpusResult(folder, articles, warnings, events, distances, baseline)


def _extract(articles: Sequence[Article], gz: Gazetteer, theatre: Theatre | None, *,
             pool: bool, meanwhile: Callable[[], object] | None = None) -> Iterator[ArticleExtraction]:
    """Yield the extraction of each article, in order: in a process pool when there are many and CPUs to spare.

    The first article is extracted here in any case: the extraction rules are then loaded
    (and, with the gazetteer, shared by forked workers) before a pool starts. Workers use the
    default gazetteer, so only *pool* (the caller gave none) lets a pool start. *meanwhile* is
    called once while a pool's workers extract (:func:`geo.pool.processes.map_batches`); without a
    pool it is not called.
    """
    if not articles:
        return
    yield extract.extract_article(articles[0], gz, theatre)  # the rules load on the first miss
    rest = articles[1:]
    workers = worker_count(None, len(rest))[0]
    if not pool or len(articles) < POOL_MIN_MISSES or workers < 2 or not forks_workers():
        for article in rest:
            yield extract.extract_article(article, gz, theatre)
        return
    work = functools.partial(extract.extract_values, theatre=theatre)  # records' values: cheaper to send back
    batches = _guided_batches(rest, workers)
    for batch, values in zip(batches, geo.pool.map_batches(work, batches, workers=workers, meanwhile=meanwhile),
                             strict=True):
        yield from (ArticleExtraction.from_values(a, v, reach) for a, (v, reach) in zip(batch, values, strict=True))


def _guided_batches(items: Sequence[Article], workers: int) -> list[list[Article]]:
    """Cut *items* into batches in order, each a :data:`_SHARES_PER_WORKER`-th of a worker's part of what is left.

    With batches of one size, a worker could wait idle for the other's last batch (half a batch
    on average); batches that shrink towards the end leave at most a small one to wait for.

    >>> [len(b) for b in _guided_batches(list(range(40)), 2)]
    [5, 5, 4, 4, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2]
    """
    batches, i = [], 0
    while i < len(items):
        size = max(_MIN_BATCH, math.ceil((len(items) - i) / (workers * _SHARES_PER_WORKER)))
        batches.append(list(items[i : i + size]))
        i += size
    return batches
