"""The distances' anchors read the article's names as the events read them: one reading per article.

Each text is written for this test. A digest of several wars reads a paragraph about another
war in that war (its places first); the distance of that paragraph is located there too. The
whole article is read by the gazetteer once, not once more for the distances.
"""

from __future__ import annotations

import datetime as dt

import pytest

from gazetteer import Gazetteer, default_gazetteer
from geo.extract.article import extract_article
from geo.model import Article

GZ = default_gazetteer()


def article(text: str) -> Article:
    return Article(id="t", path="t.txt", published=dt.date(2024, 12, 5), source="test", title=None, url=None,
                   text=text)


DIGESTS = [
    pytest.param("Syrian rebels said on Monday they had entered Hama after days of fighting with the Syrian army. "
                 "Government troops withdrew from Hama and Homs was shelled, residents said.\n\n"
                 "In Sudan, the Rapid Support Forces seized Wad Madani on Wednesday, a city about 180 km south-east "
                 "of Khartoum, witnesses said.\n\nIn Syria, rebels later advanced on Homs from the north and took "
                 "Rastan.", "Khartoum", "Wad Madani", "SD", id="syria-digest-sudan"),
    pytest.param("Russian forces captured the village of Novohrodivka in Donetsk region on Tuesday, Russia's "
                 "defence ministry said. Ukrainian troops withdrew from positions near Pokrovsk, and fighting "
                 "continued near Kurakhove.\n\nIn Myanmar, the Arakan Army took Maungdaw on Sunday, a town about "
                 "90 km north-west of Sittwe, the group said.\n\nUkraine said its forces had repelled attacks near "
                 "Chasiv Yar and Toretsk.", "Sittwe", "Maungdaw", "MM", id="ukraine-digest-myanmar"),
    pytest.param("M23 rebels captured Masisi on Saturday, the Congolese army said, after fighting near Sake. The "
                 "rebels entered Minova and the army withdrew towards Goma, residents said.\n\nIn Mali, jihadists "
                 "seized the town of Boni on Friday, about 90 km east of Douentza, a local official said.\n\n"
                 "Congolese troops later retook Sake, the army said.", "Douentza", "Boni", "ML",
                 id="drc-digest-mali"),
    pytest.param("The Rapid Support Forces captured El Fasher's airport on Monday, Sudan's army said, after fighting "
                 "in the city. The army withdrew from Um Kadada and residents fled towards Tawila.\n\nIn Iraq, "
                 "Islamic State fighters seized Bashiqa, about 15 km north-east of Mosul, Kurdish officials said "
                 "on Tuesday.\n\nSudan's army later retook Um Kadada, it said.", "Mosul", "Bashiqa", "IQ",
                 id="sudan-digest-iraq"),
]


@pytest.mark.parametrize(("text", "anchor", "locator", "side"), DIGESTS)
def test_a_distance_in_another_wars_paragraph_is_located_in_that_war(text: str, anchor: str, locator: str,
                                                                     side: str) -> None:
    (d,) = extract_article(article(text), GZ).distances
    assert (d.anchor_name, d.anchor_kind, d.locator_name, d.side_country) == (anchor, "point", locator, side)


@pytest.mark.parametrize("text", [
    "Rebels captured Tal Kalakh, about 20 miles west of Homs near the Lebanese border, on Sunday, two rebel "
    "commanders said.",
    "The Arakan Army captured Minbya on Friday, a town about 25 km east of Mrauk-U, the group said.",
    "M23 rebels seized Rubaya on Tuesday, a mining town about 40 km north-west of Goma, residents said.",
])
def test_the_distance_locates_its_subject_at_the_place_the_event_names(text: str) -> None:
    extraction = extract_article(article(text), GZ)
    (event,) = [e for e in extraction.events if e.kind == "captured"]
    (d,) = extraction.distances
    assert event.place_id is not None
    assert d.locator == event.place_id


def test_an_article_is_read_by_the_gazetteer_once(monkeypatch: pytest.MonkeyPatch) -> None:
    text = DIGESTS[1].values[0] + "\n\nThe army said it held Kupiansk, about 100 km east of Kharkiv."
    calls: list[str] = []
    find = Gazetteer.find

    def counted(self: Gazetteer, text_read: str, **kwargs: object):  # type: ignore[no-untyped-def]
        calls.append(text_read)
        return find(self, text_read, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Gazetteer, "find", counted)
    extraction = extract_article(article(text), GZ)
    assert len(extraction.distances) == 2
    assert calls.count(text) == 1
