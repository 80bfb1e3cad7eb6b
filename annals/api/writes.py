"""POST /api/documents: add a document (its text as the body, or a file upload), for token holders only.

Mounted only when the server allows writes; the token is compared in constant time.
"""
from __future__ import annotations

import hmac
import os
import re
from enum import Enum
from typing import Annotated

from fastapi import APIRouter, Request
from fastapi import Query as Param
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from annals.api.errors import ApiError
from annals.api.schemas import AddedDocument, Error
from annals.errors import UsageError

__all__ = ["check_token", "router"]

_NAME = re.compile(r"[^\x00-\x1f\x7f]{1,300}")


class Reader(str, Enum):
    auto = "auto"
    text = "text"
    wikitext = "wikitext"
    html = "html"


router = APIRouter(prefix="/api")

_BODY = {
    "required": True,
    "content": {
        "text/plain": {"schema": {"type": "string"}},
        "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
            "file": {"type": "string", "format": "binary"}}}},
    },
}


def check_token(request: Request) -> None:
    """The request's bearer token must be the server's (ANNALS_TOKEN when it started)."""
    expected = request.app.state.token
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if not expected or scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise ApiError(401, "unauthorized", "a valid token is needed: Authorization: Bearer $ANNALS_TOKEN",
                       headers={"WWW-Authenticate": "Bearer"})


def _name(name: str | None) -> str:
    if not name or not _NAME.fullmatch(name):
        raise ApiError(422, "invalid_parameter", "name: give the document a name of 1 to 300 printable characters")
    return name


async def _body(request: Request, name: str | None) -> tuple[bytes, str]:
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        form = await request.form(max_files=1, max_fields=4)
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise ApiError(422, "invalid_parameter", "file: upload the document as the form field `file`")
        data = await upload.read()
        return data, _name(name or os.path.basename(upload.filename or ""))
    return await request.body(), _name(name)


def _add(state, data: bytes, *, name: str, reader: str, dct: str | None):
    from annals.pipeline import extract
    from annals.read import read_bytes

    doc = extract(read_bytes(data, source=name, reader=reader), dct=dct)
    with state.lock:
        return state.corpus.add_document(doc)


@router.post("/documents", status_code=201, response_model=AddedDocument, summary="Add a document (token needed)",
             openapi_extra={"requestBody": _BODY},
             responses={200: {"model": AddedDocument, "description": "already in the corpus, unchanged"},
                        401: {"model": Error}, 413: {"model": Error}, 400: {"model": Error}, 422: {"model": Error}})
async def add_document(
    request: Request,
    name: Annotated[str | None, Param(max_length=300, description="The document's source name (default: the file's).")] = None,
    reader: Annotated[Reader, Param(description="How to read it (auto: by content).")] = Reader.auto,
    dct: Annotated[str | None, Param(max_length=10, description="Document date, YYYY-MM-DD, for news-style dates.")] = None,
):
    """Extract the document's events and merge them into the corpus; the same bytes again change nothing."""
    check_token(request)
    if dct is not None:
        from annals.time.anchor import parse_dct

        if parse_dct(dct) is None:
            raise UsageError(f"dct {dct!r} is not a date of the form YYYY-MM-DD")
    data, source = await _body(request, name)
    result = await run_in_threadpool(_add, request.app.state, data, name=source, reader=reader.value, dct=dct)
    body = {"source": result.source, "status": result.status, "events_new": result.events_new,
            "events_merged": result.events_merged}
    return JSONResponse(body, status_code=200 if result.status == "unchanged" else 201)
