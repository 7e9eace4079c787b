#!/usr/bin/env python3
"""How often the transliteration of names the KB does not know gives their usual English spelling.

usage: python scripts/eval_name_table.py [--every 10]

Held-out test: every N-th person of arwikicats' people table (mostly foreign names, the kind the
KB misses), by a hash of the English name. The name table is rebuilt from the same sources as
scripts/build_name_table.py without those names (in any source), then the test names are spelled by
the rules alone, the table, and the table with vowel-letter variants. A word is right when it equals
the English word after the gold scorer's folding (lowercase, ASCII, no punctuation, no leading al-).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import unicodedata

from build_name_table import package_dir

from khabar.kb.loader import KB_FILE
from khabar.kb.name_table import arwikicats_pairs, build_table, kb_pairs, romanizer_pairs
from khabar.kb.translit import NameTable, split_name, transliterate


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"^(the|al|el)[ -]", "", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def held_out(english: str, every: int) -> bool:
    return int(hashlib.sha1(english.encode()).hexdigest(), 16) % every == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=10)
    args = parser.parse_args()
    arwikicats, romanizer = package_dir("ArWikiCats"), package_dir("arabic_name_romanizer")
    people = json.loads((arwikicats / "jsons" / "people" / "peoples.json").read_text("utf-8"))
    test = {re.sub(r"\s*\(.*\)$", "", en): ar for en, ar in people.items() if held_out(en, args.every)}
    test = {en: ar for en, ar in test.items() if len(split_name(ar)) == len(en.split())}
    test_arabic = set(test.values())
    pairs = [*kb_pairs(KB_FILE), *arwikicats_pairs(arwikicats)]
    if romanizer:
        pairs += romanizer_pairs(romanizer / "resources" / "names.sqlite3")
    test_english = {fold(e) for e in test}
    kept = [p for p in pairs if p[0] not in test_arabic and fold(p[1]) not in test_english]
    rows = {key: (english, total) for key, english, _count, total in build_table(kept)}
    spellers = {
        "rules": NameTable({}),
        "table": NameTable(rows, vowel_variants=False),
        "table+vowel variants": NameTable(rows),
    }
    print(f"{len(test)} held-out names, {sum(len(e.split()) for e in test)} words")
    for label, table in spellers.items():
        words = names = 0
        for english, arabic in test.items():
            got = fold(transliterate(arabic, table)).split()
            want = fold(english).split()
            words += sum(g == w for g, w in zip(got, want))
            names += got == want
        n_words = sum(len(fold(e).split()) for e in test)
        print(f"{label:22s} words {words / n_words:.3f}  names {names / len(test):.3f}")


if __name__ == "__main__":
    main()
