"""`annals serve`: the HTTP API over the corpus (FastAPI) and the timeline page.

    app.py       create_app(corpus, *, allow_writes, token, max_body, allowed_hosts): routes, pages, docs
    routes.py    GET /api/events, /api/events/{id}, /api/actors, /api/documents[/{source}], /api/timeline
    writes.py    POST /api/documents (only with allow_writes, and the bearer token)
    present.py   marked sentences, timeline items, a document's text
    errors.py    every error as {"error": {"code", "message"}}
    limits.py    caps on the URL (414), headers (431) and body (413), answered in JSON
    hosts.py     the Host header must name this server (400 otherwise): no DNS rebinding
    server.py    serve(): uvicorn, with JSON answers to requests it cannot parse
"""
from annals.api.app import create_app
from annals.api.server import serve

__all__ = ["create_app", "serve"]
