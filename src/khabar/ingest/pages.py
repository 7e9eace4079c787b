"""Web pages as articles: fetch politely, extract the main text with trafilatura (via `from_html`)."""

from __future__ import annotations

import hashlib

from khabar.ingest.fetch import Fetcher, FetchError, Response
from khabar.ingest.readers import Article, ArticleError, from_html


def url_id(url: str) -> str:
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def fetch_article(fetcher: Fetcher, url: str, origin: str | None = None, **metadata) -> Article | ArticleError:
    """The article at `url`; feed or sitemap metadata (title, published) fills what the page lacks, and the
    feed's name is the publisher (a page often names only its host)."""
    origin = origin or url
    try:
        response = fetcher.get(url)
    except FetchError as exc:
        return ArticleError(origin, f"fetch failed: {exc}")
    return page_article(response, url, origin, **metadata)


def page_article(response: Response, url: str, origin: str, **metadata) -> Article | ArticleError:
    if "html" not in response.content_type.lower() and not response.body.lstrip()[:1] == b"<":
        return ArticleError(origin, f"not an HTML page ({response.content_type or 'no content type'})")
    item = from_html(response.text(), origin, url_id(url), url=url)
    if isinstance(item, Article):
        for key, value in metadata.items():
            if value and (key == "source" or not getattr(item, key)):
                setattr(item, key, value)
    return item
