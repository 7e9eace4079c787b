"""Direct and indirect quotes, cues and speakers, on hand-built documents (the text layer plus entities placed
at given surface strings)."""

from __future__ import annotations

import pytest

from khabar.document import Document, Entity
from khabar.quotes import QuoteExtractor, load_lexicon, speakers
from khabar.quotes.marks import find_quotations
from khabar.text import TextAnalyzer
from khabar.text.segment import paragraphs


def install_linker_stub(monkeypatch, answers: dict[str, str] | None = None) -> None:
    """Stand in for the linker's `resolve_description`: descriptions in `answers` resolve to the given entity id,
    others to nothing, so the tests exercise the quote layer's own fallbacks."""
    answers = answers or {}

    def resolve_description(doc: Document, start: int, end: int) -> str | None:
        return next((eid for phrase, eid in answers.items() if phrase in doc.text[start:end]), None)

    monkeypatch.setattr(speakers, "resolve_description", resolve_description)


def make_doc(text: str, names: dict[str, tuple[str, str]]) -> Document:
    """`names` maps a surface string to (entity id, type); every occurrence becomes a mention, longest first."""
    doc = Document(id="t", text=text)
    TextAnalyzer()(doc)
    taken: list[tuple[int, int]] = []
    entities: dict[str, Entity] = {}
    for surface, (entity_id, etype) in sorted(names.items(), key=lambda kv: -len(kv[0])):
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if not any(s < end and start < e for s, e in taken):
                taken.append((start, end))
                entity = entities.setdefault(entity_id, Entity(id=entity_id, type=etype, name=surface))
                entity.mentions.append(doc.span(start, end))
            start = text.find(surface, end)
    doc.entities = list(entities.values())
    return doc


PUTIN = {"فلاديمير بوتين": ("putin", "PER"), "بوتين": ("putin", "PER")}
ZAKHAROVA = {"ماريا زاخاروفا": ("zakharova", "PER")}


@pytest.fixture(autouse=True)
def linker(monkeypatch):
    install_linker_stub(monkeypatch)


@pytest.fixture(scope="module")
def extractor():
    return QuoteExtractor()


def quotes_of(extractor, text, names):
    doc = make_doc(text, names)
    extractor(doc)
    return doc, doc.quotes


# --- lexicon ----------------------------------------------------------------------------------------------------


def test_lexicon_derives_gender_number_and_participle_forms():
    forms = load_lexicon().forms
    assert forms["قالت"].gender == "f"
    assert forms["يقولون"].gender == "pl"
    assert forms["مشيره"].tense == "participle" and forms["مشيره"].gender == "f"
    assert forms["دعت"].lemma == "دعا"
    assert "متحدث" not in forms  # the spokesperson noun is not a cue
    assert "عبر" not in forms  # "via"


# --- quotation marks --------------------------------------------------------------------------------------------


def marks(text):
    return [(q.closed, text[q.start : q.end]) for q in find_quotations(text, paragraphs(text), load_lexicon())]


def test_every_mark_style_pairs_by_position():
    assert marks('قال «أولا» ثم “ثانيا” ثم ”ثالثا“ ثم "رابعا" ثم ’خامسا‘') == [
        (True, "أولا"), (True, "ثانيا"), (True, "ثالثا"), (True, "رابعا"), (True, "خامسا")]


def test_unclosed_quotation_ends_with_its_paragraph():
    assert marks('قال: "نحن هنا\nفقرة أخرى') == [(False, "نحن هنا")]


def test_quotation_runs_over_paragraphs_when_the_next_one_reopens():
    assert marks('قال: "الجزء الأول\n"الجزء الثاني"') == [(True, 'الجزء الأول\n"الجزء الثاني')]


def test_latin_apostrophe_is_not_a_mark():
    assert marks("he said don't") == []


# --- direct quotes ----------------------------------------------------------------------------------------------


def test_direct_quote_after_cue_and_colon(extractor):
    _, quotes = quotes_of(extractor, 'وقال بوتين: "نحن بحاجة إلى تعزيز دور هذه المنظمة".', PUTIN)
    assert len(quotes) == 1
    q = quotes[0]
    assert (q.speaker, q.kind, q.cue, q.text) == ("putin", "direct", "قال", "نحن بحاجة إلى تعزيز دور هذه المنظمة")
    assert q.cue_span.text == "قال"


def test_quote_before_the_cue(extractor):
    _, quotes = quotes_of(extractor, '"سنواصل العمل مع شركائنا في المنطقة"، قال بوتين.', PUTIN)
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [("putin", "direct", "سنواصل العمل مع شركائنا في المنطقة")]


def test_quote_interrupted_by_the_cue_counts_once(extractor):
    text = '"سنواصل العمل مع شركائنا في المنطقة"، قال بوتين، "ولن نتراجع عن أي من التزاماتنا".'
    _, quotes = quotes_of(extractor, text, PUTIN)
    assert len(quotes) == 1 and quotes[0].speaker == "putin"


def test_continuation_cue_takes_the_previous_speaker_of_its_gender(extractor):
    text = ('قالت ماريا زاخاروفا إن موسكو سترد على العقوبات. وقال بوتين إن الاقتصاد صامد. '
            'وأضافت: "لن نقبل بأي إملاءات من الخارج". وتابع: "سنعمل على تطوير علاقاتنا مع الجميع".')
    _, quotes = quotes_of(extractor, text, {**PUTIN, **ZAKHAROVA})
    assert [q.speaker for q in quotes] == ["zakharova", "putin", "zakharova", "putin"]
    assert [q.kind for q in quotes] == ["indirect", "indirect", "direct", "direct"]


def test_cue_words_inside_a_quotation_are_not_cues(extractor):
    _, quotes = quotes_of(extractor, 'وقال بوتين: "الأمريكيون يقولون شيئا مختلفا كل يوم".', PUTIN)
    assert len(quotes) == 1


def test_term_in_quotation_marks_is_not_a_direct_quote(extractor):
    _, quotes = quotes_of(extractor, 'أكد بوتين أن "الناتو" يقترب من حدود روسيا.', PUTIN)
    assert [(q.kind, q.text) for q in quotes] == [("indirect", 'أن "الناتو" يقترب من حدود روسيا')]


def test_direct_quote_with_nobody_identifiable_has_a_null_speaker(extractor):
    _, quotes = quotes_of(extractor, 'وقال: "سنواصل العمل مع شركائنا في المنطقة".', {})
    assert [(q.speaker, q.kind) for q in quotes] == [(None, "direct")]


# --- indirect statements ----------------------------------------------------------------------------------------


def test_indirect_content_runs_from_the_complement_to_the_end_of_the_clause(extractor):
    text = 'وأكد بوتين أن روسيا مستعدة للحوار، مشيراً إلى أن العقوبات فشلت. وفي سياق آخر، ارتفع سعر النفط.'
    _, quotes = quotes_of(extractor, text, PUTIN)
    assert [(q.cue, q.speaker, q.text) for q in quotes] == [
        ("أكد", "putin", "أن روسيا مستعدة للحوار"),
        ("مشيراً", "putin", "أن العقوبات فشلت"),
    ]


def test_speech_act_without_complement_starts_after_the_subject(extractor):
    text = "واقترح الرئيس الروسي فلاديمير بوتين خلال الاجتماع إقامة مشاريع مشتركة."
    _, quotes = quotes_of(extractor, text, PUTIN)
    assert [(q.cue, q.speaker, q.text) for q in quotes] == [("اقترح", "putin", "خلال الاجتماع إقامة مشاريع مشتركة")]


