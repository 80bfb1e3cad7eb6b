"""The `annals` command. Each command parses its options, calls one library
function and prints the result; errors print one line and exit non-zero."""
from __future__ import annotations

import functools
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Callable

import typer

from annals.errors import AnnalsError

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


def _fail(message: str, code: int) -> None:
    typer.echo(f"annals: {message}", err=True)
    raise typer.Exit(code)


def handles_errors(command: Callable) -> Callable:
    """Turn annals errors, interrupts and surprises into one line and an exit code."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except AnnalsError as exc:
            _fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(1)
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:  # the last guard: no traceback reaches a user
            if os.environ.get("ANNALS_DEBUG"):
                raise
            _fail(f"internal error: {type(exc).__name__}: {exc} (set ANNALS_DEBUG=1 for details)", 70)

    return wrapper


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))
    sys.stdout.write("\n")


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
    from annals.pipeline import times as find_times

    _check_dct(dct)
    doc = find_times(file, dct=dct)
    if format is TimesFormat.json:
        _print_json({"source": doc.source, "dct": doc.dct, "times": [m.to_dict() for m in doc.times]})
        return
    from annals.render import times_table

    times_table(doc)


@app.command()
@handles_errors
def extract(
    files: Annotated[list[Path], typer.Argument(help="Text, wikitext or HTML files.", show_default=False)],
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.table,
    reader: Annotated[Reader, typer.Option(help="How to read the files (auto: by content).")] = Reader.auto,
    dct: Annotated[str | None, typer.Option(help="Document date, YYYY-MM-DD, for news-style dates.")] = None,
) -> None:
    """Print the dated events of each FILE: date, type, actors, places, quantities, sentence.

    Example: annals extract examples/azerbaijan-nato.txt --format json
    """
    from annals.output import write_events
    from annals.pipeline import extract as run_extract

    _check_dct(dct)
    docs = [run_extract(path, dct=dct, reader=reader.value) for path in files]
    write_events(docs, format.value, sys.stdout)


def _check_dct(dct: str | None) -> None:
    from annals.time.anchor import parse_dct

    if dct is not None and parse_dct(dct) is None:
        from annals.errors import UsageError

        raise UsageError(f"--dct {dct!r} is not a date of the form YYYY-MM-DD")


def main() -> None:  # pragma: no cover - console entry point
    app()
