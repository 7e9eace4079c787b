"""Offsets between the original text and its normalised form (khabar.text.normalize), built fast."""

from __future__ import annotations

import re

from khabar.text.normalize import DIACRITICS, normalize, normalize_with_map


def _dropped_characters() -> re.Pattern[str]:
    blocks = [range(0x0600, 0x0700), range(0x2000, 0x2070), range(0xFE00, 0xFF00)]
    dropped = [chr(c) for block in blocks for c in block if normalize(chr(c)) == ""]
    return re.compile("[" + re.escape("".join(dropped)) + "]")


DROPPED = _dropped_characters()


def normalise_with_index(text: str) -> tuple[str, list[int] | None]:
    """The normalised text and its index back to the original (None when they align one to one).

    normalize() maps every character to one character or drops it (diacritics, tatweel, zero-width marks),
    so the index is the original offsets minus the dropped ones: built in C-level ranges, not per character.
    """
    norm = normalize(text)
    if len(norm) == len(text):
        return norm, None
    index: list[int] = []
    kept_from = 0
    for m in DROPPED.finditer(text):
        index.extend(range(kept_from, m.start()))
        kept_from = m.start() + 1
    index.extend(range(kept_from, len(text)))
    if len(index) != len(norm):  # normalize() changed in a way this shortcut does not know
        return normalize_with_map(text)
    return norm, index


def original_span(text: str, index: list[int], start: int, end: int) -> tuple[int, int]:
    """Map back to the original, keeping the diacritics and tatweel that follow the last letter ("عاماً", "هـ")."""
    start, end = index[start], index[end - 1] + 1
    while end < len(text) and DIACRITICS.match(text[end]):
        end += 1
    return start, end
