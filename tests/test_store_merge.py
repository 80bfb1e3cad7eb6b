"""Merging by frame in the corpus, on SQLite and PostgreSQL: never across countries, whatever the order.

The documents are written for these tests (invented wording, real states).
"""
from __future__ import annotations

import hashlib
import itertools

import pytest

import annals
from annals.model import Actor, Document, Event, EventObject
from annals.query import Query
from annals.store.corpus import Corpus

DOCUMENTS = {
    "moldova.txt": "= Moldova and NATO =\n\nMoldova joined the Partnership for Peace on 16 March 1994. "
                   "Moldova signed its first Individual Partnership Action Plan with NATO on 19 May 2006.\n",
    "azerbaijan.txt": "= Azerbaijan and NATO =\n\nAzerbaijan joined the Partnership for Peace in 1994. "
                      "Azerbaijan agreed its first Individual Partnership Action Plan with NATO on 27 May 2005.\n",
    "chronology.txt": "= Partners of NATO =\n\nOn 4 May 1994, Azerbaijan joined the Partnership for Peace. "
                      "On 27 May 2005, Azerbaijan agreed its first Individual Partnership Action Plan with NATO. "
                      "On 19 May 2006, Moldova agreed its first Individual Partnership Action Plan with NATO.\n",
}


def _documents():
    return {name: annals.extract(text, reader="text").with_(source=name) for name, text in DOCUMENTS.items()}


def _events(corpus) -> set[tuple[str, frozenset]]:
    """Each event as its id and the (document, offset, date) of every telling."""
    return {(e["id"], frozenset((s["document"]["source"], s["evidence"]["start"], s["date"]["value"])
                                for s in e["sources"])) for e in corpus.iter_events()}


def _in_every_order(documents, corpus_url, tmp_path, request) -> list[set]:
    """The events of a corpus of `documents` added in each of their orders (the first in `corpus_url`)."""
    results = []
    for n, order in enumerate(itertools.permutations(documents)):
        if n == 0:
            url = corpus_url
        elif corpus_url.startswith("postgres"):
            url = request.getfixturevalue("postgres_server").create_database(f"order_{n}_{id(results)}")
        else:
            url = str(tmp_path / f"order-{n}-{id(results)}.db")
        with Corpus(url) as corpus:
            for name in order:
                corpus.add_document(documents[name])
            results.append(_events(corpus))
    return results


@pytest.mark.issue(13)
def test_store_merge_never_joins_two_states_acts(corpus_url):
    with Corpus(corpus_url) as corpus:
        for doc in _documents().values():
            corpus.add_document(doc)
        for event in corpus.iter_events():
            states = {a["name"] for a in event["actors"] if a["kind"] == "country" and a.get("part") == "source"}
            assert len(states) <= 1, event
        pfp = [e for e in corpus.events(Query(objects=("partnership for peace",)))["events"]]
        by_state = {frozenset(a["name"] for a in e["actors"] if a["kind"] == "country"): e for e in pfp}
        azerbaijan = by_state[frozenset({"Azerbaijan"})]
        # the day comes from Azerbaijan's own tellings, never from Moldova's
        assert azerbaijan["date"]["value"] == "1994-05-04"
        assert {s["document"]["source"] for s in azerbaijan["sources"]} == {"azerbaijan.txt", "chronology.txt"}
        assert by_state[frozenset({"Moldova"})]["date"]["value"] == "1994-03-16"


@pytest.mark.issue(13)
def test_store_merge_is_the_same_in_every_order(corpus_url, tmp_path, request):
    results = _in_every_order(_documents(), corpus_url, tmp_path, request)
    assert len(results) == 6
    assert all(result == results[0] for result in results)


@pytest.mark.issue(13)
def test_store_merge_remove_regroups(corpus_url):
    documents = _documents()
    with Corpus(corpus_url) as corpus:
        corpus.add_document(documents["azerbaijan.txt"])
        alone = _events(corpus)
        corpus.add_document(documents["chronology.txt"])
        assert corpus.remove("chronology.txt")
        assert _events(corpus) == alone


