"""Open a corpus database: SQLite by default (a file, no server), PostgreSQL for teams.

    annals.db, ./x.db, sqlite:///x.db     a SQLite file (WAL mode, waits when busy)
    postgresql://user@host/db              PostgreSQL through psycopg 3

One rule for every write: `transaction()` is one transaction, committed at
the end or rolled back whole; on SQLite it takes the write lock at once
(BEGIN IMMEDIATE), so two writers queue instead of failing half-way, while
reads (`engine.connect()`) begin deferred and never wait for a writer.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TypeVar

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from annals.errors import AnnalsError, UsageError

__all__ = ["DEFAULT_DB", "StoreError", "in_transaction", "open_engine", "resolve_url", "transaction"]

T = TypeVar("T")

DEFAULT_DB = "annals.db"
MIGRATION_LOCK = 0x616E6E616C73  # "annals": the advisory lock that migrations take on PostgreSQL
BUSY_TIMEOUT_SECONDS = 30


class StoreError(AnnalsError):
    code = "E040"


def resolve_url(url: str | os.PathLike | None) -> str:
    """The SQLAlchemy URL for `url`, ANNALS_DB, or annals.db in the working directory."""
    url = str(url) if url is not None else os.environ.get("ANNALS_DB") or DEFAULT_DB
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith(("postgresql+", "sqlite://")):
        return url
    if "://" in url:
        raise UsageError(f"unsupported database URL {url!r}: use a SQLite file path or postgresql://...")
    return f"sqlite:///{Path(url).expanduser()}"


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # annals issues BEGIN itself
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):
        # A write takes the lock at once (BEGIN IMMEDIATE); a read does not queue behind writers (WAL).
        connection.exec_driver_sql("BEGIN IMMEDIATE" if connection.info.get("write") else "BEGIN")


def open_engine(url: str | os.PathLike | None = None, *, migrate: bool = True) -> Engine:
    """An engine on the corpus at `url`, its schema brought up to date."""
    resolved = resolve_url(url)
    if resolved.startswith("sqlite:///"):
        folder = Path(resolved[len("sqlite:///"):]).parent
        if not folder.is_dir():
            raise UsageError(f"cannot create the database: folder {folder} does not exist")
        engine = create_engine(resolved)
        _sqlite_setup(engine)
    else:
        engine = create_engine(resolved, pool_pre_ping=True)
    try:
        if migrate:
            upgrade(engine)
    except OperationalError as exc:
        raise StoreError(f"cannot open the database {url or resolved}: {exc.orig}") from None
    return engine


def upgrade(engine: Engine) -> None:
    """Apply the Alembic migrations that the database has not seen yet."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("annals.store") / "migrations"))
    with transaction(engine) as connection:
        if connection.dialect.name == "postgresql":
            # Two processes opening a new database at once: the second waits, then finds it up to date.
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _retryable(exc: OperationalError | IntegrityError) -> bool:
    if isinstance(exc, IntegrityError):
        return getattr(exc.orig, "sqlstate", None) == "23505"  # unique_violation, a concurrent writer's row
    return any(word in str(exc.orig).lower() for word in ("locked", "busy", "deadlock"))


@contextmanager
def transaction(engine: Engine) -> Iterator[Connection]:
    """One write transaction: committed when the block ends, rolled back whole if it raises."""
    with engine.connect() as connection:
        connection.info["write"] = True
        try:
            with connection.begin():
                yield connection
        finally:
            connection.info["write"] = False


def in_transaction(engine: Engine, work: Callable[[Connection], T], *, attempts: int = 6) -> T:
    """Run `work` in one transaction, again from the start while the database stays locked.

    On PostgreSQL, writers do not queue: two that create the same row at once (an actor, a
    document) collide on its unique key, and the one that lost starts again and finds it.
    """
    for attempt in range(attempts):
        try:
            with transaction(engine) as connection:
                return work(connection)
        except (OperationalError, IntegrityError) as exc:
            if not _retryable(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.2 * 2 ** attempt)
    raise AssertionError("unreachable")  # pragma: no cover
