"""The words and patterns that distances are written with.

Numbers, units, qualifiers, directions, conversions, what is not a distance (areas,
speeds, lengths, movements, money), and the words that bound an anchor phrase or a
subject (see :mod:`geo.extract.distance.mentions` for the rules).

Tables only: the reading is done by :mod:`geo.extract.distance.quantity` (the number and unit),
:mod:`geo.extract.distance.phrases` (anchor and subject) and :mod:`geo.extract.distance.mentions` (the rest).
"""

from __future__ import annotations

import re

__all__ = [
    "AFTER_SKIP", "ALWAYS_STOP", "ANCHOR_STOP", "AND_HALF", "AUXILIARIES", "AWAY_FROM", "BORDER_WORDS",
    "CLAUSE_WORDS", "COMPASS", "COMPASS_POINTS", "CONV", "DIR_PARTS", "ING_NOUNS", "LEAD_SKIP", "MAX_ANCHOR_WORDS",
    "MAX_SUBJECT_WORDS", "MONEY", "OR_SO", "PAREN_CONV", "PREPOSITIONS", "PRONOUNS", "QTY", "QTY_FIRST", "QUALIFIERS",
    "QUAL_MAP", "RADIUS_AFTER", "RADIUS_BEFORE", "RADIUS_LEAD", "RANGE_LEAD", "REL", "SMALL", "SUBJ_CUT",
    "SUBJ_LEAD", "SUBJ_TRAIL", "TOKEN", "TRAILING_FUNC", "UNIT_ANYWHERE", "UNIT_KM", "VAGUE_FIRST",
    "VAGUE_HEAD", "WORD_SPLIT", "WS",
]

#: The qualifier values a span can carry.
QUALIFIERS: tuple[str, ...] = ("about", "within", "more than", "less than", "exact")

