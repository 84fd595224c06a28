"""Faction names in text, read through the article's theatre, on sentences written for these tests."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from geo.extract.actors import MONITORS, actor_index, infer_theatre
from geo.extract.actors import _char_fold as char_fold
from geo.extract.actors import _in_word as in_word
from geo.theatres import packaged_theatres

THEATRES = packaged_theatres()


def read(text: str, theatre: str | None) -> list[tuple[str, str | None]]:
    index = actor_index()
    return [(a.text, a.faction) for a in index.resolve(text, index.spans(text), THEATRES[theatre] if theatre else None)]


@pytest.mark.parametrize(("theatre", "sentence", "expected"), [
    ("syria", "Yesterday HTS fighters advanced on the town.", ("HTS", "opposition")),
    ("syria", "Pro-regime militias shelled the road.", ("Pro-regime militias", "government")),
    ("syria", "The Syrian Democratic Forces moved in.", ("Syrian Democratic Forces", "sdf")),
    ("ukraine", "Russian forces pushed into the village overnight.", ("Russian forces", "russia")),
    ("ukraine", "The 3rd Assault Brigade held the line.", ("3rd Assault Brigade", "ukraine")),
    ("sudan", "The Rapid Support Forces entered the market.", ("Rapid Support Forces", "rsf")),
    ("myanmar", "The Tatmadaw withdrew from the hill post.", ("Tatmadaw", "junta")),
    ("myanmar", "MNDAA troops raised their flag over the command.", ("MNDAA", "mndaa")),
    ("drc", "Wazalendo fighters retook the market town.", ("Wazalendo", "wazalendo")),
    ("iraq", "Peshmerga units advanced at dawn.", ("Peshmerga", "peshmerga")),
])
def test_a_name_means_its_theatres_faction(theatre: str, sentence: str, expected: tuple[str, str]) -> None:
    name, faction = expected
    assert any(text.startswith(name) and found == faction for text, found in read(sentence, theatre))


def test_the_same_words_mean_different_sides_in_different_wars() -> None:
    assert read("Russian forces bombed the road.", "syria") == [("Russian forces", "government")]
    assert read("Russian forces bombed the road.", "ukraine") == [("Russian forces", "russia")]
    assert read("The army retook the town.", "sudan") == [("The army", "saf")]
    assert read("The army retook the town.", "syria") == [("The army", "government")]


def test_without_a_theatre_only_generic_words_count_and_as_unknown() -> None:
    assert [f for _, f in read("The army and rebels clashed.", None)] == ["unknown", "unknown"]
    assert read("The RSF said nothing.", None) == []


def test_the_longest_name_wins_over_a_generic_word_inside_it() -> None:
    assert read("The Army of Conquest took the hill.", "syria") == [("Army of Conquest", "opposition")]


def test_a_name_known_without_its_article_counts_with_it() -> None:
    assert read("The monitor said the rebels had taken the village.", "syria")[-1] == ("the rebels", "opposition")


def test_capitals_only_names_match_only_in_capitals() -> None:
    assert read("The town is quiet and IS is gone.", "syria") == [("IS", "islamic_state")]
    assert read("Fighters of the AA seized the town; aa is not a name.", "myanmar")[0] == ("AA", "aa")


def test_a_big_city_that_is_a_name_counts_only_as_a_speaker() -> None:
    index = actor_index()
    syria = THEATRES["syria"]
    city = lambda word: word == "Damascus"  # noqa: E731
    said = "Damascus said the town had fallen."
    near = "Fighting raged near Damascus on Monday."
    assert [a.faction for a in index.resolve(said, index.spans(said), syria, city)] == ["government"]
    assert index.resolve(near, index.spans(near), syria, city) == []


def test_monitors_report_they_do_not_fight() -> None:
    found = read("the Syrian Observatory for Human Rights said the army had withdrawn", "syria")
    assert found == [("Syrian Observatory for Human Rights", None), ("the army", "government")]
    assert all(read(f"{m} said so.", "ukraine")[0][1] is None for m in MONITORS if m[0].isupper() and " " in m)


def test_votes_point_to_the_war_whose_names_an_article_uses() -> None:
    index = actor_index()
    text = "The RSF said it had taken the base; the army denied it."
    votes = index.votes(text, index.spans(text))
    assert max(votes, key=lambda k: votes[k]) == "sudan"
    assert infer_theatre(Counter(), votes, THEATRES.values()).id == "sudan"  # type: ignore[union-attr]
    assert infer_theatre(Counter({"UA": 4, "RU": 2}), {}, THEATRES.values()).id == "ukraine"  # type: ignore[union-attr]
    assert infer_theatre(Counter({"MM": 3}), {}, THEATRES.values()).id == "myanmar"  # type: ignore[union-attr]
    assert infer_theatre(Counter(), {}, THEATRES.values()) is None


@pytest.mark.slow
def test_char_fold_keeps_offsets_and_agrees_with_ignorecase() -> None:
    every = "".join(map(chr, range(0x110000)))
    folded = char_fold(every)
    assert len(folded) == len(every)  # one character out for one in: offsets hold
    for char in "abcdefghijklmnopqrstuvwxyz'":
        by_regex = {m.start() for m in re.finditer(re.escape(char).replace("'", "['’‘]"), every, re.I)}
        by_fold = {i for i, c in enumerate(folded) if c == char}
        assert by_regex == by_fold, (char, sorted(by_regex ^ by_fold)[:5])


@pytest.mark.slow
def test_word_test_agrees_with_the_regex_class_on_every_code_point() -> None:
    every = "".join(map(chr, range(0x110000)))
    by_regex = {m.start() for m in re.finditer(r"[\w-]", every)}
    assert by_regex == {i for i, c in enumerate(every) if in_word(c)}
