"""Rules of the third audit round, on event arguments (docs/events.md, "Third audit round")."""

import pytest

from khabar.document import Quote
from khabar.events import EventCoder
from khabar.events.actors import UnnamedActors
from khabar.events.arguments import MentionIndex, find_arguments, vocalised_passive
from khabar.events.lexicon import load_lexicon
from tests.test_events import make_doc

NAJIB = ("najib", "PER", {"names": ["نجيب عبد الرزاق"]})
FUND = ("fund", "ORG", {"names": ["صندوق الاستثمار"]})
LEADERS = [("trump", "PER", {"names": ["دونالد ترمب", "ترمب"]}), ("putin", "PER", {"names": ["بوتين"]})]


@pytest.fixture(scope="module")
def coder():
    return EventCoder()


@pytest.mark.parametrize("word, proclitics, passive", [
    ("اتُهم", "", True), ("اتُّهِم", "", True), ("أُصيب", "", True), ("واعتُقل", "و", True), ("قُتل", "", True),
    ("اتهم", "", False), ("اتَّهَم", "", False),
    ("يُطالب", "", False), ("وتُطالب", "و", False),  # a damma on a present prefix marks active forms too
    ("اتهمُ", "", False),  # a final vowel is the mood, not the voice
])
def test_a_damma_inside_a_past_verb_marks_the_passive(word, proclitics, passive):
    assert vocalised_passive(word, proclitics) is passive


def test_a_vocalised_passive_takes_no_actor_from_its_patient(coder):
    doc = make_doc("اتُهم رئيس الوزراء السابق، نجيب عبد الرزاق، بثلاث تهم بغسل الأموال.", [NAJIB])
    coder(doc)
    assert not [e for e in doc.events if "najib" in e.actors]


def test_an_unvocalised_active_verb_keeps_its_subject(coder):
    doc = make_doc("واتهم نجيب عبد الرزاق صندوق الاستثمار بالفساد.", [NAJIB, FUND])
    coder(doc)
    assert [(e.type, e.actors, e.recipients) for e in doc.events] == [("ACCUSE", ["najib"], ["fund"])]


@pytest.mark.parametrize("text", [
    "واتهم نجيب عبد الرزاق بتلقي أموال من صندوق الاستثمار.",  # the tokenizer leaves this ب on the word
    "واتهم نجيب عبد الرزاق بالفساد.",
])
def test_the_one_name_before_the_charge_is_the_accused(coder, text):
    doc = make_doc(text, [NAJIB, FUND] if "صندوق" in text else [NAJIB])
    coder(doc)
    assert not [e for e in doc.events if "najib" in e.actors]


def test_a_charge_after_a_verb_with_an_object_pronoun_follows_its_subject(coder):
    doc = make_doc("ويتهمه صندوق الاستثمار بالفساد.", [FUND])
    coder(doc)
    assert [(e.type, e.actors) for e in doc.events] == [("ACCUSE", ["fund"])]


@pytest.mark.parametrize("text", [
    "وبحث الرئيس دونالد ترمب مع بوتين القمة المرتقبة في هلسنكي.",
    "وقال ترمب إنه سيطرح القضايا كلها مع بوتين خلال قمة مقبلة بين الزعيمين.",
])
def test_an_expected_summit_is_not_coded(coder, text):
    doc = make_doc(text, LEADERS)
    triggers = [doc.tokens[d.match.token].text for d in coder.detect(doc)]
    assert not [t for t in triggers if "قمة" in t]


def test_a_summit_held_is_coded(coder):
    doc = make_doc("وعقد ترمب وبوتين قمة في هلسنكي.", LEADERS)
    assert [doc.tokens[d.match.token].text for d in coder.detect(doc)] == ["قمة"]


YEMEN = [("houthis", "ORG", {"names": ["الحوثيين"]}), ("army", "ORG", {"names": ["قوات الجيش اليمني"]})]


@pytest.mark.parametrize("text", [
    "وقال المتحدث إن الحوثيين مُنيت بضربات موجعة من قوات الجيش اليمني.",
    "وقال المتحدث إن الحوثيين تعرضوا لهجوم من قوات الجيش اليمني.",
])
def test_the_subject_of_a_verb_of_undergoing_is_hit_by_the_one_after_from(coder, text):
    doc = make_doc(text, YEMEN)
    coder(doc)
    assert [(e.type, e.actors, e.recipients) for e in doc.events] == [("ASSAULT", ["army"], ["houthis"])]


