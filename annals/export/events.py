"""Where an export's events come from: a corpus, an extracted document, or events already in hand.

    events_of(corpus, query)          corpus.iter_events(query): a page (1,000 events) at a time
    events_of(doc)                    the events of one `annals.extract` result (Document or its JSON)
    events_of([event, ...])           events in the stored shape, as they are

Every event comes out in the stored shape of annals/store/corpus.py (id,
date, type, actors, places, quantities, section, evidence, sources,
conflicts); a document's events get the id the corpus would give them.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from annals.errors import UsageError
from annals.merge.ids import event_id
from annals.model import Document
from annals.query import MAX_LIMIT, Query

__all__ = ["document_events", "event_id", "events_of", "stamp_of"]


def _stored(document: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
    evidence = event["evidence"]
    source = {
        "document": {"source": document.get("source", ""), "title": document.get("title", ""),
                     "sha256": document.get("sha256", "")},
        "evidence": dict(evidence),
        "date": dict(event["date"]),
        "section": list(event.get("section", [])),
    }
    if event.get("citation"):
        source["citation"] = event["citation"]
    return {
        "id": event.get("id") or event_id(document.get("sha256", ""), evidence["start"], event["date"]["value"],
                                           event["type"]),
        "date": dict(event["date"]),
        "type": event["type"],
        "actors": [dict(a) for a in event.get("actors", [])],
        "places": list(event.get("places", [])),
        "quantities": [dict(q) for q in event.get("quantities", [])],
        "section": list(event.get("section", [])),
        "evidence": dict(evidence),
        "sources": [source],
        "conflicts": [],
    }


def document_events(doc: Document | dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The events of one extracted document (a Document or the JSON `annals extract` prints)."""
    data = doc.to_dict() if isinstance(doc, Document) else doc
    for event in data.get("events", []):
        yield _stored(data.get("document", {}), event)


def events_of(source: Any, query: Query | None = None) -> Iterator[dict[str, Any]]:
    """The events of `source` in the stored shape, one at a time."""
    from annals.store.corpus import Corpus

    if isinstance(source, Corpus):
        return source.iter_events(query, page=MAX_LIMIT)
    if query is not None:
        raise UsageError("filters need a corpus: export a Corpus, or filter the events yourself")
    if isinstance(source, Document) or (isinstance(source, dict) and "document" in source):
        return document_events(source)
    if isinstance(source, dict) and "events" in source:
        return iter(source["events"])
    if isinstance(source, list) and source and isinstance(source[0], dict) and "document" in source[0]:
        return (event for doc in source for event in document_events(doc))
    if isinstance(source, Iterable):
        return iter(source)
    raise UsageError(f"cannot export a {type(source).__name__}: give a Corpus, a Document or events")


def stamp_of(source: Any) -> datetime | None:
    """When a corpus last changed (its latest document added), for time stamps that repeat exactly."""
    from annals.store.corpus import Corpus

    if not isinstance(source, Corpus):
        return None
    added = [d["added_at"] for d in source.documents() if d.get("added_at")]
    if not added:
        return None
    latest = max(datetime.fromisoformat(a) for a in added)
    if latest.tzinfo is None:
        latest = latest.replace(tzinfo=UTC)
    return latest.astimezone(UTC).replace(microsecond=0)
