"""The read-only API: events, one event, actors, documents, timeline lanes, milestones compared (and exports
where annals has them)."""
from __future__ import annotations

import re
from contextlib import contextmanager
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Request
from fastapi import Query as Param
from fastapi.responses import JSONResponse

from annals.api.errors import ApiError
from annals.api.present import (
    LANE_LIMIT,
    document_entry,
    shown_event,
    stored_names,
    timeline,
    type_counts,
    with_highlights,
)
from annals.api.schemas import (
    ActorList,
    Comparison,
    DocumentList,
    DocumentText,
    Error,
    EventDetail,
    EventPage,
    Timeline,
    TypeList,
)
from annals.query import DEFAULT_LIMIT, MAX_CURSOR, MAX_LIMIT, Query

__all__ = ["MAX_TEXT", "MAX_VALUES", "router"]

MAX_VALUES = 50
MAX_TEXT = 500
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

router = APIRouter(prefix="/api", responses={400: {"model": Error}, 422: {"model": Error}, 503: {"model": Error}})

Actors = Annotated[list[str], Param(alias="actor", description="An actor, canonical name or alias (repeatable: any of).")]
Types = Annotated[list[str], Param(alias="type", description="An event type (repeatable: any of), e.g. visit.")]
Objects = Annotated[list[str], Param(alias="object", description="What the event is about, by its canonical name "
                                     "(repeatable: any of), e.g. Partnership for Peace.")]
Since = Annotated[str | None, Param(description="Events ending on or after this date: YYYY, YYYY-MM or YYYY-MM-DD.",
                                    max_length=10)]
Until = Annotated[str | None, Param(description="Events starting on or before this date.", max_length=10)]
Text = Annotated[str | None, Param(description="Words that a source sentence holds (full-text search).",
                                   max_length=MAX_TEXT)]


@contextmanager
def _corpus(request: Request):
    """The corpus, one request at a time on SQLite (its store begins every transaction with the write lock,
    so readers would queue anyway, in SQLite's busy handler, which sleeps unfairly)."""
    with request.app.state.lock:
        yield request.app.state.corpus


def _json(data) -> JSONResponse:
    """The answer as it is (no re-validation: fields the corpus adds pass through)."""
    return JSONResponse(data)


def _words(text: str | None) -> str | None:
    """Search words without control characters (SQLite's full-text parser stops at a NUL)."""
    return _CONTROL.sub(" ", text) if text else text


def _values(name: str, values: list[str], *, longest: int = 200) -> tuple[str, ...]:
    if len(values) > MAX_VALUES:
        raise ApiError(422, "invalid_parameter", f"{name}: at most {MAX_VALUES} values")
    if any(len(v) > longest for v in values):
        raise ApiError(422, "invalid_parameter", f"{name}: a value is over {longest} characters")
    return tuple(values)


@router.get("/events", response_model=EventPage, summary="Events in date order, filtered and paged")
def list_events(
    request: Request,
    actors: Actors = [],  # noqa: B006 - FastAPI copies defaults
    types: Types = [],  # noqa: B006
    objects: Objects = [],  # noqa: B006
    since: Since = None,
    until: Until = None,
    text: Text = None,
    sources: Annotated[list[str], Param(alias="source", description="Told by this document (repeatable).")] = [],  # noqa: B006
    limit: Annotated[int, Param(ge=1, le=MAX_LIMIT, description="Events per page.")] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Param(max_length=MAX_CURSOR, description="The `next` of the previous page.")] = None,
):
    """The same filters as `annals events`; `{"events": [...], "next": cursor}`."""
    query = Query(actors=_values("actor", actors), types=_values("type", types), objects=_values("object", objects),
                  since=since, until=until, text=_words(text),
                  sources=stored_names(_values("source", sources, longest=1000)), limit=limit, cursor=cursor)
    with _corpus(request) as corpus:
        page = corpus.events(query)
    return _json({**page, "events": [shown_event(e) for e in page["events"]]})