def test_a_yemeni_is_no_verb_of_undergoing(coder):
    doc = make_doc("وقال مسؤول يمني إن الحوثيين شنوا هجوما على قوات الجيش اليمني.", YEMEN)
    coder(doc)
    assert [(e.actors, e.recipients) for e in doc.events] == [(["houthis"], ["army"])]


@pytest.mark.parametrize("text, group", [
    ("وناقش الوزير ومستشار الأمن القومي الوضع في سوريا.", False),
    ("ونحث الدول على وقف ما يضر بالأمن الوطني للمنطقة.", False),
    ("واعتقل الأمن عشرة أشخاص في المدينة.", True),
])
def test_security_as_a_concept_or_in_a_title_is_no_group(text, group):
    names = [e.name for e in UnnamedActors().find(make_doc(text)).values()]
    assert (names == ["الأمن"]) is group



@pytest.mark.parametrize("quoted, recipients", [
    ("نحث قطر على التوقف عن الممارسات", ["qatar"]),
    ("نشكر ونحترم بغداد ورئيس الوزراء", ["baghdad"]),
])
def test_we_in_a_quote_is_its_speaker_and_the_name_after_the_verb_its_object(coder, quoted, recipients):
    text = f'وقال الملك حمد "{quoted}".'
    parties = [("hamad", "PER", {"names": ["حمد"]}), ("qatar", "GPE", {"names": ["قطر"]}),
               ("baghdad", "GPE", {"names": ["بغداد"]})]
    doc = make_doc(text, [p for p in parties if p[2]["names"][0] in text])
    start = text.index('"')
    doc.quotes.append(Quote("hamad", "قال", "direct", start, len(text) - 1, text[start:-1]))
    coder(doc)
    assert [(e.actors, e.recipients) for e in doc.events] == [(["hamad"], recipients)]


def test_a_verb_whose_root_starts_with_nun_is_no_first_person(coder):
    doc = make_doc("وندد الملك حمد بالهجوم على قطر.", [("hamad", "PER", {"names": ["حمد"]}),
                                                     ("qatar", "GPE", {"names": ["قطر"]})])
    coder(doc)
    assert [e.actors for e in doc.events] == [["hamad"]]


RUSSIA_UK = [("russia", "GPE", {"names": ["روسيا"], "kb_id": "country:RUS"}),
             ("uk", "GPE", {"names": ["بريطانيا"], "kb_id": "country:GBR"})]


def test_the_genitive_of_an_accusation_is_the_accused(coder):
    doc = make_doc("وقالت بريطانيا إن اتهام روسيا بالتسميم مؤكد.", RUSSIA_UK)
    coder(doc)
    assert not [e for e in doc.events if "russia" in e.actors]


def test_an_accusation_with_the_accused_after_li_is_the_genitive_s():
    doc = make_doc("وأثار اتهام بريطانيا لروسيا بتسميم العميل التوتر.", RUSSIA_UK)
    i = next(j for j, t in enumerate(doc.tokens) if t.text == "اتهام")
    args = find_arguments(MentionIndex(doc), doc.tokens, i, i + 1, (0, len(doc.tokens)), "noun", "ACCUSE",
                          objective_genitive=True)
    assert args.actors == ["uk"]


def test_a_plural_verb_in_a_quote_is_not_its_one_speaker_s(coder):
    text = 'وقال المندوب خالد إن "هؤلاء قد رفضوا منذ البداية إجراءات بناء الثقة".'
    doc = make_doc(text, [("khaled", "PER", {"names": ["خالد"]})])
    start = text.index('"')
    doc.quotes.append(Quote("khaled", "قال", "direct", start, len(text) - 1, text[start:-1]))
    coder(doc)
    assert not [e for e in doc.events if "khaled" in e.actors]


def test_a_verb_s_own_past_form_is_not_another_verb_s_present():
    lexicon = load_lexicon()
    assert {t.type for _, t in lexicon.lookup("وتوعد")} == {"THREATEN"}  # not "she promises" (ت + وعد)
    assert "AGREE" in {t.type for _, t in lexicon.lookup("ووعد")}
    assert "ACCUSE" in {t.type for _, t in lexicon.lookup("توجه")}  # "توجه اتهامات": told apart by its companion


def test_a_person_named_near_a_protest_noun_is_not_its_actor(coder):
    doc = make_doc("وجاء رحيل الملقي على وقع احتجاجات غاضبة على مشروع القانون.",
                   [("mulki", "PER", {"names": ["الملقي"]})])
    coder(doc)
    assert not [e for e in doc.events if "mulki" in e.actors]
