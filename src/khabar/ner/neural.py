"""The neural tagger (experimental, not the shipped one: see docs/ner.md, "Neural tagger"):
khabar.ner.network in numpy over the files a `khabar ner train-neural` run writes; no torch at inference."""

from __future__ import annotations

from pathlib import Path

from khabar.ner.encode import Encoder, read_lines
from khabar.ner.network import Network
from khabar.ner.resources import Gazetteer
from khabar.ner.tagger import GAZETTEER_FILE, KB_GAZETTEER_FILE, LABELS

WEIGHTS_FILE = "weights.npz"
WORDS_FILE = "words.txt.gz"
CHARS_FILE = "chars.txt.gz"
GAZETTEER_FILES = (GAZETTEER_FILE, KB_GAZETTEER_FILE)  # the network's gazetteer inputs, in this order


def load_gazetteers(model_dir: Path) -> list[Gazetteer]:
    return [Gazetteer.load(model_dir / name) for name in GAZETTEER_FILES]


class NeuralTagger:
    """Same interface as `khabar.ner.NerTagger`: BIO tags in the ANERcorp label set for one document's
    sentences of ANERcorp-style tokens, run as one batch."""

    def __init__(self, model_dir: Path):
        self.encoder = Encoder(read_lines(model_dir / WORDS_FILE), read_lines(model_dir / CHARS_FILE),
                               load_gazetteers(model_dir))
        self.network = Network.load(model_dir / WEIGHTS_FILE)

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        if not any(sentences):
            return [[] for _ in sentences]
        return [[LABELS[i] for i in path] for path in self.network(self.encoder(sentences))]
