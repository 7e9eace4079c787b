"""Geographic features news names (oceans, seas, rivers, mountains, regions, islands) are LOC entries of the KB,
linked as one name rather than split into a common word and a guessed name."""

import pytest

from khabar.document import Document
from khabar.pipeline import default_pipeline


@pytest.fixture(scope="module")
def pipeline():
    return default_pipeline()


@pytest.mark.parametrize("text, name_ar, name_en", [
    ("غيرت الولايات المتحدة اسم قيادتها العسكرية لمنطقة المحيط الهادئ.", "المحيط الهادئ", "Pacific Ocean"),
    ("عبرت السفينة قناة السويس أمس.", "قناة السويس", "Suez Canal"),
    ("سيطرت القوات على جزيرة سقطرى اليمنية.", "جزيرة سقطرى", "Socotra"),
    ("تتوتر الأوضاع في بحر الصين الجنوبي.", "بحر الصين الجنوبي", "South China Sea"),
])
def test_geographic_features_link_whole(pipeline, text, name_ar, name_en):
    doc = Document(id="t", text=text)
    pipeline(doc)
    found = {(m.text, e.type, e.name_en) for e in doc.entities for m in e.mentions}
    assert (name_ar, "LOC", name_en) in found
