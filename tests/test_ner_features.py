from khabar.ner.features import FeatureExtractor, as_unseen
from khabar.ner.resources import Gazetteer
from khabar.ner.stems import stem_candidates, strip_article
from khabar.text.normalize import normalize


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


def test_name_knowledge_of_the_word_and_its_neighbours():
    # "كورتيس" is no word of the training data; that the knowledge base knows it as a given name after
    # a title noun is what the tagger can carry over to unseen names
    name_words = {normalize(w): kinds for w, kinds in
                  {"رئيس": ("title",), "كورتيس": ("given",), "روسي": ("demonym",)}.items()}
    extractor = FeatureExtractor({}, Gazetteer(), name_words=name_words)
    features = extractor(["وقال", "الرئيس", "كورتيس", "بلاك", "الروسي"])
    assert "nk=title" in features[1] and "nk=given" in features[2]
    assert "-1nk=title" in features[2] and "1nk=given" in features[1] and "-1nk=given" in features[3]
    assert "-2nk=given" in features[4]
    assert "2nk=demonym" in features[2]
    assert not any(f.startswith("nk=") for f in features[0] + features[3])


def test_knowledge_base_gazetteer_gets_its_own_features():
    kb = Gazetteer()
    kb.add("فلاديمير بوتين", "PERS")
    features = FeatureExtractor({}, Gazetteer(), kb_gazetteer=kb)(["فلاديمير", "بوتين", "يصل"])
    assert "kb=B-PERS" in features[0] and "kb=I-PERS" in features[1] and "kb=O" in features[2]
    assert "gaz=O" in features[0]


def test_unseen_words_lose_their_identity_everywhere_and_keep_the_rest():
    features = FeatureExtractor({}, Gazetteer())(["قال", "كورتيس", "بلاك", "امس"])
    unseen = as_unseen(features, {1})
    removed = [set(f) - set(u) for f, u in zip(features, unseen)]
    assert all(set(u) <= set(f) for f, u in zip(features, unseen))
    assert not any("كورتيس" in f for token in unseen for f in token)
    assert {f for f in removed[1] if not f.startswith(("-1|0=", "0|+1="))} == {"w=كورتيس", "stem=كورتيس"}
    assert "s3=تيس" in unseen[1]  # affixes stay
    assert removed[3] == {"-2w=كورتيس", "-2stem=كورتيس"}
    assert removed[0] == {"1w=كورتيس", "1stem=كورتيس", "0|+1=قال|كورتيس"}
