"""Exports of events to the formats people already use.

    from annals.export import export, stream
    export(corpus, "ics", "chronology.ics", query=Query(actors=("Azerbaijan",)))   # -> Report
    media_type, chunks = stream(corpus, "parquet")                                  # for HTTP responses
    get("parquet").extension                                                        # "parquet", for a file name

The source is a Corpus (filtered by `query`), an extracted Document (or the
JSON `annals extract` prints) or stored-shape events. Each format is one
module (csv, json, jsonl, parquet, ics, timelinejs, wikitext, plover, cameo,
graphml) registered in registry.py. Every export streams: events are read a
page at a time and written as they come; the same corpus gives the same
bytes.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from annals.export.destination import write_to
from annals.export.registry import FIXED_STAMP, Context, Format, Report, get, names, register

if TYPE_CHECKING:  # the events and queries are imported by an export, not by whoever names the formats (the CLI)
    from annals.query import Query

__all__ = ["DEFAULT_TITLE", "Format", "Report", "export", "format_for", "get", "names", "register", "stream"]

DEFAULT_TITLE = "Chronology"


def _title(query: Query | None) -> str:
    if query is not None and query.actors:
        return f"{DEFAULT_TITLE}: {', '.join(query.actors)}"
    return DEFAULT_TITLE


def _encoded(chunks: Iterator[Any]) -> Iterator[bytes]:
    for chunk in chunks:
        data = chunk.encode("utf-8") if isinstance(chunk, str) else bytes(chunk)
        if data:
            yield data


def stream(
    source: Any, format: str, *, query: Query | None = None, title: str | None = None,
    report: Report | None = None, raw_csv: bool = False,
) -> tuple[str, Iterator[bytes]]:
    """(media type, chunks of bytes) of `source` exported as `format`; the chunks are made as they are read.

    An unknown format raises UsageError at once, before any event is read; `report`, if given, is filled
    in as the chunks are consumed (events written, events left out and why). CSV cells that a spreadsheet
    would run as formulas get a `'` before them unless `raw_csv` (see csv.py).
    """
    from annals.export.events import events_of, stamp_of

    fmt = get(format)
    context = Context(title=title or _title(query), stamp=stamp_of(source) or FIXED_STAMP,
                      report=report if report is not None else Report(), raw_csv=raw_csv)
    events = events_of(source, query)
    return fmt.media_type, _encoded(fmt.write(events, context))


def export(
    source: Any, format: str, out: str | os.PathLike | IO[bytes] | None = None, *, query: Query | None = None,
    title: str | None = None, raw_csv: bool = False,
) -> Report:
    """Write `source` as `format` to `out` (a path, a binary file, or None for standard output).

    A regular file (or a new path) is replaced all at once, keeping its mode, so a failed export leaves
    it as it was; a device or a named pipe is written into; a symbolic link's target is written
    (destination/). A path that cannot be written raises OutputError.
    """
    report = Report()
    _, chunks = stream(source, format, query=query, title=title, report=report, raw_csv=raw_csv)
    if out is None:
        _copy(chunks, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    elif isinstance(out, (str, os.PathLike)):
        write_to(out, chunks)
    else:
        _copy(chunks, out)
    return report


def _copy(chunks: Iterator[bytes], handle: IO[bytes]) -> None:
    for chunk in chunks:
        handle.write(chunk)


def format_for(path: str | os.PathLike) -> Format | None:
    """The format that a file name's extension asks for (e.g. `.ics`, `.timeline.json`), if any."""
    from annals.export.registry import by_extension

    return by_extension(str(path))
