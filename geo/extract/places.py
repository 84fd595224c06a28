"""The places an event trigger governs.

* For an active trigger ("rebels captured X and Y") the places that follow it in its
  clause, with coordinated places ("X and Y", "X, Y") included; for a passive one ("X fell
  to", "is controlled by") the place just before it, unless it is a reference point or a
  modifier ("north of Hama", "the Damascus-Aleppo road").
* "The city" and unnamed landmarks ("the artillery academy") resolve to the last settlement
  named, or to a part of it; a generic "the base" to the last landmark resolved.
* A part ("eastern Aleppo", "a western suburb of the city") gives geo precision 2, a
  governorate 3; a country is never a target.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gazetteer import Candidate, Mention, Place, normalize_name
from gazetteer.model import km_between
from gazetteer.resolver import WAR_NEIGHBOUR_KM
from geo.extract import lexicon as lx
from geo.extract.clauses import (
    OUTSIDE_HEADS,
    UNPLACED,
    antecedent,
    contact_relative,
    contained,
    coordinated,
    facility_after,
    object_gap,
    proper_after,
    proper_before,
    uncontained,
)
from geo.extract.context import Context, Sentence
from geo.extract.prefilter import LiteralGate
from geo.model import REGION_PREFIX

__all__ = ["SETTLEMENTS", "COORDINATION", "Target", "described_as_stronghold", "reference_point", "remember_sites",
           "site_key", "target_places"]

#: What a trigger governs: the place as written, the gazetteer place (None for a name it does not
#: know), and the geo precision.
Target = tuple[str, Place | None, int]

#: Gazetteer kinds that "the city" and unnamed landmarks can refer back to.
SETTLEMENTS = frozenset({"city", "town", "village"})
#: The text between two coordinated places ("X and Y", "X, Y", "X as well as the town of Y").
COORDINATION = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as\s+well\s+as)\s+)(?:the\s+)?"
                          r"(?:(?:town|city|village|towns|cities)\s+of\s+)?$", re.I)
_GAP_TO_PLACE = re.compile(r"^\s*(?:(?:the|a|an|its|their|last|final|remaining|most|much|all|rest|part|parts|half|"
                           # a part given by two quarters: "most of central and southern Khartoum"
                           r"of\s+(?:the\s+)?(?:north|south|east|west|central)[\w-]*\s+(?:and|or)|"
                           r"portion|swathes?|section|"
                           r"control|key|strategic|significant|large|major|small|remaining|entire|whole|positions|"
                           r"number|towns?|villages?|cit(?:y|ies)|areas?|neighbou?rhoods?|districts?|several|some|"
                           r"northern|southern|eastern|western|central|nearby|neighbouring|rebel-held|government-held|"
                           r"\w+ern|north-\w+|south-\w+|north|south|east|west|centre|center|"
                           r"province|region|capital|country['’]s|"
                           r"second-largest|largest|biggest|Syrian|of|in|over|"
                           r"(?:(?:more|less)\s+than\s+|nearly\s+|almost\s+|about\s+|some\s+)?\d+\s*(?:%|per\s*cent)?\s+of|"
                           r"\d+\s+(?:out\s+)?of)\s*,?\s+)*$", re.I)
#: A common noun right before a passive trigger is its subject ("areas held by", "positions controlled by").
_COMMON_SUBJECT = re.compile(r"\b(?:areas|parts|positions|villages|towns|territory|territories|districts|"
                             r"neighbou?rhoods|pockets|land|lands|regions)\s+(?:(?:still|now|long)\s+)?$", re.I)
#: A place that locates a common noun ("The two towns in Idlib province had been held by"), or that a noun of no
#: ground is about ("Contact with Bakhmut was lost", "The battle for Bakhmut was lost"): not the subject.
_LOCATES_COMMON = re.compile(r"(?:\b(?:towns|cities|villages|areas|parts|districts|positions|neighbou?rhoods)\s+"
                             r"(?:in|near|around)|\b(?:areas|parts|districts|positions|neighbou?rhoods)\s+of|"
                             r"\b(?:contact|communications?|battle|fight|struggle)\s+(?:with|for|over))\s+"
                             r"(?:the\s+)?(?:[\w-]+\s+){0,2}?$", re.I)  # ("the towns of Nubl and Zahraa" name them)
#: A place that speaks ("which Moscow said was now under the control of"): a seat of power, not the subject.
_SPEAKS = re.compile(r"\s+(?:said|says|claimed|claims|announced|insisted|insists|reported|stated)\b")
#: A common noun capitalised at a sentence's start ("The city, which ..."), which a gazetteer may take for a name.
_COMMON_NOUN = re.compile(r"(?:The|A|An|This|That)\s+[a-z][\w -]*")
_GENERIC_SITES = frozenset({"base", "site", "facility", "complex", "compound"})
#: After a region's name, its capital named by a common noun ("the Amhara regional capital", "the Gezira state
#: capital", "the North Kivu provincial capital").
_CAPITAL_AFTER = re.compile(r"(?:\s+(?:regional|provincial|state|region|province|governorate|district))?"
                            r"(?:['’]s)?\s+(?:capital|seat|main\s+city|largest\s+city)\b", re.I)
#: Before a region's name, its capital: "the capital of North Darfur", "the provincial capital of Nimroz".
_CAPITAL_OF_BEFORE = re.compile(r"\bthe\s+(?:(?:regional|provincial|state|region|province|governorate|district)\s+)?"
                                r"(?:capital|seat|main\s+(?:city|town)|largest\s+city|chief\s+town|principal\s+(?:city|"
                                r"town)|administrative\s+cent(?:re|er))\s+of\s+(?:the\s+)?$", re.I)
#: An object that is something, not a place, after a trigger whose place is the antecedent of "where" ("overran a
#: prison", "captured the airport"); not a pronoun ("where the rebels took it").
_SOMETHING_AFTER = re.compile(r"\s+(?:an?|the|its|their|several|two|three|some|one)\s+(?!(?:town|city|village|"
                              r"capital|whole|entire|rest)\b)\w", re.I)
_RELATIVE_END = re.compile(r",\s*(?:which|who|that)\s*$")
_RELATIVE_OPEN = re.compile(r",\s*(?:which|who|that|where)\b")
#: A relative clause opened between two places: the later one only describes the first.
_IN_RELATIVE = re.compile(r"\b(?:who|which|whose|where)\b", re.I)
_LAST_DETERMINER = re.compile(r"\b(?:the|a|an)\s+(?!.*\b(?:the|a|an)\s)", re.I)


#: A clause of more places for the verb before it: ", then Zalingei and El Geneina within days".
_THEN_MORE = re.compile(r",\s+(?:and\s+)?then\s+(?=(?:the\s+(?:town|city|village)s?\s+of\s+)?(?-i:[A-Z]))", re.I)
#: A verb of the clause's own: "then Zalingei fell", "then the army retook it".
_OWN_VERB = re.compile(r"\b(?:\w+ed|fell|took|won|lost|was|were|is|are|has|have|had|went|came|ran|swept|overran|retook|"
                       r"said|says|saw|began)\b", re.I)


def _governed_places(text: str, sent: Sentence, trig: re.Match[str], passive: bool, weak: bool,
                     clause: tuple[int, int]) -> list[Mention]:
    """Return the places a trigger governs (see the module docstring)."""
    lo, hi = clause
    if passive:
        common = _COMMON_SUBJECT.search(text, max(sent.start, trig.start() - 30), trig.start())
        if common is not None and not any(m.end <= common.start() and not text[m.end : common.start()].strip()
                                          for m in sent.places):
            return []  # "the biggest assault in years on areas held by Assad's forces": no place is the subject
            # ("Rukha and Anaba districts were cleared": the noun names the places before it)
        if _RELATIVE_END.search(text[max(sent.start, lo - 12) : lo]):
            lo = sent.start  # "eastern Aleppo, which has been under siege": the antecedent counts
        before = [m for m in sent.places if lo <= m.start and m.end <= trig.start() and not reference_point(text, m)
                  and not _COMMON_NOUN.fullmatch(m.text) and not _SPEAKS.match(text, m.end)
                  and not _LOCATES_COMMON.search(text, max(sent.start, m.start - 40), m.start)
                  and not _locates_apposition(text, sent, m) and not _fronted_locative(text, sent, m)]
        if len(before) > 1 and before[-1].place is not None and before[-1].place.kind == "country" \
                and _PASSIVE_GAP.match(text[before[-2].end : trig.start()]):
            before = before[:-1]  # "Maungdaw, the last town on the Bangladesh border held by": no country is held
        if before and _PASSIVE_GAP.match(text[before[-1].end : trig.start()]):
            return uncontained(text, sent.places, coordinated_before(text, before))
        comma = text.rfind(",", sent.start, trig.start())
        if not before and comma > sent.start and _PASSIVE_GAP.match(text[comma + 1 : trig.start()]):
            opened = list(_RELATIVE_OPEN.finditer(text, sent.start, comma))  # "Kherson, which had been ..., was freed"
            subject = [m for m in sent.places if opened and 0 <= opened[-1].start() - m.end <= 1
                       and not _COMMON_NOUN.fullmatch(m.text)]
            if subject:
                return uncontained(text, sent.places, subject)
        described = [m for m in sent.places if lo <= m.start and m.end <= trig.start() and m.place is not None
                     and _DESCRIBED.match(text, m.end, trig.start())]
        if described:  # "pushed out from Al-Atarib, a town in opposition hands": a reference point described
            return [described[-1]]
        unknown = proper_before(text, max(lo, trig.start() - 60), trig.start(), _taken(sent))
        if unknown is not None and not reference_point(text, unknown):
            return coordinated_before(text, [*before, unknown])
        return uncontained(text, sent.places, coordinated_before(text, before)) if before else []
    more = _THEN_MORE.match(text, hi) if hi < sent.end else None
    if more is not None:  # "seized Nyala in late October, then Zalingei and El Geneina within days": no verb of its own
        stop = lx.CLAUSE_BREAK.search(text, more.end(), sent.end)
        end = stop.start() if stop else sent.end
        if not _OWN_VERB.search(text, more.end(), end) and not any(
                t.pattern.search(text, more.end(), end) for t in lx.OPEN_TRIGGERS):
            hi = end
    after = [m for m in sent.places if trig.end() <= m.start < hi]
    names = proper_after(text, trig.end(), min(hi, trig.end() + 160), _taken(sent, places=False))
    after = _merge_names(after, names)  # "the settlements of Lukyantsi, Gatyshche and Krasne"
    after = [m for m in after if not lx.AXIS_AFTER.match(text, m.end)]  # "in the Kupiansk direction": an axis
    if not after:
        return []
    first = after[0]
    if not (_GAP_TO_PLACE.match(text[trig.end() : first.start]) or object_gap(text[trig.end() : first.start])):
        return []
    if _OBJECT_NEAR.search(text, trig.end(), first.start):
        return []  # "retook positions north of Kruhlyakivka", "seized ground near Pokrovsk": a reference point
    if weak and first.start - trig.end() > 40:
        return []
    owned = next((m for m in after if m.start > first.end and (
        m.place is not None and first.place is not None and first.place.kind in _AREA_KINDS
        and (_POSSESSIVE_GAP.fullmatch(text, first.end, m.start) or _MODIFIER_GAP.fullmatch(text, first.end, m.start))
        or _DIVISION_POSSESSIVE.fullmatch(text, first.end, m.start)  # "the Kawkareik township's Thingannyinaung"
        or _PLACE_NOUN_OF.fullmatch(text, first.end, m.start)  # "the Donetsk town of Avdiivka": Donetsk qualifies it
        or m.place is not None and m.place.kind == "neighbourhood"  # "Aleppo's Salaheddin"
        and _POSSESSIVE_GAP.fullmatch(text, first.end, m.start))),
                 None)
    if owned is not None:  # "captured Panjshir's Paryan district": the division only locates the place it owns
        first = owned
        after = [m for m in after if m.start >= owned.start]
    return uncontained(text, sent.places, coordinated(text, after, first, hi, [(t.start, t.end) for t in sent.times]))


#: An apposition whose head a region only locates: "El Fasher, the last state capital in Darfur", "Sittwe, the main
#: town of Rakhine State".
_APPOSITION_IN = re.compile(r",\s*(?:the|its|their|a|an)\s+(?:[\w'’-]+\s+){0,4}?(?:capital|city|town|village|"
                            r"stronghold|hub|settlement|port)\s+(?:in|of)\s+(?:the\s+)?(?:(?-i:[a-z])[\w-]*\s+){0,2}$",
                            re.I)  # "Bukavu, the capital of neighbouring South Kivu province"


#: An apposition that locates its head by a place near it: "Ardamata, on the outskirts of El Geneina, fell", "Krynky,
#: just east of Kherson, was".
_APPOSITION_NEAR = re.compile(r",\s*(?:(?:on|at)\s+the\s+(?:outskirts|edges?|fringes?)\s+of|in\s+the\s+suburbs\s+of|"
                              r"near|outside|close\s+to|(?:just\s+|some\s+|about\s+|\d+\s*(?:km|kilometres|kilometers|"
                              r"miles)\s+)*(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)\s+(?:the\s+)?"
                              r"(?:(?:[\w-]+\s+){0,2}?(?:city|town|capital)\s+of\s+)?$", re.I)


#: A locative phrase that opens a sentence, up to a place: "In the eastern countryside of", "Across northern".
_FRONTED_IN = re.compile(r"^\s*(?:in|across|throughout|inside|elsewhere\s+in)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?"
                         r"(?:of\s+(?:the\s+)?)?$", re.I)
_FRONTED_END = re.compile(r"(?:\s+(?:province|region|governorate|state|oblast|countryside))?\s*,", re.I)


def _fronted_locative(text: str, sent: Sentence, m: Mention) -> bool:
    """Whether *m* ends a locative phrase that opens its sentence: where the subject is, not the subject.

    "In the eastern countryside of Idlib, Saraqeb ... fell to the factions": Saraqeb fell, not Idlib.
    """
    return bool(_FRONTED_IN.match(text, sent.start, m.start)) and bool(_FRONTED_END.match(text, m.end))


#: A settlement named by its noun, then a division it lies in set off by commas: "The town, in the central".
_TOWN_IN = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+)?(?:town|city|village|settlement|port|locality)\s*,\s*"
                      r"in\s+(?:the\s+)?(?:(?-i:[a-z])[\w-]*\s+){0,2}$", re.I)
#: A division that locates a settlement named before it, set off by a comma: ", in the north-eastern province of",
#: ", in northern".
_IN_DIVISION = re.compile(r",\s*in\s+(?:the\s+)?(?:(?-i:[a-z])[\w-]*\s+){0,3}?(?:(?P<noun>province|region|state|"
                          r"governorate|district|oblast|county)\s+of\s+)?$", re.I)
#: The end of such a division: its noun, then the closing comma.
_APPOSITION_CLOSE = re.compile(r"(?:\s+(?:region|province|state|governorate|district|territory|county|oblast))?\s*,",
                               re.I)


def _locates_apposition(text: str, sent: Sentence, m: Mention) -> bool:
    """Whether a place only locates the head of an apposition to a settlement named before it.

    "El Fasher, the last state capital in Darfur still held by the army": the subject is El Fasher,
    which Darfur locates, not Darfur; "Ardamata, on the outskirts of El Geneina, fell to the RSF":
    Ardamata, not El Geneina.
    """
    if m.place is None:
        return False
    near = _APPOSITION_NEAR.search(text, max(sent.start, m.start - 60), m.start)
    if near is not None and text[m.end : m.end + 2].startswith(","):
        head = [n for n in sent.places if n.end <= near.start()]
        return bool(head) and not text[head[-1].end : near.start()].strip()
    inside = _IN_DIVISION.search(text, max(sent.start, m.start - 60), m.start)
    if inside is not None and _APPOSITION_CLOSE.match(text, m.end) and (
            m.place.kind in _AREA_KINDS or inside.group("noun")):  # "Faizabad, in the north-eastern province of
        # Badakhshan, was abandoned": Faizabad, which the province locates ("the state of Sennar": a state, though a
        # town bears the name too)
        head = [n for n in sent.places if n.end <= inside.start() and n.place is not None
                and n.place.kind in SETTLEMENTS]
        if head and not text[head[-1].end : inside.start()].strip():
            return True
    if m.place.kind not in _AREA_KINDS:
        return False
    if _TOWN_IN.search(text, max(sent.start, m.start - 60), m.start) and _APPOSITION_CLOSE.match(text, m.end):
        return True  # "The town, in the central Mudug region, was taken": the town, which the region locates

    opened = _APPOSITION_IN.search(text, max(sent.start, m.start - 60), m.start)
    if opened is None:
        return False
    head = [n for n in sent.places if n.end <= opened.start() and n.place is not None
            and n.place.kind in SETTLEMENTS]
    return bool(head) and not text[head[-1].end : opened.start()].strip()


#: A trigger that ends at a town's edge it went to ("withdrawn to the outskirts"): the side left all of the town.
_TO_EDGE = re.compile(r"\bto\s+(?:the\s+)?(?:[\w-]+\s+)?(?:outskirts|edges?)$", re.I)
#: An object located by a place it is not: "positions north of", "ground near", "villages outside" (not "the north of
#: Bakhmut", a part of it).
_OBJECT_NEAR = re.compile(r"\b(?:positions|ground|territory|lines|trenches|heights|hills?|areas?|villages?|"
                          r"settlements?|fields?|districts?|neighbou?rhoods?|suburbs?|towns)\s+"
                          r"(?:(?:to\s+the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
                          r"\s+of|near|outside|around)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,4}?(?:city|town|village)\s+of\s+)?$",
                          re.I)
#: Between a division and a place it owns: "Panjshir's Paryan", "Kachin State's Chipwi".
_POSSESSIVE_GAP = re.compile(r"(?:\s+(?:region|province|state|governorate|oblast))?['’]s?\s+", re.I)
#: A town named with its division's word as the owner of the place after it: "the Kawkareik township's Thingannyinaung
#: village", "the Masisi territory's Rubaya".
_DIVISION_POSSESSIVE = re.compile(r"\s+(?:township|district|territory|county|raion|municipality|province|state|region|"
                                  r"governorate|oblast)['’]s\s+", re.I)
#: A place named as the modifier of a place noun and "of" before the place itself: "the Donetsk town of", "the Aden port
#: city of".
_PLACE_NOUN_OF = re.compile(r"\s+(?:(?!(?:and|or|but|the|a|an)\b)(?-i:[a-z])[\w-]*\s+){0,2}?"
                            r"(?:city|town|village|settlement|port|capital)\s+of\s+"
                            r"(?:the\s+)?", re.I)
#: A division named as a modifier of the settlement after it: "the Gezira state capital, Wad Madani", "the Chin State
#: town of Paletwa", "the North Kivu mining town, Rubaya".
_MODIFIER_GAP = re.compile(r"(?:\s+(?:region|province|state|governorate|oblast|district))?\s+"
                           r"(?:(?-i:[a-z])[\w-]*\s+){0,2}?(?:capital|town|city|village|port|hub|stronghold|settlement|district\s+centre|"
                           r"district\s+center)(?:\s+of\s+|\s*,\s*)(?:the\s+)?", re.I)


_PASSIVE_GAP = re.compile(r"^\s*(?:,[^,;]{1,60},\s*|,\s*(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?"
                          r"(?:town|city|village|settlement|district|base|area|region|province|stronghold|hub|capital)"
                          # where it stands: "the last town on the Bangladesh border held by"
                          r"\s+(?:(?:on|in|near|along|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}?)?)?(?:(?:also|itself|had|has|have|then|finally|\w+ly|is|are|was|were|been|remains?|remained|stays?|"
                          r"stayed|still|now)\s+)*$",
                          re.I)  # "Al-Atarib, a town in opposition hands since 2012"
#: A place, then an apposition that opens the passive clause describing it ("Al-Atarib, a town in rebel hands").
_DESCRIBED = re.compile(r",\s*(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|settlement|district|base|area|"
                        r"region|province|stronghold|hub)\s+$", re.I)


#: "it" as the object of an active trigger ("recaptured it in March 2016"): the last settlement named.
_PRONOUN_OBJECT = re.compile(r"^\s+(?:(?:most|much|all|parts?|half|the\s+rest)\s+of\s+)?it\b"
                             r"(?!\s+(?:was|is|had|has|would|will|said|says|to)\b)", re.I)  # "in control of most of it"
#: A place a side left ("pulled back from al-Hazm when the Houthis took it"): the object of the withdrawal, which a
#: pronoun after it may name, though "from" makes it a reference point elsewhere.
_LEFT_FROM = re.compile(r"\b(?:withdr[eaw]w?n?|withdraws|pulled\s+(?:[\w-]+\s+){0,2}?(?:out|back)|pull(?:s|ing)?\s+out|"
                        r"retreated|retreating|evacuated|driven\s+out|expelled|ousted)\s+(?:of|from)\s+(?:the\s+)?"
                        r"(?:(?:town|city|village|capital)\s+of\s+)?$", re.I)
#: "the city itself": the settlement just named, even as a reference point ("north-west of Kirkuk").
_ITSELF = re.compile(r"^\s*the\s+(?:city|town|village|capital)\s+itself\b", re.I)
#: A settlement described by an apposition ("west of Raqqa, a city IS has held since January"): the topic from
#: there on, though it was named as a reference point.
_APPOSED = re.compile(r",\s*(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:town|city|village)\b", re.I)
#: "there" right after a passive trigger: the last settlement named ("fighting was continuing there").
_THERE = re.compile(r"\s+there\b", re.I)
#: "it" as the subject of a passive trigger ("it was captured within two hours").
_PRONOUN_SUBJECT = re.compile(r"\bit\s+(?:\w+\s+){0,2}$", re.I)


#: "the region", "most of the province" as an active trigger's object: the last region named.
_REGION_ANAPHORA = re.compile(r"\s+(?:(?:most|much|all|parts?|half|the\s+rest)\s+of\s+)?the\s+(?:whole\s+|entire\s+)?"
                              r"(?:region|province|oblast|governorate)\b(?!\s+of\b)", re.I)
#: A trigger that locates what it governs in the region ("their main stronghold in the region"), not the region.
_LOCATIVE_END = re.compile(r"\b(?:in|inside|within)$", re.I)
#: The generic noun written after a region's name ("the Kharkiv region", "Donetsk Oblast"), one region only.
_REGION_NOUN = re.compile(r"\s+(region|oblast|province|governorate)\b(?!\s+and\b)", re.I)


def region_name(text: str, m: Mention) -> str:
    """Return the name of *m* as an event shows it: a region with the noun written after it ("Kharkiv region").

    "Kharkiv" alone reads as the city; the noun says the event is the region's.
    """
    if m.place is None or m.place.kind != "admin1":
        return m.text
    noun = _REGION_NOUN.match(text, m.end)
    return f"{m.text} {noun.group(1)}" if noun else m.text


def _as_described(text: str, m: Mention) -> Mention:
    """Return *m* read as the settlement its apposition calls it ("Raqqa, a city IS has held"), if it may be one."""
    if m.place is None or m.place.kind in SETTLEMENTS or not _APPOSED.match(text, m.end):
        return m
    town = next((c for c in m.candidates if c.place.kind in SETTLEMENTS), None)
    return m if town is None else Mention(m.start, m.end, m.text, (town,), m.cue, m.form, m.abroad)


def _taken(sent: Sentence, places: bool = True) -> list[tuple[int, int]]:
    """Return the spans that cannot be an unknown place's name: actors, time expressions (and known places)."""
    return [*((a.start, a.end) for a in sent.actors), *((t.start, t.end) for t in sent.times),
            *(((m.start, m.end) for m in sent.places) if places else ())]


