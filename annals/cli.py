"""The `annals` command. Each command parses its options, calls one library
function and prints the result; errors print one line and exit non-zero."""
from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from annals.entry import extract_command, guarded, times_command
from annals.entry import print_json as _print_json
from annals.export.registry import BUILTINS

app = typer.Typer(
    name="annals",
    help="Turn texts about international relations into a sourced, queryable chronology.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class TimesFormat(str, Enum):
    table = "table"
    json = "json"


class ExtractFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class Reader(str, Enum):
    auto = "auto"
    text = "text"
    wikitext = "wikitext"
    html = "html"


# `--format csv` of extract, events and export: cells that start like a formula get a ' unless this is given.
RawCsvOption = Annotated[bool, typer.Option(
    "--raw-csv", help="CSV: keep cells that start with = + - @ as they are (by default a ' goes before them, "
                      "so that spreadsheets do not run them as formulas).")]


def _version(value: bool) -> None:
    if value:
        from annals import __version__

        typer.echo(f"annals {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn texts about international relations into a sourced, queryable chronology."""


def handles_errors(command: Callable) -> Callable:
    """Turn annals errors, interrupts and surprises into one line and an exit code (annals.entry.guarded)."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        result = []
        code = guarded(lambda: result.append(command(*args, **kwargs)), passthrough=(typer.Exit, typer.Abort))
        if code:
            raise typer.Exit(code)
        return result[0]

    return wrapper


@app.command()
@handles_errors
def times(
    file: Annotated[Path, typer.Argument(help="A text file to read.", show_default=False)],
    dct: Annotated[
        str | None, typer.Option(help="Document creation date, YYYY-MM-DD, for 'yesterday', 'last year'...")
    ] = None,
    format: Annotated[TimesFormat, typer.Option("--format", "-f", help="Output format.")] = TimesFormat.table,
) -> None:
    """Print every time expression of FILE with its TimeML value and EDTF date.

    Example: annals times examples/azerbaijan-nato.txt --format json
    """
    times_command(file, dct=dct, format=format.value)  # also run without Typer: annals/entry.py


@app.command()
@handles_errors
def extract(
    files: Annotated[list[Path], typer.Argument(help="Text, wikitext or HTML files.", show_default=False)],
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.table,
    reader: Annotated[Reader, typer.Option(help="How to read the files (auto: by content).")] = Reader.auto,
    dct: Annotated[str | None, typer.Option(help="Document date, YYYY-MM-DD, for news-style dates.")] = None,
    raw_csv: RawCsvOption = False,
) -> None:
    """Print the dated events of each FILE: date, type, actors, places, quantities, sentence.

    Example: annals extract examples/azerbaijan-nato.txt --format json
    """
    extract_command(files, format=format.value, reader=reader.value, dct=dct, raw_csv=raw_csv)  # see annals/entry.py


DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database: a SQLite file (default annals.db, or ANNALS_DB) or postgresql://...",
                 show_default=False),
]


# The filters of `annals events` and `annals export` (the same names as the HTTP API's).
ActorOption = Annotated[list[str] | None, typer.Option("--actor", help="An actor (repeat for any of several).")]
TypeOption = Annotated[list[str] | None, typer.Option("--type", help="An event type (repeat for any of several).")]
ObjectOption = Annotated[list[str] | None, typer.Option(
    "--object", help="What the event is about: a programme, document, institution, operation or meeting, by its "
                     "canonical name, any case (repeat for any of several).")]
SinceOption = Annotated[str | None, typer.Option(help="Events ending on or after this date (YYYY[-MM[-DD]]).")]
UntilOption = Annotated[str | None, typer.Option(help="Events starting on or before this date.")]
TextOption = Annotated[str | None, typer.Option(help="Words that a source sentence holds (full-text search).")]
SourceOption = Annotated[list[str] | None, typer.Option("--source", help="Told by this document (repeatable).")]


class ListFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def _waiting(db: str | None) -> Callable[[], None]:
    """What a writer prints when another process holds the corpus's write lock."""
    from annals.store.database import describe_url

    def say() -> None:
        typer.echo(f"annals: waiting for {describe_url(db)}: another process is writing to it (Ctrl-C stops)", err=True)

    return say


def _source_names(sources: list[str] | None) -> tuple[str, ...]:
    """--source values with every name each may be stored under (a path as given, absolute, as stored before)."""
    from annals.store.sources import lookup_names

    return tuple(name for source in sources or () for name in lookup_names(source))


@app.command()
@handles_errors
def add(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (searched recursively) or http(s) addresses.",
                                               show_default=False)],
    db: DbOption = None,
    reader: Annotated[Reader, typer.Option(help="How to read the files (auto: by content).")] = Reader.auto,
    jobs: Annotated[
        int | None, typer.Option("--jobs", help="Processes extracting at once (default: every core; 1: this one).",
                                 show_default=False)
    ] = None,
    dask: Annotated[
        str | None, typer.Option("--dask", metavar="ADDRESS",
                                 help="Extract on a Dask cluster: a scheduler address (tcp://host:8786) or local.")
    ] = None,
    shards: Annotated[
        str | None, typer.Option("--shards", metavar="DIR",
                                 help="With --dask: where the workers write Parquet shards (kept; a folder or URL "
                                      "the workers share; default for local: a temporary folder).")
    ] = None,
    contact: Annotated[
        str | None, typer.Option("--contact", envvar="ANNALS_CONTACT", show_default=False,
                                 help="Addresses: an e-mail address or URL to reach you at, sent in the User-Agent.")
    ] = None,
    cache: Annotated[
        Path | None, typer.Option("--cache", metavar="DIR", envvar="ANNALS_CACHE", show_default=False,
                                  help="Addresses: where fetched pages are kept (default: .annals-cache beside a "
                                       "SQLite corpus, else ~/.cache/annals/fetch).")
    ] = None,
    delay: Annotated[
        float, typer.Option("--delay", metavar="SECONDS", help="Addresses: seconds between two requests to one host.")
    ] = 1.0,
    timeout: Annotated[
        float, typer.Option("--timeout", metavar="SECONDS", help="Addresses: seconds to wait for a server.")
    ] = 30.0,
) -> None:
    """Add documents to the corpus: extract their events and merge them with the events already there.

    A document is its file's absolute path: adding it again changes nothing, from any folder; a new
    version of the same file replaces its events. The corpus is made if it does not exist; if another
    process is writing to it, add says so and waits. A file that cannot be added is reported and the
    others are added: the exit status is 0 if every file was added (or already was), 3 if some failed,
    1 if all failed.
    Extraction runs in --jobs processes or on a Dask cluster; one process writes, in the files' order.
    An http(s) address is fetched politely (robots.txt, a delay per host, a cache: see README) and
    stored under the address; a MediaWiki article (https://host/wiki/Title) is read as wikitext.

    Example: annals add examples/ --db annals.db --jobs 2

    Example: annals add https://example.org/wiki/Some_article --contact me@example.org
    """
    from annals.fetch import is_address
    from annals.interrupt import interrupt_checkpoint
    from annals.render import add_summary, progress_bar
    from annals.store.adding import add_paths, check_options, discover
    from annals.store.corpus import Corpus

    jobs = check_options(jobs=jobs, dask=dask, shards=shards)
    missing = [p for p in paths if not is_address(p) and not os.path.lexists(p)]  # a looping link: reported below
    if missing:
        from annals.errors import NotFound
        from annals.store.sources import printable

        raise NotFound(printable(missing[0]), "no such file or folder")
    fetcher = None
    if any(is_address(p) for p in paths):
        from annals.fetch import Fetcher, cache_folder

        fetcher = Fetcher(contact=contact, cache=cache or cache_folder(db), delay=delay, timeout=timeout)
    with Corpus(db, mode="create", on_wait=_waiting(db)) as corpus, interrupt_checkpoint() as check, \
            fetcher or contextlib.nullcontext():
        files = sum(1 for _ in discover(paths))
        with progress_bar(total=files, enabled=files > 3) as advance:

            def stored(result) -> None:
                advance(result)
                check()  # Ctrl-C stops here at the latest, after a whole document

            summary = add_paths(corpus, paths, reader=reader.value, jobs=jobs if files > 3 else 1, dask=dask,
                                shards=shards, progress=stored, fetcher=fetcher)
    add_summary(summary)
    if summary.failed:
        from annals.errors import EXIT_ALL_FAILED, EXIT_SOME_FAILED

        raise typer.Exit(EXIT_SOME_FAILED if summary.added or summary.unchanged or summary.replaced else EXIT_ALL_FAILED)


