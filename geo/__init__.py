"""geo: news articles about a war turned into a time-sliced control map, with evidence."""

from __future__ import annotations

__version__ = "0.1.0"
