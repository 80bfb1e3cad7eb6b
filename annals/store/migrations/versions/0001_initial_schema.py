"""The initial schema: documents, events, evidence, actors and their links; full-text search.

Revision ID: 0001
Revises: 
Create Date: 2026-11-27 04:39:55.959766
"""
import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('actors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), server_default='', nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('reader', sa.String(length=16), nullable=False),
    sa.Column('dct', sa.String(length=10), nullable=True),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('n_events', sa.Integer(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sha256'),
    sa.UniqueConstraint('source')
    )
    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=16), nullable=False),
    sa.Column('date', sa.Text(), nullable=False),
    sa.Column('date_text', sa.Text(), nullable=False),
    sa.Column('date_start', sa.String(length=10), nullable=True),
    sa.Column('date_end', sa.String(length=10), nullable=True),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('conflicts', sa.Text(), server_default='[]', nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('uid')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_date', ['date_start', 'id'], unique=False)
        batch_op.create_index('ix_events_type', ['type'], unique=False)

    op.create_table('actor_aliases',
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.Text(), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], ondelete='CASCADE'),
    sa.UniqueConstraint('actor_id', 'key')
    )
    with op.batch_alter_table('actor_aliases', schema=None) as batch_op:
        batch_op.create_index('ix_actor_aliases_key', ['key'], unique=False)

    op.create_table('event_actors',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'actor_id')
    )
    with op.batch_alter_table('event_actors', schema=None) as batch_op:
        batch_op.create_index('ix_event_actors_actor', ['actor_id'], unique=False)

    op.create_table('event_places',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('place', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'place')
    )
    op.create_table('event_quantities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('unit', sa.Text(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('event_quantities', schema=None) as batch_op:
        batch_op.create_index('ix_event_quantities_event', ['event_id'], unique=False)

    op.create_table('evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('date', sa.Text(), nullable=False),
    sa.Column('date_text', sa.Text(), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('trigger', sa.Text(), nullable=True),
    sa.Column('section', sa.Text(), server_default='[]', nullable=False),
    sa.Column('citation', sa.Text(), nullable=True),
    sa.Column('actors', sa.Text(), server_default='[]', nullable=False),
    sa.Column('places', sa.Text(), server_default='[]', nullable=False),
    sa.Column('quantities', sa.Text(), server_default='[]', nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index('ix_evidence_document', ['document_id'], unique=False)
        batch_op.create_index('ix_evidence_event', ['event_id', 'id'], unique=False)

    _full_text_search()


def _full_text_search() -> None:
    """Full-text search over evidence sentences: FTS5 on SQLite, a GIN index on PostgreSQL."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE evidence_fts USING fts5(text, content='evidence', content_rowid='id',"
            " tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER evidence_fts_insert AFTER INSERT ON evidence BEGIN"
            " INSERT INTO evidence_fts(rowid, text) VALUES (new.id, new.text); END"
        )
        op.execute(
            "CREATE TRIGGER evidence_fts_delete AFTER DELETE ON evidence BEGIN"
            " INSERT INTO evidence_fts(evidence_fts, rowid, text) VALUES ('delete', old.id, old.text); END"
        )
        op.execute(
            "CREATE TRIGGER evidence_fts_update AFTER UPDATE OF text ON evidence BEGIN"
            " INSERT INTO evidence_fts(evidence_fts, rowid, text) VALUES ('delete', old.id, old.text);"
            " INSERT INTO evidence_fts(rowid, text) VALUES (new.id, new.text); END"
        )
    elif dialect == "postgresql":
        op.execute("CREATE INDEX ix_evidence_fts ON evidence USING gin (to_tsvector('english', text))")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("evidence_fts_insert", "evidence_fts_delete", "evidence_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS evidence_fts")
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index('ix_evidence_event')
        batch_op.drop_index('ix_evidence_document')

    op.drop_table('evidence')
    with op.batch_alter_table('event_quantities', schema=None) as batch_op:
        batch_op.drop_index('ix_event_quantities_event')

    op.drop_table('event_quantities')
    op.drop_table('event_places')
    with op.batch_alter_table('event_actors', schema=None) as batch_op:
        batch_op.drop_index('ix_event_actors_actor')

    op.drop_table('event_actors')
    with op.batch_alter_table('actor_aliases', schema=None) as batch_op:
        batch_op.drop_index('ix_actor_aliases_key')

    op.drop_table('actor_aliases')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_type')
        batch_op.drop_index('ix_events_date')

    op.drop_table('events')
    op.drop_table('documents')
    op.drop_table('actors')
