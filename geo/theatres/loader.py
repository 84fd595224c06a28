"""Theatres as data: read and check one TOML file per war, and pick the theatre of an article.

A theatre file (schema in ``docs/theatres.md``) names the war's countries, its factions
(label, colour, side, aliases), the incumbent government faction, what generic words
("the army", "rebels", "terrorists") mean there, and how many days a report stays fresh.
:func:`load_theatre` reads one file and checks all of it: a malformed file raises
:class:`TheatreError` with one line naming the file, the key and the fix.
:func:`packaged_theatres` loads the files shipped in this package (checked once, then kept
in the cache folder of :mod:`gazetteer.cache`, versioned by the files' and this package's
stamps, and read back by later processes), :func:`theatre_named`
takes an id or a path, and :func:`theatre_for_countries` infers the theatre of an article
from the countries of the places it names.

Names are compared folded (:func:`fold`): case-insensitively, with the typographic
apostrophe as ``'``, each hyphen as a space and runs of white space as one space; so
"Pro-Regime Forces" and "pro regime forces" are the same alias. Diacritics are kept
("Burkinabè" and "Burkinabe" are two spellings, both listed where both occur).
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import os
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NoReturn

from gazetteer.cache import KeyedFiles, cache_root, file_stamp
from geo.errors import GeoError
from geo.theatres.colour import HEX_COLOUR

__all__ = [
    "DEFAULT_STALE_AFTER_DAYS",
    "PACKAGE_DIR",
    "UNKNOWN",
    "UNKNOWN_COLOUR",
    "Faction",
    "Theatre",
    "TheatreError",
    "faction_styles",
    "fold",
    "known_factions",
    "load_theatre",
    "packaged_theatres",
    "theatre_for_countries",
    "theatre_named",
]

#: Days after which a report no longer counts as current, when a file does not say.
DEFAULT_STALE_AFTER_DAYS = 120
#: The faction every theatre has, for an actor the text does not identify.
UNKNOWN = "unknown"
#: The colour of :data:`UNKNOWN`, the same in every theatre.
UNKNOWN_COLOUR = "#999999"
#: The folder of the packaged theatre files.
PACKAGE_DIR = Path(__file__).resolve().parent

_ID = re.compile(r"[a-z_][a-z0-9_]*")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_TOP_KEYS = ("id", "name", "countries", "context_countries", "stale_after_days", "government", "baseline",
             "factions", "generic", "outlets")
_TOP_REQUIRED = ("id", "name", "countries", "government", "factions")
_FACTION_KEYS = ("label", "colour", "side", "aliases", "state", "country")
_FACTION_REQUIRED = ("label", "colour")

#: ISO 3166-1 alpha-2 codes, plus XK (Kosovo), which GeoNames and the gazetteer use.
_ISO_COUNTRIES = frozenset("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY
BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM
FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT
JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN
MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT
PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL
TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW
""".split())

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "‐": "-", "‑": "-"})


class TheatreError(GeoError, ValueError):
    """A theatre file cannot be read or is malformed, or a theatre name is unknown.

    The message is one line naming the file, the key and the fix.
    """


