"""How the recognisers' spans combine (khabar.entities.EntityRecognizer)."""

import pytest

from khabar.document import Document, EntitySpan
from khabar.entities import EntityRecognizer
from khabar.kb import load_kb
from khabar.text import TextAnalyzer


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def spans(kb, text: str, tagged: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(text, type, source) of the spans kept, the stand-in tagger finding `tagged` (surface, type)."""
    doc = Document(id="t", text=text)
    TextAnalyzer()(doc)

    def tagger(_doc):
        return [EntitySpan(text.index(s), text.index(s) + len(s), entity_type, "ner") for s, entity_type in tagged]

    EntityRecognizer(kb, taggers=[tagger])(doc)
    return [(text[s.start : s.end], s.type, s.source) for s in doc.entity_spans]


def test_a_place_inside_a_longer_name_the_tagger_found_is_part_of_it(kb):
    assert spans(kb, "وفاز ويغان أثليتيك أمس.", [("ويغان أثليتيك", "ORG")]) == [("ويغان أثليتيك", "ORG", "ner")]
    assert spans(kb, "وفاز ويغان أمس.", []) == [("ويغان", "GPE", "gazetteer")]  # the town alone


def test_a_place_after_a_preposition_is_not_part_of_the_name_before_it(kb):
    assert spans(kb, "على مسرح الملك فهد بالرياض.", [("فهد بالرياض", "PER")]) == [("الرياض", "GPE", "gazetteer")]


def test_the_future_particle_is_no_clitic_of_a_name(kb):
    assert spans(kb, "حافظ على الاتفاق سليما.", []) == []  # not س + ليما (Lima)


def test_a_body_named_by_its_head_holds_the_known_names_after_its_head(kb):
    kept = spans(kb, "وكانت وزارة الأوقاف السعودية قد أعلنت ذلك.", [])
    assert ("وزارة الأوقاف السعودية", "ORG", "head") in kept and not any(t == "GPE" for _, t, _ in kept)


def test_the_comparison_particle_is_no_clitic_of_a_name_without_the_article(kb):
    assert spans(kb, "ومد كابل بحري جديد.", []) == []  # not ك + ابل (Apple)
    assert spans(kb, "كسرت النافذة.", []) == []  # not ك + Sirte
    assert [t for _, t, _ in spans(kb, "دول كالسعودية والإمارات.", [])] == ["GPE", "GPE"]


def test_a_known_organisation_that_ends_a_person_name_is_the_family_name(kb):
    text = "وسجل ساندرو فاغنر الهدف الثالث."
    assert spans(kb, text, [("ساندرو فاغنر", "PER")]) == [("ساندرو فاغنر", "PER", "ner")]  # not the Wagner Group
    assert spans(kb, "وقاتلت مجموعة فاغنر هناك.", [])[0][2] == "gazetteer"  # the group itself


def test_the_reporter_named_before_a_dash_at_the_top_is_a_byline_not_an_actor(kb):
    text = "أميرة المولد – عين اليوم\nقال سالم اليافعي إن ابنه استشهد."
    kept = spans(kb, text, [("أميرة المولد", "PER"), ("سالم اليافعي", "PER")])
    assert [s for s, _, _ in kept] == ["سالم اليافعي"]
    assert spans(kb, "Next Previous أحمد البشيري - جدة\nوصل الوفد.", [("أحمد البشيري", "PER")]) == [
        ("جدة", "GPE", "gazetteer")]  # the dateline stays
    assert spans(kb, "قال أحمد البشيري - مدير الفرع - إن الوفد وصل.", [("أحمد البشيري", "PER")])  # not at the top


def test_a_place_spelled_like_a_common_word_needs_the_tagger(kb):
    assert spans(kb, "ومد كابل بحري جديد.", []) == []  # the cable, not Kabul
    assert spans(kb, "وصور مشهد الفيلم في مقهى.", []) == []  # the film's scene, not Mashhad


def test_words_in_latin_letters_without_a_capital_are_no_name(kb):
    text = "وهذا يسمى (wishful thinking)، كما قالت شبكة (CNN)."
    kept = spans(kb, text, [("wishful thinking", "ORG"), ("CNN", "ORG")])
    assert [s for s, _, _ in kept] == ["CNN"]


def test_a_name_written_with_ta_marbuta_is_not_the_same_word_with_the_pronoun(kb):
    assert "جده" not in [s for s, _, _ in spans(kb, "وقال بوتين إن جده كان طباخا.", [])]  # his grandfather
    assert spans(kb, "وصل الوفد إلى جدة أمس.", []) == [("جدة", "GPE", "gazetteer")]


@pytest.mark.parametrize("text, common", [
    ("وعاد إلى مسقط رأسه في الجنوب.", "مسقط"),  # his birthplace, not Muscat
    ("فأديت صلاة المغرب ثم العشاء.", "المغرب"),  # the sunset prayer, not Morocco
    ("وقد شاركت بحماس كبير في الدورتين.", "حماس"),  # with great enthusiasm, not Hamas
    ("فالخطر ينبع من الداخل.", "ينبع"),  # springs from, not Yanbu
    ("لا يؤدي الواجب الملقى على عاتقه.", "الملقى"),  # laid on his shoulders, not Hani Mulki
    ("وهي حياة بائسة جدا.", "ائسة"),  # miserable: no ب + Ise
    ("وصل الوفد باكرا.", "اكرا"),  # early: no ب + Accra
    ("بعد إصابته بقطع في الرباط الصليبي.", "الرباط"),  # the cruciate ligament, not Rabat
    ("إن حجر الزاوية وأُس النجاح هو الناخب.", "أُس"),  # and the foundation: no و + SPA
])
def test_a_name_that_is_a_common_word_in_its_phrase_is_no_name(kb, text, common):
    assert not any(common in s for s, _, _ in spans(kb, text, []))


def test_the_same_names_outside_those_phrases_stay(kb):
    kept = [s for s, _, _ in spans(kb, "وصل وفد المغرب إلى مسقط ثم ينبع، وانتقدت حماس القرار.", [])]
    assert kept == ["المغرب", "مسقط", "ينبع", "حماس"]


def test_a_city_with_a_masculine_nationality_adjective_in_a_match_is_its_club(kb):
    club = spans(kb, "وتعادل الفريق أمام روما الإيطالي في المباراة.", [])
    assert ("روما", "ORG", "club") in club
    city = spans(kb, "ووصل الفريق إلى روما الإيطالية قبل المباراة.", [])  # feminine: the city
    assert ("روما", "GPE", "gazetteer") in city
    port = spans(kb, "ورست السفينة في ميناء جنوة الإيطالي أمس.", [])  # the port is Italian: no sport
    assert not any(source == "club" for _, _, source in port)


def test_a_one_word_person_with_the_article_after_a_definite_noun_is_its_adjective(kb):
    assert spans(kb, "لينبثق عن ذلك القرار الحكيم قرار آخر.", [("الحكيم", "PER")]) == []
    assert spans(kb, "ويمكن للعلاج الكيمياوي أن يساعد.", [("الكيمياوي", "PER")]) == []
    # after a title, another person's name, or punctuation: a family name
    for text, name in [("وأكد المهندس القحطاني ذلك.", "القحطاني"), ("وقال الدكتور الغامدي ذلك.", "الغامدي"),
                       ("المباريات القوية. السهلاوي يموه على لاعب.", "السهلاوي")]:
        assert spans(kb, text, [(name, "PER")]) == [(name, "PER", "ner")]
    text = "وضم أحمد الناظري. وتمت صفقتا الناظري والبراهيم"
    kept = spans(kb, text, [("أحمد الناظري", "PER"), ("البراهيم", "PER")])
    assert ("البراهيم", "PER", "ner") in kept
