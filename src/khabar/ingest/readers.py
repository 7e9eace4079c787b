"""Turn paths (files, directories, `-` for stdin) into a stream of articles or per-article errors.

A bad article never stops the stream: it comes out as an ArticleError with a one-line reason, and reading goes on.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from khabar.ingest.fields import parse_date, pick
from khabar.text.tokenize import ARABIC_LETTERS

TEXT_SUFFIXES = {".txt"}
_XML_RECORD = re.compile(r"\ufeff?\s*<DOC>", re.IGNORECASE)
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MIN_ARABIC_SHARE = 0.3
# counted by regular expressions, not per character in Python: corpora of 100k articles pass through here
_LETTER = re.compile(r"[^\W\d_]")
_ARABIC_LETTER = re.compile(f"[{ARABIC_LETTERS}]")


@dataclass
class Article:
    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""


@dataclass
class ArticleError:
    origin: str
    reason: str


def _content_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def check_text(text: str) -> str | None:
    """The reason an article text cannot be analysed, or None."""
    if not text or not text.strip():
        return "empty text"
    letters = len(_LETTER.findall(text))
    if not letters:
        return "no letters in text"
    arabic = len(_ARABIC_LETTER.findall(text))
    if arabic / letters < MIN_ARABIC_SHARE:
        return f"not Arabic ({arabic / letters:.0%} of letters are Arabic)"
    return None


def _finish(article: Article) -> Article | ArticleError:
    reason = check_text(article.text)
    return ArticleError(article.origin, reason) if reason else article


def from_record(record: object, origin: str, field_map: dict[str, str] | None = None) -> Article | ArticleError:
    if not isinstance(record, dict):
        return ArticleError(origin, f"expected a JSON object, got {type(record).__name__}")
    text = pick(record, "text", field_map)
    if not isinstance(text, str):
        return ArticleError(origin, "no text field (tried: text, content, body, article, maintext)")
    raw_id = pick(record, "id", field_map) or pick(record, "url", field_map)
    published = pick(record, "published", field_map)
    return _finish(
        Article(
            id=str(raw_id) if raw_id is not None else _content_id(text),
            text=text,
            title=pick(record, "title", field_map),
            published=parse_date(published),
            url=pick(record, "url", field_map),
            source=pick(record, "source", field_map),
            origin=origin,
        )
    )


def json_lines(lines: Iterable[str], origin: str) -> Iterator[tuple[str, object, str | None]]:
    """(`origin:line`, the parsed value, None) per non-blank line, or (where, None, why it is not JSON)."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            yield where, json.loads(line), None
        except json.JSONDecodeError as exc:
            yield where, None, f"invalid JSON ({exc.msg} at column {exc.colno})"


def read_jsonl(lines: Iterable[str], origin: str, field_map: dict[str, str] | None = None) -> Iterator[Article | ArticleError]:
    for where, record, error in json_lines(lines, origin):
        yield ArticleError(where, error) if error else from_record(record, where, field_map)


def from_html(html: str, origin: str, article_id: str, url: str | None = None) -> Article | ArticleError:
    import trafilatura  # slow to import; only HTML input needs it

    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if extracted is None:
        return ArticleError(origin, "no main text found in HTML page")
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    return _finish(
        Article(
            id=article_id,
            text=data.get("text") or "",
            title=data.get("title"),
            published=parse_date(data.get("date")),
            url=url or data.get("url"),
            source=data.get("sitename") or data.get("hostname"),
            origin=origin,
        )
    )


def _read_file(path: Path, field_map: dict[str, str] | None) -> Iterator[Article | ArticleError]:
    name = path.name.lower()
    origin = str(path)
    try:
        if name.endswith(".jsonl.gz") or name.endswith(".ndjson.gz"):
            with gzip.open(path, "rt", encoding="utf-8", errors="replace") as handle:
                yield from read_jsonl(handle, origin, field_map)
        elif path.suffix.lower() in JSONL_SUFFIXES:
            with open(path, encoding="utf-8", errors="replace") as handle:
                yield from read_jsonl(handle, origin, field_map)
        elif path.suffix.lower() in HTML_SUFFIXES:
            yield from_html(path.read_text(encoding="utf-8", errors="replace"), origin, path.stem)
        elif path.suffix.lower() in TEXT_SUFFIXES:
            text = path.read_text(encoding="utf-8")
            yield _corpus_record(text, origin, field_map) or _finish(Article(id=path.stem, text=text, origin=origin))
        else:
            yield ArticleError(origin, f"unsupported file type {path.suffix or '(none)'}: use .txt, .html, .jsonl or .jsonl.gz")
    except (OSError, UnicodeDecodeError, EOFError, gzip.BadGzipFile) as exc:
        yield ArticleError(origin, f"cannot read file: {exc}")


def _corpus_record(text: str, origin: str, field_map: dict[str, str] | None) -> Article | ArticleError | None:
    """The article of a corpus file holding one <DOC> record (ANT, TREC), or None for any other text."""
    if not _XML_RECORD.match(text):
        return None
    from khabar.ingest.xmldoc import from_xml  # xmldoc builds on this module

    return from_xml(text, origin, field_map)


def _read_stdin(field_map: dict[str, str] | None) -> Iterator[Article | ArticleError]:
    data = sys.stdin.read()
    head = data.lstrip()[:1]
    if head == "{":
        yield from read_jsonl(io.StringIO(data), "<stdin>", field_map)
    elif record := _corpus_record(data, "<stdin>", field_map):
        yield record
    elif head == "<":
        yield from_html(data, "<stdin>", "stdin")
    else:
        yield _finish(Article(id="stdin", text=data, origin="<stdin>"))


def read_sources(paths: Iterable[str], field_map: dict[str, str] | None = None) -> Iterator[Article | ArticleError]:
    """Articles in input order: each path in turn, a directory's files sorted by name."""
    for raw in paths:
        if raw == "-":
            yield from _read_stdin(field_map)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                yield from _read_file(child, field_map)
        elif path.exists():
            yield from _read_file(path, field_map)
        else:
            yield ArticleError(raw, "no such file or directory")