UNIT_KM = {"km": 1.0, "m": 0.001, "mi": 1.609344, "nmi": 1.852, "yd": 0.0009144, "ft": 0.0003048}
_ONES = dict(zip("one two three four five six seven eight nine".split(), range(1, 10), strict=True))
_TEENS = dict(
    zip("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(),
        range(10, 20), strict=True)
)
_TENS = dict(zip("twenty thirty forty fifty sixty seventy eighty ninety".split(), range(20, 100, 10), strict=True))
SMALL = {**_ONES, **_TEENS, **_TENS, "a": 1, "an": 1}
QUAL_MAP = {
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
#: Words that may lead a quantity before its qualifier ("only", "at a distance of").
_LEADS = ("only", "just", "merely", "a mere", "still", "at a distance of", "a distance of")
_QUALS = "|".join(
    re.escape(q).replace(r"\ ", _SP + "+") for q in sorted(QUAL_MAP, key=len, reverse=True)
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
#: A unit as a word of its own (``(?<![^\W\d_])(?:{_UNITS})(?![\w²³^])`` under ``re.I``): every quantity
#: has one. Written to start with a case-sensitive character class, the one form ``re`` skips through
#: in C: the class holds every character ``re.I`` equates with a unit's first letter (Kelvin sign K
#: included); the look-behinds then check the letter before and the letter consumed.
UNIT_ANYWHERE = re.compile(
    rf"""[kK\u212anNmMyYfF](?<![^\W\d_].)
    (?:(?<=[kK\u212a])(?i:ilomet(?:re|er)s?|ms?|licks?)|(?<=[nN])(?i:autical{_SP}+miles?)
      |(?<=[mM])(?i:iles?|et(?:re|er)s?)|(?<=m)i?|(?<=[yY])(?i:ards?)|(?<=y)ds?
      |(?<=[fF])(?i:eet|oot)|(?<=f)t)(?![\w²³^])""",
    re.X,
)
QTY = re.compile(
    rf"""(?<![\w$£€.,/\-–])
    (?:\b(?P<lead>{"|".join(w.replace(" ", _SP + "+") for w in _LEADS)})
       (?!{_SP}+(?:over|under|short)\b){_SP}+)?
    (?:(?P<qual>{_QUALS})(?:{_SP}+|(?<=~)))?{_QTY_BODY}""",
    re.I | re.X,
)
#: The first word (lower case) of every quantity not written from a digit or "~": the first words
#: of the leads, qualifiers, "between" and the number words ``_WORDNUM`` starts with (a test checks
#: each against ``QTY``). A quantity begins a word (``QTY`` looks behind for a word character).
QTY_FIRST = frozenset(
    [m[0] for w in (*_LEADS, *QUAL_MAP) if (m := re.match(r"\w*", w))]
    + ["between", *SMALL, "half", "quarter", "quarters"]
) - {""}
_INNER = re.sub(r"\(\?P<\w+>", "(?:", rf"(?:(?:{_QUALS}){_SP}*)?{_QTY_BODY}(?:{_SP}+or{_SP}+so)?")
#: A conversion after a distance: "(3 miles)", "[3 mi]", "/ 3 mi" or ", or 3 miles,". One copy of the quantity,
#: closed by a bracket after an opening one and by an optional comma after "or" (three copies took 0.3 s to compile).
CONV = re.compile(rf"""{_SP}*(?:(?P<open>[(\[]){_SP}*|/{_SP}*|(?P<orw>,?{_SP}+or{_SP}+))
                    {_INNER}(?(open){_SP}*[)\]]|(?(orw),?))""", re.I | re.X)
AND_HALF = re.compile(rf"{_SP}+and{_SP}+a{_SP}+half\b", re.I)
OR_SO = re.compile(rf",?{_SP}+or{_SP}+(?P<w>so|more|less|under)\b|-odd\b", re.I)
AFTER_SKIP = re.compile(
    rf"""(?:{_SP}*(?:/|per\b|an{_SP}+hour\b|a{_SP}+day\b|an?{_SP}+hr\b|²|\^)
    |-(?:long|wide|deep|high|tall|thick)\b|{_SP}+(?:sq\b|square\b)
    |{_SP}+(?:long|wide|deep|high|tall|across|in{_SP}+(?:length|width|diameter|depth|height))\b
    |{_SP}+(?:along\b|of{_SP}+(?:territory|land|ground|roads?|highways?|railways?
       |tracks?|pipelines?|trench(?:es)?|tunnels?|fences?|walls?|coastline|river(?:bank)?)
       |of{_SP}+(?:border|frontline|front{_SP}+line|front|coast))\b)""",
    re.I | re.X,
)
LEAD_SKIP = re.compile(
    r"""\b(?:stretch\w*|extend\w*|span(?:s|ned|ning)?|length|travel\w*|walk\w*|drove
    |driv\w*|flew|fly|flies|flying|march\w*|advanc\w*|push\w*|moved?|moves|moving|trek\w*
    |journey\w*|covered|covers?|rode|sail\w*|hike[sd]?|hiking|progress\w*|gain\w*|retreat\w*)
    \s+(?:of\s+|for\s+|another\s+|a\s+further\s+|further\s+)?$""",
    re.I | re.X,
)
MONEY = re.compile(  # "raised 5m from donors": a bare "m" after money words is millions
    r"""\b(?:rais\w*|worth|cost\w*|budget\w*|pledg\w*|donat\w*|fund\w*|paid|pay\w*|spen[dt]\w*
    |receiv\w*|earn\w*|sold|sell\w*|bought|invest\w*|loans?|grants?|aid|revenues?|[A-Z]{3}
    |dollars?|euros?|pounds?|sterling)\s+(?:\S+\s+){0,2}$""",
    re.X,
)
RANGE_LEAD = re.compile(r"\b(?:range|reach|length|distance\s+covered)\s+(?:of\s+)?$", re.I)
RADIUS_BEFORE = re.compile(r"\bradius\s+of\s+$", re.I)
RADIUS_LEAD = re.compile(rf"\b(?:(?:with)?in{_SP}+)?an?{_SP}+$", re.I)
RADIUS_AFTER = re.compile(rf"{_SP}*-?{_SP}*radius{_SP}+(?:of|from|around)\b", re.I)
PAREN_CONV = re.compile(
    rf"(?:\d|²|(?<![^\W\d_])(?:km|kilomet\w+|miles?|met(?:re|er)s?|mi|m)){_SP}*[(\[]{_SP}*$", re.I
)
_DIR_WORD = r"(?:north|south|east|west)"
_DIR = (rf"(?:{_DIR_WORD}(?:[ \-–]?{_DIR_WORD}){{0,2}}"
        r"|(?-i:\b(?:NNE|ENE|ESE|SSE|SSW|WSW|WNW|NNW|NE|NW|SE|SW|N|S|E|W)\b))")
REL = re.compile(
    rf"""{_SP}*(?:(?P<away>away)\b,?{_SP}*)?
    (?:(?:to{_SP}+the{_SP}+|due{_SP}+)?(?P<dir>{_DIR})(?![\w\-])(?:{_SP}+(?P<dirrel>of|from)\b)?
      |(?P<rel>from|outside(?:{_SP}+of)?|off(?:{_SP}+the{_SP}+coast{_SP}+of)?|short{_SP}+of|of|to)\b)?""",
    re.I | re.X,
)
AWAY_FROM = re.compile(rf"{_SP}+(?:from|of)\b", re.I)
DIR_PARTS = re.compile("north|south|east|west")
WS = re.compile(r"\s+")
WORD_SPLIT = re.compile(r"[\s\-]+")
#: The sixteen compass points, clockwise from north, 22.5 degrees apart.
COMPASS_POINTS: tuple[str, ...] = tuple("N NNE NE ENE E ESE SE SSE S SSW SW WSW W WNW NW NNW".split())
COMPASS = frozenset(COMPASS_POINTS)
TOKEN = re.compile(r"[ \t\u00a0\u202f]+(?P<w>[^\W_][\w'’\-]*)")
ANCHOR_STOP = frozenset(
    """in where which who whom whose that and but or nor while when whereas as after before since
    until on at during by with for to towards toward into onto according said says say told is
    was were are be been being has had have will would could can may might should did does do
    yesterday today tonight tomorrow earlier later last this next overnight late early then now
    amid despite because if than near via across along under over through from within between
    inside outside around so not also just only""".split()
)
ALWAYS_STOP = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
ING_NOUNS = frozenset("building buildings crossing crossings ring wing spring springs housing "
                       "landing clearing ceiling".split())
BORDER_WORDS = frozenset("border borders frontier boundary".split())
TRAILING_FUNC = frozenset(["of", "the", "a", "an"])
VAGUE_FIRST = frozenset(
    """a an some one another any several these those this that their its his her our my your
    there here it them him us me which what where somewhere anywhere each every both either
    neither such""".split()
)
VAGUE_HEAD = frozenset(
    """location locations place places position positions point points area areas spot spots
    front fronts frontline frontlines front-line front-lines line lines scene site sites contact
    there here""".split()
)
MAX_ANCHOR_WORDS = 8


SUBJ_CUT = re.compile(
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
SUBJ_LEAD = frozenset("in at on near of to from by with for then also now and but reportedly".split())
SUBJ_TRAIL = frozenset(
    """is are was were be been being lies lie lay lying sits sat sit sitting stands stood standing
    located situated based positioned stationed deployed now just only still reportedly already
    currently to at in of up from got came come comes within has have had appeared seemed
    remains remained some heard seen found caught shot built kept set made sent live lives
    working""".split()
)
AUXILIARIES = frozenset("is are was were be been being has have had".split())
PRONOUNS = frozenset("it they this that these those he she we you i there which who them".split())
PREPOSITIONS = frozenset("in on at by from for with after before during".split())
CLAUSE_WORDS = frozenset(
    "where whom when while whereas and but because after before since if to into toward towards "
    "near at".split()
)
MAX_SUBJECT_WORDS = 12


