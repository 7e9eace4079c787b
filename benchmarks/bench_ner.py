"""NER tagger speed and accuracy on the official CAMeL ANERcorp test split, next to the gazetteer-only
baseline on the same input (and, with `--neural DIR`, the experimental neural tagger trained into DIR by
`khabar ner train-neural`; with `--crf DIR`, a candidate CRF trained into DIR by `khabar ner train --out DIR`). Prints tokens/s (one core, single process, CPU time and wall time), peak RSS and
conlleval micro F1 for both.

usage: python benchmarks/bench_ner.py [--file ../shared/data/anercorp/camellab_official/ANERCorp_CamelLab_test.txt]
                                      [--repeat 3] [--neural DIR] [--crf DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from pathlib import Path

from khabar.ner import load_tagger
from khabar.ner.baseline import GazetteerTagger
from khabar.ner.conlleval import evaluate
from khabar.ner.corpora import read_anercorp

DEFAULT = Path("../shared/data/anercorp/camellab_official/ANERCorp_CamelLab_test.txt")


def measure(name: str, tagger, sentences: list[list[str]], gold: list[list[str]], repeat: int) -> None:
    n_tokens = sum(map(len, sentences))
    best_cpu = best_wall = float("inf")
    for _ in range(repeat):  # the first round includes filling the per-word feature cache
        wall, cpu = time.perf_counter(), time.process_time()
        predicted = tagger.tag(sentences)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    micro = evaluate(gold, predicted)["micro"]
    print(f"{name:<18} F1 {micro['f1']:5.2f} (P {micro['precision']:5.2f} R {micro['recall']:5.2f})  "
          f"{n_tokens / best_cpu:8.0f} tokens/s CPU  {n_tokens / best_wall:8.0f} tokens/s wall")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--file", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--neural", type=Path, help="also measure the neural tagger in this model folder")
    parser.add_argument("--crf", type=Path, help="also measure the CRF tagger in this model folder")
    args = parser.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    test = read_anercorp(args.file)
    sentences, gold = [t for t, _ in test], [g for _, g in test]
    print(f"{args.file.name}: {len(sentences)} sentences, {sum(map(len, sentences))} tokens, one core")
    started = time.perf_counter()
    tagger = load_tagger()
    print(f"model load {time.perf_counter() - started:.2f}s")
    measure("gazetteer baseline", GazetteerTagger(), sentences, gold, args.repeat)
    measure("CRF tagger", tagger, sentences, gold, args.repeat)
    if args.crf:
        from khabar.ner.tagger import NerTagger

        started = time.perf_counter()
        candidate = NerTagger(args.crf)
        print(f"candidate CRF load {time.perf_counter() - started:.2f}s")
        measure("candidate CRF", candidate, sentences, gold, args.repeat)
    if args.neural:
        from khabar.ner.neural import NeuralTagger

        started = time.perf_counter()
        neural = NeuralTagger(args.neural)
        print(f"neural model load {time.perf_counter() - started:.2f}s")
        measure("neural tagger", neural, sentences, gold, args.repeat)
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
