"""The on-disk cache of tables derived from the gazetteer data, built once and memory-mapped.

Every process needs the same tables derived from the packaged data and the user gazetteer
(the trie of name keys, the columns of ``world.npz`` decompressed, the index of ids); building
them takes seconds, mapping them from disk nothing. Each kind of table is a folder
``<kind>-<key>`` in :func:`cache_root`, where the key is a digest of everything the tables are
derived from (:func:`packaged_fingerprint`, and for the user gazetteer's tables
:func:`gazetteer.userstore.user_fingerprint`: the trie of the packaged name keys does not
change with the user gazetteer, whose keys the matcher consults beside it); a changed input
gives a new key, so a stale folder is never read, and :func:`cached` removes the older folders
of a kind. An import that leaves the user gazetteer holding its rows alone writes their tables
at once (:func:`gazetteer.store.cache_user_tables`), when the cache can be written (:func:`writable`).

* **Atomic and safe under concurrency.** A folder is built under a temporary name in the
  cache root and renamed into place in one step; a reader sees a complete folder or none.
  When two processes build at once, the first rename wins and the other process discards
  its copy and maps the winner's.
* **Checked.** Each folder holds a ``manifest.json`` (written last) with the size of every
  file; a folder whose manifest or files do not match, or that fails to load, is moved aside
  and built again.
* **Optional.** When the cache root cannot be written, one notice goes to stderr and the
  tables are built in memory for this process.

The root is ``$GEO_CACHE_DIR``, else ``$XDG_CACHE_HOME/geo``, else ``~/.cache/geo``;
:func:`clear` empties it and :func:`entries` lists it (``geo cache info|clear``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import re
import shutil
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import marisa_trie
import numpy as np

__all__ = ["CACHE_ENV", "CacheEntry", "KeyedFiles", "cache_root", "cached", "clear", "entries", "file_stamp",
           "packaged_fingerprint", "writable"]

#: The environment variable that names the cache folder.
CACHE_ENV = "GEO_CACHE_DIR"
#: Bumped when the layout of a cached folder changes (older folders are then never read).
FORMAT = 1
#: Older folders of one kind kept besides the one in use (another configuration, such as a second user
#: gazetteer, may be in use at the same time).
KEEP_PER_KIND = 1
_MANIFEST = "manifest.json"
_TEMP_PREFIX = ".tmp-"
#: A key used as it is in a folder name; any other (a user gazetteer's path, say) by its digest.
_SAFE_KEY = re.compile(r"[A-Za-z0-9+._-]{1,120}")
#: The gazetteer modules the cached tables are derived from (with every packaged data file).
_SOURCE_MODULES = ("cache.py", "match.py", "names.py", "store.py", "userstore.py")

T = TypeVar("T")


def cache_root() -> Path:
    """Return the cache folder: ``$GEO_CACHE_DIR``, else ``$XDG_CACHE_HOME/geo``, else ``~/.cache/geo``."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "geo"


def writable() -> bool:
    """Tell whether the cache folder can be written (it is created when missing)."""
    root = cache_root()
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return root.is_dir() and os.access(root, os.W_OK | os.X_OK)


def file_stamp(path: Path) -> str:
    """Name a file's version by its path, size and modification time (ns); ``"-"`` when it is missing."""
    try:
        st = path.stat()
    except OSError:
        return f"{path}:-"
    return f"{path}:{st.st_size}:{st.st_mtime_ns}"


def packaged_fingerprint() -> str:
    """Return a digest of the packaged gazetteer data and of the code that derives the cached tables.

    The stamps (:func:`file_stamp`) of the packaged data files and of the gazetteer modules
    that derive tables from them, the cache format, numpy's version and marisa-trie's module:
    a reinstall, an edit or an upgrade gives a new fingerprint. Stamps rather than contents,
    so that checking costs microseconds, not a read of 16 MB.
    """
    package = resources.files("gazetteer")
    stamps = [f"format {FORMAT}"]
    data = Path(str(package / "data"))
    stamps += [file_stamp(path) for path in sorted(data.iterdir()) if path.is_file()]
    stamps += [file_stamp(Path(str(package / name))) for name in _SOURCE_MODULES]
    stamps += [f"numpy {np.__version__}", file_stamp(Path(marisa_trie.__file__ or "marisa_trie"))]
    return _digest(stamps)