@pytest.mark.issue(13)
def test_store_merge_events_carry_their_frame(corpus_url):
    with Corpus(corpus_url) as corpus:
        corpus.add_document(_documents()["azerbaijan.txt"])
        ipap = corpus.events(Query(objects=("Individual Partnership Action Plan",)))["events"]
        assert len(ipap) == 1
        event = ipap[0]
        assert event["headline"] == "Azerbaijan and NATO agree the Individual Partnership Action Plan"
        assert event["object"]["name"] == "Individual Partnership Action Plan"
        assert {a["name"]: a.get("part") for a in event["actors"]}["Azerbaijan"] == "source"
        assert event["sources"][0]["headline"] == event["headline"]


@pytest.mark.issue(13)
def test_store_merge_a_states_parliament_acts_for_it(corpus_url):
    """"The British parliament ratified the treaty" and, in a text about Britain, "Parliament ratified
    the treaty" on one day are one event, the parliament's act (not also the state's); the Irish
    parliament ratifying it that day is another."""
    texts = {
        "a.txt": "The British parliament ratified the Pacific Fisheries Treaty on 3 May 2001.\n",
        "b.txt": "= Britain and the sea =\n\nParliament ratified the Pacific Fisheries Treaty on 3 May 2001.\n",
        "c.txt": "The Irish parliament ratified the Pacific Fisheries Treaty on 3 May 2001.\n",
    }
    groups = _sources_grouped(_added(corpus_url, texts))
    assert groups == [["a.txt", "b.txt"], ["c.txt"]]


@pytest.mark.issue(13)
def test_store_merge_never_joins_tellings_about_two_states(corpus_url):
    """"The Council approved Chile's plan" and, months later, "Peru agreed its plan": the first names no
    state as acting, yet it is Chile's event, never Peru's (not even as a date conflict)."""
    texts = {
        "chile.txt": "= Chile and NATO =\n\nOnce the North Atlantic Council had approved Chile's first "
                     "Individual Partnership Action Plan on 14 May 2005, the government set up a commission.\n",
        "peru.txt": "= Peru and NATO =\n\nPeru agreed its first Individual Partnership Action Plan with the "
                    "alliance in January 2006.\n",
    }
    groups = _sources_grouped(_added(corpus_url, texts))
    assert groups == [["chile.txt"], ["peru.txt"]]


@pytest.mark.issue(13)
def test_store_merge_a_collective_act_is_each_members_own(corpus_url):
    """"Chile, Peru and Ecuador joined the Andean Trade Organisation on 9 March 1995" is each state's own accession:
    Peru's own telling joins Peru's, and no event holds two states' accessions."""
    texts = {
        "forum.txt": "= Andean Trade Organisation =\n\nChile, Peru and Ecuador joined the Andean Trade Organisation on 9 March 1995.\n",
        "peru.txt": "= Peru and the Andean Trade Organisation =\n\nPeru joined the Andean Trade Organisation on 9 March 1995.\n",
    }
    events = _added(corpus_url, texts)
    acting = {frozenset(a["name"] for a in e["actors"] if a.get("part") == "source"): e for e in events}
    assert set(acting) == {frozenset({"Chile"}), frozenset({"Peru"}), frozenset({"Ecuador"})}
    assert sorted(s["document"]["source"] for s in acting[frozenset({"Peru"})]["sources"]) == ["forum.txt", "peru.txt"]
    assert acting[frozenset({"Ecuador"})]["headline"] == "Ecuador joins the Andean Trade Organisation"
    assert len({e["id"] for e in events}) == 3