def _merge_names(places: list[Mention], names: list[Mention]) -> list[Mention]:
    """Return the gazetteer places and the unknown names in text order.

    A name that overlaps a place is dropped, unless it extends the place to the left ("Popov
    Yar", "En Nahud" where the gazetteer found only "Yar", "Nahud"): then it replaces it.
    """
    kept = list(places)
    for n in names:
        inside = [m for m in kept if m.start < n.end and n.start < m.end]
        if not inside:
            kept.append(n)
        elif all(n.start < m.start and m.end <= n.end for m in inside):
            kept = [m for m in kept if m not in inside] + [n]
    return sorted(kept, key=lambda m: m.start)


def coordinated_before(text: str, before: list[Mention]) -> list[Mention]:
    """Return the last place of *before* and the places coordinated with it ("Harasta and Arbin were")."""
    chosen = [before[-1]]
    for m in reversed(before[:-1]):
        if not COORDINATION.match(text[m.end : chosen[0].start]):
            break
        chosen.insert(0, m)
    return chosen


def reference_point(text: str, m: Mention) -> bool:
    """Return a place named as a reference point or modifier ("north of Hama", "the Damascus-Aleppo road")."""
    return bool(lx.REFERENCE_CUE.search(text[max(0, m.start - 30) : m.start])
                or lx.MODIFIER_AFTER.match(text[m.end : m.end + 25]))


