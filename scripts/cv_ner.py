"""Cross-validated selection of the CRF tagger over K contiguous blocks of ANERcorp train, never the test split.

The single dev split (396 sentences) moves by about ±1.5 F1 between equally good models; pooling the
held-out predictions of K models (each trained on the other blocks + the de-duplicated extra corpora,
`khabar.ner.train.split_fold`) scores every ANERcorp train sentence once, ten times the dev split. Fold
models go to OUT/fold{k} (a fold already trained there is reused) and their held-out tags to
OUT/predictions.json, one list per decoding setting, which `--compare` reads for a paired bootstrap of
the settings both runs scored.

usage: python scripts/cv_ner.py OUT [--folds 4] [--extra newsfane] [--context] [--c1 0.05] [--c2 0.01]
                                [--candidate JSON] [--data ../shared/data] [--compare OTHER_OUT]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from khabar.ner.conlleval import evaluate
from khabar.ner.tagger import DECODING_FILE, NerTagger, default_model_dir
from khabar.ner.train import held_out_sentences, train_model

BOOTSTRAP_SAMPLES = 1000


def fold_dirs(out: Path) -> list[Path]:
    return sorted(out.glob("fold*"), key=lambda p: int(p.name[4:]))


def decodings(candidate: dict | None) -> dict[str, dict]:
    """The decoding settings every fold is scored with, by name: crfsuite's own, the packaged decoding.json's
    and a candidate setting (from scripts/tune_ner_decoding.py) when given."""
    packaged = json.loads((default_model_dir() / DECODING_FILE).read_text(encoding="utf-8"))
    return {setting_name(d): d for d in ({}, packaged, candidate) if d is not None}


def setting_name(decoding: dict) -> str:
    """A decoding setting's name, the same for the same setting in every run (--compare matches on it)."""
    if not decoding:
        return "crfsuite"
    bias = {label: v for label, v in decoding.get("bias", {}).items() if v}
    return f"bias {json.dumps(bias)} consistency {float(decoding.get('consistency', 0.0))} join {decoding.get('join', [])}"


def tag_with(tagger: NerTagger, decoding: dict, sentences: list[list[str]]) -> list[list[str]]:
    tagger.set_decoding(decoding.get("bias", {}), decoding.get("consistency", 0.0))
    tagger.join = frozenset(decoding.get("join", ()))
    return tagger.tag(sentences)


def summary(scores: dict) -> str:
    micro = scores["micro"]
    per_type = " ".join(f"{t} {s['f1']:5.2f} (P {s['precision']:5.2f} R {s['recall']:5.2f})"
                        for t, s in scores["per_type"].items())
    return f"P {micro['precision']:5.2f} R {micro['recall']:5.2f} F1 {micro['f1']:5.2f}  {per_type}"


def sentence_counts(gold: list, predicted: list) -> np.ndarray:
    """Per sentence: (correct, predicted, gold) entity counts, from which any resample's micro F1 is summed."""
    return np.array([[m["correct"], m["predicted"], m["gold"]]
                     for m in (evaluate([g], [p])["micro"] for g, p in zip(gold, predicted))])


def paired_bootstrap(gold: list, first: list, second: list, seed: int = 0) -> tuple[float, float, float]:
    """F1(second) - F1(first) over the sentences, and its 95% interval over resampled sentence sets."""
    counts = np.stack([sentence_counts(gold, first), sentence_counts(gold, second)])  # (system, sentence, 3)
    rng = np.random.default_rng(seed)
    samples = rng.integers(0, counts.shape[1], size=(BOOTSTRAP_SAMPLES, counts.shape[1]))
    totals = counts[:, samples].sum(axis=2)  # (system, sample, 3)
    f1 = 200.0 * totals[..., 0] / (totals[..., 1] + totals[..., 2])
    whole = counts.sum(axis=1)
    delta = 200.0 * (whole[1, 0] / (whole[1, 1] + whole[1, 2]) - whole[0, 0] / (whole[0, 1] + whole[0, 2]))
    low, high = np.percentile(f1[1] - f1[0], [2.5, 97.5])
    return float(delta), float(low), float(high)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--extra", default="newsfane", help="extra corpora, comma-separated")
    parser.add_argument("--context", action="store_true", help="wider context features (khabar.ner.context)")
    parser.add_argument("--c1", type=float, default=0.05, help="L1 regularisation")
    parser.add_argument("--c2", type=float, default=0.01, help="L2 regularisation")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--candidate", type=json.loads, help='a decoding setting to score too, as JSON '
                        '(\'{"consistency": 5, "join": ["PERS"]}\')')
    parser.add_argument("--compare", type=Path, help="another CV folder: paired bootstrap of OUT against it")
    args = parser.parse_args()

    extra = [c for c in args.extra.split(",") if c]
    for k in range(args.folds):
        model = args.out / f"fold{k}"
        if not (model / "meta.json").exists():
            train_model(args.data, extra, model, args.c1, args.c2, fold=(k, args.folds), context=args.context)

    held_out = [held_out_sentences(model, args.data) for model in fold_dirs(args.out)]
    gold = [tags for fold in held_out for _, tags in fold]
    predictions = {}
    for name, decoding in decodings(args.candidate).items():
        predictions[name] = [tags for model, fold in zip(fold_dirs(args.out), held_out)
                             for tags in tag_with(NerTagger(model), decoding, [tokens for tokens, _ in fold])]
        print(f"pooled over {len(held_out)} folds, {len(gold)} sentences, {name}: "
              f"{summary(evaluate(gold, predictions[name]))}", flush=True)
    (args.out / "predictions.json").write_text(json.dumps({"gold": gold, **predictions}), encoding="utf-8")

    if args.compare:
        other = json.loads((args.compare / "predictions.json").read_text(encoding="utf-8"))
        assert other["gold"] == gold, "the two CV runs must use the same folds"
        for name, predicted in predictions.items():
            if name not in other:
                continue
            delta, low, high = paired_bootstrap(gold, other[name], predicted)
            print(f"{name}: {args.out} - {args.compare} = {delta:+.2f} F1, 95% [{low:+.2f}, {high:+.2f}]")


if __name__ == "__main__":
    main()
