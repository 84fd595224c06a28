"""Where extraction runs: in this process, or partitioned over a Dask cluster.

Every engine maps :func:`geo.extract.extract_articles` over batches of articles and yields
each batch's results as soon as it is done, so the caller can write them incrementally.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from geo.extract import ArticleExtraction, extract_articles
from geo.model import Article

__all__ = ["ENGINES", "extract_batches"]

#: The engines ``geo ingest --engine`` accepts.
ENGINES: tuple[str, ...] = ("local",)


def extract_batches(batches: Iterable[list[Article]], *, engine: str = "local") -> Iterator[list[ArticleExtraction]]:
    """Extract every batch of articles, yielding each batch's results when it is done.

    Parameters
    ----------
    batches : iterable of list of Article
        The corpus, partitioned.
    engine : {"local"}
        ``"local"``: in this process, in order.

    Yields
    ------
    list of ArticleExtraction
        The results of one batch, in the batch's order.
    """
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    for batch in batches:
        yield extract_articles(batch)
