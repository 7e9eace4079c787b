from khabar.ner.resources import Gazetteer
from khabar.ner.stems import stem_candidates, strip_article
from khabar.text.normalize import normalize


def test_article_and_clitics():
    assert strip_article("والاردن") == "اردن"
    assert strip_article("للامم") == "امم"
    assert strip_article("ال") == "ال"  # nothing left to be a word
    assert stem_candidates("وبيروت") == ("وبيروت", "بيروت", "يروت")
    assert stem_candidates("لبنان") == ("لبنان", "بنان")


def test_gazetteer_matches_clitic_attached_multiword_names_longest_first():
    gazetteer = Gazetteer()
    gazetteer.add("الأمم المتحدة", "ORG")
    gazetteer.add("الأمم", "MISC")
    gazetteer.add("عمان", "LOC")
    tokens = ["وللأمم", "المتحدة", "في", "عمان"]
    assert gazetteer.match([stem_candidates(normalize(t)) for t in tokens]) == [(0, 2, "ORG"), (3, 4, "LOC")]