def named_in_theatre(ctx: Context, name: str, near: Sequence[Place] = ()) -> Place | None:
    """Return the settlement of the theatre's countries that bears exactly *name*, or None.

    The object of a control verb is a place even when the name finder leaves its name out as a
    common word ("M23 rebels captured Sake"): a settlement of the war's own countries whose name
    or an alternate folds to the name exactly is taken; nothing abroad, nothing fuzzy. When the
    article names other settlements (*near*), it must lie within
    :data:`gazetteer.resolver.WAR_NEIGHBOUR_KM` of one of them, as a name the finder keeps must:
    "captured Progress, a village near Pokrovsk" is no town of that name across Russia.
    """
    if ctx.theatre is None:
        return None
    countries = tuple(ctx.theatre.countries)
    key = normalize_name(name)
    for candidate in ctx.gazetteer.lookup(name, focus=countries, limit=3):
        place = candidate.place
        if place.country in countries and place.kind in SETTLEMENTS and key in {
                normalize_name(n) for n in (place.name, *place.names)} and (
                not near or any(km_between(place, other) <= WAR_NEIGHBOUR_KM for other in near)):
            return place
    return None



#: A division word right after a city's name: "the Kyiv region", "Aleppo province", "Donetsk Oblast".
_REGION_AFTER = re.compile(r"\s+(region|province|oblast|governorate)\b(?!\s+of\b)", re.I)


