"""A small generated corpus for the ingest tests: dated wire stories about real Syrian places.

Each article states one capture with a date and a side, and carries filler drawn at random
from a word list, so no two articles are near-duplicates of each other.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

PLACES = ("Aleppo", "Homs", "Hama", "Idlib", "Raqqa", "Palmyra", "Manbij", "Saraqib", "Douma", "Qamishli",
          "Latakia", "Tartus", "Kobani", "Hasakah")
SIDES = (("Rebel fighters", "rebels"), ("Government forces", "the army"), ("Kurdish-led SDF fighters", "SDF"))
_WORDS = ("water bread market school clinic road bridge winter fuel prices farmers harvest council meeting "
          "talks envoy convoy aid families children teachers doctors nurses shops power cuts generators "
          "rain snow wheat olive factory workers students exams trucks border crossing permits salaries "
          "currency bank loans rents housing repairs cement pipes wells pumps cables radio newspaper").split()


def article_text(i: int, seed: int = 7) -> tuple[str, str, dt.date, str]:
    """Text, place, date of the capture and publication date (ISO) of generated article i."""
    rng = random.Random(f"{seed}:{i}")
    place = rng.choice(PLACES)
    side, _ = rng.choice(SIDES)
    published = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(600))
    day = published - dt.timedelta(days=rng.randrange(1, 5))
    filler = [" ".join(rng.choice(_WORDS) for _ in range(14)).capitalize() + "." for _ in range(6)]
    body = (f"{side} captured {place} on {day.day} {day:%B} {day.year}, a war monitor said.\n\n"
            + " ".join(filler[:3]) + "\n\n" + " ".join(filler[3:]) + "\n")
    return f"date {published.isoformat()}\nsource Wire {seed}\n\n" + body, place, day, published.isoformat()


def write_corpus(folder: Path, n: int, *, seed: int = 7, start: int = 0) -> list[Path]:
    """Write articles start..start+n-1 as NNNNN.txt files into folder; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        path = folder / f"{i:05d}.txt"
        path.write_text(article_text(i, seed)[0], encoding="utf-8")
        paths.append(path)
    return paths
