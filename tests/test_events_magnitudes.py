import pytest

from khabar.document import Document
from khabar.events import EventCoder
from khabar.events.magnitudes import MagnitudeReader
from khabar.text import TextAnalyzer
from tests.test_events import make_doc


@pytest.fixture(scope="module")
def reader():
    return MagnitudeReader()


def counts(reader, text):
    doc = Document(id="t", text=text)
    TextAnalyzer()(doc)
    return {(c.kind, c.value) for c in reader.counts(doc.tokens, 0, len(doc.tokens))}


@pytest.mark.parametrize("text, expected", [
    ("قتل 58 شخصا في الهجوم.", {("killed", 58)}),
    ("أسفر الانفجار عن مقتل ثلاثة جنود.", {("killed", 3)}),
    ("سقط 30 قتيلا و45 جريحا.", {("killed", 30), ("injured", 45)}),
    ("ارتفع عدد القتلى إلى 1,500 وأصيب أكثر من مئة وعشرين آخرين.", {("killed", 1500), ("injured", 120)}),
    ("مقتل أحد عشر شخصا.", {("killed", 11)}),
    ("اعتقلت الشرطة 12 متظاهرا.", {("arrested", 12)}),
    ("تظاهر خمسة آلاف متظاهر في العاصمة.", {("participants", 5000)}),
    ("قتل ٢٥ مدنيا.", {("killed", 25)}),
    ("ما أدى إلى سقوط 10 قتلى و30 مصاباً.", {("killed", 10), ("injured", 30)}),
    ("وأصيب نحو 12 ألفا آخرين.", {("injured", 12000)}),
])
def test_counts_in_digits_and_words(reader, text, expected):
    assert counts(reader, text) == expected


@pytest.mark.parametrize("text", [
    "أسفر الهجوم عن إصابة العشرات.",
    "شارك آلاف المحتجين في المظاهرة.",
    "قتل رجل في 2015 في بغداد.",
])
def test_vague_quantities_and_years_are_not_counts(reader, text):
    assert counts(reader, text) == set()


def test_an_attack_carries_its_dead_and_injured_a_protest_its_crowd():
    text = "هاجم مسلحون قرية فقتلوا 7 أشخاص وأصابوا 10 آخرين. وتظاهر 3000 محتج ضد الحكومة."
    doc = make_doc(text)
    EventCoder(keep_unattributed=True)(doc)
    by_type = {e.type: e.magnitudes for e in doc.events}
    assert by_type["ASSAULT"] == {"killed": 7, "injured": 10}
    assert by_type["PROTEST"] == {"participants": 3000}
