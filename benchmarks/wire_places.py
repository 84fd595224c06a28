"""The place pool of the wire corpus: real places of each theatre, their spellings and a neighbouring city.

Places come from the packaged gazetteer (user imports left out) in a fixed order, so one seed
gives the same articles on every run; each spelling kept resolves back to its place.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import math
import random
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Any

__all__ = [
    "Site", "Pool", "fold", "place_pool",
]


@dataclass(frozen=True, slots=True)
class Site:
    id: str
    spellings: tuple[str, ...]  # the usual one first
    noun: str  # city, town, village; "" for a military site
    admin1: str
    population: int
    ref: tuple[str, int, str] | None  # (neighbouring city as written, km, direction)


@dataclass(frozen=True)
class Pool:
    sites: tuple[Site, ...]
    cum: tuple[float, ...]
    refs: tuple[str, ...]  # the largest cities, as written

    @functools.cached_property
    def by_admin1(self) -> dict[str, list[Site]]:
        out: dict[str, list[Site]] = {}
        for site in self.sites:
            out.setdefault(site.admin1, []).append(site)
        return out

    def pick(self, rng: random.Random, near: Site | None = None) -> Site:
        """A place, by weight; with *near*, 60% of the time one of the same first-level division."""
        if near is not None and rng.random() < 0.6:
            return rng.choice(self.by_admin1[near.admin1])
        return rng.choices(self.sites, cum_weights=self.cum)[0]


_TRANSLIT = frozenset("āīūēōḩḨţŢşŞẕẔḑḐʿʾ‘’'- ")
_SITE_NOUN = re.compile(r"\b(?:airbase|air base|airport|base|academy)\b", re.I)
_COMPASS = ("north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west")


def fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if c.isalpha() and c.isascii())


def _skeleton(name: str) -> str:
    """Consonants of a romanised name without its article: "Khan Sheikhoun" and "Khan Shaykhun" agree,
    "Latakija" and "Latakia" do not."""
    words = _fold_words(name)
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    text = re.sub(r"[aeiouyhw']", "", " ".join(words).replace("q", "k").replace("c", "k"))
    return re.sub(r"(.)\1+", r"\1", text.replace(" ", ""))


def _variant(name: str, usual: str) -> bool:
    """Whether *name* is another romanisation of *usual* (same consonants, close letters), not an exonym."""
    a, b = _skeleton(name), _skeleton(usual)
    ratio = difflib.SequenceMatcher(None, fold(name), fold(usual)).ratio()
    return a == b and a[:1] == b[:1] and ratio >= 0.75 and 0.75 <= len(name) / len(usual) <= 1.34


def _fold_words(name: str) -> list[str]:
    plain = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if c.isascii())
    return re.split(r"[\s-]+", plain.strip())


_ARTICLES = frozenset({"al", "el", "an", "ar", "as", "ad", "at", "az", "ash", "ath", "es", "ed", "er", "en"})


def _usable(name: str) -> bool:
    odd_case = re.search(r"[A-Za-z][A-Z]", name) is not None  # "ALdinigila", not "Deir ez-Zor"
    return len(name) >= 4 and name[0].isupper() and not odd_case and not name.endswith(("as", "sz")) and all(
        (c.isascii() and (c.isalpha() or c in " -'")) or c in _TRANSLIT for c in name)


def _spellings(place: Any, gz: Any, country: str, english: frozenset[str]) -> tuple[str, ...]:
    """Latin-script spellings of a place that the gazetteer resolves back to it, usual one first."""
    names = [n for n in dict.fromkeys((place.name, *place.names)) if _usable(n)]
    if place.kind == "military":
        names = [n for n in names if _SITE_NOUN.search(n)]
    plain = [n for n in names if n.isascii()] or names
    if not plain:
        return ()
    head = fold(place.name)
    first = max(plain, key=lambda n: (difflib.SequenceMatcher(None, fold(n), head).ratio(), -len(n)))
    close = [n for n in names if n != first and (n in english or _variant(n, first))][:5]
    found = []
    for name in (first, *close):
        best = gz.lookup(name, focus=(country,), limit=1)
        if best and best[0].place.id == place.id:
            found.append(name)
    return tuple(found)


def _bearing_km(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, str]:
    """Great-circle km from b to a, and the compass direction of a seen from b."""
    la1, lo1, la2, lo2 = map(math.radians, (b[0], b[1], a[0], a[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    km = 2 * 6371.0088 * math.asin(math.sqrt(h))
    y = math.sin(lo2 - lo1) * math.cos(la2)
    x = math.cos(la1) * math.sin(la2) - math.sin(la1) * math.cos(la2) * math.cos(lo2 - lo1)
    return km, _COMPASS[round(math.degrees(math.atan2(y, x)) % 360 / 45) % 8]


def _noun(kind: str, population: int) -> str:
    if kind == "military":
        return ""
    return "city" if population >= 100_000 else "town" if population >= 4_000 or kind == "town" else "village"


@functools.lru_cache(maxsize=1)
def _curated() -> tuple[Any, ...]:
    """The curated Syrian places (English-press spellings, military sites)."""
    from gazetteer.store import read_places_csv

    data = resources.files("gazetteer") / "data" / "curated_syria.csv"
    return tuple(read_places_csv("curated_syria.csv", text=data.read_text(encoding="utf-8")))


def _theatre_places(store: Any, country: str, limit: int) -> list[Any]:
    import numpy as np

    from gazetteer.model import PLACE_KINDS

    kinds = store._world["kinds"]
    settled = np.isin(kinds, [PLACE_KINDS.index(k) for k in ("city", "town", "village")])
    rows = np.nonzero((np.asarray(store._world["countries"]) == country.encode()) & settled)[0]
    rows = sorted(rows.tolist(), key=lambda r: (-int(store.population[r]), r))[:limit]
    places = [store.place(r) for r in rows]
    if country == "SY":
        ids = {p.id for p in places}
        for p in _curated():
            if p.kind in ("city", "town", "village", "military") and p.id not in ids:
                places.append(store.place(store.row_of(p.id)))
    return places


@functools.lru_cache(maxsize=16)
def place_pool(countries: tuple[str, ...], limit: int) -> Pool:
    """Places of a theatre weighted by the square root of population (2,000 at least)."""
    from gazetteer import Gazetteer
    from gazetteer.store import load_store

    store = load_store(include_user=False)
    gz = Gazetteer(store)
    english = frozenset(n for p in _curated() for n in (p.name, *p.names))
    raw = []
    for country in countries:
        for place in _theatre_places(store, country, limit):
            spellings = _spellings(place, gz, country, english)
            if spellings:
                raw.append((place, spellings))
    big = sorted(raw, key=lambda r: -r[0].population)[:30]
    sites = []
    for place, spellings in raw:
        near = [(*_bearing_km((place.lat, place.lon), (p.lat, p.lon)), s[0]) for p, s in big if p.id != place.id]
        km, direction, ref = min(near) if near else (0.0, "", "")
        sites.append(Site(place.id, spellings, _noun(place.kind, place.population), place.admin1 or "",
                           place.population, (ref, round(km) if km < 20 else 5 * round(km / 5), direction)
                           if 4 <= km <= 150 else None))
    weights = [math.sqrt(max(s.population, 2000)) * (0.3 if not s.noun else 1.0) for s in sites]
    return Pool(tuple(sites), tuple(itertools.accumulate(weights)), tuple(s[0] for _, s in big))
