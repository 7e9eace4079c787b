#!/usr/bin/env python3
"""Build the event data files that are derived from shared data.

- `src/khabar/data/events/cameo2plover.tsv` from the PLOVER manual's CAMEO2PLOVER-2021 table;
- `src/khabar/data/events/seed_upetrarch.tsv`: every verb lemma and verb+complement pattern of the
  UniversalPetrarch Arabic CAMEO dictionary (CAMEO.ar.0.5, MIT) that carries a CAMEO code, with its PLOVER
  type. The hand-curated trigger files in `data/events/triggers/` were seeded from this list (its lemmas are
  machine-translated WordNet synsets, too noisy to use unreviewed) and extended by the team.

usage: python scripts/build_event_lexicon.py [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src/khabar/data/events"
MAPPING = "plover_gsr_cameo/CAMEO2PLOVER-2021.txt"
UP_DICT = "universalpetrarch_arabic/UniversalPetrarch/data/dictionaries/arabic/CAMEO.ar.0.5.txt"

MAP_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*,([^,#]*)(?:,([^#]*))?(?:#\s*(.*))?$")
HEADER = re.compile(r"^---\s*(\S+)\s*\[([0-9-]+)\]\s*---")
PATTERN = re.compile(r"^-\s*\*\s*(.*?)\s*\[(\d+)\]")
LEMMA = re.compile(r"^([^\s#\-][^#\[]*?)\s*(?:\[(\d+)\])?\s*#")


def parse_mapping(path: Path) -> list[tuple[str, str, str, str, str]]:
    """(cameo, plover type, mode, contexts separated by ';', description) per coded line."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = MAP_LINE.match(line.strip())
        if not m:
            continue
        code, ptype, mode, context, desc = m.groups()
        contexts = ";".join(c.strip() for c in (context or "").split(";") if c.strip())
        rows.append((code, ptype, mode.strip(), contexts, (desc or "").strip()))
    return rows


def parse_up_dictionary(path: Path, plover: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """(verb lemmas joined by '|', complement pattern or '', cameo, plover type) for every coded entry."""
    rows: list[tuple[str, str, str, str]] = []
    lemmas: list[str] = []
    block_code = None
    in_verbs = False
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if not in_verbs or not line:
            continue
        if header := HEADER.match(line):
            lemmas, block_code = [], header.group(2)
            continue
        if pattern := PATTERN.match(line):
            complement, code = pattern.groups()
            rows.append(("|".join(dict.fromkeys(lemmas)), complement.strip(), code, plover_type(code, plover)))
            continue
        if lemma := LEMMA.match(line):
            word = lemma.group(1).strip()
            lemmas.append(word)
            code = lemma.group(2) or (block_code if block_code and block_code.isdigit() else None)
            if code:
                rows.append((word, "", code, plover_type(code, plover)))
    return [r for r in dict.fromkeys(rows) if r[3]]


def plover_type(code: str, plover: dict[str, str]) -> str:
    """The PLOVER type of a CAMEO code, falling back to its parent codes (0231 → 023 → 02)."""
    for length in range(len(code), 1, -1):
        if code[:length] in plover:
            return plover[code[:length]]
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parent.parent / "../shared/data")
    args = parser.parse_args()
    mapping = parse_mapping(args.shared / MAPPING)
    with open(OUT / "cameo2plover.tsv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(["cameo", "type", "mode", "context", "description"])
        writer.writerows(mapping)
    plover = {code: ptype for code, ptype, *_ in mapping}
    # two-digit roots (e.g. "03: AGREE") are headers in the table, not coded lines
    for line in (args.shared / MAPPING).read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^(\d{2}):\s*([A-Z]+)\s*$", line.strip()):
            plover.setdefault(m.group(1), m.group(2))
    seed = parse_up_dictionary(args.shared / UP_DICT, plover)
    with open(OUT / "seed_upetrarch.tsv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(["lemmas", "complement", "cameo", "type"])
        writer.writerows(seed)
    print(f"cameo2plover.tsv: {len(mapping)} codes; seed_upetrarch.tsv: {len(seed)} entries")


if __name__ == "__main__":
    main()
