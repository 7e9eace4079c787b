"""Sentence-level evaluation on the Arabic PLOVER gold standard records (arabic_event_gsr: ASSAULT and PROTEST
sentences with hard negatives). A sentence counts as coded with a type when the coder finds an asserted,
non-negated trigger of that type in it; 'ambiguous' sentences are left out.

The records are split in two halves by a hash of their id: `dev` is the half the lexicons were tuned on,
`test` the half kept for reporting.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from khabar.document import Document
from khabar.events.coder import EventCoder
from khabar.text import TextAnalyzer

GSR_FILES = {"ASSAULT": "assault_gsr.csv", "PROTEST": "protest_gsr.csv"}
POSITIVE = "yes"
LEFT_OUT = "ambiguous"


@dataclass(frozen=True, slots=True)
class GsrSentence:
    id: str
    type: str
    text: str
    gold: bool


def split_of(sentence_id: str) -> str:
    return "dev" if hashlib.sha1(sentence_id.encode()).digest()[0] % 2 == 0 else "test"


def load_gsr(folder: Path, split: str = "all") -> list[GsrSentence]:
    out = []
    for ptype, name in GSR_FILES.items():
        with open(folder / name, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row["label"] == LEFT_OUT or (split != "all" and split_of(row["id"]) != split):
                    continue
                out.append(GsrSentence(row["id"], ptype, row["text"], row["label"] == POSITIVE))
    return out


def coded_types(text: str, analyzer: TextAnalyzer, coder: EventCoder) -> set[str]:
    doc = Document(id="gsr", text=text)
    analyzer(doc)
    return {d.type for d in coder.detect(doc) if d.asserted}


def evaluate(sentences: Iterable[GsrSentence], coder: EventCoder | None = None,
             specificity: bool = False) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 per type, with the counts behind them; `specificity` adds the learnt filter of
    attacks and protests mentioned in passing (khabar.events.specificity)."""
    analyzer, coder = TextAnalyzer(), coder or EventCoder(specificity=specificity)
    counts: dict[str, dict[str, int]] = {}
    for s in sentences:
        c = counts.setdefault(s.type, {"tp": 0, "fp": 0, "fn": 0, "n": 0})
        predicted = s.type in coded_types(s.text, analyzer, coder)
        c["n"] += 1
        c["tp"] += predicted and s.gold
        c["fp"] += predicted and not s.gold
        c["fn"] += s.gold and not predicted
    return {ptype: _prf(c) for ptype, c in counts.items()}


def _prf(c: dict[str, int]) -> dict[str, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), **c}
