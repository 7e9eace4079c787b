import json
import random

import numpy as np
import pycrfsuite
import pytest

from khabar.ner.decode import BiasedViterbi

WORDS = ["قال", "الرئيس", "باراك", "أوباما", "في", "واشنطن", "وزير", "بيروت", "أمس", "شركة", "غوغل"]
TAGS = {"باراك": "B-PERS", "أوباما": "I-PERS", "واشنطن": "B-LOC", "بيروت": "B-LOC", "غوغل": "B-ORG"}


def attributes(words: list[str]) -> list[list[str]]:
    return [["bias", "w=" + w, "prev=" + (words[i - 1] if i else "^"), "next=" + (words[i + 1] if i + 1 < len(words) else "$")]
            for i, w in enumerate(words)]


@pytest.fixture(scope="module")
def crf(tmp_path_factory) -> pycrfsuite.Tagger:
    rng = random.Random(7)
    trainer = pycrfsuite.Trainer(verbose=False)
    for _ in range(60):
        words = rng.choices(WORDS, k=rng.randint(1, 9))
        trainer.append(attributes(words), [TAGS.get(w, "O") for w in words])
    trainer.set_params({"c1": 0.1, "c2": 0.01, "max_iterations": 30, "feature.possible_transitions": True})
    path = tmp_path_factory.mktemp("crf") / "toy.model"
    trainer.train(str(path))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def test_without_bias_the_tags_are_crfsuites_own(crf):
    rng = random.Random(11)
    # varied lengths in one call: the sentences are decoded together, padded to the longest
    sentences = [attributes(rng.choices(WORDS, k=rng.randint(1, 15))) for _ in range(200)]
    sentences[5] = sentences[5] + [["never-seen-attribute"]]
    assert BiasedViterbi(crf).tag(sentences) == [crf.tag(s) for s in sentences]


def test_empty_sentences_keep_their_place(crf):
    sentence = attributes(["قال", "باراك", "أوباما"])
    assert BiasedViterbi(crf).tag([[], sentence, []]) == [[], crf.tag(sentence), []]
    assert BiasedViterbi(crf).tag([]) == []


def test_a_bias_against_o_turns_o_tokens_into_entities(crf):
    sentence = attributes(["قال", "الرئيس", "في", "أمس"])
    assert set(BiasedViterbi(crf).tag([sentence])[0]) == {"O"}
    assert "O" not in BiasedViterbi(crf, {"O": -100.0}).tag([sentence])[0]


def test_tagger_reads_the_bias_from_the_model_folder(tmp_path):
    from khabar.ner.tagger import DECODING_FILE, NerTagger, default_model_dir

    for f in default_model_dir().iterdir():
        if f.name != DECODING_FILE:
            (tmp_path / f.name).symlink_to(f)
    sentences = [["قال", "الرئيس", "الأمريكي", "باراك", "أوباما", "في", "واشنطن", "."]]
    (tmp_path / DECODING_FILE).write_text(json.dumps({"bias": {"O": -100.0}}), encoding="utf-8")
    assert "O" not in NerTagger(tmp_path).tag(sentences)[0]
    (tmp_path / DECODING_FILE).write_text(json.dumps({"bias": {"O": 0.0}}), encoding="utf-8")
    unbiased = NerTagger(tmp_path)
    assert unbiased.tag(sentences) == [unbiased.crf.tag(unbiased.features(sentences[0]))]


def test_real_valued_attributes_score_as_crfsuite_scores_them(tmp_path):
    """{attribute: value} items (dense word vectors): weight x value, as crfsuite's own tagger."""
    rng = random.Random(5)
    value = {w: (rng.uniform(-2, 2), rng.uniform(-2, 2)) for w in WORDS}

    def items(words: list[str]) -> list[dict[str, float]]:
        return [{**dict.fromkeys(a, 1.0), "v0": value[w][0], "v1": value[w][1]} for a, w in zip(attributes(words), words)]

    trainer = pycrfsuite.Trainer(verbose=False)
    for _ in range(60):
        words = rng.choices(WORDS, k=rng.randint(1, 9))
        trainer.append(items(words), [TAGS.get(w, "O") for w in words])
    trainer.set_params({"c1": 0.0, "c2": 0.01, "max_iterations": 30, "feature.possible_transitions": True})
    trainer.train(str(tmp_path / "dense.model"))
    crf = pycrfsuite.Tagger()
    crf.open(str(tmp_path / "dense.model"))
    assert any(attribute == "v0" for attribute, _ in crf.info().state_features)
    sentences = [items(rng.choices(WORDS, k=rng.randint(1, 15))) for _ in range(200)]
    assert BiasedViterbi(crf).tag(sentences) == [crf.tag(s) for s in sentences]
    # a scaled value changes the scores: the value is not read as a plain presence
    viterbi = BiasedViterbi(crf)
    doubled = [[{**t, "v0": 2 * t["v0"]} for t in s] for s in sentences[:5]]
    assert not np.allclose(viterbi.emissions(doubled), viterbi.emissions(sentences[:5]))
