"""``geo ingest``: extract only new or changed articles into an event store, batch by batch.

Files are streamed: each is stat-ed first and skipped without being read when its size,
modification time and metadata row are those stored; the others are grouped in batches.
With the local engine a worker process reads each file of a batch, computes its MinHash
fingerprint and extracts it (:func:`read_and_extract`, run by :func:`geo.engines.map_batches`);
this process then decides, in input order, what each file is (new, changed, a copy, the
same text), links near-duplicates and writes the batch in one transaction. With the Dask
engine this process reads the files and the cluster extracts. Killing an ingest loses at
most the batches in flight; running it again finishes the job. Re-ingesting unchanged
files changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from geo.corpus import BASELINE_FILE, METADATA_FILE, read_article, read_metadata
from geo.dedup import fingerprint
from geo.errors import CorpusError, UsageError
from geo.extract import ArticleExtraction, extract_article
from geo.model import Article
from geo.store import EventStore, SourceFile
from geo.storeio import Batch, write_baseline, write_batch
from geo.storelink import Linker, Prints

__all__ = ["IngestReport", "ingest", "read_and_extract", "DEFAULT_BATCH_SIZE"]

DEFAULT_BATCH_SIZE = 256


@dataclass(slots=True)
class IngestReport:
    """What one ingest did."""

    store: Path
    files_seen: int = 0
    skipped_unchanged: int = 0
    new_articles: int = 0
    changed: int = 0
    rebuilt: int = 0
    duplicates: int = 0
    unchanged_text: int = 0
    unreadable: int = 0
    events_added: int = 0
    distances_added: int = 0
    warnings: list[str] = field(default_factory=list)
    stale: str | None = None
    elapsed: float = 0.0

    @property
    def extracted(self) -> int:
        """Articles extracted by this run."""
        return self.new_articles + self.changed + self.rebuilt

    def summary(self) -> str:
        """One line: counts and speed."""
        rate = self.extracted / self.elapsed if self.elapsed > 0 else 0.0
        return (f"{self.store}: {self.files_seen} files, {self.skipped_unchanged} unchanged skipped, "
                f"{self.new_articles} new, {self.changed} changed, {self.rebuilt} rebuilt, "
                f"{self.duplicates} duplicate texts, {self.unreadable} unreadable; {self.events_added} events, "
                f"{self.distances_added} distances, {len(self.warnings)} warnings; "
                f"{self.elapsed:.1f} s ({rate:.1f} articles/s)")


@dataclass(frozen=True, slots=True)
class _Input:
    path: Path
    meta: Mapping[str, str]


def _txt_files(folder: Path) -> list[Path]:
    try:
        return sorted((p for p in folder.iterdir() if p.suffix.lower() == ".txt" and p.is_file()),
                      key=lambda p: p.name)
    except OSError as exc:
        raise CorpusError(f"folder {folder} cannot be listed ({exc.strerror}); check its permissions") from exc


def collect(paths: Sequence[Path]) -> tuple[list[_Input], list[Path], dict[str, list[str]]]:
    """Expand PATHS into article files with their metadata rows, baseline files and metadata warnings.

    Folders give their ``.txt`` files (name order) and their ``baseline.csv``; a single
    file takes its row of its folder's ``metadata.csv``.

    Raises
    ------
    UsageError
        A path does not exist, or names a metadata or baseline file instead of its folder.
    CorpusError
        A folder has no ``.txt`` file or cannot be listed.
    """
    by_folder: dict[Path, list[Path]] = {}
    for raw in paths:
        path = Path(raw).absolute()
        if path.is_dir():
            files = _txt_files(path)
            if not files:
                raise CorpusError(f"folder {raw} has no .txt files; pass folders of one .txt file per article")
            by_folder.setdefault(path, []).extend(files)
        elif path.is_file():
            if path.name in (METADATA_FILE, BASELINE_FILE):
                raise UsageError(f"{raw} is read with its folder; pass the folder {path.parent} instead")
            by_folder.setdefault(path.parent, []).append(path)
        else:
            raise UsageError(f"{raw} does not exist; pass article files or corpus folders")
    inputs, baselines, warnings = [], [], {}
    for folder, files in by_folder.items():
        meta_file = folder / METADATA_FILE
        meta, found = read_metadata(meta_file, {p.name for p in _txt_files(folder)})
        if meta_file.is_file():
            warnings[str(meta_file)] = [w.message for w in found]
        inputs += [_Input(p, meta.get(p.name, {})) for p in dict.fromkeys(files)]
        if (folder / BASELINE_FILE).is_file():
            baselines.append(folder / BASELINE_FILE)
    return inputs, baselines, warnings


def _meta_hash(meta: Mapping[str, str]) -> str:
    return hashlib.sha1(json.dumps(dict(meta), sort_keys=True).encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class _Task:
    """A file to read (and extract) on a worker, with what this process knows of it."""

    path: str
    meta: Mapping[str, str]
    source: SourceFile  # size, mtime and metadata hash; its article is filled in once read
    held: bool = False  # the store has this path holding an article
    expect: tuple | None = None  # (id, published, source, title, url) of that article, if stored from this path


@dataclass(frozen=True, slots=True)
class _Read:
    """A worker's result for one file: its article, warnings, fingerprint and extraction."""

    task: _Task
    article: Article | None
    messages: list[str]
    prints: tuple[np.ndarray, np.ndarray] | None
    extraction: ArticleExtraction | None


