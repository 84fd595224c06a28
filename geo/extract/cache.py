"""The on-disk cache of each article's extraction, so that a re-run over an unchanged corpus skips it.

One file per article in the folder ``extract-<version>`` of the gazetteer cache root
(:func:`gazetteer.cache.cache_root`, so ``geo cache info|clear`` list and clear it too):

* **Keyed by everything the extraction depends on.** The folder's *version* is a digest of
  the stamps (:func:`gazetteer.cache.file_stamp`: path, size, modification time) of the
  extraction code (``geo/extract``, ``geo/read``, ``geo/model.py``, the gazetteer's modules),
  the theatre files, and the gazetteer's own fingerprint (packaged data and user gazetteer);
  a file's name is a digest of the article record (its text, date, outlet, path and id; not its
  near-duplicate link, which the extraction does not read, so an article may be looked up before
  the corpus's near-duplicate search) and the theatre it is read as (all its fields). A changed
  article, code, theatre or gazetteer is a miss, never a stale hit; a new version removes the older
  folders.
* **Atomic.** A file is written under a temporary name in its folder and renamed into place.
* **Checked.** A file holds its key; one that fails to load or holds another key is read as a
  miss (and written again). Records are kept as the tuples of their field values
  (:func:`geo.model.record_values`) and built again from them: faster to load than pickled
  dataclasses, and the field layout is part of the version (``geo/model.py``'s stamp).
* **Optional.** When the folder cannot be written, or the gazetteer has no fingerprint (one
  built in memory), nothing is cached and every article is extracted.

The cache never changes results: a hit returns the records the extraction returned.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterable
from pathlib import Path

from gazetteer import Gazetteer
from gazetteer.cache import KeyedFiles, cache_root, file_stamp
from geo.extract.result import ArticleExtraction
from geo.model import Article
from geo.theatres import Theatre

__all__ = ["KIND", "ExtractionCache", "code_version"]

#: The prefix of the cache folder's name.
KIND = "extract"
_FORMAT = "4"
_GEO = Path(__file__).resolve().parent.parent
_GAZETTEER = _GEO.parent / "gazetteer"


def _sources() -> Iterable[Path]:
    yield _GEO / "model.py"
    for folder, pattern in ((_GEO / "extract", "*.py"), (_GEO / "read", "*.py"), (_GEO / "theatres", "*"),
                            (_GAZETTEER, "*.py")):
        yield from sorted(p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts)


def code_version(gazetteer: Gazetteer) -> str | None:
    """Return a digest of the extraction code, the theatre files and the gazetteer; None without a fingerprint.

    Parameters
    ----------
    gazetteer : Gazetteer
        The gazetteer the articles are resolved against; its store's ``fingerprint`` names
        its data (None for a store built in memory, which is never cached).
    """
    fingerprint = getattr(gazetteer.store, "fingerprint", None)
    if fingerprint is None:
        return None
    parts = [f"format {_FORMAT}", f"gazetteer {fingerprint}", *(file_stamp(p) for p in _sources())]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:20]


def _article_key(article: Article, theatre: Theatre | None) -> str:
    record = pickle.dumps((article.id, article.path, article.published, article.source, article.title,
                           article.url, article.text, repr(theatre)), protocol=4)
    return hashlib.sha256(record).hexdigest()


class ExtractionCache:
    """Each article's extraction, read and written in one folder (see the module docs).

    Parameters
    ----------
    folder : Path or None
        The folder of this code version; None caches nothing.
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._files = KeyedFiles(folder)

    @classmethod
    def for_gazetteer(cls, gazetteer: Gazetteer) -> ExtractionCache:
        """Return the cache of the current code and *gazetteer* in the cache root (disabled without a fingerprint)."""
        version = code_version(gazetteer)
        return cls(None if version is None else cache_root() / f"{KIND}-{version}")

    def get(self, article: Article, theatre: Theatre | None) -> ArticleExtraction | None:
        """Return the cached extraction of *article* read as *theatre*, or None (a miss, or a damaged file)."""
        if self.folder is None:
            return None
        stored = self._files.get(_article_key(article, theatre))
        try:
            return ArticleExtraction.from_values(article, stored)  # type: ignore[arg-type]
        except (TypeError, ValueError):  # a miss (None), or a file of another layout
            return None

    def put(self, article: Article, theatre: Theatre | None, extraction: ArticleExtraction) -> None:
        """Write the extraction of *article* (atomically); do nothing once the folder proves unwritable."""
        if self.folder is not None:
            self._files.put(_article_key(article, theatre), extraction.values())
