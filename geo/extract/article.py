"""Everything extracted from one article: the unit of work every engine maps over a corpus.

:func:`extract_article` is pure (an article and a gazetteer in, records out), so the
single-process path, a process pool and a Dask cluster all produce the same records.
"""

from __future__ import annotations

from dataclasses import replace

from gazetteer import Gazetteer, default_gazetteer
from gazetteer.reach import Reach, recording, user_could_answer
from geo.extract.clauses import scare_quotes_blanked
from geo.extract.distance.anchors import AnchorReader
from geo.extract.distance.mentions import find_distances, to_mentions
from geo.extract.distance.namesakes import refit_namesakes, unresolve_far_namesakes
from geo.extract.events import events_and_theatre
from geo.extract.result import ArticleExtraction, ExtractionValues
from geo.extract.unknown import with_unresolved
from geo.model import Article, ControlEvent, DistanceMention
from geo.read.sentences import split_sentences
from geo.theatres import Theatre

__all__ = ["ArticleExtraction", "extract_article", "extract_articles", "extract_values"]

def _sentence_finder(spans: list[tuple[int, int]]):
    def sentence_of(offset: int) -> tuple[int, int]:
        return next(((s, e) for s, e in spans if s <= offset < e), (offset, offset))

    return sentence_of


def extract_article(article: Article, gazetteer: Gazetteer | None = None,
                    theatre: Theatre | None = None) -> ArticleExtraction:
    """Extract the control-change events and quoted distances of one article.

    Parameters
    ----------
    article : Article
        The article; its ``published`` date anchors relative time expressions.
    gazetteer : Gazetteer, optional
        Resolves place names; the packaged one (loaded once per process) by default.
    theatre : Theatre, optional
        The war the article is about; inferred from the article when None. Its countries'
        places win ties when a place or a distance's anchor is resolved.

    Returns
    -------
    ArticleExtraction
        The article with its events and distances, in text order; an event at a place the
        gazetteer does not know has no ``place_id`` and no point (:mod:`geo.extract.unknown`);
        its ``reach`` is what it asked of the gazetteer beyond the article's own text
        (:mod:`gazetteer.reach`), when the user gazetteer could not have answered any of it otherwise
        than the packaged data (the extraction is then that of the packaged data alone), else None.
    """
    gz = gazetteer if gazetteer is not None else default_gazetteer()
    with recording() as reach:
        events, distances = _read(article, gz, theatre)
    asked = reach.beyond(article.text)
    return ArticleExtraction(article, events, distances,
                             None if user_could_answer(asked, article.text, gz.store) else asked)


def _read(article: Article, gz: Gazetteer, theatre: Theatre | None
          ) -> tuple[tuple[ControlEvent, ...], tuple[DistanceMention, ...]]:
    spans = split_sentences(article.text)
    text = scare_quotes_blanked(article.text)  # 'had taken "full control" of': the words, read as words
    reading = article if text == article.text else replace(article, text=text)
    events, read_as, mentions = events_and_theatre(reading, gz, spans, theatre)
    events = with_unresolved(reading, gz, spans, events, read_as)  # unknown places, reported without a point
    if reading is not article:  # the evidence as written, quotation marks and all
        events = [replace(e, sentence=article.text[e.start:e.end]) for e in events]
    focus = read_as.countries if read_as is not None else ()
    found = find_distances(article.text)
    reader = AnchorReader(gz, article.text, focus, mentions)  # the names as the events read them: found once
    distances = to_mentions(found, article=article, sentence_of=_sentence_finder(spans),
                            read_anchor=lambda span, sentence: reader.read(
                                sentence, (span.start, span.end),
                                (span.anchor_start, span.anchor_end) if span.anchor_start is not None
                                and span.anchor_end is not None else None,
                                span.anchor_phrase, span.subject, span.distance_km))
    events, distances = refit_namesakes(events, distances, gz)  # "Novoselivka, 12 km south of Pokrovsk": that one
    events = unresolve_far_namesakes(events, article.text, mentions, gz)  # "Mykolaivka, near Selydove": not 78 km off
    return tuple(events), tuple(distances)


def extract_articles(articles: list[Article], gazetteer: Gazetteer | None = None,
                     theatre: Theatre | None = None) -> list[ArticleExtraction]:
    """Run :func:`extract_article` over a batch, in order (the function engines ship to workers)."""
    gz = gazetteer if gazetteer is not None else default_gazetteer()
    return [extract_article(a, gz, theatre) for a in articles]


def extract_values(articles: list[Article], gazetteer: Gazetteer | None = None,
                   theatre: Theatre | None = None) -> list[tuple[ExtractionValues, Reach | None]]:
    """Run :func:`extract_article` over a batch, in order, and return each extraction's field values and reach.

    The function :func:`geo.pipeline.analyse` ships to its pool's workers: the values cost less to send back
    than the records (:meth:`ArticleExtraction.values`, :meth:`ArticleExtraction.from_values`), and the
    caller holds the articles already.
    """
    return [(x.values(), x.reach) for x in extract_articles(articles, gazetteer, theatre)]
