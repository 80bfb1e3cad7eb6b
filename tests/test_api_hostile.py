"""Hostile and careless requests to a real server: uvicorn on loopback, started as `annals serve` starts it (#14).

Crafted cursors, filters with no words, over-long URLs and headers, bad Content-Length, foreign Host headers,
and where a document's source is shown from. Raw sockets where a client library would correct the request.
"""
from __future__ import annotations

import base64
import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_api import HOSTILE_SOURCE, build_corpus

from annals.api.app import create_app
from annals.api.exports import available as exports_available
from annals.api.hosts import allowed_hosts
from annals.api.limits import MAX_COUNT, MAX_HEAD, MAX_HEADER, MAX_HEADERS, MAX_URL
from annals.api.server import server_options
from annals.errors import UsageError
from annals.query import decode_cursor, encode_cursor
from annals.store.corpus import Corpus

ANNALS = [sys.executable, "-m", "annals"]
EXTRA_HOST = "annals.test"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _uvicorn(app):
    """uvicorn with `annals serve`'s options, on a free loopback port, in a thread; yields the port."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           **server_options(log_level="critical", access_log=False)))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    with Corpus(build_corpus(tmp_path_factory.mktemp("hostile") / "corpus.db")) as opened:
        yield opened


@pytest.fixture(scope="module")
def port(corpus):
    app = create_app(corpus, allowed_hosts=allowed_hosts("127.0.0.1", [EXTRA_HOST]))
    with _uvicorn(app) as serving:
        yield serving


@pytest.fixture(scope="module")
def client(port):
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as opened:
        yield opened


def exchange(port: int, *chunks: bytes, pause: float = 0.0) -> tuple[int, dict[str, str], bytes]:
    """Send `chunks` as they are (waiting `pause` after each) and read the one response."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        for chunk in chunks:
            try:
                sock.sendall(chunk)
            except OSError:  # the server answered and closed before the rest was sent
                break
            time.sleep(pause)
        response = http.client.HTTPResponse(sock)
        response.begin()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()


def json_error(status: int, headers: dict[str, str], body: bytes, expected: int, code: str | None = None) -> dict:
    assert status == expected, (status, body[:300])
    assert headers["content-type"].startswith("application/json"), (headers, body[:300])
    error = json.loads(body)["error"]
    assert isinstance(error["message"], str) and error["message"]
    if code is not None:
        assert error["code"] == code, error
    return error


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _cursor(value) -> str:
    return _b64(json.dumps(value).encode())


# ---------------------------------------------------------------- cursors (item 7)

CRAFTED = [
    ["2000", 99999999999999999999999],
    ["2000", True],
    [None, True],
    ["2000-01-01", False],
    ["2000-01-01", 2**63],
    ["2000-01-01", -(2**70)],
    ["\ud800", 1],
    ["2000-01-01\ud800", 1],
    ["2000-01-01", 1.5],
    ["2000-01-01", 1e308],
    ["2000-01-01", 0],
    ["2000", 5],
    [["2000-01-01"], 5],
    [{"a": 1}, 5],
    ["2000-01-01", [5]],
    ["2000-01-01"],
    ["2000-01-01", 5, 6],
    [],
    {"date": "2000-01-01", "id": 5},
    "2000-01-01",
    None,
    5,
]
CRAFTED_RAW = [
    "zzz", "!!!!", "WyIy", _cursor(["2000-01-01", 5]) + "==", _cursor(["2000-01-01", 5]) + "A",
    _b64(b"\xff\xfe\x00\x01"), _b64(b"[" * 150), _b64(b'["2000-01-01", NaN]'), _b64(b'["2000-01-01", 5] x'),
    _b64('["2000-01-01", 5]'.encode("utf-16")), "A" * 200, "-_" * 60,
]


@pytest.mark.issue(14)
@pytest.mark.parametrize("cursor", [_cursor(v) for v in CRAFTED] + CRAFTED_RAW)
def test_api_hostile_crafted_cursor_is_400_json_and_keeps_the_connection(port, cursor):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        connection.request("GET", f"/api/events?limit=1&cursor={quote(cursor)}")
        response = connection.getresponse()
        body = response.read()
        headers = {k.lower(): v for k, v in response.getheaders()}
        assert json_error(response.status, headers, body, 400)["code"] == "E010"
        used = connection.sock
        connection.request("GET", "/api/events?limit=1")  # the same connection: not reset
        again = connection.getresponse()
        assert again.status == 200 and json.loads(again.read())["events"]
        assert connection.sock is used
    finally:
        connection.close()


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=8,
)
_DAYS = st.sampled_from(["2000-01-01", "0000-01-01", "9999-12-31", "2000", "2000-13-01", "2000-01-32", "２０００-01-01",
                         "\ud800", "2000-01-01\x00", "x" * 60])
