"""The name a place is shown by: the form English-language reporting writes, never a phrase.

A sentence names a place in many ways: "Aleppo", "the city", "the base", "Aleppo city".
Marks, labels and table rows name a place by one form, chosen from what the corpus itself
wrote (pure functions, no IO):

1. Every written form of the place (the ``place`` of each event on it, the ``place`` of each
   baseline row) that is a **proper name** counts once per mention: every word but the
   connecting particles (``al``, ``of``, ``de`` ...) starts with a capital letter, and it is
   more than determiners and generic place words ("The Base", "Artillery Academy" are not
   names; "al-Bab" is). A trailing possessive is dropped ("Aleppo's").
2. The most frequent proper form wins (ties: the alphabetically first, so the choice never
   depends on input order).
3. With no proper form, the gazetteer's name of the place, folded to plain Latin
   ("Ḩamāh" -> "Hamah"); without one, the most frequent written form, folded the same way.

The words as written stay in the evidence (``ControlEvent.place``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping

__all__ = ["display_names", "is_proper_name", "plain_latin"]

#: Words that connect the parts of a proper name and may stay lower-case.
PARTICLES = frozenset(
    "al el ar as ash ad adh az ez at ath an ul es ed et er bin ibn bint abu of de del della des "
    "di da du la le les van von der den y e and upon on sur am im".split()
)
#: Determiners: a form made of these and generic place words is a phrase, not a name.
DETERMINERS = frozenset("the a an this that these those its their his her our its".split())
#: Generic place words (English).
GENERIC_WORDS = frozenset(
    "city town village hamlet base airbase academy college school university airport capital "
    "province region governorate district area areas neighbourhood neighborhood suburb suburbs "
    "camp front frontline positions position outskirts centre center east west north south "
    "eastern western northern southern half part parts countryside stronghold enclave pocket "
    "border crossing hill road highway bridge dam garrison checkpoint military artillery "
    "barracks headquarters compound facility plant port harbour harbor station prison "
    "hospital market square quarter district old new".split()
)
_POSSESSIVE = re.compile(r"[’']s$")
_SIGNS = dict.fromkeys(map(ord, "ʿʾʻʼ‘’`´"), None)
_WORD = re.compile(r"[^\s\-–]+")


def plain_latin(name: str) -> str:
    """Return a name folded to plain Latin letters: diacritics and ayn/hamza signs dropped.

    Parameters
    ----------
    name : str
        A name, as the gazetteer or a text writes it.

    Returns
    -------
    str
        The name without combining marks and without ``ʿ ʾ ‘ ’`` signs; other characters
        (spaces, hyphens, ASCII apostrophes) are kept.

    Examples
    --------
    >>> plain_latin("Ḩamāh"), plain_latin("Dar‘ā"), plain_latin("Kramatorsk")
    ('Hamah', 'Dara', 'Kramatorsk')
    """
    decomposed = unicodedata.normalize("NFKD", name.translate(_SIGNS))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c))).strip()


def _clean(form: str) -> str:
    text = " ".join(form.strip().strip("\"“”'‘’").split())
    return _POSSESSIVE.sub("", text)


def is_proper_name(form: str) -> bool:
    """Return True if a written form is a proper name (see the module docstring, rule 1).

    Examples
    --------
    >>> [is_proper_name(f) for f in ("Aleppo", "the base", "The Base", "Deir ez-Zor", "Aleppo city")]
    [True, False, False, True, False]
    >>> is_proper_name("The Hague"), is_proper_name("al-Bab"), is_proper_name("Artillery Academy")
    (True, True, False)
    """
    text = _clean(form)
    if not text:
        return False
    words = [w for part in _WORD.findall(text) for w in part.split("-") if w]
    if not words:
        return False
    for w in words:
        if not w[0].isalpha() and not w[0].isdigit():
            return False
        if w[0].isalpha() and not w[0].isupper() and w.lower() not in PARTICLES:
            return False
    content = [w.lower() for w in words if w.lower() not in DETERMINERS and w.lower() not in PARTICLES]
    return any(w not in GENERIC_WORDS for w in content)


def display_names(written: Mapping[str, Iterable[str]], official: Mapping[str, str] | None = None) -> dict[str, str]:
    """Return the name each place is shown by (module docstring, rules 1-3).

    Parameters
    ----------
    written : mapping of str to iterable of str
        Place id -> every written form of the place in the corpus, one per mention (event
        or baseline row).
    official : mapping of str to str, optional
        Place id -> the gazetteer's name of the place, the fallback.

    Returns
    -------
    dict of str to str
        Place id -> name, for every id of *written* and of *official*.

    Examples
    --------
    >>> display_names({"p": ["the base", "the base"]}, {"p": "Ramouseh Artillery Academy"})
    {'p': 'Ramouseh Artillery Academy'}
    >>> display_names({"q": ["Deraa", "Daraa", "Deraa"]}, {"q": "Dar‘ā"})
    {'q': 'Deraa'}
    """
    official = official or {}
    out: dict[str, str] = {}
    for place_id, forms in written.items():
        counts = Counter(_clean(f) for f in forms if f)
        proper = sorted((-n, f) for f, n in counts.items() if is_proper_name(f))
        if proper:
            out[place_id] = proper[0][1]
        elif official.get(place_id):
            out[place_id] = plain_latin(official[place_id])
        elif counts:
            out[place_id] = plain_latin(min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0])
    for place_id, name in official.items():
        out.setdefault(place_id, plain_latin(name))
    return out
