"""Resolvers: turn a pattern match into TIMEX3 values, anchored to the publication date.

Each resolver takes the match and the Context and returns a list of Resolved (usually one), or an empty list
when the words around the match show it is not a time expression. A resolver never guesses a value it
cannot derive: without an anchor, relative expressions keep `value=None` and say why in `reason`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from khabar.dates import calendars as cal
from khabar.dates.context import followed_by, is_future_clause, preceded_by, words_before
from khabar.dates.lexicon import Lexicon

NO_ANCHOR = "no publication date to resolve against"


@dataclass
class Context:
    text: str  # the normalised text
    anchor: dt.date | None
    lex: Lexicon


@dataclass
class Resolved:
    start: int
    end: int
    value: str | None
    type: str = "DATE"
    granularity: str | None = None
    reason: str = ""
    # for the second pass: a day offset from the anchor (اليوم، أمس) or a year whose month/day is anaphoric
    day_offset: int | None = None
    anaphoric_year: int | None = None
    explicit_day: bool = False  # a stated day and month (for "نفس اليوم من عام ...")
    reported_day: bool = False  # a weekday the narrative reports (for "اليوم" in quoted speech)
    clock: bool = False  # a clock time, which takes the date of a day named right after it


class Match:
    """A pattern match (its span is group `x`) and the words before it that joined it (`lead`, see
    extend_left in patterns.yaml): groups are looked up in both."""

    def __init__(self, m: re.Match[str], lead: re.Match[str] | None = None):
        self.m, self.lead = m, lead

    def group(self, name: str) -> str | None:
        for match in (self.m, self.lead):
            if match is not None and name in match.re.groupindex and match.group(name) is not None:
                return match.group(name)
        return None

    def start(self, name: str = "x") -> int:
        if name == "x" and self.lead is not None:
            return self.lead.start("lead")
        return self.m.start(name) if self.m.group(name) is not None else self.lead.start(name)

    def end(self, name: str = "x") -> int:
        return self.m.end(name)

    def span(self) -> tuple[int, int]:
        return self.start(), self.end()


def words(m: Match, group: str) -> str | None:
    value = m.group(group)
    return " ".join(value.split()) if value else None


def span(m: Match) -> tuple[int, int]:
    return m.span()


def day_result(m, day: dt.date, reason: str, **kw) -> Resolved:
    return Resolved(*span(m), day.isoformat(), "DATE", "day", reason, **kw)


def unresolved(m, reason: str, type_: str = "DATE", granularity: str | None = None) -> Resolved:
    return Resolved(*span(m), None, type_, granularity, reason)


def month_of(m, lex: Lexicon) -> int:
    return lex.months[words(m, "month")]


def ordinal_of_noun(m, ctx: Context) -> bool:
    """ "النصف الثاني من رمضان": an ordinal after a definite noun qualifies that noun, it is not a day."""
    if not words(m, "dayord"):
        return False
    before = words_before(ctx.text, m.start("dayord"), 1)
    return bool(before) and before[0].startswith("ال") and before[0] not in ctx.lex.weekdays


def day_of(m, lex: Lexicon) -> int | None:
    if words(m, "dayord"):
        return lex.day_ordinals[words(m, "dayord")]
    return int(m.group("day")) if words(m, "day") else None


def direction_of(m, lex: Lexicon) -> str | None:
    mod = words(m, "mod")
    return lex.modifiers.get(mod) if mod else None


SINCE = frozenset({"منذ", "مند"})


def future_direction(m, ctx: Context) -> str | None:
    """ "سيتم ... في 11 نوفمبر": a date without a year in a future clause is the next such date
    (but not after "منذ": "ستفتح موانئ مغلقة منذ أواخر يونيو")."""
    if SINCE & set(words_before(ctx.text, m.start("x"), 2)):
        return None
    return "future" if is_future_clause(ctx.text, m.start("x"), ctx.lex) else None


def gregorian_year(m) -> int | None:
    year = int(m.group("year"))
    return year if 1000 <= year <= 2100 else None


# --- explicit calendar dates -------------------------------------------------------------------------------


def numeric(m, ctx: Context) -> list[Resolved]:
    year, month, day = int(m.group("year")), int(m.group("mon")), day_of(m, ctx.lex)
    if words(m, "hijri") or 1300 <= year < 1600:
        return hijri_day(m, ctx, year, month, day, "numeric Hijri date")
    if not cal.valid_day(year, month, day):
        return []
    return [day_result(m, dt.date(year, month, day), "explicit numeric date (day/month/year)", explicit_day=True)]


def day_month(m, ctx: Context) -> list[Resolved]:
    """ "19 أغسطس 2021", "الأول من فبراير", "22 مارس الماضي", "16 نيسان/أبريل"."""
    month, day = month_of(m, ctx.lex), day_of(m, ctx.lex)
    if ordinal_of_noun(m, ctx):
        return []
    if words(m, "year"):
        year = gregorian_year(m)
        if year is None or not cal.valid_day(year, month, day):
            return []
        return [day_result(m, dt.date(year, month, day), "explicit day, month and year", explicit_day=True)]
    if ctx.anchor is None:
        return [unresolved(m, f"day and month without a year; {NO_ANCHOR}", granularity="day")]
    direction = direction_of(m, ctx.lex)
    if direction is None and future_direction(m, ctx):
        # a future clause: the next such date, allowing for a publication date a few days late
        year = cal.directed_year(ctx.anchor - cal.PUBLICATION_LAG, month, day, "future")
        reason = "day and month in a future clause: next such date"
    elif direction in ("past", "future", "current"):
        year = cal.directed_year(ctx.anchor, month, day, direction)
        reason = f"day and month, year from the publication date ({direction})"
    else:
        year = cal.nearest_year(ctx.anchor, month, day)
        reason = "day and month, year of the publication date (nearest)"
    if year is None or not cal.valid_day(year, month, day):
        return []
    return [day_result(m, dt.date(year, month, day), reason, explicit_day=True)]


def day_of_relative_month(m, ctx: Context) -> list[Resolved]:
    """ "في 24 الشهر الجاري": a day of the publication month (or of the month before / after)."""
    if not (words(m, "mod") or "هذا" in m.group("x")):
        return []  # "15 الشهر" alone is not a date
    if ctx.anchor is None:
        return [unresolved(m, f"day of a relative month; {NO_ANCHOR}", granularity="day")]
    year, month = cal.shift_month(ctx.anchor.year, ctx.anchor.month, SHIFTS[direction_of(m, ctx.lex) or "current"])
    day = day_of(m, ctx.lex)
    if not cal.valid_day(year, month, day):
        return []
    return [
        day_result(m, dt.date(year, month, day), "day of the publication month (shifted as stated)", explicit_day=True)
    ]


def month(m, ctx: Context) -> list[Resolved]:
    """ "يناير 2011", "مارس الماضي", "شهر يونيو/حزيران"; a month alone only after "شهر" or a preposition."""
    name = words(m, "month")
    number = ctx.lex.months[name]
    if words(m, "year"):
        year = gregorian_year(m)
        return (
            [Resolved(*span(m), cal.month_value(year, number), "DATE", "month", "explicit month and year")]
            if year
            else []
        )
    direction = direction_of(m, ctx.lex)
    paired = words(m, "month2") or words(m, "month3")
    if direction is None and not (words(m, "shahr") or after_preposition(m, ctx)):
        return []
    if name in ctx.lex.ambiguous_months and not (paired or direction):
        return []
    if ctx.anchor is None:
        return [unresolved(m, f"month without a year; {NO_ANCHOR}", granularity="month")]
    direction = direction or future_direction(m, ctx)
    if direction in ("past", "future", "current"):
        year = cal.directed_year(ctx.anchor, number, None, direction)
        reason = f"month, year from the publication date ({direction})"
    else:
        year = cal.nearest_year(ctx.anchor, number)
        reason = "month, year of the publication date (nearest)"
    return [Resolved(*span(m), cal.month_value(year, number), "DATE", "month", reason)]


def after_preposition(m, ctx: Context) -> bool:
    before = words_before(ctx.text, m.start(), 1)
    return bool(before) and (before[0] in ctx.lex.month_prepositions or before[0][1:] in ctx.lex.month_prepositions)


def hijri_day(m, ctx: Context, year: int, month: int, day: int, what: str) -> list[Resolved]:
    try:
        gregorian = cal.hijri_to_gregorian(year, month, day)
    except (ValueError, OverflowError):
        return [unresolved(m, f"{what} {year}-{month}-{day} outside the convertible range", granularity="day")]
    return [day_result(m, gregorian, f"{what} {day}/{month}/{year} AH converted to Gregorian", explicit_day=True)]


def hijri_date(m, ctx: Context) -> list[Resolved]:
    """Hijri day/month/year, month/year, day/month or a month with a modifier ("رمضان الماضي")."""
    month_number = ctx.lex.hijri_months[words(m, "hmonth")]
    if ordinal_of_noun(m, ctx):
        return []
    day = day_of(m, ctx.lex)
    year = int(words(m, "year")) if words(m, "year") else None
    if not (day or year or words(m, "mod") or words(m, "shahr")):
        return []  # "رجب" alone is most often a name (رجب طيب أردوغان)
    if year is None and ctx.anchor is None:
        return [unresolved(m, f"Hijri month without a year; {NO_ANCHOR}", granularity="day" if day else "month")]
    try:
        if year is None:
            year = hijri_year_near(ctx.anchor, month_number, direction_of(m, ctx.lex))
        elif year >= 1600:
            # a Hijri month with a Gregorian year ("رمضان 2018"): the Hijri month that falls in that year
            gregorian = year
            year, _ = cal.hijri_year_of(dt.date(gregorian, 1, 1))
            if cal.hijri_month_span(year, month_number)[0].year < gregorian:
                year += 1
        if day is not None:
            return hijri_day(m, ctx, year, month_number, day, "Hijri date")
        first, last = cal.hijri_month_span(year, month_number)
    except (ValueError, OverflowError):  # hijridate covers 1343-1500 AH (1924-2077)
        return [unresolved(m, "Hijri date outside the convertible range", granularity="day" if day else "month")]
    middle = first + (last - first) / 2
    reason = f"Hijri month {month_number}/{year} AH = {first}..{last}; Gregorian month of its middle"
    return [Resolved(*span(m), cal.month_value(middle.year, middle.month), "DATE", "month", reason)]


def hijri_year_near(anchor: dt.date, month: int, direction: str | None) -> int:
    year, anchor_month = cal.hijri_year_of(anchor)
    if direction == "past":
        return year if month < anchor_month else year - 1
    if direction == "future":
        return year if month > anchor_month else year + 1
    if direction is None and month - anchor_month > 6:
        return year - 1
    if direction is None and anchor_month - month > 6:
        return year + 1
    return year


# --- weekdays and days relative to the anchor ---------------------------------------------------------------


def part_of_day_note(m, ctx: Context) -> str:
    pod = words(m, "pod")
    return f" ({ctx.lex.parts_of_day[pod]} part of the day)" if pod else ""


def weekday(m, ctx: Context) -> list[Resolved]:
    """A weekday name, with the words matched before it ("اليوم", "أمس", "مساء", "يوم")."""
    text, lex = ctx.text, ctx.lex
    start, end = m.span()
    today = words(m, "today") or words(m, "todayp")
    if m.group("close") and not m.group("todayp"):
        if not text[:start].rstrip().endswith("("):
            return []  # "الخميس)" without its opening bracket
        end = m.end("wd")  # "(الخميس)": the weekday alone
    if m.lead is None and (
        preceded_by(text, start, lex.weekday_blockers_before) or followed_by(text, end, frozenset({"معا", "عشر"}))
    ):
        return []
    if ctx.anchor is None:
        return [Resolved(start, end, None, "DATE", "day", f"weekday; {NO_ANCHOR}")]
    wd = lex.weekdays[words(m, "wd")]
    direction = direction_of(m, lex)
    if direction == "past":
        day, reason = (
            cal.weekday_before(ctx.anchor, wd, inclusive=False),
            "weekday + الماضي: last such day before publication",
        )
    elif direction == "before_past":
        day = cal.weekday_before(ctx.anchor, wd, inclusive=False) - dt.timedelta(days=7)
        reason = "weekday + قبل الماضي: the one before last"
    elif direction == "future":
        day, reason = (
            cal.weekday_after(ctx.anchor, wd, inclusive=False),
            "weekday + المقبل: next such day after publication",
        )
    elif today:
        # "أمس الخميس": the weekday decides, nearest to the relative day (publication dates can lag a day)
        offset = lex.relative_days[today]
        day = cal.weekday_nearest(ctx.anchor + dt.timedelta(days=offset), wd)
        reason = f"{today} + weekday: that weekday at publication date {offset:+d} day(s)"
    elif is_future_clause(text, start, lex):
        day, reason = (
            cal.weekday_after(ctx.anchor, wd, inclusive=True),
            "weekday in a future clause: next such day on or after publication",
        )
    else:
        day, reason = (
            cal.weekday_before(ctx.anchor, wd, inclusive=True),
            "weekday: most recent such day on or before publication",
        )
    result = Resolved(start, end, day.isoformat(), "DATE", "day", reason + part_of_day_note(m, ctx), explicit_day=True)
    result.reported_day = day <= ctx.anchor
    return [result]


def relative_day(m, ctx: Context) -> list[Resolved]:
    text, lex = ctx.text, ctx.lex
    rel = words(m, "rel")
    if not m.group("pod") and (
        (rel == "اليوم" and preceded_by(text, m.start("x"), lex.today_blockers_before))
        or followed_by(text, m.end("x"), lex.today_blockers_after)
    ):
        return []
    offset = lex.relative_days[rel]
    if ctx.anchor is None:
        return [unresolved(m, f"{rel}; {NO_ANCHOR}", granularity="day")]
    day = ctx.anchor + dt.timedelta(days=offset)
    return [
        day_result(m, day, f"{rel}: publication date {offset:+d} day(s)" + part_of_day_note(m, ctx), day_offset=offset)
    ]


def tonight(m, ctx: Context) -> list[Resolved]:
    if preceded_by(ctx.text, m.start("x"), ctx.lex.today_blockers_before):
        return []
    past = direction_of(m, ctx.lex) == "past"
    if ctx.anchor is None:
        return [unresolved(m, f"night; {NO_ANCHOR}", "TIME", "day")]
    day = ctx.anchor - dt.timedelta(days=1 if past else 0)
    return [
        Resolved(
            *span(m), f"{day.isoformat()}TNI", "TIME", "day", "last night" if past else "tonight (publication day)"
        )
    ]


SHIFTS = {"past": -1, "future": 1, "current": 0, "before_past": -2, "after_next": 2}


def relative_unit(m, ctx: Context) -> list[Resolved]:
    """ "الأسبوع الماضي", "الشهر المقبل", "العام الجاري", "هذا العام", "القرن الماضي"."""
    unit = ctx.lex.definite_units[words(m, "dunit")]
    shift = 0 if words(m, "this") else SHIFTS[direction_of(m, ctx.lex)]
    if ctx.anchor is None:
        return [unresolved(m, f"relative {unit}; {NO_ANCHOR}")]
    return [shifted(m, ctx.anchor, unit, shift, f"publication {unit} {shift:+d}")]


def shifted(m, anchor: dt.date, unit: str, n: int, reason: str) -> Resolved:
    """The calendar unit `n` units away from the anchor, at that unit's granularity (weeks of days -> day)."""
    if unit == "D":
        return day_result(m, anchor + dt.timedelta(days=n), reason)
    if unit == "W":
        return Resolved(*span(m), cal.week_value(anchor + dt.timedelta(weeks=n)), "DATE", "week", reason)
    if unit == "M":
        return Resolved(
            *span(m), cal.month_value(*cal.shift_month(anchor.year, anchor.month, n)), "DATE", "month", reason
        )
    if unit == "Y":
        return Resolved(*span(m), f"{anchor.year + n:04d}", "DATE", "year", reason)
    if unit == "DE":
        return Resolved(*span(m), f"{anchor.year + 10 * n:04d}", "DATE", "year", reason)
    return Resolved(*span(m), f"{(anchor.year - 1) // 100 + n:02d}", "DATE", "century", reason)


