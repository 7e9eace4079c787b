"""The JSON API under /api.

Store calls run on the event-loop thread, one at a time (the store's in-memory story index is not made for
concurrent writers); only analysis, the slow CPU-bound part, runs in the thread pool.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from khabar.server.analysis import NotAnalysable
from khabar.server.deps import Page, get_store, paging, run_analysis
from khabar.server.events_csv import CSV_MAX_ROWS, events_csv
from khabar.server.guards import require_token
from khabar.server.views import typed_actor_graph
from khabar.store.ingest import content_hash

router = APIRouter(prefix="/api")


class AnalyzeRequest(BaseModel):
    """Exactly one of `text` and `html`."""

    text: str | None = Field(None, description="The article as plain text.")
    html: str | None = Field(None, description="A whole HTML page; its main text is extracted first.")
    title: str | None = None
    published: dt.date | None = Field(None, description="Publication date: resolves relative dates.")
    id: str | None = Field(None, description="Your id for the article (default: a hash of the input).")
    url: str | None = None


async def _analyze(request: Request, body: AnalyzeRequest):
    try:
        return await run_analysis(request, text=body.text, html=body.html, published=body.published,
                                  title=body.title, doc_id=body.id, url=body.url)
    except NotAnalysable as exc:
        raise HTTPException(422, f"cannot analyse this input: {exc}") from None


@router.post("/analyze", tags=["analyze"], summary="Analyse one article (not stored)")
async def analyze(body: AnalyzeRequest, request: Request) -> dict[str, Any]:
    """Text or HTML in, the output contract JSON (as `khabar analyze`) out."""
    return (await _analyze(request, body)).to_dict()


@router.post("/articles", tags=["articles"], status_code=201, dependencies=[Depends(require_token)],
             summary="Analyse one article and store it")
async def ingest(body: AnalyzeRequest, request: Request, store=Depends(get_store)) -> dict[str, Any]:
    doc = await _analyze(request, body)
    # the same hash as `khabar ingest`, so an article sent both ways is stored once
    pk, is_new = store.add_document(doc, content_hash(doc.text))
    return {"pk": pk, "id": doc.id, "new": is_new, "page": f"/articles/{pk}"}


@router.get("/articles", tags=["articles"], summary="List stored articles")
async def list_articles(page: Page = Depends(paging), store=Depends(get_store)) -> dict[str, Any]:
    return page.fetch(store.list_articles)


@router.get("/search", tags=["articles"], summary="Search article texts (Arabic-aware)")
async def search(q: str = Query(..., min_length=1, max_length=200), page: Page = Depends(paging),
                 store=Depends(get_store)) -> dict[str, Any]:
    return {"query": q, **page.fetch(store.search, q)}


@router.get("/articles/{article_id:path}", tags=["articles"], summary="One article with all its extractions")
async def get_article(article_id: str, store=Depends(get_store)) -> dict[str, Any]:
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return article


@router.get("/entities/{key:path}", tags=["entities"], summary="An entity: mentions, events, quotes, relations, timeline")
async def get_entity(key: str, store=Depends(get_store)) -> dict[str, Any]:
    entity = store.entity(key)
    if entity is None:
        raise HTTPException(404, f"no entity {key!r}")
    return entity


def day(value: str | None, name: str) -> str | None:
    """An ISO day or None; empty form fields count as absent."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name} must be a date YYYY-MM-DD, got {value!r}") from None


def event_filters(
    actor: str | None = Query(None, description="the actor: entity key, KB/Wikidata id, or name"),
    recipient: str | None = Query(None, description="the recipient: entity key, KB/Wikidata id, or name"),
    type: str | None = Query(None, description="PLOVER event type, e.g. CONSULT"),
    country: str | None = Query(None, description="a participant's country, ISO 3166 alpha-3"),
    since: str | None = Query(None, description="YYYY-MM-DD"), until: str | None = Query(None, description="YYYY-MM-DD"),
) -> dict[str, Any]:
    """The store's filter arguments. Empty form fields arrive as "": absent, so the UI's form submits as is."""
    return {"actor": actor or None, "recipient": recipient or None, "type": type or None, "country": country or None,
            "since": day(since, "since"), "until": day(until, "until")}


@router.get("/events", tags=["events"], summary="Events, filtered")
async def events(filters: dict = Depends(event_filters), page: Page = Depends(paging),
                 store=Depends(get_store)) -> dict[str, Any]:
    return page.fetch(store.events, **filters)


@router.get("/events.csv", tags=["events"], summary=f"Events as CSV (same filters, at most {CSV_MAX_ROWS} rows)")
async def events_as_csv(filters: dict = Depends(event_filters), store=Depends(get_store)) -> Response:
    return Response(events_csv(store, filters), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="khabar-events.csv"'})


@router.get("/quotes", tags=["quotes"], summary="Quotes, optionally by one speaker")
async def quotes(speaker: str | None = Query(None, description="entity key of the speaker"),
                 page: Page = Depends(paging), store=Depends(get_store)) -> dict[str, Any]:
    return page.fetch(store.quotes, speaker=speaker or None)


@router.get("/stories", tags=["stories"], summary="Wire stories republished by several outlets")
async def stories(page: Page = Depends(paging), store=Depends(get_store)) -> dict[str, Any]:
    return page.fetch(store.stories)


@router.get("/stories/{story_id}", tags=["stories"], summary="Every republication of one story, origin first")
async def story(story_id: int, store=Depends(get_store)) -> dict[str, Any]:
    found = store.story(story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return found


@router.get("/graph", tags=["events"], summary="Actor network: who acts on whom, by event type")
async def actor_graph(type: str | None = Query(None, description="PLOVER event type"),
                      since: str | None = Query(None, description="YYYY-MM-DD"),
                      until: str | None = Query(None, description="YYYY-MM-DD"),
                      min_weight: int = Query(1, ge=1), store=Depends(get_store)) -> dict[str, Any]:
    """One edge per (actor, recipient, event type), weighted by the number of distinct events."""
    return typed_actor_graph(store, type=type or None, since=day(since, "since"), until=day(until, "until"),
                             min_weight=min_weight)


@router.get("/stats", tags=["stats"], summary="Counts of what is stored")
async def stats(store=Depends(get_store)) -> dict[str, Any]:
    return store.stats()


@router.get("/failures", tags=["stats"], summary="Articles that could not be ingested, and why")
async def failures(page: Page = Depends(paging), store=Depends(get_store)) -> dict[str, Any]:
    return page.fetch(store.failures)
