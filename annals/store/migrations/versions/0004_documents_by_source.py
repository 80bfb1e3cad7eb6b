"""A document is its source: two sources may hold the same bytes (sha256 is no longer unique, only indexed).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 12:00:00

PostgreSQL drops the unique constraint. SQLite cannot drop one, so `documents` is
rebuilt: a copy made from the table's own CREATE statement without `UNIQUE (sha256)`,
every row copied with its id, the old table dropped and the copy renamed. annals
runs migrations on SQLite with foreign keys off (otherwise dropping the old table
would delete every telling that refers to it) and checks the links before committing;
all of it is one transaction, so a failure leaves the corpus as it was.
"""
import re

from alembic import op
from sqlalchemy import inspect

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_UNIQUE_SHA256 = re.compile(r"\bUNIQUE\s*\(\s*\"?sha256\"?\s*\)\s*,\s*|,\s*UNIQUE\s*\(\s*\"?sha256\"?\s*\)", re.IGNORECASE)


def _rebuild_sqlite(change) -> None:
    """Rebuild `documents` from its CREATE statement as `change` rewrites it, keeping every row and id."""
    bind = op.get_bind()
    if bind.exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise RuntimeError("rebuilding documents needs foreign keys off (annals turns them off for migrations)")
    sql = bind.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'documents'").scalar_one()
    rebuilt = change(sql)
    if rebuilt == sql:
        return
    rebuilt, renamed = re.subn(r"^CREATE TABLE\s+\"?documents\"?", "CREATE TABLE documents_0004", rebuilt)
    if renamed != 1:
        raise RuntimeError(f"unexpected CREATE statement for documents: {sql[:80]!r}")
    columns = ", ".join(f'"{row[1]}"' for row in bind.exec_driver_sql("PRAGMA table_info(documents)"))
    before = bind.exec_driver_sql("SELECT count(*) FROM documents").scalar_one()
    op.execute(rebuilt)
    op.execute(f"INSERT INTO documents_0004 ({columns}) SELECT {columns} FROM documents")
    if bind.exec_driver_sql("SELECT count(*) FROM documents_0004").scalar_one() != before:
        raise RuntimeError("documents were not all copied")
    op.execute("DROP TABLE documents")
    op.execute("ALTER TABLE documents_0004 RENAME TO documents")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        _rebuild_sqlite(lambda sql: _UNIQUE_SHA256.sub("", sql))
    else:
        for constraint in inspect(bind).get_unique_constraints("documents"):
            if constraint["column_names"] == ["sha256"]:
                op.drop_constraint(constraint["name"], "documents", type_="unique")
    op.create_index("ix_documents_sha256", "documents", ["sha256"])


def downgrade() -> None:
    op.drop_index("ix_documents_sha256", table_name="documents")
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite(lambda sql: re.sub(r"\)\s*$", ", \n\tUNIQUE (sha256)\n)", sql))
    else:
        op.create_unique_constraint("documents_sha256_key", "documents", ["sha256"])
