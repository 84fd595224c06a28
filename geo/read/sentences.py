"""Splitting English news text into sentences (offsets into the text)."""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

#: ``[.!?…]+`` written as one character then a repeat: a pattern that starts with a character class
#: is skipped through in C, one that starts with a repeat is tried at every offset.
_TERMINAL = re.compile(r"[.!?\u2026][.!?\u2026]*[\"'\u201d\u2019\u00bb)\]]*(?=\s)")
_OPENERS = "\"'\u201c\u2018\u00ab(["
_CLOSERS = "\"'\u201d\u2019\u00bb)]"
#: After a terminal: spaces, then opening quotes or brackets, then the next character of the line (if any).
_NEXT = re.compile(r"[^\S\n]*[\"'\u201c\u2018\u00ab(\[]*(.?)")
#: The pieces of lines without their surrounding whitespace (str.strip and re agree on whitespace).
_CONTENT = re.compile(r"\S(?:.*\S)?")
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
    cut = after = 0
    for m in _TERMINAL.finditer(text):
        end = m.end()
        if text[end] == "\n":  # at a line end: the line ends the sentence anyway
            continue
        start = text.rfind("\n", 0, m.start()) + 1  # the line's start
        if _is_boundary(text, start, max(after, start), m):
            spans.extend(c.span() for c in _CONTENT.finditer(text, cut, end))
            cut = end
        after = end
    spans.extend(c.span() for c in _CONTENT.finditer(text, cut))
    return spans


def _is_boundary(text: str, start: int, after: int, m: re.Match[str]) -> bool:
    """Decide whether the terminal punctuation matched by m (in the line from start) ends a sentence.

    *after* is the end of the line's previous terminal (or the line start): the word before m
    lies after it unless only spaces do.
    """
    nxt = following[1] if (following := _NEXT.match(text, m.end())) else ""
    if nxt.islower():
        return False
    if m.group().rstrip(_CLOSERS) != ".":
        return True
    before = text[after:m.start()].split() or text[start:m.start()].split()
    word = before[-1].lstrip(_OPENERS) if before else ""
    if word.lower() in _TITLES or _INITIALS.fullmatch(word):
        return False
    return not (word.lower() in _BEFORE_NUMBER and nxt.isdigit())