def _area_named(ctx: Context, name: str, place: Place) -> Place | None:
    """Return the first-level division called *name* in the country of *place*, or None."""
    if place.country is None:
        return None
    return next((c.place for c in ctx.gazetteer.lookup(name, focus=(place.country,), limit=3)
                 if c.place.kind == "admin1" and c.place.country == place.country), None)


def _area_precision(area: Place) -> int:
    """Geo precision 3 for a division the map can shade (an ``admin1:`` id with a polygon), else 1.

    A division newer than the polygons ("Ituri") or a region without one ("Darfur") is shown at
    its point, as the fold shows no area it cannot draw.
    """
    return 3 if area.kind == "admin1" and area.id.startswith(REGION_PREFIX) else 1


#: After a place, ground outside it named by its possessive: "Bahir Dar's outskirts", "Pokrovsk's southern approaches".
_OUTSIDE_AFTER = re.compile(rf"['’]s?\s+(?:(?:[\w-]+ern|immediate|outer)\s+)?(?:{OUTSIDE_HEADS})\b", re.I)
#: After a place, a part of it that its possessive names: "Pokrovsk's eastern districts", "Khartoum's old city".
_PART_AFTER = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:districts?|neighbou?rhoods?|quarters?|suburbs?|parts?|half|"
                         r"sectors?|sides?|old\s+(?:city|town)|centre|center|wards?|micro-?districts?|blocks?)\b", re.I)


def target_places(text: str, ctx: Context, sent: Sentence, trig: re.Match[str], clause: tuple[int, int],
                  passive: bool, weak: bool) -> list[Target]:
    """(name as written, place, geo precision) for each place the trigger governs.

    Its object (:func:`_objects`), and for an active trigger what the object is said to include
    ("controlled most of it, including the international airport and the citadel"; "controls 14
    of Rakhine's 17 townships, including Maungdaw").

    Parameters
    ----------
    text : str
        The article text.
    ctx : Context
        The article being read; its last settlement and landmark are read and updated.
    sent : Sentence
        The sentence of the trigger.
    trig : re.Match
        The trigger match.
    clause : (start, end)
        Article offsets of the trigger's clause.
    passive : bool
        The place comes before the trigger ("X fell to").
    weak : bool
        The place must follow the trigger closely (within 40 characters).

    Returns
    -------
    list of (str, Place, int)
        In text order; empty when the trigger governs no known place.
    """
    targets = _objects(text, ctx, sent, trig, clause, passive, weak)
    if not targets and not passive and _PLURAL_OBJECT.match(text, trig.end(), clause[1]):
        # "captured Deh Salah and Pul-e-Hesar, but the Taliban retook them": the places listed before
        listed = _listed_before(text, sent, trig.start())
        if listed:
            return listed
        if ctx.listed and 0 <= sent.start - ctx.listed[0] <= 3:
            return list(ctx.listed[1])
    if not targets and not passive:  # "seized 12 of Afghanistan's 34 provincial capitals, including Ghazni and Kunduz"
        return _included(text, ctx, sent, trig.end(), clause[1], None)
    if passive:
        return targets
    named = {(name, place.id if place else None) for name, place, _ in targets}
    home = next((place for _, place, _ in targets if place is not None and place.kind in SETTLEMENTS), None)
    found = targets + [t for t in _included(text, ctx, sent, trig.end(), clause[1], home)
                       if (t[0], t[1].id if t[1] else None) not in named]
    if len(found) > 1:  # the places "them" may name in this sentence or the next
        ctx.listed = (sent.end, tuple(found))
    return found


#: An apposition that calls the settlement before it a side's stronghold, up to the word: ", an al-Shabaab ", ", the
#: army's last ", ", a key ".
_STRONGHOLD_OPEN = re.compile(r",\s*(?:a|an|the|its|their)\s+(?:[\w'’-]+\s+){0,4}?$", re.I)


def described_as_stronghold(text: str, sent: Sentence, trig: re.Match[str]) -> Target | None:
    """Return the settlement an apposition calls a stronghold ("Jilib, an al-Shabaab stronghold in Middle Juba").

    The settlement right before the apposition, not the region after the word, which only locates it.
    """
    if not trig.group(0).lower().startswith("stronghold"):
        return None
    opened = _STRONGHOLD_OPEN.search(text, max(sent.start, trig.start() - 60), trig.start())
    if opened is None:
        return None
    head = next((m for m in reversed(sent.places) if m.end <= opened.start()), None)
    if head is None or head.place is None or head.place.kind not in SETTLEMENTS \
            or text[head.end : opened.start()].strip():
        return None
    return (head.text, head.place, 1)


def _listed_before(text: str, sent: Sentence, pos: int) -> list[Target]:
    """Return the first list of two or more places (no country) named in *sent* before *pos*, else []."""
    named = [m for m in sent.places if m.end <= pos and m.place is not None and m.place.kind != "country"
             and not _UNITS_IN_GATE.search(text, max(sent.start, m.start - 60), m.start)]  # not "districts in Baghlan"
    for first in named:
        listed = [m for m in coordinated(text, named, first, pos) if m.place is not None]
        if len(listed) > 1:
            return [(m.text, m.place, 1) for m in listed]
    return []


#: "them" as a trigger's object, standing for places ("retook them later that month"), not people.
_PLURAL_OBJECT = re.compile(r"\s+(?:(?:all|both|most|each)\s+(?:of\s+)?)?them\b(?!\s+(?:to|as|of|from|with|out)\b)",
                            re.I)


#: A settlement referred back to and located in a division: "the town in", "the port city in northern".
#: (Not "the last Ukrainian-held village in the Kursk region": a village not named before.)
_SETTLEMENT_IN = re.compile(r"\b[Tt]he\s+(?:(?:port|border|coastal|river|market|mining|garrison|strategic|key|"
                            r"besieged|embattled|provincial|district|regional|(?:north|south|east|west|central)[\w-]*)"
                            r"\s+){0,2}(?:city|town|village|capital)\s+in\s+(?:the\s+)?"
                            r"(?:(?:north|south|east|west|central|upper|lower)[\w-]*\s+)?$")
