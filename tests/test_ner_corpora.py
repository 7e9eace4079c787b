from khabar.ner.corpora import map_tags, type_maps


def test_map_tags_retypes_and_drops_unmapped_entities():
    mapping = {"Politician": "PERS", "Nation": "LOC"}
    tags = ["B-Politician", "I-Politician", "O", "B-Group", "I-Group", "B-Nation", "I-Building"]
    assert map_tags(tags, mapping) == ["B-PERS", "I-PERS", "O", "O", "O", "B-LOC", "O"]


def test_type_map_targets_are_anercorp_types():
    for mapping in type_maps().values():
        assert set(mapping.values()) <= {"PERS", "ORG", "LOC", "MISC"}
