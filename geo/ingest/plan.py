"""What ``geo ingest`` reads and what each file turns out to be.

:func:`collect` expands the paths into article files with their metadata rows.
:class:`Planner` stats each file (skipping it unread when its size, modification time and
metadata row are those stored), and once the file is read decides, in input order, whether
it is new, changed, a copy of another file or the same text as stored, counting each in
the :class:`IngestReport`. :func:`read_and_extract` is what a worker process does with a
batch of files: read, fingerprint and extract.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from geo.errors import CorpusError, UsageError
from geo.extract.article import extract_article
from geo.model import Article
from geo.read.corpus import BASELINE_FILE, METADATA_FILE, read_article, read_metadata
from geo.read.dedup import fingerprint
from geo.store.event_store import EventStore, SourceFile, StoredArticle
from geo.store.rows import Batch, ExtractionRows, extraction_rows, write_batch

__all__ = ["DEFAULT_BATCH_SIZE", "IngestReport", "Input", "Planner", "Read", "Task", "collect", "extraction",
           "meta_hash", "read_and_extract", "stored_key", "txt_files"]

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
    pruned: int = 0
    kept_unreached: int = 0
    warnings: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
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
                + (f"{self.pruned} deleted files forgotten; " if self.pruned else "")
                + (f"{self.kept_unreached} kept as extracted (the user gazetteer's change cannot reach them); "
                   if self.kept_unreached else "")
                + f"{self.elapsed:.1f} s ({rate:.1f} articles/s)")


@dataclass(frozen=True, slots=True)
class Input:
    """An article file to ingest, with its row of its folder's ``metadata.csv`` (empty if none)."""

    path: Path
    meta: Mapping[str, str]


def txt_files(folder: Path) -> list[Path]:
    """Return the folder's ``.txt`` files, by name.

    Raises
    ------
    CorpusError
        The folder cannot be listed.
    """
    try:
        return sorted((p for p in folder.iterdir() if p.suffix.lower() == ".txt" and p.is_file()),
                      key=lambda p: p.name)
    except OSError as exc:
        raise CorpusError(f"folder {folder} cannot be listed ({exc.strerror}); check its permissions") from exc


def collect(paths: Sequence[Path]) -> tuple[list[Input], list[Path], dict[str, list[str]]]:
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
            files = txt_files(path)
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
        meta, found = read_metadata(meta_file, {p.name for p in txt_files(folder)})
        if meta_file.is_file():
            warnings[str(meta_file)] = [w.message for w in found]
        inputs += [Input(p, meta.get(p.name, {})) for p in dict.fromkeys(files)]
        if (folder / BASELINE_FILE).is_file():
            baselines.append(folder / BASELINE_FILE)
    return inputs, baselines, warnings


def meta_hash(meta: Mapping[str, str]) -> str:
    """Return a short hash of a metadata row (a file is re-read when its row changes)."""
    return hashlib.sha1(json.dumps(dict(meta), sort_keys=True).encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Task:
    """A file to read (and extract) on a worker, with what this process knows of it."""

    path: str
    meta: Mapping[str, str]
    source: SourceFile  # size, mtime and metadata hash; its article is filled in once read
    held: bool = False  # the store has this path holding an article
    expect: tuple | None = None  # (id, published, source, title, url) of that article, if stored from this path


@dataclass(frozen=True, slots=True)
class Read:
    """A worker's result for one file: its article, warnings, fingerprint and extraction (as store rows)."""

    task: Task
    article: Article | None
    messages: list[str]
    prints: tuple[np.ndarray, np.ndarray] | None
    extraction: ExtractionRows | None


_WORDS: dict[str, int] = {}  # word hashes of this process, shared by every text it fingerprints


def stored_key(article: Article | StoredArticle) -> tuple:
    """Return what makes a stored article unchanged: ``(id, published, source, title, url)``."""
    return article.id, article.published, article.source, article.title, article.url


def read_and_extract(tasks: list[Task]) -> list[Read]:
    """Read, fingerprint and extract each file of a batch (what a worker process does).

    The extraction comes back rendered as the rows the store inserts. A file whose text
    and metadata are those of the stored article it held (``expect``) is not extracted:
    :meth:`Planner.accept` will skip it as unchanged.
    """
    out = []
    for task in tasks:
        article, warns = read_article(Path(task.path), task.meta)
        prints = fingerprint(article.text, _WORDS) if article is not None else None
        skip = article is None or (task.expect is not None and stored_key(article) == task.expect)
        rows = None if skip or article is None else extraction_rows(extract_article(article))
        out.append(Read(task, article, [w.message for w in warns], prints, rows))
    return out


def extraction(read: Read) -> ExtractionRows:
    """Return the worker's extraction of an accepted file, or extract it here.

    The worker skips a file expected unchanged; if the store moved on meanwhile and the
    planner accepts it after all, it is extracted in this process.
    """
    if read.extraction is not None:
        return read.extraction
    if read.article is None:
        raise ValueError(f"{read.task.path}: no article to extract")
    return extraction_rows(extract_article(read.article))


class Planner:
    """Decides, file by file, what to skip and what to extract; holds the side batch."""

    def __init__(self, store: EventStore, report: IngestReport, *, rebuild: bool, advance) -> None:
        self.store, self.report, self.rebuild, self.advance = store, report, rebuild, advance
        self.side = Batch()
        self.inflight: dict[str, tuple[SourceFile, list[str]]] = {}

    def tasks(self, inputs: Sequence[Input]) -> Iterator[Task]:
        """Yield the files to read, in input order: those not skipped by their stat."""
        for item in inputs:
            task = self._stat(item)
            if task is None:
                self.advance(1)
            else:
                yield task

    def articles(self, inputs: Sequence[Input]) -> Iterator[Article]:
        """Read the files here and yield the articles to extract, in input order."""
        for task in self.tasks(inputs):
            article, warns = read_article(Path(task.path), task.meta)
            if self.accept(task, article, [w.message for w in warns]) and article is not None:
                yield article
            else:
                self.advance(1)

    def _stat(self, item: Input) -> Task | None:
        spath, mh = str(item.path), meta_hash(item.meta)
        try:
            st = os.stat(spath)
        except OSError as exc:
            self.warn(spath, [f"{spath}: cannot be read ({exc.strerror}); check the path"])
            self.report.unreadable += 1
            return None
        self.report.files_seen += 1
        old = self.store.source(spath)
        if not self.rebuild and old and (old.size, old.mtime_ns, old.meta_hash) == (st.st_size, st.st_mtime_ns, mh):
            self.report.skipped_unchanged += 1
            return None
        stored = self.store.article(old.article) if old and old.article and not self.rebuild else None
        expect = stored_key(stored) if stored and stored.path == spath else None
        src = SourceFile(spath, None, st.st_size, st.st_mtime_ns, mh)
        return Task(spath, item.meta, src, bool(old and old.article), expect)

    def accept(self, task: Task, article: Article | None, messages: list[str]) -> bool:
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

    def warn(self, path: str, messages: list[str]) -> None:
        """Record warnings for a path (in the side batch and the report)."""
        self.side.warnings[path] = messages
        self.report.warnings += messages

    def _side_source(self, src: SourceFile, messages: list[str]) -> bool:
        self.side.sources.append(src)
        self.warn(src.path, messages)
        if len(self.side.sources) >= DEFAULT_BATCH_SIZE:
            self.flush()
        return False

    def flush(self) -> None:
        """Write what the side batch holds (sources of skipped, duplicate or unreadable files)."""
        if self.side:
            write_batch(self.store, self.side)
            self.side = Batch()
