"""``geo ingest``: extract only new or changed articles into an event store, batch by batch.

Files are streamed: each is stat-ed first and skipped without being read when its size,
modification time and metadata row are those stored; the others are grouped in batches.
With the local engine a worker process reads each file of a batch, computes its MinHash
fingerprint and extracts it (:func:`geo.ingest.plan.read_and_extract`, run by
:func:`geo.ingest.engines.map_batches`); this process then decides, in input order, what each
file is (new, changed, a copy, the same text: :class:`geo.ingest.plan.Planner`), links
near-duplicates (:class:`geo.store.link.Linker`) and writes the batch in one transaction.
With the Dask engine this process reads the files and the cluster extracts. Killing an
ingest loses at most the batches in flight; running it again finishes the job.
Re-ingesting unchanged files changes nothing.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import TypeVar

import numpy as np

from gazetteer import default_gazetteer
from gazetteer.reach import Reach, user_could_answer
from geo.errors import CorpusError, UsageError
from geo.extract.article import ArticleExtraction
from geo.ingest.engines import check_options, extract_batches, map_batches, worker_count
from geo.ingest.plan import (
    DEFAULT_BATCH_SIZE,
    IngestReport,
    Input,
    Planner,
    collect,
    extraction,
    meta_hash,
    read_and_extract,
    txt_files,
)
from geo.progress import progress_bar
from geo.read.baseline import baseline_resolver, read_baseline
from geo.read.corpus import BASELINE_FILE, METADATA_FILE, read_article
from geo.store.event_store import EventStore, SourceFile, store_error
from geo.store.link import Linker, Prints
from geo.store.rows import Batch, ExtractionRows, forget_sources, write_baseline, write_batch

__all__ = ["IngestReport", "ingest", "read_and_extract", "DEFAULT_BATCH_SIZE"]

_T = TypeVar("_T")
Extracted = ArticleExtraction | ExtractionRows  # from the Dask engine | rendered by a local worker


def _batched(items: Iterator[_T], size: int) -> Iterator[list[_T]]:
    batch: list[_T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _ingest_baselines(store: EventStore, files: list[Path], report: IngestReport, rebuild: bool) -> None:
    for path in files:
        st, old = path.stat(), store.source(str(path))
        if not rebuild and old and (old.size, old.mtime_ns) == (st.st_size, st.st_mtime_ns):
            continue
        try:
            entries, messages = read_baseline(path, baseline_resolver(default_gazetteer())), []
        except CorpusError as exc:
            entries, messages = None, [str(exc)]
        report.warnings += messages
        write_baseline(store, SourceFile(str(path), None, st.st_size, st.st_mtime_ns, "baseline"), entries, messages)


def _extracted(planner: Planner, inputs: Sequence[Input], engine: str, batch_size: int,
               scheduler: str | None, workers: int | None) -> Iterator[tuple[list[Extracted], Prints]]:
    """Each batch's accepted extractions (in input order) and the fingerprints the workers computed."""
    if engine != "local":
        batches = _batched(planner.articles(inputs), batch_size)
        for results in extract_batches(batches, engine=engine, scheduler=scheduler, workers=workers):
            yield list[Extracted](results), {}
        return
    for reads in map_batches(read_and_extract, _batched(planner.tasks(inputs), batch_size), workers=workers):
        extractions: list[Extracted] = []
        prints: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for r in reads:
            if planner.accept(r.task, r.article, r.messages) and r.article is not None:
                # None only when the file was expected unchanged and the store moved on meanwhile
                extractions.append(extraction(r))
                if r.prints is not None:
                    prints[r.article.id] = r.prints
            else:
                planner.advance(1)
        yield extractions, prints


def _write(store: EventStore, planner: Planner, linker: Linker, results: list[Extracted],
           prints: Prints) -> None:
    """Write one extracted batch, with the side batch, its sources, warnings and near-duplicate links."""
    report = planner.report
    batch, planner.side = planner.side, Batch()
    batch.extractions = list(results)
    for ex in results:
        src, messages = planner.inflight.pop(ex.article.id)
        batch.sources.append(src)
        batch.warnings[src.path] = messages
        report.warnings += messages
        report.events_added += len(ex.events)
        report.distances_added += len(ex.distances)
    linker.link(results, batch, prints)
    write_batch(store, batch)
    linker.committed()
    planner.advance(len(results))


