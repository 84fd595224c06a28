"""Choosing among the candidates of a name.

A candidate's score adds up, in this order of weight:

* **cue words** around the name pick the kind: "the province of Idlib", "the Deraa region",
  "Aleppo and Idlib provinces", "Homs governorate" ask for a first-level division; "the city
  of Aleppo", "the town of X" for a populated place; a candidate of the asked-for kind gets
  :data:`CUE_BONUS`, one of another kind loses :data:`CUE_PENALTY`;
* **spelling**: a name written exactly as one of the candidate's names (ignoring case,
  diacritics, hyphens and the article) scores 1, a looser match its similarity ratio;
* **context**: a candidate in a country the document is about (its focus, see
  :func:`document_focus`) gets :data:`FOCUS_BONUS` (Homs in Syria, not Al Khums in Libya);
* **size**: population on a log scale, and a prior by kind (country > region > city >
  town > village), so the larger of two same-named places wins when nothing else decides.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from gazetteer.model import Place
from gazetteer.names import ARTICLES

__all__ = ["CUE_AFTER_CHARS", "Candidate", "Cue", "rank", "cue_at", "cue_in_context", "document_focus", "light_form",
           "likeness", "spelling_similarity"]

CUE_BONUS = 1.5
CUE_PENALTY = 0.6
FOCUS_BONUS = 0.8
KIND_PRIOR = {
    "country": 0.6, "admin1": 0.35, "city": 0.3, "town": 0.2, "village": 0.1,
    "neighbourhood": 0.15, "landmark": 0.15, "military": 0.15, "infrastructure": 0.1,
}
REGION_KINDS = frozenset({"admin1"})
SETTLEMENT_KINDS = frozenset({"city", "town", "village"})

#: A name of a list after the first: ", Sumy", " and North Darfur", ", or Hama" (capitalised words, up to three).
_LIST_NAME = r"(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2}"
#: The plural words of divisions that, after a list or before one, make every name of it a division (before it, in
#: lower case only: "the United States of America" is no list of states).
_DIVISIONS = r"(?:provinces|governorates|regions|districts|oblasts|states)"
_REGION_AFTER = re.compile(r"^\s*(?:and\s+\w[\w'’-]*\s+)?(?:provinces?|governorates?|regions?|countryside|districts?|"
                           rf"muhafazah|oblasts?|states?)\b|^(?:{_LIST_NAME}){{1,8}}\s+{_DIVISIONS}\b", re.I)
_REGION_BEFORE = re.compile(r"\b(?:province|governorate|region|countryside|district)\s+of\s+(?:the\s+)?$|"
                            rf"\b(?-i:{_DIVISIONS})\s+of\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){{0,2}}"
                            rf"(?:{_LIST_NAME}){{0,7}}(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+))?$", re.I)
_SETTLEMENT_BEFORE = re.compile(r"\b(?:city|town|village|outskirts|centre|center|streets)\s+of\s+(?:the\s+)?$", re.I)
_SETTLEMENT_AFTER = re.compile(r"^\s*(?:city|town|village)\b", re.I)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer record and how well it fits a mention."""

    place: Place
    score: float

    def to_dict(self) -> dict[str, object]:
        """Return the contract's fields: id, name, kind, lat, lon, admin1, country, score."""
        p = self.place
        return {"id": p.id, "name": p.name, "kind": p.kind, "lat": p.lat, "lon": p.lon,
                "admin1": p.admin1, "country": p.country, "score": round(self.score, 3)}


@dataclass(frozen=True, slots=True)
class Cue:
    """The kind of place the words around a mention ask for: "region", "settlement" or None."""

    wants: str | None


