"""How a file is named in the corpus: one name per file, wherever `annals` runs.

    source_of("docs/k.txt")      '/home/me/docs/k.txt'   what is stored: the normalised absolute path
    shown("/home/me/docs/k.txt") 'docs/k.txt'            what is printed: relative when inside the working folder
    former_source(source)        'docs/k.txt'            the name an older annals stored (relative to where it ran)
    lookup_names("k.txt")        every name a user's `k.txt` may be stored under, most likely first

The path is made absolute without following symbolic links (a link is named
as the user gave it, not by its target). Before this, a file inside the
working folder was stored relative to it, so `docs/k.txt` and `k.txt` were
two documents; `former_source` lets those rows be found (and renamed) again.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

__all__ = ["former_source", "lookup_names", "printable", "readable_name", "shown", "source_of"]


def source_of(path: str | os.PathLike) -> str:
    """The stored name of the file at `path`: its normalised absolute path."""
    return os.path.normpath(os.path.abspath(os.fspath(path)))


def readable_name(name: str) -> bool:
    """Whether `name` is valid Unicode (a file name of undecodable bytes arrives with surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable(name: str) -> str:
    """`name` with its undecodable bytes written as escapes (b\\xff.txt), safe to print and store."""
    if readable_name(name):
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def shown(source: str) -> str:
    """A stored name as printed: relative to the working folder when the file is inside it."""
    if not os.path.isabs(source):
        return source
    try:
        relative = os.path.relpath(source, os.getcwd())
    except (OSError, ValueError):
        return source
    return source if relative == os.pardir or relative.startswith(os.pardir + os.sep) else relative


def former_source(source: str) -> str | None:
    """The name an older annals gave the file stored as `source`, if it differs.

    That annals followed links and named a file inside the working folder relative to it.
    An address (https://...) has no former name.
    """
    if "://" in source:
        return None
    try:
        resolved = Path(source).resolve()
        cwd = Path.cwd().resolve()
    except (OSError, RuntimeError):  # a link loop
        return None
    try:
        name = str(resolved.relative_to(cwd))
    except ValueError:
        name = str(resolved)
    return name if name != source else None


def lookup_names(name: str) -> tuple[str, ...]:
    """The names a document that a user calls `name` may be stored under, most likely first (an address: itself)."""
    if re.match(r"https?://", name, re.IGNORECASE):
        return (name,)
    names = [source_of(name), name]
    former = former_source(names[0])
    if former is not None:
        names.append(former)
    return tuple(dict.fromkeys(names))
