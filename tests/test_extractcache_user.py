"""An extraction cached under one user gazetteer serves under another only when neither could change it.

Each test reads a small corpus of three wars, changes the user gazetteer (a place added, an
alternate name given to a packaged place, a division named, the user gazetteer removed), and reads
the corpus again: the articles the change can reach are extracted again, the others are not, and
the records are those a fresh cache gives under the new user gazetteer.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from gazetteer import cache as gz_cache
from gazetteer.imports import add_place, import_geonames
from gazetteer.reach import Reach, recording, user_could_answer
from gazetteer.resolver import Gazetteer, default_gazetteer
from gazetteer.store import load_store
from gazetteer.userstore import user_gazetteer_path
from geo import extract, pipeline
from geo.extract.article import extract_article
from geo.model import Article

ARTICLES = {
    "sudan.txt": (
        "2025-03-27",
        "KHARTOUM, March 27 (Reuters) - Sudan's army said on Thursday it had retaken the presidential palace in "
        "Khartoum from the Rapid Support Forces, after two years of fighting for the capital. The RSF also "
        "withdrew from the village of Tell Qarsuna east of the Nile, residents said, and fighters were seen "
        "leaving towards Omdurman.",
    ),
    "ukraine.txt": (
        "2024-10-02",
        "Russian forces have captured the town of Vuhledar in Donetsk region, the defence ministry in Moscow "
        "said on Wednesday. Ukraine's army said it had withdrawn its units from the town to save the lives of "
        "its soldiers.",
    ),
    "myanmar.txt": (
        "2024-01-16",
        "The Arakan Army said on Monday it had seized the town of Paletwa in Chin State after the last junta "
        "battalion there surrendered, giving the group control of the border with Bangladesh.",
    ),
}


@pytest.fixture()
def corpus(write_corpus: Any) -> Path:
    return write_corpus(ARTICLES)


@pytest.fixture()
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The file names of the articles the pipeline extracts (it still extracts them)."""
    seen: list[str] = []

    def counting(article: Article, *args: Any, **kwargs: Any) -> Any:
        seen.append(Path(article.path).name)
        return extract_article(article, *args, **kwargs)

    monkeypatch.setattr(extract, "extract_article", counting)
    return seen


def fresh() -> None:
    load_store.cache_clear()
    default_gazetteer.cache_clear()


def records(folder: Path) -> list[Any]:
    return list(pipeline.analyse(folder).events)


