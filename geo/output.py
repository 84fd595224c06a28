"""The one writer of every file the tool writes: atomic, never through an input, never over a device.

Every output is built in a staging folder beside its target (same file system) and moved into
place with ``os.replace``, so a reader sees the old file or the new one, never half of either.
Before anything is moved, each target is checked (:func:`check_target`):

* a **symbolic link** is written through: the file it points to is replaced and the link stays
  (a dangling link gets its file created);
* a **FIFO or character device** (``/dev/null``, ``/dev/stdout``, a named pipe a reader waits
  on) is a stream: the finished bytes are written into it, the node stays what it was;
* any other non-regular file (a block device, a socket, a folder where a file is due) is refused;
* a path that is an **input of the same run** (the event store and its ``-wal``/``-shm`` files,
  an article of the corpus, its ``metadata.csv`` or ``baseline.csv``) is refused, however it is
  spelled (hard links and symbolic links included).

Several files written together (a GeoJSON folder's layers and styles, a QGIS project and its
GeoPackage, the events CSV and its uncoded reports) are published all or nothing
(:func:`publish_all`): the old files are set aside first and put back if any move fails.

Temporary names carry the writer's process id (``.geo-tmp-<pid>-...``); a later write in the
same folder removes those of processes that no longer run (a run killed with ``kill -9``), and
the older names of earlier versions (``.geo-export-*``, ``.<map>.html.*.tmp``) once an hour old.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from geo.errors import OutputError, UsageError

__all__ = ["TMP_PREFIX", "Inputs", "corpus_inputs", "store_inputs", "check_target", "is_stream", "staging",
           "publish_all", "write_bytes", "write_text", "clean_stale"]

#: Every temporary file or folder the writer makes starts with this and the writer's pid.
TMP_PREFIX = ".geo-tmp-"
_OURS = re.compile(re.escape(TMP_PREFIX) + r"(?P<pid>\d+)-")
_LEGACY = re.compile(r"^(?:\.geo-export-[A-Za-z0-9_]+|\..+\.[A-Za-z0-9_]{8}\.tmp)$")
#: Temporary files of earlier versions (no pid in the name) are removed once this old.
LEGACY_AGE_S = 3600.0
#: Files of a corpus folder that a run reads besides its articles.
CORPUS_FILES = ("metadata.csv", "baseline.csv")
#: Files SQLite keeps beside a database.
STORE_SIDECARS = ("-wal", "-shm", "-journal")


def corpus_inputs(folder: Path) -> list[Path]:
    """Return the files a run reads from a corpus folder: its ``.txt`` articles, metadata and baseline."""
    try:
        articles = [p for p in folder.iterdir() if p.suffix.lower() == ".txt"]
    except OSError:
        articles = []
    return [*articles, *(folder / name for name in CORPUS_FILES)]


def store_inputs(store: Path) -> list[Path]:
    """Return the event store and the files SQLite keeps beside it."""
    return [store, *(store.with_name(store.name + s) for s in STORE_SIDECARS)]


class Inputs:
    """The files a run reads, known by inode (however a path spells them) and, when missing, by real path.

    Parameters
    ----------
    paths : iterable of pathlib.Path
        Each is stat-ed once, so checking many targets against a corpus of many files stays cheap.
    """

    def __init__(self, paths: Iterable[Path]) -> None:
        self._by_inode: dict[tuple[int, int], Path] = {}
        self._by_path: dict[str, Path] = {}
        for p in paths:
            try:
                st = os.stat(p)
                self._by_inode[(st.st_dev, st.st_ino)] = p
            except OSError:
                self._by_path[os.path.realpath(p)] = p

    def find(self, path: Path) -> Path | None:
        """Return the input that ``path`` is (the same file, or the same missing path), else None."""
        try:
            st = os.stat(path)
        except OSError:
            return self._by_path.get(os.path.realpath(path))
        return self._by_inode.get((st.st_dev, st.st_ino))


def is_stream(path: Path) -> bool:
    """Whether ``path`` is (or links to) a FIFO or a character device, written through rather than replaced."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


