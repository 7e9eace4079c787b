"""Negation and modality of a trigger, read from the few words before it (Arabic marks both before the verb:
"لم يهاجم", "لن يشارك", "سيزور", "قد يفرض") and from a negating speech act earlier in the clause ("نفى ...")."""

from __future__ import annotations

from dataclasses import dataclass

from khabar.document import Token
from khabar.events.lexicon import PRESENT_PREFIXES, load_data
from khabar.text import normalize

CLAUSE_BREAKS = frozenset({".", "،", ",", "؛", ";", ":", "؟", "?", "!"})


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool = False
    modality: str | None = None  # "future" | "hypothetical" | "intention" | "expected" | None (asserted)


class ModalityReader:
    def __init__(self) -> None:
        data = load_data("modality.yaml")
        self.window = int(data["window"])
        self.cues = {key: frozenset(normalize(w) for w in data[key]) for key in
                     ("negation", "negating_verbs", "future", "hypothetical", "hypothetical_before_present", "intent",
                      "conditional")}
        self.future_after = frozenset(normalize(w) for w in data["future_after"])

    def read(self, tokens: list[Token], index: int, sentence_start: int, proclitics: str,
             end: int | None = None, sentence_end: int | None = None) -> Modality:
        """`end`, `sentence_end` (exclusive) let an adjective after a noun trigger tell its time ("قمة مقبلة")."""
        before = []
        j, counted = index - 1, 0
        while j >= sentence_start and counted < self.window and tokens[j].text not in CLAUSE_BREAKS:
            if tokens[j].text == ")":  # an aside in brackets does not count: "يمكنها (أمريكا) الانسحاب"
                while j > sentence_start and tokens[j].text != "(":
                    j -= 1
            else:
                before.append(normalize(tokens[j].text))
                counted += 1
            j -= 1
        clause = []
        for j in range(index - 1, sentence_start - 1, -1):
            if tokens[j].text in CLAUSE_BREAKS:
                break
            clause.append(normalize(tokens[j].text).lstrip("وف"))
        words = set(before) | {w.lstrip("وف") for w in before}
        negated = bool(words & self.cues["negation"]) or bool(set(clause) & self.cues["negating_verbs"])
        modality = None
        if self._expected(tokens, end, sentence_end):
            modality = "expected"
        elif "س" in proclitics or words & self.cues["future"] or "لن" in words:
            modality = "future"
        elif words & self.cues["intent"]:
            modality = "intention"
        elif words & self.cues["hypothetical"] or set(clause) & self.cues["conditional"] or (
            words & self.cues["hypothetical_before_present"] and _present_tense(tokens[index], proclitics)):
            modality = "hypothetical"
        return Modality(negated, modality)

    def _expected(self, tokens: list[Token], end: int | None, sentence_end: int | None) -> bool:
        """"خلال قمة مقبلة بين الزعيمين", "القمة المرتقبة": the meeting is expected, not held, nor anyone's stated
        intention (which AGREE codes); the adjective stands
        right after the noun, or after its one-word genitive ("قمة سنغافورة المرتقبة")."""
        if end is None or sentence_end is None:
            return False
        following = []
        for j in range(end, min(end + 2, sentence_end)):
            if tokens[j].text in CLAUSE_BREAKS:
                break
            following.append(normalize(tokens[j].text))
        return bool(set(following) & self.future_after)


def _present_tense(token: Token, proclitics: str) -> bool:
    """An imperfect verb starts, after its proclitics, with the person prefix ي، ت، ن or ا (أ)."""
    stem = normalize(token.text)[len(proclitics):]
    return stem[:1] in PRESENT_PREFIXES
