"""A readable terminal summary of one analysed Document (`khabar analyze --format table`)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from khabar.document import Document


def _names(doc: Document, ids: list[str]) -> str:
    out = []
    for entity_id in ids:
        entity = doc.entity(entity_id)
        out.append(entity.name_en or entity.name if entity else entity_id)
    return ", ".join(out)


def print_document(console: Console, doc: Document) -> None:
    header = f"[bold]{doc.id}[/]" + (f" — {doc.title}" if doc.title else "")
    meta = [f"published {doc.published}" if doc.published else None, f"wire {doc.source.wire}" if doc.source.wire else None,
            f"dateline {doc.source.dateline}" if doc.source.dateline else None]
    console.rule(header)
    if any(meta):
        console.print(" · ".join(m for m in meta if m))

    entities = Table("id", "type", "name", "English", "country", "actor", "QID", "mentions", title="Entities")
    for e in doc.entities:
        entities.add_row(e.id, e.type, e.name, e.name_en or "", e.country or "", e.actor_code or "", e.wikidata or "",
                         str(len(e.mentions)))
    dates = Table("text", "value", "type", "reason", title="Dates")
    for d in sorted(doc.dates, key=lambda d: d.start):
        dates.add_row(d.text, d.value or "—", d.type, d.reason or "")
    quotes = Table("speaker", "kind", "cue", "text", title="Quotes")
    for q in doc.quotes:
        quotes.add_row(_names(doc, [q.speaker]) if q.speaker else "?", q.kind, q.cue, q.text[:80])
    events = Table("type", "mode", "actors", "recipients", "date", "evidence", title="Events")
    for ev in doc.events:
        kind = ev.type + (" (negated)" if ev.negated else "")
        events.add_row(kind, ev.mode or "", _names(doc, ev.actors), _names(doc, ev.recipients), ev.date or "",
                       ev.evidence.text[:60])
    relations = Table("type", "subject", "object", "role", title="Relations")
    for r in doc.relations:
        relations.add_row(r.type, _names(doc, [r.subject]), _names(doc, [r.object]), r.role or "")
    for table in (entities, dates, quotes, events, relations):
        if table.row_count:
            console.print(table)
