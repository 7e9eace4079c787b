"""Choose the CRF's decoding settings (khabar.ner.decode, khabar.ner.consistency) on held-out ANERcorp train
sentences, never on the test split: the bias on the O label, per-type biases (a bias for a type's B-/I-
labels is a bias against O for that type only) and the document-consistency bonus, on a small grid.

MODEL is a model trained without the dev split (`khabar ner train --dev --out MODEL ...`), or several: the
fold models of scripts/cv_ner.py (OUT/fold*), each scored on the block it was trained without, pooled. With
`--write DIR`, the best setting goes to DIR/decoding.json (DIR: the model trained on all the data with the
same settings), which NerTagger reads. Held-out sentences are read in blocks of khabar.ner.memory.BLOCK
sentences for the consistency bonus, as any input without document breaks.

usage: python scripts/tune_ner_decoding.py MODEL [MODEL ...] [--write DIR] [--o-bias 0 -0.25 -0.5]
                                          [--consistency 0 1 2 3 4] [--type-bias ORG=0,0.5 B-MISC=0,0.5]
                                          [--join PERS] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

from khabar.ner.conlleval import evaluate
from khabar.ner.tagger import DECODING_FILE, NerTagger
from khabar.ner.train import held_out_sentences

O_BIAS = (0.0, -0.25, -0.5)
CONSISTENCY = (0.0, 1.0, 2.0, 3.0, 4.0)


def type_bias_grid(specs: list[str]) -> list[dict[str, float]]:
    """["ORG=0,0.5", "B-MISC=0,1"] -> every combination as label biases ({"B-ORG": 0.5, "I-ORG": 0.5,
    "B-MISC": 1.0}, ...): a type's bias goes to its B- and I- labels, a label's to that label only."""
    axes = []
    for spec in specs:
        key, _, values = spec.partition("=")
        labels = [key] if key[:2] in ("B-", "I-") else [f"B-{key}", f"I-{key}"]
        axes.append([dict.fromkeys(labels, float(v)) for v in values.split(",")])
    return [{label: v for part in combination for label, v in part.items() if v}
            for combination in itertools.product(*axes)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("models", type=Path, nargs="+")
    parser.add_argument("--write", type=Path, help="model folder to write decoding.json into")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--o-bias", type=float, nargs="+", default=O_BIAS, help="O biases to try")
    parser.add_argument("--consistency", type=float, nargs="+", default=CONSISTENCY, help="bonuses to try")
    parser.add_argument("--type-bias", nargs="*", default=[], help="TYPE=v1,v2,... (or B-TYPE=...) biases to try for a type's labels (or one label)")
    parser.add_argument("--join", nargs="*", default=[], help="entity types whose adjacent names are joined "
                        "(khabar.ner.adjacent), applied to every setting and written with the chosen one")
    args = parser.parse_args()

    held_out = [held_out_sentences(model, args.data) for model in args.models]
    gold = [tags for sentences in held_out for _, tags in sentences]
    taggers = [NerTagger(model) for model in args.models]
    for tagger in taggers:
        tagger.join = frozenset(args.join)
    best, best_f1 = None, -1.0
    for type_bias in type_bias_grid(args.type_bias):
        for o_bias in args.o_bias:
            bias = {"O": o_bias} | type_bias
            for consistency in args.consistency:
                predicted = []
                for tagger, sentences in zip(taggers, held_out):
                    tagger.set_decoding(bias, consistency)
                    predicted += tagger.tag([tokens for tokens, _ in sentences])
                scores = evaluate(gold, predicted)
                micro = scores["micro"]
                per_type = " ".join(f"{t} {s['f1']:5.2f}" for t, s in scores["per_type"].items())
                print(f"bias {json.dumps(bias)} consistency {consistency:3.1f}  P {micro['precision']:5.2f} "
                      f"R {micro['recall']:5.2f} F1 {micro['f1']:5.2f}  ({per_type})", flush=True)
                if micro["f1"] > best_f1:
                    best, best_f1 = {"bias": bias, "consistency": consistency, "join": args.join}, micro["f1"]
    print("chosen", json.dumps(best), "held-out F1", best_f1)
    if args.write:
        chosen_on = ("pooled cross-validation folds of ANERcorp train (scripts/cv_ner.py)" if len(args.models) > 1
                     else "dev split (last tenth of ANERcorp train)")
        record = best | {"chosen_on": chosen_on + ", scripts/tune_ner_decoding.py", "held_out_f1": best_f1}
        (args.write / DECODING_FILE).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