def _digest(parts: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:20]


def cached(kind: str, key: str, build: Callable[[], T], save: Callable[[T, Path], None],
           load: Callable[[Path], T]) -> T:
    """Return the tables of *kind* for *key*: mapped from the cache, else built (and cached).

    Parameters
    ----------
    kind : str
        What the tables are (a folder name prefix, e.g. ``"names"``).
    key : str
        A digest of everything they are derived from.
    build : callable
        Builds the tables in memory.
    save : callable
        Writes built tables into an empty folder.
    load : callable
        Reads (maps) the tables from a folder that *save* wrote; raises on a damaged file.

    Returns
    -------
    The loaded tables; the built ones when the cache root cannot be written.
    """
    root = cache_root()
    final = root / f"{kind}-{key if _SAFE_KEY.fullmatch(key) else _digest([key])}"
    if final.is_dir():
        if _manifest_ok(final):
            with contextlib.suppress(Exception):  # whatever a damaged file raises: build again
                return load(final)
        _discard(final)
    tables = build()
    try:
        root.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=f"{_TEMP_PREFIX}{kind}-", dir=root))
        try:
            save(tables, temp)
            _write_manifest(temp)
            os.rename(temp, final)  # atomic; fails when another process published first
        except OSError:
            shutil.rmtree(temp, ignore_errors=True)
            if not (final.is_dir() and _manifest_ok(final)):
                raise
    except OSError as exc:
        _notice(f"notice: cannot write the gazetteer cache in {root} ({exc.strerror or exc}); building it in "
                f"memory for this run (set {CACHE_ENV} to a writable folder to start faster)")
        return tables
    _prune(root, kind, keep=final.name)
    try:
        return load(final)
    except Exception as exc:  # noqa: BLE001 - whatever a damaged file raises, the built tables serve
        _discard(final)
        _notice(f"notice: the gazetteer cache in {final} could not be read back ({exc}); using the tables built "
                "in memory for this run")
        return tables


def _write_manifest(folder: Path) -> None:
    sizes = {p.name: p.stat().st_size for p in sorted(folder.iterdir()) if p.name != _MANIFEST}
    (folder / _MANIFEST).write_text(json.dumps({"format": FORMAT, "files": sizes}), encoding="utf-8")


def _manifest_ok(folder: Path) -> bool:
    """Tell whether every file the manifest lists is there with its size (and nothing else is)."""
    try:
        manifest = json.loads((folder / _MANIFEST).read_text(encoding="utf-8"))
        sizes = {p.name: p.stat().st_size for p in folder.iterdir() if p.name != _MANIFEST}
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and manifest.get("format") == FORMAT and manifest.get("files") == sizes


def _discard(folder: Path) -> None:
    """Move a folder out of the way in one step (readers that mapped its files keep them), then delete it."""
    aside = folder.with_name(f"{_TEMP_PREFIX}discarded-{uuid.uuid4().hex}")
    try:
        os.rename(folder, aside)
    except OSError:
        return  # gone already, or not ours to move: the build below decides
    shutil.rmtree(aside, ignore_errors=True)


def _prune(root: Path, kind: str, keep: str) -> None:
    """Remove all but the newest :data:`KEEP_PER_KIND` other folders of *kind* (stale keys)."""
    others = [p for p in root.glob(f"{kind}-*") if p.name != keep and p.is_dir()]
    others.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in others[KEEP_PER_KIND:]:
        _discard(old)


_NOTICES: set[str] = set()


def _notice(message: str) -> None:
    """Print a one-line notice on stderr, once per process."""
    if message not in _NOTICES:
        _NOTICES.add(message)
        print(message, file=sys.stderr)


