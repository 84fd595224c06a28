"""A state outlet's own voice is its side's claim (issue 16).

Every sentence here was written for these tests (the places are real, the events need not be).
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract.voice import state_voice
from geo.theatres import packaged_theatres
from tests.probe import reader

read = reader(dt.date(2024, 11, 30), source=None)


@pytest.mark.parametrize(("text", "source", "place", "side"), [
    ("MOSCOW, November 30. /TASS/. Units of the Center battlegroup have liberated the settlement of Novohrodivka "
     "in the Donetsk People's Republic.", None, "Novohrodivka", "russia"),
    ("Port Sudan, Nov. 30 (SUNA) - The Armed Forces have restored control over the town of Singa, the capital of "
     "Sennar State.", None, "Singa", "saf"),
    ("Army units restored control over the town of Morek in the northern countryside of Hama after fierce clashes "
     "with terrorists.", "SANA", "Morek", "government"),
    ("NAY PYI TAW, 30 Nov - Tatmadaw columns have regained full control of Nawnghkio in northern Shan State.",
     "Global New Light of Myanmar", "Nawnghkio", "junta"),
])
def test_a_state_outlets_own_statement_is_its_sides_claim(gz, text: str, source: str | None, place: str,
                                                         side: str) -> None:
    found = [e for e in read(gz, text, source=source) if e.place == place]
    assert found and {(e.stance, e.attributed_to) for e in found} == {("claimed", side)}


@pytest.mark.parametrize(("text", "source", "place"), [
    ("KYIV, Nov 30 (Reuters) - Russian forces have captured the town of Novohrodivka, Russia's defence ministry "
     "said, a claim Reuters could not verify.", None, "Novohrodivka"),
    ("Sudan's army recaptured the town of Singa on Saturday, residents said.", "Sudan Tribune", "Singa"),
])
def test_other_outlets_keep_their_stance(gz, text: str, source: str | None, place: str) -> None:
    found = [e for e in read(gz, text, source=source) if e.place == place]
    assert found and all(e.attributed_to not in ("russia", "saf") or e.stance == "claimed" for e in found)
    if source == "Sudan Tribune":
        assert {e.stance for e in found} == {"reported"}


def test_a_monitor_quoted_by_state_media_stays_reported(gz) -> None:
    text = ("Damascus, SANA - The Syrian Observatory for Human Rights said rebels had captured Saraqib on Friday. "
            "Army units restored control over Morek.")
    events = read(gz, text)
    assert {e.stance for e in events if e.place == "Saraqib"} == {"reported"}
    assert {e.stance for e in events if e.place == "Morek"} == {"claimed"}


def test_the_voice_speaks_for_a_faction_of_the_theatre() -> None:
    theatres = packaged_theatres()
    assert state_voice(None, "MOSCOW, May 2. /TASS/. ...", theatres["syria"]) == "government"
    assert state_voice(None, "MOSCOW, May 2. /TASS/. ...", theatres["ukraine"]) == "russia"
    assert state_voice("Invented (RTNC style)", "Goma - ...", theatres["drc"]) == "fardc"
    assert state_voice("AP", "BEIRUT (AP) - ...", theatres["syria"]) is None


@pytest.mark.parametrize(("text", "place", "side"), [
    ("Myanmar's junta retook Kyaukme in late October, the Global New Light of Myanmar said, while the TNLA said its "
     "fighters had pulled out to avoid civilian casualties.", "Kyaukme", "junta"),
    ("The army retook Bara in North Kordofan, SUNA said, while the RSF said its fighters had withdrawn to regroup.",
     "Bara", "saf"),
    ("Houthi forces seized the Raghwan district in Marib, Saba reported, while the government said fighting "
     "continued.", "Raghwan", "houthis"),
    ("Units of the Dnipro battlegroup liberated Petropavlivka, TASS reported, while Ukraine's General Staff said "
     "its troops still held positions in the village.", "Petropavlivka", "russia"),
])
def test_a_state_outlet_named_as_the_speaker_speaks_for_its_side(gz, text: str, place: str, side: str) -> None:
    """"X retook Kyaukme, the Global New Light of Myanmar said, while the TNLA said ...": the junta's claim, not the
    TNLA's (the next speaker's)."""
    found = [e for e in read(gz, text, source="Reuters") if e.place == place and e.kind in ("captured", "regained")]
    assert found and {(e.stance, e.attributed_to) for e in found} == {("claimed", side)}, found


def test_a_news_agency_that_is_no_side_s_keeps_the_report(gz) -> None:
    text = ("The army retook Bara in North Kordofan, Reuters reported, while the RSF said its fighters had withdrawn "
            "to regroup.")
    found = [e for e in read(gz, text, source="AFP") if e.place == "Bara" and e.kind == "regained"]
    assert found and {e.stance for e in found} == {"reported"}, found


@pytest.mark.parametrize(("text", "place", "side"), [
    ("SANAA, Dec. 5 (Saba) - The armed forces have regained control of the Haradh district in Hajjah province after "
     "fierce battles with mercenaries of the aggression coalition, the military spokesman said.", "Haradh district",
     "houthis"),
    ("OUAGADOUGOU, Dec. 5 (RTB) - The army has retaken the town of Djibo from terrorist groups.", "Djibo",
     "burkina_army"),
])
def test_an_outlet_named_in_the_dateline_speaks_as_its_source_field_would(gz, text: str, place: str,
                                                                          side: str) -> None:
    """"SANAA, Dec. 5 (Saba) -": the Houthis' agency, whose "armed forces" are theirs, with no source field."""
    found = [e for e in read(gz, text, source=None) if e.place == place]
    assert found and {(e.actor_gaining, e.stance, e.attributed_to) for e in found} == {(side, "claimed", side)}, found


def test_an_outlet_quoted_after_the_dateline_is_no_voice(gz) -> None:
    text = ("ADEN, Dec. 5 (Reuters) - Yemen's armed forces have regained control of the Haradh district, a government "
            "spokesman said, according to Saba.")
    found = [e for e in read(gz, text, source=None) if e.place == "Haradh district"]
    assert found and {e.actor_gaining for e in found} == {"government"}, found


@pytest.mark.parametrize(("text", "place", "side"), [
    ("The FLA, an alliance of Tuareg-led rebel groups, said it had taken control of the Anefis camp.", "Anefis camp",
     "fla"),
    ("The M23, a rebel group backed by Rwanda, said it had captured Walikale on Wednesday.", "Walikale", "m23"),
    ("The Arakan Army, one of the most powerful ethnic armed groups, said its fighters had seized Ann.", "Ann", "aa"),
])
def test_a_speaker_described_by_an_apposition_claims_what_it_says(gz, text: str, place: str, side: str) -> None:
    found = [e for e in read(gz, text, source="Reuters") if e.place == place]
    assert found and {(e.stance, e.attributed_to) for e in found} == {("claimed", side)}, found
