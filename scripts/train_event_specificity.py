"""Train the specificity model (khabar.events.specificity) on the dev half of the Arabic PLOVER GSR.

    python scripts/train_event_specificity.py [--data ../shared/data/arabic_event_gsr]

Only sentences where the rules find an asserted trigger of the type are examples: the model decides which of
them report a new, specific event. The test half is never read here; report it with
`khabar eval events --split test --specificity`. One L2-regularised logistic regression with balanced classes
(L-BFGS, scipy, which datasketch already brings) learns from the candidates of both types, each feature shared
and typed (SpecificityFeatures.typed): PROTEST has too few positives (37 on dev) for a model of its own. The
L2 weight is the one of L2_GRID with the best average precision over repeated 5-fold cross-validation on dev,
and each type's threshold the one that maximises its F1 over those cross-validated predictions, counting the
dev positives the rules miss as misses. Prints the CV precision at a few recalls and writes
src/khabar/data/events/specificity.npz.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import scipy.sparse as sparse
from scipy.optimize import minimize

from khabar.document import Document
from khabar.events.coder import EventCoder
from khabar.events.evaluate import load_gsr
from khabar.events.specificity import MODEL_FILE, SpecificityFeatures
from khabar.text import TextAnalyzer

FOLDS = 5
REPEATS = 3  # CV on a few hundred sentences is noisy: average over shuffles
L2_GRID = (3e-3, 1e-2, 3e-2)
CURVE_RECALLS = (0.5, 0.6, 0.7, 0.8)


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
        rows.append(features.indices(features.typed(names, ptype)))
        labels.append(float(s.gold))
    x = sparse.csr_matrix((np.ones(sum(map(len, rows))), np.concatenate(rows).astype(int),
                           np.cumsum([0] + [len(r) for r in rows])), shape=(len(rows), features.dimensions))
    return x, np.array(labels), missed


def fit(x: sparse.csr_matrix, y: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    pos = max(y.mean(), 1e-6)
    sample = np.where(y == 1, 0.5 / pos, 0.5 / (1 - pos))  # balanced classes; the threshold restores precision

    def loss(v: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = v[:-1], v[-1]
        z = x @ w + b
        g = sample * (1 / (1 + np.exp(-z)) - y) / len(y)
        value = (sample * (np.logaddexp(0, z) - y * z)).mean() + 0.5 * l2 * w @ w
        return value, np.append(x.T @ g + l2 * w, g.sum())

    v = minimize(loss, np.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500}).x
    return v[:-1], float(v[-1])


def cross_validated(x: sparse.csr_matrix, y: np.ndarray, l2: float, seed: int) -> np.ndarray:
    folds = np.random.default_rng(seed).permutation(len(y)) % FOLDS
    scores = np.zeros(len(y))
    for k in range(FOLDS):
        w, b = fit(x[folds != k], y[folds != k], l2)
        scores[folds == k] = 1 / (1 + np.exp(-(x[folds == k] @ w + b)))
    return scores


def curve(scores: np.ndarray, y: np.ndarray, missed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Precision and recall (over all positives, the missed included) keeping the candidates scoring at least
    each threshold, thresholds from high to low."""
    order = np.argsort(-scores)
    tp = np.cumsum(y[order])
    return tp / np.arange(1, len(y) + 1), tp / (y.sum() + missed), scores[order]


def average_precision(scores: np.ndarray, y: np.ndarray, missed: int) -> float:
    precision, _, _ = curve(scores, y, missed)
    return float((precision * y[np.argsort(-scores)]).sum() / (y.sum() + missed))


def f1_at(scores: np.ndarray, y: np.ndarray, threshold: float, missed: int) -> tuple[float, float, float]:
    kept = scores >= threshold
    tp = float((kept & (y == 1)).sum())
    p = tp / kept.sum() if kept.sum() else 0.0
    r = tp / (y.sum() + missed) if y.sum() + missed else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def train(data: dict[str, tuple[sparse.csr_matrix, np.ndarray, int]]):
    """(weights, bias, thresholds): the L2 of L2_GRID with the best mean CV average precision over the types,
    the model fitted on all of dev at that L2, and per type the threshold maximising its mean CV F1."""
    types = list(data)
    x = sparse.vstack([data[t][0] for t in types]).tocsr()
    y = np.concatenate([data[t][1] for t in types])
    rows = np.cumsum([0] + [len(data[t][1]) for t in types])
    part = {t: slice(rows[k], rows[k + 1]) for k, t in enumerate(types)}
    runs = {l2: [cross_validated(x, y, l2, seed) for seed in range(REPEATS)] for l2 in L2_GRID}

    def mean_ap(l2: float, t: str) -> float:
        return float(np.mean([average_precision(s[part[t]], y[part[t]], data[t][2]) for s in runs[l2]]))

    for l2 in L2_GRID:
        print(f"L2 {l2}: CV average precision " + ", ".join(f"{t} {mean_ap(l2, t):.3f}" for t in types))
    l2 = max(L2_GRID, key=lambda c: np.mean([mean_ap(c, t) for t in types]))
    thresholds = []
    for t in types:
        scores, labels, missed = [s[part[t]] for s in runs[l2]], y[part[t]], data[t][2]
        threshold = max(np.unique(np.concatenate(scores)),
                        key=lambda c: np.mean([f1_at(s, labels, c, missed)[2] for s in scores]))
        p, r, f = np.mean([f1_at(s, labels, threshold, missed) for s in scores], axis=0)
        print(f"{t}: {len(labels)} candidates ({int(labels.sum())} positive, {missed} positives missed by the "
              f"rules); L2 {l2}, {REPEATS}x{FOLDS}-fold CV on dev at threshold {threshold:.3f}: "
              f"P {p:.3f} R {r:.3f} F1 {f:.3f}")
        for target in CURVE_RECALLS:
            best = [precision[recall >= target].max(initial=0.0)
                    for precision, recall, _ in (curve(s, labels, missed) for s in scores)]
            print(f"  CV precision at recall >= {target}: {np.mean(best):.3f}")
        thresholds.append(float(threshold))
    w, b = fit(x, y, l2)
    return w, b, thresholds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("../shared/data/arabic_event_gsr"))
    args = parser.parse_args()
    features = SpecificityFeatures()
    data = {t: examples(args.data, t, features) for t in ("ASSAULT", "PROTEST")}
    w, b, thresholds = train(data)
    np.savez_compressed(MODEL_FILE, types=np.array(list(data)), weights=w.astype(np.float32),
                        bias=np.float32(b), threshold=np.array(thresholds, dtype=np.float32))
    print(f"wrote {MODEL_FILE}")


if __name__ == "__main__":
    main()
