"""Rules of the audit round on unseen articles (docs/events.md, "Audit round")."""

import pytest

from khabar.events import EventCoder
from tests.test_events import make_doc

SOUTH_SUDAN = ("ssd", "GPE", {"names": ["جنوب السودان"], "kb_id": "country:SSD", "country": "SSD"})


@pytest.fixture(scope="module")
def coder():
    return EventCoder()


@pytest.mark.parametrize("text", [
    "والتقى رئيس دولة جنوب السودان سلفاكير ميرديت، الأربعاء، مع مشار في أديس أبابا.",
    "والتقى رئيس جنوب السودان سلفاكير ميرديت مع مشار.",
])
def test_the_state_of_a_title_before_a_name_is_the_post_not_a_party(coder, text):
    doc = make_doc(text, [SOUTH_SUDAN, ("kiir", "PER", {"names": ["سلفاكير ميرديت"]}),
                          ("machar", "PER", {"names": ["مشار"]})])
    coder(doc)
    [event] = doc.events
    assert (event.type, event.actors, event.recipients) == ("CONSULT", ["kiir"], ["machar"])


def test_the_organisation_of_a_member_before_his_name_is_no_party(coder):
    doc = make_doc("أقال الرئيس بوتفليقة مدير عام الأمن الوطني عبد الغاني هامل من منصبه.", [
        ("bouteflika", "PER", {"names": ["بوتفليقة"]}), ("dgsn", "ORG", {"names": ["الأمن الوطني"]}),
        ("hamel", "PER", {"names": ["عبد الغاني هامل"]})])
    coder(doc)
    [event] = doc.events
    assert (event.type, event.actors, event.recipients) == ("SANCTION", ["bouteflika"], ["hamel"])


@pytest.mark.parametrize("text, ptype", [
    ("ورفضت الشركة الصينية التعليق على الخبر.", "REJECT"),
    ("ورفض ممثلو الأمن العام التعليق اليوم.", "REJECT"),
    ("وقال دبلوماسي رفض الكشف عن اسمه إن الاجتماع كان مفيدا.", "REJECT"),
    ("وارتفعت أرباح الشركة بفضل نجاح أفلامها.", "SUPPORT"),
    ("وصل في معيته أيده الله رئيس الديوان.", "SUPPORT"),
    ("فالسعودية لم تكن يوما تبحث عن المشاكل.", "CONSULT"),
    ("وأضاف اللاعب الهدف الثاني من ضربة جزاء في الدقيقة 30.", "ASSAULT"),
    ("ثم استغل الفريق هجمة مرتدة سريعة.", "ASSAULT"),
    ("في موسم استثنائي خطف خلاله اللاعب الأضواء.", "ASSAULT"),
    ("وكانت الحكومة تحقق في سبب توقف عدد من المواقع الإلكترونية.", "COERCE"),
])
def test_idioms_and_homographs_of_triggers_are_no_events(coder, text, ptype):
    doc = make_doc(text, [("s", "ORG", {"names": [w for w in ("الشركة", "الحكومة", "السعودية", "الفريق", "اللاعب",
                                                              "الديوان", "دبلوماسي", "الأمن العام") if w in text][:1]})])
    assert ptype not in [t.type for t in coder.detect(doc)]


@pytest.mark.parametrize("text, ptype", [
    ("ورفضت الحكومة الاتفاق.", "REJECT"),
    ("وأشاد الرئيس بفضل المملكة على بلاده.", "SUPPORT"),
    ("وبحث الرئيس مع نظيره الأزمة.", "CONSULT"),
    ("وأطلقت القوات صاروخا على المدينة في ضربة جوية.", "ASSAULT"),
    ("وأوقفت الشرطة ثلاثة أشخاص.", "COERCE"),
])
def test_the_trigger_itself_is_still_read(coder, text, ptype):
    doc = make_doc(text)
    assert ptype in [t.type for t in coder.detect(doc)]


