"""Who acts on whom, as event-data formats want it (source, target).

annals does not yet tell an agent from a patient: it keeps the actors in
the order the sentence names them, the subject usually first. The event
formats therefore take the first actor as the source and each other actor
as a target: `dyads()` gives one (source, target) pair per other actor,
(source, None) for an event with one actor, nothing for one without any.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

__all__ = ["dyads", "source_and_targets"]


def source_and_targets(event: dict[str, Any]) -> tuple[dict | None, list[dict]]:
    actors = event.get("actors", [])
    return (actors[0] if actors else None), list(actors[1:])


def dyads(event: dict[str, Any]) -> Iterator[tuple[dict, dict | None]]:
    source, targets = source_and_targets(event)
    if source is None:
        return
    if not targets:
        yield source, None
    for target in targets:
        yield source, target
