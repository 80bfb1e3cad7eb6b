"""JSON for scripts: {"version": 1, "events": [...]}, each event in the stored shape (EVENTS.md plus
id, sources and conflicts), written one event at a time."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from annals.export.registry import Context, Format

__all__ = ["FORMAT", "VERSION", "dumps", "write"]

VERSION = 1


def dumps(event: dict) -> str:
    """One event as compact JSON (UTF-8 kept, keys in the stored order)."""
    return json.dumps(event, ensure_ascii=False, separators=(",", ":"))


def write(events: Iterable[dict], context: Context) -> Iterator[str]:
    yield f'{{"version":{VERSION},"events":['
    for n, event in enumerate(events):
        yield ("\n" if n == 0 else ",\n") + dumps(event)
        context.report.events += 1
    yield "\n]}\n"


FORMAT = Format("json", "json", "application/json", write, description="one object with every event (scripts)")
