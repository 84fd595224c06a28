"""A shallow reading of the clause around an event trigger.

No tagger or parser model is loaded: English news clauses about territory are read with
closed word classes (determiners, prepositions, auxiliaries, modals, place-type and
facility nouns) around the trigger, the places the gazetteer found and the factions the
theatre names (``benchmarks/README.md`` says why and what it costs). What it reads:

* **the object** of an active trigger: the places after it, reached through determiners,
  modifiers and "X of" heads ("have taken full control of *the centre of* Tadef", "pulled
  back from *the battered eastern town of* Marinka"), with coordinated places ("A, B and
  the villages of C and D", "including E") and appositions;
* **a facility as object** ("overran the 17th Division's base outside Raqqa", "seized the
  headquarters of the army's First Infantry Division"): its name is kept, and it is placed
  at the town the phrase names (or the last one named), as a part of it;
* **the antecedent of a relative clause** ("Raqqa, which the SDF took in 2017", "the
  palace that his troops recaptured", "Nyala, where clashes ..."): the object of a trigger
  that has none after it;
* **the source** of a change ("seized the hamlets *from the M23*") and the factions that
  only modify another ("troops *backed by* US air power", "factions *hostile to* the
  government");
* **irrealis**: a gerund or nominal trigger that is the subject of a modal or of an aim
  ("Seizing Kidal would ...", "Retaking Marawi was the goal", "the fall of Homs would");
* **a container named after the place** ("Rubaya, in Masisi territory", "Kyaukme in
  northern Shan State", "Sinja, the capital of Sennar State"): the division locates the
  place before it and is neither the object nor the antecedent of "the town" or "which";
* **names that are not places** ("HTS leader Abu Mohammed al-Jawlani", "Halab Today TV",
  "the Kyiv Independent") and **datelines** ("KYIV, Feb 17 (Reuters) -"): such mentions are
  dropped before any rule sees them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from gazetteer import Mention
from gazetteer.resolver import given_names
from geo.extract.prefilter import LiteralGate

__all__ = ["Facility", "UNPLACED", "OBJECT_GAP", "COORDINATION", "OUTSIDE", "OUTSIDE_HEADS", "antecedent", "contained",
           "contact_relative", "coordinated", "dateline_end", "facility_after", "irrealis", "modifier_actor",
           "names_a_facility", "not_a_place", "object_gap",
           "proper_after", "proper_before", "relative_pronoun", "scare_quotes_blanked", "source_actor", "uncontained"]

_DESCRIPTOR = (r"border|port|mining|market|oil|key|strategic|nearby|neighbou?ring|northern|southern|eastern|western|"
               r"central|north-?\w*|south-?\w*|small|smaller|larger|largest|chief|principal|administrative|provincial|regional|"
               r"state|district|frontline|"
               r"headquarters|"
               r"front-line|garrison|nearby|besieged|battered|embattled|two|three|four|five|several|other|remaining|"
               r"last|key|main|major|rural|industrial|historic|ancient|(?-i:old)|coastal|desert|mountain|hilltop|riverside|"
               r"ruby-mining|gold-mining|logistics|transport|road|railway|rail|trade|commercial|"
               r"refinery|[\w]+-mining|farming|agricultural|fishing|trading|former|royal|holy|temple|pilgrimage|"
               r"strategically|important|vital|largest|biggest|second-largest|tiny|sprawling|predominantly|mostly|"
               r"Shia|Shiite|Sunni|Christian|Druze|Alawite|Yazidi|Arab|Turkmen|Tuareg|Kachin|Karen|Rakhine|Shan|"
               r"Kurdish-majority|Arab-majority|Christian-majority|\w+-majority|\w+-(?-i:[a-z])+ed|\w+-run")
_PLACE_NOUN = (r"town|city|village|settlement|hamlet|locality|district|micro-?district|ward|township|province|region|"
               r"state|area|suburb|"
               r"neighbou?rhood|quarter|capital|hub|county|municipality|commune|island|oasis|crossroads|"
               r"stronghold|bastion|enclave|centre|center|heart|outpost|hill|height|ridge|mountain|valley|"
               r"farm|oilfield|field|port|crossing|junction|community|urban-type\s+settlement|selo|posyolok|kishlak")
#: Place nouns that head a list item ("and the villages of"), not a description ("the capital of").
_LIST_NOUN = (r"town|city|village|settlement|hamlet|locality|district|township|province|region|state|area|suburb|"
              r"neighbou?rhood|quarter|county|municipality|commune|island|oasis|hill|height|farm|oilfield|field|"
              r"port|crossing")
#: Nouns of ground outside a place: its outskirts, edges, approaches.
OUTSIDE_HEADS = (r"outskirts|edges?|gates?|countryside|vicinity|approaches|perimeter|environs|surroundings|fringes?|"
                 r"doorstep")
#: Heads that put a place outside the statement: fighting "on the outskirts of" a town does not change who holds it.
OUTSIDE = re.compile(rf"\b(?:{OUTSIDE_HEADS}|direction|outside|near|towards?)\b[^.]{{0,20}}$", re.I)
#: Words between an active trigger and its object: determiners, modifiers and "X of" heads, not verbs; the
#: closing quote of a verb in scare quotes ('had "liberated" Vuhledar').
OBJECT_GAP = re.compile(
    r"^[\"”’]?\s*(?:(?:the|a|an|its|their|his|her|all|both|most|much|rest|part|parts|half|portion|swathes?|section|"
    r"sides?|slopes?|summit|peak|"
    r"control|full|complete|total|entire|whole|large|significant|some|much|positions|number|two|three|more|than|"
    r"nearly|almost|about|around|roughly|"
    r"(?:one-|two-)?thirds?|(?:three-)?quarters|"  # "about a third of Vovchansk", "two-thirds of El Fasher"
    r"\d[\d.,]*\s*(?:%|per\s*cent)(?=\s+of\b)|"  # "more than 90 percent of Donetsk region"
    r"(?-i:[a-z]+(?:-[a-z]+)+)(?=\s+(?:" + _PLACE_NOUN + r")\b)|"  # "the oil-rich town of", "the long-contested"
    r"parts|remaining|(?:[\w-]+['’]s?)|[\w-]+(?:ian|ese|ish|ean|i)|(?-i:[A-Z])[\w-]*an|" + _DESCRIPTOR + r"|"
    r"(?:" + _PLACE_NOUN + r")" +
    # a side's name before its positions: "the last Islamic State positions in", "the remaining junta lines in"
    r"s?|[\w'’-]+(?=(?:\s+[\w'’-]+){0,2}\s+(?:positions|lines|defen[cs]es|strongholds|bastions|pockets|holdouts)\b)" +
    r"s?|in|of|over|on|inside|within|"
    r"at)\s*,?\s+)*$", re.I)
#: A common plural object coordinated before a place: "dozens of army posts and", "more than 100 military outposts
#: and", "several villages as well as".
_COMMON_CONJUNCT = re.compile(
    r"^\s*(?:(?:more|fewer|less)\s+than\s+|over\s+|nearly\s+|almost\s+|about\s+|at\s+least\s+|some\s+)?"
    r"(?:(?:\d[\d,]*|dozens|scores|hundreds|several|many|numerous|two|three|four|five|six|seven|eight|nine|ten|"
    r"a\s+(?:number|string|series|handful|dozen))\s+(?:of\s+)?)?(?:the\s+|its\s+|their\s+)?"
    r"(?:(?-i:[a-z])[\w-]*\s+){0,3}?(?-i:[a-z])[\w-]*(?<=[a-z]s)\s*,?\s+(?:and|as\s+well\s+as|plus)\s+"
    r"(?=(?:the|a|an|its|their)\s)", re.I)
_VERBISH = re.compile(r"\b(?:\w+ed|said|says|and|or|but|from|by|near|outside|after|before|with|without|"
                      r"between|against|which|that|who|where|when|while|as|than)\s*,?\s+$", re.I)
#: The text between two coordinated places ("X and Y", "X, Y", "X as well as the town of Y", "X and of Y").
COORDINATION = re.compile(
    r"^(?:\s+(?:region|province|oblast|governorate|state))?\s*(?:(?:,\s*)?(?:and|or|as\s+well\s+as|plus|then|and\s+then)\s+(?:also\s+)?"
    r"(?:(?:of|in|from|on|over|into)\s+)?|,?\s+(?:including|along\s+with)\s+|,\s*|\s*\(\s*|"
    r"\s*\)\s*,?\s*(?:and\s+)?)(?:(?:most|much|all|parts?|half|the\s+rest|"
    # a share of the next item: "about 80 percent of Toretsk and about a third of Chasiv Yar"
    r"(?:(?:(?:more|less)\s+than|nearly|almost|about|around|roughly|some)\s+)?(?:\d[\d.,]*\s*(?:%|per\s*cent)|"
    r"(?:a\s+|one-|two-)?thirds?|(?:a\s+|three-)?quarters?))\s+of\s+)?"
    r"(?:the\s+)?(?:(?:" + _DESCRIPTOR + r")\s+){0,2}(?:(?:" + _LIST_NOUN + r")s?\s+of\s+)?$", re.I)
#: An apposition after a place, up to (not including) the comma that closes it: ", about 60km to the west", ", the
#: Kachin State capital", ", west of Kirkuk", ", near Goma" (not a list item: ", the town of X").
_APPOSITION_SPAN = re.compile(r",\s+(?:(?:a|an|the|about|some|around|nearly|roughly|almost|its|their|home\s+to|"
                              r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of|near|outside|in|close\s+to|just)\s+"
                              r"(?!(?:" + _LIST_NOUN + r")s?\s+of\b)|\d|"
                              # a possessive description: ", Afghanistan's second-largest city,"
                              r"(?-i:[A-Z])[\w-]*(?:\s+[\w-]+)?['’]s\s+(?:[\w-]+\s+){0,2}?"
                              r"(?:" + _LIST_NOUN + r"|capital|hub|port|stronghold|gateway)\b)"
                              r"[^,;()]{0,80}?(?=,)", re.I)
#: After an unnamed object, the places it includes: "much of the north-east, including Raqqa".
_INCLUDING_GAP = re.compile(r"^[^.;:]{0,60}?,?\s+(?:including|notably|among\s+them|such\s+as)\s+(?:the\s+)?"
                            r"(?:(?:" + _LIST_NOUN + r")s?\s+of\s+)?$", re.I)
#: An apposition between two coordinated places: "Mogok, a ruby-mining hub, and Kyaukme".
_APPOSITION = re.compile(r"^\s*,\s*(?:a|an|the)\s+[^,;()]{1,60},\s*(?:and\s+)?(?:the\s+)?$", re.I)

_FACILITY_HEAD = (r"base|bases|headquarters|HQ|airport|airbase|air\s+base|airfield|barracks|command|division|"
                  r"brigade|battalion|regiment|garrisons?|camps?|refinery|oilfields?|oil\s+field|palace|crossings?|"
                  r"university|academy|dam|prison|complex|compound|power\s+station|power\s+plant|military\s+college|"
                  r"checkpoint|port|harbour|bridge|station|fort|citadel|office|mosque|church|cathedral|monastery|shrine|hospital|"
                  r"building|city\s+hall|town\s+hall|stadium|school|factory|plant|museum|mine|quarry")
#: A named facility after a trigger: "the army's 15th Infantry Division base in", "the headquarters of the
#: military's Northeastern Command in", "Kavumu airport near".
_FACILITY = re.compile(
    r"\s*(?:the\s+)?(?:(?:(?-i:[a-z])[\w-]*\s+){0,2}?(?-i:[a-z])[\w-]*['’]s?\s+)?"
    r"(?:(?P<lead>(?:headquarters|HQ|base|garrison|camp)\s+of\s+(?:the\s+)?(?:[\w-]+['’]s?\s+)?))?"
    r"(?P<name>(?:(?!(?:and|or)\s)[\w'’-]+\s+){0,5}(?:" + _FACILITY_HEAD + r"))\b"
    r"(?:(?:\s+(?:of|in|at|outside|near|on|inside)\s+(?:the\s+)?(?:(?:" + _DESCRIPTOR + r"|(?:" + _PLACE_NOUN + r")" +
    r")s?\s+)*(?:of\s+)?)|\s*,\s*)?", re.I)
_NAME_GOES_ON = re.compile(r" (?-i:[A-Z])[\w'’-]|-\w")
#: A port named by its town after it: "port of Tartus", "harbour of Berbera".
_PORT = re.compile(r"\b(?:port|harbou?r)$", re.I)
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?(?-i:[A-Z])", re.I)
_STOP_WORDS = frozenset({"the", "a", "an", "and", "or", "of", "in", "at", "on", "to", "from", "with", "its", "their",
                         "his", "her", "all", "most", "control", "full", "complete", "total", "over"})
_PROPER = re.compile(r"^(?:[A-Z0-9][\w'’-]*|al-[A-Z][\w'’-]*|\d+\w*)$")
_FACILITY_WORD = re.compile(r"^(?:" + _FACILITY_HEAD + r")$", re.I)
_FACILITY_END = re.compile(r"\b(?:" + _FACILITY_HEAD + r")$", re.I)


def names_a_facility(name: str) -> bool:
    """Whether *name* ends with a facility's head noun ("presidential palace", "Antonivskyi bridge", "Baiji refinery").

    Examples
    --------
    >>> names_a_facility("Antonivskyi bridge"), names_a_facility("Khartoum")
    (True, False)
    """
    return _FACILITY_END.search(name) is not None


@dataclass(frozen=True, slots=True)
class Facility:
    """A named facility after a trigger: its name as kept, where its phrase ends, and the place word after it."""

    name: str
    end: int
    then_place: bool


def object_gap(gap: str) -> bool:
    """Whether *gap* (the text between a trigger and a place) keeps the place the trigger's object.

    Determiners, possessives, modifiers and "X of" heads pass ("full control of the centre of");
    verbs, other prepositions and heads outside the place ("the outskirts of") do not.

    Examples
    --------
    >>> object_gap(" full control of the centre of "), object_gap(" the outskirts of ")
    (True, False)
    """
    if _INCLUDING_GAP.match(gap) and not OUTSIDE.search(gap):
        return True  # "holds much of the north-east, including Raqqa"
    conjunct = _COMMON_CONJUNCT.match(gap)
    if conjunct is not None and conjunct.end() < len(gap):
        gap = gap[conjunct.end() - 1 :]  # "overran dozens of army posts and the town of Hsenwi": the town too
    if not OBJECT_GAP.match(gap) or OUTSIDE.search(gap):
        return False
    return not _VERBISH.search(gap) or not gap.strip()


def coordinated(text: str, places: Sequence[Mention], first: Mention, hi: int,
                skip: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    """Return *first* and the places coordinated with it before *hi* ("A, B and the villages of C").

    Spans in *skip* (time expressions) and appositions ("Tal Afar, about 60km to the west, and
    Hawija"; "Myitkyina, the Kachin State capital, and Bhamo") are left out of the text between two
    places, and the places inside an apposition are not coordinated.
    """
    appositions = [(m.start(), m.end()) for m in _APPOSITION_SPAN.finditer(text, first.end, hi)]
    skip = [*skip, *appositions]
    chosen = [first]
    last = first.end  # the end of the last item, or of the division that located it
    for m in places:
        if m.start < last or m.start >= hi or any(s <= m.start < e for s, e in appositions):
            continue
        gap = _without(text, last, m.start, skip)
        if last == chosen[-1].end and _LOCATED_IN.fullmatch(gap) and m.place is not None \
                and m.place.kind in _DIVISION_KINDS and chosen[-1].place is not None \
                and chosen[-1].place.kind not in _DIVISION_KINDS:
            last = m.end  # "Ivanivka in the Donetsk region and Kalynove": the region locates the item; the list goes on
            continue
        if not (COORDINATION.match(gap) or _APPOSITION.match(gap)) or _SAYS_AFTER.match(text, m.end):
            break  # ("... to the town of Sinja, SUNA said": the speaker, not a place)
        chosen.append(m)
        last = m.end
    return chosen


#: Between a list's item and the division that locates it: "Ivanivka in the Donetsk region", "Mellit in North Darfur".
_LOCATED_IN = re.compile(r"\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central)[\w-]*\s+)?", re.I)
_DIVISION_KINDS = frozenset({"admin1", "admin2", "region"})


#: A verb of saying right after a name, or after the words it heads: a speaker ("SUNA said", "the Kharkiv regional
#: governor said").
_SAYS_AFTER = re.compile(r"(?:\s+(?!(?:and|or|was|were|is|are|has|have|had|which|who|that|as|after|in|on|of|to)\b)"
                         r"[\w'’-]+){0,4}?\s+(?:said|says|reported|reports|quoted|added|announced|stated|told)\b", re.I)


def _without(text: str, lo: int, hi: int, skip: Sequence[tuple[int, int]]) -> str:
    """Return ``text[lo:hi]`` without the spans of *skip* inside it."""
    parts, at = [], lo
    for s, e in sorted(skip):
        if s >= at and e <= hi:
            parts.append(text[at:s])
            at = e
    parts.append(text[at:hi])
    return "".join(parts)


def facility_after(text: str, pos: int, hi: int) -> Facility | None:
    """Return the named facility that begins right after *pos* (a trigger's end), if any.

    The name keeps the proper words and the head noun as written ("the army's 15th Infantry
    Division base" -> "15th Infantry Division base"; "the headquarters of the military's Western
    Regional Command" -> "Western Regional Command"); a facility with no proper word ("the
    army base") is no name: it is returned with an empty name when a place follows it ("the
    army's base at Boulkessi"), which is then the place of the event.

    Examples
    --------
    >>> f = facility_after("overran the army's 15th Infantry Division base in Ardamata", 7, 60)
    >>> f.name, f.then_place
    ('15th Infantry Division base', True)
    """
    m = _FACILITY.match(text, pos, hi)
    if m is None or _NAME_GOES_ON.match(text, m.end("name")):
        return None  # "Port Sudan", "Camp Lemonnier", "Port-au-Prince", "Fort-Liberté": the head word begins a name
    if _PORT.search(m.group("name")) and _OF_NAME.match(text, m.end("name")):
        return None  # "the Syrian port of Tartus", "the Red Sea port of Hodeidah": the port town itself
    tail = text[m.end("name") : m.end()]
    then_place = bool(tail.strip(" ,")) or tail.endswith(" ")
    words = [w.rstrip(",") for w in m.group("name").split()]
    if not _FACILITY_WORD.match(" ".join(words[-1:])) and not _FACILITY_WORD.match(" ".join(words[-2:])):
        return None
    unnamed = Facility("", m.end(), then_place) if re.search(r"\b(?:in|at|outside|near)\s", tail) else None
    if not any(_PROPER.match(w) for w in words):
        return unnamed
    # the words next to the head back to a determiner or a possessive; leading common words dropped
    kept: list[str] = []
    for w in reversed(words):
        if w.lower() in _STOP_WORDS or re.search(r"['’]s?$", w) and not _PROPER.match(w.rstrip("'’s")):
            break
        kept.insert(0, w)
        if re.search(r"['’]s?$", w) and not _PROPER.match(w):
            break
    while kept and not (_PROPER.match(kept[0]) or len(kept) == 1):
        kept.pop(0)
    if not any(_PROPER.match(w) for w in kept):
        return unnamed
    # the name as written: "the 17th Division's base" -> "17th Division's base"; "the headquarters of the
    # army's First Infantry Division" -> "First Infantry Division" (the unit names its headquarters)
    name_end = m.end("name")
    written = text[m.start("name") : name_end].rstrip(",")
    at = written.rfind(" ".join(kept[:1]))
    name = written[at:] if at >= 0 and written[at:].split() == kept else " ".join(kept)
    return Facility(name, m.end(), then_place)


_MODAL_AFTER = re.compile(r"[^.;]{0,120}?\b(?:would|could|might|will|(?-i:may)|was\s+(?:the|their|its)\s+(?:goal|aim|"
                          r"objective|prize)|is\s+(?:the|their|its)\s+(?:goal|aim|objective)|remains?\s+(?:the|their|"
                          r"its)\s+(?:goal|aim|objective))\b", re.I)
_SUBJECT_START = re.compile(r"(?:^|[.!?,;:–—(\"“]|\b(?:that|and|but|said|says|while|as)\s)\s*"
                            r"(?:the\s+|its\s+|their\s+|his\s+|any\s+|a\s+|(?:[\w-]+['’]s?\s+)?)?"
                            r"(?:(?:announced|planned|promised|proposed|possible|expected|intended|eventual)\s+)?$",
                            re.I)
#: A deed praised or thanked for is done: "congratulated the armed forces on retaking", "praised the SNA for capturing".
_PRAISED_FOR = re.compile(r"\b(?:congratulat\w*|prais\w*|thank\w*|commend\w*|hail\w*|celebrat\w*|honou?r\w*|"
                          r"salut\w*|credit\w*|award\w*)\b[^.;:]{0,60}?\b(?:on|for)\s+$", re.I)
_PURPOSE_BEFORE = re.compile(r"\b(?:towards?|for|on|about|from|of|at|in)\s+$|\bthe\s+way\s+(?:to|towards?)\s+$", re.I)


def irrealis(text: str, lo: int, trig_start: int, trig_text: str, sent_end: int) -> bool:
    """Whether a gerund or nominal trigger is a hypothesis or an aim, not a fact.

    "Seizing Kidal would hand ...", "Retaking Marawi was the goal ...", "the fall of Homs would",
    "opens the way towards liberating Mosul", "bent on retaking": the trigger is an ``-ing`` form
    or a noun ("fall of", "capture of") that is the subject of a modal or an aim, or the object
    of a preposition of purpose.
    """
    word = trig_text.split()[0].lower()
    nominal = trig_text.lower().endswith(" of") or trig_text.lower().endswith(" from")
    if not (word.endswith("ing") or nominal):
        return False
    before = text[max(lo, trig_start - 40) : trig_start]
    if word.endswith("ing") and _PURPOSE_BEFORE.search(before) and not re.search(r"\bafter\s+$", before, re.I) \
            and not _PRAISED_FOR.search(text, max(lo, trig_start - 80), trig_start):
        return True
    if not _SUBJECT_START.search(text[max(lo - 2, trig_start - 40) : trig_start]):
        return False
    return bool(_MODAL_AFTER.match(text, trig_start + len(trig_text), sent_end))


_PASSIVE_BEFORE = re.compile(r"\b(?:been|was|were|is|are|be)\s+(?:\w+\s+)?$")  # not "IS", the group
_ANTECEDENT_END = re.compile(r"(?:,\s*|\s+)(?:which|that|where)\s+(?:[\w'’-]+\s+){0,6}$|"
                             r",\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:city|town|village|district|settlement|base|"
                             r"region|province|stronghold)\s+(?:[\w'’-]+\s+){1,5}$", re.I)


def antecedent(text: str, places: Sequence[Mention], sent_start: int, trig_start: int) -> Mention | None:
    """Return the place a relative clause hangs on when its trigger has no object after it.

    "Raqqa, which the SDF wrested from Islamic State", "Masisi-centre, which they have held
    since January", "Nyala, where clashes broke out": the place right before "which", "that"
    or "where"; or before an apposition whose relative pronoun is left out ("Raqqa, a city
    Islamic State has held since January").
    """
    m = _ANTECEDENT_END.search(text, sent_start, trig_start)
    if m is None or _PASSIVE_BEFORE.search(text, m.start(), trig_start):
        return None
    before = [p for p in places if p.end <= m.start() and m.start() - p.end <= 40]
    if not before:
        return None
    last = before[-1]
    between = text[last.end : m.start()]
    if re.search(r"[;:]|\b(?:and|but|or|said|says)\b", between):
        return None
    described = _APPOSED_HEAD.search(text, max(sent_start, last.start - 60), last.start)
    if described is not None and last.place is not None and last.place.kind in _AREA_KINDS:
        head = [p for p in places if p.end <= described.start()]
        if head and not text[head[-1].end : described.start()].strip():
            return head[-1]  # "Harardhere, a coastal town in Galmudug state that al Shabaab had controlled": the town
    return contained(text, places, last) or last  # "Kyaukme in northern Shan State, which had been occupied"


#: An apposition whose noun a region after it locates, up to the region: ", a coastal town in ", ", the main city of
#: northern ".
_APPOSED_HEAD = re.compile(r",\s*(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?:town|city|village|settlement|port|hub|capital|"
                           r"stronghold)\s+(?:in|of)\s+(?:the\s+)?(?:(?-i:[a-z])[\w-]*\s+){0,2}$", re.I)
#: Between a place and the division it lies in: "Rubaya, in", "Kyaukme in northern", "Geidam in neighbouring",
#: "Sinja, the capital of".
_QUARTER = r"(?:the\s+)?(?:(?:north|south|east|west|central|upper|lower|neighbou?ring|nearby|adjacent)[\w-]*\s+){0,2}"
_CONTAINER_GAP = re.compile(rf"^(?:\s*,)?\s+(?:in|of)\s+{_QUARTER}$|"
                            r"^\s*,\s*(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:capital|centre|center|seat|heart)\s+of\s+"
                            rf"{_QUARTER}$", re.I)
_QUARTER_IN = re.compile(r",?\s+in\s+(?:the\s+)?(?:north|south|east|west|central)[\w-]*\s+", re.I)
_DIVISION_AFTER = re.compile(r"\s+(?:territory|province|governorate|state|region|oblast|district|township|county|"
                             r"prefecture|department|raion|municipality)\b", re.I)
_AREA_KINDS = frozenset({"admin1", "admin2", "region"})
#: What follows a division set off by commas after a town, when it only locates it: a comma not opening a list's
#: last item, or the sentence's end ("Nyala, South Darfur, on Thursday"; not "Nyala, South Darfur and Zalingei").
_APPOSED_AREA_END = re.compile(r"\s*(?:[.;:!?]|$|,(?!\s*(?:and|or)\b))")



def contained(text: str, places: Sequence[Mention], m: Mention) -> Mention | None:
    """Return the place *m* is named as the division of, or None when *m* is no container.

    "the town of Rubaya, in Masisi territory", "Kyaukme in northern Shan State", "Sinja, the
    capital of Sennar State", "Pangwa in Kachin State's Chipwi Township": a division (by the
    gazetteer's kind or the word after it) named right after a place, which it locates.
    """
    before = [p for p in places if p.end <= m.start and m.start - p.end <= 60]
    if not before:
        return None
    last = before[-1]
    gap = text[last.end : m.start]
    area = m.place is not None and m.place.kind in _AREA_KINDS or _DIVISION_AFTER.match(text, m.end)
    if not area and not _QUARTER_IN.fullmatch(gap):  # "Khan Shaykhun in southern Idlib": the province's quarter
        return None
    if re.fullmatch(r"['’]s?\s+", gap):  # "Kachin State's Chipwi Township": the state's container chain
        return contained(text, places, last)
    if (area and re.fullmatch(r"\s*,\s*", gap) and _APPOSED_AREA_END.match(text, m.end)
            and m.place is not None and last.place is not None and m.place.country == last.place.country
            and last.place.kind not in _AREA_KINDS):
        return last  # "Marte, Borno State, on Friday", "El Fasher, North Darfur, remains": the state locates the town
    return last if _CONTAINER_GAP.match(gap) else None


def uncontained(text: str, places: Sequence[Mention], chosen: Sequence[Mention]) -> list[Mention]:
    """Return *chosen* with each container replaced by the place it locates (once, in text order)."""
    out: list[Mention] = []
    for m in chosen:
        inner = contained(text, places, m)
        m = inner if inner is not None else m
        if m not in out:
            out.append(m)
    return out


_SOURCE = re.compile(r"(?<!\bsupport\s)(?<!\bcover\s)(?<!\bhelp\s)(?<!\bbacking\s)(?<!\bassistance\s)"
                     r"(?<!\breinforcements\s)(?<!\bstrikes\s)(?<!\bfire\s)"
                     # members of a side, not a source: "fighters from the Arakan Army", "troops from the Rwandan army"
                     r"(?<!\bfighters\s)(?<!\btroops\s)(?<!\bsoldiers\s)(?<!\bmilitants\s)(?<!\brebels\s)"
                     r"(?<!\bunits\s)(?<!\bmembers\s)(?<!\bmilitiamen\s)(?<!\bcommanders\s)"
                     r"(?<!\bgunmen\s)(?<!\binsurgents\s)(?<!\bjihadists\s)(?<!\bparamilitaries\s)"
                     r"\bfrom\s+(?:the\s+)?$|\b(?:cleansed|cleared|purged|freed|rid|emptied)\s+"
                     r"(?:(?!of\b)[\w'’-]+\s+(?:of\s+(?:[\w'’-]+\s+){1,3}?)?){0,4}?of\s+(?:the\s+)?"
                     r"(?:(?:remnants|remains|last)\s+of\s+(?:the\s+)?)?(?:[\w-]+\s+){0,2}?$", re.I)
_MODIFIER = re.compile(r"\b(?:backed|supported|aided|assisted|helped|accompanied|allied|aligned|affiliated|loyal|"
                       r"hostile|opposed|opposing)\s+(?:\w+\s+)?(?:by|to|with)\s+(?:the\s+)?$|\b(?:against|with|"
                       r"alongside|besides?|of)\s+(?:the\s+)?$", re.I)
#: "of" after a number or a unit of fighters, or control, makes the side the head: "dozens of IS militants", "forces of
#: the SDF", "under the control of the separatists" (not "the headquarters of the army's command"); so do fighters
#: "loyal to" it ("fighters loyal to the GNU").
_PART_OF = re.compile(r"\b(?:dozens|hundreds|thousands|scores|tens|some|many|most|all|several|groups?|units?|"
                      r"fighters|forces|troops|soldiers|men|officers|members|elements|columns|battalions?|brigades?|"
                      r"detachments?|convoys?|rebels|insurgents|militants|militiamen|militias|gunmen|jihadists|"
                      r"guerrillas|combatants|paramilitaries|gangs?|cells|squads|bands|"
                      r"ministry|defen[cs]e|government|command|leadership|"
                      r"spokesm[ae]n|spokesperson|authorities|"
                      r"control|hands|grip)\s+of\s+(?:the\s+)?$|"
                      r"\b(?:fighters|forces|troops|soldiers|gunmen|militias?|militiamen|units|men|tribesmen|groups?|"
                      r"paramilitaries)\s+(?:loyal|allied|aligned|affiliated)\s+(?:to|with)\s+(?:the\s+)?$", re.I)
_NEGATED = re.compile(r"\b(?:hostile|opposed|opposing)\s+to\s+(?:the\s+)?$|\bagainst\s+(?:the\s+)?$", re.I)


#: A relative clause opening before a side: ", which", " who", "that" after a noun (not "said that").
_RELATIVE_OPEN = re.compile(r"(?:,\s*|\s)(?:which|who|whom|whose|(?<!said )(?<!says )(?<!claimed )(?<!announced )"
                            r"(?<!denied )(?<!reported )that)\s+(?:[\w'’()-]+[\s(]+){0,8}?$", re.I)
#: What closes a relative clause before the main clause goes on: a comma (", and").
_RELATIVE_CLOSE = re.compile(r"[^,;]*,")
_RELATIVE_OPEN_GATE = LiteralGate(_RELATIVE_OPEN)
#: A side's possession that is ground, not troops: "Islamic State's de facto capital", "the army's last stronghold",
#: "the army base".
_HELD_GROUND = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,3}?(?:capital|stronghold|bastion|heartland|territory|enclave|"
                          r"pocket|base|headquarters|positions?|lines|garrison|command|bastions|strongholds)\b|"
                          r"\s+(?:base|bases|barracks|garrison|camp|outpost|post|positions|airbase)\b", re.I)


def relative_actor(text: str, start: int, end: int, pos: int) -> bool:
    """Whether a side at *start*..*end* stands in a relative clause closed before *pos*.

    "The SNA factions, which have been battling the SDF since last week, overran the city
    centre", "parts of the city that government troops had abandoned, and were deploying in
    Al-Bukamal": the side inside the relative clause is not the subject of the verb after it.
    """
    return bool(_RELATIVE_OPEN_GATE.search(text, max(0, start - 60), start)) and \
        bool(_RELATIVE_CLOSE.match(text, end, pos)) and end <= pos


#: A side's unit or site named as an object: "the army's 17th Division base", "the military's Northeastern Command".
_OWNED_SITE = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,3}?(?:division|brigade|regiment|battalion|garrison|outpost|camp|"
                         r"airbase|airport|barracks|command|base|headquarters|positions?|stronghold|capital)\b", re.I)


def ground_owner(text: str, end: int, units: bool = False) -> bool:
    """Whether a side ending at *end* is named as the owner of ground ("Islamic State's de facto capital").

    The owner of a place is the side that holds it, not one that acts in the clause. With
    *units*, a unit or site it owns counts too ("the army's 17th Division base"): what an object
    names so is the loser's.
    """
    return bool((_OWNED_SITE if units else _HELD_GROUND).match(text, end))


#: :data:`_SOURCE` and :data:`_NEGATED` tried only before the words they need ("from", "against" ...): most sides
#: follow none.
_SOURCE_GATE, _NEGATED_GATE = LiteralGate(_SOURCE), LiteralGate(_NEGATED)


#: A relative clause with no pronoun on a common noun for places, its subject a pronoun or a side's name: "the villages
#: they still occupied", "the towns the RSF had held", "the areas that it controlled".
_CONTACT_RELATIVE = re.compile(
    r"\b(?:villages|towns|areas|positions|districts|neighbou?rhoods|cities|localities|settlements|hamlets|"
    r"territor(?:y|ies)|regions|parts)\s+(?:that\s+|which\s+)?"
    r"(?:they|it|he|she|we|(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,3})\s+"
    r"(?:(?:still|had|have|has|previously|once|then|long|already)\s+)*$", re.I)


def contact_relative(text: str, pos: int) -> int | None:
    """Return where the noun begins whose relative clause a verb at *pos* opens, if it does.

    "withdrew from the villages they still occupied in the south, including Houla": "occupied"
    tells what the villages were, and the places listed are the withdrawal's. None when the
    verb opens no such clause.

    Examples
    --------
    >>> text = "withdrew from the villages they still occupied, including Houla"
    >>> contact_relative(text, text.index("occupied")) == text.index("villages")
    True
    >>> contact_relative("troops occupied Houla", 7) is None
    True
    """
    m = _CONTACT_RELATIVE.search(text, max(0, pos - 80), pos)
    return m.start() if m else None


def source_actor(text: str, start: int) -> bool:
    """Whether an actor beginning at *start* is the source of a change ("seized X from the army")."""
    return bool(_SOURCE_GATE.search(text[max(0, start - 60) : start]))


def modifier_actor(text: str, start: int) -> str | None:
    """How an actor beginning at *start* only modifies another: "negated" ("hostile to"), "modifier" or None."""
    before = text[max(0, start - 30) : start]
    if _NEGATED_GATE.search(before):
        return "negated"
    if _MODIFIER.search(before) and not (_PART_OF.search(before) and not _BACKING_PART.search(
            text, max(0, start - 60), start)) and not (
            _WITH_BEFORE.search(before) and _HOLDING_AFTER.match(text, start, start + 90)):
        return "modifier"
    return None


#: A unit of a side after "backed by" ("police backed by Kenyan officers of the MSS", "troops backed by fighters of
#: the joint forces", "backed by hundreds of Wazalendo fighters"): the side still only backs the subject.
_BACKING_PART = re.compile(r"\b(?:backed|supported|aided|assisted|helped|accompanied|reinforced)\s+by\s+(?:the\s+)?"
                           r"(?:[\w'’-]+\s+){1,3}?of\s+(?:the\s+)?$", re.I)


#: "with" opening an absolute phrase whose subject holds a place ("calm, with federal forces still in control of
#: the city"): the side is that phrase's subject, no mere companion.
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?$", re.I)
_HOLDING_AFTER = re.compile(r"[\w'’-]+(?:\s+[\w'’-]+){0,3}?\s+(?:(?:still|now|firmly|fully|once\s+again|again)\s+)?"
                            r"(?:in\s+(?:full\s+|firm\s+|complete\s+)?control\s+of|holding|controlling|"
                            r"in\s+charge\s+of)\b", re.I)


#: A relative pronoun right after a noun phrase (a side's name perhaps followed by its head noun: "Tigrayan forces
#: who", "the rebels, who", "IS fighters that"; a place: "Kherson, which"); not "that day".
_RELATIVE_PRONOUN = re.compile(
    r"(?:\s+(?:fighters|forces|troops|militants|militias?|militiamen|soldiers|units|jihadists|gunmen|insurgents|"
    r"rebels|paramilitar(?:y|ies)|groups?|men|elements))?"
    r"(?P<open>\s*,\s*(?:who|which)|\s+(?:who|which|that(?!\s+(?:day|night|morning|afternoon|evening|week|month|year|"
    r"time)\b)))\b", re.I)


def relative_pronoun(text: str, end: int) -> tuple[int, int] | None:
    """Return where the relative clause after a noun phrase ending at *end* opens, and where its pronoun ends.

    "... from Tigrayan forces who seized it in August": the clause opens at the space before
    "who"; "from the rebels, who had held it": at the comma. None when no relative pronoun
    follows the phrase (a head noun like "fighters" may stand between).

    Examples
    --------
    >>> text = "retook Ramadi from IS militants who had seized it"
    >>> opens, end = relative_pronoun(text, text.index(" militants"))
    >>> text[opens:end]
    ' who'
    """
    m = _RELATIVE_PRONOUN.match(text, end)
    return (m.start("open"), m.end()) if m else None


#: A dateline: "KYIV, Feb 17 (Reuters) -", "PORT SUDAN —", "BEIRUT, Dec 1 -", at the start of a line.
_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Z'’.\- ]{1,40}[A-Z](?:/[A-Z][A-Z'’.\- ]{1,40})?"
                       r"(?:,\s*[\w. ]{1,25}?){0,3}(?:\s*\([\w .&-]{1,30}\))?\s*[-–—]+\s", re.M)
#: A word after a name that makes it an outlet, a group or a person, not the place ("Halab Today TV").
_NAME_AFTER = re.compile(r"\s+(?:Today|TV|Television|Radio|News|Independent|Post|Times|Eye|Agency|Observer|"
                         r"Tribune|Herald|Media|Network|Monitor|Security\s+Tracker|Tracker|Now|24|Online|Channel|"
                         r"group\s+of\s+forces|Direct|Voice|Daily|Press|Reporter)\b|24\b")
_NAME_BEFORE = re.compile(r"(?:\b(?:Abu|Abou|Umm|bin|ibn|bint|Sheikh|Mullah)\s+(?:[A-Z][\w'’-]*\s+)?|"
                          r"\b(?:Abu|Abou|Umm)\s+[A-Z][\w'’-]*\s+al-)$")
_NAME_CUE = re.compile(r"Ab|Um|bin|ibn|Sheikh|Mullah|al-")
_PERSON_WORD = re.compile(r"^(?:Abu|Abou|Umm|Bin|Ibn)$", re.I)


def dateline_end(text: str) -> int:
    """Return where the dateline at the start of *text* ends (0 when it has none)."""
    m = _DATELINE.match(text)
    return m.end() if m and m.start() < 200 else 0


#: An office or a speaker before "in": the place after it is where they sit ("the defence ministry in Moscow").
_SEAT_OF = re.compile(r"\b(?:ministry|ministries|government|officials?|spokes(?:man|woman|person|people)|authorities|"
                      r"sources?|correspondents?|reporters?|diplomats?|embassy|presidency|leadership|"
                      r"(?:press|media)\s+office|journalists?|analysts?)\s+in\s+$", re.I)


#: The units that locate a place, in parentheses after its name, as event notes and situation reports write them:
#: "Bunagana (Rutshuru, Nord-Kivu)", "Anefis (Tessalit, Kidal)", "Kupiansk (Kharkiv Oblast)", "Sake (Masisi
#: territory, North Kivu)". Two units or more, or one with its unit word; not one name alone, which may be the same
#: place's other name ("Bakhmut (Artemivsk)").
_UNIT_WORD = (r"(?i:oblast|province|governorate|region|state|territory|district|township|cercle|commune|county|"
              r"department|zone|woreda|division|krai|raion|prefecture)")
_LOCATOR_ITEM = rf"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|al-[\w'’-]+|de|du|el|{_UNIT_WORD}))*"
_LOCATOR = re.compile(rf"[A-Z][\w'’.-]*\s*\((?:{_LOCATOR_ITEM}(?:\s*[,/;]\s*{_LOCATOR_ITEM})+|"
                      rf"{_LOCATOR_ITEM}\s+{_UNIT_WORD})\)")


def in_locator(text: str, start: int) -> bool:
    """Whether a name at *start* is inside the parenthesised units that locate the name before it.

    "M23 took control of Bunagana (Rutshuru, Nord-Kivu)": Rutshuru and North Kivu say where
    Bunagana is; they are no place the sentence tells of, nor what "the town" after them names.

    Examples
    --------
    >>> text = "FAMa took control of Anefis (Tessalit, Kidal) on Saturday."
    >>> in_locator(text, text.index("Kidal")), in_locator(text, text.index("Anefis"))
    (True, False)
    >>> text = "Russian forces took Bakhmut (Artemivsk) in May."
    >>> in_locator(text, text.index("Artemivsk"))
    False
    """
    opened = text.rfind("(", max(0, start - 80), start)
    if opened < 0 or ")" in text[opened:start]:
        return False
    head = text.rfind(" ", max(0, opened - 40), opened - 1) + 1
    m = _LOCATOR.match(text, head)
    return m is not None and m.end() > start


def not_a_place(text: str, m: Mention) -> bool:
    """Whether a place name is no place of the story.

    Part of a person's, an outlet's or a group's name ("Halab Today TV"), the seat of a
    speaker or an office ("a military source in Port Sudan said", "the defence ministry in
    Moscow"): where someone speaks from, not where anything happened; or one of the units that
    locate the name before it (:func:`in_locator`).
    """
    if _PERSON_WORD.match(m.text):
        return True
    if in_locator(text, m.start):
        return True
    if text.endswith(" in ", 0, m.start) and _SEAT_OF.search(text, max(0, m.start - 40), m.start):
        return True
    following = text[m.end + 1 : m.end + 2]
    if (following.isupper() or following in ("2", "g")) and _NAME_AFTER.match(text, m.end):
        return True
    before = text[max(0, m.start - 30) : m.start]
    if not _NAME_CUE.search(before):
        return False
    if _NAME_BEFORE.search(before) or before.endswith("al-") and m.text[:1].isupper() and \
            re.search(r"\b(?:Abu|Abou|Umm|Mohammed|Muhammad|Ahmed|Ahmad|Ali|Omar)\s+al-$", before):
        return True
    return False


#: The cue of a name that the gazetteer does not know but the clause makes a place: the object of a
#: control verb ("The M23 took Minova, a key supply hub, on Tuesday"), kept without coordinates.
UNPLACED = "unplaced"
_NAME_TOKEN = r"(?:(?:al|el|ad|an|as|ash|ar|az|at|ed|es|ad-|Ad|Al|El)-)?[A-Z][\w'’]*(?:-[\w'’]+)*"
_PROPER_NAME = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:(?:al|el|de|du|la|le|ibn|bin|bint|wa)\s+)?"
                          rf"(?:{_NAME_TOKEN}|\d+))*")
_NOT_NAME = frozenset("""the a an he she it they we i you his her their its our this that these those there
    president general minister commander colonel major captain lieutenant sergeant mr mrs ms dr sheikh king prince
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december jan feb mar apr jun jul aug sep sept oct nov dec north south east west
    northern southern eastern western central upper lower greater new old saint st mount lake river
    reuters afp ap bbc un""".split())
#: A place noun and "of" after a capitalised word: the word qualifies the place named next ("the Iraqi city of").
_MODIFIES_NEXT = re.compile(r"\s+(?:(?!(?:and|or|but|the|a|an)\b)(?-i:[a-z])[\w-]*\s+){0,2}?"
                            r"(?:city|town|village|settlement|port|capital|hub|"
                            r"stronghold)\s+of\b", re.I)
#: What may follow a name that ends a noun phrase: punctuation, a preposition, a conjunction, a time word.
_NAME_END = re.compile(r"\s*(?:$|[,.;:()\u2013\u2014\"'’]|-\s|\s(?:on|in|at|after|before|from|to|and|or|as|with|by|"
                       r"near|over|overnight|late|early|itself|last|this|earlier|yesterday|today|since|until|"
                       r"during|following|while|when|without|but|which|where|who|were|was|is|are|had|has|have|"
                       r"fell|also|in|into|inside|under|for|town|city|village|villages|district|camp|township|"
                       r"locality|region|province|state|area|hills?|settlement|neighbou?rhood|quarter|county)\b)")


_DEMONYM = re.compile(r"(?:ese|ian|ians|ish|ean|eans)$|-[a-z]+ed$|^[A-Z]{2,}$|(?:Colonel|General|Major|Captain|"
                      r"Lieutenant|Commander|Brigadier|Sergeant|President|Minister|Governor|Spokesman|Mr|Mrs|Dr)\b")


def _not_a_name_word(word: str) -> bool:
    """Tell a word that makes a capitalised phrase no place name: a demonym, an ``-ed`` compound, an acronym."""
    return bool(_DEMONYM.search(word)) and not any(c.isdigit() for c in word)


def _proper(text: str, lo: int, hi: int, taken: Sequence[tuple[int, int]]) -> list[Mention]:
    found = []
    for m in _PROPER_NAME.finditer(text, lo, hi):
        words = m.group(0).split()
        while words and words[0].lower().strip("'’") in _NOT_NAME:
            words.pop(0)
        if not words or m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-'’"):
            continue
        start = m.end() - len(" ".join(words))
        if in_locator(text, start):  # "Anefis (Tessalit, Kidal)": the units that locate Anefis
            continue
        end = m.end()
        if any(s < end and start < e for s, e in taken) or not _NAME_END.match(text, end):
            continue
        if words[-1].lower() in _NOT_NAME or len(words[-1]) < 2 or any(map(_not_a_name_word, words)):
            continue
        if re.search(r"['’]s$", words[-1]):
            continue  # an owner: "Tarhuna, Haftar's last stronghold"
        if _MODIFIES_NEXT.match(text, end):
            continue  # "the Iraqi city of Ramadi", "the Yemeni port of Mokha": a word for the place named after it
        if len(words) > 1 and words[0].lower() in given_names():
            continue  # a person: "freed Kupiansk, Oleksandr Syrskyi, the commander-in-chief, said"
        found.append(Mention(start, end, text[start:end], (), UNPLACED))
    return found


def proper_after(text: str, lo: int, hi: int, taken: Sequence[tuple[int, int]]) -> list[Mention]:
    """Return the capitalised names in ``text[lo:hi]`` that end a noun phrase and are no actor or time.

    They stand for places the gazetteer does not know, in object position (see :data:`UNPLACED`).
    """
    return _proper(text, lo, hi, taken)


_PASSIVE_GAP = re.compile(r"^\s*(?:,[^,;]{1,60},\s*|,\s*(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:town|city|"
                          r"village|settlement|district|base|area|region|province|stronghold|hub|capital)\s+)?"
                          r"(?:(?:also|itself|had|has|have|then|finally|eventually|reportedly|now|already|is|are|was|"
                          r"were|been|remains?|remained|stays?|stayed|still|\w+ly)\s+)*$", re.I)
# ("Kanpaikti fell to", "Al-Atarib, a town in opposition hands", "Sake, 25 km west of Goma, remains under")


def proper_before(text: str, lo: int, pos: int, taken: Sequence[tuple[int, int]]) -> Mention | None:
    """Return the capitalised name that is the subject of a passive trigger at *pos* ("Kanpaikti fell to")."""
    names = _proper(text, lo, pos, taken)
    if names and _PASSIVE_GAP.match(text[names[-1].end : pos]):
        return names[-1]
    return None


#: A few words in quotes inside a clause ('had taken "full control" of Tarhuna', 'the FARDC "remain in control" of
#: Rumangabo', "troops had 'cleansed' the district"): a word of the clause between a word before and one after, not
#: a quoted statement (no punctuation inside, at most four words).
_SCARE_QUOTES = re.compile(
    r"(?<=[\w,]\s)(?:\"(?P<a>[^\"\n.,;:!?]{1,40})\"|\u201c(?P<b>[^\u201c\u201d\n.,;:!?]{1,40})\u201d|"
    r"\u2018(?P<c>[^\u2018\u2019\n.,;:!?]{1,40})\u2019|'(?P<d>[^'\u2019\n.,;:!?]{1,40})')(?=\s+[\w(])")
_QUOTED_WORDS = re.compile(r"^\S+(?:\s\S+){0,3}$")


def scare_quotes_blanked(text: str) -> str:
    """Return *text* with the quotation marks around a few words inside a clause replaced by spaces.

    Outlets put a party's word in quotes ('had taken "full control" of Tarhuna', 'troops had
    "cleansed" parts of the district', "remained 'in firm control' of the Marte area"); the
    words still say what the clause says. The marks become spaces, so every offset stays
    where it was; quoted statements (with punctuation inside, or more than four words, or not
    between two words of a clause) are left alone.

    Parameters
    ----------
    text : str
        An article's text.

    Returns
    -------
    str
        The text, of the same length.
    """
    def blank(m: re.Match[str]) -> str:
        inner = next(g for g in m.groups() if g is not None)
        if not _QUOTED_WORDS.match(inner):
            return m.group(0)
        return f" {inner} "

    return _SCARE_QUOTES.sub(blank, text)
