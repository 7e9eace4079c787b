"""Rules of the second audit round on unseen articles (docs/events.md, "Audit round")."""

import pytest

from khabar.events import EventCoder
from khabar.events.topics import TopicReader
from tests.test_events import make_doc

MATCH_REPORT = ("وفاز الفريق في المباراة على منافسه بهدفين، وسجل اللاعب الهدف الأول في الشوط الثاني. "
                "وقال مدرب الفريق بعد اللقاء إن لاعبيه قدموا مباراة كبيرة في الدوري، وإن النادي ينتظر "
                "المباراة المقبلة في البطولة. ")


@pytest.fixture(scope="module")
def coder():
    return EventCoder()


def test_a_match_report_reads_its_field_words_as_no_meeting_or_attack(coder):
    doc = make_doc(MATCH_REPORT + "واستغل الفريق هجوما سريعا ليعادل النتيجة.")
    assert TopicReader().not_events(doc) >= {"CONSULT", "ASSAULT"}
    assert not {"CONSULT", "ASSAULT"} & {d.type for d in coder.detect(doc)}


def test_news_with_a_few_sports_words_keeps_its_events(coder):
    doc = make_doc("والتقى الرئيس وزير الرياضة بعد فوز المنتخب، وبحثا الأوضاع. وشنت الطائرات هجوما على المدينة.")
    assert TopicReader().not_events(doc) == frozenset()
    assert {"CONSULT", "ASSAULT"} <= {d.type for d in coder.detect(doc)}


def test_a_match_report_keeps_the_events_of_other_types(coder):
    doc = make_doc(MATCH_REPORT + "ونفى رئيس النادي أن يكون المدرب قد طلب الرحيل.")
    assert "REJECT" in {d.type for d in coder.detect(doc)}


@pytest.mark.parametrize("text, ptype", [
    ("حطم توم، طالب الثانوي الفرنسي، الرقم القياسي.", "REQUEST"),
    ("وقال سارجيس، وهو طالب يبلغ من العمر 22 عاما، إنهم سيواصلون.", "REQUEST"),
    ("ومن حق أي طالب أن يدرس في أي جامعة.", "REQUEST"),
    ("والتقى المدير بالوفود ورحب بهم في الحفل.", "SUPPORT"),
    ("ورحب الرئيس المصري في كلمته خلال الحفل بضيف مصر الأمير محمد.", "SUPPORT"),
    ("مجددا الشكر والترحيب لسمو ولي العهد على زيارته.", "SUPPORT"),
    ("وقدم التعازي لأسرة الرضيع، داعياً بالشفاء العاجل للمصابين.", "REQUEST"),
    ("رغم أن الرئيس ظل حذرا حول الموضوع.", "ACCUSE"),
    ("وحظي جناح الأسر المنتجة بإقبال من الزوار.", "COERCE"),
    ("تعتبر أسرة آل بوش من الأسر العريقة في الولايات المتحدة.", "COERCE"),
    ("وعلى المعلمين استيفاء نموذج طلب التعيين.", "REQUEST"),
    ("واستقبلت ألمانيا 175 ألف طلب لجوء.", "REQUEST"),
    ("وقال المسؤول طالبا ألا ينشر اسمه إن الرحلات بدأت.", "REQUEST"),
    ("وقال المصدر الذي طلب عدم الكشف عن هويته إن الاجتماع انتهى.", "REQUEST"),
    ("واستكمالا لمسيرة خادم الحرمين الشريفين في دعم مصر.", "PROTEST"),
    ("وزار المصابين داعياً الله أن يلبسهم لباس الصحة.", "REQUEST"),
    ("ونفت الوزارة الاتهامات الموجهة إليها.", "ACCUSE"),
    ("وقال القائد إن هدفنا الاستعداد للحرب.", "AGREE"),
    ("وتصدر تحالف سائرون نتائج الانتخابات.", "SUPPORT"),
    ("وأكد أن الصواريخ تهدف إلى تهديد أمن المنطقة.", "THREATEN"),
    ("إن الحمائية هي أكبر تهديد للانتعاش الاقتصادي.", "THREATEN"),
])
def test_homographs_and_courtesies_are_no_events(coder, text, ptype):
    assert ptype not in [d.type for d in coder.detect(make_doc(text))]


