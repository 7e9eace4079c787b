"""Rules of the fourth audit round, on event arguments (docs/events.md, "Fourth audit round")."""

import pytest

from khabar.document import Quote
from khabar.events import EventCoder
from khabar.events.arguments import MentionIndex
from tests.test_events import make_doc

GOOGLE = ("google", "ORG", {"names": ["غوغل"]})
RUSSIA = ("russia", "GPE", {"names": ["روسيا"], "kb_id": "country:RUS"})
ARISH = ("arish", "GPE", {"names": ["العريش"], "kb_id": "city:arish"})
MINISTER = ("minister", "PER", {"names": ["حمد"]})


@pytest.fixture(scope="module")
def coder():
    return EventCoder()


def test_a_participle_with_the_charge_right_after_it_is_the_accused(coder):
    doc = make_doc("وقالت المفوضية إن غوغل متهمة بمطالبة الشركات بتثبيت متصفحها.", [GOOGLE])
    coder(doc)
    assert not [e for e in doc.events if "google" in e.actors]


def test_a_participle_with_its_object_first_is_active(coder):
    doc = make_doc("وخرج الوزير حمد من القاعة متهما روسيا بتدبير الهجوم.", [MINISTER, RUSSIA])
    coder(doc)
    assert [e.recipients for e in doc.events if e.type == "ACCUSE"] == [["russia"]]


@pytest.mark.parametrize("text", [
    "وفي قسم ثالث العريش انفجرت عبوة ناسفة بمدرعة للشرطة.",
    "أثناء سير إحدى المدرعات بشارع في العريش انفجرت بها عبوة ناسفة.",
])
def test_a_place_is_no_party_to_a_device_that_exploded(coder, text):
    doc = make_doc(text, [ARISH])
    coder(doc)
    assert not [e for e in doc.events if "arish" in e.actors + e.recipients]


def test_a_speaker_denying_his_own_deed_is_not_coded(coder):
    text = 'وقال الوزير حمد "لم ننسحب من المدينة".'
    doc = make_doc(text, [MINISTER])
    start = text.index('"')
    doc.quotes.append(Quote("minister", "قال", "direct", start, len(text) - 1, text[start:-1]))
    coder(doc)
    assert not doc.events


@pytest.mark.parametrize("text, party", [
    ("وقضت المحكمة بسجن اثنين من مؤيدي الرئيس التركي رجب طيب أردوغان هاجما محتجين.", False),
    ("وقضت المحكمة بسجن اثنين هاجما الرئيس التركي رجب طيب أردوغان.", True),
])
def test_the_one_whose_supporters_act_is_no_party(text, party):
    doc = make_doc(text, [("erdogan", "PER", {"names": ["رجب طيب أردوغان"]})])
    index = MentionIndex(doc)
    assert bool(index.parties_in(0, len(doc.tokens))) is party


def test_but_he_is_the_subject_and_no_feminine_state_before_it(coder):
    doc = make_doc('وتمنى الرئيس ماكرون لبوتين النجاح في "تحديث روسيا"، لكنه حث موسكو على إلقاء الضوء على المحاولة.',
                   [("macron", "PER", {"names": ["ماكرون"]}), ("putin", "PER", {"names": ["بوتين"]}), RUSSIA,
                    ("moscow", "GPE", {"names": ["موسكو"], "kb_id": "city:moscow"})])
    coder(doc)
    assert [e.actors for e in doc.events if e.trigger.text == "حث"] == [["macron"]]


@pytest.mark.parametrize("text, actors", [
    ("ويطالب مشروع القرار مجلس الأمن بأن يتخذ تدابير لحماية المدنيين.", []),
    ("وطالب صباح اليوم مجلس الأمن بأن يتخذ تدابير لحماية المدنيين.", [["council"]]),  # a time, no subject
])
def test_a_bare_noun_and_its_genitive_before_a_name_are_the_subject(coder, text, actors):
    doc = make_doc(text, [("council", "ORG", {"names": ["مجلس الأمن"]})])
    coder(doc)
    assert [e.actors for e in doc.events if e.type == "REQUEST"] == actors


NAJIB = ("najib", "PER", {"names": ["نجيب"]})


@pytest.mark.parametrize("text, entities, actors", [
    ("ويتهم نجيب وأفراد من أسرته وكثير من حلفائه باختلاس مبالغ ضخمة.", [NAJIB], []),
    # the name after the list is the accused
    ("واتهم نجيب وحمد روسيا بتدبير الهجوم.", [NAJIB, MINISTER, RUSSIA], [["najib", "minister"]]),
])
def test_the_charge_after_a_list_of_names_makes_them_the_accused(coder, text, entities, actors):
    doc = make_doc(text, entities)
    coder(doc)
    assert [e.actors for e in doc.events] == actors


@pytest.mark.parametrize("text, coded", [
    ("وتمنى الرئيس ماكرون لبوتين النجاح في مهمته.", False),
    ("وأعرب الرئيس ماكرون عن تمنيه على بوتين وقف الحرب.", True),
])
def test_a_wish_is_a_request_only_when_made_of_someone(coder, text, coded):
    doc = make_doc(text, [("macron", "PER", {"names": ["ماكرون"]}), ("putin", "PER", {"names": ["بوتين"]})])
    coder(doc)
    assert bool([e for e in doc.events if e.type == "REQUEST"]) is coded
