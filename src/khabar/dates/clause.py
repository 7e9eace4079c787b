"""The date of a clause, for dating events: the calendar date stated in the sentence, else the publication date."""

from __future__ import annotations

from khabar.dates.tagger import is_calendar
from khabar.document import DateMention, Document

GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
NEAR_CHARS = 40  # dates this close count as equally near; then the finer one wins


def date_for_span(doc: Document, start: int, end: int) -> DateMention | None:
    """The calendar date stated in the same sentence as [start, end) (nearest first, days before months and
    years), for dating an event; None when the sentence states none (the caller falls back to publication)."""
    lo, hi = _sentence_bounds(doc, start, end)
    candidates = [d for d in doc.dates if is_calendar(d) and lo <= d.start and d.end <= hi]
    if not candidates:
        return None

    def distance(d: DateMention) -> int:
        return max(d.start - end, start - d.end, 0)

    return min(candidates, key=lambda d: (distance(d) // NEAR_CHARS, GRANULARITY_RANK[d.granularity], distance(d)))


def event_date(doc: Document, start: int, end: int) -> tuple[str | None, str]:
    """(value, date_source) for an event whose evidence is [start, end): the date stated in its sentence
    ("clause"), else the publication date ("document"; None when that is unknown too)."""
    stated = date_for_span(doc, start, end)
    if stated is not None:
        return stated.value, "clause"
    return (doc.published.isoformat() if doc.published else None), "document"


def _sentence_bounds(doc: Document, start: int, end: int) -> tuple[int, int]:
    sentence = doc.sentence_at(start)
    if sentence is not None:
        return sentence.start, max(sentence.end, end)
    text = doc.text
    stops = ".!?؟\n"
    lo = max(text.rfind(c, 0, start) for c in stops) + 1
    ends = [i for i in (text.find(c, end) for c in stops) if i != -1]
    return lo, min(ends) if ends else len(text)
