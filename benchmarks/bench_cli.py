"""Time the main job, `geo render --date 2024-12-08` on the seeds, against `python -c "import folium"`.

Both are run as fresh processes, alternately, N times in the same run; medians and the ratio are
printed, with the size of the map. Usage: python benchmarks/bench_cli.py [N]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _time(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def main(n: int = 5) -> None:
    out = Path(tempfile.mkdtemp()) / "map.html"
    render = [sys.executable, "-m", "geo", "render", "--date", "2024-12-08", "--out", str(out)]
    folium = [sys.executable, "-c", "import folium"]
    bare = [sys.executable, "-c", "pass"]
    times: dict[str, list[float]] = {"geo render --date": [], "import folium": [], "python -c pass": []}
    for _ in range(n):
        times["geo render --date"].append(_time(render))
        times["import folium"].append(_time(folium))
        times["python -c pass"].append(_time(bare))
    med = {k: statistics.median(v) for k, v in times.items()}
    for k, v in med.items():
        print(f"{k:20s} median {v:6.2f} s  ({v / med['import folium']:.1f} x import folium)")
    print(f"map size: {out.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
