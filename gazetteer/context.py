"""Resolving the names of one document together, in the manner of CLIFF-CLAVIN's heuristic passes.

Each name has candidates (every record one of whose names folds to the name's key). A
candidate's score is a prior plus what the document says for it:

* **how it is named** (:func:`match_level`): written as the record's main name (3), as an
  alternate, a demonym or an abbreviation (2), or only equal once folded (1, "fuzzy").
  Exact names always go before fuzzy ones: a fuzzy candidate survives only when no
  candidate is named exactly; a place curated or added by the user under the name goes
  before GeoNames records that carry it only as an alternate. The main name beats an
  alternate, which is often a historical name ("Pokrovsk" is today's Ukrainian town before
  Engels, once called Pokrovsk). An all-capital short word ("US") means only the records
  with that abbreviation; a demonym ("Syrian") only the records it names.
* **size** (:data:`KIND_PRIOR` and population): a continent or country named exactly comes
  first ("large areas"), then a first-level division, then settlements by population (a
  curated or user-added place without a population counts as :data:`ADDED_POPULATION`).
* **the document**: countries it names (or names the people of), first-level divisions it
  names ("exact admin-1 match": "Springfield" in a text naming Illinois), the countries most
  of its places lie in (the focus, weighted by share), places near the document's other
  places (co-location, within :data:`NEAR_KM`), and the name right after it ("Pokrovsk,
  Donetsk region", "Paris, Texas", "Athens (Ga.)"), which picks the candidate inside it.
* **cue words** ("the province of Idlib", "the city of Aleppo"; :mod:`gazetteer.rank`).

Last, a name whose best candidate is a settlement or site abroad takes its best candidate in
the document's own countries when it has one (:func:`prefer_home`: "Avana" near Kirkuk is the
oilfield, not Havana), and one whose best candidate lies near none of the document's other places
takes its candidate there that lies near several of them (:func:`prefer_neighbours`: "Dzerzhinsk"
among Donbas towns is Toretsk, not the Russian city).

Two names of one place in a row ("Dzerzhinsk (Toretsk)", "Toretsk, formerly Dzerzhinsk") both
pick it (:data:`SAME_PLACE_GAP`); in a report of a war (the caller gives its countries) a division
named like its seat ("Kidal", "Marib") is the town unless cue words ask for the division.

Two passes: the first ranks every name with the document's named countries and divisions;
the second adds the focus and the co-location of the first pass's choices, and lets a
first-level division named like a country ("Georgia") win where the other names lie in the
division's country and none in the country so named. A name that qualifies an actor
("Russian-held", "Moscow-backed": :class:`Doc` ``context=False``) is ranked but counts for
none of this.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from gazetteer.model import EARTH_RADIUS_KM, PLACE_KINDS, Place, km_between
from gazetteer.rank import CUE_BONUS, CUE_PENALTY, light_form, likeness
from gazetteer.store import PlaceStore

__all__ = ["Entry", "Doc", "Ranking", "build_entry", "make_entry", "resolve_document", "match_level", "code_id",
           "code_of", "prefer_division", "prefer_home", "prefer_named_country", "prefer_near", "prefer_near_namesake",
           "NEAR_GAP",
           "prefer_neighbours", "KIND_PRIOR", "LOCATING_GAP", "SAME_PLACE_GAP", "WORLD_CITY_POPULATION",
           "COORDINATION_GAP", "coordination", "list_gap"]

KIND_PRIOR = {
    "continent": 6.2, "region": 5.0, "country": 6.0, "admin1": 3.6, "admin2": 1.5,
    "city": 0.3, "town": 0.2, "village": 0.1, "neighbourhood": 0.3, "landmark": 0.3, "military": 0.3,
    "infrastructure": 0.2,
}
LEVEL_BONUS = (0.0, -0.8, 0.2, 0.6)  # by match level 0..3
#: Times the unlikeness of the written name to a settlement's own name, taken off a settlement it names as an
#: alternate: of two so named and otherwise equal, "Sloviansk" is Slovyansk, not Nikopol (which GeoNames lists as
#: "Slov'iansk" too); one named by its main name loses nothing.
MAIN_NAME_LIKENESS = 0.1
NAMED_COUNTRY_BONUS = 1.0
FOCUS_BONUS = 1.5
ADMIN1_NAMED_BONUS = 1.2
#: Times the share of the document's names in a first-level division: the bonus of the places inside it.
ADMIN1_FOCUS_BONUS = 2.0
#: ... counted only when at least this many other names lie in some division ("Paris and Texas" is no evidence).
ADMIN1_FOCUS_MIN_NAMES = 2
CONTAINS_BONUS = 0.8
NEAR_KM = 150.0
NEAR_BONUS = 0.5
INSIDE_NEXT_BONUS = 3.0
#: Two settlement records of one country this close (degrees of latitude and of longitude) are one place named twice.
SAME_PLACE_DEG = 0.05
#: A first-level division named like a country ("Georgia") wins in a document whose other places lie mostly
#: (this share or more) in the division's country and none in the country so named.
DIVISION_COUNTRY_SHARE = 0.34
DIVISION_NOT_COUNTRY_BONUS = 3.0
#: A settlement this populous inside a division of its name, named by an alternate, is still its seat ("Daraa").
SEAT_POPULATION = 10_000
#: How far below its town a division of the same name stays when no cue word asks for the division ("Kidal").
DIVISION_BELOW_TOWN = 0.1
_SETTLEMENTS = frozenset({"city", "town", "village"})
_SMALL_SETTLEMENTS = frozenset({"town", "village"})
_LARGE = frozenset({"continent", "region", "country", "admin1"})
_AREAS = frozenset({"continent", "region", "country", "admin1", "admin2"})
_PRIOR_BY_INDEX = np.array([KIND_PRIOR.get(k, 0.1) for k in PLACE_KINDS])
#: A city this populous, named by its main name, is taken abroad even where a place of the document's countries
#: bears the name too ("Paris" in a report from Texas is still the French capital).
WORLD_CITY_POPULATION = 1_000_000
#: The population a curated or user-added place without one counts as in the ranking: such a place was added
#: because reports name it, and must not lose to any hamlet abroad or at home that shares its name ("Mong Ko").
ADDED_POPULATION = 10_000
#: At most this many candidates of a name are weighed (the largest by kind and population): "Center" names
#: hundreds of villages.
MAX_CANDIDATES = 24
#: What may stand between a name and the larger place that locates it: "X, Y", "X (Y)", "X in Y".
#: A compass word before a locating name: "in southwestern Niger", "in the far north of".
_COMPASS = r"(?:(?:far|extreme)[- ]?)?(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west|central)(?:ern)?"
#: What stands between a name and the larger place that locates it: "X, Y", "X (Y)", "X in Y", "X of Y",
#: "X, in southwestern Y", "X in northern Y" (the whole gap, fullmatch).
LOCATING_GAP = re.compile(rf"\s*,\s*(?:in\s+(?:the\s+)?(?:{_COMPASS}\s+)?)?|\s*\(\s*"
                          rf"|\s+in\s+(?:the\s+)?(?:{_COMPASS}\s+)?|\s+of\s+")
_RENAMING = (r"(?:formerly|previously|once|now|until\s+\d{4}|also|a\.?k\.?a\.?|(?:the\s+)?former)\s+"
             r"(?:(?:known|called|named|renamed)\s+(?:as\s+)?)?")
#: What may stand between two names of one place: "X (Y)", "X (formerly Y)", "X, now Y,", "X/Y" (the whole gap).
SAME_PLACE_GAP = re.compile(rf"\s*\(\s*(?:{_RENAMING})?|\s*/\s*|\s*,\s*{_RENAMING}")
#: How far above a listed name's best candidate its candidate of the list's kind goes (:func:`_list_kind`).
LIST_KIND_MARGIN = 0.01
#: What may stand between two names of one list: "X, Y and Z", "X or Y" (the whole gap). A run of names so joined
#: is a list only when one of its gaps has "and" or "or": "Paris, Texas" alone is a name and its state.
COORDINATION_GAP = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
#: The longest gap :data:`COORDINATION_GAP` is tried on (", and " with some spaces to spare).
_LIST_GAP_LENGTH = 16
#: A comma and an abbreviation with full stops after a name: "Washington, D.C.", "Athens, Ga.", "Paris, Ky.".
_LOCATED_BY_ABBREVIATION = re.compile(r"\s*,\s*[A-Z][a-z]{0,3}\.(?:\s?[A-Z][a-z]?\.)*")


class Entry(NamedTuple):
    """The candidates of one name as written, with the features the document passes need.

    Made by :func:`build_entry` (or :func:`make_entry`) once per distinct (key, written form)
    and memoised by the gazetteer: the document pass only concatenates these arrays.
    """

    rows: tuple[int, ...]
    places: tuple[Place, ...]
    lat: np.ndarray
    lon: np.ndarray
    base: np.ndarray
    level: tuple[int, ...]
    form: str  # "name", "demonym" or "abbreviation"
    exact: bool
    #: Per candidate: the score before the document (prior, with no cue, a region cue, a settlement cue), lat, lon,
    #: and the point as a unit vector (x, y, z) for distances by dot product.
    floats: np.ndarray
    #: Per candidate: country id, admin-1 id (:func:`code_id`; 0 for none), row, then the flags settlement (no area:
    #: a place for co-location), contextual (not a country or continent: the document's countries count),
    #: country, admin-1.
    ints: np.ndarray


#: Interned codes (ISO countries, GeoNames admin-1 codes); "" is 0.
_CODES: list[str] = [""]
_CODE_IDS: dict[str, int] = {"": 0}


def code_id(code: str | None) -> int:
    """Return the interned id of a country or admin-1 code (0 for none)."""
    if not code:
        return 0
    found = _CODE_IDS.get(code)
    if found is None:
        found = _CODE_IDS[code] = len(_CODES)
        _CODES.append(code)
    return found


def code_of(code_id: int) -> str:
    """Return the code an id stands for (:func:`code_id`)."""
    return _CODES[code_id]


_F_STATIC, _F_LAT, _F_LON, _F_XYZ = 0, 3, 4, slice(5, 8)
#: Two points are within :data:`NEAR_KM` of each other when the dot product of their unit vectors is at least this.
_NEAR_COS = math.cos(NEAR_KM / 6371.0088)
#: Most cells of the candidates x chosen places closeness matrix computed at once.
_NEAR_BLOCK = 4_000_000
#: At most this many distinct chosen places count as neighbours (the most often chosen).
MAX_ANCHORS = 2_000
_I_COUNTRY, _I_ADMIN1, _I_ROW, _I_SETTLEMENT, _I_CONTEXTUAL, _I_IS_COUNTRY, _I_IS_ADMIN1 = range(7)
_CUE_COLUMN = {None: 0, "region": 1}  # anything else asks for a settlement: column 2


def make_entry(store: PlaceStore, rows: Sequence[int], places: Sequence[Place], base: Sequence[float],
               levels: Sequence[int], form: str, exact: bool) -> Entry:
    """Return an :class:`Entry` with its per-candidate arrays."""
    base_arr = np.array(base, dtype=np.float64)
    lat = np.array([p.lat for p in places], dtype=np.float64)
    lon = np.array([p.lon for p in places], dtype=np.float64)
    region = np.array([CUE_BONUS if p.kind in ("admin1", "admin2") else -CUE_PENALTY for p in places])
    settlement = np.array([CUE_BONUS / 2 if p.kind in _SETTLEMENTS else -CUE_PENALTY for p in places])
    la, lo = np.radians(lat), np.radians(lon)
    floats = np.column_stack([base_arr, base_arr + region, base_arr + settlement, lat, lon, np.cos(la) * np.cos(lo),
                              np.cos(la) * np.sin(lo), np.sin(la)]) if places else np.zeros((0, 8))
    ints = np.array([(code_id(p.country), code_id(store.admin1_code(r)), r, p.kind not in _AREAS,
                      p.kind not in ("country", "continent"), p.kind == "country", p.kind == "admin1")
                     for r, p in zip(rows, places, strict=True)], dtype=np.int64).reshape(len(places), 7)
    return Entry(tuple(rows), tuple(places), lat, lon, base_arr, tuple(levels), form, exact, floats, ints)


def _is_abbreviation_form(written: str) -> bool:
    letters = written.replace(".", "").replace(" ", "")
    return letters.isalpha() and (letters.isupper() and len(letters) <= 4 or "." in written and len(letters) <= 5)


#: A full stop and the spaces after it, inside an abbreviation: "S. C." is "S.C.", "N. Y." is "N.Y.".
_SPACE_AFTER_STOP = re.compile(r"\.\s+(?=\w)")


def _abbreviates(written: str, abbreviations: tuple[str, ...]) -> bool:
    """Tell whether *written* is one of *abbreviations*.

    As listed, with or without its last full stop; and an abbreviation with full stops also spaced
    ("S. C.") or in capitals ("MO.", "VA." in a heading or a dateline set in capitals): the stops
    make it an abbreviation, where "MO" alone may be any word.
    """
    if written in abbreviations or written.rstrip(".") in abbreviations or written + "." in abbreviations:
        return True
    if "." not in written:
        return False
    tight = _SPACE_AFTER_STOP.sub(".", written.strip())
    if tight in abbreviations:
        return True
    if not tight.isupper():
        return False
    folded = tight.casefold()
    return any(a.casefold() == folded for a in abbreviations if "." in a)


def match_level(written: str, place: Place, target: str | None = None) -> tuple[int, str]:
    """Return how *written* names *place*, and the form.

    The level is 3 for the main name, 2 for an alternate, a demonym or an abbreviation, 1 when
    only the folded keys are equal. *target* is ``light_form(written)`` when the caller has it.
    """
    if place.abbreviations and _abbreviates(written, place.abbreviations):
        return 2, "abbreviation"
    if target is None:
        target = light_form(written)
    if target == light_form(place.name):
        return 3, "name"
    if any(target == light_form(d) for d in place.demonyms):
        return 2, "demonym"
    if any(target == light_form(n) for n in place.names):
        return 2, "name"
    return 1, "name"


def build_entry(store: PlaceStore, key: str, written: str) -> Entry | None:
    """Return the candidates of *key* as *written*, filtered (abbreviations, demonyms, exact before fuzzy)."""
    rows = store.rows_for_key(key)
    if not rows:
        return None
    if len(rows) > MAX_CANDIDATES:
        rows = _likeliest(store, rows)
    places = [store.place(r) for r in rows]
    target = light_form(written)
    levels = [match_level(written, p, target) for p in places]
    keep = list(range(len(rows)))
    if _is_abbreviation_form(written):
        abbreviations = [i for i in keep if levels[i][1] == "abbreviation"]
        if abbreviations:
            keep = abbreviations
        elif len(written.replace(".", "")) <= 3:
            return None  # "CNN", "ISIS" is no place; "US" a place only where it is an abbreviation
    demonyms = [i for i in keep if levels[i][1] == "demonym"]
    if demonyms:
        keep = demonyms
    exact = [i for i in keep if levels[i][0] >= 2]
    if exact:
        keep = exact
    named_areas = {(places[i].country, store.admin1_code(rows[i]) if places[i].kind == "admin1" else "")
                   for i in keep if levels[i][0] == 3 and places[i].kind in ("country", "admin1")}
    if named_areas:
        # a country or first-level division that bears the name as its main name goes before a town or village
        # elsewhere that bears it only as an alternate ("Missouri" is the state, not Bozeman, one of whose alternates
        # it is); a city keeps its alternates ("Saida" is Sidon beside Algeria's Saida province), and so does a
        # place inside the division so named (its seat: "Daraa")
        keep = [i for i in keep if levels[i][0] == 3 or places[i].kind not in _SMALL_SETTLEMENTS
                or (places[i].country, store.admin1_code(rows[i])) in named_areas]
    n_world = store.n_world
    if any(rows[i] >= n_world and levels[i][0] >= 2 and places[i].kind not in _AREAS for i in keep):
        # a place curated or added by the user under this name goes before GeoNames records that carry it only
        # as an alternate ("Mong Ko" is the town so curated, not Panglong, one of whose alternates it is)
        keep = [i for i in keep if rows[i] >= n_world or levels[i][0] == 3 or places[i].kind in _AREAS]
    form = levels[keep[0]][1] if keep else "name"
    base = []
    for i in keep:
        p = places[i]
        prior = KIND_PRIOR.get(p.kind, 0.1)
        population = p.population or (ADDED_POPULATION if rows[i] >= store.n_world and p.kind not in _AREAS else 0)
        prior += math.log10(population + 1) * (0.15 if p.kind in _LARGE else 0.6)
        if levels[i][0] == 2 and p.kind in _SETTLEMENTS:  # named by an alternate: less likely the further from its name
            prior -= MAIN_NAME_LIKENESS * (1.0 - likeness(target, light_form(p.name)))
        base.append(prior + LEVEL_BONUS[levels[i][0]])
    # A division named as its own main city ("Aleppo", "Homs", "Daraa") means the city, unless cue words say
    # otherwise: the division goes just below the best settlement of that name inside it that is named as well as
    # it is or is a town of its size ("Montana" is the state, not the village Montana City, named so as an alternate).
    codes = [store.admin1_code(rows[i]) for i in keep]
    for a, i in enumerate(keep):
        if places[i].kind == "admin1" and codes[a]:
            inside = [base[b] for b, k in enumerate(keep) if codes[b] == codes[a] and places[k].kind in _SETTLEMENTS
                      and (levels[k][0] >= levels[i][0] or places[k].population >= SEAT_POPULATION)]
            if inside:
                base[a] = min(base[a], max(inside) - DIVISION_BELOW_TOWN)
    return make_entry(store, [rows[i] for i in keep], [places[i] for i in keep], base,
                      [levels[i][0] for i in keep], form, bool(exact))


def _likeliest(store: PlaceStore, rows: list[int]) -> list[int]:
    """Return the likeliest rows, in their order.

    These are the :data:`MAX_CANDIDATES` of largest prior (kind and population) and the
    likeliest of every other country, so that the document's countries can still pick a small
    place ("Mallah" near Aleppo among 55 places so keyed); rows added by the user stay.
    """
    world = [r for r in rows if r < store._n_world]
    arr = np.array(world)
    kinds = store.kinds[arr]
    prior = _PRIOR_BY_INDEX[kinds] + np.log10(store.population[arr] + 1.0) * 0.6
    by_prior = arr[np.argsort(-prior, kind="stable")]
    keep = set(by_prior[:MAX_CANDIDATES].tolist())
    countries = store.countries[by_prior]
    _, first = np.unique(countries, return_index=True)  # the likeliest row of each country
    keep.update(by_prior[first].tolist())
    # ... and of each first-level division, so that the document's divisions can pick it too ("Alexandria" among
    # Rapides Parish's places is the Louisiana town, not Virginia's, the likeliest of the United States)
    divisions = {store.admin1_code(int(r)) for r in by_prior[MAX_CANDIDATES:].tolist()}
    if len(divisions) > 1:
        seen: set[str] = set()
        for r in by_prior.tolist():
            code = store.admin1_code(r)
            if code and code not in seen:
                seen.add(code)
                keep.add(r)
    return [r for r in rows if r in keep or r >= store._n_world]


class Doc(NamedTuple):
    """One name of a document to resolve: where it is, its candidates, and the cue words around it."""

    start: int
    end: int
    entry: Entry
    wants: str | None
    #: False for a name that qualifies an actor ("Russian-held", "Moscow-backed"): resolved, but no evidence of
    #: where the document is (it names who holds or backs, not the place).
    context: bool = True


class Ranking(NamedTuple):
    """The candidates of every name of a document, ranked; flat arrays, one segment per name.

    Name *i*'s candidates are the flat positions ``offsets[i]`` to ``offsets[i + 1]`` (in its
    entry's order); ``order`` holds the flat positions of each segment best first, ``best``
    the best one of each name.
    """

    offsets: np.ndarray
    order: np.ndarray
    scores: np.ndarray
    best: np.ndarray
    ints: np.ndarray

    def ranked(self, i: int, limit: int | None = None) -> list[tuple[int, float]]:
        """Return name *i*'s candidates best first, as (index in its entry, score)."""
        lo, hi = int(self.offsets[i]), int(self.offsets[i + 1])
        if limit is not None:
            hi = min(hi, lo + limit)
        return [(j - lo, float(self.scores[j])) for j in self.order[lo:hi].tolist()]

    def best_countries(self) -> tuple[np.ndarray, np.ndarray]:
        """Return the country id (:func:`code_id`) of each name's best candidate, and whether it is the country."""
        chosen = self.ints[self.best]
        return chosen[:, _I_COUNTRY], chosen[:, _I_IS_COUNTRY].astype(bool)


