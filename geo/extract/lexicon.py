"""The words of control-change events: triggers, hedges, reporting verbs, place-part cues.

Kept apart from :mod:`geo.extract.events` so the rules read as code and the vocabulary as data.
Every pattern is compiled once, case-insensitive, with word boundaries.
"""

from __future__ import annotations

import re

from geo.model import EventKind

__all__ = ["Trigger", "TRIGGERS", "HEDGE", "REPORT", "DENY", "VERIFY", "ASSESSED", "UNVERIFIED", "PART_OF_PLACE",
           "PARTIAL", "HELD_ADJECTIVE", "ANAPHORA", "LANDMARK_NOUN", "ENDED", "ACHIEVED", "FORCED_OUT", "PREVIOUSLY",
           "CLAUSE_BREAK", "AXIS_AFTER", "ATTACK_REPULSED", "REPULSE_AFTER", "PUSHED_BACK_EDGE",
           "PUSHED_BACK_EDGE_PASSIVE", "PUSHED_BACK_PASSIVE", "PUSHED_BACK", "CHANGED_HANDS",
           "REFERENCE_CUE", "MODIFIER_AFTER", "CLAIM_DENIED", "GARRISON_ENCIRCLED", "CONTROL_OF_OVER",
           "OPEN_TRIGGERS", "read_here"]


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


class Trigger:
    """A trigger phrase: its event kind, and whether its place comes after it (active) or before (passive).

    ``weak`` triggers ("took", "swept through") count only when a place follows right away;
    ``armed`` ones ("fled", "left") only when a fighting side is their subject (civilians flee too).
    An ``echo`` ("Hama followed on 5 December") repeats the change told before it on the place
    before it (and on the places listed after it), with that change's kind and sides. A
    ``split`` ("divided between the army and the RSF") gives the place to each side named after it.
    """

    __slots__ = ("kind", "pattern", "passive", "weak", "confidence", "agent_after", "loser", "armed", "intransitive",
                 "echo", "split")

    def __init__(self, kind: EventKind, pattern: str, *, passive: bool = False, weak: bool = False,
                 confidence: float = 0.85, agent_after: bool | None = None, loser: bool = False,
                 armed: bool = False, intransitive: bool = False, echo: bool = False, split: bool = False) -> None:
        self.kind = kind
        self.echo = echo
        self.split = split
        self.intransitive = intransitive  # with no place after it, the last settlement named
        self.armed = armed  # counts only with a fighting side named before it in its clause ("troops fled")
        self.loser = loser  # the side named before the trigger is the one that lost the place
        self.agent_after = passive if agent_after is None else agent_after
        self.pattern = _re(rf"\b(?:{pattern})\b")
        self.passive = passive
        self.weak = weak
        self.confidence = confidence

    def with_kind(self, kind: EventKind) -> Trigger:
        """Return a copy of this trigger that tells another kind of change ("the siege of X was lifted")."""
        copy = object.__new__(Trigger)
        for slot in Trigger.__slots__:
            setattr(copy, slot, getattr(self, slot))
        copy.kind = kind
        return copy


_W = r"(?:\s+\w+){0,4}?"  # up to four words in between
#: Not before a road, a railway or a crossing: "Saraqeb, which controls the M5 highway" is geography, nobody's hold
#: (the road leads to the place named after it, which is no object either).
_NO_ROUTE = (r"(?!\s+(?:the\s+|a\s+|an\s+|its\s+)?(?:[\w-]+\s+){0,3}?(?:roads?|highways?|motorway|railway|rail\s+line|"
             r"routes?|crossings?|access|supply\s+(?:lines?|routes?)|approaches|junction|pass|bridges?)\b)")
#: The first letter of a place's name: a capital, or the capital after a lower-case Arabic article ("al-Hazm",
#: "el-Fasher", "ad-Damazin").
_CAP = r"(?-i:[A-Z]|(?:al|el|ad|an|ar|as|ash|at|az|ed|er|es|et)-[A-Z])"

#: A passive auxiliary, with an adverb or two between it and the participle ("has now been completely").
_BE = r"(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+|now\s+|also\s+|fully\s+){0,2}"
#: Words a nominal event may follow ("the army's recapture of", "their overrunning of", "the full liberation of").
_NOMINAL = r"(?:full\s+|complete\s+|total\s+)?"

#: A flag raised in a place: troops there, no more ("raised the Russian flag over the administration building in").
#: Told with a capture of the same side in its sentence, it adds nothing (``geo.extract.events`` drops it).
FLAG_RAISED = Trigger("entered", r"(?:raised|raising|raise|raises|hoisted|hoisting|hoist|hoists|planted|planting|"
                      r"unfurled|unfurling|put\s+up)\s+(?:the|their|its|a|an|his)\s+(?:[\w-]+\s+){0,2}?"
                      r"(?:flags?|banners?)\s+(?:over|in|on|above|at|atop)(?:\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
                      r"(?:building|square|hall|headquarters|council|administration|tower|roof|rooftop|monument|stele|"
                      r"sign)s?\s+(?:in|of))?", armed=True, confidence=0.6)
#: Fighters patrolling a place are in it: "M23 fighters patrolled the streets of Goma".
PATROLLED = Trigger("entered", r"(?:patrolled|patrolling|patrols)(?:\s+(?:the\s+)?(?:streets|centre|center|markets?|"
                    r"neighbou?rhoods|districts)\s+(?:of|in))?(?=\s+(?:the\s+(?:town|city|village)\s+of\s+)?"
                    + _CAP + r")", armed=True, weak=True, confidence=0.6)
#: An attack on a place repelled: its defenders still hold it ("repelled a Boko Haram attack on Kolofata", "foiled an
#: RSF attempt to storm El Fasher"; the attacker named inside the phrase is not the holder).
REPELLED = Trigger("held", r"(?:repelled|repulsed|repels|repulses|foiled|thwarted|beat\s+back|beaten\s+back|"
                   r"fought\s+off)\s+(?:an?|the|their|its|another|several|two|three|multiple|repeated)\s+"
                   r"(?:[\w'’-]+\s+){0,3}?(?:(?:attacks?|assaults?|offensives?|incursions?|raids?|push)\s+"
                   r"(?:on|against|in|at)|attempts?\s+to\s+(?:take|capture|seize|storm|enter|retake|recapture|overrun))"
                   r"(?=\s+(?:the\s+(?:town|city|village|base|garrison|camp)\s+of\s+)?" + _CAP + r")", confidence=0.6)
#: The back of a repulse told after the attack: "but were pushed back by troops", "but the assault was repulsed",
#: "but the army beat them back".
_REPULSE = (r"(?:were|was|had\s+been|being|got)\s+(?:\w+ly\s+|later\s+|soon\s+|quickly\s+)?(?:pushed|beaten|driven|"
            r"forced|fought|thrown)\s+back|(?:were|was|had\s+been|being)\s+(?:\w+ly\s+|later\s+|soon\s+|quickly\s+)?"
            r"(?:repulsed|repelled|fought\s+off|beaten\s+off)|"
            r"(?:the|their|its|this|that)\s+(?:[\w-]+\s+)?(?:attack|assault|offensive|raid|push|incursion)\s+"
            r"(?:was|had\s+been)\s+(?:\w+ly\s+|later\s+|soon\s+|quickly\s+)?(?:repulsed|repelled|foiled|thwarted|"
            r"pushed\s+back|beaten\s+back|fought\s+off|beaten\s+off)|"
            r"(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:(?:repelled|repulsed|foiled|thwarted)\s+(?:them|it|the\s+(?:[\w-]+\s+)?"
            r"(?:attack|assault|offensive|raid|push|incursion|attackers|assailants))\b|"
            r"(?:pushed|beat|drove|threw|forced)\s+(?:them|the\s+"
            r"(?:[\w-]+\s+)?(?:attackers|assailants|rebels|militants|fighters|insurgents|jihadists|militiamen|"
            r"paramilitaries|troops|soldiers|forces))\s+back|fought\s+(?:them|the\s+attackers)\s+off)")
