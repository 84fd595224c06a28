"""The one name normaliser, used for indexing, lookups and scanning text alike.

English-language war reporting spells a place in many ways: Deraa, Daraa and Dar'a; Khan
Sheikhoun and Khan Shaykhun; Kharkiv and Kharkov; Hsipaw and Sipaw; Djibo and Jibo.
:func:`fold_token` maps such variants of one word to one key, and :func:`normalize_name` joins
the folded tokens of a name, so that every spelling of a place meets the same index entry.
The folds, in order:

1. Unicode compatibility form, case folded; Latin diacritics dropped (``Ḩamāh`` -> ``hamah``);
   apostrophes and the ayn/hamza signs ``ʿ ʾ ' ’ ‘ ` ´`` deleted (``Dar'a`` -> ``dara``).
2. Every other non-alphanumeric character (hyphens included) separates tokens, so
   ``Al-Atarib`` is ``al atarib``, never ``alatarib``.
3. The Arabic article as its own token (``al``, ``el``, ``ar``, ``as``, ``ash``, ``ad``,
   ``az``, ``ez`` ...) is dropped when another token remains, and so is the Burmese ``Myo``
   ("town": ``Myo Hsipaw`` is Hsipaw); in Arabic script the ``ال`` prefix is dropped from
   words longer than three letters.
4. Romanisation conventions, within a Latin token of four letters or more (:data:`CONVENTIONS`):

   * French-African: ``dj`` -> ``j`` (Djibo, Jibo), ``tch`` -> ``ch`` (Tchad), an initial ``ou``
     before a vowel -> ``w`` (Ouagadougou, Wagadugu); ``ou`` -> ``u`` in rule 5;
   * Burmese: the aspirates ``hs`` (initial), ``hk``, ``hp``, ``ht`` and ``ph`` lose their ``h``
     (Hsipaw/Sipaw, Namhkam/Namkam, Hpakant/Pakant, Kyaukphyu/Kyaukpyu);
   * Ukrainian and Russian: a Russian adjective ending ``-oye``/``-oe`` is the Ukrainian ``-e``
     (Krasnoye/Krasne), the endings ``-iv``/``-ov``/``-ev`` are one (Kharkiv/Kharkov), an initial
     ``ye`` is ``e`` (Yenakiieve/Enakiieve), and ``y`` after a consonant or an ``i`` is ``i``
     (Izyum/Izium, Avdiyivka/Avdiivka; not after a vowel: "Toyota" keeps its ``y``);
   * Arabic: ``q`` -> ``k`` (Qusayr/Kusayr), ``dh`` -> ``d`` (Dhamar/Damar).

5. Within a Latin token: ``ou``/``oo`` -> ``u``, ``ee`` -> ``i``, ``ei``/``ai``/``ey`` -> ``ay``,
   then the short vowels are merged (``e``/``i`` -> ``a``, ``o`` -> ``u``), doubled letters
   collapse (Raqqa/Raqa, Hassakeh/Hasakeh), and a final ``h`` after a vowel goes (``Hamah`` -> ``hama``).
6. In Arabic script: diacritics and tatweel removed, alef forms unified, ta marbuta -> ha,
   alef maqsura -> ya.

Spacing (Burmese and Shan names written as one word or two: Nam Hkam / Namhkam, Mong Ko /
Mongko) is not a fold of one token: :func:`compact_key` gives the key of a two-word name with
its words joined, which the index holds beside the spaced key, and the matcher tries two
capitalised words joined when they are no key apart.

The folds are deliberately lossy: two different places may share a key, which the ranking
resolves; what matters is that no spelling of one place is split across keys.
``benchmarks/bench_normaliser.py`` counts the places of the packaged data that each
convention merges (false merges) against the spellings it unites.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
import unicodedata
from collections.abc import Iterable, Iterator

__all__ = ["normalize_name", "fold_token", "iter_tokens", "word_table", "split_words", "fold_content_word", "fold_word",
           "ARTICLES", "GENERIC_TOKENS", "CONVENTIONS", "compact_key", "normalize_names", "fold_tokens"]

#: Arabic article forms (as separate tokens after hyphen splitting) that are dropped.
ARTICLES: frozenset[str] = frozenset(
    {"al", "el", "ar", "as", "ash", "ad", "adh", "az", "ez", "at", "ath", "an", "ul", "es", "ed", "et", "er"}
)

#: Words (lower case, as written) that name no place on their own and are dropped like an article: Burmese
#: ``Myo`` ("town").
GENERIC_TOKENS: frozenset[str] = frozenset({"myo"})

#: The romanisation conventions folded within a Latin token (rule 4), as (convention, pattern, replacement),
#: applied in order before the vowel folds. Each pattern begins with the letters it replaces, and what
#: must come before them (a consonant, the word's start) is a look-behind after them: ``re`` then
#: skips in C to where the letters are, instead of trying the look-behind at every character of a
#: text of many words (:func:`fold_tokens`). ``h(?<=ph)`` is ``(?<=p)h``: the same matches.
CONVENTIONS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("french", re.compile("dj"), "j"),
    ("french", re.compile("tch"), "ch"),
    ("french", re.compile("ou(?<=^ou)(?=[aeio])"), "w"),  # an initial "ou" before a vowel
    ("burmese", re.compile("hs(?<=^hs)"), "s"),  # an initial "hs"
    ("burmese", re.compile("h(?:(?=[kpt])|(?<=ph))"), ""),  # "h" before k, p or t, or after p
    ("cyrillic", re.compile("o(?<=[bcdfghjklmnpqrstvwxz]o)(?:y?e)$"), "e"),  # a final -oye or -oe after a consonant
    ("cyrillic", re.compile("[oey](?<=.[oey])v$"), "iv"),  # a final -ov, -ev or -yv not the word's first letter
    ("cyrillic", re.compile("ye(?<=^ye)"), "e"),  # an initial "ye"
    ("cyrillic", re.compile("y(?<=[bcdfghjklmnpqrstvwxzi]y)"), "i"),  # "y" after a consonant or an "i"
    ("arabic", re.compile("q"), "k"),
    ("arabic", re.compile("dh"), "d"),
)

#: Matches wherever one of the conventions does.
_ANY_CONVENTION = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern, _ in CONVENTIONS))

#: Words of this many letters or fewer are not folded by the romanisation conventions.
_SHORT_WORD = 3

_DELETE = dict.fromkeys(map(ord, "'’‘`´ʿʾʻʼ\u02bc\u02bb\u0640"), None)
_ASCII_DELETED = frozenset(chr(c) for c in _DELETE if c < 128)
_LATIN_SPECIAL = str.maketrans({"ı": "i", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe", "þ": "th"})
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_ARABIC_MAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي"})
_DIGRAPHS = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("ei", "ay"), ("ai", "ay"), ("ey", "ay"))
#: The short vowels merged, after the digraphs (one after the other: no vowel is replaced by one replaced later).
_VOWELS = (("e", "a"), ("i", "a"), ("o", "u"))
_DOUBLE = re.compile(r"(.)\1+")
_FIRST_GROUP = operator.itemgetter(1)  # a run of one letter -> the letter (faster than the template r"\1")
_REPLACEMENTS = _DIGRAPHS + _VOWELS
_FINAL_H = re.compile(r"h(?<=[aeiouy]h)$")  # a final "h" after a vowel


def _is_arabic(token: str) -> bool:
    return "\u0600" <= token[0] <= "\u06ff"


@functools.lru_cache(maxsize=262_144)
def fold_token(token: str) -> str:
    """Fold one word to its index key.

    Parameters
    ----------
    token : str
        One word, as written (any case, with or without diacritics).

    Returns
    -------
    str
        The folded key; empty when nothing of the word is left.

    Examples
    --------
    >>> fold_token("Sheikhoun"), fold_token("Shaykhun")
    ('shaykhun', 'shaykhun')
    >>> fold_token("Deraa") == fold_token("Daraa") == fold_token("Dar'a")
    True
    """
    if token.isascii():  # the common case: NFKC is the identity, case folding is lower(), no marks to drop
        text = (token if _ASCII_DELETED.isdisjoint(token) else token.translate(_DELETE)).lower()
        if not text.isalnum():
            text = "".join(text.split())
        if not text:
            return ""
    else:
        # Delete the apostrophe-like signs first: NFKC turns some ("´") into a space and a mark.
        text = unicodedata.normalize("NFKC", token.translate(_DELETE)).casefold().translate(_DELETE)
        text = "".join(text.split())
        if not text:
            return ""
        if _is_arabic(text):
            text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_MAP)
            if text.startswith("ال") and len(text) > 3:
                text = text[2:]
            return text
        decomposed = unicodedata.normalize("NFKD", text)
        if decomposed.isascii():  # no combining mark is ASCII
            text = decomposed
        else:
            text = "".join(c for c in decomposed if not unicodedata.combining(c))
        text = text.translate(_LATIN_SPECIAL)
    # "Ky.", "Ga.": abbreviations keep their letters. A word that no convention matches is left as it is by
    # each in turn, so one search of them all decides whether any applies.
    if len(text) > _SHORT_WORD and _ANY_CONVENTION.search(text):
        for _, pattern, replacement in CONVENTIONS:
            text = pattern.sub(replacement, text)
    for old, new in _REPLACEMENTS:
        text = text.replace(old, new)
    text = _DOUBLE.sub(_FIRST_GROUP, text)
    return _FINAL_H.sub("", text) if len(text) > 2 else text


def iter_tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield ``(folded, start, end)`` for every word of *text*, offsets into *text*.

    Apostrophes and ayn/hamza signs inside a word do not split it (``Dar'a`` is one word);
    everything else that is not a letter or digit does. An English possessive ``'s`` is
    not part of the word (``Aleppo's`` is ``Aleppo``). Words that fold to nothing are left out.
    """
    folded, starts, ends = word_table(text)
    return zip(folded, starts, ends, strict=True)


