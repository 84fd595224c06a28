"""Dates at the ends of the calendar: arithmetic clamped in geo.dates, and every command still answers.

Articles published on 0001-01-01 (the empty date of many exporters) or near 9999-12-31 with
relative time expressions, claims and denials (the rival-claims index pads dates) must give
maps and tables, not an internal error.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from geo.cli import main
from geo.dates import FIRST, LAST, parse_date, shift
from geo.errors import DateError


def test_shift_clamps_at_both_ends_and_moves_inside() -> None:
    assert shift(dt.date(9999, 12, 30), 7) == LAST
    assert shift(dt.date(1, 1, 3), -7) == FIRST
    assert shift(dt.date(2024, 2, 28), 2) == dt.date(2024, 3, 1)
    assert shift(dt.date(2024, 1, 1), -10**30) == FIRST  # beyond what a timedelta can hold


def test_parse_date_names_the_input_and_the_fix() -> None:
    assert parse_date("2023-04-15", "--date") == dt.date(2023, 4, 15)
    for bad in ("2024-02-30", "10000-01-01", "20241208", "", "yesterday"):
        with pytest.raises(DateError, match="YYYY-MM-DD"):
            parse_date(bad, "--date")


# Claims and denials from several wars, each with a relative date, so that the resolver, the fold and
# the rival-claims index all see dates at the edge.
ARTICLES = {
    "a.txt": "date {d}\nsource Wire A\n\nRebels say they captured Hama on Monday. The army denied that rebels "
             "had captured Hama. Last week the army besieged Aleppo.\n",
    "b.txt": "date {d}\nsource Wire B\n\nRussian forces said they took Bakhmut two days ago. Ukraine's military "
             "denied that Russian troops had taken Bakhmut.\n",
    "c.txt": "date {d}\nsource Wire C\n\nThe RSF claimed it seized El Fasher yesterday, a claim the army denied. "
             "Earlier this month the army withdrew from Wad Madani.\n",
}


@pytest.mark.parametrize("day", ["0001-01-03", "9999-12-31"])
def test_every_command_answers_with_articles_at_the_calendar_ends(tmp_path: Path, day: str,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text.format(d=day), encoding="utf-8")
    c = ["--corpus", str(corpus)]
    runs = [["events", "--format", "json", *c], ["control", "--date", day, "--format", "json", *c],
            ["timeline", "Hama", *c], ["render", "--out", str(tmp_path / "h.html"), *c],
            ["render", "--date", day, "--out", str(tmp_path / "d.html"), *c],
            ["render", "--date", "2024-01-01", "--days", "10000000", "--out", str(tmp_path / "w.html"), *c],
            ["export", "--format", "gpkg", "--out", str(tmp_path / "e.gpkg"), *c]]
    for argv in runs:
        assert main(argv) == 0, argv
        out, err = capsys.readouterr()
        assert "internal error" not in err, (argv, err)
    main(["events", "--format", "json", *c])
    events = json.loads(capsys.readouterr().out)
    assert {"Hama", "Bakhmut", "El Fasher"} <= {e["place"] for e in events}  # still found, in three wars
    assert all(e["date"] is None or FIRST.isoformat() <= e["date"] <= LAST.isoformat() for e in events)
