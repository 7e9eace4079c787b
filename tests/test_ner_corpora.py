from khabar.ner.corpora import map_tags, type_maps


def test_map_tags_retypes_and_drops_unmapped_entities():
    mapping = {"Politician": "PERS", "Nation": "LOC"}
    tags = ["B-Politician", "I-Politician", "O", "B-Group", "I-Group", "B-Nation", "I-Building"]
    assert map_tags(tags, mapping) == ["B-PERS", "I-PERS", "O", "O", "O", "B-LOC", "O"]


def test_type_map_targets_are_anercorp_types():
    for mapping in type_maps().values():
        assert set(mapping.values()) <= {"PERS", "ORG", "LOC", "MISC"}


def test_nested_tags_flatten_to_the_outermost_anercorp_entity():
    from khabar.ner.corpora import flatten_nested

    mapping = {"ORG": "ORG", "GPE": "LOC", "PERS": "PERS"}
    # "secretary of the Arab National Committee in Nablus": an occupation (no ANERcorp type) holding an
    # organisation and a place; a place inside an organisation stays part of the organisation
    levels = [["B-OCC"], ["I-OCC", "B-ORG"], ["I-OCC", "I-ORG", "B-GPE"], ["I-OCC", "I-ORG", "I-GPE"],
              ["I-OCC"], ["I-OCC", "B-GPE"], ["O"]]
    assert flatten_nested(levels, mapping) == ["O", "B-ORG", "I-ORG", "I-ORG", "O", "B-LOC", "O"]


def test_type_map_covers_every_extra_corpus():
    from khabar.ner.train import EXTRA

    assert set(EXTRA) <= set(type_maps())
