"""Near-duplicate articles: two versions of one report.

Two articles are near-duplicates when the share of the smaller one's 5-word shingles found
in the other, the *containment*, is at least :data:`THRESHOLD`. Each text's shingles are
hashed to 64 bits and summarised by a 128-value MinHash signature; LSH with 64 bands of 2
rows proposes candidate pairs; each candidate is checked exactly.

Two ways in:

* :func:`link_near_duplicates` / :func:`near_duplicate_links` for articles held in memory
  (``geo.corpus.read_corpus``);
* :func:`fingerprint`, :class:`SignatureIndex`, :func:`containment` and
  :func:`estimated_containment` for linking that grows with an event store
  (``geo.storelink``): stored articles are known by their signature alone, and when a
  stored article's file is gone, containment is estimated from the signatures and the
  stored shingle counts.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np

from geo.model import Article

__all__ = [
    "THRESHOLD", "shingle_hashes", "fingerprint", "containment", "estimated_containment",
    "near_duplicate_links", "apply_links", "link_near_duplicates", "SignatureIndex",
]

#: Minimum containment for two articles to be versions of one report.
THRESHOLD = 0.6

_WORD = re.compile(r"\w+")
_SHINGLE = 5
_BANDS, _ROWS = 64, 2
_MASK = (1 << 64) - 1
_rng = np.random.default_rng(20241129)
_PERM_A = _rng.integers(1, 2**63, size=_BANDS * _ROWS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_PERM_B = _rng.integers(0, 2**63, size=_BANDS * _ROWS, dtype=np.uint64)
_MINHASH_BLOCK = 1 << 15  # shingles hashed at once: 128 x 32768 x 8 bytes = 32 MB
_POWERS = np.array([pow(0x9E3779B97F4A7C15, _SHINGLE - 1 - i, 1 << 64) for i in range(_SHINGLE)], dtype=np.uint64)


# --------------------------------------------------------------------------- fingerprints
def shingle_hashes(text: str, cache: dict[str, int] | None = None) -> np.ndarray:
    r"""Return the sorted unique 64-bit hashes of the text's 5-word shingles.

    Parameters
    ----------
    text : str
        Any text. Words are NFKC-casefolded ``\w+`` runs; a text of fewer than 5 words is
        one shingle, a text without words has none.
    cache : dict of str to int, optional
        Word hashes computed so far; filled in place (share it across many texts).

    Returns
    -------
    numpy.ndarray
        uint64 hashes, sorted, unique.
    """
    cache = {} if cache is None else cache
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


def fingerprint(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Return the MinHash signature (little-endian uint64[128]) and the sorted shingle hashes of a text."""
    shingles = shingle_hashes(text)
    return _minhash(shingles).astype("<u8"), shingles


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


# --------------------------------------------------------------------------- articles in memory
def _candidate_pairs(signatures: np.ndarray) -> set[tuple[int, int]]:
    """Pairs of articles (rows of signatures) that agree on every row of an LSH band."""
    pairs: set[tuple[int, int]] = set()
    band_keys = _band_keys(signatures)
    for band in range(_BANDS):
        keys = band_keys[:, band]
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


def _scored_pairs(articles: Sequence[Article], threshold: float) -> list[tuple[int, int, float]]:
    """Candidate pairs whose exact containment is at least threshold, with that containment."""
    cache: dict[str, int] = {}
    signatures = np.array([_minhash(shingle_hashes(a.text, cache)) for a in articles], dtype=np.uint64)
    pairs = _candidate_pairs(signatures.reshape(len(articles), -1))
    shingles = {i: shingle_hashes(articles[i].text, cache) for pair in pairs for i in pair}
    out = []
    for a, b in sorted(pairs):
        if articles[a].id == articles[b].id or not shingles[a].size or not shingles[b].size:
            continue
        score = containment(shingles[a], shingles[b])
        if score >= threshold:
            out.append((a, b, score))
    return out


def near_duplicate_links(
    articles: Sequence[Article], threshold: float = THRESHOLD
) -> dict[int, tuple[int, float]]:
    """Find near-duplicates among articles; see :func:`link_near_duplicates` for the rule.

    Parameters
    ----------
    articles : Sequence[Article]
        Articles with distinct ids.
    threshold : float, default THRESHOLD
        Minimum containment, between 0 and 1.

    Returns
    -------
    dict of int to (int, float)
        For the index of each duplicate: the index of its canonical version and the best
        containment the duplicate reached with any member of its group.
    """
    if len(articles) < 2:
        return {}
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    scores: dict[int, float] = {}
    for a, b, score in _scored_pairs(articles, threshold):
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


def apply_links(articles: Sequence[Article], links: Mapping[int, tuple[int, float]]) -> list[Article]:
    """Set ``duplicate_of`` on each linked article (links as from :func:`near_duplicate_links`).

    Parameters
    ----------
    articles : Sequence[Article]
        The articles the links index.
    links : Mapping[int, tuple[int, float]]
        Index of a duplicate -> (index of its canonical version, containment).

    Returns
    -------
    list of Article
        The articles in the same order; unlinked ones unchanged.
    """
    return [a if i not in links else replace(a, duplicate_of=articles[links[i][0]].id)
            for i, a in enumerate(articles)]


def link_near_duplicates(articles: Sequence[Article], *, threshold: float = THRESHOLD) -> list[Article]:
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
    threshold : float, default THRESHOLD (0.6)
        Minimum containment, between 0 and 1.

    Returns
    -------
    list of Article
        The articles in the same order; those not found to be duplicates are unchanged.
    """
    return apply_links(articles, near_duplicate_links(articles, threshold))


# --------------------------------------------------------------------------- an index that grows
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