MAX_COUNT = {"DE": 20, "CE": 20}  # "360 عقدا" are contracts, not decades


def count_and_unit(m, lex: Lexicon) -> tuple[int | None, str]:
    form = words(m, "unit") or words(m, "unitw") or words(m, "unit1")
    unit, count = lex.units[form]
    number = words(m, "num") or words(m, "numw")
    n = lex.parse_number(number) if number else count
    return (None if n and n > MAX_COUNT.get(unit, n) else n), unit


# "قبل يومين من الانتخابات", "بعد عامين على الحرب": counted from an event ("قبض قبل أسبوع على" is not)
FILLERS = frozenset({"فقط", "تقريبا", "بالضبط"})
EVENT_RELATIVE = {"قبل": frozenset({"من"}), "بعد": frozenset({"من", "علي"})}


def ago(m, ctx: Context) -> list[Resolved]:
    """ "قبل ثلاثة أيام", "منذ عامين", "بعد أسبوع": a distance from the anchor (or from an event: then no value)."""
    n, unit = count_and_unit(m, ctx.lex)
    direction = words(m, "dir")
    approx = " (approximate)" if words(m, "approx") else ""
    if n is None:
        return []
    if unit in ("H", "MIN"):
        return [unresolved(m, "hours/minutes from an unstated time of day", "TIME")]
    if direction == "منذ":
        return since(m, ctx.anchor, n, unit)
    if followed_by(ctx.text, m.end("x"), EVENT_RELATIVE[direction], skip=FILLERS) or (
        direction == "بعد" and not is_future_clause(ctx.text, m.start("x"), ctx.lex)
    ):
        # "بعد 13 يوما" in a narrative counts from the narrated event; only a future clause counts from publication
        return [unresolved(m, f"{direction} + amount measured from an event, not from the publication date")]
    if ctx.anchor is None:
        return [unresolved(m, f"{direction} + amount; {NO_ANCHOR}")]
    sign = 1 if direction == "بعد" else -1
    days = {"D": 1, "W": 7}.get(unit)
    if days:
        day = ctx.anchor + dt.timedelta(days=sign * n * days)
        return [day_result(m, day, f"{direction} {n}{unit}: publication date {sign * n * days:+d} days{approx}")]
    units = {"M": ("M", n), "Y": ("Y", n), "DE": ("Y", 10 * n), "CE": ("CE", n)}
    target, amount = units[unit]
    return [
        shifted(
            m,
            ctx.anchor,
            target,
            sign * amount,
            f"{direction} {n}{unit}: publication date {sign * amount:+d}{target}{approx}",
        )
    ]


