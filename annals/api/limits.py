"""Caps on what a request may be, each answered in JSON before the request is routed.

    the request line and headers over MAX_HEAD bytes   400 or 431, by the HTTP parser (server.py)
    the URL (path and query) over MAX_URL bytes        414 uri_too_long
    a header over MAX_HEADER bytes, or all of them
    over MAX_HEADERS bytes, or more than MAX_COUNT      431 headers_too_large
    the body over the limit                            413 payload_too_large: before it is read
                                                       (Content-Length) or as soon as it is (chunked)

The URL and header caps sit below the parser's, so that a request the parser accepts gets JSON.
"""
from __future__ import annotations

from annals.api.errors import BodyTooLarge, error_response

__all__ = ["DEFAULT_MAX_BODY", "MAX_COUNT", "MAX_HEAD", "MAX_HEADER", "MAX_HEADERS", "MAX_URL", "BodyLimit",
           "HeadLimit"]

DEFAULT_MAX_BODY = 5 * 1024 * 1024
MAX_URL = 16 * 1024
MAX_HEADER = 16 * 1024
MAX_HEADERS = 32 * 1024
MAX_COUNT = 100
MAX_HEAD = 64 * 1024


class HeadLimit:
    """ASGI middleware: refuses a URL over `url` bytes (414) and headers over their caps (431), in JSON."""

    def __init__(self, app, *, url: int = MAX_URL, header: int = MAX_HEADER, headers: int = MAX_HEADERS,
                 count: int = MAX_COUNT) -> None:
        self.app = app
        self.url = url
        self.header = header
        self.headers = headers
        self.count = count

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        target = len(scope.get("raw_path") or scope["path"].encode()) + len(scope.get("query_string") or b"")
        if target > self.url:
            message = f"the URL is over the {self.url:,}-byte limit"
            return await error_response(414, "uri_too_long", message)(scope, receive, send)
        sizes = [len(name) + len(value) for name, value in scope.get("headers") or ()]
        if len(sizes) > self.count or sum(sizes, 0) > self.headers or max(sizes, default=0) > self.header:
            message = (f"the headers are over the limits: {self.header:,} bytes each, {self.headers:,} bytes "
                       f"and {self.count} headers in all")
            return await error_response(431, "headers_too_large", message)(scope, receive, send)
        return await self.app(scope, receive, send)


class BodyLimit:
    """ASGI middleware: refuses bodies over `limit` bytes with 413 and a JSON error."""

    def __init__(self, app, *, limit: int = DEFAULT_MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            too_large = BodyTooLarge(self.limit)
            return await error_response(413, too_large.code, str(too_large.args[0]))(scope, receive, send)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        return await self.app(scope, counted, send)
