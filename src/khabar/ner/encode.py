"""The neural tagger's inputs: sentences of ANERcorp-style tokens -> padded integer arrays. Shared by
training (torch) and inference (numpy), so that both see exactly the same ids.

Per token: the id of the normalised word (without punctuation attached at its edges) and of its clitic-stripped stem in the word-vector vocabulary (the
stem is the most frequent of `stem_candidates`, so "وبيلاروسيا" also gets the vector of "بيلاروسيا"), the
ids of its first characters, its script shape, and the longest-match tag of each name gazetteer (ANERGazet,
the knowledge base)."""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

from khabar.ner.resources import Gazetteer
from khabar.ner.stems import stem_candidates
from khabar.text.normalize import normalize

_EDGE_PUNCTUATION = re.compile(r"^[^\w]+|[^\w]+$")
PAD, UNKNOWN = 0, 1  # reserved ids in the word and character vocabularies
MAX_CHARS = 16  # characters per token seen by the character CNN (names longer than this are rare)
SHAPES = ("pad", "ar", "lat", "num", "punct")
GAZETTEER_TAGS = ("pad", "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG")


class Batch(NamedTuple):
    words: np.ndarray  # [sentences, tokens] word ids
    stems: np.ndarray  # [sentences, tokens] stem ids
    chars: np.ndarray  # [sentences, tokens, MAX_CHARS] character ids
    shapes: np.ndarray  # [sentences, tokens]
    gazetteer: np.ndarray  # [sentences, tokens, gazetteers] tag ids, offset by len(GAZETTEER_TAGS) per gazetteer
    lengths: np.ndarray  # [sentences]
    keys: list[str]  # per real token, sentence after sentence: the form its word, stem, chars and shape come from


class TokenIds(NamedTuple):
    key: str  # the normalised word without edge punctuation: everything below derives from it
    word: int
    stem: int
    chars: tuple[int, ...]  # padded to MAX_CHARS
    shape: int
    candidates: tuple[str, ...]


def shape(word: str) -> int:
    for name, test in (("ar", _has_arabic), ("lat", _has_latin), ("num", _has_digit)):
        if test(word):
            return SHAPES.index(name)
    return SHAPES.index("punct")


def _has_arabic(word: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in word)


def _has_latin(word: str) -> bool:
    return any(ch.isascii() and ch.isalpha() for ch in word)


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def read_lines(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return f.read().split("\n")[:-1]


def write_lines(path: Path, lines: list[str]) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as f:
        f.writelines(line + "\n" for line in lines)


class Encoder:
    """`words`: the word-vector vocabulary, most frequent first (ids from 2); `chars`: the character
    vocabulary (ids from 2); `gazetteers`: name lists whose longest matches the network sees."""

    def __init__(self, words: list[str], chars: list[str], gazetteers: list[Gazetteer]):
        self.word_ids = {w: i for i, w in enumerate(words, start=2)}
        self.char_ids = {c: i for i, c in enumerate(chars, start=2)}
        self.gazetteers = gazetteers
        self.token = lru_cache(maxsize=200_000)(self._token)

    def _token(self, token: str) -> TokenIds:
        word = normalize(token) or token
        word = _EDGE_PUNCTUATION.sub("", word) or word  # corpora leave some punctuation attached ("كابول؛")
        candidates = stem_candidates(word)
        stem = min((self.word_ids.get(c, UNKNOWN) for c in candidates), key=lambda i: i if i != UNKNOWN else 1 << 30)
        chars = [self.char_ids.get(c, UNKNOWN) for c in word[:MAX_CHARS]]
        chars = tuple(chars + [PAD] * (MAX_CHARS - len(chars)))
        return TokenIds(word, self.word_ids.get(word, UNKNOWN), stem, chars, shape(word), candidates)

    def gazetteer_tags(self, tokens: list[TokenIds]) -> list[tuple[int, ...]]:
        """Per token, the tag id of each gazetteer (offset so that all share one embedding table)."""
        candidates = [t.candidates for t in tokens]
        columns = []
        for g, gazetteer in enumerate(self.gazetteers):
            tags = ["O"] * len(tokens)
            for start, end, kind in gazetteer.match(candidates):
                tags[start:end] = ["B-" + kind] + ["I-" + kind] * (end - start - 1)
            columns.append([g * len(GAZETTEER_TAGS) + GAZETTEER_TAGS.index(t) for t in tags])
        return list(zip(*columns))

    def __call__(self, sentences: list[list[str]]) -> Batch:
        lengths = np.array([len(s) for s in sentences], dtype=np.int64)
        n, width = len(sentences), int(max(lengths, default=0))
        rows = np.repeat(np.arange(n), lengths)
        cols = np.arange(len(rows)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        tokens = [[self.token(t) for t in sentence] for sentence in sentences]
        flat = [t for sentence in tokens for t in sentence]
        arrays = []
        for values in ([t.word for t in flat], [t.stem for t in flat], [t.shape for t in flat]):
            array = np.zeros((n, width), dtype=np.int64)
            array[rows, cols] = values
            arrays.append(array)
        chars = np.zeros((n, width, MAX_CHARS), dtype=np.int64)
        gazetteer = np.zeros((n, width, len(self.gazetteers)), dtype=np.int64)
        if flat:
            chars[rows, cols] = [t.chars for t in flat]
            gazetteer[rows, cols] = [tags for sentence in tokens for tags in self.gazetteer_tags(sentence)]
        words, stems, shapes = arrays
        return Batch(words, stems, chars, shapes, gazetteer, lengths, [t.key for t in flat])
