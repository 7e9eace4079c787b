from khabar.ner.train import TRAIN, cross_validated_tags, rare_words_as_unseen, split_dev, split_fold


def test_cross_validated_tags_cover_every_sentence_from_unseen_folds(tmp_path):
    # "x" is a name in the first half of the data and not in the second: a model that saw a sentence
    # would tag its own fold correctly, one that did not must follow the other folds
    names = [[["w=x"], ["w=y"]]] * 6
    tags = [["B-PERS", "O"]] * 3 + [["O", "O"]] * 3
    predicted = cross_validated_tags(names, tags, {"max_iterations": 50}, folds=2, scratch=tmp_path / "s.model")
    assert [len(p) for p in predicted] == [2] * 6
    assert predicted[:3] == [["O", "O"]] * 3 and predicted[3:] == [["B-PERS", "O"]] * 3
    assert not (tmp_path / "s.model").exists()


def test_dev_split_is_the_last_contiguous_tenth():
    sentences = [([str(i)], ["O"]) for i in range(25)]
    training, dev = split_dev(sentences)
    assert training + dev == sentences
    assert dev == sentences[23:]


def test_words_seen_once_are_trained_as_unseen():
    sentences = [(["قال", "كورتيس"], ["O", "B-PERS"]), (["قال", "امس"], ["O", "O"])]
    features = [[["w=" + t, "s1=" + t[-1]] for t in tokens] for tokens, _ in sentences]
    unseen = rare_words_as_unseen(features, sentences, below=2, key=lambda t: t)
    assert unseen[0] == [["w=قال", "s1=ل"], ["s1=س"]]
    assert unseen[1] == [["w=قال", "s1=ل"], ["s1=س"]]


def test_cross_validation_blocks_are_contiguous_and_cover_every_sentence_once():
    sentences = [([str(i)], ["O"]) for i in range(10)]
    held_out = []
    for fold in range(3):
        training, block = split_fold(sentences, fold, 3)
        assert sorted(training + block) == sorted(sentences)
        assert block == sentences[sentences.index(block[0]) : sentences.index(block[0]) + len(block)]
        held_out += block
    assert held_out == sentences


def test_a_fold_model_is_scored_on_its_own_block(tmp_path):
    import json

    from khabar.ner.train import held_out_sentences

    data = tmp_path / "data"
    path = data / TRAIN
    path.parent.mkdir(parents=True)
    path.write_text("".join(f"w{i} O\n\n" for i in range(20)), encoding="utf-8")
    (tmp_path / "meta.json").write_text(json.dumps({"fold": [1, 4]}), encoding="utf-8")
    assert [tokens for tokens, _ in held_out_sentences(tmp_path, data)] == [[f"w{i}"] for i in range(5, 10)]
    (tmp_path / "meta.json").write_text(json.dumps({}), encoding="utf-8")
    assert [tokens for tokens, _ in held_out_sentences(tmp_path, data)] == [["w18"], ["w19"]]  # the dev split
