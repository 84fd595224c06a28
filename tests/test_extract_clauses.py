"""The clause readings of issue 16, one class per test, each with sentences of several wars.

Every sentence here was written for these tests (the places are real, the events need not be).
Each case says what a reader would take from it: this place, this kind, this side, these dates;
or, for a hedge, that nothing happened.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.model import ControlEvent
from tests.probe import reader

D = dt.date


read = reader(D(2024, 3, 10))


def facts(events: list[ControlEvent]) -> set[tuple[str, str, str | None]]:
    return {(e.place, e.kind, e.actor_gaining) for e in events}


# ---- words between the verb and its object ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Government troops have taken full control of the centre of Tadef.", ("Tadef", "captured", "government")),
    ("Russian troops have taken complete control of the eastern part of Avdiivka.",
     ("Avdiivka", "captured", "russia")),
    ("The Sudanese army has taken full control of the historic centre of Omdurman.",
     ("Omdurman", "captured", "saf")),
])
def test_words_between_the_verb_and_the_object(gz, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in facts(read(gz, text))


@pytest.mark.parametrize(("text", "place", "loser"), [
    ("Troops pulled back from the battered eastern town of Marinka.", "Marinka", None),
    ("Ukrainian forces withdrew from the small frontline village of Krynky.", "Krynky", "ukraine"),
    ("The army withdrew from the besieged garrison town of El Fasher.", "El Fasher", "saf"),
])
def test_a_withdrawal_through_modifiers(gz, text: str, place: str, loser: str | None) -> None:
    found = [e for e in read(gz, text) if e.kind == "withdrew"]
    assert [e.place for e in found] == [place]
    if loser:
        assert found[0].actor_losing == loser


def test_an_attributive_siege_names_no_besieger(gz) -> None:
    siege = [e for e in read(gz, "The army withdrew from the besieged garrison town of El Fasher.")
             if e.kind == "besieged"]
    assert siege and siege[0].actor_gaining is None


# ---- nominal statements ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The Russian defence ministry announced the full liberation of Avdiivka.", ("Avdiivka", "captured", None)),
    ("The recapture of Snihurivka by Ukrainian forces was confirmed on Friday.",
     ("Snihurivka", "regained", "ukraine")),
    ("The army's recapture of Wad Madani was celebrated in Port Sudan.", ("Wad Madani", "regained", "saf")),
    ("The fall of Lashio to the MNDAA shocked the junta.", ("Lashio", "captured", "mndaa")),
])
def test_nominal_statements(gz, text: str, expected: tuple[str, str, str | None]) -> None:
    place, kind, side = expected
    found = {(e.place, e.kind) for e in read(gz, text)}
    assert (place, kind) in found
    if side:
        assert expected in facts(read(gz, text))


@pytest.mark.parametrize("text", [
    "The Russian pull-out from Lyman was completed on Saturday.",
    "The army's withdrawal from Wad Madani stunned residents.",
    "The junta's retreat from Laukkai ended a two-month siege.",
])
def test_a_nominal_withdrawal(gz, text: str) -> None:
    assert "withdrew" in {e.kind for e in read(gz, text)}


# ---- passive without agent --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected", "loser"), [
    ("Khan Tuman has been cleansed of terrorists, state television said.",
     ("Khan Tuman", "captured", "government"), "opposition"),
    ("Sinja has been completely cleansed of the remnants of the Rapid Support militia, the army said.",
     ("Sinja", "captured", "saf"), "rsf"),
    ("Tikrit has been purged of the Daesh terrorists, the Iraqi army said.",
     ("Tikrit", "captured", "government"), "islamic_state"),
])
def test_an_agentless_passive_gains_the_side_opposed_to_the_loser(gz, text: str, expected: tuple,
                                                                  loser: str) -> None:
    found = [e for e in read(gz, text) if (e.place, e.kind, e.actor_gaining) == expected]
    assert found and found[0].actor_losing == loser


def test_an_agentless_passive_gains_the_speaker(gz) -> None:
    assert ("Lyman", "captured", "ukraine") in facts(read(gz, "Lyman has been liberated, the Ukrainian "
                                                              "defence ministry said."))


# ---- a facility as the object -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "facility", "town"), [
    ("Fighters overran the 17th Division's base outside Raqqa.", "17th Division's base", "Ar Raqqah"),
    ("The RSF seized the 16th Infantry Division headquarters in Nyala on Thursday.",
     "16th Infantry Division headquarters", "Nyala"),
    ("The MNDAA captured the headquarters of the military's Northeastern Command in Lashio.",
     "Northeastern Command", "Lashio"),
    ("The Arakan Army overran the Western Command headquarters in Sittwe.",
     "Western Command headquarters", "Sittwe"),
    ("M23 rebels captured the Rumangabo military camp near Rutshuru on Friday.", "Rumangabo military camp",
     "Rutshuru"),
])
def test_a_facility_is_kept_at_its_town_as_a_part(gz, text: str, facility: str, town: str) -> None:
    found = [e for e in read(gz, text) if e.kind == "captured"]
    assert [e.place for e in found] == [facility]
    assert found[0].geo_precision == 2
    assert gz.get(found[0].place_id).name == town


@pytest.mark.parametrize(("text", "place"), [
    ("JNIM fighters overran the Malian army's base at Boulkessi.", "Boulkessi"),
    ("The RSF said it had seized the army base in Nyala.", "Nyala"),
    ("Islamic State fighters stormed the army camp in Ramadi.", "Ramadi"),
])
def test_an_unnamed_facility_is_the_place_it_is_at(gz, text: str, place: str) -> None:
    found = [e for e in read(gz, text) if e.kind in ("captured", "entered")]
    assert [(e.place, e.geo_precision) for e in found] == [(place, 2)]


# ---- the place named earlier -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "place", "side"), [
    ("Fighters reached Maarat al-Numan on Monday. By evening they had entered the town.", "Maarat al-Numan", None),
    ("Russian troops reached Avdiivka on Tuesday. By Wednesday they had entered the city.", "Avdiivka", "russia"),
    ("RSF fighters reached El Fasher on Friday. On Saturday they entered the city.", "El Fasher", "rsf"),
])
def test_the_town_named_in_an_earlier_sentence(gz, text: str, place: str, side: str | None) -> None:
    found = [e for e in read(gz, text) if e.kind == "entered"]
    assert [e.place for e in found] == [place]
    if side:
        assert found[0].actor_gaining == side


@pytest.mark.parametrize(("text", "place"), [
    ("Raqqa, which the SDF wrested from Islamic State in 2017, was calm.", "Raqqa"),
    ("Masisi lies west of Goma, which the M23 has held since January.", "Goma"),
    ("Fighting spread to Lashio, which the MNDAA took in August.", "Lashio"),
])
def test_the_antecedent_of_a_relative_clause(gz, text: str, place: str) -> None:
    assert place in {e.place for e in read(gz, text) if e.kind in ("captured", "held")}


# ---- fighting as a contest ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "place", "start"), [
    ("Clashes have raged in Kupiansk since Tuesday.", "Kupiansk", D(2024, 3, 5)),
    ("Fighting has raged inside Laukkai since Saturday, residents said.", "Laukkai", D(2024, 3, 9)),
    ("Heavy fighting was under way inside Bakhmut on Sunday.", "Bakhmut", D(2024, 3, 10)),
    ("Army units were still battling M23 fighters inside Sake.", "Sake", D(2024, 3, 9)),
])
def test_fighting_inside_is_a_contest_from_its_date(gz, text: str, place: str, start: dt.date) -> None:
    found = [e for e in read(gz, text) if e.kind == "contested"]
    assert [e.place for e in found] == [place]
    assert found[0].date == start


def test_a_facility_in_a_town_the_gazetteer_does_not_know(gz) -> None:
    found = read(gz, "The Arakan Army overran the Border Guard Police headquarters in Thayetpinkyin.")  # invented town
    assert [(e.place, e.place_id, e.geo_precision) for e in found] == [("Border Guard Police headquarters", None, 2)]


def test_a_facility_in_a_known_town_is_placed_at_the_town(gz) -> None:
    found = read(gz, "The Arakan Army overran the Border Guard Police headquarters in Maungdaw.")
    assert [(e.place, e.place_id, e.geo_precision) for e in found] == [
        ("Border Guard Police headquarters", "local:maungdaw", 2)]


def test_a_contest_keeps_no_entry_of_the_same_fighting(gz) -> None:
    kinds = {e.kind for e in read(gz, "Army units were still battling M23 fighters inside Sake.")}
    assert kinds == {"contested"}


# ---- irrealis and aims -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Seizing Kidal would hand the separatists their biggest prize in a decade.",
    "Retaking Marawi was the goal of the offensive that began in May.",
    "Rebels vowed to seize Hama.",
    "Capturing Bakhmut would give Russia a road to Kramatorsk.",
    "The fall of El Fasher would leave the RSF in charge of Darfur.",
    "The offensive opens the way towards liberating Mosul, the commander said.",
])
def test_hypotheses_and_aims_are_no_events(gz, text: str) -> None:
    assert read(gz, text) == []


# ---- datelines and names that are not places -----------------------------------------------------------------

@pytest.mark.parametrize(("text", "not_a_place"), [
    ("KYIV, Feb 17 (Reuters) - Russian troops said they had captured the town on Saturday.", "Kyiv"),
    ("PORT SUDAN, Feb 17 (Reuters) - The RSF said it had seized the town.", "Port Sudan"),
    ("GOMA, Congo, Feb 17 (Reuters) - M23 rebels said they had seized the town on Thursday.", "Goma"),
])
def test_a_dateline_is_where_the_reporter_is(gz, text: str, not_a_place: str) -> None:
    assert not_a_place.lower() not in {e.place.lower() for e in read(gz, text)}


@pytest.mark.parametrize(("text", "not_a_place"), [
    ("HTS leader Abu Mohammed al-Jawlani said fighters had captured the town.", "Golan"),
    ("Halab Today TV reported that fighters had captured the village.", "Halab"),
    ("The Kyiv Independent reported that Russian troops had captured the village.", "Kyiv"),
    ("The Mosul Eye blog said militants had seized the bridge.", "Mosul"),
])
def test_names_of_people_and_outlets_are_no_places(gz, text: str, not_a_place: str) -> None:
    assert all(not_a_place.lower() not in e.place.lower() for e in read(gz, text))


# ---- actors with negation or direction -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected", "loser"), [
    ("Factions hostile to the government took back Tal Rifaat.", ("Tal Rifaat", "regained", "opposition"), None),
    ("Iraqi troops backed by US air power retook Ramadi from Islamic State.",
     ("Ramadi", "regained", "government"), "islamic_state"),
    ("Wazalendo fighters seized Kibabi and Muheto from the M23 on Monday.", ("Muheto", "captured", "wazalendo"),
     "m23"),
    ("Ukrainian troops supported by Western artillery retook Robotyne from Russian forces.",
     ("Robotyne", "regained", "ukraine"), "russia"),
    ("Anti-government fighters seized Saraqib on Friday.", ("Saraqib", "captured", "opposition"), None),
])
def test_actors_with_negation_or_direction(gz, text: str, expected: tuple, loser: str | None) -> None:
    found = [e for e in read(gz, text) if (e.place, e.kind, e.actor_gaining) == expected]
    assert found, facts(read(gz, text))
    assert found[0].actor_losing == loser


# ---- claims and denials ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "claimant", "denier"), [
    ("The RSF said it had seized the army base in Nyala, but the army denied the claim.", "rsf", "saf"),
    ("Russia's defence ministry said its forces had captured Vuhledar. Ukraine's military denied that claim.",
     "russia", "ukraine"),
    ("The MNDAA said on Thursday it had captured Lashio. The junta denied it.", "mndaa", "junta"),
    ("M23 rebels said they had seized Sake, but the army rejected the claim.", "m23", "fardc"),
    # the denial told after the claim, as a relative or a passive
    ("The RSF said it captured El Fasher's airport, a claim the army denied.", "rsf", "saf"),
    ("The MNDAA said it had seized Lashio, which the junta rejected.", "mndaa", "junta"),
    ("Russia said its troops had captured Robotyne, a claim denied by Ukraine's general staff.", "russia", "ukraine"),
    ("The AFC/M23 said on Thursday that its forces had recaptured Muheto, a claim the Wazalendo denied.", "m23",
     "wazalendo"),
    # the other side's own word: it still holds the place, or it repelled the attack
    ("M23 rebels said they had taken Sake, while the army said it still held the town.", "m23", "fardc"),
    ("The Houthis claimed control of Hazm, but government forces said they had repelled the attack.", "houthis",
     "government"),
    ("JNIM said its fighters had overrun Boulkessi, but the Malian army said its forces still controlled the base.",
     "jnim", "fama"),
])
def test_a_denial_names_the_claim_it_denies(gz, text: str, claimant: str, denier: str) -> None:
    evs = read(gz, text)
    claims = [e for e in evs if e.stance == "claimed" and e.attributed_to == claimant]
    denials = [e for e in evs if e.stance == "denied"]
    assert claims and denials
    assert denials[0].denies == claims[0].id
    assert denials[0].attributed_to == denier
    assert denials[0].place == claims[0].place


def test_a_denial_of_the_place_itself_is_linked_across_sentences(gz) -> None:
    evs = read(gz, "The Houthis said they had seized al-Hazm on Sunday. Government officials denied that "
                   "al-Hazm had fallen.", D(2020, 3, 2))
    claim = next(e for e in evs if e.stance == "claimed")
    denial = next(e for e in evs if e.stance == "denied")
    assert denial.denies == claim.id


@pytest.mark.parametrize("text", [
    "The RSF said it had seized Babanusa, while the army said it held Nyala.",
    "M23 said it had taken Sake, while the army said it still held Goma.",
    "The Houthis said they had seized Hazm, while the government said it still controlled Marib.",
])
def test_a_holding_of_another_place_answers_no_claim(gz, text: str) -> None:
    assert not [e for e in read(gz, text) if e.stance == "denied"], facts(read(gz, text))


@pytest.mark.parametrize(("text", "place", "speaker"), [
    ("The RSF said it had seized Babanusa, while the army said it held Nyala.", "Nyala", "saf"),
    ("Russia said it had taken Kurakhove, while Ukraine's army said it had recaptured Terny.", "Terny", "ukraine"),
    ("The MNDAA said it had captured Lashio, while the junta said it had retaken Kutkai.", "Kutkai", "junta"),
])
def test_each_clause_is_its_own_speaker_s_word(gz, text: str, place: str, speaker: str) -> None:
    e = next(e for e in read(gz, text) if e.place == place)
    assert e.attributed_to in (speaker, None) and e.actor_gaining == speaker, facts(read(gz, text))


def test_a_side_does_not_deny_its_own_claim(gz) -> None:
    evs = read(gz, "The RSF said it had seized Nyala. The RSF denied it had shelled the market.")
    assert not [e for e in evs if e.stance == "denied"]


# ---- dates: order, relative expressions, undated news ------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "place", "start", "end"), [
    ("Islamist fighters took control of Aleppo in late November before swinging south through Hama and Homs.",
     D(2024, 12, 8), "Hama", D(2024, 11, 21), D(2024, 12, 8)),
    ("The RSF took Wad Madani in December, then seized Sinja.", D(2024, 3, 1),
     "Sinja", D(2023, 12, 1), D(2024, 3, 1)),
    ("The army retook Lashio after the MNDAA pulled out on 22 April.", D(2025, 4, 25), "Lashio",
     D(2025, 4, 22), D(2025, 4, 25)),
    ("Russian forces entered Krynky before they took Avdiivka on 17 February.", D(2024, 3, 1), "Krynky",
     D(2024, 2, 11), D(2024, 2, 17)),
])
def test_an_ordering_word_bounds_the_other_clause(gz, text: str, published: dt.date, place: str,
                                                  start: dt.date, end: dt.date) -> None:
    found = [e for e in read(gz, text, published) if e.place == place and e.kind != "withdrew"]
    assert found, facts(read(gz, text, published))
    assert (found[0].date, found[0].date_end) == (start, end)


@pytest.mark.parametrize(("text", "published", "place", "start", "end"), [
    ("Government forces shelled Debaltseve, which separatists seized last August.", D(2015, 3, 3), "Debaltseve",
     D(2014, 8, 1), D(2014, 8, 31)),
    ("The MNDAA seized Lashio last August.", D(2025, 4, 23), "Lashio", D(2024, 8, 1), D(2024, 8, 31)),
    ("The Houthis seized Nihm in May last year.", D(2020, 8, 10), "Nihm", D(2019, 5, 1), D(2019, 5, 31)),
    ("On the eve of the vote on 12 March, M23 rebels seized Rubaya.", D(2025, 3, 14), "Rubaya",
     D(2025, 3, 11), None),
    ("Rebels are now inside Damascus.", D(2024, 12, 8), "Damascus", D(2024, 12, 8), None),
])
def test_relative_dates(gz, text: str, published: dt.date, place: str, start: dt.date,
                        end: dt.date | None) -> None:
    found = [e for e in read(gz, text, published) if e.place == place]
    assert found, facts(read(gz, text, published))
    assert (found[0].date, found[0].date_end) == (start, end)


@pytest.mark.parametrize(("text", "published", "place"), [
    ("Malian troops had entered Kidal, the army said.", D(2023, 11, 14), "Kidal"),
    ("Russian forces have captured Avdiivka.", D(2024, 2, 18), "Avdiivka"),
    ("The RSF had taken Wad Madani, residents said.", D(2023, 12, 20), "Wad Madani"),
])
def test_an_undated_change_is_the_publication_day_or_the_day_before(gz, text: str, published: dt.date,
                                                                    place: str) -> None:
    found = [e for e in read(gz, text, published) if e.place == place]
    assert [(e.date, e.date_end) for e in found] == [(published - dt.timedelta(days=1), published)]


# ---- a place the gazetteer does not know ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "place", "side"), [  # invented names: Minova, Anefis and Kanpaikti are curated now
    ("The M23 took Kabirizi, a key supply hub on the lake, on Tuesday.", "Kabirizi", "m23"),
    ("The army took Tinfadimata, about 110 kilometres south of Kidal, on October 7.", "Tinfadimata", None),
    ("On October 11, the border town of Lonkhaing fell to KIA troops.", "Lonkhaing", "kia"),
])
def test_an_unknown_name_in_object_position_is_kept_without_coordinates(gz, text: str, place: str,
                                                                       side: str | None) -> None:
    found = [e for e in read(gz, text) if e.place == place]
    assert found and found[0].place_id is None and found[0].lat is None
    if side:
        assert found[0].actor_gaining == side


@pytest.mark.parametrize("text", [
    "M23 rebels seized the eastern Congolese town of Kitshanga.",
    "Fano militiamen seized the UNESCO-listed town of Lalibela.",
    "Russian troops captured Ukrainian positions near Avdiivka.",
])
def test_adjectives_and_acronyms_are_no_unknown_places(gz, text: str) -> None:
    assert all(e.place not in ("Congolese", "UNESCO-listed", "Ukrainian") for e in read(gz, text))


@pytest.mark.parametrize(("text", "places"), [
    ("Israeli forces withdrew on Tuesday from the villages they still occupied in south Lebanon, including Houla, "
     "Markaba, Odaisseh and Kfar Kila.", {"Houla", "Markaba", "Odaisseh", "Kfar Kila"}),
    ("Russian forces withdrew on Tuesday from the villages they still occupied in the Kharkiv region, including "
     "Vovchansk and Lyptsi.", {"Vovchansk", "Lyptsi"}),
    ("The RSF withdrew on Tuesday from the towns it still held in Gezira, including Rufaa and Hasaheisa.",
     {"Rufaa", "Hasaheisa"}),
])
def test_a_relative_clause_with_no_pronoun_tells_what_the_withdrawals_places_were(gz, text: str,
                                                                                  places: set[str]) -> None:
    events = read(gz, text, dt.date(2025, 2, 18))
    assert {(e.place, e.kind, e.date) for e in events} == {(p, "withdrew", dt.date(2025, 2, 18)) for p in places}


def test_a_dated_relative_clause_with_no_pronoun_keeps_its_own_change(gz) -> None:
    text = "The army retook on Tuesday the towns the RSF had seized in December 2023, including Wad Madani and Rufaa."
    got = {(e.place, e.kind, e.actor_gaining, e.date) for e in read(gz, text, dt.date(2025, 2, 18))}
    assert got == {("Wad Madani", "regained", "saf", dt.date(2025, 2, 18)), ("Rufaa", "regained", "saf",
                                                                             dt.date(2025, 2, 18)),
                   ("Wad Madani", "captured", "rsf", dt.date(2023, 12, 1)), ("Rufaa", "captured", "rsf",
                                                                             dt.date(2023, 12, 1))}
