"""NER tagger speed and accuracy on the official CAMeL ANERcorp test split, next to the gazetteer-only
baseline on the same input. Prints tokens/s (one core, one BLAS thread, CPU time and wall time), peak RSS
and conlleval micro F1 for both. The tagger gets the input one document-sized chunk (`--chunk` sentences) at a
time, as `khabar analyze` calls it.

usage: python benchmarks/bench_ner.py [--file ../shared/data/anercorp/camellab_official/ANERCorp_CamelLab_test.txt]
                                      [--repeat 3] [--chunk 12]
"""

from __future__ import annotations

import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):  # one core: set before numpy loads
    os.environ[_variable] = "1"

import argparse  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from khabar.ner import load_tagger  # noqa: E402
from khabar.ner.baseline import GazetteerTagger  # noqa: E402
from khabar.ner.conlleval import evaluate  # noqa: E402
from khabar.ner.corpora import read_anercorp  # noqa: E402

DEFAULT = Path("../shared/data/anercorp/camellab_official/ANERCorp_CamelLab_test.txt")


def measure(name: str, tagger, sentences: list[list[str]], gold: list[list[str]], repeat: int, chunk: int) -> None:
    n_tokens = sum(map(len, sentences))
    best_cpu = best_wall = float("inf")
    for _ in range(repeat):  # the first round includes filling the per-word cache
        wall, cpu = time.perf_counter(), time.process_time()
        predicted = [tags for i in range(0, len(sentences), chunk) for tags in tagger.tag(sentences[i : i + chunk])]
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    micro = evaluate(gold, predicted)["micro"]
    print(f"{name:<18} F1 {micro['f1']:5.2f} (P {micro['precision']:5.2f} R {micro['recall']:5.2f})  "
          f"{n_tokens / best_cpu:8.0f} tokens/s CPU  {n_tokens / best_wall:8.0f} tokens/s wall")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--file", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--chunk", type=int, default=12, help="sentences per call (about one news article)")
    args = parser.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    test = read_anercorp(args.file)
    sentences, gold = [t for t, _ in test], [g for _, g in test]
    print(f"{args.file.name}: {len(sentences)} sentences, {sum(map(len, sentences))} tokens, one core")
    started = time.perf_counter()
    tagger = load_tagger()
    print(f"model load {time.perf_counter() - started:.2f}s")
    measure("gazetteer baseline", GazetteerTagger(), sentences, gold, args.repeat, args.chunk)
    measure("neural tagger", tagger, sentences, gold, args.repeat, args.chunk)
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
