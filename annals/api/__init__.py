"""`annals serve`: the HTTP API over the corpus (FastAPI) and the timeline page.

    app.py       create_app(corpus, *, allow_writes, token, max_body): routes, pages, docs
    routes.py    GET /api/events, /api/events/{id}, /api/actors, /api/documents[/{source}], /api/timeline
    writes.py    POST /api/documents (only with allow_writes, and the bearer token)
    present.py   marked sentences, timeline items, a document's text
    errors.py    every error as {"error": {"code", "message"}}
    limits.py    the request body cap (413)
    server.py    serve(): uvicorn
"""
from annals.api.app import create_app
from annals.api.server import serve

__all__ = ["create_app", "serve"]
