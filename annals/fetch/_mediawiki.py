"""Article addresses of MediaWiki sites, read through the site's API as wikitext.

    https://host/wiki/Some_title              -> https://host/w/api.php, then https://host/api.php
    https://host/w/index.php?title=Some_title -> https://host/w/api.php (beside index.php)
    ...&oldid=123                             -> that revision

The query asks for the revision's content and timestamp
(`action=query&prop=revisions&rvprop=content|timestamp&rvslots=main&format=json`);
both JSON shapes (formatversion 1 and 2) are read.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlencode, urlsplit, urlunsplit

__all__ = ["Article", "Revision", "article", "revision"]


@dataclass(frozen=True, slots=True)
class Article:
    """An article address: the API endpoints to try, in order, and the query to send them."""

    endpoints: tuple[str, ...]
    params: dict[str, str]

    def queries(self) -> list[str]:
        return [f"{endpoint}?{urlencode(self.params)}" for endpoint in self.endpoints]


@dataclass(frozen=True, slots=True)
class Revision:
    title: str
    content: str
    timestamp: str | None


def article(address: str) -> Article | None:
    """The API query for a MediaWiki article address, or None if `address` is not one."""
    parts = urlsplit(address)
    query = parse_qs(parts.query)
    title = None
    if parts.path.startswith("/wiki/") and len(parts.path) > len("/wiki/"):
        title = unquote(parts.path[len("/wiki/"):])
        endpoints = ("/w/api.php", "/api.php")
    elif parts.path.endswith("/index.php") and query.get("title"):
        title = query["title"][0]
        endpoints = (parts.path[: -len("index.php")] + "api.php",)
    if not title or not title.strip():
        return None
    params = {"action": "query", "prop": "revisions", "rvprop": "content|timestamp", "rvslots": "main",
              "format": "json", "formatversion": "2", "redirects": "1"}
    oldid = query.get("oldid", [""])[0]
    if oldid.isdigit():
        params["revids"] = oldid
    else:
        params["titles"] = title.replace("_", " ")
    base = (parts.scheme, parts.netloc)
    return Article(tuple(urlunsplit((*base, path, "", "")) for path in endpoints), params)


class NotMediaWiki(ValueError):
    """The endpoint did not answer as a MediaWiki API does."""


def revision(body: bytes) -> Revision | None:
    """The article's revision from an API answer; None if the wiki has no such article.

    NotMediaWiki if the answer is not the API's; ValueError with the API's own words for its errors.
    """
    try:
        answer = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise NotMediaWiki("not JSON") from None
    if not isinstance(answer, dict) or not ("query" in answer or "error" in answer):
        raise NotMediaWiki("no query in the answer")
    if "error" in answer:
        error = answer["error"] if isinstance(answer["error"], dict) else {}
        raise ValueError(f"the wiki's API says {error.get('code', 'error')}: {error.get('info', '')}".strip(": "))
    pages = answer["query"].get("pages") if isinstance(answer["query"], dict) else None
    pages = list(pages.values()) if isinstance(pages, dict) else pages
    if not pages or not isinstance(pages[0], dict):
        return None
    page = pages[0]
    revisions = page.get("revisions") or []
    if "missing" in page or "invalid" in page or not revisions:
        return None
    first = revisions[0]
    main = (first.get("slots") or {}).get("main") or first
    content = main.get("content", main.get("*"))
    if not isinstance(content, str):
        return None
    return Revision(str(page.get("title", "")), content, first.get("timestamp"))
