"""CRF features of a tokenised sentence. Word-level features (normalised form, affixes, clitic-stripped
stem, shape, clusters) are computed once per distinct word and cached; the sentence-level pass adds
neighbours, stem bigrams and gazetteer matches."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from khabar.ner.resources import Gazetteer
from khabar.ner.stems import stem_candidates
from khabar.text.normalize import normalize

_LATIN = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_UNSEEN = 1 << 30

CONTEXT_WINDOW = (-2, -1, 1, 2)


class WordAnalysis(NamedTuple):
    candidates: tuple[str, ...]  # for gazetteer matching
    stem: str
    own: tuple[str, ...]  # features of the word at its own position
    context: tuple[str, ...]  # features it lends to its neighbours


def _shape(word: str) -> str:
    if _ARABIC.search(word):
        return "ar"
    if _LATIN.search(word):
        return "lat"
    if _DIGIT.search(word):
        return "num"
    return "punct"


class FeatureExtractor:
    def __init__(self, clusters: dict[str, tuple[str, ...]], gazetteer: Gazetteer):
        self.clusters = clusters
        self.rank = {word: i for i, word in enumerate(clusters)}  # clusters are stored most frequent first
        self.gazetteer = gazetteer
        self.analyse = lru_cache(maxsize=200_000)(self._analyse)

    def _stem(self, candidates: tuple[str, ...]) -> str:
        """Drop a bare conjunction/preposition only when what remains is the more frequent word."""
        return min(candidates, key=lambda c: self.rank.get(c, _UNSEEN))

    def _analyse(self, token: str) -> WordAnalysis:
        word = normalize(token)
        candidates = stem_candidates(word)
        stem = self._stem(candidates)
        own = [
            "w=" + word, "stem=" + stem, "pro=" + word[: len(word) - len(stem)], "shape=" + _shape(word),
            "len=" + str(min(len(stem), 8)),
            "p2=" + stem[:2], "p3=" + stem[:3], "s1=" + stem[-1:], "s2=" + stem[-2:], "s3=" + stem[-3:],
        ]
        word_clusters = self.clusters.get(word) or self.clusters.get(stem) or ()
        own += [f"c{i}={c}" for i, c in enumerate(word_clusters)]
        context = ["w=" + word, "stem=" + stem]
        if word_clusters:
            context.append("c=" + word_clusters[-1])
        return WordAnalysis(candidates, stem, tuple(own), tuple(context))

    def __call__(self, tokens: list[str]) -> list[list[str]]:
        analysed = [self.analyse(t) for t in tokens]
        gazetteer_tags = ["O"] * len(tokens)
        for start, end, kind in self.gazetteer.match([a.candidates for a in analysed]):
            gazetteer_tags[start] = "B-" + kind
            for i in range(start + 1, end):
                gazetteer_tags[i] = "I-" + kind
        n = len(tokens)
        sentence_features = []
        for i, word in enumerate(analysed):
            features = ["bias", *word.own, "gaz=" + gazetteer_tags[i]]
            for offset in CONTEXT_WINDOW:
                j = i + offset
                if 0 <= j < n:
                    features += [f"{offset}{f}" for f in analysed[j].context]
                    features.append(f"{offset}gaz={gazetteer_tags[j]}")
                else:
                    features.append(f"{offset}edge")
            if i > 0:
                features.append(f"-1|0={analysed[i - 1].stem}|{word.stem}")
            if i + 1 < n:
                features.append(f"0|+1={word.stem}|{analysed[i + 1].stem}")
            sentence_features.append(features)
        return sentence_features