def _added(corpus_url, texts: dict[str, str]) -> list[dict]:
    """The events of a corpus to which each text is added under its name."""
    with Corpus(corpus_url) as corpus:
        for name, text in texts.items():
            corpus.add_document(annals.extract(text, reader="text").with_(source=name))
        return list(corpus.iter_events())


def _sources_grouped(events: list[dict]) -> list[list[str]]:
    return sorted(sorted(s["document"]["source"] for s in e["sources"]) for e in events)


def _by_hand(source: str, text: str, events: list[tuple], aliases: tuple = ()) -> Document:
    """A document built by hand: each event (sentence, date, type, actors as (name, kind, part) or
    (name, kind, part, inferred), object)."""
    built = []
    for sentence, date, type_, actors, obj in events:
        start = text.index(sentence)
        built.append(Event(date, date, type_, start, start + len(sentence), sentence,
                           actors=tuple(Actor(name, kind, part=part, inferred=bool(inferred))
                                        for name, kind, part, *inferred in actors),
                           object=EventObject(obj, obj.lower(), "agreement") if obj else None))
    return Document(text, source=source, sha256=hashlib.sha256(text.encode()).hexdigest(), events=tuple(built),
                    aliases=aliases)


def _late_acronym_documents() -> dict[str, Document]:
    """Two documents that tell one agreement, one naming the body by its acronym only, and the
    document that defines the acronym; and a collective act with one member's own telling."""
    defines = "The Concord of Northern States (CNS) was founded on 2 February 1990."
    bare = "The CNS signed a fisheries agreement with Norway on 15 June 2004."
    full = "In June 2004 the Concord of Northern States signed a fisheries agreement with Norway."
    together = "Estonia, Latvia and Lithuania joined the CNS on 9 March 1995."
    latvia = "Latvia joined the Concord of Northern States in March 1995."
    body, acronym, norway = "Concord of Northern States", "CNS", ("Norway", "country", "target")
    return {
        "defines.txt": _by_hand("defines.txt", defines, [
            (defines, "1990-02-02", "establishment", [(body, "organization", "target")], None)],
            aliases=((body, acronym),)),
        "bare.txt": _by_hand("bare.txt", bare + " " + together, [
            (bare, "2004-06-15", "agreement", [(acronym, "organization", "source"), norway], "Fisheries Agreement"),
            (together, "1995-03-09", "membership", [("Estonia", "country", "source"), ("Latvia", "country", "source"),
                                                    ("Lithuania", "country", "source"),
                                                    (acronym, "organization", "target")], None)]),
        "full.txt": _by_hand("full.txt", full + " " + latvia, [
            (full, "2004-06", "agreement", [(body, "organization", "source"), norway], "Fisheries Agreement"),
            (latvia, "1995-03", "membership", [("Latvia", "country", "source"), (body, "organization", "target")],
             None)]),
    }


@pytest.mark.issue(13)
def test_store_merge_an_acronym_defined_last_regroups_what_was_stored(corpus_url, tmp_path, request):
    """Whether the document that defines "CNS" comes first or last, the agreement told with the bare
    acronym and with the full name is one event, and every event keeps the same id."""
    results = _in_every_order(_late_acronym_documents(), corpus_url, tmp_path, request)
    assert len(results) == 6
    assert all(result == results[0] for result in results)
    groups = [frozenset(source for source, _, _ in tellings) for _, tellings in results[0]]
    assert groups.count(frozenset({"bare.txt", "full.txt"})) == 2  # the agreement, and Latvia's joining