def test_the_authorities_are_an_unnamed_actor(coder):
    doc = make_doc("ولم يبلغ عن وقوع قتلى، لكن السلطات دعت السكان إلى اللجوء للمناطق المرتفعة.")
    coder(doc)
    [event] = doc.events
    assert event.type == "REQUEST"
    assert [doc.entity(e).name for e in event.actors + event.recipients] == ["السلطات", "السكان"]


def test_the_name_before_a_conjoined_verb_is_not_its_subject(coder):
    doc = make_doc("ضبطت الشرطة مصنعا للهواتف التي وصلت الولايات المتحدة ودعمت الشركات المحلية.", [
        ("usa", "GPE", {"names": ["الولايات المتحدة"], "kb_id": "country:USA"})])
    coder(doc)
    assert not [e for e in doc.events if e.type == "SUPPORT" and "usa" in e.actors]


def test_the_one_in_commas_after_the_subject_of_a_verb_of_undergoing_is_criticised(coder):
    doc = make_doc("واجه حكم المباراة النهائية لمونديال روسيا، الأرجنتيني نيستور بيتانيا، انتقادات كبيرة.", [
        ("pitana", "PER", {"names": ["نيستور بيتانيا"]}), ("russia", "GPE", {"names": ["روسيا"]})])
    coder(doc)
    assert not [e for e in doc.events if "pitana" in e.actors]


def test_a_visit_one_is_invited_to_is_not_coded_as_made(coder):
    doc = make_doc("ودعا لافروف، أثناء زيارته إلى بيونغيانغ، زعيم كوريا الشمالية كيم جونغ أون إلى زيارة روسيا.", [
        ("lavrov", "PER", {"names": ["لافروف"]}), ("pyongyang", "GPE", {"names": ["بيونغيانغ"]}),
        ("nk", "GPE", {"names": ["كوريا الشمالية"], "kb_id": "country:PRK", "country": "PRK"}),
        ("kim", "PER", {"names": ["كيم جونغ أون"]}),
        ("russia", "GPE", {"names": ["روسيا"], "kb_id": "country:RUS", "country": "RUS"})])
    coder(doc)
    assert not [e for e in doc.events if e.type == "CONSULT" and "kim" in e.actors]
    assert [(e.type, e.actors) for e in doc.events if e.type == "REQUEST"] == [("REQUEST", ["lavrov"])]


@pytest.mark.parametrize("text", [
    "وقالت إن أمام إيران فرصة في حال انسحبت الولايات المتحدة الأمريكية منه دون إعادة فرض عقوبات جديدة.",
    "وتابع أنه إذا نفذت الولايات المتحدة وبريطانيا وفرنسا ضربة عسكرية فلن يكون لدينا خيار.",
])
def test_a_condition_earlier_in_the_clause_makes_the_event_hypothetical(coder, text):
    doc = make_doc(text, [("usa", "GPE", {"names": ["الولايات المتحدة"], "kb_id": "country:USA"})])
    coder(doc)
    assert not [e for e in doc.events if e.type in ("SANCTION", "COERCE", "ASSAULT")]


def test_an_aside_in_brackets_does_not_hide_the_modal_before_it(coder):
    doc = make_doc("وقالت: يمكنها (أمريكا) الانسحاب من الاتفاق.", [
        ("usa", "GPE", {"names": ["أمريكا"], "kb_id": "country:USA"})])
    coder(doc)
    assert not [e for e in doc.events if e.type == "RETREAT"]


def test_a_noun_completing_a_title_is_no_event(coder):
    doc = make_doc("وقالت ميشيل راسيل، مديرة التحقيقات في هيئة الرقابة، إن الأرقام قفزت.", [
        ("russell", "PER", {"names": ["ميشيل راسيل"]})])
    assert not coder.detect(doc)
    doc = make_doc("وصف المسؤول التصريحات بأنها لا مسؤولة واتهامات باطلة.")
    assert [t.type for t in coder.detect(doc)] == ["ACCUSE"]


def test_a_gpe_the_knowledge_base_does_not_know_as_a_state_is_a_place_not_an_attacker(coder):
    doc = make_doc("وقال المرصد إن مقاتلات النظام استهدفت منطقة الشيفونية دون تقديم تفاصيل.", [
        ("shayfuniya", "GPE", {"names": ["الشيفونية"]})])
    coder(doc)
    assert not [e for e in doc.events if "shayfuniya" in e.actors]


