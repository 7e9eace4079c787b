"""How the recognisers' spans combine (khabar.entities.EntityRecognizer)."""

import pytest

from khabar.document import Document, EntitySpan
from khabar.entities import EntityRecognizer
from khabar.kb import load_kb
from khabar.text import TextAnalyzer


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def spans(kb, text: str, tagged: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(text, type, source) of the spans kept, the stand-in tagger finding `tagged` (surface, type)."""
    doc = Document(id="t", text=text)
    TextAnalyzer()(doc)

    def tagger(_doc):
        return [EntitySpan(text.index(s), text.index(s) + len(s), entity_type, "ner") for s, entity_type in tagged]

    EntityRecognizer(kb, taggers=[tagger])(doc)
    return [(text[s.start : s.end], s.type, s.source) for s in doc.entity_spans]


def test_a_place_inside_a_longer_name_the_tagger_found_is_part_of_it(kb):
    assert spans(kb, "وفاز ويغان أثليتيك أمس.", [("ويغان أثليتيك", "ORG")]) == [("ويغان أثليتيك", "ORG", "ner")]
    assert spans(kb, "وفاز ويغان أمس.", []) == [("ويغان", "GPE", "gazetteer")]  # the town alone


def test_a_place_after_a_preposition_is_not_part_of_the_name_before_it(kb):
    assert spans(kb, "على مسرح الملك فهد بالرياض.", [("فهد بالرياض", "PER")]) == [("الرياض", "GPE", "gazetteer")]


def test_the_future_particle_is_no_clitic_of_a_name(kb):
    assert spans(kb, "حافظ على الاتفاق سليما.", []) == []  # not س + ليما (Lima)


def test_a_body_named_by_its_head_holds_the_known_names_after_its_head(kb):
    kept = spans(kb, "وكانت وزارة الأوقاف السعودية قد أعلنت ذلك.", [])
    assert ("وزارة الأوقاف السعودية", "ORG", "head") in kept and not any(t == "GPE" for _, t, _ in kept)
