"""Relations between entities, each with its evidence span: position_held and affiliated_with from titles,
member_of and observer_of from membership lists, located_in from place phrases."""

from __future__ import annotations

from khabar.document import Document
from khabar.events.arguments import MentionIndex
from khabar.relations.locations import LocationReader
from khabar.relations.membership import MembershipReader
from khabar.relations.titles import TitleReader

__all__ = ["RelationExtractor"]


class RelationExtractor:
    name = "relations"

    def __init__(self) -> None:
        self.readers = [TitleReader(), MembershipReader(), LocationReader()]

    def __call__(self, doc: Document) -> None:
        index = MentionIndex(doc)
        seen = {(r.type, r.subject, r.object) for r in doc.relations}
        for reader in self.readers:
            for relation in reader.extract(doc, index):
                key = (relation.type, relation.subject, relation.object)
                if key not in seen and relation.subject != relation.object:
                    seen.add(key)
                    doc.relations.append(relation)
