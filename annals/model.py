"""The data that flows through annals, as frozen dataclasses.

A `Document` owns its text; everything else (lines, sentences, time
mentions, evidence) is a pair of character offsets into `Document.text`,
so that what a user sees can always be traced back to what was read.
The JSON shapes follow `EVENTS.md` (the event contract).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from typing import Any

__all__ = [
    "LINE_KINDS",
    "PARTS",
    "Actor",
    "Document",
    "Entity",
    "Event",
    "EventObject",
    "Line",
    "Predicate",
    "Quantity",
    "Sentence",
    "TimeMention",
    "Token",
]

PARTS = ("source", "target", "other")


def _mention_start(mention: TimeMention) -> int:
    return mention.start

LINE_KINDS = ("heading", "prose", "list", "table", "infobox", "blank")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the document: its offsets, its kind and its section path."""

    start: int
    end: int
    kind: str
    section: tuple[str, ...] = ()
    level: int = 0
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as offsets into the document text, with where it sits."""

    start: int
    end: int
    kind: str = "prose"
    section: tuple[str, ...] = ()
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class TimeMention:
    """One time expression: its extent, its TimeML type and value, and its EDTF value.

    `start`/`end` cover the expression itself (TimeML extent: "February 2009");
    `signal_start` marks where a governing word such as "since" or "from"
    begins, so that `text_with_signal` reads "since February 2009".
    `edtf` is None for what EDTF does not date (durations, sets, vague refs).
    `parts` are the TIMEX3s TimeML makes of a span told with two dates ("between
    1994 and 1997": "1994" and "1997"), each with its own value; see `timex3s`.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    edtf: str | None = None
    rule: str = ""
    signal: str | None = None
    signal_start: int | None = None
    mod: str | None = None
    anchored: bool = False
    modifier: bool = False
    parts: tuple[TimeMention, ...] = ()

    @property
    def span_start(self) -> int:
        return self.start if self.signal_start is None else self.signal_start

    def to_dict(self) -> dict[str, Any]:
        data = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "value": self.value,
            "edtf": self.edtf,
        }
        if self.signal:
            data["signal"] = self.signal
        if self.mod:
            data["mod"] = self.mod
        if self.parts:
            data["parts"] = [part.to_dict() for part in self.parts]
        return data


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a parsed sentence: offsets, lemma, part of speech and its dependency arc.

    `head` is the index of its head in `Document.tokens` (a root is its own head);
    `ent` is the label of the named entity it belongs to ("" if none).
    """

    start: int
    end: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity of a parsed sentence: offsets and label (PERSON, ORG, GPE, NORP, ...)."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Predicate:
    """The word a date belongs to and that decides its type: "signed", "the accession"."""

    text: str
    lemma: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "lemma": self.lemma, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class EventObject:
    """The named thing an event is about: a programme, document, institution, operation, meeting."""

    name: str
    text: str
    kind: str = "other"

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "text": self.text, "kind": self.kind}


@dataclass(frozen=True, slots=True)
class Actor:
    """A participant under its canonical name, and its part in the event (source, target, other).

    `inferred`: the sentence does not name it; it is the document's subject, added where the sentence
    names no one (merging does not count it as shared)."""

    name: str
    kind: str = "other"
    role: str | None = None
    part: str | None = None
    inferred: bool = False

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "kind": self.kind}
        if self.role:
            data["role"] = self.role
        if self.part:
            data["part"] = self.part
        if self.inferred:
            data["inferred"] = True
        return data


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number that the sentence counts, with its unit."""

    value: float | int
    unit: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit, "text": self.text}


@dataclass(frozen=True, slots=True)
class Event:
    """One dated happening: one sentence and one time (see EVENTS.md)."""

    date_value: str
    date_text: str
    type: str
    evidence_start: int
    evidence_end: int
    evidence_text: str
    section: tuple[str, ...] = ()
    actors: tuple[Actor, ...] = ()
    places: tuple[str, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    trigger: str | None = None
    citation: str | None = None
    predicate: Predicate | None = None
    object: EventObject | None = None
    headline: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "date": {"value": self.date_value, "text": self.date_text},
            "type": self.type,
            "predicate": self.predicate.to_dict() if self.predicate else None,
            "actors": [a.to_dict() for a in self.actors],
            "object": self.object.to_dict() if self.object else None,
            "headline": self.headline,
            "places": list(self.places),
            "quantities": [q.to_dict() for q in self.quantities],
            "section": list(self.section),
            "evidence": {"text": self.evidence_text, "start": self.evidence_start, "end": self.evidence_end},
        }
        if self.trigger:
            data["trigger"] = self.trigger
        if self.citation:
            data["citation"] = self.citation
        return data


@dataclass(frozen=True, slots=True)
class Document:
    """A text as read, with what the pipeline has found in it so far."""

    text: str
    source: str = "<text>"
    title: str = ""
    reader: str = "text"
    sha256: str = ""
    dct: str | None = None
    lines: tuple[Line, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    times: tuple[TimeMention, ...] = ()
    tokens: tuple[Token, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    citations: tuple[tuple[int, int, str], ...] = field(default=())
    aliases: tuple[tuple[str, str], ...] = field(default=())

    def span(self, start: int, end: int) -> str:
        """The text between two offsets."""
        return self.text[start:end]

    def times_in(self, start: int, end: int) -> tuple[TimeMention, ...]:
        """The time mentions that start in text[start:end] (`times` is in text order)."""
        first = bisect.bisect_left(self.times, start, key=_mention_start)
        last = bisect.bisect_left(self.times, end, lo=first, key=_mention_start)
        return self.times[first:last]

    def with_(self, **changes: Any) -> Document:
        """A copy with some fields replaced (documents are immutable)."""
        return replace(self, **changes)

    def header(self) -> dict[str, Any]:
        data: dict[str, Any] = {"title": self.title, "source": self.source, "sha256": self.sha256}
        if self.dct:
            data["date"] = self.dct
        data["reader"] = self.reader
        return data

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.header(), "events": [e.to_dict() for e in self.events]}

    def to_pandas(self):
        """The events as a pandas DataFrame, one row per event (needs pandas)."""
        from annals.errors import MissingDependency

        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise MissingDependency("pandas", "Document.to_pandas()") from exc
        from annals.export.rows import event_rows

        return pd.DataFrame(list(event_rows(self)))