def _told_without_a_shared_actor() -> dict[str, Document]:
    """Tellings that share no actor with the event they tell (a copy of one sentence on two pages that
    each infer their own subject; one named treaty on one day, its signatory named on one page only),
    and a meeting on that day that tells neither."""
    talks = "Negotiations took place from 15 September 1999 to 28 April 2001."
    signed = "The Treaty of Narva was signed on 2 May 2001 by Lennart Meri."
    ends = "On 2 May 2001 the Treaty of Narva ended the dispute."
    met = "On 2 May 2001 the Nordic Council met in Oslo."
    baltic, nordic = ("Baltic Assembly", "organization", "source", True), ("Nordic Council", "organization", "source", True)
    return {
        "baltic.txt": _by_hand("baltic.txt", talks + " " + ends, [
            (talks, "1999-09-15/2001-04-28", "meeting", [baltic], None),
            (ends, "2001-05-02", "political", [("Baltic Assembly", "organization", "source")], "Treaty of Narva")]),
        "nordic.txt": _by_hand("nordic.txt", talks + " " + met, [
            (talks, "1999-09-15/2001-04-28", "meeting", [nordic], None),
            (met, "2001-05-02", "meeting", [("Nordic Council", "organization", "source")], None)]),
        "treaty.txt": _by_hand("treaty.txt", signed, [
            (signed, "2001-05-02", "agreement", [("Lennart Meri", "person", "source")], "Treaty of Narva")]),
    }


@pytest.mark.issue(13)
def test_store_merge_finds_the_events_a_telling_shares_no_actor_with(corpus_url, tmp_path, request):
    """The stored events a telling is compared with are chosen by the actors they name before their
    tellings are read; a copy of its sentence and one named thing done on its day are still found,
    in every order."""
    results = _in_every_order(_told_without_a_shared_actor(), corpus_url, tmp_path, request)
    assert all(result == results[0] for result in results)
    groups = sorted(sorted(source for source, _, _ in tellings) for _, tellings in results[0])
    assert groups == [["baltic.txt", "nordic.txt"], ["baltic.txt", "treaty.txt"], ["nordic.txt"]]


@pytest.mark.issue(13)
def test_store_merge_frame_cache_reframes_when_an_identity_changes():
    """A stored telling is framed once for the corpus's transactions, and again once a name it holds
    stands for another actor (an acronym defined since)."""
    from annals.store.regroup import FrameCache

    actors = (("CNS", "organization", "source", False), ("Norway", "country", "target", False))
    content = (7, "2004-06-15", "agreement", "[...]", "The CNS signed a fisheries agreement with Norway.", None)
    ids = {"cns": "#1", "norway": "#2"}
    cache = FrameCache()
    first = cache.frame(content, actors, lambda key: ids.get(key, key))
    assert first.sources == {"#1"} and first.targets == {"#2"}
    assert cache.frame(content, actors, lambda key: ids.get(key, key)) is first
    ids["cns"] = "#9"  # "Concord of Northern States (CNS)": the acronym is that body now
    again = cache.frame(content, actors, lambda key: ids.get(key, key))
    assert again.sources == {"#9"}
    assert cache.frame(content[:4] + ("The CNS signed a fisheries pact with Norway.", None), actors,
                       lambda key: ids.get(key, key)).words != again.words


@pytest.mark.issue(13)
def test_store_merge_a_near_contradicting_date_is_still_found(corpus_url, tmp_path, request):
    """The stored events of other dates are read only where one of their tellings is compatible with
    the new telling's date or near it: a contradicting date within a year still joins (a conflict),
    one three years on does not, in every order."""
    azerbaijan = ("Azerbaijan", "country", "source")
    told = {"a.txt": ("The Saloglu Trust Fund opened in November 2005.", "2005-11"),
            "b.txt": ("Azerbaijan opened the Saloglu Trust Fund in February 2006.", "2006-02"),
            "c.txt": ("Azerbaijan opened the Saloglu Trust Fund again in 2009.", "2009")}
    documents = {name: _by_hand(name, text, [(text, date, "establishment", [azerbaijan], "Saloglu Trust Fund")])
                 for name, (text, date) in told.items()}
    results = _in_every_order(documents, corpus_url, tmp_path, request)
    assert all(result == results[0] for result in results)
    assert sorted(sorted(source for source, _, _ in tellings) for _, tellings in results[0]) == \
        [["a.txt", "b.txt"], ["c.txt"]]


