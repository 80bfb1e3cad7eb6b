"""`column IN (values)` whose SQL text does not depend on how many values there are.

A plain IN list renders one parameter per value, so each length is a new
statement to compile, parse and plan. Here the values travel as one parameter:
a JSON array read by `json_each` on SQLite, an array compared with `= ANY` on
PostgreSQL. The statement text stays the same, SQLAlchemy's compiled cache
serves it and PostgreSQL prepares it once.
"""
from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import any_, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.sql.elements import ColumnElement

__all__ = ["any_of"]


def any_of(column: ColumnElement, values: Iterable, dialect: str) -> ColumnElement[bool]:
    """`column` is one of `values`, for the database `dialect` ("sqlite" or "postgresql")."""
    values = list(values)
    if dialect == "postgresql":
        return column == any_(bindparam(None, values, type_=ARRAY(column.type)))
    each = func.json_each(bindparam(None, json.dumps(values, ensure_ascii=False))).table_valued("value")
    return column.in_(select(each.c.value))
