"""Synthetic wire-style articles with known control events, for the scale benchmark.

``generate(n, seed=...)`` composes *n* articles from the packaged gazetteer's real places
(Syrian towns and villages, curated military sites, and cities of ten other wars), the
faction names an agency would write ("HTS", "regime forces", "the Kurdish-led SDF"), event
verbs of every kind in active, passive, loser-side and nominal form, attributions (a war
monitor, state media, a side's statement, denials), date expressions relative to the
dateline ("on Tuesday", "overnight", "last week", "on 3 December", "in August 2019"),
distances to a real neighbouring city, quotes, and filler paragraphs (aid, diplomacy,
prices, air strikes, hedged threats, negated approaches) that name places with no change
of control, so that precision is measured too. Every article carries 0-4 known events,
recorded as :class:`ExpectedEvent` with the sentence that states them.

Determinism: article *i* is drawn from ``random.Random(f"{seed}:{i}")`` over a place pool
built in a fixed order from the packaged data (user imports are left out), so one seed
gives the same bytes on every run, and any article can be regenerated alone.

Scoring (:func:`score`): a prediction matches a gold event of the same article when

* the place ids are equal;
* the kinds are compatible: ``captured`` ~ ``regained`` (one change of hands, seen from
  either side), ``entered`` ~ ``contested`` (fighters inside, not held); every other kind
  only matches itself;
* the sides agree: the gaining faction when the text names it, else the losing faction
  when the text names it (``withdrew``, "the army lost control of X"), else no check;
  None and ``unknown`` are the same (no canonical faction: every side in other wars);
* the dates agree: both ends of the predicted range within one day of the gold range;
  a sentence that states no date matches any prediction dated inside the seven days up to
  publication.

Recall counts gold events matched by at least one prediction; precision counts
predictions that match at least one gold event (a repeat of a found event is not a false
positive). Stance is recorded in the gold and reported, not matched.

Usage::

    python benchmarks/wire_corpus.py --n 10000 --out DIR [--seed S] [--score]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import difflib
import functools
import itertools
import json
import math
import multiprocessing as mp
import os
import random
import re
import string
import sys
import time
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

__all__ = ["DEFAULT_SEED", "ExpectedEvent", "GeneratedArticle", "KIND_GROUPS", "generate", "write_corpus", "score"]

DEFAULT_SEED = 20241127
#: Kinds that describe the same fact at the same strength (see the module docstring).
KIND_GROUPS: dict[str, str] = {"captured": "captured", "regained": "captured", "entered": "entered",
                               "contested": "entered", "besieged": "besieged", "siege_broken": "siege_broken",
                               "withdrew": "withdrew", "held": "held"}
_D = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class ExpectedEvent:
    """A control event the generator wrote into an article.

    ``date``/``date_end`` is the range the sentence states, resolved against the dateline
    (``date_end`` None for one day; both None when the sentence states no date).
    ``actor_gaining``/``actor_losing`` are canonical faction keys, None when the text does
    not name that side. ``stance`` is how the text presents it (``reported``, ``claimed``,
    ``denied``, ``verified``).
    """

    place_id: str
    place_name: str
    kind: str
    actor_gaining: str | None
    actor_losing: str | None
    date: dt.date | None
    date_end: dt.date | None
    stance: str
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {k: v.isoformat() if isinstance(v, dt.date) else v
                for k, v in ((f, getattr(self, f)) for f in self.__slots__)}


@dataclass(frozen=True, slots=True)
class GeneratedArticle:
    """One generated article: ``text`` is the body (what :class:`geo.model.Article` holds)."""

    filename: str
    text: str
    published: dt.date
    source: str
    title: str
    events: tuple[ExpectedEvent, ...]

    def file_text(self) -> str:
        """The file as written: header lines, a blank line, the body."""
        return f"date {self.published.isoformat()}\nsource {self.source}\ntitle {self.title}\n\n{self.text}\n"

    @property
    def article_id(self) -> str:
        """The id geo gives the article (sha256 of the normalised body)."""
        from geo.corpus import article_id
        return article_id(self.text)


# --------------------------------------------------------------------------- the place pool
@dataclass(frozen=True, slots=True)
class _Site:
    id: str
    spellings: tuple[str, ...]  # the usual one first
    noun: str  # city, town, village; "" for a military site
    admin1: str
    population: int
    ref: tuple[str, int, str] | None  # (neighbouring city as written, km, direction)


@dataclass(frozen=True)
class _Pool:
    sites: tuple[_Site, ...]
    cum: tuple[float, ...]
    refs: tuple[str, ...]  # the largest cities, as written

    @functools.cached_property
    def by_admin1(self) -> dict[str, list[_Site]]:
        out: dict[str, list[_Site]] = {}
        for site in self.sites:
            out.setdefault(site.admin1, []).append(site)
        return out

    def pick(self, rng: random.Random, near: _Site | None = None) -> _Site:
        """A place, by weight; with *near*, 60% of the time one of the same first-level division."""
        if near is not None and rng.random() < 0.6:
            return rng.choice(self.by_admin1[near.admin1])
        return rng.choices(self.sites, cum_weights=self.cum)[0]


_TRANSLIT = frozenset("āīūēōḩḨţŢşŞẕẔḑḐʿʾ‘’'- ")
_SITE_NOUN = re.compile(r"\b(?:airbase|air base|airport|base|academy)\b", re.I)
_COMPASS = ("north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west")


def _fold(name: str) -> str:
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
    ratio = difflib.SequenceMatcher(None, _fold(name), _fold(usual)).ratio()
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
    head = _fold(place.name)
    first = max(plain, key=lambda n: (difflib.SequenceMatcher(None, _fold(n), head).ratio(), -len(n)))
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
def _pool(countries: tuple[str, ...], limit: int) -> _Pool:
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
        sites.append(_Site(place.id, spellings, _noun(place.kind, place.population), place.admin1 or "",
                           place.population, (ref, round(km) if km < 20 else 5 * round(km / 5), direction)
                           if 4 <= km <= 150 else None))
    weights = [math.sqrt(max(s.population, 2000)) * (0.3 if not s.noun else 1.0) for s in sites]
    return _Pool(tuple(sites), tuple(itertools.accumulate(weights)), tuple(s[0] for _, s in big))


# --------------------------------------------------------------------------- theatres and names
@dataclass(frozen=True)
class _Theatre:
    countries: tuple[str, ...]
    limit: int  # this many most populous settlements per country
    spans: tuple[tuple[str, str, float], ...]  # publication date ranges (ISO) and weights
    datelines: tuple[str, ...]
    sides: tuple[tuple[str, str, float], ...]  # (attacker key, defender key, weight)
    background: tuple[str, ...]


_THEATRES: dict[str, tuple[float, _Theatre]] = {
    "SY": (0.70, _Theatre(("SY",), 400, (("2024-11-27", "2024-12-12", 0.35), ("2012-03-01", "2025-06-30", 0.65)),
                          ("BEIRUT", "DAMASCUS", "AMMAN", "ISTANBUL", "ANKARA", "ALEPPO", "IDLIB", "GAZIANTEP",
                           "QAMISHLI", "GENEVA", "CAIRO"),
                          (("opposition", "government", 0.46), ("government", "opposition", 0.22),
                           ("sna", "sdf", 0.1), ("sdf", "islamic_state", 0.08), ("islamic_state", "government", 0.07),
                           ("sdf", "sna", 0.07)),
                          ("The war in Syria began in 2011 with a crackdown on protests against President Bashar "
                           "al-Assad and has killed more than half a million people.",
                           "Russia and Iran, Assad's main allies, have been stretched by conflicts elsewhere, analysts "
                           "say, and Turkey backs several of the armed factions in the north.",
                           "More than half of Syria's pre-war population has been displaced, and millions live in "
                           "camps along the Turkish border."))),
    "UA": (0.06, _Theatre(("UA",), 160, (("2022-02-24", "2025-06-30", 1.0),), ("KYIV", "KHARKIV", "DNIPRO", "MOSCOW"),
                          (("ua_ru", "ua_ua", 0.65), ("ua_ua", "ua_ru", 0.35)),
                          ("Russia launched its full-scale invasion of Ukraine in February 2022.",
                           "Neither side's battlefield accounts could be independently verified."))),
    "SD": (0.05, _Theatre(("SD",), 90, (("2023-04-15", "2025-06-30", 1.0),), ("PORT SUDAN", "NAIROBI", "CAIRO"),
                          (("sd_rsf", "sd_army", 0.55), ("sd_army", "sd_rsf", 0.45)),
                          ("The war between the army and the paramilitary Rapid Support Forces erupted in April "
                           "2023 and has displaced more than 10 million people.",))),
    "MM": (0.04, _Theatre(("MM",), 120, (("2021-03-01", "2025-06-30", 1.0),), ("YANGON", "BANGKOK"),
                          (("mm_res", "mm_junta", 0.7), ("mm_junta", "mm_res", 0.3)),
                          ("The military ousted an elected government in February 2021, and armed resistance has "
                           "spread across much of the country since.",))),
    "YE": (0.03, _Theatre(("YE",), 60, (("2015-03-26", "2022-04-01", 1.0),), ("ADEN", "DUBAI", "RIYADH"),
                          (("ye_houthi", "ye_gov", 0.6), ("ye_gov", "ye_houthi", 0.4)),
                          ("A Saudi-led coalition intervened in the war in March 2015.",))),
    "LY": (0.03, _Theatre(("LY",), 70, (("2014-06-01", "2020-06-30", 1.0),), ("TRIPOLI", "BENGHAZI", "TUNIS"),
                          (("ly_lna", "ly_gna", 0.55), ("ly_gna", "ly_lna", 0.45)),
                          ("The country has been split between rival administrations in the east and west.",))),
    "CD": (0.03, _Theatre(("CD",), 90, (("2022-03-01", "2025-06-30", 1.0),), ("GOMA", "KINSHASA", "KIGALI"),
                          (("cd_m23", "cd_army", 0.7), ("cd_army", "cd_m23", 0.3)),
                          ("The east of the country has been torn by armed groups for three decades.",))),
    "ML": (0.03, _Theatre(("ML", "BF"), 60, (("2012-02-01", "2024-12-31", 1.0),), ("BAMAKO", "DAKAR", "OUAGADOUGOU"),
                          (("sh_jih", "sh_army", 0.6), ("sh_army", "sh_jih", 0.4)),
                          ("Insurgencies that began in the north have spread across the Sahel since 2012.",))),
    "ET": (0.02, _Theatre(("ET",), 90, (("2020-11-04", "2022-11-02", 1.0),), ("ADDIS ABABA", "NAIROBI"),
                          (("et_tplf", "et_army", 0.5), ("et_army", "et_tplf", 0.5)),
                          ("The war in the north began in November 2020.",))),
    "SO": (0.01, _Theatre(("SO",), 50, (("2011-01-01", "2024-12-31", 1.0),), ("MOGADISHU", "NAIROBI"),
                          (("so_shabab", "so_army", 0.5), ("so_army", "so_shabab", 0.5)),
                          ("The militants have fought the government for more than 15 years.",))),
}

#: Names as an agency writes them; the gold faction is the key (``unknown`` for other wars).
_NAMES: dict[str, tuple[str, ...]] = {
    "government": ("government forces", "the Syrian army", "regime forces", "pro-government forces",
                   "government troops", "the army", "Syrian troops", "Assad's forces", "the Syrian Arab Army",
                   "troops loyal to President Bashar al-Assad", "pro-regime militias"),
    "opposition": ("rebels", "rebel fighters", "HTS", "Hayat Tahrir al-Sham", "the Islamist group Hayat Tahrir "
                   "al-Sham (HTS)", "HTS-led rebels", "opposition fighters", "insurgents", "jihadist-led rebels",
                   "Islamist rebels", "the Free Syrian Army", "rebel factions", "anti-government forces"),
    "sna": ("Turkish-backed factions", "the Syrian National Army", "the Turkish-backed Syrian National Army (SNA)",
            "SNA fighters", "Turkish-backed rebels", "Ankara-backed factions"),
    "sdf": ("the SDF", "the Kurdish-led Syrian Democratic Forces", "Kurdish-led forces", "Kurdish fighters",
            "the YPG", "the US-backed SDF", "SDF fighters"),
    "islamic_state": ("Islamic State", "Islamic State militants", "the Islamic State group", "IS fighters", "ISIS",
                      "jihadists of the Islamic State group"),
    "ua_ru": ("Russian forces", "Russian troops", "Moscow's forces", "Russia's army"),
    "ua_ua": ("Ukrainian forces", "Ukraine's army", "Ukrainian troops", "Kyiv's forces"),
    "sd_rsf": ("the Rapid Support Forces (RSF)", "the paramilitary RSF", "RSF fighters", "the RSF"),
    "sd_army": ("the Sudanese army", "the army", "Sudan's armed forces", "army troops"),
    "mm_res": ("the Arakan Army", "resistance fighters", "ethnic armed groups", "the Three Brotherhood Alliance",
               "rebels"),
    "mm_junta": ("the junta", "the military", "junta troops", "the army"),
    "ye_houthi": ("Houthi fighters", "the Houthis", "Houthi rebels", "the Iran-aligned Houthis"),
    "ye_gov": ("government forces", "pro-government forces", "Saudi-backed forces", "government troops"),
    "ly_lna": ("the Libyan National Army (LNA)", "forces loyal to Khalifa Haftar", "Haftar's forces"),
    "ly_gna": ("forces of the Tripoli government", "GNA forces", "government forces"),
    "cd_m23": ("M23 rebels", "the M23", "rebels"),
    "cd_army": ("Congolese troops", "the Congolese army", "government forces", "the army"),
    "sh_jih": ("jihadists", "militants linked to al-Qaeda", "insurgents", "JNIM fighters"),
    "sh_army": ("the army", "soldiers", "government troops", "the military"),
    "et_tplf": ("Tigrayan forces", "the Tigray People's Liberation Front (TPLF)", "TPLF fighters"),
    "et_army": ("federal troops", "Ethiopian forces", "the Ethiopian army", "government forces"),
    "so_shabab": ("al-Shabab", "al-Shabab militants", "the militants"),
    "so_army": ("Somali troops", "government forces", "the army", "African Union troops"),
}
#: Voices of a side that make a report its claim (beside "<its name> said in a statement").
_VOICES: dict[str, tuple[str, ...]] = {
    "government": ("state media reported", "the defence ministry said", "the official news agency SANA reported"),
    "opposition": ("HTS said on its Telegram channel", "the rebels' operations command said",
                   "a rebel commander said"),
    "sdf": ("an SDF spokesman said",), "islamic_state": ("the group's Amaq news agency claimed",),
}
_MONITORS = {"SY": ("the Syrian Observatory for Human Rights said", "a war monitor said", "activists said",
                    "according to the Syrian Observatory for Human Rights", "according to a war monitor",
                    "the Britain-based Syrian Observatory for Human Rights reported", "residents said",
                    "local sources said"),
             "": ("residents said", "local officials said", "witnesses said", "a security source said",
                  "according to residents", "according to local officials",
                  "aid workers said")}
_OUTLETS = (("Meridian Wire", "Meridian"), ("Levant Press Agency", "LPA"), ("Northbridge News", "Northbridge"),
            ("Continental News Service", "CNS"), ("Horizon Agency", "Horizon"), ("The Daily Courier", ""),
            ("Global Dispatch", "GD"), ("Eastern Mediterranean Wire", "EMW"))


@functools.lru_cache(maxsize=1024)
def _plural(alias: str) -> bool:
    """Whether a side's name takes a plural verb ("rebels have", "HTS has", "forces loyal to X have")."""
    head = re.split(r"\s+(?:loyal\s+to|linked\s+to|of\s+the|from)\s+|\s*\(", alias)[0].split()[-1]
    return head.endswith("s") and not head.isupper() and not head.endswith("'s")


