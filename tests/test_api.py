"""The HTTP API on a real SQLite corpus (the example article and a hostile document): every filter and error."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import EXAMPLE
from fastapi.testclient import TestClient

from annals.api import create_app
from annals.api.exports import available as exports_available
from annals.errors import UsageError
from annals.query import Query
from annals.store.corpus import Corpus

HOSTILE_SOURCE = "hostile.txt"
HOSTILE = """<img src=x onerror="window.__pwned=1"> Hostile notes

On 3 March 2021, Azerbaijan hosted a <script>window.__pwned = 1</script> NATO delegation in Baku.

NATO Secretary General Jens Stoltenberg visited Azerbaijan on 9 September 2021 and said "<b>bold</b> & <i>it</i>".
"""
TOKEN = "s3cret-token"


def build_corpus(path: Path) -> Path:
    """A SQLite corpus file with the example article and a document whose sentences hold HTML."""
    from annals.pipeline import extract
    from annals.read import read_bytes

    with Corpus(path) as corpus:
        corpus.add(EXAMPLE)
        corpus.add_document(extract(read_bytes(HOSTILE.encode(), source=HOSTILE_SOURCE, reader="text")))
    return path


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("api") / "corpus.db")


@pytest.fixture(scope="module")
def corpus(corpus_file):
    with Corpus(corpus_file) as opened:
        yield opened


@pytest.fixture(scope="module")
def client(corpus):
    with TestClient(create_app(corpus), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture()
def writer(tmp_path, corpus_file):
    """A client of a server that allows writes, on a copy of the corpus."""
    copy = tmp_path / "copy.db"
    copy.write_bytes(corpus_file.read_bytes())
    with Corpus(copy) as opened, TestClient(
        create_app(opened, allow_writes=True, token=TOKEN, max_body=200_000), raise_server_exceptions=False
    ) as test_client:
        yield test_client


def ids(events: list[dict]) -> list[str]:
    return [e["id"] for e in events]


def assert_error(response, status: int | tuple[int, ...]) -> dict:
    statuses = status if isinstance(status, tuple) else (status,)
    assert response.status_code in statuses, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and error["message"]
    return error


# ---------------------------------------------------------------- events


@pytest.mark.parametrize(
    "params, query",
    [
        ({}, {}),
        ({"actor": "Azerbaijan"}, {"actors": ("Azerbaijan",)}),
        ({"actor": "NAC"}, {"actors": ("North Atlantic Council",)}),
        ({"actor": ["Javier Solana", "Jens Stoltenberg"]}, {"actors": ("Javier Solana", "Jens Stoltenberg")}),
        ({"type": "visit"}, {"types": ("visit",)}),
        ({"type": ["membership", "agreement"]}, {"types": ("membership", "agreement")}),
        ({"since": "2004", "until": "2008-06"}, {"since": "2004", "until": "2008-06"}),
        ({"since": "2020-01-01"}, {"since": "2020-01-01"}),
        ({"text": "Partnership for Peace"}, {"text": "Partnership for Peace"}),
        ({"source": HOSTILE_SOURCE}, {"sources": (HOSTILE_SOURCE,)}),
        ({"actor": "Azerbaijan", "type": "visit", "since": "2005", "until": "2010"},
         {"actors": ("Azerbaijan",), "types": ("visit",), "since": "2005", "until": "2010"}),
        ({"limit": 7}, {"limit": 7}),
    ],
)
def test_api_events_filters_match_the_corpus(client, corpus, params, query):
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    expected = corpus.events(Query(**query))
    assert ids(response.json()["events"]) == ids(expected["events"])
    assert response.json()["next"] == expected["next"]


@pytest.mark.parametrize("filtered", [False, True])
def test_api_events_cursor_pages_through_everything_once(client, corpus, filtered):
    params = {"limit": 13, **({"actor": "Azerbaijan"} if filtered else {})}
    seen, cursor = [], None
    while True:
        response = client.get("/api/events", params={**params, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200
        page = response.json()
        assert len(page["events"]) <= 13
        seen += ids(page["events"])
        cursor = page["next"]
        if cursor is None:
            break
    everything = ids(corpus.iter_events(Query(actors=("Azerbaijan",) if filtered else ())))
    assert seen == everything and len(set(seen)) == len(seen)


@pytest.mark.parametrize("limit, count", [(None, 100), (1000, None)])
def test_api_events_limit_default_and_most(client, corpus, limit, count):
    response = client.get("/api/events", params={"limit": limit} if limit else {})
    total = corpus.counts()["events"]
    assert len(response.json()["events"]) == (count or total)


def test_api_events_hold_the_contract_fields(client):
    event = client.get("/api/events", params={"type": "visit", "limit": 1}).json()["events"][0]
    for key in ("id", "date", "type", "actors", "places", "quantities", "section", "evidence", "sources"):
        assert key in event
    assert set(event["date"]) >= {"value", "text"}
    assert set(event["evidence"]) == {"text", "start", "end"}


# ---------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "url, status",
    [
        ("/api/events?since=2020-13", 400),
        ("/api/events?since=yesterday", 400),
        ("/api/events?until=1994-02-30", 400),
        ("/api/events?since=2010&until=2000", 400),
        ("/api/events?since=12345678901", 422),
        ("/api/events?type=bogus", 400),
        ("/api/events?type=visit&type=%3Cscript%3E", 400),
        ("/api/events?limit=0", 422),
        ("/api/events?limit=1001", 422),
        ("/api/events?limit=1000000000000000000000000000000", 422),
        ("/api/events?limit=-5", 422),
        ("/api/events?limit=ten", 422),
        ("/api/events?cursor=zzz", 400),
        ("/api/events?cursor=WyIyMDA0IiwgIngiXQ", 400),
        ("/api/events?cursor=" + "A" * 300, 422),
        ("/api/events?text=" + "word%20" * 200, 422),
        ("/api/events?" + "&".join(["actor=a"] * 51), 422),
        ("/api/events?actor=" + "x" * 201, 422),
        ("/api/events/no-such-event", 404),
        ("/api/events/" + "e" * 65, 422),
        ("/api/documents/no/such/document.txt", 404),
        ("/api/actors?name=" + "n" * 201, 422),
        ("/api/timeline", 422),
        ("/api/timeline?actor=Nobody%20At%20All", 400),
        ("/api/timeline?actor=Azerbaijan&type=bogus", 400),
        ("/api/timeline?actor=Azerbaijan&limit=0", 422),
        ("/api/timeline?" + "&".join(f"actor=a{i}" for i in range(13)), 422),
        ("/api/nothing-here", 404),
        ("/api/export?format=no-such-format", (404, 400)),
    ],
)
def test_api_bad_requests_are_4xx_json(client, url, status):
    assert_error(client.get(url), status)


@pytest.mark.parametrize(
    "value",
    [
        "\x00", "a\x00b", "\"", "'", "\"unbalanced", "NEAR(a b)", "a OR b", "*", "-", "^", "a AND NOT b", "(((", ")",
        "<script>alert(1)</script>", "' OR 1=1 --", "%s%s%n", "\u202eevil", "🙂", "\ufeff", "\\", "{}", "[]",
        "x" * 500, " ", "\t\n",
    ],
)
@pytest.mark.parametrize("name", ["text", "actor", "source", "since", "type", "cursor"])
def test_api_hostile_strings_never_fail_the_server(client, name, value):
    response = client.get("/api/events", params={name: value})
    assert response.status_code < 500, response.text
    assert response.headers["content-type"].startswith("application/json")
    if response.status_code >= 400:
        assert_error(response, response.status_code)


@pytest.mark.parametrize("value", ["\x00", "<script>x</script>", "🙂" * 3, "a/b/../c"])
def test_api_hostile_path_values_are_4xx(client, value):
    for prefix in ("/api/events/", "/api/documents/"):
        response = client.get(prefix + quote(value, safe="/"))
        assert_error(response, (404, 422))


# ---------------------------------------------------------------- one event


def test_api_event_has_every_source_with_highlights(client):
    visit = client.get("/api/events", params={"actor": "Javier Solana", "text": "Solana", "limit": 1}).json()["events"][0]
    response = client.get(f"/api/events/{visit['id']}")
    assert response.status_code == 200
    event = response.json()
    assert event["sources"]
    for source in event["sources"]:
        assert {"source", "title", "sha256"} <= set(source["document"])
        sentence = source["evidence"]["text"]
        marks = {(h["kind"], sentence[h["start"]:h["end"]]) for h in source["highlights"]}
        assert ("date", source["date"]["text"]) in marks
        assert any(kind == "actor" and "Solana" in text for kind, text in marks)


def test_api_event_highlights_an_alias(client):
    found = client.get("/api/events", params={"actor": "North Atlantic Council", "text": "NAC"}).json()["events"]
    event = client.get(f"/api/events/{found[0]['id']}").json()
    marked = [s["evidence"]["text"][h["start"]:h["end"]] for s in event["sources"] for h in s["highlights"]]
    assert "NAC" in marked


@pytest.mark.parametrize("date_text", ["3 March 2021"])
def test_api_hostile_sentence_is_returned_verbatim_as_json(client, date_text):
    found = client.get("/api/events", params={"source": HOSTILE_SOURCE}).json()["events"]
    event = next(e for e in found if e["date"]["text"] == date_text)
    response = client.get(f"/api/events/{event['id']}")
    assert response.headers["content-type"].startswith("application/json")
    sentence = response.json()["sources"][0]["evidence"]["text"]
    assert "<script>window.__pwned = 1</script>" in sentence


# ---------------------------------------------------------------- actors, documents, types, timeline


def test_api_actors_list_and_alias_lookup(client):
    everyone = client.get("/api/actors").json()["actors"]
    assert everyone[0]["name"] == "Azerbaijan" and everyone[0]["events"] > 50
    nac = client.get("/api/actors", params={"name": "nac"}).json()["actors"]
    assert [a["name"] for a in nac] == ["North Atlantic Council"] and "NAC" in nac[0]["aliases"]
    assert client.get("/api/actors", params={"name": "No One"}).json() == {"actors": []}


def test_api_documents_list_and_text(client, corpus):
    documents = client.get("/api/documents").json()["documents"]
    assert [d["source"] for d in documents] == [d["source"] for d in corpus.documents()]
    hostile = client.get(f"/api/documents/{HOSTILE_SOURCE}").json()
    assert hostile["text"].startswith("<img") and hostile["events"] >= 1
    example = documents[0]
    text = client.get(f"/api/documents/{example['source'].lstrip('/')}" if not example["source"].startswith("/")
                      else f"/api/documents/{example['source']}").json()["text"]
    event = client.get("/api/events", params={"limit": 1}).json()["events"][0]
    evidence = event["evidence"]
    assert text[evidence["start"]:evidence["end"]] == evidence["text"]


def test_api_types_count_every_type(client, corpus):
    types = client.get("/api/types").json()["types"]
    assert sum(t["events"] for t in types) == corpus.counts()["events"]
    assert {t["type"] for t in types} >= {"visit", "membership"}


def test_api_timeline_has_one_lane_per_actor(client, corpus):
    response = client.get("/api/timeline", params={"actor": ["Azerbaijan", "NATO"], "type": "membership"})
    assert response.status_code == 200
    data = response.json()
    assert [lane["actor"]["name"] for lane in data["lanes"]] == ["Azerbaijan", "NATO"]
    for lane in data["lanes"]:
        assert lane["items"] and all(item["type"] == "membership" for item in lane["items"])
        expected = corpus.events(Query(actors=(lane["actor"]["name"],), types=("membership",), limit=1000))["events"]
        assert len(lane["items"]) + lane["undated"] == len(expected)
    assert data["years"][0] <= data["years"][1]


@pytest.mark.parametrize(
    "value, start, end, precision, open_end",
    [
        ("1997-02-13", "1997-02-13", None, "day", None),
        ("1997-11", "1997-11-01", None, "month", None),
        ("2004", "2004-01-01", None, "year", None),
        ("1999/2008", "1999-01-01", "2008-12-31", "span", None),
        ("2009-02/..", "2009-02-01", None, "span", "end"),
        ("../2008-05", "2008-05-31", None, "span", "start"),
        ("XXXX-11-06", None, None, None, None),
    ],
)
def test_api_timeline_item_points_and_bars(value, start, end, precision, open_end):
    from annals.api.present import timeline_item

    item = timeline_item({"id": "x", "type": "visit", "date": {"value": value, "text": value},
                          "evidence": {"text": "A sentence.", "start": 0, "end": 11}})
    if start is None:
        assert item is None
        return
    assert (item["start"], item["end"], item["precision"], item["open"]) == (start, end, precision, open_end)


def test_api_timeline_lane_limit_cuts_short(client):
    data = client.get("/api/timeline", params={"actor": "Azerbaijan", "limit": 5}).json()
    assert len(data["lanes"][0]["items"]) == 5 and data["lanes"][0]["truncated"] is True


# ---------------------------------------------------------------- exports

needs_exports = pytest.mark.skipif(exports_available() is None,
                                   reason="annals.export has no streaming exports in this tree")


@needs_exports
@pytest.mark.parametrize("format, start", [("csv", b"id,"), ("jsonl", b"{"), ("ics", b"BEGIN:VCALENDAR")])
def test_api_export_streams_the_filtered_events(client, format, start):
    response = client.get("/api/export", params={"format": format, "actor": "Azerbaijan", "type": "visit"})
    assert response.status_code == 200, response.text
    assert response.content.startswith(start)
    assert f"chronology.{format}" in response.headers["content-disposition"]


@needs_exports
@pytest.mark.parametrize("params", [{}, {"format": "nope"}, {"format": "csv", "since": "soon"},
                                    {"format": "csv", "type": "bogus"}])
def test_api_export_bad_requests_are_4xx_json(client, params):
    assert_error(client.get("/api/export", params=params), (400, 422))


# ---------------------------------------------------------------- writes


def test_api_read_only_server_refuses_writes(client):
    assert_error(client.post("/api/documents", content=b"text", headers={"Authorization": f"Bearer {TOKEN}"}), 405)
    assert "post" not in json.dumps(client.get("/openapi.json").json()["paths"].get("/api/documents", {})).lower()


def test_api_writes_need_a_token():
    with pytest.raises(UsageError):
        create_app(None, allow_writes=True, token=None)


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic czNjcmV0LXRva2Vu", f"Bearer {TOKEN}x", "Bearer"])
def test_api_post_without_the_token_is_401(writer, header):
    headers = {"Authorization": header} if header else {}
    error = assert_error(writer.post("/api/documents", params={"name": "n.txt"}, content=b"x", headers=headers), 401)
    assert error["code"] == "unauthorized"


NEWS = "Georgia joined the Partnership for Peace on 23 March 1994.\n\nArmenia joined it on 5 October 1994.\n"


def test_api_post_text_adds_a_document_once(writer):
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain; charset=utf-8"}
    first = writer.post("/api/documents", params={"name": "caucasus.txt"}, content=NEWS.encode(), headers=auth)
    assert first.status_code == 201, first.text
    assert first.json()["status"] == "added" and first.json()["events_new"] + first.json()["events_merged"] >= 2
    again = writer.post("/api/documents", params={"name": "caucasus.txt"}, content=NEWS.encode(), headers=auth)
    assert again.status_code == 200 and again.json()["status"] == "unchanged"
    found = writer.get("/api/events", params={"source": "caucasus.txt"}).json()["events"]
    assert {e["date"]["value"] for e in found} >= {"1994-03-23", "1994-10-05"}


def test_api_post_file_upload_takes_the_file_name(writer):
    response = writer.post("/api/documents", files={"file": ("upload.txt", NEWS.encode(), "text/plain")},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201, response.text
    assert response.json()["source"] == "upload.txt"
    assert "upload.txt" in [d["source"] for d in writer.get("/api/documents").json()["documents"]]


@pytest.mark.parametrize(
    "kwargs, status",
    [
        ({"params": {"name": "big.txt"}, "content": b"a" * 200_001}, 413),
        ({"params": {"name": "big.txt"}, "content": iter([b"a" * 100_000] * 3)}, 413),
        ({"files": {"file": ("big.txt", b"a" * 250_000, "text/plain")}}, 413),
        ({"params": {"name": "empty.txt"}, "content": b"   "}, 400),
        ({"params": {"name": "binary.bin"}, "content": b"\x00\x01\x02" * 10}, 400),
        ({"params": {"name": "latin1.txt"}, "content": "caf\u00e9 in 1994".encode("latin-1")}, 400),
        ({"content": NEWS.encode()}, 422),
        ({"params": {"name": "bad\x00name"}, "content": NEWS.encode()}, 422),
        ({"params": {"name": "n.txt", "reader": "pdf"}, "content": NEWS.encode()}, 422),
        ({"params": {"name": "n.txt", "dct": "2020-02-31"}, "content": NEWS.encode()}, 400),
        ({"files": {"other": ("x.txt", NEWS.encode(), "text/plain")}}, 422),
    ],
)
def test_api_post_bad_bodies_are_4xx_json(writer, kwargs, status):
    response = writer.post("/api/documents", headers={"Authorization": f"Bearer {TOKEN}"}, **kwargs)
    assert_error(response, status)


# ---------------------------------------------------------------- pages and documents


def test_api_openapi_and_docs_are_served_locally(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/actors", "/api/documents", "/api/timeline"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()


@pytest.mark.parametrize("path", ["/", "/documents/hostile.txt"])
def test_api_pages_are_html_with_a_strict_policy(client, path):
    response = client.get(path)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "http://" not in response.text and "https://" not in response.text


def test_api_highlights_roles_and_keep_marks_apart():
    from annals.api.present import highlights

    sentence = "The Secretary General of NATO met Ilham Aliyev in Baku on 3 May 2004."
    marks = highlights(sentence, date_text="3 May 2004", names=[
        ("NATO", "NATO"), ("Javier Solana", "Secretary General of NATO"), ("Ilham Aliyev", "Ilham Aliyev"),
        ("Ilham Aliyev", "Aliyev")])
    assert [(sentence[m["start"]:m["end"]], m["kind"]) for m in marks] == [
        ("Secretary General of NATO", "actor"), ("Ilham Aliyev", "actor"), ("3 May 2004", "date")]


# ---------------------------------------------------------------- the command


@pytest.mark.parametrize(
    "args, token, message",
    [
        (["--db", "{tmp}/missing.db"], "", "no corpus at"),
        (["--db", "{corpus}", "--allow-writes"], "", "ANNALS_TOKEN"),
        (["--db", "{corpus}", "--port", "0"], "", "port"),
    ],
)
def test_api_serve_command_refuses_to_start(tmp_path, corpus_file, monkeypatch, args, token, message):
    from typer.testing import CliRunner

    from annals.cli import app

    monkeypatch.setenv("ANNALS_TOKEN", token)
    filled = [a.format(tmp=tmp_path, corpus=corpus_file) for a in args]
    result = CliRunner().invoke(app, ["serve", *filled])
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "missing.db").exists()
