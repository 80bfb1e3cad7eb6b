"""Parquet for pandas, polars, DuckDB and Spark: typed columns, written in row groups.

    id, type, date (EDTF text), date_text        string
    start, end                                   date32: the first and last day the date may mean
                                                 (null where the date is open or its year unknown)
    headline                                     string: what happened ("Azerbaijan joins the PfP")
    object      struct<name, text, kind>         what the event is about (null where nothing)
    actors      list<struct<name, kind, role, part>>   in the order the sentence names them; part:
                                                 source, target or other
    actor_kinds list<string>                     aligned with actors
    places, section                              list<string>
    quantities  list<struct<value: double, unit, text>>
    evidence, evidence_start, evidence_end       the sentence that tells the event (first telling)
    sources     list<struct<source, title, sha256, date, text, start, end>>
    conflicts   list<struct<value, text, source>>

Events are gathered ROW_GROUP at a time, so memory stays bounded however
large the corpus; the bytes of each row group are handed on as soon as it
is written. Needs pyarrow.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from annals.export.dates import day_bounds
from annals.export.registry import Context, Format

__all__ = ["FORMAT", "ROW_GROUP", "schema", "write"]

ROW_GROUP = 5_000
VERSION = "2"  # 2: headline, object, actors' part


def _pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - depends on the environment
        from annals.errors import MissingDependency

        raise MissingDependency("pyarrow", "annals export --format parquet") from exc
    return pa, pq


def schema():
    """The Arrow schema of the file (declared, never inferred from the data)."""
    pa, _ = _pyarrow()
    text = pa.string()
    actor = pa.struct([("name", text), ("kind", text), ("role", text), ("part", text)])
    thing = pa.struct([("name", text), ("text", text), ("kind", text)])
    quantity = pa.struct([("value", pa.float64()), ("unit", text), ("text", text)])
    source = pa.struct([("source", text), ("title", text), ("sha256", text), ("date", text), ("text", text),
                        ("start", pa.int64()), ("end", pa.int64())])
    conflict = pa.struct([("value", text), ("text", text), ("source", text)])
    fields = [
        pa.field("id", text, nullable=False),
        pa.field("date", text, nullable=False),
        pa.field("date_text", text),
        pa.field("start", pa.date32()),
        pa.field("end", pa.date32()),
        pa.field("type", text, nullable=False),
        pa.field("headline", text),
        pa.field("object", thing),
        pa.field("actors", pa.list_(actor)),
        pa.field("actor_kinds", pa.list_(text)),
        pa.field("places", pa.list_(text)),
        pa.field("quantities", pa.list_(quantity)),
        pa.field("section", pa.list_(text)),
        pa.field("evidence", text),
        pa.field("evidence_start", pa.int64()),
        pa.field("evidence_end", pa.int64()),
        pa.field("sources", pa.list_(source)),
        pa.field("conflicts", pa.list_(conflict)),
    ]
    return pa.schema(fields, metadata={"annals.export.version": VERSION,
                                       "annals.date": "EDTF (ISO 8601-2); start/end: day bounds"})


def _row(event: dict) -> dict:
    first, last = day_bounds(event["date"]["value"])
    evidence = event.get("evidence") or {}
    return {
        "id": event["id"],
        "date": event["date"]["value"],
        "date_text": event["date"]["text"],
        "start": first,
        "end": last,
        "type": event["type"],
        "headline": event.get("headline"),
        "object": dict(event["object"]) if event.get("object") else None,
        "actors": [{"name": a["name"], "kind": a["kind"], "role": a.get("role"), "part": a.get("part")}
                   for a in event["actors"]],
        "actor_kinds": [a["kind"] for a in event["actors"]],
        "places": list(event["places"]),
        "quantities": [{"value": float(q["value"]), "unit": q["unit"], "text": q["text"]}
                       for q in event["quantities"]],
        "section": list(event.get("section", [])),
        "evidence": evidence.get("text"),
        "evidence_start": evidence.get("start"),
        "evidence_end": evidence.get("end"),
        "sources": [{"source": s["document"]["source"], "title": s["document"]["title"],
                     "sha256": s["document"]["sha256"], "date": s["date"]["value"], "text": s["evidence"]["text"],
                     "start": s["evidence"]["start"], "end": s["evidence"]["end"]} for s in event["sources"]],
        "conflicts": [{"value": c["value"], "text": c.get("text"), "source": c.get("source")}
                      for c in event["conflicts"]],
    }


class _Sink:
    """A write-only file that keeps what it is given until `take()` (the bytes of the last row group)."""

    closed = False

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.position = 0

    def write(self, data) -> int:
        data = bytes(data)
        self.parts.append(data)
        self.position += len(data)
        return len(data)

    def tell(self) -> int:
        return self.position

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def take(self) -> bytes:
        data = b"".join(self.parts)
        self.parts.clear()
        return data


def write(events: Iterable[dict], context: Context, *, row_group: int = ROW_GROUP) -> Iterator[bytes]:
    pa, pq = _pyarrow()
    table_schema = schema()
    sink = _Sink()
    writer = pq.ParquetWriter(sink, table_schema, compression="zstd")
    rows: list[dict] = []

    def flush() -> bytes:
        writer.write_table(pa.Table.from_pylist(rows, schema=table_schema), row_group_size=row_group)
        rows.clear()
        return sink.take()

    for event in events:
        rows.append(_row(event))
        context.report.events += 1
        if len(rows) >= row_group:
            yield flush()
    if rows or context.report.events == 0:
        yield flush()
    writer.close()
    yield sink.take()


FORMAT = Format("parquet", "parquet", "application/vnd.apache.parquet", write, binary=True,
                description="typed columns (pandas, polars, DuckDB, Spark)")