#: Several places of a kind inside the place named next: "three districts in neighbouring", "several villages in".
_UNITS_IN = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|dozens\s+of|several|some|"
                       r"many|a\s+number\s+of|a\s+few|more)\s+(?:[\w-]+\s+)?(?:districts|villages|towns|hamlets|"
                       r"localities|settlements|positions|outposts|checkpoints)\s+(?:in|of|around|across)\s+(?:the\s+)?"
                       r"(?:(?:neighbou?ring|nearby|adjacent|(?:north|south|east|west|central)[\w-]*)\s+)?$", re.I)
#: Kinds of place that are areas, not settlements.
_AREA_KINDS = frozenset({"admin1", "admin2", "region"})

#: What an object is said to include: ", including the airport and the citadel", ", among them Maungdaw".
_INCLUDING = re.compile(r",?\s+(?:including|notably|among\s+them)\s+", re.I)
#: These patterns tried only in the spans that hold a word they need (:class:`~geo.extract.prefilter.LiteralGate`).
_UNITS_IN_GATE, _INCLUDING_GATE, _PART_OF_GATE = map(LiteralGate, (_UNITS_IN, _INCLUDING, lx.PART_OF_PLACE))


def _included(text: str, ctx: Context, sent: Sentence, pos: int, hi: int, home: Place | None) -> list[Target]:
    """Return the places and sites an object is said to include, within 100 characters of the trigger at *pos*.

    Sites named by common words ("the presidential palace") are placed at their own town, else at
    the object's settlement *home*; named places keep their own precision.
    """
    m = _INCLUDING_GATE.search(text, pos, min(hi, pos + 100))
    if m is None or _INCLUDED_BREAK.search(text, pos, m.start()) \
            or any(h is not None and contact_relative(text, h.start()) is None
                   for h in (t.pattern.search(text, pos, m.start()) for t in lx.OPEN_TRIGGERS)):  # another verb's
        return []  # object; not a verb that only tells what the object was ("the villages they still occupied")
    if _common_site(text, m.end(), hi):
        return _unnamed_sites(text, ctx, sent, m.end(), hi, home)
    facility = facility_after(text, m.end(), hi)
    if facility is not None and facility.name:
        where = next((p for p in sent.places if m.end() <= p.start < facility.end + 30 and p.place
                      and p.place.kind != "country"), None)
        place = where.place if where is not None else home
        return [(facility.name, place, 2)] if place is not None else []
    first = next((p for p in sent.places if m.end() <= p.start <= m.end() + 12 and p.place), None)
    if first is None or not _GAP_TO_PLACE.match(text[m.end() : first.start]):
        return []
    return [(region_name(text, p), p.place, 3 if p.place.kind == "admin1" else 1)
            for p in coordinated(text, sent.places, first, hi) if p.place and p.place.kind != "country"]


#: Between a trigger and "including": another clause's verb or subject ends the object.
_INCLUDED_BREAK = re.compile(r"[;:]|,\s*(?:which|who|where|when|while|but|and)\b|\b(?:after|before|when)\b", re.I)


def _objects(text: str, ctx: Context, sent: Sentence, trig: re.Match[str], clause: tuple[int, int],
             passive: bool, weak: bool) -> list[Target]:
    """Return the places a trigger governs as its object or subject (see :func:`target_places`)."""
    described = described_as_stronghold(text, sent, trig)
    if described is not None:
        return [described]
    if not passive:
        if _common_site(text, trig.end(), clause[1]):
            sites = _unnamed_sites(text, ctx, sent, trig.end(), clause[1])
            if sites:
                return sites
        facility = _facility(text, ctx, sent, trig, clause)
        if facility:
            return facility
    found = _governed_places(text, sent, trig, passive, weak, clause)
    in_head = False
    if not found and not passive:
        head = antecedent(text, sent.places, sent.start, trig.start())
        site = _OWNED_SITE_AFTER.match(text, head.end) if head is not None and head.place is not None else None
        if head is not None and head.place is not None and site is not None and head.place.kind in SETTLEMENTS:
            return [(text[head.start : site.end()], head.place, 2)]  # "Tripoli's airport, which the LNA had held"
        found = [head] if head is not None else []
        in_head = head is not None and bool(_SOMETHING_AFTER.match(text, trig.end(), clause[1]))
    targets: list[Target] = []
    for m in found:
        if m.place is None and m.cue == UNPLACED:
            home = named_in_theatre(ctx, m.text, [p.place for p in (*ctx.settlements, *sent.places)
                                                  if p.place is not None and p.place.kind in SETTLEMENTS])
            if home is None and _TOWNS_OWN.search(text, max(0, m.start - 20), m.start) and ctx.last_settlement \
                    and ctx.last_settlement.place is not None:
                targets.append((m.text, ctx.last_settlement.place, 2))  # "the town's Grand Immaculate Church"
                continue
            if home is None:
                targets.append((m.text, None, 1))
                continue
            m = Mention(m.start, m.end, m.text, (Candidate(home, 0.0),), None)
        if m.place is None or m.place.kind == "country":
            continue
        if _UNITS_IN_GATE.search(text, max(clause[0], m.start - 60), m.start):
            # "captured three districts in neighbouring Baghlan, including Deh Salah and Pul-e-Hesar": the places
            # listed are taken, the one that holds them is not; without a list, a part of a town is
            listed = _included(text, ctx, sent, m.end, clause[1], None)
            if listed:
                return listed
            if m.place.kind in SETTLEMENTS:
                targets.append((region_name(text, m), m.place, 2))
                continue
        if m.place.kind in _AREA_KINDS and _SETTLEMENT_IN.search(text, max(0, m.start - 60), m.start):
            # "the town in Cabo Delgado province fell to the insurgents": the town named before, which the region
            # only locates; not the region
            town = ctx.last_settlement
            if town is not None and town.place is not None and town.end <= m.start:
                targets.append((town.text, town.place, 1))
            continue
        if m.place.kind == "admin1" and (_CAPITAL_AFTER.match(text, m.end) or _CAPITAL_OF_BEFORE.search(
                text, max(clause[0], m.start - 40), m.start)):
            # "regained the Amhara regional capital", "still holds the capital of North Darfur": a city the name
            # does not give, not the region; the one the article called the region's capital, if it did
            told = _capital_in(ctx, sent, m.start, m.place)
            if told is not None and told.place is not None:
                targets.append((told.text, told.place, 1))
            continue
        division = _REGION_AFTER.match(text, m.end)
        if division is not None:  # "abandoned the Kyiv region": the region, named so, not its capital
            area = m.place if m.place.kind == "admin1" else _area_named(ctx, f"{m.text} {division.group(1)}", m.place)
            if area is not None:
                targets.append((f"{m.text} {division.group(1)}", area, _area_precision(area)))
                continue
        if _OUTSIDE_AFTER.match(text, m.end):
            continue  # "held Bahir Dar's outskirts": ground outside the town, not the town
        precision = _area_precision(m.place)  # a division without a polygon ("Ituri") is shown at its point
        if (_PART_OF_GATE.search(text[max(clause[0], m.start - 40) : m.start]) or _PART_AFTER.match(text, m.end)) \
                and precision == 1 and not _TO_EDGE.search(trig.group(0)):  # "withdrew to the outskirts of": all of it
            precision = 2  # "the eastern districts of Pokrovsk", "Pokrovsk's eastern districts"
        if in_head and precision == 1:
            precision = 2  # "Bahir Dar, where Fano fighters overran a prison": something in the town, not all of it
        targets.append((region_name(text, m), m.place, precision))
    if targets:
        return targets
    earlier = [m for m in (_as_described(text, m) for m in sent.places if m.end <= trig.start())
               if m.place and m.place.kind in SETTLEMENTS and (not reference_point(text, m) or _APPOSED.match(
                   text, m.end) or _LEFT_FROM.search(text, max(0, m.start - 60), m.start))
               and contained(text, sent.places, m) is None]
    if len(earlier) > 1:  # "Wad Madani, a refuge for people who had fled fighting in Khartoum, ... the city"
        earlier = [m for m in earlier if m is earlier[0] or not _IN_RELATIVE.search(text, earlier[0].end, m.start)]
    # "Tell Rifaat lies north of Aleppo ... when the YPG took it"; "Rubaya, in Masisi territory, ... the town"
    if earlier:
        ctx.last_settlement = earlier[-1]
    if passive:
        if _RELATIVE_END.search(text[max(sent.start, clause[0] - 12) : clause[0]]) or \
                _RELATIVE_OPEN.search(text, sent.start, clause[0]):
            clause = (sent.start, clause[1])  # "The town, which had been in rebel hands since 2012[, fell]"
        landmarks = list(lx.LANDMARK_NOUN.finditer(text, clause[0], trig.start()))
        if landmarks:
            return _landmark(ctx, landmarks[-1])
        subjects = list(lx.ANAPHORA.finditer(text, clause[0], trig.start()))
        there = _THERE.match(text, trig.end())  # "and that fighting was continuing there"
        pronoun = _PRONOUN_SUBJECT.search(text, clause[0], trig.start())
        if pronoun and not subjects and ctx.last_site is not None and ctx.last_site[2] == sent.start \
                and ctx.last_settlement is not None and ctx.last_site[1] is ctx.last_settlement.place:
            return [(ctx.last_site[0], ctx.last_site[1], 2)]  # "retook the presidential palace in Khartoum, two
            # years after it fell to the RSF": the palace, not the city
        if (subjects or there or pronoun) and ctx.last_settlement \
                and ctx.last_settlement.place:
            town = _town_of_region(ctx, sent, _in_the_war(ctx, sent, trig.start(), ctx.last_settlement)) \
                if subjects else ctx.last_settlement
            if subjects and subjects[-1].group(2):
                town = _capital_told(ctx, sent, trig.start(), town)  # "the provincial capital had been held"
            elif subjects and (subjects[-1].group(1) or "").lower() in ("town", "village") and town is not None:
                town = _small_town_told(ctx, sent, trig.start(), town)  # "denied the town had fallen"
            return [(town.text, town.place, 1)] if town is not None and town.place else []
        return []
    gap = text[trig.end() : clause[1]]
    if _ITSELF.match(gap):  # "took the oilfields north-west of Kirkuk, a day after they seized the city itself"
        named = [m for m in sent.places if m.end <= trig.start() and m.place and m.place.kind in SETTLEMENTS]
        if named:
            return [(named[-1].text, named[-1].place, 1)]
    region = next((m for m in reversed(sent.places) if m.end <= trig.start() and m.place and m.place.kind == "admin1"),
                  ctx.last_region)
    if region is not None and region.place is not None and not _LOCATIVE_END.search(trig.group(0)) and (
            _REGION_ANAPHORA.match(gap) or (
            ctx.region_topic and _PRONOUN_OBJECT.match(gap))):  # "recaptured most of the region"; "seized much of it"
        return [(region_name(text, region), region.place, 3)]
    if _PRONOUN_OBJECT.match(gap):
        just_named = next((m for m in reversed(sent.places) if m.end <= trig.start()), None)
        if just_named is not None and just_named.place is not None \
                and just_named.place.kind in ("military", "infrastructure"):
            return [(just_named.text, just_named.place, 1)]  # "seized Aleppo International Airport, hours after SDF
            # fighters had entered it": the airport just named
    if _PRONOUN_OBJECT.match(gap) and ctx.last_settlement and ctx.last_settlement.place:
        if ctx.last_site is not None and ctx.last_site[1] is ctx.last_settlement.place \
                and ctx.last_site[2] == sent.start:
            return [(ctx.last_site[0], ctx.last_site[1], 2)]  # "took back the palace in Khartoum ... overran it"
        return [(ctx.last_settlement.text, ctx.last_settlement.place, 1)]  # "ISIL fighters seized it in May 2015"
    landmark = lx.LANDMARK_NOUN.match(gap.lstrip())
    anaphora = lx.ANAPHORA.search(gap[:60])
    if landmark:
        parts = _landmark(ctx, landmark)
        if parts:
            return parts
        site_named = _site_told(ctx, sent, trig.start(), site_key(landmark.group(1)))
        if site_named is not None:
            return [site_named]  # "regained control of al-Watiya air base ... had withdrawn from the base"
    if anaphora and ctx.last_settlement and ctx.last_settlement.place and anaphora.start() < 40:
        if _GAP_TO_PLACE.match(gap[: anaphora.start()]):
            before = text[trig.end() : trig.end() + anaphora.start()]
            precision = 2 if _PART_OF_GATE.search(before) or _CENTRE_AFTER.match(text, trig.end() + anaphora.end()) \
                else 1  # "held the city centre": a part of the town
            town = _town_of_region(ctx, sent, _in_the_war(ctx, sent, trig.start(), ctx.last_settlement))
            if anaphora.group(2):  # "retook the regional capital": the town the article called a capital
                town = _capital_told(ctx, sent, trig.start(), town)
            elif (anaphora.group(1) or "").lower() in ("town", "village") and town is not None:
                town = _small_town_told(ctx, sent, trig.start(), town)
            return [(town.text, town.place, precision)] if town is not None and town.place else []
    return _unnamed_sites(text, ctx, sent, trig.end(), clause[1])


