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


def test_a_construct_chain_closed_by_a_relative_adjective_names_a_body():
    assert _names("رئيس لجنة الشؤون الخارجية في الدوما") == [("لجنة الشؤون الخارجية", "ORG")]
    assert _names("لكن مجلس اتحاد النقابات المهنية في الأردن") == [("مجلس اتحاد النقابات المهنية", "ORG")]
    assert _names("وأعلنت إدارة البحوث العلمية والإفتاء أن") == [("إدارة البحوث العلمية والإفتاء", "ORG")]


def test_a_construct_chain_that_describes_is_no_name():
    assert _names("وتظاهرت مئات السيدات خارج مركز الشرطة الذي احتجزت فيه") == []  # no adjective
    assert _names("بعدما توصل تحقيق أجرته لجنة الانتخابات إلى أنهم") == []  # إلى is no adjective
    assert _names("وفد لجنة المتابعة المعنية بتنفيذ نتائج المؤتمر") == []  # what kind, not which
    assert _names("التي يمتلك بنك برقان الحصة الكبرى فيها") == []  # an elative, and a company's name
    assert _names("ونص المرسوم على أنها هيئة أهلية للأعمال الخيرية") == []  # a complement after a preposition
    assert _names("مشروع مشترك بين الشركتين وشركة تأجير السيارات الألمانية سيكست") == []  # a company described
    assert _names("يدخل في شراكتها صندوق تنمية الموارد البشرية والقطاع الخاص") == [
        ("صندوق تنمية الموارد البشرية", "ORG")
    ]  # the coordinated word begins a second body
    assert _names("واتهم المدعون إدارة البنك العربي الذي يتخذ") == []  # the management of a bank


def test_a_general_body_is_named_by_what_it_is_for():
    assert _names("وقالت المؤسسة العامة للتأمينات الاجتماعية إن") == [("المؤسسة العامة للتأمينات الاجتماعية", "ORG")]
    assert _names("أعلنت المديرية العامة لقوات الدرك، أن") == [("المديرية العامة لقوات الدرك", "ORG")]
    assert _names("وقالت الهيئة العامة للسياحة والتراث الوطني إن") == [("الهيئة العامة للسياحة والتراث الوطني", "ORG")]
    assert _names("مدير الإدارة العامة للتعليم بالخرج") == [("الإدارة العامة للتعليم", "ORG")]
    assert _names("تحقيقا المصلحة العليا للطفل") == []  # no body's head
    assert _names("ولفت المدير العام للمؤسسة العامة لصوامع الغلال إلى") == [("لمؤسسة العامة لصوامع الغلال", "ORG")]


def test_military_units_named_by_an_ordinal():
    assert _names("يقودها رجال الجيش الثاني الميداني بالتعاون") == [("الجيش الثاني الميداني", "ORG")]
    assert _names("وقال قائد الفرقة الرابعة المدرعة إن") == [("الفرقة الرابعة المدرعة", "ORG")]
    assert _names("وصل الجيش إلى المدينة الثانية") == []
    assert _names("رئيس الجالية والمجلس الأعلى للجاليات اليمنية حول العالم") == [
        ("المجلس الأعلى للجاليات اليمنية", "ORG")
    ]  # the conjunction stays outside


def test_military_regions():
    assert _names("ومجموعات التدخل السريع التابعة للمنطقة المركزية العسكرية.") == [
        ("لمنطقة المركزية العسكرية", "ORG")
    ]
    assert _names("وقال قائد المنطقة العسكرية الرابعة إن") == [("المنطقة العسكرية الرابعة", "ORG")]
    assert _names("دخلوا المنطقة العسكرية المغلقة قرب الحدود") == []  # a closed zone


def test_a_head_that_is_also_a_verbal_noun_names_a_body_only_before_its_words():
    assert _names("وقالت قيادة القوات الجوية السعودية إن") == [("قيادة القوات الجوية السعودية", "ORG")]
    assert _names("بمنشور ساخر من قيادة المرأة السعودية للسيارات") == []  # driving
    assert _names("وكان الفريق بقيادة المدرب اليوناني دونيس") == []  # led by
    assert _names("إلى جانب دوره الرئيس في إدارة السياسة النقدية") == []  # managing


def test_a_quoted_noun_and_adjective_describe():
    assert _names('الإخوان المسلمون وصنفتها "منظمة إرهابية".') == []
    assert _names("تعتبر حزب العمال الكردستاني «منظمة إرهابية»، ورأى") == []
