"""The ``geo`` command: parse the arguments, make one library call, format the result.

Results go to stdout, diagnostics to stderr. An error is one line naming the input and the
fix; exit status 2 for usage errors, 1 for failures; ``--traceback`` shows the traceback.
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import io
import os
import sys
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from geo.errors import GazetteerDataError, GeoError, UsageError
from geo.model import ControlEvent, CorpusResult, CorpusWarning

__all__ = ["app", "main", "ExitStatus", "TableFormat", "LookupFormat", "ExportFormat", "Engine", "event_row"]


class ExitStatus(IntEnum):
    """Exit statuses of the ``geo`` command."""

    OK = 0
    ERROR = 1
    USAGE = 2


class TableFormat(StrEnum):
    """Output of a listing command."""

    table = "table"
    json = "json"
    csv = "csv"


class LookupFormat(StrEnum):
    """Output of ``geo gazetteer lookup``."""

    table = "table"
    json = "json"


class ExportFormat(StrEnum):
    """What ``geo export`` writes."""

    geojson = "geojson"
    gpkg = "gpkg"
    csv = "csv"
    qgis = "qgis"


class Engine(StrEnum):
    """Where ``geo ingest`` extracts."""

    local = "local"
    dask = "dask"


#: Environment variables that stand for --corpus and --store when neither is given.
CORPUS_ENV, STORE_ENV = "GEO_CORPUS", "GEO_STORE"

app = typer.Typer(add_completion=True, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn news articles about a war into a time-sliced control map, with the evidence.")
gazetteer_app = typer.Typer(no_args_is_help=True, help="Look up and extend the offline gazetteer.")
app.add_typer(gazetteer_app, name="gazetteer")
cache_app = typer.Typer(no_args_is_help=True, help="Show or clear the cache of tables derived from the gazetteer "
                        "and of articles' extractions ($GEO_CACHE_DIR, else $XDG_CACHE_HOME/geo or ~/.cache/geo).")
app.add_typer(cache_app, name="cache")

_STATE = {"traceback": False}
Corpus = Annotated[Path | None, typer.Option("--corpus", help="Folder of .txt articles (metadata.csv, baseline.csv); "
                                              f"default: ${CORPUS_ENV}, else seeds")]
Store = Annotated[Path | None, typer.Option("--store", help="Event store written by 'geo ingest' (instead of "
                                            f"--corpus); default: ${STORE_ENV}")]
Format = Annotated[TableFormat, typer.Option("--format", case_sensitive=False, help="How to print the result.")]
TheatreName = Annotated[str | None, typer.Option(
    "--theatre", help="The war the articles are about: a packaged theatre (syria, ukraine, sudan, myanmar, drc, "
    "iraq, yemen, ethiopia, libya, sahel, afghanistan, somalia, mozambique, lake_chad, lebanon, karabakh, haiti, gaza, "
    "south_sudan, thai_cambodia, car) "
    "or a theatre file (docs/theatres.md); default: inferred per article")]
Days = Annotated[int | None, typer.Option("--days", help="With --date: the change dates of the N days up to it "
                                                          "(default 90; an archive spans thousands)")]


def _date(value: str | None, option: str = "--date") -> dt.date | None:
    if value is None:
        return None
    from geo.dates import parse_date
    from geo.errors import DateError

    try:
        return parse_date(value, option)
    except DateError as exc:
        raise UsageError(str(exc)) from None


def _required_date(value: str, option: str = "--date") -> dt.date:
    day = _date(value, option)
    if day is None:
        raise UsageError(f"{option} is required; write it as YYYY-MM-DD, e.g. 2024-12-08")
    return day


#: Warnings printed one per line before a count of the rest.
MAX_WARNINGS = 20
#: With --date, the time slider covers the change dates of this many days before it.
DEFAULT_DAYS = 90


def _days(days: int | None, day: dt.date | None) -> int | None:
    if days is None:
        return DEFAULT_DAYS if day is not None else None
    if day is None:
        raise UsageError("--days needs --date: it keeps the change dates of the N days up to that date")
    if days < 0:
        raise UsageError(f"--days {days} is negative; give a number of days, e.g. --days 30")
    return days


def _map_data(result, day: dt.date | None, window: int | None):
    """Return the map's layers; a notice on stderr when a long history is shown in coarser steps."""
    from geo.layers.build import build_map_data

    data = build_map_data(result, date=day, days=window)
    if data.step:
        typer.echo(f"notice: {data.changes} change dates: the map steps by {data.step} ({len(data.dates)} steps, "
                   "each the last change of its period); for every change date of a period, use "
                   "--date YYYY-MM-DD --days N", err=True)
    return data