_REGION, _SETTLEMENT, _NO_CUE = Cue("region"), Cue("settlement"), Cue(None)
#: The first letters of the words the "after" patterns start with ("and", "province", "city" ...), lower
#: case; "ſ" is there because re.IGNORECASE reads it as "s".
_AFTER_INITIALS = frozenset("apgrcdmostvſ,")
#: The first two letters (lower case) of the words the "after" patterns start with.
_AFTER_PREFIXES = frozenset({"an", "pr", "go", "re", "co", "di", "mu", "ob", "st", "ci", "to", "vi", "or"})
#: How much text after a name the cue words are read in: room for a list ("Kharkiv, Sumy, Chernihiv and Poltava
#: regions").
CUE_AFTER_CHARS = 80


def cue_at(text: str, start: int, end: int) -> Cue:
    """Return :func:`cue_in_context` for the name at ``text[start:end]`` (60 characters before, 80 after).

    Most names have no cue word either side; that is told from a few characters around the
    name (in ASCII: other scripts take the patterns' path), without cutting the text.
    """
    k = start - 1 if start >= 1 and not text[start - 1].isspace() else start - 2  # the last sign before
    j = end if end < len(text) and not text[end].isspace() else end + 1  # the first sign after
    if k >= 2 and not text[k].isspace() and (j >= len(text) or not text[j].isspace()):
        tail = text[k - 2 : k + 1]
        head = text[j : j + 2]
        if tail.isascii() and head.isascii():
            tail, head = tail.lower(), head.lower()
            no_before = tail[1:] != "of" and tail[2] != "," and tail != "and" and tail[1:] != "or" and (
                tail != "the" or not text[max(0, start - 60) : k - 2].rstrip()[-2:].lower().endswith("of"))
            if no_before and head not in _AFTER_PREFIXES and head[:1] != ",":
                return _NO_CUE
    return cue_in_context(text[max(0, start - 60) : start], text[end : end + CUE_AFTER_CHARS])


def cue_in_context(before: str, after: str) -> Cue:
    """Read the cue words just before and after a mention.

    Parameters
    ----------
    before, after : str
        The text immediately before and after the name (a few words are enough).

    Examples
    --------
    >>> cue_in_context("in the north-western province of ", " where").wants
    'region'
    >>> cue_in_context("towns in ", " and Idlib provinces").wants
    'region'
    >>> cue_in_context("entering the city of ", ".").wants
    'settlement'
    >>> cue_in_context("drones struck ", ", Sumy and Chernihiv regions overnight").wants
    'region'
    """
    # Both "before" patterns end in "of" or "of the" and spaces: test the tail before searching.
    # Both "after" patterns start with one of a few words, after spaces: test its first letter first.
    tail = before.rstrip()
    of_before = tail[-2:].lower() in ("of", "or") or tail[-3:].lower() in ("the", "and") or tail[-1:] == ","
    cue_after = after.lstrip()[:1].lower() in _AFTER_INITIALS
    if (cue_after and _REGION_AFTER.match(after)) or (of_before and _REGION_BEFORE.search(before)):
        return _REGION
    if (of_before and _SETTLEMENT_BEFORE.search(before)) or (cue_after and _SETTLEMENT_AFTER.match(after)):
        return _SETTLEMENT
    return _NO_CUE


#: The quote marks :func:`light_form` drops (after decomposition), and the ASCII ones.
_QUOTE_MARKS = re.compile(r"['’‘`´ʿʾ]")
_ASCII_QUOTES = str.maketrans("", "", "'`")
_WORD_RUN = re.compile(r"\w+")


@functools.lru_cache(maxsize=262_144)
def light_form(name: str) -> str:
    """Return a light normal form for comparing spellings: no case, diacritics, punctuation or article."""
    if name.isascii():  # decomposed already, with no combining mark: the common case, without the Unicode tables
        text = name.lower().translate(_ASCII_QUOTES)
    else:
        text = unicodedata.normalize("NFKD", name.casefold())
        text = _QUOTE_MARKS.sub("", "".join(c for c in text if not unicodedata.combining(c)))
    words = _WORD_RUN.findall(text)
    content = [w for w in words if w not in ARTICLES]
    return " ".join(content or words)