_IDS = st.integers() | st.sampled_from([True, False, 2**63 - 1, 2**63, 10**22, -1, 0, 1.0, float("inf")])
CURSORS = st.one_of(
    st.text(max_size=260),
    st.binary(max_size=160).map(_b64),
    _JSON.map(_cursor),
    st.tuples(_DAYS | st.none() | _JSON, _IDS | _JSON).map(lambda pair: _cursor(list(pair))),
    st.lists(_DAYS | _IDS, max_size=5).map(_cursor),
    st.tuples(st.sampled_from([_cursor(["2004-05-06", 17]), _cursor([None, 3])]), st.text(max_size=3))
    .map("".join),
)


@pytest.mark.issue(14)
def test_api_hostile_fuzzed_cursors_never_fail_the_server(client):
    @settings(max_examples=400, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(cursor=CURSORS)
    def check(cursor):
        response = client.get("/api/events", params={"limit": 2, "cursor": cursor})
        assert response.status_code in (200, 400, 422), (cursor, response.status_code, response.text[:200])
        assert response.headers["content-type"].startswith("application/json")
        if response.status_code != 200:
            assert json_error(response.status_code, dict(response.headers), response.content, response.status_code)

    check()


@pytest.mark.issue(14)
def test_api_hostile_cursor_decoding_takes_only_its_own_cursors():
    @settings(max_examples=1000, deadline=None, derandomize=True, database=None)
    @given(cursor=CURSORS)
    def refused_or_canonical(cursor):
        try:
            day, event_id = decode_cursor(cursor)
        except UsageError:
            return
        assert day is None or (isinstance(day, str) and len(day) == 10)
        assert type(event_id) is int and 1 <= event_id < 2**63
        assert encode_cursor(day, event_id) == cursor

    @settings(max_examples=300, deadline=None, derandomize=True, database=None)
    @given(day=st.none() | st.dates().map(lambda d: d.isoformat()), event_id=st.integers(1, 2**63 - 1))
    def round_trip(day, event_id):
        assert decode_cursor(encode_cursor(day, event_id)) == (day, event_id)

    refused_or_canonical()
    round_trip()


# ---------------------------------------------------------------- filters with no words (item 14)

NO_WORDS = ["", "  ", "\x00", "\x00\x00", "\t\n", "\u200b", " \x00 \x7f "]
SEARCHES = [("/api/events", {}), ("/api/timeline", {"actor": "Azerbaijan"})]
if exports_available():
    SEARCHES.append(("/api/export", {"format": "jsonl"}))


@pytest.mark.issue(14)
@pytest.mark.parametrize("text", NO_WORDS)
@pytest.mark.parametrize("path, params", SEARCHES)
def test_api_hostile_text_without_words_is_400(client, path, params, text):
    response = client.get(path, params={**params, "text": text})
    error = json_error(response.status_code, dict(response.headers), response.content, 400, "E010")
    assert "text" in error["message"] and "--" not in error["message"]


@pytest.mark.issue(14)
@pytest.mark.parametrize("limit", ["0", "-1"])
def test_api_hostile_limit_below_one_is_422(client, limit):
    response = client.get("/api/events", params={"limit": limit})
    json_error(response.status_code, dict(response.headers), response.content, 422)


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*ANNALS, *args], capture_output=True, text=True, timeout=120, check=False, cwd=cwd)


@pytest.mark.issue(14)
@pytest.mark.parametrize(
    "args, option",
    [
        (["--limit", "0"], "--limit"),
        (["--limit", "-3"], "--limit"),
        (["--text", "  "], "--text"),
        (["--text", ""], "--text"),
        (["--text", "\t\x01\x7f"], "--text"),
        (["--text", "\u200b"], "--text"),
    ],
)
def test_api_hostile_cli_filters_without_value_are_one_line_errors(corpus, args, option):
    db = corpus.engine.url.database
    result = run("events", "--db", db, "--format", "json", *args)
    assert result.returncode == 2, (result.returncode, result.stdout[:200])
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("annals: ") and option in lines[0], result.stderr


