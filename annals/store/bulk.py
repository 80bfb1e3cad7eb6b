"""Many rows into one table at once: COPY on PostgreSQL, one prepared INSERT for all rows elsewhere.

COPY sends the rows as one stream and the server inserts them without a
statement per row, about half the time of an executemany on PostgreSQL.
Elsewhere the INSERT is compiled once per table and set of columns and the
rows go to the driver's executemany as they are (values the driver takes:
str, int, float, None); on SQLite straight to its cursor (annals/store/driver.py). Either way the rows join the connection's own
transaction, so a failure rolls them back with everything else; a unique key that a concurrent
writer took first is an IntegrityError either way (the transaction is then run again).
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from sqlalchemy import Table, insert
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.exc import IntegrityError

from annals.store.driver import execute

__all__ = ["insert_rows"]


@lru_cache(maxsize=64)
def _insert_sql(dialect: Dialect, table: Table, names: tuple[str, ...]) -> tuple[str, tuple[str, ...] | None]:
    """The INSERT's SQL for these columns, and the order of its parameters if the driver takes them by position."""
    compiled = insert(table).compile(dialect=dialect, column_keys=list(names))
    return compiled.string, tuple(compiled.positiontup) if compiled.positional else None


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict]) -> None:
    """Insert `rows` (dicts with the same keys, all of them columns of `table`) into `table`."""
    if not rows:
        return
    names = list(rows[0])
    unknown = [name for name in names if name not in table.c]
    if unknown:
        raise KeyError(f"not columns of {table.name}: {', '.join(unknown)}")
    if conn.dialect.name == "sqlite":
        # (on the driver's cursor: SQLAlchemy's execution costs more than the insert of a few rows)
        sql, order = _insert_sql(conn.dialect, table, tuple(names))
        execute(conn, sql, [tuple(row[name] for name in order) for row in rows], many=True)
        return
    if conn.dialect.name != "postgresql":
        sql, order = _insert_sql(conn.dialect, table, tuple(names))
        conn.exec_driver_sql(sql, [tuple(row[name] for name in order) for row in rows] if order else list(rows))
        return
    columns = ", ".join(conn.dialect.identifier_preparer.quote(name) for name in names)
    target = conn.dialect.identifier_preparer.format_table(table)
    cursor = conn.connection.dbapi_connection.cursor()
    sql = f"COPY {target} ({columns}) FROM STDIN"
    try:
        with cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row([row[name] for name in names])
    except conn.dialect.dbapi.IntegrityError as exc:
        # (as SQLAlchemy's statements raise it: a row a concurrent writer committed first, which
        # annals/store/database.py's in_transaction answers by starting the transaction again)
        raise IntegrityError(sql, None, exc) from exc
    finally:
        cursor.close()
