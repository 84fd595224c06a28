"""Reading a corpus folder into :class:`geo.model.Article` objects.

A corpus is a folder of ``.txt`` files, one article each, read in name order (no
recursion; other files are ignored). Two files are special: ``metadata.csv``
(``file,date,source,title,url``; non-empty cells win over header lines) and
``baseline.csv`` (control before the first event; read by the timeline, not here).

Header lines at the top of a file give metadata and are removed from the text:
``date 2024-11-29``, ``source BBC News``, ``title ...``, ``url ...`` (also with a colon,
also indented). A date header may run into the first sentence on the same line; the
rest of that line is kept as text. Problems with one file never stop the others: they
come back as :class:`CorpusWarning` records, one line each, naming the file and the fix.

Near-duplicates (two versions of one report) are found with MinHash over 5-word
shingles, LSH banding to propose candidate pairs, and an exact containment check on each
candidate; see :func:`link_near_duplicates`.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import unicodedata
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from geo.errors import CorpusError
from geo.model import Article

__all__ = [
    "CorpusWarning", "read_corpus", "read_article", "read_metadata", "decode_bytes", "normalise_text",
    "article_id", "link_near_duplicates", "split_sentences", "METADATA_FILE", "BASELINE_FILE",
]

METADATA_FILE = "metadata.csv"
BASELINE_FILE = "baseline.csv"
_META_COLUMNS = ("file", "date", "source", "title", "url")


@dataclass(frozen=True, slots=True)
class CorpusWarning:
    """A problem with one input file that did not stop the corpus from being read."""

    path: str
    message: str

    def __str__(self) -> str:
        return self.message


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
        return None, [_warn(name, "is empty; put the article text in it or delete it")]
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec), name, fallback=False)
            except UnicodeDecodeError:
                return None, [_warn(name, f"starts with a {label} mark but is not valid {label}; {_RESAVE}")]
    if b"\x00" in data:
        text = _sniff_utf16(data)
        if text is None:
            return None, [_warn(name, f"is binary (contains NUL bytes), not text; skipped. Remove it or {_RESAVE}")]
        text, warnings = _checked(text, name, fallback=False)
        if text is None:
            return None, warnings
        return text, [_warn(name, "is UTF-16 without a byte-order mark; read anyway, but " + _RESAVE)]
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
    return checked, [_warn(name, f"is not UTF-8; read as {codec}. If accented letters look wrong, {_RESAVE}")]


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
        return None, [_warn(name, "has only whitespace; put the article text in it or delete it")]
    sample = text[:65536]
    bad = len(_CONTROL.findall(sample))
    visible = len("".join(sample.split())) or 1
    high = len(_NON_ASCII.findall(sample)) if fallback else 0
    if bad > 0.05 * visible or high > 0.3 * visible:
        return None, [_warn(name, f"does not look like text (binary or unknown encoding); skipped. {_RESAVE}")]
    return text, []


def normalise_text(text: str) -> str:
    """Normalise decoded text; every offset into an article refers to text that went through this.

    Parameters
    ----------
    text : str
        Decoded file content.

    Returns
    -------
    str
        The text in NFC, with ``\\r\\n``, ``\\r``, form feeds and Unicode line separators
        turned into ``\\n``, other control characters and stray BOMs removed, and lone
        surrogates (only possible in a str built in code) replaced by U+FFFD.
    """
    text = _SURROGATE.sub("\ufffd", text.replace("\r\n", "\n").translate(_LINE_BREAKS))
    return unicodedata.normalize("NFC", _STRAY.sub("", text))


_LINE_BREAKS = str.maketrans({"\r": "\n", "\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n"})
_STRAY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufeff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def article_id(text: str) -> str:
    """Return the article id: first 16 hex digits of the sha256 of the normalised text.

    Parameters
    ----------
    text : str
        The article text. It is put in NFC, runs of whitespace become one space and the
        ends are stripped, so the same text with other line breaks or spacing has one id.

    Returns
    -------
    str
        16 lowercase hex digits.
    """
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    # surrogatepass: a lone surrogate (possible in a str built in code) still gets a stable id
    return hashlib.sha256(norm.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _warn(name: str, problem: str) -> CorpusWarning:
    return CorpusWarning(name, f"{_shown(name)}: {problem}")


def _shown(name: str) -> str:
    """Return a file name fit for a one-line message: control characters (a newline) escaped."""
    return name if name.isprintable() else "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)


# --------------------------------------------------------------------------- dates
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_ISO = re.compile(
    r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w-])"
)
_WRITTEN = re.compile(
    r"(?:[A-Za-z]{3,9}\.?,?\s+)??(?:(?P<d1>\d{1,2})\s+(?P<m1>[A-Za-z]{3,9})\.?|"
    r"(?P<m2>[A-Za-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?),?\s+(?P<y>\d{4})(?!\w)"
)


def _parse_date_prefix(value: str) -> tuple[dt.date | None, int]:
    """Parse a date at the start of value; return (date or None, characters used).

    ``(None, n > 0)`` means the text looked like a date but is not a real one
    (``2024-13-45``); ``(None, 0)`` means it does not look like a date at all. ISO dates
    (optionally with a time) and written ones (``29 November 2024``, ``Fri, Nov 29, 2024``).
    """
    m = _ISO.match(value)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    elif m := _WRITTEN.match(value):
        month = _MONTHS.get((m["m1"] or m["m2"])[:3].lower())
        y, mo, d = int(m["y"]), month or 0, int(m["d1"] or m["d2"])
    else:
        return None, 0
    try:
        return dt.date(y, mo, d), m.end()
    except ValueError:
        return None, m.end()


def _parse_full_date(value: str) -> dt.date | None:
    """Parse a whole cell or header value as a date, or return None."""
    value = value.strip()
    date, used = _parse_date_prefix(value)
    return date if used == len(value) else None


# --------------------------------------------------------------------------- headers
_HEADER = re.compile(
    r"[ \t]*(?P<key>date|published|source|title|url|link)(?P<sep>[ \t]*:[ \t]*|[ \t]+)(?P<value>[^\n]*)",
    re.IGNORECASE,
)
_KEY_ALIASES = {"published": "date", "link": "url"}
# After "date: <date>", text that starts like a sentence runs on; "10:00 GMT" does not.
_SENTENCE_START = re.compile(r"[\s,]*[\"\u201c]?[A-Z][a-z]")


def _split_headers(text: str) -> tuple[dict[str, str], list[str], int]:
    """Find header lines at the top of text.

    Returns
    -------
    tuple of (dict, list of str, int)
        Header values by field, malformed date values, and the offset where the body starts.
    """
    headers: dict[str, str] = {}
    bad_dates: list[str] = []
    pos = 0
    while pos < len(text):
        eol = text.find("\n", pos)
        eol = len(text) if eol < 0 else eol
        line = text[pos:eol]
        if not line.strip():
            pos = eol + 1
            continue
        m = _HEADER.match(line)
        if not m:
            return headers, bad_dates, pos
        key = _KEY_ALIASES.get(m["key"].lower(), m["key"].lower())
        colon = ":" in m["sep"]
        value = m["value"]
        if key == "date":
            date, used = _parse_date_prefix(value)
            if not used and not colon:
                return headers, bad_dates, pos  # "Date palms ..." is text, not a header
            if date is None:
                bad_dates.append((value[:used] if used else value).strip())
            else:
                headers.setdefault("date", date.isoformat())
            rest = value[used:] if used else ""
            if rest.strip() and (not colon or _SENTENCE_START.match(rest)):
                start = pos + m.start("value") + used
                return headers, bad_dates, start + len(rest) - len(rest.lstrip())
        elif key == "url" and not colon and not re.fullmatch(r"(?:https?://|www\.)\S+\s*", value):
            return headers, bad_dates, pos
        elif value.strip():
            headers.setdefault(key, value.strip())
        elif not colon:
            return headers, bad_dates, pos
        pos = eol + 1
    return headers, bad_dates, pos


# --------------------------------------------------------------------------- reading
def read_article(
    path: Path, meta: Mapping[str, str] | None = None
) -> tuple[Article | None, list[CorpusWarning]]:
    """Read one article file; never raises for bad content.

    Parameters
    ----------
    path : Path
        The ``.txt`` file.
    meta : Mapping[str, str], optional
        Its ``metadata.csv`` row (``date``, ``source``, ``title``, ``url``); non-empty
        values win over the file's header lines.

    Returns
    -------
    tuple of (Article or None, list of CorpusWarning)
        The article (None if the file is unreadable, empty or binary) and the warnings.
    """
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return None, [_warn(name, f"cannot be read ({reason}); check the path and its permissions")]
    raw, warnings = decode_bytes(data, name)
    if raw is None:
        return None, warnings
    text = normalise_text(raw)
    headers, bad_dates, start = _split_headers(text)
    body = text[start:].strip()
    warnings += [_warn(name, f"header date '{v}' is not a real YYYY-MM-DD date; fix it") for v in bad_dates]
    if not body:
        return None, warnings + [_warn(name, "has header lines but no article text; skipped. "
                                              "Put the article text below the header lines or delete the file")]
    fields, more = _merge_meta(name, headers, meta or {})
    warnings += more
    published = dt.date.fromisoformat(fields["date"]) if fields.get("date") else None
    if published is None:
        fix = f"add a line 'date YYYY-MM-DD' at the top of {name} or a row in {METADATA_FILE}"
        warnings.append(_warn(name, f"has no publication date; {fix}"))
    article = Article(
        id=article_id(body), path=name, published=published, source=fields.get("source"),
        title=fields.get("title"), url=fields.get("url"), text=body,
    )
    return article, warnings


def _merge_meta(
    name: str, headers: Mapping[str, str], meta: Mapping[str, str]
) -> tuple[dict[str, str], list[CorpusWarning]]:
    """Overlay non-empty metadata values on header values; dates become ISO strings."""
    fields = dict(headers)
    warnings = []
    for key in ("date", "source", "title", "url"):
        value = (meta.get(key) or "").strip()
        if not value:
            continue
        if key == "date":
            date = _parse_full_date(value)
            if date is None:
                warnings.append(_warn(name, f"{METADATA_FILE} date '{value}' is not a YYYY-MM-DD date; fix the row"))
                continue
            value = date.isoformat()
            if headers.get("date") not in (None, value):
                warnings.append(_warn(name, f"header date {headers['date']} differs from {METADATA_FILE} "
                                            f"date {value}; using {METADATA_FILE}, fix whichever is wrong"))
        fields[key] = value
    return fields, warnings


def read_metadata(path: Path, files: set[str]) -> tuple[dict[str, dict[str, str]], list[CorpusWarning]]:
    """Read a corpus ``metadata.csv`` (``file,date,source,title,url``), row by row.

    Broken rows (wrong column count, bad date, unknown file, repeated file) give a
    warning naming the line; the other rows are still used. A missing file gives ``{}``.

    Parameters
    ----------
    path : Path
        The metadata file.
    files : set of str
        Names of the ``.txt`` files in the corpus folder.

    Returns
    -------
    tuple of (dict, list of CorpusWarning)
        Row values by file name (keys ``date``, ``source``, ``title``, ``url``), and warnings.
    """
    name = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}, []
    except OSError as exc:
        return {}, [_warn(name, f"cannot be read ({exc.strerror}); check its permissions")]
    text, warnings = decode_bytes(data, name)
    if text is None:
        return {}, warnings
    try:
        rows = _csv_rows(normalise_text(text))
    except csv.Error as exc:
        return {}, warnings + [_warn(name, f"is not valid CSV ({exc}); fix it or delete it")]
    return _parse_meta_rows(name, rows, files, warnings)


def _csv_rows(text: str) -> list[tuple[list[str], int]]:
    reader = csv.reader(io.StringIO(text))
    return [(row, reader.line_num) for row in reader if any(cell.strip() for cell in row)]


def _parse_meta_rows(
    name: str, rows: list[tuple[list[str], int]], files: set[str], warnings: list[CorpusWarning]
) -> tuple[dict[str, dict[str, str]], list[CorpusWarning]]:
    """Turn CSV rows into metadata by file name, warning about each broken row."""
    columns = list(_META_COLUMNS)
    if rows and "file" in [c.strip().lower() for c in rows[0][0]]:
        columns = [c.strip().lower() for c in rows[0][0]]
        rows = rows[1:]
    elif rows:
        warnings.append(_warn(name, f"line {rows[0][1]}: no header row; reading columns as {','.join(columns)}"))
    out: dict[str, dict[str, str]] = {}
    for row, line in rows:
        where = f"line {line}"
        if len(row) != len(columns):
            warnings.append(_warn(name, f"{where}: expected {len(columns)} columns ({','.join(columns)}), "
                                        f"found {len(row)}; fix the row (quote values that contain commas)"))
            continue
        rec = {k: v.strip() for k, v in zip(columns, row) if k in _META_COLUMNS}
        file = rec.pop("file", "")
        if file not in files:
            warnings.append(_warn(name, f"{where}: no file '{file}' in the corpus folder; fix the name or remove the row"))
            continue
        if file in out:
            warnings.append(_warn(name, f"{where}: second row for {file}; the first is used, remove one"))
            continue
        if rec.get("date") and _parse_full_date(rec["date"]) is None:
            warnings.append(_warn(name, f"{where}: date '{rec.pop('date')}' is not a YYYY-MM-DD date; "
                                        "fix it (the row's other fields are used)"))
        out[file] = rec
    return out, warnings


def read_corpus(folder: Path) -> tuple[list[Article], list[CorpusWarning]]:
    """Read every ``.txt`` article of a corpus folder, in name order.

    Identical texts in two files become one article (the first by name, with missing
    metadata filled from the copy). Near-duplicates are linked with
    :func:`link_near_duplicates` and noted in the warnings.

    Parameters
    ----------
    folder : Path
        The corpus folder.

    Returns
    -------
    tuple of (list of Article, list of CorpusWarning)

    Raises
    ------
    CorpusError
        The folder does not exist, is not a folder, cannot be listed or has no ``.txt`` file.
    """
    folder = Path(folder)
    files = _article_files(folder)
    meta, warnings = read_metadata(folder / METADATA_FILE, {p.name for p in files})
    by_id: dict[str, Article] = {}
    for path in files:
        article, more = read_article(path, meta.get(path.name))
        warnings += more
        if article is None:
            continue
        first = by_id.get(article.id)
        if first is None:
            by_id[article.id] = article
            continue
        by_id[article.id] = _fill_missing(first, article)
        warnings.append(_warn(article.path, f"has the same text as {_shown(first.path)}; read once, "
                                            "delete one copy to silence this"))
    articles = list(by_id.values())
    links = _near_duplicate_links(articles, 0.6)
    for i, (j, score) in sorted(links.items()):
        warnings.append(_warn(articles[i].path, f"is another version of {_shown(articles[j].path)} "
                                                f"(containment {score:.2f}); counted as one report"))
    return [_linked(a, articles, links.get(i)) for i, a in enumerate(articles)], warnings


def _article_files(folder: Path) -> list[Path]:
    """The folder's ``.txt`` files sorted by name; CorpusError when there are none."""
    fix = "pass --corpus DIR, a folder with one .txt file per article"
    if not folder.exists():
        raise CorpusError(f"corpus folder {folder} does not exist; {fix}")
    if not folder.is_dir():
        raise CorpusError(f"corpus {folder} is not a folder; {fix}")
    try:
        files = [p for p in folder.iterdir() if p.suffix.lower() == ".txt" and p.is_file()]
    except OSError as exc:
        raise CorpusError(f"corpus folder {folder} cannot be listed ({exc.strerror}); check its permissions") from exc
    if not files:
        raise CorpusError(f"corpus folder {folder} has no .txt files; {fix}")
    return sorted(files, key=lambda p: p.name)


