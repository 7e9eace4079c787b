"""Build the tagger's gazetteers (`type<TAB>name` files in src/khabar/models/ner/): gazetteer.tsv from
ANERGazet and kb_gazetteer.tsv from the names and Arabic aliases of the knowledge base (a snapshot, so that
the model keeps the input it was trained with when the KB changes).

usage: python scripts/build_ner_gazetteer.py [SHARED_DATA_DIR]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from khabar.kb.loader import read_kb

MODEL_DIR = Path(__file__).resolve().parent.parent / "src/khabar/models/ner"
SOURCES = {"PERS": "AlignedPersGazetteer", "LOC": "AlignedLocGazetteer", "ORG": "AlignedOrgGazetteer"}
KB_TYPES = {"PER": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}  # ANERcorp merges GPE into LOC
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")  # "====" and "****" lines separate groups


def anergazet_rows(data: Path) -> list[str]:
    rows = []
    for kind, folder in SOURCES.items():
        text = (data / "anercorp/data/ANERGazet" / folder / "data").read_text(encoding="utf-8")
        names = {" ".join(line.split()) for line in text.splitlines() if _ARABIC_LETTER.search(line)}
        rows += [f"{kind}\t{name}\n" for name in sorted(names)]
    return rows


def kb_rows() -> list[str]:
    kb = read_kb(imports=Path("/nonexistent"))  # the packaged KB only, not a user's Wikidata import
    names = {(KB_TYPES[e.type], " ".join(name.split())) for e in kb.entries.values()
             for name in (e.name_ar, *e.aliases_ar) if name and e.type in KB_TYPES}
    return [f"{kind}\t{name}\n" for kind, name in sorted(names)]


def main(data: Path) -> None:
    for file, rows in (("gazetteer.tsv", anergazet_rows(data)), ("kb_gazetteer.tsv", kb_rows())):
        (MODEL_DIR / file).write_text("".join(rows), encoding="utf-8")
        print(f"{len(rows)} names -> {MODEL_DIR / file}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
