"""Near-duplicate articles: two versions of one report.

Two articles are near-duplicates when the share of the smaller one's 5-word shingles found
in the other, the *containment*, is at least :data:`THRESHOLD`. Each text's shingles are
hashed to 64 bits and summarised by a 128-value MinHash signature; LSH with 32 bands of 4
rows proposes candidate pairs; candidates whose containment, estimated from the signatures,
is far below the threshold are dropped at once; the rest are checked exactly.

Two ways in:

* :func:`link_near_duplicates` / :func:`near_duplicate_links` for articles held in memory
  (``geo.read.corpus.read_corpus``);
* :func:`fingerprint`, :func:`band_keys`, :func:`containment`, :func:`estimated_containment`
  and :func:`estimates` for linking that grows with an event store (``geo.store.link``,
  with the index of :mod:`geo.read.sigindex`): stored articles are known by their signature
  alone, and when a stored article's file is gone, containment is estimated from the
  signatures and the stored shingle counts.
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
    "near_duplicate_links", "apply_links", "link_near_duplicates", "GATE_MARGIN", "canonical_index", "band_keys",
    "estimates",
]

#: Minimum containment for two articles to be versions of one report.
THRESHOLD = 0.6

_WORD = re.compile(r"\w+")
_SHINGLE = 5
_BANDS, _ROWS = 32, 4
#: Candidates whose estimated containment is this far below the threshold are not checked
#: exactly. MinHash with 128 values estimates Jaccard within about 0.05 (one standard
#: deviation), so the margin (three of those) loses no true version; it drops pairs that
#: share only boilerplate.
GATE_MARGIN = 0.15
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


def fingerprint(text: str, cache: dict[str, int] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Return the MinHash signature (little-endian uint64[128]) and the sorted shingle hashes of a text.

    *cache* is as for :func:`shingle_hashes`.
    """
    shingles = shingle_hashes(text, cache)
    return _minhash(shingles).astype("<u8"), shingles


def band_keys(signatures: np.ndarray, rows: int = _ROWS) -> np.ndarray:
    """Return one 64-bit key per LSH band of `rows` signature values, for each signature: shape (n, bands)."""
    sig = signatures.reshape(len(signatures), -1, rows)
    keys = sig[:, :, 0].copy()
    for row in range(1, rows):
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


def estimates(sig_a: np.ndarray, n_a: np.ndarray, sig_b: np.ndarray, n_b: np.ndarray) -> np.ndarray:
    """Return :func:`estimated_containment` of many pairs at once (rows of the arrays; 0 where a set is empty)."""
    jaccard = (sig_a == sig_b).mean(axis=1)
    small = np.minimum(n_a, n_b)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.minimum(1.0, jaccard * (n_a + n_b) / ((1 + jaccard) * small))
    return np.where(small > 0, out, 0.0)


# --------------------------------------------------------------------------- articles in memory
def _candidate_pairs(signatures: np.ndarray, rows: int = _ROWS) -> set[tuple[int, int]]:
    """Pairs of articles (rows of signatures) that agree on every row of an LSH band."""
    pairs: set[tuple[int, int]] = set()
    keyed = band_keys(signatures, rows)
    for band in range(keyed.shape[1]):
        keys = keyed[:, band]
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
        starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1], True])
        for g in np.flatnonzero(np.diff(starts) > 1):
            members = order[starts[g]:starts[g + 1]].tolist()
            pairs.update((a, b) for n, a in enumerate(members) for b in members[n + 1:])
    return pairs


def canonical_index(versions: Sequence[tuple[dt.date | None, int, str]]) -> int:
    """Index of the canonical version among near-duplicates, given ``(published, length, path)`` of each.

    The earliest dated version wins, then the longest, then the last by path.
    """
    by_path = sorted(range(len(versions)), key=lambda i: versions[i][2], reverse=True)
    return min(by_path, key=lambda i: (versions[i][0] is None, versions[i][0] or dt.date.max, -versions[i][1]))


def _scored_pairs(articles: Sequence[Article], threshold: float) -> list[tuple[int, int, float]]:
    """Candidate pairs whose exact containment is at least threshold, with that containment."""
    cache: dict[str, int] = {}
    shingles = [shingle_hashes(a.text, cache) for a in articles]
    signatures = np.array([_minhash(s) for s in shingles], dtype=np.uint64).reshape(len(articles), -1)
    counts = np.array([s.size for s in shingles])
    # 4-row bands find the pairs at the usual threshold; a much lower one needs 2-row bands
    # (many more candidates: fine for a folder, not for an archive).
    pairs = sorted(_candidate_pairs(signatures, _ROWS if threshold >= 0.5 else 2))
    if pairs:
        left, right = np.array(pairs).T
        near = (estimates(signatures[left], counts[left], signatures[right], counts[right])
                >= threshold - GATE_MARGIN).tolist()
        pairs = [p for p, keep in zip(pairs, near, strict=True) if keep]
    kept = [(a, b) for a, b in pairs if articles[a].id != articles[b].id and shingles[a].size and shingles[b].size]
    return [(a, b, score) for (a, b), score in zip(kept, _containments(shingles, kept), strict=True)
            if score >= threshold]


def _containments(shingles: Sequence[np.ndarray], pairs: Sequence[tuple[int, int]]) -> list[float]:
    """Return :func:`containment` of each pair of non-empty shingle sets.

    The shingles of the articles the pairs name are numbered densely (``np.unique``); for each
    first article its numbers are marked in one array, and each second article's count of marked
    numbers is read at once for all its pairs (a gather and a segmented sum, no search).
    """
    if not pairs:
        return []
    sizes = [s.size for s in shingles]
    used = sorted({i for pair in pairs for i in pair})
    _, dense = np.unique(np.concatenate([shingles[i] for i in used]), return_inverse=True)
    ids: dict[int, np.ndarray] = {}
    at = 0
    for i in used:
        ids[i] = dense[at : at + sizes[i]]
        at += sizes[i]
    by_first: dict[int, list[int]] = {}
    for k, (a, _) in enumerate(pairs):
        by_first.setdefault(a, []).append(k)
    out = [0.0] * len(pairs)
    marked = np.zeros(int(dense.max()) + 1, dtype=np.int64)
    for a, ks in by_first.items():
        first = ids[a]
        marked[first] = 1
        seconds = [pairs[k][1] for k in ks]
        lengths = [sizes[b] for b in seconds]
        starts = np.zeros(len(seconds), dtype=np.int64)
        np.cumsum(lengths[:-1], out=starts[1:])
        common = np.add.reduceat(marked[np.concatenate([ids[b] for b in seconds])], starts).tolist()
        marked[first] = 0
        for k, n, size in zip(ks, common, lengths, strict=True):
            out[k] = n / min(sizes[a], size)  # both unique: the size of their intersection
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
        keep = members[canonical_index([(articles[i].published, len(articles[i].text), articles[i].path)
                                        for i in members])]
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
    128-value MinHash signature; LSH with 32 bands of 4 rows proposes as candidates the
    pairs that share a band (the chance is 1 - (1 - J^4)^32 for Jaccard J: 99.9% at 0.7,
    87% at 0.5, 67% at 0.43 = containment 0.6 between texts of one length, 12% at 0.25 =
    containment 0.6 with one text twice the other's length); candidates whose estimated
    containment is ``GATE_MARGIN`` below the threshold are dropped, the rest checked exactly. Time is
    O(total words + N x 128 + candidates); memory is O(total shingles). Texts that share
    only boilerplate (Jaccard 0.1-0.2) are seldom proposed: with 2-row bands they were,
    and the candidates grew with the square of the corpus.

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
