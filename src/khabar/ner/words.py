"""ANERcorp-style word splitting of running text: at whitespace and around punctuation, clitics kept."""

from __future__ import annotations

import re

_WORD = re.compile(r"[\w\u0640\u064b-\u065f\u0670]+|[^\w\s]", re.UNICODE)


def split_words(text: str) -> list[str]:
    return _WORD.findall(text)


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of `split_words(text)` in `text`."""
    return [m.span() for m in _WORD.finditer(text)]
