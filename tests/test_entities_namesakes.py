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


def test_a_known_person_after_son_of_is_an_ancestor_in_another_name(pipeline):
    found = people(pipeline, "تلقى برقية من الأمير محمد بن نايف بن عبدالعزيز آل سعود نائب خادم الحرمين.")
    assert ("محمد بن نايف", "person:mbn") in found and all(kb_id != "awc:ibn_saud" for _, kb_id in found)
    found = people(pipeline, "استقبل الأمير فيصل بن مشعل بن سعود بن عبدالعزيز أمير منطقة القصيم الوفد.")
    assert all(kb_id != "up:mishal_bin_saud" for _, kb_id in found)
