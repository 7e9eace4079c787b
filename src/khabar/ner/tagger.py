"""The shipped CRF tagger: python-crfsuite over hand-built features; no torch at inference."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path

import pycrfsuite

from khabar.ner.features import FeatureExtractor
from khabar.ner.resources import Gazetteer, load_clusters

LABELS = ("B-PERS", "I-PERS", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC", "O")

MODEL_FILE = "crf.model"
CLUSTERS_FILE = "clusters.tsv.gz"
GAZETTEER_FILE = "gazetteer.tsv"


def default_model_dir() -> Path:
    return Path(str(importlib_resources.files("khabar") / "models" / "ner"))


def load_feature_extractor(model_dir: Path) -> FeatureExtractor:
    clusters_path = model_dir / CLUSTERS_FILE
    clusters = load_clusters(clusters_path) if clusters_path.exists() else {}
    return FeatureExtractor(clusters, Gazetteer.load(model_dir / GAZETTEER_FILE))


class NerTagger:
    """BIO tags in the ANERcorp label set for sentences of ANERcorp-style tokens (clitics attached)."""

    def __init__(self, model_dir: Path | None = None):
        model_dir = model_dir or default_model_dir()
        self.features = load_feature_extractor(model_dir)
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(model_dir / MODEL_FILE))

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        return [self._crf.tag(self.features(tokens)) if tokens else [] for tokens in sentences]


@lru_cache(maxsize=1)
def load_tagger() -> NerTagger:
    """The packaged tagger, loaded once per process."""
    return NerTagger()