@pytest.mark.issue(14)
@pytest.mark.parametrize("limit", [1, 7])
def test_api_hostile_cli_limit_gives_that_many(corpus, limit):
    result = run("events", "--db", corpus.engine.url.database, "--format", "json", "--limit", str(limit))
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["events"]) == limit


# ---------------------------------------------------------------- URL, headers, parser errors (item 15)


def _get(target: str, *headers: str, host: str = "127.0.0.1") -> bytes:
    lines = [f"GET {target} HTTP/1.1", f"Host: {host}", *headers, "Connection: close", "", ""]
    return "\r\n".join(lines).encode("latin-1")


@pytest.mark.issue(14)
@pytest.mark.parametrize(
    "request_bytes, status, code",
    [
        (_get("/api/events?text=" + "w" * (MAX_URL + 10)), 414, "uri_too_long"),
        (_get("/api/documents/" + "d" * (MAX_URL + 10)), 414, "uri_too_long"),
        (_get("/api/events", "X-Big: " + "b" * (MAX_HEADER + 10)), 431, "headers_too_large"),
        (_get("/api/events", *[f"X-Part-{i}: " + "p" * 7000 for i in range(MAX_HEADERS // 7000 + 1)]), 431,
         "headers_too_large"),
        (_get("/api/events", *[f"X-Many-{i}: m" for i in range(MAX_COUNT + 1)]), 431, "headers_too_large"),
    ],
    ids=["query", "path", "one-header", "all-headers", "header-count"],
)
def test_api_hostile_long_url_and_headers_are_json(port, request_bytes, status, code):
    json_error(*exchange(port, request_bytes), status, code)


@pytest.mark.issue(14)
@pytest.mark.parametrize("part", ["url", "header"])
def test_api_hostile_head_over_the_parser_limit_is_431_json(port, part):
    """A request line or header that is still arriving past MAX_HEAD bytes: uvicorn's parser gives up."""
    size = MAX_HEAD + 4096
    start = (b"GET /api/events?text=" + b"w" * size if part == "url"
             else b"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"b" * size)
    json_error(*exchange(port, start[: size // 2], start[size // 2:], pause=0.3), 431, "headers_too_large")


BAD_REQUESTS = {
    "content-length-word": "POST /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n",
    "content-length-negative": "POST /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n",
    "content-length-list": "POST /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1, 2\r\n\r\nab",
    "content-length-twice": "POST /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1\r\n"
                            "Content-Length: 2\r\n\r\nab",
    "content-length-hex": "POST /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0x10\r\n\r\n",
    "request-line": "GET\r\n\r\n",
    "binary": "\x00\x01\x02\x03\r\n\r\n",
    "header-line": "GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nNo colon here\r\n\r\n",
    "no-host": "GET /api/events HTTP/1.1\r\n\r\n",
    "space-in-target": "GET /api/events?text=a b HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
}


@pytest.mark.issue(14)
@pytest.mark.parametrize("name", list(BAD_REQUESTS))
def test_api_hostile_unparsable_requests_are_400_json(port, name):
    error = json_error(*exchange(port, BAD_REQUESTS[name].encode("latin-1")), 400, "bad_request")
    assert "Invalid HTTP request" not in error["message"]


# ---------------------------------------------------------------- Host header (item 16)


@pytest.mark.issue(14)
@pytest.mark.parametrize(
    "host",
    ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil.example", "[::2]:80", "10.0.0.1",
     "user@127.0.0.1", "127.0.0.1:80:80", "localhost/x", ""],
)
def test_api_hostile_foreign_host_is_400_json(port, host):
    json_error(*exchange(port, _get("/api/events?limit=1", host=host)), 400, "invalid_host")


@pytest.mark.issue(14)
def test_api_hostile_two_hosts_are_400_json(port):
    request = _get("/api/events?limit=1", "Host: evil.example")
    assert json_error(*exchange(port, request), 400)["code"] in ("invalid_host", "bad_request")


@pytest.mark.issue(14)
@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LocalHost", "[::1]:{port}", "127.0.0.1",
                                  EXTRA_HOST, f"{EXTRA_HOST}:{{port}}"])
def test_api_hostile_own_names_are_answered(port, host):
    status, _, body = exchange(port, _get("/api/events?limit=1", host=host.format(port=port)))
    assert status == 200 and json.loads(body)["events"]


@pytest.mark.issue(14)
@pytest.mark.parametrize(
    "host, extra, expected",
    [
        ("127.0.0.1", [], ["127.0.0.1", "localhost", "::1"]),
        ("0.0.0.0", ["Annals.LAN", "fe80::1", "[fe80::2]"], ["127.0.0.1", "localhost", "::1", "0.0.0.0", "annals.lan",
                                                            "fe80::1", "fe80::2"]),
        ("::", ["*"], ["*"]),
    ],
)
def test_api_hostile_allowed_hosts_are_loopback_host_and_extra(host, extra, expected):
    assert allowed_hosts(host, extra) == expected


@pytest.mark.issue(14)
def test_api_hostile_serve_refuses_a_bad_host_name(corpus):
    from typer.testing import CliRunner

    from annals.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", corpus.engine.url.database, "--allow-host", "evil host/"])
    assert result.exit_code == 2 and "--allow-host" in result.output


# ---------------------------------------------------------------- `annals serve` itself, from a folder


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory):
    """A folder outside the served one, which a link in it points into."""
    folder = tmp_path_factory.mktemp("elsewhere")
    (folder / "real.txt").write_text("Armenia joined the Partnership for Peace on 5 October 1994.\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def site(tmp_path_factory, elsewhere):
    """A folder the server runs in: a document stored under its absolute path (as the store names files), and
    one that `annals add` took through a symbolic link to a file elsewhere."""
    from annals.pipeline import extract
    from annals.read import read_bytes

    folder = tmp_path_factory.mktemp("site")
    (folder / "notes").mkdir()
    note = folder / "notes" / "caucasus.txt"
    note.write_text("Georgia joined the Partnership for Peace on 23 March 1994.\n", encoding="utf-8")
    with Corpus(build_corpus(folder / "corpus.db")) as opened:
        opened.add_document(extract(read_bytes(note.read_bytes(), source=str(note), reader="text")))
    (folder / "link.txt").symlink_to(elsewhere / "real.txt")
    added = run("add", "link.txt", "--db", "corpus.db", "--jobs", "1", cwd=folder)
    assert added.returncode == 0, added.stderr
    return folder


@pytest.fixture(scope="module")
def served(site):
    """`annals serve` in a real process, in the site folder; yields its port."""
    port = _free_port()
    log = site / "serve.log"
    with open(log, "wb") as output:
        process = subprocess.Popen([*ANNALS, "serve", "--db", "corpus.db", "--port", str(port), "--allow-host",
                                    EXTRA_HOST], cwd=site, stdout=output, stderr=subprocess.STDOUT,
                                   env={**os.environ, "ANNALS_TOKEN": ""})
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, log.read_text(errors="replace")
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.mark.issue(14)
def test_api_hostile_serve_command_checks_host_and_answers_json(served):
    json_error(*exchange(served, _get("/api/types", host="evil.example")), 400, "invalid_host")
    assert exchange(served, _get("/api/types", host=EXTRA_HOST))[0] == 200
    assert exchange(served, _get("/api/types", host=f"localhost:{served}"))[0] == 200
    json_error(*exchange(served, BAD_REQUESTS["content-length-word"].encode()), 400, "bad_request")
    json_error(*exchange(served, _get("/api/events?text=" + "w" * (MAX_URL + 10))), 414, "uri_too_long")


@pytest.mark.issue(14)
def test_api_hostile_documents_show_sources_without_the_serving_folder(served, site, elsewhere):
    with httpx.Client(base_url=f"http://127.0.0.1:{served}", timeout=30) as api:
        documents = api.get("/api/documents").json()["documents"]
        sources = [d["source"] for d in documents]
        assert {"notes/caucasus.txt", "link.txt", HOSTILE_SOURCE} <= set(sources)
        assert not any(str(site) in s or str(elsewhere) in s for s in sources)
        assert api.get("/api/documents/link.txt").json()["text"].startswith("Armenia joined")
        assert all(set(d) == {"source", "title", "sha256", "reader", "date", "added_at", "events"} for d in documents)
        text = api.get("/api/documents/notes/caucasus.txt")
        assert text.status_code == 200 and text.json()["source"] == "notes/caucasus.txt"
        assert text.json()["text"].startswith("Georgia joined")
        events = api.get("/api/events", params={"source": "notes/caucasus.txt"}).json()["events"]
        assert events and all(any(s["document"]["source"] == "notes/caucasus.txt" for s in e["sources"]) for e in events)
        assert str(site) not in json.dumps(events)
        one = api.get(f"/api/events/{events[0]['id']}").json()
        assert str(site) not in json.dumps(one)
