"""Resolving the names of one document together, in the manner of CLIFF-CLAVIN's heuristic passes.

Each name has candidates (every record one of whose names folds to the name's key). A
candidate's score is a prior plus what the document says for it:

* **how it is named** (:func:`match_level`): written as the record's main name (3), as an
  alternate, a demonym or an abbreviation (2), or only equal once folded (1, "fuzzy").
  Exact names always go before fuzzy ones: a fuzzy candidate survives only when no
  candidate is named exactly. The main name beats an alternate, which is often a historical
  name ("Pokrovsk" is today's Ukrainian town before Engels, once called Pokrovsk). An
  all-capital short word ("US") means only the records with that abbreviation; a demonym
  ("Syrian") only the records it names.
* **size** (:data:`KIND_PRIOR` and population): a continent or country named exactly comes
  first ("large areas"), then a first-level division, then settlements by population.
* **the document**: countries it names (or names the people of), first-level divisions it
  names ("exact admin-1 match": "Springfield" in a text naming Illinois), the countries most
  of its places lie in (the focus, weighted by share), places near the document's other
  places (co-location, within :data:`NEAR_KM`), and the name right after it ("Pokrovsk,
  Donetsk region", "Paris, Texas", "Athens (Ga.)"), which picks the candidate inside it.
* **cue words** ("the province of Idlib", "the city of Aleppo"; :mod:`gazetteer.rank`).

Two passes: the first ranks every name with the document's named countries and divisions;
the second adds the focus and the co-location of the first pass's choices.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from gazetteer.model import PLACE_KINDS, Place
from gazetteer.rank import CUE_BONUS, CUE_PENALTY, light_form
from gazetteer.store import PlaceStore

__all__ = ["Entry", "Doc", "build_entry", "resolve_document", "match_level", "KIND_PRIOR"]

KIND_PRIOR = {
    "continent": 6.2, "region": 5.0, "country": 6.0, "admin1": 3.6, "admin2": 1.5,
    "city": 0.3, "town": 0.2, "village": 0.1, "neighbourhood": 0.3, "landmark": 0.3, "military": 0.3,
    "infrastructure": 0.2,
}
LEVEL_BONUS = (0.0, -0.8, 0.2, 0.6)  # by match level 0..3
NAMED_COUNTRY_BONUS = 1.0
FOCUS_BONUS = 1.5
ADMIN1_NAMED_BONUS = 1.2
CONTAINS_BONUS = 0.8
NEAR_KM = 150.0
NEAR_BONUS = 0.5
INSIDE_NEXT_BONUS = 3.0
_SETTLEMENTS = frozenset({"city", "town", "village"})
_LARGE = frozenset({"continent", "region", "country", "admin1"})
_AREAS = frozenset({"continent", "region", "country", "admin1", "admin2"})
_PRIOR_BY_INDEX = np.array([KIND_PRIOR.get(k, 0.1) for k in PLACE_KINDS])
#: At most this many candidates of a name are weighed (the largest by kind and population): "Center" names
#: hundreds of villages.
MAX_CANDIDATES = 24
#: What may stand between a name and the larger place that locates it: "X, Y", "X (Y)", "X in Y".
_LOCATING_GAP = re.compile(r"^(?:\s*,\s*|\s*\(\s*|\s+in\s+(?:the\s+)?|\s+of\s+)$")


class Entry(NamedTuple):
    """The candidates of one name as written, with the features the document passes need."""

    rows: tuple[int, ...]
    places: tuple[Place, ...]
    lat: np.ndarray
    lon: np.ndarray
    base: np.ndarray
    level: tuple[int, ...]
    form: str  # "name", "demonym" or "abbreviation"
    exact: bool
    countries: np.ndarray | None = None  # ISO codes ("" when none), as a numpy string array
    admin1: np.ndarray | None = None  # GeoNames admin-1 codes ("" when none)
    settlement: np.ndarray | None = None  # True where the candidate is no area (a place for co-location)
    contextual: np.ndarray | None = None  # True where the document's countries count (not a country or continent)


def _is_abbreviation_form(written: str) -> bool:
    letters = written.replace(".", "").replace(" ", "")
    return letters.isalpha() and (letters.isupper() and len(letters) <= 4 or "." in written and len(letters) <= 5)


def match_level(written: str, place: Place) -> tuple[int, str]:
    """How *written* names *place*: (3 main name, 2 alternate/demonym/abbreviation, 1 folded only), and the form."""
    if written in place.abbreviations or written.rstrip(".") in place.abbreviations or (
            written + "." in place.abbreviations):
        return 2, "abbreviation"
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
    levels = [match_level(written, p) for p in places]
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
    form = levels[keep[0]][1] if keep else "name"
    base = []
    for i in keep:
        p = places[i]
        prior = KIND_PRIOR.get(p.kind, 0.1)
        prior += math.log10(p.population + 1) * (0.15 if p.kind in _LARGE else 0.6)
        base.append(prior + LEVEL_BONUS[levels[i][0]])
    # A division named as its own main city ("Aleppo", "Homs", "Daraa") means the city, unless cue words say
    # otherwise: the division goes just below the best settlement of that name inside it.
    codes = [store.admin1_code(rows[i]) for i in keep]
    for a, i in enumerate(keep):
        if places[i].kind == "admin1" and codes[a]:
            inside = [base[b] for b, k in enumerate(keep) if codes[b] == codes[a] and places[k].kind in _SETTLEMENTS]
            if inside:
                base[a] = min(base[a], max(inside) - 0.1)
    chosen = [places[i] for i in keep]
    kept_rows = tuple(rows[i] for i in keep)
    return Entry(kept_rows, tuple(chosen), np.array([p.lat for p in chosen]),
                 np.array([p.lon for p in chosen]), np.array(base), tuple(levels[i][0] for i in keep), form,
                 bool(exact), np.array([p.country or "" for p in chosen]),
                 np.array([store.admin1_code(r) for r in kept_rows]),
                 np.array([p.kind not in _AREAS for p in chosen]),
                 np.array([p.kind not in ("country", "continent") for p in chosen]))


def _complete(entry: Entry, store: PlaceStore) -> Entry:
    """Return the entry with its derived arrays (an entry made by hand may lack them)."""
    if entry.countries is not None:
        return entry
    return entry._replace(countries=np.array([p.country or "" for p in entry.places]),
                          admin1=np.array([store.admin1_code(r) for r in entry.rows]),
                          settlement=np.array([p.kind not in _AREAS for p in entry.places]),
                          contextual=np.array([p.kind not in ("country", "continent") for p in entry.places]))


def _likeliest(store: PlaceStore, rows: list[int]) -> list[int]:
    """Return the likeliest rows, in their order: the :data:`MAX_CANDIDATES` of largest prior (kind and population)
    and the likeliest of every other country, so that the document's countries can still pick a small place
    ("Mallah" near Aleppo among 55 places so keyed); rows added by the user stay.
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
    return [r for r in rows if r in keep or r >= store._n_world]


