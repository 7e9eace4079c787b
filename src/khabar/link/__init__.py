"""A first linker: spans with the same KB id or the same normalised name become one entity."""

from __future__ import annotations

from khabar.document import Document, Entity
from khabar.kb import load_kb
from khabar.text.normalize import normalize


class Linker:
    name = "link"

    def __init__(self) -> None:
        self.kb = load_kb()

    def __call__(self, doc: Document) -> None:
        by_key: dict[str, Entity] = {}
        for span in doc.entity_spans:
            key = span.kb_id or f"{span.type}:{normalize(doc.text[span.start:span.end])}"
            entity = by_key.get(key)
            if entity is None:
                entity = Entity(id=f"e{len(by_key) + 1}", type=span.type, name=doc.text[span.start:span.end])
                entry = self.kb.get(span.kb_id) if span.kb_id else None
                if entry:
                    entity.type, entity.name, entity.name_en = entry.type, entry.name_ar, entry.name_en
                    entity.kb_id, entity.wikidata, entity.country = entry.id, entry.wikidata, entry.country
                    entity.actor_code = entry.actor_code(doc.published)
                by_key[key] = entity
            entity.mentions.append(doc.span(span.start, span.end))
        doc.entities = list(by_key.values())
