"""Dates F1 on the shared gold annotations (skipped when ../shared is not there)."""

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from khabar.dates import is_calendar, tag_dates

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"

pytestmark = pytest.mark.skipif(not (GOLD / "score.py").exists(), reason="shared gold data not available")


def test_dates_f1_on_gold():
    spec = importlib.util.spec_from_file_location("gold_score", GOLD / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    import json

    golds = [json.loads(line) for name in ("dev.jsonl", "seed.jsonl") for line in open(GOLD / name, encoding="utf-8")]
    texts = scorer.load_texts(golds)
    outs = []
    for g in golds:
        mentions = tag_dates(texts[(g["corpus"], g["doc_key"])], dt.date.fromisoformat(g["published"]))
        outs.append({"dates": [m.to_dict() for m in mentions if is_calendar(m)]})
    assert scorer.score(golds, outs)["dates"]["f1"] >= 0.95
