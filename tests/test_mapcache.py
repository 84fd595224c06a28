"""What a map derives from data that outlives one run, kept in the cache: a date's inferred areas, the countries'
outlines, the packaged theatres; read back exactly, and a warm run loads no extraction rule."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import shapely

from gazetteer import admin1
from gazetteer import cache as gz_cache
from geo import pipeline
from geo.layers import build
from geo.layers.build import AREAS_KIND, build_map_data
from geo.theatres import loader

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _wkb(geoms: dict[str, Any]) -> dict[Any, bytes]:
    return {k: shapely.to_wkb(g) for k, g in geoms.items()}


def test_a_second_map_of_the_same_evidence_reads_its_areas_back_exactly(cache_root: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    result = pipeline.analyse(SEEDS)
    day = dt.date(2024, 12, 8)
    calls: list[int] = []
    real = build.infer_areas

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(build, "infer_areas", counting)
    cold = build_map_data(result, date=day, days=90)
    computed = len(calls)
    warm = build_map_data(result, date=day, days=90)
    assert computed > 0 and len(calls) == computed  # the second map infers nothing
    assert list(cache_root.glob(f"{AREAS_KIND}-*/*.pickle"))
    assert cold.dates == warm.dates and any(cold.areas.values())
    for d in cold.dates:
        assert _wkb(warm.areas[d]) == _wkb(cold.areas[d])
        assert [(s, k, shapely.to_wkb(g)) for s, k, g in warm.bands[d]] == \
            [(s, k, shapely.to_wkb(g)) for s, k, g in cold.bands[d]]
    other = build_map_data(result, date=day, days=90, bands_km=(5.0, 20.0))  # other inputs: inferred anew
    assert len(calls) > computed and other.bands_km == (5.0, 20.0)


def test_a_cached_country_outline_is_the_union_of_its_divisions(cache_root: Path) -> None:
    table = admin1.admin1_table()
    expected = {c: shapely.union_all(table.geometries[table.rows([c])]).buffer(0) for c in ("SY", "UA", "SD")}
    cold = admin1.country_outlines(["SY", "ua", "SD", "XX"])  # lower case read as upper; no divisions: left out
    warm = admin1.country_outlines(["SY", "UA", "SD"])
    assert _wkb(cold) == _wkb(warm) == _wkb(expected)
    assert len(list(cache_root.glob(f"{admin1.OUTLINES_KIND}-*/*.pickle"))) == 3


def test_the_packaged_theatres_read_back_from_the_cache_are_the_files(cache_root: Path) -> None:
    loader._packaged.cache_clear()
    try:
        first = loader._packaged()  # read from the files, then cached
        loader._packaged.cache_clear()
        again = loader._packaged()  # from the cache
        assert again == first == loader._read_packaged(sorted(loader.PACKAGE_DIR.glob("*.toml")))
        assert {t.id for t in again} >= {"syria", "ukraine", "sudan"}
        (damaged,) = cache_root.glob(f"{loader.THEATRES_KIND}-*/*.pickle")
        damaged.write_bytes(b"damaged")
        loader._packaged.cache_clear()
        assert loader._packaged() == first
    finally:
        loader._packaged.cache_clear()


def test_a_warm_analysis_loads_no_extraction_rule(cache_root: Path) -> None:
    probe = ("import sys; from pathlib import Path; from geo.pipeline import analyse; "
             f"analyse(Path({str(SEEDS)!r}), progress=False); "
             "print(sorted(m for m in ('geo.extract.article', 'geo.extract.events', 'geo.extract.time.words') "
             "if m in sys.modules))")
    env = {**dict(__import__("os").environ), gz_cache.CACHE_ENV: str(cache_root), "PYTHONPATH": str(ROOT)}
    cold = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    warm = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    assert cold.stdout.strip() == "['geo.extract.article', 'geo.extract.events', 'geo.extract.time.words']"
    assert warm.stdout.strip() == "[]"