def since(m, anchor: dt.date | None, n: int, unit: str) -> list[Resolved]:
    """ "معتقل منذ عامين": a state lasting up to publication, a DURATION (its start point goes in the reason)."""
    start = (
        shifted(m, anchor, unit if unit != "DE" else "Y", -n * (10 if unit == "DE" else 1), "").value
        if anchor
        else None
    )
    reason = f"منذ + amount: lasting up to publication, began about {start}" if start else "منذ + amount"
    return [Resolved(*span(m), DURATION_FORMAT[unit].format(n), "DURATION", None, reason)]


DURATION_FORMAT = {
    "D": "P{}D",
    "W": "P{}W",
    "M": "P{}M",
    "Y": "P{}Y",
    "DE": "P{}DE",
    "CE": "P{}CE",
    "H": "PT{}H",
    "MIN": "PT{}M",
}


def duration(m, ctx: Context) -> list[Resolved]:
    n, unit = count_and_unit(m, ctx.lex)
    if not n:
        return []
    approx = " (approximate)" if words(m, "approx") else ""
    direction = {"past": " up to publication", "future": " from publication"}.get(direction_of(m, ctx.lex) or "", "")
    return [Resolved(*span(m), DURATION_FORMAT[unit].format(n), "DURATION", None, f"amount of time{direction}{approx}")]


