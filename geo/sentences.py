"""Splitting English news text into sentences (offsets into the text)."""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

_TERMINAL = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*(?=\s)")
_OPENERS = "\"'\u201c\u2018\u00ab(["
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")
_TITLES = frozenset(
    "mr mrs ms mx dr prof gen lt col maj capt cpt sgt cpl pvt adm brig cmdr cdr gov sen rep rev hon "
    "pres st mt sr jr vs messrs mme mlle dept approx govt".split()
)
_BEFORE_NUMBER = frozenset("no nos nr jan feb mar apr jun jul aug sep sept oct nov dec fig vol art para ch sec".split())


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split English news text into sentences.

    Every line ends a sentence. Inside a line a sentence ends at ``.``, ``!``, ``?`` or
    ``…`` (with any closing quotes or brackets) followed by space, unless the next word
    starts in lower case, or the full stop follows a title (``Mr.``, ``Gen.``), an
    initial or dotted abbreviation (``F.``, ``U.S.``, ``e.g.``), or ``No.``/``Nov.`` before
    a number. Decimals (``4.3``) never split.

    Parameters
    ----------
    text : str
        The text (an ``Article.text``).

    Returns
    -------
    list of (int, int)
        ``(start, end)`` offsets of each sentence, without surrounding whitespace.
    """
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        s, base, cut = line.group(), line.start(), 0
        for m in _TERMINAL.finditer(s):
            if _is_boundary(s, m):
                _add_span(spans, text, base + cut, base + m.end())
                cut = m.end()
        _add_span(spans, text, base + cut, line.end())
    return spans


def _is_boundary(line: str, m: re.Match[str]) -> bool:
    """Decide whether the terminal punctuation matched by m ends a sentence."""
    rest = line[m.end():].lstrip().lstrip(_OPENERS)
    if rest[:1].islower():
        return False
    if m.group().rstrip("\"'\u201d\u2019\u00bb)]") != ".":
        return True
    before = line[:m.start()].split()
    word = before[-1].lstrip(_OPENERS) if before else ""
    if word.lower() in _TITLES or _INITIALS.fullmatch(word):
        return False
    return not (word.lower() in _BEFORE_NUMBER and rest[:1].isdigit())


def _add_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))
