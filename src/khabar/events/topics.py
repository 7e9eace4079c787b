"""A document's field read from its words (`data/events/topics.yaml`), and the event types that in that field
are its own vocabulary rather than events (a match is no meeting, a counter-attack no assault)."""

from __future__ import annotations

from dataclasses import dataclass

from khabar.document import Document
from khabar.events.lexicon import load_data
from khabar.text import normalize, stem_candidates


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    words: frozenset[str]
    min_share: float
    min_distinct: int
    not_events: frozenset[str]


class TopicReader:
    def __init__(self) -> None:
        self.topics = [Topic(name, frozenset(normalize(w) for w in spec["words"]), float(spec["min_share"]),
                             int(spec["min_distinct"]), frozenset(spec["not_events"]))
                       for name, spec in load_data("topics.yaml").items()]

    def not_events(self, doc: Document) -> frozenset[str]:
        """The event types that the document's field makes no events of (empty for news of no such field)."""
        words = [t.text for t in doc.tokens if t.text.isalpha()]
        out: frozenset[str] = frozenset()
        for topic in self.topics:
            hits = [w for w in (_field_word(topic.words, text) for text in words) if w]
            if words and len(hits) >= topic.min_share * len(words) and len(set(hits)) >= topic.min_distinct:
                out |= topic.not_events
        return out


def _field_word(words: frozenset[str], text: str) -> str | None:
    """The field word a token is, through its clitic splits and without the article ("والمباراة")."""
    for cand in stem_candidates(text, 0):
        norm = cand.norm[2:] if cand.norm.startswith("ال") else cand.norm
        if norm in words:
            return norm
    return None
