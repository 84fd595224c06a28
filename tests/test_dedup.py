"""Tests of geo.dedup: near-duplicate linking of articles in memory, and the fingerprints the store keeps."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import numpy as np

from geo import dedup
from geo.corpus import article_id, read_corpus
from geo.dedup import (
    SignatureIndex,
    containment,
    estimated_containment,
    fingerprint,
    link_near_duplicates,
    near_duplicate_links,
    shingle_hashes,
)
from geo.model import Article

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
