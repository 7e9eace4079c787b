"""The unlabelled news behind the tagger's clusters and self-trained lexicon. By default only the ANT
corpus (Apache-2.0 / citation licence) is read, so that the shipped model files carry no non-commercial
terms; SaudiNewsNet (CC BY-NC-SA 4.0) can be added for experiments."""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Iterable
from pathlib import Path

ANT = "ant_corpus_multisource_v2.1/ant_multisource_all.jsonl.gz"
SAUDINEWSNET = "saudinewsnet/saudinewsnet_all.jsonl.gz"
FIELDS = {ANT: ("text", "docno"), SAUDINEWSNET: ("content", "url")}  # (text field, key used by ../shared/gold)


def gold_keys(data: Path) -> set[str]:
    """Keys of the articles in ../shared/gold, kept out of everything the model learns from."""
    keys = set()
    for path in (data.parent / "gold").glob("*.jsonl"):
        keys |= {json.loads(line)["doc_key"] for line in path.open(encoding="utf-8") if line.strip()}
    return keys


def news_texts(data: Path, articles: int, sources: Iterable[str] = (ANT,), seed: int = 13) -> list[str]:
    """A seeded random sample of article texts, gold articles excluded."""
    skip = gold_keys(data)
    texts = []
    for name in sources:
        text_field, key_field = FIELDS[name]
        with gzip.open(data / name, "rt", encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                if record.get(text_field) and record.get(key_field) not in skip:
                    texts.append(record[text_field])
    random.Random(seed).shuffle(texts)
    return texts[:articles]
