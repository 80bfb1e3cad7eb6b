"""Fetching addresses politely: one request at a time per host, robots.txt, retries, a size cap, a cache.

    Fetcher(contact="me@example.org").page("https://example.org/news/1.html")  -> Page

Every request names annals, its version and the contact (`--contact` or ANNALS_CONTACT) in its
User-Agent. Before an address (and each address it redirects to) is fetched, its site's
robots.txt is read (once per run) and obeyed, with its Crawl-delay; a robots.txt that is missing
(4xx) allows everything, one that cannot be fetched refuses the address. Requests to one host
wait for each other and leave `delay` seconds between them. A 429 or a 5xx is tried again
`retries` times, after the server's Retry-After (seconds or a date) or else 1, 2, 4... seconds;
a server asking for more than `max_wait` seconds is not waited for. Redirects are followed up to
`max_redirects` hops, to http and https only. A body over `max_bytes` (ANNALS_MAX_BYTES, 20 MB)
is refused as it arrives, whatever Content-Length said. Each phase of a request times out after
`timeout` seconds and a whole body after four times that.

What was fetched is kept in a Cache with its ETag and Last-Modified: fetching the same URL
again sends If-None-Match / If-Modified-Since, and a 304 reuses the kept body.

A MediaWiki article address (annals/fetch/_mediawiki.py) is read through the site's API as
wikitext, its date the revision's timestamp; robots.txt is checked for the article's address,
the API being the site's way of serving it to programs. A site without the API is fetched as
an HTML page.

Nothing here raises for an address: `page()` gives a Page with the one-line reason instead.
httpx is imported on the first request.
"""
from __future__ import annotations

import codecs
import email.utils
import os
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Self
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from annals.errors import AnnalsError, BinaryInput, FetchError, NotFound, TooLarge, UsageError
from annals.fetch._cache import Cache, Cached, cache_folder
from annals.fetch._mediawiki import Article, NotMediaWiki, article, revision
from annals.fetch._page import Page
from annals.read.source import max_bytes as default_max_bytes
from annals.store.sources import printable

__all__ = ["DEFAULT_DELAY", "DEFAULT_TIMEOUT", "Fetcher", "user_agent"]

DEFAULT_DELAY = 1.0
DEFAULT_TIMEOUT = 30.0
RETRIES = 3
MAX_WAIT = 120.0
MAX_REDIRECTS = 5
ROBOTS_BYTES = 512 * 1024
_MB = 1024 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_HTML = frozenset({"text/html", "application/xhtml+xml"})
_WIKITEXT = frozenset({"text/x-wiki"})
_ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
_ACCEPT_JSON = "application/json"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def user_agent(contact: str | None = None) -> str:
    """`annals/<version> (+contact)`; without a contact, `annals/<version>`."""
    from annals import __version__

    return f"annals/{__version__}" + (f" (+{contact})" if contact else "")


