"""Throughput and memory of the whole `khabar analyze` pipeline on real news, on one core.

usage: python benchmarks/bench_pipeline.py [N_ARTICLES]

Prints articles/s and tokens/s for the full pipeline, per-component time, peak RSS, and as a baseline the same
figures for the text layer alone (normalise, segment, tokenise) over the same articles. Times are the process's
CPU time (one core, single-threaded), so that other load on the machine does not distort them; wall time is
printed beside the totals.
"""

from __future__ import annotations

import gzip
import json
import resource
import sys
import time
from itertools import islice
from pathlib import Path

from khabar.analyze import to_document
from khabar.ingest import Article
from khabar.ingest.fields import parse_date
from khabar.pipeline import default_pipeline

ANT = Path(__file__).resolve().parents[1].parent / "shared/data/ant_corpus_multisource_v2.1/ant_multisource_all.jsonl.gz"


def load(n: int) -> list[Article]:
    with gzip.open(ANT, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in islice(handle, n)]
    return [Article(r["docno"], r["text"], r.get("title"), parse_date(r.get("time"))) for r in records]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(articles, components) -> tuple[float, float, dict[str, float], int]:
    """(CPU seconds, wall seconds, CPU seconds per component, tokens)."""
    per_component = {getattr(c, "name", type(c).__name__): 0.0 for c in components}
    tokens = 0
    wall = time.perf_counter()
    start = time.process_time()
    for article in articles:
        doc = to_document(article)
        for component in components:
            t = time.process_time()
            component(doc)
            per_component[getattr(component, "name", type(component).__name__)] += time.process_time() - t
        tokens += len(doc.tokens)
    return time.process_time() - start, time.perf_counter() - wall, per_component, tokens


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    articles = load(n)
    t = time.perf_counter()
    pipeline = default_pipeline()
    load_s = time.perf_counter() - t
    run(articles[:20], pipeline.components)  # warm caches, as a long-running process would be
    elapsed, wall, per_component, tokens = run(articles, pipeline.components)
    base_elapsed, _, _, _ = run(articles, pipeline.components[:1])
    print(f"articles: {len(articles)}, tokens: {tokens} ({tokens / len(articles):.0f}/article)")
    print(f"pipeline load: {load_s:.2f} s")
    print(f"full pipeline: {len(articles) / elapsed:.1f} articles/s, {tokens / elapsed:,.0f} tokens/s "
          f"(one core, CPU time; wall: {len(articles) / wall:.1f} articles/s)")
    for name, seconds in per_component.items():
        print(f"  {name:10s} {1000 * seconds / len(articles):6.2f} ms/article")
    print(f"baseline (text layer only): {len(articles) / base_elapsed:.1f} articles/s")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
