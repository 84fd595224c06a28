"""A large user gazetteer: importing 100,000 places, and ``geo events`` on the seeds with them, against without.

The places are invented by this script (names from random syllables, points in a box over
Syria and its neighbours, fixed seed), written as a GeoNames dump and imported with
``geo gazetteer import``; nothing is downloaded. Every figure is a ratio against ``geo events
--corpus seeds`` without a user gazetteer, measured in the same run (the median of
``--repeat`` runs each, a fresh process each, as a user would run them). The first ``geo events``
after the import is reported on its own (it maps the user gazetteer's tables, ``gazetteer.store.UserTables``,
when the import built them, else builds them), and a later run beside it. The import of a dump of one place, and
the first ``geo events`` after it, give the fixed costs of the two steps: what the bar leaves for the rows.
``--compare-with DIR`` measures another checkout (the code before a change, say) in the same run, the two
interleaved, each with a cache of its own; ``geo render --date 2024-12-08`` without a user gazetteer is timed
too (a change must not slow it).

Run: ``python benchmarks/bench_user_gazetteer.py [--places 100000] [--repeat 3] [--compare-with DIR]``. Each figure
is given in wall time and in CPU time (the process and the processes it forked), which a loaded machine inflates less.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_cli import compile_tree

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


def timed(argv: list[str], env: dict[str, str], tree: Path = ROOT) -> tuple[float, float]:
    """Run ``python -m geo ARGV`` of *tree* in a fresh process; return its wall time and CPU time in seconds.

    The CPU time is user and system time of the process and of every process it forked and
    waited for (an import's writer), which a loaded machine inflates far less than the wall time.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "geo", *argv], cwd=tree, env={**env, "PYTHONPATH": str(tree)}, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(trees: list[Path], folder: Path, dump: Path, repeat: int
            ) -> dict[Path, dict[str, list[tuple[float, float]]]]:
    """Time each step for each tree, the trees' runs interleaved round by round (the load touches all alike).

    Each tree has user gazetteers and cache folders of its own, one for the runs without a user
    gazetteer and one for those with it: the caches keep few versions of a kind (one of the
    extractions), so runs of the two configurations in one folder would evict each other's
    entries, and the baseline would not be the warm run it stands for. A round: ``geo render
    --date 2024-12-08`` without a user gazetteer, ``geo events`` without one (the baseline), the
    import (``--replace``: every round changes the user gazetteer), the first ``geo events`` after
    it, and a later one; then the same import and first run with a dump of one place (the fixed costs).
    """
    events = ["events", "--corpus", "seeds", "--format", "json"]
    envs = {}
    one = folder / "one.txt"
    write_dump(one, 1)
    for i, tree in enumerate(trees):
        env = {**os.environ, "GEO_CACHE_DIR": str(folder / f"cache{i}-without"),
               "GEO_DATA_DIR": str(folder / f"without{i}")}
        env_with = {**os.environ, "GEO_CACHE_DIR": str(folder / f"cache{i}-with"),
                    "GEO_DATA_DIR": str(folder / f"with{i}")}
        env_one = {**os.environ, "GEO_CACHE_DIR": str(folder / f"cache{i}-one"),
                   "GEO_DATA_DIR": str(folder / f"one{i}")}
        envs[tree] = (env, env_with, env_one)
        for warm in (env, env_with, env_one):  # the packaged tables, the seeds' extractions without a user gazetteer
            timed(events, warm, tree)
    times: dict[Path, dict[str, list[tuple[float, float]]]] = {tree: {} for tree in trees}
    for _ in range(repeat):
        for tree in trees:
            env, env_with, env_one = envs[tree]
            steps = {  # the render first: the baseline does not follow the other tree's writes of 40 MB at once
                "render": (["render", "--corpus", "seeds", "--date", "2024-12-08", "--out",
                            str(folder / "map.html")], env),
                "baseline": (events, env),
                "import": (["gazetteer", "import", str(dump), "--replace"], env_with),
                "first": (events, env_with),
                "later": (events, env_with),
                "import_one": (["gazetteer", "import", str(one), "--replace"], env_one),
                "first_one": (events, env_one),
            }
            for name, (argv, step_env) in steps.items():
                times[tree].setdefault(name, []).append(timed(argv, step_env, tree))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--compare-with", type=Path, action="append", default=[], metavar="DIR",
                        help="another checkout of geo (e.g. the code before a change), measured in the same run")
    args = parser.parse_args()
    trees = [ROOT, *(d.resolve() for d in args.compare_with)]
    for tree in trees:
        compile_tree(tree)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        dump = folder / "XX.txt"
        write_dump(dump, args.places)
        times = measure(trees, folder, dump, args.repeat)
        size = (folder / "with0" / "user_gazetteer.sqlite").stat().st_size
    print(f"user gazetteer: {args.places:,} places, {size / 2**20:.1f} MiB; median of {args.repeat} runs each, "
          "fresh processes, the trees interleaved")
    for tree in trees:
        print(f"\n{tree}  (wall time; CPU time of the process and its children in brackets)")
        wall, cpu = ({name: statistics.median(v[column] for v in values) for name, values in times[tree].items()}
                     for column in (0, 1))
        base, cpu_base = wall["baseline"], cpu["baseline"]
        print(f"  geo events --corpus seeds without it (baseline): {base:.2f} s ({cpu_base:.2f} s)")
        print(f"  geo render --date 2024-12-08 without it:         {wall['render']:.2f} s ({cpu['render']:.2f} s)")
        for label, names in (("geo gazetteer import (--replace)", ("import",)),
                             ("geo events with it, first run after", ("first",)),
                             ("geo events with it, a later run", ("later",)),
                             ("import, then the first geo events", ("import", "first")),
                             ("import, then a later geo events", ("import", "later")),
                             ("import of one place, then geo events", ("import_one", "first_one"))):
            value, value_cpu = sum(wall[n] for n in names), sum(cpu[n] for n in names)
            print(f"  {label + ':':48s} {value:.2f} s = {value / base:.2f}x the baseline "
                  f"({value_cpu:.2f} s = {value_cpu / cpu_base:.2f}x)")
        fixed = wall["import_one"] + wall["first_one"]
        print(f"  (the bar: import, then the first geo events, at most 3x; the fixed costs of one place take "
              f"{fixed / base:.2f}x, leaving {3 * base - fixed:.2f} s for the rows)")


if __name__ == "__main__":
    main()