#: The repulse itself, searched after an attack: where its defenders are named ("by troops", "the army beat them back").
REPULSE_AFTER = _re(rf"(?:,\s*|\s)(?:but|only\s+to\s+be|before)\s+(?:they\s+)?(?:{_REPULSE}|pushed\s+back|repulsed|"
                    r"repelled|"
                    r"beaten\s+back)")
#: An attack on a place that was repulsed, the repulse told after it in the sentence ("Boko Haram fighters attacked
#: Gwoza overnight but were pushed back by troops"): the place stays with its defenders, not with the attacker.
ATTACK_REPULSED = Trigger("held", r"(?:attacked|stormed|assaulted|raided)(?=\s+(?:the\s+(?:[\w-]+\s+)?"
                          r"(?:town|city|village|locality|settlement|district|base|garrison|camp|barracks|positions?)\s+"
                          r"(?:of|in|at|near)\s+|"
                          r"(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:base|garrison|camp|barracks|positions?|outpost)\s+"
                          r"(?:in|at|of)\s+)?" + _CAP + r"[^.;]{0,100}?(?:,\s*|\s)(?:but|only\s+to\s+be|before)\s+"
                          rf"(?:they\s+)?(?:{_REPULSE}|pushed\s+back|repulsed|repelled|beaten\s+back))",
                          confidence=0.6)
#: The edge of a place an attack was pushed back from: "back from the outskirts of Sennar", "the approaches to Kyiv".
_EDGE_OF = (r"(?:the\s+)?(?:[\w-]+\s+)?(?:outskirts|edges?|gates|perimeter|approaches|entrances?)"
            r"(?=\s+(?:of|to)\s+(?:the\s+(?:town|city|village|base|camp)\s+of\s+)?" + _CAP + r")")  # not "... of": no
# nominal ("the fall of") the modal check reads
#: A side pushed back from a place's edge by its defenders: "the army pushed RSF fighters back from the outskirts of
#: Sennar". The subject holds the place (the side inside the phrase attacked it).
PUSHED_BACK_EDGE = Trigger("held", rf"(?:pushed|drove|beat|forced|threw)\s+(?:[\w'’-]+\s+){{1,4}}?back\s+from\s+"
                           rf"{_EDGE_OF}", confidence=0.6)
#: ... told in the passive: "Russian troops were pushed back from the outskirts of Kharkiv": the side pushed back did
#: not hold it; its agent ("by the army") or, unnamed, its opponent does.
PUSHED_BACK_EDGE_PASSIVE = Trigger("held", rf"{_BE}(?:pushed|driven|beaten|forced|thrown)\s+back\s+from\s+"
                                   rf"{_EDGE_OF}", agent_after=False, loser=True, confidence=0.6)
#: A side pushed back from a place, with no edge named, told in the passive ("RSF fighters were pushed back from
#: Sennar", "were driven back from Beledweyne after a failed assault"): whether it held the place or was attacking it
#: the words do not say, but it lost no place it is known to have held: a contest, in which its agent or opponent
#: presses.
PUSHED_BACK_PASSIVE = Trigger("contested", rf"{_BE}(?:pushed|driven|beaten|forced|thrown)\s+back\s+from"
                              r"(?!\s+(?:the\s+)?(?:[\w-]+\s+)?(?:outskirts|edges?|gates|perimeter|approaches|"
                              r"entrances?)\b)", agent_after=False, loser=True, confidence=0.55)
#: ... told actively, with no edge named, a place's name after it: "Ukrainian troops pushed Russian forces back from
#: Kupiansk", "the army drove the rebels back from Bunagana". As for a repelled attack and a push back from a place's
#: edge, the subject holds the place: whether the side pushed back had attacked it or stood in it, the subject has it
#: now (the passive, "were pushed back from", names the place's holder only by its agent: a contest, above).
PUSHED_BACK = Trigger("held", r"(?:pushed|drove|beat|forced|threw)\s+(?:(?!by\b|back\b|out\b)[\w'’-]+\s+){1,4}?"
                      r"back\s+from(?=\s+(?:the\s+(?:town|city|village|base|camp)\s+of\s+)?" + _CAP + r")",
                      confidence=0.55)
#: A place that passed from side to side more than once: "Saraqib changed hands several times", "the town has
#: repeatedly changed hands". Fought over; who holds it now the words do not say.
CHANGED_HANDS = Trigger("contested", r"(?:changed|changing|changes|change)\s+hands\s+(?:(?:several|many|multiple|"
                        r"numerous|countless|repeated|a\s+number\s+of|a\s+few|two|three|four|five|six|seven|eight|"
                        r"nine|ten|a\s+dozen|dozens\s+of|\d+)\s+times|repeatedly|back\s+and\s+forth|more\s+than\s+once|"
                        r"twice|again\s+and\s+again|several\s+times\s+over)|"
                        r"(?:repeatedly|several\s+times|many\s+times|multiple\s+times|twice)\s+changed\s+hands",
                        passive=True, agent_after=False, confidence=0.6)
#: Fighters a video or a photograph shows in a place are in it: "videos verified by our team show M23 fighters at Goma
#: airport", "geolocated footage shows Russian soldiers in central Pokrovsk". Read only after :data:`SHOWN` (the
#: footage and what it shows, right before the preposition); it is evidence of its own, kept beside a capture (a
#: verified sight of fighters at a place whose capture was only claimed).
SHOWN_AT = Trigger("entered", r"(?:at|in|inside)(?=\s+(?:the\s+)?(?:(?:centre|center|heart|streets|outskirts)\s+of\s+|"
                   r"(?:central|downtown)\s+)?(?-i:[A-Z]))", armed=True, weak=True, confidence=0.55)
SHOWN = _re(r"\b(?:footage|videos?|images|photos|photographs|pictures|imagery)\b[^.;]{0,80}?\b(?:shows?|showed|"
            r"showing|depicts?|depicted|depicting)\s+(?:(?!(?:that|how|the\s+(?:aftermath|destruction))\b)[\w'’-]+\s+)"
            r"{1,4}?(?:(?:celebrating|standing|posing|walking|driving|gathered|deployed|moving|patrolling)\s+)?$")
#: A garrison encircled in a place: "have encircled around 5,000 Russian troops in Lyman", "besieged hundreds of
#: soldiers in Babanusa" (the place is besieged by the subject; the side named inside the phrase is the one besieged;
#: not "encircled the troops near Lyman").
GARRISON_ENCIRCLED = Trigger(
    "besieged", r"(?:encircled|encircling|encircle|surrounded|surrounding|besieged|besieging|trapped|trapping)"
    r"\s+(?:(?:up\s+to|around|about|some|nearly|almost|more\s+than|at\s+least|an\s+estimated|thousands\s+of|"
    r"hundreds\s+of|dozens\s+of|several|the|its|their|[\d,]+)\s+)*(?:[\w-]+\s+){0,2}?(?:troops|soldiers|"
    r"fighters|servicemen|men|militants|defenders|personnel|rebels|paramilitaries|garrison)\s+(?:in|inside)"
    r"(?=\s+(?:the\s+(?:town|city|village)\s+of\s+)?(?-i:[A-Z]))", confidence=0.65)
