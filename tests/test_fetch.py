"""Fetching addresses (annals/fetch) against a web site the tests serve on 127.0.0.1: no network, no mocks."""
from __future__ import annotations

import itertools
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import ROOT
from fetchserver import ARTICLE, WIKI_TITLE, Site

from annals import __version__
from annals.errors import UsageError
from annals.fetch import Fetcher, Page, cache_folder, is_address, read_page, user_agent
from annals.fetch._mediawiki import article


@pytest.fixture
def site():
    with Site() as served:
        yield served


@pytest.fixture
def fetcher(tmp_path):
    with Fetcher(contact="tests@example.invalid", cache=tmp_path / "cache", delay=0, backoff=0.01,
                 timeout=5) as made:
        yield made


@pytest.mark.parametrize(("value", "expected"), [
    ("https://example.org/a", True), ("http://127.0.0.1:8000/", True), ("ftp://host/x", True),
    ("docs/a.txt", False), ("/abs/https.txt", False), (Path("https://x"), False), ("C:\\docs\\a.txt", False),
])
def test_fetch_is_address(value, expected):
    assert is_address(value) is expected


@pytest.mark.parametrize(("address", "endpoints", "key", "value"), [
    ("https://w.example/wiki/Osmaria_and_Veltrania", ("https://w.example/w/api.php", "https://w.example/api.php"),
     "titles", "Osmaria and Veltrania"),
    ("https://w.example/wiki/Caf%C3%A9_Veldan#History", ("https://w.example/w/api.php", "https://w.example/api.php"),
     "titles", "Café Veldan"),
    ("https://w.example/w/index.php?title=Osmaria&oldid=4711", ("https://w.example/w/api.php",), "revids", "4711"),
    ("https://w.example/index.php?title=Osmaria", ("https://w.example/api.php",), "titles", "Osmaria"),
])
def test_fetch_mediawiki_article_addresses(address, endpoints, key, value):
    found = article(address)
    assert found is not None
    assert found.endpoints == endpoints
    assert found.params[key] == value
    assert found.params["rvprop"] == "content|timestamp" and found.params["rvslots"] == "main"


@pytest.mark.parametrize("address", ["https://w.example/news/1.html", "https://w.example/wiki/",
                                     "https://w.example/index.php?action=raw"])
def test_fetch_not_mediawiki_articles(address):
    assert article(address) is None


def test_fetch_html_page_named_by_its_address_with_its_date(site, fetcher):
    address = site.url + "/news/veltrania.html"
    page = fetcher.page(address)
    assert page.reason is None and page.reader == "html"
    doc = read_page(page)
    assert doc.source == address
    assert doc.title == "Veltrania joins the Northern Compact"
    assert doc.dct == "2019-06-14"  # the page's <meta name="date">
    assert "joined the Northern Compact on 12 June 2019" in doc.text
    assert "Contact the newsroom" not in doc.text  # trafilatura keeps the article, not the footer


def test_fetch_undated_page_takes_last_modified(site, fetcher):
    doc = read_page(fetcher.page(site.url + "/news/undated.html"))
    assert doc.dct == "2021-03-02"


def test_fetch_mediawiki_article_through_the_api(site, fetcher):
    address = site.url + "/wiki/" + WIKI_TITLE.replace(" ", "_")
    page = fetcher.page(address)
    assert page.reason is None and page.reader == "wikitext"
    doc = read_page(page)
    assert (doc.source, doc.title, doc.dct, doc.reader) == (address, WIKI_TITLE, "2022-11-08", "wikitext")
    assert "{{" not in doc.text and "Partnership Council" in doc.text
    (query,) = [path for path, _, _ in site.log if path.startswith("/w/api.php")]
    assert "rvprop=content%7Ctimestamp" in query and "titles=Osmaria+and+the+Northern+Compact" in query
    assert "/wiki/" + WIKI_TITLE.replace(" ", "_") not in site.hits  # the API, not the HTML page


