"""resolve_description's precision: titles resolve only to real offices whose country or organisation is
clear; anything it is unsure of is None (khabar.link.describe, curated/offices.yaml)."""

import datetime as dt
import json
from pathlib import Path

import pytest

from khabar.document import Document, Entity, Source, Span
from khabar.kb import load_kb
from khabar.link import resolve_description
from khabar.link.context import article_country
from khabar.link.describe import officeholder_described

FIXTURE = Path(__file__).parent / "fixtures" / "describe_labels.jsonl"
D2018, D2021 = dt.date(2018, 6, 1), dt.date(2021, 8, 19)


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.mark.parametrize(
    ("description", "day", "country_of_article", "expected"),
    [
        # the bad cases of the quotes run over 600 articles without a date
        ("رئيس بلدية تشاتانوغا أندي بيرك", None, "USA", None),
        ("رئيس بلدية تشاتانوغا أندي بيرك", None, "JOR", None),
        ("المستشار الأمني", None, "SAU", None),
        ("رئيس لجنة التشريع العام", None, "TUN", None),
        ("الممثلة صفاء سلطان", None, "EGY", None),
        ("رئيس منظمة الطاقة الذرية الإيرانية", D2018, "IRN", None),
        ("رئيس مجلس إدارة الهيئة العامة", D2018, "SAU", None),
        ("وزير الصحة", D2018, "GBR", None),  # an office the KB has no holders of
        ("رئيس الوزراء البريطاني", None, None, None),  # no date: today's holder is a guess
        ("وزير الخارجية السعودي عادل الجبير", None, None, "person:jubeir"),
        ("أول رئيس لجمهورية كازاخستان", None, None, "person:nazarbayev"),
        # the country or organisation stated in the description itself
        ("أول رئيس لجمهورية كازاخستان", D2021, None, "person:nazarbayev"),
        ("رئيس الوزراء الروسي", D2021, None, "person:mishustin"),
        ("رئيس الوزراء الروسي", D2021, "USA", "person:mishustin"),
        ("رئيس كوريا الجنوبية", D2018, None, "person:moonjaein"),
        ("الرئيس الكوري الشمالي", D2018, None, "person:kimjongun"),
        ("وزير خارجية روسيا", D2021, None, "person:lavrov"),
        ("المتحدث باسم الكرملين", D2021, None, "person:peskov"),
        ("الأمين العام للأمم المتحدة", D2018, None, "person:guterres"),
        ("المبعوث الأممي إلى اليمن", dt.date(2018, 9, 10), None, "person:griffiths"),
        ("أمير قطر", D2018, None, "person:tamim"),
        ("خادم الحرمين الشريفين", D2018, None, "person:kingsalman"),  # a title of one country's office only
        ("أول زعيم كوري شمالي", D2018, "PRK", None),  # the first to cross the border, not Kim Il-sung
        # bare titles: the article's one country, where the title names that office
        ("الرئيس", D2018, "USA", "person:trump"),
        ("الرئيس", D2018, None, None),
        ("رئيس", D2018, "SYR", None),  # indefinite: "رئيس وكالة ..." cut short
        ("الرئيس", D2018, "JOR", None),  # a kingdom
        ("الملك", D2018, "JOR", "person:abdullah2"),
        ("الملك", D2018, "EGY", None),
        ("المستشارة", D2018, "DEU", "person:merkel"),
        ("المستشار", D2018, "SAU", None),
        ("الأمين العام", D2018, "USA", None),  # of what?
        ("المبعوث الدولي", dt.date(2018, 9, 10), "YEM", "person:griffiths"),
        # not the holder on that day, or unclear
        ("الرئيس الفرنسي السابق", D2018, None, None),
        ("رئيس الوزراء المكلف", D2018, "IRQ", None),
        ("الرئيس الروسي الأمريكي", D2018, None, None),
        ("الرئيس السوري التأكيد", D2018, "SYR", None),
        # a name of its own: the named person, after a definite word; not the owner of the title
        ("وزير الخارجية السعودي عادل الجبير", D2018, None, "person:jubeir"),
        ("الرئيس الأمريكي السابق باراك أوباما", D2018, None, "person:obama"),
        ("الرئيس روحاني", D2018, None, "person:rouhani"),
        ("المتحدث باسم ترامب", D2018, None, None),
        # a time word ends the description
        ("وزير الخارجية السعودي الخميس", D2018, "SAU", "person:jubeir"),
    ],
)
def test_officeholder_described(kb, description, day, country_of_article, expected):
    entry = officeholder_described(kb, description, day, country_of_article)
    assert (entry.id if entry else None) == expected


