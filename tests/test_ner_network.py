import itertools

import numpy as np
import pytest

from khabar.ner.encode import Encoder
from khabar.ner.network import Network
from khabar.ner.resources import Gazetteer

SENTENCES = [["قال", "الرئيس", "باراك", "أوباما", "في", "واشنطن", "."], ["ووصل", "إلى", "بيروت"], ["x"]]


def _encoder() -> Encoder:
    places, people = Gazetteer(), Gazetteer()
    places.add("بيروت", "LOC")
    people.add("باراك أوباما", "PERS")
    return Encoder(["في", "قال", "رييس", "بيروت"], list("السيقفوبتن"), [places, people])


def test_encoder_looks_up_clitic_stripped_stems_and_gazetteer_tags():
    batch = _encoder()(SENTENCES)
    assert batch.lengths.tolist() == [7, 3, 1]
    assert batch.words.shape == (3, 7)
    word_id = {"في": 2, "قال": 3, "رييس": 4, "بيروت": 5}
    assert batch.words[0, 1] == 1 and batch.stems[0, 1] == word_id["رييس"]  # "الرئيس" is unknown, its stem is not
    assert batch.words[1, 2] == word_id["بيروت"]
    assert batch.gazetteer[1, :3, 0].tolist() == [1, 1, 4]  # O, O, B-LOC
    assert batch.gazetteer[0, 1:5, 1].tolist() == [9, 10, 11, 9]  # the second gazetteer's ids follow the first's
    assert batch.words[2, 1:].tolist() == [0] * 6  # padding


def test_viterbi_finds_the_best_path():
    rng = np.random.default_rng(1)
    network = Network.__new__(Network)
    network.transitions, network.start, network.end = rng.normal(size=(3, 3)), rng.normal(size=3), rng.normal(size=3)
    emissions, lengths = rng.normal(size=(3, 4, 3)), np.array([4, 2, 0])

    def score(path, e):
        s = network.start[path[0]] + network.end[path[-1]] + sum(e[t, k] for t, k in enumerate(path))
        return s + sum(network.transitions[a, b] for a, b in zip(path, path[1:]))

    paths = network.decode(emissions, lengths)
    assert paths[2] == []
    for i, length in enumerate(lengths[:2]):
        best = max(itertools.product(range(3), repeat=int(length)), key=lambda p: score(p, emissions[i]))
        assert paths[i] == list(best)


def test_numpy_inference_computes_the_torch_model():
    torch = pytest.importorskip("torch")
    from khabar.ner.torch_model import Tagger

    torch.manual_seed(0)
    encoder = _encoder()
    vectors = np.random.default_rng(0).normal(size=(6, 10)).astype(np.float16).astype(np.float32)
    model = Tagger(vectors, n_chars=len(encoder.char_ids) + 2, n_labels=9, n_gazetteers=2, hidden=12).eval()
    batch = encoder(SENTENCES)
    with torch.no_grad():
        expected = model.emissions(batch).numpy()
    got = Network(model.export()).emissions(batch)
    for i, length in enumerate(batch.lengths):
        np.testing.assert_allclose(got[i, :length], expected[i, :length], atol=1e-5)


def test_punctuation_attached_to_a_word_does_not_hide_it():
    encoder = _encoder()
    assert encoder.token("بيروت؛").word == encoder.token("بيروت").word == 5
    assert encoder.token("؛").word == 1  # punctuation alone stays itself (unknown here)


def test_neural_tagger_reads_a_trained_model_folder(tmp_path):
    torch = pytest.importorskip("torch")
    from khabar.ner.encode import write_lines
    from khabar.ner.neural import CHARS_FILE, GAZETTEER_FILES, WEIGHTS_FILE, WORDS_FILE, NeuralTagger
    from khabar.ner.tagger import LABELS
    from khabar.ner.torch_model import Tagger

    torch.manual_seed(0)
    vectors = np.random.default_rng(0).normal(size=(6, 10)).astype(np.float32)
    model = Tagger(vectors, n_chars=12, n_labels=len(LABELS), n_gazetteers=len(GAZETTEER_FILES), hidden=8).eval()
    np.savez(tmp_path / WEIGHTS_FILE, **model.export())
    write_lines(tmp_path / WORDS_FILE, ["في", "قال", "رييس", "بيروت"])
    write_lines(tmp_path / CHARS_FILE, list("السيقفوبتن"))
    for name in GAZETTEER_FILES:
        (tmp_path / name).write_text("LOC\tبيروت\n", encoding="utf-8")
    tags = NeuralTagger(tmp_path).tag(SENTENCES + [[]])
    assert [len(t) for t in tags] == [7, 3, 1, 0]
    assert {t for sentence in tags for t in sentence} <= set(LABELS)
