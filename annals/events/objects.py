"""The gazetteer of named things events are about (data/events/objects.yaml), and the
programmes of the actor gazetteer: canonical names for what a text calls them."""
from __future__ import annotations

from functools import cache

from annals.data import check_keys, load
from annals.errors import DataError
from annals.resolve.gazetteer import fold, gazetteer

__all__ = ["KINDS", "canonical_object"]

KINDS = ("programme", "document", "institution", "operation", "meeting", "other")
_FILE = "events/objects.yaml"


@cache
def _objects() -> dict[str, tuple[str, str]]:
    """Folded name or alias -> (canonical name, kind)."""
    found: dict[str, tuple[str, str]] = {}
    for row in load(_FILE):
        check_keys(_FILE, row, required={"name", "kind"}, allowed={"aliases"})
        if row["kind"] not in KINDS:
            raise DataError(f"{_FILE}: {row['name']}: kind must be one of {', '.join(KINDS)}")
        for alias in [row["name"], *(row.get("aliases") or ())]:
            key = fold(str(alias))
            if key in found and found[key][0] != row["name"]:
                raise DataError(f"{_FILE}: {alias!r} names both {found[key][0]} and {row['name']}")
            found[key] = (row["name"], row["kind"])
    return found


def canonical_object(name: str) -> tuple[str, str] | None:
    """(canonical name, kind) of a named thing the gazetteers know, or None."""
    hit = _objects().get(fold(name))
    if hit:
        return hit
    entry = gazetteer().lookup(name)
    if entry is not None and entry.kind == "programme":
        return entry.name, "programme"
    return None