@app.command()
@handles_errors
def remove(
    source: Annotated[str, typer.Argument(help="The source name of a document, as `annals documents` lists it.")],
    db: DbOption = None,
) -> None:
    """Take a document and its events out of the corpus (events other documents tell remain).

    SOURCE is a file's path (relative or absolute, from any folder) or a name as stored.

    Example: annals remove examples/azerbaijan-nato.txt
    """
    from annals.store.corpus import Corpus
    from annals.store.sources import lookup_names, printable, shown

    with Corpus(db, mode="write", on_wait=_waiting(db)) as corpus:
        found = corpus.find_source(lookup_names(source))
        if found is None or not corpus.remove(found):
            from annals.errors import NotFound

            raise NotFound(printable(source), "is not in the corpus")
    typer.echo(f"removed {shown(found)}")


@app.command()
@handles_errors
def events(
    actor: ActorOption = None,
    type: TypeOption = None,
    about: ObjectOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    text: TextOption = None,
    source: SourceOption = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events, 1 or more (default: all).")] = None,
    format: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
    db: DbOption = None,
    raw_csv: RawCsvOption = False,
) -> None:
    """List the corpus's events in date order, filtered.

    Example: annals events --actor Azerbaijan --type visit --since 2004 --until 2010
    """
    from itertools import islice

    from annals.errors import UsageError
    from annals.query import MAX_LIMIT, Query
    from annals.store.corpus import Corpus

    if limit is not None and limit < 1:
        raise UsageError(f"--limit must be 1 or more, not {limit} (leave it out for every event)")
    query = Query(actors=tuple(actor or ()), types=tuple(type or ()), objects=tuple(about or ()), since=since,
                  until=until, text=text, sources=_source_names(source),
                  limit=limit if limit is not None and limit <= MAX_LIMIT else None)
    with Corpus(db, mode="read") as corpus:
        found = corpus.events(query)["events"] if query.limit else islice(corpus.iter_events(query), limit)
        if format is ListFormat.json:
            _print_json({"events": list(found)})
        elif format is ListFormat.csv:
            from annals.output import write_stored_csv

            write_stored_csv(found, sys.stdout, raw_csv=raw_csv)
        else:
            from annals.render import stored_events_table

            stored_events_table(list(found))


