"""The baseline: control of places before the first event, read from a CSV file.

A baseline row (``place,controller,as_of,source``) says who held a place on a date, from a
named source (a map, a report). :func:`read_baseline` checks every row (a known place, a
canonical faction id, an ISO date, a source) and resolves the place in the gazetteer; a
region (``admin1:`` id) gets geo precision 3, anything else 1. How a baseline row is folded
with the events is described in :mod:`geo.timeline.fold`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

from gazetteer import Gazetteer
from gazetteer.model import Place
from geo.errors import CorpusError, PlaceNotFoundError
from geo.model import REGION_PREFIX, BaselineEntry
from geo.read.textfile import read_regular
from geo.theatres import UNKNOWN, known_factions, packaged_theatres

__all__ = ["baseline_resolver", "read_baseline"]

_BASELINE_COLUMNS = ("place", "controller", "as_of", "source")



def read_baseline(path: Path, resolve: Callable[[str], Place | None]) -> list[BaselineEntry]:
    """Read a baseline CSV of control before the first event.

    Parameters
    ----------
    path : Path
        CSV file with the header ``place,controller,as_of,source``. Blank lines and rows
        whose ``place`` starts with ``#`` are skipped.
    resolve : callable
        Maps a place name to a gazetteer :class:`~gazetteer.model.Place`, or None (it may
        also raise :class:`~geo.errors.PlaceNotFoundError`).

    Returns
    -------
    list of BaselineEntry
        One entry per row, in file order.

    Raises
    ------
    CorpusError
        The file cannot be read, lacks a column, or a row names an unknown place, an
        unknown faction, a bad date or no source; the message names file and line.
    """
    path = Path(path)
    try:
        text = read_regular(path).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{path}: cannot read the baseline ({exc}); check the path") from exc
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in _BASELINE_COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise CorpusError(
            f"{path}: baseline header lacks {', '.join(missing)}; "
            f"the first line must be '{','.join(_BASELINE_COLUMNS)}'"
        )
    entries = []
    for row in reader:
        cells = {c: (row.get(c) or "").strip() for c in _BASELINE_COLUMNS}
        if not any(cells.values()) or cells["place"].startswith("#"):
            continue
        entries.append(_baseline_row(cells, f"{path}:{reader.line_num}", resolve))
    return entries


def _baseline_row(
    cells: dict[str, str], where: str, resolve: Callable[[str], Place | None]
) -> BaselineEntry:
    controller = cells["controller"].lower()
    if controller not in known_factions():
        meant = sorted({f"{t.id} '{fid}'" for t in packaged_theatres().values()
                        if (fid := t.faction_of(cells["controller"])) and fid != UNKNOWN})
        hint = f" (it means {' or '.join(meant)})" if meant else ""
        raise CorpusError(
            f"{where}: unknown controller {cells['controller']!r}; use a faction id of its theatre{hint}; "
            "the ids are in geo/theatres/*.toml"
        )
    try:
        as_of = dt.date.fromisoformat(cells["as_of"])
    except ValueError:
        raise CorpusError(
            f"{where}: bad as_of date {cells['as_of']!r}; write it as YYYY-MM-DD"
        ) from None
    if not cells["source"]:
        raise CorpusError(f"{where}: empty source; say where the fact comes from")
    try:
        place = resolve(cells["place"]) if cells["place"] else None
    except PlaceNotFoundError:
        place = None
    if place is None:
        raise CorpusError(
            f"{where}: unknown place {cells['place']!r}; use a name the gazetteer knows "
            "(geo gazetteer lookup NAME) or add the place to the gazetteer"
        )
    region = place.id.startswith(REGION_PREFIX) or place.kind == "admin1"
    return BaselineEntry(
        place=cells["place"],
        place_id=place.id,
        name=place.name,
        lat=place.lat,
        lon=place.lon,
        controller=controller,
        as_of=as_of,
        source=cells["source"],
        geo_precision=3 if region else 1,
    )


#: Words that end a baseline place name when it names a region ("Idlib governorate").
_REGION_WORDS = frozenset({"governorate", "province", "region"})


def baseline_resolver(gz: Gazetteer) -> Callable[[str], Place | None]:
    """Return the place resolver a baseline.csv is read with.

    A name ending in a region word ("governorate", "province", "region") prefers regions;
    ties go to places in Syria, the theatre of the shipped baseline.
    """

    def resolve(name: str) -> Place | None:
        last = name.split()[-1] if name.split() else ""
        found = gz.lookup(name, after=" " + last if last.lower() in _REGION_WORDS else "", focus=("SY",), limit=1)
        return found[0].place if found else None

    return resolve
