from khabar.ner.features import FeatureExtractor
from khabar.ner.resources import Gazetteer
from khabar.ner.stems import stem_candidates, strip_article


def test_article_and_clitics():
    assert strip_article("والاردن") == "اردن"
    assert strip_article("للامم") == "امم"
    assert strip_article("ال") == "ال"  # nothing left to be a word
    assert stem_candidates("وبيروت") == ("وبيروت", "بيروت", "يروت")
    assert stem_candidates("لبنان") == ("لبنان", "بنان")


def test_bare_proclitic_is_stripped_only_towards_the_more_frequent_word():
    extractor = FeatureExtractor({"بيروت": ("1",), "لبنان": ("2",), "بنان": ("3",), "وبيروت": ("4",)}, Gazetteer())
    assert extractor.analyse("وبيروت").stem == "بيروت"
    assert extractor.analyse("لبنان").stem == "لبنان"


def test_gazetteer_matches_clitic_attached_multiword_names():
    gazetteer = Gazetteer()
    gazetteer.add("الأمم المتحدة", "ORG")
    gazetteer.add("عمان", "LOC")
    extractor = FeatureExtractor({}, gazetteer)
    features = extractor(["وللأمم", "المتحدة", "في", "عمان"])
    assert "gaz=B-ORG" in features[0] and "gaz=I-ORG" in features[1]
    assert "gaz=O" in features[2] and "gaz=B-LOC" in features[3]
    assert "-1gaz=B-ORG" in features[1]