# --- years, decades, centuries, seasons ---------------------------------------------------------------------


def hijri_year(m, year: int) -> Resolved:
    try:
        first, last = cal.hijri_to_gregorian(year, 1, 1), cal.hijri_to_gregorian(year + 1, 1, 1) - dt.timedelta(days=1)
    except (ValueError, OverflowError):
        return unresolved(m, f"Hijri year {year} outside the convertible range", granularity="year")
    middle = first + (last - first) / 2
    return Resolved(
        *span(m),
        f"{middle.year:04d}",
        "DATE",
        "year",
        f"Hijri year {year} AH = {first}..{last}; Gregorian year of its middle",
    )


OF = frozenset({"من"})


def year(m, ctx: Context) -> list[Resolved]:
    value = int(m.group("year"))
    if words(m, "hijri"):
        return [hijri_year(m, value)]
    if not 1000 <= value <= 2100:
        return []
    lex = ctx.lex
    if m.group("x")[:1].isdigit() and (
        followed_by(ctx.text, m.end("x"), lex.year_blockers_after)
        or preceded_by(ctx.text, m.start("x"), lex.year_blockers_before)
        # "قتل 2000 من عناصر": a number of something, unless a preposition makes it a time ("في 2015 من ...")
        or (followed_by(ctx.text, m.end("x"), OF) and not after_preposition(m, ctx))
    ):
        return []
    return [Resolved(*span(m), f"{value:04d}", "DATE", "year", "explicit year")]


