"""The faction alias table on names written for these tests."""

from __future__ import annotations

import pytest

from geo.factions import find_actors


def factions(text: str, syria: bool = True) -> list[tuple[str, str | None]]:
    return [(a.text, a.faction) for a in find_actors(text, syria=syria)]


@pytest.mark.parametrize("name,faction", [
    ("HTS", "opposition"), ("Hayat Tahrir al-Sham", "opposition"), ("Jabhat Fateh al-Sham", "opposition"),
    ("Army of Conquest", "opposition"), ("Syrian Democratic Forces", "sdf"), ("SDF", "sdf"), ("YPG", "sdf"),
    ("IS", "islamic_state"), ("ISIL", "islamic_state"), ("Syrian National Army", "sna"),
    ("pro-regime militias", "government"), ("Hezbollah", "government"),
])
def test_alias_maps_to_faction(name: str, faction: str) -> None:
    assert factions(f"Yesterday {name} fighters advanced.")[0] == (name, faction)


def test_army_of_conquest_is_one_opposition_actor_not_the_army() -> None:
    assert factions("The Army of Conquest took the hill.") == [("Army of Conquest", "opposition")]


def test_sdf_long_form_is_not_government_forces() -> None:
    assert factions("Syrian Democratic Forces moved in.") == [("Syrian Democratic Forces", "sdf")]


def test_lower_case_is_is_not_islamic_state() -> None:
    assert factions("The town is quiet and IS is gone.") == [("IS", "islamic_state")]


def test_russian_forces_outside_syria_are_not_the_government() -> None:
    assert all(f != "government" for _, f in factions("Russian forces took the town.", syria=False))
    assert factions("Russian forces bombed the road.", syria=True) == [("Russian forces", "government")]


def test_generic_aliases_in_another_war_are_unknown() -> None:
    assert factions("The army and rebels clashed.", syria=False) == [("army", "unknown"), ("rebels", "unknown")]


def test_monitor_is_not_a_fighter() -> None:
    found = find_actors("the Syrian Observatory for Human Rights said")
    assert found[0].monitor and found[0].faction is None


def test_kurdish_control_is_sdf_but_kurdish_majority_is_nothing() -> None:
    assert factions("under Kurdish control") == [("Kurdish", "sdf")]
    assert factions("Kurdish-majority districts") == []
