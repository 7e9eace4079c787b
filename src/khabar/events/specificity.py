"""Does a sentence report a new, specific attack or protest, or mention one in passing (a reference back, a
condemnation, an opinion, history, a generic statement)? A logistic model over linguistic signals (the trigger
a verb or a noun after a preposition, a stance frame, a count, a time word, reported speech) and the hashed
words of the sentence and around the trigger. Trained on the dev half of the Arabic PLOVER GSR by
`scripts/train_event_specificity.py`; the weights are a data file, inference is a dot product."""

from __future__ import annotations

import zlib
from pathlib import Path

import numpy as np

from khabar.document import Document, Sentence
from khabar.events.lexicon import DATA_DIR, TriggerMatch, load_data
from khabar.events.magnitudes import MagnitudeReader
from khabar.text import normalize

MODEL_FILE = DATA_DIR / "specificity.npz"


class SpecificityFeatures:
    """The active features of a sentence for one event type, as indices into a hashed space."""

    def __init__(self) -> None:
        data = load_data("specificity.yaml")
        self.cues = {key: frozenset(normalize(w) for w in data[key])
                     for key in ("back_reference", "stance", "time_words", "speech")}
        self.stance_window = int(data["stance_window"])
        self.context = int(data["context"])
        self.dimensions = int(data["dimensions"])
        self.magnitudes = MagnitudeReader()

    def names(self, doc: Document, sentence: Sentence, matches: list[TriggerMatch]) -> set[str]:
        """Feature names: the signals of each trigger of the type in the sentence, and the sentence's words."""
        tokens = doc.tokens
        words = [_bare(tokens[j].text) for j in range(sentence.token_start, sentence.token_end)]
        out = {f"w:{w}" for w in words}
        out |= {f"s:{key}" for key in ("time_words", "speech") if self.cues[key] & set(words)}
        if self.magnitudes.counts(tokens, sentence.token_start, sentence.token_end):
            out.add("s:count")
        if "?" in words or "؟" in words:
            out.add("s:question")
        for m in matches:
            i = m.token
            out.add(f"t:{m.trigger.pos}")
            out.add(f"t:{m.trigger.lemma}")
            stem = normalize(tokens[i].text)[len(m.proclitics):]
            if stem.startswith("ال"):
                out.add("t:definite")
            if m.proclitics.rstrip("وف"):
                out.add("t:preposition_attached")
            before = [_bare(tokens[j].text) for j in range(max(sentence.token_start, i - self.stance_window), i)]
            if before and before[-1] in self.cues["back_reference"]:
                out.add("t:after_back_reference")
            if self.cues["stance"] & set(before):
                out.add("t:stance_frame")
            if i - sentence.token_start <= 2:
                out.add("t:opens_sentence")
            for j in range(max(sentence.token_start, i - self.context), min(sentence.token_end, i + 1 + self.context)):
                if j != i:
                    out.add(f"c{'-' if j < i else '+'}:{_bare(tokens[j].text)}")
        return out

    def vector(self, names: set[str]) -> np.ndarray:
        x = np.zeros(self.dimensions, dtype=np.float32)
        for name in names:
            x[zlib.crc32(name.encode()) % self.dimensions] = 1.0
        return x


class SpecificityModel:
    """Per type a weight vector, a bias and the decision threshold (chosen by cross-validation on dev)."""

    def __init__(self, path: Path = MODEL_FILE) -> None:
        self.features = SpecificityFeatures()
        data = np.load(path)
        self.types = [str(t) for t in data["types"]]
        self.weights = {t: data["weights"][k] for k, t in enumerate(self.types)}
        self.bias = {t: float(data["bias"][k]) for k, t in enumerate(self.types)}
        self.threshold = {t: float(data["threshold"][k]) for k, t in enumerate(self.types)}

    def probability(self, doc: Document, sentence: Sentence, event_type: str, matches: list[TriggerMatch]) -> float:
        x = self.features.vector(self.features.names(doc, sentence, matches))
        return float(1.0 / (1.0 + np.exp(-(x @ self.weights[event_type] + self.bias[event_type]))))

    def specific(self, doc: Document, sentence: Sentence, event_type: str, matches: list[TriggerMatch]) -> bool:
        return self.probability(doc, sentence, event_type, matches) >= self.threshold[event_type]


def _bare(word: str) -> str:
    """A word without the conjunction in front: "وقتل" and "قتل" are one feature."""
    w = normalize(word)
    return w[1:] if len(w) > 2 and w[0] in "وف" else w
