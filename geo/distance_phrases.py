"""The phrases around a distance: its anchor (what it is measured from) and subject (what is that far).

See :mod:`geo.distances` ("Anchors", "Subjects") for the rules.
"""

from __future__ import annotations

import re

from geo.distance_words import (
    ALWAYS_STOP,
    ANCHOR_STOP,
    AUXILIARIES,
    BORDER_WORDS,
    CLAUSE_WORDS,
    ING_NOUNS,
    MAX_ANCHOR_WORDS,
    MAX_SUBJECT_WORDS,
    PREPOSITIONS,
    PRONOUNS,
    SUBJ_CUT,
    SUBJ_LEAD,
    SUBJ_TRAIL,
    TOKEN,
    TRAILING_FUNC,
    VAGUE_FIRST,
    VAGUE_HEAD,
)

__all__ = ["anchor_bounds", "is_vague", "subject_before"]


def _ends_anchor(word: str, previous: str) -> bool:
    """Whether ``word`` (after ``previous``, lower case) ends an anchor phrase."""
    low = word.lower()
    if low == "with" and previous in BORDER_WORDS:  # "the border with Turkey"
        return False
    if low in ALWAYS_STOP:
        return True
    return word == low and (low in ANCHOR_STOP or (low.endswith("ing") and low not in ING_NOUNS))


def anchor_bounds(text: str, pos: int) -> tuple[int, int] | None:
    """Return the offsets of the anchor phrase starting after ``pos``, or None."""
    words: list[tuple[int, int, str]] = []
    while len(words) < MAX_ANCHOR_WORDS and (m := TOKEN.match(text, pos)):
        if _ends_anchor(m["w"], words[-1][2] if words else ""):
            break
        words.append((m.start("w"), m.end("w"), m["w"].lower()))
        pos = m.end()
    while words and words[-1][2] in TRAILING_FUNC:
        words.pop()
    return (words[0][0], words[-1][1]) if words else None


def is_vague(phrase: str) -> bool:
    """Whether an anchor phrase names no place: "a location", "their positions", "the front"."""
    words = phrase.lower().split()
    head = words[-1]
    return words[0] in VAGUE_FIRST or head in VAGUE_HEAD or head.rstrip("'’s") in VAGUE_HEAD




def _is_filler(word: str, previous: str = "") -> bool:
    """Whether ``word`` is a verb or adverb to trim off the end of a subject."""
    low = word.lower()
    if low in SUBJ_TRAIL or (word.islower() and len(word) > 4 and low.endswith("ed")):
        return True
    return low.endswith("ing") and previous.lower() in AUXILIARIES


def _clean_subject(chunk: str) -> str | None:
    words = list(re.finditer(r"\S+", chunk))
    while words and words[0][0].lower() in SUBJ_LEAD:
        words.pop(0)
    while words and _is_filler(words[-1][0], words[-2][0] if len(words) > 1 else ""):
        words.pop()
    if len(words) > 2 and words[0][0].lower() == "there" and words[1][0].lower() in AUXILIARIES:
        words = words[2:]
    if not words or len(words) > MAX_SUBJECT_WORDS:
        return None
    if len(words) == 1 and words[0][0].lower() in PRONOUNS:
        return None
    return chunk[words[0].start():words[-1].end()]


def subject_before(text: str, start: int) -> str | None:
    """Return what the sentence says is ``start``'s distance away, as written, or None."""
    window = text[max(0, start - 300):start]
    cuts = list(SUBJ_CUT.finditer(window))
    if not cuts:
        return _clean_subject(window) if start <= 300 else None
    last = cuts[-1]
    tail = window[last.end():]
    if not all(_is_filler(w) for w in tail.split()):
        return _clean_subject(tail)
    cut = last[0].lower()
    if cut != "," and not cut[0].isalpha() or cut in CLAUSE_WORDS:
        return None
    # "Saraqeb, about 20 km south of Idlib" / "Clashes were reported 5 km from Hama":
    # the subject is the phrase before the comma or the verb.
    head = window[:last.start()].rstrip(" ,")
    earlier = list(SUBJ_CUT.finditer(head))
    phrase = head[earlier[-1].end():] if earlier else head
    first = phrase.split()[:1]
    if not first or (cut == "," and first[0].lower() in PREPOSITIONS):
        return None
    return _clean_subject(phrase)