def test_subject_before_the_verb(extractor):
    _, quotes = quotes_of(extractor, "وكان بوتين قد حذر من أن التصعيد سيضر بالجميع.", PUTIN)
    assert [(q.speaker, q.text) for q in quotes] == [("putin", "أن التصعيد سيضر بالجميع")]


def test_is_named_is_no_cue_and_the_name_after_it_is_the_next_verb_subject(extractor):
    _, quotes = quotes_of(extractor, "وشهد رجل أعمال يدعى بوتين يقول إنه ساعد في نقل الأموال.", PUTIN)
    assert [(q.cue, q.speaker, q.text) for q in quotes] == [("يقول", "putin", "إنه ساعد في نقل الأموال")]


def test_the_subject_before_a_pluperfect(extractor):
    _, quotes = quotes_of(extractor, "يذكر أن الرئيس، بوتين كان قد أعلن أن التصعيد سيضر بالجميع.", PUTIN)
    assert [(q.speaker, q.text) for q in quotes] == [("putin", "أن التصعيد سيضر بالجميع")]


def test_a_conjunction_written_apart_is_no_subject(extractor):
    _, quotes = quotes_of(extractor, "و قال بوتين إن التصعيد سيضر بالجميع.", PUTIN)
    assert [(q.speaker, q.text) for q in quotes] == [("putin", "إن التصعيد سيضر بالجميع")]


def test_impersonal_passive_is_not_a_statement(extractor):
    _, quotes = quotes_of(extractor, "ويذكر أن بوتين زار المنطقة العام الماضي.", PUTIN)
    assert quotes == []


def test_noun_homograph_of_a_verb_is_not_a_verb_cue(extractor):
    _, quotes = quotes_of(extractor, "ورفضت المحكمة طلب الدفاع، ثم أجلت الجلسة.", PUTIN)
    assert quotes == []


def test_speech_noun_with_its_author(extractor):
    _, quotes = quotes_of(extractor, "ورفضت المحكمة طلب بوتين الإفراج عن المتهم.", PUTIN)
    assert [(q.cue, q.speaker, q.text) for q in quotes] == [("طلب", "putin", "الإفراج عن المتهم")]


def test_speech_noun_without_content_is_not_a_statement(extractor):
    _, quotes = quotes_of(extractor, "ونظرت المحكمة في طلب بوتين، وذلك بعد أسبوع.", PUTIN)
    assert quotes == []


def test_an_adjective_after_a_speech_noun_and_its_author_is_no_content(extractor):
    _, quotes = quotes_of(extractor, "وتكشف الأزمة فشل وعود بوتين الوردية لإنجاح التسوية.", PUTIN)
    assert quotes == []


def test_verb_needing_a_complement_without_one_is_not_a_cue(extractor):
    _, quotes = quotes_of(extractor, "وأضاف بوتين بندا جديدا إلى الاتفاق.", PUTIN)
    assert quotes == []


# --- attributions without a verb --------------------------------------------------------------------------------


def test_attribution_after_the_clause(extractor):
    text = "وسيعمل قطار واحد من بين كل خمسة قطارات، حسب فرانس برس."
    _, quotes = quotes_of(extractor, text, {"فرانس برس": ("afp", "ORG")})
    assert [(q.speaker, q.cue, q.text) for q in quotes] == [("afp", "حسب", "وسيعمل قطار واحد من بين كل خمسة قطارات")]


def test_attribution_before_the_clause(extractor):
    text = "ووفقا لأسوشيتد برس، فقد نشرت ثلاث صحفيات شهادات مفصلة."
    _, quotes = quotes_of(extractor, text, {"أسوشيتد برس": ("ap", "ORG")})
    assert [(q.speaker, q.text) for q in quotes] == [("ap", "فقد نشرت ثلاث صحفيات شهادات مفصلة")]


def test_attribution_of_an_already_cued_statement_adds_nothing(extractor):
    text = 'قال بوتين إن "الاقتصاد الروسي صامد أمام كل العقوبات"، حسب ما نقلته وكالة تاس.'
    _, quotes = quotes_of(extractor, text, {**PUTIN, "تاس": ("tass", "ORG")})
    assert [q.speaker for q in quotes] == ["putin"]


# --- descriptions, organisations, unnamed speakers --------------------------------------------------------------


def test_description_resolved_by_the_linker(extractor, monkeypatch):
    install_linker_stub(monkeypatch, {"أول رئيس لكازاخستان": "nazarbayev"})
    _, quotes = quotes_of(extractor, 'واختتم أول رئيس لكازاخستان: "إن سكان كازاخستان ممتنون على الدعم".',
                          {"كازاخستان": ("kazakhstan", "GPE")})
    assert [q.speaker for q in quotes] == ["nazarbayev"]


def test_description_matching_an_earlier_title_names_its_holder(extractor):
    text = ("وأكد مندوب التحالف في المنطقة، العقيد بدر بن ناصر، أن المساعدات ستصل قريبا. "
            "ولفت مندوب التحالف إلى أن الطرق آمنة.")
    _, quotes = quotes_of(extractor, text, {"بدر بن ناصر": ("badr", "PER"), "التحالف": ("coalition", "ORG")})
    assert [q.speaker for q in quotes] == ["badr", "badr"]


def test_a_name_after_a_later_title_is_not_the_earlier_titles_holder(extractor):
    """The envoy's name after "مبعوث الأمين العام" does not name the president mentioned before it."""
    text = ("ودعا الرئيس اليمني خلال لقائه أمس مبعوث الأمين العام للأمم المتحدة إلى اليمن إسماعيل ولد الشيخ إلى زيارة "
            "عدن. وأكد الرئيس اليمني أن مدينة عدن أصبحت تستقبل المساعدات.")
    names = {"إسماعيل ولد الشيخ": ("envoy", "PER"), "الأمم المتحدة": ("un", "ORG"), "اليمن": ("yemen", "GPE")}
    _, quotes = quotes_of(extractor, text, names)
    assert "envoy" not in [q.speaker for q in quotes]


def test_spokesperson_speaks_for_the_organisation(extractor):
    text = "وقال المتحدث باسم الكرملين إن موسكو سترد."
    _, quotes = quotes_of(extractor, text, {"الكرملين": ("kremlin", "ORG")})
    assert [q.speaker for q in quotes] == ["kremlin"]


def test_organisation_subject(extractor):
    text = "وقالت وزارة الخارجية الروسية إن موسكو سترد."
    _, quotes = quotes_of(extractor, text, {"وزارة الخارجية الروسية": ("mfa", "ORG")})
    assert [q.speaker for q in quotes] == ["mfa"]


def test_unnamed_speaker_is_added_as_an_unnamed_entity(extractor):
    doc, quotes = quotes_of(extractor, "وقال مصدر أمني إنه سيتم إعلان النتائج لاحقا.", {})
    assert len(quotes) == 1
    speaker = doc.entity(quotes[0].speaker)
    assert speaker is not None and not speaker.named and speaker.name == "مصدر أمني"


def test_offsets_point_into_the_original_text(extractor):
    text = 'وقال بوتين: "نحن بحاجة إلى تعزيز دور هذه المنظمة". وأكد أن روسيا مستعدة.'
    doc, quotes = quotes_of(extractor, text, PUTIN)
    for q in quotes:
        assert doc.text[q.start : q.end] == q.text
        assert doc.text[q.cue_span.start : q.cue_span.end] == q.cue


