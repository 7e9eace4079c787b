import pytest

from khabar.document import Document
from khabar.source import SourceDetector


@pytest.fixture(scope="module")
def detect():
    detector = SourceDetector()

    def run(text):
        doc = Document("d", text)
        detector(doc)
        return doc.source

    return run


@pytest.mark.parametrize(
    ("text", "wire", "dateline"),
    [
        ("قال الرئيس كلاما.\nالمصدر: تاس", "TASS", None),
        ("موسكو - تاس\nقال الرئيس", "TASS", "موسكو"),
        ("القاهرة (رويترز) - قال وزير الخارجية", "Reuters", "القاهرة"),
        ("بيروت - أ ف ب: أعلن الجيش", "Agence France-Presse", "بيروت"),
        ("الرياض - واس\nأعلن الديوان", "Saudi Press Agency", "الرياض"),
        ("قال الوزير شيئا.\n(رويترز)", "Reuters", None),
        ("عمان - أعلن الوزير", None, "عمان"),
        ("أعلن الوزير أن المحادثات انتهت.", None, None),
    ],
)
def test_wire_and_dateline(detect, text, wire, dateline):
    source = detect(text)
    assert (source.wire, source.dateline) == (wire, dateline)
    if source.wire_evidence:
        assert text[source.wire_evidence.start : source.wire_evidence.end] == source.wire_evidence.text
