"""Find and normalise the time expressions of a text (TIMEX3 values), anchored to the publication date."""

from __future__ import annotations

import datetime as dt
import re

from khabar.dates import calendars as cal
from khabar.dates.context import inside, quoted_spans
from khabar.dates.grammar import grammar, patterns
from khabar.dates.lexicon import lexicon
from khabar.dates.resolve import RESOLVERS, Context, Resolved
from khabar.document import DateMention, Document
from khabar.text.normalize import DIACRITICS, normalize, normalize_with_map

DATELINE_CHARS = 150  # an explicit date this close to the start, closed by a dash or colon, is a dateline
DATELINE_END = re.compile(r"\s*(?:[-–—:|]|$)")
LEAD_CHARS = 40  # how far left of a match a weekday phrase (or اليوم/مساء/يوم before a weekday) may start
QUOTE_REFERENCE_DAYS = 7  # how far before publication a reported day may anchor the "اليوم" of a quote
CALENDAR_GRANULARITIES = frozenset({"day", "week", "month", "year"})


def _dropped_characters() -> re.Pattern[str]:
    blocks = [range(0x0600, 0x0700), range(0x2000, 0x2070), range(0xFE00, 0xFF00)]
    dropped = [chr(c) for block in blocks for c in block if normalize(chr(c)) == ""]
    return re.compile("[" + re.escape("".join(dropped)) + "]")


DROPPED = _dropped_characters()


def _normalise(text: str) -> tuple[str, list[int] | None]:
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


def _original_span(text: str, index: list[int], start: int, end: int) -> tuple[int, int]:
    """Map back to the original, keeping the diacritics and tatweel that follow the last letter ("عاماً", "هـ")."""
    start, end = index[start], index[end - 1] + 1
    while end < len(text) and DIACRITICS.match(text[end]):
        end += 1
    return start, end


def _find(norm: str, anchor: dt.date | None) -> list[Resolved]:
    """All non-overlapping expressions: the longest match wins, then the pattern listed first."""
    ctx = Context(norm, anchor, lexicon())
    leads = grammar().leads
    candidates = []
    present: dict[re.Pattern[str], bool] = {}
    for pattern in patterns():
        if pattern.needs is not None:
            if pattern.needs not in present:
                present[pattern.needs] = pattern.needs.search(norm) is not None
            if not present[pattern.needs]:
                continue
        for m in pattern.regex.finditer(norm):
            start, end = m.span("x")
            lead = None
            if pattern.extend_left:
                lead = leads[pattern.extend_left].search(norm, max(0, start - LEAD_CHARS), start)
                if lead is not None:
                    start = lead.start("lead") if "lead" in lead.re.groupindex else lead.start()
            candidates.append((start - end, pattern.priority, start, pattern, m, lead))
    candidates.sort(key=lambda c: c[:3])
    taken: list[tuple[int, int]] = []
    found: list[Resolved] = []
    for _, _, start, pattern, m, lead in candidates:
        end = m.end("x")
        if any(start < e and s < end for s, e in taken):
            continue
        resolver = RESOLVERS[pattern.resolver]
        # the words before a weekday ("أمس", "مساء") change its value; a weekday before a date does not
        results = resolver(m, ctx, lead) if pattern.extend_left == "weekday" else resolver(m, ctx)
        if results:
            results[0].start = min(results[0].start, start)
            taken.append((start, end))
            found.extend(results)
    found.sort(key=lambda r: r.start)
    return found