#: Control imposed on a place, as monitors write a capture: "imposed their control over Jisr al-Shughur", "SOHR
#: documented the control of Jaish al-Fatah factions over the city of" (the side named inside the phrase took it).
IMPOSED_CONTROL = Trigger("captured", r"(?:imposed|imposes|imposing|impose|asserted|asserts|asserting)\s+"
                          r"(?:(?:their|its|his|full|complete|total|firm)\s+)*control\s+(?:over|on|of)",
                          confidence=0.75)
CONTROL_OF_OVER = Trigger("captured", r"(?:(?<=documented\s)|(?<=confirmed\s)|(?<=reported\s)|(?<=announced\s))"
                          r"(?:the\s+)?(?:full\s+)?control\s+of\s+(?:[\w'’-]+,?\s+){1,12}?(?:over|on)",
                          confidence=0.7)
#: A participle right after a place's name, with no auxiliary, as headlines and timelines write a change ("Hawija
#: retaken by Iraqi forces", "Fallujah 'fully liberated', says army commander") and as a declaration names it
#: ("Iraqi army declares Ramadi liberated", "the prime minister declared Mosul fully liberated"). Read only where
#: :data:`BARE_SUBJECT` says the name before it is the participle's subject.
_BARE_ADVERB_WORDS = r"(?:(?:fully|completely|totally|entirely|finally|officially|now)\s+)*"
_BARE_AFTER = r"(?=\s+by\b|\s*[,;:'’\"”]|\s*$|\s+(?:on|in|at|after|as|from|of|overnight|today|yesterday)\b)"
BARE_REGAINED = Trigger("regained", _BARE_ADVERB_WORDS + r"(?:retaken|recaptured|re-?taken|won\s+back|taken\s+back)"
                        r"(?:\s+by)?" + _BARE_AFTER, passive=True, confidence=0.7)
BARE_CAPTURED = Trigger("captured", _BARE_ADVERB_WORDS + r"(?:liberated|freed|captured|seized|overrun|conquered|"
                        r"cleared|cleansed)(?:\s+by)?" + _BARE_AFTER, passive=True, confidence=0.7)
_BARE_NAME = r"(?-i:[A-Z])[\w'’-]*(?:\s+(?:(?:al|el|ad|as|ash|ar|an|at|az)-)?(?-i:[A-Z])[\w'’-]*){0,3}"
#: What may stand before such a participle: a headline's name, after a date or a time ("5 Oct 2017 - Hawija",
#: "14:05 GMT: Kherson"), or the object of a declaration ("declares Ramadi", "proclaimed the city of Mosul").
BARE_SUBJECT = _re(r"(?:^\W*(?:[\w ,.:/]{0,30}?\s[-–—:]\s+|[\w ,./]{0,30}?:\s+)?|"
                   r"\b(?:declared|declares|declare|declaring|proclaimed|proclaims|proclaiming|pronounced|pronounces|"
                   r"announced|announces)\s+)"
                   rf"(?:the\s+(?:city|town|village|district)\s+of\s+)?{_BARE_NAME}\s+$")
#: The declarations of :data:`BARE_SUBJECT`: what follows them is the declaring side's claim.
DECLARED = _re(r"\b(?:declared|declares|declare|declaring|proclaimed|proclaims|proclaiming|pronounced|pronounces|"
               r"announced|announces)\s+[^,;:]*$")

def read_here(trigger: Trigger, text: str, start: int, pos: int) -> bool:
    """Whether a trigger found at *pos* in the sentence starting at *start* counts there.

    :data:`SHOWN_AT` counts only after the footage that shows it, :data:`BARE_CAPTURED` and
    :data:`BARE_REGAINED` only after a headline's name or a declaration (:data:`BARE_SUBJECT`); every
    other trigger wherever it matches.
    """
    if trigger is SHOWN_AT:
        return SHOWN.search(text[start:pos]) is not None
    if trigger is BARE_CAPTURED or trigger is BARE_REGAINED:
        return BARE_SUBJECT.search(text[start:pos]) is not None
    return True


