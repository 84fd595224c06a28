"""An LSH index of MinHash signatures that grows during an ingest (see :mod:`geo.read.dedup`).

Each indexed article has 32 band keys (:func:`band_keys`). The main part of the index is
one sorted array over all bands: entry ``band << 59 | key >> 5`` with the full key and the
article's position alongside, so a query finds the entries of all 32 bands with two
vectorised binary searches and then compares full keys (the 5 dropped bits cannot make a
false match). Articles added since the last merge (the recent part) are found through a
dict from ``(band, key)`` to positions; they are merged into the sorted array when there
are ``merge_at`` of them, by insertion (linear time). Signatures and shingle counts are
kept in growing numpy arrays, so a query's estimated containments take no Python loop.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from geo.read.dedup import GATE_MARGIN, THRESHOLD, band_keys, estimates

__all__ = ["SignatureIndex"]

_BANDS = 32
_TAGS = np.arange(_BANDS, dtype=np.uint64) << np.uint64(59)  # band number in the top 5 bits
_LOW = np.uint64(5)


def _tagged(keys: np.ndarray) -> np.ndarray:
    """Return the sort keys of band keys (shape (..., 32)): the band in the top 5 bits, the key's top 59 below."""
    return _TAGS | (keys >> _LOW)


def _exact(keys: np.ndarray) -> list[int]:
    """Return the recent part's dict keys for one row of band keys: ``band << 64 | key``."""
    return [band << 64 | key for band, key in enumerate(keys.tolist())]