_WORDS: dict[str, int] = {}  # word hashes of this process, shared by every text it fingerprints


def _key(article: Article) -> tuple:
    return article.id, article.published, article.source, article.title, article.url


def read_and_extract(tasks: list[_Task]) -> list[_Read]:
    """Read, fingerprint and extract each file of a batch (what a worker process does).

    A file whose text and metadata are those of the stored article it held (``expect``)
    is not extracted: :meth:`_Planner.accept` will skip it as unchanged.
    """
    out = []
    for task in tasks:
        article, warns = read_article(Path(task.path), task.meta)
        prints = fingerprint(article.text, _WORDS) if article is not None else None
        skip = article is None or (task.expect is not None and _key(article) == task.expect)
        out.append(_Read(task, article, [w.message for w in warns], prints, None if skip else extract_article(article)))
    return out


class _Planner:
    """Decides, file by file, what to skip and what to extract; holds the side batch."""

    def __init__(self, store: EventStore, report: IngestReport, *, rebuild: bool, advance) -> None:
        self.store, self.report, self.rebuild, self.advance = store, report, rebuild, advance
        self.side = Batch()
        self.inflight: dict[str, tuple[SourceFile, list[str]]] = {}

    def tasks(self, inputs: Sequence[_Input]) -> Iterator[_Task]:
        """Yield the files to read, in input order: those not skipped by their stat."""
        for item in inputs:
            task = self._stat(item)
            if task is None:
                self.advance(1)
            else:
                yield task

    def articles(self, inputs: Sequence[_Input]) -> Iterator[Article]:
        """Read the files here and yield the articles to extract, in input order."""
        for task in self.tasks(inputs):
            article, warns = read_article(Path(task.path), task.meta)
            if self.accept(task, article, [w.message for w in warns]):
                yield article
            else:
                self.advance(1)

    def _stat(self, item: _Input) -> _Task | None:
        spath, mh = str(item.path), _meta_hash(item.meta)
        try:
            st = os.stat(spath)
        except OSError as exc:
            self._side_warn(spath, [f"{spath}: cannot be read ({exc.strerror}); check the path"])
            self.report.unreadable += 1
            return None
        self.report.files_seen += 1
        old = self.store.source(spath)
        if not self.rebuild and old and (old.size, old.mtime_ns, old.meta_hash) == (st.st_size, st.st_mtime_ns, mh):
            self.report.skipped_unchanged += 1
            return None
        stored = self.store.article(old.article) if old and old.article and not self.rebuild else None
        expect = _key(stored) if stored and stored.path == spath else None
        src = SourceFile(spath, None, st.st_size, st.st_mtime_ns, mh)
        return _Task(spath, item.meta, src, bool(old and old.article), expect)

    def accept(self, task: _Task, article: Article | None, messages: list[str]) -> bool:
        """Count the read file; True when its article is to be extracted and written (it is then in flight)."""
        src = replace(task.source, article=article.id if article else None)
        if article is None or article.id in self.inflight:
            self.report.unreadable += article is None
            self.report.duplicates += article is not None
            return self._side_source(src, messages)
        stored = self.store.article(article.id)
        if stored and stored.path != task.path:
            self.report.duplicates += 1
            return self._side_source(src, messages)
        same = stored and (stored.published, stored.source, stored.title, stored.url) == (
            article.published, article.source, article.title, article.url)
        if same and not self.rebuild:
            self.report.unchanged_text += 1
            return self._side_source(src, messages)
        if stored:
            self.report.rebuilt += bool(same)
            self.report.changed += not same
        elif task.held:
            self.report.changed += 1
        else:
            self.report.new_articles += 1
        self.inflight[article.id] = (src, messages)
        return True

    def _side_warn(self, path: str, messages: list[str]) -> None:
        self.side.warnings[path] = messages
        self.report.warnings += messages

    def _side_source(self, src: SourceFile, messages: list[str]) -> bool:
        self.side.sources.append(src)
        self._side_warn(src.path, messages)
        if len(self.side.sources) >= DEFAULT_BATCH_SIZE:
            self.flush()
        return False

    def flush(self) -> None:
        """Write what the side batch holds (sources of skipped, duplicate or unreadable files)."""
        if self.side:
            write_batch(self.store, self.side)
            self.side = Batch()


