"""Extracted documents as Parquet shards, and back, exactly (what `annals add --dask` writes).

One row per file, in the order the files were given:

    source, title, sha256, reader, dct, text     the document (as Document holds it)
    aliases      list<struct<canonical, alias>>  the other names its actors go by
    events       list<struct<...>>               its events, each as annals.model.Event holds it:
                 date_value, date_text, type, evidence_start, evidence_end, evidence_text,
                 section list<string>, actors list<struct<name, kind, role, part, inferred>>, places list<string>,
                 quantities list<struct<value double, integer bool, unit, text>>, trigger, citation
    failed       string                          why the file could not be read (then all else null)

`integer` tells a quantity of 34 from one of 34.0. Any Parquet reader reads the
shards (pandas, DuckDB: `select source, unnest(events) from 'shards/*.parquet'`).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from annals.model import Actor, Document, Event, EventObject, Predicate, Quantity
from annals.scale.work import Extracted

__all__ = ["SCHEMA", "from_table", "read_shard", "to_table", "write_shard"]

_TEXT = pa.string()
_ACTOR = pa.struct([("name", _TEXT), ("kind", _TEXT), ("role", _TEXT), ("part", _TEXT), ("inferred", pa.bool_())])
_PREDICATE = pa.struct([("text", _TEXT), ("lemma", _TEXT), ("start", pa.int64()), ("end", pa.int64())])
_OBJECT = pa.struct([("name", _TEXT), ("text", _TEXT), ("kind", _TEXT)])
_QUANTITY = pa.struct([("value", pa.float64()), ("integer", pa.bool_()), ("unit", _TEXT), ("text", _TEXT)])
_EVENT = pa.struct([
    ("date_value", _TEXT), ("date_text", _TEXT), ("type", _TEXT),
    ("evidence_start", pa.int64()), ("evidence_end", pa.int64()), ("evidence_text", _TEXT),
    ("section", pa.list_(_TEXT)), ("actors", pa.list_(_ACTOR)), ("places", pa.list_(_TEXT)),
    ("quantities", pa.list_(_QUANTITY)), ("trigger", _TEXT), ("citation", _TEXT),
    ("predicate", _PREDICATE), ("object", _OBJECT), ("headline", _TEXT),
])
SCHEMA = pa.schema([
    ("source", _TEXT), ("title", _TEXT), ("sha256", _TEXT), ("reader", _TEXT), ("dct", _TEXT), ("text", _TEXT),
    ("aliases", pa.list_(pa.struct([("canonical", _TEXT), ("alias", _TEXT)]))),
    ("events", pa.list_(_EVENT)),
    ("failed", _TEXT),
])
_ROWS_PER_GROUP = 64


def _event_row(event: Event) -> dict:
    return {
        "date_value": event.date_value, "date_text": event.date_text, "type": event.type,
        "evidence_start": event.evidence_start, "evidence_end": event.evidence_end,
        "evidence_text": event.evidence_text, "section": list(event.section),
        "actors": [{"name": a.name, "kind": a.kind, "role": a.role, "part": a.part, "inferred": a.inferred}
                   for a in event.actors],
        "places": list(event.places),
        "quantities": [{"value": float(q.value), "integer": isinstance(q.value, int), "unit": q.unit, "text": q.text}
                       for q in event.quantities],
        "trigger": event.trigger, "citation": event.citation,
        "predicate": event.predicate.to_dict() if event.predicate else None,
        "object": event.object.to_dict() if event.object else None, "headline": event.headline,
    }


def _row(item: Extracted) -> dict:
    doc = item.doc
    if doc is None:
        return {"source": item.source, "failed": item.reason or "failed"}
    return {
        "source": doc.source, "title": doc.title, "sha256": doc.sha256, "reader": doc.reader, "dct": doc.dct,
        "text": doc.text, "aliases": [{"canonical": c, "alias": a} for c, a in doc.aliases],
        "events": [_event_row(e) for e in doc.events], "failed": None,
    }


def to_table(items: Iterable[Extracted]) -> pa.Table:
    """Extracted files as one Arrow table, one row each, in order."""
    return pa.Table.from_pylist([_row(item) for item in items], schema=SCHEMA)


def _event(row: dict) -> Event:
    return Event(
        row["date_value"], row["date_text"], row["type"], row["evidence_start"], row["evidence_end"],
        row["evidence_text"], section=tuple(row["section"]),
        actors=tuple(Actor(a["name"], a["kind"], a["role"], a.get("part"), bool(a.get("inferred")))
                     for a in row["actors"]),
        places=tuple(row["places"]),
        quantities=tuple(Quantity(int(q["value"]) if q["integer"] else q["value"], q["unit"], q["text"])
                         for q in row["quantities"]),
        trigger=row["trigger"], citation=row["citation"],
        predicate=Predicate(**row["predicate"]) if row.get("predicate") else None,
        object=EventObject(**row["object"]) if row.get("object") else None, headline=row.get("headline"),
    )


def _extracted(row: dict) -> Extracted:
    if row["failed"] is not None:
        return Extracted(row["source"], reason=row["failed"])
    doc = Document(
        row["text"], source=row["source"], title=row["title"], reader=row["reader"], sha256=row["sha256"],
        dct=row["dct"], events=tuple(_event(e) for e in row["events"]),
        aliases=tuple((a["canonical"], a["alias"]) for a in row["aliases"]),
    )
    return Extracted(row["source"], doc)


def from_table(table: pa.Table | pa.RecordBatch) -> Iterator[Extracted]:
    """The extracted files of a table, in order."""
    for row in table.to_pylist():
        yield _extracted(row)


def write_shard(items: Iterable[Extracted], path: str, *, filesystem=None) -> int:
    """Write extracted files as one Parquet file; the number of rows."""
    table = to_table(items)
    pq.write_table(table, path, filesystem=filesystem, row_group_size=_ROWS_PER_GROUP, compression="zstd")
    return table.num_rows


def read_shard(path: str, *, filesystem=None) -> Iterator[Extracted]:
    """The extracted files of a shard, in order, a row group at a time."""
    with pq.ParquetFile(path, filesystem=filesystem) as shard:
        for batch in shard.iter_batches(batch_size=_ROWS_PER_GROUP):
            yield from from_table(batch)
