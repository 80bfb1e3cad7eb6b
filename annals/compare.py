"""Who reached which milestone when: a matrix of milestones by actor, from the corpus's event frames.

    found = compare(corpus, ["Azerbaijan", "Armenia", "Georgia"], types=("membership",))
    found["milestones"][0]  # {"object": "Partnership for Peace", "type": "membership", "cells": {...}}

A milestone is what an event is about with the kind of act: its `object` (a programme, document,
institution...) and its type, or, for an event about no object, the organisation it was aimed at (its
`target`: "joined the North Atlantic Cooperation Council"). An actor reached a milestone when it was a
`source` of such an event (the state that joined or signed, not the body that confirmed). Its cell is
the earliest date that a source gives with that actor as its source (the one whose last possible day
comes first; of two that end together, the more precise), the event that telling belongs to, how many of
that event's sources name the actor so, and `conflict` when a source dates the same actor's milestone
elsewhere. (Dates come from the actor's own tellings: where the corpus merged two actors' tellings into
one event, each keeps its date.) A milestone is shown when at least `least` of the actors reached it (2
by default, or 1 for one actor); rows run in the order the milestones were first reached, actors in the
order given (each once).
"""
from __future__ import annotations

from datetime import date
from typing import Any

from annals.errors import UsageError
from annals.merge import object_key
from annals.query import Query
from annals.resolve.gazetteer import fold
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
    keys = _resolve(corpus, names)
    actors = list(keys)
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
    tellings = corpus.tellings(sorted({e["id"] for by_actor in reached.values() for es in by_actor.values() for e in es}))
    rows = []
    for (subject, type_), by_actor in reached.items():
        if len(by_actor) < least:
            continue
        claims = {actor: _claims(events, tellings, keys[actor]) for actor, events in by_actor.items()}
        cells = {actor: _cell(claims[actor]) if actor in claims else None for actor in actors}
        first = min(_reach(value) for found in claims.values() for value, _ in found)
        rows.append((first, subject.casefold(), type_, {"object": subject, "type": type_, "cells": cells}))
    rows.sort(key=lambda row: row[:3])
    return {"actors": actors, "milestones": [row[3] for row in rows]}


def _resolve(corpus, names: list[str]) -> dict[str, set[str]]:
    """{canonical name: the folded names it goes by} for `names`, each actor once, in the order given."""
    if not names:
        raise UsageError("name at least one actor to compare")
    out: dict[str, set[str]] = {}
    for name in names:
        found = corpus.actors(name) if name and name.strip() else []
        if not found:
            raise UsageError(f"no actor {name!r} in the corpus (see `annals actors`)")
        actor = found[0]
        out.setdefault(actor["name"], {fold(n) for n in (actor["name"], *actor["aliases"])})
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


def _chosen_key(value: str) -> tuple[str, int]:
    first, last = _reach(value)
    # The earliest last day first; of two that end together the later first day (the more precise date).
    return last, 0 if first == _UNKNOWN[0] else -date.fromisoformat(first).toordinal()


def _claims(events: list[dict], tellings: dict[str, list[dict]], keys: set[str]) -> list[tuple[str, str]]:
    """(date, event id) for each telling of `events` whose actor of these names (`keys`) is a source: the
    date that actor's own sources give, where the corpus merged its telling with another actor's."""
    out = []
    for event in events:
        told = [telling["date"]["value"] for telling in tellings.get(event["id"], ())
                if any(a.get("part") == "source" and fold(a["name"]) in keys for a in telling["actors"])]
        out.extend((value, event["id"]) for value in told or [event["date"]["value"]])
    return out


def _cell(claims: list[tuple[str, str]]) -> dict[str, Any]:
    """The earliest claim, the number of the sources of its event that make it, and whether any claim of
    the same actor and milestone dates it elsewhere."""
    value, event = min(claims, key=lambda claim: (*_chosen_key(claim[0]), claim[1]))
    first, last = _reach(value)
    spans = [_reach(other) for other, _ in claims]
    conflict = first != _UNKNOWN[0] and any(
        span != _UNKNOWN and not (span[0] <= last and first <= span[1]) for span in spans)
    return {"date": value, "event": event, "sources": sum(1 for _, uid in claims if uid == event),
            "conflict": conflict}
