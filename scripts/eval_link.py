#!/usr/bin/env python3
"""Score entity mentions and linking on the shared gold with the text + entities + link layers only.

usage: python scripts/eval_link.py [--shared ../shared] [--show]

`--show` prints, per article, the gold entities that were missed or linked to another English name.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from khabar.link.evaluate import misses, run_gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1] / "../shared")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    scorer, golds, outs = run_gold(args.shared)
    res = scorer.score(golds, outs)
    print("mentions", res["mentions"])
    print("typed   ", res["typed_mentions"])
    print("linking ", res["linking"])
    if args.show:
        print("\n".join(misses(scorer, golds, outs)))


if __name__ == "__main__":
    main()
