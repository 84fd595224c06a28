"""Linking each newly extracted batch to the near-duplicates already in an event store.

For every new article: candidates from the LSH index (stored and earlier new articles),
containment checked exactly or estimated when a stored article's file is gone, then the
whole group is re-decided: the canonical version is the earliest dated, then longest, then
last by path (as :func:`geo.read.dedup.link_near_duplicates`), and every other member points
at it. The changes go into the batch's ``links``.

The exact check needs both articles' shingle sets. Those of the articles this ingest has
seen (fingerprinted by the workers, or read back once) are kept in memory, up to
:data:`SHINGLE_BUDGET` hashes, the least recently used dropped first; a stored article not
kept is read back from its file. An article id is the hash of its text, so a kept set is
the set its file gives as long as the file still holds that text; when it no longer does
(its file was changed or deleted during the ingest), the kept set is still that text's.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from geo.extract.result import ArticleExtraction
from geo.model import Article
from geo.read.corpus import read_article
from geo.read.dedup import (
    THRESHOLD,
    band_keys,
    canonical_index,
    containment,
    estimated_containment,
    fingerprint,
    shingle_hashes,
)
from geo.read.sigindex import SignatureIndex
from geo.store.event_store import EventStore
from geo.store.rows import ArticlePrint, Batch, ExtractionRows

__all__ = ["Linker", "Prints", "CANDIDATES_PER_ARTICLE", "SHINGLE_BUDGET"]

#: Article id -> (MinHash signature, sorted shingle hashes), as :func:`geo.read.dedup.fingerprint`
#: returns them (computed by the worker that read the article).
Prints = Mapping[str, tuple[np.ndarray, np.ndarray]]

#: At most this many stored articles (the most similar by their signatures) are checked
#: exactly against each new one.
CANDIDATES_PER_ARTICLE = 8

#: Shingle hashes (8 bytes each) kept in memory for exact checks: 64 MB, about 18,000 wire
#: stories of 2,600 characters.
SHINGLE_BUDGET = 8_000_000


@dataclass(slots=True)
class _Node:
    id: str
    path: str
    published: dt.date | None
    chars: int
    duplicate_of: str | None
    score: float | None
    signature: np.ndarray
    count: int
    shingles: np.ndarray | None = None


class Linker:
    """Near-duplicate state of one ingest: the signature index, kept shingle sets and the batch being linked.

    Parameters
    ----------
    store : EventStore
        The store being written.
    shingle_budget : int, optional
        Most shingle hashes kept in memory (default :data:`SHINGLE_BUDGET`; see the module docstring).
    """

    def __init__(self, store: EventStore, shingle_budget: int | None = None) -> None:
        self.store = store
        self._index: SignatureIndex | None = None
        self._pending: dict[str, _Node] = {}
        self._words: dict[str, int] = {}  # word hashes, shared by every text of this ingest
        self._kept: OrderedDict[str, np.ndarray] = OrderedDict()  # article id -> shingles, least recent first
        self._kept_size = 0
        self._budget = SHINGLE_BUDGET if shingle_budget is None else shingle_budget

    @property
    def index(self) -> SignatureIndex:
        """The LSH index, loaded from the store on first use."""
        if self._index is None:
            self._index = SignatureIndex()
            ids, sigs, counts = [], [], []
            for article_id, blob, count in self.store.signatures():
                ids.append(article_id)
                sigs.append(np.frombuffer(blob, dtype="<u8"))
                counts.append(count)
            if ids:
                self._index.extend(ids, np.vstack(sigs), counts)
        return self._index

    def link(self, results: Sequence[ArticleExtraction | ExtractionRows], batch: Batch,
             prints: Prints | None = None) -> None:
        """Record each article's print and link it to its near-duplicates, in order.

        Fingerprints missing from `prints` are computed here.
        """
        meta_hash = {s.article: s.meta_hash for s in batch.sources}
        fps = [self._print(ex.article, prints) for ex in results]
        if not fps:
            return
        keys = band_keys(np.vstack([sig for sig, _ in fps]).astype(np.uint64))
        for i, (ex, (signature, shingles)) in enumerate(zip(results, fps, strict=True)):
            a = ex.article
            batch.prints[a.id] = ArticlePrint(signature.tobytes(), int(shingles.size), meta_hash.get(a.id, ""))
            node = _Node(a.id, a.path, a.published, len(a.text), None, None, signature, int(shingles.size), shingles)
            self._pending[a.id] = node
            self._keep(a.id, shingles)
            matched = {}
            candidates = self.index.candidates(signature, int(shingles.size), CANDIDATES_PER_ARTICLE, keys[i])
            for other_id in sorted(candidates - {a.id}):
                other = self._node(other_id)
                score = self._score(node, other) if other else 0.0
                if score >= THRESHOLD:
                    matched[other_id] = score
            if matched:
                self._group(node, matched, batch)
            self.index.add(a.id, signature, int(shingles.size), keys[i])

    def _print(self, article: Article, prints: Prints | None) -> tuple[np.ndarray, np.ndarray]:
        given = prints.get(article.id) if prints else None
        return given if given is not None else fingerprint(article.text, self._words)

    def committed(self) -> None:
        """Forget the written batch: its in-memory view."""
        self._pending.clear()

    def _node(self, article_id: str) -> _Node | None:
        node = self._pending.get(article_id)
        if node is None:
            rec = self.store.article(article_id)
            if rec is None:
                return None
            node = _Node(rec.id, rec.path, rec.published, rec.chars, rec.duplicate_of, rec.duplicate_score,
                         np.frombuffer(rec.signature, dtype="<u8"), rec.shingles)
            self._pending[article_id] = node
        return node

    def _keep(self, article_id: str, shingles: np.ndarray) -> None:
        """Keep an article's shingles (most recently used last), dropping the least recent beyond the budget."""
        old = self._kept.pop(article_id, None)
        self._kept_size += shingles.size - (0 if old is None else old.size)
        self._kept[article_id] = shingles
        while self._kept_size > self._budget and self._kept:
            self._kept_size -= self._kept.popitem(last=False)[1].size

    def _shingles(self, node: _Node) -> np.ndarray | None:
        """Return the article's shingles: kept, else read back from its file (None when it no longer holds the text)."""
        kept = self._kept.get(node.id)
        if kept is not None:
            self._kept.move_to_end(node.id)
            return kept
        article, _ = read_article(Path(node.path))
        if article is None or article.id != node.id:
            return None
        shingles = shingle_hashes(article.text, self._words)
        self._keep(node.id, shingles)
        return shingles

    def _score(self, a: _Node, b: _Node) -> float:
        for node in (a, b):
            if node.shingles is None:
                node.shingles = self._shingles(node)
        if a.shingles is not None and b.shingles is not None:
            return containment(a.shingles, b.shingles)
        return estimated_containment(a.signature, a.count, b.signature, b.count)

    def _group(self, node: _Node, matched: dict[str, float], batch: Batch) -> None:
        roots = {node.id, *matched}
        roots |= {n.duplicate_of for n in map(self._node, matched) if n and n.duplicate_of}
        ids = set(roots) | set(self.store.members(sorted(roots)))
        ids |= {n.id for n in self._pending.values() if n.duplicate_of in roots}
        nodes = [n for n in map(self._node, sorted(ids)) if n is not None]
        node.score = max(matched.values())
        for other_id, score in matched.items():
            other = self._pending[other_id]
            other.score = max(other.score or 0.0, score)
        keep = nodes[canonical_index([(n.published, n.chars, n.path) for n in nodes])]
        for n in nodes:
            n.duplicate_of = None if n is keep else keep.id
            batch.links[n.id] = (n.duplicate_of, n.score)  # the canonical keeps its score, for if it is demoted
