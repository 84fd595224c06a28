"""The wars the wire corpus writes about: countries, publication dates, datelines, sides and their names."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "Theatre", "THEATRES", "NAMES", "VOICES", "MONITORS", "OUTLETS",
]


@dataclass(frozen=True)
class Theatre:
    countries: tuple[str, ...]
    limit: int  # this many most populous settlements per country
    spans: tuple[tuple[str, str, float], ...]  # publication date ranges (ISO) and weights
    datelines: tuple[str, ...]
    sides: tuple[tuple[str, str, float], ...]  # (attacker key, defender key, weight)
    background: tuple[str, ...]


THEATRES: dict[str, tuple[float, Theatre]] = {
    "SY": (0.70, Theatre(("SY",), 400, (("2024-11-27", "2024-12-12", 0.35), ("2012-03-01", "2025-06-30", 0.65)),
                          ("BEIRUT", "DAMASCUS", "AMMAN", "ISTANBUL", "ANKARA", "ALEPPO", "IDLIB", "GAZIANTEP",
                           "QAMISHLI", "GENEVA", "CAIRO"),
                          (("opposition", "government", 0.46), ("government", "opposition", 0.22),
                           ("sna", "sdf", 0.1), ("sdf", "islamic_state", 0.08), ("islamic_state", "government", 0.07),
                           ("sdf", "sna", 0.07)),
                          ("The war in Syria began in 2011 with a crackdown on protests against President Bashar "
                           "al-Assad and has killed more than half a million people.",
                           "Russia and Iran, Assad's main allies, have been stretched by conflicts elsewhere, analysts "
                           "say, and Turkey backs several of the armed factions in the north.",
                           "More than half of Syria's pre-war population has been displaced, and millions live in "
                           "camps along the Turkish border."))),
    "UA": (0.06, Theatre(("UA",), 160, (("2022-02-24", "2025-06-30", 1.0),), ("KYIV", "KHARKIV", "DNIPRO", "MOSCOW"),
                          (("ua_ru", "ua_ua", 0.65), ("ua_ua", "ua_ru", 0.35)),
                          ("Russia launched its full-scale invasion of Ukraine in February 2022.",
                           "Neither side's battlefield accounts could be independently verified."))),
    "SD": (0.05, Theatre(("SD",), 90, (("2023-04-15", "2025-06-30", 1.0),), ("PORT SUDAN", "NAIROBI", "CAIRO"),
                          (("sd_rsf", "sd_army", 0.55), ("sd_army", "sd_rsf", 0.45)),
                          ("The war between the army and the paramilitary Rapid Support Forces erupted in April "
                           "2023 and has displaced more than 10 million people.",))),
    "MM": (0.04, Theatre(("MM",), 120, (("2021-03-01", "2025-06-30", 1.0),), ("YANGON", "BANGKOK"),
                          (("mm_res", "mm_junta", 0.7), ("mm_junta", "mm_res", 0.3)),
                          ("The military ousted an elected government in February 2021, and armed resistance has "
                           "spread across much of the country since.",))),
    "YE": (0.03, Theatre(("YE",), 60, (("2015-03-26", "2022-04-01", 1.0),), ("ADEN", "DUBAI", "RIYADH"),
                          (("ye_houthi", "ye_gov", 0.6), ("ye_gov", "ye_houthi", 0.4)),
                          ("A Saudi-led coalition intervened in the war in March 2015.",))),
    "LY": (0.03, Theatre(("LY",), 70, (("2014-06-01", "2020-06-30", 1.0),), ("TRIPOLI", "BENGHAZI", "TUNIS"),
                          (("ly_lna", "ly_gna", 0.55), ("ly_gna", "ly_lna", 0.45)),
                          ("The country has been split between rival administrations in the east and west.",))),
    "CD": (0.03, Theatre(("CD",), 90, (("2022-03-01", "2025-06-30", 1.0),), ("GOMA", "KINSHASA", "KIGALI"),
                          (("cd_m23", "cd_army", 0.7), ("cd_army", "cd_m23", 0.3)),
                          ("The east of the country has been torn by armed groups for three decades.",))),
    "ML": (0.03, Theatre(("ML", "BF"), 60, (("2012-02-01", "2024-12-31", 1.0),), ("BAMAKO", "DAKAR", "OUAGADOUGOU"),
                          (("sh_jih", "sh_army", 0.6), ("sh_army", "sh_jih", 0.4)),
                          ("Insurgencies that began in the north have spread across the Sahel since 2012.",))),
    "ET": (0.02, Theatre(("ET",), 90, (("2020-11-04", "2022-11-02", 1.0),), ("ADDIS ABABA", "NAIROBI"),
                          (("et_tplf", "et_army", 0.5), ("et_army", "et_tplf", 0.5)),
                          ("The war in the north began in November 2020.",))),
    "SO": (0.01, Theatre(("SO",), 50, (("2011-01-01", "2024-12-31", 1.0),), ("MOGADISHU", "NAIROBI"),
                          (("so_shabab", "so_army", 0.5), ("so_army", "so_shabab", 0.5)),
                          ("The militants have fought the government for more than 15 years.",))),
}

#: Names as an agency writes them; the gold faction is the key (``unknown`` for other wars).
NAMES: dict[str, tuple[str, ...]] = {
    "government": ("government forces", "the Syrian army", "regime forces", "pro-government forces",
                   "government troops", "the army", "Syrian troops", "Assad's forces", "the Syrian Arab Army",
                   "troops loyal to President Bashar al-Assad", "pro-regime militias"),
    "opposition": ("rebels", "rebel fighters", "HTS", "Hayat Tahrir al-Sham", "the Islamist group Hayat Tahrir "
                   "al-Sham (HTS)", "HTS-led rebels", "opposition fighters", "insurgents", "jihadist-led rebels",
                   "Islamist rebels", "the Free Syrian Army", "rebel factions", "anti-government forces"),
    "sna": ("Turkish-backed factions", "the Syrian National Army", "the Turkish-backed Syrian National Army (SNA)",
            "SNA fighters", "Turkish-backed rebels", "Ankara-backed factions"),
    "sdf": ("the SDF", "the Kurdish-led Syrian Democratic Forces", "Kurdish-led forces", "Kurdish fighters",
            "the YPG", "the US-backed SDF", "SDF fighters"),
    "islamic_state": ("Islamic State", "Islamic State militants", "the Islamic State group", "IS fighters", "ISIS",
                      "jihadists of the Islamic State group"),
    "ua_ru": ("Russian forces", "Russian troops", "Moscow's forces", "Russia's army"),
    "ua_ua": ("Ukrainian forces", "Ukraine's army", "Ukrainian troops", "Kyiv's forces"),
    "sd_rsf": ("the Rapid Support Forces (RSF)", "the paramilitary RSF", "RSF fighters", "the RSF"),
    "sd_army": ("the Sudanese army", "the army", "Sudan's armed forces", "army troops"),
    "mm_res": ("the Arakan Army", "resistance fighters", "ethnic armed groups", "the Three Brotherhood Alliance",
               "rebels"),
    "mm_junta": ("the junta", "the military", "junta troops", "the army"),
    "ye_houthi": ("Houthi fighters", "the Houthis", "Houthi rebels", "the Iran-aligned Houthis"),
    "ye_gov": ("government forces", "pro-government forces", "Saudi-backed forces", "government troops"),
    "ly_lna": ("the Libyan National Army (LNA)", "forces loyal to Khalifa Haftar", "Haftar's forces"),
    "ly_gna": ("forces of the Tripoli government", "GNA forces", "government forces"),
    "cd_m23": ("M23 rebels", "the M23", "rebels"),
    "cd_army": ("Congolese troops", "the Congolese army", "government forces", "the army"),
    "sh_jih": ("jihadists", "militants linked to al-Qaeda", "insurgents", "JNIM fighters"),
    "sh_army": ("the army", "soldiers", "government troops", "the military"),
    "et_tplf": ("Tigrayan forces", "the Tigray People's Liberation Front (TPLF)", "TPLF fighters"),
    "et_army": ("federal troops", "Ethiopian forces", "the Ethiopian army", "government forces"),
    "so_shabab": ("al-Shabab", "al-Shabab militants", "the militants"),
    "so_army": ("Somali troops", "government forces", "the army", "African Union troops"),
}
#: Voices of a side that make a report its claim (beside "<its name> said in a statement").
VOICES: dict[str, tuple[str, ...]] = {
    "government": ("state media reported", "the defence ministry said", "the official news agency SANA reported"),
    "opposition": ("HTS said on its Telegram channel", "the rebels' operations command said",
                   "a rebel commander said"),
    "sdf": ("an SDF spokesman said",), "islamic_state": ("the group's Amaq news agency claimed",),
}
MONITORS = {"SY": ("the Syrian Observatory for Human Rights said", "a war monitor said", "activists said",
                    "according to the Syrian Observatory for Human Rights", "according to a war monitor",
                    "the Britain-based Syrian Observatory for Human Rights reported", "residents said",
                    "local sources said"),
             "": ("residents said", "local officials said", "witnesses said", "a security source said",
                  "according to residents", "according to local officials",
                  "aid workers said")}
OUTLETS = (("Meridian Wire", "Meridian"), ("Levant Press Agency", "LPA"), ("Northbridge News", "Northbridge"),
            ("Continental News Service", "CNS"), ("Horizon Agency", "Horizon"), ("The Daily Courier", ""),
            ("Global Dispatch", "GD"), ("Eastern Mediterranean Wire", "EMW"))
