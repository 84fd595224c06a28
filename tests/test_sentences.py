"""Tests of geo.read.sentences: sentence boundaries in English news text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geo.read.sentences as sentences_module
from geo.read.corpus import read_article
from geo.read.sentences import split_sentences

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Mr. Assad fled. Rebels took Homs.", ["Mr. Assad fled.", "Rebels took Homs."]),
    ("U.S. forces struck a depot. Gen. Smith said so.", ["U.S. forces struck a depot.",
                                                         "Gen. Smith said so."]),
    ("Some towns, e.g. Saraqeb, fell. Others held.", ["Some towns, e.g. Saraqeb, fell.", "Others held."]),
    ("The front moved 4.3 miles in 2.5 days. Hama was next.", ["The front moved 4.3 miles in 2.5 days.",
                                                               "Hama was next."]),
    ("It was led by Abu Mohammed al-Jawlani. He broke with al-Qaeda.",
     ["It was led by Abu Mohammed al-Jawlani.", "He broke with al-Qaeda."]),
    ("John F. Kennedy Airport was named. So was Lt. Col. Ahmed.",
     ["John F. Kennedy Airport was named.", "So was Lt. Col. Ahmed."]),
    ("A statement said: \u201cOur forces have entered Aleppo.\u201d Videos showed men running.",
     ["A statement said: \u201cOur forces have entered Aleppo.\u201d", "Videos showed men running."]),
    ("\u201cIs it over?\u201d he asked. \u201cNo,\u201d she said.",
     ["\u201cIs it over?\u201d he asked.", "\u201cNo,\u201d she said."]),
    ("Who are HTS?\nHTS was set up in 2011", ["Who are HTS?", "HTS was set up in 2011"]),
    ("Resolution No. 2254 was cited. It failed!  Then what? Nothing...", ["Resolution No. 2254 was cited.",
                                                                         "It failed!", "Then what?", "Nothing..."]),
    ("Fighting began (see map.) Then it stopped.", ["Fighting began (see map.)", "Then it stopped."]),
    ("A headline without a full stop\n\n  \nNext paragraph.", ["A headline without a full stop",
                                                                "Next paragraph."]),
    ("They arrived on Nov. 29 in Aleppo. In 2016, 300,000 people lived there.",
     ["They arrived on Nov. 29 in Aleppo.", "In 2016, 300,000 people lived there."]),
])
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentence_offsets_are_exact_and_ordered() -> None:
    text = "  First line.  Second one!\n\n\tThird? Yes.\n"
    spans = split_sentences(text)
    assert spans == [(2, 13), (15, 26), (29, 35), (36, 40)]
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))
    assert split_sentences("") == [] and split_sentences(" \n \n") == []


# ---------------------------------------------------------------- the plain splitter, kept as the oracle

_TERMINAL = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*(?=\s)")
_OPENERS = "\"'\u201c\u2018\u00ab(["


def plain_split_sentences(text: str) -> list[tuple[int, int]]:
    """The splitter before the speed-up: line by line, slicing the line for every terminal."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        s, base, cut = line.group(), line.start(), 0
        for m in _TERMINAL.finditer(s):
            if _plain_is_boundary(s, m):
                _plain_add_span(spans, text, base + cut, base + m.end())
                cut = m.end()
        _plain_add_span(spans, text, base + cut, line.end())
    return spans


def _plain_is_boundary(line: str, m: re.Match[str]) -> bool:
    rest = line[m.end():].lstrip().lstrip(_OPENERS)
    if rest[:1].islower():
        return False
    if m.group().rstrip("\"'\u201d\u2019\u00bb)]") != ".":
        return True
    before = line[:m.start()].split()
    word = before[-1].lstrip(_OPENERS) if before else ""
    if word.lower() in sentences_module._TITLES or sentences_module._INITIALS.fullmatch(word):
        return False
    return not (word.lower() in sentences_module._BEFORE_NUMBER and rest[:1].isdigit())


def _plain_add_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))


_ODD = ["İ", "ı", "ſ", "K", "\u0301", "\u200f", "\u05d0", "\x00", "\x1c", "\x85", "\u2028", "\u2029", "\u00a0",
        "\u3000", "\r", "\x0b", "\t", "\n", " ", "  ", "…", ".", "!", "?", "\"", "'", "\u201c", "\u201d", "\u2019",
        "\u00bb", "\u00ab", "(", ")", "[", "]", "4", "٣"]
_TOKENS = ["Mr.", "mr.", "Gen.", "U.S.", "e.g.", "F.", "No.", "Nov.", "nov.", "Hama", "fled", "the", "Ü", "é",
           "approx.", "4.3", "2254", "ok", "A", "a", "...", "?!", ".)", ".\u201d"]
_PIECE = st.one_of(st.sampled_from(_ODD), st.sampled_from(_TOKENS), st.text(max_size=5))
_TEXT = st.one_of(st.text(max_size=300), st.lists(_PIECE, max_size=60).map("".join),
                  st.lists(_PIECE, max_size=40).map(" ".join))


@settings(max_examples=1500, deadline=None)
@given(_TEXT)
def test_agrees_with_plain_splitter(text: str) -> None:
    assert split_sentences(text) == plain_split_sentences(text)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seeds_agree_with_plain_splitter(path: Path) -> None:
    text = read_article(path)[0].text
    assert split_sentences(text) == plain_split_sentences(text)
