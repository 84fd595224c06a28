"""Names as a tagger hands them over (resolve_spans) and as text writes them: abbreviations in capitals or spaced,
syllables written apart, and the type word that ends a name the gazetteer does not know."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gazetteer import Gazetteer
from gazetteer.model import Place, km_between
from gazetteer.store import load_store


@pytest.fixture(scope="module")
def gz() -> Iterator[Gazetteer]:
    """The packaged gazetteer only (no user imports from the machine running the tests)."""
    yield Gazetteer(load_store(include_user=False))


def span_place(gz: Gazetteer, text: str, name: str) -> str | None:
    """Return the id of the place resolve_spans gives the first *name* in *text*, or None."""
    start = text.index(name)
    mention = gz.resolve_spans(text, [(start, start + len(name))])[0]
    return mention.place.id if mention.place is not None else None


@pytest.mark.parametrize(("text", "name", "place"), [
    # a dateline or a heading set in capitals writes the division's abbreviation in capitals too
    ("JEFFERSON CITY, MO., May 3 - The river crested overnight.", "MO.", "admin1:US-MO"),
    ("RICHMOND, VA., May 3 - The storm cut power to thousands.", "VA.", "admin1:US-VA"),
    ("TORONTO, ONT., May 3 - Smoke from the fires reached the city.", "ONT.", "admin1:CA-ON"),
    # older and government styles space the initials
    ("Camp near Beaufort, S. C., June 2. The regiment marched at dawn.", "S. C.", "admin1:US-SC"),
    ("Nanaimo, B. C., June 2. The mine reopened after the flood.", "B. C.", "admin1:CA-BC"),
    ("Wagga Wagga, N. S. W., June 2. The drought broke at last.", "N. S. W.", "admin1:AU-NSW"),
])
def test_an_abbreviation_in_capitals_or_with_spaced_initials_is_the_division(gz: Gazetteer, text: str, name: str,
                                                                            place: str) -> None:
    assert span_place(gz, text, name) == place


def test_capitals_without_the_full_stop_are_no_abbreviation(gz: Gazetteer) -> None:
    # "MO" alone is any word in capitals; only the stop makes it Missouri's abbreviation
    assert gz.lookup("MO.")[0].place.id == "admin1:US-MO"
    assert all(c.place.id != "admin1:US-MO" for c in gz.lookup("MO"))


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Fighting closed the road between Nam Hkam and Muse on the border.", "Nam Hkam", "MM"),
    ("The children were taken to a clinic in Dogu Beyazit near the Iranian border.", "Dogu Beyazit", "TR"),
])
def test_a_span_with_a_syllable_written_apart_is_read_as_lookup_reads_it(gz: Gazetteer, text: str, name: str,
                                                                        country: str) -> None:
    place = span_place(gz, text, name)
    assert place is not None and gz.get(place).country == country
    assert gz.lookup(name)[0].place.id == place


@pytest.mark.parametrize(("text", "kept"), [
    ("Ukrainian special forces landed on Snake Island before dawn, the navy in Odesa said.", {"Odesa"}),
    ("Boats carried families from Tuti Island across the Nile to Omdurman.", {"Omdurman"}),
    ("The Saudi-led coalition struck Kamaran Island off Hodeidah on Tuesday.", {"Hodeidah"}),
    ("Sea Island and Hunting Island were evacuated ahead of the storm, Georgia officials said.", {"Georgia"}),
])
def test_the_type_word_of_an_unknown_name_is_no_place_of_its_own(gz: Gazetteer, text: str, kept: set[str]) -> None:
    found = {m.text: m.place for m in gz.find(text)}
    assert "Island" not in found  # not Iceland ("Island" in Danish and German)
    assert all(p.country != "IS" for p in found.values() if p is not None)
    assert kept <= found.keys()


def test_a_span_ending_in_a_type_word_does_not_fall_back_to_the_type_word(gz: Gazetteer) -> None:
    text = "Ukrainian special forces landed on Snake Island before dawn."
    assert span_place(gz, text, "Snake Island") != "country:IS"


@pytest.mark.parametrize(("text", "name", "place"), [
    ("NATO patrol aircraft flew from Iceland on Monday.", "Iceland", "country:IS"),
    ("Ministers from the Gulf pledged aid to Sudan.", "Gulf", None),
    ("Tankers were held in Gulf waters for a week.", "Gulf", None),
])
def test_a_type_word_after_an_article_or_a_preposition_is_still_read(gz: Gazetteer, text: str, name: str,
                                                                     place: str | None) -> None:
    found = {m.text: m.place for m in gz.find(text)}
    assert name in found
    if place is not None:
        assert found[name].id == place
    else:
        assert found[name].kind == "region"


def _span(gz: Gazetteer, text: str, name: str) -> Place:
    start = text.index(name)
    place = gz.resolve_spans(text, [(start, start + len(name))])[0].place
    assert place is not None, f"{name!r} unresolved"
    return place


@pytest.mark.parametrize(("text", "name", "near"), [
    ("Police sealed off a street in Upper Edmonton after a stabbing; officers from Tottenham and Enfield joined "
     "the search in north London.", "Upper Edmonton", "Enfield"),
    ("Residents of Hamilton Township met at the Warren County courthouse in Lebanon, Ohio.",
     "Hamilton Township", "Lebanon"),
    ("Shelling hit Kramatorsk and Sloviansk overnight; the Novoselivka Water Station lost power.",
     "Novoselivka Water Station", "Kramatorsk"),
])
def test_a_span_named_after_a_place_takes_that_name_s_namesake_in_the_document(gz: Gazetteer, text: str, name: str,
                                                                              near: str) -> None:
    # no name of its own: the name inside it is ranked among the document's places, not alone (Edmonton in
    # Alberta, Hamilton in Ontario, the Novoselivka near Odesa)
    place = _span(gz, text, name)
    anchor = next(m.place for m in gz.find(text) if m.text == near)
    assert km_between(place, anchor) < 150


@pytest.mark.parametrize(("text", "name", "place"), [
    ("The citadel of Aleppo was shelled again on Friday.", "citadel of Aleppo", "local:aleppo-citadel"),
    ("Hezbollah fighters moved from Homs towards Talkalakh; the Qusayr National Hospital took in the wounded.",
     "Qusayr National Hospital", "geonames:173322"),
])
def test_a_span_naming_a_part_or_a_single_place_keeps_it(gz: Gazetteer, text: str, name: str, place: str) -> None:
    assert _span(gz, text, name).id == place


@pytest.mark.parametrize("text", [
    "The White House said it would send more air defence systems to Kyiv after the strikes on Kharkiv.",
    "Officials at the White House condemned the Houthi attack on shipping off Hodeidah.",
    "The White House called on the RSF to stop its assault on El Fasher.",
])
def test_english_words_that_translate_a_city_s_name_are_no_place(gz: Gazetteer, text: str) -> None:
    # Casablanca bears "White House" as an alternate name (Dar el Beida): a translation, not the text's meaning
    places = {m.text: m.place for m in gz.find(text)}
    assert "White House" not in places
    assert all(p.country != "MA" for p in places.values() if p is not None)
    assert len(places) >= 1  # the theatre's own places are still found


@pytest.mark.parametrize(("text", "name", "place_name"), [
    ("The column left Saint Louis, Missouri, at dawn.", "Saint Louis", "St. Louis"),  # like its name: kept
    ("Smoke from the fires reached Quebec City and Montreal.", "Quebec City", "Québec"),
])
def test_an_alternate_name_like_the_place_s_own_is_kept(gz: Gazetteer, text: str, name: str,
                                                        place_name: str) -> None:
    places = {m.text: m.place for m in gz.find(text)}
    assert name in places and places[name].name == place_name
