"""The wider context features (khabar.ner.context): what they add, and that the per-word state scores of a
model trained with them still equal the sums of its attribute lists."""

import random

import numpy as np
import pycrfsuite
import pytest

from khabar.ner.context import headed_spans, quoted_spans, word_classes
from khabar.ner.decode import BiasedViterbi
from khabar.ner.emission import StateScores
from khabar.ner.features import FeatureExtractor
from khabar.ner.resources import Gazetteer
from khabar.text.normalize import normalize

NAME_WORDS = {normalize(w): kinds for w, kinds in {"اتحاد": ("orghead",), "فرنسي": ("demonym",)}.items()}


def extractor(context: bool = True) -> FeatureExtractor:
    gazetteer = Gazetteer()
    gazetteer.add("الأمم المتحدة", "ORG")
    return FeatureExtractor({"الاتحاد": ("3", "17"), "في": ("1", "9")}, gazetteer, name_words=NAME_WORDS,
                            context=context)


def test_word_classes():
    assert word_classes('"', '"', "punct") == ["mark=quote", "shape=punct"]
    assert word_classes("الفرنسية", "فرنسية", "ar") == ["nisba", "pro=ال", "def"]
    assert word_classes("للملكية", "ملكية", "ar") == ["nisba", "pro=لل", "def"]
    assert word_classes("وللرئيس", "رئيس", "ar") == ["pro=ولل", "def"]
    assert word_classes("لرصد", "رصد", "ar") == ["pro=ل"]
    assert word_classes("في", "في", "ar") == []


def test_head_three_words_before_is_lent_by_class_only():
    features = extractor()(["الاتحاد", "الدولي", "لكرة", "القدم"])
    last = features[3]
    assert "-3nk=orghead" in last and "-3c0=3" in last and "-3pro=ال" in last
    assert not any(f.startswith(("-3w=", "-3stem=")) for f in last)  # no word identity at ±3
    assert "-1nisba" in features[2] and "1nisba" in features[0]
    assert "-3gaz=O" in last and "3edge" in last


def test_quotation_marks_around_a_name():
    features = extractor()(["مجموعة", "«", "الرؤية", "»", "قالت"])
    assert "-1mark=quote" in features[2] and "1mark=quote" in features[2] and "3mark=quote" in features[0]
    assert "quote=B-Q" in features[2] and "-1quote=B-Q" in features[3] and "quote=O" in features[1]


def test_quoted_and_bracketed_stretches():
    words = ['"', 'روسيا', '-', 'العالم', '"', 'قال', '(', 'أ', 'ف', 'ب', ')', 'و', '"', 'ثم']
    assert quoted_spans(words) == ["O", "B-Q", "I-Q", "I-Q", "O", "O", "O", "B-P", "I-P", "I-P", "O", "O", "O", "O"]
    assert quoted_spans(['"', '"', "x"]) == ["O", "O", "O"]  # nothing between the marks
    long = ['"', *["كلمة"] * 7, '"']  # a quotation, not a name
    assert quoted_spans(long) == ["O"] * 9


def test_without_the_option_the_features_are_unchanged():
    plain = extractor(context=False)(["الاتحاد", "الدولي", "لكرة", "القدم"])
    assert not any(f.startswith(("-3", "3", "mark=")) or "nisba" in f or "quote=" in f for token in plain for f in token)
    assert extractor(context=False).window == (-2, -1, 1, 2)


WORDS = ["قال", "الاتحاد", "الدولي", "لكرة", "القدم", "«", "»", "في", "الأمم", "المتحدة", "الفرنسية", "أمس", "،", "و"]


@pytest.fixture(scope="module")
def toy(tmp_path_factory):
    rng = random.Random(5)
    features = extractor()
    trainer = pycrfsuite.Trainer(verbose=False)
    for _ in range(80):
        words = rng.choices(WORDS, k=rng.randint(1, 10))
        tags = ["B-ORG" if w == "الاتحاد" else "I-ORG" if w in ("الدولي", "المتحدة") else "O" for w in words]
        trainer.append(features(words), tags)
    trainer.set_params({"c1": 0.0, "c2": 0.01, "max_iterations": 30, "feature.possible_transitions": True})
    path = tmp_path_factory.mktemp("crf") / "toy.model"
    trainer.train(str(path))
    crf = pycrfsuite.Tagger()
    crf.open(str(path))
    return features, crf


def test_word_sums_equal_attribute_sums_with_the_wide_window(toy):
    features, crf = toy
    viterbi = BiasedViterbi(crf)
    rng = random.Random(9)
    # short sentences too: an offset of 3 past the end of a sentence of 1 or 2 tokens is an edge
    sentences = [rng.choices(WORDS, k=rng.randint(1, 12)) for _ in range(60)] + [["قال"], ["قال", "أمس"], []]
    fast = StateScores(features, viterbi)(sentences)
    slow = viterbi.emissions([features(tokens) for tokens in sentences])
    assert any(a.startswith("-3") for a in viterbi.row)  # the toy model has weights at ±3
    for s, tokens in enumerate(sentences):
        np.testing.assert_allclose(fast[s, : len(tokens)], slow[s, : len(tokens)], rtol=0, atol=1e-9)


def test_headed_names_run_over_definite_words_and_nisba_adjectives():
    words = ["قال", "المعهد", "الوطني", "الأميركي", "لرصد", "الزلازل", "في", "اتحاد", "المحامين", "اتحاد", "في"]
    heads = [w in ("المعهد", "اتحاد") for w in words]
    classes = [word_classes(normalize(w), w.removeprefix("ال").removeprefix("ل"), "ar") for w in words]
    assert "def" in classes[1] and "def" not in classes[4] and "nisba" in classes[2]
    assert headed_spans(heads, classes) == ["O", "B-H", "I-H", "I-H", "I-H", "I-H", "O", "B-H", "I-H", "O", "O"]


def test_headed_tags_reach_the_features():
    features = extractor()(["الاتحاد", "الفرنسي", "قال"])
    assert "headed=B-H" in features[0] and "headed=I-H" in features[1] and "headed=O" in features[2]


def test_the_model_folder_records_the_option(tmp_path):
    from khabar.ner.tagger import (
        GAZETTEER_FILE,
        default_model_dir,
        load_feature_extractor,
        write_feature_options,
    )

    (tmp_path / GAZETTEER_FILE).symlink_to(default_model_dir() / GAZETTEER_FILE)
    assert not load_feature_extractor(tmp_path).context
    write_feature_options(tmp_path, context=True)
    assert load_feature_extractor(tmp_path).window == (-3, -2, -1, 1, 2, 3)
    write_feature_options(tmp_path, context=False)  # retrained without it: the record goes
    assert not load_feature_extractor(tmp_path).context
