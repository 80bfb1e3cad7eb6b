"""Run the application with uvicorn (what `annals serve` calls).

uvicorn parses each request with h11 before the application sees it; what h11 refuses (a malformed request
line or header, a bad or doubled Content-Length, a request line and headers over MAX_HEAD bytes) would get
uvicorn's plain-text "400 Invalid HTTP request received.". The protocol here answers those in the API's
JSON instead: 400 bad_request, or 431 headers_too_large.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable

from annals.api.app import create_app
from annals.api.hosts import allowed_hosts
from annals.api.limits import DEFAULT_MAX_BODY, MAX_HEAD

__all__ = ["json_errors_protocol", "open_corpus", "serve", "server_options"]

_PARSER_ERRORS = {  # status: (code, message)
    431: ("headers_too_large", f"the request line and headers are over the {MAX_HEAD:,}-byte limit"),
    400: ("bad_request", "the request is not valid HTTP/1.1 (a malformed line or header, or a bad Content-Length)"),
}


def open_corpus(db: str | None):
    """The corpus to serve; a SQLite file that does not exist yet is an error, not a new empty corpus."""
    from pathlib import Path

    from annals.errors import UsageError
    from annals.store.corpus import Corpus
    from annals.store.database import resolve_url

    url = resolve_url(db)
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///"):])
        if not path.is_file():
            raise UsageError(f"no corpus at {path}: add documents first (annals add FILE --db {path})")
    return Corpus(db)


def json_errors_protocol() -> type:
    """uvicorn's h11 protocol, answering the requests h11 cannot parse with a JSON error."""
    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol

    from annals.api.errors import error_response

    class JsonErrorsProtocol(H11Protocol):
        def send_400_response(self, msg: str) -> None:
            # Called while uvicorn handles h11's RemoteProtocolError, which says which status fits.
            failure = sys.exc_info()[1]
            hint = getattr(failure, "error_status_hint", 400) if isinstance(failure, h11.ProtocolError) else 400
            status = hint if hint in _PARSER_ERRORS else 400
            code, message = _PARSER_ERRORS[status]
            body = error_response(status, code, message).body
            headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                       (b"x-content-type-options", b"nosniff"), (b"connection", b"close")]
            for event in (h11.Response(status_code=status, headers=headers), h11.Data(data=body), h11.EndOfMessage()):
                self.transport.write(self.conn.send(event))
            self.transport.close()

    return JsonErrorsProtocol


def server_options(*, log_level: str = "info", access_log: bool = True) -> dict:
    """uvicorn's options for `serve` besides host and port (tests start uvicorn with the same)."""
    return {"log_level": log_level, "access_log": access_log, "server_header": False, "http": json_errors_protocol(),
            "h11_max_incomplete_event_size": MAX_HEAD}


def serve(db: str | None = None, *, host: str = "127.0.0.1", port: int = 8000, allow_writes: bool = False,
          max_body: int = DEFAULT_MAX_BODY, allow_hosts: Iterable[str] = (), log_level: str = "info",
          access_log: bool = True) -> None:
    """Serve the corpus at `db` until interrupted; writing needs ANNALS_TOKEN as well as `allow_writes`.

    Requests must name the server in their Host header: a loopback name, `host`, or one of `allow_hosts`.
    """
    import uvicorn

    names = allowed_hosts(host, allow_hosts)
    corpus = open_corpus(db)
    try:
        app = create_app(corpus, allow_writes=allow_writes, token=os.environ.get("ANNALS_TOKEN"), max_body=max_body,
                         allowed_hosts=names)
        uvicorn.run(app, host=host, port=port, **server_options(log_level=log_level, access_log=access_log))
    finally:
        corpus.close()