def year_pair(m, ctx: Context) -> list[Resolved]:
    first, second = int(m.group("year")), int(m.group("year2"))
    if not (1000 <= first <= 2100 and 1000 <= second <= 2100):
        return []
    return [
        Resolved(m.start("x"), m.end("year"), f"{first:04d}", "DATE", "year", "explicit year (pair)"),
        Resolved(m.start("year2"), m.end("year2"), f"{second:04d}", "DATE", "year", "explicit year (pair)"),
    ]


def century_prefix(m, ctx: Context) -> tuple[str | None, str]:
    """Two-digit TIMEX3 century ("19" = the 1900s) from an ordinal, "الماضي"/"الحالي" or a number."""
    word = words(m, "century")
    if word is None:
        return "19", "century not stated: the 1900s assumed"
    if word in ctx.lex.century_ordinals:
        return f"{ctx.lex.century_ordinals[word] - 1:02d}", "ordinal century"
    if words(m, "cnum"):
        return f"{int(m.group('cnum')) - 1:02d}", "numbered century"
    if ctx.anchor is None:
        return None, f"relative century; {NO_ANCHOR}"
    current = (ctx.anchor.year - 1) // 100
    return f"{current - 1 if word == 'الماضي' else current:02d}", "century relative to the publication date"


def decade(m, ctx: Context) -> list[Resolved]:
    prefix, reason = century_prefix(m, ctx)
    word = words(m, "decade")
    digit = next(d for tens, d in ctx.lex.decades.items() if tens in word)
    value = f"{prefix}{digit}" if prefix else None
    return [Resolved(*span(m), value, "DATE", "decade", f"decade; {reason}")]


