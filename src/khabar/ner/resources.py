"""Lexical resources the tagger's features look up: word clusters and gazetteers, loaded from files."""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path

from khabar.ner.stems import strip_article
from khabar.text.normalize import normalize


@dataclass
class Gazetteer:
    """Normalised names, as token tuples, per type; multi-word names are matched longest first."""

    entries: dict[tuple[str, ...], str] = field(default_factory=dict)
    max_len: int = 0
    first_words: set[str] = field(default_factory=set)  # most tokens start no name: one lookup rules them out

    def add(self, name: str, kind: str) -> None:
        tokens = tuple(strip_article(t) for t in normalize(name).split())
        if tokens and tokens not in self.entries:
            self.entries[tokens] = kind
            self.max_len = max(self.max_len, len(tokens))
            self.first_words.add(tokens[0])

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        """A TSV file of `type<TAB>name` lines."""
        gazetteer = cls()
        with open(path, encoding="utf-8") as f:
            for line in f:
                kind, _, name = line.rstrip("\n").partition("\t")
                gazetteer.add(name, kind)
        return gazetteer

    def match(self, candidates: list[tuple[str, ...]]) -> list[tuple[int, int, str]]:
        """Longest non-overlapping (start, end, type) matches, left to right. Each token comes as its
        `stem_candidates`; clitics attach to a name's first word only, so later words use the first one."""
        matches = []
        i = 0
        while i < len(candidates):
            match = self._longest_at(candidates, i)
            if match:
                matches.append(match)
                i = match[1]
            else:
                i += 1
        return matches

    def _longest_at(self, candidates: list[tuple[str, ...]], i: int) -> tuple[int, int, str] | None:
        if self.first_words.isdisjoint(candidates[i]):
            return None
        rest = tuple(c[0] for c in candidates[i + 1 : i + self.max_len])
        for n in range(len(rest) + 1, 0, -1):
            for first in candidates[i]:
                kind = self.entries.get((first, *rest[: n - 1]))
                if kind:
                    return i, i + n, kind
        return None


def load_name_words(path: Path) -> dict[str, tuple[str, ...]]:
    """word -> its kinds (given name, family name, title, ...), from a TSV `kind<TAB>word` written by
    scripts/build_ner_name_words.py (words normalised, article stripped)."""
    kinds: dict[str, list[str]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            kind, _, word = line.rstrip("\n").partition("\t")
            kinds.setdefault(word, []).append(kind)
    return {word: tuple(k) for word, k in kinds.items()}


def load_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """word -> cluster ids at each granularity, from a gzipped TSV `word<TAB>id<TAB>id...`."""
    clusters = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            word, *ids = line.rstrip("\n").split("\t")
            clusters[word] = tuple(ids)
    return clusters