@pytest.mark.issue(13)
def test_store_merge_a_telling_that_names_no_one_in_every_order(corpus_url, tmp_path, request):
    """"A joint border crossing at Tumbes opened in June 2020" names no one: it joins the opening that
    Chile and Peru's chronology tells in the same words, whichever was added first; a bridge opened
    that month does not."""
    texts = {
        "crossing.txt": "A joint border crossing at Tumbes opened in June 2020.\n",
        "chronology.txt": "= Chile and Peru =\n\nOn 17 June 2020 Chile and Peru opened a joint border crossing at Tumbes.\n",
        "bridge.txt": "A bridge over the river at Tumbes opened in June 2020.\n",
    }
    _names_no_one_in_every_order(texts, [["bridge.txt"], ["chronology.txt", "crossing.txt"]],
                                 corpus_url, tmp_path, request)


@pytest.mark.issue(13)
def test_store_merge_a_telling_that_names_no_one_on_the_same_day_in_every_order(corpus_url, tmp_path, request):
    """"Negotiations opened on 15 September 1999" joins the border talks a chronology says opened that day."""
    texts = {
        "treaty.txt": "Negotiations opened on 15 September 1999 and lasted nineteen months.\n",
        "chronology.txt": "= Chile and Peru =\n\n15 September 1999: Border talks with Peru opened in Arica.\n",
    }
    _names_no_one_in_every_order(texts, [["chronology.txt", "treaty.txt"]], corpus_url, tmp_path, request)


def _names_no_one_in_every_order(texts, expected, corpus_url, tmp_path, request):
    documents = {name: annals.extract(text, reader="text").with_(source=name) for name, text in texts.items()}
    results = _in_every_order(documents, corpus_url, tmp_path, request)
    assert all(result == results[0] for result in results)
    groups = sorted(sorted(source for source, _, _ in tellings) for _, tellings in results[0])
    assert groups == expected


def _session_of_a_named_body() -> dict[str, Document]:
    """One session of a body whose name begins with its organisation's acronym ("CNS Council"), told on
    a state's page (that state only inferred, not acting) and in a report naming the organisation and
    another state; and the document that defines the acronym."""
    defines = "The Concord of Northern States (CNS) was founded on 2 February 1990."
    page = "The annual CNS Council meets in Riga."
    report = "CNS ministers met in Riga on Tuesday, where Norway presented its plan for the fisheries."
    body = "Concord of Northern States"
    return {
        "defines.txt": _by_hand("defines.txt", defines, [
            (defines, "1990-02-02", "establishment", [(body, "organization", "target")], None)],
            aliases=((body, "CNS"),)),
        "latvia.txt": _by_hand("latvia.txt", page, [
            (page, "2019-12-03", "meeting", [("CNS Council", "organization", "source"),
                                             ("Latvia", "country", "other", True)], None)]),
        "report.txt": _by_hand("report.txt", report, [
            (report, "2019-12-03", "meeting", [(body, "organization", "source"), ("Norway", "country", "other")],
             None)]),
    }


@pytest.mark.issue(13)
def test_store_merge_a_body_named_with_its_organisations_acronym(corpus_url, tmp_path, request):
    """"The CNS Council meets" acts for the Concord of Northern States once the corpus knows the
    acronym, whichever document defines it and whenever: the session is one event in every order."""
    results = _in_every_order(_session_of_a_named_body(), corpus_url, tmp_path, request)
    assert all(result == results[0] for result in results)
    groups = [frozenset(source for source, _, _ in tellings) for _, tellings in results[0]]
    assert frozenset({"latvia.txt", "report.txt"}) in groups


