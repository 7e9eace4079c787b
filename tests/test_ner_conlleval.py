from khabar.ner.conlleval import entity_spans, evaluate


def test_spans_read_the_conlleval_way():
    # an I- tag without a matching open entity starts one; B- always starts one; a type change splits
    tags = ["I-PERS", "I-PERS", "O", "B-LOC", "B-LOC", "I-LOC", "I-ORG"]
    assert entity_spans(tags) == {(0, 2, "PERS"), (3, 4, "LOC"), (4, 6, "LOC"), (6, 7, "ORG")}


def test_micro_and_per_type_scores():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "O"]]
    predicted = [["B-PERS", "O", "O", "B-LOC"], ["B-ORG", "B-MISC"]]
    scores = evaluate(gold, predicted)
    # correct: LOC, ORG; the PERS boundary is wrong; MISC is spurious
    assert scores["micro"]["correct"] == 2 and scores["micro"]["predicted"] == 4 and scores["micro"]["gold"] == 3
    assert scores["micro"]["precision"] == 50.0
    assert scores["micro"]["recall"] == 66.67
    assert scores["micro"]["f1"] == 57.14
    assert scores["per_type"]["PERS"]["f1"] == 0.0
    assert scores["per_type"]["MISC"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "gold": 0, "predicted": 1,
                                          "correct": 0}
