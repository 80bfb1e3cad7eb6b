"""Events found by their type and dates in one index (the candidates a new telling may merge with).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 10:45:00

Adding a document looks for the stored events of each type whose dates come near its tellings'.
With an index on `type` alone the database read every event of the type to compare its dates;
`ix_events_type_dates` (type, date_start, date_end, date) answers from the index, and takes the
place of `ix_events_type`, which it covers. Only indexes change: no row is touched, and both steps
run in the migration's one transaction.
"""
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_type_dates", "events", ["type", "date_start", "date_end", "date"], unique=False)
    op.drop_index("ix_events_type", table_name="events")


def downgrade() -> None:
    op.create_index("ix_events_type", "events", ["type"], unique=False)
    op.drop_index("ix_events_type_dates", table_name="events")
