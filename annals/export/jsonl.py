"""JSON Lines: one event (stored shape) per line, for streaming tools (jq, pandas, DuckDB)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from annals.export.json import dumps
from annals.export.registry import Context, Format

__all__ = ["FORMAT", "write"]


def write(events: Iterable[dict], context: Context) -> Iterator[str]:
    for event in events:
        yield dumps(event) + "\n"
        context.report.events += 1


FORMAT = Format("jsonl", "jsonl", "application/x-ndjson", write, description="one event per line (pipelines)")
