"""Tests of geo.theatres: the packaged theatre files, the loader's checks, colours, inference."""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from pathlib import Path

import pytest

from geo.errors import GeoError
from geo.theatres import (
    PACKAGE_DIR,
    UNKNOWN,
    UNKNOWN_COLOUR,
    Theatre,
    TheatreError,
    load_theatre,
    packaged_theatres,
    theatre_for_countries,
    theatre_named,
)
from geo.theatres.colour import ciede2000, delta_e, hex_to_lab
from geo.theatres.loader import Faction, with_officials

#: The faction ids other code relies on, per packaged theatre (files may add more).
CONTRACT: dict[str, set[str]] = {
    "syria": {"government", "opposition", "sna", "sdf", "islamic_state", "israel", "druze"},
    "ukraine": {"russia", "ukraine"},
    "sudan": {"saf", "rsf", "splm_n"},
    "myanmar": {"junta", "resistance", "aa", "mndaa", "tnla", "kia"},
    "drc": {"fardc", "m23", "wazalendo", "adf"},
    "iraq": {"government", "islamic_state", "peshmerga"},
    "yemen": {"houthis", "government", "stc", "aqap"},
    "ethiopia": {"government", "tplf", "fano", "ola"},
    "libya": {"lna", "gna", "islamic_state"},
    "sahel": {"fama", "jnim", "islamic_state_sahel", "fla"},
    "afghanistan": {"government", "taliban", "nrf", "islamic_state"},
    "somalia": {"government", "al_shabaab", "macawisley", "au_mission", "jubaland", "puntland", "islamic_state"},
    "mozambique": {"fadm", "rwanda", "samim", "insurgents"},
    "lake_chad": {"government", "mnjtf", "iswap", "boko_haram"},
    "lebanon": {"government", "israel", "hezbollah"},
    "karabakh": {"azerbaijan", "armenian", "russia"},
    "haiti": {"pnh", "mss", "viv_ansanm", "g9", "g_pep"},
    "gaza": {"israel", "hamas", "islamic_jihad", "militias"},
    "south_sudan": {"sspdf", "uganda", "spla_io", "white_army", "nas"},
    "thai_cambodia": {"thailand", "cambodia"},
    "car": {"faca", "russia", "rwanda", "cpc"},
}

PACKAGED_FILES = sorted(PACKAGE_DIR.glob("*.toml"))

# Colour distinctness within a theatre, CIEDE2000: at least 20 for normal colour vision
# and at least 10 with each dichromacy simulated (Machado et al. 2009, severity 1). The
# Okabe-Ito palette with the unknown grey meets both (its closest normal-vision pair,
# orange/yellow, is 21.7; sky blue/grey is 21.3).
MIN_DELTA_E = 20.0
MIN_DELTA_E_DICHROMAT = 10.0

VALID = """\
id = "testwar"
name = "Test war"
countries = ["SD"]
context_countries = ["TD"]
stale_after_days = 90
government = "saf"

[factions.saf]
label = "Army"
colour = "#0072B2"
side = "government"
aliases = ["Sudanese army", "SAF"]

[factions.rsf]
label = "Paramilitary"
colour = "#D55E00"
aliases = ["Rapid Support Forces", "RSF"]

[factions.unknown]
label = "Unknown"
colour = "#999999"

[generic]
"the army" = "saf"
rebels = "rsf"
"""


