"""Extracting control-change events from an article, sentence by sentence.

For each candidate sentence (:mod:`geo.extract.context` finds them, with their places, actors
and time expressions) the extractor finds the triggers (:mod:`geo.extract.lexicon`). Each trigger
yields one event per place it governs:

* **Place**: the places the trigger governs, as :mod:`geo.extract.places` finds them: for an
  active trigger those that follow it in its clause, coordinated ones included ("rebels
  captured X and Y"); for a passive one the place just before it ("X fell to"); "the city"
  and unnamed landmarks resolve to the last settlement named. A part ("eastern Aleppo")
  gives geo precision 2, a governorate 3.
* **Hedges**: a trigger whose clause has a negation, failure, threat, intention or approach
  before it ("failed to capture", "threatened to take", "reached the outskirts of") is not
  an event.
* **Actors**: the gaining side is the nearest faction before an active trigger (or after
  "by"/"to" for a passive one), else the last faction of the previous sentences; for
  ``withdrew`` the side named is the losing one. A side inside a relative clause closed
  before the trigger, or named as the owner of ground ("Islamic State's de facto capital"),
  is not the subject; the owner of a captured unit ("the army's 17th Division base") loses
  it; the holder a sentence describes a place by ("which had been under army control")
  loses the place its change is about. In a contest the side said to hold the place is the
  defender, and a side named after the trigger as attacking is the attacker. A bare "the army"
  that the theatre leaves ``unknown`` is the army of the country its places lie in, where the
  theatre can tell (:meth:`geo.theatres.Theatre.home_army`).
* **Stance**: a side that says or claims it makes the event ``claimed`` (attributed to that
  side); a denial makes it ``denied``; a verification ("BBC Verify has geolocated") makes it
  ``verified``; a monitor's report ("according to the Syrian Observatory") stays
  ``reported`` with the monitor as ``attributed_to``.
* **Time**: the time expression of the clause (else the range an ordering word gives it,
  else the sentence's); "since June" states start then; with no expression, the
  publication day or the day before (the dates are set by
  :func:`geo.extract.context.make_event`).
* **Background statements** ("forced out by the army in 2016", "previously under
  government control", "rebel-held") become ``held`` at their own date, never at the
  publication date (:mod:`geo.extract.background`).
* **Partial region statements** ("positions in a number of towns in Aleppo and Idlib
  provinces") become ``contested`` for the governorate, never a full change of hands.
* **One event per place, kind, sentence and date**: the strongest stance wins ("seized it in
  May 2015 ... only to lose it again to ISIL in December 2016" are two captures).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from gazetteer import Gazetteer, Mention, Place
from geo.extract import lexicon as lx
from geo.extract.actors import ActorMention, actor_index
from geo.extract.background import background_events
from geo.extract.clauses import (
    antecedent,
    contact_relative,
    contained,
    ground_owner,
    irrealis,
    modifier_actor,
    names_a_facility,
    object_gap,
    relative_actor,
    relative_pronoun,
    source_actor,
)
from geo.extract.context import (
    EVENT_WORDING,
    WORDING_GATES,
    Context,
    Sentence,
    Wording,
    event_candidates,
    line_time,
    make_event,
    object_apposition,
    read_sentences,
    time_for,
)
from geo.extract.places import (
    SETTLEMENTS,
    Target,
    described_as_stronghold,
    reference_point,
    region_name,
    remember_sites,
    target_places,
)
from geo.extract.prefilter import LiteralGate
from geo.extract.result import link_duplicate_events
from geo.extract.statements import in_statements
from geo.extract.time.durations import besieger_after, siege_lengths, started, state_length
from geo.extract.time.expressions import TimeMention
from geo.extract.time.relative import chained
from geo.extract.voice import in_voice, outlet_faction, state_voice
from geo.model import Article, ControlEvent, EventKind, Stance
from geo.theatres import Theatre

__all__ = ["extract_events", "events_and_theatre", "link_duplicate_events", "SETTLEMENTS"]

_STANCE_RANK = {"denied": 0, "claimed": 1, "reported": 2, "verified": 3}
_OPENERS = frozenset({"before", "after", "when", "since", "following", "until"})  # a clause starts at them
_RELATIVES = frozenset({"which", "who", "where"})
#: After the comma that closes a relative clause, the main clause goes on with its verb (not a list or a time).
_RELATIVE_TRIGGER_AFTER = re.compile(r"\s*(?:and\s+|or\s+)?(?:on|in|at|about|some|around|a|an|the)\b", re.I)
_CONTRAST = re.compile(r",\s*but\b|;|\bbut\b|\bhowever\b", re.I)
_TO_END = re.compile(r"\bto\s+$")
_TO_THE_END = re.compile(r"\bto\s+(?:the\s+)?$")
#: Before the side a withdrawal left a place to: "pulled out, leaving Druze factions (in control)", "withdrew,
#: leaving the town to the M23", "leaving it in the hands of the RSF".
_LEAVING_TO = re.compile(r"\bleaving\s+(?P<place>(?:it|them|the\s+(?:[\w-]+\s+)?(?:town|city|village|area|base|"
                         r"district))\s+(?:to|in\s+the\s+hands\s+of|under\s+the\s+control\s+of)\s+)?(?:the\s+)?$", re.I)
#: After that side: "in control", "in charge", "in full control of the town".
_IN_CONTROL_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?in\s+(?:full\s+|sole\s+)?(?:control|charge)\b", re.I)
#: Before the side a place went to after a loss: "fell to the rebels", "was driven out of Kidal by the rebels".
_TO_OR_BY_THE_END = re.compile(r"\b(?:to|by)\s+(?:the\s+)?$")
_AFFILIATED = re.compile(r"\b(rebel|opposition|government|regime|HTS|state)[- ](?:affiliated|linked|run)\b", re.I)
#: Another speaker between a side and a verb of saying ("fell to the M23, local sources said", "from PDF terrorists,
#: the Global New Light of Myanmar reported"): the side said nothing.
_OTHER_SPEAKER = re.compile(r",\s+(?!(?:its|their|his|her|whose|which|who|it|they|he|she)\b)(?:[\w'’-]+\s+){1,6}$",
                            re.I)
#: A side's word in that speaker ("a rebel spokesman said", "an army officer said"): the side's own voice.
_SIDE_WORD = re.compile(r"\b(?:rebels?|army|military|government|paramilitar(?:y|ies)|militias?|insurgents?|"
                        r"jihadists?|group['’]s|movement['’]s|junta)\b", re.I)
_N_TRIGGERS = len(lx.TRIGGERS)
#: Fighting told near a place and then in the area around it: "fighting continued near Robotyne in western
#: Zaporizhia", "clashes took place north of Tal Tamr in Hasakah province". Neither the town nor its area is fought
#: inside.
_NEAR_THEN_IN = re.compile(r"\s(?:near|around|outside|close\s+to|towards?|(?:north|south|east|west)(?:-?(?:east|west))?"
                           r"(?:ern)?\s+of|on\s+the\s+(?:outskirts|edges?|approaches)\s+of)\s(?:[\w-]+\s+){1,4}"
                           r"(?:in|inside|within)$", re.I)
#: A verb of saying after what was said, its speaker after it: "Fallujah fully liberated, says army commander",
#: "'We hold the airport,' said the army spokesman".
_INVERTED_BEFORE = re.compile(r"[,'’\"”]\s*$")
_INVERTED_VERB = re.compile(r"says|said|claims|claimed", re.I)
_WITNESSES = re.compile(r"\b(?:residents?|witness(?:es)?|locals?|inhabitants|eyewitness(?:es)?|medics?|doctors?|"
                        r"aid\s+workers?|journalists?|reporters?|correspondents?)\b", re.I)
#: A comma that opens an apposition describing the side before it: ", one of the most powerful ...", ", an alliance of".
_APPOSITION_HEAD = r"\s*,\s+(?:one|part|a|an|the|some)\b"
#: Between a side and its verb of saying, an apposition that describes it: ", an alliance of Tuareg-led rebel groups, ".
_SPEAKER_APPOSITION = re.compile(_APPOSITION_HEAD + r"\s+[^,;:()\"“”]{3,90},\s*(?:(?:has|had|also|later)\s+)?", re.I)
#: The words before a verb of saying back to the clause's start: "..., SUNA said", "... Kyaukme, the Global New
#: Light of Myanmar reported".
_SPEAKER_BEFORE = re.compile(r"(?<=[,;:(\u2014\u2013-])[^,;:()\u2014\u2013]{1,55}$")
_SPEAKER_AFTER = re.compile(r"\s+(?!(?:on|in|at|that|it|they|he|she|we|its|their|late|early|today|yesterday|monday|"
                            r"tuesday|wednesday|thursday|friday|saturday|sunday)\b)(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,6}?"
                            r"[\w'’-]+(?=\s*(?:[,.;:]|$|\s+(?:on|in|at|after|late|early|today|yesterday)\b))", re.I)


def _other_speaker(text: str, lo: int, hi: int, faction: str | None = None, theatre: Theatre | None = None) -> bool:
    """Whether another speaker stands between a side ending at *lo* and a verb of saying at *hi*.

    Another speaker is one of no side ("fell to the M23, local sources said"), or one whose side
    word names another side than *faction* in *theatre* ("after al-Shabaab fighters fled, the
    government said"); "a rebel spokesman said" after the rebels is their own voice.
    """
    m = _OTHER_SPEAKER.search(text, lo, hi)
    if m is None:
        return False
    word = _SIDE_WORD.search(m.group(0))
    if word is None:
        return True
    side = _side_of_word(word.group(0), theatre)
    return side is not None and faction is not None and side != faction


def _side_of_word(word: str, theatre: Theatre | None) -> str | None:
    """Return the side a speaker's side word names in a theatre ("government", "army"), or None."""
    if theatre is None:
        return None
    word = word.lower().rstrip("'’s")
    found = (theatre.faction_of(word) or theatre.faction_of(f"the {word}") or theatre.faction_of(f"{word} forces")
             or (theatre.government if word == "government" else None))
    return None if found in (None, "unknown") else found


#: A side's decision told before its withdrawal: "had decided to withdraw its units from Avdiivka".
_DECIDED = re.compile(r"\b(?:decided|decides|(?:took|taken|made|make)\s+(?:the|a)\s+decision)\s+to\s+$", re.I)


#: After a reporter's caveat (:data:`geo.extract.lexicon.UNVERIFIED`: "could not independently verify", "was unable to
#: confirm"), the side's claim it is about, up to the claim's "that": "the claim that", "the RSF's assertion that".
_CLAIM_THAT = re.compile(r"\s+(?:the\s+|a\s+|an\s+|these\s+|this\s+)?(?:[\w'’-]+\s+){0,3}?"
                         r"(?:claims?|assertions?|reports?|statements?|announcements?|accounts?)\s+that\s+", re.I)


def _caveats_of_claims(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Return the spans of the reporter's caveats on a claim in ``text[lo:hi]``, each up to the claim's "that"."""
    return [(u.start(), c.end()) for u in lx.UNVERIFIED.finditer(text, lo, hi)
            if (c := _CLAIM_THAT.match(text, u.end())) is not None]


#: A verb of state joined to the verb before it by "and" or "but": "... and is held by", "... but remains in",
#: "... and still controls".
_JOINED_STATE = re.compile(r"\b(?:and|but)\s+(?=(?:is|are|was|were|remains?|remained|stays?|stayed|still|"
                           r"has\s+been|have\s+been|had\s+been)\b)", re.I)


def _hedged(text: str, lo: int, trig: re.Match[str], kind: str, sent_end: int) -> bool:
    """Tell whether the trigger is hedged.

    Hedged: a negation, failure, threat or intention before the trigger; an infinitive of
    purpose; a gerund or nominal that is the subject of a modal or an aim ("Seizing Kidal
    would ..."); for a siege, an encirclement left open ("encircled it on three sides") or
    people said to be besieged ("besieged soldiers cheered"); or,
    for a contest, fighting said to be over ("fighting in Idlib had largely wound down").
    """
    start = max(lo, trig.start() - 60)
    window = text[start : trig.start()]
    caveat = max((end for _, end in _caveats_of_claims(text, max(lo, trig.start() - 120), trig.start())), default=0)
    if caveat > start:  # "could not verify the claim that": a claim, not a negation
        window = window[caveat - start :]
    joined = [m for m in _JOINED_STATE.finditer(window)]
    if joined:  # "has not been taken by the Taliban and is held by forces loyal to Massoud": the negation is the
        # first verb's; the state joined to it is told ("did not fall and remains under government control")
        window = window[joined[-1].end() :]
    if lx.HEDGE.search(window):
        return True
    if irrealis(text, lo, trig.start(), trig.group(0), sent_end):
        return True
    if _TO_END.search(window) and not lx.ACHIEVED.search(window) \
            and not (kind == "withdrew" and _DECIDED.search(window)):
        return True  # (a side that "decided to withdraw" announces its withdrawal; "decided to take X" is an aim)
    if kind == "besieged" and (lx.OPEN_SIDE.search(text[trig.end() : trig.end() + 60])
                               or lx.BESIEGED_PEOPLE.match(text[trig.end() : trig.end() + 20])):
        return True  # "encircled Bakhmut on three sides": the last road is open; "besieged soldiers cheered"
    return kind == "contested" and bool(lx.ENDED.search(text[trig.end() : trig.end() + 60]))


#: After a denial, the denier's own account: "denied that Kupiansk had fallen, saying its troops still held it".
_DENIER_SAYS = re.compile(r",\s+(?:saying|adding|insisting|stressing|asserting|maintaining)\b", re.I)


#: The speaker's own side, told after a verb of saying that follows a denial: ", saying its troops".
_SPEAKER_OWN = re.compile(r",\s+(?:saying|adding|insisting|stressing|asserting|maintaining)\s+(?:that\s+)?"
                          r"(?:its|their)\b[^,;:]*$", re.I)


def _same_span(text: str, a: int, b: int) -> bool:
    """Whether *a* comes before *b* with no contrast (", but", ";", "however") between them."""
    return a <= b and not _CONTRAST.search(text, a, b)


def _clause_bounds(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """Return the clause of *text[start:end]* around *pos* (breaks: :data:`geo.extract.lexicon.CLAUSE_BREAK`)."""
    lo, hi = start, end
    for m in lx.CLAUSE_BREAK.finditer(text, start, end):
        if m.end() <= pos:
            word = m.group(0).strip(" ,").lower()
            lo = m.start() if word in _OPENERS else m.end()
            if word in _RELATIVES:  # "The RSF, which overran the capital in 2023, has pulled out of ...": main clause
                comma = text.rfind(",", m.end(), pos)
                if comma >= 0 and not _RELATIVE_TRIGGER_AFTER.match(text, comma + 1, pos):
                    lo = comma + 1
        elif m.start() >= pos:
            hi = m.start()
            break
    return lo, hi


@dataclass(frozen=True, slots=True)
class _Relative:
    """A relative clause after a main clause that tells a change: what it says came before that change."""

    #: The side the relative pronoun stands for when it is the trigger's subject ("from the RSF, who overran it").
    side: str | None
    #: Told in the past by a side of its own ("who seized it", "which the RSF had held"): what the side that
    #: lost the place did before, at no date but the relative clause's own (not "which fell", "who fled":
    #: the main change told again).
    earlier: bool


#: Kinds whose trigger tells a change of hands: a relative clause after one tells what came before it.
_CHANGES = tuple(t.pattern for t in lx.OPEN_TRIGGERS if t.kind in ("captured", "regained", "withdrew", "entered")
                 and not t.echo)
#: Between a subject relative pronoun and its verb: auxiliaries and adverbs ("who had earlier seized").
_RELATIVE_AUXILIARIES = re.compile(r"^(?:\s+(?:had|has|have|been|was|were|is|are|then|first|earlier|later|briefly|"
                                   r"once|also|still|now|\w+ly))*\s*$", re.I)
_PUNCTUATION = re.compile(r"[,;:]")
#: A present or perfect verb group: the relative clause tells how things stand, not what came before.
_PRESENT_GROUP = re.compile(r"\b(?:has|have|is|are|remains?|still|now|currently|holds?|controls?)\b", re.I)


def _time_in_clause(sent: Sentence, pos: int) -> bool:
    """Whether a time expression follows *pos* before the next comma, colon or semicolon of its sentence."""
    stop = _PUNCTUATION.search(sent.text, pos - sent.start)
    end = sent.start + stop.start() if stop else sent.end
    return any(pos <= t.start < end for t in sent.times)


def _relative_clause(text: str, sent: Sentence, pos: int, trig_end: int, clause: tuple[int, int],
                     ) -> tuple[tuple[int, int], _Relative | None]:
    """Split a relative clause off the main clause that tells a change, and say what it tells.

    "The army retook Bakhmut from Russian troops who captured it in May": the main clause ends
    before "who" (its time is not May); the relative clause runs from "who" to its next comma,
    its subject is the side the pronoun stands for (Russian troops), and, told in the past, it
    needs a time of its own (see :class:`_Relative`). A relative clause on a place after a
    change ("liberated Kherson, which Russian troops had occupied in March") is read the same
    way, with its own subject. Returns the trigger's clause, and the relative clause it stands
    in (None for a trigger of a main clause).
    """
    opens: list[tuple[int, int, str | None]] = [  # (where it opens, where its pronoun ends, the side it is on)
        (*span, a.faction) for a in sent.actors
        if a.faction and (span := relative_pronoun(text, a.end)) is not None and span[1] <= sent.end]
    opens += [(*span, None) for m in sent.places
              if (span := relative_pronoun(text, m.end)) is not None and span[1] <= sent.end
              and text[span[0] : span[1]].lstrip(" ,").lower() in ("which", "that")]
    if not opens:
        return clause, None
    after = [o for o in opens if trig_end <= o[0] and clause[0] <= o[0] < clause[1]]
    if after:  # the main clause ends where the relative clause opens
        return (clause[0], min(o[0] for o in after)), None
    before = [o for o in opens if clause[0] <= o[1] <= pos and not _PUNCTUATION.search(text, o[1], pos)]
    if not before:
        return clause, None
    opening, pronoun_end, side = max(before, key=lambda o: o[1])
    subjects = [a for a in sent.actors if pronoun_end <= a.start < pos]
    if not _RELATIVE_AUXILIARIES.match(text[subjects[-1].end if subjects else pronoun_end : pos]):
        return clause, None  # not the relative clause's verb: "after the fighters who had held it withdrew"
    if not any(p.search(text, sent.start, opening) for p in _CHANGES):
        return clause, None  # no change before it: "Russian troops who seized Bakhmut in May withdrew"
    if subjects:
        side = None  # the pronoun is the object: "Kherson, which Russian troops had occupied"
    stop = _PUNCTUATION.search(text, trig_end, clause[1])
    past = not _PRESENT_GROUP.search(text, pronoun_end, trig_end)
    return (pronoun_end, stop.start() if stop else clause[1]), _Relative(side, past and (side is not None
                                                                                        or bool(subjects)))


#: How far before a trigger a hedge of assessment qualifies it: "likely still control", "appears to have withdrawn
#: from", "have likely consolidated control of".
_ASSESSED_REACH = 40

#: (denial offset, its stance, the verification's offset and stance, (offset, stance) of each report, the stance
#: otherwise)
_StanceCues = tuple[int | None, Stance | None, tuple[int, Stance] | None,
                    list[tuple[int, Stance | None]], Stance]


class _Stance:
    """The stance cues of one sentence, found once (when its first event needs them) for all its triggers."""

    __slots__ = ("text", "sent", "_cues")

    def __init__(self, text: str, sent: Sentence) -> None:
        self.text = text
        self.sent = sent
        self._cues: _StanceCues | None = None

    def at(self, pos: int) -> Stance:
        """Return the stance of an event whose trigger is at *pos*.

        A denial counts only for what follows it ("X said it had taken A, but Y denied it was
        besieged"), never for "a claim the army denied"; a report only for its own span.
        """
        if self._cues is None:
            self._cues = _stance_cues(self.sent)
        deny_at, denied, verified, reports, default = self._cues
        if deny_at is not None and denied is not None and _same_span(self.text, deny_at, pos):
            if _DENIER_SAYS.search(self.text, deny_at, pos):
                return Stance("claimed", denied.attributed_to)  # "denied ..., saying its troops still held the town"
            return denied
        if verified is not None and not _CONTRAST.search(self.text, *sorted((verified[0], pos))):
            return verified[1]  # "X said A fell, but footage geolocated by analysts showed B": B is verified, not A
        before = [outcome for at, outcome in reports if outcome is not None and _same_span(self.text, at, pos)]
        if before:  # the nearest speaker before: "A said it took X, while B said it held Y": Y is B's word
            return self._assessed(before[-1], pos)
        for at, outcome in reports:
            if outcome is not None and at >= pos:
                return self._assessed(outcome, pos)
        return self._assessed(default, pos)

    def _assessed(self, stance: Stance, pos: int) -> Stance:
        """Return a report hedged as an assessment ("likely seized", "appears to have withdrawn") as a claim."""
        if stance.word != "reported":
            return stance
        hedge = lx.ASSESSED.search(self.text, max(self.sent.start, pos - _ASSESSED_REACH), pos)
        if hedge is None or lx.CLAUSE_BREAK.search(self.text, hedge.end(), pos):
            return stance
        return Stance("claimed", stance.attributed_to)


#: The stance patterns, tried only in the sentences that hold a word they need (most sentences hold none).
_UNVERIFIED, _CLAIM_DENIED, _DENY, _VERIFY, _ASSESSED, _REPORT = map(LiteralGate, (
    lx.UNVERIFIED, lx.CLAIM_DENIED, lx.DENY, lx.VERIFY, lx.ASSESSED, lx.REPORT))


def _stance_cues(sent: Sentence) -> _StanceCues:
    """Return the stance words of a sentence and what each makes of an event they qualify."""
    s = sent.text
    unverified = _UNVERIFIED.search(s)
    claim_denied = _CLAIM_DENIED.search(s)
    deny = _DENY.search(s)
    if deny and claim_denied and claim_denied.end() >= deny.end():
        deny = None
    denied = None
    verified: tuple[int, Stance] | None = None
    if deny:
        who = [a for a in sent.actors if a.start - sent.start < deny.start()]
        denied = Stance("denied", (who[-1].faction or who[-1].text) if who else None)
    verify = _VERIFY.search(s)
    if verify and unverified and unverified.start() <= verify.start() < unverified.end():  # the caveat's own word
        verify = next((v for v in _VERIFY.finditer(s, unverified.end())), None)
    # a caveat set apart from the verification by a contrast does not undo it: "We cannot verify the M23 claim, but
    # videos verified by our team show M23 fighters at Goma airport"
    apart = verify is not None and unverified is not None and (
        unverified.end() <= verify.start() and bool(_CONTRAST.search(s, unverified.end(), verify.start()))
        or verify.end() <= unverified.start() and bool(_CONTRAST.search(s, verify.end(), unverified.start())))
    if verify and (not unverified or apart) and not _ASSESSED.search(s):
        monitors = [a for a in sent.actors if a.monitor]
        verified = (sent.start + verify.start(), Stance("verified", monitors[0].text if monitors else None))
    # a caveat's own "claim" is no report, unless it names the claimant ("the RSF's claim": theirs)
    caveats = [(a, b) for a, b in (_caveats_of_claims(s, 0, len(s)) if unverified else [])
               if not any(x.faction and a <= x.start - sent.start < b for x in sent.actors)]
    reports = [(sent.start + m.start(), _report_stance(sent, m)) for m in _REPORT.finditer(s)
               if not any(a <= m.start() < b for a, b in caveats)]  # "could not verify the claim that": no report
    default = Stance("claimed") if unverified or claim_denied else Stance("reported")
    return (sent.start + deny.start() if deny else None), denied, verified, reports, default


#: A quotation just closed before a reporting verb: '..., " said', '?" asked'.
_QUOTE_CLOSED = re.compile(r"[,.!?]?[\"”’']\s*$")


def _report_stance(sent: Sentence, m: re.Match[str]) -> Stance | None:
    """Return the stance a reporting word makes: its speaker's claim or monitor's report; None with no speaker."""
    inverted = _speaker_after(sent, m)
    if inverted is not None:
        return inverted[0]
    speakers = sent.actors
    who = [a for a in speakers if a.start - sent.start < m.start() and m.start() - (a.end - sent.start) < 40
           and not source_actor(sent.text, a.start - sent.start)
           and not _other_speaker(sent.text, a.end - sent.start, m.start(), a.faction, sent.theatre)]
    apposed = [a for a in speakers if a.faction not in (None, "unknown") and a.end - sent.start < m.start()
               and _SPEAKER_APPOSITION.fullmatch(sent.text, a.end - sent.start, m.start())][-1:]
    if apposed and (not who or who[-1].faction == "unknown" and who[-1].start > apposed[0].end):
        who = apposed  # "The FLA, an alliance of Tuareg-led rebel groups, said": the side its apposition describes
    if m.group(0).lower().startswith("according"):
        who = [a for a in speakers if a.start - sent.start > m.start()][:1]
    if not who and _QUOTE_CLOSED.search(sent.text, max(0, m.start() - 4), m.start()):
        # '"Kamanyola is liberated," said Lawrence Kanyuka, spokesman for the M23': the speaker follows the verb
        who = [a for a in speakers if a.faction and 0 <= a.start - sent.start - m.end() <= 90][:1]
    if who:
        speaker = who[-1]
        return Stance("reported", speaker.text) if speaker.monitor else Stance("claimed", speaker.faction)
    named = _SPEAKER_BEFORE.search(sent.text, max(0, m.start() - 60), m.start())
    outlet = outlet_faction(named.group(0), sent.theatre) if named is not None else None
    if outlet is not None:
        return Stance("claimed", outlet)  # "the army retook Bara, SUNA said": the outlet of the army's side
    own = _OTHER_SPEAKER.search(sent.text, max(0, m.start() - 40), m.start())
    word = _SIDE_WORD.search(own.group(0)) if own is not None else None
    if own is not None and word is not None and any(a.faction not in (None, "unknown")
                                                    and a.end - sent.start <= own.start() for a in speakers):
        side = _side_of_word(word.group(0), sent.theatre)
        if side is not None:
            return Stance("claimed", side)  # "after al-Shabaab fighters fled, the government said": its claim
    affiliated = _AFFILIATED.search(sent.text[: m.start()])
    if affiliated:
        index = actor_index()
        faction = (index.actors(affiliated.group(1) + "s", sent.theatre)[:1]
                   or index.actors(affiliated.group(1), sent.theatre)[:1])
        return Stance("claimed", faction[0].faction if faction else None)
    return None


def _speaker_after(sent: Sentence, m: re.Match[str]) -> tuple[Stance | None] | None:
    """Return the stance of a verb of saying whose speaker follows it, in a 1-tuple; None when no such speaker is told.

    "..., says army commander", "..., said the Syrian Observatory": the speaker is after the verb, not the side
    before it; witnesses there ("..., said residents") leave a report (no stance of a side: ``(None,)``).
    """
    if not _INVERTED_BEFORE.search(sent.text, max(0, m.start() - 4), m.start()) \
            or not _INVERTED_VERB.fullmatch(m.group(0)):
        return None
    after = _SPEAKER_AFTER.match(sent.text, m.end())
    if after is None:
        return None
    named = [a for a in sent.actors if m.end() <= a.start - sent.start < after.end()][:1]
    if named:
        speaker = named[0]
        return (Stance("reported", speaker.text) if speaker.monitor else Stance("claimed", speaker.faction),)
    outlet = outlet_faction(after.group(0), sent.theatre)
    if outlet is not None:
        return (Stance("claimed", outlet),)  # "..., said the Global New Light of Myanmar"
    word = _SIDE_WORD.search(after.group(0))
    side = _side_of_word(word.group(0), sent.theatre) if word else None
    if side is not None:
        return (Stance("claimed", side),)
    return (None,) if _WITNESSES.search(after.group(0)) else None


def _actors(text: str, sent: Sentence, trig: re.Match[str], passive: bool,
            recent: str | None, held: bool = False, siege: bool = False) -> tuple[str | None, bool, bool]:
    """Return the side that gains (nearest before an active trigger, after a passive one), and two flags.

    The flags: whether the side was guessed, and whether it is a bare word for some state's
    forces the theatre leaves open ("the army" in the Sahel). After a passive trigger only its
    agent counts ("was taken on Sunday by", "fell to"; for a
    standing-control phrase, "in the hands of", any side after it; for a siege, a side after
    "by" in the sentence: "under siege since June, when the road was cut by pro-regime
    forces"); an agentless passive takes the side before it, else the context's, else the
    first side named after it (a guess). A side named as the source ("from the army"), or
    only as a modifier of another ("backed by US air power", "allied to the army"), is not
    the one that gains; a side named as what another opposes ("factions hostile to the
    government") stands for its opponent.
    """
    fighters = []
    for a in sent.actors:
        if not a.faction or source_actor(text, a.start):
            continue
        role = modifier_actor(text, a.start)
        if role == "negated":
            other = _opponent(sent, a.faction)
            if other:
                fighters.append(replace(a, faction=other))
        elif role is None:
            fighters.append(a)
    if trig.group(0).lower().startswith("stronghold"):  # "El Fasher, the army's last stronghold": the army's
        comma = text.rfind(",", sent.start, trig.start())
        inside = [a for a in fighters if comma >= 0 and a.start > comma and a.end <= trig.start()]
        if inside:
            return inside[-1].faction, False, _open(inside[-1])
        of = [a for a in sent.actors if a.faction and a.start >= trig.end() and trig.group(0).lower().endswith("of")
              and (_HOLDER_AFTER_OF.fullmatch(text, trig.end(), a.start) or _POSSESSIVE.search(a.text)
                   and _HOLDER_AFTER_OF_LEADER.fullmatch(text, trig.end(), a.start)
                   or _LEADER_POSSESSIVE.fullmatch(text, trig.end(), a.start))]
        if of:  # "Kidal, the stronghold of Tuareg separatists": theirs, not the subject's who took it
            return of[0].faction, False, _open(of[0])
    if passive:
        after = [a for a in fighters if a.start >= trig.end() and (
            held or _agent_of(text, trig, a.start) or siege and _BY_BEFORE.search(text, max(0, a.start - 8), a.start))]
        if after:
            return after[0].faction, False, _open(after[0])
        state = _country_agent(text, sent, trig)
        if state is not None:  # "had been held by Ukraine since 2014": the state's army
            return state, False, False
    before = [a for a in fighters
              if a.end <= trig.start() and not _PARTICIPLE_AGENT.search(text, max(0, a.start - 40), a.start)
              and not relative_actor(text, a.start, a.end, trig.start()) and not ground_owner(text, a.end)
              and not (passive and _in_where_clause(text, a.start, a.end, trig.start()))]
    # while another side remains: not a side fought ("Russian troops fought Ukrainian units ... and captured"), nor a
    # claimant whose claim a denier answers ("denied RSF claims that ..., saying its troops still held the city")
    before = _all_but(before, _fought(text, sent, before))
    before = _all_but(before, [a for a in before if _CLAIM_NOUN_AFTER.match(text, a.end)
                               and _DENIER_SAYS.search(text, a.end, trig.start())])
    named = [a for a in before if a.faction != "unknown"]
    if before and before[-1].faction == "unknown" and named and \
            _APPOSITION_OPEN.match(text, named[-1].end, before[-1].start):
        before = named  # "The Arakan Army, one of the most powerful armed groups, said it had captured ..."
    if len(before) > 1 and _SUBORDINATE_GERUND.search(text, max(sent.start, trig.start() - 12), trig.start()):
        subjects = [a for a in before if _FINITE_AFTER.match(text, a.end)]
        if subjects:  # "said it had encircled Russian troops after recapturing X": the subject of the main verb did it
            before = before[: before.index(subjects[-1]) + 1]
    if before:
        last = before[-1]
        while len(before) > 1 and before[-2].faction not in (None, "unknown") \
                and (joined := _JOINED.fullmatch(text, before[-2].end, before[-1].start)):
            before = before[:-1]  # "Somali forces and clan militias captured": the side named first leads
            if last.faction == "unknown" and _ALLIED.search(joined.group(0)):
                last = before[-1]  # "the GNA's forces and allied militias": the unnamed allies are on its side
        joint = _joint_demonym(text, sent, before[-1]) if len(before) == 1 else None
        if joint is not None:  # "Mozambican and Rwandan troops recaptured": the side named first leads
            return joint, False, False
        return (before[-1].faction if last.faction != "unknown" else last.faction), False, _open(last)
    if not passive and (state := _country_subject(text, sent, trig)) is not None:
        return state, False, False  # "Ukraine retook Kherson", "Mali retakes Kidal": the state's army
    # the object, or a side that owns it ("captured the northeastern command", "the junta's base"), lost it
    after = [a for a in fighters if a.start >= trig.end() and not _OWNED.search(text, max(0, a.start - 4), a.start)
             and not _POSSESSIVE.match(text, a.end) and (passive or not object_gap(text[trig.end() : a.start]))
             and not _ACCORDING_TO.search(text, max(0, a.start - 25), a.start)  # the report's source, no party
             and (passive or not _OTHER_CLAUSE.search(text, trig.end(), a.start))]
    if recent:
        return recent, True, False
    return (after[0].faction, True, _open(after[0])) if after else (None, True, False)


#: A "where" clause open before a side, and the comma that closes it before a passive verb.
_WHERE_OPEN = re.compile(r",\s*where\s+(?:[\w'’()-]+[\s(]+){0,8}?$", re.I)
_WHERE_CLOSE = re.compile(r"[^,;]*,")


def _in_where_clause(text: str, start: int, end: int, pos: int) -> bool:
    """Whether a side at *start*..*end* stands in a "where" clause closed before the passive verb at *pos*.

    "Baga, where the insurgents overran a base in January, was recaptured on 21 February": the
    insurgents are not the ones the passive verb is about.
    """
    return bool(_WHERE_OPEN.search(text, max(0, start - 60), start)) and bool(_WHERE_CLOSE.match(text, end, pos))


#: A gerund of a clause of time, whose subject is the main clause's: "after recapturing", "before taking".
_SUBORDINATE_GERUND = re.compile(r"\b(?:after|before|while|upon|since)\s+$", re.I)
#: A finite verb right after a side: the side is its subject ("troops had encircled", "the army captured"), or the
#: speaker of a clause whose subject is itself ("Ukraine's military said it had encircled").
_FINITE_AFTER = re.compile(r"\s+(?:(?:said|says|claimed|announced|reported|stated)\s+(?:(?:on\s+)?\w+\s+)?(?:that\s+)?"
                           r"(?:it|they|its|their)\b|"
                           r"(?:(?:had|has|have|was|were|is|are|also|then|later|reportedly|now)\s+)*"
                           r"(?!(?:backed|led|allied|linked|held|based|supported)\b)[a-z]+(?:ed|ook|ought|an|ew|ove|ized)\b)")


def _open(actor: ActorMention) -> bool:
    """Whether a side is a bare word for some state's forces that the theatre leaves unknown ("the army")."""
    return actor.open_army and actor.faction == "unknown"


def _home_army(theatre: Theatre | None, targets: Sequence[Target]) -> str | None:
    """Return the army of the one country a trigger's places lie in, when the theatre can tell (``home_army``)."""
    countries = {place.country for _, place, _ in targets if place is not None and place.country}
    return theatre.home_army(countries.pop()) if theatre is not None and len(countries) == 1 else None


_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
#: Between "stronghold of" and the side it names: "the stronghold of Tuareg separatists", "of the jihadists", "of
#: Khalifa Haftar's forces" (a leader's given name before the side named by his possessive).
_HOLDER_AFTER_OF = re.compile(r"\s+(?:the\s+)?")
_HOLDER_AFTER_OF_LEADER = re.compile(r"\s+(?:(?-i:[A-Z])[\w.-]+\s+){1,2}")
#: ... or a leader named by his possessive before the side: "the stronghold of Ahmed Diriye's al-Shabaab fighters".
_LEADER_POSSESSIVE = re.compile(r"\s+(?:(?-i:[A-Z])[\w.-]+\s+){0,2}(?-i:[A-Z])[\w.-]+['’]s\s+")
#: Between a country named as the subject and its verb: "Ukraine retook", "Russia has now captured", "Mali said it had
#: retaken".
_COUNTRY_SUBJECT_GAP = re.compile(r"\s+(?:(?:has|have|had|now|finally|also|again|reportedly|officially|formally|"
                                  r"(?:said|says|claimed|claims|announced)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:it|its\s+"
                                  r"(?:forces|troops|army)|their\s+(?:forces|troops))(?:\s+(?:has|had|have))?)\s+)*",
                                  re.I)


#: Where a clause starts, right before its subject: the sentence's start, a punctuation mark or a conjunction.
_CLAUSE_START = re.compile(r"(?:^|[,;:–—(\"“-]|\b(?:that|which|and|but|while|as|when|after|since|before))\s*$", re.I)


def _country_subject(text: str, sent: Sentence, trig: re.Match[str]) -> str | None:
    """Return the army of the country named as an active trigger's subject ("Ukraine retook Kherson"), if any.

    Only a country whose army the theatre declares (one faction with its ``country``), named
    right before the verb, at the start of its clause.
    """
    theatre = sent.theatre
    if theatre is None:
        return None
    country = next((m for m in reversed(sent.places) if m.end <= trig.start()), None)
    if country is None or country.place is None or country.place.kind != "country" \
            or not _COUNTRY_SUBJECT_GAP.fullmatch(text, country.end, trig.start()) \
            or not _CLAUSE_START.search(text, sent.start, country.start):
        return None
    armies = [f.id for f in theatre.factions if f.country is not None and f.country == country.place.country]
    return armies[0] if len(armies) == 1 else None
def _country_agent(text: str, sent: Sentence, trig: re.Match[str]) -> str | None:
    """Return the army of the country named as a passive trigger's agent ("held by Ukraine since 2014"), if any.

    Only a country whose army the theatre declares, right after "by".
    """
    theatre = sent.theatre
    if theatre is None:
        return None
    country = next((m for m in sent.places if m.start >= trig.end()), None)
    if country is None or country.place is None or country.place.kind != "country":
        return None
    gap = text[trig.end() : country.start]
    if not (_BY_AGENT_GAP.fullmatch(gap) or trig.group(0).lower().endswith(" by") and _THE_GAP.fullmatch(gap)):
        return None
    armies = [f.id for f in theatre.factions if f.country is not None and f.country == country.place.country]
    return armies[0] if len(armies) == 1 else None


#: Between a passive trigger and its agent: "... by ", "... since 2014 by the ".
_BY_AGENT_GAP = re.compile(r"(?:\s+[\w-]+){0,3}?\s+by\s+(?:the\s+)?", re.I)
_THE_GAP = re.compile(r"\s+(?:the\s+)?", re.I)
#: A clause of its own after an active trigger: "retakes Kherson as Russian troops pull back" (the side there is not
#: the object's owner).
_OTHER_CLAUSE = re.compile(r"[;:]|\b(?:as|while|when|whereas|after|before|since|because|but)\b", re.I)
#: Two sides joined as one subject: "Somali forces and clan militias", "the army and allied Wazalendo", "Somali
#: National Army forces and local clan militias", "the army of the Democratic Republic of Congo and allied Wazalendo".
_JOINED = re.compile(r"(?:\s+of\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?:of\s+)?(?-i:[A-Z])[\w'’-]*){0,4})?"
                     r"(?:\s+(?:forces|troops|soldiers|units|fighters|militiamen|members|personnel))?\s+(?:and|"
                     r"together\s+with|alongside)\s+(?:the\s+|their\s+|its\s+|allied\s+|local\s+)*", re.I)
_POSSESSIVE = re.compile(r"['’]s?\b")
_ALLIED = re.compile(r"\ballied\b", re.I)
#: A side named as another's possession ("the military's Northeastern Command"): part of an object, not its taker.
_OWNED = re.compile(r"['’]s?\s+$")
#: Between a passive trigger and its agent: "fell to", "was captured on Sunday by", "taken by".
_AGENT_GAP = re.compile(r"(?:\s+[\w-]+){0,4}?\s+(?:by|to)\s+(?:the\s+)?$", re.I)
#: A named side, then a comma that opens an apposition describing it (no verb before the next comma).
_APPOSITION_OPEN = re.compile(_APPOSITION_HEAD + r"[^,;]*$", re.I)


#: Before a side fought, not fighting: "clashes between", "fighting with", "an offensive against", "fought", "repelled";
#: and the second of two fought ("between Druze militias and", "with Congolese troops and").
_FOUGHT_BEFORE = re.compile(r"\b(?:between|against|(?<!together\s)(?<!along\s)(?<!coordination\s)with|fought|"
                            r"battled|attacked|attacking|ambushed|confronted|confronting|engaged|repelled|repelling)\s+"
                            r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:(?:and|or)\s+(?:the\s+)?)?$", re.I)


def _all_but(sides: list[ActorMention], dropped: list[ActorMention]) -> list[ActorMention]:
    """Return *sides* without *dropped*, unless that leaves none."""
    kept = [a for a in sides if a not in dropped]
    return kept or sides


def _fought(text: str, sent: Sentence, sides: list[ActorMention]) -> list[ActorMention]:
    """Return the sides of *sides* named as those fought, not the subject of a later verb.

    "clashes between Druze militias and Bedouin tribes", "fighting with Congolese troops", "fought Ukrainian units".
    """
    return [a for a in sides if _FOUGHT_BEFORE.search(text, max(sent.start, a.start - 60), a.start)]


#: Between a place and a trigger whose subject it is: "Hama fell", "the city had finally fallen".
_PLACE_SUBJECT_GAP = re.compile(r"\s+(?:(?:had|has|have|was|were|itself|finally|eventually|also|then|soon)\s+)*")


def _place_subject_after(text: str, sent: Sentence, trig: re.Match[str], side: str | None) -> bool:
    """Whether a place, in a clause after the last mention of *side*, is the subject of the trigger.

    "The rebels took Aleppo on Nov. 30, then Hama fell on Dec. 5": Hama fell, and the rebels, named in
    the clause before, are not the side that lost it.
    """
    named = [a for a in sent.actors if a.faction == side and a.end <= trig.start()]
    if side is None or not named:
        return False
    return any(named[-1].end <= m.start and _PLACE_SUBJECT_GAP.fullmatch(text, m.end, trig.start())
               and lx.CLAUSE_BREAK.search(text, named[-1].end, m.start)
               and not (_REPORT.search(text, named[-1].end, m.start) or _DENY.search(text, named[-1].end, m.start))
               for m in sent.places)  # (the side that says or denies "that Lashio had fallen" speaks of its own loss)


#: Two demonyms sharing one head: "Mozambican and Rwandan troops", "Malian and Russian forces" (the first is before).
_DEMONYM_AND = re.compile(r"\b((?-i:[A-Z])[a-z]+(?:an|ese|ian|i|ish|ch))\s+and\s+$")


def _joint_demonym(text: str, sent: Sentence, side: ActorMention) -> str | None:
    """Return the side of the first of two demonyms that share *side*'s head noun, when the theatre knows it.

    "Mozambican and Rwandan troops recaptured Mocimboa da Praia": the mention found is "Rwandan
    troops"; "Mozambican troops" is the side named first, which leads.
    """
    first = _DEMONYM_AND.search(text, max(sent.start, side.start - 30), side.start)
    words = side.text.split()
    if first is None or sent.theatre is None or len(words) < 2:
        return None
    found = sent.theatre.faction_of(f"{first.group(1)} {' '.join(words[1:])}")
    return found if found not in (None, "unknown", side.faction) else None


def _leaving_to(text: str, lo: int, side: ActorMention) -> bool:
    """Whether a withdrawal left its place to *side*: "leaving the town to the M23", "leaving Druze in control"."""
    left = _LEAVING_TO.search(text, max(lo, side.start - 60), side.start)
    return left is not None and (left.group("place") is not None or bool(_IN_CONTROL_AFTER.match(text, side.end)))


def _agent_of(text: str, trig: re.Match[str], start: int) -> bool:
    """Whether a side named at *start* after a passive trigger is its agent ("by"/"to" before it).

    "Eastern Ghouta has been cleansed of terrorism, after the last terrorists of Jaish al-Islam
    left": the side after the clause is not who took it.
    """
    if re.search(r"\b(?:by|to)$", trig.group(0), re.I) or _INTO_HANDS.search(trig.group(0)):
        return start - trig.end() <= 12
    return start - trig.end() <= 40 and bool(_AGENT_GAP.match(text[trig.end() : start]))


#: A present-tense statement: it holds at publication, not at the time of another clause.
_PRESENT = re.compile(r"\b(?:[Ss]till|[Nn]ow|[Cc]urrently|holds|controls|remains?|is|are|continuing|ongoing)\b")
# (not "IS", the group)
#: A held phrase that names a place *in* an area ("stronghold in", "power base in"): the area is not held.
_INSIDE_AREA = re.compile(r"(?:stronghold|power\s+base)\s+in$", re.I)
_AREAS = frozenset({"admin1", "admin2", "region", "country"})
_LAST_BEFORE = re.compile(r"\b(?:last|only|final|remaining)\s+(?:[\w-]+\s+){0,2}$", re.I)  # "last army stronghold in"
#: A clause whose subject is left out, that of the clause before: "(entered Baiji) but later withdrew".
_ELIDED_SUBJECT = re.compile(r"^\s*(?:but|and|then|before|after|until)?\s*(?:(?:later|then|soon|quickly|eventually|"
                             r"also|again|hastily|finally)\s+)*$", re.I)
#: A siege trigger with no place of its own ("broke the siege", "lifted the blockade").
_SIEGE_END = re.compile(r"(?:siege|blockade)$", re.I)
#: A trigger that drives a side out: the side named inside it lost the place ("expelled IS from", "drove the army
#: out of").
_DRIVEN_OUT = re.compile(r"(?:\bout\s+of|\bfrom)$", re.I)
#: A side forced to leave: "forcing soldiers to retreat", the side inside the phrase lost the place.
_FORCED_TO_LEAVE = re.compile(r"forc(?:ed|ing|es)\s", re.I)
#: After "the siege of X": the siege told as over ("The siege of El Fasher was lifted on Tuesday").
_SIEGE_OVER_AFTER = re.compile(r"[^.;:!?]{1,60}?\b(?:was|were|has\s+been|had\s+been|have\s+been)\s+"
                               r"(?:\w+\s+)?(?:lifted|broken|ended|raised)\b", re.I)
#: A siege named as a noun: "the siege of", "a blockade on".
_SIEGE_NOUN = re.compile(r"^(?:siege|blockade)\s+(?:imposed\s+)?(?:of|on)$", re.I)
#: A trigger that is a noun ("the fall of", "the recapture of", "the pull-out from").
_NOMINAL = re.compile(r"^(?:fall|capture|recapture|retaking|liberation|seizure|takeover|overrunning|conquest|"
                      r"occupation|withdrawals?|pull-?outs?|retreats?|evacuations?|loss)\s+(?:of|from)$", re.I)
#: A nationality or a possessor inside a standing-control phrase: "under Russian control", "in Ukrainian hands", "in
#: Russia's hands".
_HOLDER_ADJECTIVE = re.compile(r"\b(?:under|in|into)\s+(?:the\s+)?(?:(?:full|firm|complete|total|effective)\s+)?"
                               r"(?!(?:full|firm|complete|total|effective|their|its|our|whose|the)\b)([\w-]+)(?:['’]s?)?\s+"
                               r"(?:control|hands)\b", re.I)  # "under Russian control", "in rebel hands", "in Russia's"
#: An agentless passive of liberation: the side that says it is the side that did it.
_LIBERATED = re.compile(r"\b(?:liberated|freed|cleansed|cleared|purged)$", re.I)
#: A subject in the first person: the speaker's side ("our fighters", "we have taken").
_FIRST_PERSON = re.compile(r"\b(?:we|our)\b", re.I)
#: A first-person subject right before a trigger ("our troops moved in"): a side only its speaker names.
_OUR_SUBJECT = re.compile(r"\bour\s+(?:[\w-]+\s+){1,2}$", re.I)
_POSSESSIVE_GAP = re.compile(r"^['’]s?\s+(?:(?:full|complete|total|swift|rapid|final)\s+)?$")
_ADJECTIVE_BEFORE = re.compile(r"\b(?!(?:The|A|An|This|That|Its|Their|His|Her|Our)\b)([A-Z][\w-]+)\s+"
                               r"(?:(?:full|complete|total|swift|rapid|final)\s+)?$")
#: Verbs whose subject is the agent (or the voice) of the nominal event they govern.
_COMPLETED = re.compile(r"\b(?:completed|complete|completes|announced|announces|claimed|claims|claiming|declared|"
                        r"declares|declaring|announcing|proclaimed|achieved|finished|celebrated|confirmed|reported|made|carried\s+out|"
                        r"conducted|staged|undertook|began|started)\s+"
                        r"(?:[\w-]+\s+){0,3}?(?:the\s+)?(?:[\w-]+\s+)?$", re.I)
#: A clause boundary between a nominal subject and a side named after it.
_CLAUSE_BETWEEN = re.compile(r"[;:,]|\b(?:after|before|when|since|while|as|which|who)\b", re.I)
#: A verb or a clause boundary between a nominal's place and a side: the side is no agent of the nominal.
_VERB_BETWEEN = re.compile(r"[,;]|\b(?:is|was|are|were|has|had|have|comes?|came|brings?|brought|gives?|gave|marks?|"
                           r"marked|would|will|could|opens?|opened|deals?|dealt|leaves?|left)\b", re.I)
_AGENT_AFTER = re.compile(r"\b(?:to|by)\s+(?:the\s+)?$", re.I)
#: A participle used as an adjective ("the besieged garrison town").
_ATTRIBUTIVE = re.compile(r"\b(?:the|a|an)\s+$", re.I)
#: The agent of a participle that modifies the subject ("The rebels, forced out by the army in 2016, entered").
_PARTICIPLE_AGENT = re.compile(r"\b(?:\w+(?:ed|en|wn)|held|run|led|won|lost|fought|hit|struck|shot)\s+(?:\w+\s+)?by\s+"
                               r"(?:the\s+)?$", re.I)


#: "has occupied", "had now occupied": a change unless a length or a start follows (:data:`_LASTING`).
_HAS_OCCUPIED = re.compile(r"(?:has|have|had)\s+(?:\w+\s+)?occupied", re.I)
_LASTING = re.compile(r"\b(?:since|for|until|till|ever\s+since)\b", re.I)
#: An agreement as the subject of "held": "a ceasefire that had held", "the truce, which has largely held".
_TRUCE_SUBJECT = re.compile(r"\b(?:cease-?fires?|truces?|calm|lull|deals?|agreements?|accords?|pacts?|peace|"
                            r"arrangements?|de-?escalation)\s*,?\s+(?:(?:that|which)\s+)?(?:\w+ly\s+)?$", re.I)
#: A subject that is no armed side right before an entry: "a convoy carrying aid", "journalists", "UN inspectors".
_UNARMED_SUBJECT = re.compile(
    r"\b(?:convoys?|trucks?|lorries|journalists?|reporters?|correspondents?|civilians?|residents?|refugees?|"
    r"displaced\s+(?:people|families|persons)|returnees|inspectors?|investigators?|observers?|delegations?|"
    r"negotiators?|mediators?|pilgrims|aid\s+workers?|relief\s+workers?|medics?|doctors?|ambulances?|"
    r"humanitarian\s+(?:teams?|workers?|staff))"
    r"(?:\s+(?:carrying|bringing|delivering|loaded\s+with|from|of|with)\b[^,;.]{0,60}?)?"
    r"(?:\s+(?:had|have|has|were|was|finally|first|again|also|later|then|safely|briefly))*\s+$", re.I)
#: A side told fleeing ("their soldiers ..., so they started to flee"): not the side a later agentless change is
#: guessed to be.
_FLEES_AFTER = re.compile(r"[^.;]{0,50}?\b(?:fled|flee|fleeing|flees|retreated|abandoned|surrendered|deserted|"
                          r"ran\s+away)\b", re.I)
#: A side named as the source of a report after the change: "..., according to a PDF commander".
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?$", re.I)
#: A side owning a loss it tells: "acknowledged the loss of", "admitted the loss of", "mourned the loss of".
_ADMITTED = re.compile(r"\b(?:acknowledged|acknowledges|admitted|admits|conceded|concedes|confirmed|confirms|"
                       r"announced|announces|recogni[sz]ed|mourned|lamented|regretted)\s+(?:the\s+)?$", re.I)


#: A side praised for a deed told by a noun: "congratulated the armed forces on the liberation of", "praised the SNA for
#: its capture of".
_PRAISED_ON = re.compile(r"\b(?:congratulat\w*|prais\w*|thank\w*|commend\w*|hail\w*|salut\w*|credit\w*)\b"
                         r"(?P<who>[^.;:]{1,60}?)\b(?:on|for)\s+(?:the|their|its|his)\s+"
                         r"(?:(?:full|complete|total|swift|rapid|final|successful)\s+)?$", re.I)


def _nominal_actor(text: str, sent: Sentence, trig: re.Match[str], recent: str | None) -> tuple[str | None, bool]:
    """Return the side of a nominal event and whether it was guessed.

    Its possessor ("the army's recapture of"), its adjective ("the Russian pull-out from"), its
    agent after "to"/"by" ("the fall of Lashio to the MNDAA"), else the side of the context.

    A side named elsewhere before a noun is not its subject: "the army said ... the fall of Aleppo".
    """
    for a in sent.actors:
        if a.faction and a.end <= trig.start() and _POSSESSIVE_GAP.match(text[a.end : trig.start()]):
            return a.faction, False
    praised = _PRAISED_ON.search(text, max(sent.start, trig.start() - 90), trig.start())
    if praised:  # "congratulated the armed forces on the liberation of": the side praised did it
        side = next((a.faction for a in sent.actors if a.faction and a.faction != "unknown"
                     and praised.start("who") <= a.start < praised.end("who")), None)
        if side:
            return side, False
    adjective = _ADJECTIVE_BEFORE.search(text, max(0, trig.start() - 30), trig.start())
    if adjective and sent.theatre is not None:
        for noun in ("forces", "troops", "army", ""):
            faction = sent.theatre.faction_of(f"{adjective.group(1)} {noun}".strip())
            if faction and faction != "unknown":
                return faction, False
    for a in sent.actors:
        if a.faction and trig.end() <= a.start <= trig.end() + 60 and \
                _AGENT_AFTER.search(text, max(trig.end(), a.start - 8), a.start) and \
                not _VERB_BETWEEN.search(text, trig.end(), a.start):  # not "the fall of X is a blow to the GNA"
            return a.faction, False
    if _COMPLETED.search(text, max(0, trig.start() - 50), trig.start()):  # "forces have completed the liberation"
        return _actors(text, sent, trig, False, recent)[:2]
    if trig.group(0).lower().startswith("loss") and _ADMITTED.search(text, max(0, trig.start() - 30), trig.start()):
        return _actors(text, sent, trig, False, recent)[:2]  # "the junta acknowledged the loss of": its own loss
    after = [a for a in sent.actors if a.faction and a.faction != "unknown" and trig.end() <= a.start
             and not source_actor(text, a.start) and modifier_actor(text, a.start) is None]
    if after and not _CLAUSE_BETWEEN.search(text, trig.end(), after[0].start):
        return after[0].faction, True  # "The fall of El Fasher gives the RSF control of Darfur"
    return recent, True


#: A subject that is the speaker again: "said it was fighting", "said its troops were", "said they had".
_SUBJECT_PRONOUN = re.compile(r"\b(?:it|they|we|its|their|our|his|her)\b", re.I)


#: A verb of admitting: a side that admits a place was taken lost it ("Kyiv acknowledged that X had been captured").
_ADMIT = re.compile(r"\b(?:acknowledged|acknowledges|admitted|admits|conceded|concedes)\b", re.I)


#: A side's claim told as a noun before what it claims: "Russian claims that", "the RSF's assertion that".
_CLAIM_NOUN = re.compile(r"\b(?:the\s+)?((?-i:[A-Z])[\w-]*)(?:['’]s?)?\s+(?:claims?|assertions?|announcements?)\s+"
                         r"that\s+(?:[\w'’-]+\s+){0,6}?$", re.I)


#: After a side, its claim as a noun: "RSF claims that", "Russia's assertion that".
_CLAIM_NOUN_AFTER = re.compile(r"(?:['’]s?)?\s+(?:claims?|assertions?)\s+that\b", re.I)


def _claimant(text: str, sent: Sentence, trig: re.Match[str]) -> str | None:
    """Return the side whose claim an agentless change is told as ("Russian claims that Kupiansk had fallen")."""
    m = _CLAIM_NOUN.search(text, max(sent.start, trig.start() - 90), trig.start())
    return _side_of_word(m.group(1), sent.theatre) if m is not None else None


def _admits(text: str, sent: Sentence, trig: re.Match[str], side: str) -> bool:
    """Whether *side* is named before an agentless trigger only as the one that admits the change.

    "Kyiv acknowledged that Novohrodivka had been captured", "the army admitted that Wad Madani had
    been taken": not when the side is also named as the agent ("had been captured by Russian forces").
    """
    before = [a for a in sent.actors if a.faction == side and a.end <= trig.start()]
    if not before or any(a.faction == side and a.start >= trig.end() and _agent_of(text, trig, a.start)
                         for a in sent.actors):
        return False
    admit = _ADMIT.search(text, before[-1].end, trig.start())
    return admit is not None and admit.start() - before[-1].end <= 40


def _speaker_before(text: str, sent: Sentence, trig: re.Match[str]) -> str | None:
    """Return the side that says what the trigger tells, when it is the last side named before the trigger.

    "Ukraine's General Staff said that fighting was under way inside Vovchansk", "An LNA
    spokesman denied ..., saying that fighting was continuing inside Gharyan".
    """
    before = [a for a in sent.actors if a.faction and a.faction != "unknown" and a.end <= trig.start()]
    if not before:
        return None
    last = before[-1]
    speech = _REPORT.search(text, last.end, trig.start()) or _DENY.search(text, last.end, trig.start())
    if speech is None or speech.start() - last.end > 40 or speech.group(0).lower().startswith("according"):
        return None
    if _SUBJECT_PRONOUN.search(text, speech.end(), trig.start()):
        return None  # "the army said it was fighting inside Saraqib": the speaker is the fighter
    return last.faction


#: "brought X back under", "put X back in": a standing-control phrase that tells a change back.
#: "in the grip of": control only when a side follows.
_GRIP = re.compile(r"grip\s+of$", re.I)
#: A place passing into a side's hands or control ("fell into the hands of", "came under M23 control").
_INTO_HANDS = re.compile(r"\b(?:into|under)\s+(?:[\w'’-]+\s+){0,4}?(?:hands|control)(?:\s+of)?$", re.I)
#: A standing-control phrase told as a return ("is back under army control", "once again in the hands of"), or a
#: passing into control told so ("fell back into the hands of"): a place taken back.
#: ("has been back under army control since January" is the state since then.)
_BACK_UNDER = re.compile(r"(?<!\bbeen\s)\b(?:back|once\s+again|again)\s+(?:(?:firmly|fully|now)\s+)?$", re.I)
_BACK_INTO = re.compile(r"^\w+\s+back\s+(?:into|under)\b", re.I)
_CONTROL_PHRASE = re.compile(r"^(?:under|in)\b", re.I)
_BROUGHT_BACK = re.compile(r"\b(?:brought|brings?|bringing|put|puts|putting|returned|returns?|returning)\s+"
                           r"(?:[^.;:]{0,80}?\s)?back\s+(?:(?:firmly|fully)\s+)?$", re.I)
#: A side that holds or defends: "Ukrainian forces still held ...", "the army was defending".
_HOLDS_AFTER = re.compile(r"\s+(?:(?:still|now|firmly)\s+)?(?:held|holds?|controls?|controlled|defended|defends?|"
                          r"(?:was|were|are|is)\s+(?:still\s+)?(?:holding|defending|in\s+control)|"
                          r"remained?\s+in\s+control)\b", re.I)
#: A side that acts, as the subject of a verb in the past or of an attack: "when the MNDAA broke a ceasefire".
_ACTS_AFTER = re.compile(r"\s+(?:had\s+|have\s+|has\s+)?(?:broke|launched|attacked|stormed|began|pushed|advanced|"
                         r"assaulted|struck|moved|tried|attempted|opened)\b", re.I)


def _defender(text: str, sent: Sentence, trig: re.Match[str]) -> str | None:
    """Return the last side named before the trigger as the one holding or defending ("X still held ...")."""
    before = [a for a in sent.actors if a.faction and a.faction != "unknown" and a.end <= trig.start()]
    return before[-1].faction if before and _HOLDS_AFTER.match(text, before[-1].end) else None


def _attacker_after(text: str, sent: Sentence, trig: re.Match[str]) -> str | None:
    """Return a side named after a contest's trigger in its sentence as the subject of an attack."""
    return next((a.faction for a in sent.actors if a.faction and a.faction != "unknown" and a.start >= trig.end()
                 and _ACTS_AFTER.match(text, a.end)), None)


def _other_side(ctx: Context, sent: Sentence, faction: str) -> str:
    """Return the side fighting *faction* in a contest it reports: named in the sentence, else of the context.

    A side reporting fighting in a place it holds is the defender; who the fighting is
    against is the other side named, else the last other side of the article, else the
    theatre's opponent, else ``unknown``.
    """
    named = [a.faction for a in sent.actors if a.faction and a.faction not in ("unknown", faction)]
    if named:
        return named[0]
    if ctx.last_faction and ctx.last_faction not in ("unknown", faction):
        return ctx.last_faction
    return _opponent(sent, faction) or "unknown"


def _opponent(sent: Sentence, faction: str) -> str | None:
    """Return the side a theatre sets against *faction*: the government's armed opponents, or the government."""
    theatre = sent.theatre
    if theatre is None:
        return None
    if faction != theatre.government:
        return theatre.government
    for word in ("rebels", "insurgents", "opposition", "anti-government forces"):
        other = theatre.faction_of(word)
        if other and other not in (faction, "unknown"):
            return other
    return None


def _repulse_holder(ctx: Context, sent: Sentence, trig: re.Match[str], attacker: str | None) -> str | None:
    """Return the side that repulsed an attack on a place, told after the attack ("but were pushed back by troops").

    The side named in or after the repulse ("by troops", "but the army beat them back") that is not
    the attacker; else the owner of the site attacked ("the army base at Djibo"); else the theatre's
    opponent of the attacker named; else None (nobody is known to hold it).
    """
    back = lx.REPULSE_AFTER.search(ctx.article.text, trig.end(), sent.end)
    if back is None:
        return None
    named = [a.faction for a in sent.actors if a.faction and a.faction not in ("unknown", attacker)
             and a.start >= back.start() and not a.monitor]
    if named:
        return named[0]
    owner = next((a.faction for a in sent.actors if a.faction and a.faction not in ("unknown", attacker)
                  and trig.end() <= a.start < back.start() and ground_owner(ctx.article.text, a.end, units=True)), None)
    if owner is not None:  # "attacked the army base at Djibo, but the assault was repulsed": the base's owner
        return owner
    return _opponent(sent, attacker) if attacker not in (None, "unknown") else None


def _source(text: str, sent: Sentence, trig: re.Match[str], clause: tuple[int, int]) -> str | None:
    """Return the side a place was taken from ("seized the hamlets of Kibabi and Muheto from the M23")."""
    for a in sent.actors:
        if a.faction and a.faction != "unknown" and trig.end() <= a.start < clause[1] and source_actor(text, a.start):
            return a.faction
    return None


def _sentence_events(ctx: Context, sent: Sentence, wording: Wording) -> list[ControlEvent]:
    """Return the events of a candidate sentence; *wording*: the patterns to try there and where from."""
    text = ctx.article.text
    stance = _Stance(text, sent)
    events: list[ControlEvent] = []
    claimed_spans: list[tuple[int, int]] = []
    lifted: list[tuple[re.Match[str], lx.Trigger, tuple[int, int]]] = []
    mains: list[tuple[int, list[Target]]] = []  # each main-clause trigger's end and places
    located: list[tuple[re.Match[str], lx.Trigger, tuple[int, int], _Relative]] = []
    driven_out: list[ControlEvent] = []  # drive-outs with no place of their own
    presence: list[ControlEvent] = []  # flags raised, streets patrolled: nothing more than a capture told with them
    described: list[ControlEvent] = []  # "El Fasher, the last army stronghold": a description, not news of its own
    for i, begin in wording:
        if i >= _N_TRIGGERS:
            break
        trigger = lx.TRIGGERS[i]
        for trig in WORDING_GATES[i].finditer(text, begin, sent.end):  # trigger.pattern's matches
            if any(s <= trig.start() < e for s, e in claimed_spans):
                continue
            clause = _clause_bounds(text, sent.start, sent.end, trig.start())
            clause, relative = _relative_clause(text, sent, trig.start(), trig.end(), clause)
            noun = contact_relative(text, trig.start())
            if noun is not None and noun >= sent.start and any(p.search(text, sent.start, noun) for p in _CHANGES) \
                    and not _time_in_clause(sent, trig.end()):
                continue  # "withdrew from the villages they still occupied, including Houla": the withdrawal's places
                # (not "retook the towns the RSF had seized in December 2023": a change of its own, dated)
            if _hedged(text, clause[0], trig, trigger.kind, sent.end):
                continue
            if not lx.read_here(trigger, text, sent.start, trig.start()):
                continue  # "videos show M23 fighters at Goma airport", "Hawija retaken by"; not "weapons seized by"
            if trigger.kind == "contested" and _NEAR_THEN_IN.search(trig.group(0)):
                continue  # "fighting continued near Robotyne in western Zaporizhia": near the town, in the region
            if trigger.kind in ("entered", "captured") and lx.ATTACK_REPULSED.pattern.match(text, trig.start()):
                continue  # "stormed Chasiv Yar but were pushed back": no entry, the place held (ATTACK_REPULSED)
            if trigger.echo:
                echoed = _echo_events(ctx, sent, trig, trigger, stance.at(trig.start()))
                if echoed:
                    claimed_spans.append((trig.start(), trig.end()))
                    events.extend(echoed)
                continue
            subject = [a for a in sent.actors if clause[0] <= a.start < trig.start()]
            if trigger.armed and subject and subject[-1].monitor:
                continue  # "and residents later fled": civilians flee too
            if trigger.armed and not any(a.faction and a.faction != "unknown" and clause[0] <= a.start < trig.start()
                                         for a in sent.actors) and not (
                    _ELIDED_SUBJECT.match(text[clause[0] : trig.start()])  # "entered Baiji but later withdrew"
                    and any(a.faction and a.faction != "unknown" and sent.start <= a.start < clause[0]
                            for a in sent.actors)):
                continue
            if trigger.kind == "entered" and not any(a.faction for a in subject) and _UNARMED_SUBJECT.search(
                    text, max(clause[0], trig.start() - 90), trig.start()):
                continue  # "a convoy carrying aid entered Gaza City", "journalists entered Mekelle": no side moved in
            if trigger.intransitive and trigger.kind == "entered" and \
                    _OUR_SUBJECT.search(text, max(clause[0], trig.start() - 40), trig.start()):
                continue  # "'The militia left before our troops moved in,' the spokesperson said": no place of its
                # own and a side only the speaker names
            targets = target_places(text, ctx, sent, trig, clause, trigger.passive, trigger.weak)
            if not targets and trigger.kind == "siege_broken" and _SIEGE_END.search(trig.group(0)):
                lifted.append((trig, trigger, clause))  # the siege told last, once this sentence's own are read
                continue
            if not targets and trigger.intransitive and mains:  # "withdrew from Kirkuk as Iraqi troops moved in"
                told = [places for end, places in sorted(mains, key=lambda m: m[0]) if end <= trig.start()]
                targets = [t for t in (told[-1] if told else []) if t[1] is not None and t[1].kind in SETTLEMENTS]
            if not targets and trigger.intransitive and ctx.last_settlement and ctx.last_settlement.place \
                    and not _unknown_object_before(text, sent, trig):
                targets = [(ctx.last_settlement.text, ctx.last_settlement.place, 1)]  # "after the troops pulled out"
            if trigger.loser and trigger.passive:  # "Aleppo fell": a place the gazetteer knows ("Snow fell" is none)
                targets = [t for t in targets if t[1] is not None]
                if trig.group(0).lower().endswith("lost") and not _NAME_BEFORE.search(text, max(0, trig.start() - 40),
                                                                                    trig.start()):
                    targets = []  # "Avdiivka was lost", not "the town had been lost": "lost" is said of much, so of
                    # a place named right before it only
            if _INSIDE_AREA.match(trig.group(0)) and _LAST_BEFORE.search(text, max(0, trig.start() - 25), trig.start()):
                # "El Fasher, the army's last stronghold in Darfur": not Darfur ("its power base in Idlib" is Idlib)
                targets = [t for t in targets if t[1] is None or t[1].kind not in _AREAS]
            if not targets:
                continue
            if trigger.kind == "besieged" and _SIEGE_NOUN.match(trig.group(0)) \
                    and _SIEGE_OVER_AFTER.match(text, trig.end(), sent.end):
                trigger = trigger.with_kind("siege_broken")  # "the siege of X was lifted"
            if trigger.kind == "besieged":
                ctx.last_besieged = tuple(targets)
            claimed_spans.append((trig.start(), trig.end()))
            if relative is None:
                mains.append((trig.end(), targets))
                sites = [(name, place, sent.start) for name, place, precision in targets
                         if precision == 2 and place is not None and place.kind in SETTLEMENTS
                         and names_a_facility(name)]
                if sites:
                    ctx.last_site = sites[-1]
            elif _on_reference_point(text, sent, trig, targets):
                located.append((trig, trigger, clause, relative))
                continue
            voiced = stance.at(trig.start())
            if (trigger is lx.BARE_CAPTURED or trigger is lx.BARE_REGAINED) and voiced.word == "reported" \
                    and lx.DECLARED.search(text, sent.start, trig.start()):  # "Iraqi army declares Ramadi liberated"
                voiced = Stance("claimed", next((a.faction for a in reversed(sent.actors) if a.faction
                                                 and a.end <= trig.start()), None))
            found = _trigger_events(ctx, sent, trig, trigger, clause, targets, voiced, relative=relative)
            if trigger.intransitive and trigger.kind == "captured" and not trigger.loser:
                driven_out.extend(found)
            if trigger is lx.FLAG_RAISED or trigger is lx.PATROLLED:
                presence.extend(found)
            if trigger is lx.CHANGED_HANDS:
                ctx.summaries.update(e.id for e in found)
            if trigger.kind == "held" and described_as_stronghold(text, sent, trig) is not None:
                described.extend(found)
            events.extend(found)
    if driven_out:  # "took Walikale on Wednesday, but the army drove them out": the side that took it loses it
        events = [_driven_out_loser(ctx, e, events) if any(e is d for d in driven_out) else e for e in events]
    for trig, trigger, clause, relative in located:  # what the main clause changed: "recaptured the refinery,
        # 70 km north of Khartoum, which the RSF had held": the refinery
        head = [places for end, places in sorted(mains, key=lambda m: m[0]) if end <= trig.start()]
        if head:
            events.extend(_trigger_events(ctx, sent, trig, trigger, clause, head[-1], stance.at(trig.start()),
                                          relative=relative))
    for trig, trigger, clause in lifted:  # "... besieged by rebels before government forces broke the siege"
        if ctx.last_besieged:
            claimed_spans.append((trig.start(), trig.end()))
            events.extend(_trigger_events(ctx, sent, trig, trigger, clause, list(ctx.last_besieged),
                                          stance.at(trig.start()), guess_side=False))
    if presence:  # "retook the centre of Ramadi, raising the national flag over the main government complex"
        taken = {e.actor_gaining for e in events if e.kind in ("captured", "regained")}
        events = [e for e in events if not any(e is f for f in presence) or e.actor_gaining not in taken
                  and not _taken_before(ctx, e)]
    if described:  # "took over the headquarters in El Fasher, the last army stronghold in Darfur": it was, until now
        changed = {(e.place_id, e.actor_gaining) for e in events if e.kind in _HANDS_CHANGE and e.place_id}
        gone = [d for d in described
                if any(place == d.place_id and side != d.actor_gaining for place, side in changed)]
        events = [e for e in events if not any(e is d for d in gone)]
        holder = {d.place_id: d.actor_gaining for d in gone if d.actor_gaining not in (None, "unknown")}
        events = [replace(e, actor_losing=holder[e.place_id])  # "retook Fallujah, a stronghold of IS": from IS
                  if e.kind in _HANDS_CHANGE and e.actor_losing is None and e.place_id in holder
                  and holder[e.place_id] != e.actor_gaining else e for e in events]
    events = _reached(events)
    if "siege" in sent.text or "blockade" in sent.text or "encirclement" in sent.text:
        events.extend(_named_sieges(ctx, sent, events))
    background = {EVENT_WORDING[i]: begin for i, begin in wording if i >= _N_TRIGGERS}
    events.extend(background_events(ctx, sent, claimed_spans, background))
    return events


def _driven_out_loser(ctx: Context, event: ControlEvent, events: Sequence[ControlEvent]) -> ControlEvent:
    """Name the loser of a drive-out told with a pronoun ("drove them out").

    It is the side that last took or entered the place, in the sentence or before it, if another.
    """
    if event.actor_losing is not None:
        return event
    told = [e for e in events if e.start == event.start and _where(e) == _where(event)
            and e.kind in ("captured", "regained", "entered") and e is not event]
    before = told[-1] if told else ctx.changes_at.get(event.place_id) if event.place_id else None
    if before is None or before.actor_gaining in (None, "unknown", event.actor_gaining):
        return event
    return replace(event, actor_losing=before.actor_gaining)


#: A capitalised name right after a verb of change, perhaps after "the town of": its object.
_NAMED_OBJECT = re.compile(r"\s+(?:the\s+(?:[\w-]+\s+)?(?:town|city|village|locality|district)\s+of\s+)?"
                           r"((?:(?:al|el|ad|an|ar|as|ash|az|at|Um|Umm|Abu|Ain|Tal|Deir)[- ])?[A-Z][\w'’-]+)")
_OBJECT_KINDS = frozenset({"captured", "regained", "entered"})


def _unknown_object_before(text: str, sent: Sentence, trig: re.Match[str]) -> bool:
    """Whether an earlier change in the sentence names a place the gazetteer does not know.

    "Army units entered Um al-Qura late on Wednesday after the RSF withdrew overnight": the
    withdrawal is from Um al-Qura, not from the last known settlement named before it.
    """
    known = [(m.start, m.end) for m in sent.places]
    for t in lx.OPEN_TRIGGERS:
        if t.kind not in _OBJECT_KINDS or t.passive or t.loser:
            continue
        for m in t.pattern.finditer(text, sent.start, trig.start()):
            name = _NAMED_OBJECT.match(text, m.end())
            if name and name.end(1) <= trig.start() and not any(s <= name.start(1) < e for s, e in known):
                return True
    return False


def _on_reference_point(text: str, sent: Sentence, trig: re.Match[str], targets: Sequence[Target]) -> bool:
    """Whether a relative clause's only place is the reference point its pronoun follows ("north of Khartoum, which").

    Such a pronoun stands for what the reference point locates: the main clause's object.
    """
    head = antecedent(text, sent.places, sent.start, trig.start())
    return head is not None and head.place is not None and len(targets) == 1 and targets[0][1] is head.place \
        and reference_point(text, head) and not _TOWARDS.search(text, max(0, head.start - 30), head.start)


#: A destination, not a reference point: "fled towards Mosul, which the group has held" is about Mosul.
_TOWARDS = re.compile(r"\b(?:towards?|in\s+the\s+direction\s+of)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?"
                      r"(?:city|town|capital)\s+of\s+)?$", re.I)


def _trigger_events(ctx: Context, sent: Sentence, trig: re.Match[str], trigger: lx.Trigger,
                    clause: tuple[int, int], targets: list[tuple[str, Place | None, int]],
                    stance: Stance, guess_side: bool = True, relative: _Relative | None = None) -> list[ControlEvent]:
    """Return the events of one trigger on its places (*guess_side* False: no side from the context).

    A trigger in a relative clause after a change (*relative*) has the side its pronoun stands
    for as subject, and, telling an earlier change, only a time of its own: without one, its
    events are undated (before the main change, but when is not said), as those of an undated
    article. A withdrawal ("from the army, which fled") is the main change told again.
    """
    text = ctx.article.text
    if trigger.kind == "held" and _TRUCE_SUBJECT.search(text, max(clause[0], trig.start() - 40), trig.start()):
        return []  # "a ceasefire that had held for a year": the truce held, nobody a place
    recent = ctx.last_faction if ctx.faction_age <= 2 and guess_side else None
    earlier: ControlEvent | None = None  # a later change at the place, told before a nominal of an earlier one
    actor: str | None
    if relative is not None and relative.side is not None:
        actor, inferred = relative.side, False  # "retook Ramadi from IS militants who had seized it in May"
    elif _NOMINAL.search(trig.group(0)):
        actor, inferred = _nominal_actor(text, sent, trig, recent)
        told = ctx.changes_at.get(targets[0][1].id) if inferred and targets and targets[0][1] is not None else None
        if told is not None and told.date is not None:  # "The fall of Wad Madani in December 2023" after "the army
            # recaptured Wad Madani on Saturday": an earlier change, not the one told
            when = time_for(sent, trig.start(), clause, text, ctx.article.published)
            if when is not None and trig.end() <= when.start < min(clause[1], trig.end() + 40) \
                    and (when.date_end or when.date) < told.date:
                earlier, told = told, None
                if inferred:
                    actor = None  # not the side of the context, which took it later
        if told is not None and trigger.kind != "withdrew":  # "The fall of Bukavu" after "the rebels entered Bukavu"
            actor, inferred = told.actor_gaining, False
    else:
        actor, inferred, open_army = _actors(text, sent, trig, trigger.agent_after, recent, trigger.kind == "held",
                                             trigger.kind == "besieged")
        if open_army:  # "the army retook Djibo" in a war of three armies: Burkina Faso's, where Djibo is
            actor = _home_army(sent.theatre, targets) or actor
    first_person = _FIRST_PERSON.search(text, clause[0], trig.start()) or _SPEAKER_OWN.search(
        text, max(sent.start, trig.start() - 60), trig.start())
    if first_person and stance.word == "claimed" and stance.attributed_to:
        actor, inferred = stance.attributed_to, False  # "'Our fighters are now in control of X,' a commander said";
        # "denied ..., saying its troops still held the city": the speaker's troops
    if inferred and trigger.passive and (_LIBERATED.search(trig.group(0)) or trigger.kind == "regained") \
            and stance.word == "claimed" and stance.attributed_to and stance.attributed_to != "unknown":
        actor, inferred = stance.attributed_to, False  # "Wad Madani was liberated ..., the army said": its speaker's;
        # "Baga was recaptured on 21 February, according to the military": a side tells its own taking back
    kind_now: EventKind = trigger.kind
    if kind_now == "held" and _HAS_OCCUPIED.fullmatch(trig.group(0)) and not _LASTING.search(text, trig.end(),
                                                                                             clause[1]):
        kind_now = "captured"  # "Russian forces had occupied Novohrodivka" ("has occupied X since 2014": a state)
    if kind_now == "held" and _BRIEFLY.search(text, max(clause[0], trig.start() - 12), trig.start()):
        kind_now = "captured"  # "Fano fighters briefly controlled Gondar before withdrawing": taken, then left
    if kind_now == "held" and _BROUGHT_BACK.search(text, max(clause[0], trig.start() - 100), trig.start()):
        kind_now = "regained"  # "brought the western countryside of Aleppo back under state control": a change
    if kind_now == "held" and _CONTROL_PHRASE.match(trig.group(0)) and \
            _BACK_UNDER.search(text, max(clause[0], trig.start() - 30), trig.start()) or \
            kind_now == "captured" and _BACK_INTO.match(trig.group(0)):
        kind_now = "regained"  # "Wad Madani is back under army control", "fell back into the hands of the army"
    if trigger.kind in ("contested", "besieged") and not inferred and actor is not None:
        speaker = _speaker_before(text, sent, trig)  # "An army spokesman denied that Dilling was besieged": not by it
        if speaker is not None and speaker == actor or trigger.kind == "contested" and \
                _defender(text, sent, trig) == actor:
            actor = _other_side(ctx, sent, actor)  # "Ukraine's General Staff said fighting was under way inside"
    elif trigger.kind == "contested" and inferred:
        attacker = _attacker_after(text, sent, trig)
        if attacker is not None:  # "Fighting inside the town began in July, when the MNDAA broke a ceasefire"
            actor = attacker
    if trigger.kind == "besieged" and inferred:
        actor = None  # a siege named as a noun says nothing of who besieges
    if trigger is lx.CHANGED_HANDS:
        actor = None  # "Saraqib changed hands several times": between whom, and who holds it now, is not said
    inside_all = [a for a in sent.actors if trig.start() <= a.start < trig.end()]
    inside = [a for a in inside_all if a.faction]
    into_hands = trigger.kind == "captured" and bool(_INTO_HANDS.search(trig.group(0))) \
        or trigger is lx.CONTROL_OF_OVER  # "documented the control of Jaish al-Fatah factions over": theirs
    if (trigger.kind in ("held", "besieged") or into_hands) and inside and trigger is not lx.REPELLED \
            and trigger is not lx.PUSHED_BACK_EDGE and trigger is not lx.PUSHED_BACK \
            and trigger is not lx.GARRISON_ENCIRCLED:  # (nor "encircled Russian troops in": the side besieged)
        # "under Russian control", "into RSF hands" (not "repelled a Boko Haram attack on": the attacker's)
        actor, inferred = inside[0].faction, False
    elif (trigger.kind == "held" or into_hands) and sent.theatre is not None:  # "under Russian control", "in
        # Ukrainian hands", "fell into rebel hands"
        adjective = _HOLDER_ADJECTIVE.search(trig.group(0))
        word = adjective.group(1) if adjective else ""
        names = (f"{word} forces", f"{word} troops", f"{word} army", f"{word}s", f"the {word}", word)
        named = next((f for f in map(sent.theatre.faction_of, names) if f and f != "unknown"),
                     None) if adjective else None  # "military control": the military; "rebel hands": the rebels
        if named is not None:
            actor, inferred = named, False
    if trigger is lx.ATTACK_REPULSED:  # "attacked Gwoza but were pushed back by troops": the defenders hold it
        holder = _repulse_holder(ctx, sent, trig, None if inferred else actor)
        if holder is None:
            return []
        actor, inferred = holder, False
    if (inferred or actor in (None, "unknown")) and _GRIP.search(trig.group(0)):
        return []  # "in the grip of a cholera outbreak": no side, no control
    gaining, losing = (None, actor) if trigger.kind == "withdrew" else (actor, None)
    if trigger is lx.GARRISON_ENCIRCLED and inside and inside[0].faction != gaining:
        losing = inside[0].faction  # "encircled around 5,000 Russian troops in Lyman": Russia's garrison
    if trigger.passive and trigger.kind == "captured" and not trigger.loser and not inferred and actor is not None \
            and not into_hands and not _LIBERATED.search(trig.group(0)) and _admits(text, sent, trig, actor):
        # "Kyiv acknowledged that Novohrodivka had been captured": the side that admits it lost the place
        claimant = _claimant(text, sent, trig)  # "denied Russian claims that Kupiansk had fallen": Russia's claim
        gaining = claimant if claimant not in (None, actor) else _sole_opponent(ctx.theatre, actor) or "unknown"
        losing = actor
    if trigger.loser:
        losing = actor if not inferred and not _place_subject_after(text, sent, trig, actor) else None
        winner = [a for a in sent.actors if a.faction and a.start >= trig.end()
                  and _TO_OR_BY_THE_END.search(ctx.article.text[max(trig.end(), a.start - 12) : a.start])]
        claimant = _claimant(text, sent, trig) if not winner else None  # "denied Russian claims that X had fallen"
        if claimant is not None and claimant == losing:  # the side named before is the claimant, not the loser
            losing = stance.attributed_to if stance.word == "denied" and stance.attributed_to != claimant else None
        gaining = winner[0].faction if winner else claimant if claimant not in (None, losing) else "unknown"
        if gaining == "unknown" and trigger.kind == "captured" and _DRIVEN_OUT.search(trig.group(0)):
            # "Russian troops had been driven out of Vovchansk": in a war of two sides, by the other
            gaining = _sole_opponent(ctx.theatre, losing) or gaining
    if trigger.loser and trigger.kind in ("held", "contested"):  # "RSF fighters were pushed back from Sennar": the
        # side pushed back holds nothing; its agent or, unnamed, its opponent holds the place or presses on
        if gaining in (None, "unknown") and losing not in (None, "unknown"):
            gaining = _opponent(sent, losing) if losing is not None else None
        losing = None
    if losing is None and trigger.kind == "captured" and not trigger.loser and (
            _DRIVEN_OUT.search(trig.group(0)) or _FORCED_TO_LEAVE.match(trig.group(0))):
        driven = [a.faction for a in inside_all if a.faction not in (None, "unknown", gaining)]
        losing = driven[0] if driven else None  # "expelled IS from Kobani", "drove the army out of Kidal"
    if losing is None and not trigger.passive and trigger.kind in ("captured", "regained", "entered"):
        owner = next((a.faction for a in sent.actors if a.faction and a.faction not in ("unknown", gaining)
                      and trig.end() <= a.start < clause[1] and ground_owner(text, a.end, units=True)), None)
        losing = owner  # "captured the headquarters of the military's Northeastern Command": the military loses it
    source = _source(text, sent, trig, clause)
    if source is not None and trigger.kind in ("captured", "regained", "entered"):
        losing = source
        if gaining is None or gaining == source and inferred:
            gaining = _opponent(sent, source)
    if trigger.kind == "besieged" and _ATTRIBUTIVE.search(text, max(0, trig.start() - 6), trig.start()):
        gaining = None  # "the besieged town of X": a siege is stated, not who lays it
    if trigger.kind == "withdrew" and losing is None and trigger.passive:
        # "the army garrison at Babanusa surrendered": the side whose garrison it was gave the place up
        losing = next((a.faction for a in sent.actors if a.faction and a.faction != "unknown"
                       and clause[0] <= a.start < trig.start() and (ground_owner(text, a.end)
                                                                      or ground_owner(text, a.end, units=True))), None)
    if trigger.kind == "withdrew" and gaining is None:
        winner = [a for a in sent.actors if a.faction and a.start >= trig.end()
                  and (_TO_THE_END.search(text[max(trig.end(), a.start - 12) : a.start])
                       or _leaving_to(text, trig.end(), a))
                  and not _ACCORDING_TO.search(text, max(trig.end(), a.start - 40), a.start)]  # a speaker
        gaining = winner[0].faction if winner else "unknown"  # else read from the article's other events
    if trigger.kind == "withdrew" and losing is not None and losing == gaining:
        losing = None  # "Kyiv ceded Soledar to Russian forces": the side it went to did not give it up
    if earlier is not None and earlier.kind == "regained" and earlier.actor_gaining not in (None, "unknown") \
            and trigger.kind == "captured" and gaining in (None, "unknown", earlier.actor_gaining):
        losing = earlier.actor_gaining  # "retook Wad Madani on Saturday ... The fall of Wad Madani in December 2023"
        gaining = _sole_opponent(ctx.theatre, losing) or "unknown"
    time = time_for(sent, trig.start(), clause, text, ctx.article.published,
                    change=trigger.kind in ("captured", "regained", "entered", "withdrew"))
    if time is None and relative is None:  # "On 15 June 2022, ... clashed near X. M23 retained control of Y."
        time = line_time(ctx.article, sent)
    undated = relative is not None and relative.earlier and trigger.kind != "withdrew" and (
        time is None or not clause[0] <= time.start < clause[1])
    if undated:  # "recaptured Lalibela from Tigrayan forces who seized it": before the recapture, but when?
        time = None
    if time is not None and (not clause[0] <= time.start < clause[1] or time.start > trig.end() and text[
            trig.end() : time.start].rstrip().endswith(",")) and time.relation not in ("after", "before") \
            and not (time.relation == "since" and text[trig.end() : time.start].isspace()) \
            and not (time.relation != "since" and _time_after_apposition(text, sent, trig.start(), clause, time)) \
            and _PRESENT.search(text, max(sent.start, trig.start() - 12), trig.end()):
        time = None  # "The RSF still holds most of Darfur, where it has besieged El Fasher since May": now
        # (so "El Fasher, the last city still in army hands, since May"; but "Fallujah has been in IS hands since
        # January 2014": since then)
    if trigger.kind == "held" and time is not None and time.end <= trig.start() \
            and described_as_stronghold(text, sent, trig) is not None:
        time = None  # "took Nihm in late January, opening the way toward Marib, the government's last stronghold": now
    length = state_length(text, trig.end(), clause[1]) if trigger.kind in ("held", "besieged") else None
    confidence = trigger.confidence - (0.15 if inferred else 0) - (0.1 if time is None else 0)
    events = []
    ends = _target_ends(text, trig, sent, targets)
    holders = _holders(text, sent, trig, trigger, ends) if trigger.kind == "held" else []
    if trigger.split:
        if not holders:
            return []
        gaining, holders = holders[0], holders[1:]
    previous: TimeMention | None = None
    for k, (written, place, precision) in enumerate(targets):
        own = _own_time(sent, ends, k, clause)  # "took Deraa on 6 December and Sweida on 7 December"
        if own is None and previous is not None and ends[k] >= 0:  # "Hama on 5 December and Homs the next day"
            limit = next((e for e in ends[k + 1 :] if e > ends[k]), clause[1])
            own = chained(text, ends[k], min(limit, ends[k] + 40), previous, ctx.article.published)
        own = own or time
        previous = own
        kind: EventKind = kind_now
        if kind == "entered" and _FIGHTING_SUBJECT.search(text, clause[0], trig.start()):
            kind = "contested"  # "the fighting had moved into the town's centre": a contest, nobody entered
        if precision == 3 and kind in ("captured", "regained") and lx.PARTIAL.search(
                ctx.article.text[clause[0] : trig.end() + 60]) and "most of" not in sent.text:
            kind = "contested"
        elif kind in ("captured", "regained") and ends[k] > trig.end() and _SOME_POSITIONS.match(
                text, trig.end(), ends[k]):
            kind = "contested"  # "regained positions in Krasnohorivka": a foothold in it, not the town
        event_stance = stance
        if kind == "held" and stance.word == "claimed" and stance.attributed_to == gaining:
            event_stance = Stance("reported")
        events.append(make_event(ctx, sent, trig, kind=kind, written=written, place=place, precision=precision,
                                 gaining=gaining, losing=losing, stance=event_stance, time=own,
                                 confidence=confidence))
        events.extend(make_event(ctx, sent, trig, kind=kind, written=written, place=place, precision=2,
                                 gaining=other, losing=None, stance=event_stance, time=own, confidence=confidence)
                      for other in holders if other != gaining)
    if length is not None and time is not None and time.end <= trig.start() \
            and _THEN_STATE.fullmatch(text, time.end, trig.start()):
        length = None  # "seized Mocimboa da Praia in August 2020 and held it for a year": held from that date on
    if length is not None:  # "had been besieged by rebels for more than three years before ...": since when
        end = (time.date_end or time.date) if time is not None else ctx.article.published
        events = [_lasted(e, started(end, length) if end is not None else None) for e in events]
    if undated:
        return [replace(e, date=None, date_end=None, date_precision=None) for e in events]
    return events


#: Fighting as the subject of a movement: "the fighting had moved into", "clashes spread into".
_FIGHTING_SUBJECT = re.compile(r"\b(?:fighting|clashes|battles?|combat|shelling|the\s+war|the\s+front(?:\s+line)?)"
                               r"\s+(?:had\s+|has\s+|have\s+)?(?:now\s+|also\s+|already\s+|then\s+)?$", re.I)


def _taken_before(ctx: Context, event: ControlEvent) -> bool:
    """Whether the article told before that the event's side took its place ("retook Qaraqosh. ... raised the flag")."""
    told = ctx.changes_at.get(event.place_id) if event.place_id else None
    return told is not None and told.actor_gaining == event.actor_gaining


def _reached(events: list[ControlEvent]) -> list[ControlEvent]:
    """Return a sentence's events with control reached "by" a time after an entry read as the capture.

    "Rebels entered the city on 29 November and by the next day controlled most of it": the side
    that entered held it by the next day, so it took it then (and the sites listed with it).
    """
    entries = [e for e in events if e.kind == "entered" and e.actor_gaining not in (None, "unknown")]
    if not entries:
        return events
    out = []
    for e in events:
        by = e.time_text is not None and (e.time_text.lower().startswith("by ") or re.search(
            r"\bby\s+" + re.escape(e.time_text), e.sentence) is not None)
        if e.kind == "held" and by and e.date is not None and any(
                f.actor_gaining == e.actor_gaining and f.date is not None and f.date <= e.date for f in entries):
            e = replace(e, kind="captured")
        out.append(e)
    return out


#: Some positions in a place, not all of them: "regained positions in", "seized several positions inside" (not "the
#: last positions in", "all Russian positions in").
_SOME_POSITIONS = re.compile(r"(?:(?!\b(?:last|remaining|all|every|final)\b)[^.;])*?"
                             r"\bpositions\s+(?:in|inside|within)\s", re.I)
#: Between a dated change and the state that followed it, in one sentence: "in August 2020 and held it", "on
#: Monday, then besieged".
_THEN_STATE = re.compile(r"\s*,?\s*(?:and|then|and\s+then)\s+(?:(?:has|had|have)\s+)?(?:\w+ly\s+)?", re.I)


def _lasted(event: ControlEvent, start: tuple[dt.date, dt.date | None, str] | None) -> ControlEvent:
    """Return the state *event* dated by when it began (no date when the length was only a lower bound)."""
    if start is None:
        return replace(event, date=None, date_end=None, date_precision=None)
    first, last, precision = start
    return replace(event, date=first, date_end=last, date_precision=precision)  # type: ignore[arg-type]


#: The changes a siege named with its length may end in ("seized the city after an 18-month siege").
_SIEGE_ENDINGS = frozenset({"captured", "regained", "entered", "withdrew", "siege_broken"})
#: Between the place of a change and the siege that led to it: no other clause.
_SIEGE_GAP = re.compile(r",\s*(?:which|who|where|when|while|but)\b|[;:]", re.I)


def _named_sieges(ctx: Context, sent: Sentence, found: Sequence[ControlEvent]) -> list[ControlEvent]:
    """Return the sieges a sentence names by their length, each on the place of the change it ended in.

    "the RSF seized El Fasher after an 18-month siege": El Fasher was besieged from 18 months
    before the capture, by the side that took it (or the side named after "siege by"); "after a
    siege that lasted more than two months" gives the siege with no date.
    """
    text = ctx.article.text
    out: list[ControlEvent] = []
    for length in siege_lengths(text, sent.start, sent.end):
        ending = _ending(text, length.start, found)
        if ending is None or any(e.kind == "besieged" and _where(e) == _where(ending) for e in found):
            continue
        by = besieger_after(text, length)
        named = next((a.faction for a in sent.actors if by is not None and a.faction and by <= a.start <= by + 4),
                     None)
        if named is not None:
            besieger: str | None = named
        elif ending.kind == "siege_broken":
            besieger = ending.actor_losing
        else:
            besieger = ending.actor_gaining
        start = started(ending.date, length) if ending.date is not None else None
        siege = replace(ending, kind="besieged", actor_gaining=None if besieger == "unknown" else besieger,
                        actor_losing=None, time_text=text[length.start : length.end],
                        confidence=round(ending.confidence - 0.1, 2),
                        id=hashlib.sha1(f"{ending.id}:siege".encode()).hexdigest()[:12])
        out.append(_lasted(siege, start))
    return out


def _ending(text: str, pos: int, found: Sequence[ControlEvent]) -> ControlEvent | None:
    """Return the change whose place is written last before *pos*, in the same clause, else None."""
    best: tuple[int, ControlEvent] | None = None
    for e in found:
        if e.kind not in _SIEGE_ENDINGS:
            continue
        at = text.rfind(e.place, e.start, pos)
        if at >= 0 and not _SIEGE_GAP.search(text, at, pos) and pos - at < 200 and (best is None or at > best[0]):
            best = (at, e)
    return best[1] if best else None


#: Where the sides a place is split between end: the next clause ("..., and Islamic State cells are still active").
_SPLIT_END = re.compile(r"[;:]|,\s*(?:and|but|while|whereas|though|although)\b|\b(?:though|although|while|whereas)\b",
                        re.I)
#: Another holder of the same place, told by gapping: ", the RSF the east", ", while Ukrainian forces hold the west".
_GAPPED_HOLDER = re.compile(r"^\s*(?:,|;|\band\b)\s*(?:and\s+|while\s+|whereas\s+|with\s+)?(?:the\s+)?$", re.I)
_GAPPED_PART = re.compile(r"\s+(?:(?:still\s+|now\s+)?(?:holds?|held|controls?|controlled|keeps?|kept|has|had)\s+)?"
                          r"(?:the\s+|its\s+|their\s+|most\s+of\s+the\s+)?(?:rest|remainder|centre|center|"
                          r"(?:north|south)?-?(?:east|west)|north|south|(?:north|south|east|west)ern\s+(?:part|half|"
                          r"districts|neighbou?rhoods|side))\b", re.I)


def _holders(text: str, sent: Sentence, trig: re.Match[str], trigger: lx.Trigger, ends: list[int]) -> list[str]:
    """Return the sides that hold the place(s) beside the one the trigger names, in text order.

    For a split ("split between the SDF and small government pockets", "divided between
    government forces in the west and rebels in the east") every side named after the
    trigger; for a standing-control statement, a side gapped after its place ("The army holds
    the west of El Fasher, the RSF the east").
    """
    if trigger.split:
        stop = _SPLIT_END.search(text, trig.end(), sent.end)
        hi = stop.start() if stop else sent.end
        sides = [a.faction for a in sent.actors if a.faction and a.faction != "unknown" and trig.end() <= a.start < hi
                 and not source_actor(text, a.start) and modifier_actor(text, a.start) is None]
        return list(dict.fromkeys(sides)) if len(set(sides)) >= 2 else []
    end = max(ends, default=-1)
    if end < 0:
        return []
    return [a.faction for a in sent.actors if a.faction and a.faction != "unknown" and a.start >= end
            and _GAPPED_HOLDER.match(text[end : a.start]) and _GAPPED_PART.match(text, a.end)][:1]


#: Before the head of an ellipsis: the start of its clause, perhaps with a connective ("Then Hama followed").
_ECHO_OPENING = re.compile(r"(?:^|[;:.]|,\s*(?:and|but)?)\s*(?:(?:and|then|next|soon|later|finally)\s*,?\s+)*$", re.I)
#: Between two items of the list an ellipsis goes on with ("..., Homs in the early hours of 8 December, and Damascus").
_ECHO_LIST = re.compile(r"^\s*(?:,\s*(?:and\s+|then\s+)?|\s+(?:and|then)\s+)(?:then\s+)?"
                        r"(?:the\s+(?:town|city)\s+of\s+)?$", re.I)


def _echo_events(ctx: Context, sent: Sentence, trig: re.Match[str], trigger: lx.Trigger,
                 stance: Stance) -> list[ControlEvent]:
    """Return the events of an ellipsis: the last change told, again, on new places at their own times.

    "Aleppo fell on 30 November. Hama followed on 5 December, Homs in the early hours of 8
    December, and Damascus hours later": Hama, Homs and Damascus change hands as Aleppo did
    (same kind and sides), each at the time written after it, or a step from the one before
    ("hours later", "the next day"). The head must open its clause and stand right before the
    trigger; a list item must follow the one before after a comma or "and".
    """
    last = ctx.last_change
    text = ctx.article.text
    if last is None:
        return []
    head = [m for m in sent.places if m.end <= trig.start() and m.place is not None and m.place.kind != "country"]
    if not head or text[head[-1].end : trig.start()].strip() or \
            not _ECHO_OPENING.search(text, max(sent.start, head[-1].start - 30), head[-1].start) and \
            head[-1].start != sent.start:
        return []
    items = [head[-1]]
    times: list[TimeMention | None] = []
    at = trig.end()
    later = [m for m in sent.places if m.start >= trig.end() and m.place is not None and m.place.kind != "country"]
    for m in [*later, None]:
        limit = m.start if m is not None else sent.end
        own = next((t for t in sent.times if at <= t.start < limit and t.start - at <= 40), None)
        if own is None and times and times[-1] is not None:
            own = chained(text, at, min(limit, at + 40), times[-1], ctx.article.published)
        if own is None and not times:  # "Thursday: The insurgents captured Ghazni. Herat followed in the evening."
            own = line_time(ctx.article, sent)
        times.append(own)
        if m is None:
            break
        gap = text[own.end if own is not None and at <= own.end <= m.start else at : m.start]
        if not _ECHO_LIST.match(gap):
            break
        items.append(m)
        at = m.end
    out = []
    for m, time in zip(items, times, strict=False):
        assert m.place is not None
        out.append(make_event(ctx, sent, trig, kind=last.kind, written=m.text, place=m.place,
                              precision=3 if m.place.kind == "admin1" else 1, gaining=last.actor_gaining,
                              losing=last.actor_losing, stance=stance, time=time, confidence=trigger.confidence))
    return out


def _target_ends(text: str, trig: re.Match[str], sent: Sentence, targets: Sequence[tuple[str, object, int]],
                 ) -> list[int]:
    """Return where each target's name ends after the trigger (-1 when it is not written there)."""
    ends, at = [], trig.end()
    for written, _, _ in targets:
        found = text.find(written, at, sent.end)
        ends.append(found + len(written) if found >= 0 else -1)
        at = found + len(written) if found >= 0 else at
    return ends


def _time_after_apposition(text: str, sent: Sentence, pos: int, clause: tuple[int, int], time: TimeMention) -> bool:
    """Whether *time* stands right after the apposition of the verb's object.

    "still held Pul-e-Khumri, the capital of Baghlan, on Friday": the verb's own time, not another clause's.
    """
    described = object_apposition(text, sent.times, pos, clause[1])
    return described is not None and 0 <= time.start - described[1] <= 16


def _own_time(sent: Sentence, ends: list[int], k: int, clause: tuple[int, int]) -> TimeMention | None:
    """Return the time expression right after the k-th of several coordinated places, before the next one."""
    if len(ends) < 2 or ends[k] < 0:
        return None
    # a place past the clause's end is in a verbless clause that goes on from it (", then Krasnohorivka in September")
    limit = next((e for e in ends[k + 1 :] if e > ends[k]), clause[1] if ends[k] <= clause[1] else sent.end)
    return next((t for t in sent.times if ends[k] <= t.start < limit and t.start - ends[k] <= 30
                 and not _NEXT_SUBJECT.search(sent.text, ends[k] - sent.start, t.start - sent.start)), None)


#: A coordinated clause with its own subject after a list's last place ("Ukrainsk and Krasnohorivka, and its troops
#: are now within"): a time past it is that clause's, not the place's.
_NEXT_SUBJECT = re.compile(r",\s+(?:and|but|while)\s+(?!(?:on|in|at|by|since|then|later|early|late|mid)\b)\w+", re.I)


def extract_events(article: Article, gazetteer: Gazetteer, sentences: Sequence[tuple[int, int]],
                   theatre: Theatre | None = None) -> list[ControlEvent]:
    """Extract every control-change event of one article (each names the theatre it was read in).

    See :func:`events_and_theatre` for the parameters.
    """
    return events_and_theatre(article, gazetteer, sentences, theatre)[0]


def events_and_theatre(article: Article, gazetteer: Gazetteer, sentences: Sequence[tuple[int, int]],
                       theatre: Theatre | None = None) -> tuple[list[ControlEvent], Theatre | None, list[Mention]]:
    """Extract every control-change event of one article, and say which war it was read as.

    Parameters
    ----------
    article : Article
        The article (its ``published`` date anchors relative time expressions).
    gazetteer : Gazetteer
        Resolves place names.
    sentences : sequence of (start, end)
        Sentence offsets in ``article.text`` (:func:`geo.read.sentences.split_sentences`).
    theatre : Theatre, optional
        The war the article is about; inferred from its places and faction names when None.

    Returns
    -------
    (list of ControlEvent, Theatre or None, list of Mention)
        The events in text order (those of an undated article have ``date`` None), the
        theatre they were read in (None when nothing pointed to one), and the article's place
        names and demonyms as read there (:func:`geo.extract.context.read_sentences`).
    """
    candidates = event_candidates(article.text, sentences)
    read, found, mentions = read_sentences(article, gazetteer, sentences, [span for span, _ in candidates],
                                           theatre)
    ctx = Context(article, gazetteer, found)
    return _read_events(ctx, read, dict(candidates)), found, mentions


def _read_events(ctx: Context, sentences: list[Sentence],
                 wording: dict[tuple[int, int], Wording]) -> list[ControlEvent]:
    """Return the events of the sentences read in order; *wording*: candidate sentence -> patterns to try."""
    events: list[ControlEvent] = []
    for sent in sentences:
        tried = wording.get((sent.start, sent.end))
        if tried is not None and _ASKED.match(sent.text):
            tried = None  # "Q: Who controls Tigray itself?", "Did Russian forces capture Chasiv Yar?": nothing told
        found = _sentence_events(ctx, sent, tried) if tried is not None else []
        events.extend(found)
        _remember(ctx, sent, found)
    if ctx.summaries:  # "has changed hands four times since 2015. IS fighters seized it in May 2015 ...": the changes
        changed = {_where(e) for e in events if e.kind in _HAND_CHANGES}  # told are the evidence, not their sum
        events = [e for e in events if e.id not in ctx.summaries or _where(e) not in changed]
    events = _first_named(ctx.article.text, _taken_over(_prior_holders(events, ctx.theatre)), sentences)
    unique: dict[tuple[str, str, int, dt.date | None, str | None], ControlEvent] = {}
    for e in events:  # one event per place, kind, sentence and date (and holder): the strongest stance wins
        key = (_where(e), e.kind, e.start, e.date, e.actor_gaining if e.kind == "held" else None)
        if key in unique and _reverses(e, unique[key]):  # "overran Baiji before being driven out": two changes
            key = (*key[:4], e.actor_gaining)
        if key not in unique or _rank(e) > _rank(unique[key]):
            unique[key] = e
    contests: dict[tuple[str, int, dt.date | None], set[str | None]] = {}
    for e in unique.values():
        if e.kind in ("contested", "captured", "regained"):
            contests.setdefault((_where(e), e.start, e.date), set()).add(
                None if e.kind == "contested" else e.actor_gaining)
    found = sorted((e for e in unique.values() if e.kind != "entered" or not _part_of(e, contests)),
                   key=lambda e: (e.start, e.id))  # an entry told with the fighting or the capture is part of it
    voice = state_voice(ctx.article.source, ctx.article.text, ctx.theatre)  # SANA's, TASS's own statements
    found = in_statements(ctx.article.text, sentences, found)  # a communiqué quoted at length: its speaker's word
    return in_voice(_link_denials(ctx.article.text, sentences, found), voice)


#: A name right before a trigger: a capitalised word, perhaps closed by a bracket or quote.
_NAME_BEFORE = re.compile(r"(?-i:[A-Z])[\w'’-]*[)\"”’]?\s+$")
#: The kinds of a change of hands.
_HAND_CHANGES = frozenset({"captured", "regained", "withdrew"})
#: A direct question that asserts nothing: one asked of yes or no ("Did Russian forces capture Chasiv Yar?", "Is
#: Avdiivka still in Ukrainian hands?"), or of the side or the places ("Who controls Tigray?", "Which towns has the
#: army retaken?", "What does al-Shabaab still control?"). One asked of why, how, when or where a change happened
#: takes the change for granted and is read as any sentence. A question label ("Q:") may open it.
_ASKED = re.compile(r"\s*(?:Q\s*[:.]\s*|Question\s*:\s*)?[\"“‘']?(?:(?:Did|Does|Do|Has|Have|Had|Is|Are|Was|Were|"
                    r"Will|Would|Can|Could|Should|May|Might)\b|(?:Who|Whom|Which|What)\b"
                    r"(?!\s+(?:happened|happens|next)\b))"
                    r"[^.!?]*\?[\"”’']?\s*$")


def _part_of(entry: ControlEvent, contests: dict[tuple[str, int, dt.date | None], set[str | None]]) -> bool:
    """Whether an entry is part of the fighting or the capture told with it at its place, sentence and date.

    Not when another side took the place from it ("entered Debre Markos on Monday, but federal troops pushed them
    back out hours later").
    """
    takers = contests.get((_where(entry), entry.start, entry.date))
    if takers is None:
        return False
    side = entry.actor_gaining
    return side in (None, "unknown") or any(t in (None, "unknown", side) for t in takers)


def _reverses(a: ControlEvent, b: ControlEvent) -> bool:
    """Tell whether two captures of one place in one sentence are a change and the change back.

    Each names its gainer, the two differ, and one lost the place to the other: "Islamic State
    militants overran Baiji before being driven out by security forces".
    """
    known = {None, "unknown"}
    return a.kind in ("captured", "regained") and b.kind in ("captured", "regained") \
        and a.actor_gaining not in known and b.actor_gaining not in known and a.actor_gaining != b.actor_gaining \
        and (a.actor_losing == b.actor_gaining or b.actor_losing == a.actor_gaining)


#: A denial whose object is the claim itself: "the army denied the claim", "Kyiv denied it", "dismissed the report".
_DENIED_CLAIM = re.compile(r"\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|refuted|refutes)\s+"
                           r"(?:the\s+|this\s+|that\s+|these\s+|those\s+|such\s+)?(?:claims?|reports?|it|this|that|"
                           r"them|allegations?|assertions?|statements?|accounts?)\b(?!\s+(?:had|has|was|were|is|its)\b)",
                           re.I)
_DENY_VERB = r"(?:denied|denies|rejected|rejects|dismissed|dismisses|refuted|refutes|disputed|disputes)"
#: A denial told of the claim after it: "..., a claim the army denied", "..., which Kyiv rejected", "a claim
#: denied by the junta" (the denier follows ``by``).
_CLAIM_THEN_DENIAL = re.compile(
    r"\b(?:(?:an?|the)\s+(?:claims?|assertions?|accounts?|reports?)\s+(?:that\s+|which\s+)?|,\s*(?:something\s+)?which\s+)"
    r"(?:(?:(?:was|were|has\s+been|had\s+been)\s+)?" + _DENY_VERB + r"\s+by\b(?P<by>)"
    r"|(?P<verb>(?:the\s+)?(?:[\w'’-]+\s+){0,4}?" + _DENY_VERB + r")\b(?!\s+(?:that|it\s+had|having|by)\b))", re.I)
#: The other side's own word against a claim of its sentence: "..., while the army said it still held the town",
#: "..., but government forces said they had repelled the attack". The answer must name the claim's ground
#: (it, the town, the attack), checked by :func:`_answers_claim`.
_COUNTER_CLAIM = re.compile(
    r"\b(?:but|while|whereas|though|although|however)\s+(?:[\w'’-]+\s+){0,6}?"
    r"(?P<verb>said|says|insisted|insists|maintained|maintains|countered|counters|stated|states)\s+(?:that\s+)?"
    r"(?:it|they|its\s+(?:forces|troops|fighters|units|soldiers)|their\s+(?:forces|troops|fighters|units))\s+"
    r"(?:(?:were|was|are|is)\s+)?(?:still\s+|remained\s+|remain\s+|continued\s+to\s+|continue\s+to\s+)"
    r"(?:held|holds|hold|controlled|controls|control|in\s+(?:full\s+)?control\s+of|in\s+charge\s+of)\s+"
    r"(?P<object>it\b|the\s+(?:town|city|village|area|base|airport|locality|district|camp|garrison|position|"
    r"hill|crossing|capital)s?\b|[A-Z])"
    r"|\b(?:but|while|whereas|though|although|however)\s+(?:[\w'’-]+\s+){0,6}?"
    r"(?P<verb2>said|says|insisted|insists|maintained|maintains|countered|counters|stated|states)\s+(?:that\s+)?"
    r"(?:it|they|its\s+(?:forces|troops|fighters|units|soldiers)|their\s+(?:forces|troops|fighters|units))\s+"
    r"(?:had\s+|have\s+|has\s+)?(?:repelled|repulsed|foiled|thwarted|beaten\s+back|beat\s+back|pushed\s+back|"
    r"fought\s+off)\s+(?:the|an?|this|that)\s+(?:[\w-]+\s+){0,2}?(?:attack|assault|offensive|advance|"
    r"incursion|push|raid)s?\b")


class _Denial(NamedTuple):
    """Where a sentence denies a claim: what the claim's place must precede, where the denier is named."""

    before: int
    verb_at: int
    #: The denier follows (``denied by the army``) rather than precedes the verb.
    by: bool = False
    #: Where the denial names the place it answers ("the army said it still held Goma"), if by name.
    named_at: int | None = None


#: The denials' patterns, tried only in the sentences that hold a word they need.
_DENIALS = tuple(map(LiteralGate, (_DENIED_CLAIM, _CLAIM_THEN_DENIAL, _COUNTER_CLAIM)))


def _denial_in(text: str, sent: Sentence) -> _Denial | None:
    """Find the first place where a sentence denies a claim, if it does."""
    found: list[_Denial] = []
    denied_claim, claim_then_denial, counter_claim = _DENIALS
    if (m := denied_claim.search(text, sent.start, sent.end)) is not None:
        found.append(_Denial(m.start(), m.start()))
    if (m := claim_then_denial.search(text, sent.start, sent.end)) is not None:
        by = m.group("by") is not None
        found.append(_Denial(m.start(), m.end() if by else m.end("verb"), by))
    if (m := counter_claim.search(text, sent.start, sent.end)) is not None:
        verb = "verb" if m.group("verb") is not None else "verb2"
        named = m.group("object") is not None and m.group("object")[0].isupper()
        found.append(_Denial(m.start(), m.start(verb), named_at=m.start("object") if named else None))
    return min(found) if found else None


#: Kinds a denial may answer: a denial of a fall answers a claimed capture or entry, and so on.
_DENIABLE = {"captured": {"captured", "regained", "entered", "withdrew"},
             "regained": {"captured", "regained", "entered", "withdrew"},
             "entered": {"entered", "captured", "regained", "contested"},
             "withdrew": {"withdrew", "captured", "regained"},
             "contested": {"contested", "entered"}, "besieged": {"besieged"}, "siege_broken": {"siege_broken"},
             "held": {"held", "captured", "regained"}}


def _link_denials(text: str, sentences: Sequence[Sentence], events: list[ControlEvent]) -> list[ControlEvent]:
    """Pair each denial with the claim it denies (``denies`` = the claim's id), across the article's sentences.

    A denied event names its place ("the army denied that Lashio had fallen") and is linked
    to the nearest claim on that place of a kind it answers. A denial whose object is the
    claim itself ("..., but the army denied the claim", "Kyiv denied it." in the next
    sentence) becomes a denied event for each claim it answers: those of its sentence before
    it, else those of the sentence before.
    """
    claims = [e for e in events if e.stance in ("claimed", "reported", "verified")]
    out: list[ControlEvent] = []
    for e in events:
        if e.stance == "denied":
            answered = [c for c in claims if _where(c) == _where(e) and c.kind in _DENIABLE[e.kind]]
            if answered:
                nearest = min(answered, key=lambda c: (c.stance != "claimed", abs(c.start - e.start)))
                e = replace(e, denies=nearest.id)
        out.append(e)
    denied_ids = {e.denies for e in out if e.denies}
    starts = [sent.start for sent in sentences]
    with_claims = {c.start for c in claims if c.stance == "claimed"}
    for k, sent in enumerate(sentences):
        if sent.start not in with_claims and (k == 0 or starts[k - 1] not in with_claims):
            continue  # a denial answers a claim of its sentence or of the one before
        deny = _denial_in(text, sent)
        if deny is None:
            continue
        here = [c for c in claims if c.start == sent.start and c.stance == "claimed" and c.id not in denied_ids
                and _claim_before(text, c, deny.before)]
        if not here and k > 0:
            here = [c for c in claims if c.start == starts[k - 1] and c.stance == "claimed" and c.id not in denied_ids]
        if deny.named_at is not None:  # "..., while the army said it still held Goma": only a claim on Goma
            here = [c for c in here if text.startswith(c.place, deny.named_at)]
        if deny.by:
            who = [a for a in sent.actors if a.start >= deny.verb_at and (a.faction or a.monitor)][:1]
        else:
            who = [a for a in sent.actors if a.start < deny.verb_at and (a.faction or a.monitor)]
        denier = (who[-1].faction or who[-1].text) if who else None
        for c in here:
            if denier is not None and denier in (c.attributed_to, c.actor_gaining):
                continue  # a side does not deny its own claim
            out.append(replace(c, id=_denial_id(c.id), stance="denied", attributed_to=denier, denies=c.id,
                               sentence=sent.text, start=sent.start, end=sent.end))
    return sorted(out, key=lambda e: (e.start, e.id))


def _claim_before(text: str, claim: ControlEvent, pos: int) -> bool:
    """Whether the claim's place is written before *pos* in its sentence (the denial answers what came before)."""
    at = text.find(claim.place, claim.start, claim.end)
    return 0 <= at < pos


def _denial_id(claim_id: str) -> str:
    return hashlib.sha1(f"denial:{claim_id}".encode()).hexdigest()[:12]


def _where(e: ControlEvent) -> str:
    """Return the place of an event: its gazetteer id, or its name folded when the gazetteer does not know it.

    A site in a place named by common words ("the presidential palace" in Khartoum) is told apart by its name.
    """
    name = " ".join(e.place.casefold().split())
    if e.place_id and e.geo_precision == 2 and _SITE_NAME.search(name):
        return f"{e.place_id}|{name}"
    return e.place_id or "?" + name


#: A sentence that denies something: a holding told in it answers the denied change, it does not end with it.
_DENIAL_WORD = re.compile(r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|"
                          r"refut(?:es|ed|ing))\b", re.I)
_DENIAL_WORD_GATE = LiteralGate(_DENIAL_WORD)


def _prior_holders(events: list[ControlEvent], theatre: Theatre | None) -> list[ControlEvent]:
    """Make the holder a sentence describes a place by the loser of the change it tells there.

    "The town, which had been under army control since independence, fell within hours",
    "recaptured Sudzha, the largest town under Ukrainian control", "after the Wazalendo
    fighters who had held the town withdrew": the holder loses the place, and the side that
    gains it is the loser's one opponent when the theatre has only one (else the one named).
    A holding told with no time of its own takes the change's time, which is when it ended:
    it is no standing control then, and is dropped. Not in a sentence that denies a change
    ("denied that the town had fallen, saying its forces were in control of most of it").
    """
    changes = [e for e in events if e.kind in ("captured", "regained", "withdrew") and e.stance != "denied"
               and not _DENIAL_WORD_GATE.search(e.sentence)]
    if not changes:
        return events
    out = []
    for e in events:
        if e in changes and e.actor_losing is None:
            held = next((h for h in events if h.kind == "held" and h.start == e.start and _where(h) == _where(e)
                         and h.actor_gaining not in (None, "unknown", e.actor_gaining)), None)
            if held is not None:
                gaining = e.actor_gaining
                if gaining in (None, "unknown"):
                    gaining = _sole_opponent(theatre, held.actor_gaining) or gaining
                e = replace(e, actor_losing=held.actor_gaining, actor_gaining=gaining)
        elif e.kind == "held" and any(c.start == e.start and _where(c) == _where(e)
                                      and c.actor_gaining != e.actor_gaining
                                      and (c.date, c.date_end) == (e.date, e.date_end) for c in changes):
            continue  # "Moscow's forces recaptured Sudzha, the largest town under Ukrainian control, in March"
        out.append(e)
    return out


def _sole_opponent(theatre: Theatre | None, faction: str | None) -> str | None:
    """Return the one faction not on *faction*'s side, when the theatre has exactly one (Russia against Ukraine)."""
    if theatre is None or faction is None:
        return None
    side = next((f.side for f in theatre.factions if f.id == faction), None)
    others = [f.id for f in theatre.factions if f.side not in (side, "unknown") and f.id != "unknown"]
    return others[0] if side is not None and len(others) == 1 else None


def _taken_over(events: list[ControlEvent]) -> list[ControlEvent]:
    """Name the side that took over a place withdrawn from, when another event of the article says who.

    "Government troops pulled out of Saraqib" gains the side that the same article says
    captured or entered Saraqib (the nearest such statement), if it is not the side that left;
    so does a capture told with no taker ("Aleppo fell first. Rebels entered the city ..."). With
    no such statement, a side the article says holds the place from the day of the change on
    took it over.
    """
    out = []
    for e in events:
        if e.kind in ("withdrew", "captured") and e.actor_gaining in (None, "unknown"):
            takers = [o for o in events if _where(o) == _where(e) and o.kind in ("captured", "regained", "entered")
                      and o.actor_gaining not in (None, "unknown", e.actor_losing) and o.stance != "denied"]
            if not takers and e.date is not None:  # "have occupied Bunagana since Monday 13 June" after "made a
                # tactical withdrawal from Bunagana" that Monday: the side holding it from then on took it over
                takers = [o for o in events if _where(o) == _where(e) and o.kind == "held" and o.date is not None
                          and o.date >= e.date and o.actor_gaining not in (None, "unknown", e.actor_losing)
                          and o.stance != "denied"]
            if takers:
                nearest = min(takers, key=lambda o: abs(o.start - e.start))
                e = replace(e, actor_gaining=nearest.actor_gaining)
        out.append(e)
    return out


#: A site named after its town ("Merowe airport"): not the town, so not renamed after it.
_SITE_NAME = re.compile(r"\b(?:palace|airport|airbase|headquarters|citadel|complex|office|refinery|prison|compound|"
                        r"barracks)$", re.I)


def _first_named(text: str, events: list[ControlEvent], sentences: Sequence[Sentence]) -> list[ControlEvent]:
    """Name a place read through a pronoun or "the city" as the article first named it.

    "Palmyra, known in Arabic as Tadmur, has changed hands four times. ISIL fighters seized it
    in May 2015": the capture is of Palmyra, the article's name for the place, not of the
    alias written last.
    """
    first: dict[str, str] = {}
    for sent in sentences:
        for m in sent.places:
            if m.place is not None:
                first.setdefault(m.place.id, region_name(text, m))
    out = []
    for e in events:
        name = first.get(e.place_id or "")
        if name is not None and name != e.place and e.place not in e.sentence and not _SITE_NAME.search(e.place):
            e = replace(e, place=name)
        out.append(e)
    return out


def _rank(e: ControlEvent) -> tuple[int, bool, float]:
    """Rank two events on one place, kind and sentence: the stronger stance, a named side, then one not guessed."""
    return _STANCE_RANK[e.stance], e.actor_gaining not in (None, "unknown"), e.confidence


#: A distance from the place the text is about, in apposition: "Tal Tamr, about 35 km to the south-east", "35 km away".
_LOCATED_AFTER = re.compile(r"\s*,\s*(?:(?:about|some|around|nearly|roughly|almost|just)\s+)?\d+(?:[.,]\d+)?\s*"
                            r"(?:km|kilomet(?:er|re)s?|miles?)\s+(?:\([^)]{0,30}\)\s+)?(?:to\s+the\s+[\w-]+|away)\b",
                            re.I)  # (not "Kirkuk, some 240 km north of Baghdad": that locates Kirkuk)


#: Before a holding that was a passing capture: "briefly controlled", "briefly held", "for a few hours held".
_BRIEFLY = re.compile(r"\b(?:briefly|temporarily|momentarily)\s+$", re.I)
#: The kinds of event that make their place the topic of what follows.
_CHANGE_KINDS = frozenset({"captured", "regained", "entered", "withdrew", "besieged"})
#: The kinds of event that tell a change of hands (or a side's arrival), not a standing state or a siege.
_HANDS_CHANGE = _CHANGE_KINDS - {"besieged"}


def _remember(ctx: Context, sent: Sentence, found: Sequence[ControlEvent] = ()) -> None:
    """Note the last settlement and the side the sentence is about (or one more sentence without).

    The side is the gainer of the sentence's first event that names one, else the first fighting
    side named that is not a source ("cleansed of the RSF militia") or a modifier ("backed by").
    """
    targets = {e.place_id for e in found}
    named = [m for m in sent.places
             if m.place and m.place.kind in SETTLEMENTS and contained(ctx.article.text, sent.places, m) is None
             and (m.place.id in targets or not reference_point(ctx.article.text, m))  # "withdrew from Goma": its object
             and (m.place.id in targets or not _LOCATED_AFTER.match(ctx.article.text, m.end))]
    # not "... about 20 km south-east of Idlib city", nor "left X for Tal Tamr, about 35 km to the south-east"
    if named:
        ctx.last_settlement = named[-1]
        ctx.settlements.extend(named)
    unknown = [e for e in found if e.place_id is None and e.kind in _CHANGE_KINDS and e.geo_precision == 1]
    if unknown and (not named or ctx.article.text.find(unknown[-1].place, named[-1].end) != -1):
        # "the TNLA said it had captured Mogoke" (a town the gazetteer lacks), then "junta troops retreated towards
        # Singu": they left Mogoke, not the town named before it, so no settlement stands for "the town" or a
        # withdrawal without a place
        ctx.last_settlement = None
    remember_sites(ctx, sent)
    region = next((m for m in reversed(sent.places) if m.place and m.place.kind == "admin1"
                   and not lx.MODIFIER_AFTER.match(ctx.article.text, m.end, m.end + 25)), None)
    if region is not None:
        ctx.last_region = region
    ctx.region_topic = bool(found) and found[-1].geo_precision == 3
    changes = [e for e in found if e.kind in ("captured", "regained") and e.stance != "denied"]
    for e in found:
        if e.kind in ("captured", "regained", "entered") and e.stance != "denied" and e.place_id \
                and e.actor_gaining not in (None, "unknown"):
            told = ctx.changes_at.get(e.place_id)
            if told is None or (told.date or dt.date.min) <= (e.date or dt.date.min):
                ctx.changes_at[e.place_id] = e
    last = ctx.last_change
    if last is not None and last.actor_gaining in (None, "unknown"):  # "Aleppo fell. Rebels entered the city ..."
        taker = next((e.actor_gaining for e in found if _where(e) == _where(last) and e.stance != "denied"
                      and e.actor_gaining not in (None, "unknown", last.actor_losing)), None)
        if taker is not None:
            ctx.last_change = replace(last, actor_gaining=taker)
    if changes:
        ctx.last_change = changes[-1]
    gainer = next((e.actor_gaining for e in found if e.actor_gaining not in (None, "unknown")), None)
    if gainer is not None:
        ctx.faction_age, ctx.last_faction = 0, gainer
        return
    text = ctx.article.text
    for a in sent.actors:
        if a.faction and a.faction != "unknown" and not source_actor(text, a.start) \
                and modifier_actor(text, a.start) is None and not _FLEES_AFTER.match(text, a.end, sent.end):
            ctx.faction_age = 0
            ctx.last_faction = a.faction
            return
    ctx.faction_age += 1
