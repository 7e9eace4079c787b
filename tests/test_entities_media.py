"""Media names after their cue nouns (khabar.entities.media)."""

from khabar.document import Document, EntitySpan
from khabar.entities.media import MediaNames
from khabar.kb import load_kb
from khabar.text import TextAnalyzer

ANALYZER = TextAnalyzer()
MEDIA = MediaNames(load_kb())


def _names(text: str, tagged: list[tuple[str, str]] = ()) -> list[str]:
    doc = Document(id="t", text=text)
    ANALYZER(doc)
    spans = []
    for word, type_ in tagged:
        start = text.index(word)
        spans.append(EntitySpan(start, start + len(word), type_, "ner"))
    found = MEDIA(doc, spans)
    assert all(s.type == "ORG" for s in found)
    return [text[s.start : s.end] for s in found]


def test_quoted_names_after_a_cue_with_clitics_and_a_list():
    assert _names('قال في تصريح لقناتي "العربية" و"الحدث" أن القوات تقدمت') == [
        "العربية",
        "الحدث",
    ]
    assert _names("ونقلت صحيفة «الوطن» السورية عن مصادر") == ["الوطن"]


def test_one_definite_word_only_after_the_cues_that_allow_it():
    assert _names("وقال لقناة العربية إن الهجوم فشل") == ["العربية"]
    assert _names("وذكرت وكالة الأنباء الرسمية أن الهجوم فشل") == []
    assert _names("وأعلنت صحيفة الرسمية") == []  # a word that follows cues without being a name


def test_a_tagged_name_after_a_cue_loses_the_cue_and_takes_the_foreign_words_after_it():
    text = "وأعلنت محطة إيكو موسكفي الإذاعية الأربعاء أنها ستتوقف"
    assert _names(text, [("محطة إيكو", "PER")]) == ["إيكو موسكفي"]
    assert _names(text) == []  # foreign-looking words alone are not enough: "صحيفة ذكرت"


def test_a_medium_the_kb_knows_after_a_verb_of_reporting():
    assert _names("وذكرت العربية أن الهجوم فشل") == ["العربية"]
    assert _names("وذكرت الجهات الرسمية أن الهجوم فشل") == []


def test_no_name_without_letters_or_a_place_the_tagger_found():
    assert _names('في حديث لموقع "24" الإماراتي') == []
    assert _names("بانفجار محدود في محطة بارسونز غرين بلندن", [("بارسونز غرين", "LOC")]) == []
