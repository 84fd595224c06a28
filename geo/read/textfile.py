"""A text file's bytes as normalised text, and one-line warnings about input files.

:func:`decode_bytes` reads UTF-8 (with or without a BOM), UTF-16/32 with a BOM, BOM-less
UTF-16, and falls back to cp1252/latin-1; binary and blank files give ``None`` and a
:class:`CorpusWarning` naming the file and the fix. :func:`normalise_text` is the one
normalisation every article offset refers to.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from pathlib import Path

from geo.model import CorpusWarning

__all__ = ["file_warning", "shown_name", "decode_bytes", "normalise_text", "read_regular", "NotARegularFile",
           "MAX_FILE_BYTES"]

#: The largest input file read (an article, metadata.csv, baseline.csv).
MAX_FILE_BYTES = 1 << 30


class NotARegularFile(OSError):
    """An input path is a FIFO, a device, a socket or a folder, or larger than :data:`MAX_FILE_BYTES`."""


def read_regular(path: Path | str, limit: int = MAX_FILE_BYTES) -> bytes:
    """Return the bytes of a regular file, never blocking on a FIFO nor reading a device without end.

    The file is opened without blocking and checked on its descriptor (so a symbolic link to
    ``/dev/zero`` or a named pipe is refused, not read), then read up to ``limit`` bytes.

    Raises
    ------
    FileNotFoundError, PermissionError, OSError
        As ``open`` raises them.
    NotARegularFile
        The path is not a regular file, or is larger than ``limit``.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotARegularFile(errno.EINVAL, "not a regular file (a pipe, a device or a folder)", str(path))
        if st.st_size > limit:
            raise NotARegularFile(errno.EFBIG, f"larger than {limit >> 20} MiB", str(path))
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise NotARegularFile(errno.EFBIG, f"larger than {limit >> 20} MiB", str(path))
    return data


def file_warning(name: str, problem: str) -> CorpusWarning:
    """Return the warning ``"<name>: <problem>"`` about one input file (name shown on one line)."""
    return CorpusWarning(name, f"{shown_name(name)}: {problem}")


def shown_name(name: str) -> str:
    """Return a file name fit for a one-line message: control characters (a newline) escaped."""
    return name if name.isprintable() else "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)


# --------------------------------------------------------------------------- decoding
_BOMS = ((b"\x00\x00\xfe\xff", "utf-32", "UTF-32"), (b"\xff\xfe\x00\x00", "utf-32", "UTF-32"),
         (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8"), (b"\xff\xfe", "utf-16", "UTF-16"), (b"\xfe\xff", "utf-16", "UTF-16"))
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_RESAVE = "re-save it as UTF-8 text"


def decode_bytes(data: bytes, name: str) -> tuple[str | None, list[CorpusWarning]]:
    """Decode a file's bytes: UTF-8 (BOM or not), UTF-16/32 with BOM, else cp1252/latin-1.

    Parameters
    ----------
    data : bytes
        The raw file content.
    name : str
        The file name used in warnings.

    Returns
    -------
    tuple of (str or None, list of CorpusWarning)
        The decoded text, or None when the bytes are empty, binary or undecodable.
    """
    if not data.strip():
        return None, [file_warning(name, "is empty; put the article text in it or delete it")]
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec), name, fallback=False)
            except UnicodeDecodeError:
                return None, [file_warning(name, f"starts with a {label} mark but is not valid {label}; {_RESAVE}")]
    if b"\x00" in data:
        text = _sniff_utf16(data)
        if text is None:
            problem = f"is binary (contains NUL bytes), not text; skipped. Remove it or {_RESAVE}"
            return None, [file_warning(name, problem)]
        text, warnings = _checked(text, name, fallback=False)
        if text is None:
            return None, warnings
        return text, [file_warning(name, "is UTF-16 without a byte-order mark; read anyway, but " + _RESAVE)]
    try:
        return _checked(data.decode("utf-8"), name, fallback=False)
    except UnicodeDecodeError:
        pass
    codec = "cp1252"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined (0x81, 0x8d, ...)
        codec, text = "latin-1", data.decode("latin-1")
    checked, warnings = _checked(text, name, fallback=True)
    if checked is None:
        return None, warnings
    return checked, [file_warning(name, f"is not UTF-8; read as {codec}. If accented letters look wrong, {_RESAVE}")]


def _sniff_utf16(data: bytes) -> str | None:
    """Decode BOM-less UTF-16 when NUL bytes sit in one byte column only, else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    half = len(data) // 2
    even, odd = data[0::2].count(0), data[1::2].count(0)
    codec = None
    if odd > 0.4 * half and even < 0.05 * half:
        codec = "utf-16-le"
    elif even > 0.4 * half and odd < 0.05 * half:
        codec = "utf-16-be"
    try:
        return data.decode(codec) if codec else None
    except UnicodeDecodeError:
        return None


def _checked(text: str, name: str, *, fallback: bool) -> tuple[str | None, list[CorpusWarning]]:
    """Reject decoded text that is blank or looks like binary data."""
    if not text.strip():
        return None, [file_warning(name, "has only whitespace; put the article text in it or delete it")]
    sample = text[:65536]
    bad = len(_CONTROL.findall(sample))
    visible = len("".join(sample.split())) or 1
    high = len(_NON_ASCII.findall(sample)) if fallback else 0
    if bad > 0.05 * visible or high > 0.3 * visible:
        return None, [file_warning(name, f"does not look like text (binary or unknown encoding); skipped. {_RESAVE}")]
    return text, []


def normalise_text(text: str) -> str:
    r"""Normalise decoded text; every offset into an article refers to text that went through this.

    Parameters
    ----------
    text : str
        Decoded file content.

    Returns
    -------
    str
        The text in NFC, with ``\r\n``, ``\r``, form feeds and Unicode line separators
        turned into ``\n``, other control characters and stray BOMs removed, and lone
        surrogates (only possible in a str built in code) replaced by U+FFFD.
    """
    text = _SURROGATE.sub("\ufffd", _LINE_BREAK.sub("\n", text.replace("\r\n", "\n")))
    return unicodedata.normalize("NFC", _STRAY.sub("", text))


#: The line breaks other than "\n" (one regex substitution: ``str.translate`` looks every character up in a dict).
_LINE_BREAK = re.compile("[\r\x0b\x0c\u2028\u2029]")
_STRAY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufeff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
