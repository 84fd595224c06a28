"""Distances quoted in article text, e.g. "about seven kilometres (4.3 miles) from Aleppo's citadel".

:func:`find_distances` scans text with compiled regular expressions (stdlib only) and returns
:class:`DistanceSpan` records; :func:`to_mentions` turns them into
:class:`geo.model.DistanceMention` with the anchor resolved by an injected gazetteer resolver.

What counts as a distance
-------------------------
A quantity (number + unit) followed by a *relation to a place*: ``away``, a compass direction
(``north-west of``, ``to the south of``, ``NNW of``, or a bare ``20 km north``), ``from``,
``outside``, ``off``, ``short of``, ``to``, or ``of`` after ``within``/``less than``. A quantity
with no such relation ("advanced 10 km", "a 40-mile convoy") is not returned. Also skipped:
areas ("35 square kilometers", "15 sq km", "20 km2", "km²"), speeds ("100 km/h", "per hour"),
lengths ("a 5km-long convoy", "10 km wide", "20 km of road"), weapon ranges ("a range of 300 km")
and movements ("advanced 10 km from their positions", "stretching 100 km from X"; but a bound
after a movement verb is a position: "advanced to within 25 km of Damascus"). A quantity in
parentheses right after another quantity is a conversion, never a distance of its own. A bare
"m" after money words ("raised 5m from donors") is millions. "within" with no place relation
("rebels are within 5 km") is not returned. "N km into/inside/behind X" are not returned (a
ring around X would be wrong for them). "within a 10-km radius of X" is ``within``.

Numbers: digits ("7", "7.5", "1,200", glued "3km"), words ("seven", "twenty-five", "a hundred",
"a dozen", "half a", "a quarter of a", "two and a half", "a mile and a half"), ranges ("5-10 km",
"seven to eight", "between 5 and 10") read as the midpoint. Vague amounts ("a few", "several",
"dozens of", "hundreds of", "a couple of") are not distances. Units: km, kms, kilometre(s),
kilometer(s), klick(s), metre(s)/meter(s), m (digits only, lower case), mile(s), mi (digits
only), nautical mile(s), yard(s)/yd, feet/ft; all converted to km.

Qualifiers: about/around/roughly/approximately/some/nearly/almost/close to/just over/just
under/an estimated/"or so" -> ``about``; within/up to/to within/no more than/at most ->
``within``; less than/under/fewer than/below -> ``less than``; more than/over/at least/beyond/
upwards of/in excess of/"or more" -> ``more than``; none -> ``exact``.

Tolerance rule
--------------
A number is *approximate* when the qualifier is ``about``, it is written in words, or it is a
round integer (>= 10 and a multiple of 5, e.g. 10, 25, 300, 1,200). Otherwise it is *exact*.

* approximate: ``tolerance = max(15% of d, min(0.5 km, d / 2))`` ("about seven km" -> 1.05 km);
* exact: ``tolerance = max(5% of d, half a unit of the last written digit)`` ("7.3 km" ->
  0.365 km, "3km" -> 0.5 km, "12 miles" -> 0.97 km);
* a range lo-hi: ``d`` is the midpoint and ``tolerance = (hi - lo) / 2 + max(5% of d, half a
  unit)``; its qualifier is ``about`` unless another was written.

Bounds ("within", "more than", "less than") use the same rule for the bound value.

Anchors
-------
The anchor phrase is kept whole as written ("Aleppo's medieval citadel", "the centre of Homs",
"the Turkish border"), stopping at punctuation, a line break, a clause word ("in", "where",
"which", "and", "on", "near", a weekday, ...), a lower-case ``-ing`` verb, or after 8 words.
A *vague* anchor (one that starts with an indefinite or possessive determiner or a pronoun,
"a location", "their positions", or whose head noun is generic: "the front", "the area", "the
scene") gives ``anchor_text=None``; the phrase stays inside the span's ``start``/``end``.
"the city" and "the airport" are kept: the resolver sees the sentence and may resolve them.

Subjects
--------
The subject is the phrase before the expression, after the last clause cut (punctuation, a
relative or clause word, a reporting or action verb such as "show", "captured", "hit", or a
verb followed by a determiner), minus trailing verbs and adverbs ("The town lies" -> "The
town", "Clashes were reported" -> "Clashes"). An appositive ("Saraqeb, some 20 km south of
Idlib") or a relative clause ("Kobane, which is 10 km from ...") gives the phrase before the
comma. A bare pronoun, an empty phrase or one over 12 words gives None.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from gazetteer.model import Place
from geo.errors import ExtractionError
from geo.model import Article, DistanceMention

__all__ = ["DistanceSpan", "find_distances", "to_mentions", "QUALIFIERS"]

#: The qualifier values a span can carry.
QUALIFIERS: tuple[str, ...] = ("about", "within", "more than", "less than", "exact")

_UNIT_KM = {"km": 1.0, "m": 0.001, "mi": 1.609344, "nmi": 1.852, "yd": 0.0009144, "ft": 0.0003048}
_ONES = dict(zip("one two three four five six seven eight nine".split(), range(1, 10), strict=True))
_TEENS = dict(
    zip("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(),
        range(10, 20), strict=True)
)
_TENS = dict(zip("twenty thirty forty fifty sixty seventy eighty ninety".split(), range(20, 100, 10), strict=True))
_SMALL = {**_ONES, **_TEENS, **_TENS, "a": 1, "an": 1}
_QUAL_MAP = {
    **dict.fromkeys(
        ("about", "around", "roughly", "approximately", "approx.", "approx", "some", "nearly",
         "almost", "close to", "just over", "just under", "just short of", "a little over",
         "a little under", "a little more than", "a little less than", "slightly more than",
         "slightly less than", "an estimated", "estimated", "circa", "barely", "~"), "about"),
    **dict.fromkeys(("within", "to within", "up to", "no more than", "not more than", "at most",
                     "no further than", "no farther than"), "within"),
    **dict.fromkeys(("less than", "under", "fewer than", "below"), "less than"),
    **dict.fromkeys(("more than", "over", "at least", "beyond", "upwards of", "in excess of",
                     "no less than", "not less than", "further than", "farther than",
                     "greater than"), "more than"),
}

_SP = r"[ \t\u00a0\u202f]"
_QUALS = "|".join(
    re.escape(q).replace(r"\ ", _SP + "+") for q in sorted(_QUAL_MAP, key=len, reverse=True)
)
_BASIC = (rf"(?:(?:{'|'.join(_TENS)})(?:(?:{_SP}+|-)(?:{'|'.join(_ONES)}))?"
          rf"|{'|'.join(_TEENS)}|{'|'.join(_ONES)})")
_WORDNUM = rf"""(?:(?:a|one|{_BASIC}){_SP}+hundred(?:{_SP}+(?:and{_SP}+)?{_BASIC})?
  |(?:a|one|{_BASIC}){_SP}+thousand
  |{_BASIC}(?:{_SP}+and{_SP}+a{_SP}+half)?
  |half{_SP}+a{_SP}+dozen|a{_SP}+dozen|(?:a{_SP}+)?half(?:{_SP}+an?)?
  |(?:three(?:{_SP}+|-))?quarters?{_SP}+(?:of{_SP}+)?an?|a{_SP}+quarter(?:{_SP}+of{_SP}+an?)?
  |an?)"""
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d)(?![.,]\d)"
_NUM = rf"(?:{_DIGITS}|\b{_WORDNUM}\b)"
_UNITS = (rf"kilomet(?:re|er)s?|kms?|klicks?|nautical{_SP}+miles?|miles?|met(?:re|er)s?|yards?"
          r"|feet|foot|(?-i:mi|m|ft|yds?)")
_QTY_BODY = rf"""(?:between{_SP}+(?P<b1>{_NUM}){_SP}+and{_SP}+(?P<b2>{_NUM})
  |(?P<r1>{_NUM})(?:(?<=\d){_SP}*[-–]{_SP}*|{_SP}*–{_SP}*|{_SP}+(?:to|or){_SP}+)(?P<r2>{_NUM})
  |(?P<n>{_NUM}))
  {_SP}*-?{_SP}*(?P<unit>{_UNITS})(?![\w²³^])"""
#: A unit as a word of its own: every quantity has one, and this is much cheaper than _QTY.
_UNIT_ANYWHERE = re.compile(rf"(?<![^\W\d_])(?:{_UNITS})(?![\w²³^])", re.I)
_QTY = re.compile(
    rf"""(?<![\w$£€.,/\-–])
    (?:\b(?P<lead>only|just|merely|a{_SP}+mere|still|(?:at{_SP}+)?a{_SP}+distance{_SP}+of)
       (?!{_SP}+(?:over|under|short)\b){_SP}+)?
    (?:(?P<qual>{_QUALS})(?:{_SP}+|(?<=~)))?{_QTY_BODY}""",
    re.I | re.X,
)
_INNER = re.sub(r"\(\?P<\w+>", "(?:", rf"(?:(?:{_QUALS}){_SP}*)?{_QTY_BODY}(?:{_SP}+or{_SP}+so)?")
_CONV = re.compile(rf"{_SP}*(?:[(\[]{_SP}*{_INNER}{_SP}*[)\]]|/{_SP}*{_INNER}|,?{_SP}+or{_SP}+{_INNER},?)",
                   re.I | re.X)
_AND_HALF = re.compile(rf"{_SP}+and{_SP}+a{_SP}+half\b", re.I)
_OR_SO = re.compile(rf",?{_SP}+or{_SP}+(?P<w>so|more|less|under)\b|-odd\b", re.I)
_AFTER_SKIP = re.compile(
    rf"""(?:{_SP}*(?:/|per\b|an{_SP}+hour\b|a{_SP}+day\b|an?{_SP}+hr\b|²|\^)
    |-(?:long|wide|deep|high|tall|thick)\b|{_SP}+(?:sq\b|square\b)
    |{_SP}+(?:long|wide|deep|high|tall|across|in{_SP}+(?:length|width|diameter|depth|height))\b
    |{_SP}+(?:along\b|of{_SP}+(?:territory|land|ground|roads?|highways?|railways?
       |tracks?|pipelines?|trench(?:es)?|tunnels?|fences?|walls?|coastline|river(?:bank)?)
       |of{_SP}+(?:border|frontline|front{_SP}+line|front|coast))\b)""",
    re.I | re.X,
)
_LEAD_SKIP = re.compile(
    r"""\b(?:stretch\w*|extend\w*|span(?:s|ned|ning)?|length|travel\w*|walk\w*|drove
    |driv\w*|flew|fly|flies|flying|march\w*|advanc\w*|push\w*|moved?|moves|moving|trek\w*
    |journey\w*|covered|covers?|rode|sail\w*|hike[sd]?|hiking|progress\w*|gain\w*|retreat\w*)
    \s+(?:of\s+|for\s+|another\s+|a\s+further\s+|further\s+)?$""",
    re.I | re.X,
)
_MONEY = re.compile(  # "raised 5m from donors": a bare "m" after money words is millions
    r"""\b(?:rais\w*|worth|cost\w*|budget\w*|pledg\w*|donat\w*|fund\w*|paid|pay\w*|spen[dt]\w*
    |receiv\w*|earn\w*|sold|sell\w*|bought|invest\w*|loans?|grants?|aid|revenues?|[A-Z]{3}
    |dollars?|euros?|pounds?|sterling)\s+(?:\S+\s+){0,2}$""",
    re.X,
)
_RANGE_LEAD = re.compile(r"\b(?:range|reach|length|distance\s+covered)\s+(?:of\s+)?$", re.I)
_RADIUS_BEFORE = re.compile(r"\bradius\s+of\s+$", re.I)
_RADIUS_LEAD = re.compile(rf"\b(?:(?:with)?in{_SP}+)?an?{_SP}+$", re.I)
_RADIUS_AFTER = re.compile(rf"{_SP}*-?{_SP}*radius{_SP}+(?:of|from|around)\b", re.I)
_PAREN_CONV = re.compile(
    rf"(?:\d|²|(?<![^\W\d_])(?:km|kilomet\w+|miles?|met(?:re|er)s?|mi|m)){_SP}*[(\[]{_SP}*$", re.I
)
_DIR_WORD = r"(?:north|south|east|west)"
_DIR = (rf"(?:{_DIR_WORD}(?:[ \-–]?{_DIR_WORD}){{0,2}}"
        r"|(?-i:\b(?:NNE|ENE|ESE|SSE|SSW|WSW|WNW|NNW|NE|NW|SE|SW|N|S|E|W)\b))")
_REL = re.compile(
    rf"""{_SP}*(?:(?P<away>away)\b,?{_SP}*)?
    (?:(?:to{_SP}+the{_SP}+|due{_SP}+)?(?P<dir>{_DIR})(?![\w\-])(?:{_SP}+(?P<dirrel>of|from)\b)?
      |(?P<rel>from|outside(?:{_SP}+of)?|off(?:{_SP}+the{_SP}+coast{_SP}+of)?|short{_SP}+of|of|to)\b)?""",
    re.I | re.X,
)
_AWAY_FROM = re.compile(rf"{_SP}+(?:from|of)\b", re.I)
_DIR_PARTS = re.compile("north|south|east|west")
_WS = re.compile(r"\s+")
_WORD_SPLIT = re.compile(r"[\s\-]+")
_COMPASS = frozenset("N NNE NE ENE E ESE SE SSE S SSW SW WSW W WNW NW NNW".split())
_TOKEN = re.compile(r"[ \t\u00a0\u202f]+(?P<w>[^\W_][\w'’\-]*)")
_ANCHOR_STOP = frozenset(
    """in where which who whom whose that and but or nor while when whereas as after before since
    until on at during by with for to towards toward into onto according said says say told is
    was were are be been being has had have will would could can may might should did does do
    yesterday today tonight tomorrow earlier later last this next overnight late early then now
    amid despite because if than near via across along under over through from within between
    inside outside around so not also just only""".split()
)
_ALWAYS_STOP = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_ING_NOUNS = frozenset("building buildings crossing crossings ring wing spring springs housing "
                       "landing clearing ceiling".split())
_BORDER_WORDS = frozenset("border borders frontier boundary".split())
_TRAILING_FUNC = frozenset(["of", "the", "a", "an"])
_VAGUE_FIRST = frozenset(
    """a an some one another any several these those this that their its his her our my your
    there here it them him us me which what where somewhere anywhere each every both either
    neither such""".split()
)
_VAGUE_HEAD = frozenset(
    """location locations place places position positions point points area areas spot spots
    front fronts frontline frontlines front-line front-lines line lines scene site sites contact
    there here""".split()
)
_MAX_ANCHOR_WORDS = 8


@dataclass(frozen=True, slots=True)
class DistanceSpan:
    """One distance expression found in a text.

    Parameters
    ----------
    distance_km : float
        The distance (or the bound, or a range's midpoint) in kilometres, > 0.
    tolerance_km : float
        Half-width of the uncertainty band, see the module docstring for the rule.
    qualifier : str
        One of :data:`QUALIFIERS`.
    direction : str or None
        Compass point (8 or 16 points: ``N``, ``NE``, ``NNW``, ...) of the subject from the anchor.
    anchor_text : str or None
        The anchor phrase as written; None when absent or vague.
    subject : str or None
        What is that far away, as written, when the sentence says so.
    start, end : int
        Offsets of the whole expression (qualifier to anchor phrase) in the text.
    anchor_start, anchor_end : int or None
        Offsets of ``anchor_text``.
    """

    distance_km: float
    tolerance_km: float
    qualifier: str
    direction: str | None
    anchor_text: str | None
    subject: str | None
    start: int
    end: int
    anchor_start: int | None
    anchor_end: int | None


@dataclass(frozen=True, slots=True)
class _Qty:
    km: float
    half_km: float
    approx: bool
    floor_km: float
    qualifier: str


def _word_value(s: str) -> float | None:
    words = [w for w in _WORD_SPLIT.split(s.lower()) if w]
    if "dozen" in words:
        return 6.0 if words[0] == "half" else 12.0
    if "quarter" in words or "quarters" in words:
        return 0.75 if words[0] == "three" else 0.25
    if words[0] == "half" or words[-2:] == ["a", "half"] and len(words) == 2:
        return 0.5
    extra = 0.5 if words[-3:] == ["and", "a", "half"] else 0.0
    words = words[:-3] if extra else words
    total, current = 0, 0
    for w in words:
        if w in _SMALL:
            current += _SMALL[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w == "thousand":
            total, current = total + max(current, 1) * 1000, 0
    value = total + current + extra
    return float(value) if value > 0 else None


def _number(s: str) -> tuple[float, bool, float] | None:
    """Return (value, approximate, half a unit of the last digit) of a written number."""
    if not s[0].isdigit():
        value = _word_value(s)
        return None if value is None else (value, True, 0.5)
    digits = s.replace(",", "")
    value = float(digits)
    if "." in digits:
        return value, False, 0.5 * 10.0 ** -len(digits.split(".")[1])
    return value, value >= 10 and value % 5 == 0, 0.5


def _unit_key(unit: str) -> str:
    u = unit.lower()
    if u.startswith("kilomet") or u in ("km", "kms", "klick", "klicks"):
        return "km"
    if u.startswith("nautical"):
        return "nmi"
    if u.startswith("mile") or u == "mi":
        return "mi"
    if u.startswith("yard") or u.startswith("yd"):
        return "yd"
    if u in ("feet", "foot", "ft"):
        return "ft"
    return "m"


def _quantity(m: re.Match[str]) -> _Qty | None:
    lo_s, hi_s = (m["b1"], m["b2"]) if m["b1"] else (m["r1"], m["r2"]) if m["r1"] else (m["n"],) * 2
    unit = _unit_key(m["unit"])
    lo, hi = _number(lo_s), _number(hi_s)
    if lo is None or hi is None or not 0 < lo[0] <= hi[0]:
        return None
    if not lo_s[0].isdigit() and m["unit"] in ("m", "mi", "ft", "yd", "yds"):
        return None
    factor = _UNIT_KM[unit]
    qualifier = _QUAL_MAP.get(_WS.sub(" ", (m["qual"] or "").lower()), "exact")
    if lo_s is hi_s or lo == hi:
        return _Qty(lo[0] * factor, 0.0, lo[1], lo[2] * factor, qualifier)
    return _Qty((lo[0] + hi[0]) / 2 * factor, (hi[0] - lo[0]) / 2 * factor, False,
                max(lo[2], hi[2]) * factor, "about" if qualifier == "exact" else qualifier)


def _tolerance(q: _Qty) -> float:
    d = q.km
    if q.half_km == 0 and (q.approx or q.qualifier == "about"):
        return round(max(0.15 * d, min(0.5, 0.5 * d)), 6)
    return round(q.half_km + max(0.05 * d, q.floor_km), 6)


def _after_unit(text: str, pos: int, q: _Qty, unit_km: float) -> tuple[int, _Qty]:
    """Skip "and a half", "or so" and a conversion after the unit; return new position."""
    if (h := _AND_HALF.match(text, pos)) and q.half_km == 0:
        q = _Qty(q.km + 0.5 * unit_km, 0.0, True, q.floor_km, q.qualifier)
        pos = h.end()
    for matcher in (_OR_SO, _CONV, _OR_SO):
        if m := matcher.match(text, pos):
            pos = m.end()
            word = (m.groupdict().get("w") or "").lower()
            if matcher is _OR_SO:
                qual = {"more": "more than", "less": "less than", "under": "less than"}
                q = _Qty(q.km, q.half_km, q.approx, q.floor_km, qual.get(word, "about"))
    return pos, q


def _direction(word: str) -> str | None:
    if word.isupper():
        return word if word in _COMPASS else None
    code = "".join(p[0] for p in _DIR_PARTS.findall(word.lower())).upper()
    return code if code in _COMPASS else None


def _ends_anchor(word: str, previous: str) -> bool:
    """Whether ``word`` (after ``previous``, lower case) ends an anchor phrase."""
    low = word.lower()
    if low == "with" and previous in _BORDER_WORDS:  # "the border with Turkey"
        return False
    if low in _ALWAYS_STOP:
        return True
    return word == low and (low in _ANCHOR_STOP or (low.endswith("ing") and low not in _ING_NOUNS))


def _anchor_bounds(text: str, pos: int) -> tuple[int, int] | None:
    """Return the offsets of the anchor phrase starting after ``pos``, or None."""
    words: list[tuple[int, int, str]] = []
    while len(words) < _MAX_ANCHOR_WORDS and (m := _TOKEN.match(text, pos)):
        if _ends_anchor(m["w"], words[-1][2] if words else ""):
            break
        words.append((m.start("w"), m.end("w"), m["w"].lower()))
        pos = m.end()
    while words and words[-1][2] in _TRAILING_FUNC:
        words.pop()
    return (words[0][0], words[-1][1]) if words else None


def _is_vague(phrase: str) -> bool:
    words = phrase.lower().split()
    head = words[-1]
    return words[0] in _VAGUE_FIRST or head in _VAGUE_HEAD or head.rstrip("'’s") in _VAGUE_HEAD


def _relation(text: str, pos: int, qualifier: str) -> tuple[int, str | None, bool] | None:
    """Match the relation after a quantity: (end, direction, anchor follows) or None."""
    m = _REL.match(text, pos)
    if m is None or not (m["away"] or m["dir"] or m["rel"]):
        return None
    rel = (m["rel"] or "").lower()
    if rel == "of" and qualifier not in ("within", "less than"):
        return None
    direction = _direction(m["dir"]) if m["dir"] else None
    if m["dir"] and direction is None:
        return None
    if m["away"] and not (m["dir"] or m["rel"]):
        nxt = _AWAY_FROM.match(text, m.end())
        return (nxt.end(), None, True) if nxt else (m.end("away"), None, False)
    return m.end(), direction, bool(m["rel"] or m["dirrel"])


def _skipped(text: str, start: int, pos: int, unit: str, bound: bool) -> bool:
    """Whether the quantity is an area, speed, length, range, movement, conversion or money.

    A movement verb does not disqualify a bound: "advanced to within 25 km of Damascus".
    """
    before = text[max(0, start - 40):start]
    return bool(_AFTER_SKIP.match(text, pos) or _RANGE_LEAD.search(before)
                or (not bound and _LEAD_SKIP.search(before))
                or _PAREN_CONV.search(before) or (unit == "m" and _MONEY.search(before)))


_SUBJ_CUT = re.compile(
    r"""[!?;:()\[\]"“”—–\n]|[.,](?!\d)
    |\b(?-i:to|into|towards?|near|at|that|which|where|who|whom|when|while|whereas|and|but
      |because|after|before|since|if|show|shows|showed|shown|showing|see|sees|saw|seen|say|says
      |said|reported|reports|claimed
      |claims|confirmed|captured|captures|seized|seizes|took|takes|taken|entered|enters|reached
      |reaches|hit|hits|struck|strikes|shelled|bombed|targeted|attacked|stormed|held|holds
      |controls|controlled|lost|killed|according\s+to)\b
    |\b[a-z]+(?:ed|ing)\s+(?=(?:a|an|the|its|their|his|her|two|three|several|many)\b)""",
    re.I | re.X,
)
_SUBJ_LEAD = frozenset("in at on near of to from by with for then also now and but reportedly".split())
_SUBJ_TRAIL = frozenset(
    """is are was were be been being lies lie lay lying sits sat sit sitting stands stood standing
    located situated based positioned stationed deployed now just only still reportedly already
    currently to at in of up from got came come comes within has have had appeared seemed
    remains remained some heard seen found caught shot built kept set made sent live lives
    working""".split()
)
_AUXILIARIES = frozenset("is are was were be been being has have had".split())
_PRONOUNS = frozenset("it they this that these those he she we you i there which who them".split())
_PREPOSITIONS = frozenset("in on at by from for with after before during".split())
_CLAUSE_WORDS = frozenset(
    "where whom when while whereas and but because after before since if to into toward towards "
    "near at".split()
)
_MAX_SUBJECT_WORDS = 12


def _is_filler(word: str, previous: str = "") -> bool:
    """Whether ``word`` is a verb or adverb to trim off the end of a subject."""
    low = word.lower()
    if low in _SUBJ_TRAIL or (word.islower() and len(word) > 4 and low.endswith("ed")):
        return True
    return low.endswith("ing") and previous.lower() in _AUXILIARIES


def _clean_subject(chunk: str) -> str | None:
    words = list(re.finditer(r"\S+", chunk))
    while words and words[0][0].lower() in _SUBJ_LEAD:
        words.pop(0)
    while words and _is_filler(words[-1][0], words[-2][0] if len(words) > 1 else ""):
        words.pop()
    if len(words) > 2 and words[0][0].lower() == "there" and words[1][0].lower() in _AUXILIARIES:
        words = words[2:]
    if not words or len(words) > _MAX_SUBJECT_WORDS:
        return None
    if len(words) == 1 and words[0][0].lower() in _PRONOUNS:
        return None
    return chunk[words[0].start():words[-1].end()]


def _subject(text: str, start: int) -> str | None:
    """Return what the sentence says is ``start``'s distance away, as written, or None."""
    window = text[max(0, start - 300):start]
    cuts = list(_SUBJ_CUT.finditer(window))
    if not cuts:
        return _clean_subject(window) if start <= 300 else None
    last = cuts[-1]
    tail = window[last.end():]
    if not all(_is_filler(w) for w in tail.split()):
        return _clean_subject(tail)
    cut = last[0].lower()
    if cut != "," and not cut[0].isalpha() or cut in _CLAUSE_WORDS:
        return None
    # "Saraqeb, about 20 km south of Idlib" / "Clashes were reported 5 km from Hama":
    # the subject is the phrase before the comma or the verb.
    head = window[:last.start()].rstrip(" ,")
    earlier = list(_SUBJ_CUT.finditer(head))
    phrase = head[earlier[-1].end():] if earlier else head
    first = phrase.split()[:1]
    if not first or (cut == "," and first[0].lower() in _PREPOSITIONS):
        return None
    return _clean_subject(phrase)


def _read_distance(text: str, m: re.Match[str]) -> tuple[DistanceSpan | None, int]:
    """Turn one quantity match into a span; return it (or None) and where to resume."""
    q = _quantity(m)
    pos = m.end()
    if q is None:
        return None, pos
    pos, q = _after_unit(text, pos, q, _UNIT_KM[_unit_key(m["unit"])])
    start = m.start()
    qualifier = q.qualifier
    bound = qualifier in ("within", "less than")
    if _RADIUS_BEFORE.search(text[max(0, start - 20):start]):
        qualifier = "within"
    elif radius := _RADIUS_AFTER.match(text, pos):
        if lead := _RADIUS_LEAD.search(text[max(0, start - 20):start]):
            start -= len(lead[0])
        return _finish(text, start, radius.end(), q, "within", (radius.end(), None, True))
    if _skipped(text, start, pos, m["unit"], bound):
        return None, pos
    rel = _relation(text, pos, qualifier)
    if rel is None:
        return None, pos
    return _finish(text, start, pos, q, qualifier, rel)


def _finish(text: str, start: int, pos: int, q: _Qty, qualifier: str,
            rel: tuple[int, str | None, bool]) -> tuple[DistanceSpan | None, int]:
    end, direction, anchored = rel
    bounds = _anchor_bounds(text, end) if anchored else None
    anchor = text[bounds[0]:bounds[1]] if bounds else None
    if bounds:
        end = bounds[1]
    if anchor is not None and _is_vague(anchor):
        anchor, bounds = None, None
    q = _Qty(q.km, q.half_km, q.approx, q.floor_km, qualifier)
    span = DistanceSpan(
        distance_km=round(q.km, 6), tolerance_km=_tolerance(q), qualifier=qualifier,
        direction=direction, anchor_text=anchor, subject=_subject(text, start),
        start=start, end=end,
        anchor_start=bounds[0] if bounds else None, anchor_end=bounds[1] if bounds else None,
    )
    return span, end


def find_distances(text: str) -> list[DistanceSpan]:
    """Find the distances to places quoted in ``text``.

    Parameters
    ----------
    text : str
        Any text (an article body, a sentence).

    Returns
    -------
    list of DistanceSpan
        In text order; offsets index ``text``. Areas, speeds, lengths, weapon ranges, vague
        amounts and parenthesised conversions are not returned (see the module docstring).

    Examples
    --------
    >>> s = find_distances("Clashes were reported about 20 km (12 miles) north-west of Hama.")
    >>> (s[0].distance_km, s[0].qualifier, s[0].direction, s[0].anchor_text, s[0].subject)
    (20.0, 'about', 'NW', 'Hama', 'Clashes')
    """
    spans: list[DistanceSpan] = []
    if not _UNIT_ANYWHERE.search(text):
        return spans
    pos = 0
    while (m := _QTY.search(text, pos)) is not None:
        span, resume = _read_distance(text, m)
        if span is not None and span.distance_km > 0:
            spans.append(span)
        pos = max(resume, m.start() + 1)
    return spans


def to_mentions(
    spans: Iterable[DistanceSpan],
    *,
    article: Article,
    sentence_of: Callable[[int], tuple[int, int]],
    resolve_anchor: Callable[[str, str], Place | None],
) -> list[DistanceMention]:
    """Turn spans found in ``article.text`` into DistanceMention records.

    Parameters
    ----------
    spans : iterable of DistanceSpan
        Spans from ``find_distances(article.text)``.
    article : Article
        The article the spans come from.
    sentence_of : callable
        ``sentence_of(offset) -> (start, end)``: the sentence holding a character offset.
    resolve_anchor : callable
        ``resolve_anchor(anchor_text, sentence) -> Place | None``, the gazetteer's phrase resolver.

    Returns
    -------
    list of DistanceMention
        ``start``/``end`` are the sentence's offsets, ``text`` the distance expression as written;
        ``anchor_name`` is the resolved place's name, else the phrase as written ("" if vague).

    Raises
    ------
    ExtractionError
        If a span or a sentence does not fit the article text.
    """
    mentions = []
    n = len(article.text)
    for span in spans:
        if not 0 <= span.start < span.end <= n:
            raise ExtractionError(
                f"distance span {span.start}-{span.end} lies outside article {article.id} "
                f"({n} chars); pass spans found in this article's text"
            )
        s0, s1 = sentence_of(span.start)
        if not 0 <= s0 <= span.start < s1 <= n:
            raise ExtractionError(
                f"sentence_of({span.start}) returned {s0}-{s1}, which does not hold the offset in "
                f"article {article.id}; fix the sentence splitter"
            )
        sentence = article.text[s0:s1]
        place = resolve_anchor(span.anchor_text, sentence) if span.anchor_text else None
        mentions.append(DistanceMention(
            distance_km=span.distance_km, tolerance_km=span.tolerance_km,
            qualifier=span.qualifier, direction=span.direction,
            anchor=place.id if place else None,
            anchor_name=place.name if place else (span.anchor_text or ""),
            anchor_lat=place.lat if place else None, anchor_lon=place.lon if place else None,
            subject=span.subject, article=article.id, sentence=sentence, start=s0, end=s1,
            published=article.published, text=article.text[span.start:span.end],
        ))
    return mentions
