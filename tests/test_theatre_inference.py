"""The newer theatres are inferred from their faction names alone, or from the countries of their places alone.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from collections import Counter

import pytest

from geo.extract.actors import actor_index, infer_theatre
from geo.theatres import packaged_theatres


@pytest.mark.parametrize(("text", "theatre"), [
    ("The Taliban and the ANDSF fought on; ISIS-K claimed the blast.", "afghanistan"),
    ("Danab commandos and Macawisley fighters pushed into al-Shabaab territory, ATMIS said.", "somalia"),
    ("The FADM and SAMIM said the machababos had fled.", "mozambique"),
    ("Boko Haram fighters and the Civilian JTF clashed, the MNJTF said.", "lake_chad"),
])
def test_names_alone_point_to_their_war(text: str, theatre: str) -> None:
    index = actor_index()
    found = infer_theatre(Counter(), index.votes(text, index.spans(text)), packaged_theatres().values())
    assert found is not None and found.id == theatre


@pytest.mark.parametrize(("countries", "theatre"), [
    ({"AF": 3, "PK": 1}, "afghanistan"),
    ({"SO": 2, "KE": 1}, "somalia"),
    ({"NG": 3, "CM": 1}, "lake_chad"),
])
def test_places_alone_point_to_their_war(countries: dict[str, int], theatre: str) -> None:
    found = infer_theatre(Counter(countries), {}, packaged_theatres().values())
    assert found is not None and found.id == theatre