TRIGGERS: tuple[Trigger, ...] = (
    Trigger("siege_broken", r"(?:ended|ending|ends|(?:put|putting|puts)\s+an\s+end\s+to)\s+(?:the\s+|a\s+)?"
            r"(?:[\w-]+\s+){0,2}?(?:siege|blockade)(?:\s+(?:of|on))?|"
            rf"(?:broke|break|breaks|breaking|broken|lifted|lift|lifting){_W}\s+(?:the\s+|a\s+)?"
            rf"(?:[\w'’-]+\s+){{0,3}}(?:siege|blockade)(?:\s+(?:imposed\s+|laid\s+|placed\s+)?by\s+(?:[\w-]+\s+){{1,3}}?"
            r"(?=(?:of|on)\b))?(?:\s+(?:of|on))?|"
            rf"siege{_W}\s+(?:was|has\s+been|had\s+been|is|"
            r"were)\s+(?:broken|lifted)|breaking\s+of\s+the\s+siege(?:\s+of)?|broke\s+through\s+(?:the\s+)?siege"),
    # Agentless or agented passives of taking back: "Nawnghkio had been retaken", "was recaptured by".
    Trigger("regained", rf"{_BE}(?:retaken|recaptured|re-?taken|won\s+back|taken\s+back|regained)(?:\s+by)?",
            passive=True),
    BARE_REGAINED,
    BARE_CAPTURED,
    IMPOSED_CONTROL,
    CONTROL_OF_OVER,
    Trigger("regained", r"recaptured?|recapturing|retook|retake|retaken|retaking|reclaimed|reclaiming|reclaim|"
            r"re-?occupied|re-?occupying|re-?entered|re-?entering|"
            r"retakes|recaptures|reclaims|regains(?:\s+(?:full\s+)?control\s+(?:of|over))?|wins\s+back|takes\s+back|"
            r"regained(?:\s+(?:full\s+)?control\s+"
            r"(?:of|over))?|regain(?:ed|ing)?\s+(?:full\s+)?control\s+(?:of|over)|regaining|won\s+back|took\s+back|"
            r"taken\s+back|re-?captured|re-?took|pushed\s+\w+\s+back\s+out\s+of|wrest(?:ed|ing)?\s+back|"
            r"(?:wrested|wresting|took|taking|won|winning)(?=\s+(?:the\s+(?:city|town|village|base|airport)|it|them)"
            r"\s+back\b)|"
            r"restored?\s+(?:full\s+)?(?:state\s+)?control\s+(?:of|over)|restoring\s+control\s+(?:of|over)|"
            r"brought\s+back\s+under"),
    Trigger("regained", r"(?:re-?capture|retaking)\s+of", confidence=0.75),
    # State media's words for taking a place back: "restored state authority over X", "re-established control
    # over X".
    Trigger("regained", r"(?:restored?|restoring|re-?established?|re-?establishing)\s+(?:full\s+)?(?:state\s+)?"
            r"(?:authority|sovereignty|control)\s+(?:to|over|in|of)", confidence=0.75),
    # ... and for taking it: "restored security and stability to the town of X", "restored peace and stability in".
    Trigger("captured", r"(?:restored?|restoring)\s+(?:full\s+)?(?:security|peace|stability|order)"
            r"(?:,?\s+(?:and\s+)?(?:security|peace|stability|order)){0,2}\s+(?:to|in)", confidence=0.7),
    # Driving a side out ("the jihadists drove the army out of Kidal", "expelled RSF fighters from Wad Madani"):
    # the subject takes the place, the side between loses it. "Driving X out" (going on) is a contest, below;
    # "driven by civilians from" is no agent.
    Trigger("captured", r"(?:drove|driven|drive|drives|pushed|forced|chased|kicked|ousted|expelled|evicted|"
            r"flushed|routed|threw|dislodged)\s+(?:(?!by\b)[\w'’-]+\s+){1,5}?out\s+of|"
            r"(?:drove|expelled|expelling|ousted|ousting|evicted|routed|dislodged|dislodging)"
            r"\s+(?:(?!by\b|back\b)[\w'’-]+\s+){1,5}?from", confidence=0.75),  # "drove them back from": below
    # ... a side cleared or chased from a place ("cleared Fano fighters from Merawi", "chased ADF rebels from
    # Eringeti"), when the words between end in fighters or a name ("cleared debris from Mosul's old city": none).
    Trigger("captured", r"(?:cleared|clearing|purged|purging|flushed|flushing|chased|chasing)\s+"
            r"(?:(?!by\b)[\w'’-]+\s+){0,4}?(?:fighters|militants|rebels|militiam[ae]n|militias?|forces|troops|soldiers|"
            r"terrorists|insurgents|jihadists|gunmen|elements|remnants|units|(?-i:[A-Z][\w'’-]*))\s+(?:out\s+)?from",
            confidence=0.75),
    # The side driven out lost the place: "the army was driven out of Kidal in 2012".
    Trigger("captured", rf"{_BE}(?:driven|forced|pushed|expelled|ousted|kicked|chased|routed|flushed|dislodged)"
            r"\s+(?:back\s+out\s+of|out\s+of|from)", loser=True, confidence=0.7),  # "pushed back from": below
    # With no place after it, from the last settlement named: "entered Kirkuk but were driven out by Kurdish forces".
    Trigger("captured", rf"{_BE}(?:driven|forced|pushed|expelled|ousted|kicked|chased|flushed|dislodged)"
            r"\s+(?:back\s+)?out(?!\s+of\b)(?=\s*(?:[,.;:]|$|by\b|on\b|after\b|within\b|hours\b|days\b|later\b))",
            loser=True, intransitive=True, armed=True, confidence=0.65),
    # ... and told actively, with the side driven out a pronoun or a bare noun ("before FARDC soldiers drove them out
    # on Monday", "but the army pushed the rebels back out two days later"): the last settlement named ("is driving
    # the rebels out", going on, is a contest, below).
    Trigger("captured", r"(?:drove|pushed|forced|chased|kicked|threw|flushed)\s+(?:them|it|him|"
            r"the\s+(?:[\w-]+\s+)?(?:rebels|militants|fighters|jihadists|militia|militiamen|insurgents|group|army|"
            r"troops|soldiers|paramilitaries|attackers|assailants|terrorists))\s+(?:back\s+)?out(?!\s+of\b)"
            r"(?=\s*(?:[,.;:]|$|(?:on|after|within|hours|days|weeks|later|shortly|soon|the\s+(?:next|following|same)|"
            r"a\s+(?:day|week|few)|two|three|four|five|overnight|again)\b))",
            intransitive=True, armed=True, confidence=0.65),
    # A side forced to leave by another: "attacked a military base in Malam Fatori, forcing soldiers to retreat to
    # Damasak" (the last settlement named; the side forced out is the loser).
    Trigger("captured", r"forc(?:ed|ing|es)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:soldiers|troops|defenders|garrison|army|"
            r"forces|units|fighters|militants|insurgents|rebels|militiamen|jihadists)\s+to\s+(?:retreat|withdraw|flee|"
            r"pull\s+(?:out|back)|fall\s+back|abandon|leave)"
            # not from ground outside a town ("forced Israeli troops to retreat from the outskirts of Khiam"): no town
            # was left, neither that one nor the last one named
            r"(?!\s+from\s+(?:the\s+)?(?:outskirts|edges?|fringes|approaches|vicinity|surroundings|perimeter)\b)",
            intransitive=True, armed=True, confidence=0.6),
    # (the word between is no negation: "was not captured by" leaves "not" before the trigger, where it hedges)
    Trigger("captured", r"fell\s+to|fallen\s+to|falls\s+to|(?:was|were|been|being|is|are)\s+"
            r"(?:(?!(?:not|never)\b)\w+\s+)?(?:(?:captured|seized|taken|overrun|conquered|lost)\s+by|lost\s+to)",
            passive=True),
    # A place passing into a side's hands ("fell into the hands of the RSF", "fell into IS hands", "came under the
    # control of M23", "fell under Fano control"): a change, not a standing state; the side inside or after it took it.
    Trigger("captured", r"(?:fell|fallen|falls|falling|passed|passes|passing)\s+(?:back\s+)?into\s+"
            r"(?:the\s+hands\s+of|(?:the\s+)?(?:[\w'’-]+\s+){1,2}?hands)|"
            r"(?:came|come|comes|coming|fell|fallen|falls|falling|passed|passes|passing)\s+(?:back\s+)?under\s+"
            r"(?:the\s+)?(?:(?:full|complete|total|effective)\s+)?(?:[\w'’-]+\s+){0,2}?control(?:\s+of)?",
            passive=True, confidence=0.8),
    # Agentless passives ("Balakliia was liberated", "Sinja has been completely cleansed of the militia"): the
    # gainer is the speaker of the statement, or the side of the context.
    # ("Soldiers who surrendered in Kidal were taken to Gao": people moved, not a place taken.)
    Trigger("captured", rf"{_BE}(?:declared\s+(?:\w+ly\s+)?)?(?:captured|seized|"
            r"taken(?!\s+(?:to|away|prisoner|captive|hostage|into|from|out|as|in\s+for)\b)|overrun|conquered|liberated|"
            r"freed|cleansed|cleared|purged|"
            r"occupied(?!(?:\s+[\w-]+){0,5}?\s+(?:since|for\s+(?:(?:more|less)\s+than\s+|nearly\s+|almost\s+|over\s+|"
            r"about\s+|some\s+|the\s+(?:past|last)\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
            r"eleven|twelve|\d+|several|many|months|years|weeks|decades?)\b)\b)|stormed)(?:\s+by)?", passive=True,
            confidence=0.75),
    # ("which had been occupied by TNLA terrorists since August", "occupied by jihadist insurgents for a year": a
    # state, read by the held triggers below)
    Trigger("captured", r"(?:took|taken|taking|take|gained|gaining|wrested|seized|seizing|assumed|seize|established)"
            r"\s+(?:full\s+|complete\s+|total\s+)?control\s+(?:of|over)|captured|capture(?!\s+of\b)|capturing|seized?|seizing|overr[au]n|"
            r"captures|seizes|overruns|liberates|conquers|takes\s+(?:full\s+|complete\s+|total\s+)?control\s+(?:of|over)|"
            r"takes\s+over|"
            r"overrunning|took\s+over|taken\s+over|taking\s+over|conquered|liberated|liberating|liberate|"
            r"secured\s+control\s+of|claim(?:s|ed|ing)?\s+(?:full\s+|complete\s+|total\s+)?control\s+(?:of|over)|(?<!-)(?<!\bhas\s)(?<!\bhave\s)(?<!\bhad\s)"
            # not the adjective: "west of occupied Donetsk", "in occupied Melitopol", "the occupied south"
            r"(?<!\bof\s)(?<!\bin\s)(?<!\bfrom\s)(?<!\bto\s)(?<!\binto\s)(?<!\bnear\s)(?<!\bthe\s)(?<!\bacross\s)"
            r"(?<!\bwithin\s)(?<!\boutside\s)(?<!\band\s)occupied|cleared|purged|cleansed|wrested|wresting|"
            r"walked\s+(?:\w+\s+)?into|"
            # control spread to a place: "expanded their control to more than half of Aleppo city"
            r"(?:expanded|expands|expanding|extended|extends|extending)\s+(?:its|their|his)\s+control\s+(?:to|over)"),
    # ("has occupied X since 2022": a state, read by the held triggers below)
    Trigger("captured", r"(?:fall|capture|liberation|seizure|takeover|overrunning|conquest|occupation)"
            # a time between the noun and its place: "the seizure earlier this month of", "the fall on Sunday of"
            r"(?:\s+(?:earlier|late|early|last|this|on|in)(?:\s+(?:this|last))?\s+\w+)?\s+of",
            confidence=0.75),
    Trigger("captured", r"took|taken|taking|takes|take|won|wins|secured|secures|freed|frees|freeing|"
            r"swept\s+through|sweeping\s+through|"
            r"sweeps\s+through|swung\s+through|"
            r"swinging\s+(?:\w+\s+)?through|pushed\s+through|rolled\s+into|advanced\s+through", weak=True,
            confidence=0.6),
    Trigger("withdrew", r"(?:withdr[eaw]w?n?|withdraws)(?:\s+\w+){0,3}?\s+from|withdrawing\s+from|"
            r"pulled\s+(?:\w+\s+){0,2}?(?:out|back)\s+(?:of|from)|pull(?:ing|s)?\s+(?:\w+\s+){0,2}?out\s+of|retreated\s+from|retreating\s+from|"
            r"abandoned|abandoning|evacuated\s+from|"
            r"(?:withdrawals?|pull-?outs?|retreats?|evacuations?|redeployments?)[\"”’']?\s+from|"
            r"(?:withdrawals?|pull-?outs?|retreats?|evacuations?|redeployments?)\s+of\s+(?:its|their|the|his)\s+"
            r"(?:[\w-]+\s+){0,2}?"
            r"(?:troops|forces|units|soldiers|fighters|garrison|personnel|defenders)\s+from|redeployed[\"”’']?\s+(?:\w+\s+){0,3}?(?:from|outside)|"
            r"regroup(?:ed|ing)?[\"”’']?\s+(?:\w+\s+){0,3}?from|handed\s+(?:over\s+)?|"
            r"(?:surrendered|surrendering|ceded|ceding)(?!\s+(?:to|on|after|as|when|in)\b)|"
            r"(?:forced|compelled|obliged|had)\s+to\s+(?:leave|abandon|quit|vacate|give\s+up)", confidence=0.75),
    # A place given up to a side, told passively: "the camp at Lere was handed over to the FAMa", "Kidal was handed
    # back to the army" (the side it went to takes it over).
    Trigger("withdrew", r"(?:was|were|been|is|are)\s+(?:\w+ly\s+|now\s+|also\s+|formally\s+){0,2}"
            r"handed\s+(?:back\s+)?(?:over\s+)?(?=to\b)", passive=True, confidence=0.7),  # (not "should be handed")
    # A place left, told passively with the side that left it: "Faizabad was abandoned by government troops", "Kherson
    # was evacuated by Russian forces" (the side after "by" is the one that left).
    Trigger("withdrew", r"(?:was|were|been|being|is|are)\s+(?:(?!(?:not|never)\b)\w+\s+)?"
            r"(?:abandoned|evacuated|vacated)\s+by(?=\s+(?:the\s+)?(?:(?-i:[A-Z])|(?:[\w'’-]+\s+){0,3}?(?:troops|forces|"
            r"army|soldiers|fighters|militants|insurgents|rebels|militia|militiamen|jihadists|units|garrison|"
            r"marines|police)\b))", passive=True, confidence=0.7),  # (not "by its residents", "by civilians")
    # A garrison given up to a side: "the government garrison in Ghazni surrendered to the Taliban" (the place is
    # where the force stood; only with the side it went to, not "soldiers who surrendered in Kidal were taken to").
    Trigger("captured", r"(?:surrendered|surrenders|capitulated|capitulates)(?=\s+to\s+(?:the\s+)?" + _CAP + r"|"
            r"\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:rebels|insurgents|militants|fighters|forces|troops|army|"
            r"jihadists|militiamen)\b)", passive=True, agent_after=False, loser=True, confidence=0.65),
    # A force in a place that surrendered, to nobody named: "Government forces in Kunduz surrendered on Sunday",
    # "the army garrison at Babanusa surrendered after a months-long siege" (the place before it; not "soldiers who
    # surrendered in Kidal were taken to Gao", nor "surrendered to the Taliban", read above).
    Trigger("withdrew", r"(?:surrendered|capitulated|laid\s+down\s+(?:their|its)\s+(?:arms|weapons))"
            r"(?!\s+(?:[\w-]+\s+){0,3}?to\b)", passive=True, agent_after=False, armed=True, confidence=0.6),
    Trigger("withdrew", r"(?:fled|quit|vacated)(?:\s+from)?|left(?=\s+(?:the\s+)?" + _CAP + r"|\s+the\s+(?:town|city|"
            r"village|camp|base|area|district|capital|region|province))", armed=True, confidence=0.65),
    # A withdrawal with no place of its own ("after government troops pulled out", "the army left overnight"):
    # from the last settlement named (not a river's bank: "on the east (left) bank").
    Trigger("withdrew", r"(?:withdrew|withdrawn|withdraws?|withdrawing|retreats?|retreating|"
            r"pull(?:s|ing)?\s+(?:out|back)|pulled\s+(?:\w+\s+)?(?:out|back)|retreated|fled|(?<!\()left|"
            r"abandoned\s+(?:their|its)\s+(?:\w+\s+)?positions|redeployed|regrouped)"
            r"(?=\s*(?:[,.;:)\"”]|$|(?:on|overnight|after|before|without|under|as|when|and|but|earlier|late|last|"
            r"this|yesterday|today|during|following|amid|days|hours|weeks|later|shortly|soon|"
            r"the\s+(?:next|following|same)|a\s+(?:day|week|few))\b))", armed=True, intransitive=True,
            confidence=0.6),
    # ... or a withdrawal towards another town ("the Wazalendo withdrew towards Pinga"): from the last place named
    # (not "retreated towards the presidential palaces", inside it; nor civilians who "fled towards Homs").
    Trigger("withdrew", r"(?:withdrew|withdrawn|withdrawing|withdraw|retreated|retreating|retreat|"
            r"pulled\s+(?:\w+\s+)?(?:back|out)|pull\s+(?:back|out)|fell\s+back|fall\s+back)"
            r"(?=\s+(?:towards?|to|in\s+the\s+direction\s+of)\s+(?:(?:new\s+|defensive\s+|other\s+)?"
            r"(?:positions|lines)\s+(?:near|around|outside|closer\s+to|(?:north|south|east|west)(?:-?(?:east|west))?"
            r"\s+of)\s+)?(?:the\s+(?:town|city|village)\s+of\s+)?" + _CAP + r")", armed=True, intransitive=True,
            confidence=0.6),  # "troops withdrew to Dikwa", "withdrew to positions near Harib": from the last place
    # ... or to the edge of the town just named ("its forces had withdrawn to the outskirts to spare civilians").
    Trigger("withdrew", r"(?:withdrew|withdrawn|withdrawing|retreated|retreating|pulled\s+(?:\w+\s+)?(?:back|out)|"
            r"fell\s+back|redeployed)\s+to\s+(?:the\s+)?(?:[\w-]+\s+)?(?:outskirts|edges?)(?!\s+of\b)", armed=True,
            intransitive=True, confidence=0.55),
    # ... or to a town's edge ("had withdrawn to the outskirts of Wad Madani", "pulled back to the edge of Hama"): the
    # side left the town.
    Trigger("withdrew", r"(?:withdrew|withdrawn|withdrawing|retreated|retreating|pulled\s+(?:\w+\s+)?(?:back|out)|"
            r"fell\s+back|redeployed)\s+to\s+(?:the\s+)?(?:[\w-]+\s+)?(?:outskirts|edges?)(?=\s+of\s+(?:the\s+(?:town|"
            r"city|village)\s+of\s+)?" + _CAP + r")", armed=True, confidence=0.6),
    # An ellipsis: the change told before, again ("Hama followed on 5 December", "Zalingei went the same way").
    Trigger("captured", r"(?:soon\s+|quickly\s+|then\s+|also\s+)?(?:followed(?!\s+(?:by|the|a|an|his|her|their|its|"
            r"suit\s+by|up|through|orders?|him|them|it)\b)|went\s+the\s+same\s+way|suffered\s+the\s+same\s+fate|"
            r"(?:was|were)\s+next|came\s+next)", passive=True, echo=True, confidence=0.65),
    # A fall with no taker named ("Aleppo fell first.", "Mosul fell on 10 June", "Avdiivka was lost in February"): the
    # article may say later who.
    Trigger("captured", r"(?:fell|(?:has|had|have)\s+fallen|(?:was|were|(?:has|had|have)\s+been)\s+lost)"
            r"(?=\s*(?:[,.;:]|$)|\s+(?:on|in|at|first|quickly|swiftly|"
            r"within|after|without|overnight|late|early|hours|days|weeks|last|this|yesterday|shortly|soon|when|as|"
            r"before|during|following|amid|and|too|also|next)\b)", passive=True, loser=True, confidence=0.65),
    # A capture stated through the loser: "the army lost control of X", "losing X".
    Trigger("captured", r"lost\s+control\s+(?:of|over)|losing\s+control\s+(?:of|over)|lost|losing|loss\s+of|"
            r"lose(?=\s+(?:it|them|the\s+(?:city|town|village))\s+(?:again\s+)?to\b)",
            loser=True, confidence=0.7),
    GARRISON_ENCIRCLED,
    Trigger("entered", r"entered|entering|enter|enters|broke\s+into|breaks?\s+into|pushed\s+into|push(?:es)?\s+into|"
            r"(?:pushed|pushing|advanced|advancing|moved|moving|drove|driving)\s+(?:deeper|further|farther)\s+into|"
            r"advanced\s+into|advances?\s+into|moved\s+into|moves?\s+into|sweeps?\s+into|storms(?:\s+into)?|"
            r"moving\s+into|poured\s+into|swept\s+into|stormed(?:\s+into)?|storming|infiltrated|"
            r"deploy(?:ed|ing)?\s+(?:\w+\s+){0,2}?(?:in|into|to)|pushed\s+back\s+into|"
            r"(?:are|were|is|was|now|already|fighters|forces|troops|vehicles|men|rebels|insurgents)\s+inside",
            confidence=0.8),
    # An armed side coming back ("federal troops returned to Lalibela"; "took control of Lalibela on Wednesday before
    # federal troops returned": the last place named).
    Trigger("entered", r"(?:returned|returning|returns)\s+to(?=\s+(?:the\s+(?:town|city|village)\s+of\s+)?"
            + _CAP + r")", armed=True, confidence=0.6),
    Trigger("entered", r"(?:returned|returning)(?=\s*(?:[,.;:)\"”]|$|(?:on|overnight|after|before|without|late|last|"
            r"this|yesterday|today|hours|days|shortly|soon|the\s+(?:next|following|same))\b))",
            armed=True, intransitive=True, confidence=0.55),
    FLAG_RAISED,
    PATROLLED,
    SHOWN_AT,
    # An entry with no place of its own ("withdrew from Kirkuk as Iraqi troops moved in"): the last settlement named.
    Trigger("entered", r"(?:moved|moving|moves|move|marched|marching|rolled|rolling|poured|pouring)\s+in"
            r"(?=\s*(?:[,.;:)\"”]|$|(?:on|overnight|after|before|without|as|when|and|but|late|last|this|yesterday|"
            r"today|during|following|amid|hours|days|shortly|soon|the\s+(?:next|following|same))\b))",
            armed=True, intransitive=True, confidence=0.6),
    Trigger("contested", r"(?:fighting|fights|clash(?:es|ed)?|battl(?:es?|ed|ing)|fought|skirmishes|combat)"
            # a word or three set off by commas: "Fighting, meanwhile, continued in", "Clashes, residents said,"
            r"(?:\s*,(?:\s+[\w-]+){1,3}\s*,)?"
            r"(?:\s+[\w-]+){0,5}?\s+(?:in|inside|within)(?=\s+(?:the\s+)?(?:" + _CAP + r"|(?:town|city|village|"
            r"camp|capital|district|neighbou?rhood|centre|center|streets|heart|old|western|eastern|northern|"
            r"southern|central)\b))|battling\s+for|(?<!-)contested", confidence=0.7),
    # Ground gained inside a place: "advanced in northern Toretsk", "advanced to central Kurakhove", "made gains
    # within Vuhledar" (the place is fought over; "advanced north of Dalne" is a reference point, no place's own).
    Trigger("contested", r"(?:advanced|advancing|advances|advance|made\s+(?:\w+\s+)?(?:gains|advances)|"
            r"gained\s+ground)\s+(?:(?:in|within|inside)(?=\s+(?:the\s+)?(?:" + _CAP + r"|(?:central|northern|southern|"
            r"eastern|western|north-?(?:eastern|western)|south-?(?:eastern|western)|centre|center|heart|outskirts)\b))"
            r"|to(?=\s+(?:the\s+)?(?:central|northern|southern|eastern|western|north-?(?:eastern|western)|"
            r"south-?(?:eastern|western)|centre|center|heart)\b))", confidence=0.6),
    Trigger("contested", r"driving\s+(?:the\s+)?\w+\s+out|pushing\s+(?:the\s+)?\w+\s+back|fierce\s+battles|"
            r"fighting\s+(?:is|was|were|has\s+been)\s+(?:still\s+)?(?:ongoing|raging|continuing|under\s+way)|"
            r"(?:fighting|clashes)\s+(?:continued|raged|went\s+on|(?:has|have|had)\s+(?:continued|raged))",
            passive=True, agent_after=False, confidence=0.6),
    Trigger("besieged", r"besieged|besieging|besiege|laid\s+siege\s+to|lay\s+siege\s+to|laying\s+siege\s+to|"
            r"encircled|encircling|encircle|surrounded|siege\s+(?:imposed\s+)?(?:of|on)|"
            r"(?:imposed|imposing)\s+a\s+blockade\s+on|blockade\s+(?:of|on)|blockaded|blockading|"
            r"blockades?(?=\s+(?:the\s+(?:town|city|village|camp)\s+of\s+)?" + _CAP + r")", confidence=0.75),
    # The last way in cut: "cut the last supply route into El Fasher", "severed the only road to Taiz" (not
    # "blocking the main road to Beledweyne": a road between two towns, no siege of the one it leads to).
    Trigger("besieged", r"(?:cut|cuts|cutting|severed|severing|severs|blocked|blocking|closed)\s+(?:off\s+)?(?:the\s+)?"
            r"(?:last|only|remaining|final)\s+(?:(?:supply|land|road|ground|access)\s+)?(?:route|road|line|highway|"
            r"corridor|artery|link)s?\s+(?:into|to|in\s+and\s+out\s+of|out\s+of|serving)", confidence=0.6),
    Trigger("besieged", r"under\s+siege|under\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:siege|blockade)|"
            r"(?:was|were|been|is|are)\s+(?:(?!(?:not|never)\b)\w+\s+)?(?:besieged|encircled|surrounded|blockaded|"
            r"cut\s+off)|remains?\s+(?:(?!(?:not|never)\b)\w+\s+)?encircled", passive=True, confidence=0.75),
    # Split control: "Qamishli remains split between the SDF and government pockets".
    Trigger("held", r"(?:split|divided|shared|partitioned)\s+between", passive=True, split=True, confidence=0.65),
    Trigger("held", r"(?:controlled|held|run|ruled|governed|occupied)\s+(?:since\s+(?:\w+\s+){1,2}?)?by|"
            r"in\s+(?:the\s+)?(?:[\w'’-]+\s+){1,2}?hands|under\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}control|"
            r"in\s+the\s+hands\s+of|has\s+been\s+held|remains?\s+in\s+(?:\w+\s+)?control|"
            r"(?:under|in)\s+the\s+(?:firm\s+|tight\s+|iron\s+)?grip\s+of", passive=True,
            confidence=0.7),
    # Troops that stayed in a place hold it: "Eritrean troops remained in the town of Shire", "Russian troops remained
    # in Kherson until November 2022" (a fighting side only: "civilians remained in Bakhmut" is none).
    Trigger("held", r"(?:remained|remains|remain|stayed|stays|stay)\s+(?:deployed\s+|stationed\s+|entrenched\s+|"
            r"dug\s+in\s+)?in(?=\s+(?:the\s+(?:town|city|village|capital)\s+of\s+)?" + _CAP + r")", armed=True,
            confidence=0.6),
    # A side that kept its positions in a place holds it: "Ukrainian forces maintain positions in the town",
    # "the army retained control in Babanusa".
    Trigger("held", r"(?:maintain|maintains|maintained|maintaining|retain|retains|retained|retaining|keep|keeps|kept|"
            r"keeping)\s+(?:their\s+|its\s+|some\s+)?(?:positions|a\s+presence|a\s+foothold|control)\s+(?:in|inside)"
            r"(?=\s+(?:the\s+(?:town|city|village|township)\b|(?:the\s+(?:town|city|village)\s+of\s+)?"
            # a part of the place: "maintain positions in northern Kupiansk"
            r"(?:(?:northern|southern|eastern|western|central|north-?(?:eastern|western)|south-?(?:eastern|western))"
            r"\s+)?" + _CAP + r"))",
            armed=True, confidence=0.6),
    REPELLED,
    ATTACK_REPULSED,
    # A side that retains a place holds it: "the army retains El Fasher", "M23 retained Bunagana" (a side before it).
    Trigger("held", r"(?:retains|retained|retain|retaining)(?=\s+(?:the\s+(?:town|city|village|capital)\s+of\s+)?"
            r"(?-i:[A-Z]))", armed=True, weak=True, confidence=0.6),
    PUSHED_BACK_EDGE,
    PUSHED_BACK_EDGE_PASSIVE,
    PUSHED_BACK_PASSIVE,
    PUSHED_BACK,
    CHANGED_HANDS,
    Trigger("held", r"stronghold\s+(?:of|in)|power\s+base\s+in|dominant\s+force\s+in|controls" + _NO_ROUTE + r"|"
            r"in\s+(?:full\s+|firm\s+)?control\s+of|de\s+facto\s+(?:local\s+)?(?:administration|authority)\s+in|"
            r"(?:still|now|firmly)\s+(?:holds?|held|controls?|controlled)|"
            r"(?:has|have|had)\s+(?!been\b)(?:(?!(?:not|never)\b)\w+\s+)?(?:held|controlled|occupied)|holds|holding|"
            r"(?:remained|remains)\s+in\s+(?:full\s+)?control\s+of|kept\s+(?:its|their)\s+hold\s+on",
            confidence=0.7),
    # (not "fighting for control of Marib", "the battle for control of Bakhmut": a fight, nobody's hold)
    Trigger("held", r"(?<!-)(?<!taken\s)(?<!gained\s)(?<!seized\s)(?<!assumed\s)(?<!back\s)(?<!lost\s)(?<!claimed\s)"
            r"(?<!\bfor\s)"
            r"(?:held|controlled|control|hold|occupy)(?=\s+(?:(?:the|most|much|all|parts?|half|of|"
            r"(?:north|south)?-?(?:east|west)?|north|south|centre|center|"
            # a share: "control more than 90 percent of Donetsk region", "hold about a third of Vovchansk"
            r"(?:(?:more|less)\s+than|nearly|almost|about|around|roughly|some)(?=\s+(?:\d|a\s+(?:third|quarter)\b|"
            r"(?:one-|two-)?thirds?\b|(?:three-)?quarters\b|half\b))|a(?=\s+(?:third|quarter)\b)|"
            r"\d[\d.,]*\s*(?:%|per\s*cent)|(?:one-|two-)?thirds?|(?:three-)?quarters?)\s+)*"
            r"(?:" + _CAP + r"|(?:town|city|village|capital|district|neighbou?rhood)\b|it\b(?!\s+(?:was|is|had|has|"
            r"would|will|said|says|to)\b)))", weak=True, confidence=0.6),
)

