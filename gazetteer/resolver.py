"""The gazetteer's typed API: look up names, find and resolve them in text, reverse geocode."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple

import numpy as np

from gazetteer.errors import PlaceNotFoundError
from gazetteer.match import NameMatcher
from gazetteer.model import PLACE_KINDS, Place
from gazetteer.names import fold_token, normalize_name
from gazetteer.rank import Candidate, Cue, cue_in_context, document_focus, light_form, rank, spelling_similarity
from gazetteer.store import PlaceStore, load_store

__all__ = ["Gazetteer", "Mention", "default_gazetteer"]

#: A loose spelling (not one of the place's names) is kept only at this similarity or above.
LOOSE_MATCH_MIN = 0.8
#: A place this populous may be named with a word that is also common English ("Nice").
NOTABLE_POPULATION = 50_000
#: A one-word name starting a sentence, outside the document's focus, is kept only for a place
#: this populous ("Moscow said ..."); "Nice weather ..." is an adjective, not the French city.
SENTENCE_START_POPULATION = 1_000_000
#: How many (name, spelling, cue, focus) rankings a gazetteer remembers before starting afresh.
_RANK_CACHE_SIZE = 200_000
#: Nouns that name the middle of a place rather than a part of it ("the centre of Homs").
_CENTRE_WORDS = frozenset({"centre", "center", "heart", "middle", "downtown"})
_POSSESSIVE = re.compile(r"^(?:the\s+)?(?P<owner>.+?)['’]s?\s+(?P<rest>.+)$", re.I)
_OF_PHRASE = re.compile(r"^(?:the\s+)?(?P<rest>[\w\s-]+?)\s+of\s+(?:the\s+)?(?P<owner>.+)$", re.I)


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in text, with its ranked candidates.

    ``place`` is the best candidate, or None when the name was rejected by the rules for
    names that are also common words.
    """

    start: int
    end: int
    text: str
    candidates: tuple[Candidate, ...]
    cue: str | None

    @property
    def place(self) -> Place | None:
        """The best candidate's record."""
        return self.candidates[0].place if self.candidates else None


class _Resolution(NamedTuple):
    """A memoised ranking of a name as written.

    The best candidates, whether the best is named exactly, and whether to keep the mention,
    indexed by whether it starts a sentence (``keep[sentence_initial]``).
    """

    candidates: tuple[Candidate, ...]
    exact: bool
    keep: tuple[bool, bool]