def read_again(folder: Path, calls: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Read *folder* with the cache as it is, check the records against a fresh cache; return what was extracted."""
    fresh()
    calls.clear()
    reused = records(folder)
    extracted = sorted(calls)
    monkeypatch.setenv(gz_cache.CACHE_ENV, str(tmp_path / f"fresh-cache-{random.random()}"))
    assert reused == records(folder), "a reused extraction differs from a fresh one"
    monkeypatch.setenv(gz_cache.CACHE_ENV, str(tmp_path / "cache"))
    return extracted


def event_at(events: list[Any], name: str) -> Any:
    return next(e for e in events if e.place == name or e.place.endswith(name))


def geonames_row(geonameid: str, name: str, alternates: str, lat: float, lon: float, code: str, country: str,
                 admin1: str = "") -> str:
    cls = "A" if code.startswith("ADM") else "P"
    return "\t".join([geonameid, name, name, alternates, f"{lat}", f"{lon}", cls, code, country, "", admin1,
                      "", "", "", "20000", "", "", "Africa/Khartoum", "2026-01-01"]) + "\n"


def test_a_place_added_is_read_only_where_it_is_named(corpus: Path, cache_root: Path, data_dir: Path,
                                                       calls: list[str], tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    before = records(corpus)
    assert len(calls) == 3
    assert event_at(before, "Tell Qarsuna").place_id is None  # no such place in the packaged data
    add_place("Tell Qarsuna", 15.62, 32.71, country="SD", kind="village")
    assert read_again(corpus, calls, tmp_path, monkeypatch) == ["sudan.txt"]
    fresh()
    after = records(corpus)
    assert event_at(after, "Tell Qarsuna").place_id.startswith("user:")
    assert event_at(after, "Tell Qarsuna").actor_losing == "rsf"
    calls.clear()
    records(corpus)
    assert calls == [], "a later run under the same user gazetteer reads every article from the cache"


def test_a_place_named_nowhere_changes_nothing(corpus: Path, cache_root: Path, data_dir: Path, calls: list[str],
                                                tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    records(corpus)
    add_place("Qarsunat al-Gharbiyya", 14.1, 30.2, country="SD")
    assert read_again(corpus, calls, tmp_path, monkeypatch) == []


@pytest.mark.parametrize(("name", "reached"), [
    ("Presidential Palace", "sudan.txt"),  # two words of the text, in a row
    ("Donetsk Region", "ukraine.txt"),  # a generic word: the name's key is a word of the text
    ("Chin", "myanmar.txt"),
    ("Arakan", "myanmar.txt"),  # a faction's name is looked up too
])
def test_a_place_whose_name_is_words_of_an_article_is_read_there(
        name: str, reached: str, corpus: Path, cache_root: Path, data_dir: Path, calls: list[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    records(corpus)
    add_place(name, 10.0, 10.0)
    assert reached in read_again(corpus, calls, tmp_path, monkeypatch)


def test_a_name_written_as_one_word_reaches_two_words_in_the_text(corpus: Path, cache_root: Path, data_dir: Path,
                                                                  calls: list[str], tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    records(corpus)
    add_place("Chinstate", 21.0, 93.5, country="MM")  # "Chin State" joined, as Shan and Burmese names are
    assert "myanmar.txt" in read_again(corpus, calls, tmp_path, monkeypatch)


def test_an_alternate_name_given_to_a_packaged_place_reads_the_articles_that_name_it(
        corpus: Path, cache_root: Path, data_dir: Path, calls: list[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    records(corpus)
    khartoum = default_gazetteer().resolve("Khartoum")
    assert khartoum.id.startswith("geonames:")
    dump = tmp_path / "SD.txt"
    dump.write_text(geonames_row(khartoum.id.split(":")[1], "Khartoum", "Al-Khartum Bahri Test", khartoum.lat,
                                 khartoum.lon, "PPLC", "SD"), encoding="utf-8")
    import_geonames(dump)
    assert read_again(corpus, calls, tmp_path, monkeypatch) == ["sudan.txt"]


def test_a_division_named_reads_the_articles_in_its_country(corpus: Path, cache_root: Path, data_dir: Path,
                                                            calls: list[str], tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    records(corpus)
    dump = tmp_path / "UA.txt"
    dump.write_text(geonames_row("99000001", "Donechchyna Test", "UA.05", 48.0, 37.8, "ADM1", "UA", "05"),
                    encoding="utf-8")
    import_geonames(dump)
    assert "ukraine.txt" in read_again(corpus, calls, tmp_path, monkeypatch)


def test_removing_the_user_gazetteer_reads_again_what_it_reached(corpus: Path, cache_root: Path, data_dir: Path,
                                                                 calls: list[str], tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    add_place("Tell Qarsuna", 15.62, 32.71, country="SD", kind="village")
    fresh()
    records(corpus)
    user_gazetteer_path().unlink()
    assert read_again(corpus, calls, tmp_path, monkeypatch) == ["sudan.txt"]


def test_random_user_places_from_the_articles_words_never_change_a_reused_extraction(
        corpus: Path, cache_root: Path, data_dir: Path, calls: list[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs of the articles' words, cut anywhere, with articles and odd case, added one change after another."""
    rng = random.Random(7)
    words = [w for _, text in ARTICLES.values() for w in text.replace(",", " ").replace(".", " ").split()]
    records(corpus)
    for _ in range(6):
        start = rng.randrange(len(words))
        name = " ".join(words[start : start + rng.randint(1, 3)])
        name = rng.choice([name, name.lower(), f"al-{name}", name.replace(" ", "")])
        add_place(name, rng.uniform(-60, 60), rng.uniform(-150, 150))
        read_again(corpus, calls, tmp_path, monkeypatch)


def test_questions_beyond_the_text_are_tested_too() -> None:
    gz = Gazetteer(load_store(include_user=False))
    text = "Fighting was reported near Kherson."
    with recording() as reach:
        gz.lookup("Tokmak Test", before="near ")
    assert "Tokmak Test" in reach.beyond(text).texts
    assert "near " not in reach.beyond("Fighting was reported near Kherson.").texts
    assert Reach({"Kherson"}).beyond(text).texts == set()
    assert Reach({"Kherso"}).beyond(text).texts == {"Kherso"}  # a cut word folds otherwise: kept


def test_without_a_user_gazetteer_nothing_is_answered_otherwise() -> None:
    assert not user_could_answer(Reach({"Aleppo"}, {"geonames:170063"}, [(30.0, 30.0, 40.0, 40.0)], [], True),
                                 "Aleppo fell.", load_store(include_user=False))


def test_a_damaged_record_of_questions_is_a_miss_not_a_crash(corpus: Path, cache_root: Path, data_dir: Path,
                                                             calls: list[str]) -> None:
    from gazetteer.cache import KeyedFiles
    from geo.extract.cache import KIND

    before = records(corpus)
    (folder,) = cache_root.glob(f"{KIND}-*")
    files = KeyedFiles(folder)
    for path in folder.glob("*.pickle"):
        key = path.stem
        values, _, _ = files.get(key)
        files.put(key, (values, "another user gazetteer", Reach(texts={17})))  # type: ignore[arg-type, misc]
    add_place("Qarsunat al-Gharbiyya", 14.1, 30.2, country="SD")
    fresh()
    calls.clear()
    assert records(corpus) == before
    assert sorted(calls) == sorted(ARTICLES)


def test_a_phrase_read_from_the_memo_still_counts_a_place_s_parts_as_asked() -> None:
    gz = Gazetteer(load_store(include_user=False))
    gz.resolve_phrase("Aleppo's medieval citadel")
    with recording() as reach:
        gz.resolve_phrase("Aleppo's medieval citadel")  # answered from the memo: part_named is not called again
    assert reach.parts
