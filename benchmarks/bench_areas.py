"""Score the inferred control areas and the place states against reference town control.

The reference (default ``benchmarks/data/syria_control_2024.csv``) gives, for each town, its
point and its controller on one or more dates (columns ``controller_YYYY_MM_DD``). For each
date the corpus is folded with ``build_map_data(result, date=D)`` and each town is scored
twice:

* **areas**: which faction's inferred area (``MapData.areas[D]``) covers the town's point.
  ``agree`` when it is the reference controller, ``none`` when no area covers the point,
  ``wrong`` when another faction's area does.
* **states**: the place state (``MapData.states[D]``) whose point is nearest the town's
  point, within ``STATE_MATCH_KM``; ``agree`` when its controller is the reference
  controller. Towns without such a state are counted, not scored: a mark and an area are
  different claims.

Towns whose reference controller is ``unknown`` are listed but not scored. Shares are of the
scored towns of the date; "overall" pools the town-dates of every date.

:func:`score_map` is pure (a MapData, the reference rows and a date in, the figures out), so
a change to the areas can be measured with the same code.

Usage::

    python benchmarks/bench_areas.py [--data CSV] [--corpus DIR] [--verbose] [--json [OUT]]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data" / "syria_control_2024.csv"
CORPUS = ROOT / "seeds"
#: A place state stands for a town when its point is within this distance of the town's point.
#: The reference points come from the project's gazetteer, so the same place has the same point.
STATE_MATCH_KM = 2.0
_CONTROLLER_COLUMN = re.compile(r"^controller_(\d{4})_(\d{2})_(\d{2})$")


@dataclass(frozen=True)
class Town:
    """One reference row: a town, its point and its controller on each reference date."""

    place: str
    lat: float
    lon: float
    controllers: Mapping[dt.date, str]
    sources: Mapping[dt.date, str] = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True)
class TownScore:
    """How one town fares on one date."""

    place: str
    reference: str
    area: str | None  # the faction whose area covers the point; None: no area
    area_verdict: str  # "agree", "none", "wrong", or "unscored" (reference unknown)
    state: str | None  # the controller of the matched place state; None: no state
    state_status: str | None
    state_place: str | None
    state_verdict: str  # "agree", "wrong", "no state", or "unscored"


@dataclass(frozen=True)
class Figures:
    """Counts and shares of one date (or of all dates pooled)."""

    towns: int
    scored: int
    area_agree: int
    area_none: int
    area_wrong: int
    with_state: int
    state_agree: int

    @property
    def area_agree_share(self) -> float:
        return _share(self.area_agree, self.scored)

    @property
    def area_none_share(self) -> float:
        return _share(self.area_none, self.scored)

    @property
    def area_wrong_share(self) -> float:
        return _share(self.area_wrong, self.scored)

    @property
    def state_coverage(self) -> float:
        return _share(self.with_state, self.scored)

    @property
    def state_agree_share(self) -> float:
        return _share(self.state_agree, self.with_state)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = asdict(self)
        for name in ("area_agree_share", "area_none_share", "area_wrong_share", "state_coverage",
                     "state_agree_share"):
            value = getattr(self, name)
            out[name] = None if math.isnan(value) else round(value, 4)
        return out


def _share(k: int, n: int) -> float:
    return k / n if n else math.nan


def load_reference(path: Path) -> list[Town]:
    """Read the reference CSV: ``place,lat,lon``, ``controller_YYYY_MM_DD`` and ``source_…`` per date, ``note``."""
    with Path(path).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        columns = {}
        for name in reader.fieldnames or ():
            m = _CONTROLLER_COLUMN.match(name)
            if m:
                columns[dt.date(int(m[1]), int(m[2]), int(m[3]))] = name[len("controller_"):]
        if not columns:
            raise SystemExit(f"{path}: no controller_YYYY_MM_DD column")
        towns = []
        for n, row in enumerate(reader, start=2):
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (KeyError, TypeError, ValueError):
                raise SystemExit(f"{path}:{n}: {row.get('place')!r} has no lat/lon; "
                                 "fill them with benchmarks/check_towns.py --write") from None
            towns.append(Town(
                place=row["place"], lat=lat, lon=lon,
                controllers={d: row[f"controller_{s}"].strip() or "unknown" for d, s in columns.items()},
                sources={d: row.get(f"source_{s}", "") for d, s in columns.items()},
                note=row.get("note", "") or "",
            ))
    return towns


def reference_dates(towns: Iterable[Town]) -> list[dt.date]:
    """Return the dates the reference gives controllers for, sorted."""
    return sorted({d for t in towns for d in t.controllers})


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def _on_date(by_date: Mapping[dt.date, Any], date: dt.date) -> Any:
    """Return the value of *date*, else of the last date before it (MapData keeps snapshots so)."""
    if date in by_date:
        return by_date[date]
    earlier = [d for d in by_date if d <= date]
    return by_date[max(earlier)] if earlier else {}


def area_at(areas: Mapping[str, Any], lon: float, lat: float) -> list[str]:
    """Return the factions whose area covers the point (lon/lat), sorted; empty: no area."""
    from shapely.geometry import Point

    point = Point(lon, lat)
    return sorted(f for f, geom in areas.items() if geom is not None and not geom.is_empty and geom.covers(point))


def _nearest_state(states: Mapping[str, Any], town: Town, max_km: float) -> Any:
    best, best_km = None, max_km
    for s in states.values():
        km = _haversine_km(town.lat, town.lon, s.lat, s.lon)
        if km <= best_km:
            best, best_km = s, km
    return best


def score_map(map_data: Any, towns: Sequence[Town], date: dt.date, *,
              state_match_km: float = STATE_MATCH_KM) -> tuple[Figures, list[TownScore]]:
    """Score one date of a MapData against the reference towns.

    Parameters
    ----------
    map_data : geo.layers.data.MapData
        Built for *date* (``build_map_data(result, date=date)``), or any MapData whose
        ``areas`` and ``states`` cover it (a missing date takes the snapshot before it).
    towns : sequence of Town
        The reference rows; a town without a controller on *date* is skipped.
    date : datetime.date
        The date to score.
    state_match_km : float
        How near a place state's point must be to the town's point to stand for it.

    Returns
    -------
    (Figures, list of TownScore)
    """
    areas = _on_date(map_data.areas, date)
    states = _on_date(map_data.states, date)
    rows: list[TownScore] = []
    for town in towns:
        if date not in town.controllers:
            continue
        ref = town.controllers[date]
        covering = area_at(areas, town.lon, town.lat)
        area = covering[0] if len(covering) == 1 else ("+".join(covering) if covering else None)
        state = _nearest_state(states, town, state_match_km)
        if ref == "unknown":
            area_verdict = state_verdict = "unscored"
        else:
            area_verdict = "none" if not covering else ("agree" if covering == [ref] else "wrong")
            state_verdict = "no state" if state is None else ("agree" if state.controller == ref else "wrong")
        rows.append(TownScore(
            place=town.place, reference=ref, area=area, area_verdict=area_verdict,
            state=None if state is None else state.controller,
            state_status=None if state is None else state.status,
            state_place=None if state is None else state.name, state_verdict=state_verdict,
        ))
    return tally(rows), rows


def tally(rows: Iterable[TownScore]) -> Figures:
    """Count the verdicts of some town scores (one date's, or several dates' pooled)."""
    rows = list(rows)
    scored = [r for r in rows if r.area_verdict != "unscored"]
    return Figures(
        towns=len(rows), scored=len(scored),
        area_agree=sum(r.area_verdict == "agree" for r in scored),
        area_none=sum(r.area_verdict == "none" for r in scored),
        area_wrong=sum(r.area_verdict == "wrong" for r in scored),
        with_state=sum(r.state_verdict in ("agree", "wrong") for r in scored),
        state_agree=sum(r.state_verdict == "agree" for r in scored),
    )


def run(data: Path, corpus: Path, dates: Sequence[dt.date] | None = None) -> dict[str, Any]:
    """Analyse *corpus* once, build the map of each date and score it; return a JSON-ready report."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from geo.layers.build import build_map_data
    from geo.pipeline import analyse

    towns = load_reference(data)
    dates = list(dates) if dates else reference_dates(towns)
    result = analyse(Path(corpus))  # the analysis does not depend on the map date
    by_date: dict[str, Any] = {}
    pooled: list[TownScore] = []
    for date in dates:
        md = build_map_data(result, date=date, progress=False)
        figures, rows = score_map(md, towns, date)
        pooled.extend(rows)
        by_date[date.isoformat()] = {"figures": figures.to_dict(), "towns": [asdict(r) for r in rows],
                                     "areas": sorted(_on_date(md.areas, date))}
    return {"data": str(data), "corpus": str(corpus), "state_match_km": STATE_MATCH_KM,
            "dates": by_date, "overall": tally(pooled).to_dict()}


