"""Near-duplicate linking that grows with an event store (one ingest after another).

The same method as :func:`geo.corpus.link_near_duplicates` (5-word shingles, 128-value
MinHash, LSH with 64 bands of 2 rows, containment >= 0.6), but incremental: stored
articles are known by their signature alone, kept in a :class:`SignatureIndex` that new
articles are queried against. A candidate pair is checked exactly when both texts are at
hand (the stored article's file is re-read); when the file is gone, containment is
estimated from the signatures and the stored shingle counts.
"""

from __future__ import annotations

import numpy as np

from geo import corpus

__all__ = ["fingerprint", "SignatureIndex", "containment", "estimated_containment", "THRESHOLD"]

#: Minimum containment for two articles to be versions of one report.
THRESHOLD = 0.6
_BANDS, _ROWS = corpus._BANDS, corpus._ROWS


def fingerprint(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Return the MinHash signature (uint64[128]) and the sorted shingle hashes of a text."""
    shingles = corpus._shingles(text, {})
    return corpus._minhash(shingles).astype("<u8"), shingles


def _band_keys(signatures: np.ndarray) -> np.ndarray:
    """One 64-bit key per LSH band and row of signatures: shape (n, bands)."""
    sig = signatures.reshape(len(signatures), _BANDS, _ROWS)
    keys = sig[:, :, 0].copy()
    for row in range(1, _ROWS):
        keys = keys * np.uint64(0x100000001B3) ^ sig[:, :, row]
    return keys


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the smaller shingle set found in the other (0 when either is empty)."""
    small = min(a.size, b.size)
    return np.intersect1d(a, b, assume_unique=True).size / small if small else 0.0


def estimated_containment(sig_a: np.ndarray, n_a: int, sig_b: np.ndarray, n_b: int) -> float:
    """Containment estimated from MinHash signatures and set sizes (Jaccard J -> J(|A|+|B|)/((1+J)min))."""
    if not n_a or not n_b:
        return 0.0
    jaccard = float(np.mean(sig_a == sig_b))
    return min(1.0, jaccard * (n_a + n_b) / ((1 + jaccard) * min(n_a, n_b)))


class SignatureIndex:
    """LSH index of signatures by band key: a sorted main part plus a small recent part.

    Queries binary-search the main part band by band and compare the recent part
    directly; the recent part is merged into the main part when it grows past
    ``merge_at`` rows, so adding n signatures costs O(n log n) overall.
    """

    def __init__(self, merge_at: int = 2048) -> None:
        self._merge_at = merge_at
        self._ids: list[str] = []
        self._keys = np.zeros((0, _BANDS), dtype=np.uint64)
        self._sorted = self._keys.T.copy()
        self._order = np.zeros((_BANDS, 0), dtype=np.int64)
        self._recent_ids: list[str] = []
        self._recent: list[np.ndarray] = []

    def __len__(self) -> int:
        return len(self._ids) + len(self._recent_ids)

    def add(self, article_id: str, signature: np.ndarray) -> None:
        """Index one article's signature."""
        self._recent_ids.append(article_id)
        self._recent.append(_band_keys(signature.reshape(1, -1))[0])
        if len(self._recent) >= self._merge_at:
            self._merge()

    def extend(self, ids: list[str], signatures: np.ndarray) -> None:
        """Index many signatures at once (rows of ``signatures``, in the order of ``ids``)."""
        self._recent_ids += ids
        self._recent += list(_band_keys(signatures))
        self._merge()

    def _merge(self) -> None:
        self._ids += self._recent_ids
        self._keys = np.vstack([self._keys, np.array(self._recent, dtype=np.uint64)])
        self._order = np.argsort(self._keys, axis=0, kind="stable").T.copy()
        self._sorted = np.take_along_axis(self._keys.T, self._order, axis=1)
        self._recent_ids, self._recent = [], []

    def candidates(self, signature: np.ndarray) -> set[str]:
        """Ids of indexed articles that share at least one LSH band with the signature."""
        keys = _band_keys(signature.reshape(1, -1))[0]
        found: set[int] = set()
        if self._ids:
            lo = [np.searchsorted(self._sorted[b], keys[b], "left") for b in range(_BANDS)]
            hi = [np.searchsorted(self._sorted[b], keys[b], "right") for b in range(_BANDS)]
            for b in range(_BANDS):
                found.update(self._order[b, lo[b]:hi[b]].tolist())
        out = {self._ids[i] for i in found}
        if self._recent:
            hits = (np.array(self._recent, dtype=np.uint64) == keys).any(axis=1)
            out.update(self._recent_ids[i] for i in np.flatnonzero(hits))
        return out
