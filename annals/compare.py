"""Who reached which milestone when: a matrix of milestones by actor, from the corpus's event frames.

    found = compare(corpus, ["Azerbaijan", "Armenia", "Georgia"], types=("membership",))
    found["milestones"][0]  # {"object": "Partnership for Peace", "type": "membership", "cells": {...}}

A milestone is what an event is about with the kind of act: its `object` (a programme, document,
institution...) and its type, or, for an event about no object, the organisation it was aimed at (its
`target`: "joined the North Atlantic Cooperation Council"). An actor reached a milestone when it was a
`source` of such an event (the state that joined or signed, not the body that confirmed). Its cell is
the event of the earliest date (the one whose last possible day comes first; of two that end together,
the more precise), with that event's id and number of sources, and `conflict` when the event's sources
give other dates or another event of the same actor and milestone is dated elsewhere. A milestone is
shown when at least `least` of the actors reached it (2 by default, or 1 for one actor); rows run in
the order the milestones were first reached, actors in the order given (each once).
"""
from __future__ import annotations

from datetime import date
from typing import Any

from annals.errors import UsageError
from annals.merge import object_key
from annals.query import Query
from annals.store.dates import OPEN_START, bounds

__all__ = ["compare"]

_UNKNOWN = ("9999-99-99", "9999-99-99")  # after every day: an event whose year is unknown comes last


def compare(corpus, names: list[str], *, objects: tuple[str, ...] = (), types: tuple[str, ...] = (),
            least: int | None = None) -> dict[str, Any]:
    """{"actors": [canonical names], "milestones": [{"object", "type", "cells": {actor: cell or None}}]}.

    `names`: actors by canonical name or alias, any case (an unknown one is a UsageError); `objects`:
    only milestones about these (canonical names, any case); `types`: only these event types; `least`:
    how many of the actors must have reached a milestone for it to be shown.
    """
    actors = _resolve(corpus, names)
    if least is None:
        least = min(2, len(actors))
    if not 1 <= least <= len(actors):
        raise UsageError(f"--min-actors must be between 1 and the number of actors ({len(actors)}), not {least}")
    wanted = {object_key(o) for o in objects}
    reached: dict[tuple[str, str], dict[str, list[dict]]] = {}
    for actor in actors:
        for event in corpus.iter_events(Query(actors=(actor,), types=types, limit=None)):
            if not any(a["name"] == actor and a.get("part") == "source" for a in event["actors"]):
                continue
            subject = _subject(event, actors)
            if subject is None or (wanted and object_key(subject) not in wanted):
                continue
            reached.setdefault((subject, event["type"]), {}).setdefault(actor, []).append(event)
    rows = []
    for (subject, type_), by_actor in reached.items():
        if len(by_actor) < least:
            continue
        cells = {actor: _cell(by_actor[actor]) if actor in by_actor else None for actor in actors}
        first = min(_reach(e["date"]["value"]) for events in by_actor.values() for e in events)
        rows.append((first, subject.casefold(), type_, {"object": subject, "type": type_, "cells": cells}))
    rows.sort(key=lambda row: row[:3])
    return {"actors": actors, "milestones": [row[3] for row in rows]}


def _resolve(corpus, names: list[str]) -> list[str]:
    """Canonical names of `names`, each actor once, in the order given."""
    if not names:
        raise UsageError("name at least one actor to compare")
    out: list[str] = []
    for name in names:
        found = corpus.actors(name) if name and name.strip() else []
        if not found:
            raise UsageError(f"no actor {name!r} in the corpus (see `annals actors`)")
        if found[0]["name"] not in out:
            out.append(found[0]["name"])
    return out


def _subject(event: dict, actors: list[str]) -> str | None:
    """What the milestone is: the event's object, else the organisation it was aimed at, else None."""
    if event.get("object") and event["object"].get("name"):
        return event["object"]["name"]
    for actor in event["actors"]:
        if actor.get("part") == "target" and actor["kind"] == "organization" and actor["name"] not in actors:
            return actor["name"]
    return None


def _reach(value: str) -> tuple[str, str]:
    """(first, last) day by which an EDTF date says the milestone was reached: a span's start, or for
    a span that only gives its end ("by May 2008"), up to that end."""
    start, sep, end = value.partition("/")
    if sep and start not in ("", ".."):
        first, last = bounds(start)
    elif sep:
        first, last = OPEN_START, bounds(end)[1]
    else:
        first, last = bounds(value)
    return (first, last) if first and last else _UNKNOWN


def _chosen_key(event: dict) -> tuple[str, int, str]:
    first, last = _reach(event["date"]["value"])
    # The earliest last day first; of two that end together the later first day (the more precise date).
    later_first = 0 if first == _UNKNOWN[0] else -date.fromisoformat(first).toordinal()
    return last, later_first, event["id"]


def _cell(events: list[dict]) -> dict[str, Any]:
    chosen = min(events, key=_chosen_key)
    first, last = _reach(chosen["date"]["value"])
    spans = [_reach(e["date"]["value"]) for e in events if e is not chosen]
    elsewhere = first != _UNKNOWN[0] and any(
        span != _UNKNOWN and not (span[0] <= last and first <= span[1]) for span in spans)
    return {"date": chosen["date"]["value"], "event": chosen["id"], "sources": len(chosen["sources"]),
            "conflict": bool(chosen["conflicts"]) or elsewhere}
