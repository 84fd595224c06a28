"""A corpus about another war than Syria maps that war: its factions, its colours, its countries and regions."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.layers.build import build_map_data
from geo.pipeline import analyse
from geo.render.payload import build_payload
from geo.theatres import packaged_theatres

UKRAINE = {
    "001.txt": "date 2024-02-18\nsource Test Wire\n\nRussian forces took full control of Avdiivka on Saturday, "
               "the defence ministry said. Ukrainian troops withdrew from Avdiivka overnight.\n",
    "002.txt": "date 2024-05-12\nsource Test Wire\n\nUkrainian forces recaptured the village of Robotyne in "
               "Zaporizhzhia region on Friday, the general staff said.\n",
}
SUDAN = {
    "001.txt": "date 2025-01-12\nsource Test Wire\n\nSudan's army recaptured Wad Madani from the Rapid Support "
               "Forces on Saturday. The RSF withdrew from the city.\n",
    "002.txt": "date 2023-12-20\nsource Test Wire\n\nThe Rapid Support Forces seized Wad Madani on Monday after the "
               "army withdrew from the capital of Gezira state.\n",
}


def _corpus(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.slow
@pytest.mark.parametrize(("theatre", "files", "country", "sides", "box"), [
    ("ukraine", UKRAINE, "UA", {"russia", "ukraine"}, (22.0, 44.0, 41.0, 53.0)),
    ("sudan", SUDAN, "SD", {"saf", "rsf"}, (21.0, 8.0, 39.0, 23.0)),
])
def test_a_war_s_corpus_maps_that_war(tmp_path: Path, theatre: str, files: dict[str, str], country: str,
                                       sides: set[str], box: tuple[float, float, float, float]) -> None:
    result = analyse(_corpus(tmp_path / theatre, files), progress=False)
    assert {e.theatre for e in result.events} == {theatre}
    assert sides <= {e.actor_gaining for e in result.events} | {e.actor_losing for e in result.events}
    data = build_map_data(result)
    colours = packaged_theatres()[theatre].colours
    assert sides <= set(data.factions) and all(data.factions[f][1] == colours[f] for f in sides)
    roles = {f["properties"]["iso"]: f["properties"]["role"] for f in data.outline["features"]}
    assert roles[country] == "theatre" and "SY" not in roles
    assert data.governorates["features"] and all(f["properties"]["id"].startswith("admin1:")
                                                 for f in data.governorates["features"])
    assert any(f["properties"]["country"] == country for f in data.governorates["features"])
    payload = build_payload(data)
    (s, w), (n, e) = payload["bounds"]
    west, south, east, north = box
    assert west <= w and e <= east and south <= s and n <= north  # framed on the war, not on Syria
    assert set(payload["labels"]) <= set(colours) and set(payload["labels"]) & sides
    assert all(payload["colours"][f] == colours[f] for f in payload["colours"])
