"""Near-duplicate detection: republished wire copies of one story share most of their word 3-grams.

Each article gets a MinHash signature of its normalised word shingles; a MinHash LSH index finds earlier
articles whose estimated Jaccard similarity passes `THRESHOLD`. Signatures are stored with the articles, so
the index is rebuilt from the database instead of re-hashing texts after a restart.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from khabar.text.normalize import normalize

NUM_PERM = 128
SHINGLE = 3
# Wire copies are often trimmed or given a new first line by each outlet; 0.5 keeps those and rejects two
# different reports of the same event, which share names but few 3-word sequences.
THRESHOLD = 0.5
_WORD = re.compile(r"\w+")
# Stored signatures are read back with the hashing scheme and value type of the MinHash that made them.
_TEMPLATE = MinHash(num_perm=NUM_PERM)


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(normalize(text).lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> LeanMinHash:
    minhash = MinHash(num_perm=NUM_PERM)
    minhash.update_batch(list(shingles(text)))
    return LeanMinHash(minhash)


def to_bytes(sig: LeanMinHash) -> bytes:
    return sig.hashvalues.astype(_TEMPLATE.hashvalues.dtype).tobytes()


def from_bytes(data: bytes) -> LeanMinHash:
    values = np.frombuffer(data, dtype=_TEMPLATE.hashvalues.dtype)
    return LeanMinHash(seed=_TEMPLATE.seed, hashvalues=values, scheme=_TEMPLATE.scheme)


class StoryIndex:
    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._signatures: dict[int, LeanMinHash] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, article_pk: int, sig: LeanMinHash) -> None:
        if article_pk not in self._signatures:
            self._lsh.insert(article_pk, sig)
            self._signatures[article_pk] = sig

    def best_match(self, sig: LeanMinHash) -> tuple[int, float] | None:
        """The most similar indexed article (pk, estimated Jaccard) at or above the threshold."""
        best = None
        for pk in self._lsh.query(sig):
            score = sig.jaccard(self._signatures[pk])
            if score >= THRESHOLD and (best is None or (score, -pk) > (best[1], -best[0])):
                best = (pk, score)
        return best
