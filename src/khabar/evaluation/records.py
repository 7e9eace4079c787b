"""Gold records and the article texts they annotate.

A record carries its text itself (`text`), or names it by `doc_key` (the article's id or URL) in corpus files given
with `texts=` (any input `khabar analyze` reads), optionally checked by the `sha1` of the text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from khabar.ingest import Article, read_sources
from khabar.ingest.fields import parse_date
from khabar.ingest.readers import json_lines


class GoldError(ValueError):
    """A gold file that cannot be scored: what is wrong and where."""


@dataclass
class GoldArticle:
    key: str
    text: str
    published: dt.date | None
    annotation: dict[str, Any]


def _read_records(path: Path) -> list[tuple[str, dict[str, Any]]]:
    records = []
    with open(path, encoding="utf-8") as f:
        for where, record, error in json_lines(f, str(path)):
            if error or not isinstance(record, dict):
                raise GoldError(f"{where}: {error or 'expected a JSON object'}")
            records.append((where, record))
    return records


def _texts_by_key(sources: Iterable[Path], wanted: set[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for item in read_sources(str(p) for p in sources):
        if isinstance(item, Article):
            # a file's record may name it by file name ("a.txt"), where its article id is the stem
            for key in (item.id, item.url, Path(item.origin).name):
                if key in wanted:
                    found[key] = item.text
    return found


def load_gold(paths: Iterable[Path], texts: Iterable[Path] = ()) -> list[GoldArticle]:
    """The gold articles of `paths`, in order, each with its text; GoldError names the first record that lacks one."""
    records = [r for path in paths for r in _read_records(Path(path))]
    wanted = {str(r["doc_key"]) for _, r in records if "text" not in r and "doc_key" in r}
    by_key = _texts_by_key(texts, wanted) if wanted else {}
    articles = []
    for where, record in records:
        key = str(record.get("doc_key") or record.get("id") or where)
        text = record.get("text") or by_key.get(key)
        if not isinstance(text, str):
            raise GoldError(f"{where}: no text for {key!r} (give the record a 'text' field, or the corpus that "
                            "holds it with --texts)")
        sha1 = record.get("sha1")
        if sha1 and hashlib.sha1(text.encode("utf-8")).hexdigest() != sha1:
            raise GoldError(f"{where}: the text found for {key!r} does not match the record's sha1")
        articles.append(GoldArticle(key, text, parse_date(record.get("published")), record))
    return articles
