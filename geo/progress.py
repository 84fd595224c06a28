"""Progress bars (rich) on stderr for long work, shown only when stderr is a terminal.

Piped or redirected output, CI logs and tests stay silent unless a bar is asked for.
"""

from __future__ import annotations

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
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True)
    if enabled is False or (enabled is None and not console.is_terminal):
        return None
    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    console=console, transient=True)


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
