"""The FastAPI application: API under /api, HTML pages, bundled static assets, self-hosted OpenAPI docs."""

from __future__ import annotations

from importlib import resources
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from khabar.server import api, pages
from khabar.server.analysis import Analyzer, default_analyzer
from khabar.server.guards import GuardMiddleware
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
    app.state.load_analyzer = default_analyzer
    app.add_middleware(GuardMiddleware, settings=settings)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app
