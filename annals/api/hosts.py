"""The Host header must name this server: a web page that rebinds its own name to 127.0.0.1 cannot read the corpus.

    allowed_hosts("0.0.0.0", ["annals.lan"])  # -> ["127.0.0.1", "localhost", "::1", "0.0.0.0", "annals.lan"]

Names are compared without their port and case; "*" allows any. Starlette's TrustedHostMiddleware does the
same check but answers in plain text (and redirects to www.), so the check is made here, answered in JSON.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from annals.api.errors import error_response
from annals.errors import UsageError

__all__ = ["LOOPBACK", "HostCheck", "allowed_hosts", "host_name"]

LOOPBACK = ("127.0.0.1", "localhost", "::1")
_NAME = re.compile(r"[A-Za-z0-9._-]{1,253}")
_V6 = re.compile(r"[0-9A-Fa-f:.]{2,45}")
_PORT = re.compile(r":[0-9]{0,5}")


def host_name(value: str) -> str | None:
    """The lower-case name in a Host header's value (an IPv6 address without its brackets); None if malformed."""
    if value.startswith("["):
        host, bracket, port = value[1:].partition("]")
        valid = bool(bracket) and _V6.fullmatch(host) is not None
    else:
        host, colon, port = value.partition(":")
        port = colon + port
        valid = _NAME.fullmatch(host) is not None
    if not valid or (port and not _PORT.fullmatch(port)):
        return None
    return host.lower().rstrip(".") or None


def allowed_hosts(host: str, extra: Iterable[str] = ()) -> list[str]:
    """The names a server listening on `host` answers to: loopback, `host` itself and `extra`."""
    names: list[str] = []
    for name in (*LOOPBACK, host, *extra):
        if name == "*":
            return ["*"]
        shown = host_name(f"[{name}]" if ":" in name and not name.startswith("[") else name)
        if shown is None:
            raise UsageError(f"--allow-host {name!r} is not a host name or address")
        if shown not in names:
            names.append(shown)
    return names


class HostCheck:
    """ASGI middleware: a request whose Host header is not one of `hosts` gets 400 and a JSON error."""

    def __init__(self, app, *, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = frozenset(hosts)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or "*" in self.hosts:
            return await self.app(scope, receive, send)
        given = [value for name, value in scope.get("headers") or () if name == b"host"]
        name = host_name(given[0].decode("latin-1")) if len(given) == 1 else None
        if name not in self.hosts:
            message = ("the Host header does not name this server; start it with --allow-host NAME to answer "
                       "to another name")
            return await error_response(400, "invalid_host", message)(scope, receive, send)
        return await self.app(scope, receive, send)