def spelling_similarity(written: str, place: Place) -> float:
    """1.0 when *written* is one of the place's names (light form), else the best similarity ratio."""
    key = (written, place.id, place.name, place.names)  # ids are only unique within one store
    found = _SIMILARITY_CACHE.get(key)
    if found is None:
        if len(_SIMILARITY_CACHE) >= _SIMILARITY_CACHE_SIZE:
            _SIMILARITY_CACHE.clear()
        found = _SIMILARITY_CACHE[key] = _similarity(written, place)
    return found


#: Similarities already computed, by (spelling, place id): a corpus names the same places again and again.
_SIMILARITY_CACHE: dict[tuple[str, str, str, tuple[str, ...]], float] = {}
_SIMILARITY_CACHE_SIZE = 500_000


def _similarity(written: str, place: Place) -> float:
    """Return the best ``SequenceMatcher(None, light_form(written), light_form(name)).ratio()`` over the names.

    A name's ratio is computed only when its cheap upper bounds (``real_quick_ratio``,
    ``quick_ratio``) exceed the best so far, and each name's matcher (which indexes the name)
    is kept for the next spelling: the maximum is the same, for much less work.
    """
    target = light_form(written)
    forms = [light_form(name) for name in (place.name, *place.names)]
    if target in forms:
        return 1.0
    best = 0.0
    for form in forms:
        total = len(target) + len(form)
        if total and 2.0 * min(len(target), len(form)) / total <= best:
            continue  # real_quick_ratio, from the lengths alone
        matcher = _matcher_against(form)
        matcher.set_seq1(target)
        if matcher.real_quick_ratio() > best and matcher.quick_ratio() > best:
            best = max(best, matcher.ratio())
    return best


@functools.lru_cache(maxsize=65_536)
def _matcher_against(form: str) -> SequenceMatcher:
    """Return a matcher whose second sequence is *form* (indexed once); callers set the first."""
    return SequenceMatcher(None, "", form)


def likeness(a: str, b: str) -> float:
    """Return the ``SequenceMatcher`` ratio of two light forms (:func:`light_form`), 1.0 when equal."""
    if a == b:
        return 1.0
    matcher = _matcher_against(b)
    matcher.set_seq1(a)
    return matcher.ratio()


def _spelling_score(written: str, place: Place) -> float:
    similarity = spelling_similarity(written, place)
    return similarity if similarity == 1.0 else similarity * 0.9


def document_focus(places: Iterable[Place]) -> set[str]:
    """Return the countries a document is about: those of its unambiguous or most-named places.

    Parameters
    ----------
    places : iterable of Place
        The best candidate of each mention of a first pass (countries count for themselves).
    """
    counts = Counter(p.country for p in places if p.country)
    if not counts:
        return set()
    top = counts.most_common(1)[0][1]
    return {c for c, n in counts.items() if n >= max(2, top / 2) or n == top}


def score(place: Place, written: str, *, cue: Cue = Cue(None), focus: Sequence[str] | set[str] = ()) -> float:
    """Score one candidate for a name as written (see the module docstring)."""
    total = _spelling_score(written, place) + KIND_PRIOR.get(place.kind, 0.0)
    total += min(math.log10(place.population + 1) / 7.0, 1.0) * 0.6
    if place.country in focus:
        total += FOCUS_BONUS
    if cue.wants == "region":
        total += CUE_BONUS if place.kind in REGION_KINDS else -CUE_PENALTY
    elif cue.wants == "settlement":
        total += CUE_BONUS / 2 if place.kind in SETTLEMENT_KINDS else -CUE_PENALTY
    return total


def rank(places: Iterable[Place], written: str, *, cue: Cue = Cue(None),
         focus: Sequence[str] | set[str] = ()) -> list[Candidate]:
    """Return the candidates best first (ties broken by id, so the order is stable)."""
    scored = [Candidate(p, score(p, written, cue=cue, focus=focus)) for p in places]
    return sorted(scored, key=lambda c: (-c.score, c.place.id))
