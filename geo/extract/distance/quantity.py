"""The quantity in a distance expression: its number (digits, words, ranges), unit and tolerance.

See :mod:`geo.extract.distance.mentions` for the tolerance rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.extract.distance.words import AND_HALF, CONV, OR_SO, QUAL_MAP, SMALL, UNIT_KM, WORD_SPLIT, WS

__all__ = ["Quantity", "read_quantity", "unit_key", "tolerance", "after_unit"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number and unit in km.

    ``km`` is the value (a range's midpoint), ``half_km`` half the range (0 for one number),
    ``approx`` whether the number is approximate, ``floor_km`` half a unit of the last
    written digit, ``qualifier`` one of ``geo.extract.distance.words.QUALIFIERS``.
    """

    km: float
    half_km: float
    approx: bool
    floor_km: float
    qualifier: str


def _word_value(s: str) -> float | None:
    words = [w for w in WORD_SPLIT.split(s.lower()) if w]
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
        if w in SMALL:
            current += SMALL[w]
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


def unit_key(unit: str) -> str:
    """Return the key of a written unit in ``UNIT_KM``: km, m, mi, nmi, yd or ft."""
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


def read_quantity(m: re.Match[str]) -> Quantity | None:
    """Read the number(s), unit and qualifier of a ``QTY`` match; None when it is no distance."""
    lo_s, hi_s = (m["b1"], m["b2"]) if m["b1"] else (m["r1"], m["r2"]) if m["r1"] else (m["n"],) * 2
    unit = unit_key(m["unit"])
    lo, hi = _number(lo_s), _number(hi_s)
    if lo is None or hi is None or not 0 < lo[0] <= hi[0]:
        return None
    if not lo_s[0].isdigit() and m["unit"] in ("m", "mi", "ft", "yd", "yds"):
        return None
    factor = UNIT_KM[unit]
    qualifier = QUAL_MAP.get(WS.sub(" ", (m["qual"] or "").lower()), "exact")
    if lo_s is hi_s or lo == hi:
        return Quantity(lo[0] * factor, 0.0, lo[1], lo[2] * factor, qualifier)
    return Quantity((lo[0] + hi[0]) / 2 * factor, (hi[0] - lo[0]) / 2 * factor, False,
                max(lo[2], hi[2]) * factor, "about" if qualifier == "exact" else qualifier)


def tolerance(q: Quantity) -> float:
    """Return the tolerance in km of a quantity (the rule in :mod:`geo.extract.distance.mentions`)."""
    d = q.km
    if q.half_km == 0 and (q.approx or q.qualifier == "about"):
        return round(max(0.15 * d, min(0.5, 0.5 * d)), 6)
    return round(q.half_km + max(0.05 * d, q.floor_km), 6)


def after_unit(text: str, pos: int, q: Quantity, unit_km: float) -> tuple[int, Quantity]:
    """Skip "and a half", "or so" and a conversion after the unit; return new position."""
    if (h := AND_HALF.match(text, pos)) and q.half_km == 0:
        q = Quantity(q.km + 0.5 * unit_km, 0.0, True, q.floor_km, q.qualifier)
        pos = h.end()
    for matcher in (OR_SO, CONV, OR_SO):
        if m := matcher.match(text, pos):
            pos = m.end()
            word = (m.groupdict().get("w") or "").lower()
            if matcher is OR_SO:
                qual = {"more": "more than", "less": "less than", "under": "less than"}
                q = Quantity(q.km, q.half_km, q.approx, q.floor_km, qual.get(word, "about"))
    return pos, q