def _segment_argmax(scores: np.ndarray, starts: np.ndarray, owner: np.ndarray) -> np.ndarray:
    """Return the flat position of the largest score of each segment (the first of equal ones, as np.argmax)."""
    top = np.maximum.reduceat(scores, starts)
    at = np.where(scores == top[owner], np.arange(len(scores)), len(scores))
    return np.minimum.reduceat(at, starts)


def _table(ids: np.ndarray) -> np.ndarray:
    """Return a boolean table over the interned codes, True at *ids* (0, no code, is never True)."""
    table = np.zeros(len(_CODES), dtype=bool)
    table[ids] = True
    table[0] = False
    return table


def resolve_document(store: PlaceStore, text: str, docs: Sequence[Doc], focus: Sequence[str] = (), *,
                     locating: Sequence[int] | None = None, renaming: Sequence[int] | None = None,
                     coordinated: Sequence[tuple[int, bool]] | None = None) -> Ranking:
    """Rank the candidates of every name of a document together.

    The whole document is one pass over flat arrays (every candidate of every name), so its
    cost grows with the number of candidates, not with Python work per name. *locating*
    lists the names *i* that the next one locates ("X, Y", :data:`LOCATING_GAP`), *renaming*
    those the next one may name again ("X (Y)", "X, formerly Y": :data:`SAME_PLACE_GAP`), when
    the caller has found them already; otherwise they are read from *text*. With *focus* (the
    caller knows the document's countries: a report of a war), a first-level division named
    like its seat stays below the town unless cue words ask for it (:func:`_division_below_its_town`).
    *coordinated* lists the names *i* joined to the next one as in a list ("X, Y and Z":
    :data:`COORDINATION_GAP`), each with whether the gap has "and" or "or"; a name of a list
    whose other names are all countries, or all first-level divisions of one country, is one
    too when it names one (:func:`_list_kind`).
    """
    n = len(docs)
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Ranking(np.zeros(1, dtype=np.int64), empty, np.zeros(0), empty, np.zeros((0, 7), dtype=np.int64))
    entries = [d.entry for d in docs]
    sizes = np.fromiter((len(e.rows) for e in entries), dtype=np.int64, count=n)
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(sizes, out=offsets[1:])
    starts = offsets[:-1]
    owner = np.repeat(np.arange(n), sizes)
    floats = np.concatenate([e.floats for e in entries])
    ints = np.concatenate([e.ints for e in entries])
    cue = np.fromiter((_CUE_COLUMN.get(d.wants, 2) for d in docs), dtype=np.int64, count=n)
    static = floats[np.arange(len(owner)), _F_STATIC + cue[owner]]
    countries, admin1 = ints[:, _I_COUNTRY], ints[:, _I_ADMIN1]
    settlement, contextual = ints[:, _I_SETTLEMENT].astype(bool), ints[:, _I_CONTEXTUAL].astype(bool)
    exact = np.fromiter((e.exact for e in entries), dtype=bool, count=n)
    context = np.fromiter((d.context for d in docs), dtype=bool, count=n)

    # Pass 1: what the document names outright: countries (or their people) and first-level divisions.
    first = _segment_argmax(static, starts, owner)
    named_country = exact & context & ints[first, _I_IS_COUNTRY].astype(bool) & (countries[first] != 0)
    named_admin1 = exact & context & ~ints[first, _I_IS_COUNTRY].astype(bool) & ints[first, _I_IS_ADMIN1].astype(bool)
    named_c = _table(np.concatenate([countries[first][named_country],
                                     np.array([code_id(c) for c in focus], dtype=np.int64)]))
    named_a = _table(admin1[first][named_admin1])
    in_named = named_c[countries]
    s = static + NAMED_COUNTRY_BONUS * (in_named & contextual)
    s = s + ADMIN1_NAMED_BONUS * (named_a[admin1] & settlement)
    best = _segment_argmax(s, starts, owner)

    # Pass 2: the focus (share of the document's places in each country), co-location, containment.
    chosen_c = np.where(context, countries[best], 0)
    votes = np.bincount(chosen_c[chosen_c != 0], minlength=len(_CODES))
    total = int(votes.sum())
    share = votes[countries] / total if total else np.zeros(len(owner))
    s = s + np.maximum(0.0, FOCUS_BONUS * share - NAMED_COUNTRY_BONUS * in_named) * contextual
    anchor = settlement[best] & context
    chosen_a = admin1[best]
    counted = anchor & (chosen_a != 0)
    chosen_admin1 = np.bincount(chosen_a[counted], minlength=len(_CODES))
    own = np.where(anchor, chosen_a, 0)[owner]
    others_in = chosen_admin1[admin1] - (admin1 == own) > 0  # other names' places lie in it
    is_admin1 = ~settlement & contextual & (admin1 != 0)
    s = s + CONTAINS_BONUS * (is_admin1 & others_in)
    # A second-level division the document chose is a neighbour too ("Rapides Parish": Alexandria, Louisiana).
    admin2 = ~settlement & contextual & ~ints[:, _I_IS_ADMIN1].astype(bool) & (countries != 0)
    s = s + _near_bonus(floats, settlement, best, (settlement | admin2)[best] & context, sizes, owner)
    a1_share = _admin1_share(ints, best, context & (chosen_c == int(np.argmax(votes))), owner)
    s = s + ADMIN1_FOCUS_BONUS * a1_share * (~ints[:, _I_IS_COUNTRY].astype(bool) & (admin1 != 0))
    s = s + _division_not_country(docs, ints, chosen_c, votes, total, starts, owner)

    # "X, Y" / "X (Y)" / "X in Y": a candidate of X inside a candidate of Y, the larger place, wins.
    if locating is None:
        locating = [i for i in range(n - 1) if LOCATING_GAP.fullmatch(text, docs[i].end, docs[i + 1].start)]
    if renaming is None:
        renaming = [i for i in range(n - 1) if SAME_PLACE_GAP.fullmatch(text, docs[i].end, docs[i + 1].start)]
    named_again = _same_place_bonus(s, entries, offsets, renaming)
    for i in locating:
        if i in named_again:
            continue
        inside = _inside_pairs(entries[i], entries[i + 1])
        if inside:
            oa, ob = int(offsets[i]), int(offsets[i + 1])
            j, k = max(inside, key=lambda jk: s[oa + jk[0]] + s[ob + jk[1]])
            s[oa + j] += INSIDE_NEXT_BONUS
            s[ob + k] += INSIDE_NEXT_BONUS / 2
    if len(focus):
        _division_below_its_town(s, docs, ints, offsets)
    if coordinated is None:
        coordinated = coordination(text, docs)
    if coordinated:
        _list_kind(s, entries, ints, offsets, coordinated)
    order = np.lexsort((-s, owner))
    return Ranking(offsets, order, s, order[starts], ints)


