#!/usr/bin/env python3
"""Build src/khabar/data/kb/name_tokens.tsv, the Arabic -> English spelling of name words (and demonyms_en.tsv).

usage: python scripts/build_name_table.py [--kb src/khabar/data/kb/kb.json.gz] [--out FILE] [--demonyms FILE]

Sources: the KB's names and aliases (run scripts/build_kb.py first), arwikicats' tables (and its
nationality adjectives, translated) and arabic-name-romanizer's Wikidata name units (both:
pip install -e '.[kb]'). A missing source is
reported and skipped. Same sources, same bytes.
Not used: ANERGazet's "Aligned" gazetteers and UniversalPetrarch's actor dictionary, whose copies under
../shared/data have Arabic only.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import sys
from pathlib import Path

from khabar.kb.loader import KB_FILE
from khabar.kb.name_table import (
    arwikicats_pairs,
    build_table,
    demonym_table,
    kb_pairs,
    romanizer_pairs,
    write_table,
)
from khabar.kb.translit import DEMONYMS, NAME_TOKENS

HEADER = (
    "# Arabic name word (khabar.kb.translit.name_key) -> its most frequent English spelling in the sources,\n"
    "# with the count of that spelling and of all spellings. Built by scripts/build_name_table.py: do not edit.\n"
)


DEMONYMS_HEADER = (
    "# Arabic nationality adjective (khabar.kb.translit.name_key; with its article: ال + key) -> English adjective,\n"
    "# from arwikicats. Built by scripts/build_name_table.py: do not edit.\n"
)


def package_dir(name: str) -> Path | None:
    # Only the packages' data files are read: importing them is slow (and arwikicats prints statistics).
    spec = importlib.util.find_spec(name)
    return Path(spec.origin).parent if spec and spec.origin else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=Path, default=KB_FILE)
    parser.add_argument("--out", type=Path, default=NAME_TOKENS)
    parser.add_argument("--demonyms", type=Path, default=DEMONYMS)
    args = parser.parse_args()
    arwikicats, romanizer = package_dir("ArWikiCats"), package_dir("arabic_name_romanizer")
    names_db = romanizer / "resources" / "names.sqlite3" if romanizer else None
    sources = {
        "kb": (args.kb, kb_pairs),
        "arwikicats": (arwikicats, arwikicats_pairs),
        "arabic-name-romanizer": (names_db if names_db and names_db.exists() else None, romanizer_pairs),
    }
    pairs = []
    for name, (path, read) in sources.items():
        found = list(read(path)) if path and path.exists() else []
        print(f"{name:22s} {len(found):7d} name pairs  {path or 'MISSING (skipped)'}", file=sys.stderr)
        pairs.append(found)
    rows = build_table(itertools.chain.from_iterable(pairs))
    write_table(rows, args.out, HEADER)
    print(f"{len(rows)} name words -> {args.out}", file=sys.stderr)
    if arwikicats:
        demonyms = demonym_table(arwikicats)
        write_table(demonyms, args.demonyms, DEMONYMS_HEADER)
        print(f"{len(demonyms)} nationality adjective forms -> {args.demonyms}", file=sys.stderr)


if __name__ == "__main__":
    main()
