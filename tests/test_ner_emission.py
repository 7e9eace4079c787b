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
