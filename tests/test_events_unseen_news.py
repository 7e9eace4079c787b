"""Event-coding rules found by auditing unseen news articles against the guideline, one section per audit round
(docs/events.md, "Audit round on unseen articles" and the rounds after it)."""

import pytest

from khabar.document import Quote
from khabar.events import EventCoder
from khabar.events.actors import UnnamedActors
from khabar.events.arguments import MentionIndex, find_arguments, vocalised_passive
from khabar.events.lexicon import load_lexicon
from khabar.events.topics import TopicReader
from tests.test_events import make_doc


@pytest.fixture(scope="module")
def coder():
    return EventCoder()


SOUTH_SUDAN = ("ssd", "GPE", {"names": ["جنوب السودان"], "kb_id": "country:SSD", "country": "SSD"})


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


MATCH_REPORT = ("وفاز الفريق في المباراة على منافسه بهدفين، وسجل اللاعب الهدف الأول في الشوط الثاني. "
                "وقال مدرب الفريق بعد اللقاء إن لاعبيه قدموا مباراة كبيرة في الدوري، وإن النادي ينتظر "
                "المباراة المقبلة في البطولة. ")


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


NAJIB = ("najib", "PER", {"names": ["نجيب عبد الرزاق"]})
FUND = ("fund", "ORG", {"names": ["صندوق الاستثمار"]})
LEADERS = [("trump", "PER", {"names": ["دونالد ترمب", "ترمب"]}), ("putin", "PER", {"names": ["بوتين"]})]


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


GOOGLE = ("google", "ORG", {"names": ["غوغل"]})
RUSSIA = ("russia", "GPE", {"names": ["روسيا"], "kb_id": "country:RUS"})
ARISH = ("arish", "GPE", {"names": ["العريش"], "kb_id": "city:arish"})
MINISTER = ("minister", "PER", {"names": ["حمد"]})


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


NAJIB_ALONE = ("najib", "PER", {"names": ["نجيب"]})


@pytest.mark.parametrize("text, entities, actors", [
    ("ويتهم نجيب وأفراد من أسرته وكثير من حلفائه باختلاس مبالغ ضخمة.", [NAJIB_ALONE], []),
    # the name after the list is the accused
    ("واتهم نجيب وحمد روسيا بتدبير الهجوم.", [NAJIB_ALONE, MINISTER, RUSSIA], [["najib", "minister"]]),
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
