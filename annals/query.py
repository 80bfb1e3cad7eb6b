"""One filter for events, shared by the CLI, the HTTP API and the web page.

    actors   any of these actors (canonical name or an alias, any case)
    types    any of these event types
    objects  about any of these objects (programme, document, institution, operation, meeting: its
             canonical name, any case)
    since    events that end on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)
    until    events that start on or before this date
    text     all these words in a source sentence (full-text search); a text with no words (empty, spaces,
             control characters) is an error, not "no filter"
    sources  told by any of these documents (their source names)
    limit    events per page (default 100, at most 1,000); cursor: where the page starts, exactly as a
             page's `next` gave it (anything else is a UsageError)
"""
from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass, field

from annals.errors import UsageError
from annals.events.classify import TYPES
from annals.store.dates import query_bounds

__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "Query", "decode_cursor", "encode_cursor"]

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
MAX_CURSOR = 200
_CURSOR = re.compile(rf"[A-Za-z0-9_-]{{1,{MAX_CURSOR}}}")
_DAY = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")
_LARGEST_ID = 2**63 - 1  # the largest SQLite INTEGER: a larger one cannot even be bound


@dataclass(frozen=True)
class Query:
    actors: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    text: str | None = None
    sources: tuple[str, ...] = ()
    limit: int | None = DEFAULT_LIMIT
    cursor: str | None = None
    _since_day: str | None = field(default=None, repr=False, compare=False)
    _until_day: str | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("actors", "types", "objects", "sources"):
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
            # Control characters (a NUL) match nothing and confuse full-text engines; a text with nothing
            # else would mean no filter at all, which is not what its sender asked for.
            cleaned = "".join(c if c.isprintable() or c in " \t" else " " for c in self.text).strip()
            if not cleaned:
                raise UsageError("--text has no words to search for (only spaces or control characters): give "
                                 "words, or leave it out")
            object.__setattr__(self, "text", cleaned)
        object.__setattr__(self, "actors", tuple(a.replace("\x00", "") for a in self.actors))
        object.__setattr__(self, "objects", tuple(o.replace("\x00", "") for o in self.objects))
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
    """(date_start, event id) of a cursor that `encode_cursor` made; a UsageError for anything else.

    The cursor must be exactly what `encode_cursor` gives for a day (YYYY-MM-DD) or None and a row id
    from 1 to 2**63 - 1: a bool, a float, a number too large for the database, a string that is not a
    day, a list of another length, other JSON, other base64 or other padding are all refused.
    """
    refused = UsageError(f"cursor {str(cursor)[:80]!r} is not one this corpus gave")
    if not isinstance(cursor, str) or not _CURSOR.fullmatch(cursor):
        raise refused
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw.decode("ascii"))
    except (ValueError, binascii.Error):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise refused from None
    if not isinstance(value, list) or len(value) != 2:
        raise refused
    date_start, event_id = value
    if date_start is not None and not (isinstance(date_start, str) and _DAY.fullmatch(date_start)):
        raise refused
    if type(event_id) is not int or not 1 <= event_id <= _LARGEST_ID:
        raise refused
    if encode_cursor(date_start, event_id) != cursor:
        raise refused
    return date_start, event_id