def test_fetch_mediawiki_missing_article(site, fetcher):
    page = fetcher.page(site.url + "/wiki/No_such_page")
    assert page.reason == f"E001 {site.url}/wiki/No_such_page: no such article on {site.url[7:]}"


def test_fetch_wiki_without_api_is_read_as_a_page(fetcher):
    with Site(api=False) as bare:
        page = fetcher.page(bare.url + "/wiki/" + WIKI_TITLE.replace(" ", "_"))
        assert page.reason is None and page.reader == "html"
        assert "2 April 2001" in read_page(page).text
        assert bare.hits["/w/api.php"] == 1 and bare.hits["/api.php"] == 1


def test_fetch_user_agent_names_annals_its_version_and_the_contact(site, fetcher):
    fetcher.page(site.url + "/news/veltrania.html")
    agents = {headers["User-Agent"] for _, headers, _ in site.log}
    assert agents == {f"annals/{__version__} (+tests@example.invalid)"}


def test_fetch_contact_from_the_environment(monkeypatch):
    monkeypatch.setenv("ANNALS_CONTACT", "https://example.invalid/who")
    assert Fetcher(cache=False).user_agent == f"annals/{__version__} (+https://example.invalid/who)"
    monkeypatch.delenv("ANNALS_CONTACT")
    assert Fetcher(cache=False).user_agent == user_agent() == f"annals/{__version__}"


@pytest.mark.parametrize("contact", ["me\r\nX-Evil: 1", "naïve@example.org", " "])
def test_fetch_contact_must_be_one_printable_line(contact):
    with pytest.raises(UsageError):
        Fetcher(contact=contact, cache=False)


def test_fetch_robots_txt_is_read_once_and_obeyed(site, fetcher):
    refused = fetcher.page(site.url + "/private/secret.html")
    assert refused.reason == f"E007 {site.url}/private/secret.html: robots.txt of {site.url} does not allow annals " \
                             "to fetch it"
    assert fetcher.page(site.url + "/news/veltrania.html").reason is None
    assert site.hits["/robots.txt"] == 1 and site.hits["/private/secret.html"] == 0


def test_fetch_second_time_asks_only_whether_it_changed(site, tmp_path):
    address = site.url + "/news/veltrania.html"
    for _ in range(2):  # two runs: the cache is on disk
        with Fetcher(cache=tmp_path / "cache", delay=0) as fetcher:
            page = fetcher.page(address)
            assert page.reason is None and ARTICLE[:60] in page.text
    first, second = site.requests("/news/veltrania.html")
    assert "If-None-Match" not in first
    assert second["If-None-Match"] == '"v1"' and second["If-Modified-Since"] == "Fri, 14 Jun 2019 08:00:00 GMT"
    assert sorted(p.suffix for p in (tmp_path / "cache").iterdir()) == [".body", ".json"]


def test_fetch_without_a_cache_asks_for_everything(site):
    with Fetcher(cache=False, delay=0) as fetcher:
        fetcher.page(site.url + "/news/veltrania.html")
        fetcher.page(site.url + "/news/veltrania.html")
    assert all("If-None-Match" not in headers for headers in site.requests("/news/veltrania.html"))


def test_fetch_a_damaged_cache_entry_is_no_entry(site, tmp_path):
    address = site.url + "/news/veltrania.html"
    with Fetcher(cache=tmp_path, delay=0) as fetcher:
        fetcher.page(address)
    (body,) = tmp_path.glob("*.body")
    body.write_bytes(b"<p>half")
    with Fetcher(cache=tmp_path, delay=0) as fetcher:
        assert ARTICLE[:60] in fetcher.page(address).text
    assert "If-None-Match" not in site.requests("/news/veltrania.html")[1]


def test_fetch_waits_between_requests_to_one_host(site, tmp_path):
    with Fetcher(cache=False, delay=0.4) as fetcher:
        for name in ("veltrania", "undated", "veltrania"):
            fetcher.page(f"{site.url}/news/{name}.html")
    times = [when for _, _, when in site.log]
    assert len(times) == 4  # robots.txt and three pages
    assert all(b - a >= 0.39 for a, b in itertools.pairwise(times))


