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

:class:`LiteralGate` is the same screen for one pattern searched in many short spans (a
sentence, the words before a name): the pattern is tried only where one of its literal words
occurs, which a substring test of the lower-cased text tells for a fraction of the search.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from re import _parser as sre_parse  # type: ignore[attr-defined]  # the standard library's regex parser

import ahocorasick

__all__ = ["LiteralGate", "LiteralScreen", "required_literals"]

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


#: Beginnings shorter than this are not screened with ("a"); "is" and "in" are: the pattern is then matched at each of
#: their occurrences in a span, still fewer than its positions.
MIN_START = 2
#: The most beginnings :func:`required_starts` expands a pattern to.
_MAX_STARTS = 512
_ZERO_WIDTH = {_C.AT, _C.ASSERT, _C.ASSERT_NOT}


@functools.lru_cache(maxsize=1024)
def required_starts(pattern: re.Pattern[str]) -> frozenset[str] | None:
    r"""Return the lower-case words one of which every match of *pattern* begins with.

    Zero-width items (``\b``, lookarounds) are passed over; the literal words of the first
    items that consume text are expanded, alternative by alternative, as far as they are
    literal (an optional letter both ways: "captured?" is "capture" and "captured").

    Parameters
    ----------
    pattern : re.Pattern
        A compiled pattern (case-insensitive or not: the words are compared lower-cased).

    Returns
    -------
    frozenset of str or None
        None when some match may begin otherwise than with a word of :data:`MIN_START` or
        more characters (a character class, an optional first word), or the expansion grows
        past :data:`_MAX_STARTS` words.

    Examples
    --------
    >>> sorted(required_starts(re.compile(r"\b(?:took|retook|recaptured?)\s+(?:the\s+)?\w+")))
    ['recapture', 'recaptured', 'retook', 'took']
    >>> required_starts(re.compile(r"\b(?:\w+ly\s+)?captured")) is None
    True
    """
    try:
        found = _starts_of_sequence(sre_parse.parse(pattern.pattern, pattern.flags))
    except (re.error, RecursionError, TypeError, ValueError):  # pragma: no cover - defensive
        return None
    if found is None or not found[0] or min(map(len, found[0])) < MIN_START:
        return None
    return frozenset(word.lower() for word in found[0])


def _starts_of_sequence(items) -> tuple[set[str], bool] | None:
    """Return the beginnings of a sequence's matches, and whether they are its whole matches; None if unknown."""
    out, whole = {""}, True
    for op, arg in items:
        if not whole:
            break
        if op in _ZERO_WIDTH:
            continue
        found = _starts_of_item(op, arg)
        if found is None:
            return (out, False) if out != {""} else None
        words, whole = found
        out = {a + b for a in out for b in words}
        if len(out) > _MAX_STARTS:
            return None
    return out, whole


def _starts_of_item(op, arg) -> tuple[set[str], bool] | None:
    if op is _C.LITERAL:
        return {chr(arg)}, True
    if op is _C.SUBPATTERN:
        return _starts_of_sequence(arg[-1])
    if op is _C.BRANCH:
        union: set[str] = set()
        whole = True
        for alternative in arg[1]:
            found = _starts_of_sequence(alternative)
            if found is None:
                return None
            union |= found[0]
            whole = whole and found[1]
        return union, whole
    if op in _REPEATS and arg[1] == 1 and arg[0] <= 1:  # once, or at most once ("d?")
        found = _starts_of_sequence(arg[2])
        if found is None:
            return None
        return (found[0] | {""} if arg[0] == 0 else found[0]), found[1]
    if op in _REPEATS and arg[0] >= 1:  # a match begins with the first repetition
        found = _starts_of_sequence(arg[2])
        return (found[0], False) if found is not None else None
    return None


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


#: A non-ASCII character that ``re.IGNORECASE`` equates with an ASCII letter ("ſ" with "s", "K" with "k", "ı" and
#: "İ" with "i"): in a text holding one, a match need not hold its literal words as lower-cased ASCII.
_ASCII_CASE_VARIANT = re.compile(r"(?=[^\x00-\x7f])(?i:[a-z])")
#: Texts at least this long (articles) keep their lower-cased form for the next gate that reads them.
_KEEP_LOWERED = 1000
#: Spans up to this long are tested word by word; longer ones in one pass of an Aho–Corasick automaton.
_SHORT_SPAN = 100
#: The last two long texts and their lower-cased forms (None: not screenable), newest first.
_lowered_kept: list[tuple[str, str | None]] = [("", ""), ("", "")]


def _lowered(text: str) -> str | None:
    """Return *text* lower-cased with the same offsets, or None when a literal test on it would not be exact."""
    newest, older = _lowered_kept[0], _lowered_kept[1]
    if newest[0] is text:
        return newest[1]
    if older[0] is text:
        return older[1]
    low: str | None = text.lower()
    if len(low) != len(text) or not text.isascii() and _ASCII_CASE_VARIANT.search(text):  # type: ignore[arg-type]
        low = None
    if len(text) >= _KEEP_LOWERED:
        _lowered_kept[1], _lowered_kept[0] = newest, (text, low)
    return low


