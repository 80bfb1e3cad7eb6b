"""Copies of one article in the corpus, on SQLite and PostgreSQL (issue 15).

The writer reads stored tellings a group at a time (annals/store/cells.py): an event's tellings that
merging or deriving cannot tell apart but by their documents. The corpus must be the one that reading
each telling alone gives, whatever the order the copies come in, and after one is removed.
"""
from __future__ import annotations

import itertools

import pytest

import annals
from annals.store import schema as t
from annals.store import writing
from annals.store.corpus import Corpus

SENTENCES = (
    "Azerbaijan joined the Partnership for Peace on 4 May 1994.",
    "Azerbaijan agreed its first Individual Partnership Action Plan with NATO on 27 May 2005.",
    "Moldova signed its first Individual Partnership Action Plan with NATO on 19 May 2006.",
    "On 19 May 2006, Moldova agreed its first Individual Partnership Action Plan with NATO.",
)
# another telling of the first plan, a month off: a date conflict that every copy's telling meets
OTHER = "= Azerbaijan and NATO =\n\nAzerbaijan agreed its first Individual Partnership Action Plan with NATO in June 2005.\n"


def _copies(count: int) -> dict:
    """`count` copies of one article, each with its own title and its sentences in another order."""
    orders = itertools.islice(itertools.cycle(itertools.permutations(SENTENCES)), 0, count * 5, 5)
    texts = {f"copy-{n}.txt": f"= Partners of NATO ({'abcdefgh'[n]}) =\n\n" + " ".join(order) + "\n"
             for n, order in enumerate(orders)}
    texts["other.txt"] = OTHER
    return {name: annals.extract(text, reader="text").with_(source=name) for name, text in texts.items()}


def _corpus(url: str, documents: dict, order: list[str], removed: str | None = None) -> list[dict]:
    """Every event of a corpus of `documents` added in `order` (then `removed` taken out), with its tellings."""
    with Corpus(url) as corpus:
        for name in order:
            corpus.add_document(documents[name])
        if removed:
            assert corpus.remove(removed)
        events = list(corpus.iter_events())
        tellings = corpus.tellings([e["id"] for e in events])
    return sorted(({**e, "tellings": sorted(map(repr, tellings[e["id"]]))} for e in events), key=lambda e: e["id"])


def _unordered(events: list[dict]) -> list[dict]:
    """The events without what the order of adding decides: the telling shown, the order of sources and conflicts."""
    return [{**e, "evidence": None, "sources": sorted(map(repr, e["sources"])), "conflicts": sorted(map(repr, e["conflicts"]))}
            for e in events]


@pytest.fixture
def each_telling_alone(monkeypatch):
    """The writer with every group of stored tellings one telling (its evidence id grouped on too)."""
    for name in ("_cell_columns", "_derived_columns"):
        grouped = getattr(writing, name)
        monkeypatch.setattr(writing, name, lambda grouped=grouped: [*grouped(), t.evidence.c.id])
    writing._statements.cache_clear()
    yield
    writing._statements.cache_clear()


@pytest.mark.issue(15)
def test_store_copies_grouped_tellings_give_the_corpus_each_telling_gives(corpus_url, tmp_path, request):
    documents = _copies(4)
    orders = [sorted(documents), sorted(documents, reverse=True), ["copy-2.txt", "other.txt", "copy-0.txt",
                                                                    "copy-3.txt", "copy-1.txt"]]
    urls = iter([corpus_url] + [
        request.getfixturevalue("postgres_server").create_database(f"copies_{n}")
        if corpus_url.startswith("postgres") else str(tmp_path / f"copies-{n}.db") for n in range(len(orders) * 2 + 2)])
    grouped = [_corpus(next(urls), documents, order) for order in orders]
    removed = _corpus(next(urls), documents, orders[0], removed="copy-1.txt")
    request.getfixturevalue("each_telling_alone")
    alone = [_corpus(next(urls), documents, order) for order in orders]
    alone_removed = _corpus(next(urls), documents, orders[0], removed="copy-1.txt")
    assert grouped == alone
    assert removed == alone_removed
    # (which telling an event shows, and the order of its sources and conflicts, follow the order of adding)
    assert all(_unordered(result) == _unordered(alone[0]) for result in alone)
    assert _unordered(removed) == _unordered(_corpus(next(urls), {n: d for n, d in documents.items() if n != "copy-1.txt"},
                                                     [n for n in orders[0] if n != "copy-1.txt"]))
    # each event is told by every copy (Moldova's plan twice in each), and the other article's month
    # is a conflict of Azerbaijan's plan
    assert sorted(len(e["sources"]) for e in alone[0]) == [4, 5, 8]
    assert [c["source"] for e in alone[0] for c in e["conflicts"]] == ["other.txt"]
