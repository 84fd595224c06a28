"""Tests of geo.read.baseline: reading a baseline CSV, its errors, and the seed baseline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gazetteer.model import Place
from geo.errors import CorpusError, PlaceNotFoundError
from geo.read.baseline import read_baseline

D = dt.date
TOWN = "geonames:1"
REGION = "admin1:XX-01"

PLACES = {
    "Alpha": Place(id=TOWN, name="Alpha", kind="town", lat=36.0, lon=37.0),
    "North province": Place(id=REGION, name="North", kind="admin1", lat=35.9, lon=36.6),
}


def resolve(name: str) -> Place | None:
    return PLACES.get(name)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "baseline.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_read_baseline(tmp_path: Path) -> None:
    path = write(tmp_path, "place,controller,as_of,source\n"
                 "# a comment row,,,\n\n"
                 "Alpha, Government ,2024-11-26,\"ISW map, 26 Nov 2024\"\n"
                 "North province,opposition,2024-11-26,seed 001\n")
    a, north = read_baseline(path, resolve)
    assert (a.place, a.place_id, a.name, a.controller, a.as_of) == (
        "Alpha", TOWN, "Alpha", "government", D(2024, 11, 26))
    assert a.source == "ISW map, 26 Nov 2024" and (a.lat, a.lon, a.geo_precision) == (36.0, 37.0, 1)
    assert (north.place_id, north.geo_precision, north.controller) == (REGION, 3, "opposition")


@pytest.mark.parametrize(
    ("row", "needle"),
    [
        ("Gamma,government,2024-11-26,x", "line 2: unknown place 'Gamma'"),
        ("Alpha,rebels,2024-11-26,x", "line 2: unknown controller 'rebels'; use a faction id of its theatre (it means"),
        ("Alpha,government,26/11/2024,x", "line 2: bad as_of date '26/11/2024'; write it as YYYY-MM-DD"),
        ("Alpha,government,2024-11-26,", "line 2: empty source"),
    ],
)
def test_read_baseline_errors_name_file_line_and_fix(tmp_path: Path, row: str, needle: str) -> None:
    path = write(tmp_path, "place,controller,as_of,source\n" + row + "\n")
    with pytest.raises(CorpusError) as err:
        read_baseline(path, resolve)
    assert str(path) in str(err.value) and needle.replace("line ", "") in str(err.value)


def test_read_baseline_bad_header_missing_file_and_raising_resolver(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="lacks source"):
        read_baseline(write(tmp_path, "place,controller,as_of\nAlpha,government,2024-11-26\n"),
                      resolve)
    with pytest.raises(CorpusError, match="cannot read"):
        read_baseline(tmp_path / "nope.csv", resolve)

    def strict(name: str) -> Place:
        raise PlaceNotFoundError(name)

    with pytest.raises(CorpusError, match="unknown place 'Alpha'"):
        read_baseline(write(tmp_path, "place,controller,as_of,source\nAlpha,sdf,2024-01-01,x\n"),
                      strict)


SEED_BASELINE = Path(__file__).resolve().parent.parent / "seeds" / "baseline.csv"


def test_seed_baseline_rows_are_well_formed() -> None:
    """Every row of seeds/baseline.csv has a known faction, an ISO date and a source."""
    names: list[str] = []

    def any_place(name: str) -> Place:
        names.append(name)
        region = name.endswith(("province", "governorate"))
        return Place(id=("admin1:" if region else "local:") + name, name=name, kind="town")

    entries = read_baseline(SEED_BASELINE, any_place)
    assert {e.as_of for e in entries} == {D(2016, 6, 1), D(2016, 7, 17), D(2024, 11, 26)}
    assert all(len(e.source) > 10 for e in entries)
    late_2024 = {e.place: e.controller for e in entries if e.as_of == D(2024, 11, 26)}
    assert late_2024["Aleppo"] == "government" and late_2024["Idlib governorate"] == "opposition"


def test_seed_baseline_resolves_in_the_real_gazetteer() -> None:
    gazetteer = pytest.importorskip("gazetteer")
    if not hasattr(gazetteer, "default_gazetteer"):
        pytest.skip("gazetteer.default_gazetteer() not available yet")
    entries = read_baseline(SEED_BASELINE, gazetteer.default_gazetteer().resolve)
    by_place = {e.place: e for e in entries}
    assert by_place["Idlib governorate"].geo_precision == 3
    assert by_place["Aleppo"].geo_precision == 1
    assert 35.5 < by_place["Aleppo"].lat < 36.5 and 36.5 < by_place["Aleppo"].lon < 37.5
