from pathlib import Path

import pytest

from khabar.ner.leakage import NGRAM, OverlapGuard

SHARED_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"


def test_guard_catches_shared_ngrams_across_sentence_breaks():
    protected = [["a", "b", "c", "d"], ["e", "f", "g", "h", "i"]]
    guard = OverlapGuard(protected)
    assert guard.overlaps(["x", "b", "c", "d", "e", "f", "g", "h", "i"])  # 8-gram spans the break
    assert not guard.overlaps(["b", "c", "d", "e", "f", "g", "h", "x", "i"])
    assert guard.overlaps(["f", "g"])  # shorter than 8 tokens and occurring whole
    assert not guard.overlaps(["g", "f"])


def test_guard_compares_normalised_words():
    guard = OverlapGuard([["أحمد", "إلى", "مكة"]])
    assert guard.overlaps(["احمد", "الي", "مكه"])


@pytest.mark.skipif(not SHARED_DATA.exists(), reason="needs ../shared/data")
def test_training_data_shares_no_8gram_with_the_official_test_split():
    from khabar.ner.corpora import read_anercorp
    from khabar.ner.train import EXTRA, TEST, training_sentences
    from khabar.text.normalize import normalize

    test = read_anercorp(SHARED_DATA / TEST)
    training, counts = training_sentences(SHARED_DATA, list(EXTRA), test)
    assert counts["newsfane"] > 0
    stream = [normalize(t) for tokens, _ in test for t in tokens]
    test_grams = {tuple(stream[i : i + NGRAM]) for i in range(len(stream) - NGRAM + 1)}
    # the official train split itself shares a few formulaic 8-grams with the test split; the extra corpora must not
    for tokens, _ in training[counts["anercorp"] :]:
        words = [normalize(t) for t in tokens]
        assert not any(tuple(words[i : i + NGRAM]) in test_grams for i in range(len(words) - NGRAM + 1))
    # and the raw NewsFANE file does overlap, so the filter is what removes it
    from khabar.ner.train import extra_sentences

    guard = OverlapGuard(tokens for tokens, _ in test)
    assert sum(guard.overlaps(tokens) for tokens, _ in extra_sentences(SHARED_DATA, "newsfane")) > 100