def list_gap(text: str, end: int, start: int, next_end: int) -> bool | None:
    """Tell whether the name ending at *end* and the next (``text[start:next_end]``) are joined as in a list.

    Returns None when they are not (:data:`COORDINATION_GAP`), else whether the gap has "and" or
    "or". A next name located by an abbreviation after it ("Texas and Washington, D.C.", "Ohio
    and Athens, Ga.") is a town so located, not one of a list.
    """
    if start - end > _LIST_GAP_LENGTH:
        return None  # most names of a text are far apart: no need to read the gap
    gap = COORDINATION_GAP.fullmatch(text, end, start)
    if gap is None or _LOCATED_BY_ABBREVIATION.match(text, next_end):
        return None
    return bool(gap.group().strip(" \t\n,"))


def coordination(text: str, docs: Sequence[Doc]) -> list[tuple[int, bool]]:
    """Return the names *i* of *docs* joined to the next as in a list, each with whether the gap has "and" or "or".

    See :func:`list_gap`: "Borno, Yobe and Adamawa" joins the first two and the last two.
    """
    out = []
    for i in range(len(docs) - 1):
        conjunction = list_gap(text, docs[i].end, docs[i + 1].start, docs[i + 1].end)
        if conjunction is not None:
            out.append((i, conjunction))
    return out


