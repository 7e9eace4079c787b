"""Error analysis of a cross-validation run (scripts/cv_ner.py OUT): the gold entities of the chosen types that
the pooled held-out predictions miss, by kind of error — missed entirely (no predicted entity overlaps),
wrong type (same span), boundary (same type, other span), other type and span — with counts and examples
in context, and the words most often seen just before missed names.

usage: python scripts/ner_misses.py OUT [--types ORG MISC] [--decoding SETTING] [--examples 40]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from khabar.ner.conlleval import entity_spans
from khabar.ner.train import held_out_sentences

CONTEXT = 4  # words shown on each side of an example


def classify(span: tuple[int, int, str], predicted: set[tuple[int, int, str]]) -> str:
    start, end, kind = span
    overlapping = [p for p in predicted if p[0] < end and start < p[1]]
    if not overlapping:
        return "missed"
    if any(p[:2] == (start, end) for p in overlapping):
        return "wrong type"
    if any(p[2] == kind for p in overlapping):
        return "boundary"
    return "other type and span"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--types", nargs="+", default=["ORG", "MISC"])
    parser.add_argument("--decoding", help="which setting's predictions of predictions.json (default: the "
                        "packaged decoding.json's, the first after crfsuite's)")
    parser.add_argument("--examples", type=int, default=40)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()

    predictions = json.loads((args.out / "predictions.json").read_text(encoding="utf-8"))
    setting = args.decoding or next(name for name in predictions if name not in ("gold", "crfsuite"))
    print("predictions of", setting)
    folds = sorted(args.out.glob("fold*"), key=lambda p: int(p.name[4:]))
    tokens = [t for fold in folds for t, _ in held_out_sentences(fold, args.data)]
    for kind in args.types:
        errors: Counter = Counter()
        before: Counter = Counter()
        examples = []
        for words, gold, predicted in zip(tokens, predictions["gold"], predictions[setting]):
            found = entity_spans(predicted)
            for span in entity_spans(gold):
                if span[2] != kind or span in found:
                    continue
                error = classify(span, found)
                errors[error] += 1
                start, end, _ = span
                before[words[start - 1] if start else "<s>"] += 1
                examples.append(f"{error:>20}: {' '.join(words[max(0, start - CONTEXT):start])} [[ "
                                f"{' '.join(words[start:end])} ]] {' '.join(words[end:end + CONTEXT])}")
        print(f"== {kind}: {sum(errors.values())} gold entities not found exactly: {dict(errors.most_common())}")
        print("   words before them:", ", ".join(f"{w} {n}" for w, n in before.most_common(25)))
        print("\n".join(examples[: args.examples]))


if __name__ == "__main__":
    main()
