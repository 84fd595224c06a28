"""Tests of geo.timeline.names: a place is named as reporting writes it, never by a phrase."""

from __future__ import annotations

import doctest

import pytest

from geo.timeline import names
from geo.timeline.names import display_names, is_proper_name, plain_latin


@pytest.mark.parametrize("form", ["Aleppo", "Deir ez-Zor", "al-Bab", "Khan Sheikhoun", "The Hague", "Bakhmut",
                                  "El Fasher", "Aleppo’s", "Tell Rifaat", "Ramouseh Artillery Academy"])
def test_proper_names(form: str) -> None:
    assert is_proper_name(form)


@pytest.mark.parametrize("form", ["the base", "The Base", "the city", "Aleppo city", "Artillery Academy",
                                  "the northern city", "its airport", "", "  ", "The Town", "eastern Aleppo"])
def test_phrases_are_not_names(form: str) -> None:
    assert not is_proper_name(form)


def test_the_most_frequent_proper_form_wins_and_ties_do_not_depend_on_order() -> None:
    forms = ["Kherson", "the city", "Kherson’s", "Kherson", "Cherson"]
    assert display_names({"k": forms}) == {"k": "Kherson"}
    assert display_names({"d": ["Deraa", "Daraa"]}) == display_names({"d": ["Daraa", "Deraa"]}) == {"d": "Daraa"}


def test_without_a_proper_form_the_gazetteer_name_in_plain_latin_else_the_words() -> None:
    assert display_names({"h": ["the city"]}, {"h": "Ḩamāh"}) == {"h": "Hamah"}
    assert display_names({"x": ["the base"]}) == {"x": "the base"}
    assert display_names({}, {"m": "Dar‘ā"}) == {"m": "Dara"}
    assert plain_latin("Şêx Meqsûd") == "Sex Meqsud"


def test_module_examples() -> None:
    assert doctest.testmod(names).failed == 0
