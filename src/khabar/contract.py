"""The output contract: the JSON Schema, plus the check that every span quotes the text it points to."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(resources.files("khabar.schema").joinpath("article.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _spans(article: dict[str, Any]):
    for entity in article["entities"]:
        yield from entity["mentions"]
    yield from article["dates"]
    yield from article.get("time_expressions", [])
    for quote in article["quotes"]:
        yield quote
        if quote.get("cue_span"):
            yield quote["cue_span"]
    for event in article["events"]:
        yield event["evidence"]
        if event.get("trigger"):
            yield event["trigger"]
    for relation in article["relations"]:
        yield relation["evidence"]
    for key in ("wire_evidence", "dateline_evidence"):
        if article["source"].get(key):
            yield article["source"][key]


def contract_errors(article: dict[str, Any]) -> list[str]:
    """Everything wrong with one output object; empty when it honours the contract."""
    errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in _validator().iter_errors(article)]
    if errors:
        return errors
    text = article["text"]
    for span in _spans(article):
        if not (0 <= span["start"] <= span["end"] <= len(text)) or text[span["start"] : span["end"]] != span["text"]:
            errors.append(f"span {span['start']}:{span['end']} does not quote the text: {span['text']!r}")
    ids = {e["id"] for e in article["entities"]}
    refs = [q["speaker"] for q in article["quotes"] if q["speaker"]]
    refs += [i for ev in article["events"] for i in ev["actors"] + ev["recipients"]]
    refs += [i for r in article["relations"] for i in (r["subject"], r["object"])]
    errors += [f"unknown entity id {ref}" for ref in refs if ref not in ids]
    return errors