# --------------------------------------------------------------------------- sentences
#: "kind stance|template"; stance r(eported), c(laimed), d(enied), v(erified). {G} gains, {L} loses,
#: {A}/{B} fight with no winner; {T} a time phrase, {S} "since ...", {MY} a past month or year.
_TEMPLATES = """captured r|{G} captured {P}{T}
captured r|{G} seized {P}{T}
captured r|{G} took control of {P}{T}
captured r|{G} {g_has} taken control of {P}
captured r|{G} took full control of {P}{T}
captured r|{G} overran {P}{T}
captured r|{G} took {P}{T}
captured r|{G} drove {L} out of {P}{T}
captured r|{G} wrested control of {P} from {L}{T}
captured r|{G} completed {g_its} takeover of {P}{T}
captured r|{P} fell to {G}{T}
captured r|{P} {p_was} captured by {G}{T}
captured r|{P} {p_was} overrun by {G}{T}
captured r|{P} came under the full control of {G}{T}
captured r|{L} lost control of {P}{T}
captured r|{L} lost {P} to {G}{T}
captured r|The fall of {P} to {G}{T} left {L} without a foothold in the area
captured r|The capture of {P} by {G}{T} opened the road south
captured r|{P} had fallen to {G} {MY}
captured c|{G} said {g_it} had captured {P}{T}
captured c|{G} announced the capture of {P}{T}
captured c|"Our fighters have liberated {P}," {G} said in a statement
captured d|{L} denied losing {P}, saying {l_its} troops were still fighting on its outskirts
captured d|{L} denied that {P} had fallen to {G}
entered r|{G} entered {P}{T}
entered r|{G} pushed into {P}{T}
entered r|{G} broke into {P}{T}
entered r|{G} swept into {P}{T}
entered r|{G} fought {g_their} way into {P}{T}
entered r|Fighters from {G} were inside {P}{T}
entered r|{G} moved into {P}{T}
entered v|Footage verified by {outlet} showed {G} inside {P}{T}
entered c|{G} said {g_it} had entered {P}{T}
entered d|{L} denied that {G} had entered {P}
regained r|{G} recaptured {P}{T}
regained r|{G} retook {P}{T}
regained r|{G} regained control of {P}{T}
regained r|{G} won back {P}{T}
regained r|{P} {p_was} retaken by {G}{T}
regained r|{G} pushed {L} back out of {P}{T}
regained r|{G} had recaptured {P} {MY}
regained c|{G} said {g_it} had recaptured {P}{T}
besieged r|{G} laid siege to {P}{T}
besieged r|{G} encircled {P}{T}
besieged r|{G} completed the encirclement of {P}{T}
besieged r|{P} {p_was} surrounded by {G}{T}
besieged r|{G} besieged {P}{T}
besieged c|{G} said {g_it} had encircled {P}{T}
siege_broken r|{G} broke the siege of {P}{T}
siege_broken r|{G} lifted the siege of {P}{T}
siege_broken r|{G} broke through to the besieged garrison in {P}{T}
siege_broken c|{G} said {g_it} had broken the siege of {P}{T}
withdrew r|{L} withdrew from {P}{T}
withdrew r|{L} pulled out of {P}{T}
withdrew r|{L} retreated from {P}{T}
withdrew r|{L} abandoned {l_their} positions in {P}{T}
withdrew r|{L} evacuated {P}{T}
withdrew c|{L} said {l_it} had withdrawn from {P}{T} to protect civilians
withdrew d|{L} denied withdrawing from {P}
contested r|Fierce fighting raged in {P}{T} between {A} and {B}
contested r|{A} clashed with {B} inside {P}{T}
contested r|{A} and {B} were battling for control of {P}{T}
contested r|Street fighting broke out in {P}{T}
held r|{P} has been held by {G}{S}
held r|{P} has been under the control of {G}{S}
held r|{P} has remained in the hands of {G}{S}
held r|{P} is controlled by {G}
held r|{P} remains in the hands of {G}
held r|{P} is a stronghold of {G}"""


