"""The HTML pages of the web UI. Like the API, they call the store on the event-loop thread only."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from khabar.server.analysis import NotAnalysable
from khabar.server.deps import run_analysis
from khabar.server.rendering import render, render_article

router = APIRouter(include_in_schema=False)
DOCS_HTML = resources.files("khabar.server").joinpath("templates", "docs.html").read_text(encoding="utf-8")


def no_store(request: Request) -> HTMLResponse:
    return render(request, "error.html", 503, status=503, message="No article store is configured for this server.")


@router.get("/docs")
async def docs() -> HTMLResponse:
    return HTMLResponse(DOCS_HTML)


@router.get("/analyze")
async def analyze_form(request: Request) -> HTMLResponse:
    return render(request, "analyze.html", form={})


@router.post("/analyze")
async def analyze_submit(request: Request) -> HTMLResponse:
    # A plain urlencoded form, parsed here rather than with FastAPI's Form (which needs python-multipart).
    form = {k: v[0] for k, v in parse_qs((await request.body()).decode("utf-8", "replace")).items()}
    try:
        published = dt.date.fromisoformat(form["published"]) if form.get("published") else None
        doc = await run_analysis(request, text=form.get("text", ""), published=published, title=form.get("title") or None)
    except (NotAnalysable, ValueError) as exc:
        return render(request, "analyze.html", 422, form=form, error=f"Cannot analyse this text: {exc}")
    return render_article(request, doc.to_dict(), entity_keys={})
