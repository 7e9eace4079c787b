"""Readers for the training corpora, each giving (tokens, tags) sentences in the ANERcorp label set."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path

import yaml

from khabar.ner.conll import read_conll, tokens_and_tags
from khabar.ner.conlleval import entity_spans

TaggedSentence = tuple[list[str], list[str]]
_MARKS = "\u200e\u200f\ufeff"
_SEGMENT_MARK = "$#$"  # Wojood's segment separator, not a token of the text


@lru_cache(maxsize=1)
def type_maps() -> dict[str, dict[str, str]]:
    """Per corpus: its entity type -> ANERcorp type (absent or O: not an ANERcorp entity)."""
    path = importlib_resources.files("khabar") / "data" / "ner" / "type_map.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def map_tags(tags: list[str], mapping: dict[str, str]) -> list[str]:
    """Retype BIO tags; an I- tag whose entity was dropped or broken starts nothing (becomes O)."""
    out = []
    for tag in tags:
        prefix, _, kind = tag.partition("-")
        target = mapping.get(kind, "O") if prefix in ("B", "I") else "O"
        if target == "O" or (prefix == "I" and (not out or out[-1][2:] != target)):
            out.append("O")
        else:
            out.append(f"{prefix}-{target}")
    return out


def read_anercorp(path: Path) -> list[TaggedSentence]:
    return list(tokens_and_tags(read_conll(path)))


def read_mapped(path: Path, corpus: str) -> list[TaggedSentence]:
    """A CoNLL corpus whose last column is retyped with `type_maps()[corpus]`; direction marks stripped."""
    mapping = type_maps()[corpus]
    sentences = []
    for tokens, tags in tokens_and_tags(read_conll(path)):
        tokens = [t.strip(_MARKS) or t for t in tokens]
        sentences.append((tokens, map_tags(tags, mapping)))
    return sentences


def flatten_nested(levels: list[list[str]], mapping: dict[str, str]) -> list[str]:
    """Flat BIO tags in the ANERcorp types from a token's nested tags (outermost first): the outermost
    entity whose type maps to an ANERcorp type wins ("سكرتير اللجنة القومية" is an occupation, O in
    ANERcorp, holding an organisation, ORG)."""
    depth = max(map(len, levels), default=0)
    flat = ["O"] * len(levels)
    for d in range(depth):
        for start, end, kind in sorted(entity_spans([tags[d] if d < len(tags) else "O" for tags in levels])):
            target = mapping.get(kind, "O")
            if target != "O" and all(t == "O" for t in flat[start:end]):
                flat[start:end] = [f"B-{target}"] + [f"I-{target}"] * (end - start - 1)
    return flat


def read_nested(path: Path, corpus: str) -> list[TaggedSentence]:
    """A nested-entity CoNLL corpus (Wojood: token, then one tag per nesting level, outermost first),
    flattened with `flatten_nested` and `type_maps()[corpus]`."""
    mapping = type_maps()[corpus]
    sentences = []
    for rows in read_conll(path):
        rows = [row for row in rows if row[0] != _SEGMENT_MARK]
        if rows:
            sentences.append(([row[0] for row in rows], flatten_nested([row[1:] for row in rows], mapping)))
    return sentences
