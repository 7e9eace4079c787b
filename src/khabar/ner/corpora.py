"""Readers for the training corpora, each giving (tokens, tags) sentences in the ANERcorp label set."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path

import yaml

from khabar.ner.conll import read_conll, tokens_and_tags

TaggedSentence = tuple[list[str], list[str]]
_MARKS = "\u200e\u200f\ufeff"


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