def _parse_templates(text: str) -> dict[str, tuple[tuple[str, str], ...]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for line in text.splitlines():
        head, template = line.split("|", 1)
        kind, stance = head.split()
        out.setdefault(kind, []).append(({"r": "reported", "c": "claimed", "d": "denied", "v": "verified"}[stance],
                                         template))
    return {k: tuple(v) for k, v in out.items()}


_BY_KIND = _parse_templates(_TEMPLATES)
_KIND_WEIGHTS = {"captured": 40, "entered": 12, "regained": 10, "besieged": 8, "withdrew": 8, "contested": 8,
                 "held": 9, "siege_broken": 5}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven")
_Range = tuple[dt.date | None, dt.date | None]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - _D


def _explicit(rng: random.Random, day: dt.date, year: bool) -> str:
    d, m = day.day, _MONTHS[day.month - 1]
    style = rng.randrange(3)
    text = (f"{d} {m}", f"{m} {d}", f"{_AP_MONTHS[day.month - 1]} {d}")[style]
    return f"{text}{',' if style else ''} {day.year}" if year else text


def _when(rng: random.Random, pub: dt.date) -> tuple[str, _Range]:
    """A time phrase as an agency writes it (leading space; "" for none) and the range it states."""
    k = rng.choices(range(7), weights=(12, 30, 20, 12, 9, 9, 8))[0]
    day = pub - k * _D
    form = rng.choices(range(11), weights=(34, 6, 3, 16, 6, 5, 6, 4, 3, 5, 14))[0]
    wd = _WEEKDAYS[day.weekday()]
    if form == 0:
        pattern = rng.choice(("on {}", "on {}", "on {}", "late on {}", "early on {}", "on {} night",
                              "on {} morning", "in the early hours of {}", "{}"))
        return " " + pattern.format(wd), (day, None)
    if form == 1 and k <= 1:
        return " overnight", (pub - _D, pub)
    if form == 2 and k == 1:
        return " yesterday", (day, None)
    if form in (3, 4):
        far = day if form == 3 else pub - rng.randrange(0, 40) * _D
        return f" on {_explicit(rng, far, form == 4)}", (far, None)
    if form == 5 and k >= 2:
        return f" {_NUMBER_WORDS[k]} days ago", (day, None)
    if form == 6:
        monday = pub - (pub.weekday() + 7) * _D
        return " last week", (monday, monday + 6 * _D)
    if form == 7:
        sat = pub - ((pub.weekday() - 5) % 7 or 7) * _D
        return rng.choice((" over the weekend", " at the weekend")), (sat, min(sat + _D, pub))
    if form == 8 and pub.weekday() >= 1:
        return " earlier this week", (pub - pub.weekday() * _D, pub - _D)
    if form == 9:
        return _month_part(rng, pub)
    return ("", (None, None)) if form == 10 else _when(rng, pub)


def _month_part(rng: random.Random, pub: dt.date) -> tuple[str, _Range]:
    """ "in late November" (1-10, 11-20, 21-end), or "last month"."""
    back = pub - rng.randrange(12, 70) * _D
    if rng.random() < 0.2:
        first = (pub.replace(day=1) - _D).replace(day=1)
        return " last month", (first, _month_end(first.year, first.month))
    part = rng.randrange(3)
    start = back.replace(day=(1, 11, 21)[part])
    end = min(_month_end(back.year, back.month) if part == 2 else back.replace(day=(10, 20)[part]), pub)
    return f" in {('early', 'mid-', 'late')[part]}{'' if part == 1 else ' '}{_MONTHS[back.month - 1]}", (start, end)


def _since(rng: random.Random, pub: dt.date) -> tuple[str, _Range]:
    """A "since ..." phrase for a standing hold ("" when undated), and the range in which the hold began."""
    year = pub.year - rng.randrange(1, 8)
    form = rng.randrange(4)
    if form == 0:
        return "", (None, None)
    if form == 1:
        return f" since {year}", (dt.date(year, 1, 1), dt.date(year, 12, 31))
    month = rng.randrange(1, 13)
    if form == 2:
        return f" since {_MONTHS[month - 1]} {year}", (dt.date(year, month, 1), _month_end(year, month))
    part = rng.randrange(3)
    start = dt.date(year, (1, 5, 9)[part], 1)
    return f" since {('early', 'mid-', 'late')[part]}{'' if part == 1 else ' '}{year}", (
        start, _month_end(year, (4, 8, 12)[part]))


def _month_year(rng: random.Random, pub: dt.date) -> tuple[str, _Range]:
    year = pub.year - rng.randrange(1, 5)
    if rng.random() < 0.3:
        return f"in {year}", (dt.date(year, 1, 1), dt.date(year, 12, 31))
    month = rng.randrange(1, 13)
    return f"in {_MONTHS[month - 1]} {year}", (dt.date(year, month, 1), _month_end(year, month))


@dataclass
class _Story:
    """What one article is about: its theatre, date, sides, outlet and the places it has named."""

    rng: random.Random
    theatre: str
    pool: _Pool
    pub: dt.date
    attacker: str
    defender: str
    outlet: tuple[str, str]
    lead: _Site | None = None
    used: set[str] = field(default_factory=set)

    def alias(self, side: str) -> str:
        return self.rng.choice(_NAMES[side])

    def spelling(self, site: _Site) -> str:
        return site.spellings[0] if self.rng.random() < 0.8 else self.rng.choice(site.spellings)

    def monitor(self) -> str:
        return self.rng.choice(_MONITORS["SY" if self.theatre == "SY" else ""])

    def voice(self, side: str, alias: str) -> str:
        own = _VOICES.get(side, ()) if self.theatre == "SY" else ()
        return self.rng.choice((*own, f"{alias} said in a statement", f"a spokesman for {alias} said"))


_PLURAL_NOUNS = {"city": "cities", "town": "towns", "village": "villages", "": "bases"}


def _faction(side: str | None) -> str | None:
    from geo.factions import FACTIONS
    return None if side is None else side if side in FACTIONS else "unknown"


def _place_phrase(st: _Story, site: _Site, name: str, room_after: bool) -> str:
    """The place as the sentence names it: "Saraqib", "the town of Saraqib", "the Kuweires airbase", ..."""
    if not site.noun:
        return f"the {name}"
    r = st.rng.random()
    if room_after and r < 0.1 and site.ref:
        ref, km, direction = site.ref
        return f"{name}, about {km} km ({round(km * 0.621371)} miles) {direction} of {ref},"
    if room_after and r < 0.18 and st.theatre == "SY" and site.admin1:
        return f"{name}, a {site.noun} in {site.admin1} province,"
    if r < 0.45:
        return f"the {st.rng.choice(('', '', 'strategic ', 'key '))}{site.noun} of {name}"
    return name


@functools.lru_cache(maxsize=2048)
def _agreement(prefix: str, alias: str) -> dict[str, str]:
    many = _plural(alias)
    return {f"{prefix}_has": "have" if many else "has", f"{prefix}_its": "their" if many else "its",
            f"{prefix}_their": "their" if many else "its", f"{prefix}_it": "they" if many else "it",
            f"{prefix}_was": "were" if many else "was"}


def _event_time(st: _Story, template: str) -> tuple[str, _Range]:
    if "{S}" in template:
        return _since(st.rng, st.pub)
    if "{MY}" in template:
        return _month_year(st.rng, st.pub)
    return _when(st.rng, st.pub) if "{T}" in template else ("", (None, None))


def _event_sentence(st: _Story, kind: str, sites: list[_Site]) -> tuple[str, list[ExpectedEvent]]:
    """One sentence stating *kind* at each of *sites* (one or two), and its gold events."""
    rng = st.rng
    stance, template = rng.choice(_BY_KIND[kind])
    if len(sites) > 1 and not template.endswith("{P}{T}"):
        sites = sites[:1]
    gain, lose = (st.defender, st.attacker) if kind == "regained" else (st.attacker, st.defender)
    if kind == "held" and rng.random() < 0.5:
        gain = st.defender
    g, l_ = st.alias(gain), st.alias(lose)
    phrase, (start, end) = _event_time(st, template)
    names = [st.spelling(s) for s in sites]
    timed = bool(phrase) and "{T}" in template and template.startswith("{")
    where = rng.choices(("end", "mid", "front"), weights=(60, 25, 15))[0] if timed else "end"
    if where == "mid" and not template.startswith("{G} "):
        where = "end"
    if where == "front" and phrase.split()[0] not in ("on", "overnight", "last", "earlier", "over", "at", "in"):
        where = "end"
    if len(sites) > 1:
        place = f"{names[0]} and {names[1]}" if rng.random() < 0.6 else \
            f"the {_PLURAL_NOUNS[sites[0].noun]} of {names[0]} and {names[1]}"
    else:
        place = _place_phrase(st, sites[0], names[0], where == "end" and timed and template.endswith("{P}{T}"))
    slots = {"G": g, "L": l_, "A": g, "B": l_, "P": place, "T": phrase if where == "end" else "", "S": phrase,
             "MY": phrase, "outlet": st.outlet[1] or st.outlet[0], "p_was": "were" if len(sites) > 1 else "was",
             **_agreement("g", g), **_agreement("l", l_)}
    if where == "mid":
        template = template.replace("{G} ", "{G}" + phrase.replace("{", "") + " ", 1)
    text = template.format(**slots)
    if where == "front":
        text = phrase.strip()[0].upper() + phrase.strip()[1:] + ", " + text
    if stance == "reported" and kind != "held":
        r = rng.random()
        if r < 0.4:
            text += ", " + st.monitor()
        elif r < 0.55:
            speaker = (lose, l_) if template.startswith("{L}") else (gain, g)
            text, stance = text + ", " + st.voice(speaker[0], st.alias(speaker[0])), "claimed"
    sentence = text[0].upper() + text[1:] + ("" if text.endswith(('"', ".")) else ".")
    sentence = sentence.replace(",,", ",").replace(", .", ".")
    gaining = _faction(gain) if "{G}" in template and kind != "contested" else None
    losing = _faction(lose) if "{L}" in template and kind != "contested" else None
    return sentence, [ExpectedEvent(s.id, n, kind, gaining, losing, start, end, stance, sentence)
                      for s, n in zip(sites, names, strict=True)]


# --------------------------------------------------------------------------- paragraphs without events
_CONTEXT = (
    "{N} lies about {km} km ({mi} miles) {dir} of {R}.",
    "There was no immediate comment from {L}.",
    "{outlet} could not independently verify the account.",
    "At least {n} fighters were killed in the assault, according to the monitor.",
    "Thousands of residents fled {N} towards {R} as the fighting approached.",
    "The advance brings {G} to within about {km} km ({mi} miles) of {R}.",
    "{N} had a pre-war population of about {pop}.",
    "Video shared online showed fighters posing beside abandoned armoured vehicles.",
)
#: Sentences that name places and sides but state no change of control (approaches, threats, negations,
#: air strikes, prices, aid, diplomacy): they measure precision.
_FILLERS = (
    "The United Nations said more than {big} people had been displaced from {X} and surrounding villages in the "
    "past week, many of them sleeping in the open.",
    "Aid agencies said hospitals in {X} were struggling to cope with the wounded and that fuel for generators was "
    "running low.",
    "{org} said its teams had delivered food and medical supplies to {X}, the first convoy to reach the area in "
    "{n} weeks.",
    "Warplanes struck {X} and {Y} overnight, killing at least {n} people, rescue workers said.",
    "Shelling on the outskirts of {X} continued into the evening, residents said, and several families fled "
    "towards {R}.",
    "Long queues formed outside bakeries in {X} as the price of bread doubled.",
    'Foreign ministers meeting in {cap} called for an immediate ceasefire and for safe corridors to be opened '
    'around {X}.',
    "In {X}, the local currency fell to a record low of {big} to the dollar.",
    "Electricity and internet services were cut in {X} for a third day, the telecoms operator said.",
    "Analysts said {G} could push on towards {R} within weeks, although {L} had reinforced {l_their} defences "
    "there.",
    "{G} vowed to take {X} within days.",
    "{L} said {l_it} {l_was} preparing a counter-offensive to retake {X}.",
    "{G} {g_was} about {km} km ({mi} miles) from {X} but had not entered the town, {monitor}.",
    "An attack by {G} on {X} was repelled after hours of fighting, {monitor}.",
    "{G} failed to capture {X} despite {n} days of heavy fighting.",
    "{G} reached the outskirts of {X}, {monitor}.",
    "Schools in {X} have been closed since {month}, and teachers say many pupils have not returned.",
    "Food prices in {X} have risen by more than {pct} percent since the start of the year, {org} said.",
    "Satellite images reviewed by analysts showed damage to dozens of buildings in central {X}.",
    "Residents of {X} described a tense calm, with shops shuttered and few cars on the streets.",
    "A convoy of {n} trucks carrying aid crossed into the area, heading for {X} and {Y}.",
    "The border crossing near {X} was crowded with families trying to leave.",
    "{org} estimated that {big} people remained in {X}, many of them elderly or sick.",
    "Officials in {cap} said they were monitoring the situation closely and urged all sides to protect "
    "civilians.",
    "The fighting is the worst in the area since a ceasefire was agreed in {year}.",
    "Mobile phone footage shared online showed columns of smoke rising over {X}.",
    "The road between {X} and {Y} has been closed to civilian traffic, drivers said.",
    '"We have nothing left. Every night we hear the explosions," said {person}, a {role} from {X}.',
    '"The situation in {X} is catastrophic," said {person}, who works for {org}.',
    "Talks on a prisoner exchange, mediated by officials from {cap}, are expected to resume next month.",
    "Drones were reported over {X} on {wd}, and anti-aircraft fire could be heard across the city.",
    "Farmers around {X} said they had been unable to harvest their crops for a second season.",
)
_SY_FILLERS = (
    "The Syrian Observatory for Human Rights, a Britain-based war monitor, said at least {n} civilians were among "
    "the dead in {X}.",
    "The UN envoy for Syria, speaking in Geneva, urged all parties to return to talks.",
    "Syrian state media said troops were confronting terrorist groups around {X} and had inflicted heavy losses.",
    "The M5 highway, which links Damascus with Aleppo, has been a key objective for both sides throughout the war.",
    "Turkey's foreign minister said Ankara was in contact with all parties and wanted calm along its border.",
    "The Syrian pound has lost most of its value since 2011, and most Syrians now live in poverty, the UN says.",
)
_ORGS = ("the World Food Programme", "UNICEF", "the UN refugee agency", "the International Committee of the Red Cross",
         "Medecins Sans Frontieres", "the Norwegian Refugee Council", "the World Health Organization",
         "Save the Children")
_CAPITALS = {"SY": ("Ankara", "Moscow", "Tehran", "Washington", "Doha", "Amman", "Geneva", "Brussels", "Riyadh"),
             "": ("Washington", "Brussels", "Geneva", "London", "Paris", "Beijing", "Addis Ababa", "New York")}
_PEOPLE = (("Omar", "Fatima", "Khaled", "Layla", "Ahmad", "Mariam", "Yusuf", "Hana", "Samir", "Nour", "Olena",
            "Ibrahim"),
           ("Haddad", "Mansour", "Khalil", "Saleh", "Nasser", "Darwish", "Aziz", "Bakri", "Hamdan", "Issa"))
_ROLES = ("teacher", "doctor", "shopkeeper", "father of four", "pharmacist", "farmer", "student", "nurse")


def _place_slot(st: _Story, near: _Site | None) -> str:
    site = st.pool.pick(st.rng, near=near)
    return st.spelling(site) if site.noun else "the " + site.spellings[0]


def _ref(st: _Story, site: _Site | None) -> tuple[str, int, str]:
    return site.ref if site is not None and site.ref else (st.rng.choice(st.pool.refs), st.rng.randrange(5, 60),
                                                           "north")


_SLOTS: dict[str, Any] = {
    "X": lambda st, site: _place_slot(st, st.lead), "Y": lambda st, site: _place_slot(st, None),
    "N": lambda st, site: st.spelling(site) if site else _place_slot(st, st.lead),
    "R": lambda st, site: _ref(st, site)[0], "km": lambda st, site: str(_ref(st, site)[1]),
    "dir": lambda st, site: _ref(st, site)[2], "n": lambda st, site: str(st.rng.randrange(3, 60)),
    "big": lambda st, site: f"{st.rng.randrange(12, 900) * 1000:,}",
    "pct": lambda st, site: str(st.rng.randrange(20, 300)),
    "pop": lambda st, site: f"{st.rng.randrange(8, 400) * 1000:,}", "org": lambda st, site: st.rng.choice(_ORGS),
    "cap": lambda st, site: st.rng.choice(_CAPITALS["SY" if st.theatre == "SY" else ""]),
    "monitor": lambda st, site: st.monitor(), "outlet": lambda st, site: st.outlet[1] or st.outlet[0],
    "wd": lambda st, site: _WEEKDAYS[st.pub.weekday()],
    "person": lambda st, site: f"{st.rng.choice(_PEOPLE[0])} {st.rng.choice(_PEOPLE[1])}",
    "role": lambda st, site: st.rng.choice(_ROLES), "month": lambda st, site: _MONTHS[(st.pub.month - 2) % 12],
    "year": lambda st, site: str(st.pub.year - st.rng.randrange(1, 6)),
}


@functools.lru_cache(maxsize=512)
def _fields(template: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for _, name, _, _ in string.Formatter().parse(template) if name))


