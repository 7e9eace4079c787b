from khabar.ner.adjacent import join_adjacent

PERS = frozenset({"PERS"})


def test_a_person_name_split_in_two_is_joined():
    tokens = ["كتب", "محمود", "صبري", "ابو", "تريكة"]
    tags = ["O", "B-PERS", "I-PERS", "B-PERS", "I-PERS"]
    assert join_adjacent(tokens, tags, PERS) == ["O", "B-PERS", "I-PERS", "I-PERS", "I-PERS"]


def test_names_joined_by_the_conjunction_stay_apart():
    tokens = ["كاسياس", "وراموس"]
    assert join_adjacent(tokens, ["B-PERS", "B-PERS"], PERS) == ["B-PERS", "B-PERS"]


def test_other_types_and_separated_names_are_untouched():
    tokens = ["مانشستر", "يونايتد", "ليون", "،", "زيدان"]
    tags = ["B-ORG", "I-ORG", "B-ORG", "O", "B-PERS"]
    assert join_adjacent(tokens, tags, PERS) == tags
    assert join_adjacent(["زيدان", "،", "رونالدو"], ["B-PERS", "O", "B-PERS"], PERS) == ["B-PERS", "O", "B-PERS"]


def test_the_tagger_joins_the_types_named_in_decoding_json(tmp_path):
    import json

    from khabar.ner.tagger import DECODING_FILE, NerTagger, default_model_dir

    for f in default_model_dir().iterdir():
        if f.name != DECODING_FILE:
            (tmp_path / f.name).symlink_to(f)
    (tmp_path / DECODING_FILE).write_text(json.dumps({"join": ["PERS"]}), encoding="utf-8")
    tagger = NerTagger(tmp_path)
    assert tagger.join == {"PERS"}

    class SplitsTheName:
        def tag(self, features):
            return ["B-PERS", "I-PERS", "B-PERS", "I-PERS"][: len(features)]

    tagger.crf = SplitsTheName()
    assert tagger.tag([["محمود", "صبري", "ابو", "تريكة"]]) == [["B-PERS", "I-PERS", "I-PERS", "I-PERS"]]
