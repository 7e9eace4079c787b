"""The quote layer inside the full pipeline: real entities, and descriptions resolved by the linker."""

import datetime as dt

from khabar.document import Document
from khabar.pipeline import default_pipeline


def analyze_on(text: str, published: dt.date) -> Document:
    return default_pipeline()(Document(id="t", text=text, published=published))


def analyze(text: str) -> Document:
    return analyze_on(text, dt.date(2021, 8, 19))


def test_description_resolved_by_the_knowledge_base():
    doc = analyze('واختتم أول رئيس لكازاخستان: "إن سكان كازاخستان ممتنون على الدعم الروسي".')
    assert [doc.entity(q.speaker).name_en for q in doc.quotes] == ["Nursultan Nazarbayev"]


def test_spokesperson_of_a_named_organisation():
    """The linker may know who held the post that day; else the organisation speaks."""
    doc = analyze("وقال المتحدث باسم الكرملين إن موسكو سترد على العقوبات.")
    assert [q.text for q in doc.quotes] == ["إن موسكو سترد على العقوبات"]
    assert doc.entity(doc.quotes[0].speaker).name_en in ("Dmitry Peskov", "Moscow Kremlin")


def test_description_ends_before_the_content_and_resolves():
    """"ردا على سؤال" and the verb's object are not part of the description the linker reads."""
    egypt = analyze_on("وقال الرئيس المصري ردا على سؤال إن البلاد مستقرة.", dt.date(2017, 11, 3))
    un = analyze_on("ووصف الأمين العام للأمم المتحدة الأوضاع في اليمن بأنها كارثية.", dt.date(2017, 11, 3))
    assert [egypt.entity(q.speaker).name_en for q in egypt.quotes] == ["Abdel Fattah el-Sisi"]
    assert [un.entity(q.speaker).name_en for q in un.quotes] == ["António Guterres"]


def test_named_subject_before_kana_qad_with_a_time_word_between():
    doc = analyze("وقال ماكرون إن فرنسا ستتحرك. وكان وزير الداخلية الفرنسي، جيرار كولومب، الجمعة، قد أعلن أنه سيزور "
                  "المنطقة.")
    assert ["كولومب" in doc.entity(q.speaker).name for q in doc.quotes] == [False, True]