def _sources(corpus: Path | None, store: Path | None) -> tuple[Path | None, Path | None]:
    """Return (corpus, store): the options, else $GEO_CORPUS / $GEO_STORE (an option beats both variables)."""
    if corpus is not None or store is not None:
        return corpus, store
    env_corpus, env_store = os.environ.get(CORPUS_ENV) or None, os.environ.get(STORE_ENV) or None
    if env_corpus and env_store:
        raise UsageError(f"{CORPUS_ENV} and {STORE_ENV} are both set and are exclusive; unset one, "
                         "or pass --corpus or --store")
    return (Path(env_corpus) if env_corpus else None), (Path(env_store) if env_store else None)


def _inputs(corpus: Path | None, store: Path | None) -> list[Path]:
    """Return the files the run reads (never to be written by it): the store's, or the corpus folder's."""
    from geo.output import corpus_inputs, store_inputs

    corpus, store = _sources(corpus, store)
    return store_inputs(store) if store is not None else corpus_inputs(corpus if corpus is not None else DEFAULT_CORPUS)


def _where(corpus: Path | None, store: Path | None) -> str:
    """Name the input as the user would pass it."""
    return f"--store {store}" if store is not None else f"--corpus {corpus or 'seeds'}"


def _read(corpus: Path | None, store: Path | None, theatre: str | None = None) -> CorpusResult:
    """Analyse a corpus folder, or load an event store (a warning on stderr when it is stale)."""
    if store is not None:
        from geo.store.event_store import EventStore
        from geo.store.rows import load

        with EventStore.open(store) as opened:
            stale = opened.version_warning()
        if stale:
            _say(f"warning: {stale}")
        return load(store)
    from geo.pipeline import analyse
    from geo.theatres import theatre_named

    chosen = theatre_named(theatre) if theatre is not None else None
    return analyse(corpus if corpus is not None else Path("seeds"), theatre=chosen)


def _analyse(corpus: Path | None, store: Path | None = None, theatre: str | None = None) -> CorpusResult:
    """Analyse the corpus or store the options (or $GEO_CORPUS / $GEO_STORE) name; print its warnings."""
    if corpus is not None and store is not None:
        raise UsageError("--corpus and --store are exclusive; pass a folder to analyse or a store to read")
    from_env = corpus is None and store is None
    corpus, store = _sources(corpus, store)
    if store is not None and theatre is not None:
        raise UsageError("--theatre applies when articles are read; a store keeps the theatre of each event "
                         "from 'geo ingest': drop --theatre, or use --corpus")
    try:
        result = _read(corpus, store, theatre)
    except GeoError as exc:
        if from_env and (corpus is not None or store is not None):
            variable = STORE_ENV if store is not None else CORPUS_ENV
            raise type(exc)(f"{exc} (the path comes from ${variable})") from None
        raise
    for warning in result.warnings[:MAX_WARNINGS]:
        _say(f"warning: {warning.message}")
    if len(result.warnings) > MAX_WARNINGS:
        where = _where(corpus, store)
        typer.echo(f"warning: and {len(result.warnings) - MAX_WARNINGS} more warnings; "
                   f"'geo articles {where}' lists the articles and their near-duplicate links", err=True)
    return result


def _focus(result: CorpusResult) -> tuple[str, ...]:
    """Return the countries of the corpus's most frequent theatre (their places win when a name is looked up)."""
    from collections import Counter

    from geo.theatres import packaged_theatres

    counts = Counter(e.theatre for e in result.events if e.theatre)
    theatres = packaged_theatres()
    for theatre_id, _ in counts.most_common():
        if theatre_id in theatres:
            return theatres[theatre_id].countries
    return ()


#: Longest quote in a table cell.
QUOTE_CHARS = 70


