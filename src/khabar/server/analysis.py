"""Turn an analyze request (plain text or an HTML page) into an analysed Document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from khabar.analyze import to_document
from khabar.document import Document
# _content_id: the id the file readers give an article without one, so both agree
from khabar.ingest.readers import Article, ArticleError, _content_id, check_text, from_html

Analyzer = Callable[[Document], Document]


class NotAnalysable(ValueError):
    """The input cannot be analysed; the message says why (an answer for the client, so a 4xx)."""


def default_analyzer() -> Analyzer:
    from khabar.pipeline import default_pipeline  # loads every component's data: only when first needed

    return default_pipeline()


def to_article(
    *, text: str | None, html: str | None, doc_id: str | None = None, url: str | None = None,
) -> Article:
    if (text is None) == (html is None):
        raise NotAnalysable("give exactly one of text or html")
    if html is not None:
        article = from_html(html, "api", doc_id or _content_id(html), url=url)
    else:
        reason = check_text(text)
        article = ArticleError("api", reason) if reason else Article(id=doc_id or _content_id(text), text=text, url=url, origin="api")
    if isinstance(article, ArticleError):
        raise NotAnalysable(article.reason)
    return article


def analyze_input(
    analyzer: Analyzer, *, text: str | None = None, html: str | None = None, published: dt.date | None = None,
    title: str | None = None, doc_id: str | None = None, url: str | None = None,
) -> Document:
    article = to_article(text=text, html=html, doc_id=doc_id, url=url)
    return analyzer(to_document(article, published, title))
