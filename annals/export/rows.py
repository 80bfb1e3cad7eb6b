"""Events as flat rows: one per event, lists joined, for CSV and DataFrames (extracted and stored events)."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from annals.model import Document, Event

__all__ = ["COLUMNS", "EXPORT_COLUMNS", "event_row", "event_rows", "export_row"]

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


# Stored (corpus) events as flat rows, for `annals export --format csv`.
EXPORT_COLUMNS = (
    "id", "date", "date_text", "start", "end", "type", "actors", "actor_kinds", "actor_roles", "places",
    "quantities", "section", "evidence", "evidence_start", "evidence_end", "sources", "source_titles", "conflicts",
)
LIST_SEPARATOR = "; "


def export_row(event: dict[str, Any]) -> dict[str, Any]:
    """One stored event as one flat row: lists joined with "; ", `start`/`end` the ISO days the date may
    mean (empty where open or unknown), `actor_kinds` and `actor_roles` aligned with `actors`."""
    from annals.export.dates import day_bounds

    first, last = day_bounds(event["date"]["value"])
    evidence = event.get("evidence") or {}
    join = LIST_SEPARATOR.join
    return {
        "id": event["id"],
        "date": event["date"]["value"],
        "date_text": event["date"]["text"],
        "start": first.isoformat() if first else "",
        "end": last.isoformat() if last else "",
        "type": event["type"],
        "actors": join(a["name"] for a in event["actors"]),
        "actor_kinds": join(a["kind"] for a in event["actors"]),
        "actor_roles": join(a.get("role") or "" for a in event["actors"]) if any(
            a.get("role") for a in event["actors"]) else "",
        "places": join(event["places"]),
        "quantities": join(q["text"] for q in event["quantities"]),
        "section": " > ".join(event.get("section", [])),
        "evidence": evidence.get("text", ""),
        "evidence_start": evidence.get("start", ""),
        "evidence_end": evidence.get("end", ""),
        "sources": join(s["document"]["source"] for s in event["sources"]),
        "source_titles": join(s["document"]["title"] for s in event["sources"]),
        "conflicts": join(f"{c['value']} ({c['source']})" for c in event["conflicts"]),
    }