def _short(text: str | None, width: int = QUOTE_CHARS) -> str:
    """Return text on one line, cut at a word boundary to ``width`` characters with an ellipsis."""
    flat = " ".join((text or "").split())
    if len(flat) <= width:
        return flat
    cut = flat[:width - 1].rsplit(" ", 1)[0] or flat[:width - 1]
    return cut + "…"


def _when(ev: ControlEvent) -> str:
    day = ev.date or ev.published
    text = day.isoformat() if day else "undated"
    return f"{text}..{ev.date_end.isoformat()}" if ev.date_end and ev.date_end != day else text


def _sides(ev: ControlEvent) -> str:
    return f"{ev.actor_gaining or '?'} > {ev.actor_losing}" if ev.actor_losing else (ev.actor_gaining or "?")


def _stance(ev: ControlEvent) -> str:
    return f"{ev.stance} by {ev.attributed_to}" if ev.attributed_to else ev.stance


def event_row(ev: ControlEvent) -> dict[str, Any]:
    """One event as a row of the ``events`` table."""
    return {"id": ev.id, "place": ev.place, "date": _when(ev), "kind": ev.kind, "sides": _sides(ev),
            "stance": _stance(ev), "sentence": _short(ev.sentence)}


def _csv_cell(value: Any) -> Any:
    from geo.cells import spreadsheet_cell

    return spreadsheet_cell(";".join(str(v) for v in value) if isinstance(value, (list, tuple)) else value)


def _emit(rows: list[dict[str, Any]], fmt: str, columns: list[str], empty: str | None = None) -> None:
    """Print rows as a table, JSON or CSV; with no rows, ``empty`` on stderr (and no empty table)."""
    from geo.cells import json_text, terminal_text

    if not rows and empty:
        _say(empty)

    if fmt == "json":
        typer.echo(json_text(rows, indent=2))
        return
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else columns, extrasaction="ignore",
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _csv_cell(v) for k, v in row.items()} for row in rows)
        typer.echo(terminal_text(buf.getvalue()), nl=False)
        return
    if not rows and empty:
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(*columns, show_lines=False)
    for row in rows:  # Text: an article's "[bold]" is shown, not read as markup
        table.add_row(*(Text("" if row.get(c) is None else terminal_text(str(row.get(c)))) for c in columns))
    Console(width=200).print(table)


def _say(line: str) -> None:
    """Print a diagnostic line on stderr, its control characters (from file names, articles) made visible."""
    from geo.cells import terminal_text

    typer.echo(terminal_text(line), err=True)


def _version(value: bool) -> None:
    if value:
        from geo import __version__

        typer.echo(f"geo {__version__}")
        raise typer.Exit()