@app.command()
@handles_errors
def actors(
    name: Annotated[str | None, typer.Argument(help="Only this actor (canonical name or alias).")] = None,
    format: Annotated[TimesFormat, typer.Option("--format", "-f", help="Output format.")] = TimesFormat.table,
    db: DbOption = None,
) -> None:
    """List the corpus's actors with their aliases and event counts.

    Example: annals actors --format json
    """
    from annals.store.corpus import Corpus

    with Corpus(db, mode="read") as corpus:
        found = corpus.actors(name)
    if format is TimesFormat.json:
        _print_json({"actors": found})
    else:
        from annals.render import actors_table

        actors_table(found)


@app.command()
@handles_errors
def timeline(
    names: Annotated[list[str], typer.Argument(help="Actors, one lane each (e.g. Azerbaijan Armenia Georgia).")],
    type: Annotated[list[str] | None, typer.Option("--type", help="Only these event types (repeatable).")] = None,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option(help="Until this date.")] = None,
    db: DbOption = None,
) -> None:
    """Show the events of one or several actors side by side, year by year.

    Example: annals timeline Azerbaijan Armenia Georgia --type membership --type agreement
    """
    from annals.store.corpus import Corpus
    from annals.timeline import lanes

    with Corpus(db, mode="read") as corpus:
        found = lanes(corpus, names, types=tuple(type or ()), since=since, until=until)
    from annals.render import timeline_table

    timeline_table(found)


@app.command()
@handles_errors
def compare(
    names: Annotated[list[str], typer.Argument(help="Actors, one column each (canonical name or alias).",
                                               show_default=False)],
    about: Annotated[list[str] | None, typer.Option(
        "--object", help="Only milestones about this programme, document or organisation (repeatable).")] = None,
    type: TypeOption = None,
    min_actors: Annotated[int | None, typer.Option(
        "--min-actors", help="Show a milestone when at least this many of the actors reached it (default: 2, "
                             "or 1 for one actor).", show_default=False)] = None,
    format: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
    db: DbOption = None,
    raw_csv: RawCsvOption = False,
) -> None:
    """Compare who reached which milestone when: one row per milestone, one column per actor.

    A milestone is what an event is about (its object, or the organisation joined) with its type; each
    cell is the earliest date at which that actor was the source of such an event, with its number of
    sources and a mark (≠) where sources give other dates. Rows run in the order the milestones were
    first reached.

    Example: annals compare Azerbaijan Armenia Georgia --type membership --format json
    """
    from annals.compare import compare as run_compare
    from annals.store.corpus import Corpus

    with Corpus(db, mode="read") as corpus:
        found = run_compare(corpus, names, objects=tuple(about or ()), types=tuple(type or ()), least=min_actors)
    if format is ListFormat.json:
        _print_json(found)
    elif format is ListFormat.csv:
        from annals.output import write_compare_csv

        write_compare_csv(found, sys.stdout, raw_csv=raw_csv)
    else:
        from annals.render import compare_table

        compare_table(found)


