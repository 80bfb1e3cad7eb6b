"""The application: the API under /api, the timeline page at /, a document view, OpenAPI at /openapi.json."""
from __future__ import annotations

import threading
from collections.abc import Iterable
from contextlib import nullcontext
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from annals.api.errors import install_handlers
from annals.api.hosts import HostCheck
from annals.api.limits import DEFAULT_MAX_BODY, BodyLimit, HeadLimit

__all__ = ["create_app", "vendor_ready", "web_folder"]

_PAGE_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def web_folder() -> Path:
    return Path(str(resources.files("annals") / "web"))


def vendor_ready() -> bool:
    """True when the build copied vis-timeline into the static folder (npm ci && npm run build)."""
    return (web_folder() / "static" / "vendor" / "vis-timeline" / "vis-timeline-graph2d.min.js").is_file()


def create_app(corpus, *, allow_writes: bool = False, token: str | None = None, max_body: int = DEFAULT_MAX_BODY,
               allowed_hosts: Iterable[str] | None = None) -> FastAPI:
    """A FastAPI app over `corpus` (an annals Corpus); read-only unless `allow_writes` (then `token` is needed).

    `allowed_hosts`: the names a request's Host header may give (annals.api.hosts.allowed_hosts; `serve` always
    passes them); None answers any, for an app mounted behind a server that checks the Host itself.
    """
    from annals.api import exports, routes, writes
    from annals.errors import UsageError

    if allow_writes and not token:
        raise UsageError("writing needs a token: set ANNALS_TOKEN")
    app = FastAPI(title="annals", version=_version(), docs_url=None, redoc_url=None,
                  description="A sourced chronology of international relations: events, actors, documents.")
    app.state.corpus = corpus
    app.state.lock = threading.Lock() if getattr(corpus, "dialect", "sqlite") == "sqlite" else nullcontext()
    app.state.token = token if allow_writes else None
    install_handlers(app)
    app.add_middleware(BodyLimit, limit=max_body)
    app.add_middleware(GZipMiddleware, minimum_size=4096)
    if allowed_hosts is not None:
        app.add_middleware(HostCheck, hosts=allowed_hosts)
    app.add_middleware(HeadLimit)  # the last added runs first: sizes, then the Host, then the body
    app.include_router(routes.router)
    formats = exports.available()
    if formats:
        app.include_router(exports.make_router(formats))
    if allow_writes:
        app.include_router(writes.router)
    _pages(app)
    return app


def _version() -> str:
    from annals import __version__

    return __version__


def _pages(app: FastAPI) -> None:
    web = web_folder()
    app.mount("/static", StaticFiles(directory=web / "static"), name="static")

    @app.middleware("http")
    async def headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if not request.url.path.startswith("/docs"):
            response.headers.setdefault("Content-Security-Policy", _PAGE_POLICY)
        return response

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(web / "index.html", media_type="text/html")

    @app.get("/documents/{source:path}", include_in_schema=False)
    def document_page(source: str) -> FileResponse:
        return FileResponse(web / "document.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="annals API",
                                   swagger_js_url="/static/vendor/swagger-ui-dist/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui-dist/swagger-ui.css",
                                   swagger_favicon_url="/static/vendor/swagger-ui-dist/favicon-32x32.png")
