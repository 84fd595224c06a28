"""A literal screen for regular expressions: the sentences a set of patterns can match in.

Python's ``re`` tries an alternation of words at every position of a text, so running a
dozen trigger patterns over every sentence of every article is most of the cost of
reading an event. Nearly every match of such a pattern contains one of a few literal
words ("captured", "seized", "siege" ...). :func:`required_literals` derives that set from
the compiled pattern itself (so it can never drift from the pattern), and
:class:`LiteralScreen` finds all of them in one Aho–Corasick pass over a text: a
sentence with none of a pattern's literals cannot hold a match of it.

The screen is conservative by construction: a pattern whose matches need no literal of
three or more letters (or that the analysis does not understand) is screened in
everywhere, and a text whose lower-casing changes its length is not screened at all.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from re import _parser as sre_parse  # type: ignore[attr-defined]  # the standard library's regex parser

import ahocorasick

__all__ = ["LiteralScreen", "required_literals"]

#: Literals shorter than this are too common to screen with ("to", "of", "is").
MIN_LITERAL = 3

_C = sre_parse  # opcode names live on the parser module's constants
_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", _C.MAX_REPEAT)}


@functools.lru_cache(maxsize=1024)
def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    r"""Return the lower-case words of which every match of *pattern* contains at least one.

    Memoised: the trigger patterns are screened twice (the event sentences and the unknown places),
    and parsing a pattern again costs what compiling it did.

    Parameters
    ----------
    pattern : re.Pattern
        A compiled pattern (case-insensitive or not: the words are compared lower-cased).

    Returns
    -------
    frozenset of str or None
        None when no such set was found (the pattern must then be tried everywhere). The
        words may be parts of the pattern's words: the regex parser factors common prefixes
        out of alternatives ("fell|fallen" is "f" + "ell|allen").

    Examples
    --------
    >>> sorted(required_literals(re.compile(r"\b(?:fell\s+to|was\s+seized)")))
    ['fell', 'seized']
    >>> required_literals(re.compile(r"\d+\s*km")) is None
    True
    """
    try:
        found = _of_sequence(sre_parse.parse(pattern.pattern, pattern.flags))
    except (re.error, RecursionError, TypeError, ValueError):  # pragma: no cover - defensive
        return None
    return frozenset(found) if found else None


def _of_sequence(items) -> set[str] | None:
    """Return the most selective requirement among the items of a sequence (any one of them must hold)."""
    options: list[set[str]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= MIN_LITERAL:
            options.append({"".join(run).lower()})
        run.clear()

    for op, arg in items:
        if op is _C.LITERAL:
            run.append(chr(arg))
            continue
        flush()
        need = _of_item(op, arg)
        if need:
            options.append(need)
    flush()
    if not options:
        return None
    return max(options, key=lambda s: (min(map(len, s)), -len(s)))


def _of_item(op, arg) -> set[str] | None:
    if op is _C.SUBPATTERN:
        return _of_sequence(arg[-1])
    if op is _C.BRANCH:
        union: set[str] = set()
        for alternative in arg[1]:
            need = _of_sequence(alternative)
            if not need:
                return None  # this alternative can match without any literal
            union |= need
        return union
    if op in _REPEATS and arg[0] >= 1:
        return _of_sequence(arg[2])
    return None  # character classes, anchors, lookarounds, optional parts: no requirement


class LiteralScreen:
    """One pass over a text telling which sentences may hold a match of which pattern.

    Parameters
    ----------
    patterns : sequence of re.Pattern
        The patterns to screen for; their positions are the ids :meth:`candidates` returns.
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)
        needs = [required_literals(p) for p in self.patterns]
        self._always = frozenset(k for k, need in enumerate(needs) if need is None)
        users: dict[str, set[int]] = {}
        for k, need in enumerate(needs):
            for word in need or ():
                users.setdefault(word, set()).add(k)
        self._automaton = ahocorasick.Automaton()
        for word, ids in users.items():
            self._automaton.add_word(word, (len(word), frozenset(ids)))
        if users:
            self._automaton.make_automaton()
        self._empty = not users
        self._ascii_words = all(word.isascii() for word in users)
        letters = "".join(map(re.escape, sorted(set("".join(users)))))
        #: a non-ASCII character that ``re.IGNORECASE`` equates with a letter of the literals
        self._case_variant = re.compile(rf"(?=[^\x00-\x7f])(?i:[{letters}])" if letters else "(?!)")

    def candidates(self, text: str, spans: Sequence[tuple[int, int]]) -> dict[int, frozenset[int]]:
        """For each sentence that may match, the ids of the patterns that may match in it.

        Parameters
        ----------
        text : str
            The whole text.
        spans : sequence of (start, end)
            Sentence offsets into *text*, in order and not overlapping.

        Returns
        -------
        dict
            Sentence index -> pattern ids (sentences with no possible match are left out; a
            sentence on which the screen is not exact, see :meth:`exact_on`, gets every pattern).
        """
        lowered = text.lower()
        if len(lowered) != len(text) or self._empty:  # offsets would shift: screen nothing out
            everything = frozenset(range(len(self.patterns)))
            return {k: everything for k in range(len(spans))}
        starts = [s for s, _ in spans]
        found: dict[int, set[int]] = {}
        for end, (length, ids) in self._automaton.iter(lowered):
            begin = end - length + 1
            k = bisect.bisect_right(starts, begin) - 1
            if k >= 0 and end < spans[k][1]:
                found.setdefault(k, set()).update(ids)
        if self._always:
            for k in range(len(spans)):
                found.setdefault(k, set()).update(self._always)
        if not text.isascii():  # "ſeized" matches a pattern case-insensitively but holds no literal
            for k, (s, e) in enumerate(spans):
                if not self.exact_on(text[s:e]):
                    found[k] = set(range(len(self.patterns)))
        return {k: frozenset(ids) for k, ids in sorted(found.items())}

    def exact_on(self, segment: str) -> bool:
        """Whether :meth:`candidates` is exact on *segment* (one of the screened sentences).

        Exact means that a pattern left out of the sentence's ids has no match in it. The
        screen compares lower-cased text, but ``re.IGNORECASE`` also equates letters whose
        ``str.lower`` differs ("ı" and "ſ" match "i" and "s"): a sentence holding a non-ASCII
        character that case-insensitively equals a literal's character, or any sentence when
        some literal is not ASCII, may match a pattern that was screened out.

        Parameters
        ----------
        segment : str
            The text of one sentence passed to :meth:`candidates`.

        Returns
        -------
        bool
            True when every pattern that can match in *segment* is among its ids.
        """
        return self._ascii_words and (segment.isascii() or self._case_variant.search(segment) is None)
