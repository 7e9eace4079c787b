"""Dense word vectors as real-valued CRF attributes (`v0=...`, `sv0=...`: weight x value in the state score).

The table (`word_vectors.npz`, built by scripts/build_ner_word_table.py) holds PCA-reduced fastText vectors
of the words of the unlabelled news, the training corpora and the name lists, and of their clitic-stripped
stems, as float16. FastText's character n-grams give rare names a vector at build time; at tagging time a
word outside the table takes its stem's vector, and a word whose stem is outside too gets none (all its
vector attributes are zero).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np


class WordVectors:
    def __init__(self, words: list[str], matrix: np.ndarray, lend: tuple[int, ...] = ()):
        """`lend`: the neighbour offsets a word's vector is also lent to (an attribute `-1v0` at the next word)."""
        self.words = words
        self.index = {word: i for i, word in enumerate(words)}
        self.matrix = matrix
        self.lend = lend

    @classmethod
    def load(cls, path: Path) -> WordVectors:
        with np.load(path) as data:
            words = bytes(data["words"]).decode("utf-8").split("\n")
            return cls(words, data["matrix"], tuple(int(o) for o in data["lend"]))

    def save(self, path: Path) -> None:
        encoded = np.frombuffer("\n".join(self.words).encode("utf-8"), dtype=np.uint8)
        np.savez_compressed(path, words=encoded, matrix=self.matrix.astype(np.float16),
                            lend=np.array(self.lend, dtype=np.int64))

    @property
    def dims(self) -> int:
        return self.matrix.shape[1]

    def get(self, *candidates: str) -> np.ndarray | None:
        """The vector of the first candidate in the table, or None."""
        for word in candidates:
            i = self.index.get(word)
            if i is not None:
                return self.matrix[i]
        return None


def weighted_attributes(prefix: str, vector: np.ndarray | None) -> tuple[tuple[str, float], ...]:
    """(`prefix` + dimension, value) pairs; nothing for a missing vector (its attributes are all zero)."""
    if vector is None:
        return ()
    return tuple((f"{prefix}{i}", float(value)) for i, value in enumerate(vector))
