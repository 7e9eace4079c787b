"""A family name the KB knows, after a given name that is not the KB person's, is a namesake."""

import pytest

from khabar.document import Document
from khabar.pipeline import default_pipeline


@pytest.fixture(scope="module")
def pipeline():
    return default_pipeline()


def people(pipeline, text: str) -> list[tuple[str, str | None]]:
    doc = Document(id="t", text=text)
    pipeline(doc)
    return [(m.text, e.kb_id) for e in doc.entities if e.type == "PER" for m in e.mentions]


def test_another_given_name_makes_a_namesake(pipeline):
    assert people(pipeline, "خلفا للأدميرال هاري هاريس الذي تقاعد.") == [("هاري هاريس", None)]


@pytest.mark.parametrize("text, mention, kb_id", [
    ("وقالت نائبة الرئيس كامالا هاريس إن الاتفاق جيد.", "كامالا هاريس", "person:harris"),
    ("وقال المتحدث باسم الرئاسة الروسية، ديميتري بيسكوف، إن الأمر خطير.", "بيسكوف", "person:peskov"),  # other vowels
    ("والتقى هاريس بالسفير.", "هاريس", "person:harris"),
])
def test_the_persons_own_given_name_or_none_keeps_the_link(pipeline, text, mention, kb_id):
    assert (mention, kb_id) in people(pipeline, text)
