"""The CAMEO → PLOVER table (`data/events/cameo2plover.tsv`, built from the PLOVER manual by
scripts/build_event_lexicon.py): type, mode and contexts for each CAMEO code."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from khabar.events.lexicon import DATA_DIR


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    description: str


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    with open(DATA_DIR / "cameo2plover.tsv", encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t")
        return {
            r["cameo"]: CameoCode(r["cameo"], r["type"], r["mode"] or None,
                                  tuple(c for c in r["context"].split(";") if c), r["description"])
            for r in rows
        }


def lookup(code: str) -> CameoCode | None:
    """The entry for `code`, or for its nearest listed parent (0231 → 023 → 02)."""
    table = cameo_table()
    for length in range(len(code), 1, -1):
        if code[:length] in table:
            return table[code[:length]]
    return None
