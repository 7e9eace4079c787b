"""Counted groups ("الزعيمان", "القادة الثلاثة", "الدول الثلاث") stand for the parties named before them: the
group's event is each party's event, so the actors are the group and its members."""

from __future__ import annotations

from khabar.document import Document, Entity
from khabar.events.arguments import MentionIndex
from khabar.events.demonyms import is_country, is_place
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

    def members(self, index: MentionIndex, entity: Entity, before: int, others: set[str] = frozenset()) -> list[str]:
        """The last named parties of the group's type mentioned before offset `before`, none of `others`, when
        there are as many distinct ones as the group counts; places are no parties. States are those named as
        parties, with no preposition, also by their capitals ("تتطلع أنقرة وموسكو وطهران ... نشرت الدول الثلاث"),
        not the places where things happen ("في سوريا", "على النقيض من الولايات المتحدة")."""
        size = self.size(entity)
        if size is None:
            return []
        etype, count = size
        doc = index.doc
        if etype == "GPE":
            states = (index.acting_state(m.entity) for m in reversed(index.mentions)
                      if m.end <= before and m.preposition is None and index.can_act(m))
            found = list(dict.fromkeys(s for s in states if _is_state(doc, s) and s not in others))[:count]
        else:
            mentions = sorted(((m.end, e.id) for e in doc.entities if e.named and e.type == etype and not is_place(e)
                               for m in e.mentions if m.end <= before), reverse=True)
            found = list(dict.fromkeys(entity_id for _, entity_id in mentions if entity_id not in others))[:count]
        return found if len(found) == count else []


def _is_state(doc: Document, entity_id: str) -> bool:
    entity = doc.entity(entity_id)
    return entity is not None and entity.named and is_country(entity)