#: After "the city", "the town": its centre, a part of it ("federal troops held the city centre").
_CENTRE_AFTER = re.compile(r"\s+(?:centre|center|heart|outskirts|suburbs|market|square)\b", re.I)
#: A settlement called a division's capital where it is named: "Bukavu, the capital of South Kivu province", "Goma,
#: the provincial capital", "the regional capital Mekelle", "Sittwe, Rakhine State's capital".
_CALLED_CAPITAL_AFTER = re.compile(r"\s*,\s*(?:the|its|a)\s+(?:[\w'’-]+\s+){0,3}?capital\b", re.I)
_CALLED_CAPITAL_BEFORE = re.compile(r"\bcapital,?\s+(?:of\s+)?$", re.I)


def _named_before(ctx: Context, sent: Sentence, pos: int) -> list[Mention]:
    """Return the settlements the article named before *pos*, latest first (the earlier sentences', then this one's)."""
    return [*reversed([m for m in sent.places if m.end <= pos]), *reversed(ctx.settlements)]


def _called_capital(text: str, m: Mention) -> bool:
    """Whether the article called the settlement *m* a capital where it named it ("Bukavu, the capital of ...")."""
    return bool(_CALLED_CAPITAL_AFTER.match(text, m.end) or _CALLED_CAPITAL_BEFORE.search(text, max(0, m.start - 20),
                                                                                          m.start))


def _capital_in(ctx: Context, sent: Sentence, pos: int, division: Place) -> Mention | None:
    """Return the last settlement named before *pos* that the article called a capital and that lies in *division*.

    "El Fasher, the capital of North Darfur, ... the army still holds the capital of North Darfur": El Fasher.
    With none called so, the last city (as the gazetteer counts one) named in *division* ("the M23 entered Goma ...
    completed their withdrawal from the chief town of North Kivu": Goma).
    """
    named = [m for m in _named_before(ctx, sent, pos)
             if m.place is not None and m.place.kind in SETTLEMENTS and _in_division(m.place, division)]
    return next((m for m in named if _called_capital(ctx.article.text, m)),
                next((m for m in named if m.place is not None and m.place.kind == "city"), None))


def _small_town_told(ctx: Context, sent: Sentence, pos: int, last: Mention) -> Mention:
    """Return the settlement "the town" or "the village" names back at *pos*.

    *last* (the last settlement named), unless the article called it a capital: then the last
    town or village named before it ("captured the town of
    Weldiya, a junction on the highway to the capital Addis Ababa ... denied the town had fallen":
    Weldiya), if any.
    """
    text = ctx.article.text
    if last.place is None or not _called_capital(text, last):
        return last
    return next((m for m in _named_before(ctx, sent, pos) if m.end <= last.start and m.place is not None
                 and (m.place.kind in ("town", "village") or _CALLED_TOWN_BEFORE.search(text, max(0, m.start - 30),
                                                                                        m.start))), last)


#: A settlement introduced as a town or village: "the town of Weldiya", "the strategic village of Krynky".
_CALLED_TOWN_BEFORE = re.compile(r"\bthe\s+(?:[\w-]+\s+){0,2}?(?:town|village)\s+of\s+$", re.I)