class SignatureIndex:
    """LSH index of signatures by band key: a sorted main part plus a small recent part.

    Parameters
    ----------
    merge_at : int
        The recent part is merged into the sorted main part when it has this many rows.
    """

    def __init__(self, merge_at: int = 2048) -> None:
        self._merge_at = merge_at
        self._ids: list[str] = []  # by position: insertion order
        self._sigs = np.zeros((0, 128), dtype=np.uint64)
        self._counts = np.zeros(0, dtype=np.int64)  # shingle counts, -1 when unknown
        self._keys = np.zeros((0, _BANDS), dtype=np.uint64)
        self._main = 0  # positions below this are in the sorted arrays
        self._tag = np.zeros(0, dtype=np.uint64)  # sorted sort keys of every (position, band)
        self._full = np.zeros(0, dtype=np.uint64)  # their full band keys
        self._pos = np.zeros(0, dtype=np.int64)  # their positions
        self._recent: dict[int, list[int]] = {}  # band << 64 | key -> positions at or above _main

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, article_id: str, signature: np.ndarray, count: int | None = None,
            keys: np.ndarray | None = None) -> None:
        """Index one article's signature (and its shingle count, to estimate containment).

        *keys* are its :func:`geo.read.dedup.band_keys`, when already computed.
        """
        signature = np.asarray(signature, dtype=np.uint64).reshape(1, -1)
        keys = band_keys(signature) if keys is None else np.asarray(keys, dtype=np.uint64).reshape(1, -1)
        position = len(self._ids)
        self._append([article_id], signature, np.array([-1 if count is None else int(count)]), keys)
        for exact in _exact(keys[0]):
            self._recent.setdefault(exact, []).append(position)
        if len(self._ids) - self._main >= self._merge_at:
            self._merge()

    def extend(self, ids: list[str], signatures: np.ndarray, counts: Sequence[int] | None = None) -> None:
        """Index many signatures at once (rows of ``signatures``, in the order of ``ids``).

        They go straight into the sorted main part (with any recent rows), in one vectorised merge.
        """
        signatures = np.asarray(signatures, dtype=np.uint64).reshape(len(ids), -1)
        sizes = np.full(len(ids), -1) if counts is None else np.array([int(c) for c in counts], dtype=np.int64)
        self._append(list(ids), signatures, sizes, band_keys(signatures))
        self._merge()

    def _append(self, ids: list[str], signatures: np.ndarray, counts: np.ndarray, keys: np.ndarray) -> None:
        n, k = len(self._ids), len(ids)
        if n + k > len(self._sigs):  # grow the arrays by doubling
            size = max(n + k, 2 * len(self._sigs), 64)
            self._sigs = _grown(self._sigs, n, size)
            self._counts = _grown(self._counts, n, size)
            self._keys = _grown(self._keys, n, size)
        self._sigs[n:n + k], self._counts[n:n + k], self._keys[n:n + k] = signatures, counts, keys
        self._ids += ids

    def _merge(self) -> None:
        """Insert the recent rows' entries into the sorted main arrays."""
        start, stop = self._main, len(self._ids)
        if stop == start:
            return
        keys = self._keys[start:stop]
        tag = _tagged(keys).ravel()
        order = np.argsort(tag, kind="stable")
        tag, full = tag[order], keys.ravel()[order]
        pos = (np.arange(start, stop, dtype=np.int64).repeat(_BANDS))[order]
        at = np.searchsorted(self._tag, tag, "right")
        self._tag = np.insert(self._tag, at, tag)
        self._full = np.insert(self._full, at, full)
        self._pos = np.insert(self._pos, at, pos)
        self._main = stop
        self._recent.clear()

    def _matches(self, keys: np.ndarray) -> np.ndarray:
        """Positions (sorted, unique) of the indexed rows that share a band key with *keys*."""
        rows = [self._recent.get(exact, ()) for exact in _exact(keys)]
        found = [np.array([p for hits in rows for p in hits], dtype=np.int64)]
        if self._main:
            tag = _tagged(keys)
            lo = np.searchsorted(self._tag, tag, "left")
            size = np.searchsorted(self._tag, tag, "right") - lo
            hit = np.flatnonzero(size)
            if hit.size:  # every entry of every band range: lo[b], lo[b] + 1, ... lo[b] + size[b] - 1
                sizes = size[hit]
                at = np.arange(sizes.sum()) + np.repeat(lo[hit] - (np.cumsum(sizes) - sizes), sizes)
                bands = np.repeat(hit, sizes)
                found.append(self._pos[at[self._full[at] == keys[bands]]])
        return np.unique(np.concatenate(found))

    def candidates(self, signature: np.ndarray, count: int | None = None, limit: int | None = None,
                   keys: np.ndarray | None = None) -> set[str]:
        """Ids of indexed articles that share an LSH band with the signature.

        With the text's shingle *count*, candidates of known count whose estimated
        containment is ``GATE_MARGIN`` or more below ``THRESHOLD`` are left out, and with
        *limit* only that many are kept, the highest estimates first (ties: the earlier
        indexed first; a report syndicated a hundred times is still linked to all its
        copies through the ones kept, and the work per article stays bounded as the store
        grows). *keys* are the signature's :func:`geo.read.dedup.band_keys`, when already computed.
        """
        mine = np.asarray(signature, dtype=np.uint64).reshape(1, -1)
        keys = band_keys(mine)[0] if keys is None else np.asarray(keys, dtype=np.uint64).reshape(-1)
        found = self._matches(keys)
        if count is not None and found.size:
            known = self._counts[found]
            estimate = estimates(self._sigs[found], known, mine, np.full_like(known, count))
            keep = (known < 0) | (estimate >= THRESHOLD - GATE_MARGIN)
            found, estimate = found[keep], np.where(known[keep] < 0, 1.0, estimate[keep])
            if limit is not None and found.size > limit:
                found = found[np.argsort(-estimate, kind="stable")[:limit]]
        return {self._ids[i] for i in found.tolist()}


def _grown(array: np.ndarray, used: int, size: int) -> np.ndarray:
    """Return a copy of *array* with room for *size* rows (its first *used* rows kept)."""
    out = np.zeros((size, *array.shape[1:]), dtype=array.dtype)
    out[:used] = array[:used]
    return out