@functools.lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Return the key under which two spellings of a name count as the same.

    Memoised: the extraction folds the same faction names as written in every sentence.

    Parameters
    ----------
    name : str
        An alias or a generic word as written.

    Returns
    -------
    str
        *name* in lower case ('İ', 'ı' and 'ſ' as 'i', 'i' and 's'), typographic
        apostrophes as ``'``, hyphens as spaces, white space collapsed and stripped.
    """
    text = name.translate(_APOSTROPHES).replace("İ", "i").lower().replace("ı", "i").replace("ſ", "s")
    return " ".join(text.replace("-", " ").split())


@dataclass(frozen=True, slots=True)
class Faction:
    """One faction of a theatre.

    Attributes
    ----------
    id : str
        The canonical id (``[a-z_][a-z0-9_]*``), used in events, states and exports.
    label : str
        The name shown in map legends.
    colour : str
        ``#RRGGBB`` (upper case), unique within the theatre.
    side : str
        The group the faction fights with (e.g. ``"government"``), or its own id when it
        stands alone.
    aliases : tuple of str
        Names, spellings, abbreviations, units and leaders' forces that mean this faction
        in this theatre, as written in the file (duplicates removed).
    state : bool
        The armed forces of a state (the incumbent government's, or a foreign state's in an
        interstate war, such as Russia's in Ukraine): ACLED's "State forces".
    officials : tuple of str
        Names of the officials who speak for a state's forces, derived from its aliases
        (:func:`with_officials`), not written in the file.
    country : str or None
        The ISO 3166-1 alpha-2 code of the country whose national army the faction is or claims
        to be (Mali's for FAMa; Libya's for the GNA's forces and the LNA alike); None for an armed
        group of no state.
    """

    id: str
    label: str
    colour: str
    side: str
    aliases: tuple[str, ...] = ()
    state: bool = False
    officials: tuple[str, ...] = ()
    country: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Every name that means this faction: its aliases, then its officials."""
        return self.aliases + self.officials


@dataclass(frozen=True)
class Theatre:
    """One war: its countries, factions, generic words and staleness window.

    Attributes
    ----------
    id : str
        The theatre id (``syria``, ``ukraine``...), as given to ``--theatre``.
    name : str
        A human-readable name.
    countries : tuple of str
        ISO 3166-1 alpha-2 codes of the countries where the war is fought.
    context_countries : tuple of str
        Neighbours and outside parties whose places articles name; they count for less
        when the theatre of an article is inferred (:func:`theatre_for_countries`).
    stale_after_days : int
        Days after which the newest report on a place no longer counts as current.
    government : str
        The id of the incumbent government faction.
    factions : tuple of Faction
        In the order of the file; :data:`UNKNOWN` is always among them.
    generic : tuple of (str, str)
        Generic words as written and the faction id they mean in this theatre.
    baseline : pathlib.Path or None
        The baseline CSV of control before the first event, resolved against the
        theatre file's folder.
    source : pathlib.Path or None
        The file the theatre was read from.
    outlets : tuple of (str, str)
        Outlets as named in an article's source field and the faction whose usage each follows
        (a side's own media call its forces "the army"): :meth:`outlet_side`.
    """

    id: str
    name: str
    countries: tuple[str, ...]
    context_countries: tuple[str, ...]
    stale_after_days: int
    government: str
    factions: tuple[Faction, ...]
    generic: tuple[tuple[str, str], ...] = ()
    baseline: Path | None = None
    source: Path | None = None
    outlets: tuple[tuple[str, str], ...] = ()
    _by_id: Mapping[str, Faction] = field(init=False, repr=False, compare=False, hash=False)
    _aliases: Mapping[str, str] = field(init=False, repr=False, compare=False, hash=False)
    _generic: Mapping[str, str] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {f.id: f for f in self.factions})
        aliases: dict[str, str] = {}
        for faction in self.factions:
            for alias in faction.names:
                aliases.setdefault(fold(alias), faction.id)
        object.__setattr__(self, "_aliases", aliases)
        object.__setattr__(self, "_generic", {fold(word): fid for word, fid in self.generic})

    @property
    def faction_ids(self) -> tuple[str, ...]:
        """The faction ids, in the order of the file."""
        return tuple(f.id for f in self.factions)

    @property
    def colours(self) -> dict[str, str]:
        """Faction id -> ``#RRGGBB``."""
        return {f.id: f.colour for f in self.factions}

    @property
    def labels(self) -> dict[str, str]:
        """Faction id -> legend label."""
        return {f.id: f.label for f in self.factions}

    @property
    def sides(self) -> dict[str, tuple[str, ...]]:
        """Side -> the ids of the factions on it, in the order of the file."""
        sides: dict[str, list[str]] = {}
        for faction in self.factions:
            sides.setdefault(faction.side, []).append(faction.id)
        return {side: tuple(ids) for side, ids in sides.items()}

    def faction(self, faction_id: str) -> Faction:
        """Return the faction *faction_id*.

        Raises
        ------
        KeyError
            When the theatre has no such faction.
        """
        return self._by_id[faction_id]

    def alias_table(self) -> dict[str, str]:
        """Return folded alias -> faction id, for every alias of every faction."""
        return dict(self._aliases)

    def generic_table(self) -> dict[str, str]:
        """Return folded generic word -> faction id."""
        return dict(self._generic)

    def home_army(self, country: str | None) -> str | None:
        """Return the army a bare "the army" acting in *country* is, or None when the theatre cannot tell.

        That is the one faction whose ``country`` is *country*, when the theatre's national
        armies (its factions with a country) all fight on one side: allies each fighting at home,
        as Mali's, Burkina Faso's and Niger's armies. Where national armies fight each other (Russia's
        and Ukraine's), one may fight in the other's country, so the place tells nothing: None.

        Parameters
        ----------
        country : str or None
            The ISO code of the country of the place the army acts on.
        """
        armies = [f for f in self.factions if f.country is not None]
        if not country or len({f.side for f in armies}) != 1:
            return None
        home = [f.id for f in armies if f.country == country]
        return home[0] if len(home) == 1 else None

    def outlet_side(self, source: str | None) -> str | None:
        """Return the faction whose usage an article's source follows, or None when no declared outlet is named.

        Parameters
        ----------
        source : str or None
            The article's source field ("Saba", "Saba News Agency"); an outlet counts when its
            name stands in it as whole words, compared folded.
        """
        if not source or not self.outlets:
            return None
        written = _spaced_words(source)
        return next((faction for name, faction in self.outlets if _spaced_words(name) in written), None)

    def faction_of(self, name: str, *, generic: bool = True) -> str | None:
        """Return the faction a name means in this theatre, or None when the theatre does not know it.

        Parameters
        ----------
        name : str
            A name as written ("Rapid Support Forces", "the army"); compared folded.
        generic : bool, default True
            Whether generic words count too (an alias wins over a generic word).
        """
        key = fold(name)
        found = self._aliases.get(key)
        if found is None and generic:
            found = self._generic.get(key)
            if found is None and key in _GOVERNMENT_WORDS:  # what no theatre file needs to say: "the government"
                # a war in several countries with allied national armies (the Sahel's): whose government the
                # place tells (home_army); one country's war (with foreign allies, as Mozambique's): its government
                found = UNKNOWN if len(self.countries) > 1 and self.home_army(self.countries[0]) is not None else \
                    self.government
        return found


#: Words that mean the incumbent government's side in any war, unless a theatre's own words say otherwise:
#: "troops loyal to the government", "pro-government militias", "police units entered the city".
GOVERNMENT_WORDS: tuple[str, ...] = (
    "the government", "government forces", "government troops", "government soldiers",
    "pro-government forces", "pro-government troops", "pro-government fighters", "pro-government militias",
    "pro-government militia", "pro-government militiamen", "pro-government gunmen", "the police",
    "police units", "policemen", "police officers", "riot police")
_GOVERNMENT_WORDS = frozenset(fold(w) for w in GOVERNMENT_WORDS)


def _spaced_words(text: str) -> str:
    """Return the words of *text*, folded, each between single spaces ("Saba News-Agency" -> " saba news agency ")."""
    return f" {' '.join(_WORD.findall(fold(text)))} "


_WORD = re.compile(r"[^\W_]+")


class _Checker:
    """Raise :class:`TheatreError` for one file, in the one-line form."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, message: str) -> NoReturn:
        raise TheatreError(f"theatre file {self.path}: {message}")

    def keys(self, table: Mapping[str, Any], where: str, allowed: tuple[str, ...],
             required: tuple[str, ...]) -> None:
        for key in table:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                self.fail(f"{_join(where, key)} is not a known key; {hint}the keys are {', '.join(allowed)}")
        for key in required:
            if key not in table:
                self.fail(f"{_join(where, key)} is missing; add it (see docs/theatres.md)")

    def text(self, value: Any, key: str) -> str:
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{key} {_show(value)} is not a non-empty string; write it as a quoted name")
        return value.strip()

    def ident(self, value: Any, key: str, what: str, *, is_key: bool = False) -> str:
        if not isinstance(value, str) or not _ID.fullmatch(value):
            shown = key if is_key else f"{key} {_show(value)}"
            self.fail(f"{shown} is not a valid {what}; use lower-case letters, digits and "
                      f"underscores, not starting with a digit (e.g. {_suggest_id(value)!r})")
        return value

    def country(self, value: Any, key: str) -> str:
        if not isinstance(value, str) or value not in _ISO_COUNTRIES:
            fix = (f"write it upper-case: '{value.upper()}'"
                   if isinstance(value, str) and value.upper() in _ISO_COUNTRIES
                   else "write an ISO 3166-1 alpha-2 code such as 'ML'")
            self.fail(f"{key} {_show(value)} is not an ISO 3166-1 alpha-2 country code; {fix}")
        return value

    def countries(self, value: Any, key: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            self.fail(f"{key} {_show(value)} is not a list; write it as [\"SY\", \"TR\"]")
        codes: list[str] = []
        for index, code in enumerate(value):
            if not isinstance(code, str) or code not in _ISO_COUNTRIES:
                fix = (f"write it upper-case: '{code.upper()}'"
                       if isinstance(code, str) and code.upper() in _ISO_COUNTRIES
                       else "write an ISO 3166-1 alpha-2 code such as 'SY'")
                self.fail(f"{key}[{index}] {_show(code)} is not an ISO 3166-1 alpha-2 country code; {fix}")
            if code in codes:
                self.fail(f"{key}[{index}] '{code}' is listed twice; list it once")
            codes.append(code)
        return tuple(codes)


def _join(where: str, key: str) -> str:
    shown = key if _BARE_KEY.fullmatch(key) else f'"{key}"'
    return f"{where}.{shown}" if where else shown


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _suggest_id(value: Any) -> str:
    text = re.sub(r"[^a-z0-9_]+", "_", str(value).lower()).strip("_") or "faction"
    return f"_{text}" if text[0].isdigit() else text


def load_theatre(path: str | os.PathLike[str]) -> Theatre:
    """Read and check one theatre file.

    Parameters
    ----------
    path : str or os.PathLike
        A TOML file in the schema of ``docs/theatres.md``.

    Returns
    -------
    Theatre
        The theatre; :data:`UNKNOWN` is added (grey, no aliases) when the file does not
        declare it.

    Raises
    ------
    TheatreError
        When the file cannot be read, is not TOML, or breaks the schema: a missing or
        unknown key, an invalid id, a government that is not a declared faction, a colour
        that is not ``#RRGGBB`` or that two factions share, an alias that is empty or that
        two factions claim, a generic word that is also an alias or names no faction, a
        country that is not an upper-case ISO code, a non-positive ``stale_after_days``,
        a baseline that is absolute or missing.
    """
    path = Path(path)
    check = _Checker(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        check.fail(f"cannot be read ({exc.strerror or exc}); check the path")
    except UnicodeDecodeError:
        check.fail("is not UTF-8 text; save it as UTF-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        check.fail(f"is not valid TOML ({' '.join(str(exc).split())}); fix the syntax there")
    return _theatre(data, path, check)


def _theatre(data: dict[str, Any], path: Path, check: _Checker) -> Theatre:
    check.keys(data, "", _TOP_KEYS, _TOP_REQUIRED)
    theatre_id = check.ident(data["id"], "id", "theatre id")
    name = check.text(data["name"], "name")
    countries = check.countries(data["countries"], "countries")
    if not countries:
        check.fail("countries is empty; list the ISO codes of the countries the war is fought in, e.g. [\"SY\"]")
    context = check.countries(data.get("context_countries", []), "context_countries")
    for index, code in enumerate(context):
        if code in countries:
            check.fail(f"context_countries[{index}] '{code}' is also in countries; list it once")
    stale = data.get("stale_after_days", DEFAULT_STALE_AFTER_DAYS)
    if isinstance(stale, bool) or not isinstance(stale, int) or stale <= 0:
        check.fail(f"stale_after_days {_show(stale)} is not a positive whole number of days; "
                   f"write e.g. stale_after_days = {DEFAULT_STALE_AFTER_DAYS}")

    factions = _factions(data["factions"], check)
    ids = [f.id for f in factions]
    government = data["government"]
    if government not in ids or government == UNKNOWN:
        check.fail(f"government {_show(government)} is not a declared faction; "
                   f"use one of {', '.join(i for i in ids if i != UNKNOWN)}")
    generic = _generic(data.get("generic", {}), factions, check)
    factions = with_officials(factions, government, {fold(word) for word, _ in generic})
    baseline = _baseline(data.get("baseline"), path, check)
    outlets = _outlets(data.get("outlets", {}), factions, check)
    return Theatre(id=theatre_id, name=name, countries=countries, context_countries=context,
                   stale_after_days=stale, government=government, factions=factions, generic=generic,
                   baseline=baseline, source=path, outlets=outlets)


#: A state's forces named by its demonym or possessive: "Ukrainian forces", "Sudanese army", "Russia's army".
_DEMONYM_FORCES = re.compile(r"(?P<demonym>[A-Z][a-z]+(?:an|ese|ish|i|ic|['’]s))\s+(?:armed\s+forces|forces|army|"
                             r"military|troops)")
#: Who speaks for a state's forces: "the Ukrainian commander-in-chief said", "the Russian president said",
#: "Russian milbloggers claimed", "Sudanese military sources said".
OFFICIAL_TITLES: tuple[str, ...] = (
    "commander-in-chief", "commander in chief", "president", "government", "defence minister", "defense minister",
    "defence ministry", "defense ministry", "general staff", "top commander", "top general", "army chief",
    "military chief", "chief of staff", "army chief of staff", "chief of general staff", "chief of the general staff",
    "armed forces chief", "high command", "military command",
    "military spokesman", "military spokeswoman", "military spokesperson", "army spokesman", "army spokeswoman",
    "army spokesperson", "military leadership", "military officials", "defence officials", "defense officials",
    "officials", "government officials", "security officials", "security forces", "officers", "commanders",
    "authorities", "milbloggers", "military bloggers", "war bloggers", "war correspondents", "military sources",
    "security sources", "state media", "state television", "state TV", "state news agency",
)


def with_officials(factions: tuple[Faction, ...], government: str, generic: set[str]) -> tuple[Faction, ...]:
    """Add to each state's forces the officials who speak for it, named as its forces are.

    A faction that is the theatre's government or a state (``state = true``) and has an alias
    "<Demonym> forces|army|military|troops" (or "<Country>'s army") also answers to "<Demonym> <title>" for each of
    :data:`OFFICIAL_TITLES` ("Ukrainian forces": "Ukrainian commander-in-chief", "Ukrainian
    president"), unless the file gives that name to another faction or as a generic word.
    """
    taken = {fold(a) for f in factions for a in f.aliases} | generic
    out: list[Faction] = []
    for faction in factions:
        if not (faction.state or faction.id == government):
            out.append(faction)
            continue
        demonyms = dict.fromkeys(m.group("demonym") for a in faction.aliases
                                 if (m := _DEMONYM_FORCES.fullmatch(a)) is not None)
        added = [name for d in demonyms for t in OFFICIAL_TITLES if fold(name := f"{d} {t}") not in taken]
        taken.update(fold(name) for name in added)
        out.append(replace(faction, officials=tuple(added)))
    return tuple(out)


def _factions(table: Any, check: _Checker) -> tuple[Faction, ...]:
    if not isinstance(table, dict) or not table:
        check.fail("factions is not a table of factions; add [factions.<id>] tables with label and colour")
    factions: list[Faction] = []
    colour_of: dict[str, str] = {}
    label_of: dict[str, str] = {}
    alias_of: dict[str, str] = {}
    for fid, body in table.items():
        where = _join("factions", fid)
        check.ident(fid, where, "faction id", is_key=True)
        if not isinstance(body, dict):
            check.fail(f"{where} is not a table; write it as [factions.{fid}] with label and colour")
        check.keys(body, where, _FACTION_KEYS, _FACTION_REQUIRED)
        label = check.text(body["label"], f"{where}.label")
        if label in label_of:
            check.fail(f"{where}.label {label!r} is already the label of factions.{label_of[label]}; "
                       "give each faction its own label")
        label_of[label] = fid
        colour = body["colour"]
        if not isinstance(colour, str) or not HEX_COLOUR.fullmatch(colour):
            check.fail(f"{where}.colour {_show(colour)} is not a #RRGGBB colour; write it as '#D55E00'")
        colour = colour.upper()
        if fid == UNKNOWN and colour != UNKNOWN_COLOUR:
            check.fail(f"{where}.colour '{colour}' is not the unknown grey; write it as '{UNKNOWN_COLOUR}'")
        if colour in colour_of:
            check.fail(f"{where}.colour '{colour}' is already the colour of factions.{colour_of[colour]}; "
                       "give each faction its own colour")
        colour_of[colour] = fid
        side = check.ident(body.get("side", fid), f"{where}.side", "side")
        aliases = body.get("aliases", [])
        if not isinstance(aliases, list):
            check.fail(f"{where}.aliases {_show(aliases)} is not a list; write it as [\"Name\", \"Other name\"]")
        kept: list[str] = []
        for index, alias in enumerate(aliases):
            written = check.text(alias, f"{where}.aliases[{index}]")
            key = fold(written)
            owner = alias_of.setdefault(key, fid)
            if owner != fid:
                check.fail(f"{where}.aliases[{index}] {written!r} is also an alias of factions.{owner}; "
                           "an alias names one faction: keep it in one of them")
            if written not in kept:
                kept.append(written)
        state = body.get("state", False)
        if not isinstance(state, bool):
            check.fail(f"{where}.state {_show(state)} is not true or false; write state = true for a state's "
                       "armed forces, or leave it out")
        country = None
        if "country" in body:
            country = check.country(body["country"], f"{where}.country")
        factions.append(Faction(id=fid, label=label, colour=colour, side=side, aliases=tuple(kept), state=state,
                                country=country))
    if UNKNOWN not in table:
        if UNKNOWN_COLOUR in colour_of:
            check.fail(f"factions.{colour_of[UNKNOWN_COLOUR]}.colour '{UNKNOWN_COLOUR}' is the colour of "
                       "unknown; give the faction another colour")
        factions.append(Faction(id=UNKNOWN, label="Unknown", colour=UNKNOWN_COLOUR, side=UNKNOWN))
    return tuple(factions)


def _generic(table: Any, factions: tuple[Faction, ...], check: _Checker) -> tuple[tuple[str, str], ...]:
    if not isinstance(table, dict):
        check.fail(f"generic {_show(table)} is not a table; write it as [generic] with lines like \"the army\" = "
                   "\"government\"")
    ids = [f.id for f in factions]
    alias_owner = {fold(a): f.id for f in factions for a in f.aliases}
    seen: dict[str, str] = {}
    words: list[tuple[str, str]] = []
    for word, fid in table.items():
        key = _join("generic", word)
        folded = fold(word)
        if not folded:
            check.fail(f"{key} is an empty word; remove it")
        if not isinstance(fid, str) or fid not in ids:
            check.fail(f"{key} = {_show(fid)} is not a declared faction; use one of {', '.join(ids)}")
        if folded in alias_owner:
            check.fail(f"{key} is also an alias of factions.{alias_owner[folded]}; keep it in one place "
                       "(aliases for names, generic for words whose meaning depends on the theatre)")
        if folded in seen:
            check.fail(f"{key} is the same word as {_join('generic', seen[folded])}; keep one of them")
        seen[folded] = word
        words.append((word, fid))
    return tuple(words)


def _outlets(table: Any, factions: tuple[Faction, ...], check: _Checker) -> tuple[tuple[str, str], ...]:
    if not isinstance(table, dict):
        check.fail(f"outlets {_show(table)} is not a table; write it as [outlets] with lines like \"Saba\" = "
                   "\"houthis\"")
    ids = [f.id for f in factions if f.id != UNKNOWN]
    seen: dict[str, str] = {}
    out: list[tuple[str, str]] = []
    for name, fid in table.items():
        key = _join("outlets", name)
        folded = fold(name)
        if not re.search(r"[^\W_]", folded):
            check.fail(f"{key} is an empty outlet name; remove it")
        if not isinstance(fid, str) or fid not in ids:
            check.fail(f"{key} = {_show(fid)} is not a declared faction; use one of {', '.join(ids)}")
        if folded in seen:
            check.fail(f"{key} is the same outlet as {_join('outlets', seen[folded])}; keep one of them")
        seen[folded] = name
        out.append((name, fid))
    return tuple(out)


def _baseline(value: Any, path: Path, check: _Checker) -> Path | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        check.fail(f"baseline {_show(value)} is not a path; write it relative to the theatre file's folder")
    if Path(value).is_absolute():
        check.fail(f"baseline {value!r} is an absolute path; write it relative to the theatre file's folder")
    resolved = (path.parent / value).resolve()
    if not resolved.is_file():
        check.fail(f"baseline {value!r} does not exist (looked for {resolved}); "
                   "write a path relative to the theatre file's folder")
    return resolved


#: The kind of the cache folder of the packaged theatres, read and checked once (``theatres-<version>``).
THEATRES_KIND = "theatres"


@functools.cache
def _packaged() -> tuple[Theatre, ...]:
    """Return the packaged theatres: from the cache when their files and this code are unchanged, else read."""
    files = sorted(PACKAGE_DIR.glob("*.toml"))
    stamps = "\n".join(file_stamp(p) for p in (*files, *sorted(Path(__file__).parent.glob("*.py"))))
    cache = KeyedFiles(cache_root() / f"{THEATRES_KIND}-{hashlib.sha256(stamps.encode()).hexdigest()[:20]}")
    found = cache.get("packaged")
    if (isinstance(found, tuple) and found and all(isinstance(t, Theatre) for t in found)
            and all(t.baseline is None or t.baseline.is_file() for t in found)):
        return found
    theatres = _read_packaged(files)
    cache.put("packaged", theatres)
    return theatres


def _read_packaged(files: list[Path]) -> tuple[Theatre, ...]:
    theatres: dict[str, Theatre] = {}
    for path in files:
        theatre = load_theatre(path)
        if theatre.id in theatres:
            raise TheatreError(f"theatre file {path}: id '{theatre.id}' is also the id of "
                               f"{theatres[theatre.id].source}; give each theatre its own id")
        theatres[theatre.id] = theatre
    return tuple(theatres.values())


def packaged_theatres() -> dict[str, Theatre]:
    """Return the theatres shipped with geo, by id (read once, then cached).

    Raises
    ------
    TheatreError
        When a packaged file is malformed (a bug in the package).
    """
    return {theatre.id: theatre for theatre in _packaged()}


def theatre_named(name_or_path: str | os.PathLike[str]) -> Theatre:
    """Return a packaged theatre by id, or load a theatre file by path.

    Parameters
    ----------
    name_or_path : str or os.PathLike
        A packaged id (``"sudan"``; case-insensitive), or the path of a theatre file. A
        string that contains a path separator or ends in ``.toml`` is read as a path; a
        bare name that is no packaged id is read as a path when such a file exists.

    Raises
    ------
    TheatreError
        When the name is neither a packaged id nor a readable theatre file, or the file
        is malformed.
    """
    if isinstance(name_or_path, os.PathLike):
        return load_theatre(name_or_path)
    text = name_or_path.strip()
    if "/" in text or os.sep in text or text.lower().endswith(".toml"):
        return load_theatre(text)
    packaged = packaged_theatres()
    if text.lower() in packaged:
        return packaged[text.lower()]
    if Path(text).is_file():
        return load_theatre(text)
    raise TheatreError(f"theatre {text!r} is neither a packaged theatre ({', '.join(sorted(packaged))}) "
                       "nor a theatre file; give one of those ids or the path of a .toml file")


#: Weight of one theatre-specific faction name against one place mention when a theatre is picked.
NAME_WEIGHT = 2.0


def theatre_for_countries(codes: Mapping[str, int] | Counter[str],
                          theatres: Mapping[str, Theatre] | Iterable[Theatre] | None = None, *,
                          names: Mapping[str, float] | None = None) -> Theatre | None:
    """Pick the theatre whose countries best cover the countries of the places an article names.

    Parameters
    ----------
    codes : Mapping[str, int]
        ISO country code -> weight (e.g. how many resolved place mentions are in that
        country). Codes are compared upper-case; empty codes and weights <= 0 are ignored.
    theatres : Mapping or iterable of Theatre, optional
        The candidates; default the packaged theatres.
    names : mapping, optional
        Theatre id -> how strongly the article's faction names point to it ("RSF" only to
        Sudan); each counts as :data:`NAME_WEIGHT` place mentions in the theatre's countries.

    Returns
    -------
    Theatre or None
        The theatre with the highest weight on its ``countries``; among equals, the one
        with the highest weight on its ``context_countries``; among those, the one with
        fewer ``countries`` (the more specific). None when no candidate's ``countries``
        carry any weight (context countries alone never pick a theatre), and None on a
        tie that these rules do not break: the caller should then ask for ``--theatre``.
    """
    if theatres is None:
        candidates: tuple[Theatre, ...] = tuple(_packaged())
    elif isinstance(theatres, Mapping):
        candidates = tuple(theatres.values())
    else:
        candidates = tuple(theatres)
    # memoised: an extractor asks again and again with the few countries of a sentence; the theatres are known
    # by identity, and the memo holds them, so that no other object can take their ids
    key = (tuple(codes.items()), tuple(map(id, candidates)), tuple(names.items()) if names else ())
    found = _PICKED.get(key)
    if found is None:
        if len(_PICKED) >= _PICKED_SIZE:
            _PICKED.clear()
        found = _PICKED[key] = (candidates, _pick_theatre(codes, candidates, names))
    return found[1]


#: Memo of :func:`theatre_for_countries`: its key -> (the candidate theatres, the theatre picked).
_PICKED: dict[tuple, tuple[tuple[Theatre, ...], Theatre | None]] = {}
_PICKED_SIZE = 20_000


def _pick_theatre(codes: Mapping[str, int] | Counter[str], candidates: Iterable[Theatre],
                  names: Mapping[str, float] | None) -> Theatre | None:
    """Return :func:`theatre_for_countries` of these candidates (not memoised)."""
    weights: Counter[str] = Counter()
    for code, weight in codes.items():
        if code and weight > 0:
            weights[code.strip().upper()] += weight
    scored: list[tuple[tuple[float, float, int], Theatre]] = []
    for theatre in candidates:
        primary = sum(weights[c] for c in theatre.countries) + NAME_WEIGHT * (names or {}).get(theatre.id, 0.0)
        if primary <= 0:
            continue
        context = sum(weights[c] for c in theatre.context_countries)
        scored.append(((primary, context, -len(theatre.countries)), theatre))
    if not scored:
        return None
    scored.sort(key=lambda item: item[0], reverse=True)
    if len(scored) > 1 and scored[0][0] == scored[1][0] and scored[0][1].id != scored[1][1].id:
        return None
    return scored[0][1]


def known_factions(extra: Iterable[Theatre] = ()) -> frozenset[str]:
    """Return the faction ids of the packaged theatres (and of *extra* ones), :data:`UNKNOWN` included."""
    extra = tuple(extra)
    if not extra:
        return _packaged_factions()
    return _packaged_factions() | {f.id for theatre in extra for f in theatre.factions}


@functools.cache
def _packaged_factions() -> frozenset[str]:
    return frozenset({f.id for theatre in _packaged() for f in theatre.factions} | {UNKNOWN})


def faction_styles(theatre_ids: Iterable[str | None], extra: Iterable[Theatre] = ()) -> dict[str, tuple[str, str]]:
    """Return faction id -> (label, colour) for the factions of the given theatres, in their files' order.

    Parameters
    ----------
    theatre_ids : iterable of str or None
        The theatres of a corpus's events, most frequent first (None and unknown ids are
        skipped). When two theatres use one id (``government``), the first theatre's label
        and colour win.
    extra : iterable of Theatre
        Theatres read from files (``--theatre FILE``), known besides the packaged ones.

    Returns
    -------
    dict
        Every faction of those theatres; :data:`UNKNOWN` always, in its grey.
    """
    by_id = {t.id: t for t in (*_packaged(), *extra)}
    styles: dict[str, tuple[str, str]] = {}
    for theatre_id in theatre_ids:
        theatre = by_id.get(theatre_id or "")
        if theatre is None:
            continue
        for faction in theatre.factions:
            styles.setdefault(faction.id, (faction.label, faction.colour))
    styles.setdefault(UNKNOWN, ("Unknown", UNKNOWN_COLOUR))
    return styles
