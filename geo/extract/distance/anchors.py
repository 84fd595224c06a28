"""What a quoted distance is measured from, and what it places.

:class:`AnchorReader` reads, for one distance of an article, its **anchor** (what the distance is
measured from) and its **subject** (what is that far away), with the gazetteer. Pure apart from
the injected gazetteer; geometry is left to :mod:`geo.layers.distances`.

Anchor kinds (:data:`geo.model.AnchorKind`), tried in this order on the anchor phrase:

* no phrase ("Fallujah, some 50 km to the east", "fled towards Sennar, about 100 km away"):
  ``implied``, the place the sentence leaves unsaid: the settlement named last before the
  subject in the same sentence ("left Ras al-Ain for Tal Tamr, about 35 km to the south-east"),
  else the settlement the article has named most often so far (the town the report is about),
  never the subject itself, and, when the subject is a known place, only one about that far from
  it; an inference, marked so. With no such settlement: ``none``, with the reason;
* a vague phrase ("a location", "their positions"): ``none``, with the reason;
* "the front line", "the frontline", "the line of contact" (no place named in it): ``front``,
  the inferred front of the map's date;
* a town, landmark or site named in the phrase ("Aleppo's citadel", "the Bab al-Hawa border
  crossing"): ``point``; with an area word ("the outskirts of Homs", "the southern edge of
  Damascus") ``city_area``;
* a border word with countries or their demonyms ("the Turkish border", "the border with Chad",
  "the Syrian-Turkish border", "the Jordanian frontier"), or a country alone ("15 km from
  Israel"): ``border``, the other country being the one that is not the subject's; a bare "the
  border" or "the state border" is the border of the subject's country nearest the subject;
* "the provincial / regional / state capital" (no name after it): ``provincial_capital``, the
  largest town of the subject's first-level division (an inference, marked so);
* "the capital", "the Syrian capital": ``capital``, the capital of the named country, else of the
  subject's country, else of the article's war (from ``gazetteer/data/capitals.csv``);
* a river or road word ("the Euphrates river", "the M5 highway"): ``river`` or ``road``; the
  packaged data has no river or road lines, so the reason says it is not drawn;
* a first-level division or a wider region ("Aleppo province", "Darfur", "the administrative border of
  Dnipropetrovsk region": a border word naming no country): ``region``; a bare name
  that is also a city's ("20 km south of Hama", where the article reads "Hama" as the province) is
  the city, unless a division word is written;
* "the city", "the town", "the airport" with no name: the last place of that kind named before
  it in the article (the sentence and up to :data:`ANTECEDENT_CHARS` before it), else ``none``;
* a capitalised name the gazetteer does not know: ``none``, "anchor not in the gazetteer".

The subject is a *place* (``subject_place``: the distance is then a check on that place) when
the subject phrase is the place's name, alone or after a description with a determiner ("Azaz,
about 7 km from ...", "the town of Mellit, 60 km north of ..."), or is an apposition of a place
named just before it ("Sudzha, a town of 5,000 people, some 7 km from the border"). Otherwise
(an event or a thing: "Clashes broke out in Jasim, some 15 km from Israel") the *locator* is the
place the sentence names nearest before the distance (or the first after its anchor): it picks
the stretch of a border and the side, and the distance is drawn.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from gazetteer import Gazetteer
from gazetteer.capitals import capital_of
from gazetteer.model import Place, km_between
from gazetteer.resolver import Mention
from geo.extract.clauses import dateline_end
from geo.model import AnchorKind

__all__ = ["ANTECEDENT_CHARS", "LOCATOR_REACH_KM", "AnchorReading", "AnchorReader"]

#: How far back (characters) "the city" looks for the city it stands for.
ANTECEDENT_CHARS = 600
#: A locating place farther than the distance plus this from a point anchor is not used (km).
LOCATOR_REACH_KM = 100.0
#: An implied anchor ("some 50 km to the east") is taken only when a known subject lies this share of the
#: quoted distance (or :data:`IMPLIED_SLACK_KM`, whichever is more) from where it is said to be.
IMPLIED_SHARE = 0.5
IMPLIED_SLACK_KM = 15.0
_SETTLEMENTS = frozenset({"city", "town", "village"})
_RELATION_END = re.compile(r"\b(?:of|from)\s*$", re.I)
#: Between a place and its distance, an apposition: the place is what is that far ("Kursk, the regional capital").
_APPOSED = re.compile(r"\s*,\s*(?:(?:a|an|the)\s[^,.;:]{0,60}?)?\s*", re.I)
#: Kinds of place a distance can be a check on, or be located by.
SITE_KINDS = frozenset({"city", "town", "village", "neighbourhood", "landmark", "military", "infrastructure"})
_REGION_KINDS = frozenset({"admin1", "admin2", "region"})

_BORDER = re.compile(r"\b(?:borders?|frontiers?|boundary|boundaries)\b", re.I)
_FRONT = re.compile(r"\b(?:front[\s-]?lines?|fronts?|line\s+of\s+(?:contact|control)|contact\s+line)\b", re.I)
_PROVINCIAL = re.compile(r"\b(?:provincial|regional|state|district|governorate|oblast|county|province's|region's"
                         r"|state's)\s+(?:capital|centre|center|seat)\b", re.I)
_CAPITAL = re.compile(r"\bcapital\b", re.I)
_RIVER = re.compile(r"\b(?:river|riverbank|river\s+bank|canal)\b", re.I)
_ROAD = re.compile(r"\b(?:highway|motorway|road|expressway|freeway)\b|\b[MN]-?\d{1,3}\b")
_DIVISION = re.compile(r"\b(?:province|provinces|governorate|oblast|region|state|district|county|prefecture|"
                       r"raion|krai|division|department|territory)\b", re.I)
_AREA = re.compile(r"\b(?:outskirts|edges?|suburbs?|limits|periphery|perimeter|fringes?)\b", re.I)
_GENERIC = {
    "city": frozenset({"city", "town"}),  # reports call a town of 60,000 "the city" (Pokrovsk, Vovchansk)
    **dict.fromkeys(("town", "village", "locality", "settlement"), frozenset({"city", "town", "village"})),
    **dict.fromkeys(("airport", "airbase", "base", "garrison"), frozenset({"military", "infrastructure", "landmark"})),
}
_DEFINITE = re.compile(r"^the\s+(?:(?P<modifier>[\w'’-]+)\s+)?(?P<head>[\w-]+)$", re.I)
#: Heads that name the middle of the place before them ("the city centre", "the town center").
_MIDDLE = frozenset({"centre", "center", "downtown"})
#: What may stand before a place name in a subject that *is* the place: nothing, or a description
#: with a determiner ("the town of", "the key city of", "the rebel-held town"), no verb or preposition in it.
_DESCRIPTOR = re.compile(r"^(?:(?:[Tt]he|[Aa]n?)\s+"
                         r"(?:(?!(?:in|at|from|near|to|by|on|into|with)\s)[a-z][\w'’-]*\s+){0,3}(?:of\s+)?)?$")
_APPOSITION_BEFORE = re.compile(r",\s*$")
_APPOSITION_SUBJECT = re.compile(r"^(?:a|an|the)\s", re.I)


@dataclass(frozen=True, slots=True)
class AnchorReading:
    """The anchor and subject of one quoted distance.

    Parameters
    ----------
    kind : str
        One of :data:`geo.model.ANCHOR_KINDS`.
    place : Place or None
        The anchor's record (for a border, the other country; for a capital, the city).
    country : str or None
        For a border: the other country (ISO alpha-2); None for "the border" of the subject's country.
    reason : str or None
        Why nothing can be drawn (kind ``none``, ``river``, ``road``), else None.
    subject : Place or None
        The subject, when it is itself a known place.
    locator : Place or None
        The place that locates the subject (the subject place, or one named with it).
    locator_written : str
        The locating place's name as the sentence writes it ("" when there is none).
    side_country : str or None
        The country the subject lies in.
    """

    kind: AnchorKind
    place: Place | None
    country: str | None
    reason: str | None
    subject: Place | None
    locator: Place | None
    locator_written: str
    side_country: str | None


def _has_name(phrase: str) -> bool:
    """Whether a phrase holds a capitalised word after its first ("the Mezzeh airbase"), or starts with one."""
    words = phrase.split()
    return bool(words) and (words[0][:1].isupper() and words[0].lower() not in ("the", "a", "an")
                            or any(w[:1].isupper() for w in words[1:]))


def _site(m: Mention) -> Place | None:
    place = m.place
    return place if place is not None and m.form == "name" and place.kind in SITE_KINDS else None


class AnchorReader:
    """Reads the anchors and subjects of an article's distances.

    Parameters
    ----------
    gazetteer : Gazetteer
        Resolves the anchor phrase.
    text : str
        The article text (for "the city" standing for a city named before).
    countries : sequence of str
        The countries of the article's war (ISO alpha-2): their places win ties, and they are
        the subject's side when the sentence names no place.
    mentions : sequence of Mention
        The article's place names and demonyms, resolved in the whole article's context with
        ``countries`` as the focus: those the events read (:func:`geo.extract.context.read_sentences`,
        where time expressions and faction names are left out), so an article is read once.
    """

    def __init__(self, gazetteer: Gazetteer, text: str, countries: Sequence[str], mentions: Sequence[Mention]) -> None:
        self.gz = gazetteer
        self.text = text
        self.countries = tuple(countries)
        self._found = mentions
        self._dateline = dateline_end(text)

    def read(self, sentence: tuple[int, int], span: tuple[int, int], anchor: tuple[int, int] | None,
             phrase: str, subject: str | None, distance_km: float = 0.0) -> AnchorReading:
        """Read one distance.

        Parameters
        ----------
        sentence : (int, int)
            The sentence's offsets in the article text.
        span : (int, int)
            The distance expression's offsets (qualifier to anchor phrase).
        anchor : (int, int) or None
            The anchor phrase's offsets, None when it is vague or absent.
        phrase : str
            The anchor phrase as written ("" when there is none).
        subject : str or None
            The subject as written.
        distance_km : float
            The quoted distance: a locating place (not the subject) farther than this plus
            :data:`LOCATOR_REACH_KM` from a point anchor is not used (a misread name, or another place
            of the sentence).
        """
        s0, s1 = sentence
        sent = self.text[s0:s1]
        found = [dataclasses.replace(m, start=m.start - s0, end=m.end - s0) for m in self._found
                 if s0 <= m.start and m.end <= s1]
        a0, a1 = (anchor[0] - s0, anchor[1] - s0) if anchor else (span[1] - s0, span[1] - s0)
        inside = [m for m in found if a0 <= m.start and m.end <= a1]
        outside = [m for m in found if not (a0 <= m.start and m.end <= a1)]
        is_subject, named = self._subject(sent, span[0] - s0, a1, subject, outside)
        locator = _site(named) if named is not None else None
        subj = locator if is_subject else None
        side = locator.country if locator is not None else self._side_without_place(inside)
        kind, place, country, reason = self._anchor(phrase, anchor is not None, inside, locator, side, span[0], s0)
        if not phrase and not _RELATION_END.search(self.text, span[0], span[1]):  # "of" with no phrase: unread
            located = subj  # what is that far: never what it is measured from ("Tal Tamr, about 35 km to the SE")
            if located is None and named is not None and _APPOSED.fullmatch(sent, named.end, span[0] - s0):
                located = named.place
            implied = self._implied(s0, span[0], located, distance_km)
            if implied is not None:
                kind, place, reason = "implied", implied, None
            else:
                reason = ("no anchor: the sentence does not say from where the distance is measured, and the "
                          "article names no town it could be measured from")
        if place is not None and locator is not None and not is_subject and kind != "border" \
                and km_between(place, locator) > distance_km + LOCATOR_REACH_KM:
            named, locator = None, None
            side = self._side_without_place(inside)
        if kind == "border" and side is None and country is not None:
            side = self._side_without_place([], country)
        if kind == "border" and country is None and locator is None:
            reason = (f"anchor {phrase!r} names no country and the sentence no place near it: which stretch "
                      "of which border is meant is unknown")
        if place is not None and subj is not None and place.id == subj.id:
            subj = None  # "the town ... 5 km from the town": not a check of a place against itself
        return AnchorReading(kind, place, country, reason, subj, locator, named.text if named else "", side)

    # -- the subject -------------------------------------------------------------------------

    def _subject(self, sent: str, start: int, anchor_end: int, subject: str | None,
                 outside: list[Mention]) -> tuple[bool, Mention | None]:
        """Return (whether the subject is the locating place, the mention of the locating place)."""
        before = [m for m in outside if m.end <= start and _site(m) is not None]
        if subject:
            at = sent.rfind(subject, 0, start)
            if at >= 0:
                end = at + len(subject)
                inner = [m for m in before if at <= m.start and m.end <= end]
                if inner and inner[-1].end == end and _DESCRIPTOR.match(sent[at:inner[-1].start]):
                    return True, inner[-1]
                if not inner and _APPOSITION_SUBJECT.match(subject):
                    prior = [m for m in before if m.end <= at]
                    if prior and _APPOSITION_BEFORE.fullmatch(sent, prior[-1].end, at):
                        return True, prior[-1]
        if before:
            return False, before[-1]
        after = [m for m in outside if m.start >= anchor_end and _site(m) is not None]
        return False, after[0] if after else None

    def _implied(self, sentence_start: int, start: int, located: Place | None, distance_km: float) -> Place | None:
        """Return the settlement a distance with no anchor phrase is measured from, or None (module docs)."""
        before = [m for m in self._found if self._dateline <= m.start and m.end <= start and m.form == "name"
                  and m.place is not None and m.place.kind in _SETTLEMENTS
                  and (located is None or m.place.id != located.id)]
        if not before:
            return None
        places = {m.place.id: m.place for m in before if m.place is not None}
        in_sentence = [m.place.id for m in before if m.start >= sentence_start and m.place is not None]
        counts = Counter(m.place.id for m in before if m.place is not None)
        last = {m.place.id: i for i, m in enumerate(before) if m.place is not None}
        order = in_sentence[-1:] + sorted(counts, key=lambda pid: (-counts[pid], -last[pid]))
        for pid in order:
            place = places[pid]
            if located is None or abs(km_between(place, located) - distance_km) <= max(IMPLIED_SHARE * distance_km,
                                                                                IMPLIED_SLACK_KM):
                return place
        return None

    def _side_without_place(self, inside: list[Mention], other: str | None = None) -> str | None:
        """Return the subject's country when the sentence names no place: the war's one country not named."""
        named = {m.place.country for m in inside if m.place is not None and m.place.kind == "country"}
        if other is not None:
            named.add(other)
        left = [c for c in self.countries if c not in named]
        return left[0] if len(left) == 1 else None

    # -- the anchor --------------------------------------------------------------------------

    def _anchor(self, phrase: str, named: bool, inside: list[Mention], locator: Place | None, side: str | None,
                start: int, sentence_start: int) -> tuple[AnchorKind, Place | None, str | None, str | None]:
        if not phrase:
            return "none", None, None, "no anchor: the sentence does not say from where the distance is measured"
        places = [(m.place, m.form) for m in inside if m.place is not None]
        if named and not places and _has_name(phrase):  # a name the article-wide reading left out
            found = self.gz.resolve_phrase(phrase, focus=self.countries)
            places = [(found, "name")] if found is not None else []
        sites = [p for p, form in places if form == "name" and p.kind in SITE_KINDS]
        head = phrase.split()[-1] if phrase.split() else ""
        if _RIVER.fullmatch(head) or _ROAD.fullmatch(head):  # "the Dnipro river": a river, not the city
            sites = []
        if _FRONT.search(phrase) and not sites:
            return "front", None, None, None
        if not named:
            return "none", None, None, f"anchor not a place: {phrase!r}"
        if sites:
            place = self.gz.resolve_phrase(phrase, focus=self.countries) or sites[-1]
            if place.kind not in SITE_KINDS:
                place = sites[-1]
            return ("city_area" if _AREA.search(phrase) and place.kind in ("city", "town") else "point"), \
                place, None, None
        countries = [p for p, _ in places if p.kind == "country"]
        divisions = [p for p, _ in places if p.kind in _REGION_KINDS]
        if _BORDER.search(phrase) and divisions and not countries:  # "the administrative border of Kharkiv region"
            return "region", divisions[-1], None, None
        if _BORDER.search(phrase) or (countries and not _RIVER.search(phrase) and not _ROAD.search(phrase)
                                      and not _CAPITAL.search(phrase)):
            return self._border(countries, side)
        if _PROVINCIAL.search(phrase):
            return self._provincial(phrase, locator)
        if _CAPITAL.search(phrase):
            return self._capital(phrase, countries, side)
        if _RIVER.search(phrase) or _ROAD.search(phrase):
            kind: AnchorKind = "river" if _RIVER.search(phrase) else "road"
            return kind, None, None, (f"{kind} {phrase!r}: the packaged data has no {kind} lines, so a band "
                                      "along it cannot be drawn")
        regions = [p for p, _ in places if p.kind in _REGION_KINDS]
        if regions and not _DIVISION.search(phrase):  # "south of Hama": the city, unless the province is said
            cities = [p for p in self.gz.candidates(phrase.strip()) if p.kind == "city"
                      and p.country == regions[-1].country]
            if cities:
                return "point", max(cities, key=lambda p: p.population), None, None
        if regions:
            place = self.gz.resolve_phrase(phrase, focus=self.countries) or regions[-1]
            return "region", place, None, None
        generic = _DEFINITE.match(phrase.strip())
        head = generic["head"].lower() if generic else ""
        if generic and head in _MIDDLE and (generic["modifier"] or "").lower() in _GENERIC:
            head = generic["modifier"].lower()  # "the city centre": the city's point
        if head in _GENERIC:
            antecedent = self._antecedent(start, _GENERIC[head], sentence_start)
            if antecedent is not None:
                return ("city_area" if _AREA.search(phrase) else "point"), antecedent, None, None
            return "none", None, None, f"anchor not a place: {phrase!r} (no {head} named before it)"
        if _has_name(phrase):
            return "none", None, None, (f"anchor not in the gazetteer: {phrase!r}; add it with "
                                        "'geo gazetteer add NAME LAT LON'")
        return "none", None, None, f"anchor not a place: {phrase!r}"

    @staticmethod
    def _border(countries: list[Place], side: str | None) -> tuple[AnchorKind, Place | None, str | None, str | None]:
        others = [c for c in countries if c.country != side]
        if others:
            return "border", others[0], others[0].country, None
        return "border", None, None, None  # "the border": the subject's country's nearest

    def _provincial(self, phrase: str, locator: Place | None
                    ) -> tuple[AnchorKind, Place | None, str | None, str | None]:
        if locator is None or not locator.admin1:
            return "none", None, None, (f"anchor {phrase!r}: the sentence names no place whose province it "
                                        "could be")
        near = self.gz.largest_places(locator.lon - 3, locator.lat - 3, locator.lon + 3, locator.lat + 3,
                                      limit=200, kinds=("city", "town"))
        same = [p for p in near if p.country == locator.country and p.admin1 == locator.admin1]
        if not same:
            return "none", None, None, f"anchor {phrase!r}: no town known in {locator.admin1}"
        return "provincial_capital", same[0], None, None

    def _capital(self, phrase: str, countries: list[Place], side: str | None
                 ) -> tuple[AnchorKind, Place | None, str | None, str | None]:
        country = countries[0].country if countries else side or (self.countries[0] if self.countries else None)
        pid = capital_of(country) if country else None
        if pid is None:
            return "none", None, None, f"anchor {phrase!r}: no country to take the capital of"
        return "capital", self.gz.get(pid), None, None

    def _antecedent(self, start: int, kinds: frozenset[str], sentence_start: int = 0) -> Place | None:
        """Return the last place of *kinds* named before *start* (within :data:`ANTECEDENT_CHARS`), or None.

        Places named earlier in the distance's own sentence are what is measured ("took Souran and
        Halfaya, within 20 km of the city"): one named before the sentence is taken first.
        """
        lo = max(0, start - ANTECEDENT_CHARS)
        earlier = [m for m in self._found if lo <= m.start and m.end <= start]
        for found in ([m for m in earlier if m.end <= sentence_start],
                      [m for m in earlier if m.start >= sentence_start]):
            place = self._last_of(found, kinds)
            if place is not None:
                return place
        return None

    def _last_of(self, mentions: list[Mention], kinds: frozenset[str]) -> Place | None:
        for m in reversed(mentions):
            if m.place is None or m.form != "name":
                continue
            if m.place.kind in kinds:
                return m.place
            if "city" in kinds and m.place.kind == "admin1":  # "Hama" read as the province: its city
                cities = [p for p in self.gz.candidates(m.text) if p.kind == "city" and p.country == m.place.country]
                if cities:
                    return max(cities, key=lambda p: p.population)
        return None
