"""GET /api/export?format=...: the filtered events streamed in one of annals' export formats.

Mounted only where annals.export offers `stream`. (No `from __future__ import annotations` here: the
route's parameters are annotated with values made when the router is.)
"""
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Request
from fastapi import Query as Param
from fastapi.responses import StreamingResponse

from annals.api.present import stored_names
from annals.api.routes import MAX_TEXT, _values, _words
from annals.api.schemas import Error
from annals.query import Query

__all__ = ["available", "make_router"]


def available() -> dict | None:
    """{name: Format} of the export formats, or None when this annals has no streaming exports."""
    try:
        from annals.export import stream  # noqa: F401
        from annals.export.registry import formats
    except ImportError:
        return None
    return formats()


def _locked(lock, chunks: Iterator[bytes]) -> Iterator[bytes]:
    """Each chunk made while holding the corpus lock (the corpus is read page by page as chunks are made)."""
    while True:
        with lock:
            chunk = next(chunks, None)
        if chunk is None:
            return
        yield chunk


def make_router(formats: dict) -> APIRouter:
    router = APIRouter(prefix="/api")
    media = {fmt.media_type: {"schema": {"type": "string", "format": "binary"}} for fmt in formats.values()}

    @router.get("/export", summary="The filtered events in an export format, streamed",
                responses={200: {"content": media, "description": "the export"}, 400: {"model": Error},
                           422: {"model": Error}})
    def export_events(
        request: Request,
        format: Annotated[str, Param(max_length=40, description=f"One of: {', '.join(formats)}.")],
        actors: Annotated[list[str], Param(alias="actor", description="An actor (repeatable).")] = [],  # noqa: B006
        types: Annotated[list[str], Param(alias="type", description="An event type (repeatable).")] = [],  # noqa: B006
        since: Annotated[str | None, Param(max_length=10)] = None,
        until: Annotated[str | None, Param(max_length=10)] = None,
        text: Annotated[str | None, Param(max_length=MAX_TEXT)] = None,
        sources: Annotated[list[str], Param(alias="source")] = [],  # noqa: B006
    ):
        """The same filters as GET /api/events, every matching event (no paging)."""
        from annals.export import stream
        from annals.export.registry import get

        fmt = get(format)
        query = Query(actors=_values("actor", actors), types=_values("type", types), since=since, until=until,
                      text=_words(text), sources=stored_names(_values("source", sources, longest=1000)), limit=None)
        state = request.app.state
        with state.lock:
            media_type, chunks = stream(state.corpus, fmt.name, query=query)
        return StreamingResponse(_locked(state.lock, iter(chunks)), media_type=media_type,
                                 headers={"Content-Disposition": f'attachment; filename="chronology.{fmt.extension}"'})

    return router