class _Failed(Exception):
    """Why an address gives nothing; becomes `kind(address, problem)`."""

    def __init__(self, problem: str, kind: type[AnnalsError] = FetchError, status: int | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.kind = kind
        self.status = status


@dataclass(slots=True)
class _Response:
    url: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


class Fetcher:
    """Fetches addresses as Pages, one at a time per host; close it (or use `with`) when done."""

    def __init__(
        self, *, contact: str | None = None, cache: str | os.PathLike | bool = True, delay: float = DEFAULT_DELAY,
        timeout: float = DEFAULT_TIMEOUT, retries: int = RETRIES, max_wait: float = MAX_WAIT,
        max_bytes: int | None = None, max_redirects: int = MAX_REDIRECTS, backoff: float = 1.0,
    ) -> None:
        contact = contact if contact is not None else os.environ.get("ANNALS_CONTACT") or None
        if contact is not None and not re.fullmatch(r"[\x21-\x7e][\x20-\x7e]*", contact.strip()):
            raise UsageError("--contact must be one line of printable ASCII: an e-mail address or a URL")
        if delay < 0 or timeout <= 0:
            raise UsageError("--delay must be 0 or more and --timeout more than 0 seconds")
        self.user_agent = user_agent(contact.strip() if contact else None)
        if cache is True:
            cache = cache_folder()
        self.cache = Cache(cache) if cache is not False else None
        self.delay = delay
        self.timeout = timeout
        self.retries = retries
        self.max_wait = max_wait
        self.max_bytes = default_max_bytes() if max_bytes is None else max_bytes
        self.max_redirects = max_redirects
        self.backoff = backoff
        self._client = None
        self._robots: dict[str, RobotFileParser] = {}
        self._endpoints: dict[str, str] = {}  # a wiki's origin -> the API endpoint that answered
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._guard = threading.Lock()

    # ------------------------------------------------------------------ public
    def page(self, address: str) -> Page:
        """The Page at `address`, or a Page whose `reason` says in one line why there is none."""
        try:
            return self._page(address)
        except _Failed as failed:
            return Page(address, reason=str(failed.kind(printable(address), failed.problem)))

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ pages
    def _page(self, address: str) -> Page:
        url = _checked(address)
        self._allowed(url)
        wiki = article(url)
        if wiki is not None:
            found = self._wiki(address, wiki)
            if found is not None:
                return found
        return self._html(address, self._get(url, accept=_ACCEPT_HTML))

    def _wiki(self, address: str, wiki: Article) -> Page | None:
        """The article through the wiki's API; None if no endpoint answers as MediaWiki's API does."""
        origin = _origin(address)
        queries = wiki.queries()
        known = self._endpoints.get(origin)
        if known is not None:
            queries = [q for q in queries if q.startswith(known + "?")] or queries
        for query in queries:
            try:
                response = self._get(query, accept=_ACCEPT_JSON, robots=False)
                found = revision(response.body)
            except _Failed as failed:
                if failed.status in (400, 403, 404, 405, 410, 501):
                    continue
                raise
            except NotMediaWiki:
                continue
            except ValueError as exc:
                raise _Failed(str(exc)) from None
            self._endpoints[origin] = query.split("?", 1)[0]
            if found is None:
                raise _Failed(f"no such article on {urlsplit(address).netloc}", NotFound)
            day = found.timestamp[:10] if found.timestamp and _DAY.match(found.timestamp) else None
            return Page(address, text=found.content, data=found.content.encode("utf-8"), reader="wikitext",
                        title=found.title, dct=day)
        return None

    def _html(self, address: str, response: _Response) -> Page:
        mime = response.content_type.split(";", 1)[0].strip().lower()
        text = _text(response.body, response.content_type)
        if mime in _HTML:
            reader = "html"
        elif mime in _WIKITEXT:
            reader = "wikitext"
        elif not mime:
            from annals.read import choose_reader

            reader = choose_reader(text)
            if reader == "text":
                raise _Failed("is neither an HTML page nor wikitext (no Content-Type, and none of their markup)")
        else:
            raise _Failed(f"is {mime}, not an HTML page or wikitext")
        if "\x00" in text:
            raise _Failed("is a binary file, not text (a NUL character)", BinaryInput)
        return Page(address, text=text, data=response.body, reader=reader,
                    modified=_http_day(response.headers.get("last-modified")))

    # ------------------------------------------------------------------ requests
    def _get(self, url: str, *, accept: str, robots: bool = True) -> _Response:
        """A 2xx answer for `url` (a 304 answered from the cache), following redirects; _Failed otherwise."""
        for hop in range(self.max_redirects + 1):
            if hop and robots:
                self._allowed(url)
            kept = self.cache.get(url) if self.cache is not None else None
            headers = {"Accept": accept}
            if kept is not None and kept.etag:
                headers["If-None-Match"] = kept.etag
            if kept is not None and kept.last_modified:
                headers["If-Modified-Since"] = kept.last_modified
            response = self._send(url, headers)
            if response.status in _REDIRECTS:
                location = response.headers.get("location")
                if not location:
                    raise _Failed(f"HTTP {response.status} without a Location to go to", status=response.status)
                url = _checked(urljoin(url, location.strip()), redirect=True)
                continue
            if response.status == 304 and kept is not None:
                return _Response(url, 200, {"content-type": kept.content_type or "",
                                            "last-modified": kept.last_modified or ""}, kept.body)
            if 200 <= response.status < 300 and response.status != 204:
                if self.cache is not None:
                    self.cache.put(Cached(url, response.body, etag=response.headers.get("etag"),
                                          last_modified=response.headers.get("last-modified"),
                                          content_type=response.content_type))
                return response
            kind = NotFound if response.status in (404, 410) else FetchError
            raise _Failed(f"HTTP {response.status}" + (" (not found)" if kind is NotFound else ""), kind,
                          status=response.status)
        raise _Failed(f"redirects more than {self.max_redirects} times")

    def _send(self, url: str, headers: dict[str, str], *, limit: int | None = None) -> _Response:
        """One answer for `url` after the host's turn, tried again on 429 and 5xx."""
        host = urlsplit(url).netloc.lower()
        attempt = 0
        while True:
            with self._lock(host):
                self._pace(host)
                try:
                    response = self._request(url, headers, limit=self.max_bytes if limit is None else limit)
                finally:
                    self._last[host] = time.monotonic()
            if response.status != 429 and not 500 <= response.status < 600:
                return response
            if attempt == self.retries:
                raise _Failed(f"HTTP {response.status} after {attempt + 1} tries", status=response.status)
            wait = _retry_after(response.headers.get("retry-after"))
            if wait is None:
                wait = self.backoff * 2 ** attempt
            if wait > self.max_wait:
                raise _Failed(f"HTTP {response.status}, and the server asks to wait {wait:.0f} s "
                              f"(annals waits at most {self.max_wait:g} s)", status=response.status)
            time.sleep(wait)
            attempt += 1

    def _request(self, url: str, headers: dict[str, str], *, limit: int) -> _Response:
        import httpx

        if self._client is None:
            self._client = httpx.Client(headers={"User-Agent": self.user_agent}, timeout=self.timeout,
                                        follow_redirects=False)
        deadline = time.monotonic() + 4 * self.timeout
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                answer = _Response(url, response.status_code, {k.lower(): v for k, v in response.headers.items()})
                if not 200 <= response.status_code < 300:
                    return answer
                length = answer.headers.get("content-length", "")
                if length.isdigit() and int(length) > limit:
                    raise _Failed(f"is {_size(int(length))}, over the {_size(limit)} limit"
                                  " (set ANNALS_MAX_BYTES to raise it)", TooLarge)
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise _Failed(f"is over the {_size(limit)} limit (set ANNALS_MAX_BYTES to raise it)",
                                      TooLarge)
                    if time.monotonic() > deadline:
                        raise _Failed(f"took more than {4 * self.timeout:g} s to arrive")
                    chunks.append(chunk)
                answer.body = b"".join(chunks)
                return answer
        except httpx.TimeoutException:
            raise _Failed(f"timed out after {self.timeout:g} s") from None
        except httpx.ConnectError as exc:
            raise _Failed(f"cannot be reached ({_first_line(exc)})") from None
        except httpx.HTTPError as exc:
            raise _Failed(f"cannot be fetched ({_first_line(exc)})") from None
        except (httpx.InvalidURL, ValueError, UnicodeError) as exc:
            raise _Failed(f"is not a valid address ({_first_line(exc)})") from None

    def _lock(self, host: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(host, threading.Lock())

    def _pace(self, host: str) -> None:
        """Wait until `delay` (or the site's Crawl-delay) has passed since the host's last answer."""
        last = self._last.get(host)
        if last is None:
            return
        delay = self.delay
        robots = next((p for origin, p in self._robots.items() if urlsplit(origin).netloc.lower() == host), None)
        if robots is not None:
            delay = max(delay, min(float(robots.crawl_delay(self.user_agent) or 0), self.max_wait))
        wait = last + delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)

    # ------------------------------------------------------------------ robots.txt
    def _allowed(self, url: str) -> None:
        origin = _origin(url)
        with self._lock("robots.txt " + origin):  # read once, however many threads ask
            parser = self._robots.get(origin)
            if parser is None:
                parser = self._robots[origin] = self._read_robots(origin)
        if not parser.can_fetch(self.user_agent, url):
            raise _Failed(f"robots.txt of {origin} does not allow annals to fetch it")

    def _read_robots(self, origin: str) -> RobotFileParser:
        parser = RobotFileParser(origin + "/robots.txt")
        url = origin + "/robots.txt"
        try:
            for _ in range(self.max_redirects + 1):
                response = self._send(url, {"Accept": "text/plain"}, limit=ROBOTS_BYTES)
                if response.status in _REDIRECTS and response.headers.get("location"):
                    url = _checked(urljoin(url, response.headers["location"].strip()), redirect=True)
                    continue
                break
            else:
                raise _Failed(f"redirects more than {self.max_redirects} times")
        except _Failed as failed:
            if failed.status is None and failed.kind is FetchError:
                raise  # the site cannot be reached, or timed out: said as for the address itself
            raise _Failed(f"its site's robots.txt cannot be read ({failed.problem})") from None
        if 400 <= response.status < 500:
            parser.allow_all = True  # no robots.txt: everything is allowed (RFC 9309)
        elif 200 <= response.status < 300:
            parser.parse(response.body.decode("utf-8", "replace").splitlines())
        else:
            raise _Failed(f"its site's robots.txt cannot be read (HTTP {response.status})")
        return parser


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _checked(address: str, *, redirect: bool = False) -> str:
    """`address` if it is an http or https URL with a host; _Failed otherwise."""
    try:
        parts = urlsplit(address)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        raise _Failed(f"is not a valid address ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        where = f"redirects to a {scheme}: address" if redirect else f"is a {scheme}: address"
        raise _Failed(f"{where}; only http and https are fetched")
    if not host:
        raise _Failed("is not a valid address (no host)")
    return address.split("#", 1)[0]


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _http_day(value: str | None) -> str | None:
    """The day (YYYY-MM-DD) of an HTTP date such as Last-Modified, or None."""
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _text(body: bytes, content_type: str) -> str:
    """A page's bytes as text: the charset its header or its <meta> names, else UTF-8, else Windows-1252."""
    named = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.IGNORECASE)
    found = named or _META_CHARSET.search(body[:4096])
    charset = found.group(1) if found is not None else None
    if isinstance(charset, bytes):
        charset = charset.decode("ascii", "replace")
    if charset:
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = None
    if charset:
        return body.decode(charset, "replace").removeprefix("\ufeff")
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError:
        return body.decode("cp1252", "replace")  # what browsers assume of a page that names no charset


def _size(size: int) -> str:
    return f"{size / _MB:.1f} MB" if size >= _MB else f"{size:,} bytes"


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
