"""Normalisation for matching. The original text is never altered: `normalize_with_map` returns the
normalised string together with, for each of its characters, the index of the original character."""

from __future__ import annotations

import re
from functools import lru_cache

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # harakat, Quranic marks, tatweel

_CHAR_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ئ": "ي", "ؤ": "و",
    "ة": "ه",
    "ک": "ك", "ی": "ي", "ڤ": "ف", "پ": "ب", "چ": "ج", "گ": "ك",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "‹": '"', "›": '"',
    "،": ",", "؛": ";", "؟": "?",
    "\u200f": "", "\u200e": "", "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "",
}
_CHAR_MAP.update({chr(0x0660 + i): str(i) for i in range(10)})  # Arabic-Indic digits
_CHAR_MAP.update({chr(0x06F0 + i): str(i) for i in range(10)})  # Eastern Arabic-Indic (Persian) digits


def _normalize_char(ch: str) -> str:
    if DIACRITICS.match(ch):
        return ""
    return _CHAR_MAP.get(ch, ch)


_TABLE = {ord(k): v for k, v in _CHAR_MAP.items()}


def normalize(text: str) -> str:
    """Diacritics and tatweel removed; alef, yaa, taa marbuta, hamza carriers, digits and quotes unified."""
    return DIACRITICS.sub("", text).translate(_TABLE)


@lru_cache(maxsize=1 << 17)
def normalize_word(word: str) -> str:
    """`normalize` for short strings that recur (tokens), cached."""
    return normalize(word)


def strip_article(word: str) -> str:
    """A normalised word without the article; words that would lose their stem ("الله" → "له") keep it."""
    return word[2:] if word.startswith("ال") and len(word) >= 5 else word


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """`normalize(text)` and, for each normalised character, the offset of the original character."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for piece in _normalize_char(ch):
            out.append(piece)
            index.append(i)
    return "".join(out), index


def to_original_span(index: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a [start, end) span of the normalised string back to the original text."""
    return index[start], index[end - 1] + 1
