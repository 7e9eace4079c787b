"""Namesakes: a KB person matched on their family name alone ("المالكي", "هاريس") where the tagger found a given
name before it that is not theirs ("فهد المالكي", "هاري هاريس") is someone else with the same family name. Such
matches are dropped, so that the tagger's span for the whole name takes their place (spelled, not misattributed).
Words are compared by their consonant skeleton: a given name spelled with other vowel letters ("ديميتري" for
"دميتري") is still theirs. A KB person right after بن/ابن/بنت is an ancestor inside another person's name."""

from __future__ import annotations

import re

from khabar.document import Document, EntitySpan
from khabar.kb import KnowledgeBase
from khabar.kb.keys import skeleton_key
from khabar.kb.translit import split_name

_SON_OF = re.compile(r"(?:^|\s)(?:بن|ابن|بنت)\s+$")


def _after_son_of(doc: Document, span: EntitySpan) -> bool:
    """A name right after بن/ابن/بنت is a father's or forefather's inside someone's lineage: in "محمد بن نايف بن
    عبدالعزيز آل سعود" it is no mention of Ibn Saud, in "فيصل بن مشعل بن سعود" none of Mishaal bin Saud."""
    return _SON_OF.search(doc.text, max(0, span.start - 8), span.start) is not None


class NamesakeFilter:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self._name_words: dict[str, frozenset[str]] = {}

    def __call__(self, doc: Document, spans: list[EntitySpan], tagged: list[EntitySpan]) -> list[EntitySpan]:
        names = [t for t in tagged if t.type == "PER"]
        return [s for s in spans if not self._namesake(doc, s, names, spans)]

    def _namesake(self, doc: Document, span: EntitySpan, names: list[EntitySpan], known: list[EntitySpan]) -> bool:
        if span.type != "PER" or span.kb_id is None:
            return False
        if _after_son_of(doc, span):
            return True
        longer = next((t for t in names if t.start < span.start and span.end <= t.end), None)
        # another known name inside the tagger's span: two people side by side ("سلمان خان وأميتاب باتشان")
        if longer is None or any(k.start < span.start and longer.start < k.end for k in known if k is not span):
            return False
        before = doc.text[longer.start : span.start].split()
        # one given name before the family name; a longer run is more often two names the tagger ran together
        if len(before) != 1 or longer.end != span.end:
            return False
        return skeleton_key(before[0]) not in self._words_of(span.kb_id) and not self.kb.starts_no_name(before[0])

    def _words_of(self, kb_id: str) -> frozenset[str]:
        if kb_id not in self._name_words:
            entry = self.kb.get(kb_id)
            names = [entry.name_ar, *entry.aliases_ar] if entry else []
            self._name_words[kb_id] = frozenset(skeleton_key(w) for n in names for w in split_name(n))
        return self._name_words[kb_id]
