"""Progress bars (rich) on stderr for long work, shown only when stderr is a terminal.

Piped or redirected output, CI logs and tests stay silent unless a bar is asked for.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from rich.progress import Progress

__all__ = ["progress_bar", "tracked"]

_T = TypeVar("_T")


def progress_bar(label: str, enabled: bool | None = None) -> Progress | None:
    """Return a transient rich progress bar on stderr, or None when it should stay silent.

    Parameters
    ----------
    label : str
        What the bar counts ("ingest", "map dates").
    enabled : bool, optional
        True or False to force it; by default shown only when stderr is a terminal.
    """
    if enabled is False or (enabled is None and not _may_be_terminal()):
        return None  # decided without importing rich (a tenth of a second at start-up)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True)
    if enabled is None and not console.is_terminal:
        return None
    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    console=console, transient=True)


def _may_be_terminal() -> bool:
    """Tell whether rich could take stderr for a terminal: it is one, or the variables that force one are set."""
    if any(os.environ.get(v) for v in ("FORCE_COLOR", "TTY_INTERACTIVE", "TTY_COMPATIBLE")):
        return True
    isatty = getattr(sys.stderr, "isatty", None)
    return bool(isatty and isatty())


def tracked(items: Sequence[_T], label: str, enabled: bool | None = None) -> Iterator[_T]:
    """Yield *items*, advancing a :func:`progress_bar` after each one (when it is shown)."""
    bar = progress_bar(label, enabled)
    if bar is None:
        yield from items
        return
    with bar:
        task = bar.add_task(label, total=len(items))
        for item in items:
            yield item
            bar.advance(task)
