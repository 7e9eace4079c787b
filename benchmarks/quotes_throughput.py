"""Throughput of the quote layer on real news, with the text layer timed on the same articles as the baseline.

usage: .venv/bin/python benchmarks/quotes_throughput.py [ARTICLES_PER_CORPUS]   (needs ../shared/data)
Entities and linking run once beforehand (untimed): the quote layer reads them.
"""

from __future__ import annotations

import gzip
import json
import resource
import sys
import time
from itertools import islice
from pathlib import Path

from khabar.document import Document
from khabar.entities import EntityRecognizer
from khabar.link import Linker
from khabar.quotes import QuoteExtractor
from khabar.text import TextAnalyzer

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CORPORA = [
    ("ant_corpus_multisource_v2.1/ant_multisource_all.jsonl.gz", "text"),
    ("saudinewsnet/saudinewsnet_all.jsonl.gz", "content"),
]


def load_texts(per_corpus: int) -> list[str]:
    texts = []
    for path, key in CORPORA:
        with gzip.open(DATA / path, "rt", encoding="utf-8") as handle:
            texts.extend(json.loads(line)[key] for line in islice(handle, per_corpus))
    return texts


def timed(component, docs: list[Document]) -> float:
    """CPU seconds, not wall time: the machine is shared, and waiting for a core is not the component's cost."""
    start = time.process_time()
    for doc in docs:
        component(doc)
    return time.process_time() - start


def main() -> None:
    per_corpus = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    texts = load_texts(per_corpus)
    docs = [Document(id=str(i), text=text) for i, text in enumerate(texts)]
    chars = sum(len(t) for t in texts)

    text_seconds = timed(TextAnalyzer(), docs)
    recognizer, linker = EntityRecognizer(), Linker()
    for doc in docs:
        recognizer(doc)
        linker(doc)
    extractor = QuoteExtractor()
    quote_seconds = timed(extractor, docs)

    quotes = sum(len(doc.quotes) for doc in docs)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles {len(docs)}, characters {chars}, quotes {quotes}")
    print(f"quotes:   {len(docs) / quote_seconds:8.0f} articles/s  {chars / quote_seconds / 1e6:6.2f} M chars/s "
          "(CPU time)")
    print(f"baseline (text layer on the same articles): "
          f"{len(docs) / text_seconds:8.0f} articles/s  {chars / text_seconds / 1e6:6.2f} M chars/s")
    print(f"peak RSS {peak_mb:.0f} MB (whole process, knowledge base included)")


if __name__ == "__main__":
    main()