def _fill(st: _Story, template: str, site: _Site | None = None) -> str:
    """Fill a context or filler template; only the slots it names are drawn."""
    values: dict[str, str] = {}
    for name in _fields(template):
        if name in ("G", "L"):
            values[name] = st.alias(st.attacker if name == "G" else st.defender)
            values.update(_agreement(name.lower(), values[name]))
        elif name == "mi":
            values[name] = str(round(int(values.get("km") or _SLOTS["km"](st, site)) * 0.621371))
        elif name not in values:
            values[name] = _SLOTS[name](st, site)
    text = template.format(**values)
    return text[0].upper() + text[1:]


def _filler(st: _Story) -> str:
    """A paragraph of one to three sentences with no control event, none used before in the article."""
    pool = [t for t in _FILLERS + (_SY_FILLERS if st.theatre == "SY" else ()) if t not in st.used]
    chosen = st.rng.sample(pool, min(len(pool), st.rng.choice((1, 1, 2, 2, 3))))
    st.used.update(chosen)
    return " ".join(_fill(st, t) for t in chosen)


def _context(st: _Story, site: _Site) -> str:
    """Zero to two sentences that follow an event (distance, casualties, no comment)."""
    chosen = st.rng.sample(_CONTEXT, st.rng.choice((0, 1, 1, 2)))
    return "".join(" " + _fill(st, t, site) for t in chosen if site.noun and (site.ref or "{km}" not in t))