def write(tmp_path: Path, text: str, name: str = "war.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def replaced(old: str, new: str) -> str:
    assert old in VALID, old
    return VALID.replace(old, new, 1)


# --- packaged files -------------------------------------------------------------------

def test_the_ten_theatres_are_packaged() -> None:
    assert set(CONTRACT) <= set(packaged_theatres())
    assert len(PACKAGED_FILES) >= 10


@pytest.mark.parametrize("path", PACKAGED_FILES, ids=lambda p: p.stem)
def test_every_packaged_file_loads(path: Path) -> None:
    theatre = load_theatre(path)
    assert theatre.id == path.stem
    assert theatre.source == path
    assert CONTRACT.get(theatre.id, set()) <= set(theatre.faction_ids)
    assert theatre.government in theatre.faction_ids and theatre.government != UNKNOWN
    assert theatre.colours[UNKNOWN] == UNKNOWN_COLOUR
    assert theatre.stale_after_days > 0
    assert not set(theatre.countries) & set(theatre.context_countries)
    for faction in theatre.factions:
        if faction.id != UNKNOWN:
            assert len(faction.aliases) >= 10, f"{theatre.id}.{faction.id} has few aliases"
    for word, faction_id in theatre.generic:
        assert theatre.faction_of(word) == faction_id


def test_packaged_theatres_are_cached_and_copied() -> None:
    first = packaged_theatres()
    first.pop("syria")
    second = packaged_theatres()
    assert "syria" in second
    assert second["sudan"] is packaged_theatres()["sudan"]


def test_theatre_is_frozen_and_hashable() -> None:
    sudan = packaged_theatres()["sudan"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        sudan.government = "rsf"  # type: ignore[misc]
    assert {sudan: 1}[load_theatre(PACKAGE_DIR / "sudan.toml")] == 1


def test_syria_keeps_the_existing_colours_and_labels() -> None:
    syria = packaged_theatres()["syria"]
    assert {k: syria.colours[k] for k in ("government", "opposition", "sna", "sdf", "islamic_state")} == {
        "government": "#D55E00", "opposition": "#009E73", "sna": "#0072B2", "sdf": "#F0E442",
        "islamic_state": "#000000"}
    assert syria.labels["opposition"] == "Opposition (HTS and allied rebels)"
    assert syria.labels["sdf"] == "SDF / Kurdish-led forces"
    assert syria.labels["government"] == "Government and allies"


@pytest.mark.parametrize("theatre,name,faction", [
    ("syria", "HTS", "opposition"), ("syria", "Army of Conquest", "opposition"),
    ("syria", "pro-regime forces", "government"), ("syria", "Hezbollah", "government"),
    ("syria", "Russian forces", "government"), ("syria", "Turkish forces", "sna"),
    ("syria", "Kurdish-led fighters", "sdf"), ("syria", "ISIL", "islamic_state"),
    ("syria", "Israel Defense Forces", "israel"), ("syria", "Men of Dignity", "druze"),
    ("syria", "Wagner Group", "government"),
    ("ukraine", "Wagner", "russia"), ("ukraine", "Kremlin-backed separatists", "russia"),
    ("ukraine", "Russian troops", "russia"), ("ukraine", "North Korean troops", "russia"),
    ("ukraine", "Akhmat", "russia"), ("ukraine", "Ukrainian forces", "ukraine"),
    ("ukraine", "3rd Assault Brigade", "ukraine"), ("ukraine", "Azov", "ukraine"),
    ("ukraine", "Russian Volunteer Corps", "ukraine"), ("ukraine", "Freedom of Russia Legion", "ukraine"),
    ("sudan", "Rapid Support Forces", "rsf"), ("sudan", "Janjaweed", "rsf"),
    ("sudan", "Sudanese Armed Forces", "saf"), ("sudan", "SPLM-N", "splm_n"),
    ("sudan", "SPLM-N Agar", "saf"), ("sudan", "Darfur Joint Forces", "joint_forces"),
    ("sudan", "Sudan Shield Forces", "saf"),
    ("myanmar", "Tatmadaw", "junta"), ("myanmar", "SAC", "junta"), ("myanmar", "MNDAA", "mndaa"),
    ("myanmar", "Arakan Army", "aa"), ("myanmar", "Ta\u2019ang National Liberation Army", "tnla"),
    ("myanmar", "Kachin Independence Army", "kia"), ("myanmar", "People's Defence Force", "resistance"),
    ("drc", "Wazalendo", "wazalendo"), ("drc", "M23", "m23"), ("drc", "AFC/M23", "m23"),
    ("drc", "Rwandan troops", "m23"), ("drc", "Burundian troops", "fardc"), ("drc", "Islamic State", "adf"),
    ("iraq", "Hashd al-Shaabi", "government"), ("iraq", "Popular Mobilization Forces", "government"),
    ("iraq", "Counter Terrorism Service", "government"),
    ("iraq", "Iraqi troops backed by US air power", "government"), ("iraq", "Peshmerga", "peshmerga"),
    ("iraq", "Daesh", "islamic_state"),
    ("yemen", "Ansar Allah", "houthis"), ("yemen", "Saudi-led coalition", "government"),
    ("yemen", "Southern Transitional Council", "stc"), ("yemen", "AQAP", "aqap"),
    ("ethiopia", "Eritrean troops", "eritrea"), ("ethiopia", "Fano", "fano"), ("ethiopia", "TDF", "tplf"),
    ("ethiopia", "ENDF", "government"), ("ethiopia", "Oromo Liberation Army", "ola"),
    ("libya", "Haftar's forces", "lna"), ("libya", "Wagner Group", "lna"),
    ("libya", "Government of National Unity", "gna"), ("libya", "Daesh", "islamic_state"),
    ("sahel", "Wagner", "fama"), ("sahel", "Africa Corps", "fama"), ("sahel", "JNIM", "jnim"),
    ("sahel", "VDP", "burkina_army"), ("sahel", "Nigerien army", "niger_army"), ("sahel", "CSP-DPA", "fla"),
    ("sahel", "ISGS", "islamic_state_sahel"),
    ("afghanistan", "Taleban", "taliban"), ("afghanistan", "Islamic Emirate", "taliban"),
    ("afghanistan", "ANDSF", "government"), ("afghanistan", "Afghan commandos", "government"),
    ("afghanistan", "National Resistance Front", "nrf"), ("afghanistan", "ISIS-K", "islamic_state"),
    ("somalia", "al-Shabab", "al_shabaab"), ("somalia", "Al Shabaab", "al_shabaab"),
    ("somalia", "Ma'awisley", "macawisley"), ("somalia", "Danab", "government"), ("somalia", "ATMIS", "au_mission"),
    ("somalia", "Kenyan troops", "au_mission"), ("somalia", "SSC-Khatumo", "ssc_khatumo"),
    ("somalia", "Puntland forces", "puntland"), ("somalia", "Jubaland forces", "jubaland"),
    ("mozambique", "machababos", "insurgents"), ("mozambique", "al-Shabaab", "insurgents"),
    ("mozambique", "ISCAP", "insurgents"), ("mozambique", "Rwandan troops", "rwanda"), ("mozambique", "SAMIM", "samim"),
    ("mozambique", "FADM", "fadm"), ("mozambique", "Local Force", "fadm"),
    ("lake_chad", "ISWAP", "iswap"), ("lake_chad", "Boko Haram", "boko_haram"), ("lake_chad", "JAS", "boko_haram"),
    ("lake_chad", "Chadian troops", "mnjtf"), ("lake_chad", "Civilian JTF", "government"),
])
def test_alias_means_its_faction(theatre: str, name: str, faction: str) -> None:
    assert packaged_theatres()[theatre].faction_of(name) == faction


def test_aliases_compare_folded() -> None:
    syria = packaged_theatres()["syria"]
    assert syria.faction_of("  PRO REGIME   Forces ") == "government"
    assert syria.faction_of("Hay\u2019at Tahrir al-Sham") == "opposition"
    assert syria.faction_of("Free Syrian Armies") is None


@pytest.mark.parametrize("theatre,word,faction", [
    ("syria", "terrorists", "opposition"), ("syria", "the army", "government"),
    ("ukraine", "neo-Nazis", "ukraine"), ("ukraine", "occupiers", "russia"), ("ukraine", "the army", UNKNOWN),
    ("myanmar", "the junta", "junta"), ("myanmar", "terrorists", "resistance"),
    ("ethiopia", "the junta", "tplf"), ("sudan", "paramilitaries", "rsf"), ("sahel", "separatists", "fla"),
    ("sahel", "the army", UNKNOWN), ("iraq", "militias", "government"), ("yemen", "rebels", "houthis"),
    ("afghanistan", "insurgents", "taliban"), ("afghanistan", "the resistance", "nrf"),
    ("afghanistan", "terrorists", UNKNOWN), ("somalia", "clan militias", "macawisley"),
    ("somalia", "militants", "al_shabaab"), ("mozambique", "terrorists", "insurgents"), ("mozambique", "FDS", "fadm"),
    ("lake_chad", "the army", "government"), ("lake_chad", "insurgents", UNKNOWN), ("lake_chad", "vigilantes",
                                                                                    "government"),
])
def test_generic_word_means_its_faction_in_the_theatre(theatre: str, word: str, faction: str) -> None:
    found = packaged_theatres()[theatre]
    assert found.faction_of(word) == faction
    assert found.faction_of(word, generic=False) is None


def test_sides_group_allies() -> None:
    theatres = packaged_theatres()
    assert theatres["sahel"].sides["aes"] == ("fama", "burkina_army", "niger_army")
    assert set(theatres["drc"].sides["government"]) == {"fardc", "wazalendo"}
    assert theatres["ethiopia"].faction("eritrea").side != theatres["ethiopia"].faction("tplf").side


# --- colours --------------------------------------------------------------------------

@pytest.mark.parametrize("lab1,lab2,expected", [
    # Sharma, Wu and Dalal (2005), table 1.
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0009), 7.1792),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((90.9257, -0.5406, -0.9208), (88.6381, -0.8985, -0.7239), 1.5381),
])
def test_ciede2000_matches_the_published_test_data(lab1: tuple[float, float, float],
                                                   lab2: tuple[float, float, float], expected: float) -> None:
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)


