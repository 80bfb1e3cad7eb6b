"""Words the human-facing exports share: a headline for an event, its sources by title."""
from __future__ import annotations

from typing import Any

__all__ = ["headline", "sentence", "source_titles", "type_label"]

MAX_HEADLINE_ACTORS = 3


def type_label(type_: str) -> str:
    """`deployment_end` -> "Deployment end"."""
    return type_.replace("_", " ").capitalize()


def headline(event: dict[str, Any]) -> str:
    """The event's own headline ("Javier Solana visits Azerbaijan"); for an event that has none,
    "Visit: Javier Solana, Azerbaijan" (at most three actors, then "and N more")."""
    if event.get("headline"):
        return str(event["headline"])
    names = [a["name"] for a in event.get("actors", [])]
    shown = ", ".join(names[:MAX_HEADLINE_ACTORS])
    if len(names) > MAX_HEADLINE_ACTORS:
        shown += f" and {len(names) - MAX_HEADLINE_ACTORS} more"
    return f"{type_label(event['type'])}: {shown}" if shown else type_label(event["type"])


def sentence(event: dict[str, Any]) -> str:
    """The sentence that tells the event (its first telling), on one line."""
    evidence = event.get("evidence") or {}
    return " ".join(str(evidence.get("text", "")).split())


def source_titles(event: dict[str, Any]) -> list[str]:
    """Each distinct source document's title (its source name where it has none), in order."""
    found: list[str] = []
    for s in event.get("sources", []):
        doc = s.get("document", {})
        title = doc.get("title") or doc.get("source") or ""
        if title and title not in found:
            found.append(title)
    return found