def test_plural_verb_without_subject_continues_the_group_named_in_its_sentence(extractor):
    doc, quotes = quotes_of(extractor, "وينتقد المحتجون القرارات الأخيرة، ويقولون إنها ستؤذي الفقراء.", {})
    assert [doc.entity(q.speaker).name for q in quotes] == ["المحتجون"]


def test_verb_continuing_a_clause_shares_its_subject(extractor):
    text = "وتريد حكومة ماكرون إلغاء العقود الخاصة، وتقترح تعيين الموظفين الجدد بعقود أخرى."
    _, quotes = quotes_of(extractor, text, {"ماكرون": ("macron", "PER")})
    assert [(q.cue, q.speaker, q.text) for q in quotes] == [("تقترح", "macron", "تعيين الموظفين الجدد بعقود أخرى")]


def test_short_quotation_after_a_colon_is_speech(extractor):
    _, quotes = quotes_of(extractor, 'وقال بوتين: "لن نتراجع"، ثم غادر القاعة.', PUTIN)
    assert [(q.kind, q.text) for q in quotes] == [("direct", "لن نتراجع")]



def test_unknown_subject_before_the_verb_is_not_the_previous_speaker(extractor):
    text = "وقال بوتين إن موسكو سترد. وكان الملك عبد الله قد حذر من أن المنطقة على مفترق طرق."
    _, quotes = quotes_of(extractor, text, PUTIN)
    assert [q.speaker for q in quotes] == ["putin"]


def test_one_word_left_after_the_subject_is_not_a_statement(extractor):
    _, quotes = quotes_of(extractor, "وهي قضية نفاها بوتين مرارا.", PUTIN)
    assert quotes == []


def test_relayed_statement_speaks_for_its_author(extractor):
    text = ('دعت السعودية إلى اجتماع طارئ، بحسب بيان للديوان الملكي. '
            'ونقلت الوكالة الرسمية البيان الذي جاء فيه "تابع الملك الأزمة الاقتصادية في الأردن".')
    _, quotes = quotes_of(extractor, text, {"لديوان الملكي": ("court", "ORG"), "السعودية": ("ksa", "GPE")})
    assert [(q.speaker, q.kind) for q in quotes if q.kind == "direct"] == [("court", "direct")]


def test_attribution_source_must_head_its_phrase(extractor):
    text = "ويملك 40 مليار دولار، وفقاً لقائمة فوربس لأغنياء الصين."
    _, quotes = quotes_of(extractor, text, {"الصين": ("china", "GPE")})
    assert quotes == []


def test_homograph_forms_are_not_cues(extractor):
    text = "وفرضت رسوما على سلع تبلغ قيمتها 200 مليار دولار منذ تعهدها بذلك في القمة."
    _, quotes = quotes_of(extractor, text, PUTIN)
    assert quotes == []


def test_participle_after_an_unnamed_subject(extractor):
    text = "وقال بوتين إن موسكو سترد. وقلل دبلوماسي غربي من أهمية الاتصالات قائلا إنها مناقشات معتادة."
    doc, quotes = quotes_of(extractor, text, PUTIN)
    assert [doc.entity(q.speaker).name for q in quotes] == ["بوتين", "دبلوماسي غربي"]


def test_plural_verb_takes_no_subject_after_it(extractor):
    text = "وطالب المتظاهرون بإصلاحات سياسية واسعة. ودعوا الحكومة إلى البحث عن خيارات أخرى."
    doc, quotes = quotes_of(extractor, text, {"الحكومة": ("gov", "ORG")})
    assert [doc.entity(q.speaker).name for q in quotes] == ["المتظاهرون", "المتظاهرون"]


def test_unknown_subjects_before_the_verb(extractor):
    text = ('وقال بوتين إن موسكو سترد. وكانت المفوضية العليا أعلنت تأجيل الانتخابات. '
            'لكن السفير التركي فاتح يلدز قال: "إن تركيا خططت لبناء السد منذ زمن طويل".')
    _, quotes = quotes_of(extractor, text, PUTIN)
    assert [q.speaker for q in quotes] == ["putin", None]


def test_quoted_name_after_its_kind_is_not_speech(extractor):
    text = "وقال بوتين لصحيفة «غانا سبورتس أون لاين» إن اللاعب سينتقل قريبا."
    _, quotes = quotes_of(extractor, text, PUTIN)
    assert [(q.kind, q.text) for q in quotes] == [("indirect", "إن اللاعب سينتقل قريبا")]


def test_name_just_before_the_verb(extractor):
    _, quotes = quotes_of(extractor, "ويذكر أن الرئيس الروسي، بوتين قال إنه يتوقع قمة قريبة.", PUTIN)
    assert [(q.speaker, q.text) for q in quotes] == [("putin", "إنه يتوقع قمة قريبة")]


def test_participle_after_a_new_subject_in_the_sentence(extractor):
    text = ('وقال بوتين: "لن نتراجع عن مواقفنا أبدا"، وهو ما رد عليه الرئيس الأمريكي، دونالد ترامب قائلا '
            'إن العقوبات ستستمر.')
    _, quotes = quotes_of(extractor, text, {**PUTIN, "دونالد ترامب": ("trump", "PER")})
    assert [q.speaker for q in quotes] == ["putin", "trump"]


def test_earlier_title_must_share_the_description_words(extractor):
    text = ("وقال مدير المستشفى، الدكتور سعيد ريحان، إن الحالة مستقرة. "
            "وأوضح مدير جمعية الثقافة علي البيضاني أن العروض ستقدم في الصيف.")
    doc, quotes = quotes_of(extractor, text, {"سعيد ريحان": ("rihan", "PER")})
    assert quotes[0].speaker == "rihan"
    assert [doc.entity(q.speaker).named for q in quotes[1:]] == [False]  # the other director, unnamed


def test_a_specific_description_nobody_in_the_article_holds_is_an_unnamed_speaker(extractor):
    doc, quotes = quotes_of(extractor, "وقال رئيس البرلمان العراقي إن الجلسة تأجلت.", {})
    assert [(doc.entity(q.speaker).name, doc.entity(q.speaker).named) for q in quotes] == [
        ("رئيس البرلمان العراقي", False)]
    assert quotes[0].text == "إن الجلسة تأجلت"


def test_the_verb_of_an_attribution_reports_nothing_after_it(extractor):
    text = "وتم افتتاح القناة الثلاثاء، حسب ما قال رئيس الهيئة العامة الاقتصادية لمنطقة القناة."
    _, quotes = quotes_of(extractor, text, {})
    assert all("لمنطقة القناة" not in q.text for q in quotes)


def test_subject_before_the_verb_in_a_headline(extractor):
    doc, quotes = quotes_of(extractor, "خاشقجي يدعو السعودية للرد على سفير إسرائيل", {"السعودية": ("ksa", "GPE")})
    assert [q.speaker for q in quotes] == []


def test_speaker_name_in_quotation_marks_is_not_speech(extractor):
    text = 'وقال "سالم بن خلفان القريني"، وهو أحد أقدم التجار: "المعروضات تمتاز بأنها صناعة منزلية".'
    _, quotes = quotes_of(extractor, text, {"سالم بن خلفان القريني": ("salim", "PER")})
    assert [(q.speaker, q.text) for q in quotes] == [("salim", "المعروضات تمتاز بأنها صناعة منزلية")]