def _capital_told(ctx: Context, sent: Sentence, pos: int, last: Mention) -> Mention | None:
    """Return the settlement "the provincial capital" names back at *pos*, or None.

    The last settlement named before *pos* that the article called a capital ("M23 entered
    Bukavu, the capital of South Kivu province ... the army had abandoned the provincial
    capital": Bukavu, though villages were named after it); with none, *last* (the last
    settlement named) if the gazetteer counts it a city ("Fano fighters entered Bahir Dar ...
    federal troops retook the regional capital"); else None: a town or village last named is
    not taken for a division's capital.
    """
    called = next((m for m in _named_before(ctx, sent, pos) if m.place is not None and m.place.kind in SETTLEMENTS
                   and _called_capital(ctx.article.text, m)), None)
    if called is not None:
        return called
    return last if last.place is not None and last.place.kind == "city" else None


#: A named site owned by the town just told of: "the town's Grand Immaculate Church", "the city's Hotel Rwanda".
_TOWNS_OWN = re.compile(r"\bthe\s+(?:town|city|village|capital)['’]s\s+$", re.I)


def _in_the_war(ctx: Context, sent: Sentence, pos: int, last: Mention) -> Mention:
    """Return the settlement "the city" names back: *last*, unless it lies outside the war's countries.

    "The M23 withdrew from Goma after talks in Kampala. Police units entered the city": Goma, the
    last settlement named in the countries of the article's theatre, not Kampala, named only as
    where talks were held. With no theatre, or none named there, *last*.
    """
    if ctx.theatre is None or last.place is None or last.place.country in ctx.theatre.countries:
        return last
    return next((m for m in _named_before(ctx, sent, pos) if m.place is not None and m.place.kind in SETTLEMENTS
                 and m.place.country in ctx.theatre.countries), last)


def _town_of_region(ctx: Context, sent: Sentence, last: Mention) -> Mention:
    """Return the settlement "the city" names back in *sent*: *last*, the last one named, or the region's named in it.

    '"The enemy has entered the city," a council member in Jowzjan said', after Sheberghan (in
    Jowzjan) and then Zaranj were named: the city is Sheberghan, the last settlement named in
    the division the sentence names, when the last one named lies in another.
    """
    if last.place is None:
        return last
    regions = [m.place for m in sent.places if m.place is not None and m.place.kind == "admin1"]
    if not regions or any(_in_division(last.place, r) for r in regions):
        return last
    inside = [m for m in ctx.settlements if m.place is not None and any(_in_division(m.place, r) for r in regions)]
    return inside[-1] if inside else last


def _in_division(place: Place, division: Place) -> bool:
    """Whether *place* lies in the first-level *division* (by its country and its division's name)."""
    return place.country == division.country and bool(place.admin1) and place.admin1 == division.name


#: A people's adjective written before the noun of a place: "Iraqi", "Congolese", "Ukrainian", "Kurdish".
_DEMONYM = r"(?-i:[A-Z])(?-i:[a-z])+(?:i|ese|ian|an|ish)(?:-[a-z]+)?"
#: Head nouns of a site named by common words.
_SITE_HEADS = (r"palace|airport|airbase|airfield|headquarters|citadel|complex|offices?|refinery|prison|compound|"
               r"barracks|mosque|church|cathedral|hospital|building|city\s+hall|town\s+hall|stadium|museum|plant|factory|mine")
#: A site a town owns, named right after it: "Tripoli's international airport", "Khartoum's presidential palace".
_OWNED_SITE_AFTER = re.compile(r"['’]s\s+(?:(?!(?:and|or|the|in|of|which|that|who)\b)[\w-]+\s+){0,3}?"
                               rf"(?:{_SITE_HEADS}|base|camp|garrison)\b", re.I)
#: A site named by common nouns as the object ("the presidential palace", "Khartoum's international airport",
#: "its general command headquarters", "the government complex in the city centre"), and the ones listed after it.
_SITE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)?(?:the\s+|its\s+|their\s+)?"
                   r"(?P<np>(?:(?P<owner>(?-i:[A-Z])[\w-]+)['’]s\s+)?"
                   r"(?:(?!(?:and|or|the|a|an|in|inside|at|of|on|into|to|from|with|its|their)\b)[\w'’-]+\s+){0,3}?"
                   rf"(?P<head>{_SITE_HEADS})\b(?!\s+(?:town|city|village|district|area|road)\b)"
                   # whose, in common words: "the headquarters of the national radio and television corporation"
                   r"(?:\s+of\s+(?:the\s+)?(?:(?-i:[a-z])[\w'’-]*\s+){0,5}?(?-i:[a-z])[\w'’-]*"
                   r"(?=\s+(?:in|at|near|outside|on)\s|\s*[,.;]|\s*$))?)", re.I)
#: After a site: the town it is in ("in central Khartoum", "in the northern city of Merowe").
_SITE_TOWN = re.compile(r"\s+(?:in|at|of)\s+(?:the\s+)?(?:(?!(?:near|outside|after|before|with|and|or|but|while|as|"
                        r"since|during|despite|amid|from|to|by|for)\b)(?:(?-i:[a-z])[\w-]*|" + _DEMONYM
                        + r")\s+){0,5}$", re.I)
#: A name used as an adjective before the noun of a place: "the northern Iraqi town of", "the Russian-held city of".
_AS_ADJECTIVE = re.compile(r"(?:-[a-z]+)?\s+(?:(?-i:[a-z])[\w-]*\s+){0,2}?(?:town|city|village|port|capital|"
                           r"stronghold|hub|province|state|region|district|border)\s+of\b", re.I)


def _common_site(text: str, pos: int, hi: int) -> bool:
    """Whether a site named only by common words (an owner's name aside) begins at *pos* ("the presidential palace").

    Not "the headquarters of the army's Northeastern Command" (a named unit's) nor "the 16th
    Infantry Division headquarters" (a named facility): those are read as facilities.
    """
    m = _SITE.match(text, pos, hi)
    if m is None or re.match(r"\s+of\b", text[m.end() : m.end() + 4]):
        return False
    words = m.group("np").split()[1:] if m.group("owner") else m.group("np").split()
    return not any(w[:1].isupper() or w[:1].isdigit() for w in words)


def _unnamed_sites(text: str, ctx: Context, sent: Sentence, pos: int, hi: int,
                   home: Place | None = None) -> list[Target]:
    """Return the sites named by common nouns right after a trigger, each at its town as a part (precision 2).

    "seized the presidential palace, Khartoum's international airport": each site keeps its
    words as its name and is placed at the town that owns it ("Khartoum's"), the town after it
    ("in central Khartoum"), else the last settlement named.
    """
    listed: list[tuple[str, Mention | None]] = []
    while pos < hi:
        m = _SITE.match(text, pos, hi)
        if m is None or (listed and not m.group(0).lstrip().startswith((",", "and"))):
            break
        town = None
        if m.group("owner"):
            town = next((p for p in sent.places if p.start == m.start("owner")), None)
        if town is None:
            town = next((p for p in sent.places if m.end() <= p.start <= m.end() + 60
                         and _SITE_TOWN.match(text[m.end() : p.start]) and not _AS_ADJECTIVE.match(text, p.end)), None)
        name = m.group("np")
        if name.lower() == m.group("head").lower():  # a bare "the airport": named by its town, or too vague
            if town is not None and not m.group("owner") and _SITE_TOWN.match(text[m.end() : town.start]):
                name = f"{town.text} {name}"  # "the airport in the northern city of Merowe": Merowe airport
            elif re.search(r"\bits\s+$", text[m.start() : m.start("np")], re.I) and ctx.last_settlement is not None \
                    and ctx.last_settlement.place is not None:  # "three days after entering Goma, seized its airport"
                town = ctx.last_settlement
                name = f"{town.text} {name}"
            elif not listed and _site_told(ctx, sent, m.start(), site_key(name)) is not None:
                told = _site_told(ctx, sent, m.start(), site_key(name))  # "held Kavumu airport ... seized the
                return [told] if told is not None else []  # airport": the one named
            elif name.lower() not in ("citadel", "palace"):
                break
        listed.append((name, town))
        pos = m.end()
    found: list[Target] = []
    for k, (name, town) in enumerate(listed):  # a site with no town of its own: the next one's, else the last named
        town = town or next((t for _, t in listed[k + 1 :] if t is not None), None)
        place = town.place if town is not None else home or (ctx.last_settlement.place if ctx.last_settlement
                                                            else None)
        if place is None or place.kind == "country":
            return []
        if _SEAT_SITE.fullmatch(name):  # the seat is the town itself, named so
            seat = town or (ctx.last_settlement if home is None else None)
            found.append((seat.text if seat is not None else place.name, place, 1))
            continue
        found.append((name, place, 2))
    return found