def century(m, ctx: Context) -> list[Resolved]:
    prefix, reason = century_prefix(m, ctx)
    return [Resolved(*span(m), prefix, "DATE", "century", reason)]


def season(m, ctx: Context) -> list[Resolved]:
    code = ctx.lex.seasons[words(m, "season")]
    if words(m, "year"):
        return [Resolved(*span(m), f"{int(m.group('year')):04d}-{code}", "DATE", "season", "season and year")]
    direction = direction_of(m, ctx.lex)
    if ctx.anchor is None:
        return [unresolved(m, f"season; {NO_ANCHOR}", granularity="season")]
    shift = SHIFTS[direction]
    months = ctx.lex.season_months.get(code)
    if months and direction == "future" and ctx.anchor.month < months[0]:
        shift = 0  # "الخريف المقبل" in July: the coming autumn of this year
    elif months and direction == "past" and ctx.anchor.month > months[1]:
        shift = 0  # "الصيف الماضي" in October: the summer just gone
    year = ctx.anchor.year + shift
    return [Resolved(*span(m), f"{year:04d}-{code}", "DATE", "season", f"season, year of publication {shift:+d}")]


def same_day_of_year(m, ctx: Context) -> list[Resolved]:
    """ "في نفس اليوم من عام 1947": the day and month of the date mentioned before (filled in the second pass)."""
    value = int(m.group("year"))
    return [Resolved(*span(m), f"{value:04d}", "DATE", "year", "same day in another year", anaphoric_year=value)]


