"""Choose the label biases of the CRF's decoding (khabar.ner.decode) on the dev split, never on the test split.

DEV_MODEL is a model trained without the dev split (`khabar ner train --dev --out DEV_MODEL ...`); the bias
on O is swept on a grid, then a bias per entity type (added to its B- and I- labels) one type at a time
from there. With `--write DIR`, the chosen biases go to DIR/decoding.json (DIR: the model trained on all
the data with the same settings), which NerTagger reads.

usage: python scripts/tune_ner_decoding.py DEV_MODEL [--write DIR] [--per-type] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from khabar.ner.conlleval import evaluate
from khabar.ner.corpora import read_anercorp
from khabar.ner.decode import BiasedViterbi
from khabar.ner.tagger import DECODING_FILE, NerTagger
from khabar.ner.train import TRAIN, split_dev

O_GRID = [round(b, 2) for b in np.arange(0.0, -2.01, -0.25)]
TYPE_GRID = [-1.0, -0.5, 0.0, 0.5, 1.0]
TYPES = ("PERS", "ORG", "LOC", "MISC")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dev_model", type=Path)
    parser.add_argument("--write", type=Path, help="model folder to write decoding.json into")
    parser.add_argument("--per-type", action="store_true", help="also tune one bias per entity type")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()

    _, dev = split_dev(read_anercorp(args.data / TRAIN))
    gold = [tags for _, tags in dev]
    tagger = NerTagger(args.dev_model)
    features = [tagger.features(tokens) for tokens, _ in dev]
    viterbi = BiasedViterbi(tagger.crf)

    def score(bias: dict[str, float]) -> dict:
        viterbi.bias[:] = 0
        for label, value in bias.items():
            viterbi.bias[viterbi.labels.index(label)] = value
        return evaluate(gold, viterbi.tag(features))["micro"]

    def show(bias: dict, micro: dict) -> None:
        print(f"{json.dumps(bias):<70} P {micro['precision']:5.2f} R {micro['recall']:5.2f} F1 {micro['f1']:5.2f}")

    best, best_f1 = {}, -1.0
    for o in O_GRID:
        bias = {"O": o} if o else {}
        micro = score(bias)
        show(bias, micro)
        if micro["f1"] > best_f1:
            best, best_f1 = bias, micro["f1"]
    if args.per_type:
        for kind in TYPES:
            chosen = best
            for value in TYPE_GRID:
                bias = best | ({f"B-{kind}": value, f"I-{kind}": value} if value else {})
                micro = score(bias)
                show(bias, micro)
                if micro["f1"] > best_f1:
                    chosen, best_f1 = bias, micro["f1"]
            best = chosen
    print("chosen", json.dumps(best), "dev F1", best_f1)
    if args.write:
        record = {"bias": best, "chosen_on": "dev split (last tenth of ANERcorp train)", "dev_f1": best_f1,
                  "dev_model": str(args.dev_model)}
        (args.write / DECODING_FILE).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
