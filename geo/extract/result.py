"""What extraction returns for one article, and the linking of repeated events across near-duplicate reports.

Kept apart from the extraction rules (and their compiled patterns), so that reading results back
from an event store does not load them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from geo.model import Article, ControlEvent, DistanceMention

__all__ = ["ArticleExtraction", "link_duplicate_events"]


@dataclass(frozen=True, slots=True)
class ArticleExtraction:
    """The events and distances of one article (near-duplicate linking happens later, corpus-wide)."""

    article: Article
    events: tuple[ControlEvent, ...]
    distances: tuple[DistanceMention, ...]


def link_duplicate_events(events: Sequence[ControlEvent], articles: Sequence[Article]) -> list[ControlEvent]:
    """Mark the events of a near-duplicate article that repeat an event of its original.

    An event of an article whose ``duplicate_of`` is set gets ``duplicate_of`` = the id of
    the original's event on the same place with the same kind and stance; events the later
    version adds stay independent.
    """
    original_of = {a.id: a.duplicate_of for a in articles if a.duplicate_of}
    by_key = {(e.article, e.place_id, e.kind, e.stance): e.id for e in events if e.article not in original_of}
    out = []
    for e in events:
        source = original_of.get(e.article)
        match = by_key.get((source, e.place_id, e.kind, e.stance)) if source else None
        out.append(replace(e, duplicate_of=match) if match else e)
    return out