# --------------------------------------------------------------------------- articles
_HEAD_VERBS = {"captured": ("seize", "capture", "take"), "regained": ("retake", "recapture"),
               "entered": ("enter", "push into"), "besieged": ("encircle", "besiege"),
               "siege_broken": ("break siege of",), "withdrew": ("pull out of", "withdraw from"),
               "contested": ("battle for",), "held": ("hold",)}
_HEAD_TAILS = ("", "", ", monitor says", " in lightning advance", " as offensive widens", " after days of fighting")
_QUIET_HEADS = ("Aid agencies warn of mass displacement as fighting spreads", "Civilians flee as front lines shift",
                "Ceasefire calls grow as humanitarian crisis deepens", "Prices soar and power fails as war drags on")


def _title(st: _Story, first: ExpectedEvent | None, side: str) -> str:
    if first is None:
        return st.rng.choice(_QUIET_HEADS)
    who = re.sub(r"^the\s+|\s*\(.*\)$", "", st.alias(side))
    verb, *rest = st.rng.choice(_HEAD_VERBS[first.kind]).split()
    if not _plural(who):
        verb += "es" if verb.endswith(("sh", "ss")) else "s"
    return f"{who[0].upper()}{who[1:]} {' '.join([verb, *rest])} {first.place_name}{st.rng.choice(_HEAD_TAILS)}"


