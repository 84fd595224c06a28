"""Tests of geo.read.dedup: near-duplicate linking of articles in memory, and the fingerprints the store keeps."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.model import Article
from geo.read import dedup
from geo.read.corpus import article_id, read_corpus
from geo.read.dedup import (
    containment,
    estimated_containment,
    fingerprint,
    link_near_duplicates,
    near_duplicate_links,
    shingle_hashes,
)
from geo.read.sigindex import SignatureIndex

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def make(path: str, text: str, published: dt.date | None = None) -> Article:
    return Article(article_id(text), path, published, None, None, None, text)


def test_unrelated_seed_articles_are_not_linked_even_at_a_low_threshold() -> None:
    articles, _ = read_corpus(SEEDS)
    others = [a for a in articles if Path(a.path).name[:3] in ("000", "003", "004")]
    assert all(a.duplicate_of is None for a in link_near_duplicates(others, threshold=0.2))


REPORT = [
    "Turkish-backed factions said on Sunday they had taken the town of Tal Rifaat from Kurdish-led forces.",
    "The Syrian Democratic Forces said its fighters were withdrawing civilians from the area north of Aleppo.",
    "A commander told reporters that clashes continued near the Menagh air base late into the night.",
    "Thousands of displaced families were seen leaving on the road towards Tabqa and Raqqa.",
    "The United Nations said it was alarmed by reports of civilian casualties in the countryside.",
]


def test_reordered_version_with_an_added_line_is_linked_to_the_earlier_report() -> None:
    original = make("x/a.txt", "\n".join(REPORT), dt.date(2024, 12, 1))
    update = make("x/b.txt", "\n".join([REPORT[2], REPORT[0], "Officials gave no casualty figures.",
                                        REPORT[1], REPORT[4], REPORT[3]]), dt.date(2024, 12, 2))
    unrelated = make("x/c.txt", "Israel struck weapons depots near the port of Tartus overnight, "
                                "a war monitor said, citing sources on the ground.", dt.date(2024, 12, 2))
    out = link_near_duplicates([original, update, unrelated])
    assert out[0].duplicate_of is None and out[1].duplicate_of == original.id and out[2].duplicate_of is None
    assert out[1].text == update.text and out[1].id == update.id


def test_canonical_choice_by_date_then_length_then_name() -> None:
    long_text = "\n".join(REPORT)
    short_text = "\n".join(REPORT[:4])
    undated = make("d.txt", long_text + " Extra.", None)
    dated = make("e.txt", short_text, dt.date(2024, 12, 5))
    out = link_near_duplicates([undated, dated])
    assert out[0].duplicate_of == dated.id and out[1].duplicate_of is None
    same_day_long = make("a.txt", long_text, dt.date(2024, 12, 5))
    out = link_near_duplicates([same_day_long, dated])
    assert out[1].duplicate_of == same_day_long.id and out[0].duplicate_of is None


def test_threshold_controls_linking() -> None:
    half = make("a.txt", "\n".join(REPORT[:2]), dt.date(2024, 12, 1))
    mixed = make("b.txt", "\n".join(REPORT[:1] + ["Hama and Homs were quiet, residents said by phone."] * 1
                                     + ["The army sent reinforcements down the M5 motorway towards Hama."]),
                 dt.date(2024, 12, 2))
    assert link_near_duplicates([half, mixed], threshold=0.9)[1].duplicate_of is None
    assert link_near_duplicates([half, mixed], threshold=0.2)[1].duplicate_of == half.id




def test_shingles_ignore_case_and_unicode_width_and_short_texts_are_one_shingle() -> None:
    assert np.array_equal(shingle_hashes("Rebels took Saraqeb from the army"),
                          shingle_hashes("REBELS  took\nＳaraqeb from THE army"))
    assert shingle_hashes("Rebels took Saraqeb from the army").size == 2  # 6 words: two 5-word shingles
    assert shingle_hashes("Saraqeb fell").size == 1
    assert shingle_hashes(" ... ").size == 0
    cache: dict[str, int] = {}
    first = shingle_hashes("\n".join(REPORT), cache)
    assert cache and np.array_equal(first, shingle_hashes("\n".join(REPORT), cache))


def test_exact_and_estimated_containment_of_a_shortened_version() -> None:
    full, part = "\n".join(REPORT), "\n".join(REPORT[:3])
    (sig_full, sh_full), (sig_part, sh_part) = fingerprint(full), fingerprint(part)
    assert sig_full.dtype == np.dtype("<u8") and sig_full.shape == (128,)
    assert containment(sh_part, sh_full) == 1.0
    assert containment(sh_part, np.zeros(0, dtype=np.uint64)) == 0.0
    assert abs(estimated_containment(sig_part, sh_part.size, sig_full, sh_full.size) - 1.0) < 0.2
    other_sig, other_sh = fingerprint("Israel struck weapons depots near the port of Tartus overnight, "
                                      "a war monitor said, citing sources on the ground.")
    assert estimated_containment(sig_part, sh_part.size, other_sig, other_sh.size) < 0.2


_SHINGLE_SET = st.lists(st.sampled_from([0, 1, 2, 3, 5, 8, 2**40, 2**63, 2**64 - 1]), min_size=1, max_size=9)


@settings(max_examples=200, deadline=None)
@given(sets=st.lists(_SHINGLE_SET, min_size=2, max_size=6), data=st.data())
def test_containments_of_many_pairs_are_those_of_each_pair(sets, data) -> None:
    shingles = [np.unique(np.array(s, dtype=np.uint64)) for s in sets]
    every = [(a, b) for a in range(len(sets)) for b in range(a + 1, len(sets))]
    pairs = data.draw(st.lists(st.sampled_from(every), min_size=1, unique=True))
    assert dedup._containments(shingles, pairs) == [containment(shingles[a], shingles[b]) for a, b in pairs]


def test_containments_count_the_shared_shingles_of_the_smaller_set() -> None:
    shingles = [np.array(s, dtype=np.uint64) for s in ([1, 2, 3, 4], [3, 4, 9], [1, 2, 3, 4, 5, 6, 7, 8], [10])]
    assert dedup._containments(shingles, [(0, 1), (0, 2), (1, 2), (0, 3), (2, 3)]) == [2 / 3, 1.0, 2 / 3, 0.0, 0.0]


def test_links_carry_the_canonical_index_and_the_containment() -> None:
    original = make("a.txt", "\n".join(REPORT), dt.date(2024, 12, 1))
    shorter = make("b.txt", "\n".join(REPORT[:3]), dt.date(2024, 12, 2))
    assert near_duplicate_links([original, shorter]) == {1: (0, 1.0)}
    assert near_duplicate_links([original]) == {}


def test_signature_index_finds_a_version_before_and_after_merging() -> None:
    versions = {"full": "\n".join(REPORT), "part": "\n".join(REPORT[1:]),
                "other": "Israel struck weapons depots near the port of Tartus overnight, a war monitor said."}
    sigs = {k: fingerprint(v)[0] for k, v in versions.items()}
    for merge_at in (1, 100):  # 1: every signature merged into the sorted part; 100: all stay recent
        index = SignatureIndex(merge_at=merge_at)
        index.add("full", sigs["full"])
        index.add("other", sigs["other"])
        assert len(index) == 2
        assert index.candidates(sigs["part"]) == {"full"}
    bulk = SignatureIndex()
    bulk.extend(["full", "other"], np.vstack([sigs["full"], sigs["other"]]))
    assert bulk.candidates(sigs["part"]) == {"full"}


BOILERPLATE = ("The war in Syria began in 2011 with a crackdown on protests against President Bashar al-Assad "
               "and has killed more than half a million people. Russia and Iran, Assad's main allies, have been "
               "stretched by conflicts elsewhere, analysts say, and Turkey backs several armed factions in the north.")


def _story(rng: random.Random) -> str:
    words = ["rebels", "army", "town", "road", "shelling", "convoy", "villagers", "monitor", "officials", "airstrike",
             "hospital", "bridge", "checkpoint", "market", "refugees", "aid", "talks", "ceasefire", "drones", "hills"]
    return " ".join(rng.choice(words) + str(rng.randrange(1000)) for _ in range(90))


def test_articles_sharing_only_boilerplate_are_neither_linked_nor_many_candidates() -> None:
    rng = random.Random(7)
    articles = [make(f"{i:03}.txt", f"{_story(rng)}\n{BOILERPLATE}", dt.date(2024, 12, 1)) for i in range(300)]
    assert all(a.duplicate_of is None for a in link_near_duplicates(articles))
    signatures = np.vstack([fingerprint(a.text)[0] for a in articles])
    # with 2-row bands 35,449 of the 44,850 pairs were candidates: the work grew with N squared
    assert len(dedup._candidate_pairs(signatures)) < len(articles)


def test_index_keeps_the_most_similar_candidates_first_when_limited() -> None:
    full = "\n".join(REPORT)
    versions = {"same": full, "most": "\n".join(REPORT[:4]), "less": "\n".join(REPORT[:3] + [BOILERPLATE])}
    index = SignatureIndex()
    for name, text in versions.items():
        sig, shingles = fingerprint(text)
        index.add(name, sig, int(shingles.size))
    sig, shingles = fingerprint(full)
    assert index.candidates(sig, int(shingles.size), limit=1) == {"same"}
    assert index.candidates(sig, int(shingles.size), limit=2) == {"same", "most"}


class _Stored:
    """What an index was given, in order: the reference is a brute-force scan of it.

    Without a shingle count a candidate is, by definition, an indexed article that shares one of
    the 32 LSH band keys with the query (the same band): checked here article by article, which is
    obviously right and slow. The count gate and the limit are checked as properties of the answer.
    """

    def __init__(self) -> None:
        self.rows: list[tuple[str, np.ndarray, int]] = []

    def add(self, article_id: str, signature: np.ndarray, count: int | None = None) -> None:
        self.rows.append((article_id, np.asarray(signature, dtype=np.uint64), -1 if count is None else int(count)))

    def sharing_a_band(self, signature: np.ndarray) -> set[str]:
        mine = dedup.band_keys(signature.reshape(1, -1))[0]
        return {i for i, sig, _ in self.rows if (dedup.band_keys(sig.reshape(1, -1))[0] == mine).any()}

    def estimate(self, article_id: str, signature: np.ndarray, count: int) -> float:
        """The containment estimate the gate and the limit go by (1.0 for an article of unknown count)."""
        _, sig, known = next(r for r in self.rows if r[0] == article_id)
        if known < 0:
            return 1.0
        return float(dedup.estimates(sig[None, :], np.array([known]), signature[None, :], np.array([count]))[0])


def check_candidates(index: SignatureIndex, stored: _Stored, query: np.ndarray, count: int | None,
                     limit: int | None) -> None:
    shared = stored.sharing_a_band(query)
    assert index.candidates(query) == shared
    if count is None:
        assert index.candidates(query, None, limit) == shared  # the limit needs the estimates
        return
    gate = dedup.THRESHOLD - dedup.GATE_MARGIN
    gated = {i for i in shared if stored.estimate(i, query, count) >= gate}
    assert index.candidates(query, count) == gated
    if limit is None:
        return
    kept = index.candidates(query, count, limit)
    assert kept <= gated and len(kept) == min(limit, len(gated))
    order = [i for i, _, _ in stored.rows]
    rank = {i: (-stored.estimate(i, query, count), order.index(i)) for i in gated}
    assert sorted(kept, key=rank.get) == sorted(gated, key=rank.get)[:len(kept)]  # highest, then earliest


def _signature(base: np.ndarray, entry: tuple) -> np.ndarray:
    """A variant of base: value i XOR v for each tweak, then every band's last row XOR spoil.

    Changing a band's last row only changes the low bits of its key, so a small spoil makes
    every band key differ from base's in its lowest 5 bits alone.
    """
    _, tweaks, _, spoil = entry
    sig = base.copy()
    for i, v in tweaks:
        sig[i] ^= np.uint64(v)
    sig[3::4] ^= np.uint64(spoil)
    return sig


_U64 = st.integers(0, 2**64 - 1)
_TWEAK = st.tuples(st.integers(0, 127), st.sampled_from([1, 2, 16, 31, 32, 1 << 40, 2**63, 2**64 - 1]))
_ENTRY = st.tuples(st.integers(0, 2), st.lists(_TWEAK, max_size=40), st.one_of(st.none(), st.integers(0, 600)),
                   st.sampled_from([0, 0, 1, 2, 16, 31, 32]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bases=st.lists(st.lists(_U64, min_size=128, max_size=128), min_size=3, max_size=3),
       stored=st.lists(_ENTRY, max_size=30), added=st.lists(_ENTRY, max_size=30),
       queries=st.lists(st.tuples(_ENTRY, st.one_of(st.none(), st.integers(1, 4))), min_size=1, max_size=6),
       merge_at=st.sampled_from([1, 2, 5, 2048]))
def test_signature_index_finds_the_articles_sharing_a_band(bases, stored, added, queries, merge_at) -> None:
    base = [np.array(b, dtype=np.uint64) for b in bases]
    index, given_ = SignatureIndex(merge_at=merge_at), _Stored()
    if stored:  # what the store holds, indexed at once; unknown counts where the entry has none
        sigs = np.vstack([_signature(base[e[0]], e) for e in stored])
        counts = [-1 if e[2] is None else e[2] for e in stored]
        index.extend([f"s{i}" for i in range(len(stored))], sigs, counts)
        for i, (sig, c) in enumerate(zip(sigs, counts, strict=True)):
            given_.add(f"s{i}", sig, None if c < 0 else c)
    for i, entry in enumerate(added):  # then the new articles, one by one, queried as they come
        sig, count = _signature(base[entry[0]], entry), entry[2]
        for q, limit in queries:
            check_candidates(index, given_, _signature(base[q[0]], q), q[2], limit)
        check_candidates(index, given_, sig, count, 3)
        index.add(f"a{i}", sig, count)
        given_.add(f"a{i}", sig, count)
    assert len(index) == len(stored) + len(added)
    for q, limit in queries:
        check_candidates(index, given_, _signature(base[q[0]], q), q[2], limit)


def test_signature_index_finds_versions_of_seed_and_wire_texts() -> None:
    """Real texts: the seeds and generated versions of them (lines dropped, added, reordered)."""
    articles, _ = read_corpus(SEEDS)
    rng = random.Random(11)
    texts = []
    for a in articles:
        lines = a.text.splitlines()
        texts += [a.text, "\n".join(lines[: max(1, len(lines) * 2 // 3)]), "\n".join(rng.sample(lines, len(lines))),
                  a.text + "\n" + BOILERPLATE, _story(rng) + "\n" + BOILERPLATE]
    index, given_ = SignatureIndex(merge_at=4), _Stored()
    for i, text in enumerate(texts):
        sig, shingles = fingerprint(text)
        for limit in (None, 1, 2, 8):
            check_candidates(index, given_, sig, int(shingles.size), limit)
        index.add(str(i), sig, int(shingles.size))
        given_.add(str(i), sig, int(shingles.size))
    sig, shingles = fingerprint(texts[0])
    assert {"0", "1", "2", "3"} <= index.candidates(sig, int(shingles.size))  # the versions of the first seed
    assert "4" not in index.candidates(sig, int(shingles.size))  # another story with the same boilerplate
