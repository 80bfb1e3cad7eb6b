"""Stored tellings read a group at a time: the tellings of one event that agree on the columns a
statement groups by (in copies of one article, one sentence told by every copy).

    select(..., told_by()).group_by(...)     "id:document:start" of each telling of a group
    rows_of(text)                            [(evidence id, document id, start), ...]

Reading a group rather than each telling keeps what a change costs in Python from growing with the
number of copies an event has: the database counts them, and what merging and deriving choose from a
group (its first telling in key order, its documents) is computed once per group.
"""
from __future__ import annotations

from sqlalchemy import String, cast, func
from sqlalchemy.sql.elements import ColumnElement

from annals.store import schema as t

__all__ = ["rows_of", "told_by"]


def told_by(evidence=t.evidence) -> ColumnElement[str]:
    """Each telling of a group as "id:document:start", joined by commas (in no particular order)."""
    return func.aggregate_strings(
        cast(evidence.c.id, String) + ":" + cast(evidence.c.document_id, String) + ":" + cast(evidence.c.start, String),
        ",").label("told")


def rows_of(text: str) -> list[tuple[int, int, int]]:
    """The (evidence id, document id, start) of each telling that `told_by` joined."""
    numbers = list(map(int, text.replace(":", ",").split(",")))
    return list(zip(numbers[0::3], numbers[1::3], numbers[2::3], strict=True))
