import numpy as np

from khabar.ner.consistency import consistency_bonus, found_names

LABELS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC"]


def test_found_names_take_their_most_frequent_type():
    keys = [["غيث", "طراونة", "في", "عمان"], ["عمان"], ["عمان"]]
    tags = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-PERS"], ["B-LOC"]]
    assert found_names(keys, tags) == {("غيث", "طراونة"): "PERS", ("طراونة",): "PERS", ("عمان",): "LOC"}


def test_bonus_goes_to_the_missed_occurrences_only():
    keys = [["قال", "غيث", "طراونة"], ["وأكد", "غيث", "طراونة", "أمس"]]
    tags = [["O", "B-PERS", "I-PERS"], ["O", "O", "O", "O"]]
    bonus = consistency_bonus(keys, tags, LABELS, 2.0, (2, 4, len(LABELS)))
    assert not bonus[0].any()  # found there already
    expected = np.zeros((4, len(LABELS)))
    expected[1, 1] = expected[2, 2] = 2.0
    expected[3, 2] = -2.0  # and not running on into the next word
    assert (bonus[1] == expected).all()


def test_names_do_not_carry_over_to_the_next_block():
    from khabar.ner.memory import BLOCK

    keys = [["عمان"]] * (BLOCK + 1)
    tags = [["B-LOC"]] + [["O"]] * BLOCK
    bonus = consistency_bonus(keys, tags, LABELS, 1.0, (BLOCK + 1, 1, len(LABELS)))
    assert bonus[1:BLOCK].any(axis=(1, 2)).all() and not bonus[BLOCK].any()


def test_the_family_name_alone_is_favoured_as_a_person():
    keys = [["قال", "غيث", "طراونة"], ["وأكد", "طراونة", "أمس"]]
    tags = [["O", "B-PERS", "I-PERS"], ["O", "O", "O"]]
    bonus = consistency_bonus(keys, tags, LABELS, 1.0, (2, 3, len(LABELS)))
    assert bonus[1, 1, 1] == 1.0 and bonus[1, 2, 2] == -1.0 and (bonus[1] != 0).sum() == 2


def test_a_name_found_with_two_types_as_often_is_left_alone():
    keys = [["عمان"], ["عمان"], ["عمان"]]
    tags = [["B-LOC"], ["B-PERS"], ["O"]]
    assert found_names(keys, tags) == {}
    assert not consistency_bonus(keys, tags, LABELS, 1.0, (3, 1, len(LABELS))).any()


def test_an_occurrence_found_already_gets_nothing():
    keys = [["قال", "غيث", "طراونة"], ["وأكد", "طراونة", "أمس"]]
    tags = [["O", "B-PERS", "I-PERS"], ["O", "B-PERS", "O"]]
    assert not consistency_bonus(keys, tags, LABELS, 1.0, (2, 3, len(LABELS))).any()
