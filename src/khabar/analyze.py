"""Run the pipeline over a stream of articles; a failing article is reported and skipped, never fatal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from khabar.document import Document, Source
from khabar.ingest import Article, ArticleError
from khabar.pipeline import Pipeline, default_pipeline


@dataclass
class Failure:
    origin: str
    reason: str


def to_document(article: Article, published: dt.date | None = None, title: str | None = None) -> Document:
    """`published`/`title` given explicitly (the CLI's options) win over the article's own metadata."""
    return Document(
        id=article.id,
        text=article.text,
        title=title or article.title,
        published=published or article.published,
        url=article.url,
        source=Source(publisher=article.source),
    )


def analyze_stream(
    items: Iterable[Article | ArticleError],
    pipeline: Pipeline | None = None,
    published: dt.date | None = None,
    title: str | None = None,
    on_failure: Callable[[Failure], None] | None = None,
) -> Iterator[Document]:
    pipeline = pipeline or default_pipeline()
    for item in items:
        if isinstance(item, ArticleError):
            if on_failure:
                on_failure(Failure(item.origin, item.reason))
            continue
        doc = to_document(item, published, title)
        try:
            yield pipeline(doc)
        except Exception as exc:  # one broken article must not stop a batch
            if on_failure:
                on_failure(Failure(item.origin, f"analysis failed: {type(exc).__name__}: {exc}"))


def analyze_text(text: str, published: dt.date | None = None, title: str | None = None, doc_id: str = "text") -> Document:
    return default_pipeline()(Document(id=doc_id, text=text, title=title, published=published))
