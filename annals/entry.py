"""The `annals` console script: the light commands start without Typer.

`annals times` and `annals extract` on one short file spend most of their
time starting: Typer, the Pydantic models it checks every option with,
Rich. `main()` reads their arguments itself when they are plain (the
options of _LIGHT below, each at most once, no `--help`, no `--`) and calls
the same functions as the Typer commands of annals/cli.py; anything else
(every other command, `--help`, a mistake) goes to the Typer application,
which prints what it always printed. tests/test_cli_startup.py checks that
_LIGHT says what cli.py declares and that both ways print the same.

This module imports nothing heavy: what a command needs, it imports when it runs.
"""
from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from annals.errors import AnnalsError

__all__ = ["check_dct", "extract_command", "fail", "guarded", "main", "plain_arguments", "print_json", "times_command"]


@dataclass(frozen=True)
class _Command:
    """A light command's parameters: its positional argument (how many), its options with values, its flags."""

    argument: str
    many: bool
    options: dict[str, tuple[str, tuple[str, ...] | None]]  # spelling -> (parameter, choices or None for any)
    flags: dict[str, str]  # spelling -> parameter (True when given)
    defaults: dict[str, object]


_TIMES_FORMATS = ("table", "json")
_EXTRACT_FORMATS = ("table", "json", "jsonl", "csv")
_READERS = ("auto", "text", "wikitext", "html")

_LIGHT = {
    "times": _Command(
        argument="file", many=False,
        options={"--dct": ("dct", None), "--format": ("format", _TIMES_FORMATS), "-f": ("format", _TIMES_FORMATS)},
        flags={}, defaults={"dct": None, "format": "table"},
    ),
    "extract": _Command(
        argument="files", many=True,
        options={"--format": ("format", _EXTRACT_FORMATS), "-f": ("format", _EXTRACT_FORMATS),
                 "--reader": ("reader", _READERS), "--dct": ("dct", None)},
        flags={"--raw-csv": "raw_csv"}, defaults={"format": "table", "reader": "auto", "dct": None, "raw_csv": False},
    ),
}


def plain_arguments(args: list[str]) -> tuple[str, dict[str, object]] | None:
    """(command, its parameters) when `args` call a light command plainly; None for anything else."""
    if not args or args[0] not in _LIGHT:
        return None
    command = _LIGHT[args[0]]
    values: dict[str, object] = {}
    positional: list[str] = []
    rest = iter(args[1:])
    for arg in rest:
        if not arg.startswith("-"):
            positional.append(arg)
            continue
        if arg.startswith("--"):
            name, joined, value = arg.partition("=")
        else:  # -f json, -fjson
            name, joined, value = arg[:2], "=" if len(arg) > 2 else "", arg[2:]
        if name in command.flags and not joined:
            parameter, value_of = command.flags[name], True
        elif name in command.options:
            parameter, choices = command.options[name]
            if not joined:
                value = next(rest, "")
            if not value or value.startswith("-") or (choices is not None and value not in choices):
                return None
            value_of = value
        else:
            return None  # --help, --, an unknown option, a flag given a value: Typer says what to say
        if parameter in values:
            return None
        values[parameter] = value_of
    if not positional or (len(positional) > 1 and not command.many):
        return None
    values[command.argument] = [Path(p) for p in positional] if command.many else Path(positional[0])
    return args[0], {**command.defaults, **values}


def _strip_ansi(text: str) -> str:
    # As click.echo does for a stream that is not a terminal.
    try:
        terminal = sys.stderr.isatty()
    except (AttributeError, ValueError):
        terminal = False
    return text if terminal else re.sub(r"\033\[[;?0-9]*[a-zA-Z]", "", text)


def fail(message: str, code: int) -> int:
    """Print `annals: message` on standard error; the exit code."""
    sys.stderr.write(_strip_ansi(f"annals: {message}") + "\n")
    sys.stderr.flush()
    return code


def guarded(call: Callable[[], object], *, passthrough: tuple[type[BaseException], ...] = ()) -> int:
    """Run `call`: 0, or the exit code of the error it raised, printed on one line (no traceback reaches a user)."""
    try:
        call()
    except passthrough:
        raise
    except AnnalsError as exc:
        return fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        return fail("interrupted", 130)
    except BrokenPipeError:
        sys.stderr.close()
        return 1
    except Exception as exc:  # the last guard
        if os.environ.get("ANNALS_DEBUG"):
            raise
        return fail(f"internal error: {type(exc).__name__}: {exc} (set ANNALS_DEBUG=1 for details)", 70)
    return 0


def print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))
    sys.stdout.write("\n")


def check_dct(dct: str | None) -> None:
    from annals.time.anchor import parse_dct

    if dct is not None and parse_dct(dct) is None:
        from annals.errors import UsageError

        raise UsageError(f"--dct {dct!r} is not a date of the form YYYY-MM-DD")


def times_command(file: Path, *, dct: str | None = None, format: str = "table") -> None:
    """`annals times`: every time expression of `file`, as a table or JSON."""
    from annals.pipeline import times as find_times

    check_dct(dct)
    doc = find_times(file, dct=dct)
    if format == "json":
        print_json({"source": doc.source, "dct": doc.dct, "times": [m.to_dict() for m in doc.times]})
        return
    from annals.render import times_table

    times_table(doc)


def extract_command(
    files: list[Path], *, format: str = "table", reader: str = "auto", dct: str | None = None, raw_csv: bool = False
) -> None:
    """`annals extract`: the dated events of each file."""
    from annals.output import write_events
    from annals.pipeline import extract as run_extract

    check_dct(dct)
    docs = [run_extract(path, dct=dct, reader=reader) for path in files]
    write_events(docs, format, sys.stdout, raw_csv=raw_csv)


_RUN = {"times": times_command, "extract": extract_command}


def main() -> None:
    """The console script: a light command run here, anything else by the Typer application."""
    plain = None if os.environ.get("_ANNALS_COMPLETE") else plain_arguments(sys.argv[1:])
    if plain is None:
        from annals.cli import app

        app(prog_name="annals")
        return
    name, values = plain
    argument = _LIGHT[name].argument
    sys.exit(guarded(lambda: _RUN[name](values.pop(argument), **values)))
