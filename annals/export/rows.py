"""Events as flat rows: one per event, lists joined, for CSV and DataFrames."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from annals.model import Document, Event

__all__ = ["COLUMNS", "event_row", "event_rows"]

COLUMNS = (
    "source", "date", "date_text", "type", "actors", "actor_kinds", "places", "quantities", "section",
    "evidence", "evidence_start", "evidence_end", "trigger",
)


def event_row(doc: Document, event: Event) -> dict[str, Any]:
    return {
        "source": doc.source,
        "date": event.date_value,
        "date_text": event.date_text,
        "type": event.type,
        "actors": "; ".join(a.name for a in event.actors),
        "actor_kinds": "; ".join(a.kind for a in event.actors),
        "places": "; ".join(event.places),
        "quantities": "; ".join(q.text for q in event.quantities),
        "section": " > ".join(event.section),
        "evidence": event.evidence_text,
        "evidence_start": event.evidence_start,
        "evidence_end": event.evidence_end,
        "trigger": event.trigger or "",
    }


def event_rows(doc: Document) -> Iterator[dict[str, Any]]:
    for event in doc.events:
        yield event_row(doc, event)
