"""The extraction and the fold on the seeds and the development set, against the reviewed golden files.

A failure here means the events, distances or control histories changed. If the change is
intended, run ``python tests/golden/regenerate.py`` and review ``git diff tests/golden/``.
"""

from __future__ import annotations

import difflib
import importlib.util
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
_spec = importlib.util.spec_from_file_location("golden_regenerate", GOLDEN / "regenerate.py")
assert _spec is not None and _spec.loader is not None
regen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(regen)


@pytest.mark.slow
@pytest.mark.parametrize(("folder", "name"), sorted(regen.CORPORA.items()))
def test_corpus_matches_golden_file(folder: str, name: str) -> None:
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    actual = regen.dumps(regen.golden_of(regen.ROOT / folder))
    if actual != expected:
        diff = "".join(list(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                                 f"golden/{name}", "now", n=2))[:80])
        pytest.fail(f"{folder} no longer matches tests/golden/{name} "
                    f"(intended? run tests/golden/regenerate.py and review the diff):\n{diff}")
