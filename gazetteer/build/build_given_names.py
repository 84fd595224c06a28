"""Derive ``gazetteer/data/given_names.txt``, the common given names, from a registry package.

Source: PyPI ``names`` 0.3.0 (code MIT; its ``dist.male.first`` and ``dist.female.first`` are the
1990 US Census given-name frequency lists, public domain). A name is kept when at least
:data:`MIN_PERCENT` percent of men or of women bear it (1 in 10,000). The gazetteer reads the list
to tell a person's name from a place's: a place name right after a given name is a surname
("David Jefferson", "Jim Hartmann"), and a given name right before a capitalised word is a first
name ("Israel Katz").

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
MIN_PERCENT = 0.01
OUT = Path(__file__).resolve().parent.parent / "data" / "given_names.txt"
_HEADER = ("# Given names borne by at least 0.01% of men or of women in the 1990 US Census "
           "(PyPI names 0.3.0, public domain data); derived by gazetteer/build/build_given_names.py\n")


def given_names(lines: Iterable[str], min_percent: float = MIN_PERCENT) -> set[str]:
    """Return the lower-cased names of a Census list (``NAME  percent  cumulative  rank``) at *min_percent* or more."""
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
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    names: set[str] = set()
    with tarfile.open(_sdist(args.sdist)) as tar:
        for member in LISTS:
            raw = tar.extractfile(member)
            if raw is None:
                raise SystemExit(f"{member} is not in the sdist; is this names 0.3.0?")
            names |= given_names(raw.read().decode("ascii").splitlines())
    args.out.write_text(_HEADER + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(names)} names")


if __name__ == "__main__":
    main()
