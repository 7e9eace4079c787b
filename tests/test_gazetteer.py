import pytest

from khabar.document import Document
from khabar.entities.gazetteer import Gazetteer, alias_key
from khabar.text import TextAnalyzer

ALIASES = [
    ("روسيا", "rus", "GPE"),
    ("بيلاروسيا", "blr", "GPE"),
    ("الاتحاد الاقتصادي الأوراسي", "eaeu", "ORG"),
    ("الاتحاد الأوروبي", "eu", "ORG"),
    ("عبد الله الثاني", "abdullah2", "PER"),
    ("أبو ظبي", "abudhabi", "GPE"),
    ("دونالد ترمب", "trump", "PER"),
    ("اليمن", "yem", "GPE"),
]


@pytest.fixture(scope="module")
def find():
    gazetteer = Gazetteer(ALIASES)

    def run(text):
        doc = Document("d", text)
        TextAnalyzer()(doc)
        return [(text[s.start : s.end], s.kb_id) for s in gazetteer.find(doc)]

    return run


def test_clitics_are_outside_the_mention(find):
    assert find("روسيا وبيلاروسيا ولروسيا") == [("روسيا", "rus"), ("بيلاروسيا", "blr"), ("روسيا", "rus")]


def test_longest_match_wins(find):
    assert find("عضوية الاتحاد الاقتصادي الأوراسي والاتحاد الأوروبي") == [
        ("الاتحاد الاقتصادي الأوراسي", "eaeu"), ("الاتحاد الأوروبي", "eu")]


def test_compounds_with_or_without_space(find):
    assert find("استقبل الملك عبدالله الثاني في أبوظبي") == [("عبدالله الثاني", "abdullah2"), ("أبوظبي", "abudhabi")]
    assert find("وصل عبد الله الثاني إلى أبو ظبي") == [("عبد الله الثاني", "abdullah2"), ("أبو ظبي", "abudhabi")]


def test_hashtag_underscores(find):
    assert find("#دونالد_ترمب يغرد") == [("دونالد_ترمب", "trump")]


def test_names_do_not_cross_sentences(find):
    assert find("قال دونالد. ترمب هنا") == []


def test_alias_key_normalises():
    assert alias_key("عبد الله") == alias_key("عبدالله") == ("عبدالله",)
    assert alias_key("الأوراسي") == ("الاوراسي",)


def test_a_bracketed_word_of_a_name(find):
    assert find("بعد انهيار الاتحاد (الأوروبي)، لم تعد هناك خلافات") == [("الاتحاد (الأوروبي)", "eu")]
    assert find("زار (روسيا) أمس") == [("روسيا", "rus")]  # a bracket around the whole name stays outside
