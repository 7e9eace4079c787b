"""Paragraph and sentence segmentation that keeps quotations whole."""

from __future__ import annotations

import re

from khabar.document import Sentence

_PARAGRAPH = re.compile(r"[^\n]+")
_OPENERS = {"«": "»", "“": "”", "‹": "›"}
_CLOSERS = set(_OPENERS.values())
_SENTENCE_END = set(".!?؟…")
# A period between digits ("3.5") or after a single Latin capital ("U.S.") does not end a sentence.
_NOT_A_BREAK = re.compile(r"(?<=\d)\.(?=\d)|(?<=\b[A-Z])\.")


def paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _PARAGRAPH.finditer(text):
        start, end = strip_span(text, match.start(), match.end())
        if start < end:
            spans.append((start, end))
    return spans


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the whitespace at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _quote_depth_breaks(text: str, start: int, end: int) -> list[int]:
    """Offsets after which a sentence may end: sentence punctuation outside any quotation."""
    protected = {m.start() for m in _NOT_A_BREAK.finditer(text, start, end)}
    breaks = []
    depth = 0
    ascii_open = False
    i = start
    while i < end:
        ch = text[i]
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif ch == '"':
            ascii_open = not ascii_open
        elif ch in _SENTENCE_END and i not in protected:
            j = i + 1
            while j < end and (text[j] in _SENTENCE_END or text[j] in _CLOSERS or text[j] in "\"')"):
                if text[j] in _CLOSERS:
                    depth = max(0, depth - 1)
                elif text[j] == '"':
                    ascii_open = not ascii_open
                j += 1
            if depth == 0 and not ascii_open and (j == end or text[j].isspace()):
                breaks.append(j)
            i = j
            continue
        i += 1
    return breaks


def sentences(text: str, paragraph_spans: list[tuple[int, int]]) -> list[Sentence]:
    out: list[Sentence] = []
    for index, (p_start, p_end) in enumerate(paragraph_spans):
        start = p_start
        for brk in _quote_depth_breaks(text, p_start, p_end) + [p_end]:
            s, e = strip_span(text, start, brk)
            if s < e:
                out.append(Sentence(s, e, index))
            start = brk
    return out