@app.callback()
def _root(traceback: Annotated[bool, typer.Option("--traceback", help="Show Python tracebacks.")] = False,
          version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    _STATE["traceback"] = traceback


@app.command("articles")
def articles_cmd(corpus: Corpus = None, store: Store = None, fmt: Format = TableFormat.table) -> None:
    """List the corpus's articles (id, file, date, source, near-duplicate links)."""
    from geo.read.corpus import read_corpus

    if corpus is not None and store is not None:
        raise UsageError("--corpus and --store are exclusive; pass a folder to analyse or a store to read")
    corpus, store = _sources(corpus, store)
    if store is not None:
        result = _analyse(corpus, store)
        found, warnings = result.articles, list[CorpusWarning]()
    else:
        found, warnings = read_corpus(corpus if corpus is not None else Path("seeds"))
    for w in warnings:
        _say(f"warning: {w.message}")
    rows = [a.to_dict() for a in found]
    _emit(rows, fmt.value, ["id", "path", "published", "source", "duplicate_of"])


@app.command("events")
def events_cmd(corpus: Corpus = None, store: Store = None, fmt: Format = TableFormat.table,
               theatre: TheatreName = None) -> None:
    """Every extracted control-change event, with its sentence (the table shortens it)."""
    result = _analyse(corpus, store, theatre)
    empty = f"no control events found in {_where(*_sources(corpus, store))}"
    if fmt is TableFormat.table:
        _emit([event_row(e) for e in result.events], fmt.value,
              ["id", "place", "date", "kind", "sides", "stance", "sentence"], empty)
        return
    _emit([e.to_dict() for e in result.events], fmt.value, [], empty)


@app.command("places")
def places_cmd(unresolved: Annotated[bool, typer.Option("--unresolved", help="Only the names the gazetteer does not "
                                                         "know, with counts and sentences.")] = False,
               corpus: Corpus = None, store: Store = None, fmt: Format = TableFormat.table,
               theatre: TheatreName = None) -> None:
    """List the places the events and distances name, with their resolution (or only the unknown names)."""
    from geo.extract.unknown import place_mentions

    result = _analyse(corpus, store, theatre)
    rows = place_mentions(result.events, result.distances, unresolved=unresolved)
    where = _where(*_sources(corpus, store))
    empty = f"no unresolved place names in {where}" if unresolved else f"no places named in {where}"
    if fmt is TableFormat.table:
        table = [{**r, "spellings": "; ".join(r["spellings"]), "sentence": _short(r["sentences"][0])} for r in rows]
        columns = ["name", "count", "articles", "spellings", "sentence"] if unresolved else [
            "name", "place_id", "lat", "lon", "count", "articles"]
        _emit(table, fmt.value, columns, empty)
        return
    _emit(rows, fmt.value, ["name", "spellings", "place_id", "lat", "lon", "count", "articles", "sentences"], empty)


@app.command("distances")
def distances_cmd(corpus: Corpus = None, store: Store = None, fmt: Format = TableFormat.table,
                  theatre: TheatreName = None) -> None:
    """Every quoted distance: its anchor, its shape (ring, disc, sector, band), a check, or why none.

    A near-duplicate report's distances count once; a distance of a known place is a check on it.
    """
    from geo.layers.build import corpus_distances

    result = _analyse(corpus, store, theatre)
    rows = [shape.row() for shape in corpus_distances(result)]
    _emit(rows, fmt.value, ["distance_km", "qualifier", "direction", "anchor_kind", "anchor_name", "geometry_kind",
                            "status", "note", "text"],
          f"no quoted distances found in {_where(*_sources(corpus, store))}")


#: Pieces of evidence a table row quotes (JSON lists them all).
_TABLE_EVIDENCE = 3


def _state_rows(corpus_states, states, fmt: str) -> list[dict[str, Any]]:
    """States as rows: JSON resolves each evidence id; a table or CSV shows it as readable lines."""
    from geo.timeline.evidence import brief

    rows = []
    for s in states:
        row, cited = s.to_dict(), corpus_states.explain(s)
        if fmt == "json":
            row["evidence_detail"] = cited
        else:
            shown = [brief(c) for c in cited[:_TABLE_EVIDENCE]]
            more = len(cited) - len(shown)
            lines = shown + ([f"and {more} more (--format json lists them)"] if more else [])
            row["evidence"] = ("\n" if fmt == "table" else "; ").join(lines)  # CSV: one line, ;-joined
        rows.append(row)
    return rows


@app.command("control")
def control_cmd(date: Annotated[str, typer.Option("--date", help="YYYY-MM-DD")], corpus: Corpus = None,
                store: Store = None, fmt: Format = TableFormat.table, theatre: TheatreName = None) -> None:
    """Every place with a known state on a date, how old its evidence is, and the evidence."""
    from geo.layers.build import stale_window
    from geo.layers.states import CorpusStates

    day = _required_date(date)
    result = _analyse(corpus, store, theatre)
    states = CorpusStates(result)
    rows = _state_rows(states, states.on(day, stale_after_days=stale_window(result)), fmt.value)
    _emit(rows, fmt.value, ["place_id", "name", "controller", "status", "since", "last_evidence", "stale", "note",
                            "evidence"],
          f"no place has a known state on {day.isoformat()} in {_where(*_sources(corpus, store))}: "
          "no event or baseline row up to that date")


@app.command("timeline")
def timeline_cmd(place: Annotated[str, typer.Argument(help="A place name or id")], corpus: Corpus = None,
                 store: Store = None, fmt: Format = TableFormat.table, theatre: TheatreName = None) -> None:
    """Show the control history of one place, with evidence."""
    from gazetteer import default_gazetteer
    from geo.layers.states import CorpusStates

    gz = default_gazetteer()
    result = _analyse(corpus, store, theatre)
    found = gz.get(place) if ":" in place else gz.resolve(place, focus=_focus(result))
    states = CorpusStates(result, gazetteer=gz)
    rows = _state_rows(states, states.history(found.id), fmt.value)
    _emit(rows, fmt.value, ["since", "controller", "status", "last_evidence", "evidence"],
          f"no control history for {place!r} ({found.name}, {found.id}) in {_where(*_sources(corpus, store))}: "
          "no event or baseline row names it")


#: The default corpus, whose maps keep the plain names the README promises.
DEFAULT_CORPUS = Path("seeds")


def default_map_name(corpus: Path | None, store: Path | None, day: dt.date | None) -> str:
    """Return the default file name of a map: ``control[-NAME][-YYYY-MM-DD].html``.

    The default corpus (no ``--corpus``, or the seeds folder) keeps ``control-YYYY-MM-DD.html``;
    any other corpus folder or event store puts its name in, so rendering it never
    overwrites the seed map.

    Examples
    --------
    >>> import datetime as dt
    >>> from pathlib import Path
    >>> default_map_name(None, None, dt.date(2024, 12, 8))
    'control-2024-12-08.html'
    >>> default_map_name(Path("wires/ukraine"), None, dt.date(2024, 12, 8))
    'control-ukraine-2024-12-08.html'
    >>> default_map_name(None, Path("events.gpkg"), None)
    'control-events.html'
    """
    source = store if store is not None else corpus
    name = None
    if source is not None and source.resolve() != DEFAULT_CORPUS.resolve():
        name = (source.stem if store is not None else source.resolve().name) or "corpus"
    parts = ["control", *([name] if name else []), *([day.isoformat()] if day else [])]
    return "-".join(parts) + ".html"


@app.command("render")
def render_cmd(date: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD")] = None,
               out: Annotated[Path | None, typer.Option("--out", help="Output HTML file")] = None,
               corpus: Corpus = None, store: Store = None, days: Days = None, theatre: TheatreName = None) -> None:
    """Write the control map (one self-contained HTML file) and print its path."""
    from geo.output import check_target
    from geo.render import write_map

    day = _date(date)
    window = _days(days, day)
    target = out or Path("maps") / default_map_name(corpus, store, day)
    inputs = _inputs(corpus, store)
    check_target(target, inputs=inputs)  # before the analysis: a wrong --out is a usage error at once
    data = _map_data(_analyse(corpus, store, theatre), day, window)
    path = write_map(data, target, inputs=inputs)
    typer.echo(str(path))


@app.command("export")
def export_cmd(fmt: Annotated[ExportFormat, typer.Option("--format", case_sensitive=False,
                                                         help="What to write (qgis: a .qgz project and its "
                                                         "GeoPackage)")],
               date: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD; default: full history")] = None,
               out: Annotated[Path | None, typer.Option("--out", help="A folder for geojson, a file otherwise "
                                                        "(FILE.qgz for qgis)")] = None,
               corpus: Corpus = None, store: Store = None, days: Days = None, theatre: TheatreName = None) -> None:
    """Export the layers for QGIS and other tools; prints the paths written."""
    from geo.export import check_target, export

    day = _date(date)
    window = _days(days, day)
    suffix = f"-{day.isoformat()}" if day else ""
    default = {"geojson": Path("maps") / f"layers{suffix}", "gpkg": Path("maps") / f"control{suffix}.gpkg",
               "csv": Path("maps") / f"events{suffix}.csv", "qgis": Path("maps") / f"control{suffix}.qgz"}[fmt.value]
    target = out or default
    inputs = _inputs(corpus, store)
    check_target(fmt.value, target, inputs=inputs)  # before the analysis: a wrong --out is a usage error at once
    for path in export(_map_data(_analyse(corpus, store, theatre), day, window), fmt.value, target, inputs=inputs):
        typer.echo(str(path))


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[Path] | None, typer.Argument(help="Article files and corpus folders")] = None,
    store: Annotated[Path | None, typer.Option("--store", help="The event store file (.gpkg), created if missing; "
                                               f"default: ${STORE_ENV}")]
    = None,
    engine: Annotated[Engine, typer.Option("--engine", case_sensitive=False,
                                           help="local (process pool on this machine) or dask (pip install "
                                           "\"geo-control-map[dask]\")")]
    = Engine.local,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address (--engine dask)")]
    = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, help="Worker processes: of the local pool (1: all in this process) or of the local "
        "Dask cluster; default: the CPUs this process may use")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per batch and transaction")]
    = 256,
    rebuild: Annotated[bool, typer.Option("--rebuild", help=(
        "Re-extract every stored article still on disk; after a change of the user gazetteer alone, only "
        "those it can reach (the others cannot differ and are kept)"))]
    = False,
    prune: Annotated[bool, typer.Option("--prune", help="Forget the stored files of the given folders that were "
                                        "deleted (their articles and events go unless another file holds them)")]
    = False,
) -> None:
    """Extract new and changed articles into an event store; prints a one-line summary to stderr."""
    from geo.ingest.run import ingest

    if store is None and os.environ.get(STORE_ENV):
        store = Path(os.environ[STORE_ENV])
    if store is None:
        raise UsageError(f"geo ingest needs --store FILE (or ${STORE_ENV}), the event store to write "
                         "(e.g. --store events.gpkg)")
    if not paths and not rebuild:
        raise UsageError("geo ingest needs PATHS (article files or corpus folders), or --rebuild")
    report = ingest(paths or [], store, engine=engine.value, batch_size=batch_size, rebuild=rebuild, prune=prune,
                    scheduler=scheduler, workers=workers)
    if report.stale:
        _say(f"warning: {report.stale}")
    for notice in report.notices:
        _say(f"notice: {notice}")
    for message in report.warnings[:20]:
        _say(f"warning: {message}")
    if len(report.warnings) > 20:
        typer.echo(f"warning: ... and {len(report.warnings) - 20} more warnings", err=True)
    typer.echo(report.summary(), err=True)


