"""Building Documents by hand for the quote tests: the text layer plus entities at given surface strings."""

from __future__ import annotations

import sys
import types

from khabar.document import Document, Entity
from khabar.text import TextAnalyzer


def install_linker_stub(monkeypatch, answers: dict[str, str] | None = None) -> None:
    """Stand in for `khabar.link.resolve_description`: descriptions in `answers` resolve to the given entity id."""
    answers = answers or {}
    module = types.ModuleType("khabar.link")

    def resolve_description(doc: Document, start: int, end: int) -> str | None:
        return next((eid for phrase, eid in answers.items() if phrase in doc.text[start:end]), None)

    module.resolve_description = resolve_description
    monkeypatch.setitem(sys.modules, "khabar.link", module)


def make_doc(text: str, names: dict[str, tuple[str, str]]) -> Document:
    """`names` maps a surface string to (entity id, type); every occurrence becomes a mention, longest first."""
    doc = Document(id="t", text=text)
    TextAnalyzer()(doc)
    taken: list[tuple[int, int]] = []
    entities: dict[str, Entity] = {}
    for surface, (entity_id, etype) in sorted(names.items(), key=lambda kv: -len(kv[0])):
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if not any(s < end and start < e for s, e in taken):
                taken.append((start, end))
                entity = entities.setdefault(entity_id, Entity(id=entity_id, type=etype, name=surface))
                entity.mentions.append(doc.span(start, end))
            start = text.find(surface, end)
    doc.entities = list(entities.values())
    return doc
