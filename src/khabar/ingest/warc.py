"""WARC and ARC files (gzipped or not): HTML `response` records and `resource` records become articles.

Requests, metadata, warcinfo and non-text payloads (images, scripts) are not articles and are passed over.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from khabar.ingest.fields import parse_date
from khabar.ingest.pages import url_id
from khabar.ingest.readers import Article, ArticleError, check_text, from_html
from khabar.ingest.xmldoc import from_xml

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def _charset(content_type: str) -> str:
    for part in content_type.split(";"):
        if part.strip().lower().startswith("charset="):
            return part.split("=", 1)[1].strip().strip('"') or "utf-8"
    return "utf-8"


def _payload_article(body: bytes, content_type: str, uri: str, origin: str, warc_date: str | None,
                     field_map: dict[str, str] | None) -> Article | ArticleError | None:
    kind = content_type.split(";")[0].strip().lower()
    text = body.decode(_charset(content_type), errors="replace")
    if "html" in kind:
        item = from_html(text, origin, url_id(uri) if uri else origin, url=uri or None)
    elif "xml" in kind:
        item = from_xml(text, origin, field_map)
    elif kind == "text/plain":
        reason = check_text(text)
        item = ArticleError(origin, reason) if reason else Article(id=url_id(uri) if uri else origin, text=text, url=uri or None, origin=origin)
    else:
        return None
    if isinstance(item, Article):
        item.url = item.url or uri or None
        # for a `resource` record the WARC date is the capture's own date, the best publication date we have
        item.published = item.published or parse_date(warc_date)
    return item


def read_warc(path: Path, field_map: dict[str, str] | None = None) -> Iterator[Article | ArticleError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with open(path, "rb") as stream:
            records = ArchiveIterator(stream, arc2warc=True)
            for record in records:
                if record.rec_type not in ("response", "resource"):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                if record.rec_type == "response":
                    if record.http_headers is None or not (record.http_headers.get_statuscode() or "").startswith("2"):
                        continue
                    content_type = record.http_headers.get_header("Content-Type") or ""
                else:
                    content_type = record.rec_headers.get_header("Content-Type") or ""
                body = record.content_stream().read()
                # the offset is only known once the record has been read to its end
                origin = f"{path}#{records.get_record_offset()}"
                item = _payload_article(body, content_type, uri, origin, record.rec_headers.get_header("WARC-Date"), field_map)
                if item is not None:
                    yield item
    except (OSError, ArchiveLoadFailed) as exc:
        yield ArticleError(str(path), f"cannot read web archive: {exc}")
