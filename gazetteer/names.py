"""The one name normaliser, used for indexing, lookups and scanning text alike.

English-language war reporting spells Arabic place names in many ways: Deraa, Daraa and
Dar'a; Khan Sheikhoun and Khan Shaykhun; Tal Rifaat, Tell Rifaat and Tall Rif'at; Atareb and
Al-Atarib. :func:`fold_token` maps such variants of one word to one key, and
:func:`normalize_name` joins the folded tokens of a name, so that every spelling of a place
meets the same index entry. The folds, in order:

1. Unicode compatibility form, case folded; Latin diacritics dropped (``Ḩamāh`` -> ``hamah``);
   apostrophes and the ayn/hamza signs ``ʿ ʾ ' ’ ‘ ` ´`` deleted (``Dar'a`` -> ``dara``).
2. Every other non-alphanumeric character (hyphens included) separates tokens, so
   ``Al-Atarib`` is ``al atarib``, never ``alatarib``.
3. The Arabic article as its own token (``al``, ``el``, ``ar``, ``as``, ``ash``, ``ad``,
   ``az``, ``ez`` ...) is dropped when another token remains; in Arabic script the ``ال``
   prefix is dropped from words longer than three letters.
4. Within a Latin token: ``ou``/``oo`` -> ``u``, ``ee`` -> ``i``, ``ei``/``ai``/``ey`` -> ``ay``,
   then the short vowels are merged (``e``/``i`` -> ``a``, ``o`` -> ``u``), doubled letters
   collapse, and a final ``h`` after a vowel goes (``Hamah`` -> ``hama``).
5. In Arabic script: diacritics and tatweel removed, alef forms unified, ta marbuta -> ha,
   alef maqsura -> ya.

The folds are deliberately lossy: two different places may share a key, which the ranking
resolves; what matters is that no spelling of one place is split across keys.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

__all__ = ["normalize_name", "fold_token", "iter_tokens", "ARTICLES"]

#: Arabic article forms (as separate tokens after hyphen splitting) that are dropped.
ARTICLES: frozenset[str] = frozenset(
    {"al", "el", "ar", "as", "ash", "ad", "adh", "az", "ez", "at", "ath", "an", "ul", "es", "ed", "et", "er"}
)

_DELETE = dict.fromkeys(map(ord, "'’‘`´ʿʾʻʼ\u02bc\u02bb\u0640"), None)
_LATIN_SPECIAL = str.maketrans({"ı": "i", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe", "þ": "th"})
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_ARABIC_MAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي"})
# A word: letters and digits, with combining marks (Arabic harakat, decomposed Latin accents) inside it.
_TOKEN = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed])*")
_DIGRAPHS = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("ei", "ay"), ("ai", "ay"), ("ey", "ay"))
_VOWELS = str.maketrans({"e": "a", "i": "a", "o": "u"})
_DOUBLE = re.compile(r"(.)\1+")
_FINAL_H = re.compile(r"(?<=[aeiouy])h$")


def _is_arabic(token: str) -> bool:
    return "\u0600" <= token[0] <= "\u06ff"


@functools.lru_cache(maxsize=200_000)
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
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.translate(_LATIN_SPECIAL)
    for old, new in _DIGRAPHS:
        text = text.replace(old, new)
    text = _DOUBLE.sub(r"\1", text.translate(_VOWELS))
    return _FINAL_H.sub("", text) if len(text) > 2 else text


def iter_tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield ``(folded, start, end)`` for every word of *text*, offsets into *text*.

    Apostrophes and ayn/hamza signs inside a word do not split it (``Dar'a`` is one word);
    everything else that is not a letter or digit does. An English possessive ``'s`` is
    not part of the word (``Aleppo's`` is ``Aleppo``).
    """
    clean = text.translate(_APOSTROPHE_AS_LETTER)
    for m in _TOKEN.finditer(clean):
        start, end = m.start(), m.end()
        if end - start > 2 and text[end - 1] == "s" and text[end - 2] in "'’":
            end -= 2  # English possessive: "Aleppo's" is "Aleppo"
        folded = fold_token(text[start:end])
        if folded:
            yield folded, start, end


# For tokenising only: apostrophe-like signs count as letters so "Dar'a" stays one word.
# Every sign maps to a single letter, so offsets are unchanged.
_APOSTROPHE_AS_LETTER = str.maketrans(dict.fromkeys("'’‘`´ʿʾʻʼ", "a"))


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
    tokens = [tok for tok, _, _ in iter_tokens(name)]
    content = [tok for tok in tokens if tok not in ARTICLES]
    return " ".join(content or tokens)
