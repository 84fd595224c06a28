"""Synthetic wire-style articles with known control events, for the scale benchmark.

``generate(n, seed=...)`` composes *n* articles from the packaged gazetteer's real places
(Syrian towns and villages, curated military sites, and cities of ten other wars), the
faction names an agency would write ("HTS", "regime forces", "the Kurdish-led SDF"), event
verbs of every kind in active, passive, loser-side and nominal form, attributions (a war
monitor, state media, a side's statement, denials), date expressions relative to the
dateline ("on Tuesday", "overnight", "last week", "on 3 December", "in August 2019"),
distances to a real neighbouring city, quotes, and filler paragraphs (aid, diplomacy,
prices, air strikes, hedged threats, negated approaches) that name places with no change
of control, so that precision is measured too. Every article carries 0-4 known events,
recorded as :class:`ExpectedEvent` with the sentence that states them.

Determinism: article *i* is drawn from ``random.Random(f"{seed}:{i}")`` over a place pool
built in a fixed order from the packaged data (user imports are left out), so one seed
gives the same bytes on every run, and any article can be regenerated alone.

Scoring: see :mod:`wire_score` (:func:`score` is re-exported here). Vocabulary, places,
theatres, time phrases and sentences live in ``wire_vocab``, ``wire_places``,
``wire_theatres``, ``wire_time`` and ``wire_story``.

Usage::

    python benchmarks/wire_corpus.py --n 10000 --out DIR [--seed S] [--score]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import multiprocessing as mp
import os
import random
import re
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from wire_places import fold, place_pool  # noqa: E402
from wire_score import KIND_GROUPS, score  # noqa: E402
from wire_story import ExpectedEvent, Story, context_sentences, event_sentence, filler, plural  # noqa: E402
from wire_theatres import OUTLETS, THEATRES, Theatre  # noqa: E402
from wire_time import DAY, time_phrase  # noqa: E402
from wire_vocab import AP_MONTHS, HEAD_TAILS, HEAD_VERBS, KIND_WEIGHTS, MONTHS, QUIET_HEADS  # noqa: E402

__all__ = ["DEFAULT_SEED", "ExpectedEvent", "GeneratedArticle", "KIND_GROUPS", "generate", "write_corpus", "score"]

DEFAULT_SEED = 20241127


@dataclass(frozen=True, slots=True)
class GeneratedArticle:
    """One generated article: ``text`` is the body (what :class:`geo.model.Article` holds)."""

    filename: str
    text: str
    published: dt.date
    source: str
    title: str
    events: tuple[ExpectedEvent, ...]

    def file_text(self) -> str:
        """The file as written: header lines, a blank line, the body."""
        return f"date {self.published.isoformat()}\nsource {self.source}\ntitle {self.title}\n\n{self.text}\n"

    @property
    def article_id(self) -> str:
        """The id geo gives the article (sha256 of the normalised body)."""
        from geo.read.corpus import article_id
        return article_id(self.text)


def _title(st: Story, first: ExpectedEvent | None, side: str) -> str:
    if first is None:
        return st.rng.choice(QUIET_HEADS)
    who = re.sub(r"^the\s+|\s*\(.*\)$", "", st.alias(side))
    verb, *rest = st.rng.choice(HEAD_VERBS[first.kind]).split()
    if not plural(who):
        verb += "es" if verb.endswith(("sh", "ss")) else "s"
    return f"{who[0].upper()}{who[1:]} {' '.join([verb, *rest])} {first.place_name}{st.rng.choice(HEAD_TAILS)}"


def _dateline(st: Story, city: str) -> str:
    full, short = st.outlet
    pub, style = st.pub, st.rng.randrange(4)
    agency = f" ({short})" if short else ""
    if style == 0:
        return f"{city}, {MONTHS[pub.month - 1][:3]} {pub.day}{agency} - "
    if style == 1:
        return f"{city}, {AP_MONTHS[pub.month - 1]} {pub.day}{agency} — "
    if style == 2:
        return f"{city}{agency} — "
    return f"{city.title()}, {pub.day} {MONTHS[pub.month - 1]} {pub.year} — "


def _publication(rng: random.Random, theatre: Theatre) -> dt.date:
    lo, hi, _ = rng.choices(theatre.spans, weights=[w for *_, w in theatre.spans])[0]
    start, end = dt.date.fromisoformat(lo), dt.date.fromisoformat(hi)
    return start + rng.randrange((end - start).days + 1) * DAY


def _story(index: int, seed: int) -> Story:
    rng = random.Random(f"{seed}:{index}")
    keys = list(THEATRES)
    key = rng.choices(keys, weights=[THEATRES[k][0] for k in keys])[0]
    theatre = THEATRES[key][1]
    attacker, defender, _ = rng.choices(theatre.sides, weights=[w for *_, w in theatre.sides])[0]
    return Story(rng, key, place_pool(theatre.countries, theatre.limit), _publication(rng, theatre), attacker,
                  defender, rng.choice(OUTLETS))


def _event_paragraphs(st: Story, n_events: int) -> tuple[list[str], list[ExpectedEvent]]:
    """Paragraphs stating *n_events* known events (an event sentence, maybe a follow-up, context)."""
    rng, paragraphs, events = st.rng, [], []
    kinds = list(KIND_WEIGHTS)
    while len(events) < n_events:
        kind = rng.choices(kinds, weights=list(KIND_WEIGHTS.values()))[0]
        site = st.pool.pick(rng, near=st.lead)
        st.lead = st.lead or site
        sites = [site]
        if kind in ("captured", "entered", "regained") and site.noun and len(events) + 2 <= n_events and \
                rng.random() < 0.15:
            other = st.pool.pick(rng, near=site)
            sites += [other] if other.id != site.id and other.noun else []
        sentence, found = event_sentence(st, kind, sites)
        text = sentence
        if kind == "captured" and found[0].actor_gaining and len(events) + len(found) < n_events and \
                rng.random() < 0.12:
            follow = st.pool.pick(rng, near=site)
            phrase, (start, end) = time_phrase(rng, st.pub)
            name = st.spelling(follow)
            if follow.noun and follow.id not in {e.place_id for e in found}:
                line = f"{name} followed{phrase}."
                text += " " + line
                found.append(ExpectedEvent(follow.id, name, kind, found[0].actor_gaining, None, start, end,
                                           "reported", line))
        events += found
        paragraphs.append(text + context_sentences(st, site))
    return paragraphs, events


def _target_length(rng: random.Random) -> int:
    """Body length in characters: log-normal around 2.4 KB, within 1-6 KB."""
    return min(6000, max(1000, int(rng.lognormvariate(math.log(2400), 0.45))))


def _article(index: int, seed: int) -> GeneratedArticle:
    st = _story(index, seed)
    rng = st.rng
    theatre = THEATRES[st.theatre][1]
    n_events = rng.choices(range(5), weights=(15, 35, 25, 15, 10))[0]
    paragraphs, events = _event_paragraphs(st, n_events)
    if not paragraphs:
        paragraphs = [filler(st)]
    paragraphs[0] = _dateline(st, rng.choice(theatre.datelines)) + paragraphs[0]
    target, size = _target_length(rng), sum(len(p) + 2 for p in paragraphs) - 2
    background = list(theatre.background)
    while size < target:
        extra = background.pop(rng.randrange(len(background))) if background and rng.random() < 0.15 else \
            filler(st)
        if not extra or (size + len(extra) > 6000 and size >= 1000):
            break
        paragraphs.insert(rng.randrange(1, len(paragraphs) + 1), extra)
        size += len(extra) + 2
    side = st.defender if events and events[0].kind == "regained" else st.attacker
    slug = fold(events[0].place_name)[:24] if events else "report"
    return GeneratedArticle(f"{index:06d}_{slug or 'place'}.txt", "\n\n".join(paragraphs), st.pub,
                            st.outlet[0], _title(st, events[0] if events else None, side), tuple(events))


def generate(n: int, *, seed: int = DEFAULT_SEED) -> Iterator[GeneratedArticle]:
    """Yield *n* generated articles, one at a time (article *i* depends only on *seed* and *i*).

    Parameters
    ----------
    n : int
        How many articles.
    seed : int, default DEFAULT_SEED
        The random seed; the same seed gives the same articles, byte for byte.

    Yields
    ------
    GeneratedArticle
    """
    for i in range(n):
        yield _article(i, seed)


# --------------------------------------------------------------------------- writing a corpus
def write_corpus(folder: Path, n: int, *, seed: int = DEFAULT_SEED) -> Path:
    """Write *n* generated articles to *folder*, streaming (a few hundred articles in memory at a time).

    Chunks of articles are generated and written by one worker process per core (forked, so
    the place pools are built once); the files are the same whatever the number of workers,
    since article *i* depends only on *seed* and *i*.

    Writes one ``.txt`` per article (header lines ``date``, ``source``, ``title``, then the
    body), ``metadata.csv`` (``file,date,source,title,url``) and ``gold.jsonl`` (one line
    per article: ``file``, ``article_id``, ``published`` and its ``events``).

    Parameters
    ----------
    folder : Path
        The corpus folder; created if missing. It must hold no ``.txt`` file yet.
    n : int
        How many articles.
    seed : int, default DEFAULT_SEED
        The random seed.

    Returns
    -------
    Path
        The folder.

    Raises
    ------
    geo.errors.CorpusError
        When the folder already holds ``.txt`` files (corpora are not mixed).
    """
    from geo.errors import CorpusError

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.glob("*.txt")):
        raise CorpusError(f"{folder} already holds .txt articles; give --out an empty or new folder")
    chunks = [(str(folder), seed, i, min(i + _CHUNK, n)) for i in range(0, n, _CHUNK)]
    workers = min(os.cpu_count() or 1, 4, len(chunks))
    with open(folder / "metadata.csv", "w", encoding="utf-8", newline="") as meta, \
            open(folder / "gold.jsonl", "w", encoding="utf-8") as gold:
        rows = csv.writer(meta, lineterminator="\n")
        rows.writerow(("file", "date", "source", "title", "url"))
        if workers > 1 and "fork" in mp.get_all_start_methods():
            _prepare()  # the forked workers inherit the place pools
            with mp.get_context("fork").Pool(workers) as procs:
                results: Iterable[tuple[list[tuple[str, ...]], str]] = procs.imap(_write_chunk, chunks)
                _append(rows, gold, results)
        else:
            _append(rows, gold, map(_write_chunk, chunks))
    return folder


_CHUNK = 250


def _prepare() -> None:
    for _, theatre in THEATRES.values():
        place_pool(theatre.countries, theatre.limit)


def _write_chunk(job: tuple[str, int, int, int]) -> tuple[list[tuple[str, ...]], str]:
    """Write articles start..stop-1 to the folder; return their metadata rows and gold lines."""
    folder, seed, start, stop = job
    rows, lines = [], []
    for i in range(start, stop):
        article = _article(i, seed)
        with open(os.path.join(folder, article.filename), "w", encoding="utf-8") as fh:
            fh.write(article.file_text())
        rows.append((article.filename, article.published.isoformat(), article.source, article.title, ""))
        lines.append(json.dumps({"file": article.filename, "article_id": article.article_id,
                                 "published": article.published.isoformat(),
                                 "events": [e.to_dict() for e in article.events]}, ensure_ascii=False) + "\n")
    return rows, "".join(lines)


def _append(rows: Any, gold: Any, results: Iterable[tuple[list[tuple[str, ...]], str]]) -> None:
    for meta_rows, gold_lines in results:
        rows.writerows(meta_rows)
        gold.write(gold_lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Write a corpus; with ``--score``, also run geo's extraction on it and print the score as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, required=True, help="how many articles")
    parser.add_argument("--out", type=Path, required=True, help="an empty or new folder")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--score", action="store_true", help="run geo.pipeline.analyse and score it")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("--n must be 0 or more")
    t0 = time.perf_counter()
    write_corpus(args.out, args.n, seed=args.seed)
    took = time.perf_counter() - t0
    print(f"{args.out}: {args.n} articles in {took:.1f} s ({args.n / took:,.0f} articles/s), seed {args.seed}",
          file=sys.stderr)
    if args.score:
        from geo.pipeline import analyse

        t0 = time.perf_counter()
        result = analyse(args.out)
        report = score(args.out / "gold.jsonl", result.events)
        report["extraction_seconds"] = round(time.perf_counter() - t0, 1)
        print(json.dumps(report, indent=2))
    else:
        print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
