"""Stable keys shared across articles: entities by KB id (else type + normalised name), events by their content."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from khabar.text.normalize import normalize

# TIMEX3 values that name a stretch of the calendar ("2024", "2024-03", "2024-03-05T10:00"), as opposed to
# references ("PRESENT_REF", "PAST_REF") and durations ("P16Y")
_CALENDAR = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:T.*)?$")


def calendar_date(value: str | None) -> str | None:
    return value if value and _CALENDAR.match(value) else None


def event_day(date: str | None, published: dt.date | None) -> str | None:
    """The day (YYYY-MM-DD) an event is filed under: its own date when known to the day; else the report's
    publication day when it falls within the event's coarser date (or the event has no calendar date); else
    the first day of the event's month or year."""
    date = calendar_date(date)
    if date and len(date) >= 10:
        return date[:10]
    reported = published.isoformat() if published else None
    if date is None or (reported and reported.startswith(date)):
        return reported
    return date + "-01" * ((10 - len(date)) // 3)


def entity_key(type_: str, name: str, kb_id: str | None) -> str:
    return kb_id if kb_id else f"NIL:{type_}:{' '.join(normalize(name).split())}"


def event_key(type_: str, actors: list[str], recipients: list[str], date: str | None, article_pk: int) -> str:
    """Same type, actors, recipients and date → one event, however many articles report it.

    Without a calendar date ("PRESENT_REF" is not one) or without any participant two reports cannot be told
    apart from two different events, so such an event stays private to its article.
    """
    if calendar_date(date) and (actors or recipients):
        basis = f"{type_}|{','.join(sorted(actors))}|{','.join(sorted(recipients))}|{date}"
    else:
        basis = f"{type_}|{','.join(sorted(actors))}|{','.join(sorted(recipients))}|{date}|article:{article_pk}"
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()