def test_fetch_one_request_at_a_time_per_host_across_threads(site):
    import threading

    with Fetcher(cache=False, delay=0.3) as fetcher:
        threads = [threading.Thread(target=fetcher.page, args=(f"{site.url}/news/{name}.html",))
                   for name in ("veltrania", "undated", "veltrania", "undated")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    times = sorted(when for _, _, when in site.log)
    assert len(times) == 5
    assert all(b - a >= 0.29 for a, b in itertools.pairwise(times))


def test_fetch_crawl_delay_of_robots_txt_is_kept(tmp_path):
    with Site(robots="User-agent: annals\nCrawl-delay: 1\nDisallow:\n") as slow_site, \
            Fetcher(cache=False, delay=0) as fetcher:
        for name in ("veltrania", "undated"):
            assert fetcher.page(f"{slow_site.url}/news/{name}.html").reason is None
        page_times = [when for path, _, when in slow_site.log if path.startswith("/news/")]
    assert page_times[1] - page_times[0] >= 0.99


def test_fetch_429_waits_for_retry_after_then_gets_the_page(site, fetcher):
    started = time.monotonic()
    page = fetcher.page(site.url + "/busy.html")
    assert page.reason is None and site.hits["/busy.html"] == 2
    first, second = [when for path, _, when in site.log if path == "/busy.html"]
    assert second - first >= 0.95 and time.monotonic() - started < 5


def test_fetch_503_is_tried_again_with_backoff(site, fetcher):
    assert fetcher.page(site.url + "/flaky.html").reason is None
    assert site.hits["/flaky.html"] == 2


@pytest.mark.parametrize(("path", "reason"), [
    ("/broken.html", "E007 {url}/broken.html: HTTP 500 after 4 tries"),
    ("/patient.html", ("E007 {url}/patient.html: HTTP 429, and the server asks to wait 3600 s (annals waits at most "
                      "120 s)")),
    ("/gone.html", "E001 {url}/gone.html: HTTP 404 (not found)"),
    ("/picture.png", "E007 {url}/picture.png: is image/png, not an HTML page or wikitext"),
    ("/loop.html", "E007 {url}/loop.html: redirects more than 5 times"),
    ("/to-ftp.html", "E007 {url}/to-ftp.html: redirects to a ftp: address; only http and https are fetched"),
])
def test_fetch_failures_are_one_line(site, fetcher, path, reason):
    page = fetcher.page(site.url + path)
    assert page.reason == reason.format(url=site.url)
    assert page.text == "" and "\n" not in page.reason


def test_fetch_server_that_never_retries_after_is_not_hammered(site, fetcher):
    fetcher.page(site.url + "/broken.html")
    assert site.hits["/broken.html"] == 4  # the first try and three more


def test_fetch_redirect_is_followed_and_named_by_the_address_given(site, fetcher):
    address = site.url + "/moved.html"
    doc = read_page(fetcher.page(address))
    assert doc.source == address and "Veltrania joined" in doc.text
    assert site.hits["/news/veltrania.html"] == 1


@pytest.mark.parametrize("path", ["/big.html", "/big-stream.html"])
def test_fetch_body_over_the_cap_is_refused(site, tmp_path, path):
    with Fetcher(cache=tmp_path, delay=0, max_bytes=50_000) as fetcher:
        page = fetcher.page(site.url + path)
    assert page.reason == f"E006 {site.url}{path}: " + (
        "is 200,007 bytes, over the 50,000 bytes limit (set ANNALS_MAX_BYTES to raise it)" if path == "/big.html"
        else "is over the 50,000 bytes limit (set ANNALS_MAX_BYTES to raise it)")
    assert list(tmp_path.iterdir()) == []  # nothing kept


def test_fetch_slow_server_times_out(site, tmp_path):
    with Fetcher(cache=False, delay=0, timeout=0.5) as fetcher:
        started = time.monotonic()
        page = fetcher.page(site.url + "/slow.html")
    assert page.reason == f"E007 {site.url}/slow.html: timed out after 0.5 s"
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize(("address", "reason"), [
    ("ftp://127.0.0.1/a.html", "E007 ftp://127.0.0.1/a.html: is a ftp: address; only http and https are fetched"),
    ("http:///a.html", "E007 http:///a.html: is not a valid address (no host)"),
    ("http://127.0.0.1:99999/a.html", ("E007 http://127.0.0.1:99999/a.html: is not a valid address (Port out of range "
                                      "0-65535)")),
])
def test_fetch_bad_addresses(fetcher, address, reason):
    assert fetcher.page(address).reason == reason


def test_fetch_unreachable_host(fetcher):
    import socket

    with socket.socket() as closed:  # a port nobody listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    page = fetcher.page(f"http://127.0.0.1:{port}/a.html")
    assert page.reason.startswith(f"E007 http://127.0.0.1:{port}/a.html: cannot be reached (")
    assert "\n" not in page.reason


def test_fetch_failed_page_reads_as_its_reason():
    from annals.scale.work import extract_file

    item = extract_file(Page("https://x.invalid/a", reason="E007 https://x.invalid/a: HTTP 500"),
                        source="https://x.invalid/a")
    assert (item.doc, item.reason) == (None, "E007 https://x.invalid/a: HTTP 500")


@pytest.mark.parametrize(("db", "env", "expected"), [
    ("corpus/annals.db", {}, "{tmp}/corpus/.annals-cache"),
    ("postgresql://u@h/annals", {"XDG_CACHE_HOME": "xdg"}, "xdg/annals/fetch"),
    ("corpus/annals.db", {"ANNALS_CACHE": "mine"}, "mine"),
])
def test_fetch_cache_folder(monkeypatch, tmp_path, db, env, expected):
    monkeypatch.chdir(tmp_path)
    for name in ("ANNALS_CACHE", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert cache_folder(db) == Path(expected.format(tmp=tmp_path))


def test_fetch_httpx_is_imported_only_to_fetch():
    code = "import sys, annals.fetch, annals.store.adding, annals.cli; print('httpx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("part", ["read", "segment.py", "time", "parse.py", "events", "resolve", "pipeline.py"])
def test_fetch_extraction_never_fetches(part):
    files = [ROOT / "annals" / part] if part.endswith(".py") else sorted((ROOT / "annals" / part).rglob("*.py"))
    assert files
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert "annals.fetch" not in text and "httpx" not in text, file


@pytest.mark.parametrize(("body", "content_type", "expected"), [
    ("<p>Zürich</p>".encode("cp1252"), "text/html; charset=windows-1252", "<p>Zürich</p>"),
    ('<meta charset="iso-8859-1"><p>Zürich</p>'.encode("latin-1"), "text/html", '<meta charset="iso-8859-1"><p>Zürich</p>'),
    ("<p>Zürich</p>".encode(), "text/html", "<p>Zürich</p>"),
    ("<p>Zürich</p>".encode("cp1252"), "text/html", "<p>Zürich</p>"),  # no charset, not UTF-8: what browsers assume
    ("<p>Zürich</p>".encode(), "text/html; charset=no-such-charset", "<p>Zürich</p>"),
])
def test_fetch_page_text_in_its_charset(body, content_type, expected):
    from annals.fetch._client import _text

    assert _text(body, content_type) == expected


@pytest.mark.parametrize(("value", "low", "high"), [
    ("7", 7, 7), (None, None, None), ("soon", None, None), ("Wed, 21 Oct 2015 07:28:00 GMT", 0, 0),
])
def test_fetch_retry_after_in_seconds_or_as_a_date(value, low, high):
    from annals.fetch._client import _retry_after

    wait = _retry_after(value)
    assert (wait is None) is (low is None)
    if wait is not None:
        assert low <= wait <= high


def test_fetch_retry_after_a_future_date():
    from email.utils import format_datetime

    from annals.fetch._client import _retry_after

    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 25 <= _retry_after(later) <= 30
