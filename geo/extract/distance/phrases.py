"""The phrases around a distance: its anchor (what it is measured from) and subject (what is that far).

See :mod:`geo.extract.distance.mentions` ("Anchors", "Subjects") for the rules.
"""

from __future__ import annotations

import re

from geo.extract.distance.words import (
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
    return word == low and (low in ANCHOR_STOP or (low.endswith("ing") and low not in ING_NOUNS
                                                   and previous not in _DETERMINERS))


#: Words after which an "-ing" word is an adjective of the anchor ("the mining town of Selydove"), not a verb.
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "that"})


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


#: Where a scan for subject cuts may restart: a word start after white space, not "to" (the one
#: cut spanning white space is "according to"; every other cut is one character, a word, or a
#: word and the white space up to the next word).
_RESTART = re.compile(r"\s(?!(?i:to)\b)(?=\w)")
#: How much of the end of a phrase is scanned for its last cut before the whole of it is.
_TAIL = 64


def _last_cut(s: str) -> re.Match[str] | None:
    """Return the last match of ``SUBJ_CUT.finditer(s)``, or None.

    No cut straddles a restart point, so the cuts a scan from one finds are the last cuts of
    the whole scan: if there is any, the last of them is the last; else the whole is scanned.
    """
    last = None
    if len(s) > _TAIL and (r := _RESTART.search(s, len(s) - _TAIL)):
        for last in SUBJ_CUT.finditer(s, r.end()):  # noqa: B007 - the loop keeps the last
            pass
        if last is not None:
            return last
    for last in SUBJ_CUT.finditer(s):  # noqa: B007
        pass
    return last


#: A name, then an apposition describing it, ending the phrase before a distance's verb: "Pokrovsk, once home to
#: 60,000 people", "El Fasher, the last army stronghold in Darfur", "the town of Lashio, a trading hub of 150,000". The
#: name runs from the sentence's start or a punctuation cut and ends in a capitalised word; the apposition starts
#: with a lower-case word and holds no punctuation but the digits' separators ("150,000").
_APPOSED_NAME = re.compile(r"""(?:^|[!?;:()\[\]"“”—–\n]|[.,](?!\d))\s*(?P<name>(?:[\w'’-]+\s+){0,5}[A-Z][\w'’-]*)"""
                           r"""\s*,\s+[a-z](?:[^!?;:()\[\]"“”—–\n.,]|[.,](?=\d))*$""")

#: The verb that says where a subject lies, after its apposition ("..., sits 70 km", "..., is some 120 km"); without
#: one, the phrase before the comma is what the distance describes ("infiltrated Kirkuk, some 150 km south-east of").
_LOCATING_VERB = re.compile(r"\b(?:is|are|was|were|lies|lie|lay|sits|sit|sat|stands|stood|located|situated|remains|"
                            r"remained)\b", re.I)


def subject_before(text: str, start: int) -> str | None:
    """Return what the sentence says is ``start``'s distance away, as written, or None."""
    window = text[max(0, start - 300):start]
    last = _last_cut(window)
    if last is None:
        return _clean_subject(window) if start <= 300 else None
    tail = window[last.end():]
    if not all(_is_filler(w) for w in tail.split()):
        return _clean_subject(tail)
    cut = last[0].lower()
    if cut != "," and not cut[0].isalpha() or cut in CLAUSE_WORDS:
        return None
    # "Saraqeb, about 20 km south of Idlib" / "Clashes were reported 5 km from Hama":
    # the subject is the phrase before the comma or the verb.
    head = window[:last.start()].rstrip(" ,")
    named = _APPOSED_NAME.search(head) if cut == "," and _LOCATING_VERB.search(tail) else None
    if named is not None and named["name"].split()[0].lower() not in PREPOSITIONS:
        return _clean_subject(named["name"])  # "Pokrovsk, once home to 60,000 people, sits 70 km west of Donetsk"
    earlier = _last_cut(head)
    phrase = head[earlier.end():] if earlier else head
    first = phrase.split()[:1]
    if not first or (cut == "," and first[0].lower() in PREPOSITIONS):
        return None
    return _clean_subject(phrase)
