"""Test-split leakage guard: NewsFANE re-annotates part of ANERcorp, including text of the CAMeL test split.
A training sentence is dropped when it shares a token 8-gram with the protected text, or, when shorter than
8 tokens, when it occurs there whole. N-grams run across the protected text's sentence breaks, since other
corpora split sentences elsewhere."""

from __future__ import annotations

from collections.abc import Iterable

from khabar.text.normalize import normalize

NGRAM = 8


class OverlapGuard:
    def __init__(self, protected_sentences: Iterable[list[str]], n: int = NGRAM):
        self.n = n
        stream = [normalize(t) for tokens in protected_sentences for t in tokens]
        self.grams = {tuple(stream[i : i + k]) for k in range(1, n + 1) for i in range(len(stream) - k + 1)}

    def overlaps(self, tokens: list[str]) -> bool:
        words = [normalize(t) for t in tokens]
        k = min(self.n, len(words))
        return any(tuple(words[i : i + k]) in self.grams for i in range(len(words) - k + 1))
