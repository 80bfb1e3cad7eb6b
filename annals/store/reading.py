"""Reading events back: one page of ids for a filter, then those events in the contract's shape.

    ids, cursor = event_ids(conn, Query(actors=("Azerbaijan",), limit=50))
    events = load_events(conn, ids)

A page is chosen on the events table alone (date order, keyset cursor); only
its events are then read, with their actors, places, quantities and every
source, in five statements whatever the page's size.
"""
from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache
from typing import Any

from sqlalchemy import and_, column, func, literal_column, or_, select, table
from sqlalchemy.engine import Connection

from annals.collector import collector_paused
from annals.merge import object_key
from annals.query import Query, decode_cursor, encode_cursor
from annals.resolve.gazetteer import fold
from annals.store import schema as t
from annals.store.dates import UNDATED_LAST
from annals.store.lists import any_of
from annals.store.sentences import with_sentences

__all__ = ["event_ids", "load_events"]

def _filtered(conn: Connection, query: Query):
    e = t.events
    statement = select(e.c.id, e.c.date_start)
    conditions = []
    if query.types:
        conditions.append(e.c.type.in_(query.types))
    if query.actors:
        keys = [fold(a) for a in query.actors]
        actor_ids = sorted({r[0] for r in conn.execute(
            select(t.actors.c.id).where(t.actors.c.key.in_(keys)).union(
                select(t.actor_aliases.c.actor_id).where(t.actor_aliases.c.key.in_(keys))))})
        # EXISTS lets the database walk the date index and stop at a page, instead of sorting
        # every event of a busy actor.
        conditions.append(select(t.event_actors.c.event_id).where(
            t.event_actors.c.event_id == e.c.id, t.event_actors.c.actor_id.in_(actor_ids or [-1])).exists())
    if query.objects:
        conditions.append(e.c.object_name.in_(sorted({object_key(o) for o in query.objects})))
    if query.since_day:
        conditions.append(e.c.date_end >= query.since_day)
    if query.until_day:
        conditions.append(e.c.date_start <= query.until_day)
    if query.sources:
        conditions.append(e.c.id.in_(
            select(t.evidence.c.event_id).join(t.documents, t.documents.c.id == t.evidence.c.document_id)
            .where(t.documents.c.source.in_(query.sources))))
    if query.text:
        conditions.append(e.c.id.in_(_text_search(conn.dialect.name, query.text)))
    if conditions:
        statement = statement.where(and_(*conditions))
    return statement


def _text_search(dialect: str, words: str):
    if dialect == "sqlite":
        # Every word quoted: FTS5 syntax in a user's text is searched for, not obeyed.
        terms = " ".join('"' + w.replace('"', '""') + '"' for w in words.split())
        fts = table("sentences_fts", column("rowid"))
        matching = select(fts.c.rowid).where(literal_column("sentences_fts").op("MATCH")(terms))
        return select(t.evidence.c.event_id).where(t.evidence.c.sentence_id.in_(matching))
    vector = func.to_tsvector("english", t.sentences.c.text)
    matching = select(t.sentences.c.id).where(vector.op("@@")(func.plainto_tsquery("english", words)))
    return select(t.evidence.c.event_id).where(t.evidence.c.sentence_id.in_(matching))


def event_ids(conn: Connection, query: Query) -> tuple[list[int], str | None]:
    """One page of event ids in date order, and the cursor of the next page (None at the end)."""
    e = t.events
    statement = _filtered(conn, query)
    sort_date = func.coalesce(e.c.date_start, UNDATED_LAST)
    if query.cursor:
        after_date, after_id = decode_cursor(query.cursor)
        after_date = after_date or UNDATED_LAST
        statement = statement.where(or_(sort_date > after_date, and_(sort_date == after_date, e.c.id > after_id)))
    statement = statement.order_by(sort_date, e.c.id)
    if query.limit is not None:
        statement = statement.limit(query.limit + 1)
    rows = conn.execute(statement).all()
    following = None
    if query.limit is not None and len(rows) > query.limit:
        rows = rows[: query.limit]
        following = encode_cursor(rows[-1].date_start, rows[-1].id)
    return [r.id for r in rows], following


