"""Lanes of events, one per actor, for the terminal timeline and the web page."""
from __future__ import annotations

from typing import Any

from annals.errors import UsageError
from annals.query import Query

__all__ = ["lanes"]


def lanes(corpus, names: list[str], *, types: tuple[str, ...] = (), since: str | None = None,
          until: str | None = None, text: str | None = None) -> dict[str, Any]:
    """{"lanes": [{"actor": {...}, "events": [...]}], "years": [first, last]} for the actors `names`."""
    out = []
    years: list[int] = []
    for name in names:
        found = corpus.actors(name)
        if not found:
            raise UsageError(f"no actor {name!r} in the corpus (see `annals actors`)")
        actor = found[0]
        query = Query(actors=(actor["name"],), types=types, since=since, until=until, text=text, limit=None)
        events = list(corpus.iter_events(query))
        for event in events:
            start = _start_year(event)
            if start is not None:
                years.append(start)
        out.append({"actor": {"name": actor["name"], "kind": actor["kind"]}, "events": events})
    return {"lanes": out, "years": [min(years), max(years)] if years else None}


def _start_year(event: dict) -> int | None:
    value = event["date"]["value"].split("/")[0]
    return int(value[:4]) if value[:4].isdigit() else None