# --- where a description ends ------------------------------------------------------------------------------------

UN = {"للأمم المتحدة": ("un", "ORG")}
REUTERS = {"رويترز": ("reuters", "ORG")}
KREMLIN = {"الكرملين": ("kremlin", "ORG")}


@pytest.mark.parametrize(
    ("text", "names", "description"),
    [
        ("وقال الرئيس المصري ردا على سؤال إن البلاد مستقرة.", {}, "الرئيس المصري"),
        ("ووصف الأمين العام للأمم المتحدة الأوضاع في اليمن بأنها كارثية.", UN, "الأمين العام للأمم المتحدة"),
        ("وقال مسؤول كوري جنوبي الجمعة، إن سول ستواصل جهودها.", {}, "مسؤول كوري جنوبي"),
        ("وقال رئيس الوزراء البريطاني أمس إن الحكومة ستتحرك.", {}, "رئيس الوزراء البريطاني"),
        ("وقال وزير الخارجية الأمريكي مجددا إن العقوبات باقية.", {}, "وزير الخارجية الأمريكي"),
        ("وقال مسؤول إيراني لرويترز إن الاجتماع مهم جدا.", REUTERS, "مسؤول إيراني"),
        ("وقالت محامية عنها إنها تعرضت للتعذيب.", {}, "محامية"),
        ("وأعرب الرئيس الفرنسي عن قلقه من تصاعد العنف.", {}, "الرئيس الفرنسي"),
        # kept whole: a genitive name, "باسم", a prepositional genitive right after the title, adjectives
        ("وقال المتحدث باسم الكرملين إن موسكو سترد.", KREMLIN, "المتحدث باسم الكرملين"),
        ("وأشار أول رئيس لكازاخستان إلى أن بلاده نمت.", {"لكازاخستان": ("kz", "GPE")}, "أول رئيس لكازاخستان"),
        ("وقال مسؤول إيراني كبير إن طهران تريد ضمانات.", {}, "مسؤول إيراني كبير"),
        ("وقال مسؤول عسكري ألماني كبير إن الجيش مستعد.", {}, "مسؤول عسكري ألماني كبير"),
        ("وقال المتحدث باسم منظمة الطاقة الذرية إن البرنامج سلمي.", {}, "المتحدث باسم منظمة الطاقة الذرية"),
    ],
    ids=["circumstantial", "object-after-name", "weekday", "time-adverb", "adverb", "addressee", "preposition-pronoun",
         "complement", "basm", "genitive-name", "adjectives", "hamza-is-no-article", "basm-indefinite-genitive"],
)
def test_description_ends_before_the_content(extractor, monkeypatch, text, names, description):
    sent: list[str] = []

    def resolve_description(doc: Document, start: int, end: int) -> None:
        sent.append(doc.text[start:end])

    monkeypatch.setattr(speakers, "resolve_description", resolve_description)
    quotes_of(extractor, text, names)
    assert sent == [description]


def test_named_subject_before_kana_qad_with_a_time_word_between(extractor):
    text = ("وقال بوتين إن موسكو سترد. وكان وزير الداخلية الفرنسي، جيرار كولومب، الجمعة، قد أعلن أنه سيزور "
            "المنطقة. وكان جيرار كولومب، قد حذر من أن الوضع خطير.")
    _, quotes = quotes_of(extractor, text, {**PUTIN, "جيرار كولومب": ("collomb", "PER")})
    assert [q.speaker for q in quotes] == ["putin", "collomb", "collomb"]


def test_comma_before_a_relative_pronoun_is_not_an_aside(extractor):
    text = "وأيد القادة الثلاثة محادثات السلام في أستانة عاصمة كازاخستان، التي يقولون إنها عملية موازية."
    doc, quotes = quotes_of(extractor, text, {"كازاخستان": ("kz", "GPE")})
    assert [doc.entity(q.speaker).name for q in quotes] == ["القادة الثلاثة"]


def test_relative_clause_between_the_subject_and_kana_qad(extractor):
    text = ("وقال بوتين إن موسكو سترد. وكان المستشار النمساوي زيباستيان كورتس، الذي يرأس ائتلافا يعارض انضمام تركيا "
            "للاتحاد الأوروبي، قد قال الشهر الماضي إنه سيمنع التجمعات.")
    names = {**PUTIN, "زيباستيان كورتس": ("kurz", "PER"), "الاتحاد الأوروبي": ("eu", "ORG")}
    _, quotes = quotes_of(extractor, text, names)
    assert [q.speaker for q in quotes] == ["putin", "kurz"]


def test_apposition_between_the_subject_and_kana_qad(extractor):
    text = "وكان العميد صقر الجروشي، قائد سلاح الجو الليبي، قد أعلن أن طائرة دمرت جرافة."
    _, quotes = quotes_of(extractor, text, {"صقر الجروشي": ("jaroushi", "PER")})
    assert [q.speaker for q in quotes] == ["jaroushi"]


def test_statement_of_an_organisation_before_the_verb(extractor):
    """"بيان" ends like a dual relational adjective ("-يان") but is a noun: its prepositional genitive stays."""
    text = "وزار المبعوث جوبا، وفق بيان للأمم المتحدة أشار إلى زيادة انتشار الجوع."
    _, quotes = quotes_of(extractor, text, UN)
    assert [(q.cue, q.speaker) for q in quotes if q.cue == "أشار"] == [("أشار", "un")]


@pytest.mark.parametrize(
    ("text", "names", "speaker"),
    [
        ("وكان محمد خاتمي، رجل الدين الذي كان رئيسا لإيران، قد أشار إلى أن الاتفاق ممكن.",
         {"محمد خاتمي": ("khatami", "PER"), "إيران": ("iran", "GPE")}, None),
        ("وأن مجلس الأمن، والذي كان قد فرض عقوبات على طهران، قد أقر بالإجماع رفع الحظر عن إيران.",
         {"مجلس الأمن": ("unsc", "ORG"), "طهران": ("iran", "GPE")}, "unsc"),
        ("وقال المتحدث الأمني بوزارة الداخلية إن الحادث قيد التحقيق.", {"وزارة الداخلية": ("moi", "ORG")}, "moi"),
    ],
    ids=["prepositional-name-is-no-subject", "relative-with-conjunction", "affiliation-is-no-addressee"],
)
def test_speaker_before_or_in_a_description(extractor, text, names, speaker):
    _, quotes = quotes_of(extractor, text, names)
    assert [q.speaker for q in quotes][:1] == ([speaker] if speaker else [])


def test_titles_tagged_as_a_person_are_a_description(extractor):
    """The entity layer may take "سماحة مفتي" for a name: the name after the titles is the speaker."""
    text = "وأكد سماحة مفتي عام المملكة الشيخ عبدالعزيز آل الشيخ أن العلماء مسؤولون عن الشباب."
    names = {"سماحة مفتي": ("titles", "PER"), "عبدالعزيز آل الشيخ": ("mufti", "PER")}
    _, quotes = quotes_of(extractor, text, names)
    assert [q.speaker for q in quotes] == ["mufti"]


# --- where indirect content starts --------------------------------------------------------------------------------

