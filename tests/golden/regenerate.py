"""Write the golden files: what geo extracts and folds from the seeds and the development set.

Run ``python tests/golden/regenerate.py`` after an intended change to extraction or folding,
then review ``git diff tests/golden/`` like code: every changed line is a changed event,
distance or state. ``tests/test_golden.py`` fails while the files and the code disagree.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent

#: Corpus folder (relative to the repository) -> golden file name.
CORPORA: dict[str, str] = {
    "seeds": "seeds.json",
    "benchmarks/devset/articles": "devset.json",
}


def golden_of(folder: Path) -> dict[str, Any]:
    """Return the events, distances and per-place control histories of one corpus folder.

    The histories are those ``geo timeline`` shows: folded with the gazetteer's names and the
    governorates (:class:`geo.layers.states.CorpusStates`).
    """
    from geo.layers.states import CorpusStates
    from geo.pipeline import analyse

    result = analyse(folder, progress=False)
    timelines = CorpusStates(result).evidence.timelines()
    return {
        "events": [e.to_dict() for e in sorted(result.events, key=lambda e: (e.article, e.start, e.id))],
        "distances": [m.to_dict() for m in sorted(result.distances, key=lambda m: (m.article, m.start, m.text))],
        "timelines": {pid: [s.to_dict() for s in states] for pid, states in sorted(timelines.items())},
    }


def dumps(data: dict[str, Any]) -> str:
    """Serialise golden data as stable, reviewable JSON."""
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> int:
    """Regenerate every golden file."""
    for folder, name in CORPORA.items():
        text = dumps(golden_of(ROOT / folder))
        target = GOLDEN / name
        tmp = target.with_suffix(".json.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
        print(f"{target.relative_to(ROOT)}: {len(text):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
