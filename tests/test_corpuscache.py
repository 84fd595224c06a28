"""The cache of read corpus folders: a re-read of an unchanged folder gives the same articles and warnings, a
changed folder is read again, and the cache is optional."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from gazetteer import cache as gz_cache
from geo.read import corpus as corpus_mod
from geo.read.corpus import CORPUS_KIND, read_corpus, start_reading


@pytest.fixture()
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders read from their files (not from the cache)."""
    seen: list[Path] = []
    real = corpus_mod._read_files

    def counting(folder: Path, *args: Any) -> Any:
        seen.append(folder)
        return real(folder, *args)

    monkeypatch.setattr(corpus_mod, "_read_files", counting)
    return seen


def test_a_reread_comes_from_the_cache_with_the_same_articles_and_warnings(seed_copy: Path, cache_root: Path,
                                                                         reads: list[Path]) -> None:
    cold = read_corpus(seed_copy)
    warm = read_corpus(seed_copy)
    assert len(reads) == 1
    assert warm == cold
    assert any(a.duplicate_of for a in warm[0])  # the seeds hold two versions of one report: linked
    assert any("another version of" in w.message for w in warm[1])
    assert list(cache_root.glob(f"{CORPUS_KIND}-*/*.pickle"))


def test_reading_in_two_steps_gives_the_read_and_links_last(seed_copy: Path, cache_root: Path,
                                                            reads: list[Path]) -> None:
    reading = start_reading(seed_copy)
    assert reads == [seed_copy] and not any(a.duplicate_of for a in reading.articles)  # no links yet
    assert not list(cache_root.glob(f"{CORPUS_KIND}-*/*.pickle"))  # cached once linked
    articles, warnings = reading.linked()
    assert reading.linked() == (articles, warnings)  # searched once
    assert [replace(a, duplicate_of=None) for a in articles] == reading.articles
    assert any(a.duplicate_of for a in articles) and any("another version of" in w.message for w in warnings)
    assert read_corpus(seed_copy) == (articles, warnings) and len(reads) == 1  # from the cache, linked
    again = start_reading(seed_copy)
    assert again.articles == articles and again.linked() == (articles, warnings) and len(reads) == 1


@pytest.mark.parametrize("change", ["edit", "add", "remove", "metadata"])
def test_a_changed_folder_is_read_again(seed_copy: Path, cache_root: Path, reads: list[Path], change: str) -> None:
    before, _ = read_corpus(seed_copy)
    first = sorted(seed_copy.glob("*.txt"))[0]
    if change == "edit":
        first.write_text(first.read_text(encoding="utf-8").replace("Damascus", "Aleppo"), encoding="utf-8")
    elif change == "add":
        (seed_copy / "zz_new.txt").write_text("date 2024-12-09\n\nRebels said they had entered Hama on Monday.\n",
                                           encoding="utf-8")
    elif change == "remove":
        first.unlink()
    else:
        meta = seed_copy / "metadata.csv"
        meta.write_text(meta.read_text(encoding="utf-8").replace("2024-12-08", "2024-12-07"), encoding="utf-8")
    after, _ = read_corpus(seed_copy)
    assert len(reads) == 2
    assert after == read_corpus(seed_copy)[0] and len(reads) == 2  # and the new read is cached in turn
    assert after != before
    if change == "add":
        assert any(a.path.endswith("zz_new.txt") and "Hama" in a.text for a in after)


def test_without_a_writable_cache_every_read_reads_the_files(seed_copy: Path, tmp_path: Path, reads: list[Path],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(gz_cache.CACHE_ENV, str(blocker / "cache"))
    assert read_corpus(seed_copy) == read_corpus(seed_copy)
    assert len(reads) == 2


def test_a_folder_larger_than_the_limit_is_not_cached(seed_copy: Path, cache_root: Path, reads: list[Path],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus_mod, "CORPUS_CACHE_MAX_BYTES", 100)
    assert read_corpus(seed_copy) == read_corpus(seed_copy)
    assert len(reads) == 2
    assert not list(cache_root.glob(f"{CORPUS_KIND}-*"))
