"""Open a corpus database: SQLite by default (a file, no server), PostgreSQL for teams.

    annals.db, ./x.db, sqlite:///x.db     a SQLite file (WAL mode)
    postgresql://user@host/db              PostgreSQL through psycopg 3

A corpus is opened in one of four modes:

    create   (`annals add`) makes the corpus if there is none yet; brings its schema up to date
    write    (`annals remove`) the corpus must exist; brings its schema up to date
    read     (every other command) the corpus must exist; nothing is written, no lock is taken,
             no migration runs. SQLite opens the file read-only (`mode=ro`), or `immutable=1`
             where even that fails (a file, or its folder, that this user may not write: SQLite
             then takes no lock and ignores a -wal file, so such a corpus must not be written
             meanwhile); PostgreSQL sessions are read-only (default_transaction_read_only).
    auto     (the library's default) create, except that a SQLite file this user cannot write
             is opened as in read (a write then fails with a StoreError)

Before anything touches a SQLite file it is checked: a missing file is created
by `create` only; a file that is not SQLite, or another application's
database (tables, but not a corpus's), is refused in every mode, so nothing
is added to it and its journal mode stays as it was; a write to a file that
this user cannot write is refused before it starts. Every refusal is a
StoreError (E040) of one line.

One rule for every write: `transaction()` is one transaction, committed at
the end or rolled back whole; on SQLite it takes the write lock at once
(BEGIN IMMEDIATE), so two writers queue instead of failing half-way, while
reads (`engine.connect()`) begin deferred and never wait for a writer. A
writer opened with `on_wait` waits for the lock as long as it takes (Ctrl-C
stops it) and calls `on_wait` once when it starts waiting; without it, it
gives up after BUSY_TIMEOUT_SECONDS.
"""
from __future__ import annotations

import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, NoSuchModuleError, OperationalError
from sqlalchemy.pool import QueuePool

from annals.errors import AnnalsError, UsageError

__all__ = ["DEFAULT_DB", "MODES", "StoreError", "describe_url", "first_line", "in_transaction", "open_engine",
           "resolve_url", "transaction"]

T = TypeVar("T")

DEFAULT_DB = "annals.db"
MODES = ("auto", "create", "write", "read")
MIGRATION_LOCK = 0x616E6E616C73  # "annals": the advisory lock that migrations take on PostgreSQL
BUSY_TIMEOUT_SECONDS = 30
FIRST_WAIT_MS = 2000  # a writer waits this long for the lock before it says that it waits
POLL_MS = 500  # then it asks again this often (Ctrl-C is seen between two asks)
SQLITE_HEADER = b"SQLite format 3\x00"
CACHE_KIB = 65536  # SQLite's page cache per connection, at most
CORPUS_TABLES = frozenset({"alembic_version", "documents", "events", "evidence"})


class StoreError(AnnalsError):
    code = "E040"


def resolve_url(url: str | os.PathLike | None) -> str:
    """The SQLAlchemy URL for `url`, ANNALS_DB, or annals.db in the working directory."""
    url = str(url) if url is not None else os.environ.get("ANNALS_DB") or DEFAULT_DB
    if not url.strip():
        raise UsageError("the database is empty: give a SQLite file or a postgresql:// URL")
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith(("postgresql+", "sqlite://")):
        return url
    if "://" in url:
        raise UsageError(f"unsupported database URL {describe_url(url)!r}: use a SQLite file path or postgresql://...")
    return f"sqlite:///{Path(url).expanduser()}"


def describe_url(url: str | os.PathLike | None) -> str:
    """The database as messages name it: a file as given, a URL without its password, printable."""
    from annals.store.sources import printable

    text = str(url) if url is not None else os.environ.get("ANNALS_DB") or DEFAULT_DB
    return printable(re.sub(r"(://[^/@:]*):[^/@]*@", r"\1:***@", text))


def first_line(error: BaseException) -> str:
    """The first line of a driver's message (PostgreSQL adds hints and context on further lines)."""
    text = str(error).strip()
    return text.splitlines()[0].strip() if text else type(error).__name__


def _url_problem(error: BaseException) -> str:
    text = first_line(error)
    return "its port is not a number" if "int()" in text else text


def _sqlite_path(resolved: str) -> Path | None:
    """The file of a SQLite URL; None for an in-memory database."""
    database = make_url(resolved).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def _writable(path: Path) -> bool:
    """Whether this user can write the SQLite file at `path` (and the WAL files beside it)."""
    if not os.access(path, os.W_OK):
        return False
    if os.access(path.parent, os.W_OK):
        return True
    return all(os.access(f"{path}{suffix}", os.W_OK) for suffix in ("-wal", "-shm"))


