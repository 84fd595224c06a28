"""Tests of geo.sentences: sentence boundaries in English news text."""

from __future__ import annotations

import pytest

from geo.sentences import split_sentences


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