def _fill_missing(first: Article, copy: Article) -> Article:
    """Fill the metadata fields that first lacks from an identical copy."""
    keys = ("published", "source", "title", "url")
    return replace(first, **{k: getattr(copy, k) for k in keys if getattr(first, k) is None})


def _linked(article: Article, articles: Sequence[Article], link: tuple[int, float] | None) -> Article:
    return article if link is None else replace(article, duplicate_of=articles[link[0]].id)


# --------------------------------------------------------------------------- near-duplicates
_WORD = re.compile(r"\w+")
_SHINGLE = 5
_BANDS, _ROWS = 64, 2
_MASK = (1 << 64) - 1
_rng = np.random.default_rng(20241129)
_PERM_A = _rng.integers(1, 2**63, size=_BANDS * _ROWS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_PERM_B = _rng.integers(0, 2**63, size=_BANDS * _ROWS, dtype=np.uint64)
_MINHASH_BLOCK = 1 << 15  # shingles hashed at once: 128 x 32768 x 8 bytes = 32 MB
_POWERS = np.array([pow(0x9E3779B97F4A7C15, _SHINGLE - 1 - i, 1 << 64) for i in range(_SHINGLE)], dtype=np.uint64)


def _shingles(text: str, cache: dict[str, int]) -> np.ndarray:
    """Return the sorted unique 64-bit hashes of the text's 5-word shingles.

    Words are NFKC-casefolded ``\\w+`` runs; a text of fewer than 5 words is one shingle.
    """
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if not words:
        return np.zeros(0, dtype=np.uint64)
    found = list(map(cache.get, words))
    if None in found:
        cache.update((w, zlib.crc32(w.encode())) for w in words if w not in cache)
        found = list(map(cache.__getitem__, words))
    ids = np.array(found, dtype=np.uint64)
    k = min(_SHINGLE, len(ids))
    windows = np.lib.stride_tricks.sliding_window_view(ids, k)
    return np.unique((windows * _POWERS[_SHINGLE - k:]).sum(axis=1, dtype=np.uint64))


def _minhash(shingles: np.ndarray) -> np.ndarray:
    """Return the MinHash signature (one minimum per hash function) of a shingle set."""
    out = np.full(_PERM_A.size, _MASK, dtype=np.uint64)
    for i in range(0, shingles.size, _MINHASH_BLOCK):  # in blocks: 128 x all shingles at once is GBs
        block = shingles[None, i:i + _MINHASH_BLOCK]
        np.minimum(out, (_PERM_A[:, None] * block + _PERM_B[:, None]).min(axis=1), out=out)
    return out


def _candidate_pairs(signatures: np.ndarray) -> set[tuple[int, int]]:
    """Pairs of articles (rows of signatures) that agree on every row of an LSH band."""
    pairs: set[tuple[int, int]] = set()
    for band in range(_BANDS):
        keys = signatures[:, band * _ROWS]
        for row in range(1, _ROWS):
            keys = keys * np.uint64(0x100000001B3) ^ signatures[:, band * _ROWS + row]
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
        starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1], True])
        for g in np.flatnonzero(np.diff(starts) > 1):
            members = order[starts[g]:starts[g + 1]].tolist()
            pairs.update((a, b) for n, a in enumerate(members) for b in members[n + 1:])
    return pairs


