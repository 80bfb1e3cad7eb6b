"""An event's tellings found by their dates, and those that name no one, from two indexes.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 12:00:00

Adding a document reads the dates of the tellings of its candidate events, and of the candidates
that name none of its actors the tellings on its dates and those that name no one. With the index
of evidence by event alone the database read every telling's row to learn its date and whether it
names anyone. `ix_evidence_event_date` (event_id, date) answers the dates from the index, and
`ix_evidence_unnamed` (event_id, where the actors are `[]`) lists the tellings that name no one.
Only indexes change: no row is touched.
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

UNNAMED = "actors = '[]'"


def upgrade() -> None:
    op.create_index("ix_evidence_event_date", "evidence", ["event_id", "date"], unique=False)
    op.create_index("ix_evidence_unnamed", "evidence", ["event_id"], unique=False,
                    sqlite_where=sa.text(UNNAMED), postgresql_where=sa.text(UNNAMED))


def downgrade() -> None:
    op.drop_index("ix_evidence_unnamed", table_name="evidence")
    op.drop_index("ix_evidence_event_date", table_name="evidence")
