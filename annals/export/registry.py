"""The export formats: one module each, listed here, looked up by name.

    register(Format(name, extension, media_type, write, binary=False))
    get("ics") -> Format            UsageError naming the choices if unknown
    names() -> ("csv", "json", ...)

A writer is `write(events, context) -> Iterator[str | bytes]`: it takes the
events one at a time (the stored shape of annals/store/corpus.py) and yields
chunks as it goes, so that nothing holds the whole corpus. The built-in
formats are registered by `load_builtins()` below, explicitly and on first use;
a new format is one new module and one line in BUILTINS.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from annals.errors import UsageError

__all__ = ["BUILTINS", "FIXED_STAMP", "Context", "Format", "Report", "by_extension", "formats", "get", "load_builtins", "names", "register"]

# Modules under annals/export/ that define a built-in format (each has a `FORMAT`).
BUILTINS = ("csv", "json", "jsonl", "parquet", "ics", "timelinejs", "wikitext", "plover", "cameo", "graphml")

# The DTSTAMP-like time of an export whose events come from no corpus: fixed, so output is reproducible.
FIXED_STAMP = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass
class Report:
    """What an export wrote and what it left out (and why)."""

    events: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def summary(self) -> str:
        text = f"{self.events} event{'s' if self.events != 1 else ''}"
        if self.skipped:
            text += " (left out: " + ", ".join(f"{n} {why}" for why, n in sorted(self.skipped.items())) + ")"
        return text


@dataclass
class Context:
    """What a writer may need besides the events: a title, a fixed time stamp, the report to fill, and
    whether CSV cells that look like formulas stay as they are (`raw_csv`) or are defused (the default)."""

    title: str = "Chronology"
    stamp: datetime = FIXED_STAMP
    report: Report = field(default_factory=Report)
    raw_csv: bool = False


Writer = Callable[[Iterable[dict[str, Any]], Context], Iterator[Any]]


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    media_type: str
    write: Writer
    binary: bool = False
    description: str = ""


_FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    """Add a format; a second format with the same name is an error (no silent overwrite)."""
    if fmt.name in _FORMATS and _FORMATS[fmt.name] is not fmt:
        raise ValueError(f"export format {fmt.name!r} is already registered")
    _FORMATS[fmt.name] = fmt
    return fmt


_loaded = False


def load_builtins() -> None:
    """Register the built-in formats (once, on first use)."""
    global _loaded
    if not _loaded:
        _loaded = True
        for module in BUILTINS:
            register(importlib.import_module(f"annals.export.{module}").FORMAT)


def formats() -> dict[str, Format]:
    load_builtins()
    return dict(_FORMATS)


def names() -> tuple[str, ...]:
    return tuple(formats())


def get(name: str) -> Format:
    """The format called `name`; a UsageError that lists the choices otherwise."""
    found = formats().get((name or "").strip().lower())
    if found is None:
        raise UsageError(f"unknown export format {name!r}: choose from {', '.join(names())}")
    return found


def by_extension(path: str) -> Format | None:
    """The format whose extension ends `path` (the longest match), if any."""
    lowered = str(path).lower()
    matches = [f for f in formats().values() if lowered.endswith("." + f.extension)]
    return max(matches, key=lambda f: len(f.extension)) if matches else None