def doc_with(text: str, people: list[str] = (), countries: list[tuple[str, str]] = (), dateline=None) -> Document:
    """A document whose entities are the given people (unknown to the KB) and countries (name, ISO3),
    each mentioned wherever its name occurs."""
    doc = Document(id="t", text=text, published=D2018, source=Source(dateline=dateline))
    for n, name in enumerate(people):
        doc.entities.append(Entity(id=f"p{n}", type="PER", name=name, mentions=_everywhere(text, name)))
    for n, (name, iso3) in enumerate(countries):
        entity = Entity(id=f"c{n}", type="GPE", name=name, kb_id=f"country:{iso3}", country=iso3)
        entity.mentions = _everywhere(text, name)
        doc.entities.append(entity)
    return doc


def _everywhere(text: str, name: str) -> list[Span]:
    spans, start = [], text.find(name)
    while start >= 0:
        spans.append(Span(start, start + len(name), name))
        start = text.find(name, start + 1)
    return spans


def resolve(doc: Document, phrase: str) -> str | None:
    start = doc.text.index(phrase)
    entity_id = resolve_description(doc, start, start + len(phrase))
    return doc.entity(entity_id).name_en or doc.entity(entity_id).name if entity_id else None


def test_a_name_in_apposition_is_the_referent_whatever_the_title():
    text = "وقال رئيس بلدية تشاتانوغا أندي بيرك إن المدينة آمنة."
    doc = doc_with(text, people=["أندي بيرك"])
    assert resolve(doc, "رئيس بلدية تشاتانوغا أندي بيرك") is None  # after a word that may be his name
    doc.entities.append(Entity(id="g", type="GPE", name="تشاتانوغا", mentions=_everywhere(text, "تشاتانوغا")))
    assert resolve(doc, "رئيس بلدية تشاتانوغا أندي بيرك") == "أندي بيرك"


def test_a_name_in_genitive_is_not_the_referent():
    doc = doc_with("وقال محامي كلينتون إن الاتهامات باطلة.", people=["كلينتون"])
    assert resolve(doc, "محامي كلينتون") is None


def test_a_bare_title_needs_one_dominant_country():
    text = "زار ترامب الولايات المتحدة والولايات المتحدة ثم قال الرئيس إن"
    one = doc_with(text, countries=[("الولايات المتحدة", "USA")])
    assert resolve(one, "الرئيس") == "Donald Trump"
    text = "بين الولايات المتحدة وروسيا قال الرئيس إن"
    two = doc_with(text, countries=[("الولايات المتحدة", "USA"), ("روسيا", "RUS")])
    assert resolve(two, "الرئيس") is None


def test_the_dateline_counts_for_the_article_country():
    text = "قالت روسيا وتركيا إن"
    doc = doc_with(text, countries=[("روسيا", "RUS"), ("تركيا", "TUR")])
    assert article_country(doc) is None
    doc.source.dateline = "موسكو"
    assert article_country(doc) == "RUS"


def _labelled() -> list[dict]:
    return [json.loads(line) for line in FIXTURE.read_text("utf-8").splitlines() if line.strip()]


def test_the_labelled_ant_descriptions_keep_precision_and_coverage(kb):
    """Descriptions the quotes component asked about in 2,500 ANT articles, labelled by hand
    (scripts/eval_describe.py); measured: precision 1.000 (67/67), coverage 0.770 (67/87)."""
    items = _labelled()
    answers = []
    for item in items:
        day = dt.date.fromisoformat(item["date"]) if item["date"] else None
        entry = officeholder_described(kb, item["description"], day, item["country"])
        answers.append(entry.id if entry else None)
    given = [(item, a) for item, a in zip(items, answers) if a is not None]
    right = sum(a == item["expected"] for item, a in given)
    assert right / len(given) >= 0.97
    assert right / sum(item["expected"] is not None for item in items) >= 0.75


def test_the_fixture_quotes_descriptions_not_articles():
    items = _labelled()
    assert len(items) >= 60
    assert all(len(item["description"].split()) <= 8 and set(item) >= {"date", "country", "expected"} for item in items)
