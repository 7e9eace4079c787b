import datetime as dt

import pytest

from khabar.dates import DateTagger, date_for_span, event_date, is_calendar, tag_dates
from khabar.dates.offsets import normalise_with_index
from khabar.document import Document, Sentence
from khabar.text.normalize import normalize_with_map

ANCHOR = dt.date(2018, 6, 13)


@pytest.mark.parametrize(
    "text",
    [
        "قال الرئيس التركي رجب طيب أردوغان",
        "التقت رئيسة الوزراء تيريزا ماي بالوزير",
        "مارس ضغوطا كبيرة على الحكومة",
        "أدى المصلون صلاة الجمعة",
        "تستهدف الخطة إعادة تأهيل 2000 طفل",
        "قال الأمين العام إن الرأي العام غاضب",
        "احتفلت المدينة باليوم الوطني",
        "نقلت صحيفة إسرائيل اليوم عن مسؤول",
        "في النصف الثاني من رمضان",
        "الفرق بين الاثنين كبير",
        "قتل نحو 1500 شخص",
        "بلغت الخسائر 2,018 دولارا",
        "قصيدة مكونة من 10 أبيات",
        "ارتفع بمعدل 3.5 يوم",
        "ومن ذلك قتل 2000 من عناصر طالبان",
        "وأذاعت البيان قناة #اليمن_اليوم الفضائية",
        "لا يغيرها سوى الواحد الأحد",
    ],
)
def test_no_calendar_date(text):
    assert [m for m in tag_dates(text, ANCHOR) if is_calendar(m)] == []


def test_offsets_index_the_original_text_with_diacritics():
    text = "وَصَلَ الوفدُ يومَ الخميسِ ١٩ أغسطسَ/آبَ ٢٠٢١ بعد غياب ٣٠ عاماً"
    mentions = tag_dates(text, ANCHOR)
    assert [m.value for m in mentions] == ["2021-08-19", "P30Y"]
    for m in mentions:
        assert text[m.start : m.end] == m.text
    assert mentions[1].text == "٣٠ عاماً"


def test_fast_offset_index_equals_the_reference_map():
    text = "وَصَلَ الوفدُ\u200f يومَ الخميسِ ١٩ أغسطسَ ٢٠٢١ هـ"
    assert normalise_with_index(text) == normalize_with_map(text)
    assert normalise_with_index("بلا تشكيل")[1] is None


def test_without_anchor_relative_expressions_keep_no_value():
    mentions = {m.text: m for m in tag_dates("قال أمس إن اتفاق 19 أغسطس 2021 صامد", None)}
    assert mentions["أمس"].value is None
    assert "no publication date" in mentions["أمس"].reason
    assert mentions["19 أغسطس 2021"].value == "2021-08-19"


def test_dateline_date_anchors_when_publication_date_is_unknown():
    mentions = {m.text: m for m in tag_dates("الرياض، 25 يوليو 2015 - قال الوزير أمس إن", None)}
    assert mentions["أمس"].value == "2015-07-24"
    assert "dateline" in mentions["أمس"].reason


def test_every_mention_has_a_reason_and_granularity_for_calendar_dates():
    mentions = tag_dates("وصل الخميس الماضي، وسيعود الشهر المقبل بعد 3 أيام من المحادثات", ANCHOR)
    assert all(m.reason for m in mentions)
    assert all(m.granularity for m in mentions if is_calendar(m))


def test_is_calendar_keeps_only_resolved_dates():
    by_text = {m.text: m for m in tag_dates("منذ عامين ويعمل يوميا حاليا، والتقاه الخميس الساعة 7:30", ANCHOR)}
    assert not is_calendar(by_text["منذ عامين"])
    assert not is_calendar(by_text["يوميا"])
    assert not is_calendar(by_text["حاليا"])
    assert not is_calendar(by_text["الساعة 7:30"])
    assert is_calendar(by_text["الخميس"])


