"""Flat XML article records (TREC/ANT style `<DOC><DOCNO>…</DOCNO><TEXT>…</TEXT></DOC>`) as JSON-like records.

Child element names become record keys (lower-cased), so the field auto-detection of JSONL input applies.
"""

from __future__ import annotations

import html
import re
from xml.etree import ElementTree

from khabar.ingest.readers import Article, ArticleError, from_record

_ELEMENT = re.compile(r"<(\w+)>(.*?)</\1>", re.DOTALL)
# ANT names the outlet SRC, which the JSON field aliases do not know
_EXTRA_ALIASES = {"src": "source"}


def xml_record(data: str) -> dict[str, str]:
    try:
        root = ElementTree.fromstring(data)
        record = {child.tag.lower(): (child.text or "").strip() for child in root}
    except ElementTree.ParseError:
        # records pasted from crawls often hold a bare "&": read the flat elements without a parser
        elements = _ELEMENT.findall(data)
        if len(elements) == 1:  # the record's own wrapper: its fields are inside
            elements = _ELEMENT.findall(elements[0][1])
        record = {tag.lower(): html.unescape(value).strip() for tag, value in elements}
    for alias, field in _EXTRA_ALIASES.items():
        if alias in record and field not in record:
            record[field] = record[alias]
    return record


def from_xml(data: str, origin: str, field_map: dict[str, str] | None = None) -> Article | ArticleError:
    record = xml_record(data)
    if not record:
        return ArticleError(origin, "no article fields in XML record")
    return from_record(record, origin, field_map)
