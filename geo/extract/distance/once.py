"""Near-duplicate reports count once for distances too.

Two versions of one report (an article whose ``duplicate_of`` names an earlier version)
quote the same distances; a ring drawn, or a row listed, once per version would make one
report look like two. :func:`counted_distances` keeps a mention of a later version only when
its original does not quote the same distance from the same anchor (pure, no IO).
"""

from __future__ import annotations

from collections.abc import Sequence

from geo.model import Article, DistanceMention

__all__ = ["counted_distances"]


def _key(m: DistanceMention) -> tuple[object, ...]:
    anchor = m.anchor or " ".join(m.anchor_name.lower().split())
    subject = " ".join((m.subject or "").lower().split())
    return (anchor, m.distance_km, m.tolerance_km, m.qualifier, m.direction, subject)


def counted_distances(distances: Sequence[DistanceMention], articles: Sequence[Article]) -> list[DistanceMention]:
    """Return the distance mentions that count: each report's once.

    Parameters
    ----------
    distances : sequence of DistanceMention
        Every mention extracted, from every version of every report.
    articles : sequence of Article
        The corpus's articles, with ``duplicate_of`` set on later versions.

    Returns
    -------
    list of DistanceMention
        The mentions in their order, less those of a later version that repeat a mention
        (same anchor, distance, tolerance, qualifier, direction and subject) of its original.
    """
    original_of = {a.id: a.duplicate_of for a in articles if a.duplicate_of}
    quoted = {(m.article, _key(m)) for m in distances if m.article not in original_of}
    return [m for m in distances
            if m.article not in original_of or (original_of[m.article], _key(m)) not in quoted]
