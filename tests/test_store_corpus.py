"""The corpus on a real SQLite file and a real PostgreSQL server: adding, merging, removing, querying."""
from __future__ import annotations

import sqlite3

import pytest
from conftest import EVAL, EXAMPLE

import annals
from annals.errors import UsageError
from annals.query import Query
from annals.store.corpus import Corpus

NATO_PAGE = """= Relations with Azerbaijan =

Azerbaijan joined the Partnership for Peace in 1994. Azerbaijan agreed its first IPAP with NATO on 27 May 2005.
The Saloglu Trust Fund project was opened in 2004 by NATO and Azerbaijan.
NATO Secretary General Javier Solana visited Baku in February 1997.
"""


def doc(text: str, source: str):
    return annals.extract(text).with_(source=source)


@pytest.fixture
def corpus(corpus_url):
    with Corpus(corpus_url) as opened:
        yield opened


def test_store_corpus_adding_twice_changes_nothing(corpus):
    first = corpus.add(EXAMPLE)
    counts = corpus.counts()
    again = corpus.add(EXAMPLE)
    assert (first.status, again.status) == ("added", "unchanged")
    assert corpus.counts() == counts
    assert counts["events"] >= 100


def test_store_corpus_same_event_from_two_documents_is_one_event_with_two_sources(corpus):
    corpus.add(EXAMPLE)
    before = corpus.counts()["events"]
    result = corpus.add_document(doc(NATO_PAGE, "nato-page.txt"))
    assert result.events_merged >= 3
    ipap = [e for e in corpus.events(Query(since="2005-05-27", until="2005-05-27"))["events"] if e["type"] == "agreement"]
    assert len(ipap) == 1
    assert {s["document"]["source"] for s in ipap[0]["sources"]} == {"azerbaijan-nato.txt", "nato-page.txt"}
    assert ipap[0]["date"]["value"] == "2005-05-27"
    solana = [e for e in corpus.events(Query(actors=("Javier Solana",), types=("visit",)))["events"]
              if e["date"]["value"].startswith("1997")]
    assert len(solana) == 1 and solana[0]["date"]["value"] == "1997-02-13"  # the most precise agreeing date
    assert corpus.counts()["events"] == before + result.events_new


def test_store_corpus_contradicting_date_is_flagged(corpus):
    corpus.add(EXAMPLE)
    corpus.add_document(doc(NATO_PAGE, "nato-page.txt"))
    saloglu = [e for e in corpus.events(Query(text="Saloglu Trust Fund opened"))["events"]]
    assert len(saloglu) == 1
    assert saloglu[0]["date"]["value"] == "2005-11"
    assert [c["value"] for c in saloglu[0]["conflicts"]] == ["2004"]


def test_store_corpus_distinct_events_on_the_same_day_stay_apart(corpus):
    text = ("On 5 May 2010, Georgia signed an agreement with NATO. "
            "On 5 May 2010, Armenia hosted a NATO exercise.\n")
    corpus.add_document(doc(text, "one.txt"))
    other = "On 5 May 2010 the Armenian army hosted the exercise with NATO troops.\n"
    corpus.add_document(doc(other, "two.txt"))
    found = corpus.events(Query(since="2010-05-05", until="2010-05-05"))["events"]
    assert sorted(e["type"] for e in found) == ["agreement", "exercise"]
    exercise = next(e for e in found if e["type"] == "exercise")
    assert len(exercise["sources"]) == 2


def test_store_corpus_new_version_replaces_its_events_only(corpus):
    corpus.add(EXAMPLE)
    corpus.add_document(doc("Montenegro joined NATO on 5 June 2017.\n", "mne.txt"))
    counts = corpus.counts()
    result = corpus.add_document(doc("Montenegro joined NATO on 5 June 2017. It left in 2030.\n", "mne.txt"))
    assert result.status == "replaced"
    assert corpus.counts()["documents"] == counts["documents"]
    assert corpus.counts()["events"] == counts["events"] + 1
    assert corpus.remove("mne.txt")
    assert corpus.counts()["events"] == counts["events"] - 1
    assert not corpus.remove("mne.txt")