def test_lab_conversion_and_near_duplicates() -> None:
    assert hex_to_lab("#FFFFFF")[0] == pytest.approx(100.0, abs=1e-3)
    assert hex_to_lab("#000000") == pytest.approx((0.0, 0.0, 0.0), abs=1e-9)
    assert hex_to_lab("#D55E00") == pytest.approx((54.19, 43.27, 63.28), abs=0.01)
    assert delta_e("#D55E00", "#D65F00") < 1.0
    assert delta_e("#CC79A7", "#999999", "deuteranopia") < MIN_DELTA_E_DICHROMAT  # why the Myanmar wine


@pytest.mark.parametrize("theatre", sorted(CONTRACT))
def test_colours_are_distinct_within_the_theatre(theatre: str) -> None:
    colours = packaged_theatres()[theatre].colours
    for (f1, c1), (f2, c2) in itertools.combinations(colours.items(), 2):
        assert delta_e(c1, c2) >= MIN_DELTA_E, (f1, f2)
        for deficiency in ("protanopia", "deuteranopia", "tritanopia"):
            assert delta_e(c1, c2, deficiency) >= MIN_DELTA_E_DICHROMAT, (f1, f2, deficiency)


# --- inference ------------------------------------------------------------------------

@pytest.mark.parametrize("codes,expected", [
    ({"UA": 5, "RU": 2}, "ukraine"),
    ({"SD": 3}, "sudan"),
    ({"SY": 4, "TR": 1}, "syria"),
    ({"RU": 3}, "ukraine"),
    ({"ML": 2, "BF": 3, "NE": 1}, "sahel"),
    ({"CD": 1, "RW": 5}, "drc"),
    ({"SY": 2, "IQ": 1}, "syria"),
    ({"sd": 2, "TD": 0}, "sudan"),
    ({"IQ": 2, "SY": 2, "IR": 1}, "iraq"),
    ({"AF": 3, "PK": 1}, "afghanistan"),
    ({"SO": 2, "KE": 1}, "somalia"),
    ({"MZ": 2, "TZ": 1, "RW": 1}, "mozambique"),
    ({"NG": 3, "CM": 1, "TD": 1}, "lake_chad"),
])
def test_theatre_for_countries(codes: dict[str, int], expected: str) -> None:
    found = theatre_for_countries(codes)
    assert found is not None and found.id == expected


