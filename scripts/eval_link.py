#!/usr/bin/env python3
"""Score entity mentions and linking on the shared gold with the text + entities + link layers only.

usage: python scripts/eval_link.py [--shared ../shared] [--show]

Runs the pipeline up to the linker (faster than `khabar analyze` and independent of the later layers)
and scores it with ../shared/gold/score.py's own functions; `--show` prints, per article, the gold
entities that were missed or linked to another English name.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
from pathlib import Path


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("gold_score", shared / "gold" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1] / "../shared")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()

    from khabar.document import Document
    from khabar.entities import EntityRecognizer
    from khabar.link import Linker
    from khabar.pipeline import Pipeline
    from khabar.text import TextAnalyzer

    scorer = load_scorer(args.shared)
    golds = [json.loads(l) for name in ("dev.jsonl", "seed.jsonl") for l in open(args.shared / "gold" / name, encoding="utf-8")]
    texts = scorer.load_texts(golds)
    pipeline = Pipeline([TextAnalyzer(), EntityRecognizer(), Linker()])
    outs = []
    for i, g in enumerate(golds):
        doc = Document(id=f"d{i}", text=texts[(g["corpus"], g["doc_key"])], published=dt.date.fromisoformat(g["published"]))
        outs.append(pipeline(doc).to_dict())
    res = scorer.score(golds, outs)
    print("mentions", res["mentions"])
    print("typed   ", res["typed_mentions"])
    print("linking ", res["linking"])
    if args.show:
        show(scorer, golds, outs)


def show(scorer, golds, outs) -> None:
    for g, o in zip(golds, outs):
        print("==", g["doc_key"][:60])
        sys_mentions = [(m["text"], e) for e in o["entities"] for m in e["mentions"]]
        for ge in g["entities"]:
            if not ge.get("named", True):
                continue
            holders = [e for t, e in sys_mentions if any(scorer.mention_match(t, gm) for gm in ge["mentions"])]
            missed = [gm for gm in ge["mentions"] if not any(scorer.mention_match(t, gm) for t, _ in sys_mentions)]
            names = {scorer.norm_en(x) for x in [ge.get("name_en", ""), *ge.get("aliases_en", [])]}
            wrong = holders and not any(scorer.norm_en(h.get("name_en") or "") in names for h in holders)
            if missed or wrong:
                got = sorted({h.get("name_en") or "" for h in holders})
                print(f"   {ge['name_en']:35s} missed={missed} got={got}")
        gold_mentions = [m for ge in g["entities"] if ge.get("named", True) for m in ge["mentions"]]
        extra = sorted({t for t, e in sys_mentions if not any(scorer.mention_match(t, gm) for gm in gold_mentions)})
        if extra:
            print("   extra:", extra)


if __name__ == "__main__":
    main()
