"""The store's SQL helpers on a real SQLite file and a real PostgreSQL server: IN as one parameter, bulk rows."""
from __future__ import annotations

from importlib import resources

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import func, select
from sqlalchemy import inspect as sa_inspect

import annals
from annals.query import Query
from annals.store import schema as t
from annals.store.bulk import insert_rows
from annals.store.corpus import Corpus
from annals.store.database import open_engine, transaction
from annals.store.lists import any_of

PAGE = """= Relations with Azerbaijan =

Azerbaijan joined the Partnership for Peace in 1994.
NATO Secretary General Javier Solana visited Baku in February 1997.
Ilham Aliyev visits NATO Headquarters on 19 May 2004.
"""

ACTORS = [{"name": name, "key": name.casefold(), "kind": "country"} for name in
          ("Azerbaijan", "Armenia", "Georgia", "Côte d'Ivoire", "O'Brien; DROP TABLE actors", '"quoted"', "",
                             "back\\slash {a,b} NULL", "NULL", " padded ")]


@pytest.fixture
def engine(corpus_url):
    with Corpus(corpus_url) as corpus:
        yield corpus.engine


def test_store_sql_bulk_rows_are_all_written_as_given(engine):
    with transaction(engine) as conn:
        insert_rows(conn, t.actors, ACTORS)
    with engine.connect() as conn:
        rows = conn.execute(select(t.actors.c.name, t.actors.c.key, t.actors.c.kind).order_by(t.actors.c.id)).all()
    assert [tuple(r) for r in rows] == [(a["name"], a["key"], a["kind"]) for a in ACTORS]


def test_store_sql_bulk_rows_roll_back_with_their_transaction(engine):
    with pytest.raises(RuntimeError), transaction(engine) as conn:
        insert_rows(conn, t.actors, ACTORS)
        raise RuntimeError("interrupted")
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(t.actors)).scalar_one() == 0


def test_store_sql_bulk_rows_refuse_a_key_that_is_no_column(engine):
    with pytest.raises(KeyError, match="nickname"), transaction(engine) as conn:
        insert_rows(conn, t.actors, [{**ACTORS[0], "nickname": "Az"}])


@pytest.mark.parametrize("count", [0, 1, 3, 1200])
def test_store_sql_any_of_matches_exactly_the_values_given(engine, count):
    with transaction(engine) as conn:
        insert_rows(conn, t.actors, ACTORS)
        dialect = conn.dialect.name
        keys = [a["key"] for a in ACTORS]
        wanted = (keys * 200)[:count] if count < 1200 else keys + [f"absent {i}" for i in range(count)]
        found = {r.key for r in conn.execute(select(t.actors.c.key).where(any_of(t.actors.c.key, wanted, dialect)))}
        assert found == set(wanted) & set(keys)
        ids = [r.id for r in conn.execute(select(t.actors.c.id))]
        assert len(conn.execute(select(t.actors.c.id).where(any_of(t.actors.c.id, ids[:2], dialect))).all()) == min(2, len(ids))


def test_store_sql_any_of_keeps_one_statement_text_whatever_the_number_of_values(engine):
    dialect = engine.dialect.name
    texts = {str(select(t.actors.c.id).where(any_of(t.actors.c.key, ["a"] * n, dialect)).compile(engine))
             for n in (1, 2, 50)}
    assert len(texts) == 1


def test_store_sql_a_corpus_made_by_the_first_migration_is_brought_up_to_date(corpus_url):
    engine = open_engine(corpus_url, migrate=False)
    config = Config()
    config.set_main_option("script_location", str(resources.files("annals.store") / "migrations"))
    with transaction(engine) as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    sentence = "NATO Secretary General Javier Solana visited Baku in February 1997."
    with transaction(engine) as conn:  # one telling, in the tables as the first migration made them
        conn.exec_driver_sql(
            "INSERT INTO documents (id, source, title, sha256, reader, added_at, text, n_events) VALUES "
            "(1, 'page.txt', 'Page', 'ab', 'text', CURRENT_TIMESTAMP, 'x', 1)")
        conn.exec_driver_sql("INSERT INTO events (id, uid, date, date_text, date_start, date_end, type, conflicts) "
                             "VALUES (1, 'e1', '1997-02', 'February 1997', '1997-02-01', '1997-02-28', 'visit', '[]')")
        conn.exec_driver_sql(
            "INSERT INTO evidence (event_id, document_id, start, \"end\", text, date, date_text, type, section, "
            f"actors, places, quantities) VALUES (1, 1, 0, 67, '{sentence}', '1997-02', 'February 1997', 'visit', "
            "'[]', '[]', '[]', '[]')")
    engine.dispose()
    with Corpus(corpus_url) as corpus, corpus.engine.connect() as conn:
        corpus.add_document(annals.extract(PAGE).with_(source="more.txt"))  # the frame's columns exist now
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one() == "0008"
        indexes = {ix["name"] for ix in sa_inspect(conn).get_indexes("events")}  # events by type and dates
        assert "ix_events_type_dates" in indexes and "ix_events_type" not in indexes
        indexes = {ix["name"] for ix in sa_inspect(conn).get_indexes("evidence")}  # tellings by dates, unnamed
        assert {"ix_evidence_event_date", "ix_evidence_unnamed"} <= indexes
        found = corpus.events(Query(text="visited Solana"))["events"]  # the index rebuilt
        told = sorted((s["document"]["source"], s["evidence"]["text"]) for e in found for s in e["sources"])
        assert told == [("more.txt", sentence), ("page.txt", sentence)]
        assert len(corpus.events(Query(text="visit", sources=("page.txt",)))["events"]) == 1  # and stemmed
        if conn.dialect.name == "postgresql":
            method = conn.exec_driver_sql("SELECT attcompression FROM pg_attribute WHERE attrelid = 'documents'::regclass"
                                          " AND attname = 'text'").scalar_one()
            assert method == "l"  # lz4


def test_store_sql_text_search_finds_other_forms_of_a_word_on_both_databases(corpus_url):
    with Corpus(corpus_url) as corpus:
        corpus.add_document(annals.extract(PAGE).with_(source="page.txt"))
        texts = sorted(e["evidence"]["text"] for e in corpus.events(Query(text="visit"))["events"])
        assert texts == ["Ilham Aliyev visits NATO Headquarters on 19 May 2004.",
                         "NATO Secretary General Javier Solana visited Baku in February 1997."]
        assert [e["evidence"]["text"] for e in corpus.events(Query(text="joining partnership"))["events"]] == [
            "Azerbaijan joined the Partnership for Peace in 1994."]
        assert corpus.events(Query(text="visited Partnership"))["events"] == []  # every word, in one sentence


def test_store_sql_any_of_gives_postgresql_the_list_as_one_constant(engine):
    if engine.dialect.name != "postgresql":
        pytest.skip("a PostgreSQL plan")
    statement = select(t.actors.c.id).where(any_of(t.actors.c.key, ["a", "b", 'c"d'], "postgresql"))
    compiled = statement.compile(engine)
    with engine.connect() as conn:
        plan = "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + compiled.string, compiled.params))
    # Not read again for every row: no text-to-array conversion left in the plan.
    assert "ANY ('{a,b,\"c\\\"d\"}'" in plan and "cstring" not in plan, plan
