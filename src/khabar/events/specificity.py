"""Does a sentence report a new, specific attack or protest, or mention one in passing (a reference back, a
condemnation, an opinion, history, a generic statement)? A logistic model over linguistic signals of each
trigger (its form: perfect or imperfect verb, plural or indefinite noun; its clause: after a preposition or a
back-reference word, in a relative clause or a quotation, under a stance frame; a time word or a count near it),
of the sentence (reported speech, a question) and the hashed words of the sentence and around the trigger, each
shared by both types and typed. Trained on the dev half of the Arabic PLOVER GSR by
`scripts/train_event_specificity.py`; the weights are a data file, inference is a sum of weights."""

from __future__ import annotations

import zlib
from pathlib import Path

import numpy as np

from khabar.document import Document, Sentence, Token
from khabar.events.lexicon import DATA_DIR, PRESENT_PREFIXES, TriggerMatch, load_data
from khabar.events.magnitudes import MagnitudeReader
from khabar.text import normalize

MODEL_FILE = DATA_DIR / "specificity.npz"


# where the trigger stands in its sentence, in tokens from the start: a report opens with its event
POSITION_BUCKETS = (0, 2, 6, 12, 20)


class SpecificityFeatures:
    """The active features of a sentence for one event type, as indices into a hashed space."""

    def __init__(self) -> None:
        data = load_data("specificity.yaml")
        self.cues = {key: frozenset(normalize(w) for w in data[key])
                     for key in ("back_reference", "stance", "time_words", "speech", "prepositions", "relatives",
                                 "complementisers")}
        self.quotes = frozenset(data["quotes"])
        self.stance_window = int(data["stance_window"])
        self.clause_window = int(data["clause_window"])
        self.near_window = int(data["near_window"])
        self.context = int(data["context"])
        self.dimensions = int(data["dimensions"])
        self.magnitudes = MagnitudeReader()

    def names(self, doc: Document, sentence: Sentence, matches: list[TriggerMatch]) -> set[str]:
        """Feature names: the signals of each trigger of the type in the sentence, and the sentence's words."""
        tokens = doc.tokens
        words = [_bare(tokens[j].text) for j in range(sentence.token_start, sentence.token_end)]
        out = {f"w:{w}" for w in words}
        out |= {f"s:{key}" for key in ("time_words", "speech") if self.cues[key] & set(words)}
        counts = self.magnitudes.counts(tokens, sentence.token_start, sentence.token_end)
        if counts:
            out.add("s:count")
        if "?" in words or "؟" in words:
            out.add("s:question")
        for m in matches:
            out |= self._trigger_form(tokens[m.token], m)
            out |= self._trigger_clause(tokens, sentence, m.token)
            out |= self._context_words(tokens, sentence, m.token)
            near = range(max(sentence.token_start, m.token - self.near_window),
                         min(sentence.token_end, m.token + 1 + self.near_window))
            if self.cues["time_words"] & {_bare(tokens[j].text) for j in near}:
                out.add("t:time_near")
            if any(c.token in near for c in counts):
                out.add("t:count_near")
        return out

    def _trigger_form(self, token: Token, m: TriggerMatch) -> set[str]:
        """The trigger's lexical entry and its form: a perfect verb tells what happened, an imperfect one a
        habit or a scene; an indefinite or plural noun is often generic ("مظاهرات"), an accusative one a
        purpose ("احتجاجا على")."""
        out = {f"t:{m.trigger.pos}", f"t:{m.trigger.lemma}", f"t:{m.trigger.pos}:{m.trigger.lemma}"}
        stem = normalize(token.text)[len(m.proclitics):]
        definite = stem.startswith("ال")
        if definite:
            out.add("t:definite")
        if m.proclitics.rstrip("وف"):
            out.add("t:preposition_attached")
        if m.trigger.pos == "verb":
            out.add("t:imperfect" if stem[:1] in PRESENT_PREFIXES else "t:perfect")
            if m.trigger.passive:
                out.add("t:passive")
            return out
        if stem.endswith(("ات", "اتهم", "اتها")):
            out.add("t:plural")
        if not definite:
            out.add("t:indefinite")
            if stem.endswith("ا"):
                out.add("t:accusative")
        if token.enclitic:
            out.add("t:possessed")
        return out

    def _trigger_clause(self, tokens: list[Token], sentence: Sentence, i: int) -> set[str]:
        """Where the trigger stands: after a back-reference word, a stance frame, a preposition, inside a
        relative or complement clause or a quotation, and how far into the sentence."""
        out = set()
        start = sentence.token_start
        before = [_bare(tokens[j].text) for j in range(max(start, i - self.stance_window), i)]
        if before and before[-1] in self.cues["back_reference"]:
            out.add("t:after_back_reference")
        if self.cues["stance"] & set(before):
            out.add("t:stance_frame")
        if i - start <= 2:
            out.add("t:opens_sentence")
        clause = [normalize(tokens[j].text) for j in range(max(start, i - self.clause_window), i)]
        if clause and clause[-1] in self.cues["prepositions"]:
            out.add("t:after_preposition")
        if self.cues["relatives"] & set(clause):
            out.add("t:relative_clause")
        if self.cues["complementisers"] & set(clause):
            out.add("t:complement_clause")
        if sum(tokens[j].text in self.quotes for j in range(start, i)) % 2:
            out.add("t:in_quote")
        if i > start and tokens[i - 1].text in ("،", ","):
            out.add("t:after_comma")
        out.add("t:position<=" + next((str(b) for b in POSITION_BUCKETS if i - start <= b), "more"))
        if i + 1 < sentence.token_end and tokens[i + 1].text.isdigit():
            out.add("t:number_after")
        return out

    def _context_words(self, tokens: list[Token], sentence: Sentence, i: int) -> set[str]:
        """The words around the trigger, and the very next word on each side by its place."""
        start, end = sentence.token_start, sentence.token_end
        out = {f"c{'-' if j < i else '+'}:{_bare(tokens[j].text)}"
               for j in range(max(start, i - self.context), min(end, i + 1 + self.context)) if j != i}
        out.add(f"c-1:{_bare(tokens[i - 1].text)}" if i > start else "c-1:^")
        out.add(f"c+1:{_bare(tokens[i + 1].text)}" if i + 1 < end else "c+1:$")
        return out

    @staticmethod
    def typed(names: set[str], event_type: str) -> set[str]:
        """The names shared by both types plus a copy of each, and an intercept, for this type: one model learns
        what makes any report specific, and what differs between attacks and protests."""
        return names | {f"{event_type}|{n}" for n in names} | {f"{event_type}|intercept"}

    def indices(self, names: set[str]) -> list[int]:
        return sorted({zlib.crc32(name.encode()) % self.dimensions for name in names})


class SpecificityModel:
    """One weight vector over the typed features, and per type the decision threshold (chosen by
    cross-validation on dev)."""

    def __init__(self, path: Path = MODEL_FILE) -> None:
        self.features = SpecificityFeatures()
        data = np.load(path)
        self.types = [str(t) for t in data["types"]]
        self.weights = data["weights"]
        self.bias = float(data["bias"])
        self.threshold = {t: float(data["threshold"][k]) for k, t in enumerate(self.types)}

    def probability(self, doc: Document, sentence: Sentence, event_type: str, matches: list[TriggerMatch]) -> float:
        names = self.features.typed(self.features.names(doc, sentence, matches), event_type)
        z = self.weights[self.features.indices(names)].sum() + self.bias
        return float(1.0 / (1.0 + np.exp(-z)))

    def specific(self, doc: Document, sentence: Sentence, event_type: str, matches: list[TriggerMatch]) -> bool:
        return self.probability(doc, sentence, event_type, matches) >= self.threshold[event_type]


def _bare(word: str) -> str:
    """A word without the conjunction in front: "وقتل" and "قتل" are one feature."""
    w = normalize(word)
    return w[1:] if len(w) > 2 and w[0] in "وف" else w
