"""The Arabic text layer: normalisation, paragraphs and sentences, tokens with clitics."""

from __future__ import annotations

from bisect import bisect_left

from khabar.document import Document
from khabar.text.normalize import normalize, normalize_with_map
from khabar.text.segment import paragraphs, sentences
from khabar.text.tokenize import stem_candidates, tokenize

__all__ = ["TextAnalyzer", "normalize", "normalize_with_map", "stem_candidates", "tokenize"]


class TextAnalyzer:
    name = "text"

    def __call__(self, doc: Document) -> None:
        doc.paragraphs = paragraphs(doc.text)
        doc.sentences = sentences(doc.text, doc.paragraphs)
        doc.tokens = tokenize(doc.text)
        starts = [t.start for t in doc.tokens]
        for number, sentence in enumerate(doc.sentences):
            sentence.token_start = bisect_left(starts, sentence.start)
            sentence.token_end = bisect_left(starts, sentence.end)
            for token in doc.tokens[sentence.token_start : sentence.token_end]:
                token.sentence = number