class Doc(NamedTuple):
    """One name of a document to resolve: where it is, its candidates, and the cue words around it."""

    start: int
    end: int
    entry: Entry
    wants: str | None


def _cue_scores(entry: Entry, wants: str | None) -> np.ndarray:
    if wants is None:
        return np.zeros(len(entry.rows))
    if wants == "region":
        return np.array([CUE_BONUS if p.kind in ("admin1", "admin2") else -CUE_PENALTY for p in entry.places])
    return np.array([CUE_BONUS / 2 if p.kind in ("city", "town", "village") else -CUE_PENALTY
                     for p in entry.places])


def _km(lat: np.ndarray, lon: np.ndarray, plat: np.ndarray, plon: np.ndarray) -> np.ndarray:
    """Great-circle distances (km) between each candidate (rows) and each anchor (columns)."""
    la1, lo1 = np.radians(lat)[:, None], np.radians(lon)[:, None]
    la2, lo2 = np.radians(plat)[None, :], np.radians(plon)[None, :]
    a = np.sin((la2 - la1) / 2) ** 2 + np.cos(la1) * np.cos(la2) * np.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def resolve_document(store: PlaceStore, text: str, docs: Sequence[Doc], focus: Sequence[str] = ()
                     ) -> list[tuple[list[int], np.ndarray]]:
    """Rank the candidates of every name of a document together.

    Returns, per name, the candidate indices best first and their scores (same order as *docs*).
    """
    n = len(docs)
    if n == 0:
        return []
    entries = [_complete(d.entry, store) for d in docs]
    admin1 = [e.admin1 for e in entries]
    countries = [e.countries for e in entries]
    static = [e.base + _cue_scores(e, d.wants) for e, d in zip(entries, docs, strict=True)]
    given = set(focus)

    # Pass 1: what the document names outright: countries (or their people) and first-level divisions.
    first = [int(np.argmax(s)) for s in static]
    named_countries: set[str] = set(given)
    named_admin1: set[str] = set()
    for i, (e, k) in enumerate(zip(entries, first, strict=True)):
        p = e.places[k]
        if p.kind == "country" and e.exact and p.country:
            named_countries.add(p.country)
        elif p.kind == "admin1" and e.exact and admin1[i][k]:
            named_admin1.add(admin1[i][k])
    named_c = np.array(sorted(named_countries)) if named_countries else np.array([""])
    named_a = np.array(sorted(named_admin1)) if named_admin1 else np.array([""])
    scores = []
    for i, e in enumerate(entries):
        in_named = np.isin(countries[i], named_c) & (countries[i] != "")
        s = static[i] + NAMED_COUNTRY_BONUS * (in_named & e.contextual)
        s = s + ADMIN1_NAMED_BONUS * (np.isin(admin1[i], named_a) & (admin1[i] != "") & e.settlement)
        scores.append((s, in_named))
    best = [int(np.argmax(s)) for s, _ in scores]

    # Pass 2: the focus (share of the document's places in each country), co-location, containment.
    votes = Counter(countries[i][best[i]] for i in range(n) if countries[i][best[i]])
    total = sum(votes.values()) or 1
    chosen_admin1 = Counter(admin1[i][best[i]] for i in range(n) if entries[i].settlement[best[i]] and admin1[i][best[i]])
    anchor_idx = [i for i in range(n) if entries[i].settlement[best[i]]]
    anchor_lat = np.array([entries[i].lat[best[i]] for i in anchor_idx])
    anchor_lon = np.array([entries[i].lon[best[i]] for i in anchor_idx])
    final = []
    for i, e in enumerate(entries):
        s, in_named = scores[i]
        share = np.array([votes.get(c, 0) / total for c in countries[i]]) if votes else np.zeros(len(e.rows))
        s = s + np.maximum(0.0, FOCUS_BONUS * share - NAMED_COUNTRY_BONUS * in_named) * e.contextual
        is_admin1 = ~e.settlement & e.contextual & (admin1[i] != "")
        own = admin1[i][best[i]] if e.settlement[best[i]] else ""
        others_in = np.array([chosen_admin1.get(a, 0) - (a == own) > 0 for a in admin1[i]])  # other names' places
        s = s + CONTAINS_BONUS * (is_admin1 & others_in)
        if len(e.rows) > 1 and len(anchor_idx) > (1 if i in anchor_idx else 0):
            others = np.array([k != i for k in anchor_idx])
            km = _km(e.lat, e.lon, anchor_lat[others], anchor_lon[others])
            near = (km <= NEAR_KM).sum(axis=1)
            s = s + np.where(e.settlement, NEAR_BONUS * np.minimum(near, 3) / 3 + 0.2 * (near > 0), 0.0)
        final.append(s)

    # "X, Y" / "X (Y)" / "X in Y": a candidate of X inside a candidate of Y, the larger place, wins.
    for i in range(n - 1):
        a, b = docs[i], docs[i + 1]
        if not _LOCATING_GAP.match(text[a.end : b.start]):
            continue
        inside = _inside_pairs(entries[i], list(admin1[i]), list(countries[i]), entries[i + 1], list(admin1[i + 1]),
                               list(countries[i + 1]))
        if inside:
            best_pair = max(inside, key=lambda jk: final[i][jk[0]] + final[i + 1][jk[1]])
            final[i][best_pair[0]] += INSIDE_NEXT_BONUS
            final[i + 1][best_pair[1]] += INSIDE_NEXT_BONUS / 2
    out = []
    for s in final:
        order = sorted(range(len(s)), key=lambda j: -s[j])
        out.append((order, s))
    return out


def _inside_pairs(small: Entry, small_a1: list[str], small_c: list[str], big: Entry, big_a1: list[str],
                  big_c: list[str]) -> list[tuple[int, int]]:
    """Pairs (candidate of the first name, candidate of the second) where the first lies in the second."""
    pairs = []
    for k, q in enumerate(big.places):
        if q.kind == "country":
            pairs += [(j, k) for j, c in enumerate(small_c)
                      if c and c == q.country and small.places[j].kind != "country"]
        elif q.kind == "admin1" and big_a1[k]:
            pairs += [(j, k) for j, a in enumerate(small_a1) if a == big_a1[k] and small.places[j].kind != "admin1"]
        elif q.kind == "admin2":
            pairs += [(j, k) for j in range(len(small.places))
                      if small_c[j] == q.country and small.places[j].kind not in _AREAS
                      and abs(small.lat[j] - big.lat[k]) < 0.7 and abs(small.lon[j] - big.lon[k]) < 0.9]
    return pairs
