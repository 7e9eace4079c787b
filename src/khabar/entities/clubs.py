"""Clubs named after their city: "روما الإيطالي" is AS Roma, not Rome. Arabic makes a city feminine ("روما
الإيطالية"), so a known city followed by a masculine nationality adjective, in a sentence about sport
(data/entities/clubs.yaml), is a club: typed ORG, no longer the city's KB id (the KB names clubs only by forms
that are no city's name)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from importlib import resources

import yaml

from khabar.document import Document, EntitySpan
from khabar.kb import KnowledgeBase
from khabar.text.normalize import normalize_word

CLUB = "club"  # the span's source: the linker keeps it an organisation


class CityClubs:
    def __init__(self, kb: KnowledgeBase, sport_words: frozenset[str] | None = None):
        self.kb = kb
        if sport_words is None:
            text = resources.files("khabar.data").joinpath("entities/clubs.yaml").read_text(encoding="utf-8")
            sport_words = frozenset(normalize_word(w) for w in yaml.safe_load(text)["sport_words"])
        self.sport_words = tuple(sorted(sport_words))

    def __call__(self, doc: Document, starts: list[int], spans: list[EntitySpan]) -> list[EntitySpan]:
        """The spans, a city named as a club retyped; `starts`: the tokens' offsets."""
        return [replace(s, type="ORG", source=CLUB, kb_id=None) if self._club(doc, s, starts) else s for s in spans]

    def _club(self, doc: Document, span: EntitySpan, starts: list[int]) -> bool:
        entry = self.kb.get(span.kb_id) if span.kb_id else None
        if entry is None or entry.kind != "city":
            return False
        last = bisect_right(starts, span.end - 1) - 1
        if last + 1 >= len(doc.tokens) or doc.tokens[last + 1].sentence != doc.tokens[last].sentence:
            return False
        adjective = doc.tokens[last + 1].text
        if not (normalize_word(adjective).startswith("ال") and normalize_word(adjective).endswith("ي")
                and self.kb.nationality(adjective)):
            return False  # a feminine adjective (الإيطالية) or none: the city
        sentence = doc.tokens[last].sentence
        return any(self._sport_word(normalize_word(t.text)) for t in doc.tokens if t.sentence == sentence)

    def _sport_word(self, word: str) -> bool:
        """The word, or the word after a proclitic و/ف/ب/ل ("بمباراة"), begins with a word of sport."""
        return word.startswith(self.sport_words) or (word[:1] in "وفبل" and word[1:].startswith(self.sport_words))
