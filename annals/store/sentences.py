"""Each sentence that tells an event, stored once per document; tellings refer to it by id.

    ids = insert_sentences(conn, document_id, {(0, 52): "Azerbaijan joined ... in 1994."})
    select(t.evidence.c.id, t.sentences.c.text).select_from(with_sentences())

A sentence with twenty dated events is one row of `sentences` and twenty rows of
`evidence` that name it (issue 14); the text is read back through `with_sentences`.
"""
from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Join

from annals.store import schema as t
from annals.store.bulk import insert_rows
from annals.store.driver import rows

__all__ = ["insert_sentences", "with_sentences"]

# (built once: building the statement cost more than running it)
_IDS = select(t.sentences.c.id, t.sentences.c.start, t.sentences.c.end).where(
    t.sentences.c.document_id == bindparam("document"))


def with_sentences(evidence=t.evidence) -> Join:
    """`evidence` joined to the sentence each telling refers to."""
    return evidence.join(t.sentences, t.sentences.c.id == evidence.c.sentence_id)


def insert_sentences(conn: Connection, document_id: int, spans: dict[tuple[int, int], str]) -> dict[tuple[int, int], int]:
    """Store the sentences (start, end) -> text of a document that has none yet; their ids by (start, end)."""
    s = t.sentences
    insert_rows(conn, s, [{"document_id": document_id, "start": start, "end": end, "text": text}
                          for (start, end), text in spans.items()])
    if not spans:
        return {}
    return {(start, end): sentence for sentence, start, end in rows(conn, _IDS, {"document": document_id})}
