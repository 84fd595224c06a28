"""A large user gazetteer: importing 100,000 places, and ``geo events`` on the seeds with them, against without.

The places are invented by this script (names from random syllables, points in a box over
Syria and its neighbours, fixed seed), written as a GeoNames dump and imported with
``geo gazetteer import``; nothing is downloaded. Every figure is a ratio against ``geo events
--corpus seeds`` without a user gazetteer, measured in the same run (the median of
``--repeat`` runs each, a fresh process each, as a user would run them). The first ``geo events``
after the import builds the user gazetteer's tables into the cache (``gazetteer.store.UserTables``)
and is reported on its own; the median with the user gazetteer is of the runs after it.

Run: ``python benchmarks/bench_user_gazetteer.py [--places 100000] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SYLLABLES = ["ka", "zun", "bul", "mar", "tel", "qa", "rin", "shu", "dor", "han", "bet", "lo", "mi", "ya", "nur",
             "sab", "kha", "wir", "tam", "goz"]


def write_dump(path: Path, places: int, seed: int = 21) -> None:
    """Write ``places`` invented populated places as 19-column GeoNames rows."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(places):
            name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
            name = f"{name} {''.join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()}"
            lat, lon = rng.uniform(29.0, 40.0), rng.uniform(33.0, 46.0)
            row = [str(90_000_000 + i), name, name, "", f"{lat:.5f}", f"{lon:.5f}", "P", "PPL", "SY", "", "01",
                   "", "", "", str(rng.randint(0, 5000)), "", "", "Asia/Damascus", "2026-01-01"]
            fh.write("\t".join(row) + "\n")


def timed(argv: list[str], env: dict[str, str]) -> float:
    """Run ``python -m geo ARGV`` in a fresh process; return its wall time in seconds."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "geo", *argv], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "GEO_DATA_DIR": str(folder / "without")}
        env_with = {**env, "GEO_DATA_DIR": str(folder / "with")}
        dump = folder / "XX.txt"
        write_dump(dump, args.places)
        events = ["events", "--corpus", "seeds", "--format", "json"]
        timed(events, env)  # warm the file cache
        imports = [timed(["gazetteer", "import", str(dump), "--replace"], env_with) for _ in range(args.repeat)]
        without, with_user = [], []
        first = timed(events, env_with)  # builds the user tables of this user gazetteer into the cache
        for _ in range(args.repeat):  # interleaved: the machine's load touches both alike
            without.append(timed(events, env))
            with_user.append(timed(events, env_with))
        base, imp, used = statistics.median(without), statistics.median(imports), statistics.median(with_user)
        size = (folder / "with" / "user_gazetteer.sqlite").stat().st_size
    print(f"user gazetteer: {args.places:,} places, {size / 2**20:.1f} MiB; median of {args.repeat} runs each")
    print(f"geo events --corpus seeds without it (baseline): {base:.2f} s")
    print(f"geo gazetteer import (100k rows, --replace):     {imp:.2f} s = {imp / base:.2f}x the baseline")
    print(f"geo events --corpus seeds with it, first run:    {first:.2f} s = {first / base:.2f}x the baseline")
    print(f"geo events --corpus seeds with it, later runs:   {used:.2f} s = {used / base:.2f}x the baseline")
    print(f"import, then events with it (first run):         {imp + first:.2f} s = {(imp + first) / base:.2f}x "
          "the baseline (the bar: at most 3x)")
    print(f"import, then events with it (a later run):       {imp + used:.2f} s = {(imp + used) / base:.2f}x "
          "the baseline")


if __name__ == "__main__":
    main()
