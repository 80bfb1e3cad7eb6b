"""Documents from the web: `annals add https://...` next to files and folders.

    _page.py       Page (what an address gave, sent to be extracted), is_address, read_page
    _client.py     Fetcher: robots.txt, one request at a time per host, retries, size cap, redirects
    _cache.py      Cache: fetched bodies with their ETag and Last-Modified, for conditional requests
    _mediawiki.py  an article address of a MediaWiki site -> its wikitext through the site's API

Only adding uses this package: the extraction (read, segment, time, parse, events, resolve)
never fetches. httpx is imported when the first request is sent.
"""
from __future__ import annotations

from annals.fetch._cache import Cache, cache_folder
from annals.fetch._client import DEFAULT_DELAY, DEFAULT_TIMEOUT, Fetcher, user_agent
from annals.fetch._page import Page, is_address, read_page

__all__ = ["DEFAULT_DELAY", "DEFAULT_TIMEOUT", "Cache", "Fetcher", "Page", "cache_folder", "is_address",
           "read_page", "user_agent"]