#: The triggers that count wherever they match (:func:`read_here`): what another rule asks when it looks for any verb
#: of change in a stretch of text ("another verb's object", "an unknown object before").
OPEN_TRIGGERS: tuple[Trigger, ...] = tuple(t for t in TRIGGERS
                                           if t is not SHOWN_AT and t is not BARE_CAPTURED and t is not BARE_REGAINED)

#: Words that make a trigger not a fact: negation, failure, threat, intention, approach.
HEDGE = _re(r"\b(?:not|never|no\s+longer|n['’]t|failed|fail|fails|failing|tried|try|tries|trying|attempt(?:s|ed|ing)?|"
            r"threat(?:en|ened|ens|ening)?|vow(?:s|ed)?|aim(?:s|ed|ing)?|plan(?:s|ned|ning)?|seek(?:s|ing)?|sought|"
            r"bid|push(?:es)?\s+(?:by\s+(?:\w+\s+){1,3})?to|efforts?|would|could|might|will|shall|(?-i:may)|verge|"
            r"unable|hope(?:s|d)?|"
            r"intend(?:s|ed)?|prepar(?:e|es|ed|ing)|expected|poised|ready|want(?:s|ed)?|order(?:s|ed)?\s+to|"
            r"allow(?:s|ed)?|cannot|rather\s+than|without|"
            # a condition or an open question: "if the RSF takes El Obeid", "whether the army retook Bara"
            r"if|unless|whether)\b")