def word_table(text: str) -> tuple[list[str], list[int], list[int]]:
    """Return the words of *text* as three parallel lists: folded form, start offset, end offset.

    The same words as :func:`iter_tokens`, cut in one pass: ``re.split`` on the word pattern,
    offsets from the running sum of the pieces' lengths, and one memoised fold per distinct
    word; no Python code runs per word but the fold of a word not seen before.
    """
    pieces = split_words(text)
    if len(pieces) == 1:
        return [], [], []
    keys, lengths = zip(*map(fold_word, pieces[1::2]), strict=True)
    offsets = list(itertools.accumulate(map(len, pieces), initial=0))
    starts = list(itertools.compress(offsets[1::2], keys))
    ends = list(map(operator.add, starts, itertools.compress(lengths, keys)))
    return list(filter(None, keys)), starts, ends


def split_words(text: str) -> list[str]:
    """Cut *text* into separators and words, alternately: ``[sep, word, sep, ..., word, sep]``.

    The words are those of :func:`iter_tokens` before folding (a possessive ``'s`` still on);
    the pieces join back into *text* (with any ``_`` made a space), so offsets are running sums
    of their lengths.
    """
    return _WORD.split(text.replace("_", " "))


@functools.lru_cache(maxsize=262_144)
def fold_word(word: str) -> tuple[str, int]:
    """Return the key of one word as cut from text and its length once an English possessive is dropped."""
    if len(word) > 2 and word[-1] == "s" and word[-2] in "'’":
        return fold_token(word[:-2]), len(word) - 2  # "Aleppo's" is "Aleppo"
    return fold_token(word), len(word)