LEADERS = {"رجب طيب أردوغان": ("erdogan", "PER"), "فلاديمير بوتين": ("putin", "PER"), "حسن روحاني": ("rouhani", "PER"),
           "أنقرة": ("ankara", "GPE")}


def test_a_long_list_of_named_speakers_does_not_hide_the_complementiser(extractor):
    text = ("أكد الرئيس التركي رجب طيب أردوغان والروسي فلاديمير بوتين والإيراني حسن روحاني الأربعاء، بعد قمة ثلاثية "
            "جمعتهم في أنقرة، أنهم عازمون على تسريع الجهود.")
    _, [quote] = quotes_of(extractor, text, LEADERS)
    assert quote.speaker == "erdogan" and quote.text.startswith("أنهم عازمون")


def test_the_verbs_complement_opens_the_content_after_adverbials(extractor):
    _, [quote] = quotes_of(extractor, "حذر بوتين، الثلاثاء، في تغريدة من الانسحاب من الاتفاق النووي.", PUTIN)
    assert quote.text == "من الانسحاب من الاتفاق النووي"
    _, [quote] = quotes_of(extractor, "تعهد بوتين اليوم في قمة احتضنتها أنقرة، بتعزيز التعاون الاقتصادي.", PUTIN | LEADERS)
    assert quote.text == "بتعزيز التعاون الاقتصادي"


def test_a_preposition_after_a_noun_with_a_pronoun_belongs_to_that_noun(extractor):
    _, [quote] = quotes_of(extractor, "أكد بوتين خلال اللقاء تمنيه على المجلس تفعيل عمله.", PUTIN)
    assert quote.text.startswith("خلال اللقاء تمنيه على المجلس")


def test_a_name_beginning_like_a_complementiser_does_not_open_the_content(extractor):
    text = ("قال الرئيس الفرنسي، إيمانويل ماكرون، الجمعة، على هامش منتدى سان بطرسبورغ الاقتصادي إن العقوبات "
            "لن ترفع إلا إذا تحقق تقدم.")
    _, quotes = quotes_of(extractor, text, {"إيمانويل ماكرون": ("macron", "PER")})
    assert [(q.speaker, q.text[:10]) for q in quotes] == [("macron", "إن العقوبا")]


def test_a_definite_organisation_head_alone_is_the_organisation_named_before(extractor, monkeypatch):
    install_linker_stub(monkeypatch, {"الوزارة": "mfa"})
    text = "أعلنت وزارة الخارجية الروسية أن الوزير سيزور القاهرة. وقالت الوزارة في بيان إن الزيارة تستمر يومين."
    _, quotes = quotes_of(extractor, text, {"وزارة الخارجية الروسية": ("mfa", "ORG")})
    assert [q.speaker for q in quotes] == ["mfa", "mfa"]


def test_the_organisation_head_may_have_been_the_kind_before_its_name(extractor):
    text = ('قالت مجلة "لوبوان" الفرنسية إنها تتعرض لحملة مضايقات. وقالت المجلة في مقالة على موقعها '
            '"بعد أسبوع من المضايقات والشتائم والترهيب نواجه حملة منظمة".')
    _, quotes = quotes_of(extractor, text, {"لوبوان": ("lepoint", "ORG")})
    assert [(q.speaker, q.kind) for q in quotes] == [("lepoint", "indirect"), ("lepoint", "direct")]


def test_the_statement_speaks_for_the_author_reported_before(extractor):
    text = ('قالت قيادة العمليات المشتركة في بيان إن القوات دخلت الجامعة. وقال البيان الذي بثه التلفزيون '
            '"نزف لكم بشرى دخول جهاز مكافحة الإرهاب إلى الجامعة".')
    _, quotes = quotes_of(extractor, text, {"قيادة العمليات المشتركة": ("command", "ORG")})
    assert [q.speaker for q in quotes] == ["command", "command"]


def test_a_cue_with_its_own_content_does_not_take_the_quotation_before_it(extractor):
    text = ('وأبلغ بوتين البرلمان "لن يكون هناك أي تراجع." "هذه السياسة كانت وستبقى مستمرة في كل الأحوال." '
            'وقال بوتين إن حكومته ستركز على الإصلاحات في الأيام المقبلة.')
    _, quotes = quotes_of(extractor, text, PUTIN)
    said = [q for q in quotes if q.cue == "قال"]
    assert [(q.kind, q.text) for q in said] == [("indirect", "إن حكومته ستركز على الإصلاحات في الأيام المقبلة")]


def test_bayyana_reports_with_a_complement_only(extractor):
    """"وبيّن فلان أن ..." and "مبيناً أن" report; "بين عامي ..." (between) and "وتبين أن" (it turned out) do not."""
    text = ('وبين بوتين في كلمته أن الاجتماع تطرق إلى الترتيبات، مبينًا أن العمل مستمر. '
            'وبين عامي 2009 و2018 زار بوتين أربع دول. وتبين أن الرجل كان مسلحا.')
    _, quotes = quotes_of(extractor, text, PUTIN)
    assert [(q.cue, q.speaker, q.text) for q in quotes] == [
        ("بين", "putin", "أن الاجتماع تطرق إلى الترتيبات"), ("مبينًا", "putin", "أن العمل مستمر")]


def test_a_participle_in_a_recap_sentence_continues_the_previous_speaker(extractor):
    """"جاء ذلك في خطبة ... في جامع الإمام تركي بن عبد الله، مبيناً أن": the mosque's namesake is the setting."""
    text = ("وقال بوتين إن الوضع مستقر. جاء ذلك في خطبة ألقاها أمس في جامع الإمام تركي بن عبد الله، مبينا فيها أن "
            "الأزمة انتهت.")
    _, quotes = quotes_of(extractor, text, {**PUTIN, "تركي بن عبد الله": ("turki", "PER")})
    assert [q.speaker for q in quotes] == ["putin", "putin"]


def test_a_name_opening_the_window_is_the_subject_before_a_later_person(extractor):
    """Verb–subject order: the person later in the window is in the object ("بين رئيس جنوب السودان سلفاكير")."""
    text = "أعلن السودان، مساء الخميس، انعقاد مباحثات بين رئيس جنوب السودان سلفاكير ميرديت وزعيم المعارضة."
    names = {"السودان": ("sudan", "GPE"), "جنوب السودان": ("ssd", "GPE"), "سلفاكير ميرديت": ("kiir", "PER")}
    _, quotes = quotes_of(extractor, text, names)
    assert [q.speaker for q in quotes] == ["sudan"]


def test_a_quoted_name_before_qad_is_an_unknown_subject(extractor):
    """'وكانت «مجموعة العمل ...» قد أعلنت' has a subject, just no entity for it: not the previous speaker."""
    text = "وقالت ماريا زاخاروفا إن الوضع مستقر. وكانت «مجموعة العمل من أجل لاجئي سوريا» قد أعلنت أن الإصابات ارتفعت."
    _, quotes = quotes_of(extractor, text, {**ZAKHAROVA, "سوريا": ("syria", "GPE")})
    assert [q.speaker for q in quotes] == ["zakharova"]


def test_an_ambiguous_cue_with_nobody_speaking_is_no_cue(extractor):
    """"وبين تقرير أصدرته المنظمة "..."" is "between", though a quotation follows."""
    text = 'وتأتي هذه التصريحات وسط فترة الانتخابات وبين تقرير أصدرته المنظمة "سلسلة من الاعتقالات التعسفية".'
    _, quotes = quotes_of(extractor, text, {})
    assert quotes == []


