"""Shared pytest fixtures: headless Chromium (offline), the default gazetteer, empty cache and user data folders."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

#: Not importable under the test run's Python (``--doctest-modules`` imports every module): a script for
#: Debian's Python with the QGIS bindings, run in a subprocess by tests/test_export_qgis.py.
collect_ignore = ["qgis_check.py"]


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print how many inputs the CLI fuzzer fed this run, and its seed (tests/test_cli_fuzz.py)."""
    fuzz = sys.modules.get("test_cli_fuzz")
    if fuzz is not None and fuzz.COUNTS["inputs"]:
        c = fuzz.COUNTS
        terminalreporter.write_line(f"CLI fuzz: {c['inputs']} inputs in {c['corpora']} corpora, {c['commands']} "
                                    f"commands, seed {fuzz.SEED} (GEO_FUZZ_SEED={fuzz.SEED} replays it)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: needs headless Chromium (/usr/bin/chromium)")


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """A headless Chromium browser, or a skip when Chromium or Playwright is missing."""
    from geo.render.browser import chromium_path, launch

    if not chromium_path().exists():
        pytest.skip(f"no Chromium at {chromium_path()}: apt-get install chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as pw:
        browser = launch(pw)
        yield browser
        browser.close()


@pytest.fixture()
def page(chromium: Any) -> Iterator[Any]:
    """A fresh page with every non-file request aborted.

    ``page.console_errors`` collects console errors and page exceptions;
    ``page.network_requests`` collects every URL the page tried that is not ``file://``.
    """
    from geo.render.browser import block_network

    context = chromium.new_context(viewport={"width": 1400, "height": 900})
    block_network(context)
    pg = context.new_page()
    pg.console_errors = []
    pg.network_requests = []
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
    pg.on("request", lambda r: r.url.startswith("file:") or pg.network_requests.append(r.url))
    yield pg
    context.close()


@pytest.fixture(scope="session")
def gz() -> Any:
    """The default gazetteer (test modules that need another define their own ``gz``)."""
    from gazetteer.resolver import default_gazetteer

    return default_gazetteer()


@pytest.fixture()
def seed_copy(tmp_path: Path) -> Path:
    """A copy of the seed corpus (``seeds/``) that the test may change."""
    folder = tmp_path / "corpus"
    shutil.copytree(Path(__file__).resolve().parent.parent / "seeds", folder)
    return folder


@pytest.fixture()
def cache_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of the test's own (``GEO_CACHE_DIR``; the session's gazetteer stays loaded)."""
    from gazetteer.cache import CACHE_ENV

    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


@pytest.fixture()
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh user data folder (``GEO_DATA_DIR``); the store caches are cleared before and after."""
    from gazetteer.resolver import default_gazetteer
    from gazetteer.store import load_store

    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path / "geo-data"))
    load_store.cache_clear()
    default_gazetteer.cache_clear()
    yield tmp_path / "geo-data"
    load_store.cache_clear()
    default_gazetteer.cache_clear()


@pytest.fixture()
def write_corpus(tmp_path: Path) -> Any:
    """A function writing a corpus folder of articles ``{file: (date, text)}`` with its metadata.csv; returns it."""

    def write(articles: dict[str, tuple[str, str]], name: str = "corpus") -> Path:
        folder = tmp_path / name
        folder.mkdir()
        rows = ["file,date,source,title,url"]
        for file, (date, text) in articles.items():
            (folder / file).write_text(text + "\n", encoding="utf-8")
            rows.append(f"{file},{date},Wire,,")
        (folder / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        return folder

    return write
