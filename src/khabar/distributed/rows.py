"""The rows that flow through the Ray pipeline: articles as read, and analyses as written.

Kept free of Ray so that the conversions are the same wherever they run (driver, workers, `khabar ray import`).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pyarrow as pa

from khabar.analyze import Failure, analyze_stream
from khabar.ingest import Article, ArticleError
from khabar.pipeline import Pipeline

# An article as a reader produced it, or the reason it could not be read (`error`, with `origin` only).
ARTICLE_SCHEMA = pa.schema([
    ("id", pa.string()), ("text", pa.string()), ("title", pa.string()), ("published", pa.string()),
    ("url", pa.string()), ("source", pa.string()), ("origin", pa.string()), ("error", pa.string()),
])

# One analysed (or failed) article. `analysis` is exactly the JSON line `khabar analyze --format json` prints;
# the other columns repeat a few of its fields flat, for analysts filtering Parquet without parsing JSON.
# `published` stays an ISO string (YYYY-MM-DD), as in the analysis, so that Parquet and JSONL agree.
COUNT_COLUMNS = ("n_entities", "n_dates", "n_quotes", "n_events", "n_relations")  # n_X: len(analysis["X"])
ANALYSIS_SCHEMA = pa.schema(
    [("id", pa.string()), ("origin", pa.string()), ("published", pa.string()), ("publisher", pa.string()), ("wire", pa.string())]
    + [(name, pa.int32()) for name in COUNT_COLUMNS]
    + [("analysis", pa.string()), ("error", pa.string())]
)


def article_row(item: Article | ArticleError) -> dict[str, Any]:
    if isinstance(item, ArticleError):
        return {"origin": item.origin, "error": item.reason}
    return {
        "id": item.id, "text": item.text, "title": item.title,
        "published": item.published.isoformat() if item.published else None,
        "url": item.url, "source": item.source, "origin": item.origin, "error": None,
    }


def row_article(row: dict[str, Any]) -> Article | ArticleError:
    if row.get("error"):
        return ArticleError(row["origin"], row["error"])
    published = row.get("published")
    return Article(
        id=row["id"], text=row["text"], title=row.get("title"),
        published=dt.date.fromisoformat(published) if published else None,
        url=row.get("url"), source=row.get("source"), origin=row.get("origin") or "",
    )


def failed_row(origin: str, reason: str, article_id: str | None = None) -> dict[str, Any]:
    return {"id": article_id, "origin": origin, "error": reason}


def analysis_row(item: Article | ArticleError, pipeline: Pipeline) -> dict[str, Any]:
    """Analyse one article the way `khabar analyze` does (same failure reasons), as an output row."""
    failures: list[Failure] = []
    docs = list(analyze_stream([item], pipeline, on_failure=failures.append))
    if not docs:
        return failed_row(failures[0].origin, failures[0].reason, getattr(item, "id", None))
    try:
        doc = docs[0].to_dict()
        analysis = json.dumps(doc, ensure_ascii=False)
    except Exception as exc:  # a bug in one article's output must not fail the block it is in
        return failed_row(item.origin, f"output failed: {type(exc).__name__}: {exc}", docs[0].id)
    return {
        "id": doc["id"], "origin": item.origin, "published": doc["published"],
        "publisher": doc["source"]["publisher"], "wire": doc["source"]["wire"],
        **{name: len(doc[name.removeprefix("n_")]) for name in COUNT_COLUMNS},
        "analysis": analysis, "error": None,
    }


def table(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    """Rows as a table with every column of `schema`, missing values null (so that every block has one schema)."""
    return pa.Table.from_pylist([{name: row.get(name) for name in schema.names} for row in rows], schema=schema)
