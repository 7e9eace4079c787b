"""Choose the CRF's decoding settings (khabar.ner.decode, khabar.ner.consistency) on the dev split, never on
the test split: the bias on the O label and the document-consistency bonus, on a small grid.

DEV_MODEL is a model trained without the dev split (`khabar ner train --dev --out DEV_MODEL ...`). With
`--write DIR`, the best setting goes to DIR/decoding.json (DIR: the model trained on all the data with the
same settings), which NerTagger reads. The dev split is read in blocks of khabar.ner.memory.BLOCK sentences
for the consistency bonus, as any input without document breaks.

usage: python scripts/tune_ner_decoding.py DEV_MODEL [--write DIR] [--o-bias 0 -0.25 -0.5] [--join PERS]
                                          [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from khabar.ner.conlleval import evaluate
from khabar.ner.corpora import read_anercorp
from khabar.ner.tagger import DECODING_FILE, NerTagger
from khabar.ner.train import TRAIN, split_dev

O_BIAS = (0.0, -0.25, -0.5)
CONSISTENCY = (0.0, 1.0, 2.0, 3.0, 4.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dev_model", type=Path)
    parser.add_argument("--write", type=Path, help="model folder to write decoding.json into")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--o-bias", type=float, nargs="+", default=O_BIAS, help="O biases to try")
    parser.add_argument("--join", nargs="*", default=[], help="entity types whose adjacent names are joined "
                        "(khabar.ner.adjacent), applied to every setting and written with the chosen one")
    args = parser.parse_args()

    _, dev = split_dev(read_anercorp(args.data / TRAIN))
    gold, sentences = [tags for _, tags in dev], [tokens for tokens, _ in dev]
    tagger = NerTagger(args.dev_model)
    tagger.join = frozenset(args.join)
    best, best_f1 = None, -1.0
    for o_bias in args.o_bias:
        for consistency in CONSISTENCY:
            tagger.set_decoding({"O": o_bias}, consistency)
            scores = evaluate(gold, tagger.tag(sentences))
            micro = scores["micro"]
            per_type = " ".join(f"{t} {s['f1']:5.2f}" for t, s in scores["per_type"].items())
            print(f"O bias {o_bias:5.2f} consistency {consistency:3.1f}  P {micro['precision']:5.2f} "
                  f"R {micro['recall']:5.2f} F1 {micro['f1']:5.2f}  ({per_type})", flush=True)
            if micro["f1"] > best_f1:
                best, best_f1 = {"bias": {"O": o_bias}, "consistency": consistency, "join": args.join}, micro["f1"]
    print("chosen", json.dumps(best), "dev F1", best_f1)
    if args.write:
        record = best | {"chosen_on": "dev split (last tenth of ANERcorp train), scripts/tune_ner_decoding.py",
                         "dev_f1": best_f1}
        (args.write / DECODING_FILE).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