def clock(m, ctx: Context) -> list[Resolved]:
    """ "10:30", "الساعة 7:30 صباحا", "الساعة العاشرة والنصف مساء"."""
    hour = ctx.lex.clock_hours[words(m, "hourword")] if words(m, "hourword") else int(m.group("hour"))
    minute = int(words(m, "minute") or 0)
    if words(m, "half"):
        minute = 30
    elif words(m, "quarter"):
        minute = 15
    elif words(m, "quarter_to"):
        hour, minute = hour - 1, 45
    part = words(m, "ampm") or words(m, "ampm_day")
    if (part in ctx.lex.clock_pm or ctx.lex.parts_of_day.get(part) in ("EV", "NI")) and hour < 12:
        hour += 12
    if ctx.anchor is None:
        return [unresolved(m, f"clock time; {NO_ANCHOR}", "TIME", "minute")]
    value = f"{ctx.anchor.isoformat()}T{hour:02d}:{minute:02d}"
    result = Resolved(*span(m), value, "TIME", "minute", "clock time on the publication day")
    result.clock = True
    return [result]


def vague(m, ctx: Context) -> list[Resolved]:
    return [Resolved(*span(m), ctx.lex.vague[words(m, "x")], "DATE", None, "vague reference")]


def repetition(m, ctx: Context) -> list[Resolved]:
    return [Resolved(*span(m), ctx.lex.sets[words(m, "x")], "SET", None, "repetition")]


RESOLVERS: dict[str, Callable[[re.Match[str], Context], list[Resolved]]] = {
    "numeric": numeric,
    "day_month": day_month,
    "month": month,
    "day_of_relative_month": day_of_relative_month,
    "hijri_date": hijri_date,
    "same_day_of_year": same_day_of_year,
    "weekday": weekday,
    "relative_day": relative_day,
    "tonight": tonight,
    "relative_unit": relative_unit,
    "ago": ago,
    "duration": duration,
    "year": year,
    "year_pair": year_pair,
    "decade": decade,
    "century": century,
    "season": season,
    "clock": clock,
    "vague": vague,
    "set": repetition,
}
