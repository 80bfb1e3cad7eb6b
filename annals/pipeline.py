"""The pipeline: ordered, named stages from a file to its events.

    read      file or text -> Document(text, lines, sections)
    segment   -> sentences
    times     -> time mentions, document date
    parse     -> tokens and entities of the dated sentences (spaCy)
    events    -> events (predicate, type, actors and their parts, object, headline)

Each stage declares what it needs and what it adds; `run` checks both, so
a stage that forgets its output fails here, not three stages later.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from annals.errors import AnnalsError
from annals.model import Document

__all__ = ["Stage", "extract", "load", "run", "stages", "times"]


@dataclass(frozen=True)
class Stage:
    name: str
    function: Callable[..., Document]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


def _segment(doc: Document, **_: object) -> Document:
    from annals.segment import segment

    return segment(doc)


def _times(doc: Document, *, dct: str | None = None, **_: object) -> Document:
    from annals.time.tagger import tag_document

    return tag_document(doc, dct=dct)


def _parse(doc: Document, **_: object) -> Document:
    if not doc.times:  # nothing dated to parse: neither the parser nor its module is loaded
        return doc.with_(tokens=(), entities=())
    from annals.parse import parse_document

    return parse_document(doc)


def _events(doc: Document, **_: object) -> Document:
    if not doc.times:  # every event is a date's: a text without one has none, and the events package stays unloaded
        return doc.with_(events=())
    from annals.events import find_events

    return find_events(doc)


def stages() -> tuple[Stage, ...]:
    return (
        Stage("segment", _segment, requires=("lines",), assigns=("sentences",)),
        Stage("times", _times, requires=("sentences",), assigns=("times",)),
        Stage("parse", _parse, requires=("sentences", "times"), assigns=("tokens", "entities")),
        Stage("events", _events, requires=("sentences", "times", "tokens"), assigns=("events",)),
    )


def run(doc: Document, *, until: str = "events", dct: str | None = None) -> Document:
    """Run the stages in order up to and including `until` (a text printed in capitals read in ordinary
    case, and given back as written)."""
    from annals.read.capitals import ordinary_case

    written = doc.text
    cased = ordinary_case(written)
    if cased is not None:
        doc = doc.with_(text=cased)
    doc = _run_stages(doc, until=until, dct=dct)
    return doc if cased is None else _as_written(doc, written)


def _as_written(doc: Document, written: str) -> Document:
    """The document with its own text again: the evidence, dates and times as the text prints them."""
    from dataclasses import replace

    def original(text: str, lo: int, hi: int) -> str:
        at = doc.text.find(text, lo, hi) if text else -1
        return written[at:at + len(text)] if at >= 0 else text

    events = tuple(replace(e, evidence_text=written[e.evidence_start:e.evidence_end],
                           date_text=original(e.date_text, e.evidence_start, e.evidence_end)) for e in doc.events)
    times = tuple(replace(t, text=written[t.start:t.end]) for t in doc.times)
    return doc.with_(text=written, times=times, events=events)


def _run_stages(doc: Document, *, until: str, dct: str | None) -> Document:
    for stage in stages():
        missing = [name for name in stage.requires if not hasattr(doc, name)]
        if missing:
            raise AnnalsError(f"stage {stage.name} needs {', '.join(missing)}")
        result = stage.function(doc, dct=dct)
        if not isinstance(result, Document):
            raise AnnalsError(f"stage {stage.name} returned {type(result).__name__}, not a Document")
        doc = result
        if stage.name == until:
            break
    return doc


def load(source: str | os.PathLike | Document, *, reader: str = "auto") -> Document:
    """A Document from a path, from text, or as given."""
    from annals.read import read, read_text

    if isinstance(source, Document):
        return source
    if isinstance(source, os.PathLike):
        return read(source, reader=reader)
    if "\n" not in source and len(source) < 4096:
        looks_like_path = re.fullmatch(r"\S+\.[A-Za-z0-9]{1,6}", source.strip()) is not None
        if Path(source).exists() or looks_like_path:
            return read(source, reader=reader)
    return read_text(source, reader=reader)


def times(source: str | os.PathLike | Document, *, dct: str | None = None, reader: str = "auto") -> Document:
    """A document with its time expressions found and normalised."""
    return run(load(source, reader=reader), until="times", dct=dct)


def extract(source: str | os.PathLike | Document, *, dct: str | None = None, reader: str = "auto") -> Document:
    """A document with its events: `annals.extract("article.txt").events`."""
    return run(load(source, reader=reader), until="events", dct=dct)