@pytest.mark.parametrize(
    ("filters", "check"),
    [
        ({"actors": ("Solana",)}, lambda e: any(a["name"] == "Javier Solana" for a in e["actors"])),
        ({"actors": ("i.aliyev",)}, lambda e: any(a["name"] == "Ilham Aliyev" for a in e["actors"])),
        ({"types": ("visit", "meeting")}, lambda e: e["type"] in ("visit", "meeting")),
        ({"since": "2010", "until": "2012-06"}, lambda e: e["date"]["value"] >= "2010" or "/" in e["date"]["value"]),
        ({"text": "mélange"}, lambda e: "mélange" in e["evidence"]["text"]),
        ({"sources": ("azerbaijan-nato.txt",)}, lambda e: True),
    ],
)
def test_store_corpus_filters(corpus, filters, check):
    corpus.add(EXAMPLE)
    found = corpus.events(Query(**filters, limit=1000))["events"]
    assert found and all(check(e) for e in found)


def test_store_corpus_paging_is_stable_and_complete(corpus):
    corpus.add(EXAMPLE)
    seen, cursor = [], None
    while True:
        page = corpus.events(Query(limit=7, cursor=cursor))
        seen += [e["id"] for e in page["events"]]
        cursor = page["next"]
        if cursor is None:
            break
    everything = [e["id"] for e in corpus.events(Query(limit=1000))["events"]]
    assert seen == everything and len(set(seen)) == len(seen)


@pytest.mark.parametrize(
    "hostile",
    ["'; DROP TABLE events; --", '" OR 1=1 --', "NEAR(a b)", "text:*", "a AND OR NOT", "%_%", "\\", "'", '"', "()"],
)
def test_store_corpus_every_filter_is_parameterised(corpus, hostile):
    corpus.add(EXAMPLE)
    before = corpus.counts()
    query = Query(actors=(hostile,), text=hostile, sources=(hostile,), limit=10)
    assert corpus.events(query)["events"] == []
    assert corpus.events(Query(text=hostile, limit=10))["events"] == []
    assert corpus.actors(hostile) == []
    assert corpus.counts() == before


@pytest.mark.parametrize(
    "filters",
    [{"types": ("war",)}, {"since": "last year"}, {"until": "2005-13"}, {"limit": 0}, {"limit": 5000},
     {"cursor": "not-a-cursor"}, {"since": "2010", "until": "2001"}],
)
def test_store_corpus_bad_filters_are_refused(filters):
    with pytest.raises(UsageError):
        Query(**filters)


def test_store_corpus_actors_are_one_across_documents(corpus):
    corpus.add(EXAMPLE)
    corpus.add_document(doc(NATO_PAGE, "nato-page.txt"))
    solana = corpus.actors("Javier Solana")
    assert len(solana) == 1 and "Solana" in solana[0]["aliases"] and solana[0]["events"] >= 4


def test_store_corpus_sqlite_file_is_plain_tables(tmp_path):
    path = tmp_path / "plain.db"
    with Corpus(path) as corpus:
        corpus.add(EXAMPLE)
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
        assert {"documents", "events", "evidence", "actors", "actor_aliases", "event_actors"} <= tables
        assert conn.execute("select count(*) from events").fetchone()[0] >= 100


def test_store_corpus_to_pandas(corpus):
    pytest.importorskip("pandas")
    corpus.add(EXAMPLE)
    frame = corpus.to_pandas(Query(types=("visit",)))
    assert len(frame) > 10 and set(frame["type"]) == {"visit"}


@pytest.mark.skipif(not (EVAL / "docs").is_dir(), reason="../shared/eval is not present")
def test_store_corpus_development_documents_twice_same_counts(corpus):
    paths = sorted((EVAL / "docs").glob("*.txt"))
    for path in paths:
        corpus.add(path)
    once = corpus.counts()
    for path in paths:
        assert corpus.add(path).status == "unchanged"
    assert corpus.counts() == once
