"""The state a bare "المملكة" or "السلطنة" stands for, added as a mention of it.

Arabic news name their own or the article's kingdom "المملكة" once it is clear which: the one kingdom
the article names (Saudi Arabia, Jordan, Morocco, Bahrain, the United Kingdom), or, naming none, the
publisher's country when it is a kingdom (data/source/publishers.yaml: Al Riyadh, Al Yaum), else the
kingdom the article is about (`article_country`, where one vote is enough when no other country has
any: "مفتي عام المملكة" in a story about the Saudi Council of Senior Scholars). Two kingdoms
named: no mention. The word must stand alone: "المملكة الأردنية" is the beginning of a name.
"""

from __future__ import annotations

import re
from importlib import resources

import yaml

from khabar.document import Document, Entity
from khabar.kb import KnowledgeBase
from khabar.kb.keys import alias_key
from khabar.kb.sources import read_yaml
from khabar.link.context import article_country
from khabar.link.describe import set_from_entry

_NEXT_WORD = re.compile(r"\s+([\u0621-\u064a]+)")


class StateReferences:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        publishers = resources.files("khabar.data").joinpath("source/publishers.yaml").read_text(encoding="utf-8")
        self.publisher_country = {p["name"]: p["country"] for p in yaml.safe_load(publishers) if p.get("country")}
        self.states: dict[str, set[str]] = {}  # the word -> KB ids of the states it may stand for
        for word, beginnings in read_yaml("anaphora.yaml")["state_heads"].items():
            keys = tuple(alias_key(b) + " " for b in beginnings)
            self.states[word] = {
                e.id
                for e in kb.entries.values()
                if e.kind == "country" and any((alias_key(n) + " ").startswith(keys) for n in e.arabic_names())
            }

    def __call__(self, doc: Document) -> None:
        taken = [(m.start, m.end) for e in doc.entities for m in e.mentions]
        for word, state_ids in self.states.items():
            occurrences = [
                (start, end) for start, end in self._occurrences(doc.text, word) if not _overlaps(start, end, taken)
            ]
            if not occurrences:
                continue
            entity = self._state(doc, state_ids)
            if entity is None:
                continue
            entity.mentions = sorted(
                [*entity.mentions, *(doc.span(s, e) for s, e in occurrences)],
                key=lambda m: m.start,
            )

    def _occurrences(self, text: str, word: str) -> list[tuple[int, int]]:
        """The word alone, possibly after و/ف/ب/ك ("بالمملكة"), not the start of a longer name."""
        found = []
        for match in re.finditer(rf"(?<![\w\u0600-\u06ff])[وف]?[بك]?({word})(?![\w\u0600-\u06ff])", text):
            following = _NEXT_WORD.match(text, match.end(1))
            if following and self.kb.entries_starting_with(f"{word} {following.group(1)}"):
                continue
            found.append(match.span(1))
        return found

    def _state(self, doc: Document, state_ids: set[str]) -> Entity | None:
        named = [e for e in doc.entities if e.kb_id in state_ids]
        if len(named) == 1:
            return named[0]
        if named:
            return None
        country = self.publisher_country.get(doc.source.publisher or "")
        if country is None or f"country:{country}" not in state_ids:
            country = article_country(doc, self.kb, min_votes=1)  # "المملكة" itself says there is one
        entry = self.kb.get(f"country:{country}") if country else None
        if entry is None or entry.id not in state_ids:
            return None
        entity = Entity(id=f"e{len(doc.entities) + 1}", type=entry.type, name="")
        set_from_entry(entity, entry, doc)
        doc.entities.append(entity)
        return entity


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)