@gazetteer_app.command("lookup")
def lookup_cmd(name: str,
               fmt: Annotated[LookupFormat, typer.Option("--format", case_sensitive=False,
                                                         help="How to print the result.")] = LookupFormat.table,
               limit: Annotated[int, typer.Option("--limit", min=1, help="Most candidates shown")] = 10) -> None:
    """Ranked gazetteer candidates for a name."""
    from gazetteer import default_gazetteer

    found = default_gazetteer().lookup(name, limit=limit)
    if not found:
        from geo.errors import PlaceNotFoundError

        raise PlaceNotFoundError(f"{name!r} is not in the gazetteer; check the spelling or add places with "
                                 "'geo gazetteer import FILE'")
    _emit([c.to_dict() for c in found], fmt.value, ["id", "name", "kind", "lat", "lon", "admin1", "country", "score"])


@gazetteer_app.command("import")
def import_cmd(file: Annotated[Path, typer.Argument(help="GeoNames dump: SY.txt or allCountries.txt")],
               alternate_names: Annotated[Path | None, typer.Option("--alternate-names",
                                                                    help="alternateNamesV2.txt")] = None,
               country: Annotated[str | None, typer.Option("--country", help="Only this ISO country")] = None,
               replace: Annotated[bool, typer.Option("--replace", help="Remove every place of the user gazetteer "
                                                     "first; by default the dump adds")] = False) -> None:
    """Add a GeoNames dump's places to the user gazetteer (extends the packaged one)."""
    from gazetteer.imports import import_geonames
    from gazetteer.userstore import UserStore

    path, count = import_geonames(file, alternate_names=alternate_names, country=country, replace=replace)
    with UserStore.open(path) as store:
        total = len(store)
    verb = "replaced the user gazetteer with" if replace else "added"
    typer.echo(f"{verb} {count} places; {path} holds {total}")


