"""Headless Chromium for the map: screenshots, and the launch settings tests share.

Uses Playwright from PyPI driving the system's Chromium (Debian package ``chromium``);
Playwright's own browser downloads are never used. Every request other than ``file://``
is aborted, so a map that tried to reach the network would show it (and fail tests).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from geo.errors import OutputError

__all__ = ["CHROMIUM_ARGS", "chromium_path", "launch", "block_network", "open_map", "screenshot"]

#: Flags for a quiet, offline, sandbox-less (container) headless Chromium.
CHROMIUM_ARGS: tuple[str, ...] = (
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
)


def chromium_path() -> Path:
    """Path of the Chromium binary: ``$GEO_CHROMIUM`` or ``/usr/bin/chromium``."""
    return Path(os.environ.get("GEO_CHROMIUM", "/usr/bin/chromium"))


def launch(playwright: Any) -> Any:
    """Launch headless system Chromium through a started Playwright instance.

    Raises
    ------
    OutputError
        No Chromium binary at :func:`chromium_path`.
    """
    exe = chromium_path()
    if not exe.exists():
        raise OutputError(f"no Chromium at {exe}; install it (apt-get install chromium) "
                          "or set GEO_CHROMIUM to its path")
    return playwright.chromium.launch(executable_path=str(exe), headless=True,
                                      args=list(CHROMIUM_ARGS))


def block_network(context: Any) -> None:
    """Abort every request of a browser context that is not a ``file://`` URL."""
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith("file:") else route.abort())


def open_map(page: Any, html_path: str | os.PathLike[str], *, date: dt.date | None = None,
             timeout_s: float = 30) -> None:
    """Load a map file in ``page`` (optionally at ``#date``) and wait for it to be ready."""
    url = Path(html_path).resolve().as_uri() + (f"#{date.isoformat()}" if date else "")
    page.goto(url)
    page.wait_for_function("window.__geoReady === true", timeout=timeout_s * 1000)


def screenshot(html_path: str | os.PathLike[str], png_path: str | os.PathLike[str], *,
               date: dt.date | None = None, width: int = 1400, height: int = 900) -> Path:
    """Take a PNG screenshot of a rendered map in headless Chromium, offline.

    Parameters
    ----------
    html_path : str or path-like
        Map written by :func:`geo.render.write_map`.
    png_path : str or path-like
        PNG to write; its folder is created if missing.
    date : datetime.date, optional
        Date to show (opens ``#YYYY-MM-DD``); None keeps the map's own start date.
    width, height : int
        Viewport size in CSS pixels.

    Returns
    -------
    pathlib.Path
        The PNG written.

    Raises
    ------
    OutputError
        Chromium or Playwright is missing, or the PNG cannot be written.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise OutputError("screenshots need Playwright; pip install playwright") from exc
    out = Path(png_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = launch(pw)
        try:
            context = browser.new_context(viewport={"width": width, "height": height})
            block_network(context)
            page = context.new_page()
            open_map(page, html_path, date=date)
            page.wait_for_timeout(300)
            page.screenshot(path=str(out))
        finally:
            browser.close()
    return out