@functools.lru_cache(maxsize=262_144)
def fold_content_word(word: str) -> tuple[str, int]:
    """Fold one word as :func:`split_words` cut it.

    Returns its key (``""`` for an article or a word with no letters left) and its length
    without an English possessive ``'s``.
    """
    key, length = fold_word(word)
    return ("" if key in ARTICLES or word.lower() in GENERIC_TOKENS else key), length


# A word as cut from text (with "_" made a space): letters and digits, apostrophe-like signs (so
# "Dar'a" stays one word), and combining marks after its first character (Arabic harakat,
# decomposed Latin accents).
_APOSTROPHES = "'’‘`´ʿʾʻʼ"
_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_WORD = re.compile(rf"([\w{_APOSTROPHES}][\w{_APOSTROPHES}{_MARKS}]*+)")


def normalize_name(name: str) -> str:
    """Return the index key of a place name: its folded words joined by single spaces.

    Parameters
    ----------
    name : str
        A place name in any spelling or script.

    Returns
    -------
    str
        The key; ``""`` for a name with no letters or digits.

    Examples
    --------
    >>> normalize_name("Khan Sheikhoun") == normalize_name("Khan Shaykhun")
    True
    >>> normalize_name("Al-Atarib") == normalize_name("Atareb")
    True
    >>> normalize_name("Tall Rif'at") == normalize_name("Tell Rifaat") == normalize_name("Tal Rifaat")
    True
    """
    pieces = split_words(name)
    words = [w for w in pieces[1::2] if w.lower() not in GENERIC_TOKENS] if len(pieces) > 3 else pieces[1::2]
    tokens = [key for key, _ in map(fold_word, words or pieces[1::2]) if key]
    content = [tok for tok in tokens if tok not in ARTICLES]
    return " ".join(content or tokens)


