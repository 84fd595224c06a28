"""Benchmark the control map at scale: HTML size and time-to-interactive in Chromium.

Synthetic MapData: 2,000 places, 20,000 events over 100 dates (each event changes one
place's controller or status), an inferred area per faction and date, front lines, 50
distance rings, 14 governorates. Prints the render time, the HTML size (budget 10 MB),
the time from navigation to ``window.__geoReady`` in headless system Chromium (budget 2 s),
the mean time of one slider step, and, for scale, ``python -c "import folium"`` measured in
the same run. Run from the repository root: ``python benchmarks/bench_render.py [--out DIR]``
(with geo installed, or ``PYTHONPATH=.``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from shapely.geometry import LineString, MultiPoint, Point, box, mapping

from geo.layers.data import MapData
from geo.model import ControlEvent, ControlState, DistanceMention
from geo.render import write_map
from geo.theatres import faction_styles

FACTIONS = ("government", "opposition", "sna", "sdf", "islamic_state")
STATUSES = ("held", "held", "held", "contested", "besieged", "claimed")
WORDS = ("forces", "rebels", "captured", "the", "town", "after", "heavy", "fighting", "near",
         "village", "army", "said", "on", "Tuesday", "according", "to", "monitor", "outskirts")


def _event(rng: random.Random, i: int, place: dict, day: dt.date, gaining: str) -> ControlEvent:
    sentence = " ".join(rng.choice(WORDS) for _ in range(22)) + f" {place['name']} <b>&</b>."
    return ControlEvent(
        id=f"ev{i:05d}", article=f"{rng.getrandbits(64):016x}", published=day,
        place=place["name"], place_id=place["id"], lat=place["lat"], lon=place["lon"],
        geo_precision=1, date=day, date_end=None, date_precision="day", time_text="on Tuesday",
        kind=rng.choice(("captured", "entered", "contested", "besieged")),
        actor_gaining=gaining, actor_losing=rng.choice(FACTIONS), stance="reported",
        attributed_to=rng.choice((None, "the Syrian Observatory")), sentence=sentence, start=0,
        end=len(sentence), confidence=0.8, source=rng.choice(("Wire A", "Daily B", "Gazette C")))


def synthetic(n_places: int = 2000, n_events: int = 20000, n_dates: int = 100,
              seed: int = 7) -> MapData:
    """Build a reproducible MapData of the given size over a 6 x 5 degree box."""
    rng = random.Random(seed)
    places = [{"id": f"p{i}", "name": f"Place {i}", "lat": round(32.5 + rng.random() * 4.7, 5),
               "lon": round(35.8 + rng.random() * 6.3, 5), "kind": "town"} for i in range(n_places)]
    dates = [dt.date(2024, 1, 1) + dt.timedelta(days=3 * k) for k in range(n_dates)]
    events, event_dates, states, areas, fronts = {}, {}, {}, {}, {}
    snap: dict[str, ControlState] = {}
    for k, day in enumerate(dates):
        snap = dict(snap)
        ids = []
        for j in range(n_events // n_dates):
            p = rng.choice(places)
            ev = _event(rng, k * (n_events // n_dates) + j, p, day, rng.choice(FACTIONS))
            events[ev.id] = ev
            ids.append(ev.id)
            old = snap.get(p["id"])
            evidence = ((old.evidence if old else ()) + (ev.id,))[-3:]
            snap[p["id"]] = ControlState(p["id"], p["name"], p["lat"], p["lon"],
                                         ev.actor_gaining, rng.choice(STATUSES), day, evidence)
        states[day], event_dates[day] = snap, ids
        areas[day] = {f: MultiPoint([(s.lon, s.lat) for s in snap.values() if s.controller == f])
                      .convex_hull.buffer(0.05) for f in FACTIONS}
        fronts[day] = [(LineString([(36 + i, 33 + rng.random()) for i in range(6)]),
                        "government", "opposition")]
    rings = [(DistanceMention(20.0, 2.0, "about", None, p["id"], p["name"], p["lat"], p["lon"],
                              None, "a" * 16, "About 20 km from the town.", 0, 5),
              Point(p["lon"], p["lat"]).buffer(0.18), rng.choice(dates)) for p in places[:50]]
    govs = [{"type": "Feature", "properties": {"id": f"G{i}", "name": f"Gov {i}"},
             "geometry": mapping(box(35.8 + (i % 7) * 0.9, 32.5 + (i // 7) * 2.35,
                                     36.7 + (i % 7) * 0.9, 34.85 + (i // 7) * 2.35))}
            for i in range(14)]
    outline = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
               "geometry": mapping(box(35.7, 32.3, 42.4, 37.3))}]}
    return MapData(title="Benchmark", corpus="synthetic", dates=dates, places=places,
                   factions=faction_styles(["syria"]),
                   states=states, events=events, event_dates=event_dates, areas=areas,
                   fronts=fronts, rings=rings, outline=outline,
                   governorates={"type": "FeatureCollection", "features": govs})


def import_time(module: str) -> float:
    """Seconds for a fresh interpreter to run ``import module``."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", f"import {module}"], check=True)
    return time.perf_counter() - t0


def browser_times(html: Path) -> tuple[float, float, float]:
    """(wall seconds navigation -> ready, in-page ms to ready, mean ms per slider step)."""
    from playwright.sync_api import sync_playwright

    from geo.render.browser import block_network, launch

    with sync_playwright() as pw:
        browser = launch(pw)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        block_network(context)
        page = context.new_page()
        page.goto("about:blank")
        t0 = time.perf_counter()
        page.goto(html.resolve().as_uri(), wait_until="commit")
        page.wait_for_function("window.__geoReady === true", timeout=60000, polling=10)
        wall = time.perf_counter() - t0
        in_page = page.evaluate("window.__geoReadyAt")
        step = page.evaluate("""() => { const n = __geo.data.dates.length, t = performance.now();
            for (let k = 0; k < n; k++) __geo.show(k, false);
            return (performance.now() - t) / n; }""")
        browser.close()
    return wall, in_page, step


def main() -> None:
    """Build, render, load and report."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=None, help="folder to keep the HTML in")
    args = ap.parse_args()
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="geo-bench-"))
    t0 = time.perf_counter()
    data = synthetic()
    t1 = time.perf_counter()
    html = write_map(data, out_dir / "bench.html")
    t2 = time.perf_counter()
    size = html.stat().st_size
    wall, in_page, step = browser_times(html)
    folium_s, geo_s = import_time("folium"), import_time("geo.render")
    print(f"synthetic data: {len(data.places)} places, {len(data.events)} events, "
          f"{len(data.dates)} dates (built in {t1 - t0:.2f} s)")
    print(f"render + write: {t2 - t1:.2f} s -> {html}")
    print(f"HTML size: {size / 1e6:.2f} MB (budget 10 MB) {'OK' if size < 10e6 else 'OVER'}")
    print(f"time to interactive: {wall:.2f} s wall, {in_page / 1000:.2f} s in page "
          f"(budget 2 s) {'OK' if wall < 2 else 'OVER'}")
    print(f"slider step: {step:.1f} ms mean over {len(data.dates)} dates")
    print(f"python -c 'import folium': {folium_s:.2f} s; 'import geo.render': {geo_s:.2f} s")


if __name__ == "__main__":
    main()
