import pytest

from khabar.document import Document, Source
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
        ("سبق- ينبع: مدت الغرفة التجارية فترة العمل", None, "ينبع"),  # bylines before a colon
        ("بدر العتيبي- سبق- القصيم: تبحث الأجهزة الأمنية", None, "القصيم"),
        ("واس- جدة: أعلنت الجامعة عن وظائف", "Saudi Press Agency", "جدة"),
        ("قال الوزير - في تصريح: إن المحادثات انتهت", None, None),
        ("دبي، الإمارات العربية المتحدة (CNN)-- أعلن المتحدث", "CNN", "دبي"),  # the country after the city
        ("عين اليوم – عدن\nأعلنت الحكومة", None, "عدن"),  # a byline that is the whole first line
        ("Next Previous عين اليوم – أنقرة\nأعلنت الحكومة", None, "أنقرة"),
        ("أميرة المولد – عين اليوم\nفي ظل الملاحم", None, None),
        ("1944 - وفاة شاه إيران رضا خان.\n1950 - حدث آخر", None, None),
    ],
)
def test_wire_and_dateline(detect, text, wire, dateline):
    source = detect(text)
    assert (source.wire, source.dateline) == (wire, dateline)
    if source.wire_evidence:
        assert text[source.wire_evidence.start : source.wire_evidence.end] == source.wire_evidence.text


def test_a_leading_phrase_before_a_dash_is_a_dateline_only_when_it_names_a_place(detect):
    assert detect("فاز يوفنتوس 4-صفر على ميلانو في النهائي").dateline is None
    assert detect("قال الوزير - في بيان - إن المحادثات انتهت").dateline is None
    assert detect("دمشق - أعلن الجيش السوري").dateline == "دمشق"


@pytest.mark.parametrize(
    ("given", "url", "publisher"),
    [
        (None, "https://www.skynewsarabia.com/world/1046387-x", "Sky News Arabia"),
        (None, "http://www.bbc.co.uk/arabic/middleeast-123", "BBC Arabic"),
        (None, "http://www.bbc.co.uk/news/world-123", "bbc.co.uk"),  # not the Arabic service: the host stays
        (None, "https://arabic.cnn.com/business/2018/02/13/x", "CNN Arabic"),
        ("alriyadh", None, "Al Riyadh"),
        ("Skynews", "https://example.org/a", "Sky News Arabia"),
        ("www.alarabiya.net", None, "Al Arabiya"),
        ("Some Local Paper", None, "Some Local Paper"),
        (None, None, None),
    ],
)
def test_publisher_from_the_url_or_the_corpus_source_id(given, url, publisher):
    doc = Document("d", "قال الوزير إن المحادثات انتهت.", url=url, source=Source(publisher=given))
    SourceDetector()(doc)
    assert doc.source.publisher == publisher
