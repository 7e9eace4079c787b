"""Arabic time expressions: recognition and TIMEX3 normalisation anchored to the publication date."""

from khabar.dates.clause import date_for_span, event_date
from khabar.dates.tagger import DateTagger, is_calendar, tag_dates

__all__ = ["DateTagger", "date_for_span", "event_date", "is_calendar", "tag_dates"]
