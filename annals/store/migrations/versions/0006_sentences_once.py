"""Each sentence stored once per document (table `sentences`); a telling refers to it by id.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 16:00:00

A sentence with twenty dated events was copied into twenty evidence rows. Now `sentences`
holds it once (document, offsets, text) and `evidence.sentence_id` points at it; the text
leaves `evidence`. The sentences are made from the distinct (document, start, end) of the
tellings already stored, so every telling keeps its text. Full-text search moves with the
text: SQLite's FTS5 index (stemmed, as 0003 made it) and PostgreSQL's GIN index now cover
`sentences`, and a search finds the same events as before. On SQLite, evidence is rebuilt
(a batch migration) with foreign keys off; all of it is one transaction.
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TOKENIZE = "porter unicode61 remove_diacritics 2"


def _triggers(table: str) -> dict[str, str]:
    """FTS5 triggers that keep `{table}_fts` in step with `table`'s text."""
    fts = f"{table}_fts"
    return {
        f"{fts}_insert": f"AFTER INSERT ON {table} BEGIN"
                         f" INSERT INTO {fts}(rowid, text) VALUES (new.id, new.text); END",
        f"{fts}_delete": f"AFTER DELETE ON {table} BEGIN"
                         f" INSERT INTO {fts}({fts}, rowid, text) VALUES ('delete', old.id, old.text); END",
        f"{fts}_update": f"AFTER UPDATE OF text ON {table} BEGIN"
                         f" INSERT INTO {fts}({fts}, rowid, text) VALUES ('delete', old.id, old.text);"
                         f" INSERT INTO {fts}(rowid, text) VALUES (new.id, new.text); END",
    }


def _drop_search(table: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in _triggers(table):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"DROP TABLE IF EXISTS {table}_fts")
    else:
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_fts")


def _make_search(table: str) -> None:
    """The full-text index over `table`'s text, filled from the rows there are."""
    if op.get_bind().dialect.name == "sqlite":
        fts = f"{table}_fts"
        op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5(text, content='{table}', content_rowid='id', tokenize='{TOKENIZE}')")
        for name, body in _triggers(table).items():
            op.execute(f"CREATE TRIGGER {name} {body}")
        op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
    else:
        op.execute(f"CREATE INDEX ix_{table}_fts ON {table} USING gin (to_tsvector('english', text))")


def _count(sql: str) -> int:
    return op.get_bind().exec_driver_sql(sql).scalar_one()


def upgrade() -> None:
    op.create_table(
        "sentences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id", "start", "end", name="uq_sentences_span"),
    )
    op.execute('INSERT INTO sentences (document_id, start, "end", text)'
               ' SELECT document_id, start, "end", min(text) FROM evidence'
               ' GROUP BY document_id, start, "end" ORDER BY document_id, start, "end"')
    _drop_search("evidence")
    with op.batch_alter_table("evidence") as table:
        table.add_column(sa.Column("sentence_id", sa.Integer(), nullable=True))
    op.execute('UPDATE evidence SET sentence_id = (SELECT s.id FROM sentences s WHERE s.document_id = evidence.document_id'
               ' AND s.start = evidence.start AND s."end" = evidence."end")')
    if _count("SELECT count(*) FROM evidence WHERE sentence_id IS NULL"):
        raise RuntimeError("a telling found no sentence: nothing was changed")
    with op.batch_alter_table("evidence") as table:
        table.alter_column("sentence_id", existing_type=sa.Integer(), nullable=False)
        table.create_foreign_key("fk_evidence_sentence", "sentences", ["sentence_id"], ["id"], ondelete="CASCADE")
        table.create_index("ix_evidence_sentence", ["sentence_id"], unique=False)
        table.drop_column("text")
    _make_search("sentences")


def downgrade() -> None:
    _drop_search("sentences")
    with op.batch_alter_table("evidence") as table:
        table.add_column(sa.Column("text", sa.Text(), nullable=True))
    op.execute("UPDATE evidence SET text = (SELECT s.text FROM sentences s WHERE s.id = evidence.sentence_id)")
    with op.batch_alter_table("evidence") as table:
        table.alter_column("text", existing_type=sa.Text(), nullable=False)
        table.drop_index("ix_evidence_sentence")
        table.drop_constraint("fk_evidence_sentence", type_="foreignkey")
        table.drop_column("sentence_id")
    op.drop_table("sentences")
    _make_search("evidence")
