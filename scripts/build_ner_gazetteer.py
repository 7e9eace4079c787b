"""Build the tagger's gazetteer (src/khabar/models/ner/gazetteer.tsv, `type<TAB>name`) from ANERGazet.

usage: python scripts/build_ner_gazetteer.py [SHARED_DATA_DIR]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src/khabar/models/ner/gazetteer.tsv"
SOURCES = {"PERS": "AlignedPersGazetteer", "LOC": "AlignedLocGazetteer", "ORG": "AlignedOrgGazetteer"}
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")  # "====" and "****" lines separate groups


def main(data: Path) -> None:
    rows = []
    for kind, folder in SOURCES.items():
        text = (data / "anercorp/data/ANERGazet" / folder / "data").read_text(encoding="utf-8")
        names = {" ".join(line.split()) for line in text.splitlines() if _ARABIC_LETTER.search(line)}
        rows += [f"{kind}\t{name}\n" for name in sorted(names)]
    OUT.write_text("".join(rows), encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
