"""Field-name auto-detection for JSON records, and tolerant date parsing."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from typing import Any

# The first alternative present wins; `--map field=key` overrides.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "docno", "doc_id", "guid", "uid"),
    "text": ("text", "content", "body", "article", "maintext", "fulltext"),
    "title": ("title", "headline"),
    "published": ("published", "date", "time", "pubDate", "published_at", "date_publish", "pub_date", "datetime"),
    "url": ("url", "link", "source_url"),
    "source": ("source", "publisher", "site", "domain", "src"),
}

_ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


def pick(record: dict[str, Any], field: str, field_map: dict[str, str] | None = None) -> Any:
    if field_map and field in field_map:
        return record.get(field_map[field])
    for key in FIELD_ALIASES[field]:
        value = record.get(key)
        if value is not None:
            return value
    return None


def parse_date(value: Any) -> dt.date | None:
    """A date from ISO strings, day-first strings, RFC 822 (feeds) or epoch seconds; None when unreadable."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)):
        return dt.datetime.fromtimestamp(value, dt.timezone.utc).date()
    text = str(value).strip()
    for pattern, order in ((_ISO_DATE, (1, 2, 3)), (_DAY_FIRST, (3, 2, 1))):
        match = pattern.search(text)
        if match:
            year, month, day = (int(match.group(i)) for i in order)
            try:
                return dt.date(year, month, day)
            except ValueError:
                return None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None
