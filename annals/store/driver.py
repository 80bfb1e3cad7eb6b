"""Statements built once, run on SQLite through the driver's own cursor.

    rows(conn, statement, {"ids": ...})           the rows, as tuples
    run(conn, statement, {"ids": ...})            one execution, no rows
    run(conn, statement, [{...}, {...}])          one statement for many sets of parameters
    execute(conn, sql, [(...), (...)], many=True) SQL already compiled (SQLite), as the driver takes it

SQLAlchemy spends about 30 µs of Python on a statement besides the database's own work (its
cache key, an execution context, a Result, a Row for each row), and adding a document runs
about thirty. The statements of the add path are built once per dialect (annals/store/writing.py);
here each is compiled once more, to its SQL and the order of its parameters, and on SQLite runs
on the connection's DBAPI cursor, inside the transaction SQLAlchemy began. A driver error is
raised as SQLAlchemy raises it (a DBAPIError of the same kind), so that retries and messages do
not change. Elsewhere (PostgreSQL) the statement goes through SQLAlchemy: the rows are the same
tuples. Only statements whose parameters the driver takes as they are (text, numbers, None) and
whose columns it returns as they are go through here.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import ClauseElement

__all__ = ["execute", "rows", "run"]


@lru_cache(maxsize=256)
def _compiled(statement: ClauseElement, dialect: Dialect) -> tuple[str, tuple[str, ...], dict] | None:
    """The SQL of a statement, its parameters' names in order and their defaults; None where the
    statement is not a plain one (parameters expanded at execution)."""
    compiled = statement.compile(dialect=dialect)
    if not compiled.positional or "POSTCOMPILE" in compiled.string:
        return None
    return compiled.string, tuple(compiled.positiontup or ()), dict(compiled.params)


def _arguments(names: tuple[str, ...], defaults: dict, parameters: Mapping | None) -> tuple:
    if not parameters:
        return tuple(defaults[name] for name in names)
    return tuple(parameters[name] if name in parameters else defaults[name] for name in names)


def execute(conn: Connection, sql: str, arguments, *, many: bool = False) -> list[tuple] | None:
    """Run SQL of the connection's dialect on its DBAPI cursor (`many`: once for each set of
    `arguments`, no rows); its rows, as the driver gives them. A driver error as SQLAlchemy raises it."""
    dbapi = conn.dialect.loaded_dbapi
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        if many:
            cursor.executemany(sql, arguments)
            return None
        cursor.execute(sql, arguments)
        return cursor.fetchall()
    except dbapi.Error as exc:
        raise DBAPIError.instance(sql, arguments, exc, dbapi.Error, dialect=conn.dialect) from exc
    finally:
        cursor.close()


def rows(conn: Connection, statement: ClauseElement, parameters: Mapping | None = None) -> list[tuple]:
    """The rows of `statement` (built once) with `parameters`, as tuples."""
    compiled = _compiled(statement, conn.dialect) if conn.dialect.name == "sqlite" else None
    if compiled is None:
        return [tuple(row) for row in conn.execute(statement, parameters).all()]
    sql, names, defaults = compiled
    return execute(conn, sql, _arguments(names, defaults, parameters))


def run(conn: Connection, statement: ClauseElement, parameters: Mapping | Sequence[Mapping] | None = None) -> None:
    """Execute `statement` (built once) with one set of `parameters`, or once for each of a list of them."""
    compiled = _compiled(statement, conn.dialect) if conn.dialect.name == "sqlite" else None
    if compiled is None:
        conn.execute(statement, parameters)
        return
    sql, names, defaults = compiled
    if isinstance(parameters, Sequence) and not isinstance(parameters, Mapping):
        if parameters:
            execute(conn, sql, [_arguments(names, defaults, p) for p in parameters], many=True)
        return
    execute(conn, sql, _arguments(names, defaults, parameters))