def check_target(path: Path, *, inputs: Iterable[Path] | Inputs = (), folder: bool = False,
                 option: str = "--out") -> Path:
    """Check an output path; return the path to replace (a symbolic link's target, else ``path``).

    Parameters
    ----------
    path : pathlib.Path
        Where the user asked for the output.
    inputs : iterable of pathlib.Path
        The files the same run reads (:func:`corpus_inputs`, :func:`store_inputs`).
    folder : bool
        The output is a folder (GeoJSON layers), not a file.
    option : str
        How the user named the path, for the message.

    Raises
    ------
    UsageError
        ``path`` is an input of the run, or a kind of file that cannot take the output.
    """
    given = (inputs if isinstance(inputs, Inputs) else Inputs(inputs)).find(path)
    if given is not None:
        raise UsageError(f"{option} {path} is {given}, an input of this run; writing it would destroy "
                             "what is read: choose another path")
    real = Path(os.path.realpath(path))
    try:
        mode = os.stat(real).st_mode
    except (FileNotFoundError, NotADirectoryError):  # a new file (or a folder path through a file: staging says)
        return real
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}; choose a writable {option} path") from exc
    if folder:
        if not stat.S_ISDIR(mode):
            raise UsageError(f"{option} {path} is not a folder; this output writes one file per layer into a folder")
        return real
    if stat.S_ISREG(mode) or stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        return real
    kind = "a folder" if stat.S_ISDIR(mode) else "a block device" if stat.S_ISBLK(mode) else (
        "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
    raise UsageError(f"{option} {path} is {kind}; give the path of a file to write")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def clean_stale(folder: Path) -> list[Path]:
    """Remove the temporary files and folders that killed runs left in ``folder``; return them.

    A name with a process id is stale when that process no longer runs; a name of an earlier
    version (no pid) when it is more than :data:`LEGACY_AGE_S` old.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        m = _OURS.match(entry.name)
        if m:
            stale = not _alive(int(m["pid"]))
        else:
            try:
                age = now - entry.stat(follow_symlinks=False).st_mtime
                stale = bool(_LEGACY.match(entry.name)) and age > LEGACY_AGE_S
            except OSError:
                stale = False
        if not stale:
            continue
        path = Path(entry.path)
        with contextlib.suppress(OSError):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path)
    return removed


def _reason(folder: Path, exc: BaseException) -> str:
    for p in (folder, *folder.parents):
        if p.exists():
            if not p.is_dir():
                return f"{p} is a file, not a folder"
            break
    return str(getattr(exc, "strerror", None) or exc).splitlines()[0] if str(exc) else type(exc).__name__


@contextlib.contextmanager
def staging(near: Path, what: str) -> Iterator[Path]:
    """Yield a new temporary folder in ``near`` (created if missing); it is always removed afterwards.

    Stale temporary files of killed runs in ``near`` are removed first (:func:`clean_stale`).

    Raises
    ------
    OutputError
        The folder cannot be created or written; names ``what`` and ``near``.
    """
    tmp = None
    try:
        near.mkdir(parents=True, exist_ok=True)
        clean_stale(near)
        tmp = Path(tempfile.mkdtemp(prefix=f"{TMP_PREFIX}{os.getpid()}-", dir=near))
        yield tmp
    except OSError as exc:
        if isinstance(exc, OutputError):
            raise
        raise OutputError(f"cannot write {what} in {near}: {_reason(near, exc)}; "
                          "choose a writable --out path") from exc
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def _stream(staged: Path, target: Path) -> None:
    with staged.open("rb") as src, open(target, "wb") as dst:  # noqa: PTH123 - a device or FIFO, not a file
        shutil.copyfileobj(src, dst, 1 << 20)


def publish_all(pairs: Sequence[tuple[Path, Path]], *, inputs: Iterable[Path] = (), mode: int = 0o644) -> list[Path]:
    """Move staged files onto their targets, all or nothing; return the targets as given.

    Parameters
    ----------
    pairs : sequence of (staged, target)
        Finished files (or folders) in a :func:`staging` folder and where each goes.
    inputs : iterable of pathlib.Path
        The run's inputs; a target that is one is refused before anything moves.
    mode : int
        Permissions of a published file (temporary files are created private; outputs are for reading).

    Raises
    ------
    UsageError
        A target is an input of the run or cannot take a file (see :func:`check_target`).
    OutputError
        A move failed; every target already replaced has its old file back.
    """
    known = Inputs(inputs)
    real = [check_target(target, inputs=known, folder=staged.is_dir()) for staged, target in pairs]
    token = f"{TMP_PREFIX}{os.getpid()}-old-{os.urandom(4).hex()}-"
    done: list[tuple[Path, Path | None]] = []  # (target replaced, its old file set aside)
    try:
        for (staged, _), dest in zip(pairs, real, strict=True):
            if is_stream(dest):
                _stream(staged, dest)
                continue
            if not staged.is_dir():
                os.chmod(staged, mode)
            backup = None
            if dest.exists() and not dest.is_dir():
                backup = dest.with_name(token + dest.name)
                try:
                    os.link(dest, backup)
                except OSError:  # a file system without hard links
                    shutil.copy2(dest, backup)
            try:
                _move(staged, dest, token)
            except OSError:
                if backup is not None:  # dest is still the old file
                    with contextlib.suppress(OSError):
                        backup.unlink()
                raise
            done.append((dest, backup))
    except OSError as exc:
        for dest, backup in reversed(done):
            with contextlib.suppress(OSError):
                if backup is not None:
                    os.replace(backup, dest)
                else:
                    dest.unlink()
        where = pairs[len(done)][1] if len(done) < len(pairs) else pairs[-1][1]
        raise OutputError(f"cannot write {where}: {_reason(where.parent, exc)}; nothing was replaced: "
                          "choose a writable --out path") from exc
    for _, backup in done:
        if backup is not None:
            with contextlib.suppress(OSError):
                backup.unlink()
    return [target for _, target in pairs]


def _move(staged: Path, dest: Path, token: str) -> None:
    """``os.replace``, by way of a copy beside ``dest`` when it lies on another file system (a linked target)."""
    try:
        os.replace(staged, dest)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        near = dest.with_name(token + "new-" + dest.name)
        try:
            shutil.copy2(staged, near)
            os.replace(near, dest)
        finally:
            with contextlib.suppress(OSError):
                near.unlink()


def write_bytes(target: Path, data: bytes, *, inputs: Iterable[Path] = (), what: str = "output") -> Path:
    """Write ``data`` to ``target`` atomically (see the module docstring); return ``target``."""
    real = check_target(target, inputs=inputs)
    with staging(real.parent, f"{what} {target.name}") as tmp:
        staged = tmp / real.name
        try:
            staged.write_bytes(data)
        except OSError as exc:
            raise OutputError(f"cannot write {what} {target}: {_reason(real.parent, exc)}; "
                              "choose a writable --out path") from exc
        return publish_all([(staged, target)], inputs=inputs)[0]


def write_text(target: Path, text: str, *, inputs: Iterable[Path] = (), what: str = "output",
               encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``target`` atomically in ``encoding``; return ``target``."""
    return write_bytes(target, text.encode(encoding), inputs=inputs, what=what)
