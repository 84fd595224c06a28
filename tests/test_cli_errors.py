"""The ``geo`` command on bad input: one line on stderr, exit 2 for usage and 1 for failures,
no traceback unless ``--traceback``, and no output file (nor temporary file) left behind.

Also: every output is written atomically (a failed write leaves the old file whole), and two
``geo render`` / ``geo export --format gpkg`` processes writing one path at once leave one
complete, valid file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_hostile_files import GOOD

from geo.cli import main

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture()
def ws(tmp_path: Path) -> Path:
    """A workspace: a clean two-article corpus, a plain file, an empty folder, an existing map."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in GOOD.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (tmp_path / "afile").write_text("not a folder\n")
    (tmp_path / "adir").mkdir()
    (tmp_path / "empty").mkdir()
    (tmp_path / "old.html").write_text("<html>the previous map</html>\n")
    return tmp_path


def _snapshot(root: Path) -> dict[str, str]:
    """Every path under root with a hash of its content (folders as 'dir')."""
    out = {}
    for p in sorted(root.rglob("*")):
        out[str(p.relative_to(root))] = "dir" if p.is_dir() else hashlib.sha256(p.read_bytes()).hexdigest()
    return out


# argv (with {ws} for the workspace, {c} for the clean corpus) -> expected exit status
MATRIX: list[tuple[str, list[str], int]] = [
    ("impossible date", ["render", "--date", "2024-13-45", "--out", "{ws}/m.html"], 2),
    ("word for a date", ["render", "--date", "yesterday", "--out", "{ws}/m.html"], 2),
    ("empty date", ["render", "--date", "", "--out", "{ws}/m.html"], 2),
    ("bad control date", ["control", "--date", "2024-02-30"], 2),
    ("bad export date", ["export", "--format", "gpkg", "--date", "08/12/2024", "--out", "{ws}/m.gpkg"], 2),
    ("unknown events format", ["events", "--format", "xml"], 2),
    ("unknown control format", ["control", "--date", "2024-12-08", "--format", "yaml"], 2),
    ("unknown export format", ["export", "--format", "shp", "--out", "{ws}/m.shp"], 2),
    ("format without a value", ["events", "--format"], 2),
    ("unknown option", ["events", "--bogus"], 2),
    ("export to a folder as a file", ["export", "--format", "gpkg", "--out", "{ws}/adir"], 2),
    ("geojson export over a file", ["export", "--format", "geojson", "--out", "{ws}/afile"], 2),
    ("unknown place", ["timeline", "Nowhereville Xyzzy"], 1),
    ("empty place", ["timeline", ""], 1),
    ("map under a file", ["render", "--out", "{ws}/afile/m.html"], 1),
    ("map onto a folder", ["render", "--out", "{ws}/adir"], 2),  # as for export: the wrong kind of --out
    ("map name too long", ["render", "--out", "{ws}/" + "x" * 300 + ".html"], 1),
    ("gpkg under a file", ["export", "--format", "gpkg", "--out", "{ws}/afile/m.gpkg"], 1),
    ("csv under a file", ["export", "--format", "csv", "--out", "{ws}/afile/e.csv"], 1),
    ("geojson under a file", ["export", "--format", "geojson", "--out", "{ws}/afile/layers"], 1),
    ("corpus missing", ["events", "--corpus", "{ws}/missing"], 1),
    ("corpus is a file", ["events", "--corpus", "{ws}/afile"], 1),
    ("corpus is empty", ["events", "--corpus", "{ws}/empty"], 1),
    ("render from a missing corpus", ["render", "--corpus", "{ws}/missing", "--out", "{ws}/m.html"], 1),
    ("export from an empty corpus", ["export", "--format", "csv", "--corpus", "{ws}/empty", "--out", "{ws}/e.csv"], 1),
]
_CORPUS_COMMANDS = {"render", "events", "control", "timeline", "export", "distances"}


def _argv(template: list[str], ws: Path) -> list[str]:
    argv = [a.replace("{ws}", str(ws)) for a in template]
    if argv[0] in _CORPUS_COMMANDS and "--corpus" not in argv:
        argv += ["--corpus", str(ws / "corpus")]
    return argv


def _one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one stderr line, got {lines}"
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize(("template", "status"), [(a, s) for _, a, s in MATRIX], ids=[n for n, _, _ in MATRIX])
def test_bad_input_is_one_line_the_right_status_and_writes_nothing(ws: Path, capsys: pytest.CaptureFixture[str],
                                                                    template: list[str], status: int) -> None:
    before = _snapshot(ws)
    code = main(_argv(template, ws))
    out, err = capsys.readouterr()
    line = _one_error_line(err)
    assert code == status, line
    assert line.startswith("error:") and out == ""
    assert _snapshot(ws) == before, "an output or temporary file was left behind"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ro = ws / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        for argv in (["render", "--out", f"{ro}/m.html"], ["export", "--format", "gpkg", "--out", f"{ro}/m.gpkg"]):
            assert main(_argv(argv, ws)) == 1
            _one_error_line(capsys.readouterr().err)
            assert list(ro.iterdir()) == []
    finally:
        ro.chmod(0o755)