def _batched(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _ingest_baselines(store: EventStore, files: list[Path], report: IngestReport, rebuild: bool) -> None:
    from gazetteer import default_gazetteer
    from geo.baseline import read_baseline
    from geo.pipeline import baseline_resolver

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


def _progress(enabled: bool | None):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True)
    if enabled is False or (enabled is None and not console.is_terminal):
        return None
    return Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    console=console, transient=True)


def _extracted(planner: _Planner, inputs: Sequence[_Input], engine: str, batch_size: int,
               options: Mapping[str, object]) -> Iterator[tuple[list[ArticleExtraction], Prints]]:
    """Each batch's accepted extractions (in input order) and the fingerprints the workers computed."""
    from geo.engines import extract_batches, map_batches

    if engine != "local":
        batches = _batched(planner.articles(inputs), batch_size)
        yield from ((results, {}) for results in extract_batches(batches, engine=engine, **options))
        return
    for reads in map_batches(read_and_extract, _batched(planner.tasks(inputs), batch_size), **options):
        extractions, prints = [], {}
        for r in reads:
            if planner.accept(r.task, r.article, r.messages):
                # None only when the file was expected unchanged and the store moved on meanwhile
                extractions.append(r.extraction or extract_article(r.article))
                prints[r.article.id] = r.prints
            else:
                planner.advance(1)
        yield extractions, prints


def _write(store: EventStore, planner: _Planner, linker: Linker, results: list[ArticleExtraction],
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
           rebuild: bool = False, progress: bool | None = None, **engine_options: object) -> IngestReport:
    """Extract the new and changed articles of PATHS into the store at ``store`` (created if missing).

    Parameters
    ----------
    paths : sequence of Path
        Article files and corpus folders (their ``.txt`` files, ``metadata.csv``, ``baseline.csv``).
    store : Path
        The store file (``.gpkg``).
    engine : str, default "local"
        One of :data:`geo.engines.ENGINES`; ``engine_options`` (``workers``; ``scheduler``
        for Dask) are passed to it. Local: ``workers`` processes read, fingerprint and
        extract (default: the CPUs this process may use; 1: all in this process).
    batch_size : int, default 256
        Files per batch (local engine) or articles per batch (Dask); one transaction each.
    rebuild : bool, default False
        Re-extract every file of PATHS and every stored file still present, and record
        the running extractor version.
    progress : bool, optional
        Show a progress bar on stderr; by default only when stderr is a terminal.

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
    from geo.engines import check_options

    check_options(engine, **engine_options)
    if batch_size < 1:
        raise UsageError(f"--batch-size {batch_size} must be at least 1")
    started = time.perf_counter()
    with EventStore.open(store, create=True) as st:
        report = IngestReport(Path(store), stale=None if rebuild else st.version_warning())
        stored = [Path(p) for p in st.source_paths()] if rebuild else []
        listed = [*paths, *(p for p in stored if p.name not in (METADATA_FILE, BASELINE_FILE) and p.is_file())]
        inputs, baselines, meta_warnings = collect(listed)
        bar = _progress(progress)
        task = bar.add_task("ingest", total=len(inputs)) if bar else None
        advance = (lambda n: bar.advance(task, n)) if bar else (lambda n: None)
        planner = _Planner(st, report, rebuild=rebuild, advance=advance)
        for path, messages in meta_warnings.items():
            planner._side_warn(path, messages)
        linker = Linker(st)
        with bar or _Null():
            _ingest_baselines(st, baselines, report, rebuild)
            for results, prints in _extracted(planner, inputs, engine, batch_size, engine_options):
                _write(st, planner, linker, results, prints)
            planner.flush()
        if rebuild:
            st.stamp_version()
    report.elapsed = time.perf_counter() - started
    return report


class _Null:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None
