"""The on-disk cache of each article's extraction, so that a re-run over an unchanged corpus skips it.

One file per article in the folder ``extract-<version>`` of the gazetteer cache root
(:func:`gazetteer.cache.cache_root`, so ``geo cache info|clear`` list and clear it too):

* **Keyed by everything the extraction depends on.** The folder's *version* is a digest of
  the stamps (:func:`gazetteer.cache.file_stamp`: path, size, modification time) of the
  extraction code (``geo/extract``, ``geo/read``, ``geo/model.py``, the gazetteer's modules),
  the theatre files, and the packaged gazetteer data's fingerprint; a file's name is a digest of
  the article record (its text, date, outlet, path and id; not its near-duplicate link, which the
  extraction does not read, so an article may be looked up before the corpus's near-duplicate
  search) and the theatre it is read as (all its fields). A changed article, code, theatre or
  packaged data is a miss, never a stale hit; a new version removes the older folders.
* **Reused across user gazetteers when provably unaffected.** A file also holds the fingerprint
  of the user gazetteer it was read with (:func:`gazetteer.userstore.user_fingerprint`) and, when
  that user gazetteer could not have changed any answer the extraction got from the gazetteer,
  what it asked (:mod:`gazetteer.reach`). Read under the same user gazetteer, it is a hit; under
  another (a place added or imported, the user gazetteer removed), it is a hit only if it holds
  its questions and the new user gazetteer cannot answer any of them otherwise either: then both
  give the answers of the packaged data alone, and so the same extraction. Otherwise it is a miss.
  After ``geo gazetteer add`` of one village, only the articles that name it are read again.
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
from gazetteer.reach import Reach, user_could_answer
from gazetteer.store import PlaceStore
from geo.extract.result import ArticleExtraction
from geo.model import Article
from geo.theatres import Theatre

__all__ = ["KIND", "ExtractionCache", "code_version"]

#: The prefix of the cache folder's name.
KIND = "extract"
_FORMAT = "5"
_GEO = Path(__file__).resolve().parent.parent
_GAZETTEER = _GEO.parent / "gazetteer"


def _sources() -> Iterable[Path]:
    yield _GEO / "model.py"
    for folder, pattern in ((_GEO / "extract", "*.py"), (_GEO / "read", "*.py"), (_GEO / "theatres", "*"),
                            (_GAZETTEER, "*.py")):
        yield from sorted(p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts)


def code_version(gazetteer: Gazetteer) -> str | None:
    """Return a digest of the extraction code, the theatre files and the packaged gazetteer data; None uncached.

    Parameters
    ----------
    gazetteer : Gazetteer
        The gazetteer the articles are resolved against; its store's ``base_fingerprint`` names
        the packaged data (None for a store changed in memory, which is never cached).
    """
    store = gazetteer.store
    if getattr(store, "fingerprint", None) is None or getattr(store, "base_fingerprint", None) is None:
        return None
    parts = [f"format {_FORMAT}", f"gazetteer {store.base_fingerprint}", *(file_stamp(p) for p in _sources())]
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
    store : PlaceStore, optional
        The gazetteer's records, whose user gazetteer (:attr:`PlaceStore.user_tables`) an
        extraction read under another one is tested against; without it, only extractions read
        under the same user gazetteer (*fingerprint*) are hits.
    fingerprint : str
        The gazetteer's fingerprint (:attr:`PlaceStore.fingerprint`: packaged data and user gazetteer).
    """

    def __init__(self, folder: Path | None, store: PlaceStore | None = None, fingerprint: str = "") -> None:
        self.folder = folder
        self._files = KeyedFiles(folder)
        self._store = store
        self._fingerprint = fingerprint

    @classmethod
    def for_gazetteer(cls, gazetteer: Gazetteer) -> ExtractionCache:
        """Return the cache of the current code and *gazetteer* in the cache root (disabled without a fingerprint)."""
        version = code_version(gazetteer)
        if version is None:
            return cls(None)
        return cls(cache_root() / f"{KIND}-{version}", gazetteer.store, gazetteer.store.fingerprint or "")

    def get(self, article: Article, theatre: Theatre | None) -> ArticleExtraction | None:
        """Return the cached extraction of *article* read as *theatre*, or None (a miss, or a damaged file).

        One read under another user gazetteer is a hit only when neither user gazetteer could
        have changed what the extraction got from the gazetteer (see the module docs); it is then
        written again under this one, so that later runs need not test it.
        """
        if self.folder is None:
            return None
        key = _article_key(article, theatre)
        stored = self._files.get(key)
        try:
            values, fingerprint, reach = stored  # type: ignore[misc]
            if fingerprint != self._fingerprint:
                if (not isinstance(reach, Reach) or self._store is None
                        or user_could_answer(reach, article.text, self._store)):
                    return None
                self._files.put(key, (values, self._fingerprint, reach))
            return ArticleExtraction.from_values(article, values, reach)
        except (TypeError, ValueError, AttributeError):  # a miss (None), or a file of another layout
            return None

    def put(self, article: Article, theatre: Theatre | None, extraction: ArticleExtraction) -> None:
        """Write the extraction of *article* (atomically); do nothing once the folder proves unwritable.

        Its questions to the gazetteer (``extraction.reach``, recorded only when its user gazetteer
        could not have answered any of them otherwise than the packaged data) are kept: the
        extraction may then serve under another user gazetteer too (:meth:`get`).
        """
        if self.folder is not None:
            self._files.put(_article_key(article, theatre), (extraction.values(), self._fingerprint, extraction.reach))
