"""RSS and Atom feeds: each entry's linked page is fetched and extracted; or, with `fetch_pages=False`, the
entry's own content (full text or summary) is the article."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator

from khabar.ingest.fetch import Fetcher
from khabar.ingest.fields import parse_date
from khabar.ingest.pages import fetch_article, url_id
from khabar.ingest.readers import Article, ArticleError, check_text

_TAG = re.compile(r"<[^>]+>")


def _plain(markup: str) -> str:
    return html.unescape(_TAG.sub(" ", markup)).strip()


def _entry_text(entry) -> str:
    contents = entry.get("content") or []
    if contents:
        return _plain(max((c.get("value", "") for c in contents), key=len))
    return _plain(entry.get("summary", ""))


def read_feed(
    data: bytes | str,
    origin: str,
    fetcher: Fetcher | None = None,
    skip_url: Callable[[str], bool] | None = None,
) -> Iterator[Article | ArticleError]:
    """Articles of a parsed feed document; `skip_url` avoids re-fetching pages already stored."""
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield ArticleError(origin, f"not a readable feed: {feed.get('bozo_exception')}")
        return
    publisher = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, 1):
        link = entry.get("link")
        where = link or f"{origin}#{number}"
        title = entry.get("title")
        published = parse_date(entry.get("published") or entry.get("updated"))
        if fetcher is not None and link:
            if skip_url and skip_url(link):
                continue
            yield fetch_article(fetcher, link, where, title=title, published=published, source=publisher)
            continue
        text = _entry_text(entry)
        reason = check_text(text)
        if reason:
            yield ArticleError(where, f"feed entry: {reason}")
            continue
        yield Article(
            id=str(entry.get("id") or (url_id(link) if link else where)), text=text, title=title, published=published,
            url=link, source=publisher, origin=where,
        )