def _resolve_anaphora(found: list[Resolved], norm: str, anchor: dt.date | None) -> None:
    """Second pass, in text order: "نفس اليوم من عام 1947" takes the day and month of the date stated before it;
    "اليوم"/"أمس" inside quoted speech count from the reported day the narrative has just named."""
    quotes = quoted_spans(norm)
    last_day: Resolved | None = None
    for r in found:
        if r.anaphoric_year is not None:
            source = last_day.value if last_day else (anchor.isoformat() if anchor else None)
            if source and cal.valid_day(r.anaphoric_year, int(source[5:7]), int(source[8:10])):
                r.value = f"{r.anaphoric_year:04d}{source[4:10]}"
                r.granularity = "day"
                r.reason += f": day and month of {source}"
        elif r.day_offset is not None and anchor is not None and last_day is not None and inside(quotes, r.start):
            reported = dt.date.fromisoformat(last_day.value)
            if dt.timedelta(0) < anchor - reported <= dt.timedelta(days=QUOTE_REFERENCE_DAYS):
                r.value = (reported + dt.timedelta(days=r.day_offset)).isoformat()
                r.reason += f"; in quoted speech, counted from the reported day {reported}"
        if r.explicit_day and r.value and r.granularity == "day":
            last_day = r


def _dateline_anchor(found: list[Resolved], norm: str) -> Resolved | None:
    """"الرياض، 25 يوليو 2015 -": an explicit date near the start that closes the dateline."""
    for r in found:
        if r.start < DATELINE_CHARS and r.explicit_day and r.value and DATELINE_END.match(norm, r.end):
            return r
    return None


def tag_dates(text: str, anchor: dt.date | None) -> list[DateMention]:
    """Every time expression in `text` (DATE, TIME, DURATION, SET) with its TIMEX3 value, granularity and the
    reason of its resolution; offsets index the original text. Without an anchor an explicit date in the
    dateline is used; failing that, relative expressions are kept with `value=None`."""
    norm, index = _normalise(text)
    found = _find(norm, anchor)
    note = ""
    if anchor is None and (dateline := _dateline_anchor(found, norm)) is not None:
        anchor = dt.date.fromisoformat(dateline.value)
        found = _find(norm, anchor)
        note = f" [anchor {anchor} from the dateline]"
    _resolve_anaphora(found, norm, anchor)
    mentions = []
    for r in found:
        start, end = (r.start, r.end) if index is None else _original_span(text, index, r.start, r.end)
        reason = r.reason + note if r.value is not None else r.reason
        mentions.append(DateMention(start, end, text[start:end], r.value, r.type, r.granularity, reason))
    return mentions


def is_calendar(mention: DateMention) -> bool:
    """A resolved calendar date, week, month or year (what the gold guideline counts as a date)."""
    return mention.value is not None and mention.type == "DATE" and mention.granularity in CALENDAR_GRANULARITIES


class DateTagger:
    """Pipeline component: fills `doc.dates` from `doc.text`, anchored to `doc.published`."""

    name = "dates"

    def __init__(self) -> None:
        patterns()  # compile once, when the pipeline is built

    def __call__(self, doc: Document) -> None:
        doc.dates = tag_dates(doc.text, doc.published)


def date_for_span(doc: Document, start: int, end: int) -> DateMention | None:
    """The calendar date stated in the same sentence as [start, end) (nearest first, days before months and
    years), for dating an event; None when the sentence states none (the caller falls back to publication)."""
    lo, hi = _sentence_bounds(doc, start, end)
    candidates = [d for d in doc.dates if is_calendar(d) and lo <= d.start and d.end <= hi]
    if not candidates:
        return None
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}

    def distance(d: DateMention) -> int:
        return max(d.start - end, start - d.end, 0)

    return min(candidates, key=lambda d: (distance(d) > 0 and distance(d) // 40, rank[d.granularity], distance(d)))


def _sentence_bounds(doc: Document, start: int, end: int) -> tuple[int, int]:
    sentence = doc.sentence_at(start)
    if sentence is not None:
        return sentence.start, max(sentence.end, end)
    text = doc.text
    stops = ".!?؟\n"
    lo = max(text.rfind(c, 0, start) for c in stops) + 1
    ends = [i for i in (text.find(c, end) for c in stops) if i != -1]
    return lo, min(ends) if ends else len(text)
