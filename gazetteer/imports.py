"""Importing a GeoNames dump (``SY.txt``, ``allCountries.txt``) into the user gazetteer.

GeoNames dumps are tab-separated, 19 columns per row (geonameid, name, asciiname,
alternatenames, latitude, longitude, feature class, feature code, country code, cc2,
admin1 code, admin2, admin3, admin4, population, elevation, dem, timezone, modification
date). Populated places (class P), first-level divisions (ADM1), spots (S: bases,
airports, schools ...) and areas (L) are kept; the kind comes from the feature code. The
optional ``alternateNamesV2.txt`` (10 columns) adds names to the imported places. The result
is the CSV the store reads on top of the packaged data, written atomically.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from gazetteer.errors import GazetteerDataError
from gazetteer.store import CSV_COLUMNS, user_gazetteer_path

__all__ = ["import_geonames", "kind_of"]

_MILITARY = {"MILB", "INSM", "AIRB", "NVB"}
_INFRASTRUCTURE = {"AIRP", "AIRF", "DAM", "BDG", "RSTN", "PS", "PSTP", "PRT", "RD", "RDJCT", "CRSG"}


def kind_of(feature_class: str, feature_code: str, population: int) -> str | None:
    """Return the gazetteer kind of a GeoNames feature, or None for features not kept."""
    if feature_class == "A":
        return "admin1" if feature_code == "ADM1" else None
    if feature_class == "P":
        if feature_code in {"PPLX", "PPLQ"}:
            return "neighbourhood"
        return "city" if population >= 100_000 or feature_code in {"PPLC", "PPLA"} else (
            "town" if population >= 10_000 else "village")
    if feature_class == "S":
        if feature_code in _MILITARY:
            return "military"
        return "infrastructure" if feature_code in _INFRASTRUCTURE else "landmark"
    if feature_class == "L":
        return "landmark"
    return None


def _alternates(path: Path | None, wanted: set[str]) -> dict[str, list[str]]:
    names: dict[str, list[str]] = defaultdict(list)
    if path is None:
        return names
    with path.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4:
                raise GazetteerDataError(f"{path}, line {line_no}: expected the 10 alternateNamesV2 columns")
            if cols[1] in wanted and cols[2] not in {"link", "post", "iata", "icao", "faac", "wkdt", "unlc"}:
                names[cols[1]].append(cols[3])
    return names


def _rows(path: Path, country: str | None) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 19:
                raise GazetteerDataError(f"{path}, line {line_no}: expected 19 tab-separated GeoNames columns, "
                                         f"found {len(cols)}; is this a GeoNames dump (SY.txt, allCountries.txt)?")
            if country and cols[8] != country:
                continue
            try:
                population = int(cols[14] or 0)
                lat, lon = float(cols[4]), float(cols[5])
            except ValueError as exc:
                raise GazetteerDataError(f"{path}, line {line_no}: {exc}; fix or remove the row") from exc
            kind = kind_of(cols[6], cols[7], population)
            if kind is None:
                continue
            alternates = [n for n in cols[3].split(",") if n and n != cols[1]]
            rows.append({"id": f"geonames:{cols[0]}", "name": cols[1], "names": alternates, "kind": kind,
                         "lat": f"{lat:.5f}", "lon": f"{lon:.5f}", "admin1": f"{cols[8]}.{cols[10]}",
                         "country": cols[8], "population": str(population), "parent": "",
                         "source": f"GeoNames dump {path.name} (CC BY 4.0), feature {cols[6]}.{cols[7]}"})
    return rows


def import_geonames(path: Path, *, alternate_names: Path | None = None, country: str | None = None,
                    target: Path | None = None) -> tuple[Path, int]:
    """Import a GeoNames dump into the user gazetteer.

    Parameters
    ----------
    path : Path
        ``SY.txt``, ``allCountries.txt`` or any file of 19-column GeoNames rows.
    alternate_names : Path, optional
        ``alternateNamesV2.txt`` for more names of the imported places.
    country : str, optional
        Keep only this ISO country code.
    target : Path, optional
        The user gazetteer file; :func:`gazetteer.store.user_gazetteer_path` by default.

    Returns
    -------
    (Path, int)
        The file written and the number of places in it.
    """
    if not path.is_file():
        raise GazetteerDataError(f"{path} does not exist; download a GeoNames dump such as SY.txt first")
    rows = _rows(path, country)
    extra = _alternates(alternate_names, {r["id"].split(":", 1)[1] for r in rows})
    target = target or user_gazetteer_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for row in rows:
            names = dict.fromkeys([*row["names"], *extra.get(row["id"].split(":", 1)[1], [])])
            writer.writerow({**row, "names": "|".join(n.replace("|", " ") for n in names if n != row["name"])})
    os.replace(tmp, target)
    from gazetteer.store import load_store

    load_store.cache_clear()
    return target, len(rows)
