"""Finding gazetteer names in text: a trie of all names, entered at the words that can start one.

The text is cut into words and each word folded with :func:`gazetteer.names.fold_token`
(the same fold the index uses); article words (``al``, ``as`` ...) are left out, as they
are from the keys. Every key is held in one ``marisa-trie`` trie, which a process maps from
the cache (:mod:`gazetteer.cache`) rather than builds: :func:`name_trie` builds it,
:meth:`NameMatcher.load` maps it. From each word that can start a name (below), the folded
words that follow are joined one by one while they still begin some key, and each join that
is a whole key is a match; so a match always starts and ends on a word boundary, and the
many lower-case words of a text cost one test each. A name's first word and the capitalised
word after it are also tried joined, since Burmese and Shan names are written as one word or
two ("Nam Hkam", "Namhkam"; the index holds two-word names joined as well,
:func:`gazetteer.names.compact_key`). Overlapping matches are resolved longest first, then
leftmost. Rules for names that are also ordinary words:

* the first word of a match must be capitalised as written (or in a non-Latin script):
  "the army moved home" never matches a place called Home;
* a match of several words never ends on a conjunction or preposition written in lower case
  ("Mali and" folds as "Mile End" does);
* a one-word match shorter than three letters is ignored, unless its key is one of the
  matcher's ``short`` keys (abbreviations) written in capitals ("US", "UK") or capitalised
  before a full stop ("Ga."), or one of its ``clipped`` keys (a name of three letters or more
  that folds to fewer: "Ibb" is "ib") written with three letters or more;
* a match that is a common English word (``common_words.txt``, derived from the
  ``wordfreq`` package) is flagged ``common_word``; :class:`gazetteer.Gazetteer` then keeps
  it only when it is not the first word of a sentence and a candidate lies in the
  document's focus countries.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
import string
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

import marisa_trie

from gazetteer.names import ARTICLES, fold_content_word, split_words

__all__ = ["NameMatcher", "RawMatch", "name_trie"]


class RawMatch(NamedTuple):
    """A span of text whose folded words equal a gazetteer key (a named tuple: many are made per text)."""

    start: int
    end: int
    key: str
    sentence_initial: bool


#: An article directly before a name, as its own word ("al-" in "al-Atarib", "Al " in "Al Bab").
_ARTICLE_ALTERNATIVES = "|".join(sorted(map(re.escape, ARTICLES), key=len, reverse=True))
_ARTICLE_ENDINGS = tuple(ARTICLES)
#: The characters whose lower case ends as an article does ("l" of "al", "ſ" read as "s"); checked over all of
#: Unicode, these are the letters themselves in both cases.
_ARTICLE_FINALS = frozenset({a[-1] for a in ARTICLES} | {a[-1].upper() for a in ARTICLES}
                            | ({"ſ"} if any(a.endswith("s") for a in ARTICLES) else set()))
_ARTICLE_BEFORE = re.compile(rf"(?<![^\W_])(?P<article>{_ARTICLE_ALTERNATIVES})(?P<sep>[- ])$", re.I)


#: A match before exclusions and overlaps: (-words, start - end, first word, last word, start, end, key), sortable.
_Found = tuple[int, int, int, int, int, int, str]


def name_trie(keys: Iterable[str], *, short: Iterable[str] = ()) -> marisa_trie.Trie:
    """Return the trie of the keys a matcher finds.

    Parameters
    ----------
    keys : iterable of str
        Folded name keys (:func:`gazetteer.names.normalize_name` output), repeats allowed.
    short : iterable of str
        Keys of one or two letters to keep (abbreviations: "us", "uk"; clipped keys of longer
        names: "ib" of "Ibb"); other one-word keys under three letters never match.
    """
    kept = frozenset(k for k in short if " " not in k and len(k) < 3)
    return marisa_trie.Trie({k for k in keys if " " in k or len(k) >= 3 or k in kept})


class NameMatcher:
    """A multi-pattern matcher over a set of name keys, and optionally a second set (the user gazetteer's).

    Parameters
    ----------
    keys : iterable of str
        Folded name keys (:func:`gazetteer.names.normalize_name` output).
    short : iterable of str
        Keys of one or two letters that may match when written as abbreviations (see :func:`name_trie`).
    clipped : iterable of str
        Keys of one or two Latin letters that names of three letters or more fold to ("ab": "Ibb",
        :meth:`gazetteer.store.PlaceStore.clipped_keys`): they match a word written with three
        letters or more (not in Arabic script, where most words of three letters fold to two). A
        common word among them ("All" folds as "Ell" does) is a word unless the gazetteer's rules for
        names that are words keep it (:class:`gazetteer.Gazetteer`).
    trie : marisa_trie.Trie, optional
        The trie of *keys* (:func:`name_trie`), built already.
    user : marisa_trie.Trie, optional
        More keys, unfiltered (the user gazetteer's, :class:`gazetteer.store.UserTables`): found as
        if they were in *keys*, so that a change of the user gazetteer leaves the large trie of the
        packaged keys as it is.
    """

    def __init__(self, keys: Iterable[str] = (), *, short: Iterable[str] = (), clipped: Iterable[str] = (),
                 trie: marisa_trie.Trie | None = None, user: marisa_trie.Trie | None = None) -> None:
        self._short = frozenset(k for k in short if " " not in k and len(k) < 3)
        self._clipped = frozenset(k for k in clipped if " " not in k and len(k) < 3 and k.isascii())
        self._trie = trie if trie is not None else name_trie(keys, short=self._short | self._clipped)
        self._user = user
        # A word as written -> (its key, whether that is a whole key, its length without "'s"), or _NO_START
        # when no key starts with it.
        self._starts: dict[str, tuple[str, bool, int]] = {}
        # Keys of two or more words -> whether a key starts with them (a corpus repeats its names).
        self._prefixes: dict[str, bool] = {}
        # A text -> its matches before exclusions and overlaps (a caller scans an article more than once), and per
        # match start the start with its article and whether it starts a sentence (found as matches are taken).
        self._scanned: dict[str, tuple[list[_Found], dict[int, tuple[int, bool]]]] = {}

    @classmethod
    def load(cls, folder: Path) -> NameMatcher:
        """Map a matcher that :meth:`save` wrote (:class:`RuntimeError` or :class:`OSError` when damaged)."""
        trie = marisa_trie.Trie()
        trie.mmap(str(folder / _TRIE_FILE))
        short = (folder / _SHORT_FILE).read_text(encoding="utf-8").split()
        clipped = (folder / _CLIPPED_FILE).read_text(encoding="utf-8").split()
        return cls(trie=trie, short=short, clipped=clipped)

    def save(self, folder: Path) -> None:
        """Write the matcher's trie and short keys into *folder* (the user keys are not written)."""
        self._trie.save(str(folder / _TRIE_FILE))
        (folder / _SHORT_FILE).write_text("\n".join(sorted(self._short)), encoding="utf-8")
        (folder / _CLIPPED_FILE).write_text("\n".join(sorted(self._clipped)), encoding="utf-8")

    def with_user(self, user: marisa_trie.Trie) -> NameMatcher:
        """Return a matcher over this one's keys and the keys of *user* (unfiltered; see :func:`name_trie`)."""
        return NameMatcher(trie=self._trie, short=self._short, clipped=self._clipped, user=user)

    def __len__(self) -> int:
        if self._user is None:
            return len(self._trie)
        return len(self._trie) + sum(1 for k in self._user if self._findable(k) and k not in self._trie)

    def _findable(self, key: str) -> bool:
        """Tell whether a key may be found at all (:func:`name_trie` keeps it)."""
        return " " in key or len(key) >= 3 or key in self._short or key in self._clipped

    def is_key(self, key: str) -> bool:
        """Tell whether *key* is one of the keys."""
        if key in self._trie:
            return True
        user = self._user
        return user is not None and key in user and self._findable(key)

    def begins_key(self, prefix: str) -> bool:
        """Tell whether some key starts with *prefix* (letter by letter: "ale" begins "aleppo")."""
        if next(self._trie.iterkeys(prefix), None) is not None:
            return True
        user = self._user
        if user is None or next(user.iterkeys(prefix), None) is None:
            return False
        # every key that starts with a prefix of three letters or a space is findable; a shorter one, maybe not
        return " " in prefix or len(prefix) >= 3 or any(map(self._findable, user.iterkeys(prefix)))

    def _begins_words(self, probe: str) -> bool:
        """:meth:`begins_key` for a key of two or more words, memoised."""
        known = self._prefixes.get(probe)
        if known is None:
            if len(self._prefixes) > _STARTS_CACHE_SIZE:
                self._prefixes.clear()
            known = self._prefixes[probe] = self.begins_key(probe)
        return known

    def scan(self, text: str, *, exclude: Sequence[tuple[int, int]] = ()) -> list[RawMatch]:
        """Find every name in *text*, longest first, no two overlapping.

        Parameters
        ----------
        text : str
            Any text.
        exclude : sequence of (start, end)
            Spans not to match inside (for example the names of armed groups).
        """
        scanned = self._scanned.get(text)
        if scanned is None:
            if len(self._scanned) >= _SCANNED_CACHE_SIZE:
                del self._scanned[next(iter(self._scanned))]  # the oldest
            scanned = self._scanned[text] = (self._all_matches(text), {})
        found, starts = scanned
        if exclude:
            excluded = _Exclusions(exclude)
            found = [f for f in found if not excluded.overlaps(f[4], f[5])]
        return _disjoint(text, found, starts)

    def _all_matches(self, text: str) -> list[tuple[int, int, int, int, int, int, str]]:
        """Return every match in *text*, overlaps included, as sortable tuples (:meth:`scan` sorts and picks)."""
        pieces = split_words(text)  # separator, word, separator, ..., word, separator
        words = pieces[1::2]
        offsets = list(itertools.accumulate(map(len, pieces), initial=0))  # word i starts at offsets[2i + 1]
        begins_first, begins = self.begins_key, self._begins_words
        is_key = self._trie.__contains__ if self._user is None else self.is_key
        fold = fold_content_word
        short, clipped = self._short, self._clipped
        n_words = len(words)
        found = []
        # A name starts with a capital (or a non-Latin letter, or a digit): only there are keys looked up,
        # joining the content words that follow one by one while the words so far begin some key.
        lower = map(_LOWER_ASCII.__contains__, map(operator.itemgetter(0), words))
        starts = self._starts
        if len(starts) > _STARTS_CACHE_SIZE:
            starts.clear()
        for first in itertools.compress(itertools.count(), map(operator.not_, lower)):
            word = words[first]
            known = starts.get(word)
            if known is None:
                key, length = fold(word)  # key "" for an article or a sign: not a word of any key
                known = starts[word] = (key, is_key(key), length) if key and begins_first(key) else _NO_START
            probe, whole, length = known
            if not probe:
                continue  # no key starts with this word
            last, count = first, 1
            while True:
                if whole if count == 1 else is_key(probe):
                    start = offsets[2 * first + 1]
                    end = offsets[2 * last + 1] + (length if count == 1 else fold(words[last])[1])
                    if (count > 1 and words[last] not in _TRAILING_WORDS or count == 1 and (
                            len(probe) > 2 or probe in short and _abbreviation_as_written(words[first], text, end)
                            or probe in clipped and _letters(words[first]) > 2)):
                        # sorted below by most words, then most characters, then leftmost (unique per first word)
                        found.append((-count, start - end, first, last, start, end, probe))
                following = last + 1
                next_key = fold(words[following])[0] if following < n_words else ""
                if not next_key:  # past the end, or an article: the next content word, if any
                    next_content = _next_content_word(words, following)
                    if next_content is None:
                        break
                    following, next_key = next_content, fold(words[next_content])[0]
                last = following
                if (count == 1 and len(probe) <= _JOINED_FIRST and words[following][:1].isupper()
                        and words[first].lower() not in _FUNCTION_WORDS
                        and pieces[2 * following] == " " and is_key(probe + next_key)):
                    # two capitalised words one space apart that are one name written as one word ("Nam Hkam" is
                    # Namhkam); the first is a short syllable, as in compact_key
                    start = offsets[2 * first + 1]
                    end = offsets[2 * following + 1] + fold(words[following])[1]
                    if text[end : end + 1] != "-":
                        found.append((-2, start - end, first, following, start, end, probe + next_key))
                probe += " " + next_key
                count += 1
                if not begins(probe):
                    break
        return found


def _disjoint(text: str, found: list[tuple[int, int, int, int, int, int, str]],
              starts: dict[int, tuple[int, bool]]) -> list[RawMatch]:
    """Return the matches of :meth:`NameMatcher.scan`: longest first, no two overlapping, by start.

    *starts* remembers, per match start in *text*, the start with a preceding article and whether it
    starts a sentence (filled in place).
    """
    found = sorted(found)
    taken: set[int] = set()
    matches = []
    for _, _, first, last, start, end, key in found:
        if first == last:
            if first in taken:
                continue
            taken.add(first)
        else:
            if taken.intersection(range(first, last + 1)):
                continue
            taken.update(range(first, last + 1))
        known = starts.get(start)
        if known is None:
            begin = _with_article(text, start)
            known = starts[start] = (begin, _sentence_initial(text, begin))
        matches.append(RawMatch(known[0], end, key, known[1]))
    matches.sort()  # by start: no two overlap
    return matches


_LOWER_ASCII = frozenset(string.ascii_lowercase)
#: The longest probe (a space and the folded first word) tried joined with the next word: four letters, as
#: :func:`gazetteer.names.compact_key`.
_JOINED_FIRST = 5
#: Short English words that start a sentence or a title capitalised and are never the first syllable of a name
#: written in two words ("The US", "In Iraq").
_FUNCTION_WORDS = frozenset("""the a an in on at to of for but and or nor his her its our my we he she it they
    this that then than when as by from with into onto upon over near after so if not no yes all any some one two
    new old mr mrs ms dr st mt gen col maj capt lt sgt pres sen rep gov our your was were has had have will may
    said says says""".split())
#: Conjunctions and prepositions that, written in lower case, never end a name of several words: "Mali and Niger"
#: is no "Mile End" (the folded keys are equal) and Niger; "Sake and Goma", "Idlib or Hama" neither.
_TRAILING_WORDS = frozenset("and or nor but of in on at to from near by with into onto than".split())
#: How many distinct capitalised words the matcher remembers (whether a key starts with each) before starting afresh.
_STARTS_CACHE_SIZE = 500_000
#: Texts whose matches :meth:`NameMatcher.scan` keeps (an article, and the sentences read again in between).
_SCANNED_CACHE_SIZE = 32
_NO_START = ("", False, 0)
#: The files of a saved matcher.
_TRIE_FILE, _SHORT_FILE, _CLIPPED_FILE = "names.marisa", "short.txt", "clipped.txt"


def _letters(word: str) -> int:
    """Return how many letters and digits *word* has (not its apostrophes or marks)."""
    return sum(map(str.isalnum, word))


def _abbreviation_as_written(word: str, text: str, end: int) -> bool:
    """Tell whether a one-word key under three letters (an abbreviation) is written as one.

    That is in capitals ("US", "UK") or capitalised before a full stop ("Ga.").
    """
    return word.isupper() and len(word) > 1 or text[end : end + 1] == "."


def _next_content_word(words: Sequence[str], k: int) -> int | None:
    """Return the index of the first word from *k* on that is part of keys (not an article), or None."""
    for j in range(k, len(words)):
        if fold_content_word(words[j])[0]:
            return j
    return None


class _Exclusions:
    """Spans not to match inside, for overlap tests in O(log n) each."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(itertools.accumulate((e for _, e in ordered), max))  # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, end)  # the spans that start before *end*
        return k > 0 and self.reach[k - 1] > start


def _with_article(text: str, start: int) -> int:
    """Extend a match left over a directly preceding article ("al-Atarib", "Al Bab")."""
    # The pattern ends in an article, then "-" or " ", then "$" (which may also precede a "\n"): test that first.
    sep = start - 1 if text[start - 1 : start] in ("-", " ") else start - 2
    if sep == start - 2 and not (text[start - 1 : start] == "\n" and text[start - 2 : start - 1] in ("-", " ")):
        return start
    if sep < 1 or text[sep - 1] not in _ARTICLE_FINALS:
        return start  # the word before does not end as an article does
    if not text[max(0, start - 5) : sep].lower().replace("ſ", "s").endswith(_ARTICLE_ENDINGS):
        return start
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
