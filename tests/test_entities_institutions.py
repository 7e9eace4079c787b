"""State institutions by their kind and their country's adjective ("البرلمان العراقي", "الخارجية القطرية")."""

import pytest

from khabar.document import Document
from khabar.pipeline import default_pipeline


@pytest.fixture(scope="module")
def pipeline():
    return default_pipeline()


def organisations(pipeline, text: str) -> list[tuple[str, str, str | None]]:
    doc = Document(id="t", text=text)
    pipeline(doc)
    return [(m.text, e.name_en, e.actor_code) for e in doc.entities if e.type == "ORG" and e.named for m in e.mentions]


@pytest.mark.parametrize("text, expected", [
    ("وقال البرلمان العراقي إن الجلسة تأجلت.", ("البرلمان العراقي", "Parliament (Iraq)", "IRQLEG")),
    ("وقالت الشرطة الفرنسية إن المهاجم اعتقل.", ("الشرطة الفرنسية", "Police (France)", "FRACOP")),
    ("واعتبرت الخارجية القطرية أن القرار خاطئ.",
     ("الخارجية القطرية", "Ministry of Foreign Affairs (Qatar)", "QATGOV")),
])
def test_an_institution_and_the_adjective_of_its_country(pipeline, text, expected):
    assert organisations(pipeline, text) == [expected]


@pytest.mark.parametrize("text", [
    "وقال وزير الخارجية الأردني أيمن الصفدي إن الأمر خطير.",  # a minister: the adjective is masculine
    "وتغيرت السياسة الخارجية القطرية كثيرا.",  # the adjective of a definite noun
    "وتحدث عن أولويات السياسة الخارجية الروسية.",  # so too where the KB knows the short form as a name
    "وقال الجيش إن الوضع هادئ.",  # one word, no adjective
])
def test_no_institution_without_an_agreeing_adjective_of_its_own(pipeline, text):
    assert organisations(pipeline, text) == []


def test_one_institution_per_country(pipeline):
    text = ("وقال المتحدث باسم الخارجية الإسرائيلية إن القرار خاطئ. وقالت الخارجية الفلسطينية إن الإحالة مهمة. "
            "وأضافت الخارجية الإسرائيلية أن الأمر خطير.")
    assert sorted({(name, code) for _, name, code in organisations(pipeline, text)}) == [
        ("Ministry of Foreign Affairs (Israel)", "ISRGOV"),
        ("Ministry of Foreign Affairs (State of Palestine)", "PSEGOV"),
    ]
