"""Derive ``gazetteer/data/given_names.txt`` and ``surnames.txt`` from a registry package.

Source: PyPI ``names`` 0.3.0 (code MIT; its ``dist.male.first``, ``dist.female.first`` and
``dist.all.last`` are the 1990 US Census name frequency lists, public domain). A given name is kept
when at least :data:`MIN_PERCENT` percent of men or of women bear it (1 in 10,000), a surname when
at least :data:`MIN_SURNAME_PERCENT` percent of people do (1 in 50,000). The gazetteer reads the
lists to tell a person's name from a place's: a place name right after a given name is a surname
("Jim Hartmann"), and a given name right before a surname is a first name ("Georgia Stevens",
"David Jefferson"; but "the Georgia Bureau of Investigation" names the state).

Usage (a maintainer, once)::

    python -m gazetteer.build.build_given_names                      # runs `pip download names==0.3.0`
    python -m gazetteer.build.build_given_names --sdist names-0.3.0.tar.gz
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable
from pathlib import Path

PACKAGE = "names==0.3.0"
LISTS = ("names-0.3.0/names/dist.male.first", "names-0.3.0/names/dist.female.first")
SURNAMES = "names-0.3.0/names/dist.all.last"
MIN_PERCENT = 0.01
MIN_SURNAME_PERCENT = 0.002
OUT = Path(__file__).resolve().parent.parent / "data" / "given_names.txt"
_HEADER = ("# {what} borne by at least {percent}% of {whom} in the 1990 US Census "
           "(PyPI names 0.3.0, public domain data); derived by gazetteer/build/build_given_names.py\n")


def given_names(lines: Iterable[str], min_percent: float = MIN_PERCENT) -> set[str]:
    """Return the lower-cased names of a Census list (``NAME  percent  cumulative  rank``) at *min_percent* or more.

    The given-name and the surname lists have the same columns.
    """
    out = set()
    for line in lines:
        parts = line.split()
        if len(parts) == 4 and float(parts[1]) >= min_percent:
            out.add(parts[0].lower())
    return out


def _sdist(path: Path | None) -> Path:
    if path is None:
        folder = Path(tempfile.mkdtemp())
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "-d",
                        str(folder), PACKAGE], check=True, capture_output=True)
        path = next(folder.glob("names-0.3.0.tar.gz"))
    return path


def main(argv: list[str] | None = None) -> None:
    """Write ``given_names.txt`` from the package's two Census lists."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sdist", type=Path, help="names-0.3.0.tar.gz, if already downloaded")
    parser.add_argument("--out", type=Path, default=OUT, help="given_names.txt; surnames.txt is written beside it")
    args = parser.parse_args(argv)
    with tarfile.open(_sdist(args.sdist)) as tar:
        def lines(member: str) -> list[str]:
            raw = tar.extractfile(member)
            if raw is None:
                raise SystemExit(f"{member} is not in the sdist; is this names 0.3.0?")
            return raw.read().decode("ascii").splitlines()

        given = given_names(lines(LISTS[0])) | given_names(lines(LISTS[1]))
        surnames = given_names(lines(SURNAMES), MIN_SURNAME_PERCENT)
    for path, names, header in (
            (args.out, given, _HEADER.format(what="Given names", percent=MIN_PERCENT, whom="men or of women")),
            (args.out.with_name("surnames.txt"), surnames,
             _HEADER.format(what="Surnames", percent=MIN_SURNAME_PERCENT, whom="people"))):
        path.write_text(header + "\n".join(sorted(names)) + "\n", encoding="utf-8")
        print(f"{path}: {len(names)} names")


if __name__ == "__main__":
    main()