def _dateline(st: _Story, city: str) -> str:
    full, short = st.outlet
    pub, style = st.pub, st.rng.randrange(4)
    agency = f" ({short})" if short else ""
    if style == 0:
        return f"{city}, {_MONTHS[pub.month - 1][:3]} {pub.day}{agency} - "
    if style == 1:
        return f"{city}, {_AP_MONTHS[pub.month - 1]} {pub.day}{agency} — "
    if style == 2:
        return f"{city}{agency} — "
    return f"{city.title()}, {pub.day} {_MONTHS[pub.month - 1]} {pub.year} — "


def _publication(rng: random.Random, theatre: _Theatre) -> dt.date:
    lo, hi, _ = rng.choices(theatre.spans, weights=[w for *_, w in theatre.spans])[0]
    start, end = dt.date.fromisoformat(lo), dt.date.fromisoformat(hi)
    return start + rng.randrange((end - start).days + 1) * _D


def _story(index: int, seed: int) -> _Story:
    rng = random.Random(f"{seed}:{index}")
    keys = list(_THEATRES)
    key = rng.choices(keys, weights=[_THEATRES[k][0] for k in keys])[0]
    theatre = _THEATRES[key][1]
    attacker, defender, _ = rng.choices(theatre.sides, weights=[w for *_, w in theatre.sides])[0]
    return _Story(rng, key, _pool(theatre.countries, theatre.limit), _publication(rng, theatre), attacker,
                  defender, rng.choice(_OUTLETS))


