"""Issue 14: each sentence is stored once per document; its tellings refer to it (SQLite file and PostgreSQL)."""
from __future__ import annotations

import os
import subprocess
import sys
from importlib import resources

import pytest
from alembic import command
from alembic.config import Config

import annals
from annals.query import Query
from annals.store.corpus import Corpus
from annals.store.database import open_engine

pytestmark = pytest.mark.issue(14)

MANY_DATES = ("Georgia joined the IMF in 1992, the World Bank in 1993, the OSCE in 1994, the WTO in 2000, "
              "the Council of Europe in 1999, the Partnership for Peace in 1994 and the BSEC in 1995.")
PAGE = """= Relations with Azerbaijan =

Azerbaijan joined the Partnership for Peace in 1994.
NATO Secretary General Javier Solana visited Baku in February 1997.
Ilham Aliyev visits NATO Headquarters on 19 May 2004 and on 21 June 2005.
"""


def count(corpus: Corpus, sql: str) -> int:
    with corpus.engine.connect() as conn:
        return conn.exec_driver_sql(sql).scalar_one()


def everything(corpus: Corpus) -> dict:
    """Every event as the contract shows it, and what a few searches find."""
    return {"events": corpus.events(Query())["events"],
            "searches": {words: [e["id"] for e in corpus.events(Query(text=words))["events"]]
                         for words in ("visit", "joining partnership", "World Bank", "visited Partnership")}}


def downgrade(url: str, revision: str) -> None:
    """The corpus at `url` taken back to schema `revision` (foreign keys off on SQLite, as annals migrates)."""
    engine = open_engine(url, migrate=False)
    config = Config()
    config.set_main_option("script_location", str(resources.files("annals.store") / "migrations"))
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys = OFF")
        with conn.begin():
            config.attributes["connection"] = conn
            command.downgrade(config, revision)
    engine.dispose()


def test_store_sentences_a_sentence_of_many_events_is_stored_once(corpus_url):
    with Corpus(corpus_url) as corpus:
        corpus.add_document(annals.extract(MANY_DATES).with_(source="georgia.txt"))
        events = corpus.events(Query())["events"]
        assert len(events) >= 5
        assert {e["evidence"]["text"] for e in events} == {MANY_DATES}
        assert {(e["evidence"]["start"], e["evidence"]["end"]) for e in events} == {(0, len(MANY_DATES))}
        assert count(corpus, "SELECT count(*) FROM evidence") == len(events)
        assert count(corpus, "SELECT count(*) FROM sentences") == 1
        assert count(corpus, "SELECT count(DISTINCT sentence_id) FROM evidence") == 1


def test_store_sentences_replacing_and_removing_leave_no_sentence_behind(corpus_url):
    with Corpus(corpus_url) as corpus:
        corpus.add_document(annals.extract(MANY_DATES).with_(source="georgia.txt"))
        corpus.add_document(annals.extract(PAGE).with_(source="page.txt"))
        assert count(corpus, "SELECT count(*) FROM sentences") == 4
        corpus.add_document(annals.extract(PAGE.replace("1997", "1998")).with_(source="page.txt"))  # replaced
        assert count(corpus, "SELECT count(*) FROM sentences") == 4
        assert [e["date"]["value"] for e in corpus.events(Query(text="Solana"))["events"]] == ["1998-02"]
        corpus.remove("georgia.txt")
        assert count(corpus, "SELECT count(*) FROM sentences") == 3
        assert count(corpus, "SELECT count(*) FROM sentences WHERE id NOT IN (SELECT sentence_id FROM evidence)") == 0
        assert corpus.events(Query(text="World Bank"))["events"] == []


def test_store_sentences_a_corpus_of_the_former_schema_is_migrated_and_back(corpus_url):
    with Corpus(corpus_url) as corpus:
        corpus.add_document(annals.extract(MANY_DATES).with_(source="georgia.txt"))
        corpus.add_document(annals.extract(PAGE).with_(source="page.txt"))
        before = everything(corpus)
        tellings = count(corpus, "SELECT count(*) FROM evidence")
        assert before["searches"]["visit"] and before["searches"]["World Bank"]
    downgrade(corpus_url, "0005")  # each telling with its own copy of its sentence, as annals stored it before
    engine = open_engine(corpus_url, mode="read", migrate=False)
    with engine.connect() as conn:
        texts = sorted(conn.exec_driver_sql("SELECT text FROM evidence").scalars())
    engine.dispose()
    assert texts == sorted(s["evidence"]["text"] for e in before["events"] for s in e["sources"])
    assert texts.count(MANY_DATES) >= 5
    with Corpus(corpus_url) as corpus:  # brought up to date again
        assert count(corpus, "SELECT count(*) FROM sentences") == 4
        assert count(corpus, "SELECT count(*) FROM evidence") == tellings
        assert everything(corpus) == before
        corpus.add_document(annals.extract(MANY_DATES).with_(source="again.txt"))  # writes go on as before
        assert count(corpus, "SELECT count(*) FROM sentences") == 5


def test_store_sentences_a_read_of_a_former_schema_says_how_to_bring_it_up_to_date(corpus_url):
    with Corpus(corpus_url) as corpus:
        corpus.add_document(annals.extract(PAGE).with_(source="page.txt"))
    downgrade(corpus_url, "0005")
    result = run("events", "--db", corpus_url)
    assert result.returncode != 0 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "older schema (0005" in result.stderr and "annals add" in result.stderr
    with Corpus(corpus_url) as corpus:  # a write brings it up to date, and reads work again
        assert corpus.events(Query())["events"]
    assert run("events", "--db", corpus_url).returncode == 0


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annals", *args], capture_output=True, text=True, check=False,
                          env={**os.environ, "COLUMNS": "500"}, timeout=300)
