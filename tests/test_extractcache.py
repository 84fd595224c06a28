"""The on-disk cache of each article's extraction: a hit skips the extraction and gives the same records."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import geo.pool
from gazetteer import cache as gz_cache
from geo import extract, pipeline
from geo.extract.article import extract_article
from geo.extract.cache import KIND, ExtractionCache, _article_key
from geo.model import Article, CorpusResult
from geo.read.corpus import read_corpus
from geo.theatres import theatre_named


@pytest.fixture()
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the articles the pipeline extracts (it still extracts them)."""
    seen: list[str] = []

    def counting(article: Article, *args: Any, **kwargs: Any) -> Any:
        seen.append(article.id)
        return extract_article(article, *args, **kwargs)

    monkeypatch.setattr(extract, "extract_article", counting)  # the pipeline calls it through geo.extract
    return seen


def records(result: CorpusResult) -> tuple[list[Any], list[Any]]:
    return list(result.events), list(result.distances)


def extraction_files(cache_root: Path) -> list[Path]:
    return sorted(cache_root.glob(f"{KIND}-*/*.pickle"))


def test_a_warm_run_extracts_nothing_and_gives_the_same_records(seed_copy: Path, cache_root: Path, gz: Any,
                                                                calls: list[str]) -> None:
    cold = pipeline.analyse(seed_copy, gazetteer=gz)
    assert len(calls) == len(cold.articles) == 5
    assert len(extraction_files(cache_root)) == 5
    calls.clear()
    warm = pipeline.analyse(seed_copy, gazetteer=gz)
    assert calls == []
    assert records(warm) == records(cold)
    assert cold.events, "the seeds have events"


def test_a_changed_article_is_extracted_again(seed_copy: Path, cache_root: Path, gz: Any, calls: list[str]) -> None:
    pipeline.analyse(seed_copy, gazetteer=gz)
    calls.clear()
    path = sorted(seed_copy.glob("*.txt"))[2]
    path.write_text(path.read_text(encoding="utf-8") + "\nA new closing paragraph.\n", encoding="utf-8")
    again = pipeline.analyse(seed_copy, gazetteer=gz)
    changed = next(a.id for a in again.articles if Path(a.path).name == path.name)
    assert changed in calls
    assert len(calls) < len(again.articles)  # the others are hits (a near-duplicate whose original changed is not)


def test_another_theatre_is_a_miss(seed_copy: Path, cache_root: Path, gz: Any, calls: list[str]) -> None:
    pipeline.analyse(seed_copy, gazetteer=gz)
    calls.clear()
    pipeline.analyse(seed_copy, gazetteer=gz, theatre=theatre_named("syria"))
    assert len(calls) == 5


def test_a_damaged_file_is_extracted_again_with_the_same_records(seed_copy: Path, cache_root: Path, gz: Any,
                                                                 calls: list[str]) -> None:
    cold = pipeline.analyse(seed_copy, gazetteer=gz)
    files = extraction_files(cache_root)
    files[0].write_bytes(files[0].read_bytes()[:40])
    files[1].write_bytes(b"not a pickle")
    calls.clear()
    warm = pipeline.analyse(seed_copy, gazetteer=gz)
    assert len(calls) == 2
    assert records(warm) == records(cold)
    calls.clear()
    pipeline.analyse(seed_copy, gazetteer=gz)
    assert calls == []  # written again


def test_a_file_of_another_key_is_a_miss(seed_copy: Path, cache_root: Path, gz: Any, calls: list[str]) -> None:
    cold = pipeline.analyse(seed_copy, gazetteer=gz)
    files = extraction_files(cache_root)
    files[1].write_bytes(files[0].read_bytes())
    calls.clear()
    warm = pipeline.analyse(seed_copy, gazetteer=gz)
    assert len(calls) == 1
    assert records(warm) == records(cold)


