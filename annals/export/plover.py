"""PLOVER-style JSON records for event-data users (POLECAT), one per line.

    {"id", "date", "enddate", "event", "mode", "context", "quad_code", "source", "recipient",
     "text", "text_info", "cite_info", "coder", "annals"}

`event`, `mode` and `context` come from the crosswalk table
(annals/data/export/crosswalk.yaml); `event` is null where no PLOVER
category fits our type (appointments, decrees, statements, political
changes): never a forced one. `date` (and `enddate` for a span) keep the
precision the text gives, as ISO 8601 does (1997, 1997-11, 1997-11-21);
a season or quarter gives its year, and a decade or unknown year null,
with the exact EDTF value in `annals.date`. `source` holds the actors whose
part in the frame is source, `recipient` those whose part is target (an
event without parts: the first actor named, and the others; see dyads.py).
Each actor object has
`actor_text` (our canonical name), `kind` and, for people, `office`.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from annals.export.crosswalk import crosswalk
from annals.export.dates import iso_reduced
from annals.export.dyads import sources_and_targets
from annals.export.registry import Context, Format
from annals.export.text import sentence

__all__ = ["CODEBOOK", "FORMAT", "record", "write"]

CODEBOOK = "plover-0.7b1 via annals/data/export/crosswalk.yaml"


def _actor(actor: dict) -> dict:
    found = {"actor_text": actor["name"], "kind": actor["kind"]}
    if actor.get("role"):
        found["office"] = actor["role"]
    return found


def _dates(value: str) -> tuple[str | None, str | None]:
    if "/" in value:
        left, _, right = value.partition("/")
        return iso_reduced(left), iso_reduced(right)
    return iso_reduced(value), None


def record(event: dict) -> dict:
    """The PLOVER record of one event."""
    mapping = crosswalk()[event["type"]]
    date, enddate = _dates(event["date"]["value"])
    sources, targets = sources_and_targets(event)
    evidence = event.get("evidence") or {}
    first = event["sources"][0]["document"] if event.get("sources") else {}
    return {
        "id": event["id"],
        "date": date,
        "enddate": enddate,
        "event": mapping.plover,
        "mode": mapping.mode,
        "context": mapping.context,
        "quad_code": mapping.quad,
        "source": [_actor(a) for a in sources],
        "recipient": [_actor(a) for a in targets],
        "text": sentence(event),
        "text_info": {"start": evidence.get("start"), "end": evidence.get("end")},
        "cite_info": {"title": first.get("title", ""), "citation": first.get("source", ""),
                      "coder": "annals", "codebook": CODEBOOK},
        "annals": {"type": event["type"], "date": event["date"]["value"], "date_text": event["date"]["text"],
                   "places": list(event["places"]),
                   "sources": [s["document"]["source"] for s in event.get("sources", [])]},
    }


def write(events: Iterable[dict], context: Context) -> Iterator[str]:
    for event in events:
        yield json.dumps(record(event), ensure_ascii=False, separators=(",", ":")) + "\n"
        context.report.events += 1


FORMAT = Format("plover", "plover.jsonl", "application/x-ndjson", write,
                description="PLOVER-style event records, one per line (event-data pipelines)")
