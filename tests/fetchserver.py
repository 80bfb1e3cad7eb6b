"""A small web site on 127.0.0.1 for the fetching tests: invented pages, a fake MediaWiki API, and misbehaviour.

    /robots.txt                 disallows /private/ for every agent (or `robots`)
    /news/veltrania.html        an HTML article with a <meta name="date">, an ETag and Last-Modified (304 on a match)
    /news/undated.html          an article without a date in the page; Last-Modified only
    /w/api.php                  the MediaWiki API: the wikitext of one invented article (ETag, 304 on a match)
    /wiki/...                   (with api=False) a MediaWiki-looking HTML page, the API missing
    /busy.html                  429 with Retry-After: 1, then the article
    /flaky.html                 503 without Retry-After, then the article
    /patient.html               429 asking for an hour
    /big.html, /big-stream.html 200,000 bytes, with and without Content-Length
    /slow.html                  the article after 3 s
    /moved.html, /loop.html, /to-ftp.html   redirects: to the article, to itself, out of http
    /picture.png, /empty.html, /gone.html, /private/secret.html, /broken.html (always 500)

Every request is logged (path, headers, time) in `server.log`; `server.hits` counts them by path.
The texts are written for these tests, about invented states.
"""
from __future__ import annotations

import json
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self
from urllib.parse import parse_qs, urlsplit

__all__ = ["ARTICLE", "WIKITEXT", "WIKI_TITLE", "Site"]

ARTICLE = """<!doctype html>
<html><head><title>Veltrania joins the Northern Compact</title>
<meta name="date" content="2019-06-14"></head>
<body><nav><a href="/">Home</a> <a href="/news/">News</a></nav>
<article><h1>Veltrania joins the Northern Compact</h1>
<p>Veltrania joined the Northern Compact on 12 June 2019, its foreign ministry said in Veldan.</p>
<p>The country applied for membership in March 2017 and signed an association agreement with the
Compact on 3 May 2018. Its president visited Osmaria on 20 January 2019 to ask for support.</p>
</article><footer>Contact the newsroom</footer></body></html>
"""

UNDATED = """<!doctype html>
<html><head><title>Talks in Veldan</title></head>
<body><article><h1>Talks in Veldan</h1>
<p>The foreign ministers of Veltrania and Osmaria met in Veldan and spoke about trade across their border.</p>
</article></body></html>
"""

EMPTY = "<!doctype html><html><head><title></title></head><body><div></div></body></html>"

WIKI_TITLE = "Osmaria and the Northern Compact"
WIKITEXT = """{{Infobox organisation membership
| country = Osmaria
| organisation = Northern Compact
}}
'''Osmaria and the Northern Compact''' have worked together since [[Osmaria]] joined the Compact's
Partnership Council on {{start date|2001|4|2}}.<ref>{{cite web |title=Council communiqué |date=2 April 2001}}</ref>

== History ==
Osmaria signed a cooperation framework with the Northern Compact on 19 September 2005. On 7 October 2011
Osmaria agreed an action plan with the Compact.
"""

WIKI_PAGE = f"""<!doctype html>
<html><head><title>{WIKI_TITLE} - Freewiki</title></head>
<body><div id="content"><h1 id="firstHeading">{WIKI_TITLE}</h1>
<div id="mw-content-text"><div class="mw-parser-output">
<p>Osmaria joined the Partnership Council of the Northern Compact on 2 April 2001.</p>
</div></div></div></body></html>
"""


def _api_answer(params: dict[str, list[str]]) -> dict:
    title = params.get("titles", [""])[0]
    if title.replace("_", " ") != WIKI_TITLE:
        return {"batchcomplete": True, "query": {"pages": [{"ns": 0, "title": title, "missing": True}]}}
    revision = {"revid": 4711, "timestamp": "2022-11-08T09:30:00Z",
                "slots": {"main": {"contentmodel": "wikitext", "contentformat": "text/x-wiki", "content": WIKITEXT}}}
    return {"batchcomplete": True, "query": {"pages": [{"pageid": 7, "ns": 0, "title": WIKI_TITLE,
                                                        "revisions": [revision]}]}}


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, *args) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes = b"", *, kind: str = "text/html; charset=utf-8", length: bool = True,
              **headers: str) -> None:
        self.send_response(status)
        if body or status == 200:
            self.send_header("Content-Type", kind)
        if length:
            self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _cached(self, body: bytes, etag: str, **headers: str) -> None:
        if self.headers.get("If-None-Match") == etag:
            self._send(304, ETag=etag)
        else:
            self._send(200, body, ETag=etag, **headers)

    def do_GET(self) -> None:
        site = self.server.site
        parts = urlsplit(self.path)
        path = parts.path
        with site.lock:
            site.hits[path] += 1
            hits = site.hits[path]
            site.log.append((self.path, dict(self.headers.items()), time.monotonic()))
        article = ARTICLE.encode("utf-8")
        if path == "/robots.txt":
            self._send(200, site.robots.encode("utf-8"), kind="text/plain")
        elif path in ("/news/veltrania.html", "/private/secret.html"):
            self._cached(article, '"v1"', Last_Modified="Fri, 14 Jun 2019 08:00:00 GMT")
        elif path == "/news/undated.html":
            self._send(200, UNDATED.encode("utf-8"), Last_Modified="Tue, 02 Mar 2021 10:00:00 GMT")
        elif path == "/w/api.php" and site.api:
            body = json.dumps(_api_answer(parse_qs(parts.query))).encode("utf-8")
            self._cached(body, '"w4711"', kind="application/json; charset=utf-8")
        elif path.startswith("/wiki/") and not site.api:
            self._send(200, WIKI_PAGE.encode("utf-8"))
        elif path == "/busy.html":
            self._send(429, b"slow down", Retry_After="1") if hits == 1 else self._send(200, article)
        elif path == "/flaky.html":
            self._send(503, b"try again") if hits == 1 else self._send(200, article)
        elif path == "/patient.html":
            self._send(429, b"come back later", Retry_After="3600")
        elif path == "/broken.html":
            self._send(500, b"broken")
        elif path == "/big.html":
            self._send(200, b"<p>" + b"x" * 200_000 + b"</p>")
        elif path == "/big-stream.html":
            self._send(200, b"", length=False)
            for _ in range(100):
                self.wfile.write(b"<p>" + b"y" * 2_000 + b"</p>")
        elif path == "/slow.html":
            time.sleep(3)
            self._send(200, article)
        elif path == "/moved.html":
            self._send(301, Location="/news/veltrania.html")
        elif path == "/loop.html":
            self._send(302, Location="/loop.html")
        elif path == "/to-ftp.html":
            self._send(302, Location="ftp://127.0.0.1/file.html")
        elif path == "/picture.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, kind="image/png")
        elif path == "/empty.html":
            self._send(200, EMPTY.encode("utf-8"))
        else:
            self._send(404, b"<p>no such page</p>")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: Site


class Site:
    """The site, served from a thread while the `with` block runs."""

    def __init__(self, *, api: bool = True, robots: str = "User-agent: *\nDisallow: /private/\n") -> None:
        self.api = api
        self.robots = robots
        self.hits: Counter[str] = Counter()
        self.log: list[tuple[str, dict[str, str], float]] = []
        self.lock = threading.Lock()
        self.server = _Server(("127.0.0.1", 0), _Handler)
        self.server.site = self
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, name="fetch-site", daemon=True)

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def requests(self, path: str) -> list[dict[str, str]]:
        """The headers of each request for `path` (its path without the query)."""
        return [headers for full, headers, _ in self.log if urlsplit(full).path == path]
