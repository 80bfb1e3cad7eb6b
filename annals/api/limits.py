"""A cap on request bodies: over it, 413 before the body is read (Content-Length) or as soon as it is (chunked)."""
from __future__ import annotations

from annals.api.errors import BodyTooLarge, error_response

__all__ = ["DEFAULT_MAX_BODY", "BodyLimit"]

DEFAULT_MAX_BODY = 5 * 1024 * 1024


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
