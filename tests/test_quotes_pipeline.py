"""The quote layer inside the full pipeline: real entities, and descriptions resolved by the linker."""

import datetime as dt

from khabar.document import Document
from khabar.pipeline import default_pipeline


def analyze(text: str) -> Document:
    return default_pipeline()(Document(id="t", text=text, published=dt.date(2021, 8, 19)))


def test_description_resolved_by_the_knowledge_base():
    doc = analyze('واختتم أول رئيس لكازاخستان: "إن سكان كازاخستان ممتنون على الدعم الروسي".')
    assert [doc.entity(q.speaker).name_en for q in doc.quotes] == ["Nursultan Nazarbayev"]


def test_spokesperson_of_a_named_organisation():
    """The linker may know who held the post that day; else the organisation speaks."""
    doc = analyze("وقال المتحدث باسم الكرملين إن موسكو سترد على العقوبات.")
    assert [q.text for q in doc.quotes] == ["إن موسكو سترد على العقوبات"]
    assert doc.entity(doc.quotes[0].speaker).name_en in ("Dmitry Peskov", "Moscow Kremlin")
