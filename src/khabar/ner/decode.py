"""Viterbi decoding of a crfsuite model in numpy, with a per-label score bias.

The CRF is precise but misses names (test P 81, R 63): a negative bias on the O label at decoding time
trades some precision for recall. crfsuite cannot add a bias when tagging, so its weights (`Tagger.info()`)
are read once into a state matrix and a transition matrix and the decoding is done here; with no bias the
tags are crfsuite's own (tests/test_ner_decode.py). crfsuite's linear-chain model has no start or end
transitions, and a token's score for a label is the sum of the weights of its attributes (all of value 1).
"""

from __future__ import annotations

import numpy as np
import pycrfsuite


class BiasedViterbi:
    def __init__(self, crf: pycrfsuite.Tagger, bias: dict[str, float] | None = None,
                 info=None):
        """`bias`: label -> score added to that label at every token (e.g. {"O": -0.5}). `info`: the model's
        `crf.info()` when the caller already has it (reading it takes a few tenths of a second)."""
        info = info or crf.info()
        self.labels = list(crf.labels())
        column = {label: j for j, label in enumerate(self.labels)}
        attributes = sorted({attribute for attribute, _ in info.state_features})
        self.row = {attribute: i for i, attribute in enumerate(attributes)}
        # one extra all-zero row stands for the attributes the model has no weight for
        self.state = np.zeros((len(attributes) + 1, len(self.labels)))
        for (attribute, label), weight in info.state_features.items():
            self.state[self.row[attribute], column[label]] = weight
        self.transition = np.zeros((len(self.labels), len(self.labels)))
        for (previous, label), weight in info.transitions.items():
            self.transition[column[previous], column[label]] = weight
        self.bias = np.zeros(len(self.labels))
        for label, value in (bias or {}).items():
            self.bias[column[label]] = value

    def scores(self, sentence: list[list[str]]) -> np.ndarray:
        """(tokens, labels) state scores of one sentence's attribute lists, bias included."""
        unknown = len(self.row)
        rows = [[self.row.get(a, unknown) for a in attributes] or [unknown] for attributes in sentence]
        starts = np.cumsum([0] + [len(r) for r in rows[:-1]])
        flat = np.fromiter((i for r in rows for i in r), dtype=np.int64)
        return np.add.reduceat(self.state[flat], starts, axis=0) + self.bias

    def emissions(self, sentences: list[list[list[str]]]) -> np.ndarray:
        """(sentence, token, label) state scores, bias included, padded with zeros to the longest sentence."""
        emission = np.zeros((len(sentences), max(map(len, sentences), default=0), len(self.labels)))
        for i, sentence in enumerate(sentences):
            if sentence:
                emission[i, : len(sentence)] = self.scores(sentence)
        return emission

    def tag(self, sentences: list[list[list[str]]]) -> list[list[str]]:
        """Best label sequence of each sentence (a list of per-token attribute lists)."""
        return self.decode(self.emissions(sentences), [len(s) for s in sentences])

    def decode(self, emission: np.ndarray, lengths: list[int]) -> list[list[str]]:
        """Viterbi over padded state scores, all sentences together."""
        lengths = np.asarray(lengths, dtype=np.int64)
        if not emission.size:
            return [[] for _ in lengths]
        best = emission[:, 0].copy()
        back = np.zeros(emission.shape, dtype=np.int64)
        for t in range(1, emission.shape[1]):
            candidates = best[:, :, None] + self.transition  # (sentence, previous, label)
            back[:, t] = candidates.argmax(axis=1)
            running = (t < lengths)[:, None]
            best = np.where(running, candidates.max(axis=1) + emission[:, t], best)
        path = np.zeros(emission.shape[:2], dtype=np.int64)
        current = best.argmax(axis=1)
        rows = np.arange(len(lengths))
        for t in range(emission.shape[1] - 1, -1, -1):
            path[:, t] = current
            current = np.where(t < lengths, back[rows, t, current], current)
        return [[self.labels[j] for j in path[i, :n]] for i, n in enumerate(lengths)]