def _lists(coordinated: Sequence[tuple[int, bool]]) -> list[list[int]]:
    """Return the runs of names joined by :data:`COORDINATION_GAP` that have "and" or "or" in some gap."""
    runs: list[list[int]] = []
    conjoined: list[bool] = []
    for i, conjunction in sorted(coordinated):
        if runs and runs[-1][-1] == i:
            runs[-1].append(i + 1)
            conjoined[-1] = conjoined[-1] or conjunction
        else:
            runs.append([i, i + 1])
            conjoined.append(conjunction)
    return [run for run, c in zip(runs, conjoined, strict=True) if c]


def _list_kind(s: np.ndarray, entries: Sequence[Entry], ints: np.ndarray, offsets: np.ndarray,
               coordinated: Sequence[tuple[int, bool]]) -> None:
    """Make a name of a list a country or first-level division where every other name of the list is one.

    Names listed together are of one kind: in "Idaho, Oregon and Washington" Washington is the
    state, not the capital; in "Borno, Yobe and Niger" Niger is the Nigerian state, in "Mali,
    Niger and Chad" the country; in "Kuwait, Qatar and Oman" Kuwait is the country; in "Punjab,
    Sindh and Balochistan" Punjab is Pakistan's, in "Punjab, Haryana and Rajasthan" India's. The name
    takes its candidate of that kind named by its main name (a first-level division in the
    country of the others'), when it has one, just above its present best. A town inside the
    division of its name stays the town, as a division named like its seat does anywhere
    ("Khartoum and Gezira"; cue words such as "regions" after the list ask for the divisions).
    Changes *s* in place.
    """
    for run in _lists(coordinated):
        best = [int(offsets[i]) + int(np.argmax(s[offsets[i] : offsets[i + 1]])) for i in run]
        is_country = ints[best, _I_IS_COUNTRY].astype(bool)
        is_admin1 = ints[best, _I_IS_ADMIN1].astype(bool) & ~is_country
        for m, i in enumerate(run):
            others = [k for k in range(len(run)) if k != m]
            if all(is_country[k] for k in others):
                column, countries = _I_IS_COUNTRY, None
            elif all(is_admin1[k] for k in others):
                column, countries = _I_IS_ADMIN1, {int(ints[best[k], _I_COUNTRY]) for k in others}
            else:
                continue
            lo, hi = int(offsets[i]), int(offsets[i + 1])
            seat = int(ints[best[m], _I_ADMIN1]) if ints[best[m], _I_SETTLEMENT] else -1
            fits = [k for k in range(lo, hi) if ints[k, column] and entries[i].level[k - lo] == 3
                    and (countries is None or (int(ints[k, _I_COUNTRY]) in countries and ints[k, _I_ADMIN1] != seat))]
            if fits and best[m] not in fits and not (ints[best[m], column] and countries is None):
                k = max(fits, key=lambda k: s[k])
                s[k] = s[best[m]] + LIST_KIND_MARGIN