def test_theatre_for_countries_takes_a_counter() -> None:
    found = theatre_for_countries(Counter(["MM", "MM", "TH"]))
    assert found is not None and found.id == "myanmar"


@pytest.mark.parametrize("codes", [{}, {"TR": 3}, {"FR": 2, "US": 1}, {"SD": 0}, {"SD": -2}])
def test_no_theatre_without_weight_on_its_countries(codes: dict[str, int]) -> None:
    assert theatre_for_countries(codes) is None


def test_an_exact_tie_picks_no_theatre() -> None:
    # Syria has IQ as context and Iraq has SY: equal on both counts.
    assert theatre_for_countries({"SY": 1, "IQ": 1}) is None


def test_the_more_specific_theatre_wins_and_candidates_can_be_given(tmp_path: Path) -> None:
    kursk = load_theatre(write(tmp_path, replaced('countries = ["SD"]\ncontext_countries = ["TD"]',
                                                  'countries = ["RU"]')))
    ukraine = packaged_theatres()["ukraine"]
    assert theatre_for_countries({"RU": 3}, [ukraine, kursk]) is kursk
    assert theatre_for_countries({"RU": 3, "UA": 1}, {"a": ukraine, "b": kursk}) is ukraine


# --- names and paths ------------------------------------------------------------------

