"""Calendar arithmetic: month and week shifts, weekdays relative to an anchor, Hijri conversion."""

from __future__ import annotations

import calendar
import datetime as dt

from hijridate import Gregorian, Hijri

FUTURE_REACH = dt.timedelta(days=92)  # how far ahead a day or month stated without a year may lie
PUBLICATION_LAG = dt.timedelta(days=7)  # metadata dates may trail the day the text was written


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def weekday_before(anchor: dt.date, weekday: int, inclusive: bool) -> dt.date:
    """The latest day with ISO `weekday` on or before (inclusive) / strictly before the anchor."""
    back = (anchor.isoweekday() - weekday) % 7
    if back == 0 and not inclusive:
        back = 7
    return anchor - dt.timedelta(days=back)


def weekday_after(anchor: dt.date, weekday: int, inclusive: bool) -> dt.date:
    ahead = (weekday - anchor.isoweekday()) % 7
    if ahead == 0 and not inclusive:
        ahead = 7
    return anchor + dt.timedelta(days=ahead)


def weekday_nearest(day: dt.date, weekday: int) -> dt.date:
    """The day with ISO `weekday` closest to `day` (three days either side; the earlier on a tie)."""
    back = (day.isoweekday() - weekday) % 7
    return day - dt.timedelta(days=back) if back <= 3 else day + dt.timedelta(days=7 - back)


def nearest_year(anchor: dt.date, month: int, day: int = 1) -> int | None:
    """Year for a day/month stated without one: the latest year that does not put it more than about three
    months after the anchor (news mostly reports the recent past, and the near future)."""
    for year in (anchor.year + 1, anchor.year, anchor.year - 1):
        if valid_day(year, month, day) and dt.date(year, month, day) <= anchor + FUTURE_REACH:
            return year
    return None


def directed_year(anchor: dt.date, month: int, day: int | None, direction: str) -> int | None:
    """Year of a month (or day of a month) with a modifier: الماضي = latest before the anchor's month (day),
    المقبل = first after it, الجاري = the anchor's year."""
    here = (anchor.month, anchor.day if day else 0)
    there = (month, day or 0)
    if direction == "past":
        return anchor.year if there < here else anchor.year - 1
    if direction == "future":
        return anchor.year if there > here else anchor.year + 1
    if direction == "current":
        return anchor.year
    return None


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    return Hijri(year, month, day).to_gregorian()


def hijri_month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = Hijri(year, month, 1)
    return first.to_gregorian(), Hijri(year, month, first.month_length()).to_gregorian()


def hijri_year_of(day: dt.date) -> tuple[int, int]:
    """(Hijri year, Hijri month) of a Gregorian day."""
    h = Gregorian(day.year, day.month, day.day).to_hijri()
    return h.year, h.month
