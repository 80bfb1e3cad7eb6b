"""The corpus schema, declared (SQLAlchemy Core): plain tables any SQLite tool can read.

    documents        one row per document added, by its source (title, sha256, reader, date)
    events           one row per event of the corpus, merged across documents
    sentences        each sentence that tells an event, once per document (its offsets and text)
    evidence         one row per (document, sentence, time) that tells an event; its sentence by id
    actors           canonical actors; actor_aliases the other names seen for them
    event_actors     who takes part in an event (with the role the text gives)
    event_places     where
    event_quantities how many

Dates are stored as EDTF (`date`) and as ISO day bounds (`date_start`,
`date_end`, text, so that they sort and compare the same on SQLite and
PostgreSQL); an unknown year leaves both bounds NULL. Full-text search uses
SQLite FTS5 (table `sentences_fts`) or a PostgreSQL GIN index over the
sentences, made by the migrations (annals/store/migrations).
"""
from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

__all__ = [
    "UNNAMED",
    "actor_aliases",
    "actors",
    "documents",
    "event_actors",
    "event_places",
    "event_quantities",
    "events",
    "evidence",
    "metadata",
    "sentences",
]

metadata = MetaData()

UNNAMED = "actors = '[]'"  # a telling that names no actor (its actors column, as stored)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source", Text, nullable=False, unique=True),
    Column("title", Text, nullable=False, server_default=""),
    Column("sha256", String(64), nullable=False),  # what the bytes are; two sources may hold the same
    Column("reader", String(16), nullable=False),
    Column("dct", String(10)),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("text", Text, nullable=False),
    Column("n_events", Integer, nullable=False, server_default="0"),
    Index("ix_documents_sha256", "sha256"),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uid", String(16), nullable=False, unique=True),
    Column("date", Text, nullable=False),
    Column("date_text", Text, nullable=False),
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("type", String(20), nullable=False),
    Column("conflicts", Text, nullable=False, server_default="[]"),
    Column("object", Text),  # the object of its first telling (JSON: name, text, kind), migration 0005
    Column("object_name", Text),  # its name, for the --object filter
    Column("headline", Text),  # the headline of its first telling
    Index("ix_events_date", "date_start", "id"),
    Index("ix_events_type_dates", "type", "date_start", "date_end", "date"),  # migration 0007
    Index("ix_events_object_name", "object_name"),
)

sentences = Table(  # migration 0006: a sentence with twenty dated events is stored once, not twenty times
    "sentences",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    UniqueConstraint("document_id", "start", "end", name="uq_sentences_span"),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("sentence_id", Integer, ForeignKey("sentences.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),  # the offsets of its sentence, as `sentences` has them
    Column("end", Integer, nullable=False),
    Column("date", Text, nullable=False),
    Column("date_text", Text, nullable=False),
    Column("type", String(20), nullable=False),
    Column("trigger", Text),
    Column("section", Text, nullable=False, server_default="[]"),
    Column("citation", Text),
    Column("actors", Text, nullable=False, server_default="[]"),
    Column("places", Text, nullable=False, server_default="[]"),
    Column("quantities", Text, nullable=False, server_default="[]"),
    Column("predicate", Text),  # JSON (text, lemma, start, end), migration 0005
    Column("object", Text),  # JSON (name, text, kind)
    Column("headline", Text),
    Index("ix_evidence_event", "event_id", "id"),
    # (an event's dates read from the index alone; its tellings that name no one: migration 0008)
    Index("ix_evidence_event_date", "event_id", "date"),
    Index("ix_evidence_unnamed", "event_id", sqlite_where=text(UNNAMED), postgresql_where=text(UNNAMED)),
    Index("ix_evidence_document", "document_id"),
    Index("ix_evidence_sentence", "sentence_id"),
)

actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("key", Text, nullable=False, unique=True),
    Column("kind", String(16), nullable=False),
)

actor_aliases = Table(
    "actor_aliases",
    metadata,
    Column("actor_id", Integer, ForeignKey("actors.id", ondelete="CASCADE"), nullable=False),
    Column("alias", Text, nullable=False),
    Column("key", Text, nullable=False),
    UniqueConstraint("actor_id", "key"),
    Index("ix_actor_aliases_key", "key"),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    Column("role", Text),
    Column("position", Integer, nullable=False, server_default="0"),
    Column("part", String(8)),  # source, target or other: the strongest part its tellings give it
    Index("ix_event_actors_actor", "actor_id"),
)

event_places = Table(
    "event_places",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("place", Text, primary_key=True),
)

event_quantities = Table(
    "event_quantities",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("value", Float, nullable=False),
    Column("unit", Text, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_event_quantities_event", "event_id"),
)