#: Reporting verbs after a speaker: a side saying it makes a claim.
REPORT = _re(r"\b(?:say|says|said|claim|claims|claimed|claiming|announced?|announces|stated|insist(?:s|ed)?|"
             r"report(?:s|ed|ing)?|according\s+to|told|tells|statement)\b")
#: A denial; also a report retracted, as a correction tells it ("An earlier version of this article wrongly said that
#: insurgents had captured Mueda").
DENY = _re(r"\b(?:denied|denies|deny|denying|rejected|rejecting|dismissed|dismissing|refuted|refuting|"
           r"(?:wrongly|incorrectly|erroneously|mistakenly)\s+(?:said|reported|stated|wrote)|misreported)\b")
VERIFY = _re(r"\b(?:verified|geolocated|geo-located|confirmed|confirm(?:s|ing)?|authenticated)\b")
#: An assessment, not a verification: "geolocated footage indicates that Russian forces likely seized X".
ASSESSED = _re(r"\b(?:likely|probably|possibly|apparently|appear(?:s|ed)?\s+to(?:\s+have)?)\b")
UNVERIFIED = _re(r"\b(?:could\s+not\s+be\s+(?:independently\s+)?(?:verified|confirmed)|unverified|unconfirmed|"
                 r"allegedly|purportedly|"
                 r"not\s+(?:been\s+)?(?:independently\s+)?(?:verified|confirmed)|"
                 # "officials did not confirm the report", "could not independently confirm", "declined to confirm"
                 r"(?:not|n['’]t|never|cannot)\s+(?:yet\s+|been\s+|yet\s+been\s+)?(?:independently\s+)?"
                 r"(?:verify|verified|confirm|confirmed)|"
                 # "ISW has not observed visual evidence to confirm this claim"
                 r"(?:not|n['’]t|never|cannot|no)\s+(?:[\w-]+\s+){1,5}?to\s+(?:independently\s+)?(?:verify|confirm)|"
                 r"(?:declined|refused|unable|failed)\s+to\s+(?:independently\s+)?(?:verify|confirm)|"
                 # "ISW has not observed confirmation of this claim", "there was no independent confirmation"
                 r"(?:(?:not|n['’]t|never|no)\s+(?:[\w-]+\s+){0,3}?|without\s+(?:[\w-]+\s+)?)"
                 r"(?:confirmation|verification|corroboration)(?!\s+of\s+(?!(?:this|these|that|those|the|such)\s+"
                 r"(?:claims?|reports?|accounts?|statements?|footage|videos?)\b|it\b|them\b)))\b")

