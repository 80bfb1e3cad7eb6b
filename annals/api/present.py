"""What the API adds to the corpus's answers: marked sentences, timeline lanes, a document's text."""
from __future__ import annotations

import os
import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select

from annals.errors import UsageError
from annals.events.classify import TYPES
from annals.query import MAX_LIMIT, Query
from annals.store import schema as t
from annals.store.dates import OPEN_END, OPEN_START, bounds
from annals.store.sentences import with_sentences
from annals.store.sources import shown, source_of

__all__ = ["LANE_LIMIT", "document_entry", "highlights", "shown_event", "stored_names", "timeline", "timeline_item",
           "type_counts", "with_highlights"]

LANE_LIMIT = 10_000
_DOCUMENT_FIELDS = ("source", "title", "sha256", "reader", "date", "added_at", "events")


def highlights(sentence: str, *, date_text: str, names: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Where the date and the actors (`names`: (label, name or alias)) stand in `sentence`, without overlaps."""
    found: list[dict[str, Any]] = []
    if date_text:
        at = sentence.find(date_text)
        if at < 0:
            at = sentence.lower().find(date_text.lower())
        if at >= 0:
            found.append({"start": at, "end": at + len(date_text), "kind": "date", "label": date_text})
    for label, name in sorted(names, key=lambda pair: -len(pair[1])):
        if len(name) < 2:
            continue
        pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE)
        for match in pattern.finditer(sentence):
            found.append({"start": match.start(), "end": match.end(), "kind": "actor", "label": label})
    found.sort(key=lambda h: (h["start"], -(h["end"] - h["start"])))
    kept: list[dict[str, Any]] = []
    for h in found:
        if not kept or h["start"] >= kept[-1]["end"]:
            kept.append(h)
    return kept


def document_entry(document: dict[str, Any]) -> dict[str, Any]:
    """A document as the API shows it: the fields of its schema only, its source as the store prints it.

    The source is the store's display form (annals.store.sources.shown: relative to the server's working
    folder when the file is inside it); the API never resolves it against the disk, so neither a link's
    target nor an absolute path of its own making appears. What else the store keeps stays in the store.
    """
    return {**{key: document.get(key) for key in _DOCUMENT_FIELDS}, "source": shown(document["source"])}


def shown_event(event: dict[str, Any]) -> dict[str, Any]:
    """The event with each document's source in its display form, as `document_entry` shows it."""
    for told in event.get("sources") or ():
        told["document"]["source"] = shown(told["document"]["source"])
    for conflict in event.get("conflicts") or ():
        conflict["source"] = shown(conflict["source"])
    return event


def stored_names(names: Iterable[str]) -> tuple[str, ...]:
    """The stored sources that names the API showed may stand for: each name and, for a relative one, its
    absolute path (the inverse of `shown`, made from the text alone, without looking at the disk)."""
    found: list[str] = []
    for name in names:
        found.append(name)
        if name and not os.path.isabs(name):
            try:
                found.append(source_of(name))
            except OSError:  # the working folder is gone: no relative name was shown
                pass
    return tuple(dict.fromkeys(found))


def with_highlights(corpus, event: dict[str, Any]) -> dict[str, Any]:
    """The event with `highlights` in each source: its date as written, its actors by name, alias or role."""
    names: list[tuple[str, str]] = []
    for actor in event["actors"]:
        names.append((actor["name"], actor["name"]))
        if actor.get("role"):
            names.append((actor["name"], actor["role"]))
        for entry in corpus.actors(actor["name"])[:1]:
            names.extend((actor["name"], alias) for alias in entry["aliases"])
    for source in event["sources"]:
        source["highlights"] = highlights(source["evidence"]["text"], date_text=source["date"]["text"], names=names)
    return event


def timeline_item(event: dict[str, Any]) -> dict[str, Any] | None:
    """How one event is drawn: a point on its day (or the start of its month or year), a bar for a span."""
    value = event["date"]["value"]
    first, last = bounds(value)
    if not first or not last:
        return None
    start, end, open_end, precision = first, None, None, "day"
    if "/" in value:
        precision = "span"
        if first == OPEN_START:
            start, open_end = last, "start"
        elif last == OPEN_END:
            open_end = "end"
        elif last != first:
            end = last
    elif first != last:
        precision = "year" if len(value) == 4 else "month" if len(value) == 7 and value[5:7] <= "12" else "period"
    # The headline where the event has one ("Azerbaijan joins the Partnership for Peace"), else its sentence.
    sentence = event.get("headline") or (event.get("evidence") or {}).get("text", "")
    label = sentence if len(sentence) <= 60 else sentence[:57].rstrip() + "…"
    return {"id": event["id"], "type": event["type"], "date": event["date"], "start": start, "end": end,
            "open": open_end, "precision": precision, "label": label}


def timeline(corpus, names: list[str], *, types: tuple[str, ...] = (), since: str | None = None,
             until: str | None = None, text: str | None = None, limit: int = LANE_LIMIT) -> dict[str, Any]:
    """Lanes for the page, one per actor, each with at most `limit` drawable items (as annals.timeline.lanes).

    Only what an item needs is read (date, type, first sentence), a page of ids at a time.
    """
    lanes = []
    years: list[int] = []
    for name in names:
        found = corpus.actors(name)
        if not found:
            raise UsageError(f"no actor {name!r} in the corpus (see /api/actors)")
        actor = found[0]
        items, undated, truncated, cursor = [], 0, False, None
        while True:
            query = Query(actors=(actor["name"],), types=types, since=since, until=until, text=text,
                          limit=MAX_LIMIT, cursor=cursor)
            ids, cursor = corpus.event_ids(query)
            for event in _slim_events(corpus, ids):
                if len(items) >= limit:
                    truncated = True
                    break
                item = timeline_item(event)
                if item is None:
                    undated += 1
                    continue
                items.append(item)
                years.append(int(item["start"][:4]))
            if truncated or cursor is None:
                break
        lanes.append({"actor": {"name": actor["name"], "kind": actor["kind"]}, "items": items,
                      "undated": undated, "truncated": truncated})
    return {"lanes": lanes, "years": [min(years), max(years)] if years else None}


def _slim_events(corpus, ids: list[int]) -> list[dict[str, Any]]:
    """Events by row id, in that order, with only their id, date, type, headline and first sentence."""
    if not ids:
        return []
    e, ev = t.events, t.evidence
    first = select(func.min(ev.c.id)).where(ev.c.event_id.in_(ids)).group_by(ev.c.event_id)
    with corpus.engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(
            select(e.c.id, e.c.uid, e.c.date, e.c.date_text, e.c.type, e.c.headline).where(e.c.id.in_(ids)))}
        sentences = dict(conn.execute(select(ev.c.event_id, t.sentences.c.text).select_from(with_sentences())
                                      .where(ev.c.id.in_(first))).all())
    return [{"id": rows[i].uid, "type": rows[i].type, "date": {"value": rows[i].date, "text": rows[i].date_text},
             "headline": rows[i].headline, "evidence": {"text": sentences.get(i, "")}} for i in ids if i in rows]


def type_counts(corpus) -> list[dict[str, Any]]:
    """Every event type annals knows, in the contract's order, with its number of events in the corpus."""
    counts = corpus.type_counts()
    return [{"type": name, "events": counts.get(name, 0)} for name in TYPES]