def test_an_unwritable_cache_root_extracts_every_time(seed_copy: Path, tmp_path: Path, gz: Any, calls: list[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setattr("geo.extract.cache.cache_root", lambda: blocker / "cache")
    first = pipeline.analyse(seed_copy, gazetteer=gz)
    second = pipeline.analyse(seed_copy, gazetteer=gz)
    assert len(calls) == 10
    assert records(first) == records(second)


def test_a_new_code_version_removes_the_older_folder(seed_copy: Path, cache_root: Path, gz: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    pipeline.analyse(seed_copy, gazetteer=gz)
    (old,) = cache_root.glob(f"{KIND}-*")
    monkeypatch.setattr("geo.extract.cache.code_version", lambda gazetteer: "0" * 20)
    pipeline.analyse(seed_copy, gazetteer=gz)
    assert [p.name for p in cache_root.glob(f"{KIND}-*")] == [f"{KIND}-{'0' * 20}"]
    assert not old.exists()


def test_a_gazetteer_without_fingerprint_is_not_cached(gz: Any) -> None:
    class Unnamed:
        store = type("Store", (), {"fingerprint": None})()

    assert ExtractionCache.for_gazetteer(Unnamed()).folder is None  # type: ignore[arg-type]


def test_cache_clear_clears_the_extractions(seed_copy: Path, cache_root: Path, gz: Any) -> None:
    pipeline.analyse(seed_copy, gazetteer=gz)
    assert any(e.kind == KIND for e in gz_cache.entries())
    gz_cache.clear()
    assert extraction_files(cache_root) == []


@pytest.mark.parametrize("theatre", [None, "syria"])
def test_a_pool_of_workers_gives_the_records_of_one_process(seed_copy: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            theatre: str | None) -> None:
    chosen = theatre_named(theatre) if theatre else None
    pools: list[int | None] = []
    pipeline_pool = geo.pool.map_batches

    def pooled(func: Any, batches: Any, *, workers: int | None = None, **options: Any) -> Any:
        pools.append(workers)
        return pipeline_pool(func, batches, workers=workers, **options)

    first = sorted(seed_copy.glob("*.txt"))[0]  # a second version of one report: linked while the pool extracts
    (seed_copy / "zz_update.txt").write_text(first.read_text(encoding="utf-8") + "\nThe fighting went on overnight, "
                                             "residents said.\n", encoding="utf-8")
    monkeypatch.setattr(geo.pool, "map_batches", pooled)
    monkeypatch.setattr(pipeline, "worker_count", lambda requested, batches: (2, None))
    monkeypatch.setenv(gz_cache.CACHE_ENV, str(tmp_path / "alone"))
    alone = pipeline.analyse(seed_copy, theatre=chosen)
    assert pools == []  # six misses: below the pool's threshold, extracted in this process
    monkeypatch.setattr(pipeline, "POOL_MIN_MISSES", 2)
    monkeypatch.setenv(gz_cache.CACHE_ENV, str(tmp_path / "pooled"))
    two = pipeline.analyse(seed_copy, theatre=chosen)
    assert pools == [2]
    assert records(two) == records(alone) and len(alone.events) > 10
    assert two.articles == alone.articles and two.warnings == alone.warnings
    update = next(a for a in two.articles if a.path.endswith("zz_update.txt"))
    assert update.duplicate_of == next(a.id for a in two.articles if a.path == str(first))
    assert any(e.duplicate_of for e in two.events if e.article == update.id)  # its events link to the first's
    assert len(extraction_files(tmp_path / "pooled")) == len(extraction_files(tmp_path / "alone")) == 6


def test_the_extraction_does_not_read_the_near_duplicate_link(gz: Any) -> None:
    """The cache key leaves ``duplicate_of`` out, so an article is looked up before the near-duplicate search."""
    articles = read_corpus(Path(__file__).resolve().parent.parent / "seeds")[0]
    for article in articles:
        linked = replace(article, duplicate_of="0123456789abcdef")
        assert extract_article(linked, gz) == replace(extract_article(article, gz), article=linked)
        assert _article_key(linked, None) == _article_key(article, None)
        assert _article_key(replace(article, source="Another outlet"), None) != _article_key(article, None)
