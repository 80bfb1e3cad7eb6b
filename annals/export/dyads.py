"""Who acts on whom, as event-data formats want it (source, target).

Each actor of an event carries its part in the frame (`part`: source,
target or other; EVENTS.md): the sources are the CAMEO source and the PLOVER
actor, the targets the CAMEO target and the PLOVER recipient. `dyads()` gives
one (source, target) pair per source and target, (source, None) for a source
acting on no one, nothing for an event with no source. Events stored or
written before parts existed have none: then the first actor named is taken
as the source and each other actor as a target, as the sentence's order
usually has it.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

__all__ = ["dyads", "sources_and_targets"]


def sources_and_targets(event: dict[str, Any]) -> tuple[list[dict], list[dict]]:
    """(the sources, the targets) of an event, by part, or by order where it has no parts."""
    actors = event.get("actors", [])
    if any(a.get("part") for a in actors):
        return [a for a in actors if a.get("part") == "source"], [a for a in actors if a.get("part") == "target"]
    return actors[:1], list(actors[1:])


def dyads(event: dict[str, Any]) -> Iterator[tuple[dict, dict | None]]:
    sources, targets = sources_and_targets(event)
    for source in sources:
        if not targets:
            yield source, None
        for target in targets:
            yield source, target