def test_a_call_received_is_made_by_the_one_after_min(coder):
    doc = make_doc("تلقى الأمير محمد بن سلمان ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع اتصالاً هاتفياً "
                   "أمس من فخامة الرئيس عبدربه منصور هادي.", [
                       ("mbs", "PER", {"names": ["محمد بن سلمان"]}), ("council", "ORG", {"names": ["مجلس الوزراء"]}),
                       ("hadi", "PER", {"names": ["عبدربه منصور هادي"]})])
    coder(doc)
    [event] = doc.events
    assert (event.type, event.actors, event.recipients) == ("CONSULT", ["hadi"], ["mbs"])


def test_a_word_with_tanween_is_no_verb_with_an_object_pronoun(coder):
    doc = make_doc("واستباحت الظلم وقتل الأنفس البريئة ظلماً وعدواناً.")
    assert "AGREE" not in [t.type for t in coder.detect(doc)]
    doc = make_doc("وأدان الهجوم، داعياً المجتمع الدولي إلى التحرك.")
    assert "REQUEST" in [t.type for t in coder.detect(doc)]


def test_the_possessive_of_talks_with_someone_is_their_doer(coder):
    doc = make_doc("تابعت الصحف الزيارة الرسمية للرئيس الفرنسي ايمانويل ماكرون إلى الولايات المتحدة ومحادثاته مع نظيره "
                   "الأمريكي دونالد ترامب.", [
                       ("macron", "PER", {"names": ["ايمانويل ماكرون"]}), ("trump", "PER", {"names": ["دونالد ترامب"]}),
                       ("usa", "GPE", {"names": ["الولايات المتحدة"], "kb_id": "country:USA"})])
    coder(doc)
    assert ("CONSULT", ["macron"], ["trump"]) in [(e.type, e.actors, e.recipients) for e in doc.events]


def test_no_possessor_past_a_person_named_by_his_title_alone(coder):
    doc = make_doc("أفاد الديوان الملكي في بيان أن الملك أكد خلال مباحثاته مع كوشنر ضرورة السلام.", [
        ("court", "ORG", {"names": ["الديوان الملكي"]}), ("kushner", "PER", {"names": ["كوشنر"]})])
    coder(doc)
    assert not [e for e in doc.events if e.type == "CONSULT" and "court" in e.actors]


def test_a_meeting_that_brought_him_together_with_someone_is_his(coder):
    doc = make_doc("وتحدث لافروف مطولا. وجاء ذلك بعد لقاء جمعه بنظيره الكوري الشمالي لي يونغ هو.", [
        ("lavrov", "PER", {"names": ["لافروف"]}), ("ri", "PER", {"names": ["لي يونغ هو"]})])
    coder(doc)
    assert [(e.type, e.actors, e.recipients) for e in doc.events] == [("CONSULT", ["lavrov"], ["ri"])]


def test_the_regimes_aircraft_are_an_unnamed_actor(coder):
    doc = make_doc("قال المرصد إن طائرات النظام السوري نفذت غارات على مناطق في الغوطة الشرقية.", [
        ("ghouta", "LOC", {"names": ["الغوطة الشرقية"]})])
    coder(doc)
    [event] = [e for e in doc.events if e.type == "ASSAULT"]
    assert doc.entity(event.actors[0]).name.startswith("طائرات النظام")


def test_an_organ_named_with_li_after_the_verb_is_its_body_and_the_attack_it_condemns_is_not_its_own(coder):
    doc = make_doc("أدانت الأمانة العامة لمجلس التعاون لدول الخليج العربية بشدة التفجير الانتحاري الذي استهدف مسجدا، "
                   "مما أدى إلى مقتل وجرح عدد من أفراد قوات الطوارئ.", [
                       ("gcc", "ORG", {"names": ["مجلس التعاون لدول الخليج العربية"]})])
    coder(doc)
    assert [(e.type, e.actors) for e in doc.events if "gcc" in e.actors] == [("ACCUSE", ["gcc"])]
