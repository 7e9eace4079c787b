"""A bare "المملكة" as a mention of the article's kingdom (khabar.link.states)."""

import pytest

from khabar.kb import load_kb
from khabar.link import Linker
from tests.test_link import make_doc


@pytest.fixture(scope="module")
def linker():
    return Linker(load_kb())


def _mentions(doc, kb_id):
    return [m.text for e in doc.entities if e.kb_id == kb_id for m in e.mentions]


def test_the_one_kingdom_named_takes_the_bare_word(linker):
    doc = make_doc(
        "زار الحريري السعودية، وقال إن فضل المملكة كبير وإن العلاقات بالمملكة متينة.",
        [("السعودية", "GPE", "country:SAU")],
    )
    linker(doc)
    assert _mentions(doc, "country:SAU") == ["السعودية", "المملكة", "المملكة"]


def test_two_kingdoms_named_or_the_start_of_a_longer_name_take_nothing(linker):
    doc = make_doc(
        "زار ملك الأردن السعودية، وقال إن المملكة ستدعم.",
        [("الأردن", "GPE", "country:JOR"), ("السعودية", "GPE", "country:SAU")],
    )
    linker(doc)
    assert _mentions(doc, "country:SAU") == ["السعودية"]
    doc = make_doc(
        "زار السعودية وفد من المملكة الأردنية أمس.",
        [("السعودية", "GPE", "country:SAU")],
    )
    linker(doc)
    assert _mentions(doc, "country:SAU") == ["السعودية"]


def test_without_a_kingdom_named_the_country_the_article_is_about(linker):
    doc = make_doc(
        "أكد مفتي عام المملكة رئيس هيئة كبار العلماء أهمية الحوار.",
        [("هيئة كبار العلماء", "ORG", "org:council_of_senior_scholars")],
    )
    linker(doc)
    assert _mentions(doc, "country:SAU") == ["المملكة"]
    doc = make_doc("قال وزير الخارجية إن المملكة ستدعم.", [])
    linker(doc)
    assert _mentions(doc, "country:SAU") == []  # nothing says which kingdom


def test_without_a_kingdom_named_the_publishers_kingdom(linker):
    doc = make_doc("قال وزير الخارجية إن المملكة ستدعم الحوار.", [])
    doc.source.publisher = "Al Riyadh"
    linker(doc)
    assert _mentions(doc, "country:SAU") == ["المملكة"]