def _uri(path: Path, how: str) -> str:
    return f"file:{quote(str(path.resolve()))}?{'immutable=1' if how == 'immutable' else 'mode=ro'}"


def _tables(path: Path, shown: str) -> tuple[set[str], str]:
    """The tables of the SQLite file at `path`, read without writing, and how it could be read (ro or immutable)."""
    last: sqlite3.Error | None = None
    for how in ("ro", "immutable"):
        try:
            conn = sqlite3.connect(_uri(path, how), uri=True, timeout=BUSY_TIMEOUT_SECONDS)
            try:
                return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}, how
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            last = exc
            if _locked(exc) or "not a database" in str(exc) or "malformed" in str(exc):
                break  # immutable would read it regardless of a writer, or could not read it either
    raise StoreError(f"cannot read {shown}: {last}")


def _check_sqlite(path: Path, mode: str, shown: str) -> tuple[str, str]:
    """The mode to open the file at `path` in ("auto" settled), and how: "new" (to be made), "ro" or "immutable";
    or a StoreError saying why not."""
    how_to_create = f"`annals add FILE --db {shown}` makes one"
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise StoreError(f"cannot open {shown}: {exc.strerror or exc}") from None
    if info is None or (path.is_file() and info.st_size == 0):
        if mode not in ("create", "auto"):
            raise StoreError(f"no corpus at {shown}: {how_to_create}")
        folder = path.parent
        if not folder.is_dir():
            raise UsageError(f"cannot create the database: folder {folder} does not exist")
        if info is None and not os.access(folder, os.W_OK):
            raise StoreError(f"cannot create {shown}: folder {folder} is read-only")
        return "create", "new"
    if not path.is_file():
        raise StoreError(f"{shown} is not a database file (a folder or a device)")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"cannot read {shown}: {exc.strerror or exc}") from None
    if header != SQLITE_HEADER:
        raise StoreError(f"{shown} is not a SQLite database")
    tables, how = _tables(path, shown)
    if not tables:
        if mode not in ("create", "auto"):
            raise StoreError(f"no corpus at {shown} (an empty database): {how_to_create}")
        how = "new"
    elif not CORPUS_TABLES <= tables:
        names = ", ".join(sorted(tables)[:4]) + (", ..." if len(tables) > 4 else "")
        raise StoreError(f"{shown} is not an annals corpus (another application's database, tables: {names}); "
                         "give another --db")
    if mode == "auto":
        mode = "create" if _writable(path) else "read"
    if mode != "read" and not _writable(path):
        raise StoreError(f"{shown} is read-only: nothing can be added to it or removed from it")
    return mode, how


def _locked(error: BaseException) -> bool:
    return any(word in str(error).lower() for word in ("locked", "busy"))


def _sqlite_write_engine(resolved: str, shown: str, on_wait: Callable[[], None] | None) -> Engine:
    engine = create_engine(resolved)
    told = False

    def waiting() -> None:
        nonlocal told
        if not told and on_wait is not None:
            told = True
            on_wait()

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # annals issues BEGIN itself
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        # (a page cache of 64 MiB rather than SQLite's 2 MiB: adding reads the events, tellings and
        # sentences of many candidates, which outgrow 2 MiB at a few hundred documents; the cache only
        # grows as pages are read)
        cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):
        # A write takes the lock at once (BEGIN IMMEDIATE); a read does not queue behind writers (WAL).
        if not connection.info.get("write"):
            connection.exec_driver_sql("BEGIN")
        elif on_wait is None:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            _begin_waiting(connection.connection.dbapi_connection, shown, waiting)

    return engine


def _begin_waiting(raw, shown: str, waiting: Callable[[], None]) -> None:
    """BEGIN IMMEDIATE, waiting for another writer as long as it takes; `waiting()` when the wait starts."""
    raw.execute(f"PRAGMA busy_timeout = {FIRST_WAIT_MS}")
    try:
        while True:
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not _locked(exc):
                    raise StoreError(f"cannot write to {shown}: {first_line(exc)}") from None
            waiting()
            raw.execute(f"PRAGMA busy_timeout = {POLL_MS}")
    finally:
        raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")


def _sqlite_read_engine(path: Path, how: str) -> Engine:
    uri = _uri(path, how)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_SECONDS)

    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA query_only = ON")

    @event.listens_for(engine, "begin")
    def _begin(connection):
        connection.exec_driver_sql("BEGIN")

    return engine


