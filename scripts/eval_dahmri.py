#!/usr/bin/env python3
"""Agreement of khabar.dates with the TIMEX3 tags of ../shared/data/arabic_timeml_heideltime_dahmri.

Those tags are the OUTPUT OF A RULE SYSTEM (HeidelTime, as enhanced by dahmri), not hand-made gold: see that
folder's SOURCE.txt. The figures below are agreement between two rule systems, not accuracy.

usage (from the repo root): python scripts/eval_dahmri.py [--diff]
The files carry no document creation time, so values of relative expressions are compared only in documents
where one of their tags resolves "اليوم"/"أمس"/"غدا" (the anchor is taken from it); explicit values always.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import sys
from collections import Counter
from pathlib import Path

from khabar.dates import tag_dates
from khabar.text.normalize import normalize

CORPUS = (
    Path(__file__).resolve().parents[1].parent / "shared" / "data" / "arabic_timeml_heideltime_dahmri" / "Corpus_test"
)
TIMEX = re.compile(
    r'<TIMEX3 [^>]*?type="(?P<type>[A-Z]+)"[^>]*?value="(?P<value>[^"]*)"[^>]*>(?P<text>.*?)</TIMEX3>', re.S
)
RELATIVE_DAYS = {"اليوم": 0, "امس": -1, "الامس": -1, "غدا": 1}


def read_tml(path: Path) -> tuple[str, list[dict]]:
    """Plain text and its TIMEX3 tags with offsets into it."""
    raw = path.read_text(encoding="utf-8-sig")
    body = raw.split("<TimeML>", 1)[1].rsplit("</TimeML>", 1)[0].lstrip("\ufeff")
    text, tags, last = [], [], 0
    length = 0
    for m in TIMEX.finditer(body):
        before = html.unescape(body[last : m.start()])
        text.append(before)
        length += len(before)
        inner = html.unescape(m.group("text"))
        tags.append(
            {
                "start": length,
                "end": length + len(inner),
                "text": inner,
                "type": m.group("type"),
                "value": m.group("value"),
            }
        )
        text.append(inner)
        length += len(inner)
        last = m.end()
    text.append(html.unescape(body[last:]))
    return "".join(text), tags


def inferred_anchor(tags: list[dict]) -> dt.date | None:
    for tag in tags:
        offset = RELATIVE_DAYS.get(normalize(tag["text"]).strip())
        if offset is not None and re.fullmatch(r"\d{4}-\d\d-\d\d", tag["value"]):
            return dt.date.fromisoformat(tag["value"]) - dt.timedelta(days=offset)
    return None


def explicit(tag: dict) -> bool:
    """A value the text states in full (a four-digit year is written), so it does not depend on an anchor."""
    return bool(re.search(r"\d{4}", normalize(tag["text"])))


def overlaps(a, b) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / max(1, whole):.3f}"


def main() -> None:
    if not CORPUS.is_dir():
        sys.exit(f"not found: {CORPUS}")
    counts = Counter()
    diffs = []
    for path in sorted(CORPUS.glob("*.tml"), key=lambda p: int(re.sub(r"\D", "", p.stem))):
        text, tags = read_tml(path)
        anchor = inferred_anchor(tags)
        counts["docs"] += 1
        counts["docs with an inferred anchor"] += anchor is not None
        mine = [m.to_dict() for m in tag_dates(text, anchor)]
        counts["theirs"] += len(tags)
        counts["ours"] += len(mine)
        counts["exact span"] += sum(any(t["start"] == m["start"] and t["end"] == m["end"] for m in mine) for t in tags)
        counts["theirs overlapped"] += sum(any(overlaps(t, m) for m in mine) for t in tags)
        counts["ours overlapped"] += sum(any(overlaps(t, m) for t in tags) for m in mine)
        for t in tags:
            pair = next((m for m in mine if overlaps(t, m)), None)
            if pair is None:
                diffs.append(f"{path.stem}: only theirs {t['text']!r} {t['type']} {t['value']}")
                continue
            counts["pairs"] += 1
            counts["same type"] += pair["type"] == t["type"]
            if explicit(t) or anchor is not None:
                counts["comparable values"] += 1
                counts["same value"] += pair["value"] == t["value"]
                if pair["value"] != t["value"]:
                    diffs.append(
                        f"{path.stem}: value {t['text']!r} theirs {t['value']} ours {pair['value']} ({pair['text']!r})"
                    )
        diffs += [
            f"{path.stem}: only ours {m['text']!r} {m['type']} {m['value']}"
            for m in mine
            if not any(overlaps(t, m) for t in tags)
        ]
    print("Agreement with the HeidelTime-style TIMEX3 tags of arabic_timeml_heideltime_dahmri")
    print("(those tags are a rule system's output, not hand gold: agreement, not accuracy)")
    print(f"documents: {counts['docs']} ({counts['docs with an inferred anchor']} with an anchor inferred from tags)")
    print(f"their tags: {counts['theirs']}, our expressions: {counts['ours']}")
    p = counts["ours overlapped"] / max(1, counts["ours"])
    r = counts["theirs overlapped"] / max(1, counts["theirs"])
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"span overlap: ours covered by theirs {p:.3f}, theirs covered by ours {r:.3f}, F1 {f:.3f}")
    print(f"exact span: {ratio(counts['exact span'], counts['theirs'])}")
    print(f"type agreement on overlapping pairs: {ratio(counts['same type'], counts['pairs'])}")
    print(f"value agreement on comparable pairs: {ratio(counts['same value'], counts['comparable values'])}")
    if "--diff" in sys.argv:
        print("\n".join(diffs))


if __name__ == "__main__":
    main()
