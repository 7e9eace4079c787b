"""Names built on head nouns (khabar.entities.heads)."""

from khabar.document import Document
from khabar.entities.heads import HeadNames
from khabar.kb import load_kb
from khabar.text import TextAnalyzer

ANALYZER = TextAnalyzer()
HEADS = HeadNames(load_kb())


def _names(text: str) -> list[tuple[str, str]]:
    doc = Document(id="t", text=text)
    ANALYZER(doc)
    return [(text[s.start : s.end], s.type) for s in HEADS(doc)]


def test_places_whose_head_is_part_of_the_name():
    assert _names("على الجزء الأكبر من مخيم اليرموك الفلسطيني") == [("مخيم اليرموك", "LOC")]
    assert _names("وميدان الماسورة برفح، وميدان المالح وضاحية السلام بالعريش") == [
        ("ميدان الماسورة", "LOC"),
        ("ميدان المالح", "LOC"),
        ("ضاحية السلام", "LOC"),
    ]
    assert _names("في وادي ال جبارة") == [("وادي ال جبارة", "LOC")]


def test_places_after_a_descriptor_head_are_the_word_after_it():
    assert _names("في مديرية كتاف التابعة لمحافظة صعدة") == [("كتاف", "GPE")]


def test_what_follows_a_head_must_look_like_a_name():
    assert _names("يسكن في حي سكني قرب منطقة عسكرية") == []  # adjectives
    assert _names("وفي مديرية الحدود") == []  # a common noun of not_names


def test_organisations_quoted_or_closed_by_a_nationality_adjective():
    assert _names('وأكد رئيس عمليات حرس الحدود اليمني وقائد "لواء الحسم" في الجيش') == [
        ("حرس الحدود اليمني", "ORG"),
        ("لواء الحسم", "ORG"),
    ]
    assert _names("استقباله وفداً من مجلس الأعمال اللبناني- السعودي وقد جرى") == [
        ("مجلس الأعمال اللبناني- السعودي", "ORG")
    ]
    # without the adjective a head and its complement describe: no name
    assert _names("وطالبت لجنة التحقيق الدولية واللجنة بالإفراج") == []


def test_a_head_with_the_article_takes_adjectives_then_the_nationality():
    assert _names("وقالت اللجنة الأولمبية الأردنية إن الوفد وصل") == [("اللجنة الأولمبية الأردنية", "ORG")]
    assert _names("ودعم أجهزة الشرطة والقضاء الفرنسية") == []  # two bodies, not one name
    assert _names("وقالت الشركة الروسية إن العقد وقع") == []  # the Russian company named before


def test_numbered_units():
    assert _names("وأكد قائد اللواء 84 مشاة العميد") == [("اللواء 84 مشاة", "ORG")]
    assert _names("وقال اللواء محمد") == []  # the rank, not a unit


def test_a_neighbourhood_is_the_name_after_hay():
    assert _names("السيطرة على حي القدم المحاذي") == [("القدم", "LOC")]


def test_a_second_name_word_after_a_descriptor_and_what_is_none():
    assert _names("في مديرية برط العنان بمحافظة الجوف") == [("برط العنان", "GPE")]
    assert _names("في مديرية بيت الفقيه") == [("بيت الفقيه", "GPE")]
    assert _names("في مديرية حيدان المجاورة") == [("حيدان", "GPE")]
    assert _names("على كامل قرية العلوب بجميع تبابها") == [("العلوب", "GPE")]


def test_words_that_only_look_like_heads_or_names():
    assert _names("ان التابعة لمديرية حيدان المجاورة. وأدى القصف إلى تصاعد") == [("حيدان", "GPE")]  # وأدى
    assert _names("مزدوجا يشمل المفاوضات من ناحية والعقوبات من ناحية أخرى") == []
    assert _names("الأبطال الذين نراهم اليوم في ميدان يفتخر به كل إماراتي") == []
    assert _names("انحازت إدارة الرئيس الأميركي دونالد ترمب") == []  # a title: whose administration


def test_a_body_named_in_quotation_marks_after_its_head_and_definite_words():
    assert _names('أعلنت جمعية الصداقة "روسيا - مصر" عن مؤتمر') == [('جمعية الصداقة "روسيا - مصر"', "ORG")]
    assert _names('قالت اللجنة "إن الأمر خطير"') == []  # no definite word between: what the body said
    assert _names('بموافقة "مجلس الأمن" لخطتهما المستقبلية "الجديدة"') == [("مجلس الأمن", "ORG")]  # الأمن" closes


def test_the_names_inside_a_quoted_body_are_not_mentions_of_their_own():
    from khabar.pipeline import default_pipeline
    doc = Document(id="t", text='وأعلنت جمعية الصداقة "روسيا - مصر" عن مؤتمر في القاهرة.')
    default_pipeline()(doc)
    assert [m.text for e in doc.entities for m in e.mentions] == ['جمعية الصداقة "روسيا - مصر"', "القاهرة"]