def test_theatre_named_takes_an_id_or_a_path(tmp_path: Path) -> None:
    assert theatre_named("sudan") is packaged_theatres()["sudan"]
    assert theatre_named("Sudan").id == "sudan"
    path = write(tmp_path, VALID)
    assert theatre_named(path).id == "testwar"
    assert theatre_named(str(path)).id == "testwar"


def test_theatre_named_rejects_an_unknown_name() -> None:
    with pytest.raises(TheatreError) as info:
        theatre_named("atlantis")
    message = str(info.value)
    assert "'atlantis'" in message and "sudan" in message and ".toml" in message and "\n" not in message


# --- the loader's checks --------------------------------------------------------------

def test_the_valid_example_loads(tmp_path: Path) -> None:
    theatre = load_theatre(write(tmp_path, VALID))
    assert isinstance(theatre, Theatre)
    assert theatre.faction_ids == ("saf", "rsf", UNKNOWN)
    assert theatre.faction("rsf").side == "rsf"  # side defaults to the faction's own id
    assert theatre.faction("saf").side == "government"
    assert theatre.faction_of("the army") == "saf" and theatre.faction_of("RSF") == "rsf"
    assert theatre.context_countries == ("TD",) and theatre.baseline is None


def test_defaults_unknown_added_and_duplicates_dropped(tmp_path: Path) -> None:
    text = (VALID.replace("stale_after_days = 90\n", "")
            .replace('[factions.unknown]\nlabel = "Unknown"\ncolour = "#999999"\n', "")
            .replace('"Sudanese army", "SAF"]', '"Sudanese army", "SAF", "SAF", "sudanese-army"]'))
    theatre = load_theatre(write(tmp_path, text))
    assert theatre.stale_after_days == 120
    assert theatre.faction(UNKNOWN).colour == UNKNOWN_COLOUR
    assert theatre.faction("saf").aliases == ("Sudanese army", "SAF", "sudanese-army")


def test_baseline_is_resolved_against_the_file(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "base.csv").write_text("place,controller,as_of,source\n", encoding="utf-8")
    theatre = load_theatre(write(tmp_path, 'baseline = "data/base.csv"\n' + VALID))
    assert theatre.baseline == (tmp_path / "data" / "base.csv").resolve()