def _event_paragraphs(st: _Story, n_events: int) -> tuple[list[str], list[ExpectedEvent]]:
    """Paragraphs stating *n_events* known events (an event sentence, maybe a follow-up, context)."""
    rng, paragraphs, events = st.rng, [], []
    kinds = list(_KIND_WEIGHTS)
    while len(events) < n_events:
        kind = rng.choices(kinds, weights=list(_KIND_WEIGHTS.values()))[0]
        site = st.pool.pick(rng, near=st.lead)
        st.lead = st.lead or site
        sites = [site]
        if kind in ("captured", "entered", "regained") and site.noun and len(events) + 2 <= n_events and \
                rng.random() < 0.15:
            other = st.pool.pick(rng, near=site)
            sites += [other] if other.id != site.id and other.noun else []
        sentence, found = _event_sentence(st, kind, sites)
        text = sentence
        if kind == "captured" and found[0].actor_gaining and len(events) + len(found) < n_events and \
                rng.random() < 0.12:
            follow = st.pool.pick(rng, near=site)
            phrase, (start, end) = _when(rng, st.pub)
            name = st.spelling(follow)
            if follow.noun and follow.id not in {e.place_id for e in found}:
                line = f"{name} followed{phrase}."
                text += " " + line
                found.append(ExpectedEvent(follow.id, name, kind, found[0].actor_gaining, None, start, end,
                                           "reported", line))
        events += found
        paragraphs.append(text + _context(st, site))
    return paragraphs, events


def _target_length(rng: random.Random) -> int:
    """Body length in characters: log-normal around 2.4 KB, within 1-6 KB."""
    return min(6000, max(1000, int(rng.lognormvariate(math.log(2400), 0.45))))


def _article(index: int, seed: int) -> GeneratedArticle:
    st = _story(index, seed)
    rng = st.rng
    theatre = _THEATRES[st.theatre][1]
    n_events = rng.choices(range(5), weights=(15, 35, 25, 15, 10))[0]
    paragraphs, events = _event_paragraphs(st, n_events)
    if not paragraphs:
        paragraphs = [_filler(st)]
    paragraphs[0] = _dateline(st, rng.choice(theatre.datelines)) + paragraphs[0]
    target, size = _target_length(rng), sum(len(p) + 2 for p in paragraphs) - 2
    background = list(theatre.background)
    while size < target:
        extra = background.pop(rng.randrange(len(background))) if background and rng.random() < 0.15 else \
            _filler(st)
        if not extra or (size + len(extra) > 6000 and size >= 1000):
            break
        paragraphs.insert(rng.randrange(1, len(paragraphs) + 1), extra)
        size += len(extra) + 2
    side = st.defender if events and events[0].kind == "regained" else st.attacker
    slug = _fold(events[0].place_name)[:24] if events else "report"
    return GeneratedArticle(f"{index:06d}_{slug or 'place'}.txt", "\n\n".join(paragraphs), st.pub,
                            st.outlet[0], _title(st, events[0] if events else None, side), tuple(events))


def generate(n: int, *, seed: int = DEFAULT_SEED) -> Iterator[GeneratedArticle]:
    """Yield *n* generated articles, one at a time (article *i* depends only on *seed* and *i*).

    Parameters
    ----------
    n : int
        How many articles.
    seed : int, default DEFAULT_SEED
        The random seed; the same seed gives the same articles, byte for byte.

    Yields
    ------
    GeneratedArticle
    """
    for i in range(n):
        yield _article(i, seed)


# --------------------------------------------------------------------------- writing a corpus
def write_corpus(folder: Path, n: int, *, seed: int = DEFAULT_SEED) -> Path:
    """Write *n* generated articles to *folder*, streaming (a few hundred articles in memory at a time).

    Chunks of articles are generated and written by one worker process per core (forked, so
    the place pools are built once); the files are the same whatever the number of workers,
    since article *i* depends only on *seed* and *i*.

    Writes one ``.txt`` per article (header lines ``date``, ``source``, ``title``, then the
    body), ``metadata.csv`` (``file,date,source,title,url``) and ``gold.jsonl`` (one line
    per article: ``file``, ``article_id``, ``published`` and its ``events``).

    Parameters
    ----------
    folder : Path
        The corpus folder; created if missing. It must hold no ``.txt`` file yet.
    n : int
        How many articles.
    seed : int, default DEFAULT_SEED
        The random seed.

    Returns
    -------
    Path
        The folder.

    Raises
    ------
    geo.errors.CorpusError
        When the folder already holds ``.txt`` files (corpora are not mixed).
    """
    from geo.errors import CorpusError

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.glob("*.txt")):
        raise CorpusError(f"{folder} already holds .txt articles; give --out an empty or new folder")
    chunks = [(str(folder), seed, i, min(i + _CHUNK, n)) for i in range(0, n, _CHUNK)]
    workers = min(os.cpu_count() or 1, 4, len(chunks))
    with open(folder / "metadata.csv", "w", encoding="utf-8", newline="") as meta, \
            open(folder / "gold.jsonl", "w", encoding="utf-8") as gold:
        rows = csv.writer(meta, lineterminator="\n")
        rows.writerow(("file", "date", "source", "title", "url"))
        if workers > 1 and "fork" in mp.get_all_start_methods():
            _prepare()  # the forked workers inherit the place pools
            with mp.get_context("fork").Pool(workers) as procs:
                results: Iterable[tuple[list[tuple[str, ...]], str]] = procs.imap(_write_chunk, chunks)
                _append(rows, gold, results)
        else:
            _append(rows, gold, map(_write_chunk, chunks))
    return folder


_CHUNK = 250


def _prepare() -> None:
    for _, theatre in _THEATRES.values():
        _pool(theatre.countries, theatre.limit)


