"""An event's id: the same in the corpus and in an export of one extracted document."""
from __future__ import annotations

import hashlib

__all__ = ["event_id"]


def event_id(sha256: str, start: int, date: str, type_: str) -> str:
    """16 hex digits naming the event whose first telling (in key order) is this one: the document's
    hash, the sentence's offset, the date and the type."""
    return hashlib.sha256(f"{sha256}:{start}:{date}:{type_}".encode()).hexdigest()[:16]
