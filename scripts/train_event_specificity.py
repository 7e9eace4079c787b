"""Train the specificity model (khabar.events.specificity) on the dev half of the Arabic PLOVER GSR.

    python scripts/train_event_specificity.py [--data ../shared/data/arabic_event_gsr]

Only sentences where the rules find an asserted trigger of the type are examples: the model decides which of
them report a new, specific event. The test half is never read here; report it with
`khabar eval events --split test`. Each type gets an L2-regularised logistic regression (full-batch gradient
descent, numpy) and the threshold that maximises F1 over 5-fold cross-validated predictions on dev, counting
the dev positives the rules miss as misses. Writes src/khabar/data/events/specificity.npz.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from khabar.document import Document
from khabar.events.coder import EventCoder
from khabar.events.evaluate import load_gsr
from khabar.events.specificity import MODEL_FILE, SpecificityFeatures
from khabar.text import TextAnalyzer

FOLDS = 5
L2 = 3e-2
STEPS = 300
LEARNING_RATE = 0.5


def examples(folder: Path, ptype: str, features: SpecificityFeatures):
    """(X, y, missed): candidate sentences of the dev half, their labels, and the positives without a candidate."""
    analyzer, coder = TextAnalyzer(), EventCoder(specificity=False)
    rows, labels, missed = [], [], 0
    for s in load_gsr(folder, "dev"):
        if s.type != ptype:
            continue
        doc = Document(id=s.id, text=s.text)
        analyzer(doc)
        found = [d for d in coder.detect(doc) if d.type == ptype and d.asserted]
        if not found:
            missed += s.gold
            continue
        by_sentence: dict[int, list] = {}
        for d in found:
            by_sentence.setdefault(d.sentence, []).append(d.match)
        names = set().union(*(features.names(doc, doc.sentences[i], m) for i, m in by_sentence.items()))
        rows.append(features.vector(names))
        labels.append(float(s.gold))
    return np.array(rows, dtype=np.float64), np.array(labels), missed


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    w, b = np.zeros(x.shape[1], dtype=np.float64), 0.0
    pos = max(y.mean(), 1e-6)
    sample = np.where(y == 1, 0.5 / pos, 0.5 / (1 - pos))  # balanced classes; the threshold restores precision
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        g = sample * (p - y)
        w -= LEARNING_RATE * (x.T @ g / len(y) + L2 * w)
        b -= LEARNING_RATE * g.mean()
    return w, b


def f1_at(scores: np.ndarray, y: np.ndarray, threshold: float, missed: int) -> tuple[float, float, float]:
    kept = scores >= threshold
    tp = float((kept & (y == 1)).sum())
    p = tp / kept.sum() if kept.sum() else 0.0
    r = tp / (y.sum() + missed) if y.sum() + missed else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def cross_validated(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    folds = np.arange(len(y)) % FOLDS
    scores = np.zeros(len(y))
    for k in range(FOLDS):
        w, b = fit(x[folds != k], y[folds != k])
        scores[folds == k] = 1 / (1 + np.exp(-(x[folds == k] @ w + b)))
    return scores


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("../shared/data/arabic_event_gsr"))
    args = parser.parse_args()
    features = SpecificityFeatures()
    types, weights, biases, thresholds = [], [], [], []
    for ptype in ("ASSAULT", "PROTEST"):
        x, y, missed = examples(args.data, ptype, features)
        scores = cross_validated(x, y)
        threshold = max(np.unique(scores), key=lambda t: f1_at(scores, y, t, missed)[2])
        p, r, f = f1_at(scores, y, threshold, missed)
        print(f"{ptype}: {len(y)} candidates ({int(y.sum())} positive, {missed} positives missed by the rules); "
              f"5-fold CV on dev at threshold {threshold:.3f}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
        w, b = fit(x, y)
        types.append(ptype)
        weights.append(w.astype(np.float32))
        biases.append(b)
        thresholds.append(threshold)
    np.savez_compressed(MODEL_FILE, types=np.array(types), weights=np.stack(weights),
                        bias=np.array(biases, dtype=np.float32), threshold=np.array(thresholds, dtype=np.float32))
    print(f"wrote {MODEL_FILE}")


if __name__ == "__main__":
    main()
