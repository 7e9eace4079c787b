import gzip
import json
from itertools import islice
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seeds" / "000_5ac56e579cbf584c.txt"


def shared_path(*parts: str) -> Path:
    """A path under ../shared/, skipping the test when the shared data is not beside the checkout."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


def real_articles(limit_per_corpus: int):
    """(corpus, id, text, published) from the ANT and SaudiNewsNet corpora in ../shared/data."""
    corpora = [
        ("ant", shared_path("data", "ant_corpus_multisource_v2.1", "ant_multisource_all.jsonl.gz"), "docno", "text"),
        ("saudinewsnet", shared_path("data", "saudinewsnet", "saudinewsnet_all.jsonl.gz"), "url", "content"),
    ]
    for corpus, path, id_key, text_key in corpora:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in islice(handle, limit_per_corpus):
                record = json.loads(line)
                yield corpus, record[id_key], record[text_key], record.get("time") or record.get("date_extracted")