@router.get("/events/{event_id}", response_model=EventDetail, responses={404: {"model": Error}},
            summary="One event with every sentence that tells it")
def get_event(request: Request, event_id: Annotated[str, Path(max_length=64)]):
    """Each source sentence with its document, and where the date and the actors stand in it (`highlights`)."""
    with _corpus(request) as corpus:
        event = corpus.event(event_id)
        if event is None:
            raise ApiError(404, "not_found", f"no event {event_id!r}")
        return _json(shown_event(with_highlights(corpus, event)))


@router.get("/actors", response_model=ActorList, summary="Actors with their aliases and event counts")
def list_actors(request: Request, name: Annotated[str | None, Param(max_length=200, description="Only this actor.")] = None):
    with _corpus(request) as corpus:
        return _json({"actors": corpus.actors(name)})


@router.get("/types", response_model=TypeList, summary="The event types with their numbers of events")
def list_types(request: Request):
    with _corpus(request) as corpus:
        return _json({"types": type_counts(corpus)})


@router.get("/documents", response_model=DocumentList, summary="The documents of the corpus")
def list_documents(request: Request):
    with _corpus(request) as corpus:
        return _json({"documents": [document_entry(d) for d in corpus.documents()]})


@router.get("/documents/{source:path}", response_model=DocumentText, responses={404: {"model": Error}},
            summary="One document with its text (evidence offsets point into it)")
def get_document(request: Request, source: Annotated[str, Path(max_length=1000)]):
    with _corpus(request) as corpus:
        found = next(filter(None, (corpus.document(name) for name in stored_names([source]))), None)
    if found is None:
        raise ApiError(404, "not_found", f"no document {source!r}")
    return _json({**document_entry(found), "text": found["text"]})


@router.get("/timeline", response_model=Timeline, summary="Lanes of events, one per actor, for the page")
def get_timeline(
    request: Request,
    actors: Annotated[list[str], Param(alias="actor", min_length=1, description="An actor per lane (repeatable).")],
    types: Types = [],  # noqa: B006
    since: Since = None,
    until: Until = None,
    text: Text = None,
    limit: Annotated[int, Param(ge=1, le=LANE_LIMIT, description="At most this many items per lane.")] = LANE_LIMIT,
):
    """Each item: where it is drawn (`start`, `end` for a bar), its type, date and a short label."""
    if len(actors) > 12:
        raise ApiError(422, "invalid_parameter", "actor: at most 12 lanes")
    names, chosen = list(_values("actor", actors)), _values("type", types)
    with _corpus(request) as corpus:
        return _json(timeline(corpus, names, types=chosen, since=since, until=until, text=_words(text), limit=limit))


@router.get("/compare", response_model=Comparison, summary="Who reached which milestone when, actor by actor",
            responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}})
def get_compare(
    request: Request,
    actors: Annotated[list[str], Param(alias="actor", min_length=1, description="An actor per column (repeatable).")],
    objects: Objects = [],  # noqa: B006
    types: Types = [],  # noqa: B006
    min_actors: Annotated[int | None, Param(ge=1, le=12, description="Show a milestone when at least this many of "
                                            "the actors reached it (default 2, or 1 for one actor).")] = None,
    format: Annotated[Literal["json", "csv"], Param(description="json (the default) or csv.")] = "json",
):
    """The same as `annals compare`: rows are milestones (an object, or the organisation joined, with the type
    of act), each cell the earliest date at which that actor was the event's source."""
    if len(actors) > 12:
        raise ApiError(422, "invalid_parameter", "actor: at most 12 actors")
    from annals.compare import compare

    query = Query(types=_values("type", types), objects=_values("object", objects))  # checks the types
    with _corpus(request) as corpus:
        found = compare(corpus, list(_values("actor", actors)), objects=query.objects, types=query.types,
                        least=min_actors)
    if format == "csv":
        import io

        from fastapi.responses import Response

        from annals.output import write_compare_csv

        out = io.StringIO()
        write_compare_csv(found, out)
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8")
    return _json(found)
