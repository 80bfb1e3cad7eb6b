"""Document texts compressed with lz4 on PostgreSQL (where the server has it): about a third of the cost of pglz.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 08:40:00

SQLite stores texts as they are; nothing changes there. Texts already stored keep their
compression until they are written again.
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _lz4_available() -> bool:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return False
    row = bind.exec_driver_sql(
        "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'").first()
    return bool(row and row[0])


def upgrade() -> None:
    if _lz4_available():
        op.execute("ALTER TABLE documents ALTER COLUMN text SET COMPRESSION lz4")


def downgrade() -> None:
    if _lz4_available():
        op.execute("ALTER TABLE documents ALTER COLUMN text SET COMPRESSION pglz")
