#!/usr/bin/env python3
"""Linking throughput on real articles, against an alias-only baseline, on one core.

usage: python benchmarks/bench_link.py [--articles 500] [--shared ../shared/data]

The text layer and the recogniser run first, untimed; then the timed loop runs only the linker over the
same prepared documents: `khabar.link.Linker` and, as the baseline, an alias-only linker (exact KB alias
per span, one entity per KB id or spelling; no context, clustering, fuzzy matching or actor codes).
Prints articles/s for both, the KB load time and the process's peak RSS.
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


def throughput(component, docs: list[Document], rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for doc in docs:
            component(doc)
    return rounds * len(docs) / (time.perf_counter() - start)


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
        f"  name table {len(name_table().table)} words in {table_seconds:.2f} s"
    )
    print(f"baseline alias-only linker  {baseline:8.0f} articles/s")
    print(f"khabar.link.Linker          {linker:8.0f} articles/s  ({linker / baseline:.2f} x baseline)")
    print(f"khabar.link.Linker, cold    {linker_cold:8.0f} articles/s  (first pass, empty name-key cache)")
    print(f"peak RSS                    {peak_mb:8.0f} MB")


if __name__ == "__main__":
    main()
