"""Tagger spans to entity spans: where a name starts inside a word that may carry a proclitic."""

import pytest

from khabar.document import Document
from khabar.entities.tagged import TaggedNames
from khabar.text import TextAnalyzer


class TagAs:
    """A stand-in tagger: B-PERS on the given word, I-PERS on the next one."""

    def __init__(self, first_word: str):
        self.first_word = first_word

    def tag(self, sentences):
        out = []
        for words in sentences:
            tags = ["O"] * len(words)
            if self.first_word in words:
                i = words.index(self.first_word)
                tags[i], tags[i + 1] = "B-PERS", "I-PERS"
            out.append(tags)
        return out


COUNTS = {"فادي": ("Fadi", 65), "ادي": ("Eddie", 7), "فالح": ("Faleh", 31), "بوتين": ("Putin", 40)}


def span_text(text: str, first_word: str, known=frozenset({"بوتين", "ادي"})) -> str:
    doc = Document(id="t", text=text)
    TextAnalyzer()(doc)
    [span] = TaggedNames(TagAs(first_word), set(known), frozenset(), COUNTS)(doc)
    return text[span.start:span.end]


@pytest.mark.parametrize("text, first_word, expected", [
    ("وقال فادي حداد إن الوضع صعب.", "فادي", "فادي حداد"),          # ف + ادي (Eddie) is rarer than فادي
    ("وقال فالح العيساوي إن القوات تقدمت.", "فالح", "فالح العيساوي"),  # not ف + ال + ح
    ("وقال الرئيس وبوتين حاضر.", "وبوتين", "بوتين حاضر"),            # a real conjunction stays outside
])
def test_a_name_keeps_a_first_letter_that_looks_like_a_clitic_when_the_whole_word_is_the_commoner_name(
        text, first_word, expected):
    assert span_text(text, first_word) == expected


def tagged(text: str, first_word: str) -> list[tuple[str, str]]:
    doc = Document(id="t", text=text)
    TextAnalyzer()(doc)
    return [(text[s.start:s.end], s.type) for s in TaggedNames(TagAs(first_word), set(), frozenset(), COUNTS)(doc)]


def test_a_particle_the_tagger_runs_into_a_name_is_left_out():
    assert tagged("وبحسب المصادر فإن أردوغان يريد ذلك", "فإن") == [("أردوغان", "PER")]


def test_an_honorific_or_a_greeting_is_no_name():
    assert tagged("بقيادة خادم الحرمين الشريفين الملك سلمان", "خادم") == []
    assert tagged("بعد لقائه بخادم الحرمين الملك سلمان", "بخادم") == []
    assert tagged("مرددة عبارات الترحيب أهلا بك هنا", "أهلا") == []


def test_a_name_after_a_town_noun_is_a_place():
    assert tagged("نقل عفش شقته بمدينة باولينج جرين بسبب انتقاله", "باولينج") == [("باولينج جرين", "GPE")]
    assert tagged("وقال في تصريحات في مدينة فان بعد يوم", "فان") == [("فان بعد", "GPE")]  # Van, a town


class TagOrg:
    """A stand-in tagger: B-ORG on the first given word, I-ORG on the others."""

    def __init__(self, *words: str):
        self.words = words

    def tag(self, sentences):
        return [["O" if w not in self.words else "B-ORG" if w == self.words[0] else "I-ORG" for w in words]
                for words in sentences]


def test_a_noun_and_an_indefinite_adjective_describe_an_organisation():
    doc = Document(id="t", text='وصنفتها "منظمة إرهابية". وقالت شركة أمريكية إن')
    TextAnalyzer()(doc)
    assert TaggedNames(TagOrg("منظمة", "إرهابية"), set(), frozenset(), COUNTS)(doc) == []
    assert TaggedNames(TagOrg("شركة", "أمريكية"), set(), frozenset(), COUNTS)(doc) == []


COUNTS_WITH_GIVEN_NAMES = {**COUNTS, "قصي": ("Qusai", 15), "وليد": ("Walid", 267), "ليد": ("Lid", 1)}


@pytest.mark.parametrize("text, first_word, expected", [
    ("وشارك فواز القرني وقصي الخيبري في التدريب.", "وقصي", "قصي الخيبري"),  # و before a known given name
    ("وقال إن وليد جنبلاط وصل.", "وليد", "وليد جنبلاط"),                      # وليد is the commoner name
])
def test_a_conjunction_before_a_given_name_the_table_knows_is_left_out(text, first_word, expected):
    doc = Document(id="t", text=text)
    TextAnalyzer()(doc)
    [span] = TaggedNames(TagAs(first_word), set(), frozenset(), COUNTS_WITH_GIVEN_NAMES)(doc)
    assert text[span.start:span.end] == expected


def test_the_comparison_particle_is_no_clitic_before_a_bare_name():
    assert span_text("ومد كابل جديد تحت البحر.", "كابل", known=frozenset({"ابل"})) == "كابل جديد"  # not ك + Apple


def test_a_person_name_holds_no_numbers():
    assert tagged("أن النسبة الموزونة للطالبة نور 91.54 فقط", "نور") == [("نور", "PER")]


def test_an_adverb_the_tagger_runs_into_the_end_of_a_name_is_left_out():
    assert tagged("يؤازره البرازيلي ويليان يمينا والبلجيكي إدين هازار", "ويليان") == [("ويليان", "PER")]


def test_a_second_name_after_a_conjunction_inside_a_person_is_a_person_of_its_own():
    counts = {**COUNTS, "يعقوب": ("Yaqoub", 72), "ويليامز": ("Williams", 18), "ورك": ("Warwick", 1)}

    def persons(text, first_word):
        doc = Document(id="t", text=text)
        TextAnalyzer()(doc)
        return [text[s.start:s.end] for s in TaggedNames(TagAs(first_word), set(), frozenset(), counts)(doc)]

    assert persons("يا رب اسحق ويعقوب اغفر لنا", "اسحق") == ["اسحق", "يعقوب"]
    assert persons("وقال سيرينا ويليامز إنها سعيدة", "سيرينا") == ["سيرينا ويليامز"]  # the whole is the name
    assert persons("وقال روبرت وورك إن الجيش مستعد", "روبرت") == ["روبرت وورك"]  # ورك: a rare word
