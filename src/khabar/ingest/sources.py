"""One entry point for every kind of SOURCE: files and directories (handled by `read_sources`), web archives,
feeds and sitemaps as files or URLs, and single web pages.

Each item comes out with the SOURCE argument that produced it, so that a failure can be retried from its source.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from khabar.ingest.feeds import read_feed
from khabar.ingest.fetch import Fetcher, FetchError
from khabar.ingest.pages import page_article
from khabar.ingest.readers import Article, ArticleError, from_html, read_sources
from khabar.ingest.sitemaps import read_sitemap
from khabar.ingest.warc import is_warc, read_warc
from khabar.ingest.xmldoc import from_xml

XML_SUFFIXES = (".xml", ".rss", ".atom", ".xml.gz")
_ROOT = re.compile(rb"<(?!\?|!)([\w:.-]+)")
FEED_ROOTS = {"rss", "feed", "rdf", "channel"}
SITEMAP_ROOTS = {"urlset", "sitemapindex"}


@dataclass
class SourceOptions:
    field_map: dict[str, str] | None = None
    fetch_pages: bool = True  # fetch the pages feed entries link to; off: the entries' own text is the article
    fetcher: Fetcher = field(default_factory=Fetcher)
    skip_url: Callable[[str], bool] | None = None  # pages already stored are not fetched again


def root_name(data: bytes) -> str:
    match = _ROOT.search(data[:4096])
    return match.group(1).decode("ascii", "replace").split(":")[-1].lower() if match else ""


def _read_xml(data: bytes, origin: str, options: SourceOptions) -> Iterator[Article | ArticleError]:
    root = root_name(data)
    if root in FEED_ROOTS:
        yield from read_feed(data, origin, options.fetcher if options.fetch_pages else None, options.skip_url)
    elif root in SITEMAP_ROOTS:
        yield from read_sitemap(data, origin, options.fetcher, options.skip_url)
    elif root in ("html", "body"):
        yield from_html(data.decode("utf-8", "replace"), origin, Path(origin).stem)
    else:
        yield from_xml(data.decode("utf-8", "replace"), origin, options.field_map)


def _read_url(url: str, options: SourceOptions) -> Iterator[Article | ArticleError]:
    if options.skip_url and options.skip_url(url):
        return
    try:
        response = options.fetcher.get(url)
    except FetchError as exc:
        yield ArticleError(url, f"fetch failed: {exc}")
        return
    if root_name(response.body) in FEED_ROOTS | SITEMAP_ROOTS:
        yield from _read_xml(response.body, url, options)
    else:
        yield page_article(response, url, url)


def _read_file(path: Path, options: SourceOptions) -> Iterator[Article | ArticleError]:
    name = path.name.lower()
    if is_warc(path):
        yield from read_warc(path, options.field_map)
    elif name.endswith(XML_SUFFIXES):
        try:
            data = path.read_bytes()
            data = gzip.decompress(data) if name.endswith(".gz") else data
        except (OSError, gzip.BadGzipFile) as exc:
            yield ArticleError(str(path), f"cannot read file: {exc}")
            return
        yield from _read_xml(data, str(path), options)
    else:
        yield from read_sources([str(path)], options.field_map)


def read_any(sources: Iterable[str], options: SourceOptions | None = None) -> Iterator[tuple[str, Article | ArticleError]]:
    """(source, article or error) for each SOURCE in turn; a directory's files in name order."""
    options = options or SourceOptions()
    for source in sources:
        if source.startswith(("http://", "https://")):
            items = _read_url(source, options)
        elif Path(source).is_dir():
            files = sorted(p for p in Path(source).rglob("*") if p.is_file() and not p.name.startswith("."))
            items = (item for path in files for item in _read_file(path, options))
        elif Path(source).exists():
            items = _read_file(Path(source), options)
        else:
            items = read_sources([source], options.field_map)  # stdin ("-") and the reader's own error message
        for item in items:
            yield source, item
