"""Names from the statistical tagger (ANERcorp labels), turned into clitic-free, typed entity spans."""

from __future__ import annotations

from khabar.document import Document, EntitySpan, Token
from khabar.kb.translit import name_key
from khabar.ner.conlleval import entity_spans
from khabar.text.tokenize import stem_candidates

_TYPES = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "GPE"}  # MISC is not an output type


class TaggedNames:
    """Adapter from a token tagger (`tag(list[list[str]]) -> list[list[str]]`) to EntitySpans.

    `known_words`: normalised words of known names, used to decide whether a leading و/ف/ب/ل/ك is a clitic
    ("وبوتين" → "بوتين") or part of the name ("فلاديمير"); `name_counts`: how often the name-word table has seen
    a word as a name (keyed by `name_key`), so that a name that begins like a clitic keeps its first letter when
    the whole word is the commoner name ("فادي", not "ادي"; "فالح", not "ال" + "ح"); `location_heads`: first
    words that make a location a natural place (LOC) rather than a political entity (GPE).
    """

    def __init__(self, tagger, known_words: set[str], location_heads: frozenset[str],
                 name_counts: dict[str, tuple[str, int]] | None = None):
        self.tagger = tagger
        self.known_words = known_words
        self.location_heads = location_heads
        self.name_counts = name_counts or {}

    def __call__(self, doc: Document) -> list[EntitySpan]:
        sentences = [doc.sentence_tokens(s) for s in doc.sentences]
        tags = self.tagger.tag([[t.text for t in sent] for sent in sentences])
        spans = []
        for sent, sent_tags in zip(sentences, tags):
            for first, end, label in sorted(entity_spans(sent_tags)):
                entity_type = _TYPES.get(label)
                if entity_type is None:
                    continue
                start = self._name_start(sent[first])
                if entity_type == "LOC":
                    entity_type = "LOC" if sent[first].norm in self.location_heads else "GPE"
                spans.append(EntitySpan(start, sent[end - 1].end, entity_type, "ner"))
        return spans

    def _name_start(self, token: Token) -> int:
        """Where the name starts inside its first token: after clitics that are certainly clitics."""
        candidates = stem_candidates(token.text, token.start)
        if candidates[0].norm in self.known_words:
            return token.start
        whole = self._seen_as_name(token.text)
        for cand in candidates[1:]:
            if not cand.enclitic and (cand.article or cand.norm in self.known_words):
                stripped = token.text[cand.start - token.start :]
                return token.start if whole and whole >= self._seen_as_name(stripped) else cand.start
        return token.start if whole and whole >= self._seen_as_name(token.text[token.stem_start - token.start :]) \
            else token.stem_start

    def _seen_as_name(self, word: str) -> int:
        return self.name_counts.get(name_key(word)[0], ("", 0))[1]
