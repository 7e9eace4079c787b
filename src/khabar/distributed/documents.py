"""A Document back from its contract JSON (`Document.to_dict()`), so that stored analyses can go into the store.

`document_from_dict(d).to_dict() == d` for every analysis khabar writes; what the JSON does not carry (tokens,
sentences, raw entity spans) stays empty, as in the store's own workers once they have indexed a document.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from khabar.document import DateMention, Document, Entity, Event, Quote, Relation, Source, Span


def _span(d: dict[str, Any] | None) -> Span | None:
    return Span(d["start"], d["end"], d["text"]) if d else None


def _entity(d: dict[str, Any]) -> Entity:
    return Entity(
        id=d["id"], type=d["type"], name=d["name"], mentions=[_span(m) for m in d["mentions"]], named=d["named"],
        name_en=d.get("name_en"), kb_id=d.get("kb_id"), wikidata=d.get("wikidata"), country=d.get("country"),
        actor_code=d.get("actor_code"),
    )


def _date(d: dict[str, Any]) -> DateMention:
    return DateMention(d["start"], d["end"], d["text"], d["value"], d["type"], d.get("granularity"), d.get("reason"))


def _quote(d: dict[str, Any]) -> Quote:
    return Quote(d["speaker"], d["cue"], d["kind"], d["start"], d["end"], d["text"], _span(d.get("cue_span")))


def _event(d: dict[str, Any]) -> Event:
    return Event(
        type=d["type"], evidence=_span(d["evidence"]), actors=list(d["actors"]), recipients=list(d["recipients"]),
        mode=d.get("mode"), context=list(d.get("context") or []), cameo=d.get("cameo"), date=d.get("date"),
        date_source=d.get("date_source"), negated=d.get("negated", False), trigger=_span(d.get("trigger")),
        modality=d.get("modality"), magnitudes=dict(d.get("magnitudes") or {}),
    )


def _relation(d: dict[str, Any]) -> Relation:
    return Relation(d["type"], d["subject"], d["object"], _span(d["evidence"]), d.get("role"))


def _source(d: dict[str, Any]) -> Source:
    return Source(d.get("publisher"), d.get("wire"), d.get("dateline"), _span(d.get("wire_evidence")), _span(d.get("dateline_evidence")))


def document_from_dict(d: dict[str, Any]) -> Document:
    return Document(
        id=d["id"], text=d["text"], title=d.get("title"),
        published=dt.date.fromisoformat(d["published"]) if d.get("published") else None,
        url=d.get("url"), source=_source(d["source"]),
        entities=[_entity(e) for e in d["entities"]],
        dates=[_date(x) for x in d["dates"] + d.get("time_expressions", [])],
        quotes=[_quote(q) for q in d["quotes"]],
        events=[_event(e) for e in d["events"]],
        relations=[_relation(r) for r in d["relations"]],
    )
