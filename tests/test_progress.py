"""Progress bars: drawn on a terminal, silent when stderr is a pipe or a file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _stderr_on_a_terminal(argv: list[str]) -> str:
    """Run a command with stderr on a pseudo-terminal; return what it drew there."""
    leader, follower = os.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100"}
    try:
        proc = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=follower,
                              env=env, timeout=300, check=False)
    finally:
        os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the terminal's other end is closed and drained
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.returncode == 0
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.cli
def test_render_draws_bars_for_the_articles_and_the_map_dates_on_a_terminal(tmp_path: Path) -> None:
    drawn = _stderr_on_a_terminal([sys.executable, "-m", "geo", "render", "--corpus", str(SEEDS),
                                   "--out", str(tmp_path / "map.html")])
    assert "articles" in drawn and "map dates" in drawn
    assert (tmp_path / "map.html").is_file()


@pytest.mark.cli
def test_render_writes_no_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "geo", "render", "--corpus", str(SEEDS), "--out",
                           str(tmp_path / "map.html")], capture_output=True, text=True, timeout=300, check=True)
    assert "articles" not in proc.stderr and "map dates" not in proc.stderr
    assert all(line.startswith("warning: ") for line in proc.stderr.splitlines())
