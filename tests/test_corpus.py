"""Tests of geo.read.corpus: reading articles, metadata, encodings, identical and near-duplicate files."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.errors import CorpusError
from geo.model import Article, CorpusWarning
from geo.read.corpus import article_id, read_article, read_corpus
from geo.read.sentences import split_sentences

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
BODY = "Rebels said on Tuesday they had captured the town of Saraqeb.\nThe army denied it.\n"


def write(folder: Path, name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def messages(warnings: list[CorpusWarning]) -> str:
    return "\n".join(w.message for w in warnings)


def make(path: str, text: str, published: dt.date | None = None) -> Article:
    return Article(article_id(text), path, published, None, None, None, text)


# ---------------------------------------------------------------- encodings


def test_latin1_file_is_read_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "date 2024-12-01\nFighters entered Ma\u2019arrat al-Nu\u00e9man and Al-Bab.\n",
                 encoding="cp1252")
    article, warnings = read_article(path)
    assert article is not None
    assert "Ma\u2019arrat al-Nu\u00e9man" in article.text
    assert article.published == dt.date(2024, 12, 1)
    assert any("a.txt" in w.message and "not UTF-8" in w.message for w in warnings)


def test_plain_latin1_bytes_undefined_in_cp1252(tmp_path: Path) -> None:
    path = write(tmp_path, "b.txt", b"date 2024-12-01\nCaf\xe9 \x81 in Homs was shelled.\n")
    article, warnings = read_article(path)
    assert article is not None and "Caf\u00e9" in article.text
    assert "latin-1" in messages(warnings)


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "u16.txt", "source Reuters\ndate 2024-12-05\n\u062d\u0645\u0627\u0629 Hama fell.\n",
                 encoding="utf-16")
    article, warnings = read_article(path)
    assert article is not None
    assert article.text == "\u062d\u0645\u0627\u0629 Hama fell."
    assert (article.source, article.published) == ("Reuters", dt.date(2024, 12, 5))
    assert not [w for w in warnings if "UTF" in w.message]


def test_utf16_without_bom_is_recognised(tmp_path: Path) -> None:
    path = write(tmp_path, "le.txt", "date 2024-12-05\nHama fell to the rebels.\n", encoding="utf-16-le")
    article, warnings = read_article(path)
    assert article is not None and article.text == "Hama fell to the rebels."
    assert "without a byte-order mark" in messages(warnings)


def test_utf8_bom_does_not_hide_the_header(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbfdate 2024-12-06\nHoms was encircled.\n")
    article, _ = read_article(path)
    assert article is not None and article.published == dt.date(2024, 12, 6)
    assert article.text == "Homs was encircled."


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n", "\ufeff  \n".encode("utf-8")])
def test_empty_files_are_skipped_with_a_warning(tmp_path: Path, content: bytes) -> None:
    article, warnings = read_article(write(tmp_path, "empty.txt", content))
    assert article is None
    assert len(warnings) == 1 and "empty.txt" in warnings[0].message


@pytest.mark.parametrize("content", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    random.Random(3).randbytes(4000),
    bytes(random.Random(4).choices(range(1, 256), k=4000)),
    bytes(range(1, 32)) * 20,
])
def test_binary_files_are_skipped_with_a_warning(tmp_path: Path, content: bytes) -> None:
    article, warnings = read_article(write(tmp_path, "image.txt", content))
    assert article is None
    assert "image.txt" in messages(warnings) and "text" in messages(warnings)


def test_crlf_and_nfc_are_normalised_and_offsets_refer_to_article_text(tmp_path: Path) -> None:
    decomposed = "Rebels reached Sare\u0301qeb.\r\nMr. Assad\u2019s army fled.\r\n"
    article, _ = read_article(write(tmp_path, "crlf.txt", "date 2024-12-01\r\n" + decomposed))
    assert article is not None
    assert "\r" not in article.text and "Sar\u00e9qeb" in article.text
    spans = split_sentences(article.text)
    assert [article.text[s:e] for s, e in spans] == ["Rebels reached Sar\u00e9qeb.", "Mr. Assad\u2019s army fled."]


def test_unreadable_path_gives_a_warning_not_an_exception(tmp_path: Path) -> None:
    article, warnings = read_article(tmp_path / "missing.txt")
    assert article is None and "missing.txt" in messages(warnings)
    article, warnings = read_article(tmp_path)
    assert article is None and warnings


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(
    st.binary(max_size=600),
    st.tuples(st.sampled_from([b"date ", b" date: ", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"url ", b"title:"]),
              st.binary(max_size=300)).map(b"".join),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
))
def test_arbitrary_bytes_never_raise(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.txt"
    path.write_bytes(data)
    article, warnings = read_article(path)  # "never raises for bad content": any exception fails the test
    assert article is not None or warnings
    if article is not None:
        assert article.text == article.text.strip() and article.text
        assert all(0 <= s < e <= len(article.text) for s, e in split_sentences(article.text))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(meta=st.one_of(
    st.binary(max_size=300),
    st.lists(st.lists(st.sampled_from(["a.txt", "b.txt", "2024-12-01", "2024-02-30", "", "x,y", '"q'])),
             max_size=6).map(lambda rows: "file,date,source,title,url\n" + "\n".join(",".join(r) for r in rows)),
))
def test_arbitrary_metadata_never_raises(tmp_path: Path, meta: bytes | str) -> None:
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "metadata.csv", meta)
    articles, _ = read_corpus(tmp_path)
    assert len(articles) == 1 and articles[0].text == BODY.strip()


# ---------------------------------------------------------------- headers


def test_header_lines_in_both_forms_are_read_and_removed(tmp_path: Path) -> None:
    text = ("  Title: Rebels enter Hama\nsource  Al Jazeera\nURL: https://example.org/hama\n"
            "\n   date: 2024-12-05\n\n" + BODY)
    article, warnings = read_article(write(tmp_path, "h.txt", text))
    assert article is not None
    assert article.title == "Rebels enter Hama" and article.source == "Al Jazeera"
    assert article.url == "https://example.org/hama" and article.published == dt.date(2024, 12, 5)
    assert article.text == BODY.strip()
    assert warnings == []


def test_date_header_running_into_the_first_sentence(tmp_path: Path) -> None:
    article, _ = read_article(write(tmp_path, "r.txt", " date 2024-11-29 Rebel forces entered Aleppo.\n\nMore."))
    assert article is not None
    assert article.published == dt.date(2024, 11, 29)
    assert article.text == "Rebel forces entered Aleppo.\n\nMore."


def test_seed_001_header_runs_into_its_first_sentence() -> None:
    article, warnings = read_article(SEEDS / "001_c3009838c4057cdf.txt")
    assert article is not None and warnings == []
    assert article.published == dt.date(2024, 11, 29)
    assert article.text.startswith("Rebel forces in Syria say they have entered")
    assert "2024-11-29" not in article.text


def test_written_dates_in_colon_headers(tmp_path: Path) -> None:
    article, _ = read_article(write(tmp_path, "w.txt", "Date: Fri, 29 Nov 2024 10:42 GMT\n" + BODY))
    assert article is not None and article.published == dt.date(2024, 11, 29)
    assert article.text == BODY.strip()


def test_written_date_in_a_byline_header(tmp_path: Path) -> None:
    article, _ = read_article(write(tmp_path, "p.txt", "Published 5 December 2024\n" + BODY))
    assert article is not None and article.published == dt.date(2024, 12, 5)
    assert article.text == BODY.strip()


def test_malformed_header_date_warns_and_keeps_the_article_undated(tmp_path: Path) -> None:
    article, warnings = read_article(write(tmp_path, "bad.txt", "date 2024-13-45\n" + BODY))
    assert article is not None and article.published is None
    assert article.text == BODY.strip()
    text = messages(warnings)
    assert "bad.txt" in text and "2024-13-45" in text
    assert "add a line 'date YYYY-MM-DD' at the top of" in text and "metadata.csv" in text


def test_words_that_look_like_header_keys_are_text(tmp_path: Path) -> None:
    text = "Date palms burned near Deir ez-Zor.\nSource close to the army said so.\n"
    article, warnings = read_article(write(tmp_path, "t.txt", text))
    assert article is not None and article.text == text.strip()
    assert article.published is None and article.source is None
    assert "no publication date" in messages(warnings)


# ---------------------------------------------------------------- metadata and folders


def test_metadata_wins_over_headers_and_empty_cells_do_not(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "date 2024-01-01\nsource Header Source\n" + BODY)
    write(tmp_path, "metadata.csv", "file,date,source,title,url\na.txt,2024-02-02,,Meta title,\n")
    (article,), warnings = read_corpus(tmp_path)
    assert article.published == dt.date(2024, 2, 2)
    assert article.source == "Header Source" and article.title == "Meta title"
    assert "2024-01-01" in messages(warnings) and "2024-02-02" in messages(warnings)


def test_broken_metadata_rows_warn_by_line_and_others_still_count(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        write(tmp_path, name, f"{name} {BODY}")
    write(tmp_path, "metadata.csv", "\ufefffile,date,source,title,url\n"
          "a.txt,2024-12-01,BBC News,,\n"
          "b.txt,2024-12-02,too,many,columns,here\n"
          "c.txt,2024-31-12,Reuters,,\n"
          "gone.txt,2024-12-03,AP,,\n")
    articles, warnings = read_corpus(tmp_path)
    by_name = {Path(a.path).name: a for a in articles}
    assert by_name["a.txt"].published == dt.date(2024, 12, 1) and by_name["a.txt"].source == "BBC News"
    assert by_name["b.txt"].published is None
    assert by_name["c.txt"].published is None and by_name["c.txt"].source == "Reuters"
    text = messages(warnings)
    assert "line 3" in text and "found 6" in text
    assert "line 4" in text and "2024-31-12" in text
    assert "line 5" in text and "gone.txt" in text


def test_metadata_columns_in_another_order(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "metadata.csv", "source,file,date\n\"Enab Baladi, Idlib\",a.txt,2024-11-30\n")
    (article,), _ = read_corpus(tmp_path)
    assert article.source == "Enab Baladi, Idlib" and article.published == dt.date(2024, 11, 30)


def test_metadata_columns_the_reader_does_not_know_are_named_in_a_warning(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "metadata.csv", "file,published,outlet\na.txt,2024-12-04,SANA\n")
    (article,), warnings = read_corpus(tmp_path)
    assert article.published is None
    text = messages(warnings)
    assert "published,outlet" in text and "file,date,source,title,url" in text and "no publication date" in text


def test_metadata_without_a_header_row_is_read_in_the_documented_order(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "metadata.csv", "a.txt,2024-12-04,SANA,,\n")
    (article,), warnings = read_corpus(tmp_path)
    assert article.published == dt.date(2024, 12, 4) and article.source == "SANA"
    assert "no header row" in messages(warnings) and "line 1" in messages(warnings)


def test_seed_corpus_dates_and_sources_come_from_metadata() -> None:
    articles, warnings = read_corpus(SEEDS)
    dates = {Path(a.path).name[:3]: a.published for a in articles}
    assert dates == {"000": dt.date(2024, 12, 8), "001": dt.date(2024, 11, 29), "002": dt.date(2024, 11, 29),
                     "003": dt.date(2016, 8, 8), "004": dt.date(2016, 8, 7)}
    assert {a.source for a in articles} == {"BBC News", "Business Insider", "TIME"}
    assert all("no publication date" not in w.message for w in warnings)


def test_folder_errors_name_the_folder_and_the_fix(tmp_path: Path) -> None:
    for target in (tmp_path / "nope", write(tmp_path, "file.txt", BODY)):
        with pytest.raises(CorpusError, match=str(target).replace("\\", "\\\\")):
            read_corpus(target)
    empty = tmp_path / "empty"
    empty.mkdir()
    write(empty, "notes.md", BODY)
    with pytest.raises(CorpusError, match="no .txt files") as info:
        read_corpus(empty)
    assert isinstance(info.value, OSError) and "--corpus" in str(info.value)


def test_bad_files_do_not_stop_the_others_and_order_is_by_name(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", "date 2024-12-02\nSecond article about Hama.\n")
    write(tmp_path, "a.txt", "date 2024-12-01\nFirst article about Aleppo.\n")
    write(tmp_path, "c.txt", b"")
    write(tmp_path, "d.txt", b"\x00\x01\x02binary")
    write(tmp_path, "e.json", "{}")
    write(tmp_path, "baseline.csv", "place,controller\n")
    articles, warnings = read_corpus(tmp_path)
    assert [Path(a.path).name for a in articles] == ["a.txt", "b.txt"]
    assert "c.txt" in messages(warnings) and "d.txt" in messages(warnings)
    assert "e.json" not in messages(warnings) and "baseline" not in messages(warnings)


def test_identical_texts_in_two_files_are_one_article(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "b.txt", "date 2024-12-03\n\n" + BODY.replace("\n", "\r\n  "))
    articles, warnings = read_corpus(tmp_path)
    assert len(articles) == 1
    assert articles[0].path.endswith("a.txt") and articles[0].published == dt.date(2024, 12, 3)
    assert "same text as" in messages(warnings)


def test_article_id_ignores_spacing_and_unicode_form() -> None:
    assert article_id("Hama  fell.\n\nThen Homs.") == article_id(" Hama fell. Then Homs. ")
    assert article_id("Sare\u0301qeb") == article_id("Sar\u00e9qeb")
    assert article_id("Hama fell.") != article_id("Homs fell.")
    # the first 16 hex digits of the SHA-256 of the text with its spacing normalised
    assert article_id(" Hama  fell.\n") == hashlib.sha256(b"Hama fell.").hexdigest()[:16]
    assert re.fullmatch("[0-9a-f]{16}", article_id("x"))


# ---------------------------------------------------------------- near-duplicates


def test_seed_001_and_002_are_linked_and_other_seeds_are_not() -> None:
    articles, warnings = read_corpus(SEEDS)
    by = {Path(a.path).name[:3]: a for a in articles}
    # Same date: the shorter 001 is the duplicate of the fuller 002.
    assert by["001"].duplicate_of == by["002"].id
    assert [k for k, a in by.items() if a.duplicate_of] == ["001"]
    assert any("001" in w.message and "another version" in w.message for w in warnings)


@pytest.mark.slow
def test_ten_thousand_synthetic_articles(tmp_path: Path) -> None:
    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(20000)]
    cum_weights = list(itertools.accumulate(1 / (i + 1) for i in range(len(vocab))))  # Zipf-like
    planted = {}
    for i in range(10000):
        lines = [" ".join(rng.choices(vocab, cum_weights=cum_weights, k=rng.randint(12, 30))) + "." for _ in range(rng.randint(8, 20))]
        if i % 20 == 19:  # a later version of the previous article: reordered, one line added
            lines = prev_lines[:]
            rng.shuffle(lines)
            lines.insert(3, "An added line about Hama.")
            planted[f"{i:05d}.txt"] = f"{i - 1:05d}.txt"
        prev_lines = lines
        write(tmp_path, f"{i:05d}.txt", f"date 2024-12-{1 + i % 20:02d}\n" + "\n".join(lines))
    articles, _ = read_corpus(tmp_path)
    by_id = {a.id: Path(a.path).name for a in articles}
    linked = {Path(a.path).name: by_id[a.duplicate_of] for a in articles if a.duplicate_of}
    assert linked == planted
