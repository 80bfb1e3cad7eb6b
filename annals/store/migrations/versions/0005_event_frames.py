"""The frame of each telling and event: predicate, object, headline, and each actor's part.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 11:00:00

evidence gains `predicate`, `object` (JSON, or NULL) and `headline`; events gain `object` and
`headline` (those of their first telling); event_actors gains `part` (source, target or other).
Corpora filled before keep NULL there until their documents are added again.
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("evidence") as table:
        table.add_column(sa.Column("predicate", sa.Text(), nullable=True))
        table.add_column(sa.Column("object", sa.Text(), nullable=True))
        table.add_column(sa.Column("headline", sa.Text(), nullable=True))
    with op.batch_alter_table("events") as table:
        table.add_column(sa.Column("object", sa.Text(), nullable=True))
        table.add_column(sa.Column("object_name", sa.Text(), nullable=True))
        table.add_column(sa.Column("headline", sa.Text(), nullable=True))
    with op.batch_alter_table("event_actors") as table:
        table.add_column(sa.Column("part", sa.String(8), nullable=True))
    op.create_index("ix_events_object_name", "events", ["object_name"])


def downgrade() -> None:
    op.drop_index("ix_events_object_name", table_name="events")
    with op.batch_alter_table("event_actors") as table:
        table.drop_column("part")
    with op.batch_alter_table("events") as table:
        table.drop_column("headline")
        table.drop_column("object_name")
        table.drop_column("object")
    with op.batch_alter_table("evidence") as table:
        table.drop_column("headline")
        table.drop_column("object")
        table.drop_column("predicate")