def _same_place_bonus(s: np.ndarray, entries: Sequence[Entry], offsets: np.ndarray,
                      renaming: Sequence[int]) -> set[int]:
    """Give :data:`INSIDE_NEXT_BONUS` to one place named twice in a row, under each name (in place).

    "the city of Dzerzhinsk (Toretsk)", "Toretsk, formerly Dzerzhinsk", "Artemivsk/Bakhmut": the
    pair's candidates that are one place (:func:`_same_place_pairs`) win for both names. Returns
    the names *i* so paired, which are then no locating pair.
    """
    done = set()
    for i in renaming:
        same = _same_place_pairs(entries[i], entries[i + 1])
        if same:
            oa, ob = int(offsets[i]), int(offsets[i + 1])
            j, k = max(same, key=lambda jk: s[oa + jk[0]] + s[ob + jk[1]])
            s[oa + j] += INSIDE_NEXT_BONUS
            s[ob + k] += INSIDE_NEXT_BONUS
            done.add(i)
    return done


def _division_below_its_town(s: np.ndarray, docs: Sequence[Doc], ints: np.ndarray, offsets: np.ndarray) -> None:
    """Keep a first-level division named like a settlement inside it just below that settlement (in place).

    "Kidal", "Marib", "Kherson", "Idlib" name a town and the division it is the seat of. Unless
    cue words ask for the division ("Kidal region", "the province of Idlib": :class:`Doc`
    ``wants``), the town is meant: an event that changes hands "in Kidal" is about the town.
    What the document says for the division (its other places lie in it, it is named elsewhere)
    says as much for its town, which lies in it too, so it must not lift the division above it:
    the division keeps :data:`DIVISION_BELOW_TOWN` below the best such settlement named as well
    as it is ("Minnesota" is not the village Minneota), as :func:`build_entry` puts it before the
    document is read. Applied to reports of a war (the caller gives the document's countries):
    general news names "Quebec" or "Murmansk" for the province as often as for the city.
    """
    is_admin1 = ints[:, _I_IS_ADMIN1].astype(bool) & (ints[:, _I_ADMIN1] != 0)
    if not is_admin1.any():
        return
    divisions = np.flatnonzero(is_admin1).tolist()
    settlement, admin1, starts = ints[:, _I_SETTLEMENT].tolist(), ints[:, _I_ADMIN1].tolist(), offsets.tolist()
    names = sorted({bisect.bisect_right(starts, a) - 1 for a in divisions})  # the names they are candidates of
    for i in names:
        if docs[i].wants == "region":
            continue
        lo, hi = starts[i], starts[i + 1]
        for a in divisions[bisect.bisect_left(divisions, lo) : bisect.bisect_left(divisions, hi)]:
            level = docs[i].entry.level
            towns = [t for t in range(lo, hi)
                     if settlement[t] and admin1[t] == admin1[a] and level[t - lo] >= level[a - lo]]
            if towns:
                s[a] = min(s[a], max(s[t] for t in towns) - DIVISION_BELOW_TOWN)


def _division_not_country(docs: Sequence[Doc], ints: np.ndarray, chosen_c: np.ndarray, votes: np.ndarray,
                          total: int, starts: np.ndarray, owner: np.ndarray) -> np.ndarray | float:
    """Return :data:`DIVISION_NOT_COUNTRY_BONUS` for a first-level division named like a country ("Georgia").

    It goes to the division when at least :data:`DIVISION_COUNTRY_SHARE` of the places the
    document names otherwise (other names than this one) lie in the division's country and
    none in the country of that name.
    """
    is_country, is_admin1 = ints[:, _I_IS_COUNTRY].astype(bool), ints[:, _I_IS_ADMIN1].astype(bool)
    if not (is_country.any() and is_admin1.any()):
        return 0.0
    # The votes of each name as written (all its mentions), to leave out of its own count: per (name, country)
    # pair, as sorted keys name * codes + country, since most names vote for one country or none.
    group_of: dict[int, int] = {}
    group = np.fromiter((group_of.setdefault(id(d.entry), len(group_of)) for d in docs), dtype=np.int64,
                        count=len(docs))
    n_codes = len(_CODES)
    voted = chosen_c != 0
    keys, counts = np.unique(group[voted] * n_codes + chosen_c[voted], return_counts=True)
    countries = ints[:, _I_COUNTRY]
    wanted = group[owner] * n_codes + countries
    at = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
    own_votes = np.where((keys[at] == wanted) & (countries != 0), counts[at], 0) if len(keys) else 0
    other_votes = votes[countries] - own_votes
    others = total - np.bincount(group[voted], minlength=len(group_of))[group][owner]
    share = np.where(others > 0, other_votes / np.maximum(others, 1), 0.0)
    absent_country = is_country & (other_votes == 0) & (countries != 0)
    name_has_absent_country = np.maximum.reduceat(absent_country, starts)[owner]
    wanted = is_admin1 & name_has_absent_country & (share >= DIVISION_COUNTRY_SHARE)
    return DIVISION_NOT_COUNTRY_BONUS * wanted


def _admin1_share(ints: np.ndarray, best: np.ndarray, counted: np.ndarray, owner: np.ndarray) -> np.ndarray:
    """Return per candidate the share of the document's other names whose first choice lies in (or is) its division.

    Only the names of *counted* vote (the caller's: those whose first choice lies in the document's
    main country, so that two namesakes abroad do not vote for each other's division). Zero until
    :data:`ADMIN1_FOCUS_MIN_NAMES` other names lie in divisions. Times
    :data:`ADMIN1_FOCUS_BONUS` it is the bonus of the places in the document's first-level
    divisions, and of those divisions themselves (so that a division and its main city keep their
    order, "Aleppo"): "Gainesville" in a text most of whose places lie in Georgia is Gainesville,
    Georgia, not Florida (the "exact admin-1 match" of CLIFF-CLAVIN, by share).
    """
    admin1 = ints[:, _I_ADMIN1]
    chosen = np.where(counted, admin1[best], 0)
    counted = chosen != 0
    total = int(counted.sum())
    if total <= ADMIN1_FOCUS_MIN_NAMES:
        return np.zeros(len(owner))
    votes = np.bincount(chosen[counted], minlength=len(_CODES))
    own = admin1 == chosen[owner]  # the name's own first choice is no evidence for itself
    others = total - counted[owner]
    share = np.where(others >= ADMIN1_FOCUS_MIN_NAMES, (votes[admin1] - own) / np.maximum(others, 1), 0.0)
    return np.where(admin1 != 0, share, 0.0)


