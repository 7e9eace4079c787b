from pathlib import Path

import pytest

from khabar.ner import LABELS, NerTagger, load_tagger
from khabar.ner.baseline import GazetteerTagger

SHARED_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
TEST_SPLIT = SHARED_DATA / "anercorp/camellab_official/ANERCorp_CamelLab_test.txt"


def test_load_tagger_is_cached_once_per_process():
    assert load_tagger() is load_tagger()
    assert isinstance(load_tagger(), NerTagger)


def test_tags_in_the_anercorp_label_set_with_sentence_shapes_kept():
    sentences = [["قال", "الرئيس", "الأمريكي", "باراك", "أوباما", "في", "واشنطن", "."], [], ["ووصل", "إلى", "بيروت"]]
    tags = load_tagger().tag(sentences)
    assert [len(t) for t in tags] == [8, 0, 3]
    assert {t for sentence in tags for t in sentence} <= set(LABELS)
    assert tags[0][3:5] == ["B-PERS", "I-PERS"]
    assert tags[0][6] == "B-LOC"
    assert tags[2][2] == "B-LOC"


def test_gazetteer_baseline_tags_listed_names_with_clitics():
    tags = GazetteerTagger().tag([["وصل", "إلى", "والأردن"]])
    assert tags == [["O", "O", "B-LOC"]]


@pytest.mark.skipif(not TEST_SPLIT.exists(), reason="needs ../shared/data")
def test_official_test_split_score_does_not_regress():
    from khabar.ner.conlleval import evaluate
    from khabar.ner.corpora import read_anercorp

    test = read_anercorp(TEST_SPLIT)
    scores = evaluate([tags for _, tags in test], load_tagger().tag([tokens for tokens, _ in test]))
    assert scores["micro"]["f1"] >= 73.0


def test_features_the_model_has_no_weight_for_are_dropped_without_changing_a_tag():
    from khabar.ner.tagger import default_model_dir, load_feature_extractor

    sentences = [["قال", "الرئيس", "الأمريكي", "باراك", "أوباما", "في", "واشنطن", "لصحيفة", "كوميرسانت", "."],
                 ["ووصل", "وزير", "الخارجية", "سيرغي", "لافروف", "إلى", "بيروت", "أمس"]]
    filtering = NerTagger()
    unfiltered = NerTagger()
    unfiltered.features = load_feature_extractor(default_model_dir())
    assert filtering.features.known is not None and unfiltered.features.known is None
    own = [len(w) for w in filtering.features(sentences[0])], [len(w) for w in unfiltered.features(sentences[0])]
    assert sum(own[0]) < sum(own[1])
    assert filtering.tag(sentences) == unfiltered.tag(sentences)
