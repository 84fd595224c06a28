"""What extraction returns for one article, and the linking of repeated events across near-duplicate reports.

Kept apart from the extraction rules (and their compiled patterns), so that reading results back
from an event store does not load them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from geo.model import Article, ControlEvent, DistanceMention, record_values

if TYPE_CHECKING:
    from gazetteer.reach import Reach

__all__ = ["ArticleExtraction", "ExtractionValues", "link_duplicate_events"]

#: An extraction's records as the tuples of their field values (:func:`geo.model.record_values`): the events',
#: then the distances'. Cheaper to pickle and to unpickle than the records, whose classes are frozen
#: dataclasses (the extraction cache keeps them so; a process pool sends them back so).
ExtractionValues = tuple[tuple[tuple[Any, ...], ...], tuple[tuple[Any, ...], ...]]


@dataclass(frozen=True, slots=True)
class ArticleExtraction:
    """The events and distances of one article (near-duplicate linking happens later, corpus-wide).

    ``reach`` holds what the extraction asked of the gazetteer (:mod:`gazetteer.reach`) when its
    user gazetteer could not have answered any of it otherwise than the packaged data, else None:
    the extraction cache and the event store reuse an extraction under another user gazetteer only
    if that one cannot either.
    """

    article: Article
    events: tuple[ControlEvent, ...]
    distances: tuple[DistanceMention, ...]
    reach: Reach | None = field(default=None, compare=False)

    def values(self) -> ExtractionValues:
        """Return the records' field values (:data:`ExtractionValues`); :meth:`from_values` builds them again."""
        return tuple(record_values(e) for e in self.events), tuple(record_values(d) for d in self.distances)

    @classmethod
    def from_values(cls, article: Article, values: ExtractionValues, reach: Reach | None = None
                    ) -> ArticleExtraction:
        """Return the extraction of *article* whose records have these field values (:meth:`values`).

        Raises
        ------
        TypeError, ValueError
            When *values* are not two sequences of records' values of the current layout.
        """
        events, distances = values
        return cls(article, tuple(ControlEvent(*row) for row in events),
                   tuple(DistanceMention(*row) for row in distances), reach)


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