def _near_bonus(floats: np.ndarray, settlement: np.ndarray, best: np.ndarray, anchor: np.ndarray,
                sizes: np.ndarray, owner: np.ndarray) -> np.ndarray | float:
    """Return the co-location bonus of every candidate: settlements near the other names' chosen places.

    A name's candidates are weighed only when it has several and some other name chose a
    settlement (an anchor). Within :data:`NEAR_KM` is a dot product of unit vectors.
    """
    n_anchor = int(anchor.sum())
    if n_anchor == 0:
        return 0.0
    weigh = ((sizes > 1) & (n_anchor > anchor))[owner] & settlement
    where = np.flatnonzero(weigh)
    if len(where) == 0:
        return 0.0
    # Distinct chosen places, each weighed by how many names chose it: a long document names the
    # same places again and again, and candidates x anchors must not be one dense matrix.
    places, column_of, weight = np.unique(best[anchor], return_inverse=True, return_counts=True)
    vectors = floats[places][:, _F_XYZ]
    own = np.full(len(where), -1)
    mine_all = np.flatnonzero(anchor[owner[where]])
    own[mine_all] = column_of[(np.cumsum(anchor) - 1)[owner[where[mine_all]]]]
    if len(places) > MAX_ANCHORS:  # a very long document: its most often chosen places stand for the rest
        top = np.sort(np.argsort(-weight, kind="stable")[:MAX_ANCHORS])
        remap = np.full(len(places), -1)
        remap[top] = np.arange(len(top))
        vectors, weight, own = vectors[top], weight[top], np.where(own >= 0, remap[np.maximum(own, 0)], -1)
    near = np.empty(len(where))
    step = max(1, _NEAR_BLOCK // max(len(weight), 1))
    for lo in range(0, len(where), step):
        close = floats[where[lo:lo + step]][:, _F_XYZ] @ vectors.T >= _NEAR_COS
        near[lo:lo + step] = close @ weight
        rows = np.flatnonzero(own[lo:lo + step] >= 0)
        near[lo + rows] -= close[rows, own[lo + rows]]  # a name's own chosen place is no neighbour of its own
    bonus = np.zeros(len(owner))
    bonus[where] = NEAR_BONUS * np.minimum(near, 3) / 3 + 0.2 * (near > 0)
    return bonus


def _same_place_pairs(first: Entry, second: Entry) -> list[tuple[int, int]]:
    """Pairs (candidate of the first name, candidate of the second) that are one place under two names.

    "Dzerzhinsk (Toretsk)", "Toretsk, formerly Dzerzhinsk", "Artemivsk/Bakhmut": a former or
    other name next to the current one. One place is one record, or two settlement records of one
    country within :data:`SAME_PLACE_DEG` of each other (a curated row and a GeoNames record).
    One name written twice ("Gao (Gao)") renames nothing: no pairs.
    """
    if first.places is second.places:
        return []
    rows_b = {int(r): k for k, r in enumerate(second.ints[:, _I_ROW].tolist())}
    pairs = [(j, rows_b[r]) for j, r in enumerate(first.ints[:, _I_ROW].tolist()) if r in rows_b]
    if pairs:
        return pairs
    country_a, country_b = first.ints[:, _I_COUNTRY], second.ints[:, _I_COUNTRY]
    point_a = first.ints[:, _I_SETTLEMENT].astype(bool)
    point_b = second.ints[:, _I_SETTLEMENT].astype(bool)
    return [(j, k) for j in np.flatnonzero(point_a).tolist() for k in np.flatnonzero(point_b).tolist()
            if country_a[j] == country_b[k] and country_a[j] and abs(first.lat[j] - second.lat[k]) < SAME_PLACE_DEG
            and abs(first.lon[j] - second.lon[k]) < SAME_PLACE_DEG]


def _inside_pairs(small: Entry, big: Entry) -> list[tuple[int, int]]:
    """Pairs (candidate of the first name, candidate of the second) where the first lies in the second."""
    pairs = []
    small_c, small_a1 = small.ints[:, _I_COUNTRY].tolist(), small.ints[:, _I_ADMIN1].tolist()
    for k, q in enumerate(big.places):
        c, a1 = int(big.ints[k, _I_COUNTRY]), int(big.ints[k, _I_ADMIN1])
        if q.kind == "country":
            pairs += [(j, k) for j, sc in enumerate(small_c)
                      if sc and sc == c and small.places[j].kind != "country"]
        elif q.kind == "admin1" and a1:
            pairs += [(j, k) for j, sa in enumerate(small_a1) if sa == a1 and small.places[j].kind != "admin1"]
        elif q.kind == "admin2" and c:
            pairs += [(j, k) for j in range(len(small.places))
                      if small_c[j] == c and small.places[j].kind not in _AREAS
                      and abs(small.lat[j] - big.lat[k]) < 0.7 and abs(small.lon[j] - big.lon[k]) < 0.9]
    return pairs


def prefer_home(ranking: Ranking, docs: Sequence[Doc], home: Sequence[str] | set[str]) -> Ranking:
    """Put a name's candidates in the document's countries before its namesakes abroad.

    A name whose best candidate is a settlement or site outside *home* (the document's focus and
    theatre countries) takes its best candidate inside them instead, when it has one: "Avana"
    in a report from Kirkuk is the oilfield, not Havana (named "L'Avana" in Italian); "Ras
    al-Ain" in a report from north-east Syria is the Syrian town, not a Moroccan village of the
    same name. A country, a division or a region abroad keeps its place, and so does a city of
    :data:`WORLD_CITY_POPULATION` or more named by its main name. Returns *ranking* itself when
    nothing changes (the common case costs a few array operations).
    """
    n = len(docs)
    if not n or not home:
        return ranking
    ints, best = ranking.ints, ranking.best
    country = ints[:, _I_COUNTRY]
    at_home = _table(np.array([code_id(c) for c in home], dtype=np.int64))[country]
    settlement = ints[:, _I_SETTLEMENT].astype(bool)
    abroad = ~at_home[best] & (country[best] != 0) & settlement[best]
    if not abroad.any():
        return ranking
    starts = ranking.offsets[:-1]
    has_home = np.maximum.reduceat(at_home, starts) if len(at_home) else np.zeros(n, dtype=bool)
    todo = np.flatnonzero(abroad & has_home)
    if not len(todo):
        return ranking
    order, best = ranking.order.copy(), best.copy()
    for i in todo.tolist():
        lo, hi = int(ranking.offsets[i]), int(ranking.offsets[i + 1])
        entry, j = docs[i].entry, int(best[i]) - lo
        if entry.places[j].population >= WORLD_CITY_POPULATION and entry.level[j] == 3:
            continue
        segment = order[lo:hi].tolist()
        order[lo:hi] = [k for k in segment if at_home[k]] + [k for k in segment if not at_home[k]]
        best[i] = order[lo]
    return Ranking(ranking.offsets, order, ranking.scores, best, ints)


#: A place bearing a name as an alternate keeps it over a place at home of that main name only when this many times
#: as populous, or ahead by more than :data:`MAIN_NAME_MARGIN` (:func:`prefer_main_name`).
ALTERNATE_POPULATION_RATIO = 10
#: A lead in score that only the document's context gives (a name beside it, its neighbours, a country it names: each
#: bonus of :func:`resolve_document` is larger), not size and kind alone.
MAIN_NAME_MARGIN = 1.0


def prefer_main_name(ranking: Ranking, docs: Sequence[Doc], home: Sequence[str] | set[str]) -> Ranking:
    """Put a settlement at home named so before one at home that bears the name only as an alternate.

    "Pokrovsk" in a report from the Ukrainian front is the town in Donetsk region, not Engels
    (Pokrovsk until 1931), though Engels is the larger city and Russia is a country of the theatre
    too. The alternate-bearer keeps its place when it is :data:`ALTERNATE_POPULATION_RATIO` times as
    populous or more, or when the document put it ahead by more than :data:`MAIN_NAME_MARGIN`
    ("Dzerzhinsk (Toretsk)" is Toretsk). Only with *home* (the document's countries, as for
    :func:`prefer_home`); returns *ranking* itself when nothing changes.
    """
    if not home or not len(docs):
        return ranking
    at_home = _table(np.array([code_id(c) for c in home], dtype=np.int64))[ranking.ints[:, _I_COUNTRY]]
    settlement = ranking.ints[:, _I_SETTLEMENT].astype(bool)
    order, best, changed = ranking.order, ranking.best, False
    for i, doc in enumerate(docs):
        lo, hi = int(ranking.offsets[i]), int(ranking.offsets[i + 1])
        j = int(best[i])
        if hi - lo < 2 or doc.entry.level[j - lo] != 2 or not (at_home[j] and settlement[j]):
            continue
        population = doc.entry.places[j - lo].population
        lead = float(ranking.scores[j]) - MAIN_NAME_MARGIN
        chosen = next((k for k in order[lo:hi].tolist() if doc.entry.level[k - lo] == 3 and at_home[k] and settlement[k]
                       and ranking.scores[k] >= lead
                       and doc.entry.places[k - lo].population * ALTERNATE_POPULATION_RATIO > population), None)
        if chosen is not None and not changed:
            order, best, changed = order.copy(), best.copy(), True
        _promote(order, best, i, lo, hi, chosen)
    return Ranking(ranking.offsets, order, ranking.scores, best, ranking.ints) if changed else ranking


#: A candidate near this many distinct places the rest of a document names (within :data:`NEAR_KM`) beats its name's
#: best candidate when that one lies near none of them (:func:`prefer_neighbours`).
NEIGHBOURS_MIN = 2


def prefer_neighbours(ranking: Ranking, docs: Sequence[Doc], home: Sequence[str] | set[str]) -> Ranking:
    """Put a name's candidate among the document's other places before a namesake far from all of them.

    A former name names today's place in the report's theatre and, as its main name, a town
    elsewhere: "Dzerzhinsk" is Toretsk in a report that also names Kostiantynivka and
    Druzhkivka, not the Russian city of that name 900 km away; "Ordzhonikidze" is Pokrov next to
    Marhanets and Nikopol, not Vladikavkaz. Main name and population favour the namesake; here
    the document decides. A name whose best candidate is a settlement near none of the places
    the other names chose takes its settlement candidate in *home* (the document's countries)
    that lies near at least :data:`NEIGHBOURS_MIN` distinct such places, the best scored if
    several. A city of :data:`WORLD_CITY_POPULATION` or more named by its main name keeps its
    place. Only with *home* (a caller that knows the document's countries, as for
    :func:`prefer_home`). Returns *ranking* itself when nothing changes.
    """
    n = len(docs)
    if n < NEIGHBOURS_MIN + 1 or not home:
        return ranking
    ints, best, offsets = ranking.ints, ranking.best, ranking.offsets
    settlement = ints[:, _I_SETTLEMENT].astype(bool)
    at_home = _table(np.array([code_id(c) for c in home], dtype=np.int64))[ints[:, _I_COUNTRY]]
    sizes = np.diff(offsets)
    owner = np.repeat(np.arange(n), sizes)
    rival = settlement & at_home
    rival[best] = False
    todo = np.flatnonzero(settlement[best] & (np.bincount(owner[rival], minlength=n) > 0))
    if not len(todo):
        return ranking
    context = np.fromiter((d.context for d in docs), dtype=bool, count=n)
    anchors = np.flatnonzero(settlement[best] & context)
    if len(anchors) < NEIGHBOURS_MIN:
        return ranking
    starts = offsets.tolist()

    def xyz(k: int, i: int) -> np.ndarray:  # the unit vector of flat position k, a candidate of name i
        return docs[i].entry.floats[k - starts[i], _F_XYZ]

    anchor_best = best[anchors].tolist()
    anchor_rows = ints[best[anchors], _I_ROW]
    anchor_xyz = np.concatenate([docs[i].entry.floats[k - starts[i] : k - starts[i] + 1, _F_XYZ]
                                 for k, i in zip(anchor_best, anchors.tolist(), strict=True)])
    anchor_entries = np.fromiter((id(docs[k].entry) for k in anchors.tolist()), dtype=np.int64, count=len(anchors))
    order, best = ranking.order.copy(), best.copy()
    changed = False
    for i in todo.tolist():
        lo, hi = starts[i], starts[i + 1]
        entry, j = docs[i].entry, int(best[i]) - lo
        if entry.places[j].population >= WORLD_CITY_POPULATION and entry.level[j] == 3:
            continue
        others = anchor_entries != id(entry)
        if others.sum() < NEIGHBOURS_MIN:
            continue
        rows, vectors = anchor_rows[others], anchor_xyz[others]
        if (vectors @ xyz(int(best[i]), i) >= _NEAR_COS).any():
            continue  # the best candidate has neighbours of its own
        changed |= _promote(order, best, i, lo, hi, next((
            k for k in order[lo:hi].tolist()
            if rival[k] and _neighbours(rows, vectors, xyz(k, i), int(ints[k, _I_ROW])) >= NEIGHBOURS_MIN), None))
    return Ranking(offsets, order, ranking.scores, best, ints) if changed else ranking


def _promote(order: np.ndarray, best: np.ndarray, i: int, lo: int, hi: int, chosen: int | None) -> bool:
    """Move candidate *chosen* of name *i* (rows ``lo:hi`` of *order*) to the top and make it the name's best.

    Returns whether one was moved (None: none was chosen).
    """
    if chosen is None:
        return False
    order[lo:hi] = [chosen] + [k for k in order[lo:hi].tolist() if k != chosen]
    best[i] = chosen
    return True


def _neighbours(rows: np.ndarray, vectors: np.ndarray, point: np.ndarray, own_row: int) -> int:
    """Return how many distinct places (*rows*, at unit *vectors*), not *own_row*, lie within NEAR_KM of *point*."""
    return len(set(rows[vectors @ point >= _NEAR_COS].tolist()) - {own_row})


#: A name's namesake in the document's own first-level division beats its first choice elsewhere when at least this
#: many other names lie in that division (:func:`prefer_division`) ...
DIVISION_NAMES_MIN = 2
#: ... and they are at least this share of the other names that lie in any division.
DIVISION_NAMES_SHARE = 0.5
#: ... unless its first choice is a city this populous in the division's own country: a report from Missouri that
#: names "Memphis" means Tennessee's city, not the Missouri village.
HOME_CITY_POPULATION = 500_000


#: What stands between a name and a place it lies near: "X near Y", "X, outside Y", "X on the outskirts of Y",
#: "X, west of Y" (the whole gap, fullmatch).
NEAR_GAP = re.compile(r"\s*,?\s+(?:(?:just\s+|right\s+)?(?:near|outside|close\s+to|not\s+far\s+from|"
                      r"on\s+the\s+(?:outskirts|edge|fringes?)\s+of|in\s+the\s+(?:vicinity|suburbs|environs)\s+of)|"
                      r"(?:just\s+)?(?:to\s+the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)"
                      r"\s+(?:the\s+(?:city|town|village|port)\s+of\s+)?", re.I)
#: How far from the place it is said to be near a name's candidate may lie.
NEAR_NAMED_KM = 40.0
#: A first choice near the place stays unless the nearest candidate is more than twice as near and this much nearer.
NEAR_MARGIN_KM = 5.0


def prefer_near(ranking: Ranking, docs: Sequence[Doc], near: Sequence[int]) -> Ranking:
    """Put a name said to lie near the next one on its candidate near that one's place.

    "The village of Novoselivka near Slovyansk": of the data's fourteen Novoselivkas, the one
    nearest the place chosen for Slovyansk, within :data:`NEAR_NAMED_KM` and named as well as the first
    choice is, unless the first choice is about as near (:data:`NEAR_MARGIN_KM`). *near* lists the
    names *i* so followed by name *i + 1* (:data:`NEAR_GAP`). Returns *ranking* itself when nothing
    changes.
    """
    if not near:
        return ranking
    offsets, order, best = ranking.offsets, ranking.order.copy(), ranking.best.copy()
    changed = False
    for i in near:
        lo, hi = int(offsets[i]), int(offsets[i + 1])
        if hi - lo < 2:
            continue
        entry = docs[i].entry
        anchor = docs[i + 1].entry.places[int(best[i + 1]) - int(offsets[i + 1])]
        j = int(best[i]) - lo
        floor = min(entry.level[j], 2)
        km = {k: km_between(entry.places[k - lo], anchor) for k in range(lo, hi) if entry.level[k - lo] >= floor}
        close = min((k for k in km if km[k] <= NEAR_NAMED_KM), key=km.__getitem__, default=None)
        if close is None or close == best[i] or km.get(int(best[i]), math.inf) <= 2 * km[close] + NEAR_MARGIN_KM:
            continue  # none near, or the first choice is near enough (namesakes a few km apart: the ranking decides)
        changed |= _promote(order, best, i, lo, hi, close)
    return Ranking(offsets, order, ranking.scores, best, ranking.ints) if changed else ranking


#: A namesake this near (km) another place of the document beats one more than twice as far and this much farther.
NAMESAKE_NEAR_KM = 25.0
NAMESAKE_MARGIN_KM = 10.0


def prefer_near_namesake(ranking: Ranking, docs: Sequence[Doc], home: Sequence[str] | set[str]) -> Ranking:
    """Put a settlement's name on its namesake at home nearest the document's other places.

    A war's villages repeat their names: a report of fighting around Slovyansk and Kramatorsk
    that names "Novoselivka" means the one 10 km away, not another 26 km off that is older in
    the data or larger. A name whose best candidate is a settlement in *home* and which has
    another settlement candidate there, named as well, takes the one nearest a place the other
    names chose, when that one lies within :data:`NAMESAKE_NEAR_KM` of such a place and the first
    choice more than twice as far and :data:`NAMESAKE_MARGIN_KM` farther. Only with *home* (a
    caller that knows the document's countries). Returns *ranking* itself when nothing changes.
    """
    n = len(docs)
    if n < 2 or not home:
        return ranking
    ints, best, offsets = ranking.ints, ranking.best, ranking.offsets
    rival = ints[:, _I_SETTLEMENT].astype(bool) & _table(np.array([code_id(c) for c in home],
                                                                   dtype=np.int64))[ints[:, _I_COUNTRY]]
    owner = np.repeat(np.arange(n), np.diff(offsets))
    todo = np.flatnonzero(rival[best] & (np.bincount(owner[rival], minlength=n) > 1))  # two namesakes at home
    anchors = [i for i in np.flatnonzero(ints[best, _I_SETTLEMENT].astype(bool)).tolist() if docs[i].context]
    if not len(todo) or not anchors:
        return ranking
    starts = offsets.tolist()
    anchor_xyz = np.stack([docs[i].entry.floats[int(best[i]) - starts[i], _F_XYZ] for i in anchors])
    anchor_entry = np.array([id(docs[i].entry) for i in anchors], dtype=np.int64)
    order, best = ranking.order.copy(), best.copy()
    changed = False
    for i in todo.tolist():
        lo, hi, entry = starts[i], starts[i + 1], docs[i].entry
        others = anchor_xyz[anchor_entry != id(entry)]
        if not len(others):
            continue
        j = int(best[i]) - lo
        # each candidate's distance (km) to the nearest other place of the document
        gap = EARTH_RADIUS_KM * np.arccos(np.clip((entry.floats[:, _F_XYZ] @ others.T).max(axis=1), -1.0, 1.0))
        if gap[j] <= NAMESAKE_MARGIN_KM:
            continue
        ok = rival[lo:hi] & (np.asarray(entry.level) >= entry.level[j])
        ok[j] = False
        if not ok.any():
            continue
        k = int(np.flatnonzero(ok)[np.argmin(gap[ok])])
        if gap[k] <= NAMESAKE_NEAR_KM and gap[j] > 2 * gap[k] + NAMESAKE_MARGIN_KM:
            changed |= _promote(order, best, i, lo, hi, lo + k)
    return Ranking(offsets, order, ranking.scores, best, ints) if changed else ranking


def prefer_named_country(ranking: Ranking, docs: Sequence[Doc]) -> Ranking:
    """Put a name two countries share on the country whose places the document names.

    "Congo" is the Democratic Republic's name in wire copy and the Republic's own; in a report
    that names the Republic of Congo, Cuvette-Ouest and Etoumbi it is the Republic, in one that
    names Goma and Ituri the Democratic Republic. A name whose best candidate is a country, and
    that has another country among its candidates, takes the one in which more of the document's
    other names (exact, read as context) lie, when the best has fewer. Returns *ranking* itself
    when nothing changes.
    """
    ints, best, offsets = ranking.ints, ranking.best, ranking.offsets
    is_country = ints[:, _I_IS_COUNTRY].astype(bool)
    if int(is_country[best].sum()) == 0:
        return ranking
    country = ints[:, _I_COUNTRY]
    chosen = country[best].tolist()
    support = Counter(chosen[k] for k, d in enumerate(docs) if d.context and d.entry.exact and chosen[k])
    order, best = ranking.order.copy(), best.copy()
    changed = False
    for i, d in enumerate(docs):
        lo, hi = int(offsets[i]), int(offsets[i + 1])
        if hi - lo < 2 or not is_country[best[i]]:
            continue
        others = [k for k in order[lo:hi].tolist() if is_country[k] and k != best[i]]
        if not others:
            continue
        own = int(country[best[i]])
        # the other names of the document in each country (this name counts for its own best's country)
        named = {int(country[k]): support[int(country[k])] for k in others}
        named[own] = support[own] - (1 if d.context and d.entry.exact else 0)
        rival = max(others, key=lambda k: named[int(country[k])])
        if named[int(country[rival])] > named[own]:
            changed |= _promote(order, best, i, lo, hi, rival)
    return Ranking(offsets, order, ranking.scores, best, ints) if changed else ranking


def prefer_division(ranking: Ranking, docs: Sequence[Doc]) -> Ranking:
    """Put a name's namesake in the division most of the document's places lie in before a namesake elsewhere.

    A local report names its own county and towns: "Paris" among Urbana and Edgar County is the
    Illinois town, not the French capital; "London" among Kitchener and Woodstock the Ontario
    city; "Gainesville" among Hall County and Flowery Branch the Georgia city. A name whose best
    candidate lies outside the document's main first-level division (the one where at least
    :data:`DIVISION_NAMES_MIN` other names, and :data:`DIVISION_NAMES_SHARE` of those that lie
    in any division, lie), and in a country or division where no other name lies, takes its
    candidate inside that division, named as well as it is. A city of :data:`HOME_CITY_POPULATION`
    in the division's own country keeps its place ("Memphis" in a report from Missouri is still
    Tennessee's city), and so does a continent, region, country or first-level division ("China"
    in a story from Texas is the country, not China, Texas) and a name whose first choice has
    company ("Paris" beside "France" or "Lyon").
    Returns *ranking* itself when nothing changes.
    """
    n = len(docs)
    if n < DIVISION_NAMES_MIN + 1:
        return ranking
    ints, best, offsets = ranking.ints, ranking.best, ranking.offsets
    admin1, country = ints[:, _I_ADMIN1], ints[:, _I_COUNTRY]
    chosen_a, chosen_c = admin1[best].tolist(), country[best].tolist()
    # A division is its country and admin-1 code together: codes are names, and two countries may share one.
    in_division: dict[tuple[int, int], set[int]] = {}
    in_country: dict[int, set[int]] = {}
    for i, d in enumerate(docs):
        if not (d.context and d.entry.exact and chosen_c[i]):
            continue
        in_country.setdefault(chosen_c[i], set()).add(id(d.entry))
        if chosen_a[i]:
            in_division.setdefault((chosen_c[i], chosen_a[i]), set()).add(id(d.entry))
    if not in_division:
        return ranking
    top = max(in_division, key=lambda a: len(in_division[a]))
    local = in_division[top]
    named = set().union(*in_division.values())
    inside = (country == top[0]) & (admin1 == top[1])
    order, best = ranking.order.copy(), best.copy()
    changed = False
    for i, d in enumerate(docs):
        entry = d.entry
        lo, hi = int(offsets[i]), int(offsets[i + 1])
        if (chosen_c[i], chosen_a[i]) == top or hi - lo < 2 or not inside[lo:hi].any():
            continue
        j = int(best[i]) - lo
        if entry.places[j].kind in _LARGE or (
                chosen_c[i] == top[0] and entry.places[j].population >= HOME_CITY_POPULATION):
            continue
        others = local - {id(entry)}
        if len(others) < DIVISION_NAMES_MIN or len(others) < DIVISION_NAMES_SHARE * len(named - {id(entry)}):
            continue
        company = (in_country.get(chosen_c[i], set()) if chosen_c[i] != top[0]
                   else in_division.get((chosen_c[i], chosen_a[i]), set()))
        if company - {id(entry)}:
            continue  # its first choice has other names beside it, in its country abroad or its division at home
        level, floor = entry.level, min(entry.level[j], 2)
        changed |= _promote(order, best, i, lo, hi, next((
            k for k in order[lo:hi].tolist() if inside[k] and level[k - lo] >= floor), None))
    return Ranking(offsets, order, ranking.scores, best, ints) if changed else ranking