@gazetteer_app.command("add", context_settings={"ignore_unknown_options": True})
def add_cmd(name: Annotated[str, typer.Argument(help="The place's name as reports write it")],
            lat: Annotated[float, typer.Argument(help="Latitude, decimal degrees (-90..90)")],
            lon: Annotated[float, typer.Argument(help="Longitude, decimal degrees (-180..180)")],
            country: Annotated[str | None, typer.Option("--country", help="ISO 3166 alpha-2 code, e.g. SY")] = None,
            kind: Annotated[str, typer.Option("--kind", help="city, town, village, neighbourhood, landmark, "
                                              "military, infrastructure ...")] = "town") -> None:
    """Add one place to the user gazetteer; the next run finds it in articles."""
    from gazetteer.imports import add_place

    try:
        place = add_place(name, lat, lon, country=country, kind=kind)
    except GazetteerDataError as exc:  # the arguments as typed: a usage error
        raise UsageError(str(exc)) from None
    typer.echo(f"added {place.name} ({place.id}) at {place.lat}, {place.lon}")


@cache_app.command("info")
def cache_info_cmd() -> None:
    """Print the cache folder and each cached table set with its size."""
    from gazetteer.cache import cache_root, entries

    found = entries()
    typer.echo(f"{cache_root()}: {len(found)} cached, {sum(e.size for e in found) / 1e6:.1f} MB")
    for entry in found:
        typer.echo(f"  {entry.size / 1e6:7.1f} MB  {entry.path.name}")