def test_content_after_the_subject_skips_its_adjectives_and_the_date(extractor):
    text = 'أعلنت شركة "إتش إم دي" الفنلندية، يوم الأحد، عزمها طرح نسخة جديدة من الهاتف.'
    _, quotes = quotes_of(extractor, text, {"إتش إم دي": ("hmd", "ORG")})
    assert [(q.speaker, q.text) for q in quotes] == [("hmd", "عزمها طرح نسخة جديدة من الهاتف")]


def test_a_participle_hangs_on_the_main_verb_not_on_a_relative_clause(extractor):
    text = ('كشف موقع "بيلينجكات" الإلكتروني عن هوية الروسي الثاني، الذي تتهمه بريطانيا بتسميم العميل السابق، '
            'مشيرا إلى أنه طبيب عسكري.')
    _, quotes = quotes_of(extractor, text, {"بيلينجكات": ("bellingcat", "ORG"), "بريطانيا": ("uk", "GPE")})
    assert [(q.cue, q.speaker) for q in quotes][-1] == ("مشيرا", "bellingcat")


def test_a_quoted_name_after_the_kind_and_place_speaks_not_the_place(extractor):
    text = 'وأعربت صحيفة ميونيخ "سودوتشه تسيتونغ" عن أسفها للخسارة، وكتبت: "قدم الفريق الرديف مستوى من الدرجة الثالثة".'
    names = {"ميونيخ": ("munich", "GPE"), "سودوتشه تسيتونغ": ("sz", "ORG")}
    _, quotes = quotes_of(extractor, text, names)
    assert [q.speaker for q in quotes] == ["sz", "sz"]


def test_a_quoted_organisation_name_no_entity_covers_is_an_unnamed_speaker(extractor):
    doc, quotes = quotes_of(extractor, 'وقالت صحيفة "دي فيلت برلين" إن المنتخب فقد السيطرة على المباراة.', {})
    assert [doc.entity(q.speaker).name for q in quotes] == ['صحيفة "دي فيلت برلين"']


def test_a_name_starting_with_in_is_not_a_complementiser(extractor):
    text = 'وكتب موقع قناة "إن تي في": "ساهم المدرب بشكل كبير في فوز البرازيليين على الفريق".'
    _, quotes = quotes_of(extractor, text, {"إن تي في": ("ntv", "ORG")})
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [
        ("ntv", "direct", "ساهم المدرب بشكل كبير في فوز البرازيليين على الفريق")]


def test_refined_is_not_a_participle_of_repeating(extractor):
    text = "وقالت ماريا زاخاروفا إن الوزراء سيوقعون على قرار نقل الاحتياطيات التي تشمل منتجات مكررة خلال العام."
    _, quotes = quotes_of(extractor, text, ZAKHAROVA)
    assert [q.cue for q in quotes] == ["قالت"]


def test_description_matching_a_title_in_apposition_after_a_name(extractor):
    """"هاني تهامي، مدير أعمال الفنان" makes a later "مدير أعماله" Tuhami."""
    text = ("وأكد هاني تهامي، مدير أعمال الفنان المصري، أن صحته تحسنت. "
            "وأوضح مدير أعماله أن صوت الفنان لم ينقطع. وأوضح أن هناك بحة في صوته.")
    _, quotes = quotes_of(extractor, text, {"هاني تهامي": ("tuhami", "PER")})
    assert [q.speaker for q in quotes] == ["tuhami", "tuhami", "tuhami"]


def test_a_coordinated_title_after_a_name_is_another_person(extractor):
    text = ('وكان في انتظاره وليام كوهين، ورئيس هيئة الأركان المشتركة. '
            'ثم قاطعه رئيس هيئة الأركان المشتركة وقال: "هل لديك أي فكرة لماذا أنت هنا اليوم؟"')
    _, quotes = quotes_of(extractor, text, {"وليام كوهين": ("cohen", "PER")})
    assert "cohen" not in [q.speaker for q in quotes]


def test_scripture_cited_is_not_a_statement(extractor):
    text = ('وأكد بوتين أن هذه الفئة ضالة، قال الله تعالى: ومن أظلم ممن منع مساجد الله أن يذكر فيها اسمه. '
            'وقال - صلى الله عليه وسلم - : «يخرج فيكم قوم تحقرون صلاتكم مع صلاتهم». وقال: «نحن جميعا مع القيادة».')
    _, quotes = quotes_of(extractor, text, PUTIN)
    assert [q.text for q in quotes] == ["أن هذه الفئة ضالة", "نحن جميعا مع القيادة"]


def test_content_without_complementiser_starts_after_a_description(extractor, monkeypatch):
    install_linker_stub(monkeypatch, {"الرئيس المصري": "sisi"})
    text = "وأكد الرئيس المصري أهمية زيارة ولي العهد لمصر."
    _, quotes = quotes_of(extractor, text, {"عبد الفتاح السيسي": ("sisi", "PER")})
    assert [(q.speaker, q.text) for q in quotes] == [("sisi", "أهمية زيارة ولي العهد لمصر")]


def test_a_second_speech_verb_shares_the_first_verbs_subject(extractor):
    text = 'وقال بوتين إن الوضع جيد. وأضاف يقول "بالتغافل يلقم المرء خصمه حجرا ويزيده وجعا".'
    _, quotes = quotes_of(extractor, text, PUTIN)
    assert [(q.speaker, q.kind) for q in quotes] == [("putin", "indirect"), ("putin", "direct")]


def test_an_imperfect_cue_after_an_is_a_subjunctive_not_a_statement(extractor):
    text = "ومن المقرر أن يكشف بوتين عن إصلاحات في الحكومة. وسبق أن نفى بوتين تلك المزاعم بوصفها عبثية."
    _, quotes = quotes_of(extractor, text, PUTIN)
    assert [q.cue for q in quotes] == ["نفى"]


def test_an_organisation_head_alone_is_the_organisation_with_that_head_in_its_name(extractor):
    text = "قال المرصد السوري لحقوق الإنسان إن الطائرات نفذت غارات. وقال المرصد في تقريره إن المقاتلات استهدفت البلدة."
    _, quotes = quotes_of(extractor, text, {"المرصد السوري لحقوق الإنسان": ("sohr", "ORG")})
    assert [q.speaker for q in quotes] == ["sohr", "sohr"]


def test_what_a_document_says_is_its_authors_statement(extractor):
    text = ('وقالت ماريا زاخاروفا إن الوضع خطير. وجاء في بيان لوزارة الخارجية أن هناك رغبة في التشاور مع الحلفاء. '
            'وجاء في البيان: "ندعو جميع الأطراف إلى ضبط النفس والعودة إلى الحوار". وجاء في المرتبة الثانية فريق الهلال.')
    _, quotes = quotes_of(extractor, text, {**ZAKHAROVA, "وزارة الخارجية": ("mfa", "ORG")})
    assert [(q.speaker, q.cue, q.kind) for q in quotes] == [
        ("zakharova", "قالت", "indirect"), ("mfa", "جاء", "indirect"), ("mfa", "جاء", "direct")]


def test_a_quantified_unnamed_group_speaks(extractor):
    doc, quotes = quotes_of(extractor, "وقال عدد من المسؤولين إن الاتفاق قريب. ويرى بعض المحللين أن الأزمة ستطول.", {})
    assert [doc.entity(q.speaker).name for q in quotes] == ["عدد من المسؤولين", "بعض المحللين"]


