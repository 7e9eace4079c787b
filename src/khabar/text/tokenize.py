"""Tokenisation with Arabic clitic analysis; every offset points into the original text.

Arabic attaches conjunctions (و ف), prepositions (ب ل ك), the future particle (س) and the article (ال) to the
word, and possessive/object pronouns after it. A token's default analysis strips only what is unambiguous (a
proclitic chain ending in the article: "والرئيس", "بالعاصمة", "للحكومة"); `stem_candidates` lists every
plausible split so that lexicon lookups ("وبيلاروسيا" → "بيلاروسيا") can choose the one they know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from khabar.document import Token
from khabar.text.normalize import normalize_with_map

ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"
_MARKS = "\u064b-\u065f\u0670\u0640"
WORD = re.compile(
    rf"[{ARABIC_LETTERS}{_MARKS}]+|[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u066b\u066c][0-9\u0660-\u0669\u06f0-\u06f9]+)*"
    r"|[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z]+)?|\S"
)

_CONJUNCTIONS = "وف"
_PREPOSITIONS = "بلك"
ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ي", "ك")
_MIN_STEM = 2


@dataclass(frozen=True, slots=True)
class StemCandidate:
    norm: str
    start: int
    end: int
    proclitics: str
    article: bool
    enclitic: str


def is_arabic(text: str) -> bool:
    return bool(re.match(rf"[{ARABIC_LETTERS}]", text))


def _proclitic_splits(norm: str) -> list[tuple[str, int, bool]]:
    """(proclitics, length in normalised characters, has article) for each plausible prefix split, shortest first."""
    splits = [("", 0, False)]
    conj_options = [""] + ([norm[0]] if norm and norm[0] in _CONJUNCTIONS else [])
    for conj in conj_options:
        rest = norm[len(conj):]
        prep_options = [""] + ([rest[0]] if rest and rest[0] in _PREPOSITIONS else [])
        if rest.startswith("س"):
            prep_options.append("س")
        for prep in prep_options:
            after = rest[len(prep):]
            if conj or prep:
                splits.append((conj + prep, len(conj) + len(prep), False))
            # "لل" is ل + ال with the alef elided: "للحكومة" → "الحكومة"
            if prep == "ل" and after.startswith("ل") and len(after) > _MIN_STEM + 1:
                splits.append((conj + "ل", len(conj) + 1, True))
    return [s for s in splits if s[1] == 0 or len(norm) - s[1] >= _MIN_STEM]


def stem_candidates(text: str, start: int) -> list[StemCandidate]:
    """Every plausible (proclitics, stem, enclitic) split of the token `text` found at `start`."""
    if start == 0:
        return stem_splits(text)
    return [StemCandidate(c.norm, c.start + start, c.end + start, c.proclitics, c.article, c.enclitic)
            for c in stem_splits(text)]


@lru_cache(maxsize=1 << 17)
def stem_splits(text: str) -> list[StemCandidate]:
    """`stem_candidates` with offsets relative to the token; cached per word form, as forms repeat a lot in news.
    The list is shared: do not modify it."""
    norm, index = normalize_with_map(text)
    if not norm or not is_arabic(norm):
        return [StemCandidate(norm, 0, len(text), "", False, "")]
    out = []
    for proclitics, plen, elided_article in _proclitic_splits(norm):
        stem = norm[plen:]
        s = index[plen]
        e = len(text)
        if elided_article:
            out.append(StemCandidate("ا" + stem, s, e, proclitics, True, ""))
            continue
        out.append(StemCandidate(stem, s, e, proclitics, stem.startswith("ال"), ""))
        for enclitic in ENCLITICS:
            cut = len(norm) - len(enclitic)
            # a final ة normalises to ه but is never a pronoun
            if stem.endswith(enclitic) and len(stem) - len(enclitic) >= _MIN_STEM + 1 and text[index[cut]] != "ة":
                out.append(StemCandidate(stem[: -len(enclitic)], s, index[cut], proclitics, False, enclitic))
    return out


@lru_cache(maxsize=1 << 17)
def _default_analysis(text: str) -> StemCandidate:
    """Strip a proclitic chain only when it ends in the article: then the split is certain."""
    candidates = stem_splits(text)
    for cand in candidates:
        if cand.proclitics and cand.norm.startswith("ال") and not cand.enclitic:
            return cand
    return candidates[0]


def tokenize(text: str) -> list[Token]:
    tokens = []
    for match in WORD.finditer(text):
        word = match.group()
        start = match.start()
        cand = _default_analysis(word)
        tokens.append(Token(start, start + len(word), word, cand.norm, start + cand.start, start + cand.end,
                            cand.proclitics, cand.article, cand.enclitic))
    return tokens