def normalize_names(names: Iterable[str]) -> list[str]:
    """Return :func:`normalize_name` of each name, for bulk indexing.

    The names are cut into words in one pass over their text joined by line feeds, each
    distinct word is folded once, and the keys are joined back in one pass: a name all of whose
    words fold to a key that is no article and no generic word gets its keys joined by spaces,
    as :func:`normalize_name` joins them; any other name (an article, ``Myo``, a word that folds
    to nothing) goes through :func:`normalize_name` itself.
    """
    names = list(names)
    if not names:
        return []
    text = "\n".join(names)
    if "\x00" in text or text.count("\n") != max(len(names) - 1, 0):  # a name holding a line feed: one by one
        each = {name: normalize_name(name) for name in dict.fromkeys(names)}
        return list(map(each.__getitem__, names))
    pieces = split_words(text)
    words = pieces[1::2]
    plain = dict(zip(distinct := list(dict.fromkeys(words)), _plain_keys(distinct), strict=True))
    pieces[1::2] = map(plain.__getitem__, words)  # a word's key, "\x00" where the name needs the full rules
    pieces[0::2] = map(_separator, pieces[0::2])
    pieces[0] = pieces[0].lstrip(" ")  # before the first name's first word and after the last's last
    pieces[-1] = pieces[-1].rstrip(" ")
    keys = "".join(pieces).split("\n")
    for i in [i for i, key in enumerate(keys) if "\x00" in key]:
        keys[i] = normalize_name(names[i])
    return keys


def _plain_keys(words: list[str]) -> list[str]:
    """Return :func:`_plain_key` of each of *words*, the plain ASCII words (letters and digits) folded as a batch."""
    simple = [w for w in words if w.isascii() and w.isalnum()]
    if len(simple) < 64:
        return list(map(_plain_key, words))
    folded = dict(zip(simple, fold_tokens(simple), strict=True))
    return [_plain_key(w) if (key := folded.get(w)) is None else
            key if key and key not in ARTICLES and w.lower() not in GENERIC_TOKENS else "\x00" for w in words]


#: The conventions and the last fold for many words at once, one word a line (:func:`fold_tokens`).
_LINE_CONVENTIONS = tuple((re.compile(pattern.pattern, re.MULTILINE), replacement)
                          for _, pattern, replacement in CONVENTIONS)
_LINE_FINAL_H = re.compile(r"h(?<=[^\n][aeiouy]h)$", re.MULTILINE)  # the word's third letter or later


def fold_tokens(words: list[str]) -> list[str]:
    """Return :func:`fold_token` of each of *words*, ASCII letters and digits only, folded as one text.

    The words joined one a line, every fold runs once over the text (the patterns anchored at
    line ends), and the text is cut back into words: the same keys as :func:`fold_token` word
    by word, at a fraction of the cost for thousands of words.

    Raises
    ------
    ValueError
        A word is empty or holds anything but ASCII letters and digits.
    """
    if not all(w.isascii() and w.isalnum() for w in words):
        raise ValueError("fold_tokens folds words of ASCII letters and digits; use fold_token for others")
    long = [len(w) > _SHORT_WORD for w in words]
    text = "\n".join(w for w, is_long in zip(words, long, strict=True) if is_long).lower()
    for pattern, replacement in _LINE_CONVENTIONS:
        text = pattern.sub(replacement, text)
    converted = iter(text.split("\n"))
    text = "\n".join([next(converted) if is_long else w.lower() for w, is_long in zip(words, long, strict=True)])
    for old, new in _REPLACEMENTS:
        text = text.replace(old, new)
    text = _LINE_FINAL_H.sub("", _DOUBLE.sub(_FIRST_GROUP, text))
    return text.split("\n") if words else []


@functools.lru_cache(maxsize=262_144)
def _plain_key(word: str) -> str:
    """Return the key of a word as :func:`normalize_name` files it in any name, or a NUL when it may not."""
    key = fold_word(word)[0]
    return key if key and key not in ARTICLES and word.lower() not in GENERIC_TOKENS else "\x00"


@functools.lru_cache(maxsize=4096)
def _separator(text: str) -> str:
    """Return what separates two keys where *text* separates two words: a space, or the line feeds between names."""
    return "\n" * text.count("\n") if "\n" in text else " "


def compact_key(key: str) -> str | None:
    """Return the key of a two-word name with its words joined (``"nam kam"`` -> ``"namkam"``), or None.

    Only for a key of two words whose first has at most four letters (Burmese and Shan names:
    Nam Hkam, Mong Ko, Hpa An, Loi Kaw); longer or more words are no such spelling variant.
    """
    first, sep, rest = key.partition(" ")
    if not sep or " " in rest or len(first) > 4 or not first.isalpha() or not rest.isalpha():
        return None
    return first + rest
