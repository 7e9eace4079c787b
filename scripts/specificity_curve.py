"""The precision/recall curve of the shipped specificity model (khabar.events.specificity) on one half of the
Arabic PLOVER GSR: for each type, precision and recall keeping the candidates the model scores at least each
threshold, recall counted over every gold positive of the half (those the rules miss included).

    python scripts/specificity_curve.py [--split test] [--data ../shared/data/arabic_event_gsr]

A GSR sentence scores the highest probability of its segmented sentences, as the coder keeps it when any of them
passes; at the model's own threshold the row matches `khabar eval events --split S --specificity`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from khabar.document import Document
from khabar.events.coder import EventCoder
from khabar.events.evaluate import load_gsr
from khabar.events.specificity import SpecificityModel
from khabar.text import TextAnalyzer

THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
RECALLS = (0.5, 0.6, 0.7, 0.8)


def scores(folder: Path, split: str, model: SpecificityModel) -> dict[str, tuple[np.ndarray, np.ndarray, int]]:
    """Per type: the scores and labels of the candidate sentences, and the number of gold positives."""
    analyzer, coder = TextAnalyzer(), EventCoder(specificity=False)
    out: dict[str, tuple[list, list, int]] = {t: ([], [], 0) for t in model.types}
    for s in load_gsr(folder, split):
        doc = Document(id=s.id, text=s.text)
        analyzer(doc)
        found: dict[int, list] = {}
        for d in coder.detect(doc):
            if d.type == s.type and d.asserted:
                found.setdefault(d.sentence, []).append(d.match)
        kept, labels, positives = out[s.type]
        out[s.type] = (kept, labels, positives + s.gold)
        if found:
            kept.append(max(model.probability(doc, doc.sentences[i], s.type, m) for i, m in found.items()))
            labels.append(s.gold)
    return {t: (np.array(k), np.array(y, dtype=bool), n) for t, (k, y, n) in out.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("../shared/data/arabic_event_gsr"))
    parser.add_argument("--split", default="test", choices=["dev", "test", "all"])
    args = parser.parse_args()
    model = SpecificityModel()
    for ptype, (score, gold, positives) in scores(args.data, args.split, model).items():
        print(f"{ptype} ({args.split}: {len(score)} candidates, {positives} gold positives; "
              f"model threshold {model.threshold[ptype]:.3f})")
        for threshold in sorted({*THRESHOLDS, model.threshold[ptype]}):
            kept = score >= threshold
            tp = int((kept & gold).sum())
            p = tp / kept.sum() if kept.sum() else 0.0
            print(f"  threshold {threshold:.3f}: P {p:.3f} R {tp / positives:.3f} ({kept.sum()} kept)")
        order = np.argsort(-score)
        tp = np.cumsum(gold[order])
        precision, recall = tp / np.arange(1, len(score) + 1), tp / positives
        for target in RECALLS:
            best = precision[recall >= target].max(initial=0.0)
            print(f"  best precision at recall >= {target}: {best:.3f}")


if __name__ == "__main__":
    main()