def test_unknown_place_id(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(_argv(["timeline", "local:no-such-place"], ws))
    _one_error_line(capsys.readouterr().err)
    assert code == 1


def test_unexpected_error_is_one_line_without_traceback(ws: Path, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import geo.pipeline

    def broken(*_args: object, **_kw: object) -> None:
        raise RuntimeError("a bug\nspanning lines")

    monkeypatch.setattr(geo.pipeline, "analyse", broken)
    code = main(_argv(["events"], ws))
    line = _one_error_line(capsys.readouterr().err)
    assert code == 1 and "RuntimeError" in line and "--traceback" in line


def test_spacing_accent_before_a_name_is_read(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (ws / "corpus" / "z.txt").write_text("date 2024-12-02\n\nRebels captured Tell \u00b4Aran.\n")
    assert main(_argv(["events", "--format", "json"], ws)) == 0


# --------------------------------------------------------------------------- real processes
def _geo(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "geo", *argv], capture_output=True, text=True, cwd=cwd,
                          timeout=300, check=False)


@pytest.mark.cli
def test_real_process_stderr_and_traceback_flag(ws: Path) -> None:
    corpus = str(ws / "corpus")
    bad = _geo("render", "--date", "2024-13-45", "--corpus", corpus, cwd=ws)
    assert bad.returncode == 2 and bad.stdout == ""
    assert "2024-13-45" in _one_error_line(bad.stderr) and "YYYY-MM-DD" in bad.stderr
    missing = _geo("events", "--corpus", str(ws / "missing"), cwd=ws)
    assert missing.returncode == 1 and "missing" in _one_error_line(missing.stderr)
    shown = _geo("--traceback", "render", "--out", str(ws / "afile" / "m.html"), "--corpus", corpus, cwd=ws)
    assert shown.returncode == 1 and "Traceback" in shown.stderr and "OutputError" in shown.stderr
    assert not (ws / "maps").exists()


# --------------------------------------------------------------------------- atomic writes
def test_failed_write_keeps_the_old_map_and_leaves_no_temporary_file(ws: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    import geo.output

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    old = {p: p.read_bytes() for p in [ws / "old.html"]}
    (ws / "old.gpkg").write_bytes(b"previous gpkg")
    monkeypatch.setattr(geo.output.os, "replace", fail)  # the one writer of every output
    assert main(_argv(["render", "--out", str(ws / "old.html")], ws)) == 1
    assert "No space left" in _one_error_line(capsys.readouterr().err)
    assert main(_argv(["export", "--format", "gpkg", "--out", str(ws / "old.gpkg")], ws)) == 1
    _one_error_line(capsys.readouterr().err)
    assert (ws / "old.html").read_bytes() == old[ws / "old.html"]
    assert (ws / "old.gpkg").read_bytes() == b"previous gpkg"
    assert sorted(p.name for p in ws.iterdir()) == ["adir", "afile", "corpus", "empty", "old.gpkg", "old.html"]


_FOLIUM_ID = re.compile(r"_[0-9a-f]{32}(?![0-9a-f])")  # folium's random element ids


def _map_json(text: str) -> dict:
    m = re.search(r'<script type="application/json" id="geo-data">(.*?)</script>', text, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


@pytest.mark.cli
@pytest.mark.slow
def test_two_renders_at_once_leave_one_complete_map(tmp_path: Path) -> None:
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    solo = tmp_path / "solo.html"
    assert _geo("render", "--corpus", str(corpus), "--out", str(solo), cwd=tmp_path).returncode == 0
    out = tmp_path / "out" / "map.html"
    procs = [subprocess.Popen([sys.executable, "-m", "geo", "render", "--corpus", str(corpus), "--out", str(out)],
                              cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    text, expected = out.read_text("utf-8"), solo.read_text("utf-8")
    assert text.rstrip().endswith("</html>")
    assert _map_json(text) == _map_json(expected)
    assert _FOLIUM_ID.sub("_ID", text) == _FOLIUM_ID.sub("_ID", expected)
    assert [p.name for p in out.parent.iterdir()] == ["map.html"], "a temporary file was left"


@pytest.mark.cli
@pytest.mark.slow
def test_two_gpkg_exports_at_once_leave_one_complete_file(tmp_path: Path) -> None:
    pyogrio = pytest.importorskip("pyogrio")
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    solo = tmp_path / "solo.gpkg"
    assert _geo("export", "--format", "gpkg", "--corpus", str(corpus), "--out", str(solo), cwd=tmp_path).returncode == 0
    out = tmp_path / "out" / "control.gpkg"
    argv = [sys.executable, "-m", "geo", "export", "--format", "gpkg", "--corpus", str(corpus), "--out", str(out)]
    procs = [subprocess.Popen(argv, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    layers = [name for name, _ in pyogrio.list_layers(out)]
    assert layers == [name for name, _ in pyogrio.list_layers(solo)]
    for name in layers:
        got, want = pyogrio.read_dataframe(out, layer=name), pyogrio.read_dataframe(solo, layer=name)
        assert len(got) == len(want) and list(got.columns) == list(want.columns), name
    assert [p.name for p in out.parent.iterdir()] == ["control.gpkg"], "a temporary file or folder was left"


@pytest.mark.parametrize("argv", [["render", "--out", "{ws}/afile/m.html"],
                                  ["export", "--format", "csv", "--out", "{ws}/afile/sub/e.csv"]])
def test_output_under_a_file_says_which_path_is_a_file(ws: Path, capsys: pytest.CaptureFixture[str],
                                                        argv: list[str]) -> None:
    assert main(_argv(argv, ws)) == 1
    assert f"{ws / 'afile'} is a file, not a folder" in _one_error_line(capsys.readouterr().err)


def test_ctrl_c_is_one_line_and_status_130(ws: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import geo.pipeline

    def interrupted(*_args: object, **_kw: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(geo.pipeline, "analyse", interrupted)
    assert main(_argv(["events"], ws)) == 130
    assert "interrupted" in _one_error_line(capsys.readouterr().err)


def test_many_warnings_are_summarised_after_twenty(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(25):
        (ws / "corpus" / f"empty{i:02}.txt").write_bytes(b"")
    assert main(_argv(["events", "--format", "json"], ws)) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 21 and "and 5 more warnings" in err[-1] and "geo articles" in err[-1]