def test_a_quotation_after_a_long_apposition_is_the_content(extractor):
    text = ("وقالت ماريا زاخاروفا وهي أستاذة مساعدة في الطب بمركز فاندربيلت لعلم الأوبئة ومركز فاندربيلت انجرام "
            "للسرطان في مدينة ناشفيل الأمريكية خلال مقابلة «النتيجة الرئيسية هي أن التمرينات مرتبطة بتراجع خطر الوفاة».")
    _, quotes = quotes_of(extractor, text, ZAKHAROVA)
    assert [(q.kind, q.text) for q in quotes] == [("direct", "النتيجة الرئيسية هي أن التمرينات مرتبطة بتراجع خطر الوفاة")]


def test_an_addressee_after_the_verb_is_not_an_unknown_subject(extractor):
    text = "وقال بوتين إن الوضع جيد. وأضاف للصحفيين في الكرملين إن المحادثات ستستمر."
    _, quotes = quotes_of(extractor, text, PUTIN)
    assert [q.speaker for q in quotes] == ["putin", "putin"]


def test_a_negated_reporting_verb_reports_no_statement(extractor):
    text = "ولم يكشف بوتين عن تفاصيل الاتفاق مع الشركاء. ولم تعلن ماريا زاخاروفا عن موعد الزيارة المقبلة."
    _, quotes = quotes_of(extractor, text, {**PUTIN, **ZAKHAROVA})
    assert quotes == []


def test_ala_an_is_a_condition_not_the_verbs_content(extractor):
    text = "وأقر المجلس الوطني عددا من العقوبات الجديدة على أن تبدأ الشهر المقبل."
    _, quotes = quotes_of(extractor, text, {"المجلس الوطني": ("council", "ORG")})
    assert quotes == []


def test_the_subject_before_a_relative_clause_aside_speaks(extractor):
    text = ("وكتبت صحيفة لوموند إن رجل الأعمال فلاديمير بوتين، الذي لعب دور الوسيط بين الطرفين، أقر بأنه نقل الأموال "
            "بنفسه، مضيفا أنه سلمها للوزير.")
    _, quotes = quotes_of(extractor, text, {**PUTIN, "لوموند": ("lemonde", "ORG")})
    assert [(q.cue, q.speaker) for q in quotes] == [("كتبت", "lemonde"), ("أقر", "putin"), ("مضيفا", "putin")]


def test_a_described_name_right_before_the_verb_is_its_subject(extractor):
    text = ("وأشارت صحيفة لوموند إلى أن مدير المخابرات العسكرية الليبية السابق عبد الله السنوسي أكد صحة ما قاله "
            "فلاديمير بوتين خلال التحقيق.")
    _, quotes = quotes_of(extractor, text, {**PUTIN, "لوموند": ("lemonde", "ORG"),
                                            "عبد الله السنوسي": ("senussi", "PER")})
    assert [(q.cue, q.speaker) for q in quotes] == [("أشارت", "lemonde"), ("أكد", "senussi")]


def test_a_cue_inside_reported_content_with_no_subject_is_not_the_reporters(extractor):
    text = ("وتضيف صحيفة لوموند أن بعض الدفاتر التي استرجعها القضاء بعد مقتل الوزير السابق فلاديمير بوتين كشفت عن "
            "وجود إيداعات مالية.")
    _, quotes = quotes_of(extractor, text, {**PUTIN, "لوموند": ("lemonde", "ORG")})
    assert [(q.cue, q.speaker) for q in quotes] == [("تضيف", "lemonde")]



def test_a_definite_organisation_head_opening_the_window_is_the_subject_not_a_later_name(extractor):
    text = ('وذكرت صحيفة "ماركا" أن النادي يبحث عن مهاجم. كما وصفت الصحيفة اللاعب فلاديمير بوتين بـ"أفضل بديل '
            'للمهاجم"، موضحة أن اللاعب خاض 53 مباراة.')
    _, quotes = quotes_of(extractor, text, {**PUTIN, "ماركا": ("marca", "ORG")})
    assert [(q.cue, q.speaker) for q in quotes] == [("ذكرت", "marca"), ("وصفت", "marca"), ("موضحة", "marca")]


def test_a_name_after_a_preposition_before_qad_is_not_the_subject(extractor):
    text = "وكان مسؤول رفيع في إحدى الشركات في روسيا، قد أبلغ الصحيفة أن المستثمرين يدرسون السوق."
    doc, quotes = quotes_of(extractor, text, {"روسيا": ("russia", "GPE")})
    assert [doc.entity(q.speaker).name for q in quotes] == ["مسؤول رفيع"]


def test_a_recap_of_an_interview_names_the_speaker_of_its_quotation(extractor):
    text = ('انتقد بوتين رد الفعل الإسرائيلي. جاء ذلك في مقابلة لبوتين مع CNN حيث قال: "أعتقد أن هناك عشرات الآلاف '
            'من المحتجين السلميين". وتابع قائلا: "يتوجب على المجتمع الدولي أن يتدخل".')
    _, quotes = quotes_of(extractor, text, PUTIN)
    assert [(q.cue, q.speaker) for q in quotes][-2:] == [("قال", "putin"), ("قائلا", "putin")]


def test_the_statement_a_recap_names_speaks_for_its_author(extractor):
    text = ("وأعلنت الحكومة حالة الطوارئ في البلاد. جاء ذلك في بيان صادر عن وزارة الداخلية اليوم. "
            "وقال البيان إن الإجراءات ستستمر أسبوعين.")
    _, quotes = quotes_of(extractor, text, {"وزارة الداخلية": ("moi", "ORG")})
    assert [(q.cue, q.speaker) for q in quotes][-1] == ("قال", "moi")


def test_a_relayed_attribution_is_the_sources_not_the_agencys(extractor):
    text = ("وقتل ثلاثة جنود في القصف، وفق ما نقلت وكالة الأنباء السورية الرسمية (سانا) عن مصدر عسكري. "
            "واستهدف القصف مطارا عسكريا، بحسب ما نقلت سانا عن فلاديمير بوتين.")
    doc, quotes = quotes_of(extractor, text, {**PUTIN, "سانا": ("sana", "ORG")})
    assert [doc.entity(q.speaker).name for q in quotes] == ["مصدر عسكري", "فلاديمير بوتين"]


def test_an_anaphoric_description_is_the_person_it_described_before(extractor):
    text = ('وقاد القس فلاديمير بوتين صلوات الافتتاح. وقال هذا القس خلال محاضرة له "إن الله يرسل الناس إلى الجحيم". '
            'وفاز فريقه بقيادة الألماني ماريا زاخاروفا على بازل. وقال اللاعب الألماني: "لا يزال أمامنا الكثير من '
            'المباريات". وقال المدرب الإسباني: "سنفوز باللقب".')
    _, quotes = quotes_of(extractor, text, {**PUTIN, **ZAKHAROVA})
    assert [q.speaker for q in quotes] == ["putin", "zakharova", None]


def test_an_attribution_set_off_by_commas_does_not_end_the_window(extractor):
    text = 'وقال بوتين، وفقاً لما نقلته عنه وكالة "سبوتنيك"، الإثنين: "نحن مستعدون للحوار مع جميع الشركاء في أوروبا".'
    _, quotes = quotes_of(extractor, text, PUTIN)
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [
        ("putin", "direct", "نحن مستعدون للحوار مع جميع الشركاء في أوروبا")]


