"""Common phrases in which a knowledge-base name is a common word: "مسقط رأسه" (his birthplace, not Muscat),
"صلاة المغرب" (the sunset prayer, not Morocco), "بحماس كبير" (with great enthusiasm, not Hamas). The word
before or after the name decides (data/entities/common_phrases.yaml), as does a whole word that only a clitic
split makes a name ("باكرا", early, is no ب + Accra)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from importlib import resources

import yaml

from khabar.document import Document, EntitySpan
from khabar.kb.keys import alias_key
from khabar.text.normalize import DIACRITICS, normalize_word

_LEADING_CLITICS = ("و", "ف", "ب", "ل")


def _forms(word: str) -> set[str]:
    """The normalised word, and without a leading و/ف/ب/ل ("وصلاة" is "صلاة")."""
    norm = normalize_word(word)
    return {norm, norm[1:]} if norm.startswith(_LEADING_CLITICS) and len(norm) > 2 else {norm}


@dataclass(frozen=True, slots=True)
class CommonPhrases:
    before: dict[str, frozenset[str]]  # name key -> normalised words before it that make it a common word
    after: dict[str, frozenset[str]]
    words: frozenset[str]  # whole words as written, diacritics dropped

    @classmethod
    def load(cls) -> CommonPhrases:
        text = resources.files("khabar.data").joinpath("entities/common_phrases.yaml").read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        before: dict[str, frozenset[str]] = {}
        after: dict[str, frozenset[str]] = {}
        for entry in data["contexts"]:
            key = alias_key(entry["name"])
            before[key] = frozenset(normalize_word(w) for w in entry.get("before", ()))
            after[key] = frozenset(normalize_word(w) for w in entry.get("after", ()))
        return cls(before, after, frozenset(DIACRITICS.sub("", w) for w in data["words"]))

    def __call__(self, doc: Document, starts: list[int], spans: list[EntitySpan]) -> list[EntitySpan]:
        """The spans that are names, not common words in their phrase; `starts`: the tokens' offsets."""
        return [s for s in spans if not self._common_word(doc, s, starts)]

    def _common_word(self, doc: Document, span: EntitySpan, starts: list[int]) -> bool:
        tokens = doc.tokens
        first = bisect_right(starts, span.start) - 1
        last = bisect_right(starts, span.end - 1) - 1
        if first < 0:
            return False
        if first == last and DIACRITICS.sub("", tokens[first].text) in self.words:
            return True
        key = alias_key(doc.text[span.start : span.end])
        if key not in self.before:
            return False
        return bool(
            (first > 0 and _forms(tokens[first - 1].text) & self.before[key])
            or (last + 1 < len(tokens) and _forms(tokens[last + 1].text) & self.after[key])
        )
