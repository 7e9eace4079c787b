"""The shipped neural tagger (khabar.ner.network in numpy over the files of src/khabar/models/ner/); no
torch at inference."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path

from khabar.ner.encode import Encoder, read_lines
from khabar.ner.network import Network
from khabar.ner.resources import Gazetteer

LABELS = ("B-PERS", "I-PERS", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC", "O")

WEIGHTS_FILE = "weights.npz"
WORDS_FILE = "words.txt.gz"
CHARS_FILE = "chars.txt.gz"
GAZETTEER_FILE = "gazetteer.tsv"
GAZETTEER_FILES = (GAZETTEER_FILE, "kb_gazetteer.tsv")  # the network's gazetteer inputs, in this order


def load_gazetteers(model_dir: Path) -> list[Gazetteer]:
    return [Gazetteer.load(model_dir / name) for name in GAZETTEER_FILES if (model_dir / name).exists()]


def default_model_dir() -> Path:
    return Path(str(importlib_resources.files("khabar") / "models" / "ner"))


class NerTagger:
    """BIO tags in the ANERcorp label set for sentences of ANERcorp-style tokens (clitics attached).
    `tag` takes one document's sentences and runs them as one batch."""

    def __init__(self, model_dir: Path | None = None):
        model_dir = model_dir or default_model_dir()
        self.encoder = Encoder(read_lines(model_dir / WORDS_FILE), read_lines(model_dir / CHARS_FILE),
                               load_gazetteers(model_dir))
        self.network = Network.load(model_dir / WEIGHTS_FILE)

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        if not any(sentences):
            return [[] for _ in sentences]
        return [[LABELS[i] for i in path] for path in self.network(self.encoder(sentences))]


@lru_cache(maxsize=1)
def load_tagger() -> NerTagger:
    """The packaged tagger, loaded once per process."""
    return NerTagger()