def _canonical_key(article: Article) -> tuple[bool, dt.date, int]:
    """Smaller is more canonical: dated, earlier, longer (ties: later by name, see below)."""
    return (article.published is None, article.published or dt.date.max, -len(article.text))


def _near_duplicate_links(articles: Sequence[Article], threshold: float) -> dict[int, tuple[int, float]]:
    """Map the index of each duplicate to (index of its canonical version, best containment)."""
    if len(articles) < 2:
        return {}
    cache: dict[str, int] = {}
    signatures = np.array([_minhash(_shingles(a.text, cache)) for a in articles], dtype=np.uint64)
    pairs = _candidate_pairs(signatures.reshape(len(articles), -1))
    shingles = {i: _shingles(articles[i].text, cache) for pair in pairs for i in pair}
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    scores: dict[int, float] = {}
    for a, b in sorted(pairs):
        small = min(shingles[a].size, shingles[b].size)
        if articles[a].id == articles[b].id or small == 0:
            continue
        score = np.intersect1d(shingles[a], shingles[b], assume_unique=True).size / small
        if score >= threshold:
            parent[root(a)] = root(b)
            for i in (a, b):
                scores[i] = max(scores.get(i, 0.0), score)
    clusters: dict[int, list[int]] = {}
    for i in scores:
        clusters.setdefault(root(i), []).append(i)
    links = {}
    for members in clusters.values():
        by_name = sorted(members, key=lambda i: articles[i].path, reverse=True)
        keep = min(by_name, key=lambda i: _canonical_key(articles[i]))
        links.update({i: (keep, scores[i]) for i in members if i != keep})
    return links


