"""Quotations in the original text: pairs of quotation marks, found per family, by position.

Arabic copy mixes mark styles and sets curly marks either way round ("”...“"), so a mark's role comes from its
neighbours: an opener touches the word after it, a closer the word before it. A quotation the source never
closes ends at its paragraph, unless the next paragraph opens with a mark of the same family — the convention
for a quotation that runs over paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass

from khabar.quotes.lexicon import QuoteLexicon
from khabar.text.segment import strip_span

# Characters after which a mark still opens ("و«الحدث»", "بـ«العاهرة»", "(«...").
_OPEN_CONTEXT = set(" \t\n(:،,؛;[-–—ـ")
_CLOSE_CONTEXT = set(" \t\n).,:،؛;؟?!…]-–—")


@dataclass(frozen=True, slots=True)
class Quotation:
    open: int  # offset of the opening mark
    start: int  # content, without the marks
    end: int
    closed: bool
    words: int


def _role(text: str, i: int, lexicon: QuoteLexicon) -> str:
    """'open', 'close' or 'either' for the mark at text[i]."""
    mark = text[i]
    if mark in lexicon.openers_only:
        return "open"
    if mark in lexicon.closers_only:
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    can_open = not after.isspace() and after not in _CLOSE_CONTEXT - {"-", "–", "—"}
    can_close = not before.isspace() and (after in _CLOSE_CONTEXT or after.isspace())
    if before in _OPEN_CONTEXT and can_open:
        return "open"
    if can_close and not can_open:
        return "close"
    return "either"


def _is_apostrophe(text: str, i: int) -> bool:
    """An ASCII single quote between Latin letters ("don't") is not a quotation mark."""
    return text[i] == "'" and 0 < i < len(text) - 1 and text[i - 1].isascii() and text[i - 1].isalpha()


def find_quotations(text: str, paragraphs: list[tuple[int, int]], lexicon: QuoteLexicon) -> list[Quotation]:
    out: list[Quotation] = []
    for pattern in lexicon.mark_patterns:
        out.extend(_family_quotations(text, paragraphs, pattern, lexicon))
    return sorted(out, key=lambda q: q.open)


def _family_quotations(text, paragraphs, pattern, lexicon) -> list[Quotation]:
    out: list[Quotation] = []
    open_at: int | None = None
    open_end_par = 0

    def emit(close: int | None, end: int) -> None:
        start, stop = strip_span(text, open_at + 1, end)
        if start < stop:
            out.append(Quotation(open_at, start, stop, close is not None, len(text[start:stop].split())))

    for p_start, p_end in paragraphs:
        positions = [m.start() for m in pattern.finditer(text, p_start, p_end) if not _is_apostrophe(text, m.start())]
        if open_at is not None:
            if positions and positions[0] == p_start and _role(text, p_start, lexicon) != "close":
                positions = positions[1:]  # the quotation runs on into this paragraph
            else:
                emit(None, open_end_par)
                open_at = None
        for i in positions:
            role = _role(text, i, lexicon)
            if open_at is None:
                if role != "close":
                    open_at = i
            elif role == "open":
                emit(None, i)  # an opener while open: the earlier quotation was never closed
                open_at = i
            else:
                emit(i, i)
                open_at = None
        open_end_par = p_end
    if open_at is not None:
        emit(None, open_end_par)
    return out