MALFORMED = [
    # (case, old text, new text, key named in the message, fix named in the message)
    ("missing key", 'government = "saf"\n', "", "government is missing", "add it"),
    ("top-level typo", "stale_after_days = 90", "stale_after_day = 90", "stale_after_day is not a known key",
     "did you mean 'stale_after_days'"),
    ("faction typo", 'colour = "#D55E00"', 'color = "#D55E00"', "factions.rsf.color is not a known key",
     "did you mean 'colour'"),
    ("missing colour", 'colour = "#D55E00"\n', "", "factions.rsf.colour is missing", "add it"),
    ("theatre id", 'id = "testwar"', 'id = "Test War"', "id 'Test War' is not a valid theatre id",
     "'test_war'"),
    ("faction id", "[factions.rsf]", "[factions.RSF]", "factions.RSF", "lower-case letters"),
    ("faction id digit", "[factions.rsf]", "[factions.23rd]", "factions.23rd", "not starting with a digit"),
    ("government undeclared", 'government = "saf"', 'government = "army"',
     "government 'army' is not a declared faction", "use one of saf, rsf"),
    ("government unknown", 'government = "saf"', 'government = "unknown"',
     "government 'unknown' is not a declared faction", "use one of saf, rsf"),
    ("short colour", 'colour = "#D55E00"', 'colour = "#12"', "factions.rsf.colour '#12' is not a #RRGGBB colour",
     "write it as '#D55E00'"),
    ("named colour", 'colour = "#D55E00"', 'colour = "red"', "factions.rsf.colour 'red'", "#RRGGBB"),
    ("colour twice", 'colour = "#D55E00"', 'colour = "#0072b2"', "factions.rsf.colour '#0072B2'",
     "already the colour of factions.saf"),
    ("unknown colour", 'colour = "#999999"', 'colour = "#888888"', "factions.unknown.colour '#888888'",
     "'#999999'"),
    ("empty alias", '"Rapid Support Forces", "RSF"', '"Rapid Support Forces", " "', "factions.rsf.aliases[1]",
     "non-empty string"),
    ("number alias", '"Rapid Support Forces", "RSF"', '23, "RSF"', "factions.rsf.aliases[0] 23",
     "non-empty string"),
    ("aliases not a list", 'aliases = ["Rapid Support Forces", "RSF"]', 'aliases = "RSF"', "factions.rsf.aliases",
     "is not a list"),
    ("alias of two factions", '"Rapid Support Forces", "RSF"', '"Rapid Support Forces", "sudanese-Army"',
     "factions.rsf.aliases[1] 'sudanese-Army' is also an alias of factions.saf", "keep it in one of them"),
    ("label twice", 'label = "Paramilitary"', 'label = "Army"', "factions.rsf.label 'Army'",
     "already the label of factions.saf"),
    ("side", 'side = "government"', 'side = "Government side"', "factions.saf.side 'Government side'",
     "'government_side'"),
    ("lower-case country", 'countries = ["SD"]', 'countries = ["sd"]', "countries[0] 'sd'",
     "write it upper-case: 'SD'"),
    ("invalid country", 'countries = ["SD"]', 'countries = ["SD", "XX"]', "countries[1] 'XX'",
     "ISO 3166-1 alpha-2"),
    ("alpha-3 country", 'countries = ["SD"]', 'countries = ["SDN"]', "countries[0] 'SDN'", "such as 'SY'"),
    ("country twice", 'countries = ["SD"]', 'countries = ["SD", "SD"]', "countries[1] 'SD' is listed twice",
     "list it once"),
    ("no countries", 'countries = ["SD"]', "countries = []", "countries is empty", "ISO codes"),
    ("countries not a list", 'countries = ["SD"]', 'countries = "SD"', "countries 'SD' is not a list",
     '["SY", "TR"]'),
    ("context overlaps", 'context_countries = ["TD"]', 'context_countries = ["TD", "SD"]',
     "context_countries[1] 'SD' is also in countries", "list it once"),
    ("zero days", "stale_after_days = 90", "stale_after_days = 0", "stale_after_days 0",
     "stale_after_days = 120"),
    ("negative days", "stale_after_days = 90", "stale_after_days = -5", "stale_after_days -5",
     "positive whole number"),
    ("days as text", "stale_after_days = 90", 'stale_after_days = "90"', "stale_after_days '90'",
     "positive whole number"),
    ("days as float", "stale_after_days = 90", "stale_after_days = 1.5", "stale_after_days 1.5",
     "positive whole number"),
    ("days as bool", "stale_after_days = 90", "stale_after_days = true", "stale_after_days True",
     "positive whole number"),
    ("generic undeclared", '"the army" = "saf"', '"the army" = "army"',
     "generic.\"the army\" = 'army' is not a declared faction", "use one of saf, rsf, unknown"),
    ("generic is an alias", 'rebels = "rsf"', '"Rapid-Support forces" = "rsf"',
     'generic."Rapid-Support forces" is also an alias of factions.rsf', "keep it in one place"),
    ("generic twice", 'rebels = "rsf"', 'rebels = "rsf"\nREBELS = "saf"', "generic.REBELS",
     "is the same word as generic.rebels"),
    ("generic not a table", 'government = "saf"', 'government = "saf"\ngeneric = ["rebels"]',
     "is not valid TOML", "fix the syntax"),  # a second `generic` with the [generic] table below
    ("syntax error", 'name = "Test war"', 'name = "Test war', "is not valid TOML", "line 2"),
    ("duplicate TOML key", 'name = "Test war"', 'name = "Test war"\nname = "Again"', "is not valid TOML",
     "fix the syntax"),
    ("absolute baseline", 'id = "testwar"', 'id = "testwar"\nbaseline = "/nonexistent/base.csv"',
     "baseline '/nonexistent/base.csv' is an absolute path", "relative to the theatre file's folder"),
    ("missing baseline", 'id = "testwar"', 'id = "testwar"\nbaseline = "base.csv"',
     "baseline 'base.csv' does not exist", "relative to the theatre file's folder"),
    ("lower-case faction country", 'side = "government"', 'side = "government"\ncountry = "sd"',
     "factions.saf.country 'sd' is not an ISO 3166-1 alpha-2 country code", "write it upper-case: 'SD'"),
    ("faction country a list", 'side = "government"', 'side = "government"\ncountry = ["SD"]',
     "factions.saf.country ['SD'] is not an ISO 3166-1 alpha-2 country code", "such as 'ML'"),
    ("outlet undeclared", 'rebels = "rsf"', 'rebels = "rsf"\n\n[outlets]\nSUNA = "army"',
     "outlets.SUNA = 'army' is not a declared faction", "use one of saf, rsf"),
    ("outlet unknown", 'rebels = "rsf"', 'rebels = "rsf"\n\n[outlets]\nSUNA = "unknown"',
     "outlets.SUNA = 'unknown' is not a declared faction", "use one of saf, rsf"),
    ("outlet twice", 'rebels = "rsf"', 'rebels = "rsf"\n\n[outlets]\nSUNA = "saf"\n"suna" = "rsf"',
     'outlets.suna is the same outlet as outlets.SUNA', "keep one of them"),
    ("outlet without a name", 'rebels = "rsf"', 'rebels = "rsf"\n\n[outlets]\n" - " = "saf"',
     'outlets." - " is an empty outlet name', "remove it"),
]


