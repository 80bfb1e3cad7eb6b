"""Where an export's bytes go, as the user means it (`annals export --output`).

    write_to("chronology.ics", chunks)    a regular file or a new path: replaced all at once (atomic.py)
    write_to("/dev/null", chunks)         a device, a named pipe, a socket: written straight into
    write_to("link.ics", chunks)          a symbolic link: its target, written as the above; the link stays

A regular file keeps its mode. A folder, a missing folder, a loop of links
or a device that refuses bytes (`/dev/full`) raise OutputError (E050, exit
73) with one line naming the path; nothing at the path is replaced.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable

from annals.errors import OutputError
from annals.export.destination.atomic import replace_with

__all__ = ["write_to"]


def _problem(exc: OSError) -> str:
    return f"cannot write: {exc.strerror or exc}"


def _straight(path: str, chunks: Iterable[bytes]) -> None:
    """Write into what is there (a device, a pipe), as the shell's `>` does."""
    with open(path, "wb") as handle:
        handle.writelines(chunks)


def write_to(path: str | os.PathLike, chunks: Iterable[bytes]) -> None:
    """Write `chunks` to `path`, following symbolic links; OutputError if it cannot be written."""
    shown = os.fspath(path)
    try:
        found = os.stat(shown)
    except FileNotFoundError:
        found = None
    except OSError as exc:
        raise OutputError(shown, _problem(exc)) from exc
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise OutputError(shown, "is a folder, not a file")
    real = os.path.realpath(shown)
    folder = os.path.dirname(real)
    if found is None and not os.path.isdir(folder):
        raise OutputError(shown, f"no such folder: {folder}")
    try:
        if found is None or stat.S_ISREG(found.st_mode):
            replace_with(real, chunks)
        else:
            _straight(shown, chunks)
    except OSError as exc:
        raise OutputError(shown, _problem(exc)) from exc