def link_near_duplicates(articles: Sequence[Article], *, threshold: float = 0.6) -> list[Article]:
    """Mark each near-duplicate article with ``duplicate_of`` = the id of its canonical version.

    Two articles are near-duplicates when the share of the smaller one's 5-word shingles
    (NFKC-casefolded words) found in the other, the containment, is at least
    ``threshold``; so a version with lines added, removed or reordered still matches.
    Linked articles form groups; in each group the canonical version is the earliest
    dated one, then the longest, then the last by path; every other member gets
    ``duplicate_of`` (undated, later, shorter or earlier-by-name versions).

    Method and cost: each text's shingles are hashed to 64 bits and summarised by a
    128-value MinHash signature; LSH with 64 bands of 2 rows proposes as candidates the
    pairs that share a band (recall above 98% at Jaccard 0.25, i.e. containment 0.6 with
    one text twice the other's length); each candidate is checked exactly. Time is
    O(total words + N x 128 + candidates); memory is O(total shingles). Pairs whose
    texts share little (Jaccard under about 0.1) are seldom proposed.

    Parameters
    ----------
    articles : Sequence[Article]
        Articles with distinct ids (``read_corpus`` merges identical texts).
    threshold : float, default 0.6
        Minimum containment, between 0 and 1.

    Returns
    -------
    list of Article
        The articles in the same order; those not found to be duplicates are unchanged.
    """
    links = _near_duplicate_links(articles, threshold)
    return [_linked(a, articles, links.get(i)) for i, a in enumerate(articles)]