class KeyedFiles:
    """Values cached one file per key in a folder ``<kind>-<version>`` of the cache root.

    For results derived per item (an article's extraction, a date's inferred areas) rather
    than tables: the *version* names everything the values depend on besides the key (a
    digest of the code and data that derive them); a new version removes the older folders
    of the kind when it is first written.

    * **Atomic.** A file is written under a temporary name in its folder and renamed into place.
    * **Checked.** A file holds its key; one that fails to load or holds another key is a
      miss (and written again).
    * **Optional.** With no folder (``None``), or once the folder proves unwritable, nothing
      is cached and every :meth:`get` misses.

    Parameters
    ----------
    folder : Path or None
        The folder of this version (``cache_root() / f"{kind}-{version}"``); None caches nothing.
    limit : int, optional
        At most this many files are kept: before its first write, a process removes the least
        recently used files beyond it (a hit marks its file used). None keeps every file.
    """

    def __init__(self, folder: Path | None, *, limit: int | None = None) -> None:
        self.folder = folder
        self.limit = limit
        self._writable = folder is not None
        self._trimmed = False

    def get(self, key: str) -> Any | None:
        """Return the value stored under *key*, or None (a miss, or a damaged or foreign file)."""
        if self.folder is None:
            return None
        path = self.folder / f"{key}.pickle"
        try:
            with path.open("rb") as fh:
                stored_key, value = pickle.load(fh)  # noqa: S301 - the user's own cache folder
        except Exception:  # missing, damaged or foreign: a miss; it is written again
            return None
        if stored_key != key:
            return None
        if self.limit is not None:
            with contextlib.suppress(OSError):
                os.utime(path)  # used now: the last to be removed
        return value

    def put(self, key: str, value: object) -> None:
        """Store *value* under *key* (atomically); do nothing once the folder proves unwritable."""
        if self.folder is None or not self._writable:
            return
        temp = None
        try:
            if not self.folder.is_dir():
                self.folder.mkdir(parents=True, exist_ok=True)
                self._prune()
            if self.limit is not None and not self._trimmed:
                self._trim(self.limit - 1)
            fd, temp = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".pickle", dir=self.folder)
            with os.fdopen(fd, "wb") as fh:
                pickle.dump((key, value), fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, self.folder / f"{key}.pickle")
            temp = None
        except OSError:
            self._writable = False
        finally:
            if temp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temp)

    def _trim(self, keep: int) -> None:
        """Remove the least recently used files beyond the *keep* newest (once per process)."""
        assert self.folder is not None
        self._trimmed = True
        files = []
        for path in self.folder.glob("*.pickle"):
            with contextlib.suppress(OSError):
                files.append((path.stat().st_mtime_ns, path))
        files.sort(reverse=True)
        for _, path in files[max(keep, 0):]:
            with contextlib.suppress(OSError):
                path.unlink()

    def _prune(self) -> None:
        """Remove the folders of the kind's other versions."""
        assert self.folder is not None
        kind = self.folder.name.rpartition("-")[0]
        for other in self.folder.parent.glob(f"{kind}-*"):
            if other != self.folder and other.is_dir():
                shutil.rmtree(other, ignore_errors=True)


@dataclass(frozen=True)
class CacheEntry:
    """One cached folder: its kind, key, size in bytes and path."""

    kind: str
    key: str
    size: int
    path: Path


def entries() -> list[CacheEntry]:
    """List the cached folders (leftover temporary folders included), largest first."""
    root = cache_root()
    if not root.is_dir():
        return []
    found = []
    for folder in root.iterdir():
        if folder.is_dir():
            kind, _, key = folder.name.rpartition("-")
            size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
            found.append(CacheEntry(kind or folder.name, key, size, folder))
    return sorted(found, key=lambda e: (-e.size, e.path.name))


def clear() -> int:
    """Delete every cached folder; return how many bytes were freed.

    Raises
    ------
    OSError
        When a folder cannot be removed.
    """
    freed = 0
    for entry in entries():
        freed += entry.size
        shutil.rmtree(entry.path)
    return freed
