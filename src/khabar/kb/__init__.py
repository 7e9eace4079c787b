"""The knowledge base: countries, organisations, agencies, officeholders with dated actor codes.

`load_kb()` reads the built file (src/khabar/data/kb/kb.json.gz, made by scripts/build_kb.py) plus any
entities imported from a Wikidata dump (`khabar kb import-wikidata`), once per process.
"""

from __future__ import annotations

from khabar.kb.loader import load_kb
from khabar.kb.model import KBEntry, KnowledgeBase, Position

__all__ = ["KBEntry", "KnowledgeBase", "Position", "load_kb"]
