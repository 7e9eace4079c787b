"""The shipped CRF tagger: a python-crfsuite model over hand-built features, decoded in numpy from its weights\n(khabar.ner.emission, khabar.ner.decode); no torch at inference."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path

import json

import numpy as np
import pycrfsuite

from khabar.ner.adjacent import join_adjacent
from khabar.ner.consistency import consistency_bonus
from khabar.ner.decode import BiasedViterbi
from khabar.ner.emission import StateScores
from khabar.ner.features import FeatureExtractor
from khabar.ner.memory import memory_features
from khabar.ner.resources import Gazetteer, load_clusters, load_name_words
from khabar.ner.vectors import WordVectors

LABELS = ("B-PERS", "I-PERS", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC", "O")

MODEL_FILE = "crf.model"
MEMORY_MODEL_FILE = "crf_memory.model"  # optional second pass over first-pass tags + document memory
CLUSTERS_FILE = "clusters.tsv.gz"
GAZETTEER_FILE = "gazetteer.tsv"
AUTO_GAZETTEER_FILE = "auto_gazetteer.tsv"
KB_GAZETTEER_FILE = "kb_gazetteer.tsv"  # the knowledge base's names (scripts/build_ner_name_words.py)
NAME_WORDS_FILE = "name_words.tsv"  # given/family name words, titles, demonyms ... (same script)
WORD_VECTORS_FILE = "word_vectors.npz"  # dense word vectors (scripts/build_ner_word_table.py)
VECTOR_CLUSTERS_FILE = "vector_clusters.tsv.gz"  # k-means clusters of the fastText vectors (same script)
FEATURES_FILE = "features.json"  # optional feature options the model was trained with ({"context": true})
DECODING_FILE = "decoding.json"  # optional label biases for the first pass (scripts/tune_ner_decoding.py)
OPTIONAL_FILES = (CLUSTERS_FILE, AUTO_GAZETTEER_FILE, KB_GAZETTEER_FILE, NAME_WORDS_FILE, WORD_VECTORS_FILE,
                  VECTOR_CLUSTERS_FILE)


def default_model_dir() -> Path:
    return Path(str(importlib_resources.files("khabar") / "models" / "ner"))


def load_feature_extractor(model_dir: Path, known: frozenset[str] | None = None) -> FeatureExtractor:
    clusters_path = model_dir / CLUSTERS_FILE
    clusters = load_clusters(clusters_path) if clusters_path.exists() else {}
    auto, kb = (Gazetteer.load(p) if p.exists() else None
                for p in (model_dir / AUTO_GAZETTEER_FILE, model_dir / KB_GAZETTEER_FILE))
    name_words_path = model_dir / NAME_WORDS_FILE
    name_words = load_name_words(name_words_path) if name_words_path.exists() else None
    vectors_path = model_dir / WORD_VECTORS_FILE
    vectors = WordVectors.load(vectors_path) if vectors_path.exists() else None
    vector_clusters_path = model_dir / VECTOR_CLUSTERS_FILE
    vector_clusters = load_clusters(vector_clusters_path) if vector_clusters_path.exists() else None
    options_path = model_dir / FEATURES_FILE
    options = json.loads(options_path.read_text(encoding="utf-8")) if options_path.exists() else {}
    return FeatureExtractor(clusters, Gazetteer.load(model_dir / GAZETTEER_FILE), auto, kb, name_words, known,
                            context=options.get("context", False), vectors=vectors,
                            vector_clusters=vector_clusters)


def write_feature_options(model_dir: Path, context: bool) -> None:
    """Record the feature options a model is trained with, for `load_feature_extractor` (no file: defaults)."""
    path = model_dir / FEATURES_FILE
    if context:
        path.write_text(json.dumps({"context": True}) + "\n", encoding="utf-8")
    else:
        path.unlink(missing_ok=True)


def _open_crf(path: Path) -> pycrfsuite.Tagger:
    crf = pycrfsuite.Tagger()
    crf.open(str(path))
    return crf


class NerTagger:
    """BIO tags in the ANERcorp label set for sentences of ANERcorp-style tokens (clitics attached).
    `tag` takes one document's sentences (see khabar.ner.memory for how longer inputs are read)."""

    def __init__(self, model_dir: Path | None = None):
        model_dir = model_dir or default_model_dir()
        self.crf = _open_crf(model_dir / MODEL_FILE)
        memory_model = model_dir / MEMORY_MODEL_FILE
        self._second = _open_crf(memory_model) if memory_model.exists() else None
        self._info = self.crf.info()
        # the memory pass reads the first pass's own features too: filter only when there is none
        known = None if self._second else frozenset(attribute for attribute, _ in self._info.state_features)
        self.features = load_feature_extractor(model_dir, known)
        decoding_path = model_dir / DECODING_FILE
        decoding = json.loads(decoding_path.read_text(encoding="utf-8")) if decoding_path.exists() else {}
        self.set_decoding(decoding.get("bias", {}), decoding.get("consistency", 0.0))
        # entity types whose adjacent names are joined (khabar.ner.adjacent)
        self.join: frozenset[str] = frozenset(decoding.get("join", ()))

    def set_decoding(self, bias: dict[str, float], consistency: float) -> None:
        """Decode with these label biases and this document-consistency bonus (khabar.ner.decode,
        khabar.ner.consistency); without them the tags are crfsuite's own."""
        self.viterbi = BiasedViterbi(self.crf, bias, self._info)
        self.scores = StateScores(self.features, self.viterbi)
        self.consistency = consistency

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        if self._second is not None:
            return self._tag_with_memory(sentences)
        emission = self.scores(sentences)
        lengths = [len(s) for s in sentences]
        tags = self.viterbi.decode(emission, lengths)
        if self.consistency:
            # the sentences where a name found in the document recurs untagged are decoded again with a bonus
            bonus = consistency_bonus(self.stems(sentences), tags, self.viterbi.labels, self.consistency, emission.shape)
            changed = np.flatnonzero(bonus.any(axis=(1, 2)))
            if len(changed):
                again = self.viterbi.decode(emission[changed] + bonus[changed], [lengths[i] for i in changed])
                for i, sentence_tags in zip(changed, again):
                    tags[i] = sentence_tags
        if self.join:
            tags = [join_adjacent(tokens, sentence_tags, self.join) for tokens, sentence_tags in zip(sentences, tags)]
        return tags

    def _tag_with_memory(self, sentences: list[list[str]]) -> list[list[str]]:
        """The experimental second pass over the first pass's tags (khabar.ner.memory): crfsuite on attribute lists."""
        features = [self.features(tokens) for tokens in sentences]
        first = [self.crf.tag(f) if f else [] for f in features]
        memory = memory_features(self.stems(sentences), first)
        return [self._second.tag([a + b for a, b in zip(f, m)]) if f else [] for f, m in zip(features, memory)]

    def stems(self, sentences: list[list[str]]) -> list[list[str]]:
        return [[self.features.analyse(t).stem for t in tokens] for tokens in sentences]


@lru_cache(maxsize=1)
def load_tagger() -> NerTagger:
    """The packaged tagger, loaded once per process."""
    return NerTagger()
