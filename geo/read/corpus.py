"""Reading a corpus folder into :class:`geo.model.Article` objects.

A corpus is a folder of ``.txt`` files, one article each, read in name order (no
recursion; other files are ignored). Two files are special: ``metadata.csv``
(``file,date,source,title,url``; non-empty cells win over header lines) and
``baseline.csv`` (control before the first event; read by the timeline, not here).

Header lines at the top of a file give metadata and are removed from the text:
``date 2024-11-29``, ``source BBC News``, ``title ...``, ``url ...`` (also with a colon,
also indented). A date header may run into the first sentence on the same line; the
rest of that line is kept as text (see :mod:`geo.read.headers`). Problems with one file never
stop the others: they come back as :class:`CorpusWarning` records, one line each, naming
the file and the fix.

Bytes become text in :mod:`geo.read.textfile` (``decode_bytes`` and ``normalise_text`` are
re-exported here); near-duplicates (two versions of one report) are linked by
:mod:`geo.read.dedup`; sentences are split by :mod:`geo.read.sentences`.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from gazetteer.cache import KeyedFiles, cache_root, file_stamp
from geo.errors import CorpusError
from geo.model import Article, CorpusWarning
from geo.read.dedup import THRESHOLD, apply_links, near_duplicate_links
from geo.read.headers import parse_full_date, split_headers
from geo.read.textfile import decode_bytes, file_warning, normalise_text, read_regular, shown_name

__all__ = [
    "read_corpus", "start_reading", "CorpusReading", "read_article", "read_metadata", "decode_bytes", "normalise_text",
    "article_id", "METADATA_FILE", "BASELINE_FILE", "CORPUS_KIND", "CORPUS_CACHE_MAX_BYTES",
]

METADATA_FILE = "metadata.csv"
BASELINE_FILE = "baseline.csv"
#: The kind of the cache folder of read corpora (``corpus-<version>`` in the cache root).
CORPUS_KIND = "corpus"
#: A folder whose articles hold more bytes is not cached (its copy would double the disk it takes; an
#: archive that large belongs in an event store, ``geo ingest``).
CORPUS_CACHE_MAX_BYTES = 64 << 20
_META_COLUMNS = ("file", "date", "source", "title", "url")


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
    return _article(str(path), _contents(path), meta)


def _contents(path: Path) -> bytes | OSError:
    """Return the bytes of a file, or the error reading it raised."""
    try:
        return read_regular(path)
    except OSError as exc:
        return exc


def _article(name: str, data: bytes | OSError, meta: Mapping[str, str] | None) -> tuple[Article | None,
                                                                                        list[CorpusWarning]]:
    """Return the article of a file's bytes (or the warning of the error reading it) and the warnings."""
    if isinstance(data, OSError):
        reason = data.strerror or type(data).__name__
        return None, [file_warning(name, f"cannot be read ({reason}); check the path and its permissions")]
    raw, warnings = decode_bytes(data, name)
    if raw is None:
        return None, warnings
    text = normalise_text(raw)
    headers, bad_dates, start = split_headers(text)
    body = text[start:].strip()
    warnings += [file_warning(name, f"header date '{v}' is not a real YYYY-MM-DD date; fix it") for v in bad_dates]
    if not body:
        return None, warnings + [file_warning(name, "has header lines but no article text; skipped. "
                                              "Put the article text below the header lines or delete the file")]
    fields, more = _merge_meta(name, headers, meta or {})
    warnings += more
    published = dt.date.fromisoformat(fields["date"]) if fields.get("date") else None
    if published is None:
        fix = f"add a line 'date YYYY-MM-DD' at the top of {name} or a row in {METADATA_FILE}"
        warnings.append(file_warning(name, f"has no publication date; {fix}"))
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
            date = parse_full_date(value)
            if date is None:
                problem = f"{METADATA_FILE} date '{value}' is not a YYYY-MM-DD date; fix the row"
                warnings.append(file_warning(name, problem))
                continue
            value = date.isoformat()
            if headers.get("date") not in (None, value):
                warnings.append(file_warning(name, f"header date {headers['date']} differs from {METADATA_FILE} "
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
        data = read_regular(path)
    except FileNotFoundError:
        return {}, []
    except OSError as exc:
        return {}, [file_warning(name, f"cannot be read ({exc.strerror}); make it a regular file and check its "
                                       "permissions")]
    text, warnings = decode_bytes(data, name)
    if text is None:
        return {}, warnings
    try:
        rows = _csv_rows(normalise_text(text))
    except csv.Error as exc:
        return {}, warnings + [file_warning(name, f"is not valid CSV ({exc}); fix it or delete it")]
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
        unknown = [c for c in columns if c not in _META_COLUMNS]
        if unknown:
            warnings.append(file_warning(name, f"line {rows[0][1]}: unknown column(s) {','.join(unknown)} are ignored; "
                                               f"the columns read are {','.join(_META_COLUMNS)}, rename them"))
        rows = rows[1:]
    elif rows:
        warnings.append(file_warning(name, f"line {rows[0][1]}: no header row; reading columns as {','.join(columns)}"))
    out: dict[str, dict[str, str]] = {}
    for row, line in rows:
        where = f"line {line}"
        if len(row) != len(columns):
            warnings.append(file_warning(name, f"{where}: expected {len(columns)} columns ({','.join(columns)}), "
                                        f"found {len(row)}; fix the row (quote values that contain commas)"))
            continue
        rec = {k: v.strip() for k, v in zip(columns, row, strict=True) if k in _META_COLUMNS}
        file = rec.pop("file", "")
        if file not in files:
            warnings.append(file_warning(name, f"{where}: no file '{file}' in the corpus folder; "
                                               "fix the name or remove the row"))
            continue
        if file in out:
            warnings.append(file_warning(name, f"{where}: second row for {file}; the first is used, remove one"))
            continue
        if rec.get("date") and parse_full_date(rec["date"]) is None:
            warnings.append(file_warning(name, f"{where}: date '{rec.pop('date')}' is not a YYYY-MM-DD date; "
                                        "fix it (the row's other fields are used)"))
        out[file] = rec
    return out, warnings


def read_corpus(folder: Path) -> tuple[list[Article], list[CorpusWarning]]:
    """Read every ``.txt`` article of a corpus folder, in name order (a re-read of an unchanged folder from the cache).

    What a read returns is kept in the cache folder of :mod:`gazetteer.cache` (kind
    :data:`CORPUS_KIND`, one file per corpus folder, versioned by the stamps of the reading code
    and the Unicode tables): it is read back when the folder's ``.txt`` files (names and bytes)
    and ``metadata.csv`` are what they were then, so a re-run reads the bytes but skips decoding,
    header parsing and the near-duplicate search; any changed, added or removed file reads the
    whole folder again. A folder of more than :data:`CORPUS_CACHE_MAX_BYTES` is not cached.

    Identical texts in two files become one article (the first by name, with missing
    metadata filled from the copy). Near-duplicates are linked with
    :func:`geo.read.dedup.link_near_duplicates` (containment at least ``geo.read.dedup.THRESHOLD``)
    and noted in the warnings.

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
    return start_reading(folder).linked()


class CorpusReading:
    """A corpus folder read in two steps: its articles at once, their near-duplicate links when asked.

    :func:`start_reading` returns it with the articles decoded and parsed (:attr:`articles`);
    :meth:`linked` runs the near-duplicate search and gives what :func:`read_corpus` gives, so a
    caller may first start work that does not depend on the links (the extraction of each article,
    in a process pool: :func:`geo.pipeline.analyse`).

    Attributes
    ----------
    articles : list of Article
        The articles in name order, as :func:`read_corpus` returns them except for ``duplicate_of``:
        set only when the folder came from the cache.
    """

    def __init__(self, articles: list[Article], warnings: list[CorpusWarning],
                 finish: tuple[KeyedFiles, str, str] | None) -> None:
        self.articles = articles
        self._warnings = warnings
        self._finish = finish  # (cache, name, key) until the links are found; None once they are
        self._linked = (articles, warnings) if finish is None else None

    def linked(self) -> tuple[list[Article], list[CorpusWarning]]:
        """Return the articles with their near-duplicate links and every warning, as :func:`read_corpus` (once)."""
        if self._linked is None:
            assert self._finish is not None
            articles, warnings = _linked(self.articles, self._warnings)
            cache, name, key = self._finish
            cache.put(name, (key, tuple(articles), tuple(warnings)))
            self._linked, self._finish = (articles, warnings), None
        return list(self._linked[0]), list(self._linked[1])


def start_reading(folder: Path) -> CorpusReading:
    """Read a corpus folder's articles; their near-duplicate links come with :meth:`CorpusReading.linked`.

    See :func:`read_corpus` (which is ``start_reading(folder).linked()``) for the rules and the cache.

    Raises
    ------
    CorpusError
        The folder does not exist, is not a folder, cannot be listed or has no ``.txt`` file.
    """
    folder = Path(folder)
    files = _article_files(folder)
    contents = [_contents(p) for p in files]
    key = _contents_key(files, contents, _contents(folder / METADATA_FILE))
    size = sum(len(data) for data in contents if isinstance(data, bytes))
    cache = KeyedFiles(cache_root() / f"{CORPUS_KIND}-{_code_version()}" if size <= CORPUS_CACHE_MAX_BYTES else None)
    name = hashlib.sha256(f"{folder}\n{folder.resolve()}".encode("utf-8", "surrogatepass")).hexdigest()
    found = cache.get(name)
    if isinstance(found, tuple) and len(found) == 3 and found[0] == key:
        return CorpusReading(list(found[1]), list(found[2]), None)
    articles, warnings = _read_files(folder, files, contents)
    return CorpusReading(articles, warnings, (cache, name, key))


def _contents_key(files: list[Path], contents: list[bytes | OSError], metadata: bytes | OSError) -> str:
    """Return a digest of the files' names and bytes (or errors) and of ``metadata.csv``'s."""
    digest = hashlib.sha256()
    for path, data in ((None, metadata), *zip(files, contents, strict=True)):
        label = "metadata" if path is None else str(path)
        if isinstance(data, OSError):
            digest.update(f"\0{label}\0error {type(data).__name__} {data.errno}\0".encode("utf-8", "surrogatepass"))
        else:
            digest.update(f"\0{label}\0{len(data)}\0".encode("utf-8", "surrogatepass"))
            digest.update(data)
    return digest.hexdigest()


def _code_version() -> str:
    """Return a digest of the code a corpus is read with (this package and the records) and the Unicode tables."""
    here = Path(__file__).resolve().parent
    parts = [*(file_stamp(p) for p in sorted(here.glob("*.py"))), file_stamp(here.parent / "model.py"),
             unicodedata.unidata_version]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:20]


def _read_files(folder: Path, files: list[Path], contents: list[bytes | OSError]) -> tuple[list[Article],
                                                                                          list[CorpusWarning]]:
    """Read the articles of a corpus folder's files from their bytes (:func:`start_reading` without its cache)."""
    meta, warnings = read_metadata(folder / METADATA_FILE, {p.name for p in files})
    by_id: dict[str, Article] = {}
    for path, data in zip(files, contents, strict=True):
        article, more = _article(str(path), data, meta.get(path.name))
        warnings += more
        if article is None:
            continue
        first = by_id.get(article.id)
        if first is None:
            by_id[article.id] = article
            continue
        by_id[article.id] = _fill_missing(first, article)
        warnings.append(file_warning(article.path, f"has the same text as {shown_name(first.path)}; read once, "
                                            "delete one copy to silence this"))
    return list(by_id.values()), warnings


def _linked(articles: list[Article], warnings: list[CorpusWarning]) -> tuple[list[Article], list[CorpusWarning]]:
    """Return the articles with ``duplicate_of`` set on near-duplicate versions, and the warnings with theirs."""
    links = near_duplicate_links(articles, THRESHOLD)
    warnings = list(warnings)
    for i, (j, score) in sorted(links.items()):
        warnings.append(file_warning(articles[i].path, f"is another version of {shown_name(articles[j].path)} "
                                                f"(containment {score:.2f}); counted as one report"))
    return apply_links(articles, links), warnings


def _article_files(folder: Path) -> list[Path]:
    """Return the folder's ``.txt`` files sorted by name; raise CorpusError when there are none."""
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
