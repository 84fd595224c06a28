"""Where ``geo render`` writes by default: the seed map keeps its name, another corpus gets its own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_hostile_files import GOOD

from geo.cli import default_map_name, main

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
pytestmark = pytest.mark.slow


def test_another_corpus_never_overwrites_the_seed_map(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    wires = tmp_path / "wires"
    wires.mkdir()
    for name, text in GOOD.items():
        (wires / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["render", "--date", "2024-12-08"]) == 0
    seed_map = tmp_path / "maps" / "control-2024-12-08.html"
    before = seed_map.read_bytes()
    assert main(["render", "--date", "2024-12-08", "--corpus", "wires"]) == 0
    assert (tmp_path / "maps" / "control-wires-2024-12-08.html").is_file()
    assert seed_map.read_bytes() == before
    assert main(["render", "--date", "2024-12-08", "--corpus", "seeds"]) == 0  # named explicitly: still the seeds
    assert sorted(p.name for p in (tmp_path / "maps").iterdir()) == [
        "control-2024-12-08.html", "control-wires-2024-12-08.html"]
    assert main(["render", "--date", "2024-12-08", "--corpus", "wires", "--out", str(seed_map)]) == 0
    assert seed_map.read_bytes() != before  # unless --out says so
    capsys.readouterr()


def test_default_names() -> None:
    assert default_map_name(None, None, None) == "control.html"
    assert default_map_name(Path("/data/reports/sudan"), None, None) == "control-sudan.html"
    assert default_map_name(None, Path("/data/ukraine.gpkg"), None) == "control-ukraine.html"
