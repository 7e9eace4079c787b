"""Sitemaps (urlset and sitemap index): every listed page is fetched and extracted."""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterator
from xml.etree import ElementTree

from khabar.ingest.fetch import Fetcher, FetchError
from khabar.ingest.fields import parse_date
from khabar.ingest.pages import fetch_article
from khabar.ingest.readers import Article, ArticleError

MAX_DEPTH = 3  # an index of indexes of sitemaps is as deep as real sites go


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def sitemap_entries(data: bytes) -> tuple[str, list[tuple[str, str | None]]]:
    """("urlset" | "sitemapindex", [(loc, lastmod)])."""
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    root = ElementTree.fromstring(data)
    entries = []
    for child in root:
        fields = {_local(c.tag): (c.text or "").strip() for c in child}
        if fields.get("loc"):
            entries.append((fields["loc"], fields.get("lastmod") or None))
    return _local(root.tag), entries


def read_sitemap(
    data: bytes, origin: str, fetcher: Fetcher, skip_url: Callable[[str], bool] | None = None, depth: int = 0
) -> Iterator[Article | ArticleError]:
    try:
        kind, entries = sitemap_entries(data)
    except (ElementTree.ParseError, OSError) as exc:
        yield ArticleError(origin, f"not a readable sitemap: {exc}")
        return
    for loc, lastmod in entries:
        if kind == "sitemapindex":
            if depth >= MAX_DEPTH:
                yield ArticleError(loc, f"sitemap index nested deeper than {MAX_DEPTH}")
                continue
            try:
                child = fetcher.get(loc).body
            except FetchError as exc:
                yield ArticleError(loc, f"fetch failed: {exc}")
                continue
            yield from read_sitemap(child, loc, fetcher, skip_url, depth + 1)
        elif not (skip_url and skip_url(loc)):
            yield fetch_article(fetcher, loc, loc, published=parse_date(lastmod))
