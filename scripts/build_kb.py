#!/usr/bin/env python3
"""Build src/khabar/data/kb/kb.json.gz from the curated files and the offline sources.

usage: python scripts/build_kb.py [--shared ../shared/data]

Sources: CLDR (babel) and pycountry; the curated YAML in src/khabar/data/kb/curated/; arwikicats
(pip install 'khabar[kb]'); the UniversalPetrarch Arabic dictionaries, ANERGazet and ANERcorp (to find
names that are mostly common words) under the shared data.
A source that is missing is reported and skipped, so the build always runs.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

from khabar.kb.build import build, write
from khabar.kb.loader import KB_FILE

UP_PATH = "universalpetrarch_arabic/UniversalPetrarch/data/dictionaries/arabic"
ANERGAZET_PATH = "anercorp/data/ANERGazet"
ANERCORP_TRAIN = "anercorp/derived/ANERCorp_CamelLabStyle_train.txt"


def arwikicats_dir() -> Path | None:
    # Only its JSON data is read: importing the package itself is slow and prints statistics.
    spec = importlib.util.find_spec("ArWikiCats")
    return Path(spec.origin).parent if spec and spec.origin else None


def existing(path: Path) -> Path | None:
    return path if path.exists() else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1] / "../shared/data")
    parser.add_argument("--out", type=Path, default=KB_FILE)
    args = parser.parse_args()
    found = {
        "arwikicats": arwikicats_dir(),
        "universalpetrarch": existing(args.shared / UP_PATH),
        "anergazet": existing(args.shared / ANERGAZET_PATH),
        "anercorp": existing(args.shared / ANERCORP_TRAIN),
    }
    for name, path in found.items():
        print(f"{name:18s} {path or 'MISSING (skipped)'}", file=sys.stderr)
    kb = build(found["arwikicats"], found["universalpetrarch"], found["anergazet"], found["anercorp"])
    write(kb, args.out)
    print(
        f"{len(kb['entries'])} entries, {len(kb['nationalities'])} demonym forms, "
        f"{len(kb['ambiguous_alone'])} names not matched on their own -> {args.out}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
