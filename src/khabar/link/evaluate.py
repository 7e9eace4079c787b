"""Mentions and linking against the shared gold (../shared/gold), scored by its own score.py.

Runs the pipeline up to the linker (text, recogniser, linker): faster than `khabar analyze` and
independent of the later layers.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

GOLD_FILES = ("dev.jsonl", "seed.jsonl")


def load_scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("gold_score", shared / "gold" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_gold(shared: Path) -> tuple[ModuleType, list[dict[str, Any]], list[dict[str, Any]]]:
    """(the scorer module, the gold records, the pipeline's output for each)."""
    from khabar.document import Document
    from khabar.entities import EntityRecognizer
    from khabar.link import Linker
    from khabar.pipeline import Pipeline
    from khabar.text import TextAnalyzer

    scorer = load_scorer(shared)
    golds = []
    for name in GOLD_FILES:
        with open(shared / "gold" / name, encoding="utf-8") as f:
            golds += [json.loads(line) for line in f if line.strip()]
    texts = scorer.load_texts(golds)
    pipeline = Pipeline([TextAnalyzer(), EntityRecognizer(), Linker()])
    outs = []
    for i, g in enumerate(golds):
        text = texts[(g["corpus"], g["doc_key"])]
        doc = Document(id=f"d{i}", text=text, published=dt.date.fromisoformat(g["published"]))
        outs.append(pipeline(doc).to_dict())
    return scorer, golds, outs


def misses(scorer: ModuleType, golds: list[dict[str, Any]], outs: list[dict[str, Any]]) -> list[str]:
    """Per article: gold entities missed or linked to another English name, and extra mentions."""
    lines = []
    for g, o in zip(golds, outs):
        lines.append(f"== {g['doc_key'][:60]}")
        found = [(m["text"], e) for e in o["entities"] for m in e["mentions"]]
        for ge in g["entities"]:
            if not ge.get("named", True):
                continue
            holders = [e for t, e in found if any(scorer.mention_match(t, gm) for gm in ge["mentions"])]
            missed = [gm for gm in ge["mentions"] if not any(scorer.mention_match(t, gm) for t, _ in found)]
            names = {scorer.norm_en(x) for x in [ge.get("name_en", ""), *ge.get("aliases_en", [])]}
            wrong = holders and not any(scorer.norm_en(h.get("name_en") or "") in names for h in holders)
            if missed or wrong:
                got = sorted({h.get("name_en") or "" for h in holders})
                lines.append(f"   {ge['name_en']:35s} missed={missed} got={got}")
        gold_mentions = [m for ge in g["entities"] if ge.get("named", True) for m in ge["mentions"]]
        extra = sorted({t for t, _ in found if not any(scorer.mention_match(t, gm) for gm in gold_mentions)})
        if extra:
            lines.append(f"   extra: {extra}")
    return lines
