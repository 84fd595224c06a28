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
    """
    text = json.dumps(value, ensure_ascii=False, **dump)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m[0]):04x}", text)
