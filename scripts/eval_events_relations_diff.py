#!/usr/bin/env python3
"""Per-article differences between khabar's events/relations and the shared gold (GUIDELINE.md).

usage (from the repo root): python scripts/eval_events_relations_diff.py [GOLD.jsonl ...] [--events] [--relations]
Defaults to ../shared/gold/dev.jsonl and seed.jsonl and both layers. Runs `khabar analyze` once through the
gold's own score.py and matches with its rules: prints every missed gold item and every unmatched system item,
with the system events whose trigger lies in a missed gold event's evidence (the argument errors).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from khabar.link.evaluate import load_scorer

GOLD_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "gold"


def system_to_gold(scorer, gold: dict, out: dict) -> dict[str, set[str]]:
    """The scorer's mapping of system entity ids to gold keys (by mention or English name)."""
    mapping = {}
    for entity in out.get("entities", []) or []:
        texts = [m.get("text", "") for m in entity.get("mentions", [])] + [entity.get("name", "")]
        english = {scorer.norm_en(entity.get("name_en", ""))} - {""}
        keys = set()
        for ge in gold["entities"]:
            names = {scorer.norm_en(x) for x in [ge.get("name_en", "")] + ge.get("aliases_en", [])} - {""}
            if any(scorer.mention_match(s, m) for s in texts for m in ge["mentions"]) or (english & names):
                keys.add(ge["key"])
        mapping[entity.get("id")] = keys
    return mapping


def keys_of(mapping, ids) -> set[str]:
    return set().union(*(mapping.get(i, set()) for i in ids or [])) if ids else set()


def event_matches(mapping, system: dict, gold: dict) -> bool:
    if system.get("type") != gold["type"] or not keys_of(mapping, system.get("actors")) & set(gold["actors"]):
        return False
    return not gold.get("recipients") or bool(keys_of(mapping, system.get("recipients")) & set(gold["recipients"]))


def relation_matches(mapping, system: dict, gold: dict) -> bool:
    return (system.get("type") == gold["type"] and gold["subject"] in mapping.get(system.get("subject"), set())
            and gold["object"] in mapping.get(system.get("object"), set()))


def show_event(mapping, event: dict, text: str) -> str:
    trigger = event.get("trigger") or {}
    evidence = event.get("evidence")
    if isinstance(evidence, dict):
        evidence = text[evidence["start"]:evidence["end"]]
    actors = sorted(keys_of(mapping, event.get("actors"))) or event.get("actors")
    recipients = sorted(keys_of(mapping, event.get("recipients"))) or event.get("recipients")
    return (f"{event.get('type')}/{event.get('mode')} {actors} -> {recipients} "
            f"trigger={trigger.get('text', '') if isinstance(trigger, dict) else trigger!r} | {evidence}")


def diff_events(scorer, gold, out, mapping, text):
    system = out.get("events", []) or []
    for ge in gold.get("events", []):
        if any(event_matches(mapping, s, ge) for s in system):
            continue
        print(f"  MISSED {ge['type']}/{ge.get('mode')} {ge['actors']} -> {ge.get('recipients')} | {ge['evidence']}")
        evidence = scorer.norm_ar(ge["evidence"])
        for s in system:
            trig = s.get("trigger") or {}
            if isinstance(trig, dict) and trig.get("text") and scorer.norm_ar(trig["text"]) in evidence:
                print(f"      near: {show_event(mapping, s, text)}")
    for s in system:
        if not any(event_matches(mapping, s, ge) for ge in gold.get("events", [])):
            print(f"  EXTRA  {show_event(mapping, s, text)}")


def diff_relations(gold, out, mapping):
    system = out.get("relations", []) or []
    names = {e.get("id"): e.get("name") for e in out.get("entities", []) or []}
    for gr in gold.get("relations", []):
        if not any(relation_matches(mapping, s, gr) for s in system):
            print(f"  MISSED {gr['type']} {gr['subject']} -> {gr['object']} {gr.get('role', '')}")
    for s in system:
        if not any(relation_matches(mapping, s, gr) for gr in gold.get("relations", [])):
            print(f"  EXTRA  {s.get('type')} {names.get(s.get('subject'))} -> {names.get(s.get('object'))} "
                  f"{s.get('role') or ''} | {s.get('evidence')}")


def main() -> None:
    paths = [a for a in sys.argv[1:] if not a.startswith("--")] or [GOLD_DIR / "dev.jsonl", GOLD_DIR / "seed.jsonl"]
    layers = {a for a in sys.argv[1:] if a in ("--events", "--relations")} or {"--events", "--relations"}
    scorer = load_scorer(GOLD_DIR.parent)
    golds = [json.loads(line) for p in paths for line in open(p, encoding="utf-8") if line.strip()]
    texts = scorer.load_texts(golds)
    outs = scorer.run_project(golds, texts)
    for gold, out in zip(golds, outs, strict=True):
        mapping = system_to_gold(scorer, gold, out)
        print(f"== {gold['doc_key'][:60]}")
        if "--events" in layers:
            diff_events(scorer, gold, out, mapping, texts[(gold["corpus"], gold["doc_key"])])
        if "--relations" in layers:
            diff_relations(gold, out, mapping)
    figures = scorer.score(golds, outs)
    print(json.dumps({k: figures[k] for k in ("events", "event_dyads", "relations")}))


if __name__ == "__main__":
    main()