def open_engine(url: str | os.PathLike | None = None, *, mode: str = "auto", migrate: bool = True,
                on_wait: Callable[[], None] | None = None) -> Engine:
    """An engine on the corpus at `url`, opened in `mode` (see the module's docstring).

    Unless it is read-only, the schema is brought up to date (and `migrate` is not False);
    `on_wait` is called once if a write has to wait for another process's lock.
    """
    if mode not in MODES:
        raise UsageError(f"unknown mode {mode!r}: one of {', '.join(MODES)}")
    shown = describe_url(url)
    resolved = resolve_url(url)
    try:
        if resolved.startswith("sqlite:"):
            path = _sqlite_path(resolved)
            mode, how = _check_sqlite(path, mode, shown) if path is not None else ("create", "new")
            if mode == "read":
                engine = _sqlite_read_engine(path, how) if path is not None else create_engine(resolved)
            else:
                engine = _sqlite_write_engine(resolved, shown, on_wait)
        else:
            mode = "create" if mode == "auto" else mode
            arguments = {"options": "-c default_transaction_read_only=on"} if mode == "read" else {}
            engine = create_engine(resolved, pool_pre_ping=True, connect_args=arguments)
    except (ArgumentError, NoSuchModuleError, ValueError, TypeError) as exc:
        raise UsageError(f"malformed database URL '{shown}': {_url_problem(exc)}") from None
    try:
        if mode == "read":
            _check_corpus(engine, shown)
            if migrate:  # (False: whatever its schema, as a test of a migration reads it)
                _check_schema(engine, shown)
        elif migrate:
            upgrade(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise StoreError(f"cannot open the database {shown}: {first_line(exc.orig)}") from None
    except (ValueError, TypeError) as exc:  # a URL that only the driver finds wrong
        engine.dispose()
        raise UsageError(f"malformed database URL '{shown}': {_url_problem(exc)}") from None
    except BaseException:
        engine.dispose()
        raise
    return engine


def _check_corpus(engine: Engine, shown: str) -> None:
    """A StoreError unless the database holds a corpus (the check a read makes; SQLite files are checked before)."""
    if engine.dialect.name == "sqlite":
        return
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
    if not CORPUS_TABLES <= tables:
        raise StoreError(f"no corpus in {shown}: `annals add FILE --db URL` makes one")


def _schema_head() -> str:
    """The newest migration's revision, from its file name ("0006_sentences_once.py": 0006)."""
    versions = resources.files("annals.store") / "migrations" / "versions"
    return max(p.name[:4] for p in versions.iterdir() if p.name[:4].isdigit() and p.name.endswith(".py"))


def _check_schema(engine: Engine, shown: str) -> None:
    """A StoreError where a read would meet another version's tables: a corpus older than this annals
    (a write brings it up to date; a read never changes it) or newer."""
    with engine.connect() as connection:
        current = connection.exec_driver_sql("SELECT max(version_num) FROM alembic_version").scalar()
    head = _schema_head()
    if current is not None and current < head:
        raise StoreError(f"the corpus in {shown} has an older schema ({current}, this annals reads {head}): "
                         f"`annals add` or `annals remove` with --db brings it up to date")
    if current is not None and current > head:
        raise StoreError(f"the corpus in {shown} was made by a newer annals (schema {current}; this one reads {head})")


def _config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("annals.store") / "migrations"))
    return config


def _up_to_date(engine: Engine, config) -> bool:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_heads()
    return set(current) == set(ScriptDirectory.from_config(config).get_heads())


def upgrade(engine: Engine) -> None:
    """Apply the Alembic migrations that the database has not seen yet (the write lock only when there are some).

    On SQLite a migration that rebuilds a table runs with foreign keys off (dropping the old table would
    otherwise delete every row that refers to it), and the links are checked before it commits.
    """
    from alembic import command

    config = _config()
    if _up_to_date(engine, config):
        return
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        raw = connection.connection.dbapi_connection
        if sqlite:
            raw.execute("PRAGMA foreign_keys = OFF")
        connection.info["write"] = True
        try:
            with connection.begin():
                if connection.dialect.name == "postgresql":
                    # Two processes opening a new database at once: the second waits, then finds it up to date.
                    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise StoreError("a migration would leave rows pointing at nothing: nothing was changed")
        finally:
            connection.info["write"] = False
            if sqlite:
                raw.execute("PRAGMA foreign_keys = ON")


def _retryable(exc: OperationalError | IntegrityError) -> bool:
    if isinstance(exc, IntegrityError):
        return getattr(exc.orig, "sqlstate", None) == "23505"  # unique_violation, a concurrent writer's row
    return _locked(exc.orig) or "deadlock" in str(exc.orig).lower()


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
