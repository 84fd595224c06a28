"""Finding gazetteer names in text: one pass of an Aho–Corasick automaton over all names.

The text is cut into words and each word folded with :func:`gazetteer.names.fold_token`
(the same fold the index uses); article words (``al``, ``as`` ...) are left out, as they
are from the keys. The folded words, joined by single spaces and padded with a space at
each end, are scanned once by a ``pyahocorasick`` automaton holding every key (padded the
same way, so a match always starts and ends on a word boundary). Overlapping matches are
resolved longest first, then leftmost. Rules for names that are also ordinary words:

* the first word of a match must be capitalised as written (or in a non-Latin script):
  "the army moved home" never matches a place called Home;
* a one-word match shorter than three letters is ignored;
* a match that is a common English word (``common_words.txt``, derived from the
  ``wordfreq`` package) is flagged ``common_word``; :class:`gazetteer.Gazetteer` then keeps
  it only when it is not the first word of a sentence and a candidate lies in the
  document's focus countries.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import ahocorasick

from gazetteer.names import ARTICLES, iter_tokens

__all__ = ["NameMatcher", "RawMatch"]


@dataclass(frozen=True, slots=True)
class RawMatch:
    """A span of text whose folded words equal a gazetteer key."""

    start: int
    end: int
    key: str
    sentence_initial: bool


#: An article directly before a name, as its own word ("al-" in "al-Atarib", "Al " in "Al Bab").
_ARTICLE_BEFORE = re.compile(r"(?<![^\W_])(?P<article>" + "|".join(sorted(map(re.escape, ARTICLES), key=len, reverse=True))
                             + r")(?P<sep>[- ])$", re.I)


class NameMatcher:
    """A multi-pattern matcher over a set of name keys.

    Parameters
    ----------
    keys : iterable of str
        Folded name keys (:func:`gazetteer.names.normalize_name` output).
    """

    def __init__(self, keys: Iterable[str]) -> None:
        automaton = ahocorasick.Automaton()
        for key in keys:
            if key not in automaton:
                automaton.add_word(f" {key} ", key)
        automaton.make_automaton()
        self._automaton = automaton

    def scan(self, text: str, *, exclude: Sequence[tuple[int, int]] = ()) -> list[RawMatch]:
        """Find every name in *text*, longest first, no two overlapping.

        Parameters
        ----------
        text : str
            Any text.
        exclude : sequence of (start, end)
            Spans not to match inside (for example the names of armed groups).
        """
        words = [(f, s, e) for f, s, e in iter_tokens(text) if f not in ARTICLES]
        if not words:
            return []
        stream_starts, parts, pos = [], [], 1
        for folded, _, _ in words:
            stream_starts.append(pos)
            parts.append(folded)
            pos += len(folded) + 1
        stream = " " + " ".join(parts) + " "
        found = []
        excluded = _Exclusions(exclude)
        for end_pos, key in self._automaton.iter(stream):
            first = bisect.bisect_left(stream_starts, end_pos - len(key))
            last = first + key.count(" ")
            # Whether a match is acceptable does not depend on the others: test it before sorting.
            if _acceptable(text, words[first][1], words[last][2], key, excluded):
                found.append((first, last, key))
        found.sort(key=lambda m: (-(m[1] - m[0]), -(words[m[1]][2] - words[m[0]][1]), m[0]))
        taken: set[int] = set()
        matches = []
        for first, last, key in found:
            if taken.intersection(range(first, last + 1)):
                continue
            start, end = words[first][1], words[last][2]
            taken.update(range(first, last + 1))
            start = _with_article(text, start)
            matches.append(RawMatch(start, end, key, _sentence_initial(text, start)))
        return sorted(matches, key=lambda m: m.start)


class _Exclusions:
    """Spans not to match inside, for overlap tests in O(log n) each."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(itertools.accumulate((e for _, e in ordered), max))  # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, end)  # the spans that start before *end*
        return k > 0 and self.reach[k - 1] > start


def _acceptable(text: str, start: int, end: int, key: str, exclude: _Exclusions) -> bool:
    if " " not in key and len(key) < 3:
        return False
    first = text[start]
    if first.isalpha() and first.isascii() and not first.isupper():
        return False
    return not exclude.overlaps(start, end)


def _with_article(text: str, start: int) -> int:
    """Extend a match left over a directly preceding article ("al-Atarib", "Al Bab")."""
    m = _ARTICLE_BEFORE.search(text, max(0, start - 5), start)
    if m is None:
        return start
    begin = m.start("article")
    return begin if text[begin].isupper() or m.group("sep") == "-" else start


def _sentence_initial(text: str, start: int) -> bool:
    """Whether only spaces, quotes or a bracket stand between *start* and a sentence end (or the start)."""
    k = start - 1
    while k >= 0 and text[k] in _OPENERS:
        k -= 1
    return k < 0 or text[k] in ".!?\n:"


_OPENERS = frozenset(" \t\"'“‘(")
