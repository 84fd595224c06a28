"""The ``geo`` command end to end on random corpora of mutated articles: it answers, or says why, in one line.

Each corpus is a folder of short articles cut from the seeds and from sentences written here
for other wars, then mutated: bytes flipped, truncated, HTML, control characters, line
separators and escape sequences inserted, header dates at and beyond the ends of the calendar,
formula cells and odd file names (non-UTF-8 bytes, escape sequences), sometimes a garbled
``metadata.csv`` or ``baseline.csv``. Every corpus is read by ``geo events --format json``; some
also by ``control``, ``distances``, ``articles``, ``timeline``, ``events --format csv``,
``render``, ``export`` and ``ingest`` with a read back from the store. The CLI runs in this
process through :func:`geo.cli.main` (no interpreter start per input).

Any exit status other than 0, 1 or 2, a traceback, an "internal error", JSON that does not
parse (``NaN`` and ``Infinity`` included) or a raw control character in a table fails.

The seed is random per run (``GEO_FUZZ_SEED`` replays one) and printed with the number of
inputs in the test summary; ``GEO_FUZZ_INPUTS`` sets how many (default :data:`DEFAULT_INPUTS`).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import re
from pathlib import Path

import pytest

from geo.cli import main

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
#: Mutated article files (and metadata files) fed to the CLI per run of this module.
DEFAULT_INPUTS = 10_000
#: Articles per corpus.
CORPUS_SIZE = (40, 100)
#: Inputs fed in this process, and the seed, for the summary line (tests/conftest.py prints them).
COUNTS = {"inputs": 0, "corpora": 0, "commands": 0}
SEED = int(os.environ.get("GEO_FUZZ_SEED") or random.SystemRandom().randrange(2**32))

# Sentences written for these tests, from several wars and outlets' styles.
OWN = [
    b"date 2023-05-14\nsource Khartoum Monitor\n\nThe RSF said on Sunday it had seized the army base in Nyala, "
    b"a claim the SAF denied. Fighting reached 3 km north of El Fasher.\n",
    b"date 2022-11-11\nsource Kyiv Desk\n\nUkrainian troops entered Kherson on Friday after Russian forces "
    b"withdrew across the Dnipro, officials said.\n",
    b"date 2021-12-02\nsource Yangon Wire\n\nResistance fighters captured a junta outpost near Mindat last week, "
    b"according to local media.\n",
    b"published: 2012-11-20\nsource: Goma Today\n\nM23 rebels took control of Goma on Tuesday; the Congolese army "
    b"pulled back about 20 kilometres (12 miles) west of the city.\n",
    b"date 2017-07-09\n\nIraqi forces retook Mosul's Old City from the Islamic State, the government announced.\n",
    b"date 2019-04-06\nsource Tripoli Post\n\nForces loyal to Haftar advanced to within 50 km of Tripoli; the GNA "
    b"said it had pushed them back from Gharyan.\n",
    b"date 2015-03-26\nsource Aden Line\n\nHouthi fighters besieged Aden as Saudi-led strikes began.\n",
    b"date 2021-11-01\nsource Addis Brief\n\nTigrayan forces said they had captured Dessie and Kombolcha, which "
    b"the federal government denied.\n",
    b"date 2012-04-06\nsource Sahel Report\n\nTuareg rebels and jihadists took Timbuktu; Malian troops fled south.\n",
]
INSERTS = [
    b"<script>alert(1)</script>", b"<b>", b"</p><img src=x onerror=alert(1)>", b"&amp;&#0;&#x202e;", b"\x00",
    b"\x1b[2J\x1b]0;owned\x07", b"\xe2\x80\xae", b"\xe2\x80\xa8", b"\xe2\x80\xa9", b"\xc2\x85", b"\x0c", b"\r",
    b"\xff\xfe", b"\xef\xbb\xbf", b"\xed\xa0\x80", b"=HYPERLINK(\"http://x\")", b"+cmd|' /C calc'!A0",
    b"99999999999999999999 km west of", b"1e308 miles from", b"NaN km", b"[bold red]markup[/]", b"\t@SUM(1)",
    b" captured ", b" was taken by rebels on Monday ", b" yesterday ", b" last week ", b" in late December ",
    "عين العرب".encode(), b"\xd8", b"\n\n\n", b"..." * 30,
]
DATES = [b"0001-01-01", b"0001-01-07", b"9999-12-31", b"9999-12-25", b"0000-00-00", b"2024-02-30",
         b"10000-01-01", b"2024-13-01", b"1970-01-01", b"2024-12-08", b"-0001-01-01", b"2024-12-08T25:61"]
NAMES = ["a.txt", "b c.txt", "caf\udce9.txt", "x\x1b[31m.txt", "new\nline.txt", "=cmd.txt", "\u202egnp.txt",
         ".hidden.txt", "UPPER.TXT", "-dash.txt"]


def _sources() -> list[bytes]:
    return [p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))] + OWN


def _mutate(rng: random.Random, text: bytes) -> bytes:
    """One short article: a piece of a source with a few mutations."""
    head = text[:rng.randint(0, 100)]
    start = rng.randrange(len(text))
    data = bytearray(head + text[start:start + rng.randint(0, 300)])
    for _ in range(rng.randint(0, 4)):
        kind = rng.randrange(6)
        pos = rng.randint(0, len(data))
        if kind == 0 and data:  # flip bytes
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        elif kind == 1:  # truncate
            del data[pos:]
        elif kind == 2:
            data[pos:pos] = rng.choice(INSERTS)
        elif kind == 3:  # a date header, first or anywhere
            line = b"date " + rng.choice(DATES) + b"\n"
            data[0 if rng.random() < 0.6 else pos:0 if rng.random() < 0.6 else pos] = line
        elif kind == 4:
            data[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 12)))
        else:
            data[pos:pos] = rng.choice(OWN)[:rng.randint(0, 200)]
    return bytes(data)


def _corpus(rng: random.Random, folder: Path, sources: list[bytes]) -> int:
    """Write a corpus of mutated articles; return how many inputs (files) it holds."""
    folder.mkdir()
    count = rng.randint(*CORPUS_SIZE)
    written = 0
    for i in range(count):
        name = f"{i:03d}_{rng.choice(NAMES)}" if rng.random() < 0.15 else f"{i:03d}.txt"
        with contextlib.suppress(OSError, ValueError):
            (folder / name).write_bytes(_mutate(rng, rng.choice(sources)))
            written += 1
    if rng.random() < 0.2:
        rows = [b"file,date,source,title,url"] + [
            b",".join([rng.choice([b"000.txt", b"001.txt", b"nope.txt", b""]), rng.choice(DATES),
                       rng.choice(INSERTS), b"t", b"http://x"]) for _ in range(rng.randint(0, 5))]
        text = b"\n".join(rows)
        (folder / "metadata.csv").write_bytes(_mutate(rng, text) if rng.random() < 0.5 else text)
        written += 1
    if rng.random() < 0.1:
        base = b"place,controller,as_of,source\nAleppo,government," + rng.choice(DATES) + b",x\n" + rng.choice(INSERTS)
        (folder / "baseline.csv").write_bytes(base)
        written += 1
    return written


_RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f]|\x1b")


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    COUNTS["commands"] += 1
    return int(status), out.getvalue(), err.getvalue()


def _check(argv: list[str], status: int, out: str, err: str, *, json_out: bool) -> None:
    where = f"seed {SEED}: geo {' '.join(map(repr, argv))}"
    assert status in (0, 1, 2), f"{where}: exit {status}\n{err}"
    assert "Traceback" not in err and "internal error" not in err, f"{where}: {err}"
    assert not _RAW_CONTROL.search(err), f"{where}: a raw control character on stderr: {err!r}"
    if json_out and status == 0:
        json.loads(out, parse_constant=_reject_constant)
    elif status == 0:
        assert not _RAW_CONTROL.search(out), f"{where}: a raw control character in a table: {out!r}"


def _commands(rng: random.Random, corpus: Path, tmp: Path) -> list[tuple[list[str], bool]]:
    c = ["--corpus", str(corpus)]
    day = rng.choice(["0001-01-01", "9999-12-31", "2024-12-08", "2016-12-22", "1970-01-01"])
    runs: list[tuple[list[str], bool]] = [(["events", "--format", "json", *c], True)]
    cheap = [
        (["control", "--date", day, "--format", "json", *c], True),
        (["distances", "--format", "json", *c], True),
        (["articles", "--format", "json", *c], True),
        (["events", "--format", "csv", *c], False),
        (["events", *c], False),
        (["articles", *c], False),
        (["timeline", rng.choice(["Aleppo", "Hama", "Kherson", "Goma", "geonames:170063"]), "--format", "json", *c],
         True),
    ]
    costly = [  # a map or an export draws geometry: a few corpora only
        (["render", "--date", day, "--days", rng.choice(["0", "30", "10000000"]), "--out", str(tmp / "m.html"), *c],
         False),
        (["export", "--format", "csv", "--out", str(tmp / "e.csv"), *c], False),
    ]
    if rng.random() < 0.4:
        runs.append(rng.choice(cheap))
    if rng.random() < 0.04:
        runs.append(rng.choice(costly))
    return runs


def test_the_cli_answers_every_mutated_corpus(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    sources = _sources()
    wanted = int(os.environ.get("GEO_FUZZ_INPUTS") or DEFAULT_INPUTS)
    n = 0
    while COUNTS["inputs"] < wanted:
        corpus = tmp_path / f"c{n}"
        COUNTS["inputs"] += _corpus(rng, corpus, sources)
        COUNTS["corpora"] += 1
        for argv, json_out in _commands(rng, corpus, tmp_path):
            _check(argv, *_run(argv), json_out=json_out)
        if n % 40 == 0:  # the store: ingest in this process, read back
            store = tmp_path / f"s{n}.gpkg"
            argv = ["ingest", str(corpus), "--store", str(store), "--workers", "1"]
            _check(argv, *_run(argv), json_out=False)
            argv = ["events", "--format", "json", "--store", str(store)]
            _check(argv, *_run(argv), json_out=True)
        n += 1
    assert COUNTS["inputs"] >= wanted


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_mutated_corpus_at_the_calendar_ends_renders(tmp_path: Path, day: str) -> None:
    rng = random.Random(SEED ^ hash(day))
    corpus = tmp_path / "c"
    COUNTS["inputs"] += _corpus(rng, corpus, [b"date " + day.encode() + b"\n\n" + s for s in OWN])
    for argv in (["render", "--out", str(tmp_path / "m.html"), "--corpus", str(corpus)],
                 ["export", "--format", "geojson", "--out", str(tmp_path / "layers"), "--corpus", str(corpus)]):
        _check(argv, *_run(argv), json_out=False)
