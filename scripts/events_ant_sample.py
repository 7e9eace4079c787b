#!/usr/bin/env python3
"""The events khabar codes on unseen ANT articles, one JSON line per event, to read them or compare two versions.

usage (from the repo root): python scripts/events_ant_sample.py [--skip N] [--n N] [--input ARTICLES.jsonl] > EVENTS.jsonl
Defaults: the 200 articles after the first 3000 of ../shared/data/ant_corpus_multisource_v2.1 (the benchmarks read
the first 520), less the gold articles; `--input` reads articles from a JSONL file instead (id, text, published). Each line: doc, type, actors and recipients by name, trigger, evidence. Two
runs (one with PYTHONPATH pointing at an older checkout's src) are compared by their (doc, type, trigger start,
actors, recipients); the new lines are the ones to read.
"""

from __future__ import annotations

import argparse
import gzip
import json
from itertools import islice
from pathlib import Path

from khabar.analyze import to_document
from khabar.ingest import Article
from khabar.ingest.fields import parse_date
from khabar.pipeline import default_pipeline

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ANT = SHARED / "data" / "ant_corpus_multisource_v2.1" / "ant_multisource_all.jsonl.gz"


def gold_keys() -> set[str]:
    return {json.loads(line)["doc_key"] for name in ("dev.jsonl", "seed.jsonl")
            for line in open(SHARED / "gold" / name, encoding="utf-8") if line.strip()}


def articles(args: argparse.Namespace) -> list[Article]:
    if args.input:
        records = [json.loads(line) for line in open(args.input, encoding="utf-8") if line.strip()]
        return [Article(r["id"], r["text"], r.get("title"), parse_date(r.get("published"))) for r in records]
    skip = gold_keys()
    with gzip.open(ANT, "rt", encoding="utf-8") as handle:
        records = [r for r in map(json.loads, islice(handle, args.skip, args.skip + args.n)) if r["docno"] not in skip]
    return [Article(r["docno"], r["text"], r.get("title"), parse_date(r.get("time"))) for r in records]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip", type=int, default=3000)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--input", type=Path, help="articles as JSONL (id, text, published) instead of ANT's")
    args = parser.parse_args()
    pipeline = default_pipeline()
    for article in articles(args):
        doc = pipeline(to_document(article))
        names = {e.id: e.name for e in doc.entities}
        for event in doc.events:
            print(json.dumps({"doc": doc.id, "type": event.type, "start": event.trigger.start,
                              "actors": [names.get(a, a) for a in event.actors],
                              "recipients": [names.get(r, r) for r in event.recipients],
                              "trigger": event.trigger.text, "evidence": event.evidence.text if event.evidence else ""},
                             ensure_ascii=False))


if __name__ == "__main__":
    main()
