import numpy as np
import pytest

from khabar.events import EventCoder
from khabar.events.specificity import SpecificityFeatures, SpecificityModel
from tests.test_events import make_doc


@pytest.fixture(scope="module")
def filtered():
    return EventCoder(specificity=True)


def signals(text, ptype):
    doc = make_doc(text)
    matches = [d.match for d in EventCoder().detect(doc) if d.type == ptype]
    return {n for n in SpecificityFeatures().names(doc, doc.sentences[0], matches) if n[:2] in ("t:", "s:")}


def test_linguistic_signals_of_a_passing_mention():
    names = signals("وقال الوزير إن الحكومة ستواصل جهودها بعد هجوم على المدينة.", "ASSAULT")
    assert {"t:noun", "t:after_back_reference", "s:speech"} <= names
    assert "t:stance_frame" in signals("وتعمل الحكومة على مكافحة هجمات الإرهابيين.", "ASSAULT")


def test_linguistic_signals_of_a_new_report():
    names = signals("هاجم مسلحون مركزا للشرطة أمس وقتلوا 5 أشخاص.", "ASSAULT")
    assert {"t:verb", "t:opens_sentence", "s:time_words", "s:count"} <= names
    assert {"t:perfect", "t:time_near", "t:count_near"} <= names
    assert "t:after_back_reference" not in names


@pytest.mark.parametrize("text, ptype, present, absent", [
    ("وقال الشهود إن المسلحين الذين يهاجمون القرى يفرون إلى الجبال.", "ASSAULT",
     {"t:imperfect", "t:relative_clause", "t:complement_clause"}, {"t:perfect", "t:in_quote"}),
    ("وقال المتحدث: «لقد تعرضنا للكثير في مظاهرات سلمية».", "PROTEST",
     {"t:in_quote", "t:after_preposition", "t:plural", "t:indefinite"}, {"t:accusative"}),
    ("أحرق شاب نفسه احتجاجا على البطالة.", "PROTEST", {"t:accusative", "t:indefinite"},
     {"t:plural", "t:after_preposition", "t:in_quote"}),
])
def test_form_and_clause_of_the_trigger(text, ptype, present, absent):
    names = signals(text, ptype)
    assert present <= names
    assert not absent & names


def test_typed_features_keep_the_shared_ones():
    typed = SpecificityFeatures.typed({"t:noun", "w:مظاهرات"}, "PROTEST")
    assert typed == {"t:noun", "w:مظاهرات", "PROTEST|t:noun", "PROTEST|w:مظاهرات", "PROTEST|intercept"}


def test_the_model_file_matches_the_features():
    model = SpecificityModel()
    assert model.weights.shape == (model.features.dimensions,) and np.isfinite(model.weights).all()
    assert set(model.types) == {"ASSAULT", "PROTEST"}
    assert all(0.0 < t < 1.0 for t in model.threshold.values())


@pytest.mark.parametrize("text, ptype, kept", [
    ("هاجم مسلحون مركزا للشرطة في بغداد أمس وقتلوا 5 أشخاص.", "ASSAULT", True),
    ("وقال الوزير إن الحكومة ستواصل جهودها بعد هجوم وقع العام الماضي.", "ASSAULT", False),
    ("وأكد أن هجمات كهذه لن تثني الشعب عن مواصلة الطريق.", "ASSAULT", False),
    ("تظاهر آلاف الطلاب أمام البرلمان أمس احتجاجا على قانون الضرائب.", "PROTEST", True),
    ("ويرى محللون أن الاحتجاجات تعبر عن غضب شعبي.", "PROTEST", False),
])
def test_the_filter_keeps_new_reports_and_drops_passing_mentions(filtered, text, ptype, kept):
    doc = make_doc(text)
    assert any(d.type == ptype for d in EventCoder().detect(doc))  # the rules alone find it
    assert any(d.type == ptype for d in filtered.detect(doc)) == kept
