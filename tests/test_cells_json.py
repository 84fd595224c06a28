"""``geo.cells.json_text``: the indented text ``json.dumps`` writes, C1 controls and lone surrogates escaped."""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from geo.cells import json_text

_RAW = re.compile("[\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def _reference(value: Any, **dump: Any) -> str:
    return _RAW.sub(lambda m: f"\\u{ord(m[0]):04x}", json.dumps(value, ensure_ascii=False, **dump))


_scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
            | st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=8))
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                       | st.dictionaries(st.text(max_size=4), inner, max_size=4), max_leaves=20)


@settings(max_examples=400, deadline=None)
@given(_values, st.sampled_from([0, 1, 2, 4]))
def test_indented_text_is_what_json_writes(value: Any, indent: int) -> None:
    assert json_text(value, indent=indent) == _reference(value, indent=indent)


def test_rows_of_events_and_what_the_fast_path_cannot_write() -> None:
    rows = [{"id": "e1", "place": "Deir ez-Zor\u0085", "lat": 35.33, "sides": ["sdf", "government"],
             "confidence": 0.65, "denies": None, "note": "\ud800"}, {}, []]
    assert json_text(rows, indent=2) == _reference(rows, indent=2)
    assert "\\u0085" in json_text(rows, indent=2) and "\\ud800" in json_text(rows, indent=2)
    odd = [{1: "an int key", None: "a null key"}, {"a": {2.5: "x"}}]  # keys json turns into strings
    assert json_text(odd, indent=2) == _reference(odd, indent=2)
    assert json_text(rows) == _reference(rows) and json_text(rows, indent=2, sort_keys=True) == \
        _reference(rows, indent=2, sort_keys=True)