def test_a_place_name_that_spells_a_verb_is_no_cue(extractor):
    text = 'وقال بوتين، حاكم منطقة تشيانغ راي، في مؤتمر صحفي: "نسابق الزمن قبل أن نجدهم". وأضاف أن الفرق تعمل ليلا ونهارا.'
    _, quotes = quotes_of(extractor, text, {**PUTIN, "تشيانغ راي": ("chiang-rai", "GPE")})
    assert [(q.cue, q.speaker) for q in quotes] == [("قال", "putin"), ("أضاف", "putin")]


def test_tahadatha_without_its_complement_is_not_speech(extractor):
    text = ("وقالت ماريا زاخاروفا إن القلق يساور العلماء مع اقتراب ظهور ظاهرة النينيو المناخية التي تتسم بدفء سطح "
            "المياه في المحيط الهادي وتحدث كل ما يتراوح بين أربعة و12 عامًا ما قد يسبب موجات جفاف. "
            "وتحدث بوتين عن خطة جديدة للتعاون مع الشركاء.")
    _, quotes = quotes_of(extractor, text, {**PUTIN, **ZAKHAROVA})
    assert [(q.cue, q.speaker) for q in quotes] == [("قالت", "zakharova"), ("تحدث", "putin")]


def test_a_report_speaks_for_its_author(extractor):
    text = ('وقال تقرير نشرته صحيفة نيويورك تايمز إن الاتفاق قدم إلى المسؤولين. '
            'وأفاد تقرير جديد للأمم المتحدة بأن القوات قتلت مدنيين. وأشار التقرير إلى أن الهجمات قد ترقى إلى جرائم حرب.')
    _, quotes = quotes_of(extractor, text, {"نيويورك تايمز": ("nyt", "ORG"), "الأمم المتحدة": ("un", "ORG"),
                                            "لأمم المتحدة": ("un", "ORG")})
    assert [q.speaker for q in quotes] == ["nyt", "un", "un"]


def test_a_voweled_passive_names_the_accused_not_a_speaker(extractor):
    text = "اتُهم فلاديمير بوتين بثلاث تهم تتعلق بفضيحة فساد بملايين الدولارات. واتَهم بوتين خصومه بالكذب على الناخبين."
    _, quotes = quotes_of(extractor, text, PUTIN)
    assert [(q.cue, q.speaker) for q in quotes] == [("اتَهم", "putin")]


def test_a_fronted_topic_is_not_the_subject_of_the_verb_after_it(extractor):
    text = ('وقال فلاديمير بوتين إن المنتخب يحتاج إلى الثقة قبل البطولة. وحول مستوى ماريا زاخاروفا المتذبذب، أضاف: '
            '"إنه موقف معقد بعض الشيء ويحتاج إلى وقت".')
    _, quotes = quotes_of(extractor, text, {**PUTIN, **ZAKHAROVA})
    assert [(q.cue, q.speaker) for q in quotes] == [("قال", "putin"), ("أضاف", "putin")]


def test_a_person_deep_in_the_object_of_an_unknown_subject_is_not_the_speaker(extractor):
    text = ("نفى قطاع السجون وجود أي شبهة جنائية وراء وفاة فلاديمير بوتين بمحبسه داخل السجن. "
            "وقال القائم بأعمال وزير الدفاع اليمني، الفريق ماريا زاخاروفا، إن القوات تقدمت نحو المدينة. "
            "وقال السياسي الذي ينتمي لحزب البديل من أجل ألمانيا فلاديمير بوتين، إن أصحاب العمل يجب أن يمنحوا إجازات.")
    _, quotes = quotes_of(extractor, text, {**PUTIN, **ZAKHAROVA})
    assert [(q.cue, q.speaker) for q in quotes] == [("قال", "zakharova"), ("قال", "putin")]


def test_a_description_that_spoke_before_keeps_its_speaker(extractor, monkeypatch):
    install_linker_stub(monkeypatch, {"المتحدثة باسم فيسبوك": "facebook"})
    text = ('وقالت المتحدثة باسم فيسبوك في تصريحات نقلتها صحيفة "غارديان" البريطانية، إن التجربة ستعمم على الجميع. '
            'وتابعت المتحدثة: "فيسبوك مكان للتعبير الحر، لكننا ندرك ضرورة وجود طريقة أخرى".')
    _, quotes = quotes_of(extractor, text, {"فيسبوك": ("facebook", "ORG"), "غارديان": ("guardian", "ORG")})
    assert [(q.cue, q.speaker) for q in quotes] == [("قالت", "facebook"), ("تابعت", "facebook")]


def test_a_report_annexed_to_a_noun_is_not_authored_by_a_later_genitive(extractor):
    text = ('وذكر بوتين لدى إعلان تقرير المراجعة الثالثة للبرنامج الاقتصادي لمصر، أن الإصلاحات مستمرة. '
            'ولفت التقرير إلى موافقة مجلس الوزراء على آلية تسعير الوقود تلقائيا.')
    _, quotes = quotes_of(extractor, text, {**PUTIN, "مصر": ("egypt", "GPE")})
    assert "egypt" not in [q.speaker for q in quotes]


def test_forecasts_and_hints_with_their_complement_are_statements(extractor):
    text = ("وتوقع فلاديمير بوتين أن تصل إيرادات الحكومة إلى عشرة مليارات. وأردف بوتين أن القانون سيقر قريبا. "
            "ومن المتوقع أن يرتفع الإنتاج في العام المقبل.")
    _, quotes = quotes_of(extractor, text, PUTIN)
    assert [(q.cue, q.speaker) for q in quotes] == [("توقع", "putin"), ("أردف", "putin")]


def test_a_name_right_before_the_accusation_is_the_accused(extractor):
    text = ("واتهم فلاديمير بوتين بتلقي 42 مليون دولار من صندوق الاستثمار الحكومي. "
            "واتهمت ماريا زاخاروفا بوتين بالكذب على الناخبين طوال الحملة.")
    _, quotes = quotes_of(extractor, text, {**PUTIN, **ZAKHAROVA})
    assert [(q.cue, q.speaker) for q in quotes] == [("اتهمت", "zakharova")]


def test_a_participle_noun_in_a_coordination_is_no_cue(extractor):
    text = ('وقالت ماريا زاخاروفا إن الأعراض قد تجعل الأم أقل اهتماما بالنصائح الأمنية ومتابعة الطفل بالإضافة إلى '
            'أن استجابتها تكون أقل، معربة عن قلقها من الأمر، وداعية بالشفاء العاجل للمصابين.')
    _, quotes = quotes_of(extractor, text, ZAKHAROVA)
    assert [q.cue for q in quotes] == ["قالت", "معربة", "داعية"]


def test_a_quoted_organisation_goes_on_with_the_description(extractor):
    text = ('بدأت شركة "فيسبوك" اختبار خاصية جديدة للتعليقات. وقالت متحدثة باسم "فيسبوك" إن التجربة لا تزال في '
            'مراحلها الأولى. وكان الرجلان قد دخلا منطقة عسكرية محظورة عن غير قصد، حسب قولهما.')
    _, quotes = quotes_of(extractor, text, {"فيسبوك": ("facebook", "ORG")})
    assert [(q.cue, q.speaker) for q in quotes] == [("قالت", "facebook")]
