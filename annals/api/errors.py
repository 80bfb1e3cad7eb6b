"""Every error as JSON: {"error": {"code": ..., "message": ...}}, with a 4xx status for bad requests.

    AnnalsError (UsageError, InputError...)  400, or 413 for TooLarge; code E0xx
    request validation                       422 invalid_parameter
    HTTP errors (404, 405, 401, ...)          their status; not_found, method_not_allowed...
    BodyTooLarge                             413 payload_too_large
    a long URL, large headers (limits.py)    414 uri_too_long, 431 headers_too_large
    a Host not of this server (hosts.py)     400 invalid_host
    what uvicorn cannot parse (server.py)    400 bad_request, 431 headers_too_large
    the database busy or gone                503 unavailable
    anything else                            500 internal (a bug: never for bad input)
"""
from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException

from annals.errors import AnnalsError, TooLarge
from annals.store.database import StoreError

__all__ = ["ApiError", "BodyTooLarge", "error_response", "install_handlers"]

log = logging.getLogger("annals.api")

_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
          406: "not_acceptable", 413: "payload_too_large", 414: "uri_too_long", 415: "unsupported_media_type",
          422: "invalid_parameter", 431: "headers_too_large"}


class ApiError(AnnalsError):
    """An error of the HTTP layer, with its status and a short code."""

    def __init__(self, status: int, code: str, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.headers = headers


class BodyTooLarge(ApiError):
    def __init__(self, limit: int) -> None:
        super().__init__(413, "payload_too_large", f"the request body is over the {limit:,}-byte limit")


def error_response(status: int, code: str, message: str, *, headers: dict[str, str] | None = None,
                   **extra: Any) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, **extra}}, status_code=status, headers=headers)


def _message(exc: AnnalsError) -> str:
    """The message without the code, in the API's words (`since`, not the CLI's `--since`)."""
    text = str(exc.args[0]) if exc.args else exc.__class__.__name__
    return re.sub(r"--(?=[a-z])", "", text)


async def _annals_error(_request: Request, exc: AnnalsError) -> JSONResponse:
    if isinstance(exc, ApiError):
        return error_response(exc.status, exc.code, _message(exc), headers=exc.headers)
    if isinstance(exc, StoreError):
        return error_response(503, "unavailable", _message(exc))
    return error_response(413 if isinstance(exc, TooLarge) else 400, exc.code, _message(exc))


async def _http_error(_request: Request, exc: HTTPException) -> JSONResponse:
    code = _CODES.get(exc.status_code, f"http_{exc.status_code}")
    message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
    return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))


def _where(loc: tuple) -> str:
    return ".".join(str(part) for part in loc[1:] or loc)


async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    details = [{"parameter": _where(tuple(e.get("loc", ()))), "message": str(e.get("msg", ""))} for e in exc.errors()]
    first = details[0] if details else {"parameter": "request", "message": "invalid"}
    return error_response(422, "invalid_parameter", f"{first['parameter']}: {first['message']}", details=details)


async def _database_error(request: Request, exc: OperationalError) -> JSONResponse:
    if not any(word in str(exc.orig).lower() for word in ("locked", "busy", "connect", "closed", "terminat")):
        return await _internal_error(request, exc)
    log.warning("database error: %s", exc.orig)
    return error_response(503, "unavailable", "the database is busy or unavailable; try again",
                          headers={"Retry-After": "1"})


async def _internal_error(_request: Request, exc: Exception) -> JSONResponse:
    log.exception("internal error", exc_info=exc)
    return error_response(500, "internal", f"internal error: {type(exc).__name__}")


def install_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AnnalsError, _annals_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(OperationalError, _database_error)
    app.add_exception_handler(Exception, _internal_error)
