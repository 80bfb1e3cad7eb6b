"""`column IN (values)` whose SQL text does not depend on how many values there are.

A plain IN list renders one parameter per value, so each length is a new
statement to compile, parse and plan. Here the values travel as one parameter:
a JSON array read by `json_each` on SQLite, an array compared with `= ANY` on
PostgreSQL. The statement text stays the same, SQLAlchemy's compiled cache
serves it and PostgreSQL prepares it once.

    any_of(column, values, dialect)          the values bound now
    one_of(column, "ids", dialect)           a named parameter, for a statement built once;
    {"ids": values_of(ids, dialect)}         its value at each execution
"""
from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import String, any_, bindparam, cast, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import NullType

__all__ = ["any_of", "one_of", "values_of"]


def any_of(column: ColumnElement, values: Iterable, dialect: str) -> ColumnElement[bool]:
    """`column` is one of `values`, for the database `dialect` ("sqlite" or "postgresql")."""
    return _member(column, bindparam(None, values_of(values, dialect), type_=_type(column, dialect)), dialect)


def one_of(column: ColumnElement, name: str, dialect: str) -> ColumnElement[bool]:
    """`column` is one of the values of the parameter `name` (pass `values_of(values, dialect)`)."""
    return _member(column, bindparam(name, type_=_type(column, dialect)), dialect)


def values_of(values: Iterable, dialect: str) -> str:
    """The parameter value that `one_of` takes for `values` (strings or integers): one text either way.

    PostgreSQL gets an array literal that the server casts to the column's array type; written
    here, it costs a tenth of the driver adapting a list element by element.
    """
    if dialect == "postgresql":
        return "{" + ",".join(_array_element(value) for value in values) + "}"
    return json.dumps(list(values), ensure_ascii=False)


def _array_element(value: str | int) -> str:
    if isinstance(value, int):
        return str(value)
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _type(column: ColumnElement, dialect: str):
    # On PostgreSQL the literal goes as a parameter of no declared type, which `CAST($1 AS INTEGER[])`
    # types: the server reads it once. (The cast of a text parameter would run for every row tested.)
    return NullType() if dialect == "postgresql" else String()


def _member(column: ColumnElement, parameter, dialect: str) -> ColumnElement[bool]:
    if dialect == "postgresql":
        return column == any_(cast(parameter, ARRAY(column.type)))
    return column.in_(select(func.json_each(parameter).table_valued("value").c.value))