def test_weekday_alone_is_past_but_future_in_a_future_clause():
    past = tag_dates("التقى الوزير نظيره الخميس", ANCHOR)
    future = tag_dates("سيلتقي الوزير نظيره الخميس", ANCHOR)
    assert past[0].value == "2018-06-07"
    assert future[0].value == "2018-06-14"


def test_a_cue_that_is_also_a_noun_of_office_does_not_make_the_clause_future():
    rapporteur = tag_dates("وقال مقرر الأمم المتحدة الخاص، الخميس، إن القرار خطير", ANCHOR)
    scheduled = tag_dates("والاجتماع مقرر الخميس في جنيف", ANCHOR)
    assert rapporteur[0].value == "2018-06-07"
    assert scheduled[0].value == "2018-06-14"


def make_doc(text: str) -> Document:
    doc = Document(id="d", text=text, published=ANCHOR)
    first_end = text.index(".") + 1
    doc.sentences = [Sentence(0, first_end, 0), Sentence(first_end, len(text), 0)]
    return doc


def test_tagger_component_fills_doc_dates():
    doc = make_doc("التقى الرئيس نظيره يوم الثلاثاء. وقال إن الاتفاق سيوقع")
    tagger = DateTagger()
    assert tagger.name == "dates"
    tagger(doc)
    assert [d.value for d in doc.dates] == ["2018-06-12"]


def test_date_for_span_uses_the_clause_date_or_none():
    text = "التقى الرئيس نظيره يوم الثلاثاء في عام 2018. وقال إن الاتفاق سيوقع"
    doc = make_doc(text)
    DateTagger()(doc)
    meeting = text.index("التقى")
    stated = date_for_span(doc, meeting, meeting + 5)
    assert stated is not None and stated.value == "2018-06-12"
    said = text.index("وقال")
    assert date_for_span(doc, said, said + 4) is None


def test_date_for_span_without_sentences_uses_punctuation():
    doc = Document(id="d", text="وقع الهجوم أمس. ورد الجيش", published=ANCHOR)
    DateTagger()(doc)
    assert date_for_span(doc, 0, 3).value == "2018-06-12"
    assert date_for_span(doc, 17, 20) is None


def test_event_date_says_where_the_date_comes_from():
    text = "التقى الرئيس نظيره يوم الثلاثاء. وقال إن الاتفاق سيوقع"
    doc = make_doc(text)
    DateTagger()(doc)
    assert event_date(doc, 0, 5) == ("2018-06-12", "clause")
    said = text.index("وقال")
    assert event_date(doc, said, said + 4) == ("2018-06-13", "document")
    doc.published = None
    assert event_date(doc, said, said + 4) == (None, "document")


def test_hijri_outside_the_convertible_range_keeps_no_value():
    mentions = {m.text: m for m in tag_dates("في رمضان 2467 وفي 3 شوال 1200 هـ وفي شهر رمضان", dt.date(1900, 1, 1))}
    assert mentions["رمضان 2467"].value is None
    assert mentions["3 شوال 1200 هـ"].value is None
    assert mentions["شهر رمضان"].value is None


@pytest.mark.parametrize("text, published, value", [
    ("تطلق الشركة الهاتف في الخريف المقبل", dt.date(2018, 7, 18), "2018-FA"),
    ("تطلق الشركة الهاتف في الخريف المقبل", dt.date(2018, 10, 2), "2019-FA"),
    ("أطلقت الشركة الهاتف في الصيف الماضي", dt.date(2018, 10, 2), "2018-SU"),
    ("أطلقت الشركة الهاتف في الصيف الماضي", dt.date(2018, 7, 2), "2017-SU"),
    ("أطلقت الشركة الهاتف في الشتاء الماضي", dt.date(2018, 7, 2), "2017-WI"),
])
def test_next_and_last_season_are_the_nearest_ones(text, published, value):
    assert [d.value for d in tag_dates(text, published)] == [value]
