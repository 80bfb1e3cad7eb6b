"""Tab-separated dyadic event rows for ICEWS/GDELT-style pipelines: one row per event and actor pair.

Columns: event_id, date (EDTF), start, end (ISO days, empty where open or
unknown), source, source_kind, target, target_kind, cameo (the root code of
the crosswalk, empty where none fits), plover, type, text, document.
One row per source and target of the frame (see dyads.py): a source acting
on no one has one row with an empty target; an event with no source has no
row (counted in the report). Tabs and line
breaks inside a value become spaces, so each row is one line.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from annals.export.crosswalk import crosswalk
from annals.export.dates import day_bounds
from annals.export.dyads import dyads
from annals.export.registry import Context, Format
from annals.export.text import sentence

__all__ = ["COLUMNS", "FORMAT", "write"]

COLUMNS = ("event_id", "date", "start", "end", "source", "source_kind", "target", "target_kind", "cameo", "plover",
           "type", "text", "document")
_BREAKS = re.compile(r"[\t\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")


def _cell(value: object) -> str:
    return _BREAKS.sub(" ", "" if value is None else str(value))


def write(events: Iterable[dict], context: Context) -> Iterator[str]:
    yield "\t".join(COLUMNS) + "\n"
    for event in events:
        mapping = crosswalk()[event["type"]]
        first, last = day_bounds(event["date"]["value"])
        document = event["sources"][0]["document"]["source"] if event.get("sources") else ""
        rows = []
        for source, target in dyads(event):
            rows.append("\t".join(_cell(v) for v in (
                event["id"], event["date"]["value"], first.isoformat() if first else "",
                last.isoformat() if last else "", source["name"], source["kind"],
                target["name"] if target else "", target["kind"] if target else "", mapping.cameo, mapping.plover,
                event["type"], sentence(event), document)) + "\n")
        if not rows:
            context.report.skip("with no source")
            continue
        context.report.events += 1
        yield "".join(rows)


FORMAT = Format("cameo", "tsv", "text/tab-separated-values; charset=utf-8", write,
                description="one row per event and actor pair, CAMEO root codes (ICEWS/GDELT-style)")
