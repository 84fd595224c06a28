"""Tests of geo.extract.distance.mentions: distances quoted in article text."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gazetteer.model import Place
from geo.errors import ExtractionError, GeoError
from geo.extract.distance.anchors import AnchorReading
from geo.extract.distance.mentions import QUALIFIERS, DistanceSpan, find_distances, to_mentions
from geo.model import Article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MILE = 1.609344


def one(text: str) -> DistanceSpan:
    spans = find_distances(text)
    assert len(spans) == 1, spans
    return spans[0]


def written(text: str, span: DistanceSpan) -> str:
    return text[span.start:span.end]


# --- the seed sentences -------------------------------------------------------------------------

SEED_CITADEL = (
    "Videos verified by the BBC show armed men running in a street about seven kilometres "
    "(4.3 miles) from Aleppo’s medieval citadel in the centre of the city."
)


def test_seed_citadel_sentence():
    s = one(SEED_CITADEL)
    assert s.distance_km == 7.0
    assert s.qualifier == "about"
    assert s.tolerance_km == pytest.approx(1.05)
    assert s.direction is None
    assert s.anchor_text == "Aleppo’s medieval citadel"
    assert SEED_CITADEL[s.anchor_start:s.anchor_end] == s.anchor_text
    assert s.subject == "armed men running in a street"
    assert written(SEED_CITADEL, s) == "about seven kilometres (4.3 miles) from Aleppo’s medieval citadel"


def test_seed_vague_location_sentence():
    text = "That video was recorded 3km away from a location where HTS-affiliated media claim."
    s = one(text)
    assert (s.distance_km, s.qualifier, s.anchor_text, s.anchor_start) == (3.0, "exact", None, None)
    assert s.subject == "That video"
    assert written(text, s) == "3km away from a location"


def test_seed_area_is_not_a_distance():
    text = ("He estimated that the opposition was able to recapture 35 square kilometers "
            "(roughly 21 miles) of territory, including strategic infrastructure.")
    assert find_distances(text) == []


def test_seed_files_give_the_two_distances_of_each_aleppo_report():
    found = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found[path.name[:3]] = [(s.distance_km, s.anchor_text) for s in find_distances(text)]
    expected = [(7.0, "Aleppo’s medieval citadel"), (3.0, None)]
    assert found == {"000": [], "001": expected, "002": expected, "003": [], "004": []}


# --- numbers and units --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "km"),
    [
        ("Shells fell 7 km from Hama.", 7.0),
        ("Shells fell 7.5 km from Hama.", 7.5),
        ("Shells fell 1,200 metres from the airport.", 1.2),
        ("Shells fell 3km from Hama.", 3.0),
        ("Shells fell 3kms from Hama.", 3.0),
        ("Shells fell 12 kilometers from Hama.", 12.0),
        ("Shells fell 12 Kilometres from Hama.", 12.0),
        ("Shells fell 500m from the checkpoint.", 0.5),
        ("Shells fell 500 meters from the checkpoint.", 0.5),
        ("Shells fell 12 miles from Hama.", 12 * MILE),
        ("Shells fell 12mi from Hama.", 12 * MILE),
        ("A frigate sat 12 nautical miles off the coast of Tartus.", 12 * 1.852),
        ("Snipers fired from 300 yards from the gate.", 0.2743),
        ("Shells fell seven kilometres from Hama.", 7.0),
        ("Shells fell Seventeen km from Hama.", 17.0),
        ("Shells fell twenty-five kilometres from Hama.", 25.0),
        ("Shells fell twenty five kilometres from Hama.", 25.0),
        ("Shells fell a hundred kilometres from Hama.", 100.0),
        ("Shells fell two hundred and fifty metres from the gate.", 0.25),
        ("Shells fell a dozen kilometres from Hama.", 12.0),
        ("Shells fell half a mile from the gate.", 0.5 * MILE),
        ("Shells fell a quarter of a mile from the gate.", 0.25 * MILE),
        ("Shells fell a mile from the gate.", MILE),
        ("Shells fell within a kilometre of the gate.", 1.0),
        ("Shells fell two and a half miles from the gate.", 2.5 * MILE),
        ("Shells fell a mile and a half from the gate.", 1.5 * MILE),
    ],
)
def test_numbers_and_units_are_converted_to_km(text, km):
    assert one(text).distance_km == pytest.approx(km, rel=1e-3)


@pytest.mark.parametrize(
    "text",
    [
        "Shells fell a few kilometres from Hama.",
        "Shells fell several kilometres from Hama.",
        "Shells fell dozens of kilometres from Hama.",
        "Shells fell hundreds of metres from the gate.",
        "Shells fell a few hundred metres from the gate.",
        "Shells fell some kilometres from Hama.",
        "Shells fell a couple of miles from Hama.",
        "Shells fell tens of kilometres from Hama.",
    ],
)
def test_vague_amounts_are_not_distances(text):
    assert find_distances(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The group raised $5m from donors in the Gulf.",
        "The group raised 5m from donors in the Gulf.",
        "The EU pledged another 20m from its budget.",
        "Aid worth USD 3m from the UN reached Idlib.",
        "About 5 M from the fund went to Homs.",  # upper-case M is not metres
        "Seven m from the gate.",  # "m" only after digits
        "Seven mi from the gate.",
    ],
)
def test_money_and_bare_letters_are_not_distances(text):
    assert find_distances(text) == []


def test_a_bare_m_after_digits_is_metres_when_the_context_is_a_place():
    s = one("The blast hit 800m from the hospital.")
    assert (s.distance_km, s.anchor_text, s.subject) == (0.8, "the hospital", "The blast")


@pytest.mark.parametrize(
    ("text", "km", "tol"),
    [
        ("Clashes raged 5-10 km from Homs.", 7.5, 3.0),
        ("Clashes raged 5 – 10 km from Homs.", 7.5, 3.0),
        ("Clashes raged between 5 and 10 km from Homs.", 7.5, 3.0),
        ("Clashes raged seven to eight kilometres from Homs.", 7.5, 1.0),
        ("Clashes raged 7 or 8 km from Homs.", 7.5, 1.0),
    ],
)
def test_ranges_are_read_as_midpoint_with_half_width(text, km, tol):
    s = one(text)
    assert (s.distance_km, s.qualifier) == (km, "about")
    assert s.tolerance_km == pytest.approx(tol)


# --- conversions ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "km", "expr"),
    [
        ("Rebels were about seven kilometres (4.3 miles) from Hama.", 7.0,
         "about seven kilometres (4.3 miles) from Hama"),
        ("Rebels were 12 miles (19km) from Hama.", 12 * MILE, "12 miles (19km) from Hama"),
        ("Rebels were 19 km [12 miles] north of Hama.", 19.0, "19 km [12 miles] north of Hama"),
        ("Rebels were 20km (about 12 miles) east of Hama.", 20.0, "20km (about 12 miles) east of Hama"),
        ("Rebels were 30 km/19 miles from Hama.", 30.0, "30 km/19 miles from Hama"),
        ("Rebels were 40 km, or 25 miles, from Hama.", 40.0, "40 km, or 25 miles, from Hama"),
        ("Rebels were 40 km (25-30 miles) from Hama.", 40.0, "40 km (25-30 miles) from Hama"),
        ("Rebels were five miles (eight kilometres) from Hama.", 5 * MILE,
         "five miles (eight kilometres) from Hama"),
    ],
)
def test_a_parenthesised_conversion_is_the_same_distance(text, km, expr):
    s = one(text)
    assert s.distance_km == pytest.approx(km)
    assert s.anchor_text == "Hama"
    assert written(text, s) == expr


@pytest.mark.parametrize("text", ["Saraqeb (20 km south-east of Idlib) fell on Friday.",
                                  "Maarrat Hurma (20 km south-east of Idlib) fell on Friday."])
def test_parenthesised_distance_without_a_leading_quantity_is_kept(text):
    s = one(text)
    assert (s.distance_km, s.direction, s.anchor_text) == (20.0, "SE", "Idlib")


# --- qualifiers and tolerance --------------------------------------------------------------------

@pytest.mark.parametrize(
    ("lead", "qualifier"),
    [
        ("about", "about"), ("around", "about"), ("roughly", "about"), ("approximately", "about"),
        ("some", "about"), ("nearly", "about"), ("almost", "about"), ("just over", "about"),
        ("just under", "about"), ("close to", "about"), ("an estimated", "about"), ("~", "about"),
        ("within", "within"), ("up to", "within"), ("no more than", "within"),
        ("less than", "less than"), ("under", "less than"), ("fewer than", "less than"),
        ("more than", "more than"), ("over", "more than"), ("at least", "more than"),
        ("beyond", "more than"), ("in excess of", "more than"),
        ("", "exact"), ("only", "exact"), ("just", "exact"),
    ],
)
def test_qualifiers(lead, qualifier):
    rel = "of" if qualifier in ("within", "less than") else "from"
    sep = "" if lead == "~" else " "
    text = f"Government troops dug in {lead}{sep}13 km {rel} Homs.".replace("  ", " ")
    s = one(text)
    assert s.qualifier == qualifier
    assert s.qualifier in QUALIFIERS
    assert text[s.start:s.end].startswith(f"{lead}{sep}13".strip())


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("The base lies 20 km or so from Homs.", "about"),
        ("The base lies 20 km or more from Homs.", "more than"),
        ("The base lies 20-odd km from Homs.", None),  # "20-odd" is not a number: skipped
    ],
)
def test_trailing_qualifiers(text, qualifier):
    spans = find_distances(text)
    if qualifier is None:
        assert spans == []
    else:
        assert one(text).qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "tol"),
    [
        ("Shells fell about seven km from Homs.", 1.05),  # about: 15%
        ("Shells fell seven km from Homs.", 1.05),  # words are approximate
        ("Shells fell 7.3 km from Homs.", 0.365),  # exact digits: 5%
        ("Shells fell 3km from Homs.", 0.5),  # exact integer: half a unit (0.5 km)
        ("Shells fell about 3km from Homs.", 0.5),  # about, floor 0.5 km
        ("Shells fell 20 km from Homs.", 3.0),  # round number: 15%
        ("Shells fell 23 km from Homs.", 1.15),  # not round: 5%
        ("Shells fell 7.25 km from Homs.", 0.3625),
        ("Shells fell 300 metres from the gate.", 0.15),  # round: floor halves the distance
        ("Shells fell 0.25 km from the gate.", 0.0125),  # 5% beats half a unit (0.005)
        ("Shells fell 1.5 miles from the gate.", 0.120701),  # 5% of 2.414 km
    ],
)
def test_tolerance_rule(text, tol):
    assert one(text).tolerance_km == pytest.approx(tol)


# --- directions ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("phrase", "direction"),
    [
        ("west of", "W"), ("north-west of", "NW"), ("northwest of", "NW"), ("north west of", "NW"),
        ("to the south of", "S"), ("southeast of", "SE"), ("South-East of", "SE"),
        ("due east of", "E"), ("north-northwest of", "NNW"), ("east-northeast of", "ENE"),
        ("NNW of", "NNW"), ("SW of", "SW"), ("N of", "N"), ("north from", "N"),
        ("away to the north of", "N"), ("south–west of", "SW"),
    ],
)
def test_directions(phrase, direction):
    text = f"The village lies 15 km {phrase} Idlib."
    s = one(text)
    assert (s.direction, s.anchor_text) == (direction, "Idlib")
    assert s.subject == "The village"


def test_direction_without_anchor():
    s = one("The village lies 15 km to the north, in the hills.")
    assert (s.direction, s.anchor_text, s.anchor_start) == ("N", None, None)


def test_direction_words_that_are_not_compass_points_do_not_count():
    assert find_distances("The village lies 15 km northern Idlib.") == []
    assert find_distances("The village lies 15 km Northfield road.") == []


# --- anchors ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("Fighting was 5 km from the centre of Homs, state media said.", "the centre of Homs"),
        ("Fighting was 5 km from the Turkish border.", "the Turkish border"),
        ("Fighting was 5 km from the airport on Tuesday.", "the airport"),
        ("Fighting was 5 km from Homs and Hama.", "Homs"),
        ("Fighting was 5 km from Homs where rebels massed.", "Homs"),
        ("Fighting was 5 km from Homs which fell.", "Homs"),
        ("Fighting was 5 km from Homs in the morning.", "Homs"),
        ("Fighting was 5 km from Homs Tuesday.", "Homs"),
        ("Fighting was 5 km from Deir ez-Zor, a city in the east.", "Deir ez-Zor"),
        ("Fighting was 5 km outside Damascus.", "Damascus"),
        ("Fighting was 5 km outside of Damascus.", "Damascus"),
        ("Fighting was 5 km away from Ma'arrat al-Numan.", "Ma'arrat al-Numan"),
        ("Fighting was 5 km short of the Kuweires airbase.", "the Kuweires airbase"),
        ("Fighting was within 5 km of the town of Saraqeb, near the M5.", "the town of Saraqeb"),
        ("It was 30 km to Latakia from there.", "Latakia"),
        ("A ship was 10 miles off the coast of Latakia.", "Latakia"),
        ("A ship was 10 miles off Tartus.", "Tartus"),
        ("Shells fell 2 km from the besieged town of Madaya.", "the besieged town of Madaya"),
        ("Shells fell 2 km from Aleppo's main prison, activists said.", "Aleppo's main prison"),
        ("Shells fell 2 km from the Aleppo-Damascus highway linking the two cities.",
         "the Aleppo-Damascus highway"),
        ("Kobane is 10 km from the border with Turkey.", "the border with Turkey"),
        ("Kobane is 10 km from Homs with its allies.", "Homs"),
        ("The blast was 10 km from the plant, at a distance.", "the plant"),
        ("Shells fell 2 km from\nHoms.", None),  # no anchor across a line break
        ("Shells fell 2 km from where rebels massed.", None),
    ],
)
def test_anchor_phrase(text, anchor):
    s = one(text)
    if anchor is None:
        assert (s.anchor_text, s.anchor_start, s.anchor_end) == (None, None, None)
        assert written(text, s) == "2 km from"
        return
    assert s.anchor_text == anchor
    assert text[s.anchor_start:s.anchor_end] == anchor
    assert s.end == s.anchor_end


@pytest.mark.parametrize(
    "phrase",
    ["a location", "an area near the city", "the front", "the front lines", "the frontline",
     "their positions", "the scene", "it", "there", "some point", "this area"],
)
def test_vague_anchor_gives_none_but_keeps_the_phrase_in_the_span(phrase):
    text = f"The blast was heard 4 km from {phrase}."
    s = one(text)
    assert s.anchor_text is None and s.anchor_start is None and s.anchor_end is None
    assert written(text, s).startswith("4 km from")
    assert s.distance_km == 4.0


def test_away_without_anchor():
    text = "The convoy was about 3 miles away when it was hit."
    s = one(text)
    assert (s.anchor_text, s.subject) == (None, "The convoy")
    assert written(text, s) == "about 3 miles away"


def test_two_distances_in_one_sentence():
    text = "Rebels hold a line 10 km from Homs and 25 km north of Hama."
    spans = find_distances(text)
    assert [(s.distance_km, s.direction, s.anchor_text) for s in spans] == [
        (10.0, None, "Homs"), (25.0, "N", "Hama")]


# --- subjects -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("The town of Saraqeb lies 20 km south-east of Idlib.", "The town of Saraqeb"),
        ("Saraqeb, some 20 km south-east of Idlib, fell on Friday.", "Saraqeb"),
        ("Rebels captured a village 10 km north of Hama.", "a village"),
        ("Clashes were reported 20 km from Hama.", "Clashes"),
        ("The convoy stopped 3 km short of the border.", "The convoy"),
        ("Fighting is now less than 10 km from Hama.", "Fighting"),
        ("Kurdish fighters withdrew to positions 30km east of the Euphrates.", "positions"),
        ("Ukrainian forces are fighting less than a mile from the town centre.", "Ukrainian forces"),
        ("A 1,000-strong force arrived 3 km from the frontline.", "A 1,000-strong force"),
        ("The hospital, located 800 metres from the front line, was shelled.", "The hospital"),
        ("Kobane, which is 10 km from the border with Turkey, fell.", "Kobane"),
        ("Shelling was heard 10 kms outside Mosul.", "Shelling"),
        ("Armed men were seen at a checkpoint 2 km from the village.", "a checkpoint"),
        ("The explosion, at a distance of 10 km from the plant, shook windows.", "The explosion"),
        ("Another strike, 12 km (7.5 miles) west of the capital, killed four.", "Another strike"),
        ("Videos show armed men running in a street 7 km from Homs.", "armed men running in a street"),
        ("The fighting is 1.5km from the Old City.", "The fighting"),
        ("There was heavy fighting 5 km away from Hama.", "heavy fighting"),
        ("It is 10 km from Homs.", None),
        ("He lives about a kilometre from the border.", None),
        ("In the north, about 20 km from Homs, rebels massed.", None),
        ("About 20 km from Homs, rebels massed.", None),
        # a name, an apposition describing it, then the verb that locates it
        ("Pokrovsk, once home to 60,000 people, sits 70 km west of Donetsk.", "Pokrovsk"),
        ("El Fasher, the last army stronghold in Darfur, lies about 800 km west of Khartoum.", "El Fasher"),
        ("Lashio, a trading hub of 150,000, is some 120 km from the Chinese border.", "Lashio"),
        ("The town of Kidal, a separatist stronghold, is located 350 km north-east of Gao.", "The town of Kidal"),
        ("Tal Afar, which had 200,000 residents before the war, lies 60 km west of Mosul.", "Tal Afar"),
        # no locating verb: the phrase before the distance's comma is what it describes
        ("On Friday, dozens of militants infiltrated Kirkuk, some 150 km south-east of Mosul.",
         "dozens of militants infiltrated Kirkuk"),
        ("In July, the army regained Nawnghkio, situated about 35 km south-west of Kyaukme.",
         "the army regained Nawnghkio"),
    ],
)
def test_subject(text, subject):
    assert one(text).subject == subject


# --- not distances ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Rebels seized 35 square kilometers of land near Homs.",
        "Rebels seized 35 square kilometres from the army.",
        "Rebels seized 15 sq km from the army.",
        "Rebels seized an area of 20 km2 from the army.",
        "Rebels seized 20 km² from the army.",
        "Rebels seized 20 km^2 from the army.",
        "Rebels seized 20 kilometres square from the army.",
        "The drone flew at 100 km/h from the base.",
        "The drone flew at 100 km per hour from the base.",
        "The drone flew at 60 miles an hour from the base.",
        "The missile has a range of 300 km from its launcher.",
        "The missile has a range of up to 300 km from its launcher.",
        "A 5km-long convoy moved from Idlib.",
        "A 40-mile convoy north of Kyiv stalled.",
        "A 40 mile convoy north of Kyiv stalled.",
        "The trench is 10 km long from the river.",
        "The front stretches 100 km from Idlib to Aleppo.",
        "Rebels advanced 10 km from their positions.",
        "Troops marched 30 miles from the coast.",
        "The column travelled 50 km to Hama.",
        "Rebels control 20 km of road east of Hama.",
        "The buffer zone is 30 km wide from the border.",
        "Rebels advanced 10 km overnight.",
        "The offensive has gained 12 km in a week.",
    ],
)
def test_areas_speeds_ranges_lengths_and_movements_are_skipped(text):
    assert find_distances(text) == []


def test_a_movement_to_a_bound_is_a_distance():
    s = one("Israeli troops advanced to within 25 km of Damascus.")
    assert (s.distance_km, s.qualifier, s.anchor_text, s.subject) == (
        25.0, "within", "Damascus", "Israeli troops")


def test_a_radius_is_a_within_distance():
    for text in ("Strikes hit targets within a 10-km radius of Homs.",
                 "Strikes hit targets in a 10 km radius around Homs.",
                 "Strikes hit targets within a radius of 10 km from Homs."):
        s = one(text)
        assert (s.distance_km, s.qualifier, s.anchor_text) == (10.0, "within", "Homs"), text


def test_quantities_without_a_place_relation_are_skipped():
    assert find_distances("The convoy was 5 km long.") == []
    assert find_distances("Temperatures fell 5 degrees; 7 km later the road ended.") == []
    assert find_distances("He ran 10 km.") == []


# --- to_mentions --------------------------------------------------------------------------------

CITADEL = Place(id="local:aleppo-citadel", name="Aleppo Citadel", kind="landmark",
                lat=36.1993, lon=37.1625, parent="geonames:170063")


def _sentence_of(text: str):
    bounds = [(m.start(), m.end()) for m in re.finditer(r"\S.*?(?:[.!?](?=\s|$)|$)", text)]

    def sentence_of(offset: int) -> tuple[int, int]:
        return next((a, b) for a, b in bounds if a <= offset < b)

    return sentence_of


def _article(text: str) -> Article:
    return Article(id="abc123", path="x.txt", published=dt.date(2024, 11, 29), source="BBC",
                   title=None, url=None, text=text)


def _reading(place: Place | None, reason: str | None = None) -> AnchorReading:
    return AnchorReading("point" if place else "none", place, None, reason, None, None, "", None)


def test_to_mentions_resolves_anchor_and_keeps_evidence():
    text = "Rebels entered Aleppo. " + SEED_CITADEL + " That video was recorded 3km away from a location."
    calls = []

    def read(span, sentence: tuple[int, int]) -> AnchorReading:
        calls.append((span.anchor_phrase, text[sentence[0]:sentence[1]]))
        if "citadel" in span.anchor_phrase.lower():
            return _reading(CITADEL)
        return _reading(None, f"anchor not a place: {span.anchor_phrase!r}")

    art = _article(text)
    mentions = to_mentions(find_distances(text), article=art, sentence_of=_sentence_of(text), read_anchor=read)
    assert len(mentions) == 2
    m0, m1 = mentions
    assert calls[0] == ("Aleppo’s medieval citadel", SEED_CITADEL)
    assert (m0.anchor, m0.anchor_name, m0.anchor_lat, m0.anchor_lon, m0.anchor_kind) == (
        "local:aleppo-citadel", "Aleppo Citadel", 36.1993, 37.1625, "point")
    assert m0.sentence == SEED_CITADEL
    assert text[m0.start:m0.end] == SEED_CITADEL
    assert m0.text == "about seven kilometres (4.3 miles) from Aleppo’s medieval citadel"
    assert (m0.article, m0.published, m0.subject) == ("abc123", dt.date(2024, 11, 29),
                                                      "armed men running in a street")
    assert (m1.anchor, m1.anchor_name, m1.anchor_lat, m1.anchor_lon) == (None, "", None, None)
    assert (m1.anchor_text, m1.anchor_kind, m1.unresolved) == ("a location", "none",
                                                               "anchor not a place: 'a location'")
    assert m1.sentence == "That video was recorded 3km away from a location."
    assert m1.to_dict()["distance_km"] == 3.0


def test_to_mentions_unresolved_anchor_keeps_its_name():
    text = "Shelling hit a school 4 km from Kafr Nubl."
    (m,) = to_mentions(find_distances(text), article=_article(text),
                       sentence_of=_sentence_of(text), read_anchor=lambda span, s: _reading(None))
    assert (m.anchor, m.anchor_name, m.anchor_lat, m.subject) == (None, "Kafr Nubl", None, "a school")


def test_to_mentions_rejects_spans_from_another_text():
    span = one("A long preamble sentence before: shells fell 4 km from Homs.")
    with pytest.raises(ExtractionError, match="outside article"):
        to_mentions([span], article=_article("short"), sentence_of=lambda o: (0, 5),
                    read_anchor=lambda span, s: _reading(None))


def test_to_mentions_rejects_a_bad_sentence_splitter():
    text = "Shells fell 4 km from Homs."
    with pytest.raises(GeoError, match="sentence_of"):
        to_mentions(find_distances(text), article=_article(text), sentence_of=lambda o: (20, 22),
                    read_anchor=lambda span, s: _reading(None))


# --- properties ---------------------------------------------------------------------------------

_WORDS = st.sampled_from(
    ["about", "some", "within", "of", "from", "away", "north", "west", "km", "kilometres", "miles",
     "m", "7", "7.5", "1,200", "seven", "twenty-five", "a", "half", "the", "Homs", "(", ")", ",",
     ".", "square", "-", "/", "h", "to", "the", "south-east", "radius", "range", "NNW", "’s", "\n",
     "3km", "500m", "between", "and", "or", "so", "0", "0.0"]
)


def _check(text: str) -> None:
    for s in find_distances(text):
        assert 0 <= s.start < s.end <= len(text)
        assert s.distance_km > 0 and s.tolerance_km > 0
        assert s.qualifier in QUALIFIERS
        if s.anchor_text is not None:
            assert s.start <= s.anchor_start < s.anchor_end <= s.end
            assert text[s.anchor_start:s.anchor_end] == s.anchor_text


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises(text):
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=30).map(" ".join))
def test_distance_like_text_gives_valid_spans(text):
    _check(text)


def test_long_text_is_linear_enough():
    text = (SEED_CITADEL + " ") * 2000 + "9" * 5000 + " km" + " seven" * 3000
    spans = find_distances(text)
    assert len(spans) == 2000


def _naive_find(text: str) -> list:
    """find_distances without its screens (a unit near, a word a quantity can begin with): QTY tried from
    every position. The brute-force reference kept: it reads each quantity with the same rule."""
    from geo.extract.distance.mentions import _read_distance
    from geo.extract.distance.words import QTY

    spans, pos = [], 0
    while (m := QTY.search(text, pos)) is not None:
        span, resume = _read_distance(text, m)
        if span is not None and span.distance_km > 0:
            spans.append(span)
        pos = max(resume, m.start() + 1)
    return spans


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "Clashes were reported about 20 km (12 miles) north-west of Hama.", "filler " * 60,
    "between three hundred and fifty and four hundred metres from the front", "5km", "m", "The 3 mi. road",
    "at a distance of seven kilometres from Aleppo's medieval citadel.", "nearly 40 kilometers south of Homs",
    "\n", "  ", "km", "10 - 12 km east of Idlib", "a dozen miles away", "5 \u212am from Homs", "ſome 5 km from Hama",
    "About 20" + " " * 150 + "km north of Hama", "HALF A DOZEN miles from Idlib", "İdlib", "5 KMS", "~3 Km"]),
    max_size=12))
def test_unit_shortcut_finds_what_a_scan_from_every_position_finds(parts: list[str]) -> None:
    text = " ".join(parts)
    assert find_distances(text) == _naive_find(text)