# --------------------------------------------------------------------------- sentences
_TERMINAL = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*(?=\s)")
_OPENERS = "\"'\u201c\u2018\u00ab(["
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")
_TITLES = frozenset(
    "mr mrs ms mx dr prof gen lt col maj capt cpt sgt cpl pvt adm brig cmdr cdr gov sen rep rev hon "
    "pres st mt sr jr vs messrs mme mlle dept approx govt".split()
)
_BEFORE_NUMBER = frozenset("no nos nr jan feb mar apr jun jul aug sep sept oct nov dec fig vol art para ch sec".split())


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split English news text into sentences.

    Every line ends a sentence. Inside a line a sentence ends at ``.``, ``!``, ``?`` or
    ``…`` (with any closing quotes or brackets) followed by space, unless the next word
    starts in lower case, or the full stop follows a title (``Mr.``, ``Gen.``), an
    initial or dotted abbreviation (``F.``, ``U.S.``, ``e.g.``), or ``No.``/``Nov.`` before
    a number. Decimals (``4.3``) never split.

    Parameters
    ----------
    text : str
        The text (an ``Article.text``).

    Returns
    -------
    list of (int, int)
        ``(start, end)`` offsets of each sentence, without surrounding whitespace.
    """
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        s, base, cut = line.group(), line.start(), 0
        for m in _TERMINAL.finditer(s):
            if _is_boundary(s, m):
                _add_span(spans, text, base + cut, base + m.end())
                cut = m.end()
        _add_span(spans, text, base + cut, line.end())
    return spans


def _is_boundary(line: str, m: re.Match[str]) -> bool:
    """Decide whether the terminal punctuation matched by m ends a sentence."""
    rest = line[m.end():].lstrip().lstrip(_OPENERS)
    if rest[:1].islower():
        return False
    if m.group().rstrip("\"'\u201d\u2019\u00bb)]") != ".":
        return True
    before = line[:m.start()].split()
    word = before[-1].lstrip(_OPENERS) if before else ""
    if word.lower() in _TITLES or _INITIALS.fullmatch(word):
        return False
    return not (word.lower() in _BEFORE_NUMBER and rest[:1].isdigit())


def _add_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))