def ingest(paths: Sequence[Path], store: Path, *, engine: str = "local", batch_size: int = DEFAULT_BATCH_SIZE,
           rebuild: bool = False, prune: bool = False, progress: bool | None = None,
           scheduler: str | None = None, workers: int | None = None) -> IngestReport:
    """Extract the new and changed articles of PATHS into the store at ``store`` (created if missing).

    Parameters
    ----------
    paths : sequence of Path
        Article files and corpus folders (their ``.txt`` files, ``metadata.csv``, ``baseline.csv``).
    store : Path
        The store file (``.gpkg``).
    engine : str, default "local"
        One of :data:`geo.ingest.engines.ENGINES`. Local: ``workers`` processes read,
        fingerprint and extract (default: the CPUs this process may use; 1: all in this
        process).
    batch_size : int, default 256
        Files per batch (local engine) or articles per batch (Dask); one transaction each.
    rebuild : bool, default False
        Re-extract every file of PATHS and every stored file still present, and record
        the running extractor version.
    prune : bool, default False
        First forget the stored files of the folders in PATHS that no longer exist: their
        articles go, with their events and distances, unless another file holds the text
        (:func:`geo.store.rows.forget_sources`); a folder left with no article is then no
        error. Without it a deleted file stays in the store.
    progress : bool, optional
        Show a progress bar on stderr; by default only when stderr is a terminal.
    scheduler : str, optional
        Dask only: the address of a running scheduler (else a local cluster is started).
    workers : int, optional
        Worker processes of the local pool or of the local Dask cluster.

    Returns
    -------
    IngestReport

    Raises
    ------
    UsageError
        Unknown engine or option, bad batch size or worker count, or a path that does not exist.
    CorpusError
        The store is not a geo store, or a folder has no articles.
    ExtractionError
        A batch failed in a worker process.
    """
    check_options(engine, scheduler=scheduler, workers=workers)
    if batch_size < 1:
        raise UsageError(f"--batch-size {batch_size} must be at least 1")
    started = time.perf_counter()
    try:
        report = _run(paths, store, engine, batch_size, rebuild, prune, progress, scheduler, workers)
    except sqlite3.Error as exc:  # the disk, a lock, permissions, a damaged file: the user's to fix, not a bug
        raise store_error(Path(store), exc) from exc
    report.elapsed = time.perf_counter() - started
    return report


def _run(paths: Sequence[Path], store: Path, engine: str, batch_size: int, rebuild: bool, prune: bool,
         progress: bool | None, scheduler: str | None, workers: int | None) -> IngestReport:
    with EventStore.open(store, create=True) as st:
        report = IngestReport(Path(store), stale=None if rebuild else st.version_warning())
        stored = [Path(p) for p in st.source_paths()] if rebuild else []
        listed = [*paths, *(p for p in stored if p.name not in (METADATA_FILE, BASELINE_FILE) and p.is_file())]
        if prune:
            report.pruned = _prune(st, paths)
            listed = [p for p in listed if not (Path(p).is_dir() and not txt_files(Path(p).absolute()))]
        inputs, baselines, meta_warnings = collect(listed)
        if rebuild and st.meta().get("gazetteer") != st.running_version["gazetteer"]:
            unreached = _unreached(st, inputs)
            inputs = [item for item in inputs if item.path not in unreached]
            report.kept_unreached = len(unreached)
        bar = progress_bar("ingest", progress)
        task = bar.add_task("ingest", total=len(inputs)) if bar else None
        def advance(n: int) -> None:
            if bar is not None and task is not None:
                bar.advance(task, n)

        if scheduler is None:  # a running cluster brings its own workers
            workers, notice = worker_count(workers, -(-len(inputs) // batch_size))
            report.notices += [notice] if notice else []
        planner = Planner(st, report, rebuild=rebuild, advance=advance)
        for path, messages in meta_warnings.items():
            planner.warn(path, messages)
        linker = Linker(st)
        with bar or nullcontext():
            _ingest_baselines(st, baselines, report, rebuild)
            for results, prints in _extracted(planner, inputs, engine, batch_size, scheduler, workers):
                _write(st, planner, linker, results, prints)
            planner.flush()
        if rebuild:
            st.stamp_version()
    return report


def _unreached(store: EventStore, inputs: Sequence[Input]) -> set[Path]:
    """Return the files whose stored extraction a change of the user gazetteer since cannot reach (kept as stored).

    A file counts when it is unchanged on disk (size, modification time and metadata row as stored),
    its article's extraction recorded what it asked of the gazetteer (:meth:`EventStore.stored_reach`:
    same geo and packaged data, under a user gazetteer that could not answer it), and the user gazetteer
    now cannot answer any of it otherwise than the packaged data either (:mod:`gazetteer.reach`): its
    extraction now would be the one stored.
    """
    places = default_gazetteer().store
    kept = set()
    for item in inputs:
        source = store.source(str(item.path))
        try:
            st = os.stat(item.path)
        except OSError:
            continue
        if source is None or not source.article or (source.size, source.mtime_ns, source.meta_hash) != (
                st.st_size, st.st_mtime_ns, meta_hash(item.meta)):
            continue
        blob = store.stored_reach(source.article)
        article, _ = read_article(Path(item.path), item.meta) if blob is not None else (None, [])
        if blob is None or article is None or article.id != source.article:
            continue
        try:
            reached = user_could_answer(Reach.from_json(blob), article.text, places)
        except ValueError:  # not a reach this geo wrote: read the article again
            reached = True
        if not reached:
            kept.add(item.path)
    return kept


def _prune(store: EventStore, paths: Sequence[Path]) -> int:
    """Forget the stored files of the folders in *paths* that are gone; return how many."""
    folders = {Path(p).absolute() for p in paths if Path(p).is_dir()}
    gone = [p for p in store.source_paths() if Path(p).parent in folders and not Path(p).exists()]
    forget_sources(store, gone)
    return len(gone)
