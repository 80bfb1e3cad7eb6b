"""Run the application with uvicorn (what `annals serve` calls)."""
from __future__ import annotations

import os

from annals.api.app import create_app
from annals.api.limits import DEFAULT_MAX_BODY

__all__ = ["open_corpus", "serve"]


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


def serve(db: str | None = None, *, host: str = "127.0.0.1", port: int = 8000, allow_writes: bool = False,
          max_body: int = DEFAULT_MAX_BODY, log_level: str = "info", access_log: bool = True) -> None:
    """Serve the corpus at `db` until interrupted; writing needs ANNALS_TOKEN as well as `allow_writes`."""
    import uvicorn

    corpus = open_corpus(db)
    try:
        app = create_app(corpus, allow_writes=allow_writes, token=os.environ.get("ANNALS_TOKEN"), max_body=max_body)
        uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=access_log, server_header=False)
    finally:
        corpus.close()
