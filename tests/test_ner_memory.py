from khabar.ner.memory import BLOCK, memory_features


def test_memory_carries_a_type_found_elsewhere_in_the_document():
    stems = [["قال", "غيث", "الطراونه"], ["واضاف", "الطراونه"]]
    first = [["O", "B-PERS", "I-PERS"], ["O", "O"]]
    features = memory_features(stems, first)
    assert "mem=PERS" in features[1][1] and "p1=O" in features[1][1]
    assert "memshare=PERS:0.5" in features[1][1]  # tagged once out of two occurrences
    assert not any(f.startswith("mem=") for f in features[1][0])
    assert "p1-1=^" in features[0][0] and "p1+1=$" in features[1][1]


def test_memory_does_not_cross_blocks():
    stems = [["الطراونه"]] * (BLOCK + 1)
    first = [["B-PERS"]] + [["O"]] * BLOCK
    features = memory_features(stems, first)
    assert "mem=PERS" in features[BLOCK - 1][0]
    assert not any(f.startswith("mem=") for f in features[BLOCK][0])
