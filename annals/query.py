"""One filter for events, shared by the CLI, the HTTP API and the web page.

    actors   any of these actors (canonical name or an alias, any case)
    types    any of these event types
    since    events that end on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)
    until    events that start on or before this date
    text     all these words in a source sentence (full-text search)
    sources  told by any of these documents (their source names)
    limit    events per page (default 100, at most 1,000); cursor: where the page starts
"""
from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field

from annals.errors import UsageError
from annals.events.classify import TYPES
from annals.store.dates import query_bounds

__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "Query", "decode_cursor", "encode_cursor"]

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


@dataclass(frozen=True)
class Query:
    actors: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    text: str | None = None
    sources: tuple[str, ...] = ()
    limit: int | None = DEFAULT_LIMIT
    cursor: str | None = None
    _since_day: str | None = field(default=None, repr=False, compare=False)
    _until_day: str | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("actors", "types", "sources"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, (value,))
            else:
                object.__setattr__(self, name, tuple(v for v in value if v))
        unknown = [t for t in self.types if t not in TYPES]
        if unknown:
            raise UsageError(f"unknown event type {unknown[0]!r}: choose from {', '.join(TYPES)}")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value in (None, ""):
                object.__setattr__(self, name, None)
                continue
            found = query_bounds(str(value))
            if found is None:
                raise UsageError(f"--{name} {value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
            object.__setattr__(self, f"_{name}_day", found[0] if name == "since" else found[1])
        if self._since_day and self._until_day and self._since_day > self._until_day:
            raise UsageError(f"--since {self.since} is after --until {self.until}")
        if self.limit is not None and not (1 <= int(self.limit) <= MAX_LIMIT):
            raise UsageError(f"limit must be between 1 and {MAX_LIMIT}, not {self.limit}")
        if self.text is not None:
            # Control characters (a NUL) match nothing and confuse full-text engines.
            cleaned = "".join(c if c.isprintable() or c in " \t" else " " for c in self.text).strip()
            object.__setattr__(self, "text", cleaned or None)
        object.__setattr__(self, "actors", tuple(a.replace("\x00", "") for a in self.actors))
        object.__setattr__(self, "sources", tuple(s.replace("\x00", "") for s in self.sources))
        if self.cursor:
            decode_cursor(self.cursor)

    @property
    def since_day(self) -> str | None:
        return self._since_day

    @property
    def until_day(self) -> str | None:
        return self._until_day


def encode_cursor(date_start: str | None, event_id: int) -> str:
    raw = json.dumps([date_start, event_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str | None, int]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        date_start, event_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not (date_start is None or isinstance(date_start, str)) or not isinstance(event_id, int):
            raise ValueError
        return date_start, event_id
    except (ValueError, TypeError, binascii.Error, json.JSONDecodeError):
        raise UsageError(f"cursor {cursor!r} is not one this corpus gave") from None
