"""The optional representation files of the tagger: the dense word table and the fastText clusters."""

import numpy as np

from khabar.ner.tagger import default_model_dir, load_feature_extractor
from khabar.ner.vectors import WordVectors


def test_the_word_table_survives_saving_as_float16(tmp_path):
    matrix = np.array([[0.5, -1.25], [2.0, 0.0]])
    WordVectors(["بيروت", "رئيس"], matrix, lend=(-1, 1)).save(tmp_path / "word_vectors.npz")
    table = WordVectors.load(tmp_path / "word_vectors.npz")
    assert table.words == ["بيروت", "رئيس"] and table.lend == (-1, 1) and table.matrix.dtype == np.float16
    np.testing.assert_array_equal(table.get("غير", "رئيس"), [2.0, 0.0])  # the first candidate in the table
    assert table.get("غير") is None


def test_a_word_outside_the_table_takes_its_stems_vector_and_one_without_gets_none():
    features = load_feature_extractor(default_model_dir())
    features.vectors = WordVectors(["بيروت"], np.array([[1.0, -2.0]]), lend=(1,))
    features.vector_offsets = (1,)
    own = dict(features.analyse("وبيروت").weighted[0])  # stem "بيروت"
    assert own == {"v0": 1.0, "v1": -2.0, "sv0": 1.0, "sv1": -2.0}
    assert features.analyse("وبيروت").weighted[1] == (("1v0", 1.0), ("1v1", -2.0))
    assert features.analyse("كازاخستان").weighted == {0: (), 1: ()}
    # the token before "بيروت" gets what it lends at offset +1; the crfsuite items carry the values
    items = features.items(["في", "بيروت"])
    assert items[0]["1v1"] == -2.0 and items[0]["w=في"] == 1 and "v0" not in items[0]
    assert items[1]["v0"] == 1.0


def test_fasttext_clusters_fall_back_to_the_stem_and_are_lent():
    features = load_feature_extractor(default_model_dir())
    features.vector_clusters = {"بيروت": ("3", "17", "260")}
    analysis = features.analyse("وبيروت")
    assert {"fc0=3", "fc1=17", "fc2=260"} <= set(analysis.own)
    assert "-1fc=260" in analysis.context[-1]
    assert not any(f.startswith("fc") for f in features.analyse("كازاخستان").own)
