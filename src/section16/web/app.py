"""The web app: one FastAPI application serving the JSON API (``/api/...``, OpenAPI at
``/openapi.json``), the HTML pages and the static assets, all from the package (no CDN, no network).

``create_app(store)`` takes an open store; the app never closes it. Queries from the server's worker
threads go through one lock, because a DuckDB connection serves one query at a time.
"""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import Section16Error
from ..explore.prepare import ensure as ensure_explore_tables
from ..store import Store

#: Pages may load scripts, styles and images only from this server; nothing inline, nothing remote.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self';"
    " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
)
#: The rendered form (inside a sandboxed iframe) brings its own inline stylesheet and nothing else.
FORM_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"


class LockedStore:
    """The store as explore sees it (``dialect``, ``query``), one query at a time."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.dialect: str = store.dialect
        #: Trust a check that the explore tables are current for this long (see explore.prepare.ensure).
        self.explore_max_age = 5.0
        self._lock = threading.RLock()

    def query(self, sql: str, params: Any = (), **kw: Any) -> Any:
        with self._lock:
            return self.store.query(sql, params, **kw)

    def filing(self, accession: str) -> Any:
        with self._lock:
            return self.store.filing(accession)


def validation_messages(errors: Any) -> list[str]:
    """Pydantic/FastAPI error dicts as one readable line each: ``min_value: Input should be ...``."""
    out = []
    for e in errors:
        loc = [str(p) for p in e.get("loc", ()) if p not in ("query", "path", "body")]
        where = ".".join(loc)
        msg = str(e.get("msg", "invalid"))
        inp = e.get("input")
        shown = f" (got {inp!r})" if isinstance(inp, str | int | float) and inp != "" else ""
        out.append(f"{where}: {msg}{shown}" if where else f"{msg}{shown}")
    return out


def create_app(store: Store, *, title: str = "section16") -> FastAPI:
    """The application over an open store. The explore tables are built (or refreshed) first."""
    locked = LockedStore(store)
    ensure_explore_tables(locked)
    app = FastAPI(
        title=f"{title} API",
        version=__version__,
        description="Insider filings (SEC Forms 3, 4 and 5): screens, signals, issuers, insiders, filings."
        " Every list is paginated with limit and offset. See docs/api.md.",
        openapi_url="/openapi.json",
        # The interactive docs pages load their scripts from a CDN; this app loads nothing remote.
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = locked
    static = resources.files("section16.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        messages = validation_messages(exc.errors())
        if request.url.path.startswith("/api/") or request.url.path.startswith("/feeds/"):
            return JSONResponse({"error": "invalid request", "details": messages}, status_code=422)
        from .pages import error_page

        return error_page(request, "Invalid request", messages, 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/") or request.url.path.startswith("/feeds/"):
            return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)
        from .pages import error_page

        return error_page(request, "Not found" if exc.status_code == 404 else "Error", [str(exc.detail)],
                          exc.status_code)  # fmt: skip

    @app.exception_handler(Section16Error)
    async def section16_error(request: Request, exc: Section16Error) -> Response:
        return JSONResponse({"error": str(exc)}, status_code=500)

    from .api import router as api_router
    from .pages import router as pages_router

    app.include_router(api_router)
    app.include_router(pages_router)
    return app