@lru_cache(maxsize=4096)
def _section(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text))


def load_events(conn: Connection, ids: list[int]) -> list[dict[str, Any]]:
    """Events by row id, in that order: the contract's shape plus id, sources and conflicts."""
    if not ids:
        return []
    with collector_paused():
        return _load_events(conn, ids)


def _load_events(conn: Connection, ids: list[int]) -> list[dict[str, Any]]:
    dialect = conn.dialect.name
    e, ev, d = t.events, t.evidence, t.documents
    events = {row[0]: row for row in conn.execute(
        select(e.c.id, e.c.uid, e.c.date, e.c.date_text, e.c.type, e.c.conflicts, e.c.object, e.c.headline)
        .where(any_of(e.c.id, ids, dialect))).all()}
    actors: dict[int, list] = defaultdict(list)
    for event_id, role, part, name, kind in conn.execute(
        select(t.event_actors.c.event_id, t.event_actors.c.role, t.event_actors.c.part, t.actors.c.name, t.actors.c.kind)
        .join(t.actors, t.actors.c.id == t.event_actors.c.actor_id)
        .where(any_of(t.event_actors.c.event_id, ids, dialect)).order_by(t.event_actors.c.position)
    ).all():
        actor = {"name": name, "kind": kind}
        if role:
            actor["role"] = role
        if part:
            actor["part"] = part
        actors[event_id].append(actor)
    places: dict[int, list] = defaultdict(list)
    for event_id, place in conn.execute(
        select(t.event_places.c.event_id, t.event_places.c.place).where(any_of(t.event_places.c.event_id, ids, dialect))
    ).all():
        places[event_id].append(place)
    quantities: dict[int, list] = defaultdict(list)
    q = t.event_quantities
    for event_id, value, unit, text in conn.execute(
        select(q.c.event_id, q.c.value, q.c.unit, q.c.text).where(any_of(q.c.event_id, ids, dialect)).order_by(q.c.id)
    ).all():
        value = int(value) if float(value).is_integer() else value
        quantities[event_id].append({"value": value, "unit": unit, "text": text})
    sources: dict[int, list] = defaultdict(list)
    documents: dict[int, dict] = {}
    for event_id, document_id, source, title, sha256, text, start, end, date, date_text, section, citation, headline \
            in conn.execute(
        select(ev.c.event_id, ev.c.document_id, d.c.source, d.c.title, d.c.sha256, t.sentences.c.text, ev.c.start,
               ev.c.end, ev.c.date, ev.c.date_text, ev.c.section, ev.c.citation, ev.c.headline)
        .select_from(with_sentences()).join(d, d.c.id == ev.c.document_id).where(any_of(ev.c.event_id, ids, dialect)).order_by(ev.c.event_id, ev.c.id)
    ).all():
        document = documents.get(document_id)
        if document is None:
            document = documents[document_id] = {"source": source, "title": title, "sha256": sha256}
        told = {"document": document, "evidence": {"text": text, "start": start, "end": end},
                "date": {"value": date, "text": date_text}, "section": list(_section(section))}
        if citation:
            told["citation"] = citation
        if headline:
            told["headline"] = headline
        sources[event_id].append(told)
    out = []
    for event_id in ids:
        _, uid, date, date_text, type_, conflicts, object_json, headline = events[event_id]
        told = sources[event_id]
        out.append({
            "id": uid,
            "date": {"value": date, "text": date_text},
            "type": type_,
            "headline": headline,
            "object": json.loads(object_json) if object_json else None,
            "actors": actors[event_id],
            "places": places[event_id],
            "quantities": quantities[event_id],
            "section": told[0]["section"] if told else [],
            "evidence": told[0]["evidence"] if told else None,
            "sources": told,
            "conflicts": json.loads(conflicts),
        })
    return out