class Gazetteer:
    """Place records with name lookup, text matching, ranking and reverse geocoding.

    Parameters
    ----------
    store : PlaceStore
        The records (see :func:`gazetteer.store.load_store`).
    """

    def __init__(self, store: PlaceStore) -> None:
        self.store = store
        self._rank_cache: dict[tuple[str, str, str | None, tuple[str, ...]], _Resolution] = {}
        self._phrase_cache: dict[tuple[str, tuple[str, ...]], Place | None] = {}

    def __len__(self) -> int:
        return len(self.store)

    def preload(self) -> Gazetteer:
        """Decompress every column and build the name automaton now, rather than on first use.

        Call it before forking worker processes: they then share all of it copy-on-write
        and start at once. Returns the gazetteer itself.
        """
        self.store.preload()
        _ = self._matcher
        return self

    @functools.cached_property
    def _matcher(self) -> NameMatcher:
        return NameMatcher(key for key, _ in self.store.keys())

    @functools.cached_property
    def _common_words(self) -> frozenset[str]:
        text = (resources.files("gazetteer") / "data" / "common_words.txt").read_text(encoding="utf-8")
        return frozenset(w for w in text.split() if not w.startswith("#"))

    @functools.cached_property
    def _children(self) -> dict[str, list[Place]]:
        children: dict[str, list[Place]] = {}
        for row in range(self.store._n_world, len(self.store)):
            place = self.store.place(row)
            if place.parent:
                children.setdefault(place.parent, []).append(place)
        return children

    def get(self, place_id: str) -> Place:
        """Return the record with this id; :class:`PlaceNotFoundError` if there is none."""
        row = self.store.row_of(place_id)
        if row is None:
            raise PlaceNotFoundError(f"no place with id {place_id!r}; "
                                     "ids look like geonames:170063 or local:aleppo-citadel")
        return self.store.place(row)

    def candidates(self, name: str) -> list[Place]:
        """Every record one of whose names folds to the same key as *name*."""
        return [self.store.place(r) for r in self.store.rows_for_key(normalize_name(name))]

    def lookup(self, name: str, *, before: str = "", after: str = "", focus: Sequence[str] = (),
               limit: int = 10) -> list[Candidate]:
        """Ranked candidates for a name, using the words around it and the document's focus.

        Parameters
        ----------
        name : str
            The name as written ("Deraa", "Khan Sheikhoun", "درعا").
        before, after : str
            Text just before and after the name in its sentence, for cue words.
        focus : sequence of str
            ISO country codes the document is about (a Syrian place wins in a Syrian text).
        limit : int
            At most this many candidates.
        """
        places = self.candidates(name)
        if not places:
            phrase = self.resolve_phrase(name)
            places = [phrase] if phrase else []
        return rank(places, name, cue=cue_in_context(before, after), focus=focus)[:limit]

    def resolve(self, name: str, **kwargs) -> Place:
        """Return the best record for a name; :class:`PlaceNotFoundError` when none matches."""
        found = self.lookup(name, limit=1, **kwargs)
        if not found:
            raise PlaceNotFoundError(f"{name!r} is not in the gazetteer; check the spelling or add it with "
                                     "'geo gazetteer import'")
        return found[0].place

    def find(self, text: str, *, exclude: Sequence[tuple[int, int]] = (), focus: Sequence[str] = ()) -> list[Mention]:
        """Find and resolve every place name in *text*.

        Two passes: the first ranks each mention on its own and derives the document's focus
        countries from the results (plus *focus*); the second ranks again with that focus.
        """
        raw = self._matcher.scan(text, exclude=exclude)
        found = [(m, text[m.start : m.end], cue_in_context(text[max(0, m.start - 60) : m.start],
                                                          text[m.end : m.end + 40]).wants) for m in raw]
        given = tuple(sorted(set(focus)))
        ranked = [self._resolved(m.key, written, wants, given) for m, written, wants in found]
        # Loose spellings do not vote for the focus ("Shelling" must not make a text German).
        votes = document_focus(r.candidates[0].place for r in ranked if r.exact)
        doc_focus = tuple(sorted(set(focus) | votes))
        if doc_focus != given:
            ranked = [self._resolved(m.key, written, wants, doc_focus) for m, written, wants in found]
        return [Mention(m.start, m.end, written, r.candidates, wants)
                for (m, written, wants), r in zip(found, ranked, strict=True) if r.keep[m.sentence_initial]]

    def _resolved(self, key: str, written: str, wants: str | None, focus: tuple[str, ...]) -> _Resolution:
        """Return the ranking of a key as written, and whether to keep it; memoised, since a corpus repeats its names.

        Both depend only on these four arguments (and on whether the name starts a sentence,
        which indexes ``keep``), so a cache hit is exactly what would be computed; the cache
        holds at most ``_RANK_CACHE_SIZE`` entries.
        """
        cache_key = (key, written, wants, focus)
        found = self._rank_cache.get(cache_key)
        if found is None:
            places = [self.store.place(r) for r in self.store.rows_for_key(key)]
            candidates = tuple(rank(places, written, cue=Cue(wants), focus=focus)[:5])
            if candidates:
                best = candidates[0].place
                exact = _exact(written, best)
                keep = (self._keep(best, written, key, exact, False, focus),
                        self._keep(best, written, key, exact, True, focus))
                found = _Resolution(candidates, exact, keep)
            else:
                found = _Resolution((), False, (False, False))
            if len(self._rank_cache) >= _RANK_CACHE_SIZE:
                self._rank_cache.clear()
            self._rank_cache[cache_key] = found
        return found

    def _keep(self, best: Place, written: str, key: str, exact: bool, sentence_initial: bool,
              focus: Sequence[str]) -> bool:
        """Return the rules for names that are also words, and for loose spellings (module docs of match)."""
        in_focus = best.country in focus or best.kind in ("country", "admin1")
        if " " not in key and written.lower() in self._common_words:
            return exact and not sentence_initial and in_focus
        if " " not in key and sentence_initial and not in_focus:
            return exact and best.population >= SENTENCE_START_POPULATION
        notable = in_focus or best.population >= NOTABLE_POPULATION
        if not exact:
            return best.country in focus and spelling_similarity(written, best) >= LOOSE_MATCH_MIN
        return notable

    def resolve_phrase(self, phrase: str, *, focus: Sequence[str] = ()) -> Place | None:
        """Resolve a descriptive phrase: "Aleppo's medieval citadel", "the citadel of Aleppo".

        A part of a place (a landmark, neighbourhood or site whose ``parent`` is the place)
        is chosen when the phrase's head noun is in its name; "the centre of Homs" is Homs.
        Otherwise the longest name found in the phrase is returned, or None. Memoised per
        (phrase, focus): a corpus quotes the same anchors again and again.
        """
        phrase = phrase.strip()
        cache_key = (phrase, tuple(focus))
        if cache_key not in self._phrase_cache:
            if len(self._phrase_cache) >= _RANK_CACHE_SIZE:
                self._phrase_cache.clear()
            self._phrase_cache[cache_key] = self._resolve_phrase(phrase, focus)
        return self._phrase_cache[cache_key]

    def _resolve_phrase(self, phrase: str, focus: Sequence[str]) -> Place | None:
        for pattern in (_POSSESSIVE, _OF_PHRASE):
            m = pattern.match(phrase)
            if not m:
                continue
            owner = self._best_in(m.group("owner"), focus)
            if owner is None:
                continue
            head = fold_token(m.group("rest").split()[-1])
            if head in {fold_token(w) for w in _CENTRE_WORDS}:
                return owner
            part = self.part_named(owner, m.group("rest").split()[-1])
            if part is not None:
                return part
        return self._best_in(phrase, focus)

    def _best_in(self, text: str, focus: Sequence[str]) -> Place | None:
        places = self.candidates(text)
        if places:
            return rank(places, text, focus=focus)[0].place
        found = self.find(text, focus=focus)
        return max(found, key=lambda m: m.end - m.start).place if found else None

    def part_named(self, owner: Place, word: str) -> Place | None:
        """Return a landmark, neighbourhood or site of *owner* with *word* in its name, or None."""
        head = fold_token(word)
        for child in self._children.get(owner.id, ()):
            for name in (child.name, *child.names):
                if head in normalize_name(name).split():
                    return child
        return None

    def largest_places(self, west: float, south: float, east: float, north: float, *, limit: int = 300,
                       kinds: Sequence[str] = ("city", "town", "village")) -> list[Place]:
        """Return the most populous places of the given kinds inside a box, largest first.

        Parameters
        ----------
        west, south, east, north : float
            The box in degrees (``west <= east``; no antimeridian crossing).
        limit : int, default 300
            At most this many places.
        kinds : sequence of str
            Place kinds to keep (settlements by default).
        """
        store = self.store
        wanted = np.isin(store.kind_codes, [PLACE_KINDS.index(k) for k in kinds if k in PLACE_KINDS])
        inside = wanted & (store.lat >= south) & (store.lat <= north) & (store.lon >= west) & (store.lon <= east)
        rows = np.flatnonzero(inside)
        order = rows[np.argsort(-store.population[rows], kind="stable")][:limit]
        return [store.place(int(r)) for r in order]

    def reverse(self, lat: float, lon: float) -> tuple[Place, float]:
        """Return the nearest record to a point and its distance in km."""
        row, km = self.store.nearest(lat, lon, k=1)[0]
        return self.store.place(row), km


def _exact(written: str, place: Place) -> bool:
    """Whether a name is written as one of the place's names (light form)."""
    key = (written, place.id, place.name, place.names)  # ids are only unique within one store
    found = _EXACT_CACHE.get(key)
    if found is None:
        if len(_EXACT_CACHE) >= _RANK_CACHE_SIZE:
            _EXACT_CACHE.clear()
        found = _EXACT_CACHE[key] = light_form(written) in {light_form(n) for n in (place.name, *place.names)}
    return found


_EXACT_CACHE: dict[tuple[str, str, str, tuple[str, ...]], bool] = {}


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """Return the packaged gazetteer plus the user's imports, loaded once per process."""
    return Gazetteer(load_store())
