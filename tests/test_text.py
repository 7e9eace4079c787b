from khabar.document import Document
from khabar.text import TextAnalyzer
from khabar.text.segment import paragraphs, sentences
from khabar.text.tokenize import stem_candidates, tokenize


def _stems(word):
    return {c.norm for c in stem_candidates(word, 0)}


def test_proclitics_reach_the_name():
    assert "بيلاروسيا" in _stems("وبيلاروسيا")
    assert "روسيا" in _stems("لروسيا")
    assert "اوزبكستان" in _stems("بأوزبكستان")
    assert "الحكومه" in _stems("للحكومة")  # ل + ال with the alef elided


def test_enclitic_pronoun_and_taa_marbuta():
    assert "بلاد" in _stems("بلاده")
    assert "الحكوم" not in _stems("الحكومة")  # ة is no pronoun


def test_stem_offsets_point_into_the_original():
    text = "قال إن وبيلاروسيا"
    for cand in stem_candidates("وبيلاروسيا", text.index("وبيلاروسيا")):
        if cand.norm == "بيلاروسيا":
            assert text[cand.start : cand.end] == "بيلاروسيا"


def test_default_analysis_strips_only_certain_clitics():
    by_text = {t.text: t for t in tokenize("والرئيس بوتين وقال بالعاصمة")}
    assert by_text["والرئيس"].norm == "الرييس" and by_text["والرئيس"].proclitics == "و"
    assert by_text["بوتين"].norm == "بوتين"  # ب is part of the name
    assert by_text["بالعاصمة"].stem_start == by_text["بالعاصمة"].start + 1


def test_tokens_cover_numbers_and_latin():
    assert [t.text for t in tokenize("في 19.5 بالمئة BBC")] == ["في", "19.5", "بالمئة", "BBC"]


def test_sentences_keep_quotations_whole():
    text = 'وقال الوزير: "هذا أمر مهم. ونحن مستعدون". وأضاف أن الحوار مستمر.\nفقرة ثانية.'
    paras = paragraphs(text)
    assert len(paras) == 2
    sents = [text[s.start : s.end] for s in sentences(text, paras)]
    assert sents == ['وقال الوزير: "هذا أمر مهم. ونحن مستعدون".', "وأضاف أن الحوار مستمر.", "فقرة ثانية."]


def test_guillemets_and_decimals_do_not_split():
    text = "قال «نحن هنا. وسنبقى» ثم غادر. النمو 3.5 بالمئة."
    sents = [text[s.start : s.end] for s in sentences(text, paragraphs(text))]
    assert sents == ["قال «نحن هنا. وسنبقى» ثم غادر.", "النمو 3.5 بالمئة."]


def test_analyzer_assigns_tokens_to_sentences():
    doc = Document("d", "جملة أولى. جملة ثانية هنا.")
    TextAnalyzer()(doc)
    assert [s.token_end - s.token_start for s in doc.sentences] == [3, 4]
    assert {t.sentence for t in doc.sentence_tokens(doc.sentences[1])} == {1}
