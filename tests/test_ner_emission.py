"""The packaged tagger's state scores from per-word sums equal the sums of its attribute lists."""

import numpy as np
import pytest

from khabar.ner.emission import StateScores
from khabar.ner.tagger import load_tagger

SENTENCES = [
    "قال الرئيس الروسي فلاديمير بوتين في موسكو أمس إن العلاقات مع كازاخستان جيدة .".split(),
    ["بوتين"],  # one token: every neighbour is an edge
    ["وزير", "الخارجية"],
    [],
    "أعلنت شركة غوغل الأمريكية ووكالة الأنباء الفرنسية ( أ ف ب ) عن اتفاق 2018 .".split(),
]


@pytest.fixture(scope="module")
def tagger():
    return load_tagger()


def test_word_sums_equal_attribute_sums(tagger):
    fast = StateScores(tagger.features, tagger.viterbi)(SENTENCES)
    slow = tagger.viterbi.emissions([tagger.features(tokens) for tokens in SENTENCES])
    for s, tokens in enumerate(SENTENCES):
        np.testing.assert_allclose(fast[s, : len(tokens)], slow[s, : len(tokens)], rtol=0, atol=1e-9)


def test_the_tags_are_crfsuites_own_without_the_decoding_settings(tagger):
    consistency, join = tagger.consistency, tagger.join
    tagger.consistency, tagger.join = 0.0, frozenset()
    try:
        tags = tagger.tag(SENTENCES)
    finally:
        tagger.consistency, tagger.join = consistency, join
    assert tags == [tagger.crf.tag(tagger.features(tokens)) if tokens else [] for tokens in SENTENCES]


def test_the_word_table_starts_again_when_full(tagger, monkeypatch):
    monkeypatch.setattr("khabar.ner.emission.MAX_WORDS", 8)
    scores = StateScores(tagger.features, tagger.viterbi)
    first = scores(SENTENCES)
    again = scores(SENTENCES)  # every sentence starts the table again: same scores
    np.testing.assert_allclose(first, again, rtol=0, atol=1e-9)
    assert len(scores.word_id) <= max(8, *map(len, SENTENCES))  # cleared before a sentence that would overflow it


@pytest.mark.parametrize("context", [False, True])
def test_real_valued_attributes_add_weight_times_value(tmp_path, context):
    """Dense word vectors (khabar.ner.vectors): own, lent to neighbours, and a word without one, with the
    default and the wide context window; random weights for every attribute so that each one shows."""
    from khabar.ner.decode import BiasedViterbi
    from khabar.ner.tagger import (FEATURES_FILE, WORD_VECTORS_FILE, default_model_dir, load_feature_extractor,
                                   write_feature_options)
    from khabar.ner.vectors import WordVectors

    rng = np.random.default_rng(3)
    for f in default_model_dir().iterdir():
        if f.name not in (FEATURES_FILE, WORD_VECTORS_FILE):  # written below: never through a link into the package
            (tmp_path / f.name).symlink_to(f)
    write_feature_options(tmp_path, context)
    WordVectors(["بوتين", "موسكو", "رئيس", "قال"], rng.normal(size=(4, 3)), lend=(-1, 1)).save(tmp_path / WORD_VECTORS_FILE)
    features = load_feature_extractor(tmp_path)
    assert features.context == context and features.vector_offsets == (-1, 1)
    items = [features.items(tokens) for tokens in SENTENCES]
    assert any(isinstance(item, dict) and "-1v2" in item for sentence in items for item in sentence)
    viterbi = BiasedViterbi.__new__(BiasedViterbi)
    attributes = sorted({a for sentence in items for item in sentence for a in item} | {"bias"})
    viterbi.row = {a: i for i, a in enumerate(attributes)}
    viterbi.state = np.vstack([rng.normal(size=(len(attributes), 9)), np.zeros((1, 9))])
    viterbi.bias, viterbi.labels = np.zeros(9), [f"L{j}" for j in range(9)]
    fast = StateScores(features, viterbi)(SENTENCES)
    slow = viterbi.emissions(items)
    for s, tokens in enumerate(SENTENCES):
        np.testing.assert_allclose(fast[s, : len(tokens)], slow[s, : len(tokens)], rtol=0, atol=1e-9)