def _write_chunk(job: tuple[str, int, int, int]) -> tuple[list[tuple[str, ...]], str]:
    """Write articles start..stop-1 to the folder; return their metadata rows and gold lines."""
    folder, seed, start, stop = job
    rows, lines = [], []
    for i in range(start, stop):
        article = _article(i, seed)
        with open(os.path.join(folder, article.filename), "w", encoding="utf-8") as fh:
            fh.write(article.file_text())
        rows.append((article.filename, article.published.isoformat(), article.source, article.title, ""))
        lines.append(json.dumps({"file": article.filename, "article_id": article.article_id,
                                 "published": article.published.isoformat(),
                                 "events": [e.to_dict() for e in article.events]}, ensure_ascii=False) + "\n")
    return rows, "".join(lines)


def _append(rows: Any, gold: Any, results: Iterable[tuple[list[tuple[str, ...]], str]]) -> None:
    for meta_rows, gold_lines in results:
        rows.writerows(meta_rows)
        gold.write(gold_lines)


# --------------------------------------------------------------------------- scoring
def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _field(event: Any, name: str) -> Any:
    return event.get(name) if isinstance(event, dict) else getattr(event, name, None)


def _same_side(gold: str | None, predicted: str | None) -> bool:
    return (gold or "unknown") == (predicted or "unknown")


def _level(gold: dict[str, Any], pred: Any, published: dt.date) -> int:
    """How far a prediction agrees with a gold event: 0 not the place, 1 place, 2 kind, 3 sides, 4 date."""
    if _field(pred, "place_id") != gold["place_id"]:
        return 0
    if KIND_GROUPS.get(_field(pred, "kind") or "") != KIND_GROUPS[gold["kind"]]:
        return 1
    if gold["actor_gaining"] is not None:
        sides = _same_side(gold["actor_gaining"], _field(pred, "actor_gaining"))
    elif gold["actor_losing"] is not None:
        sides = _same_side(gold["actor_losing"], _field(pred, "actor_losing"))
    else:
        sides = True
    if not sides:
        return 2
    start, end = _as_date(_field(pred, "date")), _as_date(_field(pred, "date_end"))
    if start is None:
        return 3
    end = end or start
    if gold["date"] is None:
        ok = published - 7 * _D <= start and end <= published + _D
    else:
        g_start = _as_date(gold["date"])
        g_end = _as_date(gold["date_end"]) or g_start
        ok = abs((start - g_start).days) <= 1 and abs((end - g_end).days) <= 1
    return 4 if ok else 3


def _read_gold(gold_path: Path) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """Gold articles by file name, and file names by article id."""
    by_file, by_id = {}, {}
    with open(gold_path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                by_file[row["file"]] = row
                by_id[row["article_id"]] = row["file"]
    return by_file, by_id


_REASONS = ("place missing", "wrong kind", "wrong side", "wrong date")


def score(gold_path: Path, events: Iterable[Any]) -> dict[str, Any]:
    """Recall and precision of extracted events against a generated corpus's ``gold.jsonl``.

    Parameters
    ----------
    gold_path : Path
        The ``gold.jsonl`` written by :func:`write_corpus`.
    events : iterable of ControlEvent or dict
        Extracted events (``ControlEvent`` objects or their JSON dicts). Each is assigned
        to its article through ``article`` (the article id) or, failing that, the base
        name of a ``path``/``file`` field. Events of articles not in the gold are counted
        as ``unscored``.

    Returns
    -------
    dict
        ``gold``, ``predicted``, ``found`` (gold events matched), ``correct`` (predictions
        that match a gold event), ``recall``, ``precision``, ``f1``, ``unscored``,
        ``misses`` (unmatched gold events by the furthest check they passed),
        ``by_kind`` (gold and found per gold kind) and ``stance_agreement`` (share of
        found events whose best prediction has the gold stance).
    """
    by_file, by_id = _read_gold(Path(gold_path))
    predicted: dict[str, list[Any]] = {}
    unscored = 0
    for event in events:
        file = by_id.get(_field(event, "article") or "")
        if file is None:
            file = Path(str(_field(event, "path") or _field(event, "file") or "")).name or None
        if file not in by_file:
            unscored += 1
            continue
        predicted.setdefault(file, []).append(event)
    return _tally(by_file, predicted, unscored)


def _tally(by_file: dict[str, dict[str, Any]], predicted: dict[str, list[Any]], unscored: int) -> dict[str, Any]:
    found = correct = n_pred = same_stance = 0
    n_gold = 0
    misses = dict.fromkeys(_REASONS, 0)
    by_kind: dict[str, list[int]] = {}
    for file, row in by_file.items():
        published = dt.date.fromisoformat(row["published"])
        preds = predicted.get(file, [])
        n_pred += len(preds)
        matched_preds: set[int] = set()
        for gold in row["events"]:
            n_gold += 1
            levels = [_level(gold, p, published) for p in preds]
            best = max(levels, default=0)
            tally = by_kind.setdefault(gold["kind"], [0, 0])
            tally[0] += 1
            if best == 4:
                found += 1
                tally[1] += 1
                hits = [i for i, lv in enumerate(levels) if lv == 4]
                matched_preds.update(hits)
                same_stance += any(_field(preds[i], "stance") == gold["stance"] for i in hits)
            else:
                misses[_REASONS[best]] += 1
        correct += len(matched_preds)
    recall = found / n_gold if n_gold else 0.0
    precision = correct / n_pred if n_pred else 0.0
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    return {"articles": len(by_file), "gold": n_gold, "predicted": n_pred, "found": found, "correct": correct,
            "recall": round(recall, 4), "precision": round(precision, 4), "f1": round(f1, 4),
            "unscored": unscored, "misses": misses,
            "by_kind": {k: {"gold": v[0], "found": v[1]} for k, v in sorted(by_kind.items())},
            "stance_agreement": round(same_stance / found, 4) if found else 0.0}


# --------------------------------------------------------------------------- command line
def main(argv: Sequence[str] | None = None) -> int:
    """Write a corpus; with ``--score``, also run geo's extraction on it and print the score as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, required=True, help="how many articles")
    parser.add_argument("--out", type=Path, required=True, help="an empty or new folder")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--score", action="store_true", help="run geo.pipeline.analyse and score it")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("--n must be 0 or more")
    t0 = time.perf_counter()
    write_corpus(args.out, args.n, seed=args.seed)
    took = time.perf_counter() - t0
    print(f"{args.out}: {args.n} articles in {took:.1f} s ({args.n / took:,.0f} articles/s), seed {args.seed}",
          file=sys.stderr)
    if args.score:
        from geo.pipeline import analyse

        t0 = time.perf_counter()
        result = analyse(args.out)
        report = score(args.out / "gold.jsonl", result.events)
        report["extraction_seconds"] = round(time.perf_counter() - t0, 1)
        print(json.dumps(report, indent=2))
    else:
        print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
