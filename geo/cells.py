"""Text from articles and file names made safe where it is shown: spreadsheets, terminals, JSON.

Article text and file names are untrusted. A CSV cell starting with ``= + - @`` (or a tab or
carriage return) is a formula to a spreadsheet (``=HYPERLINK(...)``, ``+cmd|...``); a control
character on a terminal starts an escape sequence (colours, titles, cursor moves, links). Every
table the tool prints or writes goes through these functions.

>>> spreadsheet_cell("=1+1")
"'=1+1"
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["FORMULA_START", "spreadsheet_cell", "terminal_text", "json_text"]

#: A cell starting with one of these is read as a formula by spreadsheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: C0 and C1 control characters (a newline and a tab excepted), DEL, and lone surrogates
#: (the undecodable bytes of a file name).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
#: What JSON leaves raw but a terminal may act on: C1 controls, and lone surrogates (not UTF-8).
_JSON_RAW = re.compile("[\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def spreadsheet_cell(value: Any) -> Any:
    """Return a cell a spreadsheet shows as text: a leading apostrophe before a formula start."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _escape(m: re.Match[str]) -> str:
    code = ord(m[0])
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name, as os.fsdecode gives it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_text(text: str) -> str:
    """Return text with every control character and lone surrogate written as a visible escape."""
    return _CONTROL.sub(_escape, text)


def json_text(value: Any, **dump: Any) -> str:
    """Return ``json.dumps(value, ensure_ascii=False, **dump)`` with C1 controls and lone surrogates escaped.

    The result is valid JSON (escaped as JSON escapes them) that a terminal prints inertly and UTF-8 can encode.
    With ``indent`` alone (an int), values made of dicts with string keys, lists, tuples, strings, numbers,
    booleans and None are written by :func:`_indented`: the same text, several times faster than the
    pure-Python encoder ``json`` falls back to when it indents.

    Examples
    --------
    >>> print(json_text([{"id": "e1", "sides": ["sdf"], "lat": 36.5, "note": None}, []], indent=1))
    [
     {
      "id": "e1",
      "sides": [
       "sdf"
      ],
      "lat": 36.5,
      "note": null
     },
     []
    ]
    """
    text = None
    if dump.keys() == {"indent"} and isinstance(dump["indent"], int) and not isinstance(dump["indent"], bool):
        out: list[str] = []
        if _indented(value, out, "\n", " " * dump["indent"]):
            text = "".join(out)
    if text is None:
        text = json.dumps(value, ensure_ascii=False, **dump)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


_encode_str = json.encoder.encode_basestring  # the C encoder's function when the accelerator is there


def _scalar(value: Any) -> str | None:
    """Return a scalar as ``json.dumps`` writes it (None: not a scalar it writes this way)."""
    if isinstance(value, str):
        return _encode_str(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (float("inf"), float("-inf")):
            return "Infinity" if value > 0 else "-Infinity"
        return float.__repr__(value)
    return None


_FLAT = frozenset({str, int, float, bool, type(None)})
_FLAT_ENCODERS: dict[str, json.JSONEncoder] = {}


def _flat(text_of_items: str, inner: str, newline: str, brackets: str) -> str:
    return brackets[0] + inner + text_of_items[1:-1] + newline + brackets[1]


def _indented(value: Any, out: list[str], newline: str, step: str) -> bool:
    """Append *value* as ``json.dumps(..., indent=len(step), ensure_ascii=False)`` writes it; False if it cannot.

    A dict or list of scalars of the plain types (a row of a table) is written by the C encoder at once,
    with the line break and indentation of its level as the item separator.
    """
    scalar = _scalar(value)
    if scalar is not None:
        out.append(scalar)
        return True
    inner = newline + step
    if value and type(value) in (dict, list, tuple):
        items = value.values() if type(value) is dict else value
        if all(type(v) in _FLAT for v in items) and (type(value) is not dict
                                                      or all(type(k) is str for k in value)):
            encoder = _FLAT_ENCODERS.get(inner)
            if encoder is None:
                encoder = _FLAT_ENCODERS[inner] = json.JSONEncoder(ensure_ascii=False, separators=("," + inner, ": "))
            out.append(_flat(encoder.encode(value), inner, newline, "{}" if type(value) is dict else "[]"))
            return True
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return True
        out.append("{")
        for n, (key, item) in enumerate(value.items()):
            if not isinstance(key, str):
                return False
            out.append(("," if n else "") + inner + _encode_str(key) + ": ")
            if not _indented(item, out, inner, step):
                return False
        out.append(newline + "}")
        return True
    if isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return True
        out.append("[")
        for n, item in enumerate(value):
            out.append(("," if n else "") + inner)
            if not _indented(item, out, inner, step):
                return False
        out.append(newline + "]")
        return True
    return False
