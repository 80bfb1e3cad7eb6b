"""Full-text search on SQLite stems English words (FTS5's porter tokenizer), as PostgreSQL's 'english' search does.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 08:30:00

"visit" then finds "visited" and "visits" on both databases, so one query gives the same
events on either. The index is rebuilt from the evidence table; PostgreSQL is unchanged.
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TRIGGERS = {
    "evidence_fts_insert": "AFTER INSERT ON evidence BEGIN"
                           " INSERT INTO evidence_fts(rowid, text) VALUES (new.id, new.text); END",
    "evidence_fts_delete": "AFTER DELETE ON evidence BEGIN"
                           " INSERT INTO evidence_fts(evidence_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "evidence_fts_update": "AFTER UPDATE OF text ON evidence BEGIN"
                           " INSERT INTO evidence_fts(evidence_fts, rowid, text) VALUES ('delete', old.id, old.text);"
                           " INSERT INTO evidence_fts(rowid, text) VALUES (new.id, new.text); END",
}


def _index(tokenize: str) -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS evidence_fts")
    op.execute(f"CREATE VIRTUAL TABLE evidence_fts USING fts5(text, content='evidence', content_rowid='id', tokenize='{tokenize}')")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute("INSERT INTO evidence_fts(evidence_fts) VALUES ('rebuild')")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _index("porter unicode61 remove_diacritics 2")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _index("unicode61 remove_diacritics 2")