@pytest.mark.issue(13)
def test_store_merge_a_ratification_is_each_partys_own(corpus_url):
    """"Both parliaments ratified the treaty" is each party's own ratification: the Sundrian parliament's
    joins Sundria's own telling of it, and no event holds both parliaments' acts."""
    texts = {
        "treaty.txt": "= Treaty of Corvale =\n\nThe Treaty of Corvale is a trade treaty between the Republic of "
                      "Belmark and the Kingdom of Sundria, signed in 2004.\n\n== Ratification ==\n\nThe treaty was "
                      "signed on 3 March 2004 in Corvale. Both parliaments ratified the treaty on 9 September 2004, "
                      "the Senate of Belmark by 80 votes to 6.\n",
        "sundria.txt": "= Foreign relations of the Kingdom of Sundria =\n\nOn 9 September 2004 the Parliament of "
                       "Sundria ratified the Treaty of Corvale.\n",
    }
    events = [e for e in _added(corpus_url, texts) if e["date"]["value"] == "2004-09-09"]
    acting = {frozenset(a["name"] for a in e["actors"] if a.get("part") == "source"): e for e in events}
    assert set(acting) == {frozenset({"Senate of Belmark"}), frozenset({"Parliament of Sundria"})}
    assert sorted(s["document"]["source"] for s in acting[frozenset({"Parliament of Sundria"})]["sources"]) == \
        ["sundria.txt", "treaty.txt"]


@pytest.mark.issue(13)
def test_store_merge_a_state_joins_once(corpus_url):
    """"... and Kestland followed in 2011" and, further down the same page, "Kestland joined on 14 April
    2011 after six years in the Coastal Dialogue", with a report's "Kestland, the newest member, which
    joined in April 2011": one accession, told at its year, its day and its month."""
    texts = {
        "members.txt": "Harbour Union — Member states\n\nThe Harbour Union (HU) brings together six states of the "
                       "southern coast. The Republic of Belmark, the Kingdom of Sundria and the Republic of Tolvane "
                       "joined on 9 March 1995, and the Republic of Kestland followed in 2011.\n\nKestland\nA member "
                       "since 2011. Kestland joined on 14 April 2011 after six years in the Coastal Dialogue.\n",
        "news.txt": "HU ministers meet in Corvale\n\nCORVALE, 3 May 2016 — Kestland, the newest member, which joined "
                    "in April 2011, offered to host a conference on fishing.\n",
    }
    events = [e for e in _added(corpus_url, texts) if e["date"]["value"].startswith("2011")]
    assert _sources_grouped(events) == [["members.txt", "members.txt", "news.txt"]]


@pytest.mark.issue(13)
def test_store_merge_a_telling_that_meets_one_middle_telling_in_every_order(corpus_url, tmp_path, request):
    """A telling of another date ("in 2001") that shares its source with only one of a stored event's
    tellings, neither the first nor the latest stored, still finds that event: the candidates' tellings
    are read whole, so whatever order the documents come in, the signing is one event."""
    council, meri = ("Nordic Council", "organization", "source"), ("Lennart Meri", "person", "source")
    told = {"a.txt": ("The Nordic Council signed the Treaty of Narva on 2 May 2001.", "2001-05-02", [council]),
            "b.txt": ("Lennart Meri and the Nordic Council signed the Treaty of Narva on 2 May 2001.", "2001-05-02",
                      [meri, council]),
            "c.txt": ("On 2 May 2001 the Nordic Council signed the Treaty of Narva in Tallinn.", "2001-05-02", [council]),
            "d.txt": ("Lennart Meri signed the Treaty of Narva in 2001.", "2001", [meri])}
    documents = {name: _by_hand(name, text, [(text, date, "agreement", actors, "Treaty of Narva")])
                 for name, (text, date, actors) in told.items()}
    results = _in_every_order(documents, corpus_url, tmp_path, request)
    assert all(result == results[0] for result in results)
    assert [sorted(source for source, _, _ in tellings) for _, tellings in results[0]] == \
        [["a.txt", "b.txt", "c.txt", "d.txt"]]