#: A part of a place, not all of it (geo precision 2): "eastern Aleppo", "a western suburb of", "the Syrian side of".
PART_OF_PLACE = _re(r"\b(?:(?:the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?|suburbs?|outskirts|wards?|"
                    r"micro-?districts?|"
                    r"old\s+(?:city|town)|neighbou?rhoods?|districts?(?!\s+headquarters)|quarters?|parts?|half|areas?|edge|portion|section|sectors?|"
                    r"(?:one-|two-)?thirds?|"
                    r"(?<![\d.,])(?!100\b)\d[\d.,]*\s*(?:%|per\s*cent)|"  # "about 40 percent of Khartoum"
                    r"sides?|slopes?|summit|peak|"
                    r"swathes?|pockets?)\s+(?:[\w-]+\s+){0,3}?of\s+(?:the\s+)?$|\b(?:eastern|western|northern|"
                    r"southern|rebel-held|government-held|regime-held)\s+$")
#: Quantifiers that make a region-level statement partial ("positions in a number of towns in"), and one unnamed
#: place in the region ("seized a key district in the central province of Marib", "took a village in Kidal region").
PARTIAL = _re(r"\b(?:positions|a\s+number\s+of|some|several|parts?\s+of|villages|towns|areas\s+of|pockets|"
              r"(?:a|an|one)\s+(?:[\w-]+\s+){0,2}?(?:district|village|town|hamlet|locality|settlement|position|"
              r"outpost|base|area|hill|mountain|county|township|municipality|sub-?district)\s+(?:in|of)\b)")
