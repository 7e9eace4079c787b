"""Load the built KB once per process."""

from __future__ import annotations

import gzip
import json
import os
from functools import lru_cache
from pathlib import Path

from khabar.kb.model import KBEntry, KnowledgeBase

KB_DIR = Path(__file__).resolve().parent.parent / "data" / "kb"
KB_FILE = KB_DIR / "kb.json.gz"


def imported_file() -> Path:
    """Where `khabar kb import-wikidata` writes and `load_kb` reads imported entities."""
    return Path(os.environ.get("KHABAR_KB_IMPORTS", KB_DIR / "wikidata.jsonl.gz"))


def read_kb(path: Path = KB_FILE, imports: Path | None = None) -> KnowledgeBase:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        data = json.load(f)
    kb = KnowledgeBase(
        (KBEntry.from_dict(d) for d in data["entries"]),
        data["nationalities"],
        data["roles"],
        data["ambiguous_alone"],
        data["descriptors"],
        data["not_in_names"],
        data["role_names"],
    )
    imports = imports or imported_file()
    if imports.exists():
        with gzip.open(imports, "rt", encoding="utf-8") as f:
            for line in f:
                kb.merge(KBEntry.from_dict(json.loads(line)))
    return kb


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    return read_kb()
