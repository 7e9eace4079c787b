"""Western surnames for Arabic spellings of Western names: "روبرت مولر" -> Robert Mueller, not Moler.

Arabic writes a foreign name's consonants and its long vowels only, so a rule-based transliteration
guesses the vowels ("Moler", "Slotski") and the name-word table may hold an Arabic name with the same
letters (ستار -> Sattar). When the given name is a Western one, each foreign-looking word after it is
matched against the US census surnames instead: same consonants (in the classes Arabic merges: p/b,
v/f, c/k/q, s/z), and every long vowel Arabic writes found in the same place in the English name
(و: o/u/w, ي: i/e/y, ا: a/o/u); the most frequent such surname wins. The census lists ship as
`census_names.tsv.gz`, built by scripts/build_western_names.py.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from pathlib import Path

from khabar.kb.sources import CURATED
from khabar.text.normalize import DIACRITICS

CENSUS_NAMES = CURATED.parent / "census_names.tsv.gz"
MIN_CONSONANTS = 3  # two consonants fit too many surnames

# English letters -> consonant class; digraphs first. "h" after a vowel, "gh" and "w"/"y" inside a word
# are vowels or silent for Arabic spelling.
_EN_DIGRAPHS = {
    "tch": "S",
    "sch": "S",
    "sh": "S",
    "ch": "S",
    "ck": "K",
    "ph": "F",
    "th": "T",
    "kh": "K",
}
_EN_LETTERS = {
    "b": "B", "p": "B", "d": "D", "t": "T", "k": "K", "q": "K", "g": "J", "j": "J", "s": "Z", "z": "Z",
    "f": "F", "v": "F", "l": "L", "m": "M", "n": "N", "r": "R",
}  # fmt: skip
_AR_LETTERS = {
    "ب": "B", "پ": "B", "د": "D", "ض": "D", "ت": "T", "ط": "T", "ث": "T", "ك": "K", "ق": "K", "خ": "K",
    "ج": "J", "غ": "J", "گ": "J", "س": "Z", "ز": "Z", "ص": "Z", "ظ": "Z", "ذ": "Z", "ش": "S", "چ": "S",
    "ف": "F", "ڤ": "F", "ل": "L", "م": "M", "ن": "N", "ر": "R", "ه": "H", "ح": "H",
}  # fmt: skip
_AR_VOWELS = {
    "ا": "a",
    "أ": "a",
    "إ": "i",
    "آ": "a",
    "ى": "a",
    "ة": "a",
    "و": "o",
    "ي": "i",
}
_EN_VOWELS = set("aeiouyw")
# an Arabic long vowel -> the English vowel letters it stands for
_SOUNDS = {"a": set("aou"), "o": set("ouw"), "i": set("iey")}


def english_shape(name: str) -> tuple[str, tuple[str, ...], str]:
    """Consonant classes, the vowel letters before, between and after them, and the first letter of
    each consonant: "mueller" -> ("MLR", ("", "ue", "e", ""), "mlr")."""
    consonants, gaps, letters, gap = [], [], [], ""
    i = 0
    while i < len(name):
        cls, step = None, 1
        for digraph, digraph_cls in _EN_DIGRAPHS.items():
            if name.startswith(digraph, i):
                cls, step = digraph_cls, len(digraph)
                break
        else:
            ch = name[i]
            if ch == "c":
                cls = "Z" if name[i + 1 : i + 2] in ("e", "i", "y") else "K"
            elif ch == "x":
                cls = "KZ"
            elif ch in "hwy" and i == 0:
                cls = ch.upper().replace("Y", "I").replace("W", "O")
            elif ch in _EN_VOWELS:
                gap += ch
            elif ch != "h":
                cls = _EN_LETTERS.get(ch)
        if cls:
            for c in cls:
                if consonants and consonants[-1] == c and not gap:
                    continue  # doubled letters: "rr", "ll", "ck"
                consonants.append(c)
                gaps.append(gap)
                letters.append(name[i])
                gap = ""
        i += step
    gaps.append(gap)
    return "".join(consonants), tuple(gaps), "".join(letters)


def arabic_shape(word: str) -> tuple[str, tuple[str, ...], str]:
    """Consonant classes, the long vowels written before, between and after them, and the letter of
    each consonant: "مولر" -> ("MLR", ("", "o", "", ""), "ملر")."""
    word = DIACRITICS.sub("", word).replace("تش", "ش")
    consonants, gaps, letters, gap = [], [], [], ""
    for i, ch in enumerate(word):
        if i == 0 and ch in "وي":
            cls = "O" if ch == "و" else "I"  # initial و, ي are the consonants w, y
        elif ch == "ه" and i == len(word) - 1 and i > 0:
            gap += "a"
            continue
        elif ch in _AR_VOWELS:
            gap += _AR_VOWELS[ch]
            continue
        else:
            cls = _AR_LETTERS.get(ch)
            if cls is None:
                continue
        if consonants and consonants[-1] == cls and not gap:
            continue
        consonants.append(cls)
        gaps.append(gap)
        letters.append(ch)
        gap = ""
    gaps.append(gap)
    return "".join(consonants), tuple(gaps), "".join(letters)


def _vowels_fit(arabic_gaps: tuple[str, ...], english_gaps: tuple[str, ...]) -> bool:
    """Every long vowel Arabic writes is in the English spelling (short ones Arabic leaves out), and a
    final English vowel other than a silent "e" is written in Arabic (Cucinotta is not كوسنت)."""
    if english_gaps[-1].strip("e") and not arabic_gaps[-1]:
        return False
    return all(_SOUNDS[v] & set(e) for a, e in zip(arabic_gaps, english_gaps) for v in a)


def _letter_mismatches(arabic: str, english_letters: str) -> int:
    """Letters Arabic would have written otherwise: س for an English "z" (ز), ز for a "c" (س)."""
    return sum((a == "س" and e == "z") or (a == "ز" and e == "c") for a, e in zip(arabic, english_letters))


class CensusNames:
    """The census lists, surnames grouped by consonant classes and parsed only when looked up.

    `rows`: lines of census_names.tsv.gz without their line ends."""

    def __init__(self, rows: list[str]):
        self.given: set[str] = set()
        self._by_consonants: dict[str, list[str]] = {}
        for row in rows:
            kind, name, rank, *shape = row.split("\t")
            if kind == "given":
                self.given.add(name)
            elif shape:
                self._by_consonants.setdefault(shape[0], []).append(row)

    def _surnames(self, consonants: str) -> list[tuple[int, str, tuple[str, ...], str]]:
        """(rank, name, vowel gaps, consonant letters) of the surnames with these consonant classes."""
        out = []
        for row in self._by_consonants.get(consonants, ()):
            _kind, name, rank, _consonants, gaps, letters = row.split("\t")
            out.append((int(rank), name, tuple(gaps.split(",")), letters))
        return out

    def rank(self, surname: str) -> int | None:
        return next((r for r, name, _, _ in self._surnames(english_shape(surname)[0]) if name == surname), None)

    def surname(self, arabic: str, current: str | None = None) -> str | None:
        """The most frequent census surname the Arabic word can spell (letter for letter first), or
        `current` (the table's spelling) when that is a census surname at least as frequent; None when
        nothing fits."""
        consonants, gaps, arabic_letters = arabic_shape(arabic)
        if len(consonants) < MIN_CONSONANTS:
            return None
        fitting = [
            (_letter_mismatches(arabic_letters, letters), rank, name)
            for rank, name, en_gaps, letters in self._surnames(consonants)
            if _vowels_fit(gaps, en_gaps)
        ]
        best = min(fitting, default=None)
        own_rank = self.rank(current.lower()) if current else None
        if own_rank is not None and (best is None or own_rank <= best[1]):
            return current
        return _capitalise(best[2]) if best else None


def _capitalise(name: str) -> str:
    return re.sub(r"^(mc|o')?(.)", lambda m: (m.group(1) or "").capitalize() + m.group(2).upper(), name)


def census_row(kind: str, name: str, rank: int) -> str:
    """A line of census_names.tsv.gz: surnames carry their shape, so that loading computes nothing."""
    if kind != "surname":
        return f"{kind}\t{name}\t{rank}\n"
    consonants, gaps, letters = english_shape(name)
    return f"{kind}\t{name}\t{rank}\t{consonants}\t{','.join(gaps)}\t{letters}\n"


def read_census(path: Path = CENSUS_NAMES) -> list[str]:
    """The rows of census_names.tsv.gz; empty when it is not built."""
    if not path.exists():
        return []
    with gzip.open(path, "rt", encoding="ascii") as f:
        return [line.rstrip("\n") for line in f if not line.startswith("#")]


@lru_cache(maxsize=1)
def census_names() -> CensusNames:
    return CensusNames(read_census())
