"""Shared request dependencies: the store, the analyzer, pagination."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, Query, Request
from starlette.concurrency import run_in_threadpool

from khabar.document import Document
from khabar.server.analysis import analyze_input, default_analyzer


def get_store(request: Request) -> Any:
    store = request.app.state.store
    if store is None:
        raise HTTPException(503, "no article store is configured for this server")
    return store


async def run_analysis(request: Request, **fields: Any) -> Document:
    """Analyse off the event loop: the pipeline is CPU-bound and would stall every other request."""
    state = request.app.state
    if state.analyzer is None:
        state.analyzer = await run_in_threadpool(default_analyzer)
    return await run_in_threadpool(lambda: analyze_input(state.analyzer, **fields))


@dataclass
class Page:
    limit: int
    offset: int

    def fetch(self, read: Callable[..., list], *args: Any, **filters: Any) -> dict[str, Any]:
        """Ask the store for one row more than the page to know whether another page follows."""
        rows = read(*args, **filters, limit=self.limit + 1, offset=self.offset)
        more = len(rows) > self.limit
        return {"items": rows[: self.limit], "limit": self.limit, "offset": self.offset,
                "next_offset": self.offset + self.limit if more else None}


def paging(request: Request, limit: int = Query(50, ge=1, description="page size"), offset: int = Query(0, ge=0)) -> Page:
    maximum = request.app.state.settings.max_page_size
    if limit > maximum:
        raise HTTPException(422, f"limit must be at most {maximum}")
    return Page(limit, offset)