@pytest.mark.parametrize("text, ptype", [
    ("طالب الرئيس المجتمع الدولي بالتدخل.", "REQUEST"),
    ("ورحب الرئيس بالاتفاق بين الطرفين.", "SUPPORT"),
    ("ودعا الوزير إلى وقف إطلاق النار.", "REQUEST"),
    ("وحذر الوزير من عواقب القرار.", "ACCUSE"),
    ("وطلب الرئيس من الوزير تقديم تقرير.", "REQUEST"),
    ("وتم أسر جنديين في الهجوم.", "COERCE"),
    ("ووجهت الوزارة أصابع الاتهام إلى إسرائيل.", "ACCUSE"),
    ("وأبدى الرئيس استعداده للحوار.", "AGREE"),
    ("وتحالفت ثلاثة أحزاب بعد الانتخابات.", "SUPPORT"),
    ("وهدد الرئيس بالانسحاب من الاتفاق.", "THREATEN"),
])
def test_the_trigger_itself_is_still_read(coder, text, ptype):
    assert ptype in [d.type for d in coder.detect(make_doc(text))]


def test_the_relative_named_after_a_kinship_noun_is_no_party(coder):
    doc = make_doc("وزار صهر الرئيس الأمريكي دونالد ترامب، جاريد كوشنر، الأردن أمس.", [
        ("trump", "PER", {"names": ["دونالد ترامب"]}), ("kushner", "PER", {"names": ["جاريد كوشنر"]}),
        ("jordan", "GPE", {"names": ["الأردن"], "kb_id": "country:JOR", "country": "JOR"})])
    coder(doc)
    [event] = doc.events
    assert (event.type, event.actors) == ("CONSULT", ["kushner"])


def test_what_follows_an_unnamed_title_subject_and_a_comma_is_the_object(coder):
    doc = make_doc("ودعا المرشد الأعلى، السلطات الثلاث إلى التعاون.")
    coder(doc)
    names = [doc.entity(e).name for ev in doc.events if ev.type == "REQUEST" for e in ev.actors]
    assert "السلطات" not in names


TURKEY = ("tr", "GPE", {"names": ["تركيا"], "kb_id": "country:TUR", "country": "TUR"})


@pytest.mark.parametrize("text, entities, coded", [
    ("وتدعم أدنوك جهود التنمية في المنطقة.", [("adnoc", "ORG", {"names": ["أدنوك"]})], False),
    ("ودعم الأمير فيصل الأفكار الخلاقة في محيط الأعمال.", [("faisal", "PER", {"names": ["الأمير فيصل"]})], False),
    ("ودعمت تركيا المعارضة المسلحة في حربها.", [TURKEY, ("opp", "ORG", {"names": ["المعارضة"]})], True),
])
def test_backing_is_an_event_only_with_a_party_backed(coder, text, entities, coded):
    doc = make_doc(text, entities)
    coder(doc)
    assert bool([e for e in doc.events if e.type == "SUPPORT"]) is coded


def test_a_definite_meeting_after_a_coded_one_is_that_meeting_again(coder):
    doc = make_doc("والتقى خامنئي الرئيس العراقي صالح أمس. وأكد روحاني خلال الاجتماع أن الحكومة ستواصل عملها.", [
        ("khamenei", "PER", {"names": ["خامنئي"]}), ("rouhani", "PER", {"names": ["روحاني"]}),
        ("salih", "PER", {"names": ["صالح"]})])
    coder(doc)
    assert [e.type for e in doc.events] == ["CONSULT"]


def test_a_definite_meeting_first_told_is_coded(coder):
    doc = make_doc("وأكد روحاني خلال الاجتماع مع خامنئي أن الحكومة ستواصل عملها.", [
        ("khamenei", "PER", {"names": ["خامنئي"]}), ("rouhani", "PER", {"names": ["روحاني"]})])
    coder(doc)
    assert [e.type for e in doc.events] == ["CONSULT"]


@pytest.mark.parametrize("text, entities, coded", [
    ("زار محافظ عنيزة إبراهيم البريكان مستشفى الملك سعود.", [("b", "PER", {"names": ["إبراهيم البريكان"]})], False),
    ("وزار الرئيس ماكرون الصين أمس.", [("m", "PER", {"names": ["ماكرون"]}),
                                      ("cn", "GPE", {"names": ["الصين"], "kb_id": "country:CHN", "country": "CHN"})], True),
])
def test_a_visit_is_coded_only_with_a_host(coder, text, entities, coded):
    doc = make_doc(text, entities)
    coder(doc)
    assert bool([e for e in doc.events if e.type == "CONSULT"]) is coded


def test_the_sources_of_a_report_are_not_the_doers_of_a_deed(coder):
    doc = make_doc("وأشارت مصادر ليبية إلى وقوع اشتباكات بين ميليشيات مسلحة وقوات حرس المفوضية.", [
        ("sources", "ORG", {"names": ["مصادر ليبية"]})])
    coder(doc)
    assert not [e for e in doc.events if "sources" in e.actors]
