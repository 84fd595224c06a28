"""The analysis of a corpus folder: read the articles, extract each, link near-duplicate reports, read the baseline.

This is the one place that wires reading and extraction together for a folder; ``geo
ingest`` does the same into an event store (:mod:`geo.ingest`), and both give a
:class:`~geo.model.CorpusResult` that the timeline and the layers take from there.
"""

from __future__ import annotations

from pathlib import Path

from gazetteer import Gazetteer, default_gazetteer
from geo import extract
from geo.extract.cache import ExtractionCache
from geo.extract.result import link_duplicate_events
from geo.model import ControlEvent, CorpusResult, DistanceMention
from geo.progress import tracked
from geo.read.baseline import baseline_resolver, read_baseline
from geo.read.corpus import BASELINE_FILE, read_corpus
from geo.theatres import Theatre

__all__ = ["analyse"]


def analyse(folder: Path, *, gazetteer: Gazetteer | None = None, progress: bool | None = None,
            theatre: Theatre | None = None) -> CorpusResult:
    """Read a corpus folder and extract its events, distances and baseline.

    A progress bar over the articles is shown on stderr when *progress* is True, or by
    default when stderr is a terminal (a large folder takes a while: the event store of
    ``geo ingest`` keeps the extraction instead). Each article's extraction is cached on disk
    (:mod:`geo.extract.cache`), so an unchanged article is not extracted again. Each article's theatre (the war it is
    about) is inferred from its places and faction names unless *theatre* is given.

    Raises
    ------
    geo.errors.CorpusError
        When the folder cannot be read or its baseline.csv is malformed.
    """
    gz = gazetteer if gazetteer is not None else default_gazetteer()
    articles, warnings = read_corpus(folder)  # near-duplicate versions already linked
    events: list[ControlEvent] = []
    distances: list[DistanceMention] = []
    cache = ExtractionCache.for_gazetteer(gz)
    for article in tracked(articles, "articles", progress):
        extraction = cache.get(article, theatre)
        if extraction is None:
            extraction = extract.extract_article(article, gz, theatre)  # the rules load on the first miss
            cache.put(article, theatre, extraction)
        events.extend(extraction.events)
        distances.extend(extraction.distances)
    events = link_duplicate_events(events, articles)
    baseline_file = folder / BASELINE_FILE
    baseline = read_baseline(baseline_file, baseline_resolver(gz)) if baseline_file.is_file() else []
    return CorpusResult(folder, articles, warnings, events, distances, baseline)
