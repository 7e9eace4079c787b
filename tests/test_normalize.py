from khabar.text.normalize import normalize, normalize_with_map, to_original_span


def test_normalize_unifies_variants():
    assert normalize("إِقامة") == "اقامه"
    assert normalize("مُصمّمة") == "مصممه"
    assert normalize("علـــى") == "علي"
    assert normalize("٢٠٢١") == "2021"
    assert normalize("«روسيا»") == '"روسيا"'


def test_map_back_to_original_offsets():
    text = "قال: «إنّ روسيا»"
    norm, index = normalize_with_map(text)
    start = norm.index("روسيا")
    s, e = to_original_span(index, start, start + len("روسيا"))
    assert text[s:e] == "روسيا"
    assert len(norm) == len(index)
