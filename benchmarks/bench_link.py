#!/usr/bin/env python3
"""Linking throughput on real articles, against an alias-only baseline, on one core.

usage: python benchmarks/bench_link.py [--articles 500] [--shared ../shared/data]

The text layer and the recogniser run first, untimed; then the timed loop runs only the linker over the
same prepared documents: `khabar.link.Linker` and, as the baseline, an alias-only linker (exact KB alias
per span, one entity per KB id or spelling; no context, clustering, fuzzy matching or actor codes).
Prints articles/s for both (per wall-clock second and per CPU-second of the process: on a machine shared
with other jobs the second is the steadier), the KB load time and the process's peak RSS.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import resource
import time
from itertools import islice
from pathlib import Path

from khabar.document import Document, Entity
from khabar.kb import KnowledgeBase, load_kb
from khabar.kb.keys import alias_key
from khabar.kb.translit import name_table
from khabar.kb.western import latin_names


class AliasOnlyLinker:
    name = "link-baseline"

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb

    def __call__(self, doc: Document) -> None:
        by_key: dict[str, Entity] = {}
        for span in doc.entity_spans:
            text = doc.text[span.start : span.end]
            found = [self.kb.get(span.kb_id)] if span.kb_id else self.kb.exact(text)
            key = found[0].id if found else alias_key(text)
            entity = by_key.setdefault(key, Entity(id=f"e{len(by_key) + 1}", type=span.type, name=text))
            if found:
                entity.kb_id, entity.name_en = found[0].id, found[0].name_en
            entity.mentions.append(doc.span(span.start, span.end))
        doc.entities = list(by_key.values())


def articles(shared: Path, limit: int):
    path = shared / "ant_corpus_multisource_v2.1" / "ant_multisource_all.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in islice(f, limit):
            record = json.loads(line)
            yield Document(id=record["docno"], text=record["text"], published=dt.date(2018, 6, 1))


def throughput(component, docs: list[Document], rounds: int) -> tuple[float, float]:
    """Articles per second of wall-clock time and of this process's CPU time (the figure that a machine
    shared with other jobs disturbs less)."""
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for doc in docs:
            component(doc)
    n = rounds * len(docs)
    return n / (time.perf_counter() - start), n / (time.process_time() - cpu_start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1] / "../shared/data")
    args = parser.parse_args()

    from khabar.entities import EntityRecognizer
    from khabar.link import Linker
    from khabar.text import TextAnalyzer

    start = time.perf_counter()
    kb = load_kb()
    kb_seconds = time.perf_counter() - start
    start = time.perf_counter()
    name_table()  # read on the first unknown name otherwise, inside the timed loop
    latin_names()  # likewise on the first Western name or unknown place
    table_seconds = time.perf_counter() - start
    text, recognise = TextAnalyzer(), EntityRecognizer(kb)
    docs = list(articles(args.shared, args.articles))
    for doc in docs:
        text(doc)
        recognise(doc)
    spans = sum(len(d.entity_spans) for d in docs)
    # Name keys are cached per process: the first pass over new articles is the cold figure.
    linker_cold = throughput(Linker(kb), docs, 1)
    baseline = throughput(AliasOnlyLinker(kb), docs, args.rounds)
    linker = throughput(Linker(kb), docs, args.rounds)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"articles {len(docs)}  spans {spans}  rounds {args.rounds}  KB {len(kb)} entries loaded in {kb_seconds:.2f} s"
        f"  name table {len(name_table().table)} words and name lists in {table_seconds:.2f} s"
    )
    print("                            articles/s (wall)  articles/CPU-s")
    print(f"baseline alias-only linker  {baseline[0]:8.0f}           {baseline[1]:8.0f}")
    print(
        f"khabar.link.Linker          {linker[0]:8.0f}           {linker[1]:8.0f}"
        f"  ({linker[1] / baseline[1]:.2f} x baseline, CPU)"
    )
    print(
        f"khabar.link.Linker, cold    {linker_cold[0]:8.0f}           {linker_cold[1]:8.0f}  (first pass, empty caches)"
    )
    print(f"peak RSS                    {peak_mb:8.0f} MB")


if __name__ == "__main__":
    main()
