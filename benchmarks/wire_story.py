"""One generated article's story, its event sentences (with their gold events) and its paragraphs without events."""

from __future__ import annotations

import datetime as dt
import functools
import random
import re
import string
from dataclasses import dataclass, field
from typing import Any

from wire_places import Pool, Site
from wire_theatres import MONITORS, NAMES, VOICES
from wire_time import DateRange, month_year, since, time_phrase
from wire_vocab import BY_KIND, CAPITALS, CONTEXT, FILLERS, MONTHS, ORGS, PEOPLE, ROLES, SY_FILLERS, WEEKDAYS

__all__ = [
    "ExpectedEvent", "plural", "Story", "event_sentence", "filler", "context_sentences",
]


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


@functools.lru_cache(maxsize=1024)
def plural(alias: str) -> bool:
    """Whether a side's name takes a plural verb ("rebels have", "HTS has", "forces loyal to X have")."""
    head = re.split(r"\s+(?:loyal\s+to|linked\s+to|of\s+the|from)\s+|\s*\(", alias)[0].split()[-1]
    return head.endswith("s") and not head.isupper() and not head.endswith("'s")


@dataclass
class Story:
    """What one article is about: its theatre, date, sides, outlet and the places it has named."""

    rng: random.Random
    theatre: str
    pool: Pool
    pub: dt.date
    attacker: str
    defender: str
    outlet: tuple[str, str]
    lead: Site | None = None
    used: set[str] = field(default_factory=set)

    def alias(self, side: str) -> str:
        return self.rng.choice(NAMES[side])

    def spelling(self, site: Site) -> str:
        return site.spellings[0] if self.rng.random() < 0.8 else self.rng.choice(site.spellings)

    def monitor(self) -> str:
        return self.rng.choice(MONITORS["SY" if self.theatre == "SY" else ""])

    def voice(self, side: str, alias: str) -> str:
        own = VOICES.get(side, ()) if self.theatre == "SY" else ()
        return self.rng.choice((*own, f"{alias} said in a statement", f"a spokesman for {alias} said"))


_PLURAL_NOUNS = {"city": "cities", "town": "towns", "village": "villages", "": "bases"}


def _faction(side: str | None) -> str | None:
    from geo.theatres import packaged_theatres  # the generated wires are Syrian
    ids = {f.id for f in packaged_theatres()["syria"].factions}
    return None if side is None else side if side in ids else "unknown"


def _place_phrase(st: Story, site: Site, name: str, room_after: bool) -> str:
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
    many = plural(alias)
    return {f"{prefix}_has": "have" if many else "has", f"{prefix}_its": "their" if many else "its",
            f"{prefix}_their": "their" if many else "its", f"{prefix}_it": "they" if many else "it",
            f"{prefix}_was": "were" if many else "was"}


def _event_time(st: Story, template: str) -> tuple[str, DateRange]:
    if "{S}" in template:
        return since(st.rng, st.pub)
    if "{MY}" in template:
        return month_year(st.rng, st.pub)
    return time_phrase(st.rng, st.pub) if "{T}" in template else ("", (None, None))


def event_sentence(st: Story, kind: str, sites: list[Site]) -> tuple[str, list[ExpectedEvent]]:
    """One sentence stating *kind* at each of *sites* (one or two), and its gold events."""
    rng = st.rng
    stance, template = rng.choice(BY_KIND[kind])
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


def _place_slot(st: Story, near: Site | None) -> str:
    site = st.pool.pick(st.rng, near=near)
    return st.spelling(site) if site.noun else "the " + site.spellings[0]


def _ref(st: Story, site: Site | None) -> tuple[str, int, str]:
    return site.ref if site is not None and site.ref else (st.rng.choice(st.pool.refs), st.rng.randrange(5, 60),
                                                           "north")


_SLOTS: dict[str, Any] = {
    "X": lambda st, site: _place_slot(st, st.lead), "Y": lambda st, site: _place_slot(st, None),
    "N": lambda st, site: st.spelling(site) if site else _place_slot(st, st.lead),
    "R": lambda st, site: _ref(st, site)[0], "km": lambda st, site: str(_ref(st, site)[1]),
    "dir": lambda st, site: _ref(st, site)[2], "n": lambda st, site: str(st.rng.randrange(3, 60)),
    "big": lambda st, site: f"{st.rng.randrange(12, 900) * 1000:,}",
    "pct": lambda st, site: str(st.rng.randrange(20, 300)),
    "pop": lambda st, site: f"{st.rng.randrange(8, 400) * 1000:,}", "org": lambda st, site: st.rng.choice(ORGS),
    "cap": lambda st, site: st.rng.choice(CAPITALS["SY" if st.theatre == "SY" else ""]),
    "monitor": lambda st, site: st.monitor(), "outlet": lambda st, site: st.outlet[1] or st.outlet[0],
    "wd": lambda st, site: WEEKDAYS[st.pub.weekday()],
    "person": lambda st, site: f"{st.rng.choice(PEOPLE[0])} {st.rng.choice(PEOPLE[1])}",
    "role": lambda st, site: st.rng.choice(ROLES), "month": lambda st, site: MONTHS[(st.pub.month - 2) % 12],
    "year": lambda st, site: str(st.pub.year - st.rng.randrange(1, 6)),
}


@functools.lru_cache(maxsize=512)
def _fields(template: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for _, name, _, _ in string.Formatter().parse(template) if name))


def _fill(st: Story, template: str, site: Site | None = None) -> str:
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


def filler(st: Story) -> str:
    """A paragraph of one to three sentences with no control event, none used before in the article."""
    pool = [t for t in FILLERS + (SY_FILLERS if st.theatre == "SY" else ()) if t not in st.used]
    chosen = st.rng.sample(pool, min(len(pool), st.rng.choice((1, 1, 2, 2, 3))))
    st.used.update(chosen)
    return " ".join(_fill(st, t) for t in chosen)


def context_sentences(st: Story, site: Site) -> str:
    """Zero to two sentences that follow an event (distance, casualties, no comment)."""
    chosen = st.rng.sample(CONTEXT, st.rng.choice((0, 1, 1, 2)))
    return "".join(" " + _fill(st, t, site) for t in chosen if site.noun and (site.ref or "{km}" not in t))
