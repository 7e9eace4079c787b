from khabar.ner.train import cross_validated_tags, rare_words_as_unseen, split_dev


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
