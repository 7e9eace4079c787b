"""The FastAPI application: API under /api, HTML pages, bundled static assets, self-hosted OpenAPI docs."""

from __future__ import annotations

from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from khabar.server import api, pages
from khabar.server.analysis import Analyzer
from khabar.server.guards import GuardMiddleware
from khabar.server.rendering import render
from khabar.server.settings import Settings

STATIC_DIR = resources.files("khabar.server").joinpath("static")


def create_app(store: Any = None, analyzer: Analyzer | None = None, settings: Settings | None = None) -> FastAPI:
    """`store` is a `khabar.store.Store` (None: the store-backed routes answer 503); `analyzer` defaults to
    khabar's full pipeline, loaded on the first analysis so that the server starts fast."""
    settings = settings or Settings()
    # FastAPI's own /docs loads Swagger UI from a CDN; pages.py serves the bundled copy instead.
    app = FastAPI(title="khabar", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Arabic news → linked, evidence-backed event data.")
    app.state.store = store
    app.state.settings = settings
    app.state.analyzer = analyzer
    app.add_middleware(GuardMiddleware, settings=settings)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/static/", "/openapi.json"))


async def _http_error(request: Request, exc: StarletteHTTPException):
    """JSON for the API, an HTML page for the UI."""
    if _wants_json(request):
        return await http_exception_handler(request, exc)
    return render(request, "error.html", exc.status_code, status=exc.status_code, message=exc.detail)


async def _validation_error(request: Request, exc: RequestValidationError):
    if _wants_json(request):
        return await request_validation_exception_handler(request, exc)
    problems = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in exc.errors())
    return render(request, "error.html", 422, status=422, message=f"Invalid request: {problems}")