#: "rebel-held", "government-controlled": a standing-control adjective before a place or part.
HELD_ADJECTIVE = _re(r"\b([A-Za-z][\w]*)-(?:held|controlled|run|occupied)\b")
#: "the city", "the town", "the provincial capital": the last settlement named before (for a division's capital, the
#: last one the article called a capital; group 2 is its division word).
ANAPHORA = _re(r"\bthe\s+(?:(?!(?:nearby|neighbou?ring|next|other|adjacent|second|third|last|first|new|old|"
               r"twin|sister|rival)\b)(?:(?-i:[a-z])[\w-]*|(?-i:[A-Z])[a-z]+(?:an|ese|ish|i|ic))\s+){0,2}?"
               r"(city|town|village|township|locality)\b(?!\s+of\b)|\bthe\s+(?:(provincial|regional|state|district|departmental|county|"
               r"oblast|governorate|township)\s+)?capital\b(?!\s+of\b)")
#: Head nouns of unnamed landmarks resolved inside the article's main city.
LANDMARK_NOUN = _re(r"\b(?:the\s+)?(?:(?:\w+|\w+-\w+)\s+){0,3}?(academy|airport|airbase|air\s+base|base|citadel|"
                    r"university|prison|hospital|barracks|school|college|dam|bridge|station|castle)\b")
#: "forced out by the army in 2016": the forcing side held the place then.
FORCED_OUT = _re(r"\b(?:forced|driven|pushed|expelled|kicked|ousted)\s+out(?:\s+of\s+(?:the\s+)?\w+)?\s+by\b")
#: After a contest trigger: the fighting is over, not going on.
ENDED = _re(r"^\W*(?:\w+\W+){0,3}?(?:had\s+|has\s+)?(?:largely\s+|mostly\s+)?(?:wound\s+down|subsided|ended|"
            r"ceased|stopped|eased|died\s+down)\b")
#: An encirclement left open on one side ("encircled on three sides", "from two directions"): no siege yet.
OPEN_SIDE = _re(r"^\W*(?:\w+\W+){0,4}?(?:on|from)\s+(?:two|three|several|multiple)\s+(?:sides|flanks|directions)\b")
#: People after a siege word used as an adjective ("besieged soldiers cheered"): the people are besieged, no place is.
BESIEGED_PEOPLE = _re(r"^\s+(?:soldiers|troops|civilians|residents|defenders|fighters|people|families|population|"
                      r"inhabitants|garrisons|men|forces|units)\b")
#: Verbs after which an infinitive is an achievement or a state going on, not an intention ("managed to break",
#: "continued to besiege").
ACHIEVED = _re(r"\b(?:managed|succeeded|able|began|begun|started|went\s+on|only|continued|continues|continue|"
               r"continuing)\s+to\s*$|"
               # a side made to do it did it: "forcing soldiers to withdraw to Dikwa", "forced the army to retreat"
               r"\b(?:forc(?:ed|ing|es)|compell(?:ed|ing)|oblig(?:ed|ing))\s+(?:[\w-]+\s+){0,3}?to\s*$")
PREVIOUSLY = _re(r"\b(?:previously|formerly|once|earlier)\s+(?:under|held|controlled)\b")
#: Before a place that is a reference point, not the subject: "35 km north of Hama", "near Aleppo", "towards the
#: central city of Hama".
REFERENCE_CUE = _re(r"(?:\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|\bnear|\boutside|"
                    r"\b(?:fled|fleeing|flee|flees|displaced|escaped|evacuated)\s+to|"
                    r"\btowards?|\bfrom|\bkm\s+of|\bkilometr?e?s?\s+of|\bmiles\s+of|\bbetween|\bcalled)"
                    r"\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:city|town|capital)\s+of\s+)?$")
#: After a place used as a modifier, not a subject: "the Damascus-Aleppo road", "Aleppo province".
MODIFIER_AFTER = _re(r"^(?:\s*[-–]\s*\w|\s+(?:road|highway|motorway|river|countryside|front|airport\s+road)\b)")
#: After a town that names an axis of advance, not a place fought in: "regained positions in the Kupiansk direction",
#: "on the Bara axis", "in the Pokrovsk and Toretsk directions".
AXIS_AFTER = _re(r"(?:\s+and\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?)?\s+(?:directions?|axis|axes)\b")
#: A denial that only qualifies a claim made before it ("a claim the rebels denied") keeps it ``claimed``.
CLAIM_DENIED = _re(r"\ba\s+claim\s+(?:that\s+)?(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:denied|denies|rejected|"
                   r"dismissed|refuted)\b")
#: What "since" takes when it is a time, not a clause: "since 2013", "since mid-February", "since last year".
_SINCE_TIME = (r"\d|early\b|late\b|mid\b|mid-|last\b|this\b|then\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
               r"dec)[a-z]*\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
#: Where a clause ends: a trigger's place is not looked for beyond these.
CLAUSE_BREAK = _re(r"[;:–—]|,\s+(?:but|while|whereas|although|though|which|who|where|as|(?:and\s+)?then)\b|"
                   r"\band\s+(?:then|that)\b|\bfollowed\s+by\b|\b(?:but|while|whereas|"
                   r"although|after|before|when|following|because|where|until)\b|"
                   rf"\bsince\b(?!\s+(?:{_SINCE_TIME}))")  # "since 2013" is a time, "since the war began" a clause
