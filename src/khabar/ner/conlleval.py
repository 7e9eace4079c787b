"""Entity-level precision, recall and F1 with the conlleval definition: an entity counts as correct only
when its type and both boundaries match; an I- tag that does not continue an entity of its type starts one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


def entity_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) spans of a BIO sequence, end exclusive, read the conlleval way."""
    spans = set()
    start, kind = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, tag_type = tag.partition("-")
        continues = prefix == "I" and kind == tag_type
        if kind is not None and not continues:
            spans.add((start, i, kind))
            kind = None
        if prefix in ("B", "I") and not continues:
            start, kind = i, tag_type
    return spans


def _prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    precision = 100.0 * correct / predicted if predicted else 0.0
    recall = 100.0 * correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 2), "recall": round(recall, 2), "f1": round(f1, 2),
            "gold": gold, "predicted": predicted, "correct": correct}


def evaluate(gold: Iterable[list[str]], predicted: Iterable[list[str]]) -> dict:
    """Micro and per-type scores over paired tag sequences (one pair per sentence)."""
    correct, n_pred, n_gold = Counter(), Counter(), Counter()
    for gold_tags, pred_tags in zip(gold, predicted, strict=True):
        gold_spans, pred_spans = entity_spans(gold_tags), entity_spans(pred_tags)
        n_gold.update(t for _, _, t in gold_spans)
        n_pred.update(t for _, _, t in pred_spans)
        correct.update(t for _, _, t in gold_spans & pred_spans)
    types = sorted(set(n_gold) | set(n_pred))
    return {
        "micro": _prf(sum(correct.values()), sum(n_pred.values()), sum(n_gold.values())),
        "per_type": {t: _prf(correct[t], n_pred[t], n_gold[t]) for t in types},
    }
