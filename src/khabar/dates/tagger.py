"""Find and normalise the time expressions of a text (TIMEX3 values), anchored to the publication date."""

from __future__ import annotations

import datetime as dt
import re

from khabar.dates import calendars as cal
from khabar.dates.context import inside, quoted_spans
from khabar.dates.grammar import grammar, patterns
from khabar.dates.lexicon import lexicon
from khabar.dates.offsets import normalise_with_index, original_span
from khabar.dates.resolve import RESOLVERS, Context, Match, Resolved
from khabar.document import DateMention, Document

DATELINE_CHARS = 150  # an explicit date this close to the start, closed by a dash or colon, is a dateline
DATELINE_END = re.compile(r"\s*(?:[-–—:|]|$)")
WORD_BEFORE = re.compile(r"[^\W\d_]+$")
PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "لل", "ولل", "فلل", "وك", "فك"})
NUMBER_PREFIXES = frozenset({"في", "وفي", "ال"})  # "في5 حزيران" (a missing space), "الـ30 من آذار"
NUMBER_SEPARATORS = frozenset("/.,:")
LEAD_CHARS = 40  # how far left of a match a weekday phrase (or اليوم/مساء/يوم before a weekday) may start
# the "اليوم" of a quote is the reported weekday when that is the day before publication (the usual lag
# between an agency's story and the site's date), not an older one
QUOTE_REFERENCE_LAG = dt.timedelta(days=1)
CLOCK_TO_DAY_CHARS = 12  # "الساعة 8 من مساء الأحد": the gap between a clock time and its day


def _left_ok(norm: str, start: int, left: str) -> bool:
    """May the text before `start` stand there (see `left` in patterns.yaml)?"""
    if left == "any" or start == 0:
        return True
    before = norm[start - 1]
    if left == "number" and (
        before.isdigit() or (before in NUMBER_SEPARATORS and norm[start - 2 : start - 1].isdigit())
    ):
        return False  # part of a longer number ("78,360"); "2018-2019" is two years
    if before == "_":
        return left == "number"  # a hashtag's next word ("#اليمن_اليوم") is part of a name; "#رمضان_2018" a year
    if not before.isalnum():
        return True
    glued = WORD_BEFORE.search(norm, max(0, start - 4), start)
    return glued is not None and glued.group() in (PROCLITICS | NUMBER_PREFIXES if left == "number" else PROCLITICS)


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
        position = 0
        while (m := pattern.regex.search(norm, position)) is not None:
            if not _left_ok(norm, m.start(), pattern.left):
                position = m.start() + 1  # inside a word: look again from the next character
                continue
            position = max(m.end(), m.start() + 1)
            lead = None
            if pattern.extend_left:
                start = m.start("x")
                lead = leads[pattern.extend_left].search(norm, max(0, start - LEAD_CHARS), start)
                if lead is not None and not lead.group("lead"):
                    lead = None
            match = Match(m, lead)
            start, end = match.span()
            candidates.append((start - end, pattern.priority, start, pattern, match))
    candidates.sort(key=lambda c: c[:3])
    taken: list[tuple[int, int]] = []
    found: list[Resolved] = []
    for _, _, start, pattern, match in candidates:
        end = match.end()
        if any(start < e and s < end for s, e in taken):
            continue
        results = RESOLVERS[pattern.resolver](match, ctx)
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
    reported: Resolved | None = None
    for r in found:
        if r.anaphoric_year is not None:
            source = last_day.value if last_day else (anchor.isoformat() if anchor else None)
            if source and cal.valid_day(r.anaphoric_year, int(source[5:7]), int(source[8:10])):
                r.value = f"{r.anaphoric_year:04d}{source[4:10]}"
                r.granularity = "day"
                r.reason += f": day and month of {source}"
        elif r.day_offset is not None and anchor is not None and reported is not None and inside(quotes, r.start):
            day = dt.date.fromisoformat(reported.value)
            if dt.timedelta(0) < anchor - day <= QUOTE_REFERENCE_LAG:
                r.value = (day + dt.timedelta(days=r.day_offset)).isoformat()
                r.reason += f"; in quoted speech, counted from the reported day {day}"
        if r.explicit_day and r.value and r.granularity == "day":
            last_day = r
            _date_the_clock_before(found, r)
        if r.reported_day:
            reported = r


def _date_the_clock_before(found: list[Resolved], day: Resolved) -> None:
    """ "الساعة الثامنة من مساء الأحد": the clock time just before a day takes that day's date."""
    for r in found:
        if r.clock and r.value and 0 <= day.start - r.end <= CLOCK_TO_DAY_CHARS:
            r.value = day.value + r.value[10:]
            r.reason = f"clock time on {day.value} (the day named after it)"


def _dateline_anchor(found: list[Resolved], norm: str) -> Resolved | None:
    """ "الرياض، 25 يوليو 2015 -": an explicit date near the start that closes the dateline."""
    for r in found:
        if r.start < DATELINE_CHARS and r.explicit_day and r.value and DATELINE_END.match(norm, r.end):
            return r
    return None


def tag_dates(text: str, anchor: dt.date | None) -> list[DateMention]:
    """Every time expression in `text` (DATE, TIME, DURATION, SET) with its TIMEX3 value, granularity and the
    reason of its resolution; offsets index the original text. Without an anchor an explicit date in the
    dateline is used; failing that, relative expressions are kept with `value=None`."""
    norm, index = normalise_with_index(text)
    found = _find(norm, anchor)
    note = ""
    if anchor is None and (dateline := _dateline_anchor(found, norm)) is not None:
        anchor = dt.date.fromisoformat(dateline.value)
        found = _find(norm, anchor)
        note = f" [anchor {anchor} from the dateline]"
    _resolve_anaphora(found, norm, anchor)
    mentions = []
    for r in found:
        start, end = (r.start, r.end) if index is None else original_span(text, index, r.start, r.end)
        reason = r.reason + note if r.value is not None else r.reason
        mentions.append(DateMention(start, end, text[start:end], r.value, r.type, r.granularity, reason))
    return mentions


def is_calendar(mention: DateMention) -> bool:
    """A resolved calendar date, week, month or year (what the gold guideline counts as a date)."""
    return mention.is_calendar_point


class DateTagger:
    """Pipeline component: fills `doc.dates` from `doc.text`, anchored to `doc.published`."""

    name = "dates"

    def __init__(self) -> None:
        patterns()  # compile once, when the pipeline is built

    def __call__(self, doc: Document) -> None:
        doc.dates = tag_dates(doc.text, doc.published)
