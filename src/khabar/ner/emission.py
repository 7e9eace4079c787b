"""The CRF's state scores of a sentence without building its feature lists.

A token's score for a label is the sum of the weights of its attributes (khabar.ner.decode), and almost all
of its attributes come from one word each: the token's own word features, the features its neighbours lend
it at each offset, a gazetteer tag at each position, two stem bigrams; the real-valued ones (dense word vectors,
khabar.ner.vectors: weight x value) too. So the scores are summed once per
distinct word (its own part and what it lends at each offset, as rows of a growing matrix) and per
gazetteer tag, and a sentence's scores are a few numpy gathers, with the same result as summing the
attributes of `FeatureExtractor.__call__` token by token (tests/test_ner_emission.py). This is the
tagger's hot path: building the attribute lists took most of the entity layer's time.
"""

from __future__ import annotations

import numpy as np

from khabar.ner.decode import BiasedViterbi
from khabar.ner.features import FeatureExtractor, WordAnalysis, bigram_after, bigram_before

_INITIAL_WORDS = 1 << 14
# distinct words kept (their rows cost (1 + neighbour offsets) x labels floats each); past it the table
# starts again, so that a long run over a large corpus stays in bounded memory (~25 MB with offsets ±1, ±2)
MAX_WORDS = 1 << 16


class StateScores:
    def __init__(self, features: FeatureExtractor, viterbi: BiasedViterbi):
        self.features = features
        self.window = features.window  # neighbour offsets
        self.state = viterbi.state
        self.row = viterbi.row
        self.zero = len(self.row)  # the all-zero row of `state`
        n_labels = self.state.shape[1]
        # per distinct word: its own part and, per offset, what it lends the token at that offset
        self.word_id: dict[str, int] = {}
        self.parts = np.zeros((1 + len(self.window), _INITIAL_WORDS, n_labels))
        self.constant = self.state[self._row("bias")] + viterbi.bias
        self.edge = {offset: self.state[self._row(f"{offset}edge")] for offset in self.window}

    def _row(self, attribute: str) -> int:
        return self.row.get(attribute, self.zero)

    def _word(self, token: str) -> int:
        k = self.word_id.get(token)
        if k is not None:
            return k
        k = len(self.word_id)
        if k == self.parts.shape[1]:
            self.parts = np.concatenate([self.parts, np.zeros_like(self.parts)], axis=1)
        analysis = self.features.analyse(token)
        groups = [analysis.own, *(analysis.context[offset] for offset in self.window)]
        # one gather for all the parts; each group leads with the zero row, so that an empty one sums to zero
        rows = [row for group in groups for row in (self.zero, *map(self._row, group))]
        starts = np.cumsum([0] + [len(group) + 1 for group in groups[:-1]])
        self.parts[:, k] = np.add.reduceat(self.state[rows], starts, axis=0)
        for p, offset in enumerate((0, *self.window)):  # real-valued attributes: weight x value
            pairs = analysis.weighted.get(offset)
            if pairs:
                values = np.array([value for _, value in pairs])
                self.parts[p, k] += values @ self.state[[self._row(attribute) for attribute, _ in pairs]]
        self.word_id[token] = k
        return k

    def __call__(self, sentences: list[list[str]]) -> np.ndarray:
        """(sentence, token, label) scores, bias included, padded with zeros to the longest sentence."""
        lengths = [len(s) for s in sentences]
        out = np.zeros((len(sentences), max(lengths, default=0), self.state.shape[1]))
        for s, tokens in enumerate(sentences):
            if tokens:
                out[s, : len(tokens)] = self._sentence(tokens)
        return out

    def _sentence(self, tokens: list[str]) -> np.ndarray:
        n = len(tokens)
        if len(self.word_id) + n > MAX_WORDS:  # before the sentence: its words' rows must stay as they are
            self.word_id.clear()
        ids = np.fromiter((self._word(t) for t in tokens), dtype=np.int64, count=n)
        scores = self.parts[0, ids] + self.constant
        for p, offset in enumerate(self.window, 1):
            if offset < 0:  # token i takes what token i + offset lends
                scores[-offset:] += self.parts[p, ids[:offset]]
                scores[: -offset] += self.edge[offset]
            else:
                inside = max(n - offset, 0)  # an offset past a short sentence's end: all edges
                scores[:inside] += self.parts[p, ids[offset:]]
                scores[inside:] += self.edge[offset]
        analysed = [self.features.analyse(t) for t in tokens]
        rows = self._gazetteer_rows(analysed) + self._bigram_rows([a.stem for a in analysed])
        if rows:
            attributes = np.array(rows, dtype=np.int64).reshape(-1, n)
            scores += self.state[attributes].sum(axis=0)
        return scores

    def _gazetteer_rows(self, analysed: list[WordAnalysis]) -> list[int]:
        """Rows of the gazetteer attributes: each list's tag at the token and, per offset, at its neighbour
        (a neighbour outside the sentence lends nothing: its "edge" is counted with the word parts)."""
        n = len(analysed)
        rows: list[int] = []
        for name, tags in self.features.gazetteer_tags(analysed).items():
            rows += [self._row(f"{name}={tag}") for tag in tags]
            for offset in self.window:
                rows += [self._row(f"{offset}{name}={tags[i + offset]}") if 0 <= i + offset < n else self.zero
                         for i in range(n)]
        return rows

    def _bigram_rows(self, stems: list[str]) -> list[int]:
        n = len(stems)
        before = [self.zero] + [self._row(bigram_before(stems[i - 1], stems[i])) for i in range(1, n)]
        after = [self._row(bigram_after(stems[i], stems[i + 1])) for i in range(n - 1)] + [self.zero]
        return before + after