EXPORT_FORMATS = ", ".join(BUILTINS)


@app.command()
@handles_errors
def export(
    actor: ActorOption = None,
    type: TypeOption = None,
    about: ObjectOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    text: TextOption = None,
    source: SourceOption = None,
    format: Annotated[str | None, typer.Option(
        "--format", "-f", help=f"One of: {EXPORT_FORMATS} (default: from the --output extension).",
        show_default=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file (replaced at the end, its mode kept), device or named pipe; "
                               "a symbolic link: its target; - : standard output (the default).",
        show_default=False)] = None,
    db: DbOption = None,
    raw_csv: RawCsvOption = False,
) -> None:
    """Export the corpus's events, filtered, in date order, in a format other tools read.

    Example: annals export --actor Azerbaijan --format ics --output azerbaijan.ics
    """
    from annals.errors import UsageError
    from annals.export import export as run_export
    from annals.export import format_for, get
    from annals.query import Query
    from annals.store.corpus import Corpus

    if output is not None and str(output) == "-":
        output = None
    if format is None:
        guessed = format_for(output) if output else None
        if guessed is None:
            raise UsageError(f"--format is needed (one of: {EXPORT_FORMATS})")
        format = guessed.name
    chosen = get(format)
    if output is None and chosen.binary and sys.stdout.isatty():
        raise UsageError(f"{chosen.name} is binary: give --output FILE or redirect standard output")
    query = Query(actors=tuple(actor or ()), types=tuple(type or ()), objects=tuple(about or ()), since=since,
                  until=until, text=text, sources=_source_names(source), limit=None)
    with Corpus(db, mode="read") as corpus:
        report = run_export(corpus, chosen.name, output, query=query, raw_csv=raw_csv)
    if output is not None or report.skipped:
        typer.echo(f"exported {report.summary()}" + (f" to {output}" if output else ""), err=True)


@app.command()
@handles_errors
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    allow_writes: Annotated[
        bool, typer.Option("--allow-writes", help="Accept POST /api/documents with the token in ANNALS_TOKEN.")
    ] = False,
    allow_host: Annotated[
        list[str] | None, typer.Option("--allow-host", metavar="NAME", show_default=False,
                                       help="Answer requests for this host name too (repeatable; '*': any). "
                                            "Loopback names and --host are always answered.")
    ] = None,
) -> None:
    """Serve the corpus: the timeline page at /, the HTTP API under /api, its docs at /docs.

    Read-only unless --allow-writes (then adding needs Authorization: Bearer $ANNALS_TOKEN). A request whose
    Host header names another server is refused (400), so that no web page can read the corpus through DNS
    rebinding.

    Example: annals serve --db annals.db --port 8000
    """
    from annals.api import serve as run_server
    from annals.api.app import vendor_ready
    from annals.api.hosts import allowed_hosts
    from annals.api.server import open_corpus

    if allow_writes and not os.environ.get("ANNALS_TOKEN"):
        from annals.errors import UsageError

        raise UsageError("--allow-writes needs a token: set ANNALS_TOKEN")
    allowed_hosts(host, allow_host or ())  # a name that is not one is an error before anything starts
    open_corpus(db).close()
    if not vendor_ready():
        typer.echo("annals: the timeline page needs its files: run `npm ci && npm run build` (the API works)", err=True)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"annals: serving {db or os.environ.get('ANNALS_DB') or 'annals.db'} at http://{shown}:{port}/ "
               f"({'writes allowed' if allow_writes else 'read-only'}; Ctrl-C stops)")
    run_server(db, host=host, port=port, allow_writes=allow_writes, allow_hosts=allow_host or ())


def main() -> None:  # pragma: no cover - console entry point (annals.entry.main runs the light commands first)
    app()
