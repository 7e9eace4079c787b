"""The HTML pages of the web UI. Like the API, they call the store on the event-loop thread only."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse

from khabar.server.analysis import NotAnalysable
from khabar.server.api import event_filters
from khabar.server.deps import Page, get_store, paging, run_analysis
from khabar.server.rendering import render, render_article
from khabar.server.views import entity_timeline, split_snippet
from khabar.store.keys import entity_key

router = APIRouter(include_in_schema=False)
DOCS_HTML = resources.files("khabar.server").joinpath("templates", "docs.html").read_text(encoding="utf-8")


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
    except ValueError:
        return render(request, "analyze.html", 422, form=form, error=f"Published must be YYYY-MM-DD, got {form['published']!r}")
    try:
        doc = await run_analysis(request, text=form.get("text", ""), published=published, title=form.get("title") or None)
    except NotAnalysable as exc:
        return render(request, "analyze.html", 422, form=form, error=f"Cannot analyse this text: {exc}")
    return render_article(request, doc.to_dict(), entity_keys={})


# --- store-backed pages: errors (no store, not found) become HTML error pages in app.py ----------------------------
@router.get("/")
async def home(request: Request, page: Page = Depends(paging)) -> HTMLResponse:
    store = request.app.state.store
    if store is None:  # the home page still offers the analyse form
        return render(request, "index.html", stats=None, articles=None)
    return render(request, "index.html", stats=store.stats(), articles=page.fetch(store.list_articles))


@router.get("/articles/{article_id:path}")
async def article_page(request: Request, article_id: str, store=Depends(get_store)) -> HTMLResponse:
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"No article {article_id!r}.")
    keys = {e["id"]: entity_key(e["type"], e["name"], e["kb_id"]) for e in article["entities"]}
    return render_article(request, article, entity_keys=keys)


@router.get("/search")
async def search_page(request: Request, q: str = "", page: Page = Depends(paging), store=Depends(get_store)) -> HTMLResponse:
    results = page.fetch(store.search, q.strip()[:200]) if q.strip() else None
    return render(request, "search.html", query=q, results=results, split_snippet=split_snippet)


@router.get("/entities/{key:path}")
async def entity_page(request: Request, key: str, store=Depends(get_store)) -> HTMLResponse:
    entity = store.entity(key)
    if entity is None:
        raise HTTPException(404, f"No entity {key!r}.")
    return render(request, "entity.html", entity=entity, timeline=entity_timeline(entity))


@router.get("/events")
async def events_page(request: Request, filters: dict = Depends(event_filters), page: Page = Depends(paging),
                      store=Depends(get_store)) -> HTMLResponse:
    return render(request, "events.html", events=page.fetch(store.events, **filters), filters=filters,
                  csv_query=request.url.query)


@router.get("/graph", dependencies=[Depends(get_store)])
async def graph_page(request: Request) -> HTMLResponse:
    return render(request, "graph.html")  # graph.js fetches /api/graph


@router.get("/stories")
async def stories_page(request: Request, page: Page = Depends(paging), store=Depends(get_store)) -> HTMLResponse:
    return render(request, "stories.html", stories=page.fetch(store.stories))


@router.get("/stories/{story_id}")
async def story_page(request: Request, story_id: int, store=Depends(get_store)) -> HTMLResponse:
    story = store.story(story_id)
    if story is None:
        raise HTTPException(404, f"No story {story_id}.")
    return render(request, "story.html", story=story)