@pytest.mark.parametrize("case,old,new,key,fix", MALFORMED, ids=[c[0] for c in MALFORMED])
def test_a_malformed_file_gives_one_line_naming_file_key_and_fix(tmp_path: Path, case: str, old: str, new: str,
                                                                key: str, fix: str) -> None:
    path = write(tmp_path, replaced(old, new), "bad war.toml")
    with pytest.raises(TheatreError) as info:
        load_theatre(path)
    message = str(info.value)
    assert message.startswith(f"theatre file {path}: "), message
    assert "\n" not in message
    assert key in message, message
    assert fix in message, message


def test_a_scalar_where_a_table_belongs_is_named(tmp_path: Path) -> None:
    text = VALID.split("[generic]")[0].replace('government = "saf"\n', 'government = "saf"\ngeneric = ["rebels"]\n')
    with pytest.raises(TheatreError, match=r"generic \['rebels'\] is not a table; write it as \[generic\]"):
        load_theatre(write(tmp_path, text))


def test_a_factions_scalar_is_named(tmp_path: Path) -> None:
    text = VALID.split("[factions.saf]")[0].replace('government = "saf"\n', 'government = "saf"\nfactions = 3\n')
    with pytest.raises(TheatreError, match=r"factions is not a table of factions; add \[factions.<id>\]"):
        load_theatre(write(tmp_path, text))


def test_an_unreadable_file_is_a_theatre_error(tmp_path: Path) -> None:
    with pytest.raises(TheatreError, match=r"missing\.toml: cannot be read .*check the path"):
        load_theatre(tmp_path / "missing.toml")
    bad = tmp_path / "latin1.toml"
    bad.write_bytes(VALID.replace("Test war", "Guerre d\u00e9").encode("latin-1"))
    with pytest.raises(TheatreError, match="is not UTF-8 text; save it as UTF-8"):
        load_theatre(bad)


def test_theatre_error_is_in_the_error_hierarchy() -> None:
    assert issubclass(TheatreError, GeoError) and issubclass(TheatreError, ValueError)


def test_the_documented_example_loads(tmp_path: Path) -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "theatres.md").read_text(encoding="utf-8")
    example = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    theatre = load_theatre(write(tmp_path, example, "karabakh.toml"))
    assert theatre.faction_of("Azerbaijani troops") == "azerbaijan"
    assert theatre.faction_of("separatists") == "armenian"
    assert theatre.faction_of("the army") == UNKNOWN


@pytest.mark.parametrize(("text", "place", "kind", "gaining", "losing"), [
    ("CODECO militiamen seized the gold-mining town of Mongbwalu on Sunday after soldiers withdrew.", "Mongbwalu",
     "captured", "codeco", None),
    ("The Congolese army said it had retaken Djugu from CODECO fighters.", "Djugu", "regained", "fardc", "codeco"),
])
def test_ituri_militias_are_a_side_of_their_own(text: str, place: str, kind: str, gaining: str,
                                                losing: str | None) -> None:
    import datetime as dt

    from gazetteer.resolver import default_gazetteer
    from tests.probe import reader

    events = reader(dt.date(2025, 6, 1))(default_gazetteer(), text)
    assert any(e.place == place and e.kind == kind and e.actor_gaining == gaining
               and (losing is None or e.actor_losing == losing) for e in events), events