#: The kinds of site "the airport" may name back: the words for one kind share a key.
_SITE_KEYS = {"airport": "air", "airfield": "air", "airbase": "air", "air base": "air"}
#: A site named by its name: "Kavumu airport", "Merowe Airport", "Kunduz airport" (its town's name and the kind).
_NAMED_SITE = re.compile(r"(?:\s+(?:international|military|civilian|main))?\s+(airport|airfield|airbase|air\s+base|"
                         rf"{_SITE_HEADS})\b", re.I)


def site_key(head: str) -> str:
    """Return the key of a kind of site ("airfield" and "airport" share one), folded."""
    word = " ".join(head.lower().split())
    return _SITE_KEYS.get(word, word)


def _site_told(ctx: Context, sent: Sentence, pos: int, key: str) -> tuple[str, Place, int] | None:
    """Return the site of kind *key* named last before *pos*: in *sent*, else in the sentences before it."""
    here = _sites_named(ctx.article.text, [m for m in sent.places if m.end <= pos])
    return here.get(key) or ctx.sites.get(key)


def _sites_named(text: str, places: Sequence[Mention]) -> dict[str, tuple[str, Place, int]]:
    """Return the sites *places* name by their names, by kind (:func:`site_key`), the last of each kind.

    A place of the gazetteer named so ("Kavumu Airport"), at precision 1; a settlement's name before
    the kind ("Kunduz airport"), its site at precision 2.
    """
    out: dict[str, tuple[str, Place, int]] = {}
    for m in places:
        if m.place is None:
            continue
        own = _NAMED_SITE.search(m.text)
        if own is not None and own.end() == len(m.text) and m.place.kind not in SETTLEMENTS:
            _add_site(out, own.group(1), (m.text, m.place, 1))
            continue
        after = _NAMED_SITE.match(text, m.end)
        if after is not None:  # "Kunduz airport": the town's, as a part; "al-Watiya air base": the base itself
            itself = m.place.kind not in SETTLEMENTS
            _add_site(out, after.group(1), (text[m.start : after.end()], m.place, 1 if itself else 2))
            continue
        before = _SITE_AT_GATE.search(text, max(0, m.start - 40), m.start)
        if before is not None:  # "the airport at Kavumu": the airport (or the town's, as a part)
            itself = m.place.kind not in SETTLEMENTS
            out[site_key(before.group(1))] = (m.text if itself else f"{m.text} {before.group(1)}", m.place,
                                              1 if itself else 2)
    return out


#: A site named by its town after it: "the airport at Kavumu", "the military airport of Merowe".
_SITE_AT = re.compile(r"\bthe\s+(?:(?:international|military|civilian|main)\s+)?(airport|airfield|airbase|air\s+base)"
                      r"\s+(?:at|in|of|near)\s+$", re.I)
_SITE_AT_GATE = LiteralGate(_SITE_AT)


def _add_site(out: dict[str, tuple[str, Place, int]], head: str, site: tuple[str, Place, int]) -> None:
    """Note *site* under its kind; an air base is "the base" too ("al-Watiya air base ... withdrew from the base")."""
    out[site_key(head)] = site
    if re.fullmatch(r"air\s*base", head, re.I):
        out["base"] = site


def remember_sites(ctx: Context, sent: Sentence) -> None:
    """Note the sites *sent* names by their names, for "the airport" told later (:attr:`Context.sites`)."""
    ctx.sites.update(_sites_named(ctx.article.text, sent.places))


#: A site that is a district's or province's seat, the town itself: "the district headquarters" (the usage of
#: Mozambican, Afghan and South Asian reporting), "the provincial headquarters".
_SEAT_SITE = re.compile(r"(?:the\s+)?(?:district|provincial|regional|municipal|county|township)\s+headquarters", re.I)


def _facility(text: str, ctx: Context, sent: Sentence, trig: re.Match[str],
              clause: tuple[int, int]) -> list[Target]:
    """Return a named facility as the object ("overran the 17th Division base outside Raqqa"), at its town as a part."""
    found = facility_after(text, trig.end(), clause[1])
    if found is None:
        return []
    countries = (*ctx.theatre.countries, *ctx.theatre.context_countries) if ctx.theatre else ()
    inside = [m for m in sent.places if trig.end() <= m.start < found.end and m.place
              and (not countries or m.place.country in countries)]
    then = [m for m in sent.places if found.end <= m.start <= found.end + 2 and m.place] if found.then_place else []
    if not then and found.then_place:  # "... headquarters in Maungdaw": a town the gazetteer does not know
        then = [m for m in proper_after(text, found.end, found.end + 60, _taken(sent)) if m.start <= found.end + 2]
    if not found.name:  # "the army's base at Boulkessi": the place named after it, as a part
        if not then or then[0].place is not None and then[0].place.kind == "country":
            return []
        if _NEAR_TOWN.search(text, trig.end(), then[0].start):
            return []  # "a checkpoint near the town of Zawiya": ground outside the town, no part of it
        if then[0].place is None:
            return [(then[0].text, None, 2)]
        return [(m.text, m.place, 2) for m in coordinated(text, sent.places, then[0], clause[1])  # "the army camps
                if m.place is not None and m.place.kind != "country"  # at Bourem and Lere": each; not the state
                and (m is then[0] or contained(text, sent.places, m) is None)]  # of "a base in Marte, Borno State,"
    where = then[0] if then else inside[-1] if inside else ctx.last_settlement
    if where is not None and where.place is None and where.cue == UNPLACED:
        return [(found.name, None, 2)]
    if where is None or where.place is None or where.place.kind == "country":
        return []
    if where is not ctx.last_settlement and where.place.kind in SETTLEMENTS:
        ctx.last_settlement = where
    own = where in inside and where.place.kind not in SETTLEMENTS and where.place.kind != "admin1"
    targets: list[Target] = [(found.name, where.place, 1 if own else 2)]
    located = then and _LOCATED.search(text[max(0, then[0].start - 40) : then[0].start])
    pos = then[0].end if located else found.end  # after "... base in Babanusa"
    while pos < clause[1]:  # "seized the Nineveh provincial government headquarters, Mosul airport and ..."
        joint = _FACILITY_JOINT.match(text, pos, clause[1])
        start = joint.end() if joint else pos
        following = facility_after(text, start, clause[1])
        if following is None or not following.name:
            break
        named = [m for m in sent.places if start <= m.start < following.end and m.place
                 and m.place.kind != "country"]
        targets.append((following.name, (named[-1] if named else where).place, 2))
        pos = following.end
    return targets


#: Before the town after a facility that stands outside it: "a checkpoint near the town of", "a base outside".
_NEAR_TOWN = re.compile(r"\b(?:near|outside|close\s+to|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)\s+"
                        r"(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:city|town|village|capital)\s+of\s+)?$", re.I)
#: A town after a facility: "... base in", "... headquarters at the".
_LOCATED = re.compile(r"\b(?:in|at|of|outside|near|on|inside)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$", re.I)
#: Between two facilities of a list: ", ", " and ", ", and ".
_FACILITY_JOINT = re.compile(r"\s*(?:,\s*)?(?:and\s+)?")


def _noun_phrase(words: str) -> str:
    """Return the noun phrase from its determiner on ("that the artillery base" -> "the artillery base")."""
    m = _LAST_DETERMINER.search(words)
    return words[m.start():].strip() if m else words.strip()


def _landmark(ctx: Context, match: re.Match[str]) -> list[Target]:
    """Return an unnamed landmark ("the artillery academy") as a part of the last settlement named."""
    if not (ctx.last_settlement and ctx.last_settlement.place):
        return []
    words = [w for w in match.group(0).split() if w.lower() not in {"the", "a", "an", "major", "key", "main"}]
    for word in reversed(words):
        part = ctx.gazetteer.part_named(ctx.last_settlement.place, word)
        if part is not None:
            ctx.last_landmark = part
            return [(_noun_phrase(match.group(0)), part, 1)]
    if ctx.last_landmark is not None and words and words[-1].lower() in _GENERIC_SITES:
        return [(_noun_phrase(match.group(0)), ctx.last_landmark, 1)]
    return []
