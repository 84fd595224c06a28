"""The test run's gazetteer cache: a fresh temporary folder of its own.

Set before anything is collected (the doctests of ``geo/`` and ``gazetteer/`` load the
gazetteer too), shared by the test processes and the ``geo`` commands they start, and deleted
at the end: a run never reads or writes the user's cache (``~/.cache/geo``), and always builds
the cache once from nothing, as CI on a fresh machine does.
"""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

_RUN_CACHE = tempfile.mkdtemp(prefix="geo-test-cache-")
os.environ["GEO_CACHE_DIR"] = _RUN_CACHE


def pytest_unconfigure(config: pytest.Config) -> None:
    """Delete the run's cache."""
    shutil.rmtree(_RUN_CACHE, ignore_errors=True)