def test_a_state_s_officials_speak_for_it_unless_the_file_says_otherwise() -> None:
    saf = Faction(id="saf", label="SAF", colour="#000001", side="saf", aliases=("Sudanese army", "SAF"))
    rsf = Faction(id="rsf", label="RSF", colour="#000002", side="rsf", aliases=("Sudanese president",))
    chad = Faction(id="chad", label="Chad", colour="#000003", side="chad", aliases=("Chadian forces",))
    out = {f.id: f for f in with_officials((saf, rsf, chad), "saf", {"sudanese authorities"})}
    assert "Sudanese commander-in-chief" in out["saf"].officials and "Sudanese defence minister" in out["saf"].names
    assert "Sudanese president" not in out["saf"].officials  # the file gave it to the RSF
    assert "Sudanese authorities" not in out["saf"].officials  # a generic word of the file
    assert out["saf"].aliases == saf.aliases and out["rsf"].officials == ()
    assert out["chad"].officials == ()  # neither the government nor a state


def test_an_outlets_scalar_is_named(tmp_path: Path) -> None:
    text = VALID.split("[factions.saf]")[0] + 'outlets = "SUNA"\n[factions.saf]' + VALID.split("[factions.saf]")[1]
    with pytest.raises(TheatreError, match=r"outlets 'SUNA' is not a table; write it as \[outlets\]"):
        load_theatre(write(tmp_path, text))


# --- national armies and outlets -----------------------------------------------------

ALLIES = """\
id = "allies"
name = "Two allied armies and an insurgency"
countries = ["NG", "CM"]
government = "nigeria"

[factions.nigeria]
label = "Nigerian army"
colour = "#0072B2"
side = "states"
country = "NG"
aliases = ["Nigerian army"]

[factions.cameroon]
label = "Cameroonian army"
colour = "#56B4E9"
side = "states"
state = true
country = "CM"
aliases = ["Cameroonian army"]

[factions.jihadists]
label = "Jihadists"
colour = "#D55E00"
aliases = ["Boko Haram"]

[generic]
"the army" = "unknown"

[outlets]
"Cameroon Tribune" = "cameroon"
"""


def test_home_army_is_the_one_army_of_the_country_among_allies(tmp_path: Path) -> None:
    theatre = load_theatre(write(tmp_path, ALLIES))
    assert theatre.faction("cameroon").country == "CM"
    assert theatre.faction("jihadists").country is None
    assert (theatre.home_army("NG"), theatre.home_army("CM"), theatre.home_army("TD"), theatre.home_army(None)) \
        == ("nigeria", "cameroon", None, None)


def test_home_army_tells_nothing_where_armies_fight_each_other(tmp_path: Path) -> None:
    enemies = load_theatre(write(tmp_path, ALLIES.replace('side = "states"\nstate = true', 'side = "cameroon"')))
    assert enemies.home_army("NG") is None and enemies.home_army("CM") is None
    theatres = packaged_theatres()
    assert [theatres["sahel"].home_army(c) for c in ("ML", "BF", "NE")] == ["fama", "burkina_army", "niger_army"]
    assert theatres["ukraine"].home_army("UA") is None  # Russia's army fights in Ukraine
    assert theatres["libya"].home_army("LY") is None  # the GNA's forces and the LNA both call themselves the army
    assert theatres["yemen"].home_army("YE") is None


@pytest.mark.parametrize(("source", "side"), [
    ("Cameroon Tribune", "cameroon"), ("cameroon-tribune", "cameroon"), ("The Cameroon Tribune (Yaounde)", "cameroon"),
    ("Tribune", None), ("Cameroon Tribunes", None), (None, None), ("", None),
])
def test_an_outlet_is_named_by_its_whole_words_in_the_source(tmp_path: Path, source: str | None,
                                                             side: str | None) -> None:
    assert load_theatre(write(tmp_path, ALLIES)).outlet_side(source) == side


@pytest.mark.parametrize(("theatre", "source", "side"), [
    ("yemen", "Saba", "houthis"), ("yemen", "Saba News Agency", "houthis"), ("yemen", "Reuters", None),
    ("ukraine", "TASS", "russia"), ("ukraine", "Ukrinform", "ukraine"), ("sahel", "ORTM", "fama"),
    ("sahel", "Agence d'Information du Burkina", "burkina_army"), ("sahel", "AFP", None),
])
def test_packaged_outlets(theatre: str, source: str, side: str | None) -> None:
    assert packaged_theatres()[theatre].outlet_side(source) == side