def _pct(value: float | None) -> str:
    return "  –  " if value is None else f"{100 * value:5.1f}%"


def format_report(report: Mapping[str, Any], verbose: bool = False) -> str:
    """Return the report as text: one line of figures per date and overall, and with *verbose* a table per date."""
    out = [f"reference {report['data']}", f"corpus    {report['corpus']}", "",
           "date        towns scored | area agree   none  wrong | with state  state agree"]
    lines = [(d, v["figures"]) for d, v in report["dates"].items()] + [("overall", report["overall"])]
    for name, f in lines:
        out.append(f"{name:10s} {f['towns']:6d} {f['scored']:6d} | {_pct(f['area_agree_share'])} "
                   f"{_pct(f['area_none_share'])} {_pct(f['area_wrong_share'])} | "
                   f"{f['with_state']:4d} {_pct(f['state_coverage'])}  {_pct(f['state_agree_share'])}")
    if verbose:
        for d, v in report["dates"].items():
            out += ["", f"{d} (areas drawn for: {', '.join(v['areas']) or 'none'})",
                    f"{'town':18s} {'reference':13s} {'area':13s} {'verdict':9s} {'state':13s} {'verdict':9s} "
                    "state place"]
            for r in v["towns"]:
                state = "–" if r["state"] is None else f"{r['state']} ({r['state_status']})"
                out.append(f"{r['place']:18s} {r['reference']:13s} {r['area'] or '–':13s} {r['area_verdict']:9s} "
                           f"{state:13s} {r['state_verdict']:9s} {r['state_place'] or ''}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA, help="reference CSV (default: %(default)s)")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="corpus folder (default: %(default)s)")
    ap.add_argument("--date", action="append", type=dt.date.fromisoformat,
                    help="score only this date (repeatable; default: every date of the reference)")
    ap.add_argument("--verbose", action="store_true", help="also print the per-town table of each date")
    ap.add_argument("--json", nargs="?", const="-", metavar="OUT",
                    help="write the report as JSON to OUT (default: stdout) instead of text")
    args = ap.parse_args(argv)
    report = run(args.data, args.corpus, args.date)
    if args.json is not None:
        text = json.dumps(report, indent=2, ensure_ascii=False)
        if args.json == "-":
            print(text)
        else:
            Path(args.json).write_text(text + "\n", encoding="utf-8")
    else:
        print(format_report(report, args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
