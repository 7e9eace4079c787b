"""Counts an event reports: the dead and injured of an attack, the arrested, the size of a protest
("قتل 58 شخصا", "مقتل ثلاثة جنود", "خمسة آلاف متظاهر"). Vague plurals ("إصابة العشرات", "آلاف المحتجين")
give no count: a number is stored only when the text states one."""

from __future__ import annotations

from dataclasses import dataclass

from khabar.document import Token
from khabar.events.lexicon import load_data
from khabar.events.modality import CLAUSE_BREAKS
from khabar.text import normalize
from khabar.text.tokenize import stem_splits

DIGIT_GROUPING = str.maketrans("", "", ",٬'")


@dataclass(frozen=True, slots=True)
class Count:
    kind: str
    value: int
    token: int  # where the count is stated (the word that names it), to pick the one nearest a trigger


class NumberReader:
    """Digits or Arabic number words, read token by token from a position: "58", "1,500", "ثلاثة",
    "خمسة وعشرين", "ثلاثة آلاف", "2.5 مليون"."""

    def __init__(self, numbers: dict) -> None:
        def table(key: str) -> dict[str, int]:
            return {normalize(w): int(v) for w, v in numbers[key].items()}

        self.values = {**table("units"), **table("tens"), **table("hundreds")}
        self.units = table("units")
        self.teen_suffix = frozenset(normalize(w) for w in numbers["teen_suffix"])
        self.scales = table("scales")
        self.vague_alone = frozenset(normalize(w) for w in numbers["vague_alone"])

    def read(self, tokens: list[Token], i: int, end: int) -> tuple[int, int] | None:
        """(value, index after the number) for a number starting at token i, else None."""
        total, current, j = 0, 0.0, i
        while j < end:
            word = normalize(tokens[j].text)
            if j > i and word.startswith("و") and word[1:]:
                word = word[1:]  # "خمسة وعشرين"
            digits = _digits(word)
            if digits is not None and j == i:
                current = digits
            elif word in self.units and j + 1 < end and normalize(tokens[j + 1].text) in self.teen_suffix:
                current += 10 + self.units[word]
                j += 1
            elif word in self.values:
                current += self.values[word]
            elif word in self.scales:
                if not current and word in self.vague_alone:
                    return None  # "آلاف المحتجين": thousands, not a count
                total += (current or 1) * self.scales[word]
                current = 0
            else:
                break
            j += 1
        value = int(total + current)
        return (value, j) if j > i and value > 0 else None


def _digits(word: str) -> float | None:
    plain = word.translate(DIGIT_GROUPING)
    try:
        return float(plain) if plain[:1].isdigit() else None
    except ValueError:
        return None


class MagnitudeReader:
    def __init__(self) -> None:
        data = load_data("magnitudes.yaml")
        self.numbers = NumberReader(data["numbers"])
        self.types = {kind: frozenset(spec["types"]) for kind, spec in data["kinds"].items()}
        self.before = {normalize(w): kind for kind, spec in data["kinds"].items() for w in spec["before"]}
        self.after = {normalize(w): kind for kind, spec in data["kinds"].items() for w in spec["after"]}
        self.bridges = frozenset(normalize(w) for w in data["bridges"])
        self.counted = frozenset(normalize(w) for w in data["counted"])
        self.reach = int(data["reach"])

    def counts(self, tokens: list[Token], start: int, end: int) -> list[Count]:
        """Every count stated in tokens [start, end): a counting word then its number ("مقتل نحو 20"), or a
        number then the word ("58 قتيلا", "ثلاثة جنود قتلى")."""
        out, used = [], set()
        for k in range(start, end):
            kind = _named(tokens[k].text, self.before)
            if kind is None:
                continue
            found = self._number_after(tokens, k + 1, min(end, k + 1 + self.reach), end)
            if found:
                out.append(Count(kind, found[0], k))
                used.add(found[1])
        j = start
        while j < end:
            number = self.numbers.read(tokens, j, end) if j not in used else None
            if not number:
                j += 1
                continue
            value, after = number
            if after < end and normalize(tokens[after].text) in self.counted and after + 1 < end:
                after += 1  # "ثلاثة جنود قتلى"
            kind = _named(tokens[after].text, self.after) if after < end else None
            if kind is None and after > j + 1 and after - 1 >= j:
                kind = _named(tokens[after - 1].text, self.after)  # "5000 متظاهر": the counted word names it
            if kind:
                out.append(Count(kind, value, after))
            j = after
        return out

    def _number_after(self, tokens: list[Token], j: int, limit: int, end: int) -> tuple[int, int] | None:
        """(value, position) of the number a counting word governs: right after it or after bridge words
        ("مقتل نحو 20"), or after its subject when counted people follow ("اعتقلت الشرطة 12 متظاهرا")."""
        direct = True
        for i in range(j, limit):
            if tokens[i].text in CLAUSE_BREAKS:
                return None
            number = self.numbers.read(tokens, i, end)
            if number and (direct or self._counts_people(tokens, number[1], end)):
                return number[0], i
            direct = direct and normalize(tokens[i].text) in self.bridges
        return None

    def _counts_people(self, tokens: list[Token], i: int, end: int) -> bool:
        return i < end and (normalize(tokens[i].text) in self.counted or _named(tokens[i].text, self.after) is not None)

    def for_event(self, counts: list[Count], event_type: str, trigger_token: int) -> dict[str, int]:
        """The counts of a sentence that an event of this type carries, the nearest to its trigger per kind."""
        best: dict[str, Count] = {}
        for c in counts:
            if event_type not in self.types[c.kind]:
                continue
            if c.kind not in best or abs(c.token - trigger_token) < abs(best[c.kind].token - trigger_token):
                best[c.kind] = c
        return {kind: c.value for kind, c in best.items()}


def _named(word: str, words: dict[str, str]) -> str | None:
    """The kind a token names, through its proclitic splits ("بمقتل", "والجرحى"); not through an enclitic, as
    "قتلى" would read as "قتل" + "ي"."""
    for candidate in stem_splits(word):
        if candidate.enclitic:
            continue
        for form in (candidate.norm, candidate.norm[2:] if candidate.article else None):
            if form and form in words:
                return words[form]
    return None
