"""Viterbi decoding of a crfsuite model in numpy, with a per-label score bias.

The CRF is precise but misses names (test P 81, R 63): a negative bias on the O label at decoding time
trades some precision for recall. crfsuite cannot add a bias when tagging, so its weights (`Tagger.info()`)
are read once into a state matrix and a transition matrix and the decoding is done here; with no bias the
tags are crfsuite's own (tests/test_ner_decode.py). crfsuite's linear-chain model has no start or end
transitions, and a token's score for a label is the sum of the weights of its attributes times their values
(1 for an attribute given by name only).
"""

from __future__ import annotations

from itertools import chain, repeat

import numpy as np
import pycrfsuite

_NO_WEIGHT = ""  # stands for a token without attributes (its scores are all zero)


class BiasedViterbi:
    def __init__(self, crf: pycrfsuite.Tagger, bias: dict[str, float] | None = None,
                 info=None):
        """`bias`: label -> score added to that label at every token (e.g. {"O": -0.5}). `info`: the model's
        `crf.info()` when the caller already has it (reading it takes a few tenths of a second)."""
        info = info or crf.info()
        self.labels = list(crf.labels())
        column = {label: j for j, label in enumerate(self.labels)}
        attributes = sorted({attribute for attribute, _ in info.state_features})
        # attribute -> row of `state`; one extra all-zero row stands for those the model has no weight for
        self.row = {attribute: i for i, attribute in enumerate(attributes)}
        self.state = np.zeros((len(attributes) + 1, len(self.labels)))
        for (attribute, label), weight in info.state_features.items():
            self.state[self.row[attribute], column[label]] = weight
        self.transition = np.zeros((len(self.labels), len(self.labels)))
        for (previous, label), weight in info.transitions.items():
            self.transition[column[previous], column[label]] = weight
        self.bias = np.zeros(len(self.labels))
        for label, value in (bias or {}).items():
            self.bias[column[label]] = value

    def emissions(self, sentences: list[list[list[str] | dict[str, float]]]) -> np.ndarray:
        """(sentence, token, label) state scores of per-token attribute lists or {attribute: value} dicts
        (crfsuite's items: weight x value), bias included, padded with zeros to the longest sentence: the
        model's definition of a score, for any items. The packaged tagger
        gets the same scores faster from per-word sums (khabar.ner.emission, checked against this)."""
        lengths = [len(s) for s in sentences]
        emission = np.zeros((len(sentences), max(lengths, default=0), len(self.labels)))
        tokens = [attributes or [_NO_WEIGHT] for sentence in sentences for attributes in sentence]
        if not tokens:
            return emission
        counts = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
        attributes = chain.from_iterable(tokens)  # a dict item iterates over its attribute names
        rows = np.fromiter(map(self.row.get, attributes, repeat(len(self.row))), dtype=np.int64, count=counts.sum())
        values = np.fromiter(chain.from_iterable(t.values() if isinstance(t, dict) else repeat(1.0, len(t))
                                                 for t in tokens), dtype=np.float64, count=counts.sum())
        scores = np.add.reduceat(self.state[rows] * values[:, None], np.cumsum(counts) - counts, axis=0) + self.bias
        mask = np.arange(emission.shape[1]) < np.array(lengths)[:, None]
        emission[mask] = scores  # row-major order: sentence by sentence, token by token
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
