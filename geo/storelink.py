"""Linking each newly extracted batch to the near-duplicates already in an event store.

For every new article: candidates from the LSH index (stored and earlier new articles),
containment checked exactly (re-reading a stored article's file) or estimated when the
file is gone, then the whole group is re-decided: the canonical version is the earliest
dated, then longest, then last by path (as :func:`geo.dedup.link_near_duplicates`), and
every other member points at it. The changes go into the batch's ``links``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from geo.corpus import read_article
from geo.dedup import (
    THRESHOLD,
    SignatureIndex,
    canonical_index,
    containment,
    estimated_containment,
    fingerprint,
    shingle_hashes,
)
from geo.extract import ArticleExtraction
from geo.store import EventStore
from geo.storeio import ArticlePrint, Batch

__all__ = ["Linker", "Prints", "CANDIDATES_PER_ARTICLE"]

#: Article id -> (MinHash signature, sorted shingle hashes), as :func:`geo.dedup.fingerprint`
#: returns them (computed by the worker that read the article).
Prints = Mapping[str, tuple[np.ndarray, np.ndarray]]

#: At most this many stored articles (the most similar by their signatures) are checked
#: exactly against each new one.
CANDIDATES_PER_ARTICLE = 8


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
    """Near-duplicate state of one ingest: the signature index and the batch being linked."""

    def __init__(self, store: EventStore) -> None:
        self.store = store
        self._index: SignatureIndex | None = None
        self._pending: dict[str, _Node] = {}
        self._words: dict[str, int] = {}  # word hashes, shared by every text of this ingest

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

    def link(self, results: list[ArticleExtraction], batch: Batch, prints: Prints | None = None) -> None:
        """Record each article's print and link it to its near-duplicates, in order.

        Fingerprints missing from `prints` are computed here.
        """
        meta_hash = {s.article: s.meta_hash for s in batch.sources}
        for ex in results:
            a = ex.article
            given = prints.get(a.id) if prints else None
            signature, shingles = given if given is not None else fingerprint(a.text, self._words)
            batch.prints[a.id] = ArticlePrint(signature.tobytes(), int(shingles.size), meta_hash.get(a.id, ""))
            node = _Node(a.id, a.path, a.published, len(a.text), None, None, signature, int(shingles.size), shingles)
            self._pending[a.id] = node
            matched = {}
            candidates = self.index.candidates(signature, int(shingles.size), limit=CANDIDATES_PER_ARTICLE)
            for other_id in sorted(candidates - {a.id}):
                other = self._node(other_id)
                score = self._score(node, other) if other else 0.0
                if score >= THRESHOLD:
                    matched[other_id] = score
            if matched:
                self._group(node, matched, batch)
            self.index.add(a.id, signature, int(shingles.size))

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

    def _score(self, a: _Node, b: _Node) -> float:
        for node in (a, b):
            if node.shingles is None:
                article, _ = read_article(Path(node.path))
                if article is not None and article.id == node.id:
                    node.shingles = shingle_hashes(article.text, self._words)
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
            batch.links[n.id] = (n.duplicate_of, n.score if n.duplicate_of else None)