@cache_app.command("clear")
def cache_clear_cmd() -> None:
    """Delete everything cached (the next command builds it again, in a few seconds)."""
    from gazetteer.cache import cache_root, clear
    from geo.errors import OutputError

    try:
        freed = clear()
    except OSError as exc:
        raise OutputError(f"cannot clear the cache in {cache_root()} ({exc.strerror or exc}); delete the folder "
                          "by hand") from None
    typer.echo(f"{cache_root()}: cleared {freed / 1e6:.1f} MB")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit status (the console-script entry point)."""
    from typer.exceptions import TyperException

    _STATE["traceback"] = False  # set again by the root callback; main may run many times in one process
    try:
        status = app(args=argv, prog_name="geo", standalone_mode=False)
        if isinstance(status, int) and status == 130:  # typer turns Ctrl-C into a returned 130
            typer.echo("error: interrupted; what was written before stays (an ingest resumes where it stopped)",
                       err=True)
            return status
    except typer.Exit as exc:
        return exc.exit_code
    except SystemExit as exc:  # typer's --show-completion and --install-completion end with sys.exit
        return exc.code if isinstance(exc.code, int) else ExitStatus.OK
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("error: interrupted; what was written before stays (an ingest resumes where it stopped)",
                   err=True)
        return 130
    except TyperException as exc:  # typer's usage errors (unknown option, missing argument ...)
        message = exc.format_message()
        if message:  # "geo" alone has printed the help, and says no more
            typer.echo(f"error: {message} (see 'geo --help')", err=True)
        return int(getattr(exc, "exit_code", ExitStatus.USAGE))
    except GeoError as exc:
        _traceback()
        _say(f"error: {type(exc).__name__}: {exc}")
        return ExitStatus.USAGE if isinstance(exc, UsageError) else ExitStatus.ERROR
    except OSError as exc:
        _traceback()
        _say(f"error: {exc.strerror or exc} ({exc.filename or 'no file'}); check the path and permissions")
        return ExitStatus.ERROR
    except Exception as exc:  # a bug: still one line, and the way to see more
        _traceback()
        message = " ".join(str(exc).split())[:200]
        _say(f"error: internal error {type(exc).__name__}: {message}; rerun with --traceback and report it")
        return ExitStatus.ERROR
    return ExitStatus.OK


def run() -> NoReturn:
    """Run the CLI and exit the process with its status (the ``geo`` command and ``python -m geo``).

    Before exiting, every live object is moved out of the cyclic garbage collector's reach
    (:func:`gc.freeze`): the interpreter's last collection at exit would otherwise walk all of
    them (the loaded libraries, the gazetteer, the corpus) to free nothing the exit does not
    free anyway, about 0.1 s of a 0.8 s ``geo render``. Only here, where the process ends:
    :func:`main` called in a long-lived process keeps collecting.
    """
    status = main()
    gc.freeze()
    sys.exit(status)


def _traceback() -> None:
    """With --traceback, print the traceback of the exception being handled (the exit status stays the same)."""
    if _STATE["traceback"]:
        import traceback

        traceback.print_exc()


if __name__ == "__main__":
    run()