class LiteralGate:
    r"""A compiled pattern tried only in the spans that hold one of its literal words, and only where a match may begin.

    :meth:`search` and :meth:`finditer` return exactly what the pattern's own would. A span
    that holds none of the words :func:`required_literals` finds in the pattern cannot hold a
    match, so the pattern is not tried there; and when every match begins with one of the words
    :func:`required_starts` finds, the pattern is matched only where one of them begins (a
    search tries every position). The tests are exact on a text whose lower-casing keeps its
    length and which holds no non-ASCII letter ``re.IGNORECASE`` equates with an ASCII one; on
    any other text, and for a pattern without ASCII literal words, the pattern is searched as
    usual.

    Parameters
    ----------
    pattern : re.Pattern
        The pattern.

    Examples
    --------
    >>> gate = LiteralGate(re.compile(r"\bfrom\s+(?:the\s+)?$", re.I))
    >>> gate.words, gate.starts
    (('from',), ('from',))
    >>> gate.search("seized Kidal from the ") is not None, gate.search("seized Kidal on Sunday with the ")
    (True, None)
    """

    __slots__ = ("pattern", "words", "starts", "_automaton", "_starts_automaton")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        need = required_literals(pattern)
        #: The literal words, one of which every match holds (lower case); None: no test, the pattern is always tried.
        self.words: tuple[str, ...] | None = (tuple(sorted(need)) if need is not None and all(w.isascii() for w in need)
                                              else None)
        begins = required_starts(pattern)
        #: The words one of which every match begins with (lower case); None: the pattern is searched.
        self.starts: tuple[str, ...] | None = (tuple(sorted(begins)) if begins is not None
                                               and all(w.isascii() for w in begins) else None)
        self._automaton = _automaton_of(self.words or ())
        self._starts_automaton = _automaton_of(self.starts or ())

    def may_match(self, string: str, pos: int = 0, endpos: int | None = None) -> bool:
        """Whether ``string[pos:endpos]`` holds one of the words (False: the pattern has no match there)."""
        if self.words is None:
            return True
        span = _screenable(string, pos, endpos)
        return span is None or self._holds_word(*span)

    def _holds_word(self, low: str, pos: int, end: int) -> bool:
        words = self.words
        if words is None:
            return True
        if pos or end < len(low):
            low = low[pos:end]  # (the automaton reads the whole string it is given, whatever the bounds)
        if end - pos > _SHORT_SPAN:  # one pass for all the words
            return next(self._automaton.iter(low), None) is not None
        for word in words:
            if word in low:
                return True
        return False

    def _begins(self, low: str, pos: int, end: int) -> list[int]:
        """Where a word of :attr:`starts` begins within ``low[pos:end]``, in order."""
        span = low[pos:end] if pos or end < len(low) else low  # the automaton reads all it is given
        found = [pos + last - length + 1 for last, length in self._starts_automaton.iter(span)]
        return sorted(set(found)) if len(found) > 1 else found

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """``pattern.search(string, pos, endpos)``, tried only where it may match."""
        span = None if self.words is None and self.starts is None else _screenable(string, pos, endpos)
        if span is not None and self.starts is not None:
            end = span[2]
            for begin in self._begins(*span):  # the leftmost match is the first that a beginning gives
                if (m := self.pattern.match(string, begin, end)) is not None:
                    return m
            return None
        if span is not None and not self._holds_word(*span):
            return None
        return self.pattern.search(string, pos) if endpos is None else self.pattern.search(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(string, pos, endpos)``, tried only where it may match."""
        span = None if self.words is None and self.starts is None else _screenable(string, pos, endpos)
        if span is not None and self.starts is not None:
            return self._matches(string, span[2], self._begins(*span))
        if span is not None and not self._holds_word(*span):
            return iter(())
        return self.pattern.finditer(string, pos) if endpos is None else self.pattern.finditer(string, pos, endpos)

    def _matches(self, string: str, end: int, begins: list[int]) -> Iterator[re.Match[str]]:
        """Yield what ``finditer`` would when every match begins at one of *begins* (none is empty)."""
        after = 0
        for begin in begins:
            if begin >= after and (m := self.pattern.match(string, begin, end)) is not None:
                yield m
                after = m.end()


def _automaton_of(words: Sequence[str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, len(word))
    if words:
        automaton.make_automaton()
    return automaton


def _screenable(string: str, pos: int, endpos: int | None) -> tuple[str, int, int] | None:
    """Return *string* lower-cased and the span clamped as ``re`` clamps it, or None where the tests are not exact."""
    low = _lowered(string)
    if low is None:
        return None
    n = len(low)
    return low, 0 if pos < 0 else min(pos, n), n if endpos is None else 0 if endpos < 0 else min(endpos, n)
