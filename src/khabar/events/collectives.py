"""Counted groups ("الزعيمان", "القادة الثلاثة", "الدول الثلاث") stand for the parties named before them: the
group's event is each party's event, so the actors are the group and its members."""

from __future__ import annotations

from khabar.document import Document, Entity
from khabar.events.demonyms import is_place
from khabar.events.lexicon import load_data
from khabar.text import normalize


class Collectives:
    def __init__(self) -> None:
        data = load_data("collectives.yaml")
        self.heads: dict[str, tuple[str, int | None]] = {
            normalize(word): (group["type"], group.get("count")) for group in data["groups"] for word in group["words"]}
        self.numerals = {normalize(word): int(n) for word, n in data["numerals"].items()}

    def size(self, entity: Entity) -> tuple[str, int] | None:
        """(entity type, number of members) of an unnamed counted group, else None."""
        if entity.named:
            return None
        words = normalize(entity.name).split()
        head = self.heads.get(words[0]) if words else None
        if head is None:
            return None
        count = head[1] or (self.numerals.get(words[1]) if len(words) > 1 else None)
        return (head[0], count) if count else None

    def members(self, doc: Document, entity: Entity, before: int) -> list[str]:
        """The last named parties of the group's type mentioned before offset `before`, when there are as many
        distinct ones as the group counts; places are no parties."""
        size = self.size(entity)
        if size is None:
            return []
        etype, count = size
        mentions = sorted(((m.end, e.id) for e in doc.entities if e.named and e.type == etype and not is_place(e)
                           for m in e.mentions if m.end <= before), reverse=True)
        found = list(dict.fromkeys(entity_id for _, entity_id in mentions))[:count]
        return found if len(found) == count else []
