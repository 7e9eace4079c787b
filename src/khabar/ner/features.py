"""CRF features of a tokenised sentence. Word-level features (normalised form, affixes, clitic-stripped
stem, shape, clusters, name knowledge) are computed once per distinct word and cached; the sentence-level
pass adds neighbours, stem bigrams and gazetteer matches."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from khabar.ner.context import (
    WIDE_WINDOW,
    headed_spans,
    quoted_spans,
    wide_lent,
    word_classes,
)
from khabar.ner.resources import Gazetteer
from khabar.ner.stems import stem_candidates
from khabar.ner.vectors import WordVectors, weighted_attributes
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
    context: dict[int, tuple[str, ...]]  # features it lends to its neighbour at each offset
    classes: tuple[str, ...] = ()  # with the context option: khabar.ner.context.word_classes
    # real-valued (attribute, value) pairs per offset (0: its own; others: lent to that neighbour)
    weighted: dict[int, tuple[tuple[str, float], ...]] = {}


def _shape(word: str) -> str:
    if _ARABIC.search(word):
        return "ar"
    if _LATIN.search(word):
        return "lat"
    if _DIGIT.search(word):
        return "num"
    return "punct"


class FeatureExtractor:
    def __init__(self, clusters: dict[str, tuple[str, ...]], gazetteer: Gazetteer, auto_gazetteer: Gazetteer | None = None,
                 kb_gazetteer: Gazetteer | None = None, name_words: dict[str, tuple[str, ...]] | None = None,
                 known: frozenset[str] | None = None, context: bool = False, vectors: WordVectors | None = None,
                 vector_clusters: dict[str, tuple[str, ...]] | None = None):
        """`known`: at tagging time, the features the model has weights for; the others cost the CRF a lookup
        each and change nothing, so word-level features outside it are dropped once per distinct word.
        `context`: the wider context features of khabar.ner.context (neighbour offsets ±3, word classes)."""
        self.known = known
        self.context = context
        self.window = WIDE_WINDOW if context else CONTEXT_WINDOW  # neighbour offsets
        self.clusters = clusters
        self.rank = {word: i for i, word in enumerate(clusters)}  # clusters are stored most frequent first
        # feature prefix -> gazetteer; each list gets its own weights
        optional = {"auto": auto_gazetteer, "kb": kb_gazetteer}
        self.gazetteers = {"gaz": gazetteer} | {name: g for name, g in optional.items() if g}
        self.name_words = name_words or {}  # word -> kinds ("given", "title", ...: khabar.ner.resources)
        self.vectors = vectors
        self.vector_offsets = vectors.lend if vectors else ()  # neighbours the word's vector is lent to
        # k-means clusters of fastText vectors: character n-grams give rare words one too
        self.vector_clusters = vector_clusters or {}
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
        # Test names are mostly unseen in training: what the knowledge base knows of the word and of its
        # neighbours (a given name before, a title before, a nationality adjective after) carries over.
        kinds = sorted({kind for c in candidates for kind in self.name_words.get(c, ())})
        own += ["nk=" + kind for kind in kinds]
        lent = ["w=" + word, "stem=" + stem, *("nk=" + kind for kind in kinds)]
        if word_clusters:
            lent.append("c=" + word_clusters[-1])
        own_vc, lent_vc = self._vector_cluster_features(word, stem)
        own += own_vc
        lent += lent_vc
        # Prefixed here, once per distinct word, because the sentence loop is the tagger's hot path.
        if self.context:
            classes = word_classes(word, stem, _shape(word))
            context = wide_lent(tuple(lent), classes, kinds, word_clusters)
        else:
            classes = []
            context = {offset: tuple(f"{offset}{f}" for f in lent) for offset in CONTEXT_WINDOW}
        weighted = self._weighted(word, stem) if self.vectors else {}
        if self.known is not None:
            own = [f for f in own if f in self.known]
            context = {offset: tuple(f for f in lent if f in self.known) for offset, lent in context.items()}
            weighted = {offset: tuple(p for p in pairs if p[0] in self.known) for offset, pairs in weighted.items()}
        return WordAnalysis(candidates, stem, tuple(own), context, tuple(classes), weighted)

    def _vector_cluster_features(self, word: str, stem: str) -> tuple[list[str], list[str]]:
        """The word's fastText clusters (its stem's when the word has none): at every granularity for itself,
        the finest for its neighbours."""
        ids = self.vector_clusters.get(word) or self.vector_clusters.get(stem)
        if not ids:
            return [], []
        return [f"fc{i}={c}" for i, c in enumerate(ids)], ["fc=" + ids[-1]]

    def _weighted(self, word: str, stem: str) -> dict[int, tuple[tuple[str, float], ...]]:
        """The dense vectors of the word (its stem's when the word is not in the table) and of its stem,
        at its own position, and the word's vector lent to `vector_offsets`."""
        word_vector = self.vectors.get(word, stem)
        weighted = {0: weighted_attributes("v", word_vector) + weighted_attributes("sv", self.vectors.get(stem))}
        for offset in self.vector_offsets:
            weighted[offset] = weighted_attributes(f"{offset}v", word_vector)
        return weighted

    def weighted(self, tokens: list[str]) -> list[dict[str, float]]:
        """Per token, its real-valued attributes: its own and those its neighbours lend it."""
        analysed = [self.analyse(t) for t in tokens]
        out = []
        for i, word in enumerate(analysed):
            attributes = dict(word.weighted.get(0, ()))
            for offset in self.vector_offsets:
                j = i + offset
                if 0 <= j < len(analysed):
                    attributes.update(analysed[j].weighted.get(offset, ()))
            out.append(attributes)
        return out

    def items(self, tokens: list[str]) -> list[list[str] | dict[str, float]]:
        """crfsuite items of a sentence: the attribute lists, as {attribute: value} dicts where the tokens have
        real-valued attributes (a repeated attribute counts once per occurrence, as in a list)."""
        return merge_weighted(self(tokens), self.weighted(tokens)) if self.vectors else self(tokens)

    def gazetteer_tags(self, analysed: list[WordAnalysis]) -> dict[str, list[str]]:
        """Per gazetteer (feature prefix), the BIO tag of each token of the sentence; with the context option,
        the quoted stretches and the headed names too (prefixes "quote", "headed")."""
        candidates = [a.candidates for a in analysed]
        out = {}
        for name, gazetteer in self.gazetteers.items():
            tags = out[name] = ["O"] * len(analysed)
            for start, end, kind in gazetteer.match(candidates):
                tags[start : end] = ["B-" + kind] + ["I-" + kind] * (end - start - 1)
        if self.context:  # quoted and bracketed stretches, and headed names, read as more lists' tags
            out["quote"] = quoted_spans([a.candidates[0] for a in analysed])
            heads = [any("orghead" in self.name_words.get(c, ()) for c in a.candidates) for a in analysed]
            out["headed"] = headed_spans(heads, [a.classes for a in analysed])
        return out

    def __call__(self, tokens: list[str]) -> list[list[str]]:
        analysed = [self.analyse(t) for t in tokens]
        n = len(tokens)
        gazetteer_tags = self.gazetteer_tags(analysed)
        sentence_features = []
        for i, word in enumerate(analysed):
            features = ["bias", *word.own, *(f"{name}={tags[i]}" for name, tags in gazetteer_tags.items())]
            for offset in self.window:
                j = i + offset
                if 0 <= j < n:
                    features += analysed[j].context[offset]
                    features += [f"{offset}{name}={tags[j]}" for name, tags in gazetteer_tags.items()]
                else:
                    features.append(f"{offset}edge")
            if i > 0:
                features.append(bigram_before(analysed[i - 1].stem, word.stem))
            if i + 1 < n:
                features.append(bigram_after(word.stem, analysed[i + 1].stem))
            sentence_features.append(features)
        return sentence_features


def merge_weighted(features: list[list[str]], weighted: list[dict[str, float]]) -> list[list[str] | dict[str, float]]:
    """Attribute lists merged with real-valued attributes into crfsuite's {attribute: value} items."""
    return [{**Counter(f), **w} if w else f for f, w in zip(features, weighted)]


def bigram_before(previous: str, stem: str) -> str:
    return f"-1|0={previous}|{stem}"


def bigram_after(stem: str, following: str) -> str:
    return f"0|+1={stem}|{following}"


def as_unseen(features: list[list[str]], positions: set[int]) -> list[list[str]]:
    """A sentence's features with the identity of the words at `positions` removed (their own and the ones
    they lend to neighbours: form, stem, stem bigrams), as a model meets words it was not trained on. Training
    on rare words this way teaches the weights of what stays: affixes, clusters, gazetteers, name knowledge."""
    dropped: list[set[str]] = [set() for _ in features]  # per position, prefixes to drop
    for i in positions:
        dropped[i] |= {"w=", "stem=", "-1|0=", "0|+1="}
        for offset in CONTEXT_WINDOW:
            j = i - offset  # token i lends its features to token j at offset i - j
            if 0 <= j < len(features):
                dropped[j] |= {f"{offset}w=", f"{offset}stem="}
        for j, prefix in ((i + 1, "-1|0="), (i - 1, "0|+1=")):
            if 0 <= j < len(features):
                dropped[j].add(prefix)
    return [[f for f in token if not f.startswith(tuple(prefixes))] if prefixes else token
            for token, prefixes in zip(features, dropped)]
