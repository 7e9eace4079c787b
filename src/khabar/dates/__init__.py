"""Arabic time expressions: recognition and TIMEX3 normalisation anchored to the publication date."""

from khabar.dates.tagger import DateTagger, date_for_span, is_calendar, tag_dates

__all__ = ["DateTagger", "date_for_span", "is_calendar", "tag_dates"]
