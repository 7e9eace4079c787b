#!/usr/bin/env python3
"""Dates P/R/F1 of khabar.dates.tag_dates on the shared gold (GUIDELINE.md), scored by the gold's own score.py.

usage (from the repo root): python scripts/eval_gold_dates.py [GOLD.jsonl ...] [--errors]
Defaults to ../shared/gold/dev.jsonl and seed.jsonl. Only calendar dates (khabar.dates.is_calendar) are
output as `dates`, as the lead's JSON does: durations, sets, times and vague references are not gold dates.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from khabar.dates import is_calendar, tag_dates
from khabar.link.evaluate import load_scorer

GOLD_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "gold"


def main() -> None:
    paths = [a for a in sys.argv[1:] if not a.startswith("--")] or [GOLD_DIR / "dev.jsonl", GOLD_DIR / "seed.jsonl"]
    scorer = load_scorer(GOLD_DIR.parent)
    golds = [json.loads(line) for p in paths for line in open(p, encoding="utf-8") if line.strip()]
    texts = scorer.load_texts(golds)
    outs = []
    for g in golds:
        mentions = tag_dates(texts[(g["corpus"], g["doc_key"])], dt.date.fromisoformat(g["published"]))
        outs.append({"dates": [m.to_dict() for m in mentions if is_calendar(m)]})
    print("dates", scorer.score(golds, outs)["dates"])
    if "--errors" in sys.argv:
        for g, o in zip(golds, outs, strict=True):
            for d in g["dates"]:
                if not any(matches(scorer, s, d) for s in o["dates"]):
                    print(f"  missed {g['doc_key'][:45]} {g['published']} {d['text']!r} {d['value']}")
            for s in o["dates"]:
                if not any(matches(scorer, s, d) for d in g["dates"]):
                    print(f"  extra  {g['doc_key'][:45]} {g['published']} {s['text']!r} {s['value']} ({s['reason']})")


def matches(scorer, system: dict, gold: dict) -> bool:
    """The gold scorer's rule: one text contains the other (normalised) and the values are equal."""
    a, b = scorer.norm_ar(system["text"]), scorer.norm_ar(gold["text"])
    return bool(a) and (a in b or b in a) and str(system["value"]) == gold["value"]


if __name__ == "__main__":
    main()
