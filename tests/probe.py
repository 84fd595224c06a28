"""One invented article read by the extraction rules: the helper the extraction tests share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from gazetteer import Gazetteer
from geo.extract.article import extract_article
from geo.model import Article, ControlEvent

Reader = Callable[..., list[ControlEvent]]


def reader(published: dt.date, source: str | None = "test") -> Reader:
    """Return ``read(gz, text, published=None, source=None)``: the events of *text* as one article.

    The article is dated *published* and attributed to *source* unless a call says otherwise.
    """
    def read(gz: Gazetteer, text: str, on: dt.date | None = None, *, source: str | None = source) -> list[ControlEvent]:
        article = Article(id="probe", path="probe.txt", published=on or published, source=source, title=None,
                          url=None, text=text)
        return list(extract_article(article, gz).events)

    return read
